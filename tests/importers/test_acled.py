"""ACLED's CSV exports: the fixture as it is, and variants of it made here."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA
from viewer.domain.progress import LoadCancelled
from viewer.importers.acled.convert import import_acled
from viewer.importers.common import ImportFailed, ImportReport
from viewer.persistence.model_file import load_timeline

FIXTURE = DATA / "acled" / "argentina_2022-06_sample.csv"
ROWS = 326


def fixture_rows() -> tuple[list[str], list[list[str]]]:
    with FIXTURE.open(encoding="utf-8", newline="") as handle:
        header, *rows = csv.reader(handle)
    return header, rows


def write_csv(path: Path, header: list[str], rows: list[list[str]], **options: Any) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=options.get("lineterminator", "\n")).writerows(
        [header, *rows]
    )
    path.write_text(buffer.getvalue(), encoding=options.get("encoding", "utf-8"), newline="")
    return path


def imported(src: Path, out: Path, **options: Any) -> tuple[ImportReport, dict[str, Any]]:
    report = import_acled(src, out, **options)
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report, document


def events_by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {event["id"]: event for event in document["events"]}


def set_field(row: list[str], header: list[str], column: str, value: str) -> list[str]:
    changed = list(row)
    changed[header.index(column)] = value
    return changed


@pytest.fixture(scope="module")
def fixture_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, dict[str, Any]]:
    out = tmp_path_factory.mktemp("acled") / "argentina.json"
    return imported(FIXTURE, out)


# -- the fixture, as it is ----------------------------------------------------------


def test_every_row_of_the_fixture_is_an_event(
    fixture_import: tuple[ImportReport, dict[str, Any]], tmp_path: Path
) -> None:
    report, document = fixture_import
    assert report.events == ROWS
    assert report.skipped == 0
    assert report.problems == []
    assert len(document["events"]) == ROWS
    assert report.actors == len(document["actors"]) > 0
    assert report.sources == len(document["sources"]) > 0
    assert document["id"] == "argentina_2022-06_sample"
    assert document["title"] == "ACLED events from argentina_2022-06_sample.csv"
    assert document["language"] == "en"
    assert "ACLED" in document["description"]
    assert "events in Argentina, from 2022-06-01 to 2022-06-30" in report.notes
    assert any("312 to the day, 14 to the week" in note for note in report.notes)
    # The file is a valid model file: the app opens it.
    out = tmp_path / "again.json"
    import_acled(FIXTURE, out)
    assert len(load_timeline(out).events) == ROWS


def test_a_protest_to_the_day(fixture_import: tuple[ImportReport, dict[str, Any]]) -> None:
    _, document = fixture_import
    event = events_by_id(document)["ARG10607"]  # the first row
    assert event["kind"] == "other"
    assert "status" not in event  # "occurred", the default: left out of a large file
    assert event["title"] == "Peaceful protest in Comodoro Rivadavia"
    assert event["date"] == {"precision": "day", "start": "2022-06-30"}
    assert event["places"] == [
        "Comodoro Rivadavia",
        "Escalante",
        "Chubut",
        "Argentina",
        "South America",
    ]
    # inter1 6: the actor's type; inter2 0: no second actor.
    assert event["tags"] == ["Protests", "Peaceful protest", "Demostrations", "Protesters"]
    assert event["fatalities"] == 0
    assert event["coordinates"] == {"latitude": -45.8644, "longitude": -67.4997}
    assert event["summary"].startswith("On 30 June 2022, in Comodoro Rivadavia (Chubut)")
    assert event["summary"].endswith(
        "[size=no report]\n\nSources' scale: National\n"
        "ACLED last changed the row: 2022-07-05 17:16:26 UTC"
    )
    actors = {actor["id"]: actor for actor in document["actors"]}
    assert [actors[a]["name"] for a in event["participants"]] == [
        "Protesters (Argentina)",
        "SISAP: Public Health Union",
        "Health Workers (Argentina)",
        "ATE: Association of State Workers",
        "Labour Group (Argentina)",
    ]
    assert {actors[a]["kind"] for a in event["participants"]} == {"organisation"}
    sources = {source["id"]: source for source in document["sources"]}
    assert [sources[s]["title"] for s in event["sources"]] == [
        "Diario El Chubut",
        "Diario Cronica (Argentina)",
    ]


def test_time_precision_2_is_the_iso_week(
    fixture_import: tuple[ImportReport, dict[str, Any]],
) -> None:
    events = events_by_id(fixture_import[1])
    # 2022-06-27 is a Monday, the first day of ISO week 26; 2022-06-22 a Wednesday of week 25.
    assert events["ARG10573"]["date"] == {
        "precision": "week",
        "start": "2022-W26",
        "note": "ACLED codes it as 2022-06-27 and knows only its week",
    }
    assert events["ARG10552"]["date"]["start"] == "2022-W25"
    assert sum(e["date"]["precision"] == "week" for e in fixture_import[1]["events"]) == 14


def test_riots_strategic_developments_and_state_forces(
    fixture_import: tuple[ImportReport, dict[str, Any]],
) -> None:
    _, document = fixture_import
    events = events_by_id(document)
    actors = {actor["id"]: actor for actor in document["actors"]}
    riot = events["ARG10574"]
    assert riot["kind"] == "other"
    assert riot["fatalities"] == 1
    assert riot["title"] == "Violent demonstration in Daireaux"
    # admin2 is the location's own name here: each place once.
    assert riot["places"] == ["Daireaux", "Buenos Aires", "Argentina", "South America"]
    assert riot["tags"][-2:] == ["Rioters", "Civilians"]  # inter1 5, inter2 7
    looting = events["ARG10552"]
    assert looting["kind"] == "other"
    # disorder_type repeats event_type: one tag.
    assert looting["tags"] == [
        "Strategic developments",
        "Looting/property destruction",
        "Political militias",
        "Civilians",
    ]
    police = events["ARG10605"]["participants"][2]
    assert actors[police] == {
        "id": "actor-Police-Forces-of-Argentina-2019",
        "kind": "state",
        "name": "Police Forces of Argentina (2019-)",
    }
    # An actor is one actor wherever it appears: assoc_actor_2 here.
    government = [a for a in actors.values() if a["name"] == "Government of Argentina (2019-)"]
    assert len(government) == 1
    assert government[0]["kind"] == "state"
    assert government[0]["id"] in events["ARG10551"]["participants"]
    names = [actor["name"] for actor in document["actors"]]
    assert len(names) == len(set(names))


# -- variants -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "kind"),
    [
        ("Battles", "Armed clash", "attack"),
        ("Explosions/Remote violence", "Air/drone strike", "attack"),
        ("Violence against civilians", "Attack", "attack"),
        ("Protests", "Peaceful protest", "other"),
        ("Riots", "Mob violence", "other"),
        ("Strategic developments", "Agreement", "talks"),
        ("Strategic developments", "Arrests", "other"),
        ("Remote violence", "", "attack"),  # the older layout's types
        ("Battle-No change of territory", "", "attack"),
    ],
)
def test_kinds(tmp_path: Path, event_type: str, sub_event_type: str, kind: str) -> None:
    header, rows = fixture_rows()
    row = set_field(rows[0], header, "event_type", event_type)
    row = set_field(row, header, "sub_event_type", sub_event_type)
    report, document = imported(write_csv(tmp_path / "a.csv", header, [row]), tmp_path / "a.json")
    event = document["events"][0]
    assert event["kind"] == kind
    assert event["title"] == f"{sub_event_type or event_type} in Comodoro Rivadavia"
    assert not any("does not list" in note for note in report.notes)


def test_an_unknown_event_type_is_other_and_counted(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    changed = [set_field(row, header, "event_type", "Parade") for row in rows[:3]]
    report, document = imported(
        write_csv(tmp_path / "a.csv", header, changed + rows[3:5]), tmp_path / "a.json"
    )
    assert [e["kind"] for e in document["events"]] == ["other"] * 5
    assert "3 events of types ACLED does not list were imported as 'other': 'Parade' (3)" in (
        report.notes
    )


def test_month_precision_and_worded_dates(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    month = set_field(rows[0], header, "time_precision", "3")
    variants = [
        set_field(month, header, "event_date", "2022-06-15"),
        set_field(rows[1], header, "event_date", "04 June 2022"),
        set_field(rows[2], header, "event_date", "4-Jun-22"),
        set_field(rows[3], header, "event_date", "15 Sept 1999"),
        set_field(rows[4], header, "event_date", "2022-06-04 00:00:00"),
    ]
    report, document = imported(
        write_csv(tmp_path / "a.csv", header, variants), tmp_path / "a.json"
    )
    dates = [event["date"] for event in document["events"]]
    assert dates == [
        {
            "precision": "month",
            "start": "2022-06",
            "note": "ACLED codes it as 2022-06-15 and knows only its month",
        },
        {"precision": "day", "start": "2022-06-04"},
        {"precision": "day", "start": "2022-06-04"},
        {"precision": "day", "start": "1999-09-15"},
        {"precision": "day", "start": "2022-06-04"},
    ]
    assert report.skipped == 0
    assert "events in Argentina, from 1999-09-15 to 2022-06-15" in report.notes


def test_a_bom_and_crlf_copy_gives_the_same_events(
    tmp_path: Path, fixture_import: tuple[ImportReport, dict[str, Any]]
) -> None:
    header, rows = fixture_rows()
    src = write_csv(tmp_path / "a.csv", header, rows, lineterminator="\r\n", encoding="utf-8-sig")
    assert src.read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in src.read_bytes()
    report, document = imported(src, tmp_path / "a.json")
    assert report.skipped == 0
    assert document["events"] == fixture_import[1]["events"]
    assert document["actors"] == fixture_import[1]["actors"]
    assert document["sources"] == fixture_import[1]["sources"]


def test_the_older_upper_case_layout_is_read_and_noted(
    tmp_path: Path, fixture_import: tuple[ImportReport, dict[str, Any]]
) -> None:
    header, rows = fixture_rows()
    upper = [column.upper() for column in header]
    report, document = imported(write_csv(tmp_path / "a.csv", upper, rows), tmp_path / "a.json")
    assert document["events"] == fixture_import[1]["events"]
    assert "read the older ACLED layout (column names in capitals)" in report.notes
    assert not any("older" in note for note in fixture_import[0].notes)

    # Older still: no disorder_type, civilian_targeting, tags or timestamp, and GWNO.
    dropped = {"disorder_type", "civilian_targeting", "tags", "timestamp"}
    keep = [i for i, column in enumerate(header) if column not in dropped]
    old_header = ["GWNO"] + [header[i].upper() for i in keep]
    old_rows = [["160"] + [row[i] for i in keep] for row in rows]
    report, document = imported(
        write_csv(tmp_path / "b.csv", old_header, old_rows), tmp_path / "b.json"
    )
    assert report.events == ROWS
    assert "read the older ACLED layout (column names in capitals, no disorder_type)" in (
        report.notes
    )
    assert events_by_id(document)["ARG10607"]["tags"] == [
        "Protests",
        "Peaceful protest",
        "Protesters",
    ]
    assert "ACLED last changed" not in events_by_id(document)["ARG10607"]["summary"]
    load_timeline(tmp_path / "b.json")


def test_missing_columns_are_named(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    at = header.index("event_date")
    src = write_csv(
        tmp_path / "a.csv", header[:at] + header[at + 1 :], [r[:at] + r[at + 1 :] for r in rows]
    )
    out = tmp_path / "a.json"
    with pytest.raises(ImportFailed) as caught:
        import_acled(src, out)
    message = str(caught.value)
    assert message.startswith("not an ACLED export: missing columns event_date (found: ")
    assert "event_id_cnty, year, time_precision" in message
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_not_an_acled_file(tmp_path: Path) -> None:
    src = tmp_path / "a.csv"
    src.write_text("name,when\nAnna,2022\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        import_acled(src, tmp_path / "a.json")
    assert str(caught.value) == (
        "not an ACLED export: missing columns event_id_cnty, event_date, time_precision, "
        "event_type, actor1, location (found: name, when)"
    )
    src.write_text("", encoding="utf-8")
    with pytest.raises(ImportFailed, match="the file is empty"):
        import_acled(src, tmp_path / "a.json")
    with pytest.raises(ImportFailed, match="cannot be read"):
        import_acled(tmp_path / "missing.csv", tmp_path / "a.json")
    with pytest.raises(ImportFailed, match="is not a regular file"):
        import_acled(tmp_path, tmp_path / "a.json")
    assert list(tmp_path.iterdir()) == [src]


def test_bad_rows_are_reported_by_line_and_the_rest_imported(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    rows = rows[:12]
    notes = header.index("notes")
    rows[0] = set_field(rows[0], header, "notes", "First line\nsecond line\nthird line")
    # Line numbers: the header is line 1; row 0 spans lines 2 to 4; row k starts on line k + 4.
    rows[1] = set_field(rows[1], header, "event_date", "30.06.2022")
    rows[2] = rows[2][:notes]  # too few fields
    rows[3] = set_field(rows[3], header, "fatalities", "some")
    rows[4] = set_field(rows[4], header, "time_precision", "4")
    rows[5] = set_field(rows[5], header, "actor1", "")
    rows[6] = set_field(rows[6], header, "latitude", "south")
    rows[7] = set_field(rows[7], header, "latitude", "-95.5")
    rows[8] = set_field(rows[8], header, "event_id_cnty", rows[9][0])  # the id of the next row
    rows[10] = [*rows[10], "extra"]
    report, document = imported(write_csv(tmp_path / "a.csv", header, rows), tmp_path / "a.json")
    assert [str(problem) for problem in report.problems] == [
        "line 5: event_date '30.06.2022' is not a date (expected 2022-06-04 or 04 June 2022): "
        "the row is left out",
        "line 6: has 27 fields, the header has 31",
        "line 7: fatalities 'some' is not a whole number from 0: left out",
        "line 8: time_precision '4' is not 1 (day), 2 (week) or 3 (month): the row is left out",
        "line 9: no actor1: the row is left out",
        "line 10: latitude 'south' is not a number: the coordinates are left out",
        "line 11: latitude '-95.5' is not between -90 and 90: the coordinates are left out",
        f"line 13: event id {rows[9][0]!r} is repeated: imported as '{rows[9][0]}-2'",
        "line 14: has 32 fields, the header has 31",
    ]
    assert report.skipped == 9
    assert report.events == 12 - 5
    events = events_by_id(document)
    assert events[rows[0][0]]["summary"].startswith("First line\nsecond line\nthird line\n\n")
    assert "fatalities" not in events[rows[3][0]]
    assert "coordinates" not in events[rows[6][0]]
    assert "coordinates" not in events[rows[7][0]]
    assert rows[8][0] in events
    assert f"{rows[9][0]}-2" in events
    assert events[rows[11][0]]["fatalities"] == 0
    load_timeline(tmp_path / "a.json")


def test_no_importable_row_fails(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    out = tmp_path / "a.json"
    with pytest.raises(ImportFailed, match="no rows could be imported; first problems: the file"):
        import_acled(write_csv(tmp_path / "a.csv", header, []), out)
    bad = [set_field(row, header, "event_date", "soon") for row in rows[:4]]
    with pytest.raises(ImportFailed) as caught:
        import_acled(write_csv(tmp_path / "b.csv", header, bad), out)
    assert str(caught.value).startswith(
        "no rows could be imported; first problems: line 2: event_date 'soon' is not a date"
    )
    assert len(caught.value.problems) == 1 + 4
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_texts_are_cut_to_the_model_limits(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    row = set_field(rows[0], header, "location", "Ort " * 300)
    row = set_field(row, header, "actor1", "Gruppe " * 100)
    row = set_field(row, header, "source", "Zeitung " * 100)
    row = set_field(row, header, "sub_event_type", "Art " * 100)
    row = set_field(row, header, "event_id_cnty", "ARG " + "1" * 300)
    row = set_field(row, header, "notes", "Text. " * 5000)
    _, document = imported(write_csv(tmp_path / "a.csv", header, [row]), tmp_path / "a.json")
    event = document["events"][0]
    assert len(event["title"]) <= 500
    assert all(len(p) <= 200 for p in event["places"])
    assert all(len(t) <= 100 for t in event["tags"])
    assert len(event["id"]) <= 200
    assert len(event["summary"]) <= 20_000
    load_timeline(tmp_path / "a.json")


def test_timeline_id_and_title(tmp_path: Path) -> None:
    _, document = imported(
        FIXTURE, tmp_path / "a.json", timeline_id="acled-argentina", title="Argentina, June 2022"
    )
    assert document["id"] == "acled-argentina"
    assert document["title"] == "Argentina, June 2022"
    _, document = imported(FIXTURE, tmp_path / "a.json", timeline_id="not an id!")
    assert document["id"] == "not-an-id"


def _cancel_when(condition: Callable[[float], bool], heard: list[float]) -> Callable[[float], None]:
    def progress(done: float) -> None:
        heard.append(done)
        if condition(done):
            raise LoadCancelled

    return progress


@pytest.mark.parametrize("when", ["at once", "halfway", "at the end"])
def test_cancelling_leaves_no_file(tmp_path: Path, when: str) -> None:
    header, rows = fixture_rows()
    # 16 copies of the rows (5,216, each with its own id): progress is told at row 4,096.
    many = [[f"{row[0]}{copy}", *row[1:]] for copy in range(16) for row in rows]
    src = write_csv(tmp_path / "a.csv", header, many)
    out = tmp_path / "a.json"
    out.write_text("as it was", encoding="utf-8")
    conditions: dict[str, Callable[[float], bool]] = {
        "at once": lambda done: True,
        "halfway": lambda done: 0 < done < 1,
        "at the end": lambda done: done == 1,
    }
    heard: list[float] = []
    with pytest.raises(LoadCancelled):
        import_acled(src, out, progress=_cancel_when(conditions[when], heard))
    assert out.read_text(encoding="utf-8") == "as it was"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.csv", "a.json"]
    if when == "halfway":
        assert 0.5 < heard[-1] < 1


def test_progress_is_told_the_share_read(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    many = [[f"{row[0]}{copy}", *row[1:]] for copy in range(30) for row in rows]
    heard: list[float] = []
    report = import_acled(
        write_csv(tmp_path / "a.csv", header, many),
        tmp_path / "a.json",
        progress=_cancel_when(lambda done: False, heard),
    )
    assert report.events == len(many)
    assert heard[0] == 0.0
    assert heard[-1] == 1.0
    assert heard == sorted(heard)
    assert len(heard) == 2 + len(many) // 4096


def test_ids_are_made_unique(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    wanted = ["ARG1", "ARG1", "ARG1-2", "ARG01", "arg 7", "arg-7", "ÁRG5", "ARG5"]
    changed = [[made, *row[1:]] for made, row in zip(wanted, rows, strict=False)]
    report, document = imported(write_csv(tmp_path / "a.csv", header, changed), tmp_path / "a.json")
    assert [event["id"] for event in document["events"]] == [
        "ARG1",
        "ARG1-2",
        "ARG1-2-2",
        "ARG01",
        "arg-7",
        "arg-7-2",
        "ARG5",
        "ARG5-2",
    ]
    assert [str(problem) for problem in report.problems] == [
        "line 3: event id 'ARG1' is repeated: imported as 'ARG1-2'",
        "line 4: event id 'ARG1-2' is repeated: imported as 'ARG1-2-2'",
        "line 7: event id 'arg-7' is repeated: imported as 'arg-7-2'",
        "line 9: event id 'ARG5' is repeated: imported as 'ARG5-2'",
    ]
    load_timeline(tmp_path / "a.json")


def test_empty_optional_values_are_no_problem(tmp_path: Path) -> None:
    header, rows = fixture_rows()
    empty = rows[0]
    for column in (
        *("latitude", "longitude", "fatalities", "source", "notes", "admin1"),
        *("source_scale", "timestamp", "region", "inter1"),
    ):
        empty = set_field(empty, header, column, "")
    half = set_field(rows[1], header, "longitude", "")
    report, document = imported(
        write_csv(tmp_path / "a.csv", header, [empty, half]), tmp_path / "a.json"
    )
    first, second = document["events"]
    assert "coordinates" not in first
    assert "fatalities" not in first
    # None: the model's defaults, not written.
    assert "sources" not in first
    assert "summary" not in first
    assert first["places"] == ["Comodoro Rivadavia", "Escalante", "Argentina"]
    assert first["tags"] == ["Protests", "Peaceful protest", "Demostrations"]
    assert "coordinates" not in second
    assert [str(problem) for problem in report.problems] == [
        "line 3: no longitude: the coordinates are left out"
    ]
    load_timeline(tmp_path / "a.json")


def test_a_byte_that_is_not_utf8_is_reported_by_its_line_and_the_rest_imported(
    tmp_path: Path,
) -> None:
    src = tmp_path / "latin1.csv"
    src.write_bytes(
        FIXTURE.read_bytes().replace(b"Comodoro Rivadavia", b"C\xf3modoro Rivadavia", 1)
    )
    out = tmp_path / "out.json"
    report = import_acled(src, out)
    assert report.events == ROWS
    [problem] = report.problems
    assert problem.where == "line 2"
    assert "not UTF-8" in problem.message
    assert (
        load_timeline(out).events_by_id["ARG10607"].title
        == "Peaceful protest in C\ufffdmodoro Rivadavia"
    )


def test_the_older_layout_with_slashed_dates_and_ally_actors(tmp_path: Path) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    renamed = [
        {"assoc_actor_1": "ALLY_ACTOR_1", "assoc_actor_2": "ALLY_ACTOR_2"}.get(c, c.upper())
        for c in header
    ]
    first = next(csv.reader([lines[1]]))
    at = header.index("event_date")
    year, month, day = first[at].split("-")
    first[at] = f"{day}/{month}/{year}"
    src = tmp_path / "older.csv"
    with src.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(renamed)
        writer.writerow(first)
    out = tmp_path / "out.json"
    report = import_acled(src, out)
    assert report.events == 1
    event = load_timeline(out).events_by_id["ARG10607"]
    assert event.date.start == "2022-06-30"
    assert len(event.participants) == 5  # the allied actors are participants too


def test_r_s_na_is_no_value_never_an_actor_or_a_place(tmp_path: Path) -> None:
    """R's write.csv writes a missing value as NA: none is an actor or a place "NA"."""
    header, rows = fixture_rows()
    row = rows[0]
    for column in ("actor2", "assoc_actor_2", "admin2", "admin3", "tags", "source"):
        row = set_field(row, header, column, "NA")
    _report, document = imported(write_csv(tmp_path / "a.csv", header, [row]), tmp_path / "a.json")
    named = [actor["name"] for actor in document["actors"]]
    assert "NA" not in named
    [event] = document["events"]
    assert "NA" not in event.get("places", [])
    assert "NA" not in json.dumps(event)
    assert all(source["title"] != "NA" for source in document["sources"])
