"""Notes out and in: Markdown for reading, W3C Web Annotations (JSON-LD) for exchange.

The W3C form follows the Web Annotation Data Model: an ``AnnotationCollection``
whose first ``AnnotationPage`` (with its own id, §5.2) holds one ``Annotation``
per note; a collection of no notes has no page and a ``total`` of 0 (§5.1), as
a page must hold at least one annotation. The note's text is a ``TextualBody``
with purpose ``commenting``; each tag is a ``TextualBody`` with purpose
``tagging``; a grade one with purpose ``assessing``. The target is a
``SpecificResource`` whose ``source`` names the timeline and whose
``FragmentSelector`` names the event, quote, source or claim (``event=ID`` …).
Each annotation names the app as its ``generator`` (§3.3.1); it has no
``creator``, as the app asks the reader for no name. The export passes every
MUST assertion of the W3C's tests (web-platform-tests, annotation-model/) it
can be checked by: see tests/persistence/test_notes_w3c_conformance.py.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from urllib.parse import quote

from viewer import __version__
from viewer.domain.describe import describe_date
from viewer.domain.notes import Note, TargetKind, event_of, newest_first, target_title
from viewer.domain.text import markdown_text, terminal_safe, terminal_safe_json
from viewer.domain.timeline import TimelineById
from viewer.persistence.notes_w3c import (
    ANNO_CONTEXT,
    MAX_ANNOTATIONS,
    MAX_IMPORT_BYTES,
    NotesImportError,
    file_too_big,
    from_w3c,
    timeline_urn,
)
from viewer.persistence.w3c_annotation import NOTE_URN

__all__ = [
    "ANNO_CONTEXT",
    "MAX_ANNOTATIONS",
    "MAX_IMPORT_BYTES",
    "NotesImportError",
    "file_too_big",
    "from_w3c",
    "markdown_text",
    "notes_text",
    "to_markdown",
    "to_w3c",
]


# The software that writes the annotations (§3.3.1 generator, an Agent).
GENERATOR = {
    "id": "urn:timeline-viewer:app",
    "type": "Software",
    "name": f"timeline-viewer {__version__}",
}


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def to_w3c(timeline: TimelineById, notes: list[Note]) -> dict[str, Any]:
    items = []
    for note in newest_first(notes):
        bodies: list[dict[str, Any]] = []
        if note.text or not note.grade:  # a grade may come without words
            bodies.append(
                {
                    "type": "TextualBody",
                    "value": note.text,
                    "format": "text/plain",
                    "purpose": "commenting",
                }
            )
        bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
        if note.grade:  # the reader's Admiralty grade: an assessment (Web Annotation's word)
            bodies.append({"type": "TextualBody", "value": note.grade, "purpose": "assessing"})
        title = target_title(timeline, note.target) or note.target_title
        target: dict[str, Any] = {
            "type": "SpecificResource",
            "source": timeline_urn(timeline.id),
            "selector": {
                "type": "FragmentSelector",
                "value": f"{note.target.kind.value}={quote(note.target.id, safe='')}",
            },
        }
        if title:
            target["label"] = title
        items.append(
            {
                "id": NOTE_URN + note.id,
                "type": "Annotation",
                "motivation": "assessing" if note.grade else "commenting",
                "created": _iso(note.created),
                "modified": _iso(note.modified),
                "generator": dict(GENERATOR),
                "body": bodies,
                "target": target,
            }
        )
    collection_id = f"{timeline_urn(timeline.id)}:notes"
    collection: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Notes on {timeline.title}",
        "total": len(items),
    }
    if items:  # a page holds one or more annotations (§5.2); none, no page (§5.1)
        collection["first"] = {
            "id": f"{collection_id}:page:1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        }
    return collection


# -- Markdown ---------------------------------------------------------------------------


def to_markdown(timeline: TimelineById, notes: list[Note]) -> str:
    """A readable digest: notes grouped by event, in time order; detached ones last.

    Text from the timeline and the notes is data: it is escaped and isolated by
    :func:`markdown_text`, one line at a time, and no control character of it
    reaches the file (see :func:`_visible`).
    """
    lines = [f"# Notes on {markdown_text(timeline.title)}", ""]
    by_event: dict[str | None, list[Note]] = {}
    for note in notes:
        by_event.setdefault(event_of(timeline, note.target), []).append(note)
    noted = [timeline.events_by_id[event_id] for event_id in by_event if event_id is not None]
    for event in sorted(noted, key=lambda e: (e.date.earliest, e.id)):
        event_notes = by_event[event.id]
        lines += [f"## {_md_line(event.title)}", "", f"*{describe_date(event.date)}*", ""]
        lines += _markdown_notes(timeline, event_notes)
    elsewhere = by_event.get(None, [])
    sources = [n for n in elsewhere if target_title(timeline, n.target) is not None]
    if sources:  # notes and grades on sources: on no event, and not detached
        lines += ["## Sources", ""]
        lines += _markdown_notes(timeline, sources)
    detached = [n for n in elsewhere if n not in sources]
    if detached:
        lines += ["## Detached notes", "", "Their event or quote is no longer in the timeline.", ""]
        lines += _markdown_notes(timeline, detached)
    return _visible("\n".join(lines).rstrip() + "\n")


def _visible(text: str) -> str:
    """``text`` with each control character shown as the terminal shows it
    (:func:`terminal_safe`: ESC as ``\\x1b``, U+009B as ``\\x9b``, a lone
    surrogate as ``\\udc80``), but for the newlines and tabs the text keeps.

    Raw, a control in a file would act on whatever shows it (``cat`` in a
    terminal), and a lone surrogate could not even be written as UTF-8.
    """
    return "\t".join(terminal_safe(part, multiline=True) for part in text.split("\t"))


def _md_line(text: str) -> str:
    """Data that must stay on one line (a heading, a quote): its lines joined by spaces."""
    return markdown_text(" ".join(text.splitlines()))


def _markdown_notes(timeline: TimelineById, notes: list[Note]) -> list[str]:
    lines: list[str] = []
    for note in newest_first(notes):
        if note.target.kind is not TargetKind.EVENT:  # a quote, a claim, a source
            title = target_title(timeline, note.target) or note.target_title
            lines += [f"> {_md_line(title)}", ""]
        if note.grade:
            lines += [f"**My grade: {note.grade}**", ""]
        if note.text:
            lines += [markdown_text(line) for line in note.text.splitlines()]
            lines.append("")
        meta = f"created {_iso(note.created)}"
        if note.modified != note.created:
            meta += f", modified {_iso(note.modified)}"
        if note.tags:
            meta = " ".join(f"#{_md_line(tag)}" for tag in note.tags) + " · " + meta
        lines += [f"<sub>{meta}</sub>", ""]
    return lines


def notes_text(timeline: TimelineById, notes: list[Note], *, w3c: bool) -> str:
    """``notes`` as a file holds them: W3C Web Annotations (JSON-LD) or Markdown.

    The JSON has no raw control character: ``json.dumps`` escapes the C0 ones,
    :func:`terminal_safe_json` DEL, the C1 ones, lone surrogates and bidi
    controls, each as ``\\uXXXX``, which JSON reads back as the same character.
    """
    if w3c:
        text = json.dumps(to_w3c(timeline, notes), indent=2, ensure_ascii=False)
        return terminal_safe_json(text) + "\n"
    return to_markdown(timeline, notes)
