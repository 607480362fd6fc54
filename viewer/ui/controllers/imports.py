"""File > Open, Import and Add Timeline: choosing the file, converting what needs
it into a model file, and saying how it went."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from viewer.domain import words
from viewer.domain.text import bidi_contained, isolate, one_line
from viewer.domain.timeline import Layer, Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP
from viewer.importers.formats import FORMATS, content_format, format_of, import_name
from viewer.persistence.paths import bundled_timeline, not_a_file
from viewer.ui.document.document import Document

if TYPE_CHECKING:  # the importers' report comes with the first import
    from viewer.importers.common import ImportReport

#: The Open dialog's file types: translate the names; keep the patterns in
#: parentheses and the ";;" between the types.
MODEL_FILTER = QT_TRANSLATE_NOOP(
    "Imports", "Timeline model files (*.json *.json.gz);;All files (*)"
)


def menu_text(text: str) -> str:
    """A title from a file as a menu entry: one line, no "&" shortcut, and its
    overrides closed at its end. Not isolated: a screen reader reads the entry,
    and would read the isolates too; alone in its entry, the title needs none."""
    return bidi_contained(one_line(text)).replace("&", "&&")


class Imports(QObject):
    """Opens, imports and adds the files the reader chooses, and keeps File > Remove
    Added Timeline (:attr:`remove_menu`) to the timelines shown. ``imports_dir`` is
    where imported timelines are written; ``parent`` is what dialogs open over."""

    # A message for the status bar, and for how many ms it shows.
    said = Signal(str, int)
    # A problem for a message box: its title and its text.
    informed = Signal(str, str)

    def __init__(self, document: Document, imports_dir: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self.imports_dir = imports_dir
        self.remove_menu = QMenu(self.tr("Re&move Added Timeline"), parent)
        self.remove_menu.setEnabled(False)
        # The box of what an import left out, while it is open.
        self.import_box: QMessageBox | None = None
        document.opened.connect(self._fill_remove_menu)
        document.imported.connect(self._on_imported)
        document.added.connect(self._on_added)
        document.rememberedFailed.connect(self._on_remembered_failed)

    def choose_file(self) -> None:
        """File > Open…: a model file."""
        start = str(self._document.start_folder())
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Open Timeline"), start, self.tr(MODEL_FILTER)
        )
        if name:
            self.open_path(Path(name))

    def choose_import(self) -> None:
        """File > Import…: a TimelineJS JSON or sheet (CSV, XLSX) or an ACLED CSV,
        converted and opened."""
        start = str(self._document.start_folder())
        timelinejs, acled = self._import_filters()
        name, chosen = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import Timeline"), start, f"{timelinejs};;{acled}"
        )
        if name:
            source = Path(name)
            self.open_path(source, fallback=self._import_kind(chosen, source))

    def choose_add(self) -> None:
        """File > Add Timeline…: a model file, or a TimelineJS or ACLED file
        imported first, shown over the open timeline."""
        start = str(self._document.start_folder())
        model = self.tr(MODEL_FILTER).split(";;")[0]
        timelinejs, acled = self._import_filters()
        name, chosen = QFileDialog.getOpenFileName(
            self._parent, self.tr("Add Timeline"), start, f"{model};;{timelinejs};;{acled}"
        )
        if not name:
            return
        path = Path(name)
        if chosen in (timelinejs, acled) or path.suffix.lower() in (".csv", ".xlsx"):
            self.open_path(path, add=True, fallback=self._import_kind(chosen, path))
        else:
            self.open_path(path, add=True)

    def open_path(self, path: Path, add: bool = False, fallback: str = "model") -> bool:
        """Open ``path`` (``add``: show it over the open timeline) as what its
        content shows it is: a model file as it is, a TimelineJS or ACLED file
        imported first, whatever file type was chosen in the dialog. When the
        content does not tell, as ``fallback`` ("model" or one of the import
        formats). False when it could not be opened at once (said why)."""
        kind = content_format(path) or fallback
        if kind in FORMATS:
            self.import_file(kind, path, add=add)
            return True
        return self._document.add(path) if add else self._document.open(path)

    def open_at_start(self, file: Path | None) -> None:
        """The file named on the command line, else the one open when the app last
        closed, else (or if that cannot be opened) the bundled timeline."""
        if file is not None:
            if self.open_path(file):
                return
        else:
            last = next(iter(self._document.recent_files()), None)
            if last is not None and last.is_file() and self.open_path(last):
                return
            if last is not None and not last.is_file():
                self.said.emit(self.tr("{0} is no longer there.").format(last), 8000)
        self.open_path(bundled_timeline())

    def _import_filters(self) -> tuple[str, str]:
        """The file dialog's filters of the formats that import: TimelineJS, ACLED."""
        return (
            self.tr("TimelineJS timelines (*.json *.csv *.xlsx)"),
            self.tr("ACLED exports (*.csv)"),
        )

    def _import_kind(self, chosen_filter: str, path: Path) -> str:
        """The importer of ``path``: the one whose filter was chosen, else by its
        name (a CSV is ACLED's, unless its content says otherwise: :meth:`open_path`)."""
        timelinejs, acled = self._import_filters()
        if chosen_filter == timelinejs:
            return "timelinejs"
        return "acled" if chosen_filter == acled else format_of(path)

    def _on_remembered_failed(self, path: Path, lines: list[str]) -> None:
        """A timeline shown over this one last time cannot be again: said once, in
        the status bar (not a box at every start), and forgotten."""
        said = self.tr("{0} is no longer shown over this timeline: {1}")
        self.said.emit(said.format(path.name, lines[0] if lines else ""), 15000)

    def _on_added(self, layer: Layer, remembered: bool) -> None:
        one = len(layer.events) == 1
        if remembered:  # opened again as it was left: said, not asked about
            said = (
                self.tr("Also showing “{0}” (1 event), as last time.")
                if one
                else self.tr("Also showing “{0}” ({1} events), as last time.")
            )
        elif one:
            said = self.tr("Added “{0}”: 1 event. View ▸ Timelines shows or hides it.")
        else:
            said = self.tr("Added “{0}”: {1} events. View ▸ Timelines shows or hides it.")
        self.said.emit(said.format(isolate(layer.title), words.number(len(layer.events))), 8000)

    def _fill_remove_menu(self, timeline: Timeline) -> None:
        """File > Remove Added Timeline: one entry per timeline shown over the first."""
        self.remove_menu.clear()
        for layer in timeline.layers[1:]:
            action = self.remove_menu.addAction(menu_text(layer.title))
            action.triggered.connect(
                lambda _checked=False, i=layer.id: self._document.remove_layer(i)
            )
        self.remove_menu.setEnabled(len(timeline.layers) > 1)

    def import_file(self, kind: str, source: Path, add: bool = False) -> Path:
        """Convert ``source`` into a model file under the app's data folder (the
        same file again replaces its earlier import, and keeps its notes) and
        open it (``add``: show it over the open timeline), in the background
        with progress and Cancel. Returns the model file's path."""
        timeline_id = import_name(source)
        # Plain JSON, not gzip: the data folder is the app's own, and a gzip
        # file opens slower by its unpacking (ISA-L: a fifth of the parse's time
        # on top at a million events, zlib half; bench/README.md). The command
        # writes gzip when asked (-o x.json.gz).
        out = self.imports_dir / f"{timeline_id}.json"
        failed = self.tr("Import failed")
        odd = not_a_file(source)
        if odd is not None or not source.is_file():  # a pipe would hang the import
            reason = odd or self.tr("no such file")
            self.informed.emit(failed, self.tr("Cannot read {0}: {1}").format(source, reason))
            return out
        if out.exists() and out.samefile(source):
            said = self.tr("{0} is an imported timeline already: open it instead.")
            self.informed.emit(failed, said.format(source))
            return out
        try:
            self.imports_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self.informed.emit(failed, self.tr("Cannot write {0}: {1}").format(out, err))
            return out
        self._document.import_file(kind, source, out, timeline_id, add=add)
        return out

    def _on_imported(self, report: ImportReport, source: Path) -> None:
        """Say what an import wrote and, when rows were left out, which and why."""
        one = report.events == 1
        numbers = (words.number(report.events), source.name, words.number(report.skipped))
        if not report.skipped:
            said = (
                self.tr("Imported 1 event from {1}.")
                if one
                else self.tr("Imported {0} events from {1}.")
            )
            self.said.emit(said.format(*numbers), 8000)
            return
        said = (
            self.tr("Imported 1 event from {1}; {2} left out or changed.")
            if one
            else self.tr("Imported {0} events from {1}; {2} left out or changed.")
        )
        self.said.emit(said.format(*numbers), 8000)
        box = QMessageBox(self._parent)
        box.setObjectName("importReportBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Imported with problems"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        text = (
            self.tr("1 event was imported from {1}; {2} rows or parts were left out or changed.")
            if one
            else self.tr(
                "{0} events were imported from {1}; {2} rows or parts were left out or changed."
            )
        )
        box.setText(text.format(*numbers))
        box.setInformativeText("\n".join(str(p) for p in report.problems[:10]))
        box.setDetailedText("\n".join([*report.notes, *(str(p) for p in report.problems)]))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_box = box
        box.open()
