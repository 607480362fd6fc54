"""Start the desktop app: QApplication, settings, the main window."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.domain.text import terminal_safe
from viewer.persistence.paths import APP_ID, APP_NAME, AppPaths, app_icon, not_a_file
from viewer.ui.widgets import focus_style

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


def open_settings(paths: AppPaths) -> QSettings:
    """Settings in an INI file under the platformdirs config folder (made on first write).

    A settings path that is a folder, a pipe or a device is never opened (a pipe
    would hang the start): the app says so and keeps its settings for this run
    only, in a file of its own under the temporary folder.
    """
    path = paths.config_dir / "settings.ini"
    odd = not_a_file(path)
    if odd is not None:
        fallback = Path(tempfile.mkdtemp(prefix="timeline-viewer-")) / "settings.ini"
        print(
            terminal_safe(
                f"timeline-viewer: {path} is not used for settings ({odd}); "
                "settings are kept for this run only."
            ),
            file=sys.stderr,
        )
        path = fallback
    return QSettings(str(path), QSettings.Format.IniFormat)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [sys.argv[0]])
    brand(app)
    focus_style.install(app)  # the keys' place always shows
    return app


def brand(app: QApplication) -> None:
    """The app's name, version, icon and desktop id (its .desktop entry's name, so
    a desktop shows the window under the entry's name and icon)."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(app_icon())))


def run(paths: AppPaths, file: Path | None, language: str | None = None) -> int:
    app = make_application()
    from viewer.ui import i18n
    from viewer.ui.main_window import MainWindow

    settings = open_settings(paths)
    i18n.install(app, i18n.chosen_language(settings, language))
    window = MainWindow(settings, paths.data_dir)
    app.aboutToQuit.connect(window.close_notes)  # the last save, whatever ends the app
    app.aboutToQuit.connect(window.document.shutdown)  # no load thread outlives the app
    if sys.platform == "darwin":  # elsewhere files come on the command line only
        app.installEventFilter(FileOpener(window))
    window.show()
    window.open_at_start(file)
    return app.exec()


class FileOpener(QObject):
    """Opens in the window the files a desktop hands over as events, not on the
    command line (macOS's Finder does: a double-click, a file dropped on the
    Dock's icon, "Open With")."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file()
            if name:
                self._window.open_file(Path(name))
                return True
        return False
