"""A model file's text holds no control character: refused with its path, the
same by the fast load and the exact one, said in the schema, never written by
an importer. Long text may break its lines with LF, CR LF or CR (kept as LF)."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, JsonPath, dump, path_name, set_at
from viewer.domain import fast_load
from viewer.domain.model import TimelineModel
from viewer.domain.text import CONTROL_FREE_LONG_PATTERN, CONTROL_FREE_PATTERN
from viewer.domain.timeline import Timeline
from viewer.importers import output_check
from viewer.importers.acled.convert import import_acled
from viewer.importers.output_check import OutputCheck
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.persistence.model_file import ModelFileError, load_timeline, parse_timeline

#: Every text of a model file, and whether it is long text (tabs and line breaks allowed:
#: LF, and CR as a file written on Windows has it).
TEXTS: list[tuple[JsonPath, bool]] = [
    (("title",), False),
    (("description",), True),
    (("sources", 0, "title"), False),
    (("sources", 0, "publisher"), False),
    (("sources", 0, "url"), False),
    (("sources", 0, "published", "note"), False),
    (("actors", 0, "name"), False),
    (("actors", 0, "role"), False),
    (("actors", 0, "affiliation"), False),
    (("events", 0, "title"), False),
    (("events", 0, "summary"), True),
    (("events", 0, "places", 0), False),
    (("events", 0, "tags", 0), False),
    (("events", 0, "date", "note"), False),
    (("events", 0, "claims", 0, "text"), True),
    (("eras", 0, "title"), False),
    (("quotes", 0, "text"), True),
    (("quotes", 0, "translation", "text"), True),
]

#: ESC, BEL, NUL, backspace, vertical tab, form feed, DEL, C1 CSI and NEL (CR: a
#: line break, see test_tabs_and_line_breaks_only_in_long_text).
CONTROLS = ["\x1b", "\x07", "\x00", "\x08", "\x0b", "\x0c", "\x7f", "\x9b", "\x85"]
#: Line breaks and tab: text in long text, refused in one-line text.
BREAKS = {"newline": "\n", "tab": "\t", "CR LF": "\r\n", "CR": "\r"}


def _filled(minimal: dict[str, Any]) -> dict[str, Any]:
    """The minimal model with every optional text present."""
    minimal["schema_version"] = 3
    minimal["description"] = "Worum es geht"
    minimal["sources"][0].update(
        publisher="Tagesschau",
        url="https://www.tagesschau.de/",
        published={"precision": "day", "start": "2025-06-05", "note": "Donnerstag"},
    )
    minimal["actors"][0].update(role="Präsidentin", affiliation="Bland")
    event = minimal["events"][0]
    event.update(summary="Was geschah", places=["Kyjiw"], tags=["Gespräch"])
    event["date"]["note"] = "am Mittwoch"
    event["claims"] = [
        {"by": minimal["actors"][0]["id"], "text": "Es geschah", "verification": "confirmed"}
    ]
    minimal["eras"] = [{"title": "Sommer", "date": {"precision": "year", "start": "2025"}}]
    minimal["quotes"][0]["translation"] = {"language": "en", "text": "A good talk."}
    return minimal


def test_the_filled_model_loads_both_ways(minimal: dict[str, Any]) -> None:
    raw = dump(_filled(minimal))
    assert fast_load.build(raw) is not None
    parse_timeline(raw)
    TimelineModel.model_validate_json(raw)


@pytest.mark.parametrize(("path", "long"), TEXTS, ids=[path_name(p) for p, _ in TEXTS])
@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_a_control_character_is_refused_with_its_path(
    minimal: dict[str, Any], path: JsonPath, long: bool, char: str
) -> None:
    data = _filled(minimal)
    set_at(data, path, f"https://a.example/{char}x" if path[-1] == "url" else f"ab{char}c")
    for raw in (dump(data), json.dumps(data).encode()):  # raw UTF-8, and as \u escapes
        assert fast_load.build(raw) is None, "the fast load must not vouch for it"
        with pytest.raises(ModelFileError) as caught:
            parse_timeline(raw)
        [problem] = caught.value.problems
        assert problem.path == path_name(path)
        assert f"holds a control character (U+{ord(char):04X}) at character" in problem.message


@pytest.mark.parametrize(("path", "long"), TEXTS, ids=[path_name(p) for p, _ in TEXTS])
@pytest.mark.parametrize("char", BREAKS.values(), ids=list(BREAKS))
def test_tabs_and_line_breaks_only_in_long_text(
    minimal: dict[str, Any], path: JsonPath, long: bool, char: str
) -> None:
    data = _filled(minimal)
    set_at(data, path, f"https://a.example/{char}x" if path[-1] == "url" else f"ab{char}c")
    raw = dump(data)
    if long:
        assert fast_load.build(raw) is not None
        parse_timeline(raw)
    else:
        assert fast_load.build(raw) is None
        with pytest.raises(ModelFileError) as caught:
            parse_timeline(raw)
        assert [p.path for p in caught.value.problems] == [path_name(path)]
        [problem] = caught.value.problems
        assert f"holds a control character (U+{ord(char[0]):04X}) at" in problem.message


def _with_breaks(minimal: dict[str, Any], newline: str) -> dict[str, Any]:
    """The filled model with lines broken by ``newline`` in every kind of long text."""
    data = _filled(minimal)
    data["description"] = newline.join(["Worum es geht", "", "und wie"])
    event = data["events"][0]
    event["summary"] = newline.join(["Erste Zeile", "zweite Zeile", "", "dritte"])
    event["claims"][0]["text"] = newline.join(["Es geschah", "so"])
    quote = data["quotes"][0]
    quote["text"] = newline.join(["Ein gutes", "Gespräch."])
    quote["translation"]["text"] = newline.join(["A good", "talk."])
    return data


def _shown(timeline: Timeline) -> dict[str, Any]:
    """What the views show of the long texts: the models' and the records' text."""
    event, quote = timeline.events_by_id["e1"], timeline.quotes[0]
    assert quote.translation is not None
    return {
        "description": timeline.description,
        "summary": event.summary,
        "claim": event.claims[0].text,
        "quote": quote.text,
        "translation": quote.translation.text,
        "event record": timeline.events.record(0),
        "quote record": timeline.quotes.record(0),
    }


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CR LF", "CR"])
def test_a_file_with_windows_line_breaks_opens_as_with_lf(
    minimal: dict[str, Any], newline: str
) -> None:
    """A file written on Windows (CR LF in a summary, a quote) opened before CR
    was refused; it opens again, both ways, and shows as the same file with LF."""
    lf = _shown(parse_timeline(dump(_with_breaks(copy.deepcopy(minimal), "\n"))))
    assert lf["summary"] == "Erste Zeile\nzweite Zeile\n\ndritte"
    data = _with_breaks(minimal, newline)
    raw = dump(data)
    assert b"\\r" in raw
    fast = fast_load.build(raw)
    assert fast is not None, "the fast load vouches for it"
    assert _shown(fast) == lf
    assert _shown(parse_timeline(raw)) == lf  # as the app opens it (the fast way)
    spelled = json.dumps(data).encode().replace(b"\\r", b"\\u000d")  # the exact way
    assert fast_load.build(spelled) is None
    assert _shown(parse_timeline(spelled)) == lf
    exact = Timeline.from_model(TimelineModel.model_validate_json(raw))
    assert _shown(exact) == lf


def test_the_details_show_a_crlf_summary_as_with_lf(minimal: dict[str, Any]) -> None:
    """One line break, not two, nor a box: the pane reads the text as loaded."""
    from viewer.ui.panels.details import _event_html

    def html(newline: str) -> str:
        timeline = parse_timeline(dump(_with_breaks(copy.deepcopy(minimal), newline)))
        return _event_html(timeline, timeline.events_by_id["e1"])

    assert "\r" not in html("\r\n")
    assert html("\r\n") == html("\n") == html("\r")


@pytest.mark.parametrize("spelled", [b"\\r", b"\\u000d", b"\\r\\n"])
def test_a_cr_in_a_title_is_still_refused_with_its_path(
    minimal: dict[str, Any], spelled: bytes
) -> None:
    data = _with_breaks(minimal, "\r\n")  # CR in long text too: the title is what is wrong
    data["events"][0]["title"] = "Anruf@"
    raw = json.dumps(data).encode().replace(b"@", spelled)
    assert fast_load.build(raw) is None
    with pytest.raises(ModelFileError) as caught:
        parse_timeline(raw)
    [problem] = caught.value.problems
    assert problem.path == "events[0].title"
    assert "holds a control character (U+000D) at character 6" in problem.message


def _output_problems(data: dict[str, Any]) -> list[str]:
    """What an import's check (:class:`OutputCheck`) says of the model as it is written."""
    events = data.pop("events")
    data["quotes"] = []  # an import writes none
    start = dump(data)[:-1] + b', "events": ['
    check = OutputCheck(start)
    problems = [p for event in events for p in check.event(dump(event))]
    problems += check.finish(b"]}")
    return [str(p) for p in problems]


def test_an_import_may_write_crlf_in_long_text_not_in_a_title(
    minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_plainly_valid(*_args: object) -> None:
        raise AssertionError("the fast check should vouch for it")

    data = _with_breaks(minimal, "\r\n")
    with monkeypatch.context() as patched:
        patched.setattr(output_check, "_exact", not_plainly_valid)
        assert _output_problems(copy.deepcopy(data)) == []
    data["events"][1]["title"] = "Angriff\r\n"
    [problem] = _output_problems(data)
    assert problem.startswith("events[1].title: ")
    assert "U+000D" in problem


def test_a_lone_surrogate_is_refused_an_escaped_pair_is_text(minimal: dict[str, Any]) -> None:
    data = _filled(minimal)
    data["events"][0]["title"] = "Anruf \U0001f4de"
    raw = json.dumps(data).encode()  # ensure_ascii: the emoji as a \ud83d\udcde pair
    assert b"\\ud83d\\udcde" in raw
    assert fast_load.build(raw) is not None
    assert parse_timeline(raw).events_by_id["e1"].title == "Anruf \U0001f4de"
    for lone in (b"\\ud83d", b"\\udcde", b"\\udcde\\ud83d"):
        broken = raw.replace(b"\\ud83d\\udcde", lone)
        assert fast_load.build(broken) is None
        with pytest.raises(ModelFileError):
            parse_timeline(broken)


def test_a_written_backslash_is_no_control(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["title"] = "C:\\neu\\u001b \\r"
    raw = dump(minimal)
    # Taken for an escape by the quick look, so the exact way decides: it is text.
    assert parse_timeline(raw).events_by_id["e1"].title == "C:\\neu\\u001b \\r"


@pytest.mark.parametrize(("path", "long"), TEXTS, ids=[path_name(p) for p, _ in TEXTS])
def test_the_schema_says_it(path: JsonPath, long: bool) -> None:
    schema = TimelineModel.model_json_schema()
    node: dict[str, Any] = schema
    for part in path:
        node = node["items"] if isinstance(part, int) else node["properties"][part]
        if "anyOf" in node:
            [node] = [branch for branch in node["anyOf"] if branch.get("type") != "null"]
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    assert node["pattern"] == (CONTROL_FREE_LONG_PATTERN if long else CONTROL_FREE_PATTERN)


HOSTILE = "A\x1b[31mB\x07C\x00D\x9bE\x7fF\rG\x0bH\ud800I"


def test_a_timelinejs_import_of_control_characters_validates(tmp_path: Path) -> None:
    slide = {
        "start_date": {"year": "2025", "month": "6", "day": "4"},
        "text": {"headline": HOSTILE, "text": f"<p>{HOSTILE}</p><p>{HOSTILE}\tx</p>"},
        "group": HOSTILE,
    }
    src = tmp_path / "hostile.json"
    document = {"title": {"text": {"headline": HOSTILE, "text": HOSTILE}}, "events": [slide]}
    src.write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "out.json"
    import_timelinejs(src, out)
    timeline = load_timeline(out)  # validated: refused if any control got through
    assert timeline.title.startswith("A [31mB C D E F G H\ufffdI")


def test_an_acled_import_of_control_characters_validates(tmp_path: Path) -> None:
    with (DATA / "acled" / "argentina_2022-06_sample.csv").open(encoding="utf-8") as handle:
        header, *rows = csv.reader(handle)
    row = list(rows[0])
    for column in ("notes", "actor1", "assoc_actor_1", "location", "admin1", "source", "tags"):
        if column in header:
            row[header.index(column)] = (
                HOSTILE.replace("\ud800", "") + " " + row[header.index(column)]
            )
    src = tmp_path / "hostile.csv"
    with src.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, row])
    out = tmp_path / "out.json"
    import_acled(src, out)
    [event] = load_timeline(out).events  # validated: refused if any control got through
    assert "\x1b" not in event.title
