"""The ACLED import reads its rows a batch at a time, and says and keeps what a
row-by-row import said and kept: found in review of the batches."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest

from viewer.importers.acled import batch
from viewer.importers.acled.convert import import_acled

HEADER = b"event_id_cnty,event_date,time_precision,event_type,actor1,location\n"


def _row(n: int, location: bytes) -> bytes:
    return b"ARG%d,2022-06-04,1,Protests,Protesters,%s\n" % (n, location)


def test_bytes_not_utf8_are_found_behind_a_real_replacement_character(
    tmp_path: Path,
) -> None:
    """A U+FFFD written in the file (valid UTF-8) is counted with the bytes
    read as one: the rows after it are still looked at while fewer have been
    found than read, in whichever batch the decoder catches up."""
    place = b"x" * 86
    real = "\ufffd".encode()
    rows = [_row(n, place) for n in range(1, 601)]
    rows[0] = _row(1, place + real + b"\xff")
    rows[299] = _row(300, place + real)
    rows[399] = _row(400, place + b"\xff")
    src = tmp_path / "replaced.csv"
    src.write_bytes(HEADER + b"".join(rows))
    report = import_acled(src, tmp_path / "out.json")
    said = [p.where for p in report.problems if "not UTF-8" in p.message]
    assert said == ["line 2", "line 301", "line 401"]
    assert report.events == 600


def _traced_peak(src: Path, out: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        import_acled(src, out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_rows_of_another_length_are_not_kept_whole(tmp_path: Path) -> None:
    """Lines of 200,000 empty fields (a hostile file) are dropped as they are
    read: a batch of them held whole took 400 MB for a 60 MB file."""
    src = tmp_path / "commas.csv"
    src.write_bytes(HEADER + _row(1, b"Rosario") + (b"," * 200_000 + b"\n") * 40)
    report = import_acled(src, tmp_path / "out.json")
    assert report.events == 1
    assert next(p.message for p in report.problems) == "has 200001 fields, the header has 6"
    assert _traced_peak(src, tmp_path / "out.json") < 8_000_000


def test_a_header_of_many_columns_makes_smaller_batches(tmp_path: Path) -> None:
    """A batch holds at most FIELDS fields: 40 rows of 20,000 columns are read
    a few at a time, not 256 at once."""
    extra = 20_000
    header = HEADER.rstrip(b"\n") + b"".join(b",c%d" % n for n in range(extra)) + b"\n"
    rows = [_row(n, b"Rosario").rstrip(b"\n") + b",v" * extra + b"\n" for n in range(1, 41)]
    src = tmp_path / "wide.csv"
    src.write_bytes(header + b"".join(rows))
    out = tmp_path / "out.json"
    assert import_acled(src, out).events == 40
    peak = _traced_peak(src, out)
    assert peak < 40 * extra * 8  # less than the 40 rows' lists alone
    assert batch.FIELDS // extra < 40  # the test would not tell otherwise


@pytest.mark.parametrize("flags", [999, 1_000, 1_500])
def test_acled_tags_are_kept_to_the_models_most(tmp_path: Path, flags: int) -> None:
    """A row with more of ACLED's tags than an event may hold keeps the first
    ones (as its actors and sources are), and the import goes on."""
    tags = ";".join(f"flag {n}" for n in range(flags))
    header = HEADER.rstrip(b"\n") + b",tags\n"
    src = tmp_path / "tags.csv"
    src.write_bytes(header + _row(1, b'Rosario,"' + tags.encode() + b'"'))
    report = import_acled(src, tmp_path / "out.json")
    assert report.events == 1
