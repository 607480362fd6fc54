"""The notes database: committing, reopening, several writers, and every fault."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, dump
from viewer.domain.notes import Note, NoteTarget, TargetKind, newest_first, parse_tags
from viewer.domain.timeline import Timeline
from viewer.persistence import notes_store as notes_module
from viewer.persistence.model_file import parse_timeline
from viewer.persistence.notes_store import SCHEMA_VERSION, NotesError, NoteStore, database_path
from viewer.persistence.paths import AppPaths

_OPEN: list[NoteStore] = []


@pytest.fixture(autouse=True)
def _close_stores(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every store a test makes is closed after it."""
    real_init = NoteStore.__init__

    def tracking_init(self: NoteStore, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        _OPEN.append(self)

    monkeypatch.setattr(NoteStore, "__init__", tracking_init)
    yield
    while _OPEN:
        _OPEN.pop().close()


@pytest.fixture
def data_dir() -> Path:
    return AppPaths.from_environment().data_dir


@pytest.fixture
def timeline(minimal: dict[str, Any]) -> Timeline:
    return parse_timeline(dump(minimal))


def on(event_id: str, text: str = "Notiz", *tags: str) -> Note:
    return Note.new(NoteTarget(kind=TargetKind.EVENT, id=event_id), text, tags, "Anruf")


def opened(data_dir: Path, timeline_id: str = "test-timeline") -> NoteStore:
    store = NoteStore(data_dir, timeline_id)
    report = store.open()
    assert not report.read_only, report.messages
    assert store.problem is None, store.problem
    return store


def on_disk(data_dir: Path, timeline_id: str = "test-timeline") -> dict[str, str]:
    """What another program reading the database sees: note id -> text."""
    path = database_path(data_dir, timeline_id)
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        return dict(db.execute("SELECT id, text FROM note"))


def test_a_note_is_committed_before_put_returns(data_dir: Path) -> None:
    store = opened(data_dir)
    note = on("e1", "Erste Notiz", "Frieden", "Istanbul")
    store.put(note)
    assert on_disk(data_dir) == {note.id: "Erste Notiz"}  # no save step, no delay
    store.close()
    again = opened(data_dir)
    [back] = again.notes()
    assert back == note
    assert back.tags == ("Frieden", "Istanbul")


def test_the_database_has_the_schema_the_issue_asks_for(data_dir: Path) -> None:
    store = opened(data_dir)
    store.put(on("e1"))
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        indexes = {row[1] for row in db.execute("SELECT * FROM sqlite_master WHERE type='index'")}
    assert {"note_by_target", "note_tag_by_tag", "note_by_modified"} <= indexes


def test_edit_and_delete_are_committed(data_dir: Path) -> None:
    store = opened(data_dir)
    note = on("e1", "alt", "a")
    store.put(note)
    store.put(note.edited("neu", ["b", "c"]))
    assert on_disk(data_dir) == {note.id: "neu"}
    assert opened(data_dir).notes()[0].tags == ("b", "c")
    store.remove(note.id)
    assert on_disk(data_dir) == {}


def test_the_environment_variable_moves_the_data_folder(tmp_path: Path) -> None:
    os.environ["TIMELINE_VIEWER_HOME"] = str(tmp_path)
    assert AppPaths.from_environment().data_dir == tmp_path / "data"


def test_tags_are_parsed_from_text() -> None:
    assert parse_tags("Frieden, #Istanbul  Sanktionen,,") == ("Frieden", "Istanbul", "Sanktionen")
    assert parse_tags("a, a, #a") == ("a",)


def test_one_order_for_every_list() -> None:
    first, second = on("e1", "1"), on("e1", "2")
    later = second.edited("2b", [])
    same_time = first.model_copy(update={"modified": later.modified, "id": "zzz"})
    assert newest_first([first, later, same_time]) == [same_time, later, first]


def test_two_writers_at_once_both_land(data_dir: Path) -> None:
    window, command = opened(data_dir), opened(data_dir)
    a, b = on("e1", "vom Fenster"), on("e2", "von der Kommandozeile")
    window.put(a)
    command.put(b)
    assert window.problem is None
    assert command.problem is None
    assert on_disk(data_dir) == {a.id: "vom Fenster", b.id: "von der Kommandozeile"}
    assert window.changed_elsewhere()  # it sees the other's note
    assert {n.id for n in window.notes()} == {a.id, b.id}
    assert not window.changed_elsewhere()  # and only once


@pytest.mark.slow
def test_many_processes_add_at_the_same_time(data_dir: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from viewer.domain.notes import Note, NoteTarget, TargetKind
        from viewer.persistence.notes_store import NoteStore
        store = NoteStore(Path(sys.argv[1]), "test-timeline")
        store.open(load=False)
        for i in range(10):
            store.put(Note.new(NoteTarget(kind=TargetKind.EVENT, id="e1"), f"{sys.argv[2]}-{i}"))
            assert store.problem is None, store.problem
        """
    )
    opened(data_dir).close()  # the database exists; now eight writers race
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(data_dir), str(n)], cwd=REPO)
        for n in range(8)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0] * 8
    assert len(on_disk(data_dir)) == 80


def test_json_notes_are_carried_over_and_kept_as_a_backup(data_dir: Path) -> None:
    notes = [on("e1", "aus der JSON-Datei", "alt"), on("e2", "zweite")]
    legacy = data_dir / "notes" / "test-timeline.notes.json"
    legacy.parent.mkdir(parents=True)
    payload = {
        "format_version": 1,
        "timeline_id": "test-timeline",
        "notes": [json.loads(n.model_dump_json()) for n in notes],
    }
    legacy.write_text(json.dumps(payload), encoding="utf-8")
    before = legacy.read_bytes()
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert "carried over" in " ".join(report.messages)
    assert sorted(store.notes(), key=lambda n: n.text) == sorted(notes, key=lambda n: n.text)
    assert not legacy.exists()  # renamed, so a fresh database never takes it again
    backup = legacy.with_name("test-timeline.notes-carried-over.json")
    assert backup.read_bytes() == before  # kept beside, as it was
    assert backup.name in " ".join(report.messages)
    store.close()
    again = NoteStore(data_dir, "test-timeline")
    assert again.open().messages == []  # carried over once
    assert len(again.notes()) == 2


def test_a_broken_json_file_is_left_and_named(data_dir: Path) -> None:
    legacy = data_dir / "notes" / "test-timeline.notes.json"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"{ kaputt")
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert str(legacy) in " ".join(report.messages)
    assert legacy.read_bytes() == b"{ kaputt"
    store.put(on("e1"))
    assert store.problem is None


def test_corrupt_database_is_moved_aside_and_kept(data_dir: Path) -> None:
    path = database_path(data_dir, "test-timeline")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"SQLite? no: " * 100)
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert report.backup is not None
    assert report.backup.read_bytes() == b"SQLite? no: " * 100
    assert str(report.backup) in " ".join(report.messages)
    assert not report.read_only
    store.put(on("e1", "neu"))
    assert list(on_disk(data_dir).values()) == ["neu"]


def test_two_corrupt_databases_in_one_second_get_two_backups(data_dir: Path) -> None:
    path = database_path(data_dir, "test-timeline")
    path.parent.mkdir(parents=True)
    backups = []
    for content in (b"eins" * 50, b"zwei" * 50):
        path.write_bytes(content)
        store = NoteStore(data_dir, "test-timeline")
        report = store.open()
        store.close()
        assert report.backup is not None
        backups.append(report.backup)
    assert backups[0] != backups[1]
    assert [b.read_bytes() for b in backups] == [b"eins" * 50, b"zwei" * 50]


def test_newer_schema_is_read_only_and_never_written(data_dir: Path) -> None:
    store = opened(data_dir)
    store.put(on("e1", "von später"))
    store.close()
    path = database_path(data_dir, "test-timeline")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    newer = NoteStore(data_dir, "test-timeline")
    report = newer.open()
    assert report.read_only
    assert "newer version" in " ".join(report.messages)
    assert [n.text for n in newer.notes()] == ["von später"]  # read and shown
    with pytest.raises(NotesError):
        newer.put(on("e2"))
    newer.remember_titles(
        parse_timeline(dump({"schema_version": 1, "id": "x", "title": "x", "language": "de"}))
    )
    newer.close()
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_database_path_that_is_no_file_is_refused_without_opening_it(
    data_dir: Path, kind: str
) -> None:
    path = database_path(data_dir, "test-timeline")
    path.parent.mkdir(parents=True)
    if kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)  # opening a pipe for reading would hang: never done
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    text = " ".join(report.messages)
    assert ("it is a folder" if kind == "folder" else "it is a pipe") in text
    note = on("e1", "bleibt im Speicher")
    store.put(note)
    assert store.unsaved == 1
    assert [n.text for n in store.notes()] == ["bleibt im Speicher"]


def test_detached_notes_are_kept_and_reattached(data_dir: Path, minimal: dict[str, Any]) -> None:
    full = parse_timeline(dump(minimal))
    store = opened(data_dir)
    note = on("e2", "zum Angriff")
    store.put(note)
    store.remember_titles(full)
    store.close()
    minimal["events"] = minimal["events"][:1]
    minimal["events"][0]["related"] = []
    without_e2 = parse_timeline(dump(minimal))
    again = opened(data_dir)
    detached = again.detached(without_e2)
    assert [n.id for n in detached] == [note.id]
    assert detached[0].target_title == "Angriff"
    again.remember_titles(without_e2)
    again.close()
    third = opened(data_dir)
    assert [n.id for n in third.notes()] == [note.id]  # opening deleted nothing
    assert third.detached(full) == []


def full_disk(monkeypatch: pytest.MonkeyPatch, store: NoteStore) -> None:
    """From now on the database cannot grow: SQLite's own "database or disk is full"."""
    real = notes_module._connect

    def capped(target: Path | str, uri: bool = False) -> sqlite3.Connection:
        db = real(target, uri)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return db

    monkeypatch.setattr(notes_module, "_connect", capped)
    assert store._db is not None
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_keeps_changes_in_memory_and_writes_them_later(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = opened(data_dir)
    first = on("e1", "erste")
    store.put(first)
    with monkeypatch.context() as patch:
        full_disk(patch, store)
        big = on("e2", "zweite " + "x" * 50_000)
        store.put(big)
        assert store.unsaved == 1
        assert store.problem is not None
        assert "full" in store.problem
        assert {n.id for n in store.notes()} == {first.id, big.id}  # still shown
        assert set(on_disk(data_dir)) == {first.id}  # what was there is intact
        assert not store.flush()
    assert store.flush()  # space again
    assert store.problem is None
    assert set(on_disk(data_dir)) == {first.id, big.id}


def test_folder_gone_then_back(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "notes").write_text("a file where the folder should be", encoding="utf-8")
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert "cannot be saved" in " ".join(report.messages)
    assert store.readable  # nothing on disk yet: an empty list is the truth
    note = on("e1", "wartet")
    store.put(note)
    assert store.unsaved == 1
    assert not store.flush()
    (data_dir / "notes").unlink()
    assert store.flush()
    assert on_disk(data_dir) == {note.id: "wartet"}


def test_damage_found_only_when_reading_is_moved_aside_and_named(data_dir: Path) -> None:
    store = opened(data_dir)
    store.put_many([on("e1", f"Notiz {i} " + "x" * 2000) for i in range(300)])
    store.close()
    path = database_path(data_dir, "test-timeline")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = b"\xff" * page  # a damaged page deep in the notes
    path.write_bytes(bytes(data))
    again = NoteStore(data_dir, "test-timeline")
    report = again.open()
    assert report.backup is not None
    assert str(report.backup) in " ".join(report.messages)
    assert again.readable
    again.put(on("e2", "danach"))
    kept = list(on_disk(data_dir).values())
    assert "danach" in kept
    assert 250 < len(kept) < 301  # what could be read from the damaged file is kept too


def test_rows_that_are_no_notes_are_counted_and_left(data_dir: Path) -> None:
    store = opened(data_dir)
    store.put(on("e1", "gut"))
    with sqlite3.connect(store.path) as db:
        db.execute(
            "INSERT INTO note VALUES "
            "('bad', 'event', 'e1', 'x', 'keine Zeit', 'keine Zeit', '', NULL)"
        )
    db.close()
    again = NoteStore(data_dir, "test-timeline")
    report = again.open()
    assert "1 notes" in " ".join(report.messages)
    assert [n.text for n in again.notes()] == ["gut"]
    assert set(on_disk(data_dir)) == {store.notes()[0].id, "bad"}  # left as it was


def test_a_database_that_fails_while_retrying_is_moved_aside_and_refilled(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = opened(data_dir)
    kept = [on("e1", f"alt {i}") for i in range(3)]
    store.put_many(kept)
    with monkeypatch.context() as patch:
        full_disk(patch, store)
        waiting = on("e2", "wartet " + "x" * 50_000)
        store.put(waiting)
        assert store.unsaved == 1
    store.close()  # meanwhile the file is damaged
    for companion in store.path.parent.glob(store.path.name + "-*"):
        companion.unlink()
    store.path.write_bytes(b"kaputt" * 1000)
    assert store.flush()
    assert store.notices
    assert "moved to" in store.notices[0]
    assert set(on_disk(data_dir)) == {n.id for n in kept} | {waiting.id}


def test_a_window_sees_changes_made_while_it_was_reconnecting(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = opened(data_dir)
    with monkeypatch.context() as patch:
        full_disk(patch, window)
        window.put(on("e1", "wartet " + "x" * 50_000))
    command = opened(data_dir)
    command.put(on("e2", "von der Kommandozeile"))
    assert window.flush()
    assert window.changed_elsewhere()
    assert len(window.notes()) == 2


def only_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way to open the notes' database for writing fails; reading (a URI in
    read-only mode) works: as in a read-only folder, which root cannot make."""
    real = notes_module._connect

    def read_only(target: Path | str, uri: bool = False) -> sqlite3.Connection:
        if not uri:
            raise sqlite3.OperationalError("unable to open database file")
        return real(target, uri)

    monkeypatch.setattr(notes_module, "_connect", read_only)


def test_a_read_only_database_is_read_and_changes_wait(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As with a read-only folder or file (which root, running CI, cannot make):
    every way to open it for writing fails, reading works."""
    store = opened(data_dir)
    store.put(on("e1", "schon da"))
    store.close()
    real = notes_module._connect
    only_read(monkeypatch)
    again = NoteStore(data_dir, "test-timeline")
    report = again.open()
    assert "cannot be saved" in " ".join(report.messages)
    assert [n.text for n in again.notes()] == ["schon da"]  # shown
    again.put(on("e2", "wartet"))
    assert again.unsaved == 1
    assert again.problem is not None
    monkeypatch.setattr(notes_module, "_connect", real)
    assert again.flush()
    assert sorted(on_disk(data_dir).values()) == ["schon da", "wartet"]


def test_a_pipe_beside_the_database_is_never_opened(data_dir: Path) -> None:
    opened(data_dir).close()
    journal = database_path(data_dir, "test-timeline").with_name(
        "test-timeline.notes.sqlite3-journal"
    )
    os.mkfifo(journal)
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()  # would hang if SQLite opened the pipe
    assert "it is a pipe" in " ".join(report.messages)


def test_an_edit_over_the_limit_is_refused_like_a_new_note() -> None:
    note = on("e1")
    with pytest.raises(ValueError, match="100000"):
        note.edited("x" * 100_001, [])


@pytest.mark.slow
def test_many_processes_making_the_database_at_once_carry_json_over_once(
    data_dir: Path,
) -> None:
    legacy = data_dir / "notes" / "test-timeline.notes.json"
    legacy.parent.mkdir(parents=True)
    old = [on("e1", f"alt {i}") for i in range(5)]
    legacy.write_text(
        json.dumps(
            {
                "format_version": 1,
                "timeline_id": "test-timeline",
                "notes": [json.loads(n.model_dump_json()) for n in old],
            }
        ),
        encoding="utf-8",
    )
    script = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from viewer.domain.notes import Note, NoteTarget, TargetKind
        from viewer.persistence.notes_store import NoteStore
        time.sleep(max(0.0, float(sys.argv[3]) - time.time()))
        store = NoteStore(Path(sys.argv[1]), "test-timeline")
        report = store.open()
        assert store.problem is None, (store.problem, report.messages)
        store.remove(sys.argv[4]) if sys.argv[2] == "0" else None
        store.put(Note.new(NoteTarget(kind=TargetKind.EVENT, id="e1"), "neu " + sys.argv[2]))
        assert store.unsaved == 0, store.problem
        """
    )
    import time

    start = str(time.time() + 1.5)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(data_dir), str(n), start, old[0].id], cwd=REPO
        )
        for n in range(8)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0] * 8
    texts = sorted(on_disk(data_dir).values())
    # Carried over once: the note writer 0 removed did not come back.
    assert texts == sorted([f"alt {i}" for i in range(1, 5)] + [f"neu {n}" for n in range(8)])
