"""The open timeline: loading, reloading, recent files and the last view, without a window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, QTimer, Signal

from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, load_timeline

MAX_RECENT = 10
#: Editors save in bursts (truncate, write; or write a temp file and rename).
CHANGE_SETTLE_MS = 400


class Document(QObject):
    """Holds the open timeline; a file that fails to load leaves it untouched.

    ``opened`` carries the new timeline and its path; ``failed`` carries the
    path and the validator's lines, one per problem. When the open file
    changes on disk it is loaded again (``reloadedFromDisk`` says so); if the
    new version is broken, ``failed`` reports it and the old one stays.
    """

    opened = Signal(object, object)
    failed = Signal(object, list)
    recentChanged = Signal()
    reloadedFromDisk = Signal(object)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.timeline: Timeline | None = None
        self.path: Path | None = None
        self._loaded_stamp: tuple[int, int] | None = None
        # The folder is watched too: saving by rename replaces the watched file.
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_disk_change)
        self._watcher.directoryChanged.connect(self._on_disk_change)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(CHANGE_SETTLE_MS)
        self._settle.timeout.connect(self._reload_if_changed)

    def open(self, path: Path) -> bool:
        try:
            timeline = load_timeline(path)
        except ModelFileError as err:
            self.failed.emit(path, [str(problem) for problem in err.problems])
            return False
        self.timeline, self.path = timeline, path
        self._loaded_stamp = _stamp(path)
        self._watch(path)
        self._remember(path)
        self.opened.emit(timeline, path)
        return True

    def _watch(self, path: Path) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._watcher.addPaths([str(path), str(path.parent)])

    def _on_disk_change(self, _changed: str) -> None:
        self._settle.start()

    def _reload_if_changed(self) -> None:
        path = self.path
        if path is None:
            return
        stamp = _stamp(path)
        if stamp is None or stamp == self._loaded_stamp:
            return  # gone (maybe mid-rename) or untouched: keep what is shown
        self._loaded_stamp = stamp  # a broken version is reported once, not on every event
        if self.open(path):
            self.reloadedFromDisk.emit(path)
        elif str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))

    def reload(self) -> bool:
        return self.path is not None and self.open(self.path)

    def saved_view(self, timeline_id: str) -> tuple[float, float] | None:
        """The left edge and zoom the reader last had on this timeline."""
        saved = self._settings.value(f"view/{timeline_id}")
        if isinstance(saved, list) and len(saved) == 2:
            try:
                return float(saved[0]), float(saved[1])
            except (TypeError, ValueError):
                return None
        return None

    def remember_view(self, t0: float, seconds_per_px: float) -> None:
        if self.timeline is not None:
            self._settings.setValue(f"view/{self.timeline.id}", [t0, seconds_per_px])

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


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size
