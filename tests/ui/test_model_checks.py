"""Every item model and proxy the window shows, run through pytest-qt's
qtmodeltester while it holds real rows and while they change under it (the
models alone are checked in test_item_models.py). A broken rule is a Qt
warning, and a Qt warning fails the test (qt_log_level_fail)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window
from viewer.cli import main as cli_main
from viewer.ui.models.events import EventTableModel
from viewer.ui.models.quotes import ALL_SPEAKERS


def test_the_search_results_model_holds_to_qts_rules(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window = active_window(qtbot)
    window.timeline_view.setFocus()
    qtbot.keySequence(window.timeline_view, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.keyClicks(window.find_bar.edit, "putin")
    window.finder.finish()
    model = window.find_results.model
    assert model.rowCount() > 1
    qtmodeltester.check(model)
    qtbot.keyClicks(window.find_bar.edit, " telefonat")  # the results change under it
    window.finder.finish()
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_the_notes_list_and_its_filter_hold_to_qts_rules(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    for event_id, text in (
        ("drone-strike-2025-06-01", "Zahlen prüfen"),
        ("call-2025-06-04", "Zermürbung"),
        ("q-wadephul-3", "Schöner Satz"),
    ):
        assert cli_main(["notes", "add", event_id, text]) == 0
    window = active_window(qtbot)
    panel = window.notes_panel
    assert panel.model.rowCount() == 3
    qtmodeltester.check(panel.model)
    panel.proxy.set_query("zermurbung")  # case and accents do not matter
    assert panel.proxy.rowCount() == 1
    qtmodeltester.check(panel.proxy)
    panel.proxy.set_query("")
    assert panel.proxy.rowCount() == 3
    qtmodeltester.check(panel.proxy)


def test_the_speakers_quotes_and_events_models_hold_to_qts_rules(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window = active_window(qtbot)
    panel, events = window.quotes, window.events_table.model
    speakers, quotes = panel.actor_model, panel.quote_model
    assert speakers.rowCount() > 1
    qtmodeltester.check(speakers)
    window.filters.toggle("kinds", "call")  # every model is shown again, with fewer rows
    assert speakers.rowCount() > 0
    window.filters.toggle("kinds", "call")
    assert quotes.rowCount() > 0
    qtmodeltester.check(quotes)
    panel.choose_actor_row(speakers.row_of(ALL_SPEAKERS))
    panel.filter_edit.setText("putin")  # the quotes list filters itself
    assert quotes.rowCount() > 0
    panel.filter_edit.clear()
    everything = events.rowCount()
    assert everything > 1
    qtmodeltester.check(events)
    events.sort(EventTableModel.TITLE, Qt.SortOrder.DescendingOrder)  # a layout change
    window.filters.toggle("kinds", "call")
    assert 0 < events.rowCount() < everything
    window.filters.toggle("kinds", "call")
    assert events.rowCount() == everything
