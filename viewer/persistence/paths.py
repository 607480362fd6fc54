"""Where things live: bundled resources and the user's folders.

Nothing here creates a folder at import time; :class:`AppPaths` is built once
in ``main()`` and handed down.
"""

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

APP_NAME = "timeline-viewer"
# Set to a folder to keep settings and notes there (portable use, tests).
HOME_ENV = "TIMELINE_VIEWER_HOME"

BUNDLED_TIMELINE_NAME = "trump-putin-2025-06.json"
SCHEMA_NAME = "timeline.schema.json"
# The app's id on the desktop: its .desktop entry, AppStream file and icon are
# named so (packaging/linux), and the window says it, so a desktop matches them.
APP_ID = "io.github.timelineviewer.TimelineViewer"


def resources_dir() -> Path:
    """The bundled resources: inside the installed package, or the source tree's."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def bundled_timeline() -> Path:
    return resources_dir() / "timelines" / BUNDLED_TIMELINE_NAME


def app_icon() -> Path:
    """The app's icon (SVG), as the window and the desktop show it."""
    return resources_dir() / "icons" / "timeline-viewer.svg"


def bundled_schema() -> Path:
    return resources_dir() / SCHEMA_NAME


class AppPaths(NamedTuple):
    config_dir: Path
    data_dir: Path

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> "AppPaths":
        home = environ.get(HOME_ENV)
        if home:
            base = Path(home).expanduser()
            return cls(config_dir=base / "config", data_dir=base / "data")
        # Here, not at the top: platformdirs imports tempfile and shutil, and
        # ``validate`` needs the bundled timeline's path, not the user's folders.
        import platformdirs

        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        )


def not_a_file(path: Path) -> str | None:
    """Why ``path`` exists but is no regular file (a folder, pipe, device), or None.

    Looked at with ``stat`` only: a pipe is never opened, so nothing can hang.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder"
    if stat.S_ISFIFO(mode):
        return "it is a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device"
    return "it is not a regular file"
