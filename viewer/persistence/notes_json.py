"""The notes files of earlier versions (one JSON file per timeline), read to
carry them into the database (:mod:`viewer.persistence.notes`). Qt-free.

A note is carried over on its own: one the database refuses (a text over
today's limit, too many tags, an odd id) never keeps the others out. A time
without a zone, which an earlier version's W3C import let in, is read as UTC:
that repair loses nothing. What cannot be carried over is kept whole, as it
was, in a file of the same format beside the store (:func:`refused_path`),
which ``timeline-viewer notes import`` reads once the notes in it are fixed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from viewer.domain.notes import Note
from viewer.persistence.bounded_json import Budget, JsonReader, JsonReadError
from viewer.persistence.notes_w3c import (
    MAX_ANNOTATIONS,
    MAX_DEPTH,
    MAX_PROBLEMS_LISTED,
    MAX_VALUES,
)

#: The only JSON notes format there was.
JSON_FORMAT = 1
#: The largest notes file read (an earlier version wrote them; 100,000 notes of
#: a page each stay under it).
MAX_JSON_BYTES = 256 * 2**20
#: How an earlier version's file, and a file of notes not carried over, begin.
_BEGINNING = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"format_version"\s*:')


class LegacyNotesError(Exception):
    """The JSON file could not be carried over; the message says why."""


@dataclass
class LegacyNotes:
    """What an earlier version's notes file holds, note by note."""

    #: Notes the database takes, in the file's order.
    notes: list[Note] = field(default_factory=list)
    #: How many of them had a time without a zone, read as UTC.
    repaired: int = 0
    #: The notes that could not be carried over, as they are in the file.
    refused: list[Any] = field(default_factory=list)
    #: Why, one line per refused note (``notes[3].text: ...``).
    problems: list[str] = field(default_factory=list)


def json_path(folder: Path, stem: str) -> Path:
    return folder / f"{stem}.notes.json"


def refused_path(folder: Path, stem: str) -> Path:
    """Where the notes that could not be carried over are kept."""
    return folder / f"{stem}.notes-not-carried-over.json"


def is_notes_file(data: bytes) -> bool:
    """Whether ``data`` looks like a notes file of this format (by its first key)."""
    return _BEGINNING.match(data[:4096]) is not None


def read_legacy(path: Path, timeline_id: str) -> LegacyNotes:
    """The notes of an old JSON file. Raises :class:`LegacyNotesError` when the
    file as a whole cannot be read; a bad note is only counted as refused."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise LegacyNotesError(f"it cannot be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_JSON_BYTES:
        raise LegacyNotesError(f"it is larger than {MAX_JSON_BYTES // 2**20} MB")
    return parse_legacy(data, timeline_id)


def parse_legacy(data: bytes, timeline_id: str) -> LegacyNotes:
    """The notes of a notes file's bytes, note by note (see :func:`read_legacy`)."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise LegacyNotesError(f"it is not JSON ({_first_line(exc)})") from exc
    if not isinstance(document, dict):
        raise LegacyNotesError("it is not a JSON object")
    _check_head(document, timeline_id)
    items = document.get("notes", [])
    if not isinstance(items, list):
        raise LegacyNotesError("notes: a list is expected")
    found = LegacyNotes()
    for number, item in enumerate(items):
        _take(item, number, found)
    return found


def _take(item: Any, number: int, found: LegacyNotes) -> None:
    """``item`` (the note ``notes[number]``) as a note, repaired where that loses
    nothing, or refused with why."""
    try:
        found.notes.append(Note.model_validate(item))
        return
    except ValidationError as exc:
        problem = _problem(exc)
    repaired = _with_zones(item)
    if repaired is not None:
        try:
            found.notes.append(Note.model_validate(repaired))
            found.repaired += 1
            return
        except ValidationError as exc:
            problem = _problem(exc)
    found.refused.append(item)
    found.problems.append(f"notes[{number}]{problem}")


def _check_head(document: dict[str, Any], timeline_id: str) -> None:
    version = document.get("format_version")
    if type(version) is not int or version < 1:
        raise LegacyNotesError("format_version: a whole number from 1 is expected")
    if version > JSON_FORMAT:
        raise LegacyNotesError(f"it has format {version}, newer than this app")
    if document.get("timeline_id") != timeline_id:
        raise LegacyNotesError(f"it belongs to timeline {document.get('timeline_id')!r}")


def refused_file(timeline_id: str, found: LegacyNotes, origin: Path) -> bytes:
    """A notes file of the refused notes, each whole, with why beside them."""
    document = {
        "format_version": JSON_FORMAT,
        "timeline_id": timeline_id,
        "about": (
            f"Notes from {origin.name} that could not be carried over into the notes "
            "database, as they were. Fix them (see problems) and run: timeline-viewer "
            "notes import THIS-FILE"
        ),
        "problems": [f"{origin.name}: {problem}" for problem in found.problems],
        "notes": found.refused,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _with_zones(item: Any) -> dict[str, Any] | None:
    """``item`` with its times that lack a zone read as UTC, or None when there
    is nothing to repair that way."""
    if not isinstance(item, dict):
        return None
    repaired = dict(item)
    for key in ("created", "modified"):
        value = item.get(key)
        if not isinstance(value, str):
            continue
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            continue
        if moment.tzinfo is None:
            repaired[key] = moment.replace(tzinfo=UTC).isoformat()
    return repaired if repaired != item else None


def _problem(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"])
    return f"{where}: {error['msg']}"


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def from_notes_file(data: bytes, timeline_id: str) -> list[Note]:
    """The notes of a notes file (an earlier version's, or the notes that could
    not be carried over, once fixed), for ``notes import``: all of them, or
    :class:`NotesFileError` naming every note that cannot be taken. A time
    without a zone is read as UTC, as when carrying over; an empty note is
    refused, as ``notes add`` refuses one.

    Read as the W3C files are (:mod:`viewer.persistence.notes_w3c`), one note
    at a time and refused by its shape as it is read: at most MAX_ANNOTATIONS
    notes of at most MAX_VALUES JSON values each, nested at most MAX_DEPTH
    deep; only the notes are kept, never the document."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotesFileError(
            [f"not a UTF-8 text file (byte {exc.start:,}: {exc.reason})"]
        ) from None
    reader = JsonReader(text, max_depth=MAX_DEPTH)
    head: dict[str, Any] = {}
    found = LegacyNotes()
    try:
        seen: set[str] = set()
        for key in reader.members():
            if key in seen:
                raise NotesFileError([*found.problems, f"the key {key!r} is given twice"])
            seen.add(key)
            if key == "notes" and reader.next_char() == "[":
                _read_notes(reader, found)
            elif key in ("format_version", "timeline_id"):
                head[key] = reader.value(Budget(1))  # a container is not kept
            else:
                reader.value(Budget(0))  # read, never kept
        reader.finish()
    except JsonReadError as exc:
        raise NotesFileError([*found.problems, f"its JSON cannot be read: {exc.message}"]) from None
    _check_head(head, timeline_id)
    problems = list(found.problems)
    for note in found.notes:
        if not note.text.strip():
            problems.append(f"note {note.id}: its text is empty")
    if problems:
        raise NotesFileError(problems)
    return found.notes


def _read_notes(reader: JsonReader, found: LegacyNotes) -> None:
    for number in reader.elements():
        if number == MAX_ANNOTATIONS:
            raise NotesFileError(
                [
                    *found.problems,
                    f"the file has more than {MAX_ANNOTATIONS:,} notes; at most "
                    f"{MAX_ANNOTATIONS:,} can be imported at once",
                ]
            )
        budget = Budget(MAX_VALUES)
        item = reader.value(budget)
        if budget.over:
            found.problems.append(
                f"notes[{number}]: more than {MAX_VALUES:,} JSON values; a note holds fewer"
            )
        elif budget.duplicate is not None:
            found.problems.append(f"notes[{number}]: the key {budget.duplicate!r} is given twice")
        else:
            _take(item, number, found)
            found.refused.clear()  # only why is kept
        if len(found.problems) > MAX_PROBLEMS_LISTED:
            del found.problems[MAX_PROBLEMS_LISTED:]
            raise NotesFileError(
                [
                    *found.problems,
                    f"more than {MAX_PROBLEMS_LISTED:,} problems; the rest of the file was "
                    "not read",
                ]
            )


class NotesFileError(LegacyNotesError):
    """A notes file that cannot be imported: each problem, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))
