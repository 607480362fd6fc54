"""Every event can be reached: out of a "+N" cluster, and out of a far-zoom count."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.conftest import _MINIMAL, dump
from tests.ui.test_timeline_view import many_attacks, show_view
from tests.ui.windows import make_window
from viewer.persistence.model_file import parse_timeline
from viewer.timeline.lanes import LaneChoice, LaneFacet
from viewer.timeline.layout import GUTTER, MAX_ROWS, Placed
from viewer.ui.document.selection import Selection
from viewer.ui.timeline.reach import spreading_zoom
from viewer.ui.timeline.render import TimelineRenderer
from viewer.ui.timeline.view import TimelineView

#: More calls on one day than the 400-pixel-high view has rows for.
CALLS = [f"call-{i:02d}" for i in range(30)]


def calls_on_one_day(minimal: dict[str, Any]) -> dict[str, Any]:
    minimal["events"] = [
        {
            "id": event_id,
            "kind": "call",
            "title": f"Telefonat Nummer {i} & mehr",
            "date": {"precision": "day", "start": "2025-06-04"},
        }
        for i, event_id in enumerate(CALLS)
    ]
    minimal["quotes"] = []
    return minimal


def rows_of(view: TimelineView) -> int:
    """How many rows of marks the view's one lane has."""
    [lane] = view.current_layout().lanes
    return lane.rows


def the_cluster(view: TimelineView) -> Placed:
    [cluster] = [item for item in view.current_layout().items() if item.is_cluster]
    return cluster


def click_cluster(qtbot: QtBot, view: TimelineView) -> None:
    centre = the_cluster(view).hit.center()
    y = round(centre.y() - view.verticalScrollBar().value())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), y))


def drawn_in_view(view: TimelineView, event_id: str) -> bool:
    pos = view.event_pos(event_id)
    return pos is not None and GUTTER <= pos.x() <= view.viewport().width()


def test_a_cluster_of_one_day_lists_its_events_and_choosing_one_draws_it(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, parse_timeline(dump(calls_on_one_day(minimal))))
    hidden = [CALLS[i] for i in the_cluster(view).positions]
    assert len(hidden) == len(CALLS) - rows_of(view)
    assert MAX_ROWS < rows_of(view) < len(CALLS)  # the rows the window offers, all taken
    spp = view.seconds_per_px
    click_cluster(qtbot, view)
    assert view.seconds_per_px == spp  # zooming could not separate them: no zoom
    menu = view.cluster_menu
    assert menu is not None
    actions = [action for action in menu.actions() if action.data()]
    assert [action.data() for action in actions] == hidden
    # A title is plain text: "&" is shown, not taken for a shortcut marker.
    assert "Nummer 29 && mehr" in actions[-1].text()
    # All thirty share one day: zooming cannot help, so it is not offered.
    assert not any(action.objectName() == "zoomToCluster" for action in menu.actions())
    actions[-1].trigger()
    menu.close()
    assert selection.event_id == hidden[-1]
    assert drawn_in_view(view, hidden[-1])
    item = view.placed(hidden[-1])
    assert item is not None
    assert item.text == "Telefonat Nummer 29 & mehr"
    assert view.seconds_per_px == spp


def test_every_event_of_a_crowded_day_is_reached_by_keyboard(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, parse_timeline(dump(calls_on_one_day(minimal))))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    seen = []
    for _ in CALLS:
        assert selection.event_id is not None
        assert drawn_in_view(view, selection.event_id), selection.event_id
        seen.append(selection.event_id)
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert sorted(seen) == sorted(CALLS)


def test_an_event_chosen_in_the_table_is_revealed_from_a_cluster(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    path = tmp_path / "calls.json"
    path.write_bytes(dump(calls_on_one_day(minimal)))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    view = window.timeline_view
    hidden = [view.renderer.index.events[p].id for p in the_cluster(view).positions]
    table = window.events_table.view
    row = window.events_table.model.row_of(hidden[0])
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(window.events_table.model.index(row, 2)).center(),
    )
    assert window.selection.event_id == hidden[0]
    assert drawn_in_view(view, hidden[0])
    assert window.details.current_event_id == hidden[0]


def test_an_event_in_a_far_zoom_count_is_revealed_when_selected(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, many_attacks(minimal))
    assert all(item.bucket for item in view.current_layout().items())
    selection.select("e3333")  # as the table, a link or a search would
    [lane] = view.current_layout().lanes
    assert not lane.bucketed
    assert drawn_in_view(view, "e3333")
    item = view.placed("e3333")
    assert item is not None
    assert item.text == "Angriff 3333"


def test_a_cluster_menu_open_when_the_file_changes_is_closed(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    data = calls_on_one_day(minimal)
    view = show_view(qtbot, selection, parse_timeline(dump(data)))
    click_cluster(qtbot, view)
    menu = view.cluster_menu
    assert menu is not None
    with qtbot.waitSignal(menu.destroyed):  # it lists events of the old timeline
        data["events"] = data["events"][:2]
        view.set_timeline(parse_timeline(dump(data)))
    assert view.cluster_menu is None
    assert selection.event_id is None
    view.grab()


def test_every_event_of_a_huge_cluster_can_be_chosen(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    minimal["events"] = [
        {
            "id": f"m{i:03d}",
            "kind": "attack",
            "title": f"Meldung {i}",
            "date": {"precision": "minute", "start": "2025-06-04T12:00Z"},
        }
        for i in range(100)
    ]
    minimal["quotes"] = []
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)))
    hidden = [view.renderer.index.events[p].id for p in the_cluster(view).positions]
    click_cluster(qtbot, view)
    menu = view.cluster_menu
    listed: list[str] = []
    while menu is not None:
        listed += [action.data() for action in menu.actions() if action.data()]
        more = menu.findChild(QMenu, "moreEvents", Qt.FindChildOption.FindDirectChildrenOnly)
        if more is not None:
            more.aboutToShow.emit()  # filled when it opens
        menu = more
    assert listed == hidden
    assert len(hidden) == 100 - rows_of(view)
    assert view.cluster_menu is not None
    view.cluster_menu.close()
    selection.select(hidden[-1])
    assert drawn_in_view(view, hidden[-1])


def test_space_opens_a_cluster_from_the_keyboard(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, parse_timeline(dump(calls_on_one_day(minimal))))
    hidden = [CALLS[i] for i in the_cluster(view).positions]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    menu = view.cluster_menu
    assert menu is not None
    assert menu.isVisible()
    # The menu is a menu: arrows and Enter choose an event in it.
    actions = [action for action in menu.actions() if action.data()]
    assert [action.data() for action in actions] == hidden
    menu.setActiveAction(actions[0])
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert selection.event_id == hidden[0]
    assert drawn_in_view(view, hidden[0])


def test_a_cluster_menu_closed_before_the_file_changes_is_no_trouble(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    data = calls_on_one_day(minimal)
    view = show_view(qtbot, selection, parse_timeline(dump(data)))
    click_cluster(qtbot, view)
    menu = view.cluster_menu
    assert menu is not None
    menu.close()  # it deletes itself
    qtbot.waitUntil(lambda: not shiboken6.isValid(menu))
    data["events"] = data["events"][:2]
    view.set_timeline(parse_timeline(dump(data)))  # closing it again must not raise
    assert view.cluster_menu is None
    assert len(view.renderer.index) == 2


def test_a_badge_zooms_by_the_events_of_the_lane_it_is_drawn_in(qtbot: QtBot) -> None:
    """By actor, a badge in b's lane whose first event is also a's zooms as its
    neighbours do, by b's events, not by a's one."""
    events: list[dict[str, Any]] = [
        {
            "id": "x",
            "kind": "call",
            "title": "Anruf X",
            "participants": ["a", "b"],
            "date": {"precision": "day", "start": "2025-06-01"},
        }
    ]
    events += [
        {
            "id": f"early{n}",
            "kind": "call",
            "title": f"Erstes Gespräch {n}",
            "participants": ["b"],
            "date": {"precision": "day", "start": "2025-06-01"},
        }
        for n in range(3)
    ]
    events += [
        {
            "id": f"y{n:02d}",
            "kind": "call",
            "title": f"Gespräch Nummer {n}",
            "participants": ["b"],
            "date": {"precision": "day", "start": f"2025-06-{1 + n // 2:02d}"},
        }
        for n in range(40)
    ]
    data = {**copy.deepcopy(_MINIMAL), "events": events, "quotes": []}
    renderer = TimelineRenderer(parse_timeline(dump(data)))
    renderer.set_lanes(LaneChoice(LaneFacet.ACTOR))
    index = renderer.index
    spp = 86400 / 6
    layout = renderer.layout(float(index.starts[0]) - 2 * 86400, spp, 1000.0)
    [b] = [lane for lane in layout.lanes if lane.key == "b"]
    badges = [item for item in b.items if item.is_cluster]
    assert badges
    first = badges[0]
    assert index.id_of(first.positions[0]) == "x"  # also in a's lane, which is drawn first
    zooms = {spreading_zoom(renderer, badge, 1.0, spp, layout) for badge in badges}
    assert None not in zooms  # b's events part on zoom, as its other badges' do
