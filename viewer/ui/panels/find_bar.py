"""Find in the window: the find bar, and the list of results a click selects.

The search runs in :class:`~viewer.ui.controllers.finder.FindController`; the bar
types the query and steps through what it found, the list shows the results.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from viewer.ui.controllers.finder import FindController
from viewer.ui.document.selection import Selection
from viewer.ui.models.roles import ItemRole
from viewer.ui.models.search_results import SearchResultsModel
from viewer.ui.widgets.announce import announce
from viewer.ui.widgets.keys import key_names
from viewer.ui.widgets.views import FitWidthDelegate, clear_button

_Index = QModelIndex | QPersistentModelIndex


class FindBar(QWidget):
    """The query field with Previous, Next, what was found and a close button."""

    def __init__(self, find: FindController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(self.tr("Find"))
        self._find = find
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName(self.tr("Find"))
        self.edit.setPlaceholderText(self.tr("Find in events, quotes, actors and my notes"))
        clear_button(self.edit, self.tr("Clear the query"))
        #: The find field's tooltip; {0}, {1} and {2} are keys (Enter, Shift+Enter, Escape).
        how = self.tr(
            "Every word must match; case and accents do not matter.\n"
            "{0}: next match, {1}: previous, {2}: close"
        )
        self.edit.setToolTip(how.format(*(key_names(k) for k in ("Enter", "Shift+Enter", "Esc"))))
        self.previous = QToolButton(self)
        self.previous.setObjectName("findPrevious")
        self.previous.setArrowType(Qt.ArrowType.UpArrow)
        self.previous.setToolTip(self.tr("Previous match ({0})").format(key_names("Shift+F3")))
        self.previous.setAccessibleName(self.tr("Previous match"))
        self.next = QToolButton(self)
        self.next.setObjectName("findNext")
        self.next.setArrowType(Qt.ArrowType.DownArrow)
        self.next.setToolTip(self.tr("Next match ({0})").format(key_names("F3")))
        self.next.setAccessibleName(self.tr("Next match"))
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        widest = self.tr("Preparing search… {0}%").format(100)
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setText("\u2715")
        self.close_button.setToolTip(self.tr("Close the find bar ({0})").format(key_names("Esc")))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        label = QLabel(self.tr("Fi&nd:"), self)
        label.setBuddy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(label)
        row.addWidget(self.edit, 1)
        row.addWidget(self.previous)
        row.addWidget(self.next)
        row.addWidget(self.status)
        row.addWidget(self.close_button)

        self.edit.textChanged.connect(find.set_query)
        self.edit.returnPressed.connect(lambda: find.step(1))
        self.previous.clicked.connect(lambda: find.step(-1))
        self.next.clicked.connect(lambda: find.step(1))
        self.close_button.clicked.connect(self.close_bar)
        # What a screen reader was last told of the results, while it is shown.
        self._heard = ""
        # What had the focus when the bar opened: it has it back when the bar closes.
        self._return_to: QWidget | None = None
        find.resultsChanged.connect(self._show_status)
        find.resultsChanged.connect(self._announce_status)
        find.currentChanged.connect(self._show_status)
        find.stepped.connect(self._announce_status)
        self.edit.installEventFilter(self)

    def open_bar(self) -> None:
        before = QApplication.focusWidget()
        if before is not None and before is not self and not self.isAncestorOf(before):
            self._return_to = before  # where Escape takes the focus back
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self._find.set_query(self.edit.text(), select_first=False)

    def close_bar(self) -> None:
        """Hide the bar, the focus back where it was when the bar opened (if that
        can still take it), not on whatever follows the bar."""
        back, self._return_to = self._return_to, None
        if back is not None and isValid(back) and back.isVisible() and back.isEnabled():
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        self.hide()
        self._find.set_query("")

    def _show_status(self) -> None:
        text = self._find.status()
        self.status.setText(text)
        has = len(self._find.rows) > 0
        self.previous.setEnabled(has)
        self.next.setEnabled(has)
        if text != self._heard and self._find.settled():
            self._heard = ""  # other words shown since: those heard may be read again

    def _announce_status(self) -> None:
        """Have a screen reader read what the search found ("No matches", "2 of
        17"), once it has found it, when the query or a step changed it: not
        its progress, nor the same words twice, nor when another part of the
        window selects an event."""
        text = self.status.text()
        if text and text != self._heard and self._find.settled() and self.isVisible():
            self._heard = text
            announce(self.status, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shifted:
                self._find.step(-1)
                return True
        return super().eventFilter(watched, event)


class FindResults(QWidget):
    """The list of results; clicking one selects its event."""

    def __init__(self, find: FindController, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findResults")
        self.setAccessibleName(self.tr("Search results"))
        self._selection = selection
        self.model = SearchResultsModel(find, self)
        self.view = QListView(self)
        self.view.setObjectName("findResultsList")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setUniformItemSizes(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegate(FitWidthDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self._find = find
        find.currentChanged.connect(self._follow)
        find.resultsChanged.connect(self._follow)

    def _follow(self) -> None:
        """Mark the selected event's row, and show it."""
        current = self._find.current()
        if current is None:
            self.view.clearSelection()
            return
        index = self.model.index(current, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _activated(self, index: _Index) -> None:
        event_id = index.data(ItemRole.EVENT_ID)
        if event_id:
            self._selection.select(str(event_id))
