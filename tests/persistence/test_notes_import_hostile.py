"""W3C notes in: a hostile file is refused by its structure as it is read, before
it can take memory; nothing else gets in, and nothing valid is refused."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import viewer.persistence.notes_w3c
from tests.conftest import dump
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.persistence.bounded_json import Budget, JsonReader, JsonReadError
from viewer.persistence.model_file import load_timeline, parse_timeline
from viewer.persistence.notes_export import (
    MAX_ANNOTATIONS,
    NotesImportError,
    from_w3c,
    notes_text,
    to_w3c,
)
from viewer.persistence.notes_w3c import MAX_DEPTH, MAX_PROBLEMS_LISTED, MAX_VALUES
from viewer.persistence.paths import AppPaths
from viewer.ui.controllers.notes_control import NotesController

F, P = "\u2068", "\u2069"  # the isolates around data
WHEN = datetime(2025, 6, 4, 10, 0, tzinfo=UTC)
EVENT = NoteTarget(kind=TargetKind.EVENT, id="e1")
HEAD = (
    b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", '
    b'"first": {"type": "AnnotationPage", "items": ['
)
#: What follows the items in a file that must never be read that far: not JSON.
NEVER_READ = b", this is not JSON at all"


@pytest.fixture
def timeline(minimal: dict[str, Any]) -> Timeline:
    return parse_timeline(dump(minimal))


def note(text: str, *tags: str, note_id: str = "n1", target: NoteTarget = EVENT) -> Note:
    return Note(id=note_id, target=target, text=text, tags=tags, created=WHEN, modified=WHEN)


def good_item(timeline: Timeline, number: int = 1) -> dict[str, Any]:
    item: dict[str, Any] = to_w3c(timeline, [note(f"Notiz {number}", note_id=f"n{number}")])[
        "first"
    ]["items"][0]
    return item


def collection(items: list[Any]) -> bytes:
    return HEAD + b",".join(dump(item) for item in items) + b"]}}"


def refused(data: bytes, timeline: Timeline) -> list[str]:
    with pytest.raises(NotesImportError) as caught:
        from_w3c(data, timeline)
    return caught.value.problems


# -- bounded by structure, as it is read ------------------------------------------------


def test_a_large_valid_export_still_imports(timeline: Timeline, tmp_path: Path) -> None:
    notes = [note(f"Notiz {n}\nzweite Zeile", "Tag", note_id=f"n{n}") for n in range(2_000)]
    path = tmp_path / "many.jsonld"
    path.write_text(notes_text(timeline, notes, w3c=True), encoding="utf-8")
    back = from_w3c(path.read_bytes(), timeline)
    assert len(back) == 2_000
    assert sorted(n.id for n in back) == sorted(n.id for n in notes)
    assert {n.text for n in back} == {n.text for n in notes}


def test_one_annotation_over_the_cap_is_refused_before_the_rest_is_read(
    timeline: Timeline,
) -> None:
    """Counted as they stream: the reader stops at the first annotation too many,
    so what comes after it (not even JSON here) is never read."""
    data = HEAD + b",".join([b"{}"] * (MAX_ANNOTATIONS + 1)) + NEVER_READ
    assert refused(data, timeline) == [
        f"the file has more than {MAX_ANNOTATIONS:,} annotations; "
        f"at most {MAX_ANNOTATIONS:,} can be imported at once"
    ]


def test_good_annotations_just_over_the_cap_are_refused_by_count(
    timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 200,001 good ones would be over the size limit: a lower cap, the same rule
    monkeypatch.setattr(viewer.persistence.notes_w3c, "MAX_ANNOTATIONS", 100)
    items = [dump(good_item(timeline, number)) for number in range(1, 102)]
    assert len(from_w3c(HEAD + b",".join(items[:100]) + b"]}}", timeline)) == 100
    assert refused(HEAD + b",".join(items) + NEVER_READ, timeline) == [
        "the file has more than 100 annotations; at most 100 can be imported at once"
    ]


def test_many_values_outside_the_annotations_are_refused_as_they_are_read(
    timeline: Timeline,
) -> None:
    data = b'{"type": "AnnotationCollection", "x": [' + b"{}," * (MAX_VALUES + 1) + NEVER_READ
    assert refused(data, timeline) == [
        f"the file holds more than {MAX_VALUES:,} JSON values outside its annotations; "
        f"at most {MAX_VALUES:,} can be read"
    ]
    # a list of empty objects as the whole file: a list of annotations (the
    # W3C's forms), refused by their count as they are read
    assert refused(b"[" + b"{}," * 1_000_000 + b"{}]", timeline) == [
        f"the file has more than {MAX_ANNOTATIONS:,} annotations; "
        f"at most {MAX_ANNOTATIONS:,} can be imported at once"
    ]


def test_an_annotation_with_too_many_values_stops_the_reading(timeline: Timeline) -> None:
    earlier = {**good_item(timeline), "created": "2025-06-04T10:00:00"}
    big = {**good_item(timeline, 2), "extra": [[] for _ in range(MAX_VALUES)]}
    data = HEAD + dump(earlier) + b"," + dump(big) + NEVER_READ
    assert refused(data, timeline) == [
        "annotation 1: created: a time needs its time zone, found '2025-06-04T10:00:00'",
        f"annotation 2: more than {MAX_VALUES:,} JSON values; an annotation may hold at "
        f"most {MAX_VALUES:,} (the rest of the file was not read)",
    ]
    # the same after the problems stop being checked: still counted
    bad = HEAD + b"5," * (MAX_PROBLEMS_LISTED + 1) + dump(big) + NEVER_READ
    assert refused(bad, timeline)[-1].startswith(
        f"annotation {MAX_PROBLEMS_LISTED + 2}: more than {MAX_VALUES:,} JSON values"
    )
    # at the limit, it is read (and its extra member ignored, as before)
    fits = {**good_item(timeline), "extra": [[] for _ in range(MAX_VALUES - 40)]}
    assert [n.text for n in from_w3c(collection([fits]), timeline)] == ["Notiz 1"]


def test_nesting_past_the_limit_is_refused_with_the_limit_named(timeline: Timeline) -> None:
    deep = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    inside = HEAD + b'{"x": ' + deep + b"}]}}"  # one level too deep, inside an annotation
    message = f"not a notes file: its JSON is nested too deeply (more than {MAX_DEPTH} levels)"
    assert refused(inside, timeline) == [message]
    assert refused(b"[" * 100_000 + NEVER_READ, timeline) == [message]


def test_a_key_given_twice_is_refused(timeline: Timeline) -> None:
    """A reader that takes the first and one that takes the last would import two
    different notes from the same file."""
    item = dump(good_item(timeline))
    twice = item[:-1] + b', "body": [{"value": "anders"}]}'
    assert refused(HEAD + twice + b"]}}", timeline) == [
        "annotation 1: the key 'body' is given twice in one object"
    ]
    pages = HEAD + item + b']}, "first": {"items": []}}'
    assert refused(pages, timeline) == ["first: given twice"]


def test_problems_past_the_limit_are_counted_not_kept(timeline: Timeline) -> None:
    """A problem's words take more memory than its bytes in the file: past
    MAX_PROBLEMS_LISTED, annotations are only read as JSON and counted."""
    count = MAX_PROBLEMS_LISTED + 50
    problems = refused(HEAD + b",".join([b"5"] * count) + b"]}}", timeline)
    assert len(problems) == MAX_PROBLEMS_LISTED + 1
    assert problems[0] == "annotation 1: must be an Annotation (a JSON object), found the number 5"
    assert problems[-1] == (
        f"more than {MAX_PROBLEMS_LISTED:,} problems: the annotations after annotation "
        f"{MAX_PROBLEMS_LISTED + 1} were not checked"
    )
    # ... but still read: a JSON error after them is found
    broken = HEAD + b",".join([b"5"] * count) + b", nicht]}}"
    assert refused(broken, timeline)[0].startswith("not a JSON file: Expecting value (line 1")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        "[1,]",
        '{"a":1,}',
        '{"a" 1}',
        "[1 2]",
        '"abc',
        '["a\x01"]',
        '"\\q"',
        "{} 2",
        "\n\n  [tru]",
        "1" * 5_000,
    ],
)
def test_json_errors_are_told_in_the_words_of_the_json_module(
    timeline: Timeline, text: str
) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        expected = f"{error.msg} (line {error.lineno:,}, column {error.colno:,})"
    except ValueError as error:  # too many digits
        expected = str(error)
    else:
        raise AssertionError(f"json reads {text!r}")
    assert refused(text.encode(), timeline)[0].startswith(f"not a JSON file: {expected}")


def test_the_reader_gives_what_json_gives() -> None:
    text = (
        '{"a": [1, -2.5, 3e2, true, false, null, "x\\u00e9\\n", {"b": {}}, [], [[]]],'
        ' "c": {"d": "e", "f": ""}, "g": -0, "h": "\\ud83d\\ude00"}'
    )
    reader = JsonReader(f" \n{text}\t", max_depth=5)
    assert reader.value(Budget(100)) == json.loads(text)
    reader.finish()
    with pytest.raises(JsonReadError, match="NaN is not a JSON value"):
        JsonReader("[NaN]", max_depth=5).value(Budget(10))
    budget = Budget(3)
    reader = JsonReader("[[1, 2], [3, 4]] ", max_depth=5)
    assert reader.value(budget) is None  # read to its end, not kept
    assert budget.over
    reader.finish()


# -- an empty note ----------------------------------------------------------------------


#: Empty; white space; invisible characters (Unicode's format characters, Cf):
#: zero width space, bidi isolates, a BOM, a soft hyphen, a word joiner.
EMPTY = ["", " ", "\n\t \r\n", "\u3000\u2003", "\u200b", "\u2066\u2069", "\ufeff \u00ad\u2060"]


@pytest.mark.parametrize("text", EMPTY)
def test_an_empty_note_is_refused_with_its_place(timeline: Timeline, text: str) -> None:
    """As `notes add ""` refuses it: a note of nothing cannot be shown nor found."""
    empty = good_item(timeline, 2)
    empty["body"][0]["value"] = text
    tagged = good_item(timeline, 3)
    tagged["body"] = [{"value": "Tag", "purpose": "tagging"}, {"value": text}]
    assert refused(collection([good_item(timeline), empty, tagged]), timeline) == [
        f"annotation 2: body 1: value: the note's text is empty, found {text!r}",
        f"annotation 3: body 2: value: the note's text is empty, found {text!r}",
    ]


def test_a_note_with_something_visible_is_kept(timeline: Timeline) -> None:
    item = good_item(timeline)
    item["body"][0]["value"] = "\u2068\u200bx\u2069"
    [back] = from_w3c(collection([item]), timeline)
    assert back.text == "\u2068\u200bx\u2069"


def test_an_empty_tag_is_dropped_as_before(timeline: Timeline) -> None:
    item = good_item(timeline)
    item["body"].append({"value": "  ", "purpose": "tagging"})
    [back] = from_w3c(collection([item]), timeline)
    assert (back.text, back.tags) == ("Notiz 1", ())


# -- control characters in the files written --------------------------------------------

#: ESC (an escape sequence), BEL, CSI as one C1 character, NUL, DEL, a tab (kept).
CONTROLS = "a\x1b[31mb\x07\tc\x9bd\x00e\x7f"
#: What the Markdown shows for them: the escapes a terminal shows, the tab as it is.
SHOWN = "a\\x1b\\[31mb\\x07\tc\\x9bd\\x00e\\x7f"
#: Raw in a written file, any of these would act on a terminal that shows it.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def hostile_notes() -> list[Note]:
    quote = NoteTarget(kind=TargetKind.QUOTE, id="gone")  # detached: its title is the note's
    return [
        note(f"{CONTROLS}\nzweite\x85Zeile\x0bdritte", f"t\x1b{CONTROLS}"),
        note(CONTROLS, note_id="n2", target=quote).model_copy(
            update={"target_title": f"Titel {CONTROLS}"}
        ),
    ]


def test_markdown_shows_control_characters_as_escapes(timeline: Timeline) -> None:
    text = notes_text(timeline, hostile_notes(), w3c=False)
    assert not RAW.search(text)
    lines = text.splitlines()
    assert f"{F}{SHOWN}{P}" in lines
    assert f"{F}zweite{P}" in lines  # a line break stays one
    assert f"> {F}Titel {SHOWN}{P}" in lines
    assert f"<sub>#{F}t\\x1b{SHOWN}{P} · created 2025-06-04T10:00:00Z</sub>" in lines


def test_w3c_escapes_control_characters_and_reads_them_back(timeline: Timeline) -> None:
    notes = hostile_notes()
    text = notes_text(timeline, notes, w3c=True)
    assert not RAW.search(text)
    assert "\\u001b[31mb\\u0007\\tc\\u009bd\\u0000e\\u007f" in text
    back = sorted(from_w3c(text.encode("utf-8"), timeline), key=lambda n: n.id)
    assert [(n.text, n.tags, n.target_title) for n in back] == [
        (notes[0].text, notes[0].tags, "Anruf"),
        (notes[1].text, (), notes[1].target_title),
    ]


@pytest.mark.parametrize("name", ["notes.md", "notes.jsonld"])
def test_the_windows_export_and_rescue_files_carry_no_raw_controls(
    qtbot: QtBot, minimal: dict[str, Any], tmp_path: Path, name: str
) -> None:
    """The window writes through NotesController.export_to and, at quit with
    changes the database could not take, rescue_to (always W3C)."""
    model = tmp_path / "model.json"
    model.write_bytes(dump(minimal))
    timeline = load_timeline(model)
    controller = NotesController(AppPaths.from_environment().data_dir, retry_ms=60_000)
    controller.open_for(timeline)
    assert controller.add(EVENT, f"{CONTROLS}\nzweite", ("t\x9b",)) is not None
    exported, rescued = tmp_path / name, tmp_path / f"rescue-{name}"
    assert controller.export_to(exported) == 1
    assert controller.rescue_to(rescued) == [rescued]
    for path in (exported, rescued):
        text = path.read_bytes().decode("utf-8")
        assert not RAW.search(text), path
        if path == exported and path.suffix == ".md":
            assert f"{F}{SHOWN}{P}" in text.splitlines()
        else:
            [back] = from_w3c(path.read_bytes(), timeline)
            assert (back.text, back.tags) == (f"{CONTROLS}\nzweite", ("t\x9b",))
