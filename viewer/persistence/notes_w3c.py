"""W3C Web Annotations (JSON-LD) in: the reader of ``timeline-viewer notes import``.

What :func:`viewer.persistence.notes_export.to_w3c` writes (an
``AnnotationCollection`` whose ``AnnotationPage`` holds one ``Annotation`` per
note), and the forms of the Web Annotation Data Model's own examples: one
``Annotation``, an ``AnnotationPage``, a JSON list of annotations; a target as
an IRI (``urn:timeline-viewer:timeline:ID#event=ID``, §4.2.1); a ``bodyValue``;
no ``created``; an http(s) id (:func:`_note_id`). The file is read one
annotation at a time (:mod:`.bounded_json`), so its structure is refused as it
is read, before it can take memory.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote, urlsplit

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
from viewer.domain.timeline import TimelineById
from viewer.persistence.bounded_json import (
    Budget,
    JsonReader,
    JsonReadError,
    JsonTooDeep,
    JsonTooMany,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_TIMELINE_URN = "urn:timeline-viewer:timeline:"
NOTE_URN = "urn:uuid:"

# The largest W3C file that is read at all (the command line checks its size first).
MAX_IMPORT_BYTES = 64 * 2**20
# The most annotations one import may hold.
MAX_ANNOTATIONS = 200_000
# The most JSON values (objects, lists, texts, numbers ...) one annotation may
# hold; and the file outside its annotations. A note with all its tags is ~300.
MAX_VALUES = 1_000
# The deepest nesting of objects and lists read (a note's is 6 or 7).
MAX_DEPTH = 64
# How many problems are listed at most: after them, the annotations are only
# counted and read as JSON, not checked.
MAX_PROBLEMS_LISTED = 1_000
# How many problems an error shows; the rest are counted.
MAX_PROBLEMS_SHOWN = 20
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
# What a file holds at its top, by its "type".
_COLLECTION, _PAGE, _ANNOTATION = "AnnotationCollection", "AnnotationPage", "Annotation"
_SURROGATE = re.compile("[\ud800-\udfff]")


class NotesImportError(ValueError):
    """A W3C file that cannot be imported: every problem found, one line each.

    :attr:`problems` holds them all; :meth:`shown` the first
    :data:`MAX_PROBLEMS_SHOWN` and a count of the rest, for the user.
    """

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.shown()))

    def shown(self, limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
        lines = self.problems[:limit]
        if len(self.problems) > limit:
            lines.append(f"… and {len(self.problems) - limit:,} more")
        return lines


def timeline_urn(timeline_id: str) -> str:
    return _TIMELINE_URN + quote(timeline_id, safe="")


def from_w3c(data: bytes, timeline: TimelineById) -> list[Note]:
    """The notes in a W3C export, or :class:`NotesImportError` listing every problem.

    The whole file is checked before anything is returned: one bad annotation
    refuses the file, and the error names every problem found (annotation
    number, field, what was found), so the caller writes nothing at all. A file
    that is half imported is harder to reason about than one that is not.

    The file is read one annotation at a time (:mod:`.bounded_json`): each is
    checked and made a note, and only the notes are kept. So its structure is
    refused as it is read, before it can take memory: more than
    :data:`MAX_ANNOTATIONS`, more than :data:`MAX_VALUES` JSON values in one
    annotation (or in the file outside its annotations), or nesting deeper than
    :data:`MAX_DEPTH` stop the reading at once. After :data:`MAX_PROBLEMS_LISTED`
    problems, the annotations are only counted and read as JSON.

    Also refused: more than :data:`MAX_IMPORT_BYTES`; not UTF-8 JSON; a key given
    twice in one object; a wrong type anywhere; a time without its time zone; a
    note id that is neither :data:`NOTE_ID` (after an optional ``urn:uuid:``) nor
    an http(s) IRI, or is there twice; an event or quote id that could not be
    one; an empty text (:func:`is_blank`); a text, tag or label longer than the
    app keeps; notes about another timeline. A well-formed event or quote id not
    in ``timeline`` is taken: the note is detached, as the store keeps notes
    whose target was removed, and comes back when the id does.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise NotesImportError(file_too_big(len(data)))
    reading = _Reading(_decode(data), timeline_urn(timeline.id))
    try:
        document = reading.document()
        reading.reader.finish()
    except JsonTooDeep:
        raise NotesImportError(
            f"not a notes file: its JSON is nested too deeply (more than {MAX_DEPTH} levels)"
        ) from None
    except JsonTooMany:  # the file is one annotation, or outside its annotations
        outside = "" if reading.kind == _ANNOTATION else " outside its annotations"
        raise NotesImportError(
            f"the file holds more than {MAX_VALUES:,} JSON values{outside}; "
            f"at most {MAX_VALUES:,} can be read"
        ) from None
    except JsonReadError as exc:
        raise NotesImportError(f"not a JSON file: {exc.message}") from None
    else:
        if not isinstance(document, _Streamed):  # a list of annotations is checked
            _check_document(document)
            if document.get("type") == _ANNOTATION:
                reading.single(document)
    if reading.problems:
        raise NotesImportError(reading.problems)
    return reading.notes


def file_too_big(size: int, limit: int = MAX_IMPORT_BYTES) -> str:
    """Why a file of ``size`` bytes is refused."""
    return (
        f"the file is {size / 2**20:,.1f} MiB; at most {limit / 2**20:,.0f} MiB "
        "of notes can be imported at once"
    )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotesImportError(
            f"not a UTF-8 text file (byte {exc.start:,}: {exc.reason})"
        ) from None


class _Streamed:
    """Where a page's ``items`` were: read one by one, not kept."""


class _Reading:
    """A W3C file read one annotation at a time: its notes and problems so far.

    The file is a list of annotations or an object (a collection, a page, an
    annotation), kept but for its ``items``, at most MAX_VALUES values in all;
    each annotation in ``items`` is made a note, or problems, as soon as it is
    read. The pages are ``first`` and, inside each page, ``next``.
    """

    def __init__(self, text: str, source: str) -> None:
        self.reader = JsonReader(text, max_depth=MAX_DEPTH)
        self.source = source
        self.outside = Budget(MAX_VALUES, strict=True)
        self.notes: list[Note] = []
        self.problems: list[str] = []
        self.count = 0
        self.first_with_id: dict[str, int] = {}
        self.unchecked = False
        # The top object's "type", once read.
        self.kind: Any = None

    def document(self) -> Any:
        char = self.reader.next_char()
        if char == "[":  # a JSON list of annotations
            self._annotations()
            return _Streamed()
        if char != "{":
            return self.reader.value(self.outside)
        return self._object("", {"first", "next"})

    def _object(self, where: str, pages: set[str]) -> dict[str, Any]:
        """The object that comes next; its members named in ``pages`` that are
        objects are read as pages, an ``items`` list as annotations."""
        found: dict[str, Any] = {}
        for key in self.reader.members():
            if key in found:
                raise NotesImportError(f"{where}{key}: given twice")
            char = self.reader.next_char()
            if key in pages and char == "{":
                found[key] = self._object(f"{where}{key}: ", {"next"})
            elif key == "items" and char == "[":
                self._annotations()
                found[key] = _Streamed()
            else:
                found[key] = self.reader.value(self.outside)
                if not where and key == "type":
                    self.kind = found[key]
        return found

    def _annotations(self) -> None:
        for _ in self.reader.elements():
            if self.count == MAX_ANNOTATIONS:
                raise NotesImportError(
                    f"the file has more than {MAX_ANNOTATIONS:,} annotations; "
                    f"at most {MAX_ANNOTATIONS:,} can be imported at once"
                )
            self.count += 1
            self._annotation(self.count)

    def _annotation(self, number: int) -> None:
        budget = Budget(MAX_VALUES, strict=True)
        try:
            item = self.reader.value(budget)
        except JsonTooMany:  # its values are neither kept nor read further
            raise NotesImportError(
                [
                    *self.problems,
                    f"annotation {number}: more than {MAX_VALUES:,} JSON values; an "
                    f"annotation may hold at most {MAX_VALUES:,} (the rest of the file "
                    "was not read)",
                ]
            ) from None
        if not self.unchecked:  # else only read: counted, and its JSON checked
            self._take(item, number, budget.duplicate)

    def single(self, item: dict[str, Any]) -> None:
        """The file's one annotation (its values were counted as the file's)."""
        self.count = 1
        self._take(item, 1, self.outside.duplicate)

    def _take(self, item: Any, number: int, duplicate: str | None) -> None:
        found: list[str] = []
        if duplicate is not None:
            found.append(f"the key {_show(duplicate)} is given twice in one object")
        else:
            note = _note(item, self.source, found)
            if note is not None:
                first = self.first_with_id.setdefault(note.id, number)
                if first != number:
                    found.append(f"id: {_show(note.id)} is also the id of annotation {first}")
                else:
                    self.notes.append(note)
        self.problems += [f"annotation {number}: {problem}" for problem in found]
        if len(self.problems) > MAX_PROBLEMS_LISTED:
            del self.problems[MAX_PROBLEMS_LISTED:]
            self.problems.append(
                f"more than {MAX_PROBLEMS_LISTED:,} problems: the annotations after "
                f"annotation {number} were not checked"
            )
            self.unchecked = True
            self.notes.clear()


def _check_document(document: Any) -> None:
    """That ``document`` is a collection whose pages held annotations, a page
    that held them, or one annotation; each with the Web Annotation context."""
    kind = document.get("type") if isinstance(document, dict) else None
    if kind not in (_COLLECTION, _PAGE, _ANNOTATION):
        raise NotesImportError(
            "not a W3C AnnotationCollection, AnnotationPage or Annotation "
            '(its "type" must be one of them)'
        )
    context = document.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if not any(c == ANNO_CONTEXT for c in contexts):
        raise NotesImportError(f"its @context is not {ANNO_CONTEXT}")
    if kind == _ANNOTATION:
        if isinstance(document.get("items"), _Streamed):
            raise NotesImportError("items: an Annotation holds no annotations")
        return
    if kind == _PAGE:
        page, where, pages = document, "the page", 0
    elif "items" in document:
        raise NotesImportError("items: a collection holds its annotations in pages (first)")
    elif "first" not in document and document.get("total") == 0:
        return  # a collection of no annotations has no page (§5.1)
    elif "first" not in document:
        raise NotesImportError("first: missing (the AnnotationPage that holds the annotations)")
    else:
        page, where, pages = document["first"], "first", 0
    while page is not None:
        pages += 1
        if not isinstance(page, dict):
            raise NotesImportError(
                f"{where}: must be an AnnotationPage in the file itself, found {_show(page)}"
            )
        page_items = page.get("items", _MISSING)
        if not isinstance(page_items, _Streamed | list):
            raise NotesImportError(
                f"{where}: items: must be a list of annotations, found {_show(page_items)}"
            )
        page, where = page.get("next"), f"page {pages + 1}"


# -- one annotation --------------------------------------------------------------------

# A field that is not there (``None`` is JSON's null).
_MISSING: Any = object()


def _show(value: Any) -> str:
    """What was found, for a message: short, and never the value's own markup."""
    if value is _MISSING:
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
    if value is _MISSING:
        problems.append(f"{where}: missing")
        return None
    if not isinstance(value, str):
        problems.append(f"{where}: must be text, found {_show(value)}")
        return None
    if len(value) > limit:
        problems.append(f"{where}: longer than the {limit:,} characters allowed ({len(value):,})")
        return None
    if _SURROGATE.search(value):
        problems.append(f"{where}: contains a broken character (a lone UTF-16 surrogate)")
        return None
    return value


def _note(item: Any, source: str, problems: list[str]) -> Note | None:
    if not isinstance(item, dict):
        problems.append(f"must be an Annotation (a JSON object), found {_show(item)}")
        return None
    kind = item.get("type", _MISSING)
    if kind != "Annotation":
        problems.append(f"type: must be 'Annotation', found {_show(kind)}")
    note_id = _note_id(item.get("id", _MISSING), problems)
    # Both times are optional in the model: one stands for the other, and with
    # neither the note is made now, as a note added here would be.
    times = {key: _time(item[key], key, problems) for key in ("created", "modified") if key in item}
    if "bodyValue" in item and "body" in item:
        problems.append("bodyValue: an annotation has a body or a bodyValue, not both")
        body = None
    elif "bodyValue" in item:  # §3.2.5: the text itself, a plain commenting body
        body = _body([{"value": item["bodyValue"]}], problems, "bodyValue")
    else:
        body = _body(item.get("body", _MISSING), problems)
    target = _target(item.get("target", _MISSING), source, problems)
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
            f"'urn:uuid:'), found {_show(text)}"
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
            f"{where}: not a date and time like '2025-06-04T10:00:00Z', found {_show(text)}"
        )
        return None
    if moment.utcoffset() is None:
        problems.append(f"{where}: a time needs its time zone, found {_show(text)}")
        return None
    try:
        year = moment.astimezone(UTC).year
    except OverflowError:
        year = 0
    if not 1 < year < 9999:  # so that it can be shown in any local time zone
        problems.append(f"{where}: out of range (years 2 to 9998 in UTC), found {_show(text)}")
        return None
    return moment


def _body(
    value: Any, problems: list[str], name: str = "body"
) -> tuple[str, list[str], str | None] | None:
    """The note's text (one ``commenting`` body), its tags (``tagging`` bodies) and
    the reader's grade (one ``assessing`` body: an Admiralty code such as "B2"; a
    graded note may have no text)."""
    if value is _MISSING:
        problems.append("body: missing (the note's text)")
        return None
    bodies = [value] if isinstance(value, dict) else value
    if not isinstance(bodies, list):
        problems.append(f"body: must be a TextualBody or a list of them, found {_show(value)}")
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
            problems.append(f"{where}: must be a TextualBody object, found {_show(body)}")
            ok = False
            continue
        kind = body.get("type", "TextualBody")
        if kind != "TextualBody":
            problems.append(
                f"{where}: type: only a TextualBody can be imported, found {_show(kind)}"
            )
            ok = False
        purpose = body.get("purpose", "commenting")
        if purpose not in ("commenting", "tagging", "assessing"):
            problems.append(
                f"{where}: purpose: must be 'commenting', 'tagging' or 'assessing', "
                f"found {_show(purpose)}"
            )
            ok = False
            continue
        limit = MAX_NOTE_LENGTH if purpose == "commenting" else MAX_TAG_LENGTH
        text = _text(body.get("value", _MISSING), at, problems, limit)
        if text is None:
            ok = False
        elif purpose == "assessing":
            if re.fullmatch(GRADE_PATTERN, text) is None:
                problems.append(
                    f"{where}: value: an assessment must be an Admiralty code such as "
                    f"'B2', found {_show(text)}"
                )
                ok = False
            grades.append(text)
        elif purpose == "commenting" and is_blank(text):  # as `notes add ""` refuses it
            problems.append(f"{at}: the note's text is empty, found {_show(text)}")
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
    if value is _MISSING:
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
                f"target: it is about {_show(found)}, not an event, quote, source or claim "
                f"of this timeline ({source}#event=ID)"
            )
            return None
        where = "target: fragment"
    elif not isinstance(value, dict):
        problems.append(
            f"target: must be a SpecificResource object, found {_show(value)} (or an IRI "
            f"such as '{source}#event=ID')"
        )
        return None
    else:
        about = value.get("source", _MISSING)
        if about != source:
            problems.append(
                f"target: source: it is about {_show(about)}, not this timeline ({source})"
            )
            return None
        selector = value.get("selector", _MISSING)
        if not isinstance(selector, dict):
            problems.append(
                f"target: selector: must be a FragmentSelector object, found {_show(selector)}"
            )
            return None
        kind = selector.get("type", "FragmentSelector")
        if kind != "FragmentSelector":
            problems.append(
                f"target: selector: type: must be 'FragmentSelector', found {_show(kind)}"
            )
            return None
        where = "target: selector: value"
        value_text = _text(selector.get("value", _MISSING), where, problems, 1_000)
        if value_text is None:
            return None
        fragment = value_text
    kind_text, equals, quoted_id = fragment.partition("=")
    if not equals or kind_text not in {kind.value for kind in TargetKind}:
        problems.append(
            f"{where}: must be 'event=ID', 'quote=ID', 'source=ID' or "
            f"'claim=ID', found {_show(fragment)}"
        )
        return None
    target_id = unquote(quoted_id)
    if not TARGET_ID.fullmatch(target_id):
        problems.append(
            f"{where}: not an event, quote, source or claim id, found {_show(target_id)}"
        )
        return None
    label = ""
    if isinstance(value, dict) and "label" in value:
        label_text = _text(value["label"], "target: label", problems, MAX_LABEL_LENGTH)
        if label_text is None:
            return None
        label = label_text
    return NoteTarget(kind=TargetKind(kind_text), id=target_id), label
