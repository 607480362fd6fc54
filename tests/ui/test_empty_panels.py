"""An empty list or table says why it is empty, on screen and to a screen reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.ui.test_filters import menu_action
from tests.ui.windows import active_window
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.ui.widgets.empty_state import EmptyState


def says(empty: EmptyState) -> str:
    """What ``empty`` shows over its view, checked to be on screen and in the view's
    accessible description ("" when the view shows rows)."""
    view = empty.parent()
    text = empty.text()
    assert empty.label.isVisible() == bool(text)
    if text:
        assert view.accessibleDescription() == text
        assert view.viewport().rect().contains(empty.label.geometry())
        assert empty.label.height() > 0
    return strip_isolates(text)


def test_a_filter_that_keeps_nothing_says_so_in_the_table_and_the_quotes(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    table, quotes = window.events_table, window.quotes
    described = table.view.accessibleDescription()
    assert says(table.empty) == ""
    assert says(quotes.empty) == ""
    menu_action(window, "Has My Notes").trigger()  # no notes yet: no event is kept
    assert table.model.rowCount() == 0
    assert says(table.empty) == "No event matches the filter"
    assert says(quotes.empty) == "No quote is on an event the filter keeps"
    menu_action(window, "Has My Notes").trigger()
    assert says(table.empty) == ""
    assert table.view.accessibleDescription() == described
    assert says(quotes.empty) == ""


def test_a_timeline_without_quotes_says_so(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    minimal["quotes"] = []
    path = tmp_path / "no-quotes.json"
    path.write_bytes(dump(minimal))
    window = active_window(qtbot, path)
    assert says(window.quotes.empty) == "No quotes in this timeline"
    assert says(window.events_table.empty) == ""


def test_the_notes_panel_says_how_to_add_a_note(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    panel = window.notes_panel
    window.focus_panel(window.notes_dock)  # its tab forward: behind another, it shows nothing
    assert says(panel.empty) == "No notes yet: select an event and press Ctrl+N"
    window.selection.select("call-2025-06-04")  # one chosen: the keys are all that is left
    assert says(panel.empty) == "No notes yet: press Ctrl+N to add one to the selected event"
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="drone-strike-2025-06-01"), "Zahlen")
    assert says(panel.empty) == ""
    qtbot.keyClicks(panel.filter_edit, "xyz")
    assert says(panel.empty) == "No note matches “xyz”"
    panel.filter_edit.clear()
    assert says(panel.empty) == ""
