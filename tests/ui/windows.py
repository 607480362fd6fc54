"""The main window as tests start it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
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


def make_window(qtbot: QtBot, model: Path | None = None, *, open_model: bool = True) -> MainWindow:
    """The window as most tests start it: :func:`active_window`, with the keyboard
    on the timeline (where a reader who has just opened a timeline starts)."""
    window = active_window(qtbot, model, open_model=open_model)
    window.timeline_view.setFocus()
    settle(qtbot)  # laid out: the view's scale is the one the reader sees
    return window


def settle(qtbot: QtBot) -> None:
    """Wait until what the event loop was asked to do by now is done: the layout
    requests posted (a resize lays out the docks and views by them) and the
    zero-time timers started (the window's own, which ends a resize)."""
    QApplication.sendPostedEvents()
    done: list[bool] = []
    QTimer.singleShot(0, lambda: done.append(True))  # runs after those started before
    qtbot.waitUntil(lambda: bool(done))
