"""View ▸ Lanes and the lane headers: lanes by any facet, sorted, folded with a
click on their name, moved by dragging it, the choice kept for the next start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.test_add_timeline import _acled_model
from tests.ui.windows import make_window, settle
from viewer.domain.model import EventKind
from viewer.timeline.lanes import LaneFacet, LaneOrder
from viewer.timeline.layout import ROW_HEIGHT, LaneLayout, Placed
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.lanes_menu import FOLD_MENU_LIMIT
from viewer.ui.timeline.palette import kind_color
from viewer.ui.timeline.view import TimelineView

CALL = "call-2025-06-04"


def lanes(view: TimelineView) -> list[LaneLayout]:
    return view.current_layout().lanes


def header(view: TimelineView, key: str) -> QPoint:
    """Where the name of lane ``key`` is painted, in the viewport."""
    lane = lane_keyed(view, key)
    return view.to_view(40, lane.top + ROW_HEIGHT / 2).toPoint()


def instances(view: TimelineView, event_id: str, keys: tuple[str, ...]) -> list[Placed]:
    """Where ``event_id`` is drawn in each of the lanes ``keys``, in that order."""
    position = view.renderer.index.position[event_id]
    by_key = {lane.key: lane for lane in lanes(view)}
    return [
        next(item for item in by_key[key].items if item.positions == [position]) for key in keys
    ]


def _recording_cursor(show_only: Any, busy: list[object]) -> Any:
    """``show_only``, noting the override cursor each time it is called."""

    def recording(mask: Any) -> None:
        cursor = QApplication.overrideCursor()
        busy.append(None if cursor is None else cursor.shape())
        show_only(mask)

    return recording


def acled_by(
    qtbot: QtBot, tmp_path: Path, facet: LaneFacet, size: tuple[int, int] = (1280, 800)
) -> MainWindow:
    """The window on the ACLED sample, ``size`` large, its lanes by ``facet``."""
    window = make_window(qtbot, _acled_model(tmp_path))
    window.resize(*size)
    settle(qtbot)
    by(window, facet)
    return window


def lane_keyed(view: TimelineView, key: str) -> LaneLayout:
    """The lane keyed ``key`` as laid out now."""
    return next(la for la in lanes(view) if la.key == key)


def bundled(qtbot: QtBot) -> MainWindow:
    """The window on the bundled timeline, 1280 by 800."""
    window = make_window(qtbot)
    window.resize(1280, 800)
    settle(qtbot)
    return window


def fold(qtbot: QtBot, view: TimelineView, key: str) -> LaneLayout:
    """The lane keyed ``key`` once a click on its name folded it (or opened it)."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=header(view, key))
    return lane_keyed(view, key)


def by(window: MainWindow, facet: LaneFacet) -> None:
    menu = window.menus.lanes_menu
    menu.aboutToShow.emit()
    action = menu.facet_actions[facet]
    assert action.isEnabled()
    action.trigger()
    settle_view(window)


def settle_view(window: MainWindow) -> None:
    window.timeline_view.current_layout()


def test_lanes_by_actor_put_a_call_in_each_callers_lane(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    assert lanes(view)[0].key == "call"  # by kind, as always
    busy: list[object] = []
    view.renderer.show_only = _recording_cursor(view.renderer.show_only, busy)  # type: ignore[method-assign]
    by(window, LaneFacet.ACTOR)
    assert busy == [Qt.CursorShape.WaitCursor]  # the lanes were made under a busy cursor
    assert QApplication.overrideCursor() is None  # and it is gone again
    keys = [lane.key for lane in lanes(view)]
    assert {"trump", "putin"} <= set(keys)
    titles = {lane.key: lane.title for lane in lanes(view)}
    assert titles["trump"] == "Donald Trump"
    # The same event in both lanes: a click on one selects it, and both are
    # drawn selected.
    [trump] = instances(view, CALL, ("trump",))
    pos = view.to_view(trump.glyph.x(), trump.glyph.y()).toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.selection.event_id == CALL
    image = view.grab().toImage()
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    for item in instances(view, CALL, ("trump", "putin")):
        x = round(view.to_view(item.hit.center().x(), 0).x())
        top = round(view.to_view(0, item.hit.top()).y())
        colours = [QColor(image.pixel(x, y)) for y in range(top - 2, top + 3)]
        assert any(abs(c.hue() - highlight.hue()) < 20 and c.saturation() > 60 for c in colours), (
            item
        )
    # The header says how many events each lane holds.
    counts = {lane.key: lane.count for lane in lanes(view)}
    assert counts["trump"] >= 2


def test_the_choice_is_kept_for_the_next_window(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    by(window, LaneFacet.TAG)
    window.menus.lanes_menu.order_actions[LaneOrder.NAME].trigger()
    window.close()
    again = make_window(qtbot)
    assert again.timeline_view.renderer.lanes.facet is LaneFacet.TAG
    assert again.timeline_view.renderer.lanes.order is LaneOrder.NAME
    again.menus.lanes_menu.aboutToShow.emit()
    assert again.menus.lanes_menu.facet_actions[LaneFacet.TAG].isChecked()
    titles = [lane.title for lane in lanes(again.timeline_view)]
    named = [t for t in titles if t != "No tag"]
    assert named == sorted(named, key=str.casefold)


def test_lanes_by_timeline_are_offered_with_several_timelines(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot)
    menu = window.menus.lanes_menu
    menu.aboutToShow.emit()
    assert not menu.facet_actions[LaneFacet.TIMELINE].isEnabled()
    assert window.document.add(_acled_model(tmp_path))
    settle(qtbot)
    by(window, LaneFacet.TIMELINE)
    view = window.timeline_view
    assert [lane.count for lane in lanes(view)] == [14, 326]
    by(window, LaneFacet.TAG)  # the ACLED event types are tags
    assert "Protests" in {lane.title for lane in lanes(view)}


def test_a_click_on_a_lane_name_folds_it_and_another_opens_it(qtbot: QtBot) -> None:
    window = bundled(qtbot)
    view = window.timeline_view
    attack = fold(qtbot, view, "attack")
    assert attack.collapsed
    assert attack.items == []
    assert attack.hidden == attack.count
    tip = view.tooltip_text(QPointF(header(view, "attack")))
    assert tip.splitlines()[0] == "Attacks"
    assert "click to open it" in tip
    # Choosing an event of a folded lane opens it, to show the event.
    window.selection.select("drone-strike-2025-06-01")
    attack = lane_keyed(view, "attack")
    assert not attack.collapsed
    assert view.placed("drone-strike-2025-06-01") is not None
    assert fold(qtbot, view, "call").collapsed
    assert not fold(qtbot, view, "call").collapsed


def test_a_lane_dragged_by_its_name_moves_and_the_menu_puts_it_back(qtbot: QtBot) -> None:
    window = bundled(qtbot)
    view = window.timeline_view
    before = [lane.key for lane in lanes(view)]
    start = header(view, before[0])
    target = lane_keyed(view, before[3])
    end = view.to_view(40, target.top + target.height * 0.75).toPoint()
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    assert view.pointer.drop_at == 4
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    after = [lane.key for lane in lanes(view)]
    assert after == [*before[1:4], before[0], *before[4:]]
    assert not any(lane.collapsed for lane in lanes(view))  # a drag is no click
    menu = window.menus.lanes_menu
    menu.aboutToShow.emit()
    assert menu.reset_order.isEnabled()
    menu.reset_order.trigger()
    assert [lane.key for lane in lanes(view)] == before


def test_the_fold_menu_folds_from_the_keyboard(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    menu = window.menus.lanes_menu
    menu.fold_menu.aboutToShow.emit()
    [statements] = [a for a in menu.fold_menu.actions() if a.data() == "statement"]
    assert not statements.isChecked()
    statements.trigger()
    assert lane_keyed(view, "statement").collapsed
    menu.aboutToShow.emit()
    assert menu.unfold_all.isEnabled()
    menu.unfold_all.trigger()
    assert not any(lane.collapsed for lane in lanes(view))


def test_a_long_lane_name_takes_a_second_line_where_the_lane_has_room(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = acled_by(qtbot, tmp_path, LaneFacet.TAG, (1600, 1000))
    view = window.timeline_view
    image = view.grab().toImage()
    text = view.palette().color(QPalette.ColorRole.Text)

    def inked(lane: LaneLayout, line: int) -> bool:
        """Whether text is painted on line ``line`` of the lane's name."""
        step = view.fontMetrics().lineSpacing()
        y = round(view.to_view(0, lane.top + ROW_HEIGHT / 2).y() + line * step)
        return any(
            QColor(image.pixel(x, y + dy)).lightness() < text.lightness() + 60
            for x in range(30, 90)
            for dy in (-2, 0, 2)
        )

    tall = next(lane for lane in lanes(view) if lane.title == "Protest with intervention")
    assert tall.height >= 2 * ROW_HEIGHT
    assert inked(tall, 0)
    assert inked(tall, 1)  # "intervention" under "Protest with"
    short = next(lane for lane in lanes(view) if lane.bucketed)
    assert inked(short, 0)
    assert not inked(short, 1)


def test_escape_leaves_a_dragged_lane_where_it_was(qtbot: QtBot) -> None:
    window = bundled(qtbot)
    view = window.timeline_view
    before = [lane.key for lane in lanes(view)]
    start = header(view, before[0])
    end = header(view, before[3])
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + (end - start) / 2)
    qtbot.mouseMove(viewport, end)
    assert view.pointer.dragging_lane
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.pointer.drop_at is None
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert [lane.key for lane in lanes(view)] == before
    assert not any(lane.collapsed for lane in lanes(view))


def test_a_folded_lane_shows_even_one_event_and_hides_no_badges(qtbot: QtBot) -> None:
    window = bundled(qtbot)
    view = window.timeline_view
    meetings = fold(qtbot, view, "meeting")
    assert meetings.collapsed
    assert meetings.count == 1
    tip = view.tooltip_text(QPointF(header(view, "meeting")))
    assert "+N" not in tip
    image = view.grab().toImage()
    colour = kind_color(EventKind.MEETING, view.palette())
    y = round(view.to_view(0, meetings.top + ROW_HEIGHT / 2).y())
    gutter = round(view.gutter)
    inked = [
        x for x in range(gutter + 2, image.width() - 20) if _near(QColor(image.pixel(x, y)), colour)
    ]
    assert len(inked) >= 3  # a lone event is a tick three pixels wide, not one


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.hue() - b.hue()) < 40 and a.saturation() > 40 and abs(a.value() - b.value()) < 90


def test_no_density_line_runs_through_a_count(qtbot: QtBot, tmp_path: Path) -> None:
    window = acled_by(qtbot, tmp_path, LaneFacet.TAG, (1600, 1000))
    view = window.timeline_view
    image = view.grab().toImage()
    counted = [lane for lane in lanes(view) if lane.bucketed]
    assert counted
    for lane in counted:
        badges = [item for item in lane.items if item.bucket]
        assert badges
        fills = set()
        for badge in badges:
            at = view.to_view(badge.hit.left() + 3, badge.hit.center().y()).toPoint()
            if at.x() > view.gutter + 2:
                fills |= {image.pixel(at.x() + dx, at.y() + dy) for dx in (0, 1) for dy in (-2, 2)}
        assert len(fills) == 1, lane.title  # the same opaque fill, whatever lies under it


def test_the_fold_menu_reaches_every_lane_of_many(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, _acled_model(tmp_path))
    by(window, LaneFacet.PLACE)
    view = window.timeline_view
    keys = [lane.key for lane in view.renderer.index.lanes]
    assert len(keys) > 2 * FOLD_MENU_LIMIT  # ACLED's places: towns, districts, provinces
    menu = window.menus.lanes_menu.fold_menu
    menu.aboutToShow.emit()
    listed: list[str] = []
    while True:
        lanes_here = [a for a in menu.actions() if a.data()]
        assert len(lanes_here) <= FOLD_MENU_LIMIT  # a menu that fits the screen
        listed += [a.data() for a in lanes_here]
        more = menu.findChild(QMenu, "moreLanes")
        if more is None or more.parent() is not menu:
            break
        more.aboutToShow.emit()
        menu = more
    assert listed == keys
    last = next(a for a in menu.actions() if a.data() == keys[-1])
    last.trigger()
    assert view.renderer.lanes.collapsed == {keys[-1]}
    window.menus.lanes_menu.fold_menu.aboutToShow.emit()
    [fold_all] = [
        a for a in window.menus.lanes_menu.fold_menu.actions() if a.objectName() == "foldAllLanes"
    ]
    fold_all.trigger()
    assert all(lane.collapsed for lane in lanes(view))


def test_a_lane_held_at_the_bottom_edge_scrolls_the_plot(qtbot: QtBot, tmp_path: Path) -> None:
    window = acled_by(qtbot, tmp_path, LaneFacet.PLACE)
    view = window.timeline_view
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == 0
    first = lanes(view)[0].key
    start = header(view, first)
    bottom = QPoint(start.x(), view.viewport().height() - 5)
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(0, 20))
    qtbot.mouseMove(viewport, bottom)
    qtbot.waitUntil(lambda: bar.value() > 300)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=bottom)
    keys = [lane.key for lane in lanes(view)]
    shown_at_first = sum(1 for lane in lanes(view) if lane.top < viewport.height())
    assert keys.index(first) > shown_at_first  # carried past what the window first showed


def test_only_the_lanes_in_view_are_painted(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.ui.timeline import render

    window = acled_by(qtbot, tmp_path, LaneFacet.PLACE)
    view = window.timeline_view
    painted: list[str] = []
    header_paint = render.paint_lane_header

    def recording(painter: object, lane: LaneLayout, *rest: object) -> None:
        painted.append(lane.key)
        header_paint(painter, lane, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(render, "paint_lane_header", recording)
    view.verticalScrollBar().setValue(600)
    view.grab()
    top = view.to_layout(QPointF(0, view.axis_height)).y()
    bottom = view.to_layout(QPointF(0, view.viewport().height())).y()
    in_view = [
        lane.key for lane in lanes(view) if lane.top + lane.height >= top and lane.top <= bottom
    ]
    assert in_view
    assert len(in_view) < len(lanes(view)) / 4  # of 177 places, a screenful
    assert painted == in_view


def test_a_drag_whose_release_went_elsewhere_stops_scrolling(qtbot: QtBot, tmp_path: Path) -> None:
    window = acled_by(qtbot, tmp_path, LaneFacet.PLACE)
    view = window.timeline_view
    bar = view.verticalScrollBar()
    before = [lane.key for lane in lanes(view)]
    start = header(view, before[0])
    bottom = QPoint(start.x(), view.viewport().height() - 5)
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(0, 20))
    qtbot.mouseMove(viewport, bottom)
    qtbot.waitUntil(lambda: bar.value() > 0)
    # The button comes up over another widget (as when a dialog takes the mouse).
    assert view.pointer.scrolling
    qtbot.mouseRelease(window.events_table, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.pointer.dragging_lane)
    assert not view.pointer.scrolling
    assert [lane.key for lane in lanes(view)] == before  # and nothing moved
