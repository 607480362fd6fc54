"""Timelines out as TimelineJS3 JSON and in again: the same events (no Qt).

What TimelineJS cannot hold is not compared, as it cannot come back: kinds
(they come back as "other", the group as a tag), statuses, participants,
places, claims, quotes, actors, related events, fatalities, coordinates, tags
(but the group), the dates' notes (``display_date`` comes back as the note),
their sources, whether a date is approximate, an open end (the span up to
the end of the start comes back), a week as a week (its days come back), the
UTC offsets of times (the instant comes back, in UTC), the sources' titles and
publishers, and the sources of an event that has no media TimelineJS can show
but its first web address (linked from the headline).
"""

from __future__ import annotations

import copy
import html
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA
from viewer.domain.dates import Precision
from viewer.domain.model import Event, FuzzyDate
from viewer.domain.timeline import Timeline
from viewer.importers.common import url
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.importers.timelinejs.write import shown_media, timelinejs_document, write_timelinejs
from viewer.importers.timelinejs.write_dates import slide_dates, tl_date
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.lanes import LaneChoice, LaneFacet

IMAGE = "https://upload.example.org/bridge.jpg"
VIDEO = "https://www.youtube.com/watch?v=abc123"
ARTICLE = "https://news.example.com/2025/06/04/call"

MADE_UP: dict[str, Any] = {
    "schema_version": 5,
    "id": "made-up",
    "title": "Made-up timeline",
    "language": "en",
    "description": "First paragraph.\n\nSecond paragraph,\nwith a line break.",
    "sources": [
        {"id": "pic", "title": "The bridge", "publisher": "Agency", "url": IMAGE},
        {"id": "clip", "title": "The clip", "url": VIDEO},
        {"id": "story", "title": "The story", "publisher": "Daily", "url": ARTICLE},
        {"id": "paper", "title": "A paper without address", "publisher": "Archive"},
    ],
    "actors": [],
    "eras": [
        {"title": "Spring", "date": {"precision": "month", "start": "2025-03", "end": "2025-05"}},
        {"title": "A week", "date": {"precision": "week", "start": "2025-W22"}},
        {"title": "One day", "date": {"precision": "day", "start": "2025-06-04"}},
    ],
    "events": [
        {
            "id": "a-year",
            "kind": "statement",
            "title": "A year",
            "date": {"precision": "year", "start": "2024"},
            "tags": ["alpha"],
        },
        {
            "id": "years",
            "kind": "statement",
            "title": "Some years",
            "date": {"precision": "year", "start": "2020", "end": "2023"},
        },
        {
            "id": "a-month",
            "kind": "talks",
            "title": "A month",
            "date": {"precision": "month", "start": "2025-02", "approximate": True},
            "summary": "Talks went on.\n\nThen they stopped.",
            "sources": ["story", "pic", "paper"],
            "tags": ["beta", "alpha"],
        },
        {
            "id": "a-week",
            "kind": "attack",
            "title": "A week",
            "date": {"precision": "week", "start": "2025-W01"},
            "sources": ["clip"],
        },
        {
            "id": "weeks",
            "kind": "attack",
            "title": "Some weeks",
            "date": {"precision": "week", "start": "2025-W22", "end": "2025-W24"},
        },
        {
            "id": "a-day",
            "kind": "call",
            "title": "A day",
            "date": {"precision": "day", "start": "2025-06-04", "note": "on Wednesday"},
            "summary": "One line\nand another.",
            "sources": ["story", "paper"],
        },
        {
            "id": "ides",
            "kind": "attack",
            "title": "The Ides of March",
            "date": {"precision": "day", "start": "-0043-03-15"},
        },
        {
            "id": "late-republic",
            "kind": "other",
            "title": "Years before and after the turn of the eras",
            "date": {"precision": "year", "start": "-0049", "end": "0014"},
        },
        {
            "id": "from-a-day",
            "kind": "sanctions",
            "title": "From a day on",
            "date": {"precision": "day", "start": "2025-06-09", "end": ".."},
        },
        {
            "id": "a-minute",
            "kind": "attack",
            "title": "A minute",
            "date": {"precision": "minute", "start": "2025-06-01T00:50+03:00"},
            "sources": ["pic", "story"],
        },
        {
            "id": "minutes",
            "kind": "other",
            "title": "Some minutes",
            "date": {
                "precision": "minute",
                "start": "2025-05-31T23:20-05:00",
                "end": "2025-06-01T06:00Z",
            },
        },
    ],
    "quotes": [],
}


def made_up() -> Timeline:
    return Timeline.validate(copy.deepcopy(MADE_UP))


def round_trip(
    timeline: Timeline, tmp_path: Path, **kwargs: Any
) -> tuple[dict[str, Any], Timeline]:
    out = tmp_path / "timelinejs.json"
    written = write_timelinejs(timeline, out, **kwargs)
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert written == len(document["events"])
    report = import_timelinejs(out, tmp_path / "back.json")
    assert report.problems == []
    return document, load_timeline(tmp_path / "back.json")


def event_list(timeline: Timeline) -> list[Event]:
    return list(timeline.events)


def assert_same_events(original: Timeline, back: Timeline) -> None:
    """What TimelineJS holds of each event comes back (see the module's docstring)."""
    events = event_list(original)
    assert events
    assert [e.id for e in event_list(back)] == [e.id for e in events]
    sources = original.sources_by_id
    back_sources = back.sources_by_id
    for event in events:
        got = back.events_by_id[event.id]
        assert got.title == event.title, event.id
        assert got.summary == event.summary, event.id
        # The same stretch of time; a week comes back as its days.
        assert (got.date.earliest, got.date.latest) == (event.date.earliest, event.date.latest)
        wanted = Precision.DAY if event.date.precision is Precision.WEEK else event.date.precision
        assert got.date.precision is wanted, event.id
        assert not got.date.open_end, "TimelineJS has no open end: it cannot come back"
        addresses = [str(sources[s].url) for s in event.sources if url(sources[s].url)]
        back_addresses = {str(back_sources[s].url) for s in got.sources if back_sources[s].url}
        shown = any(shown_media(a) for a in addresses)
        if shown:  # credited under the media: every address comes back
            assert back_addresses == set(addresses), event.id
        else:  # no media, no credit: the headline links to the first
            assert back_addresses == set(addresses[:1]), event.id


def test_the_bundled_timeline_comes_back(tmp_path: Path) -> None:
    original = load_timeline(bundled_timeline())
    document, back = round_trip(original, tmp_path)
    assert_same_events(original, back)
    assert back.title == original.title
    assert back.description == original.description
    # The groups are the kinds' lanes, as the viewer lays them out by default.
    assert {s["group"] for s in document["events"]} >= {"Calls", "Attacks", "Talks"}
    assert back.events_by_id["call-2025-06-04"].tags == ("Calls",)


def test_made_up_timelines_come_back(tmp_path: Path) -> None:
    original = made_up()
    document, back = round_trip(original, tmp_path)
    assert_same_events(original, back)
    assert back.description == original.description
    assert [(e.title, e.date.precision, e.date.start, e.date.end) for e in back.eras] == [
        ("Spring", Precision.MONTH, "2025-03", "2025-05"),
        # A week comes back as its days, an era of one unit without an end.
        ("A week", Precision.DAY, "2025-05-26", "2025-06-01"),
        ("One day", Precision.DAY, "2025-06-04", None),
    ]
    by_id = {s["unique_id"]: s for s in document["events"]}
    assert by_id["a-minute"]["group"] == "Attacks"
    assert by_id["minutes"]["group"] == "Other"


def test_dates_as_timelinejs_writes_them() -> None:
    slides = {s["unique_id"]: s for s in timelinejs_document(made_up())["events"]}
    assert slides["a-year"]["start_date"] == {"year": 2024}
    assert "display_date" not in slides["a-year"]
    assert slides["years"]["end_date"] == {"year": 2023}
    assert slides["a-month"]["start_date"] == {"year": 2025, "month": 2}
    assert slides["a-month"]["display_date"] == "around February 2025"
    # TimelineJS has no weeks: Monday to Sunday, and the words say it is a week.
    week = slides["a-week"]
    assert week["start_date"] == {"year": 2024, "month": 12, "day": 30}
    assert week["end_date"] == {"year": 2025, "month": 1, "day": 5}
    assert week["display_date"] == "week of 30 December 2024"
    assert slides["weeks"]["end_date"] == {"year": 2025, "month": 6, "day": 15}
    # The model's note is the source's wording, not a date: not shown as one.
    assert "display_date" not in slides["a-day"]
    assert "end_date" not in slides["from-a-day"]
    assert slides["from-a-day"]["display_date"] == "from 9 June 2025 on"
    # Times in UTC (as the import reads them); the words keep the author's offset.
    minute = slides["a-minute"]
    assert minute["start_date"] == {"year": 2025, "month": 5, "day": 31, "hour": 21, "minute": 50}
    assert minute["display_date"] == "1 June 2025, 00:50 (UTC+03:00)"
    assert slides["minutes"]["start_date"] == {
        "year": 2025,
        "month": 6,
        "day": 1,
        "hour": 4,
        "minute": 20,
    }
    assert slides["minutes"]["end_date"]["hour"] == 6


def test_a_date_before_year_1_says_itself_in_words() -> None:
    # TimelineJS places -5-02-29 by JavaScript's calendar (astronomical -5, no
    # leap year): 1 March. The words it shows instead are the model's day.
    leap = FuzzyDate(precision=Precision.DAY, start="-0004-02-29")
    assert slide_dates(leap) == {
        "start_date": {"year": -5, "month": 2, "day": 29},
        "display_date": "29 February 5 BC",
    }
    across = FuzzyDate(precision=Precision.YEAR, start="-0026", end="0014")
    assert slide_dates(across)["display_date"] == "27 BC – AD 14"
    assert "display_date" not in slide_dates(FuzzyDate(precision=Precision.DAY, start="0001-01-01"))


@pytest.mark.parametrize(
    ("point", "precision", "last", "parts"),
    [
        ("-0043-03-15", Precision.DAY, False, {"year": -44, "month": 3, "day": 15}),
        ("-0043", Precision.YEAR, False, {"year": -44}),
        ("0000", Precision.YEAR, False, {"year": -1}),
        ("-0001-W52", Precision.WEEK, True, {"year": -1, "month": 1, "day": 2}),
        (
            "0001-01-01T01:00+03:00",
            Precision.MINUTE,
            False,
            {"year": -1, "month": 12, "day": 31, "hour": 22, "minute": 0},
        ),
        (
            "9999-12-31T23:59-01:00",
            Precision.MINUTE,
            False,
            {"year": 10000, "month": 1, "day": 1, "hour": 0, "minute": 59},
        ),
    ],
)
def test_years_keep_their_sign_and_calendar(
    point: str, precision: Precision, last: bool, parts: dict[str, int]
) -> None:
    # -0001-W52 ends on Sunday 0000-01-02, as 2399-W52 ends on 2400-01-02 (400 years on).
    assert tl_date(point, precision, last=last) == parts


def test_the_document_has_what_timelinejs_needs(tmp_path: Path) -> None:
    out = tmp_path / "made-up.json"
    write_timelinejs(made_up(), out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert set(document) == {"title", "events", "eras"}
    assert document["title"]["text"]["headline"] == "Made-up timeline"
    assert document["title"]["text"]["text"] == (
        "<p>First paragraph.</p><p>Second paragraph,<br>with a line break.</p>"
    )
    slides = document["events"]
    assert len(slides) == len(MADE_UP["events"])
    assert len({s["unique_id"] for s in slides}) == len(slides)
    for slide in slides:
        assert isinstance(slide["start_date"]["year"], int)
        assert all(isinstance(v, int) for v in slide["start_date"].values())
        assert slide["text"]["headline"]
        assert "url" in slide.get("media", {"url": "-"})
    for era in document["eras"]:
        assert {"start_date", "end_date", "text"} <= set(era)
        assert era["text"]["headline"]
    by_id = {s["unique_id"]: s for s in slides}
    # The first source TimelineJS can show is the media; the credit names them all.
    assert by_id["a-month"]["media"] == {
        "url": IMAGE,
        "caption": "The bridge",
        "credit": f'Sources: <a href="{ARTICLE}">Daily, The story</a>; '
        f'<a href="{IMAGE}">Agency, The bridge</a>; Archive, A paper without address',
    }
    assert by_id["a-week"]["media"]["credit"] == f'Source: <a href="{VIDEO}">The clip</a>'
    # A news article is no media TimelineJS shows: the headline links to it.
    assert "media" not in by_id["a-day"]
    assert by_id["a-day"]["text"]["headline"] == f'<a href="{ARTICLE}">A day</a>'
    assert by_id["a-day"]["text"]["text"] == "<p>One line<br>and another.</p>"
    assert "media" not in by_id["a-year"]
    assert by_id["a-year"]["text"] == {"headline": "A year"}


HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def test_text_from_data_is_never_markup(tmp_path: Path) -> None:
    data = copy.deepcopy(MADE_UP)
    data["title"] = data["description"] = HOSTILE
    data["eras"][0]["title"] = HOSTILE
    event = data["events"][2]
    event["title"] = event["summary"] = HOSTILE
    event["tags"] = [HOSTILE]
    data["sources"][0]["title"] = data["sources"][0]["publisher"] = HOSTILE
    data["sources"][2]["url"] = 'https://news.example.com/"><script>x</script>'
    # Some TimelineJS media write their address into HTML as it is: such a one is no media.
    data["sources"][1]["url"] = "https://www.youtube.com/watch?v=x'onload='alert(1)"
    data["sources"].append({"id": "js", "title": "Bad", "url": "javascript:alert(1)"})
    data["events"][5]["sources"] = ["js", "story"]
    original = Timeline.validate(data)
    out = tmp_path / "hostile.json"
    write_timelinejs(original, out, lanes=LaneChoice(LaneFacet.TAG))
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "<img" not in text
    assert 'href="javascript' not in text
    assert "&lt;script&gt;" in text
    document = json.loads(text)
    slide = document["events"][2]
    # TimelineJS shows a group's label as HTML too (TimeGroup.js: innerHTML).
    assert slide["group"] == html.escape(HOSTILE)
    assert slide["text"]["headline"].startswith("&lt;script&gt;alert(&quot;x&quot;)")
    video = next(s for s in document["events"] if s["unique_id"] == "a-week")
    assert "media" not in video
    assert video["text"]["headline"] == (
        '<a href="https://www.youtube.com/watch?v=x&#x27;onload=&#x27;alert(1)">A week</a>'
    )
    # Imported again, the text reads as it was written.
    report = import_timelinejs(out, tmp_path / "back.json")
    back = load_timeline(tmp_path / "back.json")
    assert report.problems == []
    assert back.title == HOSTILE
    assert back.events_by_id["a-month"].title == HOSTILE
    assert back.events_by_id["a-month"].summary == HOSTILE
    assert back.eras[0].title == HOSTILE
    assert_same_events(original, back)


def test_groups_follow_the_lanes_asked_for_and_a_mask_the_events(tmp_path: Path) -> None:
    original = made_up()
    mask = original.events.kind == original.events.kind[0]  # the statements
    document = timelinejs_document(original, lanes=LaneChoice(LaneFacet.TAG), mask=mask)
    assert [(s["unique_id"], s.get("group")) for s in document["events"]] == [
        ("a-year", "alpha"),
        ("years", None),  # no tag, no group
    ]
    all_tags = timelinejs_document(original, lanes=LaneChoice(LaneFacet.TAG))
    # An event in two lanes is in the first (tags by name: alpha before beta).
    assert {s["unique_id"]: s.get("group") for s in all_tags["events"]}["a-month"] == "alpha"


def test_a_failed_write_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "timelinejs.json"
    with pytest.raises(FileNotFoundError):
        write_timelinejs(made_up(), out)
    assert not out.parent.exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")
def test_the_file_is_readable_by_a_web_server_or_keeps_the_mode_it_had(tmp_path: Path) -> None:
    out = tmp_path / "timelinejs.json"
    write_timelinejs(made_up(), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # not the temporary file's 0o600
    out.chmod(0o640)
    write_timelinejs(made_up(), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.parametrize("name", ["houston.json", "women_in_computing.json"])
def test_a_timelinejs_file_imported_and_exported_comes_back_the_same(
    name: str, tmp_path: Path
) -> None:
    import_timelinejs(DATA / "timelinejs" / name, tmp_path / "first.json")
    first = load_timeline(tmp_path / "first.json")
    # Its groups became tags: lanes by tag give them back as groups.
    _document, back = round_trip(first, tmp_path, lanes=LaneChoice(LaneFacet.TAG))
    assert_same_events(first, back)
    assert [e.tags for e in back.events] == [e.tags for e in first.events]
    assert any(not e.tags for e in first.events)  # an ungrouped slide stays ungrouped
    assert [(e.title, e.date) for e in back.eras] == [(e.title, e.date) for e in first.eras]


def test_a_group_is_written_and_read_as_the_html_timelinejs_shows(tmp_path: Path) -> None:
    data = copy.deepcopy(MADE_UP)
    data["events"][0]["tags"] = ["Q&A <b>"]
    original = Timeline.validate(data)
    document, back = round_trip(original, tmp_path, lanes=LaneChoice(LaneFacet.TAG))
    # TimeGroup.js sets the label as innerHTML: written escaped, read as a browser shows it.
    assert document["events"][0]["group"] == "Q&amp;A &lt;b&gt;"
    assert back.events_by_id["a-year"].tags == ("Q&A <b>",)
