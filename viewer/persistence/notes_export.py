"""Notes out and in: Markdown for reading, W3C Web Annotations (JSON-LD) for exchange.

The W3C form follows the Web Annotation Data Model: an ``AnnotationCollection``
whose first ``AnnotationPage`` holds one ``Annotation`` per note. The note's
text is a ``TextualBody`` with purpose ``commenting``; each tag is a
``TextualBody`` with purpose ``tagging``. The target is a ``SpecificResource``
whose ``source`` names the timeline and whose ``FragmentSelector`` names the
event or quote (``event=ID`` / ``quote=ID``).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote

from viewer.domain.describe import describe_date
from viewer.domain.model import Timeline
from viewer.domain.notes import Note, NoteTarget, TargetKind, event_of, target_title

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_TIMELINE_URN = "urn:timeline-viewer:timeline:"
_NOTE_URN = "urn:uuid:"


class NotesImportError(ValueError):
    """A W3C file that cannot be imported, with a message for the user."""


def timeline_urn(timeline_id: str) -> str:
    return _TIMELINE_URN + quote(timeline_id, safe="")


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def to_w3c(timeline: Timeline, notes: list[Note]) -> dict[str, Any]:
    items = []
    for note in sorted(notes, key=lambda n: (n.created, n.id)):
        bodies: list[dict[str, Any]] = [
            {
                "type": "TextualBody",
                "value": note.text,
                "format": "text/plain",
                "purpose": "commenting",
            }
        ]
        bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
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
                "id": _NOTE_URN + note.id,
                "type": "Annotation",
                "motivation": "commenting",
                "created": _iso(note.created),
                "modified": _iso(note.modified),
                "body": bodies,
                "target": target,
            }
        )
    return {
        "@context": ANNO_CONTEXT,
        "id": f"{timeline_urn(timeline.id)}:notes",
        "type": "AnnotationCollection",
        "label": f"Notes on {timeline.title}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def from_w3c(data: bytes, timeline: Timeline) -> list[Note]:
    """The notes in a W3C export; raises :class:`NotesImportError` saying what is wrong."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotesImportError(f"not a JSON file: {exc}") from None
    if not isinstance(document, dict) or document.get("type") != "AnnotationCollection":
        raise NotesImportError('not a W3C AnnotationCollection (its "type" must be that)')
    context = document.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if ANNO_CONTEXT not in contexts:
        raise NotesImportError(f"its @context is not {ANNO_CONTEXT}")
    items = _items(document)
    notes = []
    for n, item in enumerate(items):
        try:
            notes.append(_note(item, timeline))
        except (KeyError, TypeError, ValueError) as exc:
            raise NotesImportError(f"annotation {n + 1}: {exc}") from None
    return notes


def _items(document: dict[str, Any]) -> list[Any]:
    items: list[Any] = []
    page = document.get("first")
    while isinstance(page, dict):
        page_items = page.get("items")
        if not isinstance(page_items, list):
            raise NotesImportError("an AnnotationPage without a list of items")
        items.extend(page_items)
        page = page.get("next")
    return items


def _note(item: Any, timeline: Timeline) -> Note:
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise ValueError("not an Annotation")
    target = item["target"]
    if not isinstance(target, dict):
        raise ValueError("the target must be a SpecificResource")
    if target.get("source") != timeline_urn(timeline.id):
        raise ValueError(
            f"it is about {target.get('source')!r}, not this timeline ({timeline_urn(timeline.id)})"
        )
    kind_text, _, target_id = str(target["selector"]["value"]).partition("=")
    kind = TargetKind(kind_text)
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    texts = [b["value"] for b in bodies if b.get("purpose") == "commenting"]
    tags = [b["value"] for b in bodies if b.get("purpose") == "tagging"]
    if len(texts) != 1:
        raise ValueError("it needs exactly one commenting TextualBody")
    note_id = str(item["id"]).removeprefix(_NOTE_URN)
    return Note(
        id=note_id,
        target=NoteTarget(kind=kind, id=unquote(target_id)),
        text=texts[0],
        tags=tuple(tags),
        created=item["created"],
        modified=item["modified"],
        target_title=str(target.get("label", "")),
    )


def to_markdown(timeline: Timeline, notes: list[Note]) -> str:
    """A readable digest: notes grouped by event, in time order; detached ones last."""
    lines = [f"# Notes on {timeline.title}", ""]
    by_event: dict[str | None, list[Note]] = {}
    for note in notes:
        by_event.setdefault(event_of(timeline, note.target), []).append(note)
    for event in sorted(timeline.events, key=lambda e: (e.date.earliest, e.id)):
        event_notes = by_event.get(event.id)
        if not event_notes:
            continue
        lines += [f"## {event.title}", "", f"*{describe_date(event.date)}*", ""]
        lines += _markdown_notes(timeline, event_notes)
    detached = by_event.get(None)
    if detached:
        lines += ["## Detached notes", "", "Their event or quote is no longer in the timeline.", ""]
        lines += _markdown_notes(timeline, detached)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_notes(timeline: Timeline, notes: list[Note]) -> list[str]:
    lines: list[str] = []
    for note in sorted(notes, key=lambda n: (n.created, n.id)):
        if note.target.kind is TargetKind.QUOTE:
            title = target_title(timeline, note.target) or note.target_title
            lines += [f"> {title}", ""]
        lines += [*note.text.splitlines(), ""]
        meta = f"created {_iso(note.created)}"
        if note.modified != note.created:
            meta += f", modified {_iso(note.modified)}"
        if note.tags:
            meta = " ".join(f"#{tag}" for tag in note.tags) + " · " + meta
        lines += [f"<sub>{meta}</sub>", ""]
    return lines
