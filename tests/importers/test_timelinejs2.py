"""TimelineJS2 ("storyjs") JSON in, model files out: read as TimelineJS3 slides,
its problems named by TimelineJS2's own paths (no Qt)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from viewer.cli import main
from viewer.domain.dates import Precision
from viewer.domain.timeline import Timeline
from viewer.importers.common import ImportFailed, ImportReport
from viewer.importers.formats import content_format
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.importers.timelinejs.version2 import v2_path
from viewer.persistence.model_file import load_timeline

# A TimelineJS2 timeline as TimelineJS2's documentation shows one: a title slide
# (the "timeline" object's own headline, text and asset), three dated slides
# (a year alone, a time of day, an end date), tags, an asset and an era.
STORYJS: dict[str, Any] = {
    "timeline": {
        "headline": "Whitney <i>Houston</i>",
        "type": "default",
        "text": "<p>A voice of her time.</p>",
        "startDate": "1963",
        "asset": {
            "media": "https://example.org/cover.jpg",
            "credit": "Cover credit",
            "caption": "The title picture",
        },
        "date": [
            {
                "startDate": "1963",
                "headline": "Born in Newark",
                "text": "<p>Into a family of singers.</p>",
                "tag": "Life",
            },
            {
                "startDate": "1985,2,14,20,30",
                "endDate": "1985,2,14,20,30",
                "headline": "The debut album",
                "text": "<p>Released by <a href='https://www.arista.com/'>Arista</a>.</p>",
                "tag": "Music",
                "classname": "album",
                "asset": {
                    "media": "https://example.org/debut.jpg",
                    "credit": "Arista Records",
                    "caption": "The debut's <b>cover</b>",
                    "thumbnail": "https://example.org/debut-small.jpg",
                },
            },
            {
                "startDate": "1992,11,25",
                "endDate": "1993,1,9",
                "headline": "The Bodyguard",
                "tag": "Film",
                "asset": {"media": "", "credit": "Warner Bros.", "caption": ""},
            },
        ],
        "era": [
            {
                "startDate": "1985,1,1",
                "endDate": "1992,12,31",
                "headline": "The <b>Arista</b> years",
                "tag": "Music",
            },
            {"startDate": "2000", "endDate": "2012,2,11"},
        ],
    }
}


def storyjs() -> dict[str, Any]:
    return copy.deepcopy(STORYJS)


def write(tmp_path: Path, document: Any, stem: str = "storyjs") -> Path:
    path = tmp_path / f"{stem}.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def run(src: Path, tmp_path: Path) -> tuple[ImportReport, Timeline, dict[str, Any]]:
    out = tmp_path / "out.json"
    report = import_timelinejs(src, out)
    written: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report, load_timeline(out), written


def failure(src: Path, tmp_path: Path) -> ImportFailed:
    out = tmp_path / "out.json"
    with pytest.raises(ImportFailed) as failed:
        import_timelinejs(src, out)
    assert not out.exists()
    return failed.value


def test_a_timelinejs2_file_is_imported(tmp_path: Path) -> None:
    report, timeline, written = run(write(tmp_path, storyjs()), tmp_path)
    assert report.events == len(timeline.events) == 3
    assert report.problems == []
    assert report.skipped == 0
    assert timeline.id == "storyjs"
    # The "timeline" object's own headline and text are the title slide.
    assert timeline.title == "Whitney Houston"
    assert timeline.description == "A voice of her time."
    assert timeline.language == "und"
    assert written["schema_version"] == 3
    events = timeline.events_by_id
    assert list(events) == ["event-1", "event-2", "event-3"]
    assert [event.title for event in events.values()] == [
        "Born in Newark",
        "The debut album",
        "The Bodyguard",
    ]
    assert events["event-1"].summary == "Into a family of singers."
    assert all(event.kind == "other" for event in events.values())


def test_timelinejs2_dates_are_written_as_timelinejs3_dates_are(tmp_path: Path) -> None:
    _, timeline, written = run(write(tmp_path, storyjs()), tmp_path)
    events = timeline.events_by_id
    born = events["event-1"]  # "1963": a year stays a year
    assert (born.date.precision, born.date.start, born.date.end) == (Precision.YEAR, "1963", None)
    debut = events["event-2"]  # a time of day, as UTC; an end equal to the start is left out
    assert (debut.date.precision, debut.date.start, debut.date.end) == (
        Precision.MINUTE,
        "1985-02-14T20:30+00:00",
        None,
    )
    film = events["event-3"]
    assert (film.date.precision, film.date.start, film.date.end) == (
        Precision.DAY,
        "1992-11-25",
        "1993-01-09",
    )
    assert [event["date"] for event in written["events"]] == [
        {"precision": "year", "start": "1963"},
        {"precision": "minute", "start": "1985-02-14T20:30+00:00"},
        {"precision": "day", "start": "1992-11-25", "end": "1993-01-09"},
    ]


def test_timelinejs2_tags_become_tags_and_assets_sources(tmp_path: Path) -> None:
    report, timeline, written = run(write(tmp_path, storyjs()), tmp_path)
    events = timeline.events_by_id
    assert [event.tags for event in events.values()] == [("Life",), ("Music",), ("Film",)]
    sources = timeline.sources_by_id
    # The asset: its caption the title, its credit the publisher, its media the address.
    debut = [sources[s] for s in events["event-2"].sources]
    assert [(s.title, s.publisher, s.url) for s in debut] == [
        ("The debut's cover", "Arista Records", "https://example.org/debut.jpg"),
        ("Arista", "www.arista.com", "https://www.arista.com/"),  # a link in the text
    ]
    # A credit alone is kept, titled with itself, as TimelineJS3 media are.
    film = [sources[s] for s in events["event-3"].sources]
    assert [(s.title, s.publisher, s.url) for s in film] == [("Warner Bros.", "Warner Bros.", None)]
    assert events["event-1"].sources == ()
    # The title slide's asset is kept too, a source of the timeline no event cites.
    cover = sources["media-title"]
    assert (cover.title, cover.publisher, cover.url) == (
        "The title picture",
        "Cover credit",
        "https://example.org/cover.jpg",
    )
    assert report.sources == len(written["sources"]) == 4


def test_timelinejs2_eras_become_eras(tmp_path: Path) -> None:
    report, timeline, _ = run(write(tmp_path, storyjs()), tmp_path)
    assert report.eras == len(timeline.eras) == 2
    arista, late = timeline.eras
    assert arista.title == "The Arista years"
    assert (arista.date.precision, arista.date.start, arista.date.end) == (
        Precision.DAY,
        "1985-01-01",
        "1992-12-31",
    )
    # Start a year, end a day: both at the finer one, as TimelineJS3 eras are;
    # the start from the year's first day, as the note says.
    assert late.title == "Era 2"
    assert (late.date.precision, late.date.start, late.date.end, late.date.note) == (
        Precision.DAY,
        "2000-01-01",
        "2012-02-11",
        "start given only as a year",
    )


def test_the_report_says_the_file_was_timelinejs2(tmp_path: Path) -> None:
    report, _, _ = run(write(tmp_path, storyjs()), tmp_path)
    assert report.notes[0] == (
        "The file is a TimelineJS2 timeline: its dates were read as TimelineJS3 slides, "
        "its tags as groups and its assets as media."
    )
    assert sum("TimelineJS2" in note for note in report.notes) == 1
    notes = " ".join(report.notes)
    assert "groups became tags" in notes
    assert "Life, Music, Film" in notes
    assert "UTC" in notes  # the time of day
    assert "different precisions" in notes  # the second era
    assert '"other"' in notes


def test_a_timelinejs3_file_has_no_timelinejs2_note(tmp_path: Path) -> None:
    document = {"events": [{"start_date": {"year": 1963}, "text": {"headline": "Born"}}]}
    report, _, _ = run(write(tmp_path, document), tmp_path)
    assert not any("TimelineJS2" in note for note in report.notes)


def test_a_bad_timelinejs2_date_leaves_its_slide_out_named_by_its_path(tmp_path: Path) -> None:
    document = storyjs()
    slides = document["timeline"]["date"]
    slides.append({"startDate": "1999,13,1", "headline": "Not a month"})
    slides.append({"startDate": "-20000,1,1", "headline": "Before the calendar"})
    slides.append({"startDate": "9/8/1963", "headline": "Written the American way"})
    slides.append({"startDate": "1994,1,1", "endDate": "1993", "headline": "Kept"})
    slides.append({"startDate": "1995,2,30", "headline": "No such day"})
    slides.append({"headline": "No date"})
    slides[2]["startDate"] = "1992,11,x"
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    assert report.events == len(timeline.events) == 3
    assert [str(problem) for problem in report.problems] == [
        "timeline.date[2].startDate: expected a whole number, found 'x'; the slide is left out",
        "timeline.date[3].startDate: 13 is not a month (from 1 to 12); the slide is left out",
        "timeline.date[4].startDate: the year -20000 cannot be held: the model's years run from "
        "10000 BC (in TimelineJS -10000) to 9999; the slide is left out",
        "timeline.date[5].startDate: expected a whole number, found '9/8/1963'; "
        "the slide is left out",
        "timeline.date[6].endDate: ends before it starts (1994-01-01 to 1993-12-31); "
        "the event is kept without an end",
        "timeline.date[7].startDate: 30 is not a day (from 1 to 28); the slide is left out",
        "timeline.date[8].startDate: missing: a start date with a year is needed; "
        "the slide is left out",
    ]
    assert [event.title for event in timeline.events_by_id.values()] == [
        "Born in Newark",
        "The debut album",
        "Kept",
    ]
    assert timeline.events_by_id["event-7"].date.end is None


def test_wrong_timelinejs2_fields_are_named_by_their_paths(tmp_path: Path) -> None:
    document = storyjs()
    timeline = document["timeline"]
    timeline["headline"] = [{"not": "text"}]
    timeline["date"][0]["asset"] = "a picture"
    timeline["date"][1]["headline"] = {"not": "text"}
    timeline["date"][1]["asset"]["caption"] = 12.5
    timeline["date"][1]["asset"]["media"] = [["x"]]
    timeline["date"][2]["tag"] = [["Film"]]
    timeline["date"].append("not a slide")
    timeline["era"][1]["startDate"] = "2000,0"
    timeline["era"].append({"startDate": "2010", "endDate": "2005", "headline": "Backwards"})
    report, written, _ = run(write(tmp_path, document), tmp_path)
    assert [problem.where for problem in report.problems] == [
        "timeline.headline",
        "timeline.era[1].startDate",
        "timeline.era[2].endDate",
        "timeline.date[0].asset",
        "timeline.date[1].headline",
        "timeline.date[1].asset.media",
        "timeline.date[2].tag",
        "timeline.date[3]",
    ]
    assert report.events == 3
    assert written.events_by_id["event-2"].title == "Released by Arista."  # from the text
    assert written.title == "storyjs"  # no headline: the file's name
    assert [era.title for era in written.eras] == ["The Arista years"]


def test_a_timelinejs2_file_whose_slides_cannot_be_read(tmp_path: Path) -> None:
    document = {"timeline": {"headline": "x", "date": [{"startDate": "-20044,3,15"}, {}]}}
    failed = failure(write(tmp_path, document), tmp_path)
    assert [problem.where for problem in failed.problems] == ["timeline.date"]
    assert "none of its 2 events could be read: first problem timeline.date[0].startDate: " in (
        str(failed)
    )
    assert "-20044" in str(failed)
    empty = failure(write(tmp_path, {"timeline": {"date": []}}, "empty"), tmp_path)
    assert str(empty) == "timeline.date: the file has no events"


def test_a_timeline_without_a_date_list_is_no_timelinejs2(tmp_path: Path) -> None:
    failed = failure(write(tmp_path, {"timeline": {"headline": "x", "date": "1963"}}), tmp_path)
    assert [problem.where for problem in failed.problems] == ["events"]


@pytest.mark.parametrize(
    ("v3", "v2"),
    [
        ("events", "timeline.date"),
        ("events[3]", "timeline.date[3]"),
        ("events[3].start_date", "timeline.date[3].startDate"),
        ("events[3].start_date.month", "timeline.date[3].startDate"),
        ("events[3].end_date.year", "timeline.date[3].endDate"),
        ("events[3].text", "timeline.date[3]"),
        ("events[3].text.headline", "timeline.date[3].headline"),
        ("events[3].text.text", "timeline.date[3].text"),
        ("events[3].media", "timeline.date[3].asset"),
        ("events[3].media.url", "timeline.date[3].asset.media"),
        ("events[3].media.credit", "timeline.date[3].asset.credit"),
        ("events[3].group", "timeline.date[3].tag"),
        ("eras", "timeline.era"),
        ("eras[0].start_date.year", "timeline.era[0].startDate"),
        ("eras[0].text.headline", "timeline.era[0].headline"),
        ("title", "timeline"),
        ("title.text.headline", "timeline.headline"),
        ("timeline.date[2].startDate", "timeline.date[2].startDate"),
        ("", ""),
        ("eventsx", "eventsx"),
    ],
)
def test_timelinejs3_paths_as_timelinejs2_paths(v3: str, v2: str) -> None:
    assert v2_path(v3) == v2


def test_a_timelinejs2_file_is_routed_by_its_content(tmp_path: Path) -> None:
    renamed = write(tmp_path, storyjs(), "storyjs")
    unnamed = renamed.rename(tmp_path / "storyjs.txt")  # not its name: its content
    assert content_format(unnamed) == "timelinejs"
    compact = tmp_path / "compact"
    compact.write_text(json.dumps(storyjs(), separators=(",", ":")), encoding="utf-8")
    assert content_format(compact) == "timelinejs"
    # "startDate" alone, outside a TimelineJS2 "timeline", says nothing.
    other = write(tmp_path, {"project": {"startDate": "2020"}}, "other")
    assert content_format(other) is None


def test_the_command_line_imports_a_timelinejs2_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = storyjs()
    document["timeline"]["date"].append({"startDate": "1999,13,1", "headline": "Not a month"})
    source = write(tmp_path, document)
    out = tmp_path / "imported.json"
    assert main(["import", "timelinejs", str(source), "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("Imported 3 events")
    assert "timeline.date[3].startDate: 13 is not a month" in said.err
    assert len(load_timeline(out).events) == 3
    assert main(["validate", str(out)]) == 0
