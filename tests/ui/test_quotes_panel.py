"""The quotes panel driven like a user would: clicks, typing, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from viewer.domain.timeline import Timeline
from viewer.ui.document.selection import Selection
from viewer.ui.models.roles import ItemRole
from viewer.ui.panels.quotes_panel import QuotesPanel

# The offscreen platform plugin warns when a top-level window is shown.


@pytest.fixture
def panel(qtbot: QtBot, selection: Selection, bundled: Timeline) -> QuotesPanel:
    widget = QuotesPanel(selection)
    widget.resize(500, 900)
    qtbot.addWidget(widget)
    widget.set_timeline(bundled)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_row(qtbot: QtBot, view: QListView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert view.viewport().rect().contains(rect.center()), "row not visible"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown(view: QListView, role: int) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data(role) for row in range(model.rowCount())]


def choose_actor(qtbot: QtBot, panel: QuotesPanel, actor_id: str) -> None:
    row = shown(panel.actor_view, ItemRole.ACTOR_ID).index(actor_id)
    click_row(qtbot, panel.actor_view, row)
    assert panel.actor_view.currentIndex().data(ItemRole.ACTOR_ID) == actor_id


def quote_ids_of(bundled: Timeline, actor_id: str) -> set[str]:
    return {quote.id for quote in bundled.quotes_by_speaker.get(actor_id, ())}


def test_widgets_are_named(panel: QuotesPanel) -> None:
    assert panel.actor_view.objectName() == "actorList"
    assert panel.quote_view.objectName() == "quoteList"
    assert panel.filter_edit.objectName() == "quoteFilter"
    for widget in (panel.actor_view, panel.quote_view, panel.filter_edit):
        assert widget.accessibleName()
    assert panel.filter_edit.placeholderText() == "Filter quotes\u2026"
    assert panel.filter_edit.isClearButtonEnabled()
    assert panel.quote_view.wordWrap()


def test_the_most_quoted_speaker_is_chosen_first(panel: QuotesPanel, bundled: Timeline) -> None:
    assert panel.actor_view.currentIndex().row() == 1  # under "All speakers"
    assert panel.actor_view.currentIndex().data(ItemRole.ACTOR_ID) == "selenskyj"
    assert set(shown(panel.quote_view, ItemRole.QUOTE_ID)) == quote_ids_of(bundled, "selenskyj")


def test_clicking_a_speaker_lists_their_quotes(
    qtbot: QtBot, panel: QuotesPanel, bundled: Timeline
) -> None:
    choose_actor(qtbot, panel, "trump")
    assert set(shown(panel.quote_view, ItemRole.QUOTE_ID)) == quote_ids_of(bundled, "trump")
    choose_actor(qtbot, panel, "uschakow")
    assert set(shown(panel.quote_view, ItemRole.QUOTE_ID)) == quote_ids_of(bundled, "uschakow")
    assert len(shown(panel.quote_view, ItemRole.QUOTE_ID)) == 3
    # An actor who is never quoted is not listed as a speaker.
    assert "poland" not in shown(panel.actor_view, ItemRole.ACTOR_ID)


def test_clicking_a_quote_selects_its_event(
    qtbot: QtBot, panel: QuotesPanel, selection: Selection
) -> None:
    choose_actor(qtbot, panel, "putin")
    events = shown(panel.quote_view, ItemRole.EVENT_ID)
    assert selection.event_id is None
    with qtbot.waitSignal(selection.changed) as blocker:
        click_row(qtbot, panel.quote_view, len(events) - 1)
    assert blocker.args == [events[-1]]
    assert selection.event_id == events[-1]


def test_clicking_the_same_quote_again_reselects_its_event(
    qtbot: QtBot, panel: QuotesPanel, selection: Selection
) -> None:
    click_row(qtbot, panel.quote_view, 0)
    first_event = shown(panel.quote_view, ItemRole.EVENT_ID)[0]
    assert selection.event_id == first_event
    selection.select("drone-strike-2025-06-01")  # from another view
    assert panel.quote_view.selectionModel().selectedIndexes() == []
    with qtbot.waitSignal(selection.changed) as blocker:
        click_row(qtbot, panel.quote_view, 0)
    assert blocker.args == [first_event]


def test_keyboard_down_selects_the_next_quotes_event(
    qtbot: QtBot, panel: QuotesPanel, selection: Selection
) -> None:
    events = shown(panel.quote_view, ItemRole.EVENT_ID)
    assert events[0] != events[1], "the test needs quotes of two events"
    click_row(qtbot, panel.quote_view, 0)
    assert selection.event_id == events[0]
    with qtbot.waitSignal(selection.changed) as blocker:
        qtbot.keyClick(panel.quote_view, Qt.Key.Key_Down)
    assert blocker.args == [events[1]]
    assert panel.quote_view.currentIndex().row() == 1


def test_typing_in_the_filter_narrows_the_quotes(
    qtbot: QtBot, panel: QuotesPanel, bundled: Timeline
) -> None:
    everything = set(shown(panel.quote_view, ItemRole.QUOTE_ID))
    assert len(everything) == 6
    panel.filter_edit.setFocus()
    # In the quote text (any case) and in the translation.
    qtbot.keyClicks(panel.filter_edit, "ISTANBUL")
    assert shown(panel.quote_view, ItemRole.QUOTE_ID) == ["q-selenskyj-4"]
    assert not panel.no_match.isVisible()
    panel.filter_edit.clear()
    # Accents do not matter either, and every word must match.
    qtbot.keyClicks(panel.filter_edit, "vatikan schweiz")
    assert shown(panel.quote_view, ItemRole.QUOTE_ID) == ["q-selenskyj-4"]
    panel.filter_edit.clear()
    assert set(shown(panel.quote_view, ItemRole.QUOTE_ID)) == everything
    # Only in the translation.
    qtbot.keyClicks(panel.filter_edit, "guns fall")
    assert shown(panel.quote_view, ItemRole.QUOTE_ID) == ["q-selenskyj-2"]
    panel.filter_edit.clear()
    # In the event title: the proposal's and the summit's quotes, also those that do not say it.
    qtbot.keyClicks(panel.filter_edit, "staatschefs")
    expected = {
        quote.id
        for quote in bundled.quotes_by_speaker["selenskyj"]
        if quote.event in ("ceasefire-proposal-2025-06-04", "leaders-summit-proposed")
    }
    assert set(shown(panel.quote_view, ItemRole.QUOTE_ID)) == expected
    said = next(quote for quote in bundled.quotes if quote.id == "q-selenskyj-2")
    assert "q-selenskyj-2" in expected
    assert "staatschefs" not in said.text.casefold()
    # Nothing matches: and the panel says so.
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "xyz")
    assert shown(panel.quote_view, ItemRole.QUOTE_ID) == []
    assert panel.no_match.isVisible()
    assert strip_isolates(panel.no_match.text()) == "No quotes match “xyz”."
    # The clear button brings all back.
    clear_buttons = [b for b in panel.filter_edit.findChildren(QToolButton) if b.isVisible()]
    assert len(clear_buttons) == 1
    qtbot.mouseClick(clear_buttons[0], Qt.MouseButton.LeftButton)
    assert panel.filter_edit.text() == ""
    assert set(shown(panel.quote_view, ItemRole.QUOTE_ID)) == everything


def test_filter_stays_when_choosing_another_speaker(qtbot: QtBot, panel: QuotesPanel) -> None:
    qtbot.keyClicks(panel.filter_edit, "telefonat")
    assert shown(panel.quote_view, ItemRole.QUOTE_ID) == []
    choose_actor(qtbot, panel, "kremlin")
    assert shown(panel.quote_view, ItemRole.QUOTE_ID) == ["q-kremlin-1"]


def marked_rows(view: QListView) -> list[int]:
    model = view.model()
    rows = []
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        font = model.index(row, 0).data(Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont) and font.bold():
            assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
            rows.append(row)
        else:
            assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    return rows


def test_selecting_an_event_marks_its_quotes(
    qtbot: QtBot, panel: QuotesPanel, selection: Selection
) -> None:
    choose_actor(qtbot, panel, "trump")
    assert marked_rows(panel.quote_view) == []
    selection.select("call-2025-06-04")
    events = shown(panel.quote_view, ItemRole.EVENT_ID)
    expected = [row for row, event in enumerate(events) if event == "call-2025-06-04"]
    assert expected
    assert len(expected) < len(events)
    assert marked_rows(panel.quote_view) == expected
    selection.select("response-announced-2025-06-04")
    moved = [row for row in range(len(events)) if row not in expected]
    assert marked_rows(panel.quote_view) == moved
    selection.clear()
    assert marked_rows(panel.quote_view) == []


def test_an_event_the_speaker_did_not_speak_at_keeps_the_speaker(
    qtbot: QtBot, panel: QuotesPanel, selection: Selection, bundled: Timeline
) -> None:
    choose_actor(qtbot, panel, "wadephul")
    before = shown(panel.quote_view, ItemRole.QUOTE_ID)
    selection.select("call-2025-06-04")
    assert panel.actor_view.currentIndex().data(ItemRole.ACTOR_ID) == "wadephul"
    assert shown(panel.quote_view, ItemRole.QUOTE_ID) == before
    assert marked_rows(panel.quote_view) == []
    # The mark follows when the user then picks a speaker of that event.
    choose_actor(qtbot, panel, "trump")
    assert marked_rows(panel.quote_view)
    assert quote_ids_of(bundled, "trump") == set(shown(panel.quote_view, ItemRole.QUOTE_ID))


def test_marking_scrolls_to_the_first_marked_quote(
    qtbot: QtBot, selection: Selection, bundled: Timeline
) -> None:
    widget = QuotesPanel(selection)
    widget.resize(300, 400)
    qtbot.addWidget(widget)
    widget.set_timeline(bundled)
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.quote_view
    last = view.model().index(view.model().rowCount() - 1, 0)
    assert not view.viewport().rect().intersects(view.visualRect(last)), "needs a short view"
    selection.select(last.data(ItemRole.EVENT_ID))
    first_marked = view.model().index(marked_rows(view)[0], 0)
    assert view.viewport().rect().intersects(view.visualRect(first_marked))


def test_timeline_can_be_replaced_and_removed(
    panel: QuotesPanel, bundled: Timeline, selection: Selection
) -> None:
    selection.select("call-2025-06-04")
    panel.set_timeline(None)
    assert panel.actor_view.model().rowCount() == 0
    assert panel.quote_view.model().rowCount() == 0
    assert panel.actor_view.currentIndex() == QModelIndex()
    panel.set_timeline(bundled)
    assert panel.actor_view.currentIndex().data(ItemRole.ACTOR_ID) == "selenskyj"
    assert len(shown(panel.quote_view, ItemRole.QUOTE_ID)) == 6
    # The selection made while no timeline was shown is marked once one is.
    row = shown(panel.actor_view, ItemRole.ACTOR_ID).index("trump")
    panel.choose_actor_row(row)
    assert marked_rows(panel.quote_view)
