"""TimelineJS JSON in, model files out: the two fixtures, variants of them built
here, broken files, and the HTML-to-text reading the slides need (no Qt)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from viewer.domain.dates import Precision
from viewer.domain.describe import describe_date
from viewer.domain.progress import LoadCancelled
from viewer.domain.timeline import Timeline
from viewer.importers.common import ImportFailed, ImportReport
from viewer.importers.html_text import html_to_text, read_html
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.persistence.model_file import load_timeline

DATA = REPO / "tests" / "data" / "timelinejs"
HOUSTON = DATA / "houston.json"
WOMEN = DATA / "women_in_computing.json"

#: What must not survive in a title or summary read from HTML.
_TAG = re.compile(r"<[A-Za-z]|</")
_ENTITY = re.compile(r"&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def original(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def write(tmp_path: Path, document: Any, stem: str = "variant") -> Path:
    path = tmp_path / f"{stem}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def run(src: Path, tmp_path: Path, **kwargs: Any) -> tuple[ImportReport, Timeline, dict[str, Any]]:
    out = tmp_path / "out.json"
    report = import_timelinejs(src, out, **kwargs)
    written: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report, load_timeline(out), written


def failure(src: Path, tmp_path: Path) -> str:
    out = tmp_path / "out.json"
    with pytest.raises(ImportFailed) as failed:
        import_timelinejs(src, out)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []
    return str(failed.value)


# -- the fixtures


def test_houston_imports_all_its_events(tmp_path: Path) -> None:
    assert len(original(HOUSTON)["events"]) == 18  # as tests/data/README.md says
    report, timeline, written = run(HOUSTON, tmp_path)
    assert report.events == 18
    assert len(timeline.events) == 18
    assert report.skipped == 0
    assert report.problems == []
    assert timeline.id == "houston"
    assert timeline.title == "Whitney Houston 1963 - 2012"  # "<br/>" read as a break
    assert timeline.language == "und"  # TimelineJS names none: undetermined, not English
    assert timeline.description.startswith("Houston's voice caught the imagination")
    assert report.sources == len(written["sources"]) == len(timeline.sources)
    assert any("language" in note and '"und"' in note for note in report.notes)
    assert any('"other"' in note for note in report.notes)


def test_houston_dates_keep_their_precision(tmp_path: Path) -> None:
    _, timeline, _ = run(HOUSTON, tmp_path)
    events = timeline.events_by_id
    born = events["event-1"]  # {"month": "8", "day": "9", "year": "1963"}: strings
    assert born.title == "A Musical Heritage"
    assert (born.date.precision, born.date.start, born.date.end) == (
        Precision.DAY,
        "1963-08-09",
        None,
    )
    first = events["event-2"]  # {"year": "1978"}: a year stays a year
    assert first.title == "First Recording"
    assert (first.date.precision, first.date.start) == (Precision.YEAR, "1978")
    died = events["event-18"]
    assert died.title == "Whitney Houston 1963-2012"
    assert (died.date.precision, died.date.start) == (Precision.DAY, "2012-02-11")
    assert all(event.kind == "other" for event in events.values())
    assert all(not event.tags for event in events.values())


def test_houston_media_are_sources_with_their_credits(tmp_path: Path) -> None:
    _, timeline, _ = run(HOUSTON, tmp_path)
    sources = timeline.sources_by_id
    events = timeline.events_by_id
    # A YouTube video: the caption is the title, the credit the publisher.
    early = [sources[s] for s in events["event-3"].sources]
    assert [(s.title, s.publisher, s.url) for s in early] == [
        (
            "A young poised Whitney Houston in an interview with EbonyJet.",
            "EbonyJet",
            "https://youtu.be/_gvJCCZzmro",
        )
    ]
    # A credit written as a link: its text the publisher, the link a source of its own.
    grammys = [sources[s] for s in events["event-7"].sources]
    assert grammys[0].publisher == "The Recording Academy"
    assert grammys[0].url == "https://youtu.be/v0XuiMX1XHg"
    assert ("The Recording Academy", "http://grammy.org") in [(s.title, s.url) for s in grammys]
    # An image path on TimelineJS's own site is no web address: caption and credit stay.
    family = sources[events["event-1"].sources[0]]
    assert family.url is None
    assert family.title.startswith("Houston's mother and Gospel singer")
    assert family.publisher is not None
    assert "Tom Marcello" in family.publisher
    # "//twitter.com/...": protocol-relative, read as https.
    last = sources[events["event-18"].sources[0]]
    assert last.url == "https://twitter.com/Blavity/status/851872780949889024"
    # A slide without media cites nothing.
    assert events["event-10"].sources == ()
    assert timeline.sources
    for source in timeline.sources:
        assert not _TAG.search(source.title)
        assert not _TAG.search(source.publisher or "")


@pytest.mark.parametrize("fixture", [HOUSTON, WOMEN])
def test_no_markup_survives_in_titles_or_summaries(fixture: Path, tmp_path: Path) -> None:
    raw = fixture.read_text(encoding="utf-8")
    assert "<p>" in raw
    assert "<a " in raw
    _, timeline, _ = run(fixture, tmp_path)
    texts = [timeline.title, timeline.description]
    for event in timeline.events_by_id.values():
        texts += [event.title, event.summary]
    for text in texts:
        assert not _TAG.search(text), text
        assert not _ENTITY.search(text), text


def test_houston_paragraphs_are_kept(tmp_path: Path) -> None:
    _, timeline, _ = run(HOUSTON, tmp_path)
    married = timeline.events_by_id["event-13"]
    assert married.title == "Married Life"
    first, second = married.summary.split("\n\n")
    assert first.startswith("After three years of courtship")
    assert second.startswith("In 2003 Brown was charged")
    early = timeline.events_by_id["event-3"].summary
    assert "remade for the Bodyguard soundtrack" in early  # "<i>" gone, its text kept


def test_women_in_computing_end_dates(tmp_path: Path) -> None:
    report, timeline, _ = run(WOMEN, tmp_path)
    assert report.events == len(timeline.events) == 10
    assert timeline.title == "Women in Computing"
    assert timeline.id == "women_in_computing"
    events = timeline.events_by_id
    ada = events["event-1"]
    assert ada.title == "Ada Lovelace"
    assert (ada.date.precision, ada.date.start, ada.date.end) == (
        Precision.DAY,
        "1815-12-10",
        "1852-11-27",
    )
    # Start 1943-07 (a month), end 1946 (a year): the finer month is kept, the
    # end runs to the year's last month, and the date's note says so.
    eniac = events["event-3"]
    assert (eniac.date.precision, eniac.date.start, eniac.date.end) == (
        Precision.MONTH,
        "1943-07",
        "1946-12",
    )
    assert eniac.date.note == "end given only as a year"
    assert any("finer" in note for note in report.notes)
    mercury = events["event-7"]
    assert (mercury.date.precision, mercury.date.start, mercury.date.end) == (
        Precision.YEAR,
        "1956",
        "1962",
    )
    # Empty strings are parts not given: "1951", "", "" is a year.
    peter = events["event-5"]
    assert peter.title == "Rózsa Péter writes recursion"
    assert (peter.date.precision, peter.date.start, peter.date.end) == (
        Precision.YEAR,
        "1951",
        None,
    )


def test_women_in_computing_media_and_links(tmp_path: Path) -> None:
    _, timeline, _ = run(WOMEN, tmp_path)
    sources = timeline.sources_by_id
    events = timeline.events_by_id
    ada = [sources[s] for s in events["event-1"].sources]
    media = ada[0]
    assert media.title == "Portrait by Alfred Edward Chalon"  # the caption, as plain text
    assert media.publisher == "Wikimedia Commons"  # the credit
    assert media.url is not None
    assert media.url.endswith("713px-Ada_Lovelace_portrait.jpg")
    linked = {s.url: s.title for s in ada[1:]}
    assert linked["https://en.wikipedia.org/wiki/Ada_Lovelace"] == "Ada Lovelace"
    assert (
        linked["https://en.wikipedia.org/wiki/Analytical_Engine"]
        == "Charles Babbage's Analytical Engine"
    )
    eniac = [sources[s] for s in events["event-3"].sources]
    assert eniac[0].publisher == "Computer History Museum"  # a credit written as a link
    # Media given as HTML (a blockquote): no source, its text goes to the summary.
    clarke = events["event-2"]
    assert clarke.sources == ()
    assert clarke.summary.startswith("There is no demand for women engineers")
    assert "<" not in clarke.summary


def test_women_in_computing_groups_are_empty_so_no_tags(tmp_path: Path) -> None:
    # The fixture has "group": "" on every slide: no tags, no note about groups.
    assert {slide["group"] for slide in original(WOMEN)["events"]} == {""}
    report, timeline, _ = run(WOMEN, tmp_path)
    assert all(not event.tags for event in timeline.events_by_id.values())
    assert not any("group" in note for note in report.notes)


def test_groups_become_tags(tmp_path: Path) -> None:
    document = original(WOMEN)
    for i, slide in enumerate(document["events"]):
        slide["group"] = "Pioneers" if i < 5 else "Later work"
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    events = timeline.events_by_id
    assert events["event-1"].tags == ("Pioneers",)
    assert events["event-10"].tags == ("Later work",)
    assert any("groups became tags" in note and "Pioneers" in note for note in report.notes)


def test_the_written_file_has_the_model_format(tmp_path: Path) -> None:
    _, _, written = run(WOMEN, tmp_path)
    assert written["schema_version"] == 3
    assert written["actors"] == []
    assert written["eras"] == []
    first = written["events"][0]
    assert first["kind"] == "other"
    assert first["date"] == {"precision": "day", "start": "1815-12-10", "end": "1852-11-27"}
    cited = {source_id for event in written["events"] for source_id in event.get("sources", [])}
    assert cited == {source["id"] for source in written["sources"]}


def test_id_and_title_can_be_given(tmp_path: Path) -> None:
    _, timeline, _ = run(HOUSTON, tmp_path, timeline_id="mine", title="<b>Houston</b> &amp; co")
    assert timeline.id == "mine"
    assert timeline.title == "<b>Houston</b> &amp; co"  # what was typed, as text


# -- variants built from the originals


def test_dates_with_times_seconds_and_display_dates(tmp_path: Path) -> None:
    document = original(HOUSTON)
    slides = document["events"]
    slides[0]["start_date"] = {"year": 2012, "month": 3, "day": 4, "hour": 13}
    slides[1]["start_date"] = {"year": "2012", "month": "3", "day": "4", "hour": "9", "minute": 5}
    slides[1]["start_date"]["second"] = "30"
    slides[2]["display_date"] = "Spring <i>1978</i>"
    slides[3]["start_date"]["display_date"] = "about 1978"
    slides[3]["end_date"] = {"year": "1980", "display_date": "1980"}
    slides[4]["end_date"] = {"year": "1983"}  # the same as the start: no end
    slides[5]["start_date"] = {"year": "1985", "day": "3"}  # a day without its month
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    events = timeline.events_by_id
    assert (events["event-1"].date.precision, events["event-1"].date.start) == (
        Precision.MINUTE,
        "2012-03-04T13:00+00:00",
    )
    assert events["event-2"].date.start == "2012-03-04T09:05+00:00"
    assert events["event-3"].date.note == "Spring 1978"
    assert events["event-4"].date.note == "about 1978 – 1980"
    assert events["event-4"].date.end == "1980"
    assert events["event-5"].date.end is None
    assert (events["event-6"].date.precision, events["event-6"].date.start) == (
        Precision.YEAR,
        "1985",
    )
    assert report.skipped == 0
    notes = " ".join(report.notes)
    assert "UTC" in notes
    assert "seconds" in notes
    assert "a day without a month" in notes


def test_an_end_before_the_start_is_left_out_and_the_event_kept(tmp_path: Path) -> None:
    document = original(HOUSTON)
    document["events"][2]["end_date"] = {"year": "1970"}
    document["events"][3]["end_date"] = {"year": "1979", "month": "14"}
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    assert report.events == 18
    assert timeline.events_by_id["event-3"].date.end is None
    assert timeline.events_by_id["event-4"].date.end is None
    where = [problem.where for problem in report.problems]
    assert where == ["events[2].end_date", "events[3].end_date.month"]
    assert "ends before it starts" in str(report.problems[0])


def test_a_year_the_model_cannot_hold_leaves_that_slide_out(tmp_path: Path) -> None:
    document = original(HOUSTON)
    document["events"][4]["start_date"] = {"year": "-20000"}
    document["events"][6]["start_date"] = {"year": 12000}
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    assert report.events == len(timeline.events) == 16
    assert report.skipped == 2
    first, second = report.problems
    assert first.where == "events[4].start_date.year"
    assert first.message == (
        "the year -20000 cannot be held: the model's years run from 10000 BC "
        "(in TimelineJS -10000) to 9999; the slide is left out"
    )
    assert second.where == "events[6].start_date.year"
    assert "12000" in second.message
    assert "Signed" not in {event.title for event in timeline.events_by_id.values()}


def test_years_before_the_common_era_are_imported_as_timelinejs_shows_them(
    tmp_path: Path,
) -> None:
    """TimelineJS shows ``year: -44`` as "44 BCE": that is 44 BC, astronomical -0043."""
    document = {
        "events": [
            {
                "start_date": {"year": -44, "month": 3, "day": 15},
                "text": {"headline": "The Ides of March"},
            },
            {"start_date": {"year": "-45", "month": 2, "day": 29}, "text": {"headline": "Leap"}},
            {"start_date": {"year": -1}, "end_date": {"year": 14}, "text": {"headline": "Turn"}},
            {"start_date": {"year": -10000}, "text": {"headline": "First"}},
        ]
    }
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    assert report.problems == []
    dates = {event.title: event.date for event in timeline.events_by_id.values()}
    assert dates["The Ides of March"].start == "-0043-03-15"
    assert dates["Leap"].start == "-0044-02-29"  # 45 BC was a leap year (proleptic Gregorian)
    assert (dates["Turn"].start, dates["Turn"].end) == ("0000", "0014")
    assert dates["First"].start == "-9999"
    assert describe_date(dates["The Ides of March"]) == "15 March 44 BC"


def test_a_string_start_date_is_a_problem_with_its_path(tmp_path: Path) -> None:
    document = original(HOUSTON)
    document["events"][2]["start_date"] = "1978"
    del document["events"][5]["start_date"]
    document["events"][7] = "not a slide"
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    assert len(timeline.events) == 15
    assert [str(p) for p in report.problems] == [
        "events[2].start_date: expected an object, found a string; the slide is left out",
        "events[5].start_date: missing: a start date with a year is needed; the slide is left out",
        "events[7]: expected an object, found a string; the slide is left out",
    ]


def test_wrong_fields_are_left_out_and_the_event_kept(tmp_path: Path) -> None:
    document = original(WOMEN)
    document["events"][0]["media"] = "a picture"
    document["events"][1]["text"]["headline"] = [{"not": "text"}]
    document["events"][2]["group"] = {"a": 1}
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    assert len(timeline.events) == 10
    assert [p.where for p in report.problems] == [
        "events[0].media",
        "events[1].text.headline",
        "events[2].group",
    ]
    # No headline: titled with the first words of the text (here the media's quote).
    assert timeline.events_by_id["event-2"].title.startswith("There is no demand for women")


def test_unique_ids_become_event_ids(tmp_path: Path) -> None:
    document = original(HOUSTON)
    document["events"][0]["unique_id"] = "born"
    document["events"][1]["unique_id"] = "born"
    document["events"][2]["unique_id"] = "Première écoute!"
    _, timeline, _ = run(write(tmp_path, document), tmp_path)
    ids = list(timeline.events_by_id)
    assert ids[:4] == ["born", "born-2", "Premiere-ecoute", "event-4"]


def test_untitled_events(tmp_path: Path) -> None:
    document = original(HOUSTON)
    document["events"][0]["text"] = {"headline": "", "text": "<p>" + "word " * 30 + "</p>"}
    document["events"][9]["text"] = {"headline": "<br>", "text": ""}
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    events = timeline.events_by_id
    assert events["event-1"].title == " ".join(["word"] * 12) + "…"
    assert events["event-10"].title == "Untitled event 10"
    notes = " ".join(report.notes)
    assert "1 event has no headline" in notes
    assert "Untitled event N" in notes


def test_eras(tmp_path: Path) -> None:
    document = original(HOUSTON)
    document["eras"] = [
        {
            "start_date": {"year": "1985"},
            "end_date": {"year": "1992"},
            "text": {"headline": "The <i>Arista</i> years"},
        },
        {"start_date": {"year": "1992", "month": "7"}, "end_date": {"year": "2007"}},
        {"start_date": {"year": "2010"}, "end_date": {"year": "2005"}, "text": {"headline": "x"}},
        {"start_date": "1990"},
    ]
    report, timeline, _ = run(write(tmp_path, document), tmp_path)
    assert report.eras == len(timeline.eras) == 2
    arista, married = timeline.eras
    assert arista.title == "The Arista years"
    assert (arista.date.precision, arista.date.start, arista.date.end) == (
        Precision.YEAR,
        "1985",
        "1992",
    )
    assert married.title == "Era 2"  # a month to a year: the month kept, to the year's end
    assert (married.date.start, married.date.end) == ("1992-07", "2007-12")
    assert [p.where for p in report.problems] == ["eras[2].end_date", "eras[3].start_date"]


def test_long_texts_are_cut_to_the_models_limits(tmp_path: Path) -> None:
    document = original(HOUSTON)
    document["events"][0]["text"] = {"headline": "H" * 2_000, "text": "<p>" + "x" * 50_000}
    document["events"][0]["display_date"] = "d" * 2_000
    document["events"][0]["media"]["credit"] = "c" * 1_000
    document["events"][1]["group"] = "g" * 500
    document["title"]["text"]["headline"] = "T" * 1_000
    report, timeline, _ = run(write(tmp_path, document), tmp_path)  # it validates
    event = timeline.events_by_id["event-1"]
    assert len(event.title) == 500
    assert event.title.endswith("…")
    assert len(event.summary) == 20_000
    assert event.date.note is not None
    assert len(event.date.note) == 500
    assert len(timeline.title) == 500
    assert len(timeline.events_by_id["event-2"].tags[0]) == 100
    assert report.events == 18


# -- files that are not TimelineJS timelines


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    text = HOUSTON.read_text(encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text(text[:500], encoding="utf-8")
    message = failure(broken, tmp_path)
    assert message.startswith("not valid JSON:")
    assert re.search(r"line \d+, column \d+", message)


def test_a_file_that_is_not_utf8_or_is_empty(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"events": [], "title": "Café"}'.encode("latin-1"))
    assert "not UTF-8" in failure(latin, tmp_path)
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"  \n")
    assert failure(empty, tmp_path) == "the file is empty"


def test_a_top_level_list_is_not_a_timeline(tmp_path: Path) -> None:
    message = failure(write(tmp_path, original(HOUSTON)["events"]), tmp_path)
    assert "expected an object" in message
    assert "found a list" in message


def test_a_file_without_events(tmp_path: Path) -> None:
    document = original(HOUSTON)
    del document["events"]
    assert failure(write(tmp_path, document), tmp_path).startswith("events: missing")
    document["events"] = {"0": {}}
    assert failure(write(tmp_path, document), tmp_path) == (
        "events: expected a list of slides, found an object"
    )
    document["events"] = []
    assert failure(write(tmp_path, document), tmp_path) == "events: the file has no events"


def test_a_file_whose_events_cannot_be_read(tmp_path: Path) -> None:
    document = original(HOUSTON)
    for slide in document["events"]:
        slide["start_date"] = {"year": "-2" + slide["start_date"]["year"]}  # before 10000 BC
    document["events"][0]["start_date"] = "1963"
    message = failure(write(tmp_path, document), tmp_path)
    assert message.startswith(
        "events: none of its 18 events could be read: first problem "
        "events[0].start_date: expected an object, found a string"
    )


def test_a_missing_file(tmp_path: Path) -> None:
    assert "cannot be read" in failure(tmp_path / "nope.json", tmp_path)


def test_an_existing_output_is_left_alone_when_the_import_fails(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("before", encoding="utf-8")
    document = original(HOUSTON)
    document["events"] = []
    with pytest.raises(ImportFailed):
        import_timelinejs(write(tmp_path, document), out)
    assert out.read_text(encoding="utf-8") == "before"


# -- progress and cancelling


def test_progress_is_told_and_a_cancel_leaves_nothing(tmp_path: Path) -> None:
    heard: list[float] = []
    out = tmp_path / "out.json"
    import_timelinejs(HOUSTON, out, progress=heard.append)
    assert heard[0] == 0.0
    assert heard[-1] == 1.0
    assert heard == sorted(heard)
    assert len(heard) >= 18

    def stop_halfway(done: float) -> None:
        if done >= 0.5:
            raise LoadCancelled

    cancelled = tmp_path / "cancelled.json"
    with pytest.raises(LoadCancelled):
        import_timelinejs(HOUSTON, cancelled, progress=stop_halfway)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


# -- HTML as text


def test_html_paragraphs_breaks_and_lists() -> None:
    text, links = html_to_text(
        "<p>One</p><p>Two<br>lines</p><ul><li>a</li><li>b</li></ul><ol><li>x<li>y</ol>end"
    )
    assert text == "One\n\nTwo\nlines\n\n• a\n• b\n\n1. x\n2. y\n\nend"
    assert links == []
    assert html_to_text("<div>a</div><div>b</div>")[0] == "a\nb"
    assert html_to_text("  lots   of\n\n space  ")[0] == "lots of space"
    assert html_to_text("<b>bold</b> and <i>it</i>alic")[0] == "bold and italic"


def test_html_script_and_style_are_dropped() -> None:
    html = "a<script>alert('<b>x</b>')</script>b<style>p { color: red }</style>c"
    assert html_to_text(html)[0] == "abc"
    assert html_to_text("x<script>never closed <p>y</p>")[0] == "x"
    assert html_to_text("<template><p>hidden</p></template>shown")[0] == "shown"


def test_html_entities_are_decoded_once() -> None:
    assert html_to_text("Tom &amp; Jerry &eacute;t&#233; &#x41;")[0] == "Tom & Jerry été A"
    # What a browser shows: "&amp;lt;" is the text "&lt;", not a tag.
    assert html_to_text("&amp;lt;b&amp;gt;")[0] == "&lt;b&gt;"
    assert html_to_text("&lt;b&gt; is bold")[0] == "<b> is bold"
    assert html_to_text("a&nbsp;b")[0] == "a\xa0b"  # a no-break space is kept


def test_html_links_are_collected_in_order_once() -> None:
    html = (
        '<a href="https://b.example/x?a=1&amp;b=2">B</a> <a href="http://a.example">A</a> '
        '<a href="https://b.example/x?a=1&amp;b=2">B again</a> <a href="#top">top</a> <a>no</a>'
    )
    text, links = html_to_text(html)
    assert text == "B A B again top no"
    assert links == ["https://b.example/x?a=1&b=2", "http://a.example"]
    assert [link.text for link in read_html(html).links] == ["B", "A"]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("a <b", "a"),
        ("x<b class='y", "x"),
        ("<p>a</p", "a"),
        ("<!-- open comment", ""),
        ("a < b and a <3 b", "a < b and a <3 b"),
        ("<b>x</i>y", "xy"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("</p>stray end", "stray end"),
        ("<![CDATA[x]]>y<!doctype html>z<?pi?>", "yz"),
        ("", ""),
    ],
)
def test_broken_html_is_read_as_a_browser_would(html: str, text: str) -> None:
    assert html_to_text(html)[0] == text


def test_markup_that_never_closes_shows_nothing_as_a_browser_shows_it() -> None:
    # "</" that starts no end tag, with no ">" after it, opens a comment to the end.
    assert html_to_text("<p>ok</ b")[0] == "ok"
    assert html_to_text("x <3 y </")[0] == "x <3 y </"  # at the very end: shown as it is
    assert html_to_text("a </ b\nc")[0] == "a"
    assert html_to_text("a < b")[0] == "a < b"
    # Pathological input (what made html.parser search the rest at every "</"):
    # all of it is an unclosed comment, so nothing of it is text.
    assert html_to_text("<p>Headline</p>" + "</" * 100_000)[0] == "Headline"
