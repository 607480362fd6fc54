"""The main window: creates the parts and wires them. No logic of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from viewer.domain.text import isolate, without_isolates
from viewer.domain.timeline import Timeline
from viewer.ui import i18n
from viewer.ui.actions import Menus
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.controllers.imports import Imports
from viewer.ui.controllers.legend_choice import LegendChoice
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.dock_layout import DockLayout, focus_panel, hide_behind_tabs, next_panel
from viewer.ui.document.document import Document
from viewer.ui.document.history import History
from viewer.ui.document.selection import Selection
from viewer.ui.panels.filter_bar import FilterBar
from viewer.ui.panels.layer_bar import LayerBar
from viewer.ui.panels.load_progress import LoadProgress
from viewer.ui.timeline.legend import LegendBar
from viewer.ui.timeline.overview_strip import OverviewStrip
from viewer.ui.timeline.view import TimelineView
from viewer.ui.widgets.announce import announce
from viewer.ui.widgets.column import column
from viewer.ui.widgets.first_paint import when_painted

if TYPE_CHECKING:
    from viewer.ui.controllers.changes import Changes
    from viewer.ui.controllers.citations import Citations
    from viewer.ui.controllers.exports import Exports
    from viewer.ui.controllers.finder import FindController
    from viewer.ui.controllers.rescue import Rescue
    from viewer.ui.late_parts import LateParts
    from viewer.ui.panels.changes_panel import ChangesPanel
    from viewer.ui.panels.details import DetailsPanel
    from viewer.ui.panels.dialogs import ShortcutsDialog
    from viewer.ui.panels.events_table import EventsTable
    from viewer.ui.panels.find_bar import FindBar, FindResults
    from viewer.ui.panels.note_actions import NoteActions
    from viewer.ui.panels.notes_panel import NotesPanel
    from viewer.ui.panels.quotes_panel import QuotesPanel

# Whether quotes show their translations (View > Quote Translations).
TRANSLATIONS_SETTING = "quotes/translations"

# The parts made once the window has drawn its first frame (late_parts.LateParts),
# as the window lends them: window.details is window.late.details.
LATER = frozenset(
    {"note_actions", "finder", "find_bar", "details", "quotes", "events_table", "notes_panel"}
    | {"find_results", "citations", "exports", "rescue", "changes", "changes_panel"}
)


class MainWindow(QMainWindow):
    """The window. What its first frame shows is made at once: the timeline, the bars
    around it, the docks (empty), the menus, the status bar. The rest
    (:data:`LATER`) is made right after that frame is painted, or at once when
    something asks for one of its parts before then."""

    note_actions: NoteActions
    finder: FindController
    find_bar: FindBar
    details: DetailsPanel
    quotes: QuotesPanel
    events_table: EventsTable
    notes_panel: NotesPanel
    find_results: FindResults
    citations: Citations
    exports: Exports
    rescue: Rescue
    changes: Changes
    changes_panel: ChangesPanel

    def __init__(self, settings: QSettings, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._later: Literal["waiting", "building", "built"] = "waiting"
        self._late: LateParts | None = None
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = settings
        self._data_dir = data_dir
        self.selection = Selection(self)
        self.document = Document(settings, self)
        self._notes = NotesController(data_dir, self)  # opened with the rest: see notes
        self.imports = Imports(self.document, data_dir / "imports", self)
        self.imports.said.connect(self.say)
        self.imports.informed.connect(self.inform)

        self.filters = FilterState(settings, self._notes, self)
        self.filter_bar = FilterBar(self.filters)
        self.timeline_view = TimelineView(self.selection)
        self.legend = LegendBar()
        self.legend_choice = LegendChoice(self.legend, settings, self)
        self.legend_choice.said.connect(self.say)
        self.layer_bar = LayerBar(self.filters)
        self.overview = OverviewStrip(self.timeline_view)
        parts = (self.filter_bar, self.timeline_view, self.overview, self.layer_bar, self.legend)
        central = column(*parts, stretch=self.timeline_view)
        self.setCentralWidget(central)

        area = Qt.DockWidgetArea
        left, right = area.LeftDockWidgetArea, area.RightDockWidgetArea
        # Each panel's title, and its toggle in View with its Alt key; what it
        # holds comes with the rest (build_later).
        self.details_dock = self._dock(
            "detailsDock", (self.tr("Event details"), self.tr("Event &details")), right
        )
        self.quotes_dock = self._dock(
            "quotesDock", (self.tr("Quotes by actor"), self.tr("&Quotes by actor")), left
        )
        self.events_dock = self._dock(
            "eventsDock", (self.tr("Events"), self.tr("&Events")), area.BottomDockWidgetArea
        )
        self.notes_dock = self._dock("notesDock", (self.tr("My notes"), self.tr("My note&s")), left)
        self.find_dock = self._dock(
            "findDock", (self.tr("Search results"), self.tr("Search &results")), left
        )
        self.changes_dock = self._dock(
            "changesDock", (self.tr("Changes"), self.tr("&Changes")), area.BottomDockWidgetArea
        )
        self.tabifyDockWidget(self.events_dock, self.changes_dock)
        self.events_dock.raise_()
        self.tabifyDockWidget(self.quotes_dock, self.notes_dock)
        self.tabifyDockWidget(self.quotes_dock, self.find_dock)
        self.find_dock.hide()
        self.quotes_dock.raise_()
        self.filters.changed.connect(lambda: self.timeline_view.show_only(self.filters.mask))
        self.filters.changed.connect(self.overview.update)
        self._notes.changed.connect(
            lambda: self.timeline_view.set_note_counts(self._notes.counts_by_event())
        )
        self.error_box: QMessageBox | None = None
        self._shown_id: str | None = None
        self._notes_of: Timeline | None = None  # the timeline whose notes were opened
        self.notes_box: QMessageBox | None = None
        self.event_menu: QMenu | None = None
        self.shortcuts_box: ShortcutsDialog | None = None

        self.history = History(
            self.selection,
            lambda event_id: (
                self.document.timeline is not None
                and event_id in self.document.timeline.events_by_id
            ),
            self,
        )
        # The menus' keys work from the first frame (and the lanes are as the reader left them).
        self.menus = Menus(self, self.menuBar(), self)
        self.menus.follow_undo(self._notes)
        self.menus["translations"].setChecked(self._translations_shown())
        self.legend_choice.shownChanged.connect(self.menus["legend"].setChecked)
        self.legend_choice.restore()
        self.document.opened.connect(self._on_opened)
        self.document.failed.connect(self._on_failed)
        self.document.importFailed.connect(
            lambda path, lines: self._on_failed(path, lines, importing=True)
        )
        self.document.addFailed.connect(
            lambda path, lines: self._on_failed(path, lines, adding=True)
        )
        self.document.reloadedFromDisk.connect(
            lambda path: self.say(
                self.tr("Reloaded {0}: the file changed on disk.").format(path.name), 8000
            )
        )
        self.load_progress = LoadProgress(self.document, self)
        self.load_progress.said.connect(self.say)
        self.statusBar().addPermanentWidget(self.load_progress)
        bar = self.statusBar()  # read as shown, without the isolates that order it
        bar.messageChanged.connect(lambda text: bar.setAccessibleName(without_isolates(text)))
        self.timeline_view.viewChanged.connect(self.document.remember_view)
        self.timeline_view.eventMenuRequested.connect(self._event_menu)
        self.timeline_view.detailsRequested.connect(lambda _id: self.focus_panel(self.details_dock))
        self.resize(1280, 800)
        self.dock_layout = DockLayout(
            self,
            settings,
            side=[self.quotes_dock, self.details_dock, self.notes_dock, self.find_dock],
            bottom=[self.events_dock, self.changes_dock],
        )
        self._set_title(None)
        # The rest once the timeline's first frame is painted.
        when_painted(self.timeline_view.viewport(), self._later_soon)

    # -- what is made after the first frame ---------------------------------------

    @property
    def built(self) -> bool:
        """Whether the parts made after the first frame (:data:`LATER`) are made."""
        return self._later == "built"

    @property
    def notes(self) -> NotesController:
        """The reader's notes, open on the timeline shown (with the rest: asked for
        before, the rest is made now, so no note is ever added to none)."""
        self.build_later()
        return self._notes

    def close_notes(self) -> None:
        """The last save of the notes (made or not: see :attr:`notes`)."""
        self._notes.close()

    def _later_soon(self) -> None:
        QTimer.singleShot(0, self.build_later)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # A part made after the first frame (made now if asked for before).
            if name in LATER and self.__dict__.get("_later") != "building":
                return getattr(self.late, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def late(self) -> LateParts:
        """The parts made after the first frame (made now if they are not yet)."""
        self.build_later()
        assert self._late is not None, "asked for while they are being made"
        return self._late

    def build_later(self) -> None:
        """Make the panels, the controllers they use and the menus' entries, and
        bring them up to the timeline open (once; later calls do nothing)."""
        if self._later != "waiting":
            return
        self._later = "building"
        from viewer.ui.late_parts import LateParts

        late = self._late = LateParts(self, self._notes, self._data_dir, self)
        self._later = "built"
        table = late.events_table
        table.eventMenuRequested.connect(
            lambda event_id, at: self._event_menu(event_id, at, table.add_sort_menu)
        )
        self.show_translations(self._translations_shown())
        timeline = self.document.timeline
        if timeline is not None:  # opened before: the new parts show it as if they were there
            late.set_timeline(timeline)
            if self.filters.mask is not None:
                late.show_filtered()
            late.changes.compare()
            self._open_notes(timeline)
        late.show_note_counts()

    def _dock(self, name: str, titles: tuple[str, str], area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock ``name`` in ``area``, holding an empty widget until its panel is
        made; ``titles``: its title, and its toggle's text in View (with an Alt
        key: titles are set once)."""
        title, toggle = titles
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(QWidget())
        dock.toggleViewAction().setText(toggle)
        self.addDockWidget(area, dock)
        hide_behind_tabs(dock)
        return dock

    # -- opening ------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        return self.imports.open_path(path)

    def open_at_start(self, file: Path | None) -> None:
        """The file named on the command line, else the one open when the app last
        closed, else (or if that cannot be opened) the bundled timeline."""
        central = self.centralWidget()  # its height once laid out: the timeline's room
        QTimer.singleShot(0, lambda: self.legend_choice.fit(central.height() if central else 0))
        self.imports.open_at_start(file)

    def _on_opened(self, timeline: Timeline, path: Path) -> None:
        saved_view = self.document.saved_view(timeline.id)
        same_timeline = self._shown_id == timeline.id
        previous = self.selection.event_id
        self._shown_id = timeline.id
        self.selection.clear()
        self.timeline_view.set_timeline(timeline)
        if self._late is not None:  # else they are made with it
            self._late.set_timeline(timeline)
        self.filters.set_timeline(timeline)
        if saved_view is not None:
            self.timeline_view.set_view(*saved_view)
        self._set_title(timeline)
        if same_timeline and previous in timeline.events_by_id:  # a reload keeps the place
            self.selection.select(previous)
        if not same_timeline:
            self.history.clear()
        # Before the first frame only if the filter shown depends on them.
        if self.built or self.filters.filter.uses_notes:
            self._open_notes(timeline)

    def _open_notes(self, timeline: Timeline) -> None:
        """The reader's notes on ``timeline`` (once per open)."""
        if self._notes_of is timeline:
            return
        self._notes_of = timeline
        messages = self._notes.open_for(timeline)
        if messages:
            self.inform(self.tr("Your notes"), "\n\n".join(messages))

    def show_translations(self, shown: bool | None = None) -> None:
        """Show quotes' translations beside them (or not); remembered for next time.
        None: as View > Quote Translations is now."""
        if shown is None:
            shown = self.menus["translations"].isChecked()
        self.menus["translations"].setChecked(shown)
        self.settings.setValue(TRANSLATIONS_SETTING, shown)
        self.late.set_show_translations(shown)

    def _translations_shown(self) -> bool:
        return bool(self.settings.value(TRANSLATIONS_SETTING, False, type=bool))

    def say(self, text: str, timeout: int = 0) -> None:
        """Show ``text`` in the status bar (for ``timeout`` ms; 0: until replaced)
        and have a screen reader read it out, once: a message shown again, as
        the notes' status is after each change, is not read again. (Menus' status
        tips pass through the bar too; they are not read out: the menu is.)"""
        bar = self.statusBar()
        if text != bar.currentMessage():
            announce(bar, text)
        bar.showMessage(text, timeout)

    def choose_language(self, code: str) -> None:
        """Remember the interface's language ("" for the system's): used from the next start."""
        self.settings.setValue(i18n.SETTING, code)
        self.say(self.tr("The language changes when the app next starts."), 8000)

    def open_find(self) -> None:
        """Show the find bar with its query selected, and the list of results."""
        self.late.open_find()

    def _event_menu(
        self, event_id: str, global_pos: QPoint, more: Callable[[QMenu], object] | None = None
    ) -> None:
        """The event's menu at ``global_pos``; ``more`` adds the asking view's own
        entries (the table's Sort By)."""
        menu = self.late.event_menu(event_id, self, more)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.event_menu = menu
        menu.popup(global_pos)

    def inform(self, title: str, text: str) -> None:
        """A notice titled ``title`` saying ``text`` (plain text), over the window."""
        from viewer.ui.panels.dialogs import NoticeBox

        self.notes_box = NoticeBox(title, text, self)
        self.notes_box.open()

    def _on_failed(
        self, path: Path, lines: list[str], *, adding: bool = False, importing: bool = False
    ) -> None:
        from viewer.ui.panels.dialogs import LoadErrorBox

        timeline, shown = self.document.timeline, self.document.path
        self.error_box = LoadErrorBox(
            path,
            lines,
            importing=importing,
            over=timeline.title if adding and timeline is not None else None,
            still_showing=shown.name if shown else None,
            parent=self,
        )
        self.error_box.open()

    def _set_title(self, timeline: Timeline | None) -> None:
        # Qt reads "[*]" in a title as the "modified" placeholder; "[*][*]" is a literal "[*]".
        # The title is isolated: a right-to-left override in it cannot turn the app's name.
        title = isolate(timeline.title).replace("[*]", "[*][*]") if timeline else ""
        self.setWindowTitle(f"{title} — timeline-viewer" if timeline else "timeline-viewer")
        read = f"{timeline.title} — timeline-viewer" if timeline else "timeline-viewer"
        self.setAccessibleName(without_isolates(read))  # as read: no isolates

    # -- drag and drop --------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.imports.open_path(files[0])

    # -- the keyboard -----------------------------------------------------------

    def _panels(self) -> list[tuple[QWidget, QWidget]]:
        """The panels F6 visits, left to right and top to bottom (the tabbed ones
        on the left one after the other): (the panel, what takes the focus)."""
        targets = self.late.focus_targets()
        left = [self.quotes_dock, self.notes_dock, self.find_dock]
        right = [self.details_dock, self.events_dock, self.changes_dock]
        docks = [(dock, targets[dock]) for dock in left]
        return [*docks, (self.timeline_view, self.timeline_view)] + [
            (dock, targets[dock]) for dock in right
        ]

    def focus_panel(self, panel: QWidget) -> None:
        """Bring ``panel`` forward (a tab behind another) and give it the focus."""
        focus_panel(self._panels(), panel)

    def cycle_panels(self, step: int) -> None:
        """F6 / Shift+F6: the next (or previous) panel that is open."""
        self.focus_panel(next_panel(self._panels(), step, QApplication.focusWidget()))

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: every action with a key, and the timeline's keys."""
        from viewer.ui.panels.dialogs import ShortcutsDialog

        self.shortcuts_box = ShortcutsDialog(self.menus.shortcut_rows(), self)
        self.shortcuts_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_box.open()

    def show_about(self) -> None:
        from viewer.ui.panels.dialogs import AboutBox

        AboutBox(self).open()

    def docks(self) -> list[QDockWidget]:
        """The docks, as View lists them."""
        return [
            self.details_dock,
            self.quotes_dock,
            self.notes_dock,
            self.find_dock,
            self.events_dock,
            self.changes_dock,
        ]

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._late is not None and not self._late.rescue.may_quit():  # nothing before
            event.ignore()
            return
        self.document.shutdown()
        if self._late is not None:
            self._late.changes.wait()  # what was seen is written whole before the app goes
        self._notes.shutdown()
        self.dock_layout.save()
        super().closeEvent(event)
