"""The reader's notes on disk: one SQLite database per timeline id (Qt-free).

Desktop apps that must never lose user data keep it in SQLite (Zotero,
Firefox, Calibre); so does this one. The store guarantees:

* every change is committed (WAL, ``synchronous=FULL``) before it is reported
  done: a crash at any moment loses nothing that was reported saved;
* several windows and the command line write the same notes at once: a busy
  timeout makes one wait for the other, nobody is refused; ``data_version``
  tells a window that another one changed something;
* a change that cannot be written (read-only folder or file, full disk, no
  permission) is kept in memory, shown, and written when :meth:`NoteStore.flush`
  succeeds; :attr:`NoteStore.problem` says why it is waiting. Notes already on
  disk are still read and shown;
* a database that is partly damaged is read, not moved aside: a missing table
  or index is made again, and a note is read without its tags when they cannot
  be. Only a file that cannot be opened as a database at all is moved aside to
  a timestamped name (the reader is told where) and a fresh one started; one
  made by a newer version is opened read-only and never written;
* the JSON notes file of earlier versions is carried over note by note, in
  one transaction, and left beside the database as a backup; the notes the
  database refuses are kept whole in a file beside it
  (:mod:`viewer.persistence.notes_json`). A carry-over that fails is tried
  again at the next open;
* a path that is a folder, a pipe or a device is refused, never opened; when
  only SQLite's ``-wal``, ``-shm`` or ``-journal`` is one, the notes are read
  from the database alone and changes wait;
* a full disk is said as such, whatever SQLite calls it.

Schema (``PRAGMA user_version`` = :data:`SCHEMA_VERSION`): ``note`` (one row per
note, indexed by target and by modification time), ``note_tag`` (one row per
tag, indexed by tag) and ``meta`` (the timeline id, where notes came from).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from viewer.domain.notes import Note, target_title
from viewer.domain.timeline import TimelineById
from viewer.domain.words import translate
from viewer.persistence.notes_carry import carried_over, carry_over, waiting_notes
from viewer.persistence.notes_json import json_path, refused_files
from viewer.persistence.notes_sql import (
    BUSY_TIMEOUT_MS,
    MIGRATIONS,
    PARTS,
    SCHEMA,
    companions,
    is_corrupt,
    names_in,
    read,
    reason_of,
    salvage,
    statements,
    when_not_busy,
    why,
    write,
)
from viewer.persistence.notes_sql import connect as _connect
from viewer.persistence.paths import not_a_file

# The newest database schema this version writes and understands.
SCHEMA_VERSION = 2


class NotesError(Exception):
    """A change was refused (the notes are read-only here); nothing was lost."""


@dataclass
class OpenReport:
    """What the reader must be told after opening the notes of a timeline."""

    read_only: bool = False
    messages: list[str] = field(default_factory=list)
    backup: Path | None = None


def notes_folder(data_dir: Path) -> Path:
    return data_dir / "notes"


def file_stem(timeline_id: str) -> str:
    # Ids are restricted to safe characters by the model; be safe anyway.
    return re.sub(r"[^A-Za-z0-9._-]", "_", timeline_id)


def database_path(data_dir: Path, timeline_id: str) -> Path:
    return notes_folder(data_dir) / f"{file_stem(timeline_id)}.notes.sqlite3"


class NoteStore:
    """The notes of one timeline: read from and committed to its database."""

    def __init__(self, data_dir: Path, timeline_id: str) -> None:
        self.timeline_id = timeline_id
        self.path = database_path(data_dir, timeline_id)
        self._db: sqlite3.Connection | None = None
        # All notes as last read, with the waiting changes applied.
        self._notes: dict[str, Note] = {}
        # Changes not yet in the database: a note to write, or None to delete.
        self._pending: dict[str, Note | None] = {}
        self._data_version: int | None = None
        # Made by a newer version (or unsafe to write): changes are refused.
        self.read_only = False
        # Why changes are waiting in memory, or None when all is on disk.
        self.problem: str | None = None
        # False when notes exist on disk but could not be read: an empty list
        # then means "unknown", never "no notes".
        self.readable = True
        # Rows that could not be read as notes (left in the database).
        self.skipped = 0
        # What the reader must still be told (a database moved aside while
        # retrying); the window shows these and clears the list.
        self.notices: list[str] = []
        # Files beside the database that hold notes it does not (yet): an
        # earlier version's file not carried over, notes that could not be.
        self.elsewhere: list[Path] = []
        self._read_error: sqlite3.DatabaseError | None = None
        # The notes of an earlier version's file that waits to be carried over
        # while the database cannot take them: shown under the database's.
        self._waiting: list[Note] = []

    # -- opening and closing -------------------------------------------------------

    def open(self, load: bool = True) -> OpenReport:
        """Open (making it if need be) and read the notes. Never raises for a bad
        database: the report says what happened. ``load=False`` skips reading all
        notes into memory (a command that only adds one)."""
        report = OpenReport()
        self._connect(report)
        unwritable = self._db is None or self.problem is not None or self.read_only
        if load and unwritable and not carried_over(self._db):
            stem = file_stem(self.timeline_id)
            self._waiting, told = waiting_notes(self.path, stem, self.timeline_id)
            report.messages += told
        if load:
            self._read_all()
            if (
                self._read_error is not None
                and is_corrupt(self._read_error)
                and not self.read_only  # a newer version's database is never moved
            ):
                self._rebuild(report, reason_of(self._read_error))
                self.flush()
                self._read_all()
            if self.skipped:
                said = translate(
                    "notes",
                    "{0} notes in {1} could not be read (written by another program or "
                    "version?). They are left in the database, untouched.",
                )
                report.messages.append(said.format(self.skipped, self.path))
        self.elsewhere = self._notes_elsewhere()
        return report

    def _rebuild(self, report: OpenReport, reason: str) -> None:
        """Damage found in the database: move it aside (named in ``report``) and
        put every note that can still be read from it, and every note held
        here, into a fresh one (written by the next :meth:`flush`)."""
        saved = salvage(self._db) if self._db is not None else []
        self.close()
        self._move_aside(report, reason)
        self.problem = None
        self._connect_fresh(report)
        if report.backup is None:
            return
        kept = {note.id: note for note in saved}
        kept.update(self._notes)
        for note_id, change in self._pending.items():
            if change is None:
                kept.pop(note_id, None)
        self._pending.update(kept)
        if saved:
            said = translate(
                "notes",
                "{0} notes could be read from it and were kept; any others are only in "
                "the file moved aside.",
            )
            report.messages.append(said.format(len(saved)))

    def _notes_elsewhere(self) -> list[Path]:
        folder, stem = self.path.parent, file_stem(self.timeline_id)
        legacy = json_path(folder, stem)
        waiting = [legacy] if legacy.is_file() and not carried_over(self._db) else []
        return waiting + refused_files(folder, stem)

    def _connect(self, report: OpenReport) -> None:
        for path in (self.path, *companions(self.path)):
            odd = not_a_file(path)
            if odd is not None:
                said = translate("notes", "{0} cannot hold notes: {1}").format(path, odd)
                if path != self.path and self.path.is_file():
                    # Only SQLite's own file beside it is odd: read the notes
                    # from the database alone, never touching that file.
                    self._open_read_only(report, said, uris=(f"{self.path.as_uri()}?immutable=1",))
                    wal = companions(self.path)[1]
                    if path != wal and wal.is_file() and wal.stat().st_size > 0:
                        unseen = translate(
                            "notes",
                            "Notes saved in {0} since it was last written into the database "
                            "are not shown until {1} is a file again.",
                        )
                        report.messages.append(unseen.format(wal, path))
                else:
                    self._cannot_save(report, said)
                return
        exists = self.path.exists()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = _connect(self.path)
        except (OSError, sqlite3.Error) as exc:
            if exists:
                self._open_read_only(report, why(exc, self.path))
            else:
                self._cannot_save(report, _cannot_write(self.path.parent, why(exc, self.path)))
            return
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                db.close()
                self._refuse_newer(report, version)
                return
            db.execute("PRAGMA foreign_keys = ON")
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                # Switching needs the database alone for a moment, and SQLite does
                # not wait for that itself: wait here, as long as for any writer.
                when_not_busy(lambda: db.execute("PRAGMA journal_mode = WAL"))
            db.execute("PRAGMA synchronous = FULL")
            self._db = db
            if version < SCHEMA_VERSION:
                self._create_or_migrate(version, report)
            else:
                self._repair(report)
            db.execute("SELECT id FROM note LIMIT 1").fetchone()
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(sqlite3.Error):
                db.close()
            self._db = None
            if is_corrupt(exc):
                self._move_aside(report, reason_of(exc))
                if self._db is None:
                    self._connect_fresh(report)
            else:
                self._open_read_only(report, why(exc, self.path))
            return
        self._carry_over_json(report)

    def _connect_fresh(self, report: OpenReport) -> None:
        """After moving a broken database aside: start an empty one."""
        if not self.path.exists():
            self._connect(report)

    def _create_or_migrate(self, version: int, report: OpenReport) -> None:
        db = self._db
        assert db is not None
        # A migration makes the note table again: with foreign keys on, dropping
        # the old one would delete every tag (ON DELETE CASCADE). The pragma is
        # set outside the transaction (inside, SQLite ignores it).
        db.execute("PRAGMA foreign_keys = OFF")
        try:
            self._create_or_migrate_keys_off(db)
        finally:
            db.execute("PRAGMA foreign_keys = ON")

    def _create_or_migrate_keys_off(self, db: sqlite3.Connection) -> None:
        with self._transaction(db):
            # Another process may have made or migrated it since we looked.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                return
            if version == 0:
                for statement in statements(SCHEMA):
                    db.execute(statement)
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('timeline_id', ?)",
                    (self.timeline_id,),
                )
            else:
                for step in range(version, SCHEMA_VERSION):
                    for statement in statements(MIGRATIONS[step]):
                        db.execute(statement)
                if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.DatabaseError("a tag lost its note in the migration")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _repair(self, report: OpenReport) -> None:
        """Make again the tables and indexes missing from a database of this
        schema (dropped by another program); the notes in it stay as they are."""
        db = self._db
        assert db is not None
        missing = [part for part in PARTS if part not in names_in(db)]
        if not missing:
            return
        with self._transaction(db):
            for statement in statements(SCHEMA):
                db.execute(statement)
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('timeline_id', ?)",
                (self.timeline_id,),
            )
        said = translate(
            "notes",
            "Your notes database {0} lacked {1} (removed by another program?); it was "
            "made again. The notes in the database were kept.",
        )
        report.messages.append(said.format(self.path, ", ".join(missing)))

    def _carry_over_json(self, report: OpenReport) -> None:
        if self._db is not None:
            stem = file_stem(self.timeline_id)
            db = self._db
            transaction = lambda: self._transaction(db)  # noqa: E731
            report.messages += carry_over(db, self.path, stem, self.timeline_id, transaction)

    def _open_read_only(self, report: OpenReport, reason: str, uris: tuple[str, ...] = ()) -> None:
        """The database exists but cannot be written: read it, keep changes waiting."""
        uris = uris or (f"{self.path.as_uri()}?mode=ro", f"{self.path.as_uri()}?immutable=1")
        for uri in uris:
            db = None
            try:
                db = _connect(uri, uri=True)
                version = db.execute("PRAGMA user_version").fetchone()[0]
                db.execute("SELECT id FROM note LIMIT 1").fetchone()
            except sqlite3.Error:
                if db is not None:
                    with contextlib.suppress(sqlite3.Error):
                        db.close()
                continue
            self._db = db
            if version > SCHEMA_VERSION:
                self._refuse_newer(report, version)
                return
            break
        self._cannot_save(report, _cannot_write(self.path, reason))

    def _cannot_save(self, report: OpenReport, why: str) -> None:
        self.problem = why
        said = translate(
            "notes",
            "Your notes cannot be saved right now: {0}. Notes you add or change are kept "
            "in memory and saving is retried.",
        )
        report.messages.append(said.format(why))

    def _refuse_newer(self, report: OpenReport, version: int) -> None:
        self.read_only = report.read_only = True
        if self._db is None:
            with contextlib.suppress(sqlite3.Error):
                self._db = _connect(f"{self.path.as_uri()}?mode=ro", uri=True)
        said = translate(
            "notes",
            "Your notes database {0} was made by a newer version of timeline-viewer "
            "(schema {1}; this version knows up to {2}). It is opened read-only and never "
            "written; update the app to edit these notes.",
        )
        report.messages.append(said.format(self.path, version, SCHEMA_VERSION))

    def _move_aside(self, report: OpenReport, reason: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        stem = self.path.name.removesuffix(".sqlite3")
        backup = self.path.with_name(f"{stem}.corrupt-{stamp}.sqlite3")
        counter = 1
        while backup.exists():
            backup = self.path.with_name(f"{stem}.corrupt-{stamp}-{counter}.sqlite3")
            counter += 1
        try:
            os.replace(self.path, backup)
            for suffix in ("-wal", "-shm"):
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    os.replace(companion, backup.with_name(backup.name + suffix))
        except OSError as exc:
            self.read_only = report.read_only = True
            said = translate(
                "notes",
                "Your notes database {0} could not be read ({1}), nor moved aside ({2}). It "
                "is left untouched; notes are read-only here.",
            )
            report.messages.append(said.format(self.path, reason, reason_of(exc)))
            return
        report.backup = backup
        said = translate(
            "notes",
            "Your notes database could not be read ({0}). Nothing was deleted: it was "
            "moved to {1}. New notes start in a fresh database.",
        )
        report.messages.append(said.format(reason, backup))

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # -- reading -------------------------------------------------------------------

    def _read_all(self) -> None:
        notes: dict[str, Note] = {}
        db = self._db
        self._read_error = None
        if db is not None:
            try:
                db.execute("BEGIN")  # one snapshot: notes and their tags agree
                try:
                    rows = list(read(db))
                    self._data_version = db.execute("PRAGMA data_version").fetchone()[0]
                finally:
                    db.execute("COMMIT")
                notes = {note.id: note for note in rows if note is not None}
                self.skipped = sum(note is None for note in rows)
                self.readable = True
            except sqlite3.Error as exc:
                self.readable = False
                if isinstance(exc, sqlite3.DatabaseError):
                    self._read_error = exc
                cannot = translate("notes", "{0} cannot be read ({1})")
                self.problem = self.problem or cannot.format(self.path, reason_of(exc))
        else:
            self.readable = not_a_file(self.path) is None and not self.path.exists()
        if self._waiting and carried_over(db):
            self._waiting = []  # in the database now
        for note in self._waiting:
            notes.setdefault(note.id, note)
        for note_id, change in self._pending.items():
            if change is None:
                notes.pop(note_id, None)
            else:
                notes[note_id] = change
        self._notes = notes

    def changed_elsewhere(self) -> bool:
        """Read again if another window or command changed the notes; say if it did."""
        db = self._db
        if db is None:
            return False
        try:
            version = db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return False
        if version == self._data_version:
            return False
        self._read_all()
        return True

    def notes(self) -> list[Note]:
        return list(self._notes.values())

    def get(self, note_id: str) -> Note | None:
        return self._notes.get(note_id)

    def detached(self, timeline: TimelineById) -> list[Note]:
        return [n for n in self._notes.values() if target_title(timeline, n.target) is None]

    @property
    def unsaved(self) -> int:
        """How many changes wait in memory for the database."""
        return len(self._pending)

    # -- changing ------------------------------------------------------------------

    def put(self, note: Note) -> None:
        """Add or replace a note, committed before this returns unless :attr:`problem`
        says why it waits. Raises :class:`NotesError` when the notes are read-only."""
        self._check_writable()
        self._notes[note.id] = note
        self._pending[note.id] = note
        self.flush()

    def remove(self, note_id: str) -> Note | None:
        self._check_writable()
        note = self._notes.pop(note_id, None)
        if note is not None:
            self._pending[note_id] = None
            self.flush()
        return note

    def put_many(self, notes: list[Note]) -> None:
        """Several notes in one transaction (an import)."""
        self._check_writable()
        for note in notes:
            self._notes[note.id] = note
            self._pending[note.id] = note
        self.flush()

    def _check_writable(self) -> None:
        if self.read_only:
            raise NotesError("the notes are read-only here: " + (self.problem or "newer version"))

    def remember_titles(self, timeline: TimelineById) -> None:
        """Keep each attached note's current target title, for the day it is gone.

        Only when the database can be written now: a title is not a change the
        reader made, and must never be one they are asked about at quit."""
        if self.read_only or self.problem is not None or self._db is None:
            return
        changed = []
        for note in self._notes.values():
            title = target_title(timeline, note.target)
            if title is not None and title != note.target_title:
                changed.append(note.model_copy(update={"target_title": title}))
        if changed:
            self.put_many(changed)

    def flush(self, rebuild: bool = True) -> bool:
        """Write the waiting changes in one transaction; True when nothing waits.
        A database found damaged is rebuilt (see :meth:`_rebuild`) unless
        ``rebuild`` is false."""
        if not self._pending:
            return True
        if self._db is None or self.problem is not None:
            self._reconnect()
        db = self._db
        if db is None or self.problem is not None:
            return False
        try:
            with self._transaction(db):
                for note_id, change in self._pending.items():
                    if change is None:
                        db.execute("DELETE FROM note WHERE id = ?", (note_id,))
                    else:
                        write(db, change)
        except (sqlite3.Error, OSError, ValueError) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and is_corrupt(exc) and rebuild:
                # Damage only writing meets (an index): rebuilt, then written once more.
                report = OpenReport()
                self._rebuild(report, reason_of(exc))
                self.notices += report.messages
                return self.flush(rebuild=False)
            self.problem = _cannot_write(self.path, why(exc, self.path))
            return False
        self._pending.clear()
        self.problem = None
        # data_version moves only for other connections' commits: ours leave it,
        # so a change made elsewhere meanwhile is still noticed.
        return True

    def _reconnect(self) -> None:
        """Try again to reach a writable database (the folder may be back)."""
        if not_a_file(self.path) is not None:
            return
        self.close()
        self._data_version = None  # another connection: read again when asked
        problem, self.problem = self.problem, None
        report = OpenReport()
        self._connect(report)
        self.notices.extend(report.messages)
        if report.backup is not None:
            # The database was damaged meanwhile and moved aside: write every
            # note we hold into the fresh one, so none is missing next time.
            self._pending.update({note.id: note for note in self._notes.values()})
        if self.read_only:
            return
        if self.problem is None and self._db is not None:
            return
        self.problem = self.problem or problem

    @contextlib.contextmanager
    def _transaction(self, db: sqlite3.Connection) -> Iterator[None]:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _cannot_write(path: Path, reason: str) -> str:
    return translate("notes", "{0} cannot be written ({1})").format(path, reason)
