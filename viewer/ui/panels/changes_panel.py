"""The Changes panel: the events new, changed (field by field) and removed since
the reader last looked at the open timeline, and "Mark All as Seen"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.changes import ItemChange, values_apart
from viewer.domain.text import isolate, one_line, without_isolates
from viewer.domain.words import number
from viewer.ui.controllers.changes import Changes
from viewer.ui.document.selection import Selection
from viewer.ui.models.roles import ItemRole
from viewer.ui.widgets.empty_state import EmptyState

# A value longer than this (in characters) is cut with "…" in the list.
SHOWN_CHARS = 160


def _cut(text: str) -> str:
    text = one_line(text)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


class ChangesPanel(QWidget):
    """Lists what :class:`Changes` found; Enter or a double click on an event
    selects it (a removed one is only listed, greyed)."""

    def __init__(
        self, changes: Changes, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self._changes = changes
        self._selection = selection
        self.summary = QLabel(self)
        self.summary.setObjectName("changesSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changesList")
        self.tree.setAccessibleName(self.tr("Changes since you last looked"))
        self.tree.setHeaderHidden(True)
        #: The Changes list's (hidden) column header, for screen readers.
        self.tree.header().setAccessibleName(self.tr("What changed"))
        self.tree.setColumnCount(1)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.itemActivated.connect(lambda item, _column: self._go_to(item))
        self.mark_button = QPushButton(self.tr("Mark All as S&een"), self)
        self.mark_button.setObjectName("markAllSeen")
        self.mark_button.clicked.connect(changes.mark_all_seen)
        self.empty = EmptyState(self.tree, self._why_empty)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        changes.changed.connect(self._show)
        self._show()

    def _why_empty(self) -> str:
        if self._changes.timeline is None:
            return ""
        return self.tr("No changes since you last looked.")

    def _show(self) -> None:
        self.tree.clear()
        changes = self._changes
        timeline = changes.timeline
        events = changes.events
        if timeline is not None:
            for event_id in events.added:
                #: In the Changes list: an event that is new since the reader last looked.
                self._add(self.tr("New: {0}"), event_id, self._title(event_id), [], gone=False)
            for change in events.changed:
                #: In the Changes list: an event changed since the reader last looked.
                said = self.tr("Changed: {0}")
                self._add(said, change.id, self._title(change.id), self._fields(change), False)
            seen = changes.seen_events
            for event_id in events.removed:
                title = event_id
                if seen is not None and (row := seen.row_of(event_id)) is not None:
                    title = seen[row].title
                #: In the Changes list: an event no longer in the timeline (listed greyed).
                self._add(self.tr("Removed: {0}"), event_id, title, [], gone=True)
        self.tree.expandAll()
        quotes = changes.quotes
        quoted = len(quotes.added) + len(quotes.changed) + len(quotes.removed)
        if changes.count or quoted:
            #: Above the Changes list: {0} new, {1} changed, {2} removed events; {3} quotes.
            said = self.tr("{0} new, {1} changed, {2} removed events; {3} quotes changed")
            self.summary.setText(
                said.format(
                    number(len(events.added)),
                    number(len(events.changed)),
                    number(len(events.removed)),
                    number(quoted),
                )
            )
        else:
            self.summary.setText("")
        self.summary.setVisible(bool(self.summary.text()))
        self.mark_button.setEnabled(bool(changes.count or quoted))
        self.empty.refresh()

    def _title(self, event_id: str) -> str:
        timeline = self._changes.timeline
        event = timeline.events_by_id.get(event_id) if timeline is not None else None
        return event.title if event is not None else event_id

    def _fields(self, change: ItemChange) -> list[str]:
        """Each field that differs: "title: old → new" (values cut, plain text)."""
        lines = []
        for field in change.fields:
            old, new = values_apart(field, SHOWN_CHARS)
            lines.append(f"{field.path}: {isolate(one_line(old))} \u2192 {isolate(one_line(new))}")
        return lines

    def _add(self, said: str, event_id: str, title: str, lines: list[str], gone: bool) -> None:
        text = said.format(isolate(_cut(title)))
        item = QTreeWidgetItem(self.tree, [text])
        item.setData(0, ItemRole.EVENT_ID, "" if gone else event_id)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, without_isolates(text))
        if gone:  # no longer in the timeline: shown as such
            disabled = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            item.setForeground(0, disabled)
        for line in lines:
            child = QTreeWidgetItem(item, [line])
            child.setData(0, ItemRole.EVENT_ID, "" if gone else event_id)
            child.setData(0, Qt.ItemDataRole.AccessibleTextRole, without_isolates(line))

    def _go_to(self, item: QTreeWidgetItem) -> None:
        event_id = item.data(0, ItemRole.EVENT_ID)
        if event_id:
            self._selection.select(str(event_id))
