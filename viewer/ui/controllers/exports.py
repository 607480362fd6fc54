"""File > Export Image, Export Notes and Export as TimelineJS: choosing where,
writing, and saying how it went."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from viewer.domain import words
from viewer.importers.timelinejs.write import NoEventToWrite, write_timelinejs
from viewer.persistence.paths import not_a_file
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.document.document import Document
from viewer.ui.document.selection import Selection
from viewer.ui.document.watcher import same_file
from viewer.ui.timeline.view import TimelineView
from viewer.ui.widgets.views import warn

if TYPE_CHECKING:  # printing is imported when first used
    from PySide6.QtPrintSupport import QPrinter


class ImageRange(StrEnum):
    """What time an exported picture spans, and which events it draws."""

    # The time the timeline shows now, with the events the filter keeps.
    SHOWN = "shown"
    # From the first event to the last the filter keeps, with those events.
    FILTERED = "filtered"
    # Every event of the timeline, whatever the filter.
    ALL = "all"


# The formats a picture can be written in, by file name suffix.
IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


@dataclass(frozen=True, slots=True)
class ImageChoice:
    """What File > Export Image draws: as ``timeline-viewer export`` does (1,600
    pixels wide, no selection) unless the reader asks otherwise."""

    width: int = 1600
    range: ImageRange = ImageRange.SHOWN
    # Draw the selected event as selected (off: the picture is the same
    # whatever the reader clicked last).
    mark_selected: bool = False
    suffix: str = ".png"


class Exports(QObject):
    """Writes the timeline as it is shown (PNG, SVG, PDF, or TimelineJS JSON to
    publish) and the notes (Markdown or W3C Web Annotations). ``parent`` is what
    its dialogs open over."""

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
        # What File > Export Image drew last in this session, offered again.
        self.last_choice = ImageChoice()
        # Where File > Export as TimelineJS wrote last in this session, offered again.
        self._timelinejs_folder: Path | None = None

    def choose_export(self, choice: ImageChoice | None = None) -> None:
        """Ask where to write the picture ``choice`` describes (default: the last
        one chosen in this session), and write it."""
        timeline = self._document.timeline
        if timeline is None:
            return
        choice = choice or self.last_choice
        self.last_choice = choice
        filters = {
            ".png": self.tr("PNG (*.png)"),
            ".svg": self.tr("SVG (*.svg)"),
            ".pdf": self.tr("PDF (*.pdf)"),
        }
        chosen = filters.get(choice.suffix, filters[".png"])
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export Image"),
            str(self._document.start_folder() / f"{timeline.id}{choice.suffix}"),
            ";;".join([chosen, *(f for f in filters.values() if f != chosen)]),
        )
        if name:
            self.export_to(Path(name), choice)

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
        beside = [written.name for written in self._notes.exported if written != path]
        if beside:
            #: {1} is the file the notes went to; {2} lists the files (one per timeline
            #: added over the open one) that those timelines' notes went to.
            said = (
                self.tr("Exported 1 note to {1}; those of the added timelines to {2}.")
                if count == 1
                else self.tr("Exported {0} notes to {1}; those of the added timelines to {2}.")
            )
        else:
            said = (
                self.tr("Exported 1 note to {1}.")
                if count == 1
                else self.tr("Exported {0} notes to {1}.")
            )
        said = said.format(words.number(count), path.name, ", ".join(beside))
        self.said.emit(said, 6000)

    def choose_timelinejs_export(self) -> None:
        """File > Export as TimelineJS: ask where (in the folder written to last,
        else where File > Open starts), and write it there."""
        timeline = self._document.timeline
        if timeline is None:
            return
        folder = self._timelinejs_folder or self._document.start_folder()
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export as TimelineJS"),
            str(folder / f"{timeline.id}.timelinejs.json"),
            self.tr("TimelineJS (*.json)"),
        )
        if name:
            self.export_timelinejs_to(Path(name))

    def export_timelinejs_to(self, path: Path) -> None:
        """Write the events the filter keeps as a TimelineJS3 file to publish, grouped
        by the lanes shown (:mod:`viewer.importers.timelinejs.write`), and say so.
        The file is written whole or not at all; the open timeline's own file is
        never written over."""
        timeline = self._document.timeline
        if timeline is None:
            return
        failed = self.tr("TimelineJS not exported")
        odd = not_a_file(path)
        if odd is None and self._document.path is not None and same_file(path, self._document.path):
            odd = self.tr("it is the open timeline's own file")
        if odd is not None:
            warn(self._parent, failed, self.tr("Cannot write {0}: {1}").format(path, odd))
            return
        try:
            count = write_timelinejs(
                timeline, path, lanes=self._view.renderer.lanes, mask=self._filters.mask
            )
        except NoEventToWrite:
            if self._filters.mask is not None:
                nothing = self.tr("The filter keeps no event: there is nothing to export.")
            else:
                nothing = self.tr("This timeline has no events: there is nothing to export.")
            warn(self._parent, failed, nothing)
            return
        except OSError as err:
            warn(
                self._parent,
                failed,
                self.tr("Could not write {0}: {1}").format(path, err.strerror or err),
            )
            return
        self._timelinejs_folder = path.parent
        said = (
            self.tr("Exported 1 event to {1} as TimelineJS.")
            if count == 1
            else self.tr("Exported {0} events to {1} as TimelineJS.")
        )
        self.said.emit(said.format(words.number(count), path.name), 6000)

    def export_to(self, path: Path, choice: ImageChoice | None = None) -> None:
        """Export the timeline as ``choice`` says (default: the last choice): the
        time shown now, the filtered events' span or everything, at its width."""
        timeline = self._document.timeline
        if timeline is None:
            return
        choice = choice or self.last_choice
        # Imported when first used: the SVG and PDF writers are not needed to start.
        from viewer.ui.timeline.export import ExportError, export_timeline

        view = self._view
        filters = self._filters
        start = end = None
        if choice.range is ImageRange.SHOWN:
            start, end = view.t0, view.t_of(view.viewport().width())
        filtered = choice.range is not ImageRange.ALL
        if start is None and not self._events_kept(filtered):
            warn(self._parent, self.tr("Export failed"), self._nothing(filtered))
            return
        try:
            export_timeline(
                timeline,
                path,
                width=choice.width,
                start=start,
                end=end,
                palette=self._parent.palette(),
                selected=self._selection.event_id if choice.mark_selected else None,
                mask=filters.mask if filtered else None,
                filter_words=self._filter_words() if filtered else "",
                lanes=self._view.renderer.lanes,
            )
        except ExportError as err:
            warn(self._parent, self.tr("Export failed"), str(err))
            return
        self.said.emit(self.tr("Exported the timeline to {0}.").format(path.name), 6000)

    def print_preview(self) -> None:
        """File > Print: the events the filter keeps, on pages at the zoom shown,
        in a preview from which the reader prints."""
        if self._document.timeline is None:
            return
        if not self._events_kept(True):
            self.said.emit(self._nothing(True), 6000)
            return
        # Imported when first used: printing is not needed to start.
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setObjectName("printPreview")
        dialog.paintRequested.connect(self.print_to)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def print_to(self, printer: QPrinter) -> int:
        """Print the events the filter keeps on ``printer`` (a QPrinter); return
        the number of pages. On paper's colours, whatever the window's theme."""
        timeline = self._document.timeline
        if timeline is None:
            return 0
        from viewer.ui.timeline.printing import print_timeline

        return print_timeline(
            printer,
            timeline,
            seconds_per_px=self._view.seconds_per_px,
            mask=self._filters.mask,
            filter_words=self._filter_words(),
            palette=QApplication.style().standardPalette(),
            lanes=self._view.renderer.lanes,
        )

    def _events_kept(self, filtered: bool) -> bool:
        """Whether there is an event to draw: any, or (``filtered``) any the filter keeps."""
        timeline = self._document.timeline
        if timeline is None or not len(timeline.events):
            return False
        mask = self._filters.mask
        return not filtered or mask is None or bool(mask.any())

    def _nothing(self, filtered: bool) -> str:
        """Why there is nothing to print or export."""
        if filtered and self._filters.mask is not None:
            return self.tr("The filter keeps no event: there is nothing to draw.")
        return self.tr("This timeline has no events: there is nothing to draw.")

    def _filter_words(self) -> str:
        """The filter chosen and the timelines hidden, as an export says them."""
        filters = self._filters
        return ", ".join(
            [
                *(c.label for c in filters.filter.chips(filters.actor_names())),
                *(self.tr("Hidden: {0}").format(t) for t in filters.hidden_titles()),
            ]
        )
