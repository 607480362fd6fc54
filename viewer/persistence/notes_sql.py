"""The notes database's SQL, under :class:`viewer.persistence.notes_store.NoteStore`:
its schema, notes as rows and back, and what SQLite's errors mean (Qt-free).
"""

from __future__ import annotations

import contextlib
import errno
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.domain.words import translate

# How long a writer waits for another one before it gives up (milliseconds).
BUSY_TIMEOUT_MS = 10_000

_NOTE_TABLE = """
CREATE TABLE IF NOT EXISTS {name} (
    id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('event', 'quote', 'source', 'claim')),
    target_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    target_title TEXT NOT NULL DEFAULT '',
    grade TEXT CHECK (grade IS NULL OR grade GLOB '[A-F][1-6]')
);
"""
_NOTE_INDEXES = """
CREATE INDEX IF NOT EXISTS note_by_target ON note (target_kind, target_id);
CREATE INDEX IF NOT EXISTS note_by_modified ON note (modified, id);
"""
SCHEMA = (
    _NOTE_TABLE.format(name="note")
    + _NOTE_INDEXES
    + """
CREATE TABLE IF NOT EXISTS note_tag (
    note_id TEXT NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (note_id, position)
);
CREATE INDEX IF NOT EXISTS note_tag_by_tag ON note_tag (tag);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
)

# Migrations from each older schema version to the next, run in order, each in
# the transaction that sets the new version (with foreign keys off, so a table
# made again keeps its tags: see NoteStore._create_or_migrate).
MIGRATIONS: dict[int, str] = {
    # 1 -> 2: notes on sources and claims, and the reader's grade. SQLite cannot
    # change a CHECK: the table is made again and the notes copied over.
    1: _NOTE_TABLE.format(name="note_v2")
    + """
INSERT INTO note_v2 (id, target_kind, target_id, text, created, modified, target_title)
    SELECT id, target_kind, target_id, text, created, modified, target_title FROM note;
DROP TABLE note;
ALTER TABLE note_v2 RENAME TO note;
DELETE FROM note_tag WHERE note_id NOT IN (SELECT id FROM note);
"""
    + _NOTE_INDEXES,
}
# The tables and indexes of :data:`SCHEMA`, by name.
PARTS = tuple(re.findall(r"CREATE (?:TABLE|INDEX) IF NOT EXISTS (\w+)", SCHEMA))
# Free space below this on the notes' disk means it is full (SQLite then says
# "disk I/O error" or "readonly database" as often as "disk is full").
FULL_DISK_BYTES = 64 * 1024


def connect(target: Path | str, uri: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), waiting for
    other writers up to BUSY_TIMEOUT_MS. Tests replace this to inject faults."""
    return sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=uri)


def statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def write(db: sqlite3.Connection, note: Note) -> None:
    db.execute(
        "INSERT OR REPLACE INTO note (id, target_kind, target_id, text, created, modified, "
        "target_title, grade) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            note.id,
            note.target.kind.value,
            note.target.id,
            note.text,
            note.created.isoformat(),
            note.modified.isoformat(),
            note.target_title,
            note.grade,
        ),
    )
    db.execute("DELETE FROM note_tag WHERE note_id = ?", (note.id,))
    db.executemany(
        "INSERT INTO note_tag (note_id, position, tag) VALUES (?, ?, ?)",
        [(note.id, i, tag) for i, tag in enumerate(note.tags)],
    )


def companions(path: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside a database."""
    return tuple(path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))


def when_not_busy(run: Callable[[], object]) -> None:
    """Run ``run``, trying again while the database is locked, up to BUSY_TIMEOUT_MS."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            run()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


_COLUMNS = "id, target_kind, target_id, text, created, modified, target_title"


def _columns(db: sqlite3.Connection) -> str:
    """The note table's columns to read: with the grade where the table has it (a
    database of schema 1, read where it cannot be migrated, has none)."""
    names = {row[1] for row in db.execute("PRAGMA table_info(note)")}
    return f"{_COLUMNS}, grade" if "grade" in names else f"{_COLUMNS}, NULL"


def read(db: sqlite3.Connection) -> Iterator[Note | None]:
    """Every note, or None for a row that is not one (written wrong elsewhere:
    left in the database, counted)."""
    names = names_in(db)
    if "note" not in names:
        return  # nothing to read (a database opened read-only, not repaired)
    tags: dict[str, list[str]] = {}
    if "note_tag" in names:  # else read the notes without their tags
        _read_tags(db, tags)
    for row in db.execute(f"SELECT {_columns(db)} FROM note"):
        yield _note(row, tags)


def salvage(db: sqlite3.Connection) -> list[Note]:
    """The notes that can still be read from a damaged database: its rows in
    order up to the damage, then from the last back to it; with their tags
    where those can be read."""
    tags: dict[str, list[str]] = {}
    with contextlib.suppress(sqlite3.Error):
        _read_tags(db, tags)
    found: dict[str, Note] = {}
    columns = f"{_COLUMNS}, NULL"
    with contextlib.suppress(sqlite3.Error):
        columns = _columns(db)
    for order in ("ASC", "DESC"):
        with contextlib.suppress(sqlite3.Error):
            for row in db.execute(f"SELECT {columns} FROM note ORDER BY rowid {order}"):
                note = _note(row, tags)
                if note is not None:
                    found.setdefault(note.id, note)
    return list(found.values())


def _read_tags(db: sqlite3.Connection, tags: dict[str, list[str]]) -> None:
    for note_id, tag in db.execute("SELECT note_id, tag FROM note_tag ORDER BY note_id, position"):
        tags.setdefault(note_id, []).append(tag)


def _note(row: tuple[str, ...], tags: dict[str, list[str]]) -> Note | None:
    note_id, kind, target_id, text, created, modified, title, grade = row
    try:
        return Note(
            id=note_id,
            target=NoteTarget(kind=TargetKind(kind), id=target_id),
            text=text,
            tags=tuple(tags.get(note_id, ())),
            created=datetime.fromisoformat(created),
            modified=datetime.fromisoformat(modified),
            target_title=title,
            grade=grade,
        )
    except (TypeError, ValueError, ValidationError):
        return None


def is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    """Whether the file cannot be read as a database (a table missing from a
    readable one is repaired instead, see :meth:`NoteStore._repair`)."""
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def names_in(db: sqlite3.Connection) -> set[str]:
    """The tables and indexes in the database."""
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master")}


def newer_in(db: sqlite3.Connection, note: Note) -> bool:
    """Whether the database holds ``note`` already, changed as late or later."""
    row = db.execute("SELECT modified FROM note WHERE id = ?", (note.id,)).fetchone()
    if row is None:
        return False
    try:
        return datetime.fromisoformat(row[0]) >= note.modified
    except (TypeError, ValueError):
        return False


def disk_full(path: Path) -> bool:
    """Whether the disk the notes are on has (next to) no space left."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return free_bytes(folder) < FULL_DISK_BYTES
    except OSError:
        return False


def free_bytes(folder: Path) -> int:
    """Free space for this user on ``folder``'s disk (tests replace this)."""
    return shutil.disk_usage(folder).free


def reason_of(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def why(exc: BaseException, path: Path) -> str:
    """Why ``exc`` happened to the database at ``path``, in the reader's words: a
    full disk is said as such, whatever SQLite made of it."""
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or disk_full(path):
        return translate("notes", "the disk is full")
    return reason_of(exc)
