"""Find in the window: Ctrl+F, typing, stepping, results, marks in details and timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QKeySequence
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.windows import make_window, settle
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.timeline.index import event_index
from viewer.ui.main_window import MainWindow


def open_find(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keySequence(window.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.find_bar.isVisible()
    assert window.find_bar.edit.hasFocus()


def visible_on_timeline(window: MainWindow, event_id: str) -> bool:
    pos = window.timeline_view.event_pos(event_id)
    return pos is not None and window.timeline_view.viewport().rect().contains(pos)


def test_typing_a_query_selects_and_reveals_the_first_match(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.timeline_view.zoom_to(0, 3600)  # far from every event: 1970
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "ZERMURBUNG")
    window.finder.finish()
    assert window.selection.event_id == "press-conference-berlin-2025-06-04"
    assert visible_on_timeline(window, "press-conference-berlin-2025-06-04")
    assert window.details.current_event_id == "press-conference-berlin-2025-06-04"
    assert window.find_bar.status.text() == "1 of 1"
    # The word is marked in the details where it stands, accents and all.
    marked = window.details.highlighted()
    assert marked
    assert set(marked) == {"Zermürbung"}
    assert window.find_dock.isVisible()
    assert window.find_results.model.rowCount() == 1


def test_enter_and_f3_step_through_the_matches_in_time_order(
    qtbot: QtBot, bundled: Timeline
) -> None:
    window = make_window(qtbot)
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "selenskyj")
    window.finder.finish()
    rows = window.finder.rows
    expected = [bundled.events.ids[int(row)] for row in rows]
    assert len(expected) >= 3
    positions = [event_index(bundled).position[event_id] for event_id in expected]
    assert positions == sorted(positions)
    assert window.selection.event_id == expected[0]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.selection.event_id == expected[1]
    assert window.find_bar.status.text() == f"2 of {len(expected)}"
    qtbot.keySequence(window.find_bar.edit, QKeySequence(QKeySequence.StandardKey.FindNext))
    assert window.selection.event_id == expected[2]
    assert visible_on_timeline(window, expected[2])
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.event_id == expected[1]
    qtbot.keySequence(window.find_bar.edit, QKeySequence(QKeySequence.StandardKey.FindPrevious))
    qtbot.keySequence(window.find_bar.edit, QKeySequence(QKeySequence.StandardKey.FindPrevious))
    assert window.selection.event_id == expected[-1]  # wraps around


def test_every_word_must_match_and_no_match_says_so(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "selenskyj istanbul")
    window.finder.finish()
    assert len(window.finder.rows) == 1
    assert window.selection.event_id == "leaders-summit-proposed"
    selected = window.selection.event_id
    window.find_bar.edit.setText("selenskyj qqqq")
    window.finder.finish()
    assert window.find_bar.status.text() == "No matches"
    assert not window.find_bar.next.isEnabled()
    assert window.selection.event_id == selected  # nothing found: the selection stays
    assert window.find_results.model.rowCount() == 0


def test_results_list_what_matched_where_and_a_click_selects(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "vatican")
    window.finder.finish()
    view = window.find_results.view
    index = window.find_results.model.index(0, 0)
    text = strip_isolates(index.data())
    assert text.splitlines()[0] == "from 9 June 2025 on — Vorgeschlagener Gipfel der Staatschefs"
    assert "translation (Wolodymyr Selenskyj): " in text
    assert "Vatican" in text
    window.selection.clear()
    rect: QRect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.event_id == "leaders-summit-proposed"


def test_notes_are_found_and_a_new_note_is_found_at_once(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "spinnennetz")
    window.finder.finish()
    assert window.find_bar.status.text() == "No matches"
    target = NoteTarget(kind=TargetKind.EVENT, id="drone-strike-2025-06-01")
    window.notes.add(target, "Operation Spinnennetz", ("Drohnen",))
    window.finder.finish()
    assert len(window.finder.rows) == 1
    assert window.find_results.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    text: Any = window.find_results.model.index(0, 0).data()
    assert "my note: Operation Spinnennetz" in strip_isolates(text)


def test_escape_closes_the_bar_and_clears_the_marks(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "putin")
    window.finder.finish()
    assert window.details.highlighted()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.details.highlighted() == []
    # Ctrl+F again brings the query back, selected, and its marks.
    open_find(qtbot, window)
    window.finder.finish()
    assert window.find_bar.edit.selectedText() == "putin"
    assert window.details.highlighted()


def test_marks_are_never_markup(qtbot: QtBot, tmp_path: Any, minimal: dict[str, Any]) -> None:
    from tests.conftest import dump

    minimal["events"][0]["title"] = "<b>fett</b> & <i>kursiv</i>"
    path = tmp_path / "markup.json"
    path.write_bytes(dump(minimal))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "<b>fett")
    window.finder.finish()
    assert window.selection.event_id == "e1"
    assert "<b>fett</b> & <i>kursiv</i>" in strip_isolates(window.details.plain_text())
    assert window.details.highlighted() == ["<b>fett"]


def test_opening_another_file_with_a_filter_and_a_query(
    qtbot: QtBot, tmp_path: Any, minimal: dict[str, Any]
) -> None:
    """The new timeline is searched with its own filter; the notes follow it."""
    from tests.conftest import dump

    window = make_window(qtbot)
    window.filters.toggle("kinds", "call")
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "anruf")
    window.finder.finish()
    bigger = dict(minimal)
    bigger["events"] = [
        {**minimal["events"][1], "id": f"x{i}", "title": f"Anruf {i}", "kind": "call"}
        for i in range(50)
    ]
    bigger["quotes"] = []
    path = tmp_path / "bigger.json"
    path.write_bytes(dump(bigger))
    assert window.open_file(path)
    window.finder.finish()
    assert len(window.finder.rows) == 50
    assert window.notes.timeline is window.document.timeline


def test_result_rows_fit_the_list_without_sideways_scrolling(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "istanbul")
    window.finder.finish()
    view = window.find_results.view
    view.setFixedWidth(200)
    settle(qtbot)
    rect = view.visualRect(window.find_results.model.index(0, 0))
    assert rect.right() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def test_every_match_is_marked_on_the_timeline_until_the_query_is_cleared(
    qtbot: QtBot, bundled: Timeline
) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    open_find(qtbot, window)
    qtbot.keyClicks(window.find_bar.edit, "selenskyj")
    window.finder.finish()
    matches = [bundled.events.ids[int(row)] for row in window.finder.rows]
    others = [
        m for m in matches if m != window.selection.event_id and visible_on_timeline(window, m)
    ]
    assert len(others) >= 2, "two matches besides the current one, drawn on the timeline"

    def around(image: QImage, event_id: str) -> QImage:
        """The pixels round an event's mark."""
        pos = view.event_pos(event_id)
        assert pos is not None
        return image.copy(QRect(pos.x() - 14, pos.y() - 14, 28, 28))

    marked = view.grab().toImage()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Backspace)
    assert not len(window.finder.rows)
    unmarked = view.grab().toImage()  # the same view and selection, without the query
    for event_id in others[:2]:
        assert around(marked, event_id) != around(unmarked, event_id), event_id
    # Searched again and closed: the marks go with the bar.
    qtbot.keyClicks(window.find_bar.edit, "selenskyj")
    window.finder.finish()
    assert around(view.grab().toImage(), others[0]) == around(marked, others[0])
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert around(view.grab().toImage(), others[0]) == around(unmarked, others[0])
