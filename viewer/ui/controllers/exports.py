"""File > Export Image and Export Notes: choosing where, writing, and saying how it went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from viewer.domain import words
from viewer.persistence.paths import not_a_file
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.document.document import Document
from viewer.ui.document.selection import Selection
from viewer.ui.timeline.view import TimelineView
from viewer.ui.widgets.views import warn


class Exports(QObject):
    """Writes the timeline as it is shown (PNG, SVG, PDF) and the notes (Markdown or
    W3C Web Annotations). ``parent`` is what its dialogs open over."""

    # A message for the status bar, and for how many ms it shows.
    said = Signal(str, int)

    def __init__(
        self,
        document: Document,
        notes: NotesController,
        view: TimelineView,
        selection: Selection,
        filters: FilterState,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._notes = notes
        self._view = view
        self._selection = selection
        self._filters = filters

    def choose_export(self) -> None:
        timeline = self._document.timeline
        if timeline is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export Image"),
            f"{timeline.id}.png",
            self.tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"),
        )
        if name:
            self.export_to(Path(name))

    def choose_notes_export(self) -> None:
        timeline = self._document.timeline
        if timeline is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export Notes"),
            str(self._document.start_folder() / f"{timeline.id}.notes.md"),
            self.tr("Markdown (*.md);;W3C Web Annotations (*.jsonld *.json)"),
        )
        if name:
            self.export_notes_to(Path(name))

    def export_notes_to(self, path: Path) -> None:
        """Write the notes (Markdown, or W3C for .json/.jsonld) and say so."""
        odd = not_a_file(path)
        if odd is not None:
            warn(
                self._parent,
                self.tr("Notes not exported"),
                self.tr("Cannot write {0}: {1}").format(path, odd),
            )
            return
        try:
            count = self._notes.export_to(path)
        except OSError as err:
            warn(
                self._parent,
                self.tr("Notes not exported"),
                self.tr("Could not write {0}: {1}").format(path, err),
            )
            return
        said = (
            self.tr("Exported 1 note to {1}.")
            if count == 1
            else self.tr("Exported {0} notes to {1}.")
        )
        said = said.format(words.number(count), path.name)
        beside = [written.name for written in self._notes.exported if written != path]
        if beside:
            # After "Exported 5 notes to a.md.": the files of the other timelines shown.
            said += " " + self.tr("Each added timeline's: {0}.").format(", ".join(beside))
        self.said.emit(said, 6000)

    def export_to(self, path: Path) -> None:
        """Export what the timeline shows now, at the width it has now."""
        timeline = self._document.timeline
        if timeline is None:
            return
        # Imported when first used: the SVG and PDF writers are not needed to start.
        from viewer.ui.timeline.export import ExportError, export_timeline

        view = self._view
        filters = self._filters
        try:
            export_timeline(
                timeline,
                path,
                width=max(view.viewport().width(), 400),
                start=view.t0,
                end=view.t_of(view.viewport().width()),
                palette=self._parent.palette(),
                selected=self._selection.event_id,
                mask=filters.mask,
                filter_words=", ".join(
                    [
                        *(c.label for c in filters.filter.chips(filters.actor_names())),
                        *(self.tr("Hidden: {0}").format(t) for t in filters.hidden_titles()),
                    ]
                ),
            )
        except ExportError as err:
            warn(self._parent, self.tr("Export failed"), str(err))
            return
        self.said.emit(self.tr("Exported the timeline to {0}.").format(path.name), 6000)
