"""The main window: creates the parts and wires them. No logic of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.domain import words
from viewer.domain.text import isolate, one_line
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP
from viewer.persistence.paths import bundled_timeline
from viewer.ui import i18n
from viewer.ui.controllers.citations import Citations
from viewer.ui.controllers.exports import Exports
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.controllers.finder import FindController
from viewer.ui.controllers.imports import Imports, menu_text
from viewer.ui.controllers.note_actions import NoteActions
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.controllers.rescue import Rescue
from viewer.ui.dock_layout import DockLayout
from viewer.ui.document.document import Document
from viewer.ui.document.history import History
from viewer.ui.document.selection import Selection
from viewer.ui.panels.details import DetailsPanel
from viewer.ui.panels.events_table import EventsTable
from viewer.ui.panels.filter_bar import FilterBar
from viewer.ui.panels.find_bar import FindBar, FindResults
from viewer.ui.panels.layer_bar import LayerBar, LayersMenu
from viewer.ui.panels.notes_panel import NotesPanel
from viewer.ui.panels.quotes_panel import QuotesPanel
from viewer.ui.timeline.legend import LegendBar
from viewer.ui.timeline.view import TimelineView
from viewer.ui.widgets.announce import announce

#: Whether quotes show their translations (View > Quote Translations).
TRANSLATIONS_SETTING = "quotes/translations"


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """The key sequences of ``keys`` (a platform's standard ones too), each once."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        sequences += [s for s in found if not s.isEmpty() and s not in sequences]
    return sequences


#: The timeline's own keys (not menu actions), for Help > Keyboard Shortcuts.
TIMELINE_KEYS: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("MainWindow", "Timeline: previous / next event"), "Left, Right"),
    (QT_TRANSLATE_NOOP("MainWindow", "Timeline: first / last event"), "Home, End"),
    (QT_TRANSLATE_NOOP("MainWindow", "Timeline: pan"), "Shift+Left, Shift+Right"),
    (QT_TRANSLATE_NOOP("MainWindow", "Timeline: zoom in / out"), "+, -"),
    (QT_TRANSLATE_NOOP("MainWindow", "Timeline: read the selected event's details"), "Enter"),
    (QT_TRANSLATE_NOOP("MainWindow", "Timeline: the selected event's menu"), "Menu, Shift+F10"),
    (
        QT_TRANSLATE_NOOP("MainWindow", 'Timeline: open the nearest "+N" (or zoom into a count)'),
        "Space",
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "Timeline: no event selected"), "Esc"),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Find bar: next / previous match, close"),
        "Enter, Shift+Enter, Esc",
    ),
]


def _key_names(keys: str) -> str:
    """Keys as this platform and language name them ("Shift+Left" is "Umschalt+Links")."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(QKeySequence(key).toString(native) or key for key in keys.split(", "))


def _without_mnemonic(text: str) -> str:
    """A menu text as read: "&Find…" is "Find…", "&&" is "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    """Every key of the app in one table (plain text)."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for row, (action, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(action))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        # The keys whole; the actions take the rest of the width and wrap (German
        # names are long): nothing is cut off and nothing scrolls sideways.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = settings
        self.selection = Selection(self)
        self.document = Document(settings, self)
        self.notes = NotesController(data_dir, self)
        self.note_actions = NoteActions(self.notes, self)
        self.imports = Imports(self.document, data_dir / "imports", self)
        self.imports.said.connect(self.say)
        self.imports.informed.connect(self._inform)

        self.finder = FindController(self.selection, self.notes, self)
        self.find_bar = FindBar(self.finder)
        self.find_bar.hide()
        self.filters = FilterState(settings, self.notes, self)
        self.filter_bar = FilterBar(self.filters)
        self.timeline_view = TimelineView(self.selection)
        self.legend = LegendBar()
        self.layer_bar = LayerBar(self.filters)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.timeline_view, 1)
        layout.addWidget(self.layer_bar)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

        self.details = DetailsPanel(self.selection, notes=self.note_actions)
        self.quotes = QuotesPanel(self.selection, notes=self.note_actions)
        self.events_table = EventsTable(self.selection)
        self.notes_panel = NotesPanel(self.notes, self.note_actions, self.selection)
        self.find_results = FindResults(self.finder, self.selection)
        self.citations = Citations(self.document, self.selection, self.quotes.quote_view, self)
        self.citations.said.connect(self.say)
        self.exports = Exports(
            self.document, self.notes, self.timeline_view, self.selection, self.filters, self
        )
        self.exports.said.connect(self.say)
        self.rescue = Rescue(self.notes, self.document, self)
        self.details_dock = self._dock(
            "detailsDock",
            self.tr("Event details"),
            self.details,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.quotes_dock = self._dock(
            "quotesDock",
            self.tr("Quotes by actor"),
            self.quotes,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.events_dock = self._dock(
            "eventsDock",
            self.tr("Events"),
            self.events_table,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.notes_dock = self._dock(
            "notesDock", self.tr("My notes"), self.notes_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.find_dock = self._dock(
            "findDock",
            self.tr("Search results"),
            self.find_results,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.tabifyDockWidget(self.quotes_dock, self.notes_dock)
        self.tabifyDockWidget(self.quotes_dock, self.find_dock)
        self.find_dock.hide()
        self.quotes_dock.raise_()
        self.finder.resultsChanged.connect(self._show_find_marks)
        self.filters.changed.connect(self._show_filtered)
        self.error_box: QMessageBox | None = None
        self._shown_id: str | None = None
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
        self.finder.typedSelection.connect(self.history.typed)
        self._build_menus()
        self.details.translationsRequested.connect(lambda: self.show_translations(True))
        self.show_translations(bool(self.settings.value(TRANSLATIONS_SETTING, False, type=bool)))
        self.document.opened.connect(self._on_opened)
        self.document.failed.connect(self._on_failed)
        self.document.recentChanged.connect(self._fill_recent)
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
        self._build_load_progress()
        self.timeline_view.viewChanged.connect(self.document.remember_view)
        self.timeline_view.eventMenuRequested.connect(self._event_menu)
        self.timeline_view.detailsRequested.connect(lambda _id: self.focus_panel(self.details_dock))
        self.events_table.eventMenuRequested.connect(self._event_menu)
        self.quotes.quoteActivated.connect(self.details.show_quote)
        self.quotes.copyRequested.connect(
            lambda quote_id, markdown: self.citations.copy_citation(
                quote_id=quote_id, as_markdown=markdown
            )
        )
        self.notes.changed.connect(self._show_note_counts)
        self.notes.statusChanged.connect(self._show_notes_status)
        self.notes.notice.connect(lambda text: self._inform(self.tr("Your notes"), text))
        self.notes.confirmed.connect(self._confirm_notes)
        self.resize(1280, 800)
        self.dock_layout = DockLayout(
            self,
            settings,
            side=[self.quotes_dock, self.details_dock, self.notes_dock, self.find_dock],
            bottom=[self.events_dock],
        )
        self._set_title(None)

    def _build_load_progress(self) -> None:
        """A large file opens in the background: its progress and Cancel sit in the
        status bar, and the open timeline stays usable until the new one is ready."""
        self.load_progress = QWidget(self)
        self.load_progress.setObjectName("loadProgress")
        row = QHBoxLayout(self.load_progress)
        row.setContentsMargins(0, 0, 0, 0)
        self.load_label = QLabel(self.load_progress)
        self.load_label.setTextFormat(Qt.TextFormat.PlainText)
        self.load_bar = QProgressBar(self.load_progress)
        self.load_bar.setRange(0, 1000)
        self.load_bar.setTextVisible(False)
        self.load_bar.setFixedWidth(200)
        self.load_bar.setAccessibleName(self.tr("Opening progress"))
        self.load_cancel = QPushButton(self.tr("Cancel"), self.load_progress)
        self.load_cancel.setToolTip(
            self.tr("Stop opening this file; the open timeline stays as it is")
        )
        self.load_cancel.clicked.connect(self._cancel_load)
        for part in (self.load_label, self.load_bar, self.load_cancel):
            row.addWidget(part)
        self.statusBar().addPermanentWidget(self.load_progress)
        self.load_progress.hide()
        self.document.loadStarted.connect(self._load_started)
        self.document.loadProgress.connect(lambda done: self.load_bar.setValue(round(done * 1000)))
        self.document.loadEnded.connect(self.load_progress.hide)

    def _load_started(self, path: Path) -> None:
        if self.document.importing is not None:
            self.load_label.setText(self.tr("Importing {0}\u2026").format(path.name))
        else:
            self.load_label.setText(self.tr("Opening {0}\u2026").format(path.name))
        self.load_bar.setValue(0)
        self.load_progress.show()

    def _cancel_load(self) -> None:
        path = self.document.loading
        importing = self.document.importing
        if self.document.cancel_load(requeue=False) and path is not None:
            if importing is not None:  # the partial file is gone with the import
                self.say(self.tr("Stopped importing {0}.").format(importing.name), 8000)
            else:
                self.say(self.tr("Stopped opening {0}.").format(path.name), 8000)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- menus --------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        # The ">>" that shows the menus a narrow window has no room for.
        extension = bar.findChild(QToolButton, "qt_menubar_ext_button")
        if extension is not None:
            extension.setAccessibleName(self.tr("More menus"))
        file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = self._action(
            self.tr("&Open…"), self.imports.choose_file, QKeySequence.StandardKey.Open
        )
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.reload_action = self._action(self.tr("&Reload"), self.document.reload, "Ctrl+R")
        file_menu.addAction(self.reload_action)
        self.import_action = self._action(self.tr("&Import…"), self.imports.choose_import, "Ctrl+I")
        self.import_action.setToolTip(
            self.tr("Open a TimelineJS timeline or an ACLED export, converted to a model file")
        )
        file_menu.addAction(self.import_action)
        self.add_action = self._action(
            self.tr("&Add Timeline…"), self.imports.choose_add, "Ctrl+Shift+O"
        )
        self.add_action.setToolTip(
            self.tr("Show another timeline over this one (a model file, TimelineJS or ACLED)")
        )
        file_menu.addAction(self.add_action)
        file_menu.addMenu(self.imports.remove_menu)
        file_menu.addSeparator()
        self.export_action = self._action(
            self.tr("&Export Image…"), self.exports.choose_export, "Ctrl+E"
        )
        file_menu.addAction(self.export_action)
        self.export_notes_action = self._action(
            self.tr("Export &Notes…"), self.exports.choose_notes_export
        )
        file_menu.addAction(self.export_notes_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = bar.addMenu(self.tr("&Edit"))
        stack = self.notes.undo_stack
        self.undo_action = self._action(self.tr("&Undo"), self.notes.undo)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.notes.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, can, text, word in (
            (self.undo_action, stack.canUndoChanged, stack.undoTextChanged, self.tr("&Undo")),
            (self.redo_action, stack.canRedoChanged, stack.redoTextChanged, self.tr("&Redo")),
        ):
            can.connect(action.setEnabled)
            text.connect(lambda t, a=action, w=word: a.setText(f"{w} {t}" if t else w))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.copy_citation_action = self._action(
            self.tr("&Copy Citation"),
            self.citations.copy_current_citation,
            QKeySequence.StandardKey.Copy,
        )
        self.copy_markdown_action = self._action(
            self.tr("Copy Citation as &Markdown"),
            lambda: self.citations.copy_current_citation(as_markdown=True),
            "Ctrl+Shift+C",
        )
        edit_menu.addAction(self.copy_citation_action)
        edit_menu.addAction(self.copy_markdown_action)
        edit_menu.addSeparator()
        self.add_note_action = self._action(
            self.tr("Add &Note…"),
            lambda: self.note_actions.add_to_event(self.selection.event_id),
            "Ctrl+N",
        )
        edit_menu.addAction(self.add_note_action)
        edit_menu.addSeparator()
        self.find_action = self._action(
            self.tr("&Find…"), self.open_find, QKeySequence.StandardKey.Find
        )
        self.find_next_action = self._action(
            self.tr("Find &Next"), lambda: self.finder.step(1), QKeySequence.StandardKey.FindNext
        )
        self.find_previous_action = self._action(
            self.tr("Find Pre&vious"),
            lambda: self.finder.step(-1),
            QKeySequence.StandardKey.FindPrevious,
        )
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            edit_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.zoom_in_action = self._action(
            self.tr("Zoom &In"),
            lambda: self.timeline_view.zoom(1.25),
            QKeySequence.StandardKey.ZoomIn,
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &Out"),
            lambda: self.timeline_view.zoom(0.8),
            QKeySequence.StandardKey.ZoomOut,
        )
        self.fit_action = self._action(self.tr("&Fit All"), self.timeline_view.fit_all, "Ctrl+0")
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        docks = (
            self.details_dock,
            self.quotes_dock,
            self.notes_dock,
            self.find_dock,
            self.events_dock,
        )
        for dock in docks:
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        #: Quotes in their own language; their translations beside them when asked for.
        self.translations_action = self._action(
            self.tr("Quote &Translations"), self.show_translations, "Ctrl+Shift+T"
        )
        self.translations_action.setCheckable(True)
        self.translations_action.setToolTip(
            self.tr("Show each quote's translation beside the original")
        )
        view_menu.addAction(self.translations_action)
        self.timelines_menu = LayersMenu(self.filters, self)
        view_menu.addMenu(self.timelines_menu)

        go_menu = bar.addMenu(self.tr("&Go"))
        self.back_action = self._action(self.tr("&Back"), self.history.back)
        self.back_action.setShortcuts(_keys("Alt+Left", QKeySequence.StandardKey.Back))
        self.forward_action = self._action(self.tr("&Forward"), self.history.forward)
        self.forward_action.setShortcuts(_keys("Alt+Right", QKeySequence.StandardKey.Forward))
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.forward_action)
        self.history.changed.connect(self._update_history_actions)
        self._update_history_actions()

        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_actions = QActionGroup(self)
        saved = self.settings.value(i18n.SETTING, "")
        for code, name in [("", self.tr("As the System")), *i18n.LANGUAGES.items()]:
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(saved == code)
            action.setData(code)
            self.language_actions.addAction(action)
            action.triggered.connect(lambda _c=False, c=code: self.choose_language(c))
        view_menu.addSeparator()
        self.next_panel_action = self._action(
            self.tr("Next &Panel"), lambda: self.cycle_panels(1), "F6"
        )
        self.previous_panel_action = self._action(
            self.tr("Previous Pane&l"), lambda: self.cycle_panels(-1), "Shift+F6"
        )
        view_menu.addAction(self.next_panel_action)
        view_menu.addAction(self.previous_panel_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "F1"))
        help_menu.addAction(self._action(self.tr("&About timeline-viewer"), self.show_about))
        self._fill_recent()

    def _fill_recent(self) -> None:
        """Recent files by their timelines' titles; the path is the tooltip (and is
        added to a title that two files share)."""
        self.recent_menu.clear()
        recent = self.document.recent_files()
        titles = self.document.recent_titles()
        shown = [one_line(titles.get(str(path), "")) or path.name for path in recent]
        for path, title in zip(recent, shown, strict=True):
            text = f"{title} — {path.name}" if shown.count(title) > 1 else title
            action = self.recent_menu.addAction(menu_text(text))
            # A fixed first line: a path with "<b>" in it is never taken for rich text.
            action.setToolTip(self.tr("Timeline file:\n{0}").format(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.document.open(p))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.setEnabled(bool(recent))

    # -- opening ------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        return self.document.open(path)

    def open_at_start(self, file: Path | None) -> None:
        """The file named on the command line, else the one open when the app last
        closed, else (or if that cannot be opened) the bundled timeline."""
        if file is not None:
            if self.open_file(file):
                return
        else:
            last = next(iter(self.document.recent_files()), None)
            if last is not None and last.is_file() and self.open_file(last):
                return
            if last is not None and not last.is_file():
                self.say(self.tr("{0} is no longer there.").format(last), 8000)
        self.open_file(bundled_timeline())

    def _on_opened(self, timeline: Timeline, path: Path) -> None:
        saved_view = self.document.saved_view(timeline.id)
        same_timeline = self._shown_id == timeline.id
        previous = self.selection.event_id
        self._shown_id = timeline.id
        self.selection.clear()
        for part in (self.timeline_view, self.details, self.quotes, self.events_table, self.finder):
            part.set_timeline(timeline)
        self.filters.set_timeline(timeline)
        if saved_view is not None:
            self.timeline_view.set_view(*saved_view)
        self._set_title(timeline)
        if same_timeline and previous in timeline.events_by_id:  # a reload keeps the place
            self.selection.select(previous)
        if not same_timeline:
            self.history.clear()
        messages = self.notes.open_for(timeline)
        if messages:
            self._inform(self.tr("Your notes"), "\n\n".join(messages))

    def show_translations(self, shown: bool | None = None) -> None:
        """Show quotes' translations beside them (or not); remembered for next time.
        None: as View > Quote Translations is now."""
        if shown is None:
            shown = self.translations_action.isChecked()
        self.translations_action.setChecked(shown)
        self.settings.setValue(TRANSLATIONS_SETTING, shown)
        self.details.set_show_translations(shown)
        self.quotes.quote_model.set_show_translations(shown)

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

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back)
        self.forward_action.setEnabled(self.history.can_go_forward)

    # -- find and filter -------------------------------------------------------

    def _show_filtered(self) -> None:
        """Every view shows the events the filter keeps."""
        mask = self.filters.mask
        for part in (self.timeline_view, self.events_table, self.quotes, self.finder):
            part.show_only(mask)

    def open_find(self) -> None:
        """Show the find bar with its query selected, and the list of results."""
        self.find_bar.open_bar()
        self.find_dock.show()
        self.find_dock.raise_()

    def _show_find_marks(self) -> None:
        self.details.set_highlight(self.finder.words if self.find_bar.isVisible() else [])

    def _inform(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("notesMessageBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notes_box = box
        box.open()

    def _show_note_counts(self) -> None:
        counts = self.notes.counts_by_event()
        self.timeline_view.set_note_counts(counts)
        self.events_table.model.set_note_counts(counts)
        self.quotes.quote_model.set_note_counts(self.notes.counts_by_quote())
        self.add_note_action.setEnabled(not self.notes.read_only)

    def _confirm_notes(self, text: str) -> None:
        """Say what was done; while changes wait to be saved, say that too, and keep it."""
        if self.notes.status:
            self.say(f"{text} {self.notes.status}")
        else:
            self.say(text, 6000)

    def _show_notes_status(self, status: str) -> None:
        if status:
            self.say(status)
        else:
            self.statusBar().clearMessage()

    def _event_menu(self, event_id: str, global_pos: QPoint) -> None:
        menu = self.note_actions.menu_for_event(event_id, self)
        menu.addSeparator()
        menu.addAction(
            self.tr("Copy Citation"), lambda: self.citations.copy_citation(event_id=event_id)
        )
        menu.addAction(
            self.tr("Copy Citation as Markdown"),
            lambda: self.citations.copy_citation(event_id=event_id, as_markdown=True),
        )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.event_menu = menu
        menu.popup(global_pos)

    def _on_failed(
        self, path: Path, lines: list[str], *, adding: bool = False, importing: bool = False
    ) -> None:
        box = QMessageBox(self)
        box.setObjectName("loadErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Could not open timeline"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        more = self.tr("… and {0} more").format(words.number(len(lines) - 20))
        shown = lines[:20] + ([more] if len(lines) > 20 else [])
        if importing:
            box.setWindowTitle(self.tr("Could not import"))
            box.setText(self.tr("Nothing could be imported from {0}:").format(path))
        elif adding and self.document.timeline is not None:
            box.setWindowTitle(self.tr("Could not add timeline"))
            said = self.tr("{0} cannot be shown over “{1}”:")
            box.setText(said.format(path, isolate(self.document.timeline.title)))
        elif self.document.path:
            text = self.tr("{0} is not a timeline this app can open:\n\nStill showing: {1}")
            box.setText(text.format(path, self.document.path.name))
        else:
            box.setText(self.tr("{0} is not a timeline this app can open:").format(path))
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    def _set_title(self, timeline: Timeline | None) -> None:
        # Qt reads "[*]" in a title as the "modified" placeholder; "[*][*]" is a literal "[*]".
        # The title is isolated: a right-to-left override in it cannot turn the app's name.
        title = isolate(timeline.title).replace("[*]", "[*][*]") if timeline else ""
        self.setWindowTitle(f"{title} — timeline-viewer" if timeline else "timeline-viewer")

    # -- drag and drop --------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.document.open(files[0])

    # -- the keyboard -----------------------------------------------------------

    def _panels(self) -> list[tuple[QWidget, QWidget]]:
        """The panels F6 visits, left to right and top to bottom (the tabbed ones
        on the left one after the other): (the panel, what takes the focus)."""
        return [
            (self.quotes_dock, self.quotes.actor_view),
            (self.notes_dock, self.notes_panel.view),
            (self.find_dock, self.find_results.view),
            (self.timeline_view, self.timeline_view),
            (self.details_dock, self.details.browser),
            (self.events_dock, self.events_table.view),
        ]

    def focus_panel(self, panel: QWidget) -> None:
        """Bring ``panel`` forward (a tab behind another) and give it the focus."""
        for candidate, target in self._panels():
            if candidate is panel:
                if isinstance(panel, QDockWidget):
                    panel.show()
                    panel.raise_()
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def cycle_panels(self, step: int) -> None:
        """F6 / Shift+F6: the next (or previous) panel that is open."""
        panels = [
            (panel, target)
            for panel, target in self._panels()
            if not isinstance(panel, QDockWidget) or not panel.isHidden()
        ]
        focus = QApplication.focusWidget()
        at = next(
            (
                i
                for i, (panel, _t) in enumerate(panels)
                if focus is not None and (focus is panel or panel.isAncestorOf(focus))
            ),
            -1 if step > 0 else 0,
        )
        panel, _target = panels[(at + step) % len(panels)]
        self.focus_panel(panel)

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: every action with a key, and the timeline's keys."""
        rows: list[tuple[str, str]] = []
        for menu in self.menuBar().findChildren(QMenu):
            for action in menu.actions():
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                if keys and action.text():
                    rows.append((_without_mnemonic(action.text()), keys))
        rows += [(self.tr(action), _key_names(keys)) for action, keys in TIMELINE_KEYS]
        box = ShortcutsDialog(rows, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_box = box
        box.open()

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About timeline-viewer"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"timeline-viewer {__version__}\n\n"
            + self.tr(
                "Events, claims with their sources and verification, quotes per actor, "
                "and dates with their honest uncertainty."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.rescue.may_quit():
            event.ignore()
            return
        self.document.shutdown()
        self.notes.shutdown()
        self.dock_layout.save()
        super().closeEvent(event)
