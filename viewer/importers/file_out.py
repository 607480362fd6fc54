"""Bytes written to a file by a thread of their own, gzipped on the way when
asked (Qt-free).

An import makes its model file's bytes on the calling thread; handing them to
the disk, and gzip's compression most of all (a fifth of a 100,000-row ACLED
import, measured with py-spy), is work that lets go of the GIL: zlib's
``deflate`` and ``crc32`` and the ``write`` call release it. :class:`FileOut`
does it on a thread beside the import, so the two overlap on a second core.

The thread takes the GIL back after each of those calls (zlib gives it up
and takes it again for each block of its output: some seven times a
megabyte). A thread that waits for the GIL gets it only when the switch
interval has passed (5 ms by default), so behind an import's Python loop the
thread fell behind, the queue filled and the import waited: a 100,000-row
import to ``.json.gz`` took 1.13x its time to plain JSON. While a
:class:`FileOut` writes, the switch interval is :data:`SWITCH_INTERVAL`
(the one it replaced comes back when the last one closes): then the
compression hides behind the import (1.02x, eight alternated runs each).

What is queued is written in order. At most :data:`QUEUED` chunks wait (the
import's memory stays flat: a chunk is about a megabyte); the caller waits
when the thread is behind. An error on the thread (a full disk, a read-only
one) is raised again on the caller's thread, the same ``OSError``, at its
next :meth:`FileOut.write` or at :meth:`FileOut.close`.
"""

from __future__ import annotations

import contextlib
import gzip
import queue
import sys
import threading
from typing import IO

# Chunks that may wait for the thread (each is about a megabyte).
QUEUED = 4
# What tells the thread that no chunk will follow.
_END = b""
# The switch interval while a FileOut writes (see the module's docstring).
SWITCH_INTERVAL = 0.0005


class _Interval:
    """The switch interval lowered while any FileOut writes, and put back as it was."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._before = 0.0

    def take(self) -> None:
        with self._lock:
            if not self._users:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(min(self._before, SWITCH_INTERVAL))
            self._users += 1

    def give_back(self) -> None:
        with self._lock:
            self._users -= 1
            if not self._users:
                sys.setswitchinterval(self._before)


_INTERVAL = _Interval()


class FileOut:
    """Writes the chunks given to ``file`` on a thread, gzipped at
    ``gzip_level`` when it is not None (the member named ``name``, with no
    time in its header, so the same bytes make the same file)."""

    def __init__(self, file: IO[bytes], *, name: str = "", gzip_level: int | None = None) -> None:
        self._file = file
        self._out: IO[bytes] | gzip.GzipFile = file
        if gzip_level is not None:
            self._out = gzip.GzipFile(name, "wb", compresslevel=gzip_level, fileobj=file, mtime=0)
        self._queue: queue.Queue[bytes] = queue.Queue(QUEUED)
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="file-out", daemon=True)
        _INTERVAL.take()
        self._thread.start()

    def write(self, data: bytes) -> None:
        """Queue ``data`` (not empty) to be written after what came before."""
        if self._error is not None:
            self._raise()
        if data:
            self._put(data)

    def close(self) -> None:
        """Write what waits and gzip's trailer; raise the thread's error if it
        had one. The file itself stays open (its owner flushes and closes it)."""
        if self._closed:
            return
        self._closed = True
        self._put(_END)
        self._thread.join()
        if self._error is not None:
            self._raise()

    def abandon(self) -> None:
        """Stop: what waits is dropped and the thread ends; errors are not raised."""
        if not self._closed:
            self._closed = True
            self._error = self._error or _Abandoned()
            while True:  # make room for the end, whatever the thread is doing
                try:
                    self._queue.put_nowait(_END)
                    break
                except queue.Full:
                    with contextlib.suppress(queue.Empty):
                        self._queue.get_nowait()
            self._thread.join()
        if self._out is not self._file and not self._out.closed:
            with contextlib.suppress(OSError, ValueError):
                self._out.close()  # else closed when collected, into a closed file

    def _put(self, data: bytes) -> None:
        # A put that waits for room wakes up now and then to see whether the
        # thread has died (then nothing would make room).
        while True:
            try:
                self._queue.put(data, timeout=0.5)
                return
            except queue.Full:
                if not self._thread.is_alive():
                    self._raise()

    def _raise(self) -> None:
        error = self._error
        assert error is not None
        if isinstance(error, _Abandoned):
            raise ValueError("the file was abandoned")
        raise error

    def _run(self) -> None:
        try:
            self._write_all()
        finally:
            _INTERVAL.give_back()

    def _write_all(self) -> None:
        get, out = self._queue.get, self._out
        try:
            while True:
                data = get()
                if data is _END or not data or isinstance(self._error, _Abandoned):
                    break
                out.write(data)
            if out is not self._file and not isinstance(self._error, _Abandoned):
                out.close()  # gzip's trailer; the file stays open
        except BaseException as exc:  # raised again on the caller's thread
            self._error = exc
            while True:  # let a caller waiting for room go on, to see the error
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break


class _Abandoned(Exception):
    """The writer was told to stop."""
