"""A note of only invisible characters is no note in the window either: its
dialog keeps none, as it keeps no empty one (and as `notes add` and an import
refuse it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.test_notes_ui import STRIKE, fill_dialog, texts_on_disk
from tests.ui.windows import make_window
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.note_dialog import NoteDialog

#: Zero width spaces around a space; bidi isolates; a soft hyphen, a BOM (Qt drops
#: one that leads) and a word joiner, and white space.
BLANK = ["", "\u200b \u200b", "\u2066\u2069", "\u00ad\ufeff\u2060\n\t"]


def write(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Set the open dialog's text (set, not typed: typing may lose what shows
    nothing) and press OK."""
    dialog = window.note_actions.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.text_edit.setPlainText(text)
    assert dialog.text_edit.toPlainText() == text
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("text", BLANK, ids=["empty", "zwsp", "isolates", "format"])
def test_a_blank_note_is_not_kept(qtbot: QtBot, text: str) -> None:
    window = make_window(qtbot)
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    write(qtbot, window, text)
    assert window.notes.notes() == []
    assert window.notes.counts_by_event() == {}
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "echt")  # a note with text is, as before
    assert texts_on_disk() == ["echt"]


@pytest.mark.parametrize("text", BLANK, ids=["empty", "zwsp", "isolates", "format"])
def test_a_note_edited_to_blank_keeps_its_text(qtbot: QtBot, text: str) -> None:
    window = make_window(qtbot)
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "bleibt")
    [note] = window.notes.notes()
    window.note_actions.edit(note.id)
    write(qtbot, window, text)
    assert [n.text for n in window.notes.notes()] == ["bleibt"]
    assert texts_on_disk() == ["bleibt"]
