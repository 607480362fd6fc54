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

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from viewer.domain.notes import (
    Note,
)
from viewer.domain.timeline import TimelineById
from viewer.persistence.bounded_json import (
    Budget,
    JsonReader,
    JsonReadError,
    JsonTooDeep,
    JsonTooMany,
)
from viewer.persistence.w3c_annotation import MISSING, note_of, show

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_TIMELINE_URN = "urn:timeline-viewer:timeline:"

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
# What a file holds at its top, by its "type".
_COLLECTION, _PAGE, _ANNOTATION = "AnnotationCollection", "AnnotationPage", "Annotation"


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
            found.append(f"the key {show(duplicate)} is given twice in one object")
        else:
            note = note_of(item, self.source, found)
            if note is not None:
                first = self.first_with_id.setdefault(note.id, number)
                if first != number:
                    found.append(f"id: {show(note.id)} is also the id of annotation {first}")
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
                f"{where}: must be an AnnotationPage in the file itself, found {show(page)}"
            )
        page_items = page.get("items", MISSING)
        if not isinstance(page_items, _Streamed | list):
            raise NotesImportError(
                f"{where}: items: must be a list of annotations, found {show(page_items)}"
            )
        page, where = page.get("next"), f"page {pages + 1}"
