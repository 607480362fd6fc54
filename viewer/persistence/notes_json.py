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
    version = document.get("format_version")
    if type(version) is not int or version < 1:
        raise LegacyNotesError("format_version: a whole number from 1 is expected")
    if version > JSON_FORMAT:
        raise LegacyNotesError(f"it has format {version}, newer than this app")
    if document.get("timeline_id") != timeline_id:
        raise LegacyNotesError(f"it belongs to timeline {document.get('timeline_id')!r}")
    items = document.get("notes", [])
    if not isinstance(items, list):
        raise LegacyNotesError("notes: a list is expected")
    found = LegacyNotes()
    for number, item in enumerate(items):
        try:
            found.notes.append(Note.model_validate(item))
            continue
        except ValidationError as exc:
            problem = _problem(exc)
        repaired = _with_zones(item)
        if repaired is not None:
            try:
                found.notes.append(Note.model_validate(repaired))
                found.repaired += 1
                continue
            except ValidationError as exc:
                problem = _problem(exc)
        found.refused.append(item)
        found.problems.append(f"notes[{number}]{problem}")
    return found


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
    refused, as ``notes add`` refuses one."""
    found = parse_legacy(data, timeline_id)
    problems = list(found.problems)
    for note in found.notes:
        if not note.text.strip():
            problems.append(f"note {note.id}: its text is empty")
    if problems:
        raise NotesFileError(problems)
    return found.notes


class NotesFileError(LegacyNotesError):
    """A notes file that cannot be imported: each problem, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))
