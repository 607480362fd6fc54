"""The details pane's text, as a document whose links the keys and a screen reader reach.

:class:`DetailsBrowser` is the read-only :class:`QTextBrowser` the details pane
shows its HTML in. ``Tab`` and ``Shift+Tab`` move from link to link (Qt's own
anchor focus), ``Enter`` follows the link; while it has the keys the pane
draws a frame in the highlight colour, and a second one round the link the
keys are on.

Qt tells assistive technology that a text browser is a label, and its links
are no part of what it tells. :class:`DetailsAccessible` says instead that
the pane is a document (its text read through :class:`DocumentText`) whose
children are its links: each named by its words, described where the words
alone are ambiguous ("edit", "delete" under several notes), focused when the
keys are on it, and followed through its "Press" action. The links are
virtual (they have no widget): each keeps one interface for as long as the
document it belongs to is shown, and Qt's accessibility cache owns it (as in
:mod:`viewer.ui.timeline.access`).

(PySide's stubs say these methods never return None; Qt's API returns null
for "no such child", hence the ``type: ignore[override]``.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTextInterface,
    QFocusEvent,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import QAccessibleWidget, QTextBrowser, QToolTip, QWidget
from shiboken6 import VoidPtr, getCppPointer

from viewer.domain.text import without_isolates
from viewer.ui.widgets.access_leaf import LeafAccessible, delete_leaves, install_factory


@dataclass(frozen=True)
class Link:
    """A link in the document: where its words are, where it leads, and its words."""

    start: int
    end: int
    href: str
    text: str


def document_links(browser: QTextBrowser) -> list[Link]:
    """The links of the browser's document in reading order (named anchors, which
    lead nowhere, left out); neighbouring pieces of one link are one link."""
    links: list[Link] = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.isValid():
                continue
            fmt = fragment.charFormat()
            href = fmt.anchorHref() if fmt.isAnchor() else ""
            if not href:
                continue
            start, end = fragment.position(), fragment.position() + fragment.length()
            last = links[-1] if links else None
            if last is not None and last.href == href and last.end == start:
                links[-1] = Link(last.start, end, href, last.text + fragment.text())
            else:
                links.append(Link(start, end, href, fragment.text()))
        block = block.next()
    return [Link(k.start, k.end, k.href, k.text.strip()) for k in links]


class DetailsBrowser(QTextBrowser):
    """The pane's read-only text; ``describe`` says what a link's words leave
    unsaid (``""``: nothing), for a screen reader."""

    def __init__(self, describe: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install()
        self.describe = describe
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Counts the documents shown: a link belongs to one of them.
        self.generation = 0
        self._links: list[Link] = []
        self._links_of = -1

    def event(self, event: QEvent) -> bool:
        """Over a link, its tooltip is its description (which source a "[2]" is,
        what a grade "B3" means): what a screen reader reads, the eye sees."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            href = self.anchorAt(self.viewport().mapFrom(self, event.pos()))
            said = self.describe(href) if href else ""
            if said:
                QToolTip.showText(event.globalPos(), without_isolates(said), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- the document and its links ---------------------------------------------

    def show_html(self, html: str, *, keep_place: bool = False) -> None:
        """Show ``html``. With ``keep_place`` (the same event again, a note changed),
        the keys stay on the link they were on (or the one now in its place)."""
        place = self._place() if keep_place else None
        self.setHtml(html)
        self.generation += 1
        if place is not None:
            self._restore(*place)
        links_changed(self)

    def links(self) -> list[Link]:
        """The links of the document shown, in reading order."""
        if self._links_of != self.generation:
            self._links, self._links_of = document_links(self), self.generation
        return self._links

    def current_link(self) -> int | None:
        """The index of the link the keys are on (Tab put them there), if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        span = (cursor.selectionStart(), cursor.selectionEnd())
        for n, link in enumerate(self.links()):
            if (link.start, link.end) == span:
                return n
        return None

    def focus_link(self, index: int) -> bool:
        """Put the keys on link ``index`` (as Tab does), so Enter follows it."""
        links = self.links()
        if not 0 <= index < len(links):
            return False
        cursor = QTextCursor(self.document())
        if index > 0:  # Qt finds the next anchor after the one it is on
            cursor.setPosition(links[index - 1].start)
            cursor.setPosition(links[index - 1].end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        moved = QTextBrowser.focusNextPrevChild(self, True)
        self._link_focus_moved()
        return moved and self.current_link() == index

    def follow(self, index: int) -> None:
        """Follow link ``index``, as Enter on it does."""
        links = self.links()
        if 0 <= index < len(links):
            self.focus_link(index)
            self.anchorClicked.emit(QUrl(links[index].href))

    def link_rects(self, link: Link) -> list[QRect]:
        """Where the link's words are in the viewport, one rectangle per line."""
        lines: dict[int, QRect] = {}
        cursor = QTextCursor(self.document())
        for position in range(link.start, link.end + 1):
            cursor.setPosition(position)
            rect = self.cursorRect(cursor)
            known = lines.get(rect.top())
            lines[rect.top()] = rect if known is None else known.united(rect)
        return [rect for rect in lines.values() if rect.width() > 1]

    def _place(self) -> tuple[str, int, int] | None:
        """The link the keys are on: its address, which of the links there with it
        this is, and its index."""
        index = self.current_link()
        if index is None:
            return None
        links = self.links()
        href = links[index].href
        return href, sum(1 for k in links[:index] if k.href == href), index

    def _restore(self, href: str, nth: int, index: int) -> None:
        links = self.links()
        if not links:
            return
        same = [n for n, link in enumerate(links) if link.href == href]
        self.focus_link(same[nth] if nth < len(same) else min(index, len(links) - 1))

    # -- the keys ---------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = super().focusNextPrevChild(next)
        if self.hasFocus():
            self._link_focus_moved()
        return moved

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def _link_focus_moved(self) -> None:
        self.viewport().update()
        if self.hasFocus():
            announce_link(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self.viewport())
        try:
            # Where the keys go: a frame in the highlight colour, round the pane
            # and round the link they are on.
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            index = self.current_link()
            if index is not None:
                for rect in self.link_rects(self.links()[index]):
                    painter.drawRoundedRect(QRectF(rect).adjusted(-2, -1, 2, 1), 3, 3)
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
        finally:
            painter.end()


# -- what a screen reader finds ---------------------------------------------------


class DetailsAccessible(QAccessibleWidget):
    """The pane as a read-only document whose children are its links."""

    def __init__(self, browser: DetailsBrowser) -> None:
        super().__init__(browser, QAccessible.Role.Document, "")
        self.browser = browser
        self._text = DocumentText(browser)
        self._items: list[LinkAccessible] = []
        self._items_of = -1
        self._where: dict[int, int] = {}
        # Links of a document no longer shown, not yet told and deleted.
        self._gone: list[LinkAccessible] = []
        self._came: list[LinkAccessible] = []
        self._deleting = False
        items, gone = self._items, self._gone
        browser.destroyed.connect(lambda: _delete_all(items, gone))

    def refresh(self, *, tell: bool = False) -> None:
        """Match the children to the document shown. With ``tell`` (an update,
        never a question), say which came and went, and have the gone ones deleted."""
        if self._items_of != self.browser.generation:
            self._items_of = self.browser.generation
            for item in self._items:
                item.index = None
            self._gone.extend(self._items)
            self._items.clear()
            self._items.extend(LinkAccessible(self, n) for n in range(len(self.browser.links())))
            self._came.extend(self._items)
            self._where = {id(item): n for n, item in enumerate(self._items)}
        if self._gone and not self._deleting:
            # Deleted from the event loop: never inside a call that asked.
            self._deleting = True
            QTimer.singleShot(0, self.browser, self._delete_gone)
        if tell:
            came = list(self._came)
            self._came.clear()
            for item in came:
                if item.index is not None:
                    QAccessible.updateAccessibility(
                        QAccessibleEvent(item, QAccessible.Event.ObjectCreated)
                    )

    def _delete_gone(self) -> None:
        self._deleting = False
        gone = list(self._gone)
        self._gone.clear()
        if QAccessible.isActive():
            for item in gone:
                QAccessible.updateAccessibility(
                    QAccessibleEvent(item, QAccessible.Event.ObjectDestroyed)
                )
        delete_leaves(gone)

    def state(self) -> QAccessible.State:
        state = super().state()
        state.readOnly = True
        return state

    def childCount(self) -> int:
        self.refresh()
        return len(self._items)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        self.refresh()
        return self._items[index] if 0 <= index < len(self._items) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return self._where.get(id(child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        point = self.browser.viewport().mapFromGlobal(QPoint(x, y))
        self.refresh()
        for item in self._items:
            if any(rect.contains(point) for rect in item.viewport_rects()):
                return item
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.focused_item()

    def focused_item(self) -> LinkAccessible | None:
        """The link the keys are on, while the pane has them."""
        if not self.browser.hasFocus():
            return None
        index = self.browser.current_link()
        self.refresh()
        return self._items[index] if index is not None and index < len(self._items) else None

    def interface_cast(self, kind: QAccessible.InterfaceType) -> VoidPtr:  # type: ignore[override]
        # Qt wants the C++ address of the interface asked for, not a wrapper.
        if kind == QAccessible.InterfaceType.TextInterface:
            return VoidPtr(getCppPointer(self._text)[0])
        # Nothing else: asking the base from here crashes the AT-SPI bridge
        # (PySide 6.11); a document has no actions of its own to offer.
        return VoidPtr(0)  # (None would be the address of Python's None)


class DocumentText(QAccessibleTextInterface):
    """The document's text, for a screen reader to read by character, word or line."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__()
        self.browser = browser

    def _cursor(self, position: int) -> QTextCursor:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(max(0, min(position, self.characterCount())))
        return cursor

    def characterCount(self) -> int:
        return max(0, self.browser.document().characterCount() - 1)

    def text(self, startOffset: int, endOffset: int) -> str:
        cursor = self._cursor(startOffset)
        end = max(0, min(endOffset, self.characterCount()))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        # Paragraphs and line breaks as new lines: one character each, as in the document.
        return cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def cursorPosition(self) -> int:
        return self.browser.textCursor().position()

    def setCursorPosition(self, position: int) -> None:
        self.browser.setTextCursor(self._cursor(position))

    def selectionCount(self) -> int:
        return 1 if self.browser.textCursor().hasSelection() else 0

    def addSelection(self, startOffset: int, endOffset: int) -> None:
        cursor = self._cursor(startOffset)
        cursor.setPosition(
            max(0, min(endOffset, self.characterCount())), QTextCursor.MoveMode.KeepAnchor
        )
        self.browser.setTextCursor(cursor)

    def setSelection(self, selectionIndex: int, startOffset: int, endOffset: int) -> None:
        if selectionIndex == 0:
            self.addSelection(startOffset, endOffset)

    def removeSelection(self, selectionIndex: int) -> None:
        if selectionIndex == 0:
            self.setCursorPosition(self.cursorPosition())

    def characterRect(self, offset: int) -> QRect:
        cursor = self._cursor(offset)
        rect = self.browser.cursorRect(cursor)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        after = self.browser.cursorRect(cursor)
        if after.top() == rect.top() and after.left() > rect.left():
            rect.setRight(after.left())
        viewport = self.browser.viewport()
        return QRect(viewport.mapToGlobal(rect.topLeft()), rect.size())

    def offsetAtPoint(self, point: QPoint) -> int:
        viewport = self.browser.viewport()
        local = viewport.mapFromGlobal(point)
        if not viewport.rect().contains(local):
            return -1
        return self.browser.cursorForPosition(local).position()

    def scrollToSubstring(self, startIndex: int, endIndex: int) -> None:
        self.browser.setTextCursor(self._cursor(startIndex))
        self.browser.ensureCursorVisible()


def _delete_all(items: list[LinkAccessible], gone: list[LinkAccessible]) -> None:
    delete_leaves([*items, *gone])
    items.clear()
    gone.clear()


class LinkAccessible(LeafAccessible):
    """One link of the document."""

    def __init__(self, owner: DetailsAccessible, index: int) -> None:
        super().__init__(owner)
        self.owner = owner
        # Which link of the document it is; None once that document is gone.
        self.index: int | None = index

    def press(self) -> None:
        if self.index is not None:
            self.owner.browser.follow(self.index)  # as Enter on it does

    def forget(self) -> None:
        self.index = None

    def link(self) -> Link | None:
        if self.index is None:
            return None
        links = self.owner.browser.links()
        return links[self.index] if self.index < len(links) else None

    def viewport_rects(self) -> list[QRect]:
        link = self.link()
        return self.owner.browser.link_rects(link) if link is not None else []

    def isValid(self) -> bool:
        return self.link() is not None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Link

    def text(self, kind: QAccessible.Text) -> str:
        link = self.link()
        if link is None:
            return ""
        if kind == QAccessible.Text.Name:
            return without_isolates(link.text)
        if kind == QAccessible.Text.Description:
            return without_isolates(self.owner.browser.describe(link.href))
        if kind == QAccessible.Text.Value:
            return link.href
        return ""

    def rect(self) -> QRect:
        rects = self.viewport_rects()
        if not rects:
            return QRect()
        area = rects[0]
        for rect in rects[1:]:
            area = area.united(rect)
        # Where it is, also when scrolled out of view (its state says so).
        return QRect(self.owner.browser.viewport().mapToGlobal(area.topLeft()), area.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = True
        state.linked = True
        link = self.link()
        if link is None:
            state.invisible = True
            return state
        browser = self.owner.browser
        state.focused = browser.hasFocus() and browser.current_link() == self.index
        if not any(r.intersects(browser.viewport().rect()) for r in self.viewport_rects()):
            state.offscreen = True
        return state


def _accessible(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks this for every object's interface: the details pane's is a document."""
    return DetailsAccessible(obj) if isinstance(obj, DetailsBrowser) else None


def install() -> None:
    """Let Qt ask :func:`_accessible` (once per process)."""
    install_factory(_accessible)


def links_changed(browser: DetailsBrowser) -> None:
    """Tell assistive technology the links changed (another document is shown)."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(browser)
    if isinstance(interface, DetailsAccessible):
        interface.refresh(tell=True)
        announce_link(browser)


def announce_link(browser: DetailsBrowser) -> None:
    """Tell assistive technology the link the keys are on has the focus."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(browser)
    if not isinstance(interface, DetailsAccessible):
        return
    item = interface.focused_item()
    if item is not None:
        QAccessible.updateAccessibility(QAccessibleEvent(item, QAccessible.Event.Focus))
