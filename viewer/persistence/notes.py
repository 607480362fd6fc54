"""The reader's notes: one file per timeline id, never inside the model file.

Qt-free. The store guarantees:

* every save is atomic (:func:`atomic_write_bytes`): a crash at any moment
  leaves the state before or the state after that save;
* one writer at a time: the store holds an OS lock (``flock``) on a lock file
  next to the notes for as long as it is open; a second store on the same
  timeline opens read-only and says why. The OS drops the lock when a process
  dies, so a crash never leaves a stale lock behind;
* a file it cannot read is moved aside to a timestamped backup before anything
  new is written, and the reader is told where it went;
* a file from a newer version is opened read-only and never rewritten;
* a note whose event or quote is gone from the model is kept ("detached"),
  with the title it had, and is attached again when the id comes back.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from viewer.domain.model import Timeline
from viewer.persistence.atomic import atomic_write_bytes, remove_stale_temporaries

#: The newest notes-file format this version writes and understands.
NOTES_FORMAT = 1


class TargetKind(StrEnum):
    EVENT = "event"
    QUOTE = "quote"


class NoteTarget(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")
    kind: TargetKind
    id: str = Field(min_length=1)


class Note(BaseModel):
    """One note on an event or a quote. Immutable: an edit makes a new value."""

    model_config = ConfigDict(frozen=True, extra="ignore")
    id: str = Field(min_length=1)
    target: NoteTarget
    text: str
    tags: tuple[str, ...] = ()
    created: datetime
    modified: datetime
    #: The target's title when the note was last attached, shown if it is gone.
    target_title: str = ""

    @classmethod
    def new(
        cls, target: NoteTarget, text: str, tags: Iterable[str] = (), target_title: str = ""
    ) -> Note:
        now = utc_now()
        return cls(
            id=uuid.uuid4().hex,
            target=target,
            text=text,
            tags=clean_tags(tags),
            created=now,
            modified=now,
            target_title=target_title,
        )

    def edited(self, text: str, tags: Iterable[str]) -> Note:
        return self.model_copy(
            update={"text": text, "tags": clean_tags(tags), "modified": utc_now()}
        )


class NotesFile(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format_version: int = Field(ge=1)
    timeline_id: str
    notes: tuple[Note, ...] = ()


def utc_now() -> datetime:
    return datetime.now(UTC)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without blanks or repeats, in the order given."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = tag.strip().lstrip("#").strip()
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def parse_tags(text: str) -> tuple[str, ...]:
    """``"Frieden, #Istanbul  Sanktionen"`` -> ``("Frieden", "Istanbul", "Sanktionen")``."""
    return clean_tags(re.split(r"[,\s]+", text))


def target_title(timeline: Timeline, target: NoteTarget) -> str | None:
    """The current title of a note's target, or ``None`` if it is gone."""
    if target.kind is TargetKind.EVENT:
        event = timeline.events_by_id.get(target.id)
        return event.title if event else None
    for quote in timeline.quotes:
        if quote.id == target.id:
            speaker = timeline.actors_by_id.get(quote.speaker)
            who = speaker.name if speaker else quote.speaker
            return f"{who}: „{_clip(quote.text, 80)}“"
    return None


def event_of(timeline: Timeline, target: NoteTarget) -> str | None:
    """The event a note belongs to on the timeline (a quote's event), if it exists."""
    if target.kind is TargetKind.EVENT:
        return target.id if target.id in timeline.events_by_id else None
    for quote in timeline.quotes:
        if quote.id == target.id:
            return quote.event if quote.event in timeline.events_by_id else None
    return None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NotesError(Exception):
    """Saving failed; the notes are still in memory and on disk as before."""


@dataclass
class OpenReport:
    """What the reader must be told after opening the notes of a timeline."""

    read_only: bool = False
    messages: list[str] = field(default_factory=list)
    backup: Path | None = None


def notes_folder(data_dir: Path) -> Path:
    return data_dir / "notes"


def _file_stem(timeline_id: str) -> str:
    # Ids are restricted to safe characters by the model; be safe anyway.
    return re.sub(r"[^A-Za-z0-9._-]", "_", timeline_id)


class _Lock:
    """An exclusive, non-blocking OS lock on a file; released when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        handle = self.path.open("a+b")
        try:
            if os.name == "nt":  # pragma: no cover - exercised on Windows only
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._handle = handle
        return True

    def holder(self) -> str:
        with contextlib.suppress(OSError):
            pid = self.path.read_text(encoding="ascii").strip()
            if pid.isdigit():
                return f"process {pid}"
        return "another program"

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor drops the lock
            self._handle = None


class NoteStore:
    """The notes of one timeline, in memory, saved atomically to one file."""

    def __init__(self, data_dir: Path, timeline_id: str) -> None:
        self.timeline_id = timeline_id
        folder = notes_folder(data_dir)
        self.path = folder / f"{_file_stem(timeline_id)}.notes.json"
        self._lock = _Lock(folder / f"{_file_stem(timeline_id)}.notes.lock")
        self._notes: dict[str, Note] = {}
        self.read_only = False
        self.dirty = False
        self._locked = False

    # -- opening and closing ------------------------------------------------

    def open(self) -> OpenReport:
        """Lock, then load. Never raises for a bad file: the report says what happened."""
        report = OpenReport()
        try:
            locked = self._take_lock()
        except OSError as exc:
            # No folder to keep notes in (yet): they live in memory, and every
            # save tries again to make the folder and take the lock.
            report.messages.append(
                f"Your notes cannot be saved in {self.path.parent} right now "
                f"({_reason(exc)}). They are kept in memory and saving is retried."
            )
            return report
        if not locked:
            self.read_only = report.read_only = True
            report.messages.append(
                f"The notes of this timeline are open in another window of timeline-viewer "
                f"({self._lock.holder()}). They are read-only here, so neither window "
                "overwrites the other's notes; close the other window to edit them here."
            )
        else:
            remove_stale_temporaries(self.path)
        self._load(report)
        return report

    def _take_lock(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._locked = self._lock.acquire()
        return self._locked

    def _load(self, report: OpenReport) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.read_only = report.read_only = True
            report.messages.append(
                f"Your notes file {self.path} cannot be read ({_reason(exc)}). It is left "
                "untouched and notes are read-only in this window."
            )
            return
        try:
            parsed = NotesFile.model_validate_json(data)
        except ValidationError as exc:
            newer = _newer_version(data)
            if newer is not None:
                self._refuse_newer(report, newer)
                return
            self._move_aside(report, _first_error(exc))
            return
        if parsed.format_version > NOTES_FORMAT:
            self._refuse_newer(report, parsed.format_version)
            self._notes = {note.id: note for note in parsed.notes}
            return
        if parsed.timeline_id != self.timeline_id:
            self._move_aside(
                report, f"it belongs to timeline {parsed.timeline_id!r}, not {self.timeline_id!r}"
            )
            return
        self._notes = {note.id: note for note in parsed.notes}

    def _refuse_newer(self, report: OpenReport, version: int) -> None:
        self.read_only = report.read_only = True
        report.messages.append(
            f"Your notes file {self.path} was made by a newer version of timeline-viewer "
            f"(format {version}; this version knows up to {NOTES_FORMAT}). It is opened "
            "read-only and will not be rewritten; update the app to edit these notes."
        )

    def _move_aside(self, report: OpenReport, reason: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}.json")
        counter = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}-{counter}.json")
            counter += 1
        if self.read_only:
            report.messages.append(
                f"Your notes file {self.path} could not be read ({reason}). Another window "
                "has it open, so it is left as it is."
            )
            return
        try:
            os.replace(self.path, backup)
        except OSError as exc:
            self.read_only = report.read_only = True
            report.messages.append(
                f"Your notes file {self.path} could not be read ({reason}), nor moved aside "
                f"({_reason(exc)}). It is left untouched; notes are read-only in this window."
            )
            return
        report.backup = backup
        report.messages.append(
            f"Your notes file could not be read ({reason}). Nothing was deleted: it was moved "
            f"to {backup}. New notes start in a fresh file."
        )

    def _merge_from_disk(self) -> None:
        """Fold in notes a file that appeared since opening holds, so none is overwritten."""
        report = OpenReport()
        mine = self._notes
        self._notes = {}
        self._load(report)
        for note in mine.values():
            theirs = self._notes.get(note.id)
            if theirs is None or note.modified >= theirs.modified:
                self._notes[note.id] = note
        if report.read_only:
            self.read_only = True
            raise NotesError(" ".join(report.messages))

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._lock.release()
        self._locked = False

    # -- the notes ------------------------------------------------------------

    def notes(self) -> list[Note]:
        return list(self._notes.values())

    def get(self, note_id: str) -> Note | None:
        return self._notes.get(note_id)

    def put(self, note: Note) -> None:
        self._check_writable()
        self._notes[note.id] = note
        self.dirty = True

    def remove(self, note_id: str) -> Note | None:
        self._check_writable()
        note = self._notes.pop(note_id, None)
        if note is not None:
            self.dirty = True
        return note

    def _check_writable(self) -> None:
        if self.read_only:
            raise NotesError("the notes are read-only in this window")

    def detached(self, timeline: Timeline) -> list[Note]:
        return [n for n in self._notes.values() if target_title(timeline, n.target) is None]

    def remember_titles(self, timeline: Timeline) -> None:
        """Keep each attached note's current target title, for the day it is gone."""
        if self.read_only:
            return
        for note in list(self._notes.values()):
            title = target_title(timeline, note.target)
            if title is not None and title != note.target_title:
                self._notes[note.id] = note.model_copy(update={"target_title": title})
                self.dirty = True

    # -- saving ----------------------------------------------------------------

    def to_bytes(self) -> bytes:
        document = NotesFile(
            format_version=NOTES_FORMAT, timeline_id=self.timeline_id, notes=tuple(self.notes())
        )
        return document.model_dump_json(indent=2).encode("utf-8") + b"\n"

    def save(self) -> None:
        """Write the notes if they changed. Raises :class:`NotesError` (nothing lost)."""
        if not self.dirty:
            return
        self._check_writable()
        try:
            if not self._locked:
                if not self._take_lock():
                    self.read_only = True
                    raise NotesError(
                        "the notes of this timeline were opened in another window meanwhile; "
                        "they are read-only here now"
                    )
                self._merge_from_disk()
            atomic_write_bytes(self.path, self.to_bytes())
        except OSError as exc:
            raise NotesError(f"could not save notes to {self.path}: {_reason(exc)}") from exc
        self.dirty = False


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Invalid JSON: ")
    return f"{where}: {message}" if where else message


class _VersionOnly(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format_version: int


def _newer_version(data: bytes) -> int | None:
    try:
        version = _VersionOnly.model_validate_json(data).format_version
    except ValidationError:
        return None
    return version if version > NOTES_FORMAT else None
