"""Notes out and in: W3C imports are checked whole, Markdown exports stay inert text."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import REPO, dump
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline, parse_timeline
from viewer.persistence.notes_export import (
    MAX_ANNOTATIONS,
    MAX_IMPORT_BYTES,
    NotesImportError,
    from_w3c,
    markdown_text,
    to_markdown,
    to_w3c,
)

F, P = "\u2068", "\u2069"  # the isolates around data
WHEN = datetime(2025, 6, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
def timeline(minimal: dict[str, Any]) -> Timeline:
    return parse_timeline(dump(minimal))


def note(target: NoteTarget, text: str, *tags: str, note_id: str = "n1") -> Note:
    return Note(id=note_id, target=target, text=text, tags=tags, created=WHEN, modified=WHEN)


EVENT = NoteTarget(kind=TargetKind.EVENT, id="e1")
QUOTE = NoteTarget(kind=TargetKind.QUOTE, id="q1")


# -- W3C in ---------------------------------------------------------------------------


def test_export_then_import_gives_the_same_notes(timeline: Timeline) -> None:
    notes = [note(EVENT, "eins\nzwei", "Tag"), note(QUOTE, "drei", note_id="n2")]
    data = json.dumps(to_w3c(timeline, notes)).encode()
    assert sorted(from_w3c(data, timeline), key=lambda n: n.id) == [
        n.model_copy(update={"target_title": t})
        for n, t in zip(notes, ["Anruf", "Anna: „Ein gutes Gespräch.“"], strict=True)
    ]


def _collection(items: Any) -> bytes:
    return dump(
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection",
            "first": {"type": "AnnotationPage", "items": items},
        }
    )


def test_every_problem_of_every_annotation_is_listed(timeline: Timeline) -> None:
    good = to_w3c(timeline, [note(EVENT, "gut")])["first"]["items"][0]
    bad = {
        **good,
        "id": "urn:uuid:javascript:x",
        "created": "2025-06-04T10:00:00",
        "body": [{"value": 5}],
        "target": {**good["target"], "selector": "x"},
    }
    with pytest.raises(NotesImportError) as caught:
        from_w3c(_collection([good, bad, [], "text"]), timeline)
    assert caught.value.problems == [
        "annotation 2: id: must be up to 200 letters, digits, '.', '_' or '-' (after an "
        "optional 'urn:uuid:'), found 'urn:uuid:javascript:x'",
        "annotation 2: created: a time needs its time zone, found '2025-06-04T10:00:00'",
        "annotation 2: body 1: value: must be text, found the number 5",
        "annotation 2: target: selector: must be a FragmentSelector object, found 'x'",
        "annotation 3: must be an Annotation (a JSON object), found a list",
        "annotation 4: must be an Annotation (a JSON object), found 'text'",
    ]
    assert str(caught.value) == "\n".join(caught.value.problems)


def test_at_most_twenty_problems_are_shown() -> None:
    err = NotesImportError([f"problem {n}" for n in range(25)])
    assert err.shown() == [*(f"problem {n}" for n in range(20)), "… and 5 more"]
    assert len(err.problems) == 25
    assert NotesImportError("one").shown() == ["one"]


def test_a_file_over_the_limits_is_refused(timeline: Timeline) -> None:
    with pytest.raises(NotesImportError, match="at most 64 MiB"):
        from_w3c(b" " * (MAX_IMPORT_BYTES + 1), timeline)
    with pytest.raises(NotesImportError, match="at most 200,000 can be imported"):
        from_w3c(_collection([{}] * (MAX_ANNOTATIONS + 1)), timeline)


def test_deep_nesting_is_refused_without_a_recursion_error(timeline: Timeline) -> None:
    deep = b'{"type": "AnnotationCollection", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(NotesImportError, match="nested too deeply"):
        from_w3c(deep, timeline)


def test_pages_must_be_in_the_file(timeline: Timeline) -> None:
    document = json.loads(_collection([]))
    document["first"]["next"] = "http://example.org/page2"
    with pytest.raises(NotesImportError, match="page 2: must be an AnnotationPage in the file"):
        from_w3c(dump(document), timeline)


# -- Markdown out ----------------------------------------------------------------------


HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "# heading",
    "*bold* _it_ `code` ~~gone~~",
    "> quoted",
    "1. item",
    "  2) item",
    "- item",
    "+ item",
    "---",
    "===",
    "a & b &amp; c | d",
    "back\\slash <img src=x onerror=alert(1)>",
]
ESCAPED_LINES = [
    "\\<script\\>alert(1)\\</script\\>",
    "\\[click\\](javascript:alert(1))",
    "\\# heading",
    "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~",
    "\\> quoted",
    "1\\. item",
    "  2\\) item",
    "\\- item",
    "\\+ item",
    "\\---",
    "\\===",
    "a \\& b \\&amp; c \\| d",
    "back\\\\slash \\<img src=x onerror=alert(1)\\>",
]


def test_markdown_text_escapes_every_line(timeline: Timeline) -> None:
    for line, escaped in zip(HOSTILE_LINES, ESCAPED_LINES, strict=True):
        assert markdown_text(line) == f"{F}{escaped}{P}", line


def test_markdown_export_of_hostile_text_is_exact(minimal: dict[str, Any]) -> None:
    minimal["title"] = "<b>Titel</b>"
    minimal["events"][0]["title"] = "# Anruf *fett*"
    minimal["quotes"][0]["text"] = "[x](javascript:alert(1))"
    timeline = parse_timeline(dump(minimal))
    notes = [
        note(EVENT, "\n".join(HOSTILE_LINES), "<b>", "*t*"),
        note(QUOTE, "<i>", note_id="n0"),  # same time: ties by id, newest first -> n1, n0
    ]
    assert to_markdown(timeline, notes).splitlines() == [
        f"# Notes on {F}\\<b\\>Titel\\</b\\>{P}",
        "",
        f"## {F}\\# Anruf \\*fett\\*{P}",
        "",
        "*4 June 2025*",
        "",
        *(f"{F}{line}{P}" for line in ESCAPED_LINES),
        "",
        f"<sub>#{F}\\<b\\>{P} #{F}\\*t\\*{P} · created 2025-06-04T10:00:00Z</sub>",
        "",
        f"> {F}Anna: „\\[x\\](javascript:alert(1))“{P}",
        "",
        f"{F}\\<i\\>{P}",
        "",
        "<sub>created 2025-06-04T10:00:00Z</sub>",
    ]


def test_markdown_export_makes_no_markup_of_data(minimal: dict[str, Any]) -> None:
    """What a renderer would act on, outside the app's own ``<sub>`` and ``*date*``."""
    minimal["events"][0]["title"] = "<script>x</script> [a](b) *c*"
    timeline = parse_timeline(dump(minimal))
    text = to_markdown(timeline, [note(EVENT, "\n".join(HOSTILE_LINES), "<b>")])
    data = text.replace("<sub>", "").replace("</sub>", "").replace("*4 June 2025*", "")
    assert not re.search(r"(?<!\\)[<>\[\]*_`&|~]", data.replace("\\\\", ""))
    assert data.splitlines()
    for line in data.splitlines():
        if line.startswith("#"):  # the app's own headings and tag markers
            continue
        # no line of data starts a heading, a list, a block quote or a rule
        assert not re.match(r"\s*([#>+=-]|\d+[.)])", line.removeprefix(F)), line


def test_markdown_isolates_data_against_bidi_overrides(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["title"] = "Anruf \u202e gespiegelt"
    timeline = parse_timeline(dump(minimal))
    text = to_markdown(timeline, [note(EVENT, "x\u2069\u202ey", "\u202et")])
    assert f"## {F}Anruf \u202e gespiegelt{P}\n" in text
    assert f"\n{F}x\u202ey{P}\n" in text  # a stray PDI in the data cannot end the isolate
    assert f"<sub>#{F}\u202et{P} · created" in text


def test_notes_on_events_before_the_common_era_are_in_date_order() -> None:
    caesar = load_timeline(REPO / "tests" / "data" / "model" / "caesar-44bc.json")
    notes = [
        note(NoteTarget(kind=TargetKind.EVENT, id="first-day"), "New era", note_id="n1"),
        note(NoteTarget(kind=TargetKind.EVENT, id="ides"), "Beware", note_id="n2"),
        note(NoteTarget(kind=TargetKind.EVENT, id="rubicon"), "Alea iacta est", note_id="n3"),
    ]
    text = to_markdown(caesar, notes)
    dates = re.findall(r"^\*(.+)\*$", text, re.MULTILINE)
    assert dates == ["around January 49 BC", "15 March 44 BC", "1 January 1"]
