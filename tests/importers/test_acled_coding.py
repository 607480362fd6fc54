"""How ACLED coded a row, in its event: the actors' types, civilian targeting,
ACLED's tags, the place's precision, the sources' scale and the row's last
change (``viewer.importers.acled.coding``), from the CSV and from the API."""

from __future__ import annotations

from pathlib import Path

from tests.importers.test_acled import fixture_rows, imported, set_field, write_csv
from tests.importers.test_acled_api import answer, records
from viewer.domain.changes import diff_timelines
from viewer.persistence.model_file import load_timeline

# A row as a newer export writes it: the actors' types by name, ACLED's tags.
NEWER = {
    "inter1": "State forces",
    "inter2": "civilian",
    "interaction": "State forces-Civilians",
    "civilian_targeting": "Civilian targeting",
    "tags": "crowd size=around 200; armed presence;counter-demonstration",
    "geo_precision": "3",
    "admin3": "Centro",
    "source_scale": "Subnational-National",
    "timestamp": "1700000000",
}


def newer_row() -> tuple[list[str], list[str]]:
    header, rows = fixture_rows()
    row = rows[0]
    for column, value in NEWER.items():
        row = set_field(row, header, column, value)
    return header, row


def test_a_newer_row_s_coding_is_in_its_tags_places_and_summary(tmp_path: Path) -> None:
    header, row = newer_row()
    report, document = imported(write_csv(tmp_path / "a.csv", header, [row]), tmp_path / "a.json")
    assert report.problems == []
    [event] = document["events"]
    assert event["tags"] == [
        "Protests",
        "Peaceful protest",
        "Demostrations",
        "State forces",
        "Civilians",
        "Civilian targeting",
        "armed presence",
        "counter-demonstration",
    ]
    # admin3 between the location and admin2; the region after the country.
    assert event["places"] == [
        "Comodoro Rivadavia",
        "Centro",
        "Escalante",
        "Chubut",
        "Argentina",
        "South America",
    ]
    notes, lines = event["summary"].split("\n\n")
    assert notes.startswith("On 30 June 2022, in Comodoro Rivadavia")
    assert lines.split("\n") == [
        "Crowd size: around 200",
        "Place: only the region is known; the location named stands for it",
        "Sources' scale: Subnational-National",
        "ACLED last changed the row: 2023-11-14 22:13:20 UTC",
    ]
    load_timeline(tmp_path / "a.json")


def test_codes_of_the_older_exports_are_named(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    coded = [
        set_field(set_field(rows[0], header, "inter1", str(code)), header, "inter2", "0")
        for code in range(1, 9)
    ]
    coded = [set_field(row, header, "event_id_cnty", f"ARG{n}") for n, row in enumerate(coded, 1)]
    coded[0] = set_field(coded[0], header, "geo_precision", "2")
    _, document = imported(write_csv(tmp_path / "a.csv", header, coded), tmp_path / "a.json")
    assert [event["tags"][-1] for event in document["events"]] == [
        "State forces",
        "Rebel groups",
        "Political militias",
        "Identity militias",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other forces",
    ]
    near = "Place: near the location named, or in a part of the region around it"
    assert near in document["events"][0]["summary"]
    assert not any("Place:" in event["summary"] for event in document["events"][1:])


def test_codes_as_a_spreadsheet_saves_them_and_empty_tag_values(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    row = set_field(rows[0], header, "inter1", "8.0")  # a number saved again by a spreadsheet
    row = set_field(row, header, "inter2", "0.0")
    row = set_field(row, header, "tags", "crowd size=; a=;armed presence")
    report, document = imported(write_csv(tmp_path / "a.csv", header, [row]), tmp_path / "a.json")
    assert report.problems == []
    [event] = document["events"]
    assert event["tags"][-2:] == ["External/Other forces", "armed presence"]
    assert "Crowd size:" not in event["summary"]
    assert "\nA:" not in event["summary"]


def test_values_that_cannot_be_read_are_left_out_and_reported(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    bad = set_field(rows[0], header, "inter1", "9")
    bad = set_field(bad, header, "geo_precision", "4")
    bad = set_field(bad, header, "timestamp", "yesterday")
    report, document = imported(
        write_csv(tmp_path / "a.csv", header, [bad, rows[1]]), tmp_path / "a.json"
    )
    assert [str(problem) for problem in report.problems] == [
        "line 2: inter1 '9' is not one of ACLED's actor types (0 to 8): left out",
        "line 2: geo_precision '4' is not 1, 2 or 3: left out",
        "line 2: timestamp 'yesterday' is not a whole number of seconds since 1970: left out",
    ]
    first, second = document["events"]
    assert first["tags"] == ["Protests", "Peaceful protest", "Demostrations"]
    assert "Place:" not in first["summary"]
    assert "ACLED last changed" not in first["summary"]
    assert "ACLED last changed the row: 2022-07-05" in second["summary"]


def test_a_row_acled_changed_shows_as_changed_since_the_last_import(tmp_path: Path) -> None:
    """A newer export whose row ACLED changed in a column the import does not
    keep (its ``iso``) differs in its timestamp: that event, and only it, has
    changed; where, the summary's last line says."""
    header, rows = fixture_rows()
    rows = rows[:3]
    before = write_csv(tmp_path / "before.csv", header, rows)
    changed = set_field(rows[1], header, "iso", "33")
    changed = set_field(changed, header, "timestamp", "1700000000")
    after = write_csv(tmp_path / "after.csv", header, [rows[0], changed, rows[2]])
    imported(before, tmp_path / "before.json")
    imported(after, tmp_path / "after.json")
    diff = diff_timelines(
        load_timeline(tmp_path / "before.json"), load_timeline(tmp_path / "after.json")
    )
    assert diff.events.added == diff.events.removed == ()
    [change] = diff.events.changed
    assert change.id == rows[1][0]
    [field] = change.fields
    assert field.path == "summary"
    assert field.new.endswith("ACLED last changed the row: 2023-11-14 22:13:20 UTC")


def test_the_api_answer_s_coding_is_the_csv_s(tmp_path: Path) -> None:
    """The API gives every value as a string, a newer export's names included."""
    header, row = newer_row()
    source = answer(tmp_path / "api.json", records([row], header))
    report, from_api = imported(source, tmp_path / "api-out.json")
    _, from_csv = imported(write_csv(tmp_path / "a.csv", header, [row]), tmp_path / "csv-out.json")
    assert report.problems == []
    assert from_api["events"] == from_csv["events"]
    assert "Civilian targeting" in from_api["events"][0]["tags"]


def test_long_notes_are_cut_and_the_lines_kept(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    row = set_field(rows[0], header, "notes", "Text. " * 5000)
    row = set_field(row, header, "tags", ";".join(f"name {n}={'x' * 90}" for n in range(80)))
    _, document = imported(write_csv(tmp_path / "a.csv", header, [row]), tmp_path / "a.json")
    summary = document["events"][0]["summary"]
    assert len(summary) == 20_000
    notes, lines = summary.split("\n\n")
    assert notes.startswith("Text. Text.")
    assert notes.endswith("\u2026")  # cut, and says so
    assert len(lines) <= 5_000  # ACLED's tags' lines, cut at their own limit
    assert lines.startswith("Name 0: xxx")
    # Cut where they pass it, and the lines after them kept.
    assert lines.split("\n")[-3:] == [
        "\u2026",
        "Sources' scale: National",
        "ACLED last changed the row: 2022-07-05 17:16:26 UTC",
    ]
    load_timeline(tmp_path / "a.json")
