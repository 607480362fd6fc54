"""An import's model file is compact: an event a line, no white space, none of
the model's defaults; and gzipped, as it is written, when its name ends in
".gz"."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.importers.test_acled import FIXTURE, ROWS, fixture_rows, set_field, write_csv
from viewer.domain.progress import LoadCancelled
from viewer.importers.acled.convert import import_acled
from viewer.persistence.model_file import load_timeline, parse_timeline


def test_an_event_a_line_without_white_space_or_defaults(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    rows[0] = set_field(rows[0], header, "notes", "")
    rows[0] = set_field(rows[0], header, "source", "")
    rows[0] = set_field(rows[0], header, "source_scale", "")
    rows[0] = set_field(rows[0], header, "timestamp", "")
    out = tmp_path / "a.json"
    import_acled(write_csv(tmp_path / "a.csv", header, rows), out)
    lines = out.read_bytes().split(b"\n")
    assert lines[1] == b'"events":['
    events = [json.loads(line.rstrip(b",")) for line in lines[2 : 2 + ROWS]]
    assert lines[2 + ROWS] == b"],"
    assert [event["id"] for event in events] == [row[0] for row in rows]
    for line in lines[2 : 2 + ROWS]:
        assert b'": ' not in line
        assert b'", "' not in line
    # The model's defaults are left out: no status, no empty summary or sources.
    assert all("status" not in event for event in events)
    assert "summary" not in events[0]
    assert "sources" not in events[0]
    assert all(event["summary"] and event["sources"] for event in events[1:])
    load_timeline(out)


def test_a_gz_name_is_written_gzipped(tmp_path: Path) -> None:
    plain, packed = tmp_path / "a.json", tmp_path / "a.json.gz"
    import_acled(FIXTURE, plain)
    report = import_acled(FIXTURE, packed)
    assert report.events == ROWS
    data = packed.read_bytes()
    assert data[:2] == b"\x1f\x8b"  # gzip's magic
    assert gzip.decompress(data) == plain.read_bytes()
    assert len(data) < plain.stat().st_size / 4
    timeline = parse_timeline(gzip.decompress(data))
    assert len(timeline.events) == ROWS
    assert {p.name for p in tmp_path.iterdir()} == {"a.json", "a.json.gz"}  # no part left


def test_a_gzipped_file_says_its_name_without_gz(tmp_path: Path) -> None:
    packed = tmp_path / "ukraine.json.gz"
    import_acled(FIXTURE, packed)
    # The header's name field (RFC 1952, FLG.FNAME), after its ten fixed bytes.
    data = packed.read_bytes()
    assert data[3] & 0x08
    assert data[10 : 10 + len(b"ukraine.json\0")] == b"ukraine.json\0"


def test_a_cancelled_gzipped_import_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "a.json.gz"
    target.write_bytes(b"kept")
    told: list[float] = []

    def cancel(share: float) -> None:
        told.append(share)
        if share >= 1.0:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        import_acled(FIXTURE, target, progress=cancel)
    assert told
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json.gz"]
