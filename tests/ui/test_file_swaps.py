"""One source of truth: after the open file changes, every view shows the new one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.ui.windows import make_window, settle
from viewer.persistence.paths import bundled_timeline
from viewer.ui.main_window import MainWindow
from viewer.ui.models.events import EventTableModel

STRIKE = "drone-strike-2025-06-01"


def bundled_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_timeline().read_text(encoding="utf-8"))
    return data


def same_span_other_events(data: dict[str, Any]) -> dict[str, Any]:
    """Another timeline over the very same dates: other ids, titles and lanes."""
    kinds = [event["kind"] for event in data["events"]]
    renamed = {event["id"]: f"other-{i}" for i, event in enumerate(data["events"])}
    for i, event in enumerate(data["events"]):
        event["id"] = renamed[event["id"]]
        event["title"] = f"Anderes Ereignis {i}"
        event["kind"] = kinds[(i + 3) % len(kinds)]  # lanes change too
        event["related"] = [renamed[r] for r in event["related"]]
    for quote in data["quotes"]:
        quote["event"] = renamed[quote["event"]]
    data["id"] = "same-span"
    data["title"] = "Dieselbe Spanne"
    return data


def click(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    view = window.timeline_view
    pos = view.event_pos(event_id)
    assert pos is not None, f"{event_id} is not drawn"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.mark.parametrize("selected", [None, STRIKE])
def test_a_second_file_over_the_same_span_shows_its_own_events(
    qtbot: QtBot, tmp_path: Path, selected: str | None
) -> None:
    window = make_window(qtbot)
    window.selection.select(selected)
    settle(qtbot)  # the window settles its size; the reader fits all in view
    window.timeline_view.fit_all()
    other = same_span_other_events(bundled_data())
    path = tmp_path / "other.json"
    path.write_bytes(dump(other))
    assert window.open_file(path)
    assert window.selection.event_id is None
    view = window.timeline_view
    assert other["events"]
    drawn = {
        view.renderer.index.events[item.positions[0]].id for item in view.current_layout().items()
    }
    assert drawn == {event["id"] for event in other["events"]}
    index = view.renderer.index
    for lane in view.current_layout().lanes:  # each mark where its own event belongs
        for item in lane.items:
            position = item.positions[0]
            assert index.events[position].kind is lane.kind
            assert view.x_of(index.starts[position]) <= item.glyph.x()
            assert item.glyph.x() <= view.x_of(index.ends[position])
    for event in other["events"]:
        click(qtbot, window, event["id"])
        assert window.selection.event_id == event["id"]
        assert window.details.current_event_id == event["id"]
        assert event["title"] in window.details.plain_text()
        assert window.events_table.selected_event_id() == event["id"]
    view.grab()  # paints without an exception (pytest-qt fails the test on one)


@pytest.mark.parametrize("selected", [None, STRIKE])
def test_an_event_removed_on_disk_leaves_no_trace(
    qtbot: QtBot, tmp_path: Path, selected: str | None
) -> None:
    data = bundled_data()
    path = tmp_path / "t.json"
    path.write_bytes(dump(data))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    if selected:
        click(qtbot, window, selected)
    removed_quotes = [q["text"] for q in data["quotes"] if q["event"] == STRIKE]
    title = next(e["title"] for e in data["events"] if e["id"] == STRIKE)

    data["events"] = [e for e in data["events"] if e["id"] != STRIKE]
    for event in data["events"]:
        event["related"] = [r for r in event["related"] if r != STRIKE]
    data["quotes"] = [q for q in data["quotes"] if q["event"] != STRIKE]
    with qtbot.waitSignal(window.document.reloadedFromDisk, timeout=5000):
        path.write_bytes(dump(data))

    assert window.selection.event_id is None
    assert title not in window.details.plain_text()
    view = window.timeline_view
    assert STRIKE not in view.renderer.index.position
    shown = [view.renderer.index.events[i.positions[0]].id for i in view.current_layout().items()]
    assert STRIKE not in shown
    assert len(shown) == len(data["events"])
    view.grab()
    table = window.events_table.model
    assert table.rowCount() == len(data["events"])
    assert title not in [
        table.index(r, EventTableModel.TITLE).data() for r in range(table.rowCount())
    ]
    quotes = window.quotes
    assert quotes.actor_model.rowCount() > 0
    for row in range(quotes.actor_model.rowCount()):
        quotes.choose_actor_row(row)
        texts = [
            quotes.quote_model.index(r, 0).data() for r in range(quotes.quote_model.rowCount())
        ]
        assert not any(removed in text for text in texts for removed in removed_quotes)
    # Where the click lands now selects what is drawn there, not a ghost.
    assert shown
    for event_id in shown:
        click(qtbot, window, event_id)
        assert window.details.current_event_id == event_id


def test_the_sort_indicator_matches_the_order_after_a_reload(qtbot: QtBot, tmp_path: Path) -> None:
    data = bundled_data()
    path = tmp_path / "t.json"
    path.write_bytes(dump(data))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    table = window.events_table
    table.view.sortByColumn(EventTableModel.TITLE, Qt.SortOrder.DescendingOrder)
    data["events"][0]["title"] = "Aaa zuerst im Alphabet"
    path.write_bytes(dump(data))
    window.menus["reload"].trigger()
    header = table.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        EventTableModel.TITLE,
        Qt.SortOrder.DescendingOrder,
    )
    model = table.model
    titles = [model.index(r, EventTableModel.TITLE).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold, reverse=True)
    assert strip_isolates(titles[-1]) == "Aaa zuerst im Alphabet"
