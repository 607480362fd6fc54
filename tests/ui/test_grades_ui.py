"""Grading in the window: "Grade…" beside each source and claim (and the event)
opens the grade dialog; the grade is a note, shown beside the model's as the
reader's own, undoable, and can be taken away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.test_details_analyst import opened, shown
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.grade_dialog import GradeDialog

TASS = NoteTarget(kind=TargetKind.SOURCE, id="tass")


def grade_via_link(qtbot: QtBot, window: MainWindow, href: str) -> GradeDialog:
    """Follow a "Grade…" link as Enter on it does; the dialog it opens."""
    browser = window.details.browser
    [index] = [n for n, link in enumerate(browser.links()) if link.href == href]
    browser.setFocus()
    assert browser.focus_link(index)
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    dialog = window.note_actions.dialog
    assert isinstance(dialog, GradeDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_source_is_graded_from_the_details_and_undone(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = opened(qtbot, tmp_path, minimal)
    window.selection.select("e1")
    dialog = grade_via_link(qtbot, window, "note-grade:source:tass")
    assert dialog.grade() == "F6"  # unjudged until the reader says otherwise
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("D"))
    dialog.credibility.setCurrentIndex(dialog.credibility.findData("3"))
    qtbot.keyClicks(dialog.why, "staatlich")
    dialog.accept()
    note = window.notes.grade_of(TASS)
    assert note is not None
    assert (note.grade, note.text) == ("D3", "staatlich")
    assert "[2] TASS D yours: D3 Grade…" in shown(window)
    assert window.details.browser.describe("my-grade:D3") == (
        "your grade: source D, not usually reliable; information 3, possibly true"
    )
    assert window.details.browser.describe("note-grade:source:tass") == "Grade TASS"
    assert strip_isolates(window.statusBar().currentMessage()) == "Your grade of “TASS”: D3."
    window.notes.undo()
    assert window.notes.grade_of(TASS) is None
    assert "yours:" not in shown(window)


def test_a_claim_is_graded_again_and_the_grade_taken_away(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = opened(qtbot, tmp_path, minimal)
    window.selection.select("e1")
    claim = NoteTarget(kind=TargetKind.CLAIM, id="c-anna")
    grade_via_link(qtbot, window, "note-grade:claim:c-anna").accept()  # F6 as offered
    first = window.notes.grade_of(claim)
    assert first is not None
    assert first.grade == "F6"
    dialog = grade_via_link(qtbot, window, "note-grade:claim:c-anna")
    assert dialog.grade() == "F6"  # the grade given before
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("B"))
    dialog.accept()
    again = window.notes.grade_of(claim)
    assert again is not None
    assert (again.id, again.grade) == (first.id, "B6")  # the same note, changed
    assert "B3 [1] yours: B6 Grade…" in shown(window)
    dialog = grade_via_link(qtbot, window, "note-grade:claim:c-anna")
    remove = dialog.findChild(type(dialog.buttons.buttons()[0]), "gradeRemove")
    assert remove is not None
    remove.click()
    assert window.notes.grade_of(claim) is None
    assert window.notes.notes() == []


def test_the_event_is_graded_too(qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]) -> None:
    window = opened(qtbot, tmp_path, minimal)
    window.selection.select("e2")
    window.details.browser.anchorClicked.emit(QUrl("note-grade:event:e2"))
    dialog = window.note_actions.dialog
    assert isinstance(dialog, GradeDialog)
    dialog.credibility.setCurrentIndex(dialog.credibility.findData("2"))
    dialog.accept()
    assert "My grade: yours: F2 Grade…" in shown(window)


def test_a_grade_reads_as_one_in_my_notes(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = opened(qtbot, tmp_path, minimal)
    window.notes.grade(TASS, "D3")
    window.notes.grade(NoteTarget(kind=TargetKind.CLAIM, id="c-anna"), "B2", "zwei Quellen")
    model = window.notes_panel.model
    rows = [strip_isolates(model.index(r, 0).data()).splitlines()[:2] for r in range(2)]
    assert sorted(rows) == [
        ["Anna: „Es war gut.“", "My grade: B2 — zwei Quellen"],
        ["TASS", "My grade: D3"],
    ]
