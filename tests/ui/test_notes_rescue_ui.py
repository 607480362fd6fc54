"""The window tells, once, what became of an earlier version's notes file."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.test_notes_ui import notes_file, panel_texts
from tests.ui.windows import make_window
from viewer.domain.notes import MAX_NOTE_LENGTH, Note, NoteTarget, TargetKind


def legacy_notes() -> tuple[Path, Path]:
    folder = notes_file().parent
    folder.mkdir(parents=True)
    target = NoteTarget(kind=TargetKind.EVENT, id="drone-strike-2025-06-01")
    good = json.loads(Note.new(target, "aus der alten Datei").model_dump_json())
    bad = dict(good, id="zu-lang", text="x" * (MAX_NOTE_LENGTH + 1))
    document = {"format_version": 1, "timeline_id": "trump-putin-2025-06", "notes": [good, bad]}
    legacy = folder / "trump-putin-2025-06.notes.json"
    legacy.write_text(json.dumps(document), encoding="utf-8")
    return legacy, folder / "trump-putin-2025-06.notes-not-carried-over.json"


def test_the_window_says_which_notes_were_kept_aside_and_shows_the_rest(qtbot: QtBot) -> None:
    _legacy, kept = legacy_notes()
    window = make_window(qtbot)
    box = window.notes_box
    assert isinstance(box, QMessageBox)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "1 of your 2 notes were carried over" in box.text()
    assert str(kept) in box.text()
    assert json.loads(kept.read_text(encoding="utf-8"))["notes"][0]["id"] == "zu-lang"
    assert any("aus der alten Datei" in text for text in panel_texts(window))
    box.close()
    again = make_window(qtbot)
    assert again.notes_box is None  # said once
