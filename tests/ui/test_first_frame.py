"""The window's first frame: the timeline first, the panels right after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.windows import settle
from viewer.persistence.paths import AppPaths, bundled_timeline
from viewer.ui.app import open_settings
from viewer.ui.controllers.legend_choice import LEGEND_SETTING
from viewer.ui.main_window import LATER, MainWindow


class _FirstPaint(QObject):
    """What stood when ``window``'s timeline was first painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.seen: list[tuple[bool, bool, QRect]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            window, view = self.window_, self.window_.timeline_view
            shows = view.renderer.timeline is not None and view.renderer.timeline is (
                window.document.timeline
            )
            self.seen.append((window.built, shows, _place(window)))
        return False


def _place(window: MainWindow) -> QRect:
    """Where the timeline is in the window."""
    viewport = window.timeline_view.viewport()
    return QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())


def test_the_timeline_is_painted_before_the_panels_are_made(qtbot: QtBot) -> None:
    paths = AppPaths.from_environment()
    settings = open_settings(paths)
    # Without the legend: with it, the timeline in the test's small screen (800
    # pixels) needs a scroll bar, which the view adds once it has painted.
    settings.setValue(LEGEND_SETTING, False)
    window = MainWindow(settings, paths.data_dir)
    qtbot.addWidget(window)
    spy = _FirstPaint(window)
    window.timeline_view.viewport().installEventFilter(spy)
    window.show()  # as the app starts: shown, then the file opened
    assert window.open_file(bundled_timeline())
    qtbot.waitUntil(lambda: bool(spy.seen))
    built, shows, place = spy.seen[0]
    assert not built  # the panels were not made before the first frame
    assert shows  # the first frame shows the timeline
    qtbot.waitUntil(lambda: window.built)  # the event loop once more
    parts = vars(window.late).items()
    made = {name for name, part in parts if isinstance(part, QObject)} - {"_host", "notes"}
    assert made == LATER  # every part made later, and the window lends each
    assert all(getattr(window, name) is getattr(window.late, name) for name in LATER)
    settle(qtbot)
    assert _place(window) == place  # nothing moved when the panels came
    docks = (window.details_dock, window.quotes_dock, window.events_dock)
    assert [dock.widget() for dock in docks] == [window.details, window.quotes, window.events_table]
    assert window.events_table.model.rowCount() == len(window.document.timeline.events)
    assert window.notes_dock.widget().isHidden()  # behind the quotes' tab, as before


def test_the_menus_keys_work_before_the_panels_are_made(qtbot: QtBot) -> None:
    paths = AppPaths.from_environment()
    window = MainWindow(open_settings(paths), paths.data_dir)
    qtbot.addWidget(window)
    assert not window.built
    assert window.menus["find"].shortcuts()
    window.menus["find"].trigger()  # what it does makes what it needs
    assert window.built
    assert window.find_bar.isVisibleTo(window)


def test_a_part_asked_for_before_the_first_frame_is_made_then(qtbot: QtBot) -> None:
    paths = AppPaths.from_environment()
    window = MainWindow(open_settings(paths), paths.data_dir)
    qtbot.addWidget(window)
    assert window.open_file(bundled_timeline())
    assert not window.built
    assert window.quotes.actor_view.model().rowCount() > 0  # made, with the timeline open
    assert window.built
    assert window.notes.store is not None  # the notes are open on it


def test_the_window_imports_its_panels_when_it_makes_them() -> None:
    code = (
        "import sys, viewer.ui.main_window\n"
        "later = ['viewer.ui.panels.details', 'viewer.ui.panels.events_table',\n"
        "         'viewer.ui.panels.quotes_panel', 'viewer.ui.controllers.exports',\n"
        "         'viewer.ui.controllers.changes', 'viewer.ui.panels.dialogs',\n"
        "         'viewer.ui.late_parts']\n"
        "print([name for name in later if name in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_the_first_frame_leaves_the_notes_store_and_the_importers_unimported(
    tmp_path: Path,
) -> None:
    """The notes' database (sqlite3 and the stores) comes with the notes, after the
    first frame; the importers with the first import; ``html`` with the first
    tooltip; the model's validators (and ``importlib.metadata``, which pydantic
    imports to look for plugins as it builds one) with the first object the
    model validates: the fast load makes the header's objects without them."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from viewer.persistence.paths import AppPaths, bundled_timeline\n"
        "from viewer.ui.app import open_settings\n"
        "from viewer.ui.main_window import MainWindow\n"
        "from viewer.ui.widgets.first_paint import when_painted\n"
        "app = QApplication([])\n"
        "paths = AppPaths.from_environment()\n"
        "window = MainWindow(open_settings(paths), paths.data_dir)\n"
        "later = ['sqlite3', 'viewer.persistence.notes_store',\n"
        "         'viewer.persistence.notes_export', 'viewer.importers.common', 'html',\n"
        "         'importlib.metadata']\n"
        "from pydantic import BaseModel\n"
        "from viewer.domain import model\n"
        "def painted():\n"
        "    try:\n"
        "        shown = window.timeline_view.renderer.timeline is not None\n"
        "        built = [name for name, kind in vars(model).items() if isinstance(kind, type)\n"
        "                 and issubclass(kind, BaseModel) and kind.__pydantic_complete__]\n"
        "        print(shown, window.built, [name for name in later if name in sys.modules],\n"
        "              built)\n"
        "    finally:\n"
        "        app.exit(0)\n"
        "when_painted(window.timeline_view.viewport(), painted)\n"
        "window.show()\n"
        "window.open_at_start(bundled_timeline())\n"
        "app.exec()\n"
    )
    env = {**os.environ, "TIMELINE_VIEWER_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    assert out.stdout.strip() == "True False [] []"


def test_pyside_reads_a_modules_file_for_its_answer() -> None:
    code = (
        "import sys, viewer.ui.main_window, numpy\n"
        "from viewer.ui import pyside_import\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "assert feature._mod_uses_pyside is pyside_import._uses_pyside\n"
        "asked = pyside_import._asked[0]\n"
        "modules = [m for m in list(sys.modules.values()) if m is not None]\n"
        "print(len(modules), sum(asked(m) for m in modules),\n"
        "      [m.__name__ for m in modules if pyside_import._uses_pyside(m) != asked(m)])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    count, using, differing = out.stdout.split(maxsplit=2)
    assert int(count) > 300
    assert int(using) > 50  # the window's modules
    assert differing.strip() == "[]"  # the same answers as PySide6's own


class _Heights(QObject):
    """The heights ``widget`` is painted at."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen: list[int] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.seen.append(watched.height())
        return False


def test_the_legend_is_as_tall_in_the_first_frame_as_after(qtbot: QtBot) -> None:
    paths = AppPaths.from_environment()
    window = MainWindow(open_settings(paths), paths.data_dir)
    qtbot.addWidget(window)
    heights = _Heights(window.legend)
    window.show()
    assert window.open_file(bundled_timeline())
    qtbot.waitUntil(lambda: bool(heights.seen))
    settle(qtbot)
    assert heights.seen[0] > 40  # its rows wrap in the narrow window
    assert heights.seen[0] == window.legend.height()
