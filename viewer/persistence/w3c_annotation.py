"""One W3C Web Annotation made a note: its id, times, body and target.

The reader of a whole file (:mod:`.notes_w3c`) hands each annotation it reads
here; every field that is wrong is a problem of its own, so one pass over a
file tells its author everything.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import ValidationError

from viewer.domain.notes import (
    GRADE_PATTERN,
    MAX_NOTE_LENGTH,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    NOTE_ID_PATTERN,
    Note,
    NoteTarget,
    TargetKind,
    clean_tags,
    is_blank,
    utc_now,
)

NOTE_URN = "urn:uuid:"
# A note id: what this app makes (a UUID's hex) and other safe names. No colon,
# so an id can never look like an address (``javascript:...``) where it is used
# in a link of the details pane.
NOTE_ID = re.compile(NOTE_ID_PATTERN)
# An event or quote id, as the model allows it (see ``NoteTarget``).
TARGET_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,199}")
# The longest target title kept with a note (as ``Note.target_title``).
MAX_LABEL_LENGTH = 2_000
# The longest http(s) IRI taken as an annotation's id.
MAX_IRI_LENGTH = 2_000
# The names under which an http(s) id's own note id is made (uuid5): the same
# IRI is the same note at every import.
_IRI_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:timeline-viewer:notes:w3c-id")
_HTTP_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")

# -- one annotation --------------------------------------------------------------------

# A field that is not there (``None`` is JSON's null).
MISSING: Any = object()


def show(value: Any) -> str:
    """What was found, for a message: short, and never the value's own markup."""
    if value is MISSING:
        return "nothing"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:59] + "…")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _text(value: Any, where: str, problems: list[str], limit: int) -> str | None:
    """``value`` if it is text of at most ``limit`` characters, else a problem."""
    if value is MISSING:
        problems.append(f"{where}: missing")
        return None
    if not isinstance(value, str):
        problems.append(f"{where}: must be text, found {show(value)}")
        return None
    if len(value) > limit:
        problems.append(f"{where}: longer than the {limit:,} characters allowed ({len(value):,})")
        return None
    if _SURROGATE.search(value):
        problems.append(f"{where}: contains a broken character (a lone UTF-16 surrogate)")
        return None
    return value


def note_of(item: Any, source: str, problems: list[str]) -> Note | None:
    if not isinstance(item, dict):
        problems.append(f"must be an Annotation (a JSON object), found {show(item)}")
        return None
    kind = item.get("type", MISSING)
    if kind != "Annotation":
        problems.append(f"type: must be 'Annotation', found {show(kind)}")
    note_id = _note_id(item.get("id", MISSING), problems)
    # Both times are optional in the model: one stands for the other, and with
    # neither the note is made now, as a note added here would be.
    times = {key: _time(item[key], key, problems) for key in ("created", "modified") if key in item}
    if "bodyValue" in item and "body" in item:
        problems.append("bodyValue: an annotation has a body or a bodyValue, not both")
        body = None
    elif "bodyValue" in item:  # §3.2.5: the text itself, a plain commenting body
        body = _body([{"value": item["bodyValue"]}], problems, "bodyValue")
    else:
        body = _body(item.get("body", MISSING), problems)
    target = _target(item.get("target", MISSING), source, problems)
    if problems or note_id is None or body is None or target is None:
        return None
    created = times.get("created") or times.get("modified") or utc_now()
    modified = times.get("modified") or created
    text, tags, grade = body
    note_target, label = target
    try:
        return Note(
            id=note_id,
            target=note_target,
            text=text,
            tags=clean_tags(tags),
            created=created,
            modified=modified,
            target_title=label,
            grade=grade,
        )
    except ValidationError as exc:  # a rule of the note not checked above
        for error in exc.errors(include_url=False):
            field = ".".join(str(part) for part in error["loc"])
            problems.append(f"{field}: {error['msg']}")
        return None


def _note_id(value: Any, problems: list[str]) -> str | None:
    """The note's id: the annotation's own (after an optional ``urn:uuid:``), or,
    for an http(s) IRI, one made from it (uuid5), the same at every import.

    The IRI itself is not kept (the notes database has no place for it), and is
    never shown, so it can never become a live link; it only names the note.
    """
    text = _text(value, "id", problems, MAX_IRI_LENGTH)
    if text is None:
        return None
    if _HTTP_IRI.fullmatch(text) and urlsplit(text).netloc:
        return uuid.uuid5(_IRI_IDS, text).hex
    note_id = text.removeprefix(NOTE_URN)
    if not NOTE_ID.fullmatch(note_id):
        problems.append(
            "id: must be up to 200 letters, digits, '.', '_' or '-' (after an optional "
            f"'urn:uuid:'), found {show(text)}"
        )
        return None
    return note_id


def _time(value: Any, where: str, problems: list[str]) -> datetime | None:
    text = _text(value, where, problems, 64)
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        problems.append(
            f"{where}: not a date and time like '2025-06-04T10:00:00Z', found {show(text)}"
        )
        return None
    if moment.utcoffset() is None:
        problems.append(f"{where}: a time needs its time zone, found {show(text)}")
        return None
    try:
        year = moment.astimezone(UTC).year
    except OverflowError:
        year = 0
    if not 1 < year < 9999:  # so that it can be shown in any local time zone
        problems.append(f"{where}: out of range (years 2 to 9998 in UTC), found {show(text)}")
        return None
    return moment


def _body(
    value: Any, problems: list[str], name: str = "body"
) -> tuple[str, list[str], str | None] | None:
    """The note's text (one ``commenting`` body), its tags (``tagging`` bodies) and
    the reader's grade (one ``assessing`` body: an Admiralty code such as "B2"; a
    graded note may have no text)."""
    if value is MISSING:
        problems.append("body: missing (the note's text)")
        return None
    bodies = [value] if isinstance(value, dict) else value
    if not isinstance(bodies, list):
        problems.append(f"body: must be a TextualBody or a list of them, found {show(value)}")
        return None
    if len(bodies) > MAX_TAGS + 1:
        problems.append(
            f"body: at most {MAX_TAGS + 1} (the text and {MAX_TAGS} tags), found {len(bodies):,}"
        )
        return None
    texts: list[str] = []
    tags: list[str] = []
    grades: list[str] = []
    ok = True
    for number, body in enumerate(bodies, 1):
        where = f"body {number}"
        at = f"{where}: value" if name == "body" else name  # where its text is
        if not isinstance(body, dict):
            problems.append(f"{where}: must be a TextualBody object, found {show(body)}")
            ok = False
            continue
        kind = body.get("type", "TextualBody")
        if kind != "TextualBody":
            problems.append(
                f"{where}: type: only a TextualBody can be imported, found {show(kind)}"
            )
            ok = False
        purpose = body.get("purpose", "commenting")
        if purpose not in ("commenting", "tagging", "assessing"):
            problems.append(
                f"{where}: purpose: must be 'commenting', 'tagging' or 'assessing', "
                f"found {show(purpose)}"
            )
            ok = False
            continue
        limit = MAX_NOTE_LENGTH if purpose == "commenting" else MAX_TAG_LENGTH
        text = _text(body.get("value", MISSING), at, problems, limit)
        if text is None:
            ok = False
        elif purpose == "assessing":
            if re.fullmatch(GRADE_PATTERN, text) is None:
                problems.append(
                    f"{where}: value: an assessment must be an Admiralty code such as "
                    f"'B2', found {show(text)}"
                )
                ok = False
            grades.append(text)
        elif purpose == "commenting" and is_blank(text):  # as `notes add ""` refuses it
            problems.append(f"{at}: the note's text is empty, found {show(text)}")
            ok = False
        elif purpose == "commenting":
            texts.append(text)
        else:
            tags.append(text)
    if not ok:
        return None
    if len(grades) > 1:
        problems.append(f"body: at most one 'assessing' TextualBody, found {len(grades)}")
        return None
    if len(texts) != 1 and not (grades and not texts):
        problems.append(
            "body: needs exactly one TextualBody with the purpose 'commenting' (the note's "
            f"text), found {len(texts)}"
        )
        return None
    return (texts[0] if texts else ""), tags, (grades[0] if grades else None)


def _target(value: Any, source: str, problems: list[str]) -> tuple[NoteTarget, str] | None:
    """What the note is about: a SpecificResource (the timeline, and a
    FragmentSelector ``event=ID``), or the same as one IRI (``SOURCE#event=ID``),
    alone or as the ``id`` of an object with no ``source``."""
    if value is MISSING:
        problems.append("target: missing")
        return None
    iri = value.get("id") if isinstance(value, dict) and "source" not in value else value
    if isinstance(iri, str):
        found = _text(iri, "target", problems, 1_000 + len(source))
        if found is None:
            return None
        about, hashed, fragment = found.partition("#")
        if about != source or not hashed:
            problems.append(
                f"target: it is about {show(found)}, not an event, quote, source or claim "
                f"of this timeline ({source}#event=ID)"
            )
            return None
        where = "target: fragment"
    elif not isinstance(value, dict):
        problems.append(
            f"target: must be a SpecificResource object, found {show(value)} (or an IRI "
            f"such as '{source}#event=ID')"
        )
        return None
    else:
        about = value.get("source", MISSING)
        if about != source:
            problems.append(
                f"target: source: it is about {show(about)}, not this timeline ({source})"
            )
            return None
        selector = value.get("selector", MISSING)
        if not isinstance(selector, dict):
            problems.append(
                f"target: selector: must be a FragmentSelector object, found {show(selector)}"
            )
            return None
        kind = selector.get("type", "FragmentSelector")
        if kind != "FragmentSelector":
            problems.append(
                f"target: selector: type: must be 'FragmentSelector', found {show(kind)}"
            )
            return None
        where = "target: selector: value"
        value_text = _text(selector.get("value", MISSING), where, problems, 1_000)
        if value_text is None:
            return None
        fragment = value_text
    kind_text, equals, quoted_id = fragment.partition("=")
    if not equals or kind_text not in {kind.value for kind in TargetKind}:
        problems.append(
            f"{where}: must be 'event=ID', 'quote=ID', 'source=ID' or "
            f"'claim=ID', found {show(fragment)}"
        )
        return None
    target_id = unquote(quoted_id)
    if not TARGET_ID.fullmatch(target_id):
        problems.append(
            f"{where}: not an event, quote, source or claim id, found {show(target_id)}"
        )
        return None
    label = ""
    if isinstance(value, dict) and "label" in value:
        label_text = _text(value["label"], "target: label", problems, MAX_LABEL_LENGTH)
        if label_text is None:
            return None
        label = label_text
    return NoteTarget(kind=TargetKind(kind_text), id=target_id), label
