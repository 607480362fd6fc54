"""What the reader last saw of each timeline, to say what changed since (Qt-free).

One SQLite database per timeline id, beside the notes (``seen/<id>.seen.sqlite3``
in the data folder). It keeps the events' and quotes' ids and their JSON records
as the timeline held them when the reader last marked it seen (or first opened
it), compressed: from them :func:`~viewer.domain.changes.diff_records` tells
which events are new, changed (field by field, with both values) or removed.
Records, not only hashes, so that a change can be shown as it was and as it is.

Written in one transaction: a crash leaves the last state seen or the new one,
never half of each. A database this version cannot read (damaged, or made by a
newer version) is set aside and what was seen starts again from the timeline
shown; nothing of the reader's own is lost with it (their notes live elsewhere).
"""

from __future__ import annotations

import contextlib
import sqlite3
import zlib
from pathlib import Path
from typing import TypeVar

from viewer.domain.model import Event, Quote
from viewer.domain.records import Records
from viewer.domain.timeline import Timeline
from viewer.persistence.notes_store import file_stem

_Item = TypeVar("_Item", Event, Quote)

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS batch (
    kind TEXT NOT NULL CHECK (kind IN ('event', 'quote')),
    number INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (kind, number)
);
CREATE TABLE IF NOT EXISTS ids (
    kind TEXT PRIMARY KEY CHECK (kind IN ('event', 'quote')),
    data BLOB NOT NULL
);
"""
# Compression level: fast (a million events' records in about a second).
_LEVEL = 1


def seen_path(data_dir: Path, timeline_id: str) -> Path:
    return data_dir / "seen" / f"{file_stem(timeline_id)}.seen.sqlite3"


class SeenStore:
    """What the reader last saw of the timeline ``timeline_id``."""

    def __init__(self, data_dir: Path, timeline_id: str) -> None:
        self.timeline_id = timeline_id
        self.path = seen_path(data_dir, timeline_id)

    def last_seen(self) -> tuple[Records[Event], Records[Quote]] | None:
        """The events and quotes last seen, or None if the timeline was never seen
        here (or what was kept cannot be read: it is started again)."""
        if not self.path.is_file():
            return None
        try:
            with contextlib.closing(sqlite3.connect(self.path)) as db:
                if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    return None
                events = _records(db, "event", Event)
                quotes = _records(db, "quote", Quote)
        except (sqlite3.Error, zlib.error, UnicodeDecodeError, ValueError):
            return None
        return events, quotes

    def mark_seen(self, timeline: Timeline) -> None:
        """Remember ``timeline``'s events and quotes as seen now. Raises OSError or
        sqlite3.Error when it cannot be written (what was seen before stays). A
        file that is no database of ours is set aside (``.unreadable``) first."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        rows = _batch_rows(timeline)
        ids = _id_rows(timeline)
        try:
            self._write(rows, ids)
        except sqlite3.DatabaseError as exc:
            if "not a database" not in str(exc) and "malformed" not in str(exc):
                raise
            self.path.replace(self.path.with_name(self.path.name + ".unreadable"))
            self._write(rows, ids)

    def _write(self, rows: list[tuple[str, int, bytes]], ids: list[tuple[str, bytes]]) -> None:
        with contextlib.closing(sqlite3.connect(self.path, isolation_level=None)) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version not in (0, SCHEMA_VERSION):  # not ours to read: begun anew
                    db.execute("DROP TABLE IF EXISTS batch")
                    db.execute("DROP TABLE IF EXISTS ids")
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("DELETE FROM batch")
                db.execute("DELETE FROM ids")
                db.executemany("INSERT INTO batch VALUES (?, ?, ?)", rows)
                db.executemany("INSERT INTO ids VALUES (?, ?)", ids)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")


def _batch_rows(timeline: Timeline) -> list[tuple[str, int, bytes]]:
    """The events' and quotes' record batches, compressed, numbered per kind."""
    return [
        (kind, number, zlib.compress(batch, _LEVEL))
        for kind, records in (("event", timeline.events), ("quote", timeline.quotes))
        for number, batch in enumerate(records.batches)
    ]


def _id_rows(timeline: Timeline) -> list[tuple[str, bytes]]:
    """The events' and the quotes' ids, each kind's in one compressed text."""
    return [
        ("event", zlib.compress("\n".join(timeline.events.ids).encode(), _LEVEL)),
        ("quote", zlib.compress("\n".join(timeline.quotes.ids).encode(), _LEVEL)),
    ]


def _records(db: sqlite3.Connection, kind: str, model: type[_Item]) -> Records[_Item]:
    row = db.execute("SELECT data FROM ids WHERE kind = ?", (kind,)).fetchone()
    if row is None:
        raise ValueError(f"no {kind} ids")
    text = zlib.decompress(row[0]).decode()
    ids = text.split("\n") if text else []
    batches = [
        zlib.decompress(data)
        for (data,) in db.execute("SELECT data FROM batch WHERE kind = ? ORDER BY number", (kind,))
    ]
    return Records(model, ids, batches)
