"""Writing a file so that a crash leaves either the old or the new content, never a mix."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically.

    The bytes go to a temporary file in the same folder, are flushed and
    fsynced, and only then does ``os.replace`` put them in place; the folder
    is fsynced too so the rename itself survives a power cut. If anything
    fails, the temporary file is removed and ``path`` is left as it was.

    The file is readable by its owner only (the temporary file's rw-------),
    fit for the reader's notes; with ``mode`` (a file to publish), it has the
    mode of the file it replaces, else ``mode``.
    """
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        if mode is not None:
            os.chmod(temp_name, path.stat().st_mode & 0o777 if path.is_file() else mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(path: Path) -> int:
    """Remove temporary files a killed writer of ``path`` left behind; return how many."""
    removed = 0
    for leftover in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed
