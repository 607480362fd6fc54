"""Every kind of bad model file gets its own clear message, never a traceback."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump
from viewer.cli import ExitCode, main
from viewer.domain.model import SCHEMA_VERSION, EventKind
from viewer.persistence.model_file import (
    ModelFileError,
    load_timeline,
    parse_timeline,
)


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(ModelFileError) as caught:
        parse_timeline(data)
    assert not caught.value.unreadable
    return [str(p) for p in caught.value.problems]


def test_minimal_model_loads(minimal: dict[str, Any]) -> None:
    timeline = parse_timeline(dump(minimal))
    assert [e.id for e in timeline.events] == ["e1", "e2"]
    assert timeline.events[0].kind is EventKind.CALL
    assert timeline.quotes_by_event["e1"][0].text == "Ein gutes Gespräch."


def test_empty_file() -> None:
    assert problems_of(b"") == ["the file is empty"]
    assert problems_of(b"  \n\t") == ["the file is empty"]


def test_not_json() -> None:
    [line] = problems_of(b"Donald Trump sieht keine Chance")
    assert line.startswith("not valid JSON: ")
    assert "line 1 column 1" in line


def test_truncated_json(minimal: dict[str, Any]) -> None:
    data = dump(minimal)
    [line] = problems_of(data[: len(data) // 2])
    assert line.startswith("the JSON ends too early, the file may be truncated")


def test_utf8_bom_is_accepted(minimal: dict[str, Any]) -> None:
    timeline = parse_timeline(b"\xef\xbb\xbf" + dump(minimal))
    assert timeline.id == "test-timeline"


def test_non_utf8_bytes(minimal: dict[str, Any]) -> None:
    minimal["title"] = "Gespräch"
    data = json.dumps(minimal, ensure_ascii=False).encode("latin-1")
    [line] = problems_of(data)
    offset = data.index(b"\xe4")
    assert line == f"not UTF-8 text: byte 0xe4 at offset {offset} (line 1); save the file as UTF-8"


def test_top_level_must_be_an_object() -> None:
    assert problems_of(b"[1, 2]") == [
        "a model file must hold a JSON object at the top; found a list of 2"
    ]


def test_wrong_types_are_all_reported(minimal: dict[str, Any]) -> None:
    minimal["title"] = 42
    minimal["events"][1]["participants"] = "a"
    minimal["quotes"][0]["mode"] = "shouted"
    lines = problems_of(dump(minimal))
    assert "title: input should be a valid string; found 42" in lines
    assert "events[1].participants: input should be a valid array; found 'a'" in lines
    assert "quotes[0].mode: must be one of 'direct' or 'reported'; found 'shouted'" in lines
    assert len(lines) == 3


def test_unknown_kind(minimal: dict[str, Any]) -> None:
    minimal["events"][1]["kind"] = "party"
    [line] = problems_of(dump(minimal))
    assert line.startswith("events[1].kind: must be one of 'call', 'attack', 'talks'")
    assert line.endswith("found 'party'")


def test_unknown_field_is_named(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["titel"] = "Anruf"
    assert problems_of(dump(minimal)) == [
        "events[0].titel: is not a field of this format (a typo?); found 'Anruf'"
    ]


def test_missing_field(minimal: dict[str, Any]) -> None:
    del minimal["events"][0]["date"]
    assert problems_of(dump(minimal)) == ["events[0].date: is required but missing"]


def test_duplicate_ids(minimal: dict[str, Any]) -> None:
    minimal["events"][1]["id"] = "e1"
    minimal["actors"].append({"id": "a", "kind": "person", "name": "Anna 2"})
    lines = problems_of(dump(minimal))
    assert "actors[2].id: duplicate id 'a', already used by actors[0]" in lines
    assert "events[1].id: duplicate id 'e1', already used by events[0]" in lines


def test_every_dangling_reference_is_reported(minimal: dict[str, Any]) -> None:
    event = minimal["events"][0]
    event["participants"][1] = "nobody"
    event["sources"] = ["nowhere"]
    event["related"] = ["e9", "e1"]
    event["claims"][0]["by"] = "ghost"
    event["claims"][0]["via"] = "rumourmonger"
    event["claims"][0]["source"] = "rumour"
    minimal["quotes"][0].update(speaker="x", event="e7", source="y")
    assert problems_of(dump(minimal)) == [
        "events[0].participants[1]: refers to no actor: found 'nobody'",
        "events[0].sources[0]: refers to no source: found 'nowhere'",
        "events[0].related[0]: refers to no event: found 'e9'",
        "events[0].related[1]: an event cannot be related to itself",
        "events[0].claims[0].by: refers to no actor: found 'ghost'",
        "events[0].claims[0].via: refers to no actor: found 'rumourmonger'",
        "events[0].claims[0].source: refers to no source: found 'rumour'",
        "quotes[0].speaker: refers to no actor: found 'x'",
        "quotes[0].event: refers to no event: found 'e7'",
        "quotes[0].source: refers to no source: found 'y'",
    ]


def test_end_before_start(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["date"]["end"] = "2025-06-03"
    assert problems_of(dump(minimal)) == [
        "events[0].date.end: ends before it starts: start '2025-06-04', found end '2025-06-03'"
    ]


def test_end_on_the_start_day_is_fine(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["date"]["end"] = "2025-06-04"
    assert parse_timeline(dump(minimal)).events[0].date.end == "2025-06-04"


def test_open_end_means_from_the_start_on(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["date"]["end"] = ".."
    date = parse_timeline(dump(minimal)).events[0].date
    assert date.open_end
    assert date.closed_end is None
    # What is known to be covered is the start day; the views draw the rest.
    assert (date.earliest, date.latest) == (
        datetime(2025, 6, 4, tzinfo=UTC).timestamp(),
        datetime(2025, 6, 5, tzinfo=UTC).timestamp(),
    )


def test_an_open_end_cannot_be_approximate(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["date"].update(end="..", approximate=True)
    [line] = problems_of(dump(minimal))
    assert line.startswith("events[0].date: an open end")


def test_a_relayed_claim_names_who_relays_it(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["claims"][0]["via"] = "b"
    claim = parse_timeline(dump(minimal)).events[0].claims[0]
    assert (claim.by, claim.via) == ("a", "b")


def test_invalid_dates(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["date"]["start"] = "2025-02-30"
    minimal["events"][1]["date"]["start"] = "2025-06-01"  # precision is week
    assert problems_of(dump(minimal)) == [
        "events[0].date.start: not a valid day: '2025-02-30' (day is out of range for month)",
        "events[1].date.start: does not match precision 'week': expected YYYY-Www, "
        "found '2025-06-01' (it is written like a day)",
    ]


def test_newer_schema_version_is_refused(minimal: dict[str, Any]) -> None:
    minimal["schema_version"] = SCHEMA_VERSION + 1
    [line] = problems_of(dump(minimal))
    assert "made by a newer version" in line
    assert line.startswith("schema_version: ")


def test_newer_schema_version_with_new_fields_is_not_a_list_of_typos(
    minimal: dict[str, Any],
) -> None:
    minimal["schema_version"] = SCHEMA_VERSION + 3
    minimal["events"][0]["mood"] = "tense"
    minimal["events"][0]["kind"] = "festival"
    [line] = problems_of(dump(minimal))
    assert "made by a newer version" in line
    assert f"format {SCHEMA_VERSION + 3}" in line


def test_file_over_the_size_limit(tmp_path: Path, minimal: dict[str, Any]) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(dump(minimal) + b" " * (2 * 1024 * 1024))
    with pytest.raises(ModelFileError) as caught:
        load_timeline(path, max_bytes=1024 * 1024)
    assert str(caught.value) == "is 2 MiB, over the 1 MiB limit for model files"


def test_default_limit_is_1_gib(tmp_path: Path) -> None:
    path = tmp_path / "sparse.json"
    with path.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(1025 * 1024 * 1024)
    with pytest.raises(ModelFileError) as caught:
        load_timeline(path)
    assert str(caught.value) == "is 1,025 MiB, over the 1,024 MiB limit for model files"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError) as caught:
        load_timeline(tmp_path)
    assert caught.value.unreadable
    assert str(caught.value) == "is a folder, not a model file"


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError) as caught:
        load_timeline(tmp_path / "nope.json")
    assert caught.value.unreadable
    assert str(caught.value) == "no such file"


def test_dates_at_the_end_of_the_calendar_are_problems_not_crashes(
    minimal: dict[str, Any],
) -> None:
    minimal["events"][0]["date"] = {"precision": "minute", "start": "-9999-01-01T00:00+05:00"}
    minimal["events"][1]["date"] = {"precision": "minute", "start": "9999-12-31T23:59-05:00"}
    assert problems_of(dump(minimal)) == [
        "events[0].date.start: not a valid minute: '-9999-01-01T00:00+05:00' "
        "(in UTC that is before -9999-01-01, outside the calendar of years -9999 to 9999)",
        "events[1].date.start: not a valid minute: '9999-12-31T23:59-05:00' "
        "(in UTC that is after 9999-12-31, outside the calendar of years -9999 to 9999)",
    ]


@pytest.mark.parametrize(
    ("precision", "start"),
    [
        ("year", "9999"),
        ("month", "9999-12"),
        ("week", "9999-W52"),
        ("day", "9999-12-31"),
        ("minute", "9999-12-31T23:59+00:00"),
        ("minute", "9999-12-31T23:59Z"),
        ("minute", "0001-01-01T00:00-01:00"),
        ("minute", "-9999-01-01T00:00-01:00"),
        ("year", "-9999"),
        ("week", "-9999-W01"),
    ],
)
def test_the_last_units_of_the_calendar_are_valid(
    minimal: dict[str, Any], precision: str, start: str
) -> None:
    minimal["events"][0]["date"] = {"precision": precision, "start": start, "end": start}
    date = parse_timeline(dump(minimal)).events[0].date
    assert date.earliest < date.latest


def test_a_date_to_the_end_of_the_calendar_ends_after_it_starts(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["date"] = {"precision": "day", "start": "9999-12-31", "end": "9999-12-30"}
    assert problems_of(dump(minimal)) == [
        "events[0].date.end: ends before it starts: start '9999-12-31', found end '9999-12-30'"
    ]


def test_utc_offsets_beyond_those_in_use_are_refused(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["date"] = {"precision": "minute", "start": "2025-06-04T12:00+15:00"}
    minimal["events"][1]["date"] = {"precision": "minute", "start": "2025-06-04T12:00-12:30"}
    assert problems_of(dump(minimal)) == [
        "events[0].date.start: not a valid minute: '2025-06-04T12:00+15:00' "
        "(a UTC offset lies between -12:00 and +14:00, found '+15:00')",
        "events[1].date.start: not a valid minute: '2025-06-04T12:00-12:30' "
        "(a UTC offset lies between -12:00 and +14:00, found '-12:30')",
    ]


def test_a_title_over_its_limit_is_one_short_line(minimal: dict[str, Any]) -> None:
    minimal["events"][1]["title"] = "Angriff " * 1000
    assert problems_of(dump(minimal)) == ["events[1].title: at most 500 characters, found 8,000"]


def test_a_50_mb_title_is_one_short_line(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    size = 50 * 1024 * 1024
    minimal["events"][1]["title"] = "A" * size
    path = tmp_path / "huge-title.json"
    path.write_bytes(dump(minimal))
    assert main(["validate", str(path)]) == ExitCode.FAILED
    out, err = capsys.readouterr()
    assert (out + err).strip() == (
        f"{path}: events[1].title: at most 500 characters, found 52,428,800"
    )


def test_no_message_echoes_a_huge_input(minimal: dict[str, Any]) -> None:
    huge = "x" * 1_000_000
    minimal["title"] = 42  # a wrong type, to be reported with the others
    minimal["events"][0]["date"]["start"] = "2025-06-04" + huge
    minimal["events"][1]["kind"] = huge
    minimal["actors"][0][huge] = huge
    minimal["quotes"][0]["mode"] = huge
    lines = problems_of(dump(minimal))
    assert len(lines) == 5
    assert all(len(line) < 250 for line in lines), [len(line) for line in lines]
    assert (
        "events[0].date.start: does not match precision 'day': expected YYYY-MM-DD, "
        "found '2025-06-04xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (1,000,010 characters)"
    ) in lines


def test_a_huge_newer_format_number_is_cut_short(minimal: dict[str, Any]) -> None:
    data = dump(minimal).replace(b'"schema_version": 1', b'"schema_version": ' + b"9" * 4000)
    [line] = problems_of(data)
    assert "made by a newer version" in line
    assert len(line) < 250


def test_a_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # reading it would block forever
    with pytest.raises(ModelFileError) as caught:
        load_timeline(fifo)
    assert caught.value.unreadable
    assert str(caught.value) == "is not a regular file (a device, pipe or socket)"
