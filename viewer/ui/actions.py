"""The window's actions in one table: each one's menu, text, keys and what it does.

The menu bar is built from the table, and Help > Keyboard Shortcuts lists its
keys from it, so a key cannot be in one and missing from the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QToolButton, QWidget

from viewer.domain.text import one_line
from viewer.domain.words import QT_TRANSLATE_NOOP
from viewer.ui import i18n
from viewer.ui.controllers.imports import menu_text
from viewer.ui.panels.lanes_menu import LanesMenu
from viewer.ui.panels.layer_bar import LayersMenu
from viewer.ui.widgets.keys import key_names

if TYPE_CHECKING:  # the window's parts, as the actions see them
    from viewer.ui.controllers.citations import Citations
    from viewer.ui.controllers.exports import Exports
    from viewer.ui.controllers.filter_state import FilterState
    from viewer.ui.controllers.finder import FindController
    from viewer.ui.controllers.imports import Imports
    from viewer.ui.controllers.legend_choice import LegendChoice
    from viewer.ui.controllers.notes_control import NotesController
    from viewer.ui.document.document import Document
    from viewer.ui.document.history import History
    from viewer.ui.document.selection import Selection
    from viewer.ui.panels.note_actions import NoteActions
    from viewer.ui.timeline.view import TimelineView


@dataclass(frozen=True)
class Every:
    """Every key the platform binds to a standard action (not only its first)."""

    key: QKeySequence.StandardKey


# A key: a sequence as text, a standard action's first key, or every key it has.
Key = str | QKeySequence.StandardKey | Every


def _keys(keys: Sequence[Key]) -> list[QKeySequence]:
    """The key sequences of ``keys``, each once."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = QKeySequence.keyBindings(key.key) if isinstance(key, Every) else [QKeySequence(key)]
        sequences += [s for s in found if not s.isEmpty() and s not in sequences]
    return sequences


class Window(Protocol):
    """What the actions act on: the window's parts."""

    @property
    def settings(self) -> QSettings: ...
    @property
    def document(self) -> Document: ...
    @property
    def selection(self) -> Selection: ...
    @property
    def history(self) -> History: ...
    @property
    def notes(self) -> NotesController: ...
    @property
    def note_actions(self) -> NoteActions: ...
    @property
    def filters(self) -> FilterState: ...
    @property
    def finder(self) -> FindController: ...
    @property
    def timeline_view(self) -> TimelineView: ...
    @property
    def imports(self) -> Imports: ...
    @property
    def exports(self) -> Exports: ...
    @property
    def citations(self) -> Citations: ...
    @property
    def legend_choice(self) -> LegendChoice: ...
    def docks(self) -> list[QDockWidget]: ...
    def close(self) -> bool: ...
    def open_find(self) -> None: ...
    def show_translations(self, shown: bool | None = None) -> None: ...
    def choose_language(self, code: str) -> None: ...
    def cycle_panels(self, step: int) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...
    def say(self, text: str, timeout: int = 0) -> None: ...


@dataclass(frozen=True)
class Act:
    """One action: its name (``menus[name]``), its menu text, what it does (given
    the window), its keys, its tooltip, whether it is a checkbox."""

    name: str
    text: str
    trigger: Callable[[Window], Callable[..., object]]
    keys: tuple[Key, ...] = ()
    tip: str = ""
    checkable: bool = False


# Where the window's own menus and lists go in a menu of :data:`MENUS`.
SEPARATOR, RECENT, REMOVE, DOCKS, TIMELINES, LANGUAGE, LANES = (
    "-",
    "recent",
    "remove",
    "docks",
    "tl",
    "lang",
    "lanes",
)

_Std = QKeySequence.StandardKey

# The menu bar: each menu's title and entries, in order.
MENUS: list[tuple[str, list[Act | str]]] = [
    (
        QT_TRANSLATE_NOOP("Menus", "&File"),
        [
            Act(
                "open",
                QT_TRANSLATE_NOOP("Menus", "&Open…"),
                lambda w: w.imports.choose_file,
                (_Std.Open,),
            ),
            RECENT,
            Act(
                "reload",
                QT_TRANSLATE_NOOP("Menus", "Re&load"),
                lambda w: w.document.reload,
                ("Ctrl+R",),
            ),
            Act(
                "import",
                QT_TRANSLATE_NOOP("Menus", "&Import…"),
                lambda w: w.imports.choose_import,
                ("Ctrl+I",),
                QT_TRANSLATE_NOOP(
                    "Menus",
                    "Open a TimelineJS timeline or an ACLED export, converted to a model file",
                ),
            ),
            Act(
                "add",
                QT_TRANSLATE_NOOP("Menus", "&Add Timeline…"),
                lambda w: w.imports.choose_add,
                ("Ctrl+Shift+O",),
                QT_TRANSLATE_NOOP(
                    "Menus",
                    "Show another timeline over this one (a model file, TimelineJS or ACLED)",
                ),
            ),
            REMOVE,
            SEPARATOR,
            Act(
                "export",
                QT_TRANSLATE_NOOP("Menus", "&Export Image…"),
                lambda w: lambda: _export_image(w),
                ("Ctrl+E",),
            ),
            Act(
                "export_notes",
                QT_TRANSLATE_NOOP("Menus", "Export &Notes…"),
                lambda w: lambda: w.exports.choose_notes_export(),
            ),
            Act(
                "export_timelinejs",
                QT_TRANSLATE_NOOP("Menus", "Export as &TimelineJS…"),
                lambda w: lambda: w.exports.choose_timelinejs_export(),
                tip=QT_TRANSLATE_NOOP(
                    "Menus",
                    "Write the events the filter keeps as a TimelineJS file to publish, "
                    "grouped by the lanes shown",
                ),
            ),
            Act(
                "print",
                QT_TRANSLATE_NOOP("Menus", "&Print…"),
                lambda w: lambda: w.exports.print_preview(),
                (_Std.Print,),
                QT_TRANSLATE_NOOP(
                    "Menus", "Print the events the filter keeps, on pages at the zoom shown"
                ),
            ),
            SEPARATOR,
            Act("quit", QT_TRANSLATE_NOOP("Menus", "&Quit"), lambda w: w.close, (_Std.Quit,)),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Edit"),
        [
            Act(
                "undo",
                QT_TRANSLATE_NOOP("Menus", "&Undo"),
                lambda w: lambda: w.notes.undo(),
                (Every(_Std.Undo),),
            ),
            Act(
                "redo",
                QT_TRANSLATE_NOOP("Menus", "&Redo"),
                lambda w: lambda: w.notes.redo(),
                ("Ctrl+Shift+Z", "Ctrl+Y"),
            ),
            SEPARATOR,
            Act(
                "copy_citation",
                QT_TRANSLATE_NOOP("Menus", "&Copy Citation"),
                lambda w: lambda: w.citations.copy_current_citation(),
                (_Std.Copy,),
            ),
            Act(
                "copy_markdown",
                QT_TRANSLATE_NOOP("Menus", "Copy Citation as &Markdown"),
                lambda w: lambda: w.citations.copy_current_citation(as_markdown=True),
                ("Ctrl+Shift+C",),
            ),
            SEPARATOR,
            Act(
                "add_note",
                QT_TRANSLATE_NOOP("Menus", "&Add Note…"),
                lambda w: lambda: w.note_actions.add_to_event(w.selection.event_id),
                ("Ctrl+N",),
            ),
            SEPARATOR,
            Act("find", QT_TRANSLATE_NOOP("Menus", "&Find…"), lambda w: w.open_find, (_Std.Find,)),
            Act(
                "find_next",
                QT_TRANSLATE_NOOP("Menus", "Find &Next"),
                lambda w: lambda: w.finder.step(1),
                (_Std.FindNext,),
            ),
            Act(
                "find_previous",
                QT_TRANSLATE_NOOP("Menus", "Find Pre&vious"),
                lambda w: lambda: w.finder.step(-1),
                (_Std.FindPrevious,),
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&View"),
        [
            Act(
                "zoom_in",
                QT_TRANSLATE_NOOP("Menus", "Zoom &In"),
                lambda w: lambda: w.timeline_view.zoom(1.25),
                (_Std.ZoomIn,),
            ),
            Act(
                "zoom_out",
                QT_TRANSLATE_NOOP("Menus", "Zoom &Out"),
                lambda w: lambda: w.timeline_view.zoom(0.8),
                (_Std.ZoomOut,),
            ),
            Act(
                "fit",
                QT_TRANSLATE_NOOP("Menus", "&Fit All"),
                lambda w: w.timeline_view.fit_all,
                ("Ctrl+0",),
            ),
            LANES,
            SEPARATOR,
            DOCKS,
            SEPARATOR,
            # Quotes in their own language; their translations beside them when asked for.
            Act(
                "translations",
                QT_TRANSLATE_NOOP("Menus", "Quote &Translations"),
                lambda w: w.show_translations,
                ("Ctrl+Shift+T",),
                QT_TRANSLATE_NOOP("Menus", "Show each quote's translation beside the original"),
                checkable=True,
            ),
            # Off, the timeline has the legend's room (a small window, large text).
            Act(
                "legend",
                QT_TRANSLATE_NOOP("Menus", "Le&gend"),
                lambda w: w.legend_choice.show,
                tip=QT_TRANSLATE_NOOP("Menus", "Show what the marks, colours and lines mean"),
                checkable=True,
            ),
            TIMELINES,
            LANGUAGE,
            SEPARATOR,
            Act(
                "next_panel",
                QT_TRANSLATE_NOOP("Menus", "Next &Panel"),
                lambda w: lambda: w.cycle_panels(1),
                ("F6",),
            ),
            Act(
                "previous_panel",
                QT_TRANSLATE_NOOP("Menus", "Pre&vious Panel"),
                lambda w: lambda: w.cycle_panels(-1),
                ("Shift+F6",),
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Go"),
        [
            Act(
                "back",
                QT_TRANSLATE_NOOP("Menus", "&Back"),
                lambda w: w.history.back,
                ("Alt+Left", Every(_Std.Back)),
            ),
            Act(
                "forward",
                QT_TRANSLATE_NOOP("Menus", "&Forward"),
                lambda w: w.history.forward,
                ("Alt+Right", Every(_Std.Forward)),
            ),
            SEPARATOR,
            Act(
                "go_to_date",
                QT_TRANSLATE_NOOP("Menus", "Go to &Date…"),
                lambda w: lambda: _go_to_date(w),
                ("Ctrl+G",),
                QT_TRANSLATE_NOOP("Menus", "Show a day in the middle of the timeline"),
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Help"),
        [
            Act(
                "shortcuts",
                QT_TRANSLATE_NOOP("Menus", "&Keyboard Shortcuts"),
                lambda w: w.show_shortcuts,
                ("F1",),
            ),
            Act(
                "about",
                QT_TRANSLATE_NOOP("Menus", "&About timeline-viewer"),
                lambda w: w.show_about,
            ),
        ],
    ),
]

# The timeline's own keys (not menu actions), for Help > Keyboard Shortcuts.
TIMELINE_KEYS: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("Menus", "Timeline: previous / next event"), "Left, Right"),
    (QT_TRANSLATE_NOOP("Menus", "Timeline: first / last event"), "Home, End"),
    (QT_TRANSLATE_NOOP("Menus", "Timeline: pan"), "Shift+Left, Shift+Right"),
    (QT_TRANSLATE_NOOP("Menus", "Timeline: zoom in / out"), "+, -"),
    (QT_TRANSLATE_NOOP("Menus", "Timeline: read the selected event's details"), "Enter"),
    (QT_TRANSLATE_NOOP("Menus", "Timeline: the selected event's menu"), "Menu, Shift+F10"),
    (QT_TRANSLATE_NOOP("Menus", 'Timeline: open the nearest "+N" (or zoom into a count)'), "Space"),
    (QT_TRANSLATE_NOOP("Menus", "Timeline: no event selected"), "Esc"),
    (
        QT_TRANSLATE_NOOP("Menus", "Find bar: next / previous match, close"),
        "Enter, Shift+Enter, Esc",
    ),
]


def _export_image(window: Window) -> None:
    from viewer.ui.panels.export_image import export_image  # its dialog: when asked for

    export_image(
        window.exports,
        filtered=window.filters.mask is not None,
        selected=window.selection.event_id is not None,
        parent=window.timeline_view.window(),
    )


def _go_to_date(window: Window) -> None:
    from viewer.ui.panels.go_to_date import go_to_date  # its dialog: when asked for

    go_to_date(window.timeline_view, window.say)


def _without_mnemonic(text: str) -> str:
    """A menu text as read: "&Find…" is "Find…", "&&" is "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class Menus(QObject):
    """The menu bar of ``window``, built from :data:`MENUS`; ``menus[name]`` is an action.

    Made with the window's first frame (its keys work from then on); what an
    action does is asked of the window when it is triggered, so parts the window
    makes later are not made for it (:meth:`follow_undo` follows the notes' undo).
    """

    def __init__(self, window: Window, bar: QMenuBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = window
        self._actions: dict[str, QAction] = {}
        # The ">>" that shows the menus a narrow window has no room for.
        extension = bar.findChild(QToolButton, "qt_menubar_ext_button")
        if extension is not None:
            extension.setAccessibleName(self.tr("More menus"))
        self.recent_menu = QMenu(self.tr("Open &Recent"), parent)
        self.timelines_menu = LayersMenu(window.filters, parent)
        self.language_menu = QMenu(self.tr("&Language"), parent)
        self.lanes_menu = LanesMenu(window.timeline_view, window.settings, parent)
        self.language_actions = QActionGroup(self)
        for title, entries in MENUS:
            menu = bar.addMenu(self.tr(title))
            for entry in entries:
                self._add(menu, entry, parent)
        self._fill_languages(window.settings)
        window.history.changed.connect(self._follow_history)
        self._follow_history()
        window.document.recentChanged.connect(self.fill_recent)
        self.fill_recent()

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def _add(self, menu: QMenu, entry: Act | str, parent: QWidget) -> None:
        if isinstance(entry, Act):
            action = QAction(self.tr(entry.text), parent)
            action.setShortcuts(_keys(entry.keys))
            if entry.tip:
                action.setToolTip(self.tr(entry.tip))
            action.setCheckable(entry.checkable)
            action.triggered.connect(entry.trigger(self._window))
            self._actions[entry.name] = action
            menu.addAction(action)
        elif entry == SEPARATOR:
            menu.addSeparator()
        elif entry == DOCKS:
            for dock in self._window.docks():
                menu.addAction(dock.toggleViewAction())
        else:
            own = {RECENT: self.recent_menu, REMOVE: self._window.imports.remove_menu}
            own |= {TIMELINES: self.timelines_menu, LANGUAGE: self.language_menu}
            own[LANES] = self.lanes_menu
            menu.addMenu(own[entry])

    def _fill_languages(self, settings: QSettings) -> None:
        saved = settings.value(i18n.SETTING, "")
        for code, name in [("", self.tr("As the System")), *i18n.LANGUAGES.items()]:
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(saved == code)
            action.setData(code)
            self.language_actions.addAction(action)
            action.triggered.connect(lambda _c=False, c=code: self._window.choose_language(c))

    def follow_undo(self, notes: NotesController) -> None:
        """Undo and Redo say what they would undo or redo, and are off when nothing."""
        stack = notes.undo_stack
        undo, redo = self["undo"], self["redo"]
        for action, can, text, word in (
            (undo, stack.canUndoChanged, stack.undoTextChanged, self.tr("&Undo")),
            (redo, stack.canRedoChanged, stack.redoTextChanged, self.tr("&Redo")),
        ):
            can.connect(action.setEnabled)
            text.connect(lambda t, a=action, w=word: a.setText(f"{w} {t}" if t else w))
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())

    def _follow_history(self) -> None:
        self["back"].setEnabled(self._window.history.can_go_back)
        self["forward"].setEnabled(self._window.history.can_go_forward)

    def fill_recent(self) -> None:
        """Recent files by their timelines' titles; the path is the tooltip (and is
        added to a title that two files share)."""
        document = self._window.document
        self.recent_menu.clear()
        recent = document.recent_files()
        titles = document.recent_titles()
        shown = [one_line(titles.get(str(path), "")) or path.name for path in recent]
        for path, title in zip(recent, shown, strict=True):
            text = f"{title} — {path.name}" if shown.count(title) > 1 else title
            action = self.recent_menu.addAction(menu_text(text))
            # A fixed first line: a path with "<b>" in it is never taken for rich text.
            action.setToolTip(self.tr("Timeline file:\n{0}").format(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: document.open(p))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.setEnabled(bool(recent))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Help > Keyboard Shortcuts: every action with a key, as its menu names it
        now, then the timeline's own keys."""
        native = QKeySequence.SequenceFormat.NativeText
        rows: list[tuple[str, str]] = []
        for _title, entries in MENUS:
            for entry in entries:
                if isinstance(entry, Act):
                    action = self[entry.name]
                    keys = ", ".join(k.toString(native) for k in action.shortcuts())
                    if keys and action.text():
                        rows.append((_without_mnemonic(action.text()), keys))
        rows += [(self.tr(action), key_names(keys)) for action, keys in TIMELINE_KEYS]
        return rows
