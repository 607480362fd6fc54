"""The events table driven like a user would: clicks on rows and headers, keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from bench.make_timeline import make_timeline
from tests.conftest import REPO
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.ui.document.selection import Selection
from viewer.ui.models.events import EventTableModel
from viewer.ui.models.roles import ItemRole
from viewer.ui.panels.events_table import EventsTable

# The offscreen platform plugin warns when a top-level window is shown.


@pytest.fixture
def table(qtbot: QtBot, selection: Selection, bundled: Timeline) -> EventsTable:
    widget = EventsTable(selection)
    widget.resize(900, 300)
    qtbot.addWidget(widget)
    widget.set_timeline(bundled)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_ids(table: EventsTable) -> list[str]:
    model = table.view.model()
    return [model.index(row, 0).data(ItemRole.EVENT_ID) for row in range(model.rowCount())]


def click_row(qtbot: QtBot, table: EventsTable, row: int, column: int = 2) -> None:
    index = table.view.model().index(row, column)
    table.view.scrollTo(index)
    rect = table.view.visualRect(index)
    assert table.view.viewport().rect().contains(rect.center()), "row not visible"
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_header(qtbot: QtBot, table: EventsTable, column: int) -> None:
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    pos = QPoint(x, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def selected_rows(table: EventsTable) -> list[int]:
    return sorted(index.row() for index in table.view.selectionModel().selectedRows())


def test_widgets_are_named(table: EventsTable) -> None:
    assert table.view.objectName() == "eventsTable"
    assert table.view.accessibleName() == "Events"
    headers = [table.view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Date", "Kind", "Title", "Participants", "Status"]


def test_rows_start_sorted_by_date(table: EventsTable, bundled: Timeline) -> None:
    header = table.view.horizontalHeader()
    assert header.sortIndicatorSection() == EventTableModel.DATE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    ids = shown_ids(table)
    assert sorted(ids) == sorted(event.id for event in bundled.events)
    starts = [bundled.events_by_id[event_id].date.earliest for event_id in ids]
    assert starts == sorted(starts)
    assert ids[0] == "talks-istanbul-2025-05-16"
    assert ids[-1] == "leaders-summit-proposed"


def test_clicking_a_row_selects_its_event(
    qtbot: QtBot, table: EventsTable, selection: Selection
) -> None:
    expected = shown_ids(table)[3]
    emitted: list[str] = []
    selection.changed.connect(emitted.append)
    click_row(qtbot, table, 3)
    assert emitted == [expected], "one click, one change: no ping-pong"
    assert selection.event_id == expected
    assert selected_rows(table) == [3]
    # The whole row is selected.
    assert len(table.view.selectionModel().selectedIndexes()) == table.model.columnCount()


def test_selection_elsewhere_selects_and_shows_the_row(
    table: EventsTable, selection: Selection
) -> None:
    view = table.view
    last = shown_ids(table).index("leaders-summit-proposed")
    view.scrollToTop()
    assert not view.viewport().rect().intersects(view.visualRect(view.model().index(last, 0)))
    emitted: list[str] = []
    selection.changed.connect(emitted.append)
    selection.select("leaders-summit-proposed")
    assert emitted == ["leaders-summit-proposed"]
    assert selected_rows(table) == [last]
    assert view.currentIndex().row() == last
    assert view.viewport().rect().intersects(view.visualRect(view.model().index(last, 0)))
    assert table.selected_event_id() == "leaders-summit-proposed"
    selection.clear()
    assert selected_rows(table) == []
    assert emitted == ["leaders-summit-proposed", ""]


def test_keyboard_down_moves_the_selection(
    qtbot: QtBot, table: EventsTable, selection: Selection
) -> None:
    ids = shown_ids(table)
    click_row(qtbot, table, 0)
    assert selection.event_id == ids[0]
    with qtbot.waitSignal(selection.changed) as blocker:
        qtbot.keyClick(table.view, Qt.Key.Key_Down)
    assert blocker.args == [ids[1]]
    assert selected_rows(table) == [1]
    qtbot.keyClick(table.view, Qt.Key.Key_Down)
    assert selection.event_id == ids[2]
    # As in any table: End goes to the last column, Ctrl+End to the last row.
    qtbot.keyClick(table.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert selection.event_id == ids[-1]
    qtbot.keyClick(table.view, Qt.Key.Key_Up)
    assert selection.event_id == ids[-2]
    qtbot.keyClick(table.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert selection.event_id == ids[0]
    assert selected_rows(table) == [0]


def test_clicking_headers_sorts(
    qtbot: QtBot, table: EventsTable, selection: Selection, bundled: Timeline
) -> None:
    selection.select("drone-strike-2025-06-01")
    click_header(qtbot, table, EventTableModel.TITLE)
    header = table.view.horizontalHeader()
    assert header.sortIndicatorSection() == EventTableModel.TITLE
    titles = [bundled.events_by_id[event_id].title.casefold() for event_id in shown_ids(table)]
    assert titles == sorted(titles)
    click_header(qtbot, table, EventTableModel.TITLE)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    titles = [bundled.events_by_id[event_id].title.casefold() for event_id in shown_ids(table)]
    assert titles == sorted(titles, reverse=True)
    # The selected event stays selected wherever its row went.
    assert table.selected_event_id() == "drone-strike-2025-06-01"
    assert selection.event_id == "drone-strike-2025-06-01"

    click_header(qtbot, table, EventTableModel.DATE)
    click_header(qtbot, table, EventTableModel.DATE)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    starts = [bundled.events_by_id[event_id].date.earliest for event_id in shown_ids(table)]
    assert starts == sorted(starts, reverse=True)
    assert starts[0] > starts[-1]


def test_timeline_is_replaced_and_keeps_the_selection(
    table: EventsTable, selection: Selection, bundled: Timeline
) -> None:
    selection.select("call-2025-05-19")
    table.set_timeline(None)
    assert table.view.model().rowCount() == 0
    assert table.selected_event_id() is None
    assert selection.event_id == "call-2025-05-19"
    table.set_timeline(bundled)
    assert table.selected_event_id() == "call-2025-05-19"


def test_days_before_the_common_era_read_and_sort_as_days(
    qtbot: QtBot, selection: Selection
) -> None:
    caesar = load_timeline(REPO / "tests" / "data" / "model" / "caesar-44bc.json")
    widget = EventsTable(selection)
    qtbot.addWidget(widget)
    widget.set_timeline(caesar)
    model = widget.view.model()
    dates = {
        model.index(row, 0).data(ItemRole.EVENT_ID): model.index(row, 0).data()
        for row in range(model.rowCount())
    }
    assert dates["ides"] == "15 March 44 BC"
    assert dates["rubicon"] == "around January 49 BC"
    assert dates["augustus"] == "27 BC \u2013 AD 14"
    ids = shown_ids(widget)
    assert ids[0] == "rubicon"
    assert ids[-2:] == ["turn", "first-day"]
    widget.view.sortByColumn(EventTableModel.DATE, Qt.SortOrder.DescendingOrder)
    assert shown_ids(widget)[:2] == ["first-day", "turn"]


def test_the_short_columns_fit_what_they_hold(table: EventsTable, bundled: Timeline) -> None:
    header = table.view.horizontalHeader()
    metrics = table.view.fontMetrics()
    for column in (EventTableModel.KIND, EventTableModel.STATUS):
        texts = {table.model.index(row, column).data() for row in range(table.model.rowCount())}
        assert texts
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        assert header.sectionSize(column) > widest
        # as the view itself would size it, within a pixel or two
        assert abs(header.sectionSize(column) - table.view.sizeHintForColumn(column)) <= 2


def test_sizing_the_columns_reads_a_sample_of_a_large_timeline(
    qtbot: QtBot, selection: Selection, tmp_path: Path
) -> None:
    path = tmp_path / "large.json"
    path.write_text(json.dumps(make_timeline(6_000, seed=3)), encoding="utf-8")
    timeline = load_timeline(path)
    widget = EventsTable(selection)
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    rows: set[int] = set()
    data = widget.model.data

    def counting(index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows.add(index.row())
        return data(index, role)

    widget.model.data = counting  # type: ignore[method-assign]
    widget.set_timeline(timeline)
    assert widget.model.rowCount() == 6_000
    assert 0 < len(rows) < 400  # not the thousand rows the view reads per column
    header = widget.view.horizontalHeader()
    metrics = widget.view.fontMetrics()
    for column in (EventTableModel.KIND, EventTableModel.STATUS):
        names = widget.model.sizing_texts(column)
        assert len(names) > 1
        assert header.sectionSize(column) > max(map(metrics.horizontalAdvance, names))
