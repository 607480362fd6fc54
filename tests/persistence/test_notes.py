"""The notes store: saving, reopening, and every fault the issue names."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, dump
from viewer.domain.model import Timeline
from viewer.persistence.model_file import parse_timeline
from viewer.persistence.notes import (
    NOTES_FORMAT,
    Note,
    NotesError,
    NoteStore,
    NoteTarget,
    TargetKind,
    parse_tags,
)
from viewer.persistence.paths import AppPaths

_OPEN: list[NoteStore] = []


@pytest.fixture(autouse=True)
def _close_stores(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every store a test makes is closed after it, releasing its lock file."""
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
    return store


def test_notes_survive_a_reopen(data_dir: Path) -> None:
    store = opened(data_dir)
    note = on("e1", "Zahlen prüfen", "SBU", "#Drohnen", "SBU")
    store.put(note)
    store.save()
    store.close()
    again = opened(data_dir)
    assert again.notes() == [note]
    assert again.notes()[0].tags == ("SBU", "Drohnen")
    assert store.path.parent == data_dir / "notes"
    assert json.loads(store.path.read_text(encoding="utf-8"))["format_version"] == NOTES_FORMAT


def test_the_environment_variable_moves_the_data_folder(tmp_path: Path) -> None:
    paths = AppPaths.from_environment({"TIMELINE_VIEWER_HOME": str(tmp_path / "portable")})
    assert paths.data_dir == tmp_path / "portable" / "data"
    assert not (tmp_path / "portable").exists()  # nothing is created before it is needed


def test_tags_are_parsed_from_text() -> None:
    assert parse_tags("Frieden, #Istanbul  Sanktionen,,Frieden") == (
        "Frieden",
        "Istanbul",
        "Sanktionen",
    )


def test_corrupt_file_is_moved_aside_and_kept(data_dir: Path) -> None:
    store = opened(data_dir)
    store.close()
    store.path.write_bytes(b'{"format_version": 1, "timeline_id": "test-timeline", "notes": [')
    broken = store.path.read_bytes()
    again = NoteStore(data_dir, "test-timeline")
    report = again.open()
    assert not report.read_only
    assert report.backup is not None
    assert report.backup.name.startswith("test-timeline.notes.corrupt-")
    assert report.backup.read_bytes() == broken
    assert str(report.backup) in report.messages[0]
    assert "Nothing was deleted" in report.messages[0]
    again.put(on("e1"))
    again.save()
    assert report.backup.read_bytes() == broken  # never overwritten


def test_two_corrupt_files_in_one_second_get_two_backups(data_dir: Path) -> None:
    backups = set()
    for garbage in (b"\xff\xfe", b"[]"):
        (data_dir / "notes").mkdir(parents=True, exist_ok=True)
        (data_dir / "notes" / "test-timeline.notes.json").write_bytes(garbage)
        store = NoteStore(data_dir, "test-timeline")
        report = store.open()
        store.close()
        assert report.backup is not None
        backups.add(report.backup)
        assert report.backup.read_bytes() == garbage
    assert len(backups) == 2


def test_unreadable_notes_file_is_left_alone(data_dir: Path) -> None:
    (data_dir / "notes" / "test-timeline.notes.json").mkdir(parents=True)  # not a file
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert report.read_only
    assert "cannot be read" in report.messages[0]
    with pytest.raises(NotesError, match="read-only"):
        store.put(on("e1"))


def test_newer_format_is_read_only_and_never_rewritten(data_dir: Path) -> None:
    newer = {
        "format_version": NOTES_FORMAT + 1,
        "timeline_id": "test-timeline",
        "notes": [on("e1", "aus der Zukunft").model_dump(mode="json") | {"colour": "red"}],
        "sync": {"server": "example"},
    }
    path = data_dir / "notes" / "test-timeline.notes.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(newer), encoding="utf-8")
    before = path.read_bytes()
    store = NoteStore(data_dir, "test-timeline")
    report = store.open()
    assert report.read_only
    assert "made by a newer version" in report.messages[0]
    assert [n.text for n in store.notes()] == ["aus der Zukunft"]
    with pytest.raises(NotesError):
        store.put(on("e1"))
    store.save()
    store.close()
    assert path.read_bytes() == before


def test_newer_format_that_does_not_parse_is_read_only_too(data_dir: Path) -> None:
    path = data_dir / "notes" / "test-timeline.notes.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"format_version": 9, "notes": "elsewhere"}', encoding="utf-8")
    report = NoteStore(data_dir, "test-timeline").open()
    assert report.read_only
    assert "format 9" in report.messages[0]
    assert path.exists()


def test_second_store_on_the_same_timeline_is_read_only(data_dir: Path) -> None:
    first = opened(data_dir)
    first.put(on("e1", "meine"))
    first.save()
    second = NoteStore(data_dir, "test-timeline")
    report = second.open()
    assert report.read_only
    assert f"process {os.getpid()}" in report.messages[0]
    assert [n.text for n in second.notes()] == ["meine"]
    with pytest.raises(NotesError):
        second.put(on("e1", "fremde"))
    first.close()
    third = opened(data_dir)
    assert [n.text for n in third.notes()] == ["meine"]


def test_lock_held_by_another_process_and_dropped_when_it_dies(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from viewer.persistence.notes import NoteStore
            store = NoteStore(Path({str(data_dir)!r}), "test-timeline")
            assert not store.open().read_only
            print("locked", flush=True)
            time.sleep(60)
        """),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        report = NoteStore(data_dir, "test-timeline").open()
        assert report.read_only
        assert f"process {holder.pid}" in report.messages[0]
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()
    assert not NoteStore(data_dir, "test-timeline").open().read_only  # no stale lock


def test_detached_notes_are_kept_and_reattached(data_dir: Path, minimal: dict[str, Any]) -> None:
    full = parse_timeline(dump(minimal))
    store = opened(data_dir)
    note = on("e2", "zum Angriff")
    store.put(note)
    store.remember_titles(full)
    store.save()
    store.close()
    minimal["events"] = minimal["events"][:1]
    minimal["events"][0]["related"] = []
    without_e2 = parse_timeline(dump(minimal))
    again = opened(data_dir)
    detached = again.detached(without_e2)
    assert [n.id for n in detached] == [note.id]
    assert detached[0].target_title == "Angriff"
    again.remember_titles(without_e2)
    again.save()
    again.close()
    third = opened(data_dir)
    assert [n.id for n in third.notes()] == [note.id]  # loading deleted nothing
    assert third.detached(full) == []


def test_disk_full_keeps_notes_in_memory_and_the_file_intact(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = opened(data_dir)
    store.put(on("e1", "alt"))
    store.save()
    on_disk = store.path.read_bytes()
    store.put(on("e1", "neu"))

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as full:
        full.setattr(os, "fsync", full_disk)
        with pytest.raises(NotesError, match="No space left on device"):
            store.save()
    assert store.dirty
    assert sorted(n.text for n in store.notes()) == ["alt", "neu"]
    assert store.path.read_bytes() == on_disk
    assert list(store.path.parent.glob("*.tmp")) == []
    store.save()
    assert not store.dirty
    assert "neu" in store.path.read_text(encoding="utf-8")


def test_folder_gone_then_back(data_dir: Path) -> None:
    store = opened(data_dir)
    store.put(on("e1", "erste"))
    store.save()
    folder = store.path.parent
    aside = folder.with_name("notes-aside")
    folder.rename(aside)
    folder.write_text("not a folder")  # the folder is now a file: nothing can be written
    store.put(on("e1", "zweite"))
    with pytest.raises(NotesError, match="could not save notes"):
        store.save()
    assert store.dirty
    folder.unlink()
    aside.rename(folder)
    store.save()
    assert sorted(n.text for n in opened_copy(data_dir).notes()) == ["erste", "zweite"]


def opened_copy(data_dir: Path) -> NoteStore:
    store = NoteStore(data_dir, "test-timeline")
    store.open()
    return store


def test_no_folder_at_start_keeps_notes_in_memory_until_it_can_save(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    store = NoteStore(blocker, "test-timeline")
    report = store.open()
    assert not report.read_only
    assert "kept in memory and saving is retried" in report.messages[0]
    store.put(on("e1", "unterwegs"))
    with pytest.raises(NotesError):
        store.save()
    blocker.unlink()
    store.save()
    assert "unterwegs" in store.path.read_text(encoding="utf-8")


def test_late_lock_merges_notes_that_appeared_meanwhile(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("x")
    mine = NoteStore(blocker, "test-timeline")
    mine.open()
    mine.put(on("e1", "meine"))
    blocker.unlink()
    other = opened(blocker)
    other.put(on("e2", "von woanders"))
    other.save()
    other.close()
    mine.save()
    assert sorted(n.text for n in opened_copy(blocker).notes()) == ["meine", "von woanders"]
