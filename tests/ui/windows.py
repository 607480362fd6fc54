"""The main window as tests start it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from viewer.persistence.paths import AppPaths, bundled_timeline
from viewer.ui.app import open_settings
from viewer.ui.main_window import MainWindow


def active_window(
    qtbot: QtBot, model: Path | None = None, *, open_model: bool = True
) -> MainWindow:
    """The window, shown and active (shortcuts reach the active window only), with
    ``model`` (default: the bundled timeline) open unless ``open_model`` is False."""
    paths = AppPaths.from_environment()
    window = MainWindow(open_settings(paths), paths.data_dir)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    if open_model:
        assert window.open_file(model or bundled_timeline())
    return window
