"""The ACLED import reads its rows a batch at a time, and says and keeps what a
row-by-row import said and kept: found in review of the batches."""

from __future__ import annotations

from pathlib import Path

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
