"""The notes files of earlier versions (one JSON file per timeline), read note by
note: to carry them into the database (:mod:`viewer.persistence.notes_carry`),
and for ``timeline-viewer notes import``. Qt-free.

A note is taken on its own: one the database refuses (a text over today's
limit, too many tags, an odd id, an id given to another note) never keeps the
others out. A time without a zone, which an earlier version's W3C import let
in, is read as UTC: that repair loses nothing. The file is read one note at a
time with the W3C reader's bounds (:mod:`viewer.persistence.bounded_json`), so
a hostile file is refused or set aside by its shape, never built whole in
memory; a refused note is kept as its exact text in the file.
"""

from __future__ import annotations

import glob
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from viewer.domain.notes import Note, is_blank
from viewer.persistence.bounded_json import Budget, JsonReader, JsonReadError
from viewer.persistence.notes_w3c import (
    MAX_ANNOTATIONS,
    MAX_DEPTH,
    MAX_PROBLEMS_LISTED,
    MAX_VALUES,
)

# The only JSON notes format there was.
JSON_FORMAT = 1
# The largest notes file read (an earlier version wrote them; 100,000 notes of
# a page each stay under it).
MAX_JSON_BYTES = 256 * 2**20
# How an earlier version's file, and a file of notes not carried over, begin.
_BEGINNING = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"format_version"\s*:')
# What a note must have before pydantic is asked (a quick refusal of ``{}``).
_REQUIRED = ("id", "target", "text", "created", "modified")


class LegacyNotesError(Exception):
    """The file as a whole cannot be read; :attr:`problems` says why, a line each."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else problems
        super().__init__("\n".join(self.problems))


@dataclass
class LegacyNotes:
    """What a notes file holds, note by note."""

    # Notes to take, in the file's order, each id once.
    notes: list[Note] = field(default_factory=list)
    # How many of them had a time without a zone, read as UTC.
    repaired: int = 0
    # How many notes were refused.
    refused: int = 0
    # The refused notes' JSON texts, exactly as in the file (when kept).
    refused_texts: list[str] = field(default_factory=list)
    # Why, a line per refused note (``notes[3].text: ...``), the first
    # MAX_PROBLEMS_LISTED of them.
    problems: list[str] = field(default_factory=list)


def json_path(folder: Path, stem: str) -> Path:
    return folder / f"{stem}.notes.json"


def carried_path(folder: Path, stem: str) -> Path:
    """Where an earlier version's file is kept once carried over (renamed, so a
    database started afresh never takes it again)."""
    return folder / f"{stem}.notes-carried-over.json"


def refused_path(folder: Path, stem: str) -> Path:
    """Where the notes that could not be carried over are kept: the first name
    of ``<stem>.notes-not-carried-over[-N].json`` not taken yet."""
    path = folder / f"{stem}.notes-not-carried-over.json"
    number = 2
    while path.exists():
        path = folder / f"{stem}.notes-not-carried-over-{number}.json"
        number += 1
    return path


def refused_files(folder: Path, stem: str) -> list[Path]:
    """The files of notes not carried over that are beside the store."""
    return sorted(folder.glob(f"{glob.escape(stem)}.notes-not-carried-over*.json"))


def is_notes_file(data: bytes) -> bool:
    """Whether ``data`` looks like a notes file of this format (by its first key)."""
    return _BEGINNING.match(data[:4096]) is not None


def read_legacy(path: Path, timeline_id: str) -> LegacyNotes:
    """The notes of an earlier version's file, for carrying over: every note
    that can be taken, and the others' texts. Raises :class:`LegacyNotesError`
    when the file as a whole cannot be read."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise LegacyNotesError(f"it cannot be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_JSON_BYTES:
        raise LegacyNotesError(f"it is larger than {MAX_JSON_BYTES // 2**20} MB")
    return _read(data, timeline_id, keep=True)


def from_notes_file(data: bytes, timeline_id: str) -> list[Note]:
    """The notes of a notes file (an earlier version's, or the notes that could
    not be carried over, once fixed), for ``notes import``: all of them, or
    :class:`LegacyNotesError` naming every note that cannot be taken. A time
    without a zone is read as UTC, as when carrying over; an empty note is
    refused, as ``notes add`` refuses one; so is an id given twice. At most
    MAX_ANNOTATIONS notes; reading stops after MAX_PROBLEMS_LISTED problems."""
    found = _read(data, timeline_id, keep=False)
    problems = list(found.problems)
    blank = [note.id for note in found.notes if is_blank(note.text)]
    problems += [f"note {note_id}: its text is empty" for note_id in blank]
    if problems:
        raise LegacyNotesError(problems)
    return found.notes


def refused_file(timeline_id: str, found: LegacyNotes, origin: Path) -> bytes:
    """A notes file of the refused notes, each as it was, with why beside them."""
    head = {
        "format_version": JSON_FORMAT,
        "timeline_id": timeline_id,
        "about": (
            f"Notes from {origin.name} that could not be carried over into the notes "
            "database, as they were. Fix them (see problems) and run: timeline-viewer "
            "notes import THIS-FILE"
        ),
        "problems": [f"{origin.name}: {problem}" for problem in found.problems],
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)[:-2]  # without "\n}"
    notes = ",\n".join(found.refused_texts)
    return f'{text},\n  "notes": [\n{notes}\n]\n}}\n'.encode()


def _read(data: bytes, timeline_id: str, *, keep: bool) -> LegacyNotes:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LegacyNotesError(
            f"not a UTF-8 text file (byte {exc.start:,}: {exc.reason})"
        ) from None
    reader = JsonReader(text, max_depth=MAX_DEPTH)
    head: dict[str, Any] = {}
    found = LegacyNotes()
    try:
        for key in reader.members():
            if key in head:
                raise LegacyNotesError(f"the key {key!r} is given twice")
            if key == "notes" and reader.next_char() == "[":
                _read_notes(reader, found, keep=keep)
                head[key] = None
            elif key in ("format_version", "timeline_id"):
                head[key] = reader.value(Budget(1))  # a container is not kept
            else:
                reader.value(Budget(0))  # read, never kept
                head[key] = None
        reader.finish()
    except JsonReadError as exc:
        raise LegacyNotesError([*found.problems, f"it is not JSON: {exc.message}"]) from None
    version = head.get("format_version")
    if type(version) is not int or version < 1:
        raise LegacyNotesError("format_version: a whole number from 1 is expected")
    if version > JSON_FORMAT:
        raise LegacyNotesError(f"it has format {version}, newer than this app")
    if head.get("timeline_id") != timeline_id:
        raise LegacyNotesError(f"it belongs to timeline {head.get('timeline_id')!r}")
    return found


def _read_notes(reader: JsonReader, found: LegacyNotes, *, keep: bool) -> None:
    """The notes list, one note at a time. ``keep``: set the refused notes'
    texts aside (carrying over) rather than stop at too many (importing)."""
    first_with_id: dict[str, int] = {}
    for number in reader.elements():
        if number == MAX_ANNOTATIONS and not keep:
            raise LegacyNotesError(
                [
                    *found.problems,
                    f"the file has more than {MAX_ANNOTATIONS:,} notes; at most "
                    f"{MAX_ANNOTATIONS:,} can be imported at once",
                ]
            )
        reader.next_char()
        start = reader.pos
        budget = Budget(MAX_VALUES)
        item = reader.value(budget)
        note, problem, repaired = _note(item, budget)
        if note is not None:
            first = first_with_id.setdefault(note.id, number)
            if first == number:
                found.notes.append(note)
                found.repaired += repaired
                continue
            problem = f".id: {note.id!r} is also the id of notes[{first}]"
        found.refused += 1
        if keep:
            found.refused_texts.append(reader.text[start : reader.pos])
        if len(found.problems) < MAX_PROBLEMS_LISTED:
            found.problems.append(f"notes[{number}]{problem}")
        elif not keep:
            raise LegacyNotesError(
                [
                    *found.problems,
                    f"more than {MAX_PROBLEMS_LISTED:,} problems; the rest of the file was "
                    "not read",
                ]
            )
        elif len(found.problems) == MAX_PROBLEMS_LISTED:
            found.problems.append(f"more than {MAX_PROBLEMS_LISTED:,} problems; not listed")


def _note(item: Any, budget: Budget) -> tuple[Note | None, str, bool]:
    """``item`` as a note, repaired where that loses nothing (and whether it
    was); or why not."""
    if budget.over:
        return None, f": more than {MAX_VALUES:,} JSON values; a note holds fewer", False
    if budget.duplicate is not None:
        return None, f": the key {budget.duplicate!r} is given twice", False
    if not isinstance(item, dict):
        return None, ": a note is a JSON object", False
    missing = [key for key in _REQUIRED if key not in item]
    if missing:
        return None, f".{missing[0]}: Field required", False
    try:
        return Note.model_validate(item), "", False
    except ValidationError as exc:
        problem = _problem(exc)
    repaired = _with_zones(item)
    if repaired is None:
        return None, problem, False
    try:
        return Note.model_validate(repaired), "", True
    except ValidationError as exc:
        return None, _problem(exc), False


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
