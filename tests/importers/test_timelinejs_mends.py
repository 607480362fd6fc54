"""The TimelineJS importer's mends for timelines as people write them: a media's
link, addresses written out in a credit or caption, an iframe's address, a
start and end of different precision, a title slide's headline as a list and
its media (tests/data/timelinejs/quirks.json, and TimelineJS2 the same)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import REPO
from viewer.domain.dates import Precision
from viewer.domain.model import Source
from viewer.domain.timeline import Timeline
from viewer.importers.common import ImportReport
from viewer.importers.html_text import iframe_source
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.persistence.model_file import load_timeline

QUIRKS = REPO / "tests" / "data" / "timelinejs" / "quirks.json"


def run(src: Path, tmp_path: Path) -> tuple[ImportReport, Timeline]:
    out = tmp_path / "out.json"
    report = import_timelinejs(src, out)
    return report, load_timeline(out)


def cited(timeline: Timeline, event_id: str) -> list[Source]:
    sources = timeline.sources_by_id
    return [sources[s] for s in timeline.events_by_id[event_id].sources]


def test_a_media_link_is_a_source_with_its_address(tmp_path: Path) -> None:
    _, timeline = run(QUIRKS, tmp_path)
    urls = [source.url for source in cited(timeline, "event-1")]
    assert urls[0] == "https://example.org/notice.png"  # the media itself
    assert "https://example.org/consultation" in urls  # where a click on it leads


def test_addresses_written_out_in_a_caption_or_credit_are_sources(tmp_path: Path) -> None:
    _, timeline = run(QUIRKS, tmp_path)
    notice = cited(timeline, "event-1")
    urls = [source.url for source in notice]
    # "(see https://example.org/notice.pdf)." ends before ")."; a credit that is an address.
    assert urls[1:3] == ["https://example.org/notice.pdf", "https://example.org/press"]
    assert [(s.title, s.publisher) for s in notice[1:3]] == [
        ("example.org/notice.pdf", "example.org"),
        ("example.org/press", "example.org"),
    ]
    # A credit that is only an address names no publisher.
    assert notice[0].publisher is None
    # "www." written out is linked as TimelineJS links it: http.
    assert "http://www.example.net/photographer" in [s.url for s in timeline.sources]


def test_an_iframes_address_is_kept_as_plain_text(tmp_path: Path) -> None:
    _, timeline = run(QUIRKS, tmp_path)
    [video] = cited(timeline, "event-2")
    assert video.title == "The hearing, recorded"
    # Protocol-relative, read as https; "&amp;" decoded as a browser decodes it.
    assert video.url == "https://www.youtube-nocookie.com/embed/abc?start=10&rel=0"
    assert not any("<" in (s.url or "") + s.title for s in timeline.sources)
    assert iframe_source('<p>x</p><IFRAME SRC="a.html"/>') == "a.html"
    assert iframe_source("<iframes src='x'>") is None
    assert iframe_source("<iframe>") is None


def test_a_finer_start_or_end_is_kept_and_the_note_says_so(tmp_path: Path) -> None:
    report, timeline = run(QUIRKS, tmp_path)
    events = timeline.events_by_id
    # A day to a deadline at 23:59: not turned into a day.
    deadline = events["event-1"].date
    assert (deadline.precision, deadline.start, deadline.end, deadline.note) == (
        Precision.MINUTE,
        "2024-03-01T00:00+00:00",
        "2024-03-15T23:59+00:00",
        "start given only as a day",
    )
    # 10:30 to a day: the start kept, the end to that day's last minute, after the display date.
    hearing = events["event-2"].date
    assert (hearing.precision, hearing.start, hearing.end, hearing.note) == (
        Precision.MINUTE,
        "2024-05-06T10:30+00:00",
        "2024-05-08T23:59+00:00",
        "6 to 8 May (end given only as a day)",
    )
    review = events["event-3"].date
    assert (review.precision, review.start, review.end, review.note) == (
        Precision.MONTH,
        "2024-09",
        "2025-12",
        "end given only as a year",
    )
    assert any(note.startswith("3 dates start and end at different") for note in report.notes)


def test_an_end_within_the_finer_start_is_left_out_without_a_note(tmp_path: Path) -> None:
    document = {
        "events": [
            {
                "start_date": {"year": 2024, "month": 5, "day": 6, "hour": 23, "minute": 59},
                "end_date": {"year": 2024, "month": 5, "day": 6},
                "text": {"headline": "Late"},
            }
        ]
    }
    src = tmp_path / "late.json"
    src.write_text(json.dumps(document), encoding="utf-8")
    _, timeline = run(src, tmp_path)
    date = timeline.events[0].date
    assert (date.start, date.end, date.note) == ("2024-05-06T23:59+00:00", None, None)


def test_a_title_headline_given_as_a_list_is_read_and_its_media_kept(tmp_path: Path) -> None:
    report, timeline = run(QUIRKS, tmp_path)
    assert timeline.title == "A year of deadlines"
    assert timeline.description == "Written for this project."
    cover = timeline.sources_by_id["media-title"]
    assert (cover.title, cover.publisher, cover.url) == (
        "The cover",
        "Photo: www.example.net/photographer",
        "https://example.org/cover.jpg",
    )
    assert not any(cover.id in event.sources for event in timeline.events)
    assert report.problems == []


def test_timelinejs2_assets_get_the_same_mends(tmp_path: Path) -> None:
    document: dict[str, Any] = {
        "timeline": {
            "headline": ["Hearings"],
            "asset": {"media": "https://example.org/title.jpg", "caption": "Title picture"},
            "date": [
                {
                    "startDate": "2024,5,6,10,30",
                    "endDate": "2024,5,8",
                    "headline": "The hearing",
                    "asset": {
                        "media": "<iframe src='https://player.example.org/v/1'></iframe>",
                        "credit": "www.example.org/archive",
                        "caption": "Recorded; more at https://example.org/hearings.",
                    },
                }
            ],
        }
    }
    src = tmp_path / "storyjs.json"
    src.write_text(json.dumps(document), encoding="utf-8")
    report, timeline = run(src, tmp_path)
    assert timeline.title == "Hearings"
    assert timeline.sources_by_id["media-title"].url == "https://example.org/title.jpg"
    urls = [source.url for source in cited(timeline, "event-1")]
    assert urls == [
        "https://player.example.org/v/1",
        "https://example.org/hearings",
        "http://www.example.org/archive",
    ]
    date = timeline.events[0].date
    assert (date.end, date.note) == ("2024-05-08T23:59+00:00", "end given only as a day")
    assert report.problems == []


def test_an_address_that_is_a_links_own_text_is_no_second_source(tmp_path: Path) -> None:
    # As the TimelineJS export writes a credit: the link's text names the site.
    slide = {
        "unique_id": "credited",
        "start_date": {"year": 2025},
        "text": {"headline": "Credited"},
        "media": {
            "url": "https://example.org/a.png",
            "credit": 'Sources: <a href="https://example.org/story">www.example.org, '
            "The story</a>; see www.example.net/more",
        },
    }
    src = tmp_path / "credited.json"
    src.write_text(json.dumps({"events": [slide]}), encoding="utf-8")
    _, timeline = run(src, tmp_path)
    urls = [source.url for source in cited(timeline, "credited")]
    assert urls == [
        "https://example.org/a.png",
        "https://example.org/story",
        "http://www.example.net/more",  # written out beside the link: still a source
    ]


def test_a_cosmological_timeline_keeps_the_years_the_model_holds(tmp_path: Path) -> None:
    # As TimelineJS3's own cosmo.json mixes them: billions of years ago, 3500 BC, AD.
    def slide(year: str, headline: str) -> dict[str, Any]:
        return {"start_date": {"year": year}, "text": {"headline": headline}}

    document = {
        "scale": "cosmological",
        "events": [
            slide("-13800000000", "The Big Bang"),
            slide("-315000", "Homo sapiens"),
            slide("-3500", "The oldest wheeled vehicle"),
            slide("-44", "The Ides of March"),
            slide("1969", "The Moon"),
        ],
    }
    src = tmp_path / "cosmo.json"
    src.write_text(json.dumps(document), encoding="utf-8")
    report, timeline = run(src, tmp_path)
    kept = [(e.title, e.date.start) for e in timeline.events]
    assert kept == [
        ("The oldest wheeled vehicle", "-3499"),
        ("The Ides of March", "-0043"),
        ("The Moon", "1969"),
    ]
    assert [p.where for p in report.problems] == [
        "events[0].start_date.year",
        "events[1].start_date.year",
    ]
    assert any("years before 10000 BC cannot be held" in note for note in report.notes)
    # Written in the format that holds years before 1, so an older app says it is newer.
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert written["schema_version"] == 5


def test_an_import_with_no_year_before_1_keeps_the_older_format(tmp_path: Path) -> None:
    _, _timeline = run(QUIRKS, tmp_path)
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert written["schema_version"] == 3
