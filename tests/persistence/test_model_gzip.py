"""Model files compressed with gzip: read wherever a model file is read, told by
their first bytes, unpacked a chunk at a time under the size limit."""

from __future__ import annotations

import gzip
import os
import threading
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump
from viewer.cli import ExitCode, main
from viewer.domain.progress import LoadCancelled, no_progress
from viewer.persistence import model_file
from viewer.persistence.model_file import (
    ModelFileError,
    json_size,
    load_timeline,
    read_model_bytes,
)

MIB = 1024 * 1024


@pytest.fixture(autouse=True, params=["isal", "zlib"])
def inflater(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test with ISA-L's inflater (where python-isal is installed) and
    with the standard library's alone (where it is not)."""
    if request.param == "zlib":
        monkeypatch.setattr(model_file, "_fast_inflater", lambda: None)
    elif model_file._fast_inflater() is None:
        pytest.skip("python-isal is not installed")
    return str(request.param)


def _gzipped(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


def _problem(path: Path, **limit: int) -> ModelFileError:
    with pytest.raises(ModelFileError) as caught:
        load_timeline(path, **limit)
    return caught.value


def test_a_gzip_model_file_loads(tmp_path: Path, minimal: dict[str, Any]) -> None:
    path = _gzipped(tmp_path / "events.json.gz", dump(minimal))
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    timeline = load_timeline(path)
    assert [event.id for event in timeline.events] == ["e1", "e2"]
    assert timeline.quotes_by_event["e1"][0].text == "Ein gutes Gespräch."


def test_gzip_is_told_by_its_bytes_not_its_name(tmp_path: Path, minimal: dict[str, Any]) -> None:
    disguised = _gzipped(tmp_path / "events.json", dump(minimal))
    assert [event.id for event in load_timeline(disguised).events] == ["e1", "e2"]
    plain = tmp_path / "plain.json.gz"  # named gzip, written plain
    plain.write_bytes(dump(minimal))
    assert [event.id for event in load_timeline(plain).events] == ["e1", "e2"]


def test_every_member_of_a_multi_member_file_is_read(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    data = dump(minimal)
    half = len(data) // 2
    path = tmp_path / "two.json.gz"
    path.write_bytes(gzip.compress(data[:half]) + gzip.compress(data[half:]))
    assert read_model_bytes(path) == data
    assert len(load_timeline(path).events) == 2


def test_zero_bytes_after_a_member_pad_the_file_as_gzip_allows(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    data = dump(minimal)
    padded = tmp_path / "padded.json.gz"  # as a tape or a block device pads it
    padded.write_bytes(gzip.compress(data) + b"\0" * 3000)
    assert gzip.decompress(padded.read_bytes()) == data
    assert read_model_bytes(padded) == data
    junk = tmp_path / "junk.json.gz"  # something else after the padding is not
    junk.write_bytes(gzip.compress(data) + b"\0" * 10 + b"junk")
    assert str(_problem(junk)).startswith("not a valid gzip file: ")


def test_a_gzip_file_with_a_bom_and_windows_line_ends(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    data = b"\xef\xbb\xbf" + dump(minimal).replace(b"\n", b"\r\n")
    path = _gzipped(tmp_path / "bom.json.gz", data)
    assert len(load_timeline(path).events) == 2


def test_a_bomb_is_refused_once_the_limit_is_unpacked(tmp_path: Path) -> None:
    """64 MiB of spaces in 64 KiB: refused after 1 MiB, never held whole."""
    path = tmp_path / "bomb.json.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        for _ in range(64):
            handle.write(b" " * MIB)
    assert path.stat().st_size < 100_000
    tracemalloc.start()
    try:
        error = _problem(path, max_bytes=MIB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(error) == "is over the 1 MiB limit for model files once uncompressed"
    assert error.unreadable  # too large: exit 2, as for a plain file over the limit
    # The buffer (the limit and one byte), one read of the file, one step unpacked.
    step = min(model_file.GZIP_CHUNK, MIB + 1)
    assert peak < MIB + 1 + model_file.GZIP_READ + step + 64 * 1024, peak


def test_the_buffer_never_grows_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each read asks for what is left under the limit and one byte: the
    buffer ends at limit + 1, whatever the chunk size."""
    path = _gzipped(tmp_path / "bomb.json.gz", b"[" + b" " * (3 * MIB))
    sizes: list[int] = []

    class Spy(bytearray):
        def __iadd__(self, chunk: Any) -> Spy:
            super().__iadd__(chunk)
            sizes.append(len(self))
            return self

    monkeypatch.setattr(model_file, "bytearray", Spy, raising=False)
    monkeypatch.setattr(model_file, "GZIP_CHUNK", 300 * 1024)
    with path.open("rb") as handle, pytest.raises(ModelFileError):
        model_file._gunzip(handle, MIB, path.stat().st_size, no_progress)
    assert len(sizes) == 4  # 300 KiB three times, then what is left and one byte
    assert max(sizes) == MIB + 1


def test_the_limit_is_not_hit_by_a_file_exactly_at_it(tmp_path: Path) -> None:
    data = b'{"a": 1}' + b" " * (MIB - 8)
    assert len(data) == MIB
    path = _gzipped(tmp_path / "full.json.gz", data)
    assert read_model_bytes(path, max_bytes=MIB) == data


def test_a_gzip_file_over_the_limit_on_disk_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json.gz"
    path.write_bytes(b"\x1f\x8b" + b"\0" * (2 * MIB))
    error = _problem(path, max_bytes=MIB)
    assert str(error) == "is 2 MiB, over the 1 MiB limit for model files"
    assert error.unreadable


def test_a_truncated_gzip_file(tmp_path: Path, minimal: dict[str, Any]) -> None:
    whole = gzip.compress(dump(minimal))
    path = tmp_path / "cut.json.gz"
    path.write_bytes(whole[: len(whole) // 2])
    error = _problem(path)
    assert str(error) == "the gzip data ends too early, the file may be truncated"
    assert error.unreadable


def test_a_corrupt_gzip_file(tmp_path: Path, minimal: dict[str, Any]) -> None:
    whole = bytearray(gzip.compress(dump(minimal)))
    whole[-8] ^= 0xFF  # the CRC
    path = tmp_path / "crc.json.gz"
    path.write_bytes(bytes(whole))
    error = _problem(path)
    assert str(error).startswith("not a valid gzip file: ")
    assert str(error).endswith("incorrect data check")
    assert error.unreadable
    garbage = tmp_path / "garbage.json.gz"
    garbage.write_bytes(b"\x1f\x8b" + b"not deflate at all, only text")
    error = _problem(garbage)
    assert str(error).startswith("not a valid gzip file: ")
    assert error.unreadable


def test_a_damaged_deflate_stream(tmp_path: Path) -> None:
    data = b'{"title": "' + bytes(range(32, 127)) * 2000 + b'"}'
    whole = bytearray(gzip.compress(data))
    for at in range(40, 60):
        whole[at] ^= 0x55
    path = tmp_path / "damaged.json.gz"
    path.write_bytes(bytes(whole))
    error = _problem(path)
    assert str(error).startswith(("not a valid gzip file: ", "the gzip data ends too early"))
    assert error.unreadable
    with pytest.raises((zlib.error, gzip.BadGzipFile, EOFError)):
        gzip.decompress(bytes(whole))  # what the message stands for


def test_json_size_counts_what_a_gzip_file_holds(tmp_path: Path) -> None:
    data = b" " * (3 * MIB)
    path = _gzipped(tmp_path / "a.json.gz", data)
    assert path.stat().st_size < MIB
    assert json_size(path) == 3 * MIB
    plain = tmp_path / "b.json"
    plain.write_bytes(b"{}")
    assert json_size(plain) == 2
    assert json_size(tmp_path / "missing.json") == 0
    assert json_size(tmp_path) == 0


def test_validate_reads_gzip_and_says_what_is_wrong_with_it(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    good = _gzipped(tmp_path / "good.json.gz", dump(minimal))
    assert main(["validate", str(good)]) == ExitCode.OK
    assert capsys.readouterr().out == f"OK {good}: 2 events, 1 quotes, 2 actors\n"
    whole = gzip.compress(dump(minimal))
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(whole[:-20])
    assert main(["validate", str(cut)]) == ExitCode.USAGE
    said = capsys.readouterr().out
    assert said == f"{cut}: the gzip data ends too early, the file may be truncated\n"
    minimal["events"][0]["kind"] = "festival"
    wrong = _gzipped(tmp_path / "wrong.json.gz", dump(minimal))
    assert main(["validate", str(wrong)]) == ExitCode.FAILED
    assert capsys.readouterr().out.startswith(f"{wrong}: events[0].kind: ")


def test_export_and_search_read_gzip(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = _gzipped(tmp_path / "events.json.gz", dump(minimal))
    out = tmp_path / "events.svg"
    assert main(["export", str(path), "-o", str(out)]) == ExitCode.OK
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    capsys.readouterr()
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(path.read_bytes()[:30])
    assert main(["export", str(cut), "-o", str(tmp_path / "cut.svg")]) == ExitCode.USAGE
    assert "the gzip data ends too early" in capsys.readouterr().err
    assert not (tmp_path / "cut.svg").exists()


def test_diff_and_notes_read_gzip(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "events.json"
    plain.write_bytes(dump(minimal))
    packed = _gzipped(tmp_path / "events.json.gz", dump(minimal))
    assert main(["diff", str(plain), str(packed)]) == ExitCode.OK
    minimal["events"][1]["title"] = "Ein anderer Titel"
    changed = _gzipped(tmp_path / "changed.json.gz", dump(minimal))
    capsys.readouterr()
    assert main(["diff", str(packed), str(changed)]) == ExitCode.FAILED
    assert "Ein anderer Titel" in capsys.readouterr().out
    assert main(["notes", "list", "--model", str(packed)]) == ExitCode.OK


def test_unpacking_is_the_first_part_of_the_progress_and_can_be_cancelled(
    tmp_path: Path, minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel works while a large gzip file is unpacked, not only once it parses."""
    data = dump(minimal) + b" " * 200_000
    path = tmp_path / "long.json.gz"
    path.write_bytes(gzip.compress(data, compresslevel=0))  # stored: as large as the JSON
    monkeypatch.setattr(model_file, "GZIP_READ", 16 * 1024)
    told: list[float] = []
    timeline = load_timeline(path, progress=told.append)
    assert len(timeline.events) == 2
    unpacking = [done for done in told if done <= model_file.GZIP_SHARE]
    assert len(unpacking) >= 10
    assert unpacking == sorted(unpacking)
    assert unpacking[-1] == pytest.approx(model_file.GZIP_SHARE)
    assert told[len(unpacking) :] == sorted(told[len(unpacking) :])
    assert told[-1] == 1.0

    def stop(done: float) -> None:
        if done > 0.1:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        load_timeline(path, progress=stop)
    plain = tmp_path / "plain.json"
    plain.write_bytes(data)
    told.clear()
    load_timeline(plain, progress=told.append)
    # A plain file is not unpacked: the parse's first step is its first news.
    assert len([done for done in told if done <= model_file.GZIP_SHARE]) <= 1
    assert told[-1] == 1.0


def _unpacking_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "gunzip"]


def test_a_cancelled_unpacking_stops_its_thread(tmp_path: Path, minimal: dict[str, Any]) -> None:
    """The file unpacks on a thread; cancelling stops it after its step and
    waits for it: no thread is left unpacking a file nobody waits for."""
    path = tmp_path / "long.json.gz"
    path.write_bytes(gzip.compress(dump(minimal) + b" " * (8 * MIB), compresslevel=0))
    told: list[float] = []

    def stop(done: float) -> None:
        told.append(done)
        raise LoadCancelled

    with pytest.raises(LoadCancelled):
        load_timeline(path, progress=stop)
    assert told == [
        pytest.approx(model_file.GZIP_SHARE * model_file.GZIP_READ / path.stat().st_size)
    ]
    assert _unpacking_threads() == []


def test_progress_is_told_and_errors_raised_on_the_calling_thread(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    whole = gzip.compress(dump(minimal) + b" " * (3 * MIB), compresslevel=0)
    path = tmp_path / "cut.json.gz"
    path.write_bytes(whole[: len(whole) // 2])
    threads: set[str] = set()

    def told(_done: float) -> None:
        threads.add(threading.current_thread().name)

    with pytest.raises(ModelFileError) as caught:
        load_timeline(path, progress=told)
    assert str(caught.value) == "the gzip data ends too early, the file may be truncated"
    assert threads == {threading.current_thread().name}
    assert _unpacking_threads() == []


def test_a_bomb_on_the_thread_is_refused_at_the_same_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.json.gz"
    path.write_bytes(gzip.compress(b" " * (MIB + 1), compresslevel=9))
    assert str(_problem(path, max_bytes=MIB)) == (
        "is over the 1 MiB limit for model files once uncompressed"
    )
    at_limit = tmp_path / "full.json.gz"
    at_limit.write_bytes(gzip.compress(b" " * (MIB - 2) + b"{}", compresslevel=9))
    assert read_model_bytes(at_limit, max_bytes=MIB) == b" " * (MIB - 2) + b"{}"
    assert _unpacking_threads() == []


def test_a_pipe_named_as_gzip_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "events.json.gz"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer: never done
    error = _problem(pipe)
    assert str(error) == "is not a regular file (a device, pipe or socket)"
    assert error.unreadable
    assert _unpacking_threads() == []


def test_isal_and_zlib_unpack_the_same_bytes(tmp_path: Path, inflater: str) -> None:
    data = b'{"title": "' + bytes(range(32, 127)) * 50_000 + b'"}'
    path = tmp_path / "many.json.gz"
    path.write_bytes(gzip.compress(data[:1000], 1) + gzip.compress(data[1000:], 9) + b"\0" * 9)
    assert read_model_bytes(path) == data
    fast = model_file._fast_inflater()
    assert (fast is None) == (inflater == "zlib")


def test_a_file_isal_refuses_is_explained_in_zlibs_words(tmp_path: Path, inflater: str) -> None:
    whole = bytearray(gzip.compress(b"[" + b" " * MIB + b"]"))
    whole[-5] ^= 0x01  # the length in the trailer
    path = tmp_path / "length.json.gz"
    path.write_bytes(bytes(whole))
    with pytest.raises(zlib.error) as said:
        zlib.decompress(bytes(whole), wbits=31)
    assert str(_problem(path)) == f"not a valid gzip file: {said.value}"
