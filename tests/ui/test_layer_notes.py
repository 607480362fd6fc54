"""Notes of timelines shown together: each timeline's stay in its own database, in its own ids."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import DATA, dump, strip_isolates
from tests.persistence.test_notes_store import full_disk
from tests.ui.test_notes_ui import STRIKE, fill_dialog, panel_texts
from tests.ui.windows import active_window
from viewer.cli import main as cli_main
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.importers.formats import run_import
from viewer.persistence.model_file import load_timeline
from viewer.persistence.notes_export import from_w3c
from viewer.persistence.notes_store import NoteStore, database_path
from viewer.persistence.paths import AppPaths, bundled_timeline
from viewer.timeline.stacking import shown_together
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.panels.note_actions import NoteActions

BASE, OTHER = "test-timeline", "other"
#: An ACLED event (Villa Allende, 3 June 2022): its own id, and as the stacked timeline names it.
ARG = "ARG10342"
ACLED_ID = "argentina_2022-06_sample"
ALLENDE = f"{ACLED_ID}:{ARG}"


def _data_dir() -> Path:
    return AppPaths.from_environment().data_dir


def on_disk(timeline_id: str) -> list[tuple[str, str, str]]:
    """What the timeline's own database holds: (target kind, target id, text), sorted."""
    path = database_path(_data_dir(), timeline_id)
    if not path.exists():
        return []
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT target_kind, target_id, text FROM note").fetchall()
    db.close()
    return sorted(rows)


def _files(minimal: dict[str, Any], folder: Path) -> tuple[Path, Path]:
    """Two model files: the minimal timeline, and another with the same ids (``other``)."""
    other = copy.deepcopy(minimal)
    other.update(id=OTHER, title="Other")
    other["events"][0]["title"] = "Anderer Anruf"
    base_path, other_path = folder / "base.json", folder / "other.json"
    base_path.write_bytes(dump(minimal))
    other_path.write_bytes(dump(other))
    return base_path, other_path


def _stacked(*paths: Path) -> Timeline:
    return shown_together([load_timeline(path) for path in paths])


@pytest.fixture
def files(minimal: dict[str, Any], tmp_path: Path) -> tuple[Path, Path]:
    return _files(minimal, tmp_path)


@pytest.fixture
def controller(qtbot: QtBot) -> NotesController:
    return NotesController(_data_dir(), retry_ms=60_000, watch_ms=50)


def _event(event_id: str) -> NoteTarget:
    return NoteTarget(kind=TargetKind.EVENT, id=event_id)


def test_a_note_on_an_added_timeline_is_kept_in_its_own_database_with_its_own_id(
    controller: NotesController, files: tuple[Path, Path]
) -> None:
    base_path, other_path = files
    assert controller.open_for(_stacked(base_path, other_path)) == []
    assert list(controller.stores) == [BASE, OTHER]
    added = controller.add(_event("other:e1"), "zum anderen Anruf")
    assert added is not None
    assert added.target.id == "other:e1"  # the window is told the shown id
    mine = controller.add(_event("e1"), "zum ersten Anruf")
    assert mine is not None
    on_quote = controller.add(NoteTarget(kind=TargetKind.QUOTE, id="other:q1"), "zum Zitat")
    assert on_quote is not None
    assert on_disk(OTHER) == [("event", "e1", "zum anderen Anruf"), ("quote", "q1", "zum Zitat")]
    assert on_disk(BASE) == [("event", "e1", "zum ersten Anruf")]
    # Everything given out is in the shown ids.
    assert sorted(n.target.id for n in controller.notes()) == ["e1", "other:e1", "other:q1"]
    assert controller.counts_by_event() == {"e1": 1, "other:e1": 2}
    assert controller.counts_by_quote() == {"other:q1": 1}
    assert [n.text for n in controller.notes_for_event("other:e1")] == [
        "zum Zitat",
        "zum anderen Anruf",
    ]
    got = controller.get(added.id)
    assert got is not None
    assert got.target.id == "other:e1"
    assert controller.title_of(got) == ("Anderer Anruf", False)
    assert controller.event_of(got) == "other:e1"
    # Edit, delete, undo and redo go to the same database, in its own ids.
    assert controller.edit(added.id, "geändert", ("Tag",)) is not None
    assert ("event", "e1", "geändert") in on_disk(OTHER)
    controller.undo()
    assert ("event", "e1", "zum anderen Anruf") in on_disk(OTHER)
    assert controller.delete(on_quote.id)
    assert on_disk(OTHER) == [("event", "e1", "zum anderen Anruf")]
    controller.undo()  # the note on the quote is back
    both = [("event", "e1", "zum anderen Anruf"), ("quote", "q1", "zum Zitat")]
    assert on_disk(OTHER) == both
    controller.undo()  # adding it is undone
    controller.undo()  # so is adding the note on the first timeline's e1
    assert on_disk(OTHER) == [("event", "e1", "zum anderen Anruf")]
    assert on_disk(BASE) == []
    controller.redo()
    controller.redo()
    assert on_disk(BASE) == [("event", "e1", "zum ersten Anruf")]
    assert on_disk(OTHER) == both
    # The other timeline open alone shows its notes, on its own ids.
    controller.open_for(load_timeline(other_path))
    assert list(controller.stores) == [OTHER]
    shown = sorted((n.target.id, n.text) for n in controller.notes())
    assert shown == [("e1", "zum anderen Anruf"), ("q1", "zum Zitat")]
    assert controller.counts_by_event() == {"e1": 2}
    [note] = [n for n in controller.notes() if n.target.id == "e1"]
    assert controller.title_of(note) == ("Anderer Anruf", False)


def test_a_timeline_added_or_taken_away_opens_or_leaves_its_notes(
    controller: NotesController, files: tuple[Path, Path]
) -> None:
    base_path, other_path = files
    with NoteStore(_data_dir(), OTHER) as elsewhere:
        elsewhere.open()
        elsewhere.put(Note.new(_event("e2"), "schon da"))
    base = load_timeline(base_path)
    controller.open_for(base)
    first = controller.store
    assert controller.add(_event("e1"), "vorher") is not None
    controller.open_for(_stacked(base_path, other_path))
    assert controller.store is first  # the opened timeline's notes stay open
    assert [n.target.id for n in controller.notes_for(_event("other:e2"))] == ["other:e2"]
    assert controller.undo_stack.count() == 1  # adding a timeline keeps what can be undone
    assert controller.add(_event("other:e1"), "daneben") is not None
    added = controller.stores[OTHER]
    controller.open_for(base)  # taken away again
    assert list(controller.stores) == [BASE]
    assert controller.store is first
    assert controller.waiting == []  # nothing waited: its store is let go
    assert added._db is None
    assert controller.undo_stack.count() == 0  # its changes cannot be undone where it is not
    assert [n.text for n in controller.notes()] == ["vorher"]
    assert ("event", "e1", "daneben") in on_disk(OTHER)


def test_changes_to_a_timeline_taken_away_wait_until_they_can_be_written(
    qtbot: QtBot,
    controller: NotesController,
    files: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    base_path, other_path = files
    base = load_timeline(base_path)
    controller.open_for(_stacked(base_path, other_path))
    assert controller.add(_event("e1"), "sicher") is not None
    with monkeypatch.context() as patch:
        full_disk(patch, controller.stores[OTHER])
        big = "wartet " + "x" * 50_000
        assert controller.add(_event("other:e2"), big) is not None
        assert controller.unsaved == 1
        assert "full" in (controller.problem or "")
        assert "kept in memory" in controller.status
        controller.open_for(base)  # the other timeline taken away while its change waits
        assert list(controller.stores) == [BASE]
        [(store, own)] = controller.waiting
        assert (store.timeline_id, own.id) == (OTHER, OTHER)
        assert controller.unsaved == 1
        assert "kept in memory" in controller.status
        # Rescued at quit: the opened timeline's notes to the file chosen, the
        # other's beside it, each in its own ids.
        rescue = tmp_path / "rescue.jsonld"
        assert controller.rescue_to(rescue) == [rescue, tmp_path / "rescue.other.jsonld"]
        beside = from_w3c(
            (tmp_path / "rescue.other.jsonld").read_bytes(), load_timeline(other_path)
        )
        assert [(n.target.id, n.text) for n in beside] == [("e2", big)]
        assert [n.text for n in from_w3c(rescue.read_bytes(), base)] == ["sicher"]
        assert on_disk(OTHER) == []
    # Space again: written where it belongs.
    assert controller.save_now()
    assert on_disk(OTHER) == [("event", "e2", big)]
    assert controller.waiting == []
    assert controller.status == ""


def test_a_read_only_timeline_refuses_only_notes_on_itself(
    qtbot: QtBot, controller: NotesController, files: tuple[Path, Path]
) -> None:
    base_path, other_path = files
    path = database_path(_data_dir(), OTHER)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE note (id TEXT PRIMARY KEY, target_kind TEXT, target_id TEXT, "
            "text TEXT, created TEXT, modified TEXT, target_title TEXT)"
        )
        db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    messages = controller.open_for(_stacked(base_path, other_path))
    assert any("newer version" in m for m in messages)
    assert "newer version" in controller.status
    assert not controller.read_only
    assert controller.read_only_for("other:e1")
    assert controller.read_only_for("other:q1")
    assert not controller.read_only_for("e1")
    assert controller.add(_event("other:e1"), "abgelehnt") is None
    assert controller.add(_event("e1"), "angenommen") is not None
    assert on_disk(BASE) == [("event", "e1", "angenommen")]
    assert "newer version" in controller.status  # still said after a change elsewhere
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = NoteActions(controller, parent)
    assert actions.menu_for_event("e1", parent).actions()[0].isEnabled()
    assert not actions.menu_for_event("other:e1", parent).actions()[0].isEnabled()
    controller.shutdown()
    assert path.read_bytes() == before


def test_export_writes_each_timelines_notes_in_its_own_ids(
    controller: NotesController,
    files: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base_path, other_path = files
    controller.open_for(_stacked(base_path, other_path))
    assert controller.add(_event("e1"), "erste") is not None
    markdown = tmp_path / "out" / "mine.notes.md"
    markdown.parent.mkdir()
    assert controller.export_to(markdown) == 1
    assert sorted(p.name for p in markdown.parent.iterdir()) == ["mine.notes.md"]  # none beside
    added = controller.add(_event("other:e1"), "zweite")
    assert added is not None
    assert controller.add(NoteTarget(kind=TargetKind.QUOTE, id="other:q1"), "dritte") is not None
    assert controller.export_to(markdown) == 3
    other_md = markdown.with_name("mine.notes.other.md")
    text = strip_isolates(other_md.read_text(encoding="utf-8"))
    assert text.startswith("# Notes on Other\n")
    assert "## Anderer Anruf" in text
    assert "zweite" in text
    assert "erste" not in text
    assert "zweite" not in strip_isolates(markdown.read_text(encoding="utf-8"))
    w3c = tmp_path / "mine.notes.jsonld"
    assert controller.export_to(w3c) == 3
    document = json.loads(w3c.with_name("mine.notes.other.jsonld").read_text(encoding="utf-8"))
    targets = sorted(item["target"]["selector"]["value"] for item in document["first"]["items"])
    assert targets == ["event=e1", "quote=q1"]
    # `timeline-viewer notes import` reads it back into the other timeline's notes.
    assert controller.delete(added.id)
    assert on_disk(OTHER) == [("quote", "q1", "dritte")]
    source = str(w3c.with_name("mine.notes.other.jsonld"))
    assert cli_main(["notes", "import", source, "--model", str(other_path)]) == 0
    capsys.readouterr()
    assert on_disk(OTHER) == [("event", "e1", "zweite"), ("quote", "q1", "dritte")]


def test_notes_written_elsewhere_on_an_added_timeline_show_at_once(
    qtbot: QtBot, controller: NotesController, files: tuple[Path, Path]
) -> None:
    controller.open_for(_stacked(*files))
    with NoteStore(_data_dir(), OTHER) as elsewhere:
        elsewhere.open()
        with qtbot.waitSignal(controller.changed, timeout=3000):
            elsewhere.put(Note.new(_event("e2"), "von der Kommandozeile"))
    assert [(n.target.id, n.text) for n in controller.notes()] == [
        ("other:e2", "von der Kommandozeile")
    ]


def test_in_the_window_each_timeline_keeps_its_notes(qtbot: QtBot, tmp_path: Path) -> None:
    acled = tmp_path / "acled.json"
    run_import("acled", DATA / "acled" / f"{ACLED_ID}.csv", acled)
    window = active_window(qtbot, open_model=False)
    assert window.document.open(bundled_timeline())
    assert window.document.add(acled)
    timeline = window.document.timeline
    assert timeline is not None
    assert [layer.id for layer in timeline.layers] == ["trump-putin-2025-06", ACLED_ID]
    window.selection.select(ALLENDE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "Protest in Villa Allende")
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "Zahlen pruefen")
    assert on_disk(ACLED_ID) == [("event", ARG, "Protest in Villa Allende")]
    assert on_disk("trump-putin-2025-06") == [("event", STRIKE, "Zahlen pruefen")]
    # The panel lists both timelines' notes, each on its event; the timeline marks both.
    texts = panel_texts(window)
    assert len(texts) == 2
    assert any(t.split("\n")[1] == "Protest in Villa Allende" for t in texts)
    assert any(t.split("\n")[1] == "Zahlen pruefen" for t in texts)
    assert not any(t.startswith("(detached)") for t in texts)
    assert window.timeline_view.renderer.note_counts == {ALLENDE: 1, STRIKE: 1}
    window.selection.select(ALLENDE)
    assert "Protest in Villa Allende" in window.details.plain_text()
    # Undo takes the note out of the ACLED timeline's database, redo puts it back.
    window.menus["undo"].trigger()
    window.menus["undo"].trigger()
    assert on_disk(ACLED_ID) == []
    assert on_disk("trump-putin-2025-06") == []
    window.menus["redo"].trigger()
    window.menus["redo"].trigger()
    assert on_disk(ACLED_ID) == [("event", ARG, "Protest in Villa Allende")]
    # Taken away, its notes go with it; opened alone, they are there.
    assert window.document.remove_layer(ACLED_ID)
    assert [t.split("\n")[1] for t in panel_texts(window)] == ["Zahlen pruefen"]
    assert on_disk(ACLED_ID) == [("event", ARG, "Protest in Villa Allende")]
    assert window.open_file(acled)
    [text] = panel_texts(window)
    assert text.split("\n")[1] == "Protest in Villa Allende"
    assert not text.startswith("(detached)")
    assert window.timeline_view.renderer.note_counts == {ARG: 1}
