"""What changes on the screen from the reader's action is read out: find's results,
a filter's count, a quote filter that matches nothing, Add Note with nothing selected."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.windows import active_window, make_window
from viewer.domain.timeline import Timeline
from viewer.ui.widgets import announce as announce_module

POLITE = QAccessible.AnnouncementPoliteness.Polite


class Heard:
    """Every announcement made: its widget, its words (without bidi isolates) and
    how urgently."""

    def __init__(self) -> None:
        self.said: list[tuple[QObject, str, QAccessible.AnnouncementPoliteness]] = []

    def __call__(self, event: Any) -> None:
        if event.type() == QAccessible.Event.Announcement:
            message = strip_isolates(event.message())
            self.said.append((event.object(), message, event.politeness()))

    def from_(self, widget: QObject) -> list[str]:
        """What ``widget`` had read out, in order; every one polite."""
        said = [(text, politeness) for source, text, politeness in self.said if source is widget]
        assert all(politeness == POLITE for _text, politeness in said)
        return [text for text, _politeness in said]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    ears = Heard()
    monkeypatch.setattr(announce_module.QAccessible, "updateAccessibility", ears)
    return ears


def test_find_reads_out_what_it_found_and_each_step(qtbot: QtBot, heard: Heard) -> None:
    window = make_window(qtbot)
    bar = window.find_bar
    qtbot.keySequence(window.timeline_view, QKeySequence(QKeySequence.StandardKey.Find))
    assert bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "selenskyj")
    window.finder.finish()
    count = len(window.finder.rows)
    assert count >= 3
    said = heard.from_(bar.status)
    assert said
    assert said[-1] == f"1 of {count}"
    # Only answers, never the progress, and never the same words twice in a row.
    assert not [text for text in said if "…" in text or "+" in text]
    assert all(a != b for a, b in itertools.pairwise(said))
    # Enter, F3: each step is read out.
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert heard.from_(bar.status)[-1] == f"2 of {count}"
    qtbot.keySequence(bar.edit, QKeySequence(QKeySequence.StandardKey.FindNext))
    assert heard.from_(bar.status)[-1] == f"3 of {count}"
    # An event chosen elsewhere changes the count shown, not what is read.
    before = len(heard.from_(bar.status))
    timeline = window.finder.timeline
    assert timeline is not None
    found = {timeline.events.ids[int(row)] for row in window.finder.rows}
    other = next(e for e in timeline.events.ids if e not in found)
    window.selection.select(other)
    assert bar.status.text() == f"{count} matches"
    assert len(heard.from_(bar.status)) == before
    # The next step is read again, even to words read before.
    qtbot.keySequence(bar.edit, QKeySequence(QKeySequence.StandardKey.FindNext))
    assert len(heard.from_(bar.status)) == before + 1
    # A query that finds nothing says so.
    bar.edit.selectAll()
    qtbot.keyClicks(bar.edit, "qqqxyz")
    window.finder.finish()
    assert heard.from_(bar.status)[-1] == "No matches"


def test_a_step_that_changes_nothing_is_not_read_again(qtbot: QtBot, heard: Heard) -> None:
    window = make_window(qtbot)
    bar = window.find_bar
    window.open_find()
    qtbot.keyClicks(bar.edit, "ZERMURBUNG")
    window.finder.finish()
    assert heard.from_(bar.status)[-1] == "1 of 1"
    before = len(heard.from_(bar.status))
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # the one match again
    assert bar.status.text() == "1 of 1"
    assert len(heard.from_(bar.status)) == before
    # Closed and opened again: the answer is read again.
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    window.open_find()
    window.finder.finish()
    assert heard.from_(bar.status)[-1] == "1 of 1"
    assert len(heard.from_(bar.status)) == before + 1


def test_the_filters_count_is_read_out_when_the_reader_filters(
    qtbot: QtBot, heard: Heard, bundled: Timeline
) -> None:
    window = active_window(qtbot)
    bar = window.filter_bar
    total = len(bundled.events)
    menu = bar.menu
    menu.aboutToShow.emit()  # the menu is filled when it opens
    kinds = menu.actions()[0].menu()
    assert kinds is not None
    calls = next(a for a in kinds.actions() if a.text() == "Calls")
    calls.trigger()
    shown = window.filters.shown()
    assert 0 < shown < total
    assert heard.from_(bar.count) == [f"Showing {shown} of {total} events"]
    # The chip's cross, from the keyboard: all events again, and that is said too.
    [chip] = bar.chips
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Space)
    assert bar.count.text() == ""
    assert heard.from_(bar.count)[-1] == f"Showing all {total} events"
    assert len(heard.from_(bar.count)) == 2


def test_a_timeline_opened_with_its_filter_reads_no_count(qtbot: QtBot, heard: Heard) -> None:
    window = active_window(qtbot)
    window.filters.toggle("kinds", "call")
    assert len(heard.from_(window.filter_bar.count)) == 1
    assert window.document.path is not None
    assert window.open_file(window.document.path)  # the same file again, filter and all
    qtbot.waitUntil(lambda: window.filters.timeline is not None)
    assert window.filter_bar.count.text().startswith("Showing")
    assert len(heard.from_(window.filter_bar.count)) == 1


def test_a_quote_filter_that_matches_nothing_is_read_out_once(qtbot: QtBot, heard: Heard) -> None:
    window = active_window(qtbot)
    panel = window.quotes
    panel.choose_actor_row(0)  # all speakers
    panel.filter_edit.setFocus()
    qtbot.keyClicks(panel.filter_edit, "ISTANBUL")
    assert panel.quote_model.rowCount() > 0
    assert heard.from_(panel.no_match) == []
    qtbot.keyClicks(panel.filter_edit, "qx")
    assert panel.no_match.isVisible()
    said = heard.from_(panel.no_match)
    assert said == ["No quotes match “ISTANBULq”."]  # as the list empties
    qtbot.keyClicks(panel.filter_edit, "zz")  # typing on: still nothing, not read again
    assert len(heard.from_(panel.no_match)) == 1
    panel.filter_edit.clear()
    assert not panel.no_match.isVisible()
    qtbot.keyClicks(panel.filter_edit, "qqqq")
    assert heard.from_(panel.no_match)[-1] == "No quotes match “qq”."  # "q" finds some
    assert len(heard.from_(panel.no_match)) == 2


def test_add_note_with_nothing_selected_says_why(qtbot: QtBot, heard: Heard) -> None:
    window = make_window(qtbot)
    window.selection.clear()
    qtbot.keyClick(window.timeline_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert message == "Select an event first to add a note."
    assert heard.from_(window.statusBar()) == [message]
    assert window.note_actions.dialog is None
    # With an event selected the same keys open the dialog.
    window.selection.select("call-2025-06-04")
    qtbot.keyClick(window.timeline_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.note_actions.dialog
    assert dialog is not None
    dialog.reject()
