"""What a screen reader finds inside the timeline: the events drawn, as a list.

These go through Qt's accessibility interfaces, as the AT-SPI bridge does; the
same walk through AT-SPI itself is ``tools/atspi_check.py`` (it needs the
desktop's accessibility bus, which a test machine lacks).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QStatusBar
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.ui.test_reach import calls_on_one_day, the_cluster
from tests.ui.test_timeline_view import many_attacks, show_view
from tests.ui.windows import active_window
from viewer.persistence.model_file import parse_timeline
from viewer.timeline.lanes import LaneChoice, LaneFacet
from viewer.ui.document.selection import Selection
from viewer.ui.timeline import access as timeline_access
from viewer.ui.timeline.access import TimelineAccessible
from viewer.ui.timeline.view import TimelineView
from viewer.ui.widgets import announce as announce_module


def items_of(view: TimelineView) -> list[QAccessibleInterface]:
    interface = QAccessible.queryAccessibleInterface(view)
    assert isinstance(interface, TimelineAccessible)
    assert interface.role() == QAccessible.Role.List
    children = [interface.child(i) for i in range(interface.childCount())]
    assert all(child is not None for child in children)
    return [child for child in children if child is not None]


def name(item: QAccessibleInterface) -> str:
    return item.text(QAccessible.Text.Name)


def test_the_events_drawn_are_the_timelines_items_in_time_order(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    timeline = window.document.timeline
    assert timeline is not None
    items = items_of(view)
    drawn = [e for e in timeline.events if view.event_pos(e.id) is not None]
    assert len(items) == len(drawn) > 5
    assert {name(item) for item in items} == {e.title for e in drawn}
    assert all(item.role() == QAccessible.Role.ListItem for item in items)
    assert [item.parent() for item in items] == [QAccessible.queryAccessibleInterface(view)] * len(
        items
    )

    # In the order the marks stand on the axis (then top to bottom).
    def mark(event_id: str) -> tuple[float, float]:
        placed = view.placed(event_id)
        assert placed is not None
        return (placed.glyph.x(), placed.glyph.y())

    assert [name(item) for item in items] == [
        e.title for e in sorted(drawn, key=lambda e: mark(e.id))
    ]
    call = timeline.events_by_id["call-2025-06-04"]
    [item] = [item for item in items if name(item) == call.title]
    assert item.text(QAccessible.Text.Description) == "4 June 2025. Call, Occurred."
    # Where the item says it is, the event is painted (and childAt finds it there).
    painted = view.viewport().mapToGlobal(view.event_pos(call.id) or QPoint())
    assert item.rect().contains(painted)
    interface = QAccessible.queryAccessibleInterface(view)
    found = interface.childAt(painted.x(), painted.y())
    assert found is not None
    assert name(found) == call.title


def test_pressing_an_item_selects_its_event_and_the_selection_is_its_focus(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    [item] = [i for i in items_of(view) if name(i) == "Telefonat zwischen Trump und Putin"]
    assert not item.state().selected
    action = item.actionInterface()
    assert action is not None
    assert action.actionNames() == [QAccessibleActionInterface.pressAction()]
    action.doAction(QAccessibleActionInterface.pressAction())
    assert window.selection.event_id == "call-2025-06-04"
    assert item.state().selected
    focus = QAccessible.queryAccessibleInterface(view).focusChild()
    assert focus is not None
    assert name(focus) == name(item)
    assert [i for i in items_of(view) if i.state().selected] == [focus]


def test_a_group_is_one_item_that_opens_its_list(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, parse_timeline(dump(calls_on_one_day(minimal))))
    cluster = the_cluster(view)
    [group] = [i for i in items_of(view) if name(i) == f"{cluster.count} events"]
    assert group.text(QAccessible.Text.Description).endswith("Press to choose one.")
    action = group.actionInterface()
    assert action is not None
    action.doAction(QAccessibleActionInterface.pressAction())
    assert view.cluster_menu is not None
    assert view.cluster_menu.isVisible()
    view.cluster_menu.close()


def test_items_follow_the_view_and_the_ones_gone_are_no_longer_valid(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    before = items_of(view)
    call = view.event_pos("call-2025-06-04")
    assert call is not None
    view.zoom(16.0, anchor_x=call.x())
    after = items_of(view)
    assert 0 < len(after) < len(before)
    assert {name(i) for i in after} < {name(i) for i in before}
    gone = [i for i in before if name(i) not in {name(j) for j in after}]
    assert gone
    assert not any(i.isValid() for i in gone)


def test_status_bar_messages_are_announced(qtbot: QtBot, monkeypatch: Any) -> None:
    window = active_window(qtbot)
    said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []

    def heard(event: Any) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append((event.message(), event.politeness()))

    monkeypatch.setattr(announce_module.QAccessible, "updateAccessibility", heard)
    window.citations.copy_citation(event_id="call-2025-06-04")
    message = window.findChild(QStatusBar).currentMessage()
    assert message.startswith("Copied the citation")
    # Read without the bidi isolates that keep its title in place on screen.
    assert said == [(strip_isolates(message), QAccessible.AnnouncementPoliteness.Polite)]
    # The same message again (the notes' status after each change) is read once.
    window.say(message)
    # A menu's status tip passes through the bar too: the menu is read, not the tip.
    window.statusBar().showMessage("/home/someone/timeline.json")
    assert len(said) == 1


def test_asking_while_the_view_moves_deletes_nothing_until_the_event_loop(
    qtbot: QtBot,
) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    window.selection.select("call-2025-06-04")
    before = items_of(view)
    call = view.event_pos("call-2025-06-04")
    assert call is not None
    view.zoom(16.0, anchor_x=call.x())
    # A screen reader asks the old items while the view has moved: they answer
    # (as gone) and stay whole for the rest of the call.
    states = [item.state() for item in before]
    assert all(shiboken6.isValid(item) for item in before)
    gone = [item for item, state in zip(before, states, strict=True) if state.invisible]
    assert gone
    assert all(item.text(QAccessible.Text.Name) == "" for item in gone)
    # The event loop then has Qt delete them.
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(item) for item in gone))


def test_an_item_is_its_event_across_filters_and_files(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    [call] = [i for i in items_of(view) if name(i) == "Telefonat zwischen Trump und Putin"]
    window.filters.toggle("kinds", "call")  # another index: the old items are gone
    assert call.state().invisible
    shown = items_of(view)
    assert {name(i) for i in shown} == {
        e.title
        for e in window.document.timeline.events
        if e.kind == "call"  # type: ignore[union-attr]
    }
    [again] = [i for i in shown if name(i) == "Telefonat zwischen Trump und Putin"]
    again.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    assert window.selection.event_id == "call-2025-06-04"


def test_pressing_a_far_zoom_count_zooms_in_as_a_click_does(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, many_attacks(minimal))
    counts = items_of(view)
    assert counts
    assert all(i.text(QAccessible.Text.Description).endswith("Press to zoom in.") for i in counts)
    spp = view.seconds_per_px
    counts[0].actionInterface().doAction(QAccessibleActionInterface.pressAction())
    assert view.seconds_per_px < spp
    assert view.cluster_menu is None


def test_the_selection_takes_the_focus_only_while_the_timeline_has_it(
    qtbot: QtBot, monkeypatch: Any
) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    focused: list[str] = []

    def heard(event: Any) -> None:
        if event.type() == QAccessible.Event.Focus:
            focused.append(event.accessibleInterface().text(QAccessible.Text.Name))

    monkeypatch.setattr(timeline_access.QAccessible, "isActive", lambda: True)
    monkeypatch.setattr(timeline_access.QAccessible, "updateAccessibility", heard)
    window.events_table.view.setFocus()
    window.selection.select("call-2025-06-04")  # chosen in the table
    assert focused == []
    view.setFocus()  # the timeline takes the keys: the selected item has the focus
    assert focused == ["Telefonat zwischen Trump und Putin"]
    focused.clear()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert len(focused) == 1
    assert focused == [window.document.timeline.events_by_id[window.selection.event_id].title]  # type: ignore[union-attr,index]


def test_a_view_taken_down_takes_its_items_with_it(
    qtbot: QtBot, bundled: Any, selection: Selection
) -> None:
    view = TimelineView(selection)
    view.resize(900, 400)
    view.show()
    view.set_timeline(bundled)
    items = items_of(view)
    assert items
    view.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view))
    assert not any(shiboken6.isValid(item) for item in items)


def test_an_event_in_several_lanes_is_one_item(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.resize(1400, 900)
    view = window.timeline_view
    view.set_lanes(LaneChoice(LaneFacet.ACTOR))
    call = "call-2025-06-04"
    position = view.renderer.index.position[call]
    drawn = [item for item in view.current_layout().items() if item.positions == [position]]
    assert len(drawn) >= 2  # in Trump's lane and in Putin's
    items = items_of(view)
    assert items
    names = [name(item) for item in items]
    assert len(names) == len(set(names))  # each event read once
    timeline = window.document.timeline
    assert timeline is not None
    assert names.count(timeline.events_by_id[call].title) == 1
