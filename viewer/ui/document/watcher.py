"""Watching the files shown for changes, so that a file saved elsewhere is read again.

Editors save in bursts (truncate, write; or write a temporary file and rename
it over the old one), so a change is looked at once the burst has settled, and
the folders are watched too: a rename replaces the file watched. Each file's
time and size when it was read (its stamp) tell a real change from a touch of
the folder, and a broken version is read (and reported) once, not at every event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

# A file's time (in nanoseconds) and size.
Stamp = tuple[int, int]

# Editors save in bursts (truncate, write; or write a temp file and rename).
CHANGE_SETTLE_MS = 400


def file_stamp(path: Path) -> Stamp | None:
    """The file's time and size now; None if it cannot be read (gone, maybe mid-rename)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


class Watcher(QObject):
    """The files shown, watched with their folders; ``changed`` runs once changes settle.

    It keeps the stamp each file had when it was read (:meth:`read`):
    :meth:`read_changed` reads again, through ``read_again``, the first of the
    files given whose stamp is no longer that one.
    """

    def __init__(
        self,
        changed: Callable[[], None],
        read_again: Callable[[Path], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read_again = read_again
        self._stamps: dict[Path, Stamp | None] = {}
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self.look_again)
        self._watcher.directoryChanged.connect(self.look_again)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(CHANGE_SETTLE_MS)
        self._settle.timeout.connect(changed)

    def watch(self, files: Sequence[Path]) -> None:
        """Watch ``files`` (and their folders) instead of those watched before; the
        stamps of files no longer watched are forgotten."""
        self._stamps = {path: self._stamps.get(path) for path in files}
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        wanted = dict.fromkeys(str(p) for f in files for p in (f, f.parent))
        self._watcher.addPaths(list(wanted))

    def keep_watching(self, path: Path) -> None:
        """Watch ``path`` again if a rename took it away (and it is there)."""
        if str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))

    def read(self, path: Path, when: Stamp | None) -> None:
        """``path`` was read when its stamp was ``when`` (None: seen as changed)."""
        self._stamps[path] = when

    def look_again(self) -> None:
        """Look for changes once the files have been quiet for a while."""
        self._settle.start()

    def stop(self) -> None:
        """Look no more (the app quits)."""
        self._settle.stop()

    def read_changed(self, files: Sequence[Path]) -> None:
        """Read again the first of ``files`` that changed since it was read (one at a
        time: the next change is seen after it), going on past those that fail."""
        for path in files:
            now = file_stamp(path)
            if now is None or now == self._stamps.get(path):
                continue  # gone (maybe mid-rename) or untouched: keep what is shown
            self._stamps[path] = now  # a broken version is reported once
            if self._read_again(path):
                return
