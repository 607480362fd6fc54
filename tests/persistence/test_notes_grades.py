"""The reader's grades are notes: on sources and claims too, kept in the notes
database (schema 2), and a database of schema 1 is carried over with every note
and tag."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tests.conftest import dump
from tests.domain.test_schema4 import analysed
from tests.persistence.test_notes_store import only_read
from viewer.domain.notes import (
    Note,
    NoteTarget,
    TargetKind,
    event_of,
    find_target,
    target_title,
)
from viewer.persistence.model_file import parse_timeline
from viewer.persistence.notes_store import SCHEMA_VERSION, NoteStore, database_path
from viewer.persistence.paths import AppPaths

# The notes database as version 1 of the app made it.
SCHEMA_1 = """
CREATE TABLE note (
    id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('event', 'quote')),
    target_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    target_title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX note_by_target ON note (target_kind, target_id);
CREATE INDEX note_by_modified ON note (modified, id);
CREATE TABLE note_tag (
    note_id TEXT NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (note_id, position)
);
CREATE INDEX note_tag_by_tag ON note_tag (tag);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def version_1(path: Path) -> None:
    """A schema-1 database at ``path`` with two notes, one of them tagged."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.executescript(SCHEMA_1)
        stamp = "2025-06-05T10:00:00+00:00"
        db.executemany(
            "INSERT INTO note VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                ("n1", "event", "e1", "Anruf geprüft", stamp, stamp, "Anruf"),
                ("n2", "quote", "q1", "Wörtlich?", stamp, stamp, ""),
            ],
        )
        db.executemany(
            "INSERT INTO note_tag VALUES (?, ?, ?)", [("n1", 0, "Frieden"), ("n1", 1, "Istanbul")]
        )
        db.execute("PRAGMA user_version = 1")
    db.close()


def test_a_version_1_database_is_carried_over_whole() -> None:
    data_dir = AppPaths.from_environment().data_dir
    path = database_path(data_dir, "test-timeline")
    version_1(path)
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert not report.read_only, report.messages
    notes = {note.id: note for note in store.notes()}
    assert notes["n1"].tags == ("Frieden", "Istanbul")  # the tags survived the new table
    assert notes["n2"].target == NoteTarget(kind=TargetKind.QUOTE, id="q1")
    assert notes["n1"].grade is None
    graded = Note.new(NoteTarget(kind=TargetKind.SOURCE, id="tass"), "", grade="D3")
    store.put(graded)
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT grade FROM note WHERE id = ?", (graded.id,)).fetchone() == ("D3",)
    db.close()
    again = NoteStore(data_dir, "test-timeline")
    again.open()
    assert {note.id: note for note in again.notes()}[graded.id] == graded
    again.close()


def test_a_version_1_database_that_cannot_be_written_is_still_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As in a read-only folder (which root, running CI, cannot make): it cannot
    be carried over, and its notes are read as they are."""
    data_dir = AppPaths.from_environment().data_dir
    path = database_path(data_dir, "test-timeline")
    version_1(path)
    only_read(monkeypatch)
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert "cannot be saved" in " ".join(report.messages)
    assert sorted(note.text for note in store.notes()) == ["Anruf geprüft", "Wörtlich?"]
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1  # untouched
    db.close()


@pytest.mark.parametrize("grade", ["b2", "G1", "B7", "B", "2", "B22"])
def test_a_grade_is_an_admiralty_code(grade: str) -> None:
    with pytest.raises(ValidationError):
        Note.new(NoteTarget(kind=TargetKind.EVENT, id="e1"), "", grade=grade)


def test_an_edit_keeps_the_grade_unless_given_one() -> None:
    note = Note.new(NoteTarget(kind=TargetKind.CLAIM, id="c-anna"), "eher nicht", grade="C4")
    assert note.edited("doch eher nicht", ()).grade == "C4"
    assert note.edited("offen", (), grade=None).grade is None
    assert note.edited("besser", (), grade="B2").grade == "B2"


def test_sources_and_claims_are_targets_with_titles_and_events(minimal: dict[str, Any]) -> None:
    timeline = parse_timeline(dump(analysed(minimal)))
    source, claim = find_target(timeline, "tass"), find_target(timeline, "c-bland")
    assert source == NoteTarget(kind=TargetKind.SOURCE, id="tass")
    assert claim == NoteTarget(kind=TargetKind.CLAIM, id="c-bland")
    assert target_title(timeline, source) == "TASS"
    assert target_title(timeline, claim) == "Bland: „Es war nichts.“"
    assert event_of(timeline, source) is None  # a source is on no event
    assert event_of(timeline, claim) == "e2"
    gone = NoteTarget(kind=TargetKind.CLAIM, id="c-gone")
    assert target_title(timeline, gone) is None
    assert event_of(timeline, gone) is None
