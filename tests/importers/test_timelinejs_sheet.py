"""TimelineJS's Google Sheets template as CSV and XLSX: the real template's
Women in Computing CSV against the JSON of the same timeline, a workbook built
here (tests/importers/sheet_fixture.py) and the one it wrote, and sheets that
are not TimelineJS's."""

from __future__ import annotations

import csv
import gzip
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import viewer.importers.timelinejs.sheet_file
from tests.conftest import REPO
from tests.importers.sheet_fixture import FIXTURE, write_workbook
from viewer.domain.dates import Precision
from viewer.domain.timeline import Timeline
from viewer.importers.common import ImportFailed, ImportReport
from viewer.importers.formats import content_format, run_import
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.persistence.model_file import load_timeline

DATA = REPO / "tests" / "data" / "timelinejs"
WOMEN_CSV = DATA / "women_in_computing.csv"
WOMEN_JSON = DATA / "women_in_computing.json"
ACLED = REPO / "tests" / "data" / "acled" / "argentina_2022-06_sample.csv"
HEADER = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text"


def run(src: Path, tmp_path: Path, name: str = "out") -> tuple[ImportReport, Timeline]:
    out = tmp_path / f"{name}.json"
    report = import_timelinejs(src, out)
    return report, load_timeline(out)


def failure(src: Path, tmp_path: Path, kind: str = "timelinejs") -> ImportFailed:
    out = tmp_path / "out.json"
    with pytest.raises(ImportFailed) as failed:
        run_import(kind, src, out)
    assert not out.exists()
    return failed.value


def csv_file(tmp_path: Path, text: str, name: str = "sheet.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def as_written(timeline: Timeline) -> list[tuple[Any, ...]]:
    return [
        (e.id, e.title, e.date.precision, e.date.start, e.date.end, e.date.note, e.tags)
        for e in timeline.events
    ]


# -- the template's own CSV


def test_the_templates_csv_is_the_same_timeline_as_its_json(tmp_path: Path) -> None:
    report, sheet = run(WOMEN_CSV, tmp_path, "csv")
    _, document = run(WOMEN_JSON, tmp_path, "json")
    assert report.events == 10
    assert report.problems == []
    assert sheet.title == document.title == "Women in Computing"
    assert as_written(sheet) == as_written(document)  # dates, precisions, notes, groups
    media = [(s.id, s.title, s.publisher, s.url) for s in sheet.sources]
    assert media == [(s.id, s.title, s.publisher, s.url) for s in document.sources]
    # The two files differ in three words of their texts, and nothing else.
    differ = [a.id for a, b in zip(sheet.events, document.events, strict=True) if a != b]
    assert differ == ["event-6", "event-9"]  # "soundclips", "Laborotory"
    assert sheet.description.replace("\u2019", "'") == document.description
    assert report.notes[0].startswith("The file is a TimelineJS spreadsheet")
    # "Background" is the template's: not listed among columns not read.
    assert not any("were not read" in note for note in report.notes)


# -- a workbook


def test_a_workbook_is_read_by_its_headers(tmp_path: Path) -> None:
    report, timeline = run(FIXTURE, tmp_path)
    assert timeline.title == "The hearings of 2024"
    assert timeline.description == "Kept in a workbook."
    assert as_written(timeline) == [
        # 2023.0 is the year 2023.
        ("event-1", "Committee formed", Precision.DAY, "2023-11-02", None, None, ("Politics",)),
        # A date typed into Year, a workbook's time of day.
        (
            "event-2",
            "First hearing",
            Precision.MINUTE,
            "2024-01-15T09:30+00:00",
            None,
            None,
            ("Politics",),
        ),
        # "4:30 PM" to "2300".
        (
            "event-3",
            "Evening session",
            Precision.MINUTE,
            "2024-01-15T16:30+00:00",
            "2024-01-15T23:00+00:00",
            None,
            ("Politics",),
        ),
        (
            "event-5",
            "Report due",
            Precision.MINUTE,
            "2024-03-29T00:00+00:00",
            "2024-03-31T23:59+00:00",
            "By 31 March (start given only as a day)",
            ("Report",),
        ),
    ]
    [era] = timeline.eras
    assert (era.title, era.date.start, era.date.end) == ("Hearing season", "2024-01", "2024-03")
    sources = timeline.sources_by_id
    assert sources["media-title"].url == "https://example.org/cover.jpg"
    session = [sources[s] for s in timeline.events_by_id["event-3"].sources]
    assert [(s.title, s.url) for s in session] == [
        ("The committee room", "https://example.org/session.jpg"),  # its alt text
        ("www.example.org/photos", "http://www.example.org/photos"),
    ]
    # Problems are named by row and by the column as the sheet heads it.
    assert [str(p) for p in report.problems] == [
        "row 6, MONTH: 13 is not a month (from 1 to 12); the slide is left out"
    ]
    assert "Columns that TimelineJS's template does not have were not read: Desk notes." in (
        report.notes
    )
    assert (
        "Reading stopped at row 9, which is blank, as TimelineJS stops there: "
        "1 row under it was not read." in report.notes
    )
    assert "Forgotten" not in json.dumps([e.title for e in timeline.events])


def test_the_committed_workbook_is_the_one_the_script_writes(tmp_path: Path) -> None:
    fresh = write_workbook(tmp_path / "fresh.xlsx")
    _, committed = run(FIXTURE, tmp_path, "committed")
    _, written = run(fresh, tmp_path, "fresh")
    assert as_written(committed) == as_written(written)
    assert committed.sources == written.sources


def test_workbook_cells_as_timelinejs_reads_them(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Year", "Month", "Day", "Time", "Headline", "Type"])
    sheet.append([1963.0, 8.0, 9, "12:05 AM", "Just after midnight", None])
    sheet.append([" 1,964 ", "", "", "", 1964, ""])  # spaces and commas: TimelineJS drops them
    sheet.append([1965.5, None, None, None, "Half a year", None])
    sheet.append([1966, 1, 1, "10.15", "Dots", "EVENT"])
    path = tmp_path / "cells.xlsx"
    workbook.save(path)
    report, timeline = run(path, tmp_path)
    assert [(e.title, e.date.start) for e in timeline.events] == [
        ("Just after midnight", "1963-08-09T00:05+00:00"),
        ("1964", "1964"),  # a number as a headline is its text
        ("Dots", "1966-01-01T10:15+00:00"),
    ]
    assert [str(p) for p in report.problems] == [
        "row 4, Year: expected a whole number, found 1965.5; the slide is left out"
    ]


# -- CSV as people save it


def test_headers_in_any_order_case_and_spacing_with_semicolons(tmp_path: Path) -> None:
    text = "headline; YEAR ;month;Notes\nFirst;2020;5;x\n;;;\nAfter;2021;;\n"
    report, timeline = run(csv_file(tmp_path, text, "semicolons.txt"), tmp_path)
    assert [(e.title, e.date.start) for e in timeline.events] == [("First", "2020-05")]
    assert report.problems == []
    assert report.notes[1:3] == [
        "Columns that TimelineJS's template does not have were not read: Notes.",
        "Reading stopped at row 3, which is blank, as TimelineJS stops there: "
        "1 row under it was not read.",
    ]
    # Named .csv, the same; with commas in its text, the semicolons still win.
    again = csv_file(tmp_path, text.replace("First", "First, again"))
    assert [e.title for e in run(again, tmp_path, "again")[1].events] == ["First, again"]


def test_excels_separator_line_names_the_delimiter_and_is_no_row(tmp_path: Path) -> None:
    # Excel writes "sep=;" first where asked to; it shows the header as row 1.
    text = "sep=;\r\nYear;Headline;Text\r\n2020;First, with a comma;a;b\r\n2021;x;\r\n"
    path = csv_file(tmp_path, text, "excel.txt")
    assert content_format(path) == "timelinejs"
    report, timeline = run(path, tmp_path)
    assert [e.title for e in timeline.events] == ["First, with a comma", "x"]
    assert report.problems == []
    bad = csv_file(tmp_path, text.replace("2021;", "2021x;"), "bad.csv")
    assert [p.where for p in run(bad, tmp_path, "bad")[0].problems] == ["row 3, Year"]


def test_a_rows_time_that_is_no_time_names_its_row(tmp_path: Path) -> None:
    text = f"{HEADER}\n2020,1,2,25:00,,,,,,Late,\n2020,1,2,10:00,2020,1,x,,,Kept,\n"
    report, timeline = run(csv_file(tmp_path, text), tmp_path)
    assert [e.title for e in timeline.events] == ["Kept"]
    assert [str(p) for p in report.problems] == [
        "row 2, Time: 25 is not an hour (from 0 to 23); the slide is left out",
        "row 3, End Day: expected a whole number, found 'x'; the event is kept without an end",
    ]


def test_a_sheet_without_the_templates_columns_is_refused(tmp_path: Path) -> None:
    failed = failure(csv_file(tmp_path, "Date,Event,Notes\n2020-01-01,x,y\n"), tmp_path)
    assert str(failed) == (
        "not a TimelineJS sheet: it has no column Year, Headline, Text (found: Date, Event, Notes)"
    )
    assert not failed.unreadable
    empty = failure(csv_file(tmp_path, f"{HEADER}\n\n2020,,,,,,,,,After a blank row,\n"), tmp_path)
    assert str(empty) == "the file has no events"


def test_a_csv_that_is_not_utf8_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{HEADER}\n2020,,,,,,,,,Caf\xe9,\n".encode("latin-1"))
    failed = failure(path, tmp_path)
    assert failed.unreadable
    assert "not UTF-8 text (at byte" in str(failed)


def test_old_mac_line_breaks_and_a_cell_over_csvs_own_limit(tmp_path: Path) -> None:
    # Excel's "CSV (Macintosh)" ends rows with a bare carriage return.
    mac = csv_file(tmp_path, "Year,Headline,Text\r2020,First,a\r2021,Second,b\r", "mac.csv")
    _, timeline = run(mac, tmp_path, "mac")
    assert [e.title for e in timeline.events] == ["First", "Second"]
    # A cell of 200,000 characters (the csv module's own limit is 131,072).
    long = csv_file(tmp_path, f"Year,Headline,Text\n2020,Long,{'x' * 200_000}\n", "long.csv")
    _, timeline = run(long, tmp_path, "long")
    [event] = timeline.events
    assert event.title == "Long"
    assert event.summary.startswith("xxx")
    assert csv.field_size_limit() == 131_072  # the process's limit is left as it was


def test_a_workbook_that_unpacks_to_too_much_is_refused_unopened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(viewer.importers.timelinejs.sheet_file, "MAX_UNPACKED_BYTES", 2**20)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (2 * 2**20))
    assert bomb.stat().st_size < 2**16
    opened: list[Path] = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda src, **_: opened.append(src))
    failed = failure(bomb, tmp_path)
    assert str(failed) == "unpacks to 2 MiB, over the 1 MiB a workbook may hold"
    assert opened == []


def test_a_broken_workbook_is_unreadable(tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(FIXTURE.read_bytes()[:2000])
    assert failure(truncated, tmp_path).unreadable
    not_a_workbook = tmp_path / "other.xlsx"
    with zipfile.ZipFile(not_a_workbook, "w") as archive:
        archive.writestr("hello.txt", "hello")
    failed = failure(not_a_workbook, tmp_path)
    assert failed.unreadable
    assert "not an XLSX workbook this app can read" in str(failed)


# -- which importer


def test_sheets_are_told_by_their_content(tmp_path: Path) -> None:
    assert content_format(WOMEN_CSV) == "timelinejs"
    assert content_format(FIXTURE) == "timelinejs"
    renamed = tmp_path / "export.txt"
    renamed.write_bytes(WOMEN_CSV.read_bytes())
    assert content_format(renamed) == "timelinejs"
    assert content_format(ACLED) == "acled"  # ACLED has a "year" column: still ACLED
    assert content_format(csv_file(tmp_path, "Date,Event\n2020,x\n")) is None


def test_binary_files_are_no_sheets_and_gzip_is_told_by_what_it_holds(tmp_path: Path) -> None:
    # A carriage return inside the "first line" made the csv module raise.
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\xffYear,\rHeadline\x00,Text\n" + bytes(range(256)))
    assert content_format(garbage) is None
    packed = tmp_path / "timeline.json.gz"
    packed.write_bytes(gzip.compress(b'{"schema_version": 5, "id": "x"}'))
    assert content_format(packed) == "model"  # what it holds, never sniffed as CSV
    packed.write_bytes(gzip.compress(b"Year,Headline,Text\n2020,a,b\n"))
    assert content_format(packed) is None  # no import reads gzip
    packed.write_bytes(b"\x1f\x8b" + bytes(range(200)))
    assert content_format(packed) is None


def test_a_sheet_given_as_acled_and_acled_given_as_a_sheet_are_named(tmp_path: Path) -> None:
    as_acled = failure(WOMEN_CSV, tmp_path, "acled")
    assert str(as_acled) == "is a TimelineJS timeline, not an ACLED export: import it as such"
    as_sheet = failure(ACLED, tmp_path, "timelinejs")
    assert str(as_sheet) == "is an ACLED export, not a TimelineJS timeline: import it as such"
    assert failure(FIXTURE, tmp_path, "acled").problems == as_acled.problems


@pytest.mark.parametrize("kind", ["timelinejs", "acled"])
def test_a_model_file_given_to_an_import_is_named(tmp_path: Path, kind: str) -> None:
    bundled = REPO / "resources" / "timelines" / "trump-putin-2025-06.json"
    failed = failure(bundled, tmp_path, kind)
    assert str(failed).startswith("is already a timeline model file, nothing to import")
    assert not failed.unreadable
    packed = tmp_path / "bundled.json.gz"
    packed.write_bytes(gzip.compress(bundled.read_bytes()))
    assert str(failure(packed, tmp_path, kind)) == str(failed)
