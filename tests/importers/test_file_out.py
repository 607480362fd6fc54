"""The import's file written on a thread of its own: in order, gzipped when
asked, and a failing disk's error raised on the caller's thread."""

from __future__ import annotations

import errno
import gzip
import io
import sys
import threading
from pathlib import Path

import pytest

from viewer.importers.common import ModelWriter
from viewer.importers.file_out import QUEUED, SWITCH_INTERVAL, FileOut


class _FullDisk(io.BytesIO):
    """A file that takes ``room`` bytes, then says the disk is full."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


class _Slow(io.BytesIO):
    """A file whose writes wait until told to go on, once told to hold."""

    def __init__(self) -> None:
        super().__init__()
        self.go = threading.Event()
        self.hold = False

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.hold:
            assert self.go.wait(10)
        return super().write(data)


def test_chunks_are_written_in_order() -> None:
    file = io.BytesIO()
    out = FileOut(file)
    chunks = [f"chunk {n};".encode() * (n + 1) for n in range(200)]
    for chunk in chunks:
        out.write(chunk)
    out.close()
    assert file.getvalue() == b"".join(chunks)
    assert not file.closed  # the owner closes it


def test_gzipped_on_the_way_as_gzip_would() -> None:
    file = io.BytesIO()
    out = FileOut(file, name="model.json.gz", gzip_level=1)
    data = [bytes(range(256)) * 4096, b"the end\n"]
    for chunk in data:
        out.write(chunk)
    out.close()
    assert gzip.decompress(file.getvalue()) == b"".join(data)
    # The same bytes make the same file: no time in the header.
    again = io.BytesIO()
    second = FileOut(again, name="model.json.gz", gzip_level=1)
    for chunk in data:
        second.write(chunk)
    second.close()
    assert again.getvalue() == file.getvalue()


def test_a_full_disk_is_raised_at_close() -> None:
    out = FileOut(_FullDisk(10))
    out.write(b"x" * 100)
    with pytest.raises(OSError, match="No space left") as raised:
        out.close()
    assert raised.value.errno == errno.ENOSPC


def test_a_full_disk_is_raised_at_the_next_write() -> None:
    out = FileOut(_FullDisk(10))
    out.write(b"x" * 100)
    out._thread.join(10)  # the thread failed on its first write
    with pytest.raises(OSError, match="No space left"):
        out.write(b"y")
    out.abandon()


def test_a_caller_waits_while_the_thread_is_behind() -> None:
    file = _Slow()
    file.hold = True
    out = FileOut(file)

    def write_all() -> None:
        for _ in range(QUEUED + 3):
            out.write(b"z")

    put = threading.Thread(target=write_all)
    put.start()
    put.join(0.3)
    assert put.is_alive()  # the queue is full and the file has not taken a byte
    assert file.getvalue() == b""
    file.go.set()
    put.join(10)
    out.close()
    assert file.getvalue() == b"z" * (QUEUED + 3)


def test_abandon_drops_what_waits_and_raises_nothing() -> None:
    file = _Slow()
    out = FileOut(file, name="x.gz", gzip_level=1)
    file.hold = True  # after gzip's header
    for _ in range(QUEUED):
        out.write(b"w" * 1000)
    file.go.set()
    out.abandon()
    out.abandon()  # twice is once
    with pytest.raises(ValueError, match="abandoned"):
        out.write(b"more")


def test_the_model_writer_leaves_nothing_when_the_disk_fills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills while the import writes: the error reaches the
    importer, and neither the target nor a partial file is left."""
    target = tmp_path / "out.json.gz"

    def full(self: object, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    event = {
        "id": "e1",
        "kind": "other",
        "title": "An event",
        "date": {"precision": "day", "start": "2025-06-04"},
    }
    with ModelWriter(target, timeline_id="t", title_="T", language="en") as writer:
        monkeypatch.setattr(gzip.GzipFile, "write", full)
        writer.event(event)
        with pytest.raises(OSError, match="No space left"):
            writer.finish()
    assert list(tmp_path.iterdir()) == []


def test_the_switch_interval_is_short_while_writing_and_then_as_it_was() -> None:
    """The thread gets the GIL back soon after each block zlib compresses (else
    it waits 5 ms each time and falls behind); the interval comes back after
    the last writer closes, however they overlap."""
    before = sys.getswitchinterval()
    assert before > SWITCH_INTERVAL  # the default, 5 ms
    first = FileOut(io.BytesIO(), name="a.gz", gzip_level=1)
    assert sys.getswitchinterval() == SWITCH_INTERVAL
    second = FileOut(io.BytesIO())
    first.write(b"x" * 100_000)
    first.close()
    assert sys.getswitchinterval() == SWITCH_INTERVAL  # the second still writes
    second.abandon()
    assert sys.getswitchinterval() == before
    failing = FileOut(_FullDisk(0))
    failing.write(b"y")
    with pytest.raises(OSError, match="No space left"):
        failing.close()
    assert sys.getswitchinterval() == before
