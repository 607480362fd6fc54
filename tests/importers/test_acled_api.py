"""ACLED's API answer (JSON, every value a string) imports as its CSV export
does, with each problem told by the record it is in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.importers.test_acled import FIXTURE, fixture_rows, imported, set_field
from viewer.importers.acled.convert import import_acled
from viewer.importers.common import ImportFailed


def answer(path: Path, records: list[dict[str, str]], **extra: object) -> Path:
    body = {"status": 200, "success": True, "count": len(records), "data": records, **extra}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def records(rows: list[list[str]], header: list[str]) -> list[dict[str, str]]:
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_api_answer_gives_the_same_events_as_the_csv(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    source = answer(tmp_path / "acled-api.json", records(rows, header))
    report, document = imported(source, tmp_path / "api.json")
    _csv_report, from_csv = imported(FIXTURE, tmp_path / "csv.json")
    assert [e["id"] for e in document["events"]] == [e["id"] for e in from_csv["events"]]
    assert document["events"] == from_csv["events"]
    assert "Sources' scale: National\nACLED last changed" in document["events"][0]["summary"]
    assert report.notes[0] == "Read as an answer of ACLED's API."
    assert document["title"] == "ACLED events from acled-api.json"
    assert not list(tmp_path.glob(".*.api.csv"))  # the CSV written on the way is gone


def test_a_problem_is_told_by_its_record(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    broken = set_field(rows[1], header, "event_date", "")
    source = answer(tmp_path / "a.json", records([rows[0], broken, rows[2]], header))
    report, document = imported(source, tmp_path / "out.json")
    assert len(document["events"]) == 2
    [problem] = report.problems
    assert problem.where == "data[1]"
    assert "no event_date" in problem.message


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"status": 403, "success": false, "error": "Access denied"}', "answered with an error"),
        ('{"status": 200, "count": 0}', "not an answer of ACLED's API"),
        ('{"data": [', "not valid JSON"),
    ],
)
def test_what_is_no_api_answer_is_refused(tmp_path: Path, text: str, said: str) -> None:
    source = tmp_path / "a.json"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        import_acled(source, tmp_path / "out.json")
    assert said in str(caught.value)
    assert not (tmp_path / "out.json").exists()
