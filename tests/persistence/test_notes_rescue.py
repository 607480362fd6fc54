"""Notes that must never be lost to one bad note, a dropped table, an odd
``-wal`` or a full disk: an earlier version's notes file carried over note by
note, a partly damaged database read and repaired, a full disk said as such."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from viewer.cli import main
from viewer.domain.notes import MAX_NOTE_LENGTH, MAX_TAGS, Note, NoteTarget, TargetKind
from viewer.persistence import notes_sql
from viewer.persistence import notes_store as notes_module
from viewer.persistence.notes_store import NoteStore, database_path
from viewer.persistence.paths import AppPaths

BUNDLED = "trump-putin-2025-06"  # the bundled timeline's id


@pytest.fixture
def data_dir() -> Path:
    return AppPaths.from_environment().data_dir


@pytest.fixture
def stores() -> Iterator[list[NoteStore]]:
    made: list[NoteStore] = []
    yield made
    for store in made:
        store.close()


def opened(stores: list[NoteStore], data_dir: Path, timeline_id: str = BUNDLED) -> NoteStore:
    store = NoteStore(data_dir, timeline_id)
    stores.append(store)
    store.last_report = store.open()  # type: ignore[attr-defined]
    return store


def said(store: NoteStore) -> str:
    return " ".join(store.last_report.messages)  # type: ignore[attr-defined]


def raw(note_id: str, text: str = "Notiz", **changes: Any) -> dict[str, Any]:
    """A note as an earlier version wrote it into its JSON file."""
    note = Note.new(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "Notiz", ["alt"])
    item: dict[str, Any] = json.loads(note.model_dump_json())
    item.update(id=note_id, text=text, **changes)
    return item


def legacy_file(data_dir: Path, notes: list[Any], timeline_id: str = BUNDLED) -> Path:
    path = data_dir / "notes" / f"{timeline_id}.notes.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"format_version": 1, "timeline_id": timeline_id, "notes": notes}
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["notes", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- 1. an earlier version's notes, carried over note by note -----------------------


def test_one_bad_note_never_keeps_the_others_out(
    data_dir: Path, stores: list[NoteStore], capsys: pytest.CaptureFixture[str]
) -> None:
    good = raw("good", "bleibt")
    naive = raw("naive", "ohne Zone", created="2025-06-04T10:00:00", modified="2025-06-04T11:00")
    too_long = raw("long", "x" * (MAX_NOTE_LENGTH + 1))
    many_tags = raw("tags", "Schlagworte", tags=[f"t{i}" for i in range(MAX_TAGS + 1)])
    odd_id = raw("-odd id!", "seltsam")
    legacy = legacy_file(data_dir, [good, naive, too_long, many_tags, odd_id])
    before = legacy.read_bytes()

    store = opened(stores, data_dir)
    texts = {note.id: note.text for note in store.notes()}
    assert texts == {"good": "bleibt", "naive": "ohne Zone"}
    repaired = store.get("naive")
    assert repaired is not None
    assert repaired.created.isoformat() == "2025-06-04T10:00:00+00:00"  # read as UTC
    kept = data_dir / "notes" / f"{BUNDLED}.notes-not-carried-over.json"
    message = said(store)
    assert "2 of your 5 notes were carried over" in message
    assert "1 of them had times without a time zone, read as UTC" in message
    assert str(kept) in message
    assert "notes[2].text" in message
    # The refused notes are kept whole, exactly as they were, with why.
    document = json.loads(kept.read_text(encoding="utf-8"))
    assert document["notes"] == [too_long, many_tags, odd_id]
    assert len(document["problems"]) == 3
    backup = legacy.with_name(f"{BUNDLED}.notes-carried-over.json")
    assert backup.read_bytes() == before  # the old file stays as the backup, renamed
    assert not legacy.exists()
    store.close()

    # Said once: the next open carries nothing over again.
    again = opened(stores, data_dir)
    assert said(again) == ""
    assert {note.id for note in again.notes()} == {"good", "naive"}
    again.close()

    # Fixed by hand, the kept file goes in through `notes import`.
    document["notes"][0]["text"] = "gekürzt"
    document["notes"][1]["tags"] = ["eins"]
    document["notes"][2]["id"] = "odd-id"
    kept.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = cli(capsys, "import", str(kept))
    assert code == 0, err
    assert "imported 3 new" in out
    final = opened(stores, data_dir)
    assert {note.id for note in final.notes()} == {"good", "naive", "long", "tags", "odd-id"}


def test_a_notes_file_still_wrong_is_refused_whole_by_import(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "mine.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    document = {
        "format_version": 1,
        "timeline_id": BUNDLED,
        "notes": [
            raw("fine"),
            raw("empty", "   "),
            raw("long", "x" * (MAX_NOTE_LENGTH + 1)),
            raw("invisible", "\u200b\u2066\u2069"),
        ],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = cli(capsys, "import", str(path))
    assert code == 1
    assert "notes[2].text" in err
    assert "note empty: its text is empty" in err
    assert "note invisible: its text is empty" in err
    assert "nothing was imported" in err
    assert not database_path(data_dir, BUNDLED).exists() or cli(capsys, "list")[1].startswith(
        "No notes"
    )


def test_a_carry_over_that_failed_is_tried_again_and_never_says_no_notes(
    data_dir: Path, stores: list[NoteStore], capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = data_dir / "notes" / f"{BUNDLED}.notes.json"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b'{"format_version": 1, "timeline_id": "trump-putin-2025-06", "notes": [')

    code, out, err = cli(capsys, "list")
    assert code == 1
    assert "No notes" not in out + err
    assert str(legacy) in err
    assert "tried again next time" in err

    legacy_file(data_dir, [raw("spaet", "endlich da")])  # mended meanwhile
    code, out, err = cli(capsys, "list")
    assert code == 0, err
    assert "1 of your 1 notes were carried over" in err
    assert "endlich da" in out


def test_a_database_whose_carry_over_failed_before_carries_it_over_now(
    data_dir: Path, stores: list[NoteStore]
) -> None:
    """What the previous version left: a database with no carry-over done
    (one note with a time without zone blocked it), and notes added since."""
    store = opened(stores, data_dir)
    store.put(Note.new(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "neu"))
    store.close()
    legacy_file(data_dir, [raw("alt"), raw("naiv", created="2025-05-01T08:00:00")])

    store = opened(stores, data_dir)
    assert {note.text for note in store.notes()} == {"neu", "Notiz"}
    assert len(store.notes()) == 3
    assert "2 of your 2 notes were carried over" in said(store)
    assert store.elsewhere == []


# -- 2. a partly damaged database is read, not moved aside --------------------------


def three_notes(stores: list[NoteStore], data_dir: Path) -> list[Note]:
    store = opened(stores, data_dir)
    notes = [
        Note.new(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), f"Notiz {i}", [f"t{i}"])
        for i in range(3)
    ]
    store.put_many(notes)
    store.close()
    return notes


def test_a_dropped_tag_table_is_made_again_and_no_note_is_lost(
    data_dir: Path, stores: list[NoteStore]
) -> None:
    notes = three_notes(stores, data_dir)
    path = database_path(data_dir, BUNDLED)
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE note_tag")
    db.close()

    store = opened(stores, data_dir)
    assert sorted(note.text for note in store.notes()) == sorted(note.text for note in notes)
    assert "note_tag" in said(store)
    assert "made again" in said(store)
    assert list(path.parent.glob("*corrupt*")) == []  # nothing moved aside
    store.put(notes[0].edited("mit Schlagwort", ["neu"]))
    assert store.problem is None
    store.close()
    with sqlite3.connect(path) as db:
        tags = db.execute("SELECT tag FROM note_tag").fetchall()
    db.close()
    assert tags == [("neu",)]


def test_a_tag_table_missing_from_a_database_read_only_here_still_shows_the_notes(
    data_dir: Path, stores: list[NoteStore]
) -> None:
    """Not repaired when it cannot be written (here: its ``-wal`` is a pipe),
    the notes are still read, without their tags."""
    notes = three_notes(stores, data_dir)
    path = database_path(data_dir, BUNDLED)
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE note_tag")
    db.close()
    os.mkfifo(path.with_name(path.name + "-wal"))
    store = opened(stores, data_dir)
    assert store.readable
    assert sorted(note.text for note in store.notes()) == sorted(note.text for note in notes)
    assert all(note.tags == () for note in store.notes())


def test_a_damaged_page_loses_only_the_notes_on_it(data_dir: Path, stores: list[NoteStore]) -> None:
    """A page of the note table overwritten: the notes on every other page are
    read into a fresh database; the damaged file is kept aside, as it was."""
    store = opened(stores, data_dir)
    target = NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04")
    store.put_many([Note.new(target, f"{i} " + "x" * 1500, ["t"]) for i in range(60)])
    store.close()
    path = database_path(data_dir, BUNDLED)
    data = bytearray(path.read_bytes())
    size = 4096
    leaves = [n for n in range(1, len(data) // size) if data[n * size] == 0x0D]  # table leaves
    victim = leaves[len(leaves) // 2]
    data[victim * size : (victim + 1) * size] = b"\xff" * size
    path.write_bytes(bytes(data))

    store = opened(stores, data_dir)
    assert 50 <= len(store.notes()) < 60
    assert all(note.tags == ("t",) for note in store.notes())
    [backup] = path.parent.glob("*.corrupt-*.sqlite3")
    assert backup.read_bytes() == bytes(data)
    assert f"{len(store.notes())} notes could be read from it and were kept" in said(store)
    store.close()
    assert len(opened(stores, data_dir).notes()) == len(store.notes())  # on disk, not in memory


@pytest.mark.parametrize("companion", ["-wal", "-shm"])
def test_a_pipe_for_a_wal_shows_the_notes_and_says_why_new_ones_wait(
    data_dir: Path, stores: list[NoteStore], companion: str
) -> None:
    notes = three_notes(stores, data_dir)
    path = database_path(data_dir, BUNDLED)
    odd = path.with_name(path.name + companion)
    odd.unlink(missing_ok=True)
    os.mkfifo(odd)

    store = opened(stores, data_dir)  # would hang if SQLite opened the pipe
    assert {note.id for note in store.notes()} == {note.id for note in notes}
    assert store.readable
    assert "it is a pipe" in said(store)
    assert "cannot be saved right now" in said(store)
    waiting = Note.new(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "wartet")
    store.put(waiting)
    assert store.unsaved == 1
    assert store.problem is not None
    assert "pipe" in store.problem
    odd.unlink()
    assert store.flush()
    store.close()
    assert len(opened(stores, data_dir).notes()) == 4


# -- a full disk is said as such ------------------------------------------------------


def test_a_full_disk_is_said_as_such_not_as_a_read_only_database(
    data_dir: Path, stores: list[NoteStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk SQLite says "attempt to write a readonly database" or
    "disk I/O error" (seen on a full tmpfs): a connection that cannot write
    stands in for the disk, and the disk reports no space left."""
    store = opened(stores, data_dir)
    store.close()
    real = notes_module._connect

    def cannot_write(target: Path | str, uri: bool = False) -> sqlite3.Connection:
        if uri:
            return real(target, uri)
        return real(f"{Path(target).as_uri()}?mode=ro", uri=True)

    monkeypatch.setattr(notes_module, "_connect", cannot_write)
    store = opened(stores, data_dir)
    store.put(Note.new(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "voll"))
    assert store.problem is not None
    assert "readonly" in store.problem  # what SQLite says, with space left

    monkeypatch.setattr(notes_sql, "free_bytes", lambda _folder: 0)
    assert not store.flush()
    assert "the disk is full" in store.problem
    assert "readonly" not in store.problem


def test_a_real_full_disk_is_said_as_such(tmp_path: Path) -> None:
    """A real, full tmpfs (mounting one needs root; elsewhere the test above
    stands in for it)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        env = {**os.environ, "TIMELINE_VIEWER_HOME": str(disk / "home")}
        command = [sys.executable, "-m", "viewer", "notes", "add", "call-2025-06-04"]
        first = subprocess.run([*command, "passt"], env=env, cwd=REPO, capture_output=True)
        assert first.returncode == 0, first.stderr
        fill(disk / "filler")
        full = subprocess.run(
            [*command, "y" * 50_000], env=env, cwd=REPO, capture_output=True, text=True
        )
        assert full.returncode == 1
        assert "the disk is full" in full.stderr
        assert "readonly" not in full.stderr
        assert "I/O error" not in full.stderr
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def fill(path: Path) -> None:
    """Write ``path`` until the disk is full."""
    filler = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        with pytest.raises(OSError, match="No space left"):
            write_forever(filler)
    finally:
        os.close(filler)


def write_forever(fd: int) -> None:
    while True:
        os.write(fd, b"x" * 4096)


# -- a notes file given to `notes import` is read with bounds, like a W3C file -----


def notes_document(items: str) -> bytes:
    head = f'{{"format_version": 1, "timeline_id": "{BUNDLED}", "notes": ['
    return (head + items + "]}").encode()


def test_a_notes_file_of_millions_of_empty_objects_is_refused_early(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "hostile.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_bytes(notes_document(",".join(["{}"] * 5_000_000)))
    code, _, err = cli(capsys, "import", str(path))
    assert code == 1
    assert "notes[0]" in err
    assert "nothing was imported (1,001 problems)" in err  # stopped after 1,000
    assert not database_path(data_dir, BUNDLED).exists() or not opened([], data_dir).notes()


def test_a_note_of_too_many_values_and_too_many_notes_are_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "hostile.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    heavy = json.dumps(raw("schwer")).replace('"tags": ["alt"]', '"tags": [' + "[]," * 5_000 + "1]")
    path.write_bytes(notes_document(heavy))
    code, _, err = cli(capsys, "import", str(path))
    assert code == 1
    assert "notes[0]: more than 1,000 JSON values" in err

    monkeypatch.setattr("viewer.persistence.notes_json.MAX_ANNOTATIONS", 3)
    path.write_bytes(notes_document(",".join(json.dumps(raw(f"n{i}")) for i in range(4))))
    code, _, err = cli(capsys, "import", str(path))
    assert code == 1
    assert "the file has more than 3 notes" in err
    path.write_bytes(notes_document(",".join(json.dumps(raw(f"n{i}")) for i in range(3))))
    code, out, err = cli(capsys, "import", str(path))
    assert code == 0, err
    assert "imported 3 new" in out


# -- what a hostile review found --------------------------------------------------------


def test_two_notes_with_one_id_are_both_kept(
    data_dir: Path, stores: list[NoteStore], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = raw("dup", "erste Fassung"), raw("dup", "ganz andere Notiz")
    legacy_file(data_dir, [first, raw("other"), second])
    store = opened(stores, data_dir)
    assert store.get("dup") is not None
    assert store.get("dup").text == "erste Fassung"  # type: ignore[union-attr]
    assert "2 of your 3 notes were carried over" in said(store)
    assert "notes[2].id: 'dup' is also the id of notes[0]" in said(store)
    kept = data_dir / "notes" / f"{BUNDLED}.notes-not-carried-over.json"
    assert json.loads(kept.read_text(encoding="utf-8"))["notes"] == [second]

    # Given to `notes import`, the same is refused, as a W3C file's twin ids are.
    twins = data_dir / "twins.json"
    document = {"format_version": 1, "timeline_id": BUNDLED, "notes": [raw("a"), raw("a", "x")]}
    twins.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = cli(capsys, "import", str(twins))
    assert code == 1
    assert "notes[1].id: 'a' is also the id of notes[0]" in err


def test_a_carried_file_is_never_carried_again_nor_a_kept_file_overwritten(
    data_dir: Path, stores: list[NoteStore]
) -> None:
    """The database's mark lost (its meta table dropped, or the database moved
    aside): the notes deleted since stay deleted, the reader's fixes stay."""
    legacy_file(data_dir, [raw("n1"), raw("n2"), raw("long", "x" * (MAX_NOTE_LENGTH + 1))])
    store = opened(stores, data_dir)
    store.remove("n1")
    store.close()
    kept = data_dir / "notes" / f"{BUNDLED}.notes-not-carried-over.json"
    kept.write_text(kept.read_text(encoding="utf-8").replace("x" * 10, "y"), encoding="utf-8")
    edited = kept.read_bytes()
    path = database_path(data_dir, BUNDLED)
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE meta")
    db.close()

    store = opened(stores, data_dir)
    assert {note.id for note in store.notes()} == {"n2"}  # n1 stays deleted
    assert kept.read_bytes() == edited
    store.close()
    path.write_bytes(b"no database at all" * 100)  # moved aside at the next open
    store = opened(stores, data_dir)
    assert store.notes() == []
    assert kept.read_bytes() == edited
    assert sorted(p.name for p in kept.parent.glob("*not-carried-over*")) == [kept.name]


def test_a_damaged_index_is_rebuilt_when_a_note_is_written(
    data_dir: Path, stores: list[NoteStore]
) -> None:
    store = opened(stores, data_dir)
    target = NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04")
    store.put_many([Note.new(target, f"{i} " + "x" * 300) for i in range(300)])
    store.close()
    path = database_path(data_dir, BUNDLED)
    with sqlite3.connect(path) as db:
        [(root,)] = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'note_by_modified'")
    db.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = b"\xee" * 4096
    path.write_bytes(bytes(data))

    store = opened(stores, data_dir)
    assert len(store.notes()) == 300  # the table itself reads
    store.put(Note.new(target, "danach"))
    assert store.problem is None, store.problem
    assert store.unsaved == 0
    assert "moved to" in " ".join(store.notices)
    store.close()
    again = opened(stores, data_dir)
    assert len(again.notes()) == 301
    again.put(Note.new(target, "noch eine"))
    assert again.problem is None


def test_notes_waiting_in_an_old_file_are_shown_while_the_database_cannot_take_them(
    data_dir: Path, stores: list[NoteStore], capsys: pytest.CaptureFixture[str]
) -> None:
    store = opened(stores, data_dir)
    store.put(Note.new(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "in der Datenbank"))
    store.close()
    legacy_file(data_dir, [raw("alt", "aus der alten Datei")])
    path = database_path(data_dir, BUNDLED)
    os.mkfifo(path.with_name(path.name + "-wal"))  # the database can be read, not written

    store = opened(stores, data_dir)
    assert {note.text for note in store.notes()} == {"in der Datenbank", "aus der alten Datei"}
    assert "waits to be carried over" in said(store)
    store.close()
    code, out, _ = cli(capsys, "export", "--format", "markdown")
    assert code == 0
    assert "aus der alten Datei" in out
    code, out, _ = cli(capsys, "list")
    assert "aus der alten Datei" in out

    path.with_name(path.name + "-wal").unlink()
    store = opened(stores, data_dir)  # writable again: carried over now
    assert "1 of your 1 notes were carried over" in said(store)
    assert len(store.notes()) == 2


def test_a_pipe_for_the_shm_beside_a_live_wal_says_what_is_not_shown(
    data_dir: Path, stores: list[NoteStore]
) -> None:
    three_notes(stores, data_dir)
    path = database_path(data_dir, BUNDLED)
    keep_open = sqlite3.connect(path, isolation_level=None)
    keep_open.execute("PRAGMA wal_autocheckpoint = 0")
    keep_open.execute(
        "INSERT INTO note VALUES ('in-wal', 'event', 'call-2025-06-04', 'im WAL', "
        "'2025-06-04T10:00:00+00:00', '2025-06-04T10:00:00+00:00', '', NULL)"
    )
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    assert wal.stat().st_size > 0
    # keep_open stays open: closing the last connection would checkpoint the WAL
    shm.unlink()
    os.mkfifo(shm)
    try:
        store = opened(stores, data_dir)
        assert len(store.notes()) == 3
        assert f"Notes saved in {wal}" in said(store)
    finally:
        shm.unlink()
        keep_open.close()


def test_carrying_over_millions_of_empty_notes_keeps_them_as_text(
    data_dir: Path, stores: list[NoteStore]
) -> None:
    path = data_dir / "notes" / f"{BUNDLED}.notes.json"
    path.parent.mkdir(parents=True)
    head = f'{{"format_version": 1, "timeline_id": "{BUNDLED}", "notes": ['
    path.write_text(head + json.dumps(raw("gut")) + ", {}" * 300_000 + "]}", encoding="utf-8")
    store = opened(stores, data_dir)
    assert [note.id for note in store.notes()] == ["gut"]
    kept = data_dir / "notes" / f"{BUNDLED}.notes-not-carried-over.json"
    document = json.loads(kept.read_text(encoding="utf-8"))
    assert len(document["notes"]) == 300_000
    assert len(document["problems"]) == 1_001  # the first 1,000, then how many more
    assert "1 of your 300001 notes were carried over" in said(store)
