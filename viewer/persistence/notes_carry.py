"""Carrying an earlier version's notes file into the notes database, once
(Qt-free; used by :class:`viewer.persistence.notes_store.NoteStore`).

Each note on its own (:mod:`viewer.persistence.notes_json`): the notes the
database refuses are kept, as their exact text, in a file beside it that no
later carry-over overwrites. Nothing is marked done unless all of that is on
disk, so a carry-over that fails is tried again at the next open. Once done,
the old file is renamed (``<stem>.notes-carried-over.json``) and stays beside
the database as a backup: a database started afresh (moved aside, or its
``meta`` table lost) never takes it again, so a note deleted since never
comes back.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from viewer.domain.notes import Note
from viewer.domain.words import translate
from viewer.persistence.atomic import atomic_write_bytes
from viewer.persistence.notes_json import (
    LegacyNotesError,
    carried_path,
    json_path,
    read_legacy,
    refused_file,
    refused_path,
)
from viewer.persistence.notes_sql import newer_in, why, write


def carried_over(db: sqlite3.Connection | None) -> bool:
    """Whether the database says its earlier version's file was carried over."""
    if db is None:
        return False
    try:
        row = db.execute("SELECT 1 FROM meta WHERE key = 'carried_over_from'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None


def carry_over(
    db: sqlite3.Connection,
    database: Path,
    stem: str,
    timeline_id: str,
    transaction: Callable[[], AbstractContextManager[None]],
) -> list[str]:
    """Carry ``<stem>.notes.json`` beside ``database`` into ``db`` if it waits;
    what the reader must be told."""
    folder = database.parent
    legacy = json_path(folder, stem)
    if not legacy.is_file():
        return []
    if carried_over(db):
        _set_aside(legacy, folder, stem)  # carried over by an earlier version
        return []
    try:
        with transaction():
            if carried_over(db):  # another process, meanwhile
                return []
            found = read_legacy(legacy, timeline_id)
            kept = None
            if found.refused:
                kept = refused_path(folder, stem)
                atomic_write_bytes(kept, refused_file(timeline_id, found, legacy))
            for note in found.notes:
                if not newer_in(db, note):
                    write(db, note)
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('carried_over_from', ?)",
                (legacy.name,),
            )
    except (LegacyNotesError, OSError, sqlite3.Error) as err:
        if isinstance(err, LegacyNotesError):
            reason = "; ".join(err.problems[:3])
        else:
            reason = why(err, database)
        said = translate(
            "notes",
            "Your notes file {0} could not be carried over ({1}). It is left as it is "
            "and tried again next time; new notes go into the database.",
        )
        return [said.format(legacy, reason)]
    backup = _set_aside(legacy, folder, stem)
    said = translate(
        "notes",
        "{0} of your {1} notes were carried over into {2}; the old file stays beside "
        "it as a backup ({3}).",
    )
    total = len(found.notes) + found.refused
    parts = [said.format(len(found.notes), total, database.name, backup.name)]
    if found.repaired:
        said = translate("notes", "{0} of them had times without a time zone, read as UTC.")
        parts.append(said.format(found.repaired))
    if kept is not None:
        said = translate(
            "notes",
            "{0} could not be carried over ({1}); they are kept as they were in {2}. "
            "Fix them there and run: timeline-viewer notes import {2}",
        )
        first = found.problems[0] + ("; …" if len(found.problems) > 1 else "")
        parts.append(said.format(found.refused, first, kept))
    return [" ".join(parts)]


def waiting_notes(database: Path, stem: str, timeline_id: str) -> tuple[list[Note], list[str]]:
    """The notes of an earlier version's file that waits to be carried over while
    the database cannot take them: shown meanwhile, never hidden."""
    legacy = json_path(database.parent, stem)
    if not legacy.is_file():
        return [], []
    try:
        notes = read_legacy(legacy, timeline_id).notes
    except LegacyNotesError:
        return [], []  # said when carrying it over is tried
    said = translate(
        "notes",
        "Your notes file {0} waits to be carried over until the notes database can be "
        "written; its {1} notes are shown meanwhile.",
    )
    return notes, [said.format(legacy, len(notes))]


def _set_aside(legacy: Path, folder: Path, stem: str) -> Path:
    """Rename the carried file to its backup name (kept where it is if that
    cannot be done: the database's mark still says it was carried)."""
    backup, number = carried_path(folder, stem), 2
    while backup.exists():
        backup = backup.with_name(f"{stem}.notes-carried-over-{number}.json")
        number += 1
    with contextlib.suppress(OSError):
        os.replace(legacy, backup)
        return backup
    return legacy
