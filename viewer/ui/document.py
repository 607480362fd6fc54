"""The open timeline: loading, reloading and recent files, without a window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from viewer.domain.model import Timeline
from viewer.persistence.model_file import ModelFileError, load_timeline

MAX_RECENT = 10


class Document(QObject):
    """Holds the open timeline; a file that fails to load leaves it untouched.

    ``opened`` carries the new timeline and its path; ``failed`` carries the
    path and the validator's lines, one per problem.
    """

    opened = Signal(object, object)
    failed = Signal(object, list)
    recentChanged = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.timeline: Timeline | None = None
        self.path: Path | None = None

    def open(self, path: Path) -> bool:
        try:
            timeline = load_timeline(path)
        except ModelFileError as err:
            self.failed.emit(path, [str(problem) for problem in err.problems])
            return False
        self.timeline, self.path = timeline, path
        self._remember(path)
        self.opened.emit(timeline, path)
        return True

    def reload(self) -> bool:
        return self.path is not None and self.open(self.path)

    def recent_files(self) -> list[Path]:
        value = self._settings.value("recent", [])
        # An INI file gives back one string for a list of one.
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(item) for item in items if isinstance(item, str) and item]

    def _remember(self, path: Path) -> None:
        resolved = str(path.resolve())
        recent = [str(p) for p in self.recent_files() if str(p) != resolved]
        self._settings.setValue("recent", [resolved, *recent][:MAX_RECENT])
        self.recentChanged.emit()
