"""Start the desktop app: QApplication, settings, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.persistence.paths import APP_NAME, AppPaths, bundled_timeline


def open_settings(paths: AppPaths) -> QSettings:
    """Settings in an INI file under the platformdirs config folder (made on first write)."""
    return QSettings(str(paths.config_dir / "settings.ini"), QSettings.Format.IniFormat)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def run(paths: AppPaths, file: Path | None) -> int:
    app = make_application()
    from viewer.ui.main_window import MainWindow

    window = MainWindow(open_settings(paths), paths.data_dir)
    app.aboutToQuit.connect(window.notes.close)  # the last save, whatever ends the app
    window.show()
    if not window.open_file(file or bundled_timeline()) and file is not None:
        # The file named on the command line failed; show the bundled one behind the message.
        window.open_file(bundled_timeline())
    return app.exec()
