"""The notes list: every note of the timelines shown, newest first, as the notes
controller has them (no copy of its own)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from viewer.domain.describe import clock_words
from viewer.domain.notes import Note
from viewer.domain.text import isolate, without_isolates
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.models.roles import ItemRole

_Index = QModelIndex | QPersistentModelIndex


class NotesListModel(QAbstractListModel):
    """All notes of the open timeline, newest first (a view of the controller's notes)."""

    def __init__(self, controller: NotesController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._notes: list[Note] = []
        controller.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._notes = self._controller.notes()
        self.endResetModel()

    def note_at(self, row: int) -> Note | None:
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def rowCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._notes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None:
            return None
        title, detached = self._controller.title_of(note)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # read out as shown, no isolates
            return without_isolates(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            # Text from data is isolated: an override in it cannot reorder the rest.
            shown = isolate(title or note.target.id)
            head = self.tr("(detached) {0}").format(shown) if detached else shown
            tags = " ".join(f"#{isolate(tag)}" for tag in note.tags)
            # When it was last written, in the reader's time and the app's date style.
            stamp = clock_words(note.modified.astimezone())
            body = isolate(note.text)
            if note.grade:  # a grade note: the grade first, then why (if given)
                #: In the notes list, a note that grades: {0} is the reader's code ("B2").
                grade = self.tr("My grade: {0}").format(note.grade)
                body = f"{grade} \u2014 {body}" if note.text else grade
            return f"{head}\n{body}\n{tags + ' · ' if tags else ''}{stamp}"
        if role == Qt.ItemDataRole.ToolTipRole:
            what = (
                self.tr("Detached note: its event or quote is no longer in the timeline")
                if detached
                else self.tr("Note")
            )
            return f"{what}\n{isolate(title)}"
        if role == Qt.ItemDataRole.FontRole and detached:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ItemRole.NOTE_ID:
            return note.id
        if role == ItemRole.EVENT_ID:
            return self._controller.event_of(note) or ""
        if role == ItemRole.SEARCH_TEXT:
            return "\n".join([note.text, title, *note.tags])
        return None
