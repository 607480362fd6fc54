"""What a screen reader finds inside the timeline: the events drawn now.

The timeline paints its events itself, so without help assistive technology
sees one empty picture. :class:`TimelineAccessible` tells it the timeline is a
list whose items are the marks and "+N" groups on screen, in time order, each
named by its title (or its count) and described by its date, kind and status;
an item can be selected (and a group opened) through its default action. Items
are virtual (they have no widget), so each keeps one interface for as long as
it is shown, and Qt's accessibility cache owns it (as Qt's own item views do).

(PySide's stubs say these methods never return None; Qt's API returns null
for "no such child", hence the ``type: ignore[override]``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QRectF
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget
from shiboken6 import VoidPtr, getCppPointer

from viewer.axis import span_words
from viewer.domain import words
from viewer.domain.describe import describe_date
from viewer.domain.names import kind_name, status_name
from viewer.layout import Layout, Placed

if TYPE_CHECKING:
    from viewer.ui.timeline_view import TimelineView

#: At most this many items are offered at once (a far zoom draws counts, not
#: thousands of marks, so this only ever trims a crowded, wide screen).
MOST_ITEMS = 500


def item_key(item: Placed) -> tuple[int, ...]:
    """What an item is, across layouts: its event, or the events of its group."""
    if item.is_cluster:
        return (-1, item.positions[0], item.count)
    return (item.positions[0],)


class TimelineAccessible(QAccessibleWidget):
    """The timeline as a list of the events (and groups) drawn in it now."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view, QAccessible.Role.List, "")
        self.view = view
        #: One interface per item shown, kept while it is shown.
        self._items: dict[tuple[int, ...], EventItemAccessible] = {}
        self._order: list[tuple[int, ...]] = []
        self._stamp: tuple[object, ...] = ()
        self._layout: Layout | None = None

    # The list's items are the ones on screen; the scroll bars are left out
    # (the keys pan and zoom, and a screen reader reads the events).
    def visible(self) -> list[Placed]:
        view = self.view
        if view.renderer.timeline is None:
            return []
        shown = view.shown_area()
        items = [
            item
            for item in view.current_layout().items()
            if shown.intersects(_rect(item)) and item.positions
        ]
        items.sort(key=lambda item: (item.glyph.x(), item.glyph.y()))
        return items[:MOST_ITEMS]

    def refresh(self, *, tell: bool = False) -> None:
        """Match the items to what is drawn now; forget the ones gone from view.

        With ``tell``, assistive technology hears of each item that came and went.
        """
        view = self.view
        layout = view.current_layout()
        stamp = (
            view.verticalScrollBar().value(),
            view.viewport().size(),
            id(view.renderer.index),
        )
        if stamp == self._stamp and self._layout is layout:
            return
        self._stamp, self._layout = stamp, layout
        shown = self.visible()
        keys = [item_key(item) for item in shown]
        came: list[EventItemAccessible] = []
        for key, item in zip(keys, shown, strict=True):
            known = self._items.get(key)
            if known is None:
                known = self._items[key] = EventItemAccessible(self, item)
                came.append(known)
            else:
                known.placed = item
        self._order = keys
        for key in set(self._items) - set(keys):
            interface = self._items.pop(key)
            if tell:
                QAccessible.updateAccessibility(
                    QAccessibleEvent(interface, QAccessible.Event.ObjectDestroyed)
                )
            interface.placed = None
            # Qt's cache owns what it was given: it deletes the item, which
            # leaves this wrapper empty (and safe to drop).
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))
        if tell:
            for interface in came:
                QAccessible.updateAccessibility(
                    QAccessibleEvent(interface, QAccessible.Event.ObjectCreated)
                )

    def item_interfaces(self) -> list[EventItemAccessible]:
        self.refresh()
        return [self._items[key] for key in self._order]

    def childCount(self) -> int:
        self.refresh()
        return len(self._order)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        self.refresh()
        if 0 <= index < len(self._order):
            return self._items[self._order[index]]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        for position, key in enumerate(self._order):
            if self._items[key] is child:
                return position
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        point = self.view.viewport().mapFromGlobal(QPoint(x, y))
        found = self.view.item_at(point.toPointF())
        if found is None:
            return None
        self.refresh()
        return self._items.get(item_key(found))

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        selected = self.selected_item()
        return selected if selected is not None else None

    def selected_item(self) -> EventItemAccessible | None:
        event_id = self.view.selection.event_id
        position = self.view.renderer.index.position.get(event_id) if event_id else None
        if position is None:
            return None
        self.refresh()
        return self._items.get((position,))


class EventItemAccessible(QAccessibleInterface):
    """One event (or "+N" group) drawn in the timeline, as a list item."""

    def __init__(self, owner: TimelineAccessible, placed: Placed) -> None:
        super().__init__()
        self.owner = owner
        #: Where it is drawn now; None once it is no longer shown.
        self.placed: Placed | None = placed
        self._action = _ItemAction(self)

    def isValid(self) -> bool:
        return self.placed is not None

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self.owner.window()

    def parent(self) -> QAccessibleInterface:
        return self.owner

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def relations(
        self, match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations
    ) -> list:  # type: ignore[type-arg]
        return []

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        placed = self.placed
        if placed is None:
            return ""
        if kind == QAccessible.Text.Name:
            return item_name(self.owner.view, placed)
        if kind == QAccessible.Text.Description:
            return item_description(self.owner.view, placed)
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        return None

    def rect(self) -> QRect:
        placed = self.placed
        if placed is None:
            return QRect()
        view = self.owner.view
        hit = _rect(placed)
        area = QRectF(view.to_view(hit.left(), hit.top()), view.to_view(hit.right(), hit.bottom()))
        area = area.intersected(QRectF(view.viewport().rect()))
        top_left = view.viewport().mapToGlobal(area.topLeft().toPoint())
        return QRect(top_left, area.size().toSize())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = True
        state.focusable = True
        if self.placed is None:
            state.invisible = True
            return state
        selected = self.owner.selected_item() is self
        state.selected = selected
        state.focused = selected and self.owner.view.hasFocus()
        return state

    def interface_cast(self, kind: QAccessible.InterfaceType) -> VoidPtr:  # type: ignore[override]
        # Qt wants the C++ address of the interface asked for, not a wrapper.
        if kind == QAccessible.InterfaceType.ActionInterface:
            return VoidPtr(getCppPointer(self._action)[0])
        return VoidPtr(0)  # (None would be the address of Python's None)


class _ItemAction(QAccessibleActionInterface):
    """Press: select the event, or open the group's list (as a click does)."""

    def __init__(self, item: EventItemAccessible) -> None:
        super().__init__()
        self.item = item

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]

    def doAction(self, name: str) -> None:
        placed = self.item.placed
        if placed is None or name != QAccessibleActionInterface.pressAction():
            return
        view = self.item.owner.view
        if placed.is_cluster:
            view.open_cluster(placed)
        else:
            view.selection.select(view.renderer.index.events[placed.positions[0]].id)

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


def _rect(item: Placed) -> QRectF:
    area = item.hit
    return QRectF(area.x(), area.y(), area.width(), area.height())


def item_name(view: TimelineView, item: Placed) -> str:
    index = view.renderer.index
    if item.is_cluster:
        #: A group of events drawn as one mark ("+N" or a count), named for a screen reader.
        return QCoreApplication.translate("TimelineAccessible", "{0} events").format(
            words.number(item.count)
        )
    return index.title(item.positions[0])


def item_description(view: TimelineView, item: Placed) -> str:
    index = view.renderer.index
    if item.is_cluster:
        translate = QCoreApplication.translate
        if item.bucket:
            #: A count of events far out, for a screen reader; {0} is the time it spans.
            what = translate("TimelineAccessible", "{0}. Press to zoom in.")
        else:
            #: A group of events, for a screen reader; {0} is the time it spans.
            what = translate("TimelineAccessible", "{0}. Press to choose one.")
        return what.format(span_words(*item.span))
    event = index.events[item.positions[0]]
    return f"{describe_date(event.date)}. {kind_name(event.kind)}, {status_name(event.status)}."


def factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks this for every object's interface; the timeline gets its own."""
    from viewer.ui.timeline_view import TimelineView

    if isinstance(obj, TimelineView):
        return TimelineAccessible(obj)
    return None


_installed = False


def install() -> None:
    """Let Qt ask :func:`factory` (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(factory)
        _installed = True


def children_changed(view: TimelineView) -> None:
    """Tell assistive technology the items drawn changed (a pan, a zoom, a filter)."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(view)
    if isinstance(interface, TimelineAccessible):
        interface.refresh(tell=True)


def announce_selection(view: TimelineView) -> None:
    """Tell assistive technology the selected event's item has the focus."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(view)
    if not isinstance(interface, TimelineAccessible):
        return
    item = interface.selected_item()
    if item is not None:
        QAccessible.updateAccessibility(QAccessibleEvent(item, QAccessible.Event.Focus))
