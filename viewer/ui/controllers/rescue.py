"""Quitting with notes the database could not take: the reader chooses to save them
to a file, to quit without them, or not to quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from viewer.domain import words
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.document.document import Document
from viewer.ui.widgets.views import warn


class Rescue(QObject):
    """Asks, at quit, what becomes of notes not saved. ``parent`` is what its
    dialogs open over."""

    def __init__(self, notes: NotesController, document: Document, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._notes = notes
        self._document = document
        # The question while it is asked (tests answer it).
        self.unsaved_box: QMessageBox | None = None

    def may_quit(self) -> bool:
        """True when quitting may go on: nothing waits, or the reader chose."""
        self._notes.save_now()
        count = self._notes.unsaved
        if count == 0:
            return True
        box = QMessageBox(self._parent)
        box.setObjectName("unsavedNotesBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Notes not saved"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        said = (
            self.tr("1 change to your notes could not be saved: {1}.")
            if count == 1
            else self.tr("{0} changes to your notes could not be saved: {1}.")
        )
        box.setText(said.format(words.number(count), self._notes.problem))
        box.setInformativeText(
            self.tr(
                "Save all your notes to a file (W3C Web Annotations, which "
                "“timeline-viewer notes import” reads back) before quitting? Notes of "
                "another timeline you had open go into a file beside it."
            )
        )
        save = box.addButton(self.tr("Save to File…"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            self.tr("Quit Without Saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        self.unsaved_box = box
        box.exec()
        clicked = box.clickedButton()
        self.unsaved_box = None
        if clicked is discard:
            return True
        if clicked is not save:
            return False
        return self._save_to_file()

    def _save_to_file(self) -> bool:
        """Every note to a file the reader names; True when they are there."""
        timeline = self._document.timeline
        suggested = f"{timeline.id if timeline else 'notes'}.notes.jsonld"
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Save Notes"),
            str(Path.home() / suggested),
            self.tr("W3C annotations (*.jsonld *.json)"),
        )
        if not name:
            return False
        try:
            self._notes.rescue_to(Path(name))
        except OSError as exc:
            warn(
                self._parent,
                self.tr("Notes not saved"),
                self.tr("Could not write {0}: {1}").format(name, exc),
            )
            return False
        return True
