"""What the reader does with notes: add, edit and delete, through the note dialog,
and why not when the notes are read-only."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from viewer.domain.notes import NoteTarget, TargetKind, is_blank, target_title
from viewer.ui.controllers.notes_control import NotesController, first_line
from viewer.ui.panels.grade_dialog import GradeDialog
from viewer.ui.panels.note_dialog import NoteDialog


class NoteActions(QObject):
    """The user-facing actions on notes: dialogs for add and edit, delete."""

    # Why an action did nothing, in words for the status bar (and how long, ms).
    said = Signal(str, int)

    def __init__(self, controller: NotesController, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.controller = controller
        self._parent = parent_widget
        # The dialog being shown, if any (tests drive it).
        self.dialog: NoteDialog | GradeDialog | None = None

    def add(self, target: NoteTarget) -> None:
        if self.controller.read_only_for(target.id) or self.controller.timeline is None:
            self._explain_read_only()
            return
        label = target_title(self.controller.timeline, target) or target.id
        self._show(
            NoteDialog(self.tr("Note on {0}").format(label), None, self._parent),
            lambda text, tags: self.controller.add(target, text, tags),
        )

    def add_to_event(self, event_id: str | None) -> None:
        """Add a note to ``event_id``; with no event (Add Note with nothing
        selected), say what to do first."""
        if event_id:
            self.add(NoteTarget(kind=TargetKind.EVENT, id=event_id))
        else:
            self.said.emit(self.tr("Select an event first to add a note."), 6000)

    def edit(self, note_id: str) -> None:
        note = self.controller.get(note_id)
        if note is None:
            return
        if self.controller.read_only_for(note.target.id):
            self._explain_read_only()
            return
        title, detached = self.controller.title_of(note)
        if detached:
            label = self.tr("Note on {0} (detached: no longer in the timeline)").format(title)
        else:
            label = self.tr("Note on {0}").format(title)
        self._show(
            NoteDialog(label, note, self._parent),
            lambda text, tags: self.controller.edit(note_id, text, tags),
        )

    def grade(self, target: NoteTarget) -> None:
        """Grade a source, a claim or an event: the grade dialog, then the grade
        kept as a note (changed, or taken away, if the reader had one)."""
        if self.controller.read_only_for(target.id) or self.controller.timeline is None:
            self._explain_read_only()
            return
        label = target_title(self.controller.timeline, target) or target.id
        old = self.controller.grade_of(target)
        dialog = GradeDialog(self.tr("Your grade of {0}").format(label), old, self._parent)
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog

        def accepted() -> None:
            grade = None if dialog.removed else dialog.grade()
            self.controller.grade(target, grade, "" if dialog.removed else dialog.text())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def delete(self, note_id: str) -> None:
        note = self.controller.get(note_id)
        if note is None:
            return
        if self.controller.read_only_for(note.target.id):
            self._explain_read_only()
            return
        self.controller.delete(note_id)  # undoable, so no "are you sure?"

    def _show(self, dialog: NoteDialog, apply: Any) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog

        def accepted() -> None:
            text, tags = dialog.values()
            if not is_blank(text):
                apply(text, tags)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _forget(self, dialog: NoteDialog | GradeDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _explain_read_only(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Notes are read-only"),
            self.controller.status or self.tr("No timeline is open."),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def menu_for_event(self, event_id: str, parent: QWidget) -> QMenu:
        """The context menu of an event: add a note, edit or delete its notes."""
        menu = QMenu(parent)
        add = menu.addAction(self.tr("Add Note…"), lambda: self.add_to_event(event_id))
        add.setEnabled(not self.controller.read_only_for(event_id))
        for note in self.controller.notes_for(NoteTarget(kind=TargetKind.EVENT, id=event_id)):
            first = first_line(note.text, 40).replace("&", "&&")  # shown, not an Alt key
            edit, delete = self.tr("Edit Note “{0}”…"), self.tr("Delete Note “{0}”")
            menu.addAction(edit.format(first), partial(self.edit, note.id))
            menu.addAction(delete.format(first), partial(self.delete, note.id))
        return menu
