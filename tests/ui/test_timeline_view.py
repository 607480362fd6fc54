"""The timeline widget, driven with real mouse and key events."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from viewer.domain.calendar import seconds_of
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import parse_timeline
from viewer.timeline.layout import GUTTER, Rect
from viewer.ui.document.selection import Selection
from viewer.ui.timeline.backdrop import today_color
from viewer.ui.timeline.tooltips import rich_plain
from viewer.ui.timeline.view import TimelineView


def show_view(
    qtbot: QtBot, selection: Selection, timeline: Timeline, size: tuple[int, int] = (900, 400)
) -> TimelineView:
    """A timeline widget of ``size``, shown, on ``timeline``."""
    widget = TimelineView(selection)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_timeline(timeline)
    return widget


@pytest.fixture
def view(qtbot: QtBot, bundled: Timeline, selection: Selection) -> TimelineView:
    return show_view(qtbot, selection, bundled, (1200, 520))


def click_event(qtbot: QtBot, view: TimelineView, event_id: str) -> None:
    pos = view.event_pos(event_id)
    assert pos is not None, f"{event_id} is not drawn"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def wheel(view: TimelineView, pos: QPointF, delta: int, modifiers: Any = None) -> None:
    event = QWheelEvent(
        pos,
        view.viewport().mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers or Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_fit_all_shows_every_event(view: TimelineView, bundled: Timeline) -> None:
    assert bundled.events
    for event in bundled.events:
        pos = view.event_pos(event.id)
        assert pos is not None, event.id
        assert GUTTER <= pos.x() <= view.viewport().width(), event.id


def test_clicking_an_event_selects_it(
    qtbot: QtBot, view: TimelineView, selection: Selection
) -> None:
    with qtbot.waitSignal(selection.changed) as signal:
        click_event(qtbot, view, "drone-strike-2025-06-01")
    assert signal.args == ["drone-strike-2025-06-01"]
    assert selection.event_id == "drone-strike-2025-06-01"


def test_clicking_empty_space_keeps_the_selection(
    qtbot: QtBot, view: TimelineView, selection: Selection
) -> None:
    selection.select("call-2025-06-04")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(GUTTER) + 5, 500))
    assert selection.event_id == "call-2025-06-04"


def test_wheel_zoom_keeps_the_time_under_the_cursor(view: TimelineView) -> None:
    pos = QPointF(700.0, 200.0)
    before = view.t_of(pos.x())
    spp = view.seconds_per_px
    wheel(view, pos, 240)
    assert view.seconds_per_px < spp
    assert abs(view.x_of(before) - pos.x()) < 1.0
    wheel(view, pos, -360)
    assert view.seconds_per_px > spp
    assert abs(view.x_of(before) - pos.x()) < 1.0


def test_shift_wheel_pans(view: TimelineView) -> None:
    t0, spp = view.t0, view.seconds_per_px
    wheel(view, QPointF(500, 200), -120, Qt.KeyboardModifier.ShiftModifier)
    assert view.seconds_per_px == spp
    assert view.t0 > t0


def test_plus_minus_and_fit(qtbot: QtBot, view: TimelineView) -> None:
    fitted = view.seconds_per_px
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.seconds_per_px == pytest.approx(fitted / 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.seconds_per_px == pytest.approx(fitted * 1.25)
    view.fit_all()
    assert view.seconds_per_px == pytest.approx(fitted)


def test_drag_pans_and_does_not_select(
    qtbot: QtBot, view: TimelineView, selection: Selection
) -> None:
    t0 = view.t0
    start = view.event_pos("call-2025-05-19")
    assert start is not None
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for dx in (10, 40, 100):
        qtbot.mouseMove(view.viewport(), start + QPoint(dx, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(100, 0))
    assert view.t0 == pytest.approx(t0 - 100 * view.seconds_per_px)
    assert selection.event_id is None


def test_scrollbar_pans(view: TimelineView) -> None:
    bar = view.horizontalScrollBar()
    t0 = view.t0
    bar.setValue(bar.value() + 100)
    assert view.t0 > t0


def test_arrow_keys_walk_through_time(
    qtbot: QtBot, view: TimelineView, selection: Selection
) -> None:
    order = [e.id for e in view.renderer.index.events]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert selection.event_id == order[0]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert selection.event_id == order[2]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert selection.event_id == order[1]
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert selection.event_id == order[-1]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert selection.event_id == order[-1]


def test_shift_arrows_pan(qtbot: QtBot, view: TimelineView) -> None:
    t0 = view.t0
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.t0 > t0


def test_selection_survives_zoom_and_pan_and_is_scrolled_into_view(
    qtbot: QtBot, view: TimelineView, selection: Selection
) -> None:
    for _ in range(12):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    selection.select("talks-istanbul-2025-05-16")
    pos = view.event_pos("talks-istanbul-2025-05-16")
    assert pos is not None
    assert GUTTER <= pos.x() <= view.viewport().width()
    view.pan_pixels(3000)
    assert selection.event_id == "talks-istanbul-2025-05-16"


def test_tooltip_text_is_plain(view: TimelineView) -> None:
    pos = view.event_pos("ceasefire-proposal-2025-06-04")
    assert pos is not None
    text = view.tooltip_text(QPointF(pos))
    assert strip_isolates(text).splitlines() == [
        "Selenskyj schlägt Waffenruhe im Vorfeld eines Gipfels der Staatschefs vor",
        "around 4–5 June 2025 (to the day, approximate)",
        "Proposal · Proposed",
    ]
    assert rich_plain("<b>x</b>\ny") == "<qt>&lt;b&gt;x&lt;/b&gt;<br>y</qt>"


def crowded(minimal: dict[str, Any], title: str = "Erklärung Nummer") -> Timeline:
    """Forty statements, ten at each of four minutes two minutes apart (more than
    a 400-pixel view has rows for at once), titled ``title`` and their number.
    (A minute's band abuts the next minute's: ten a minute in a row of minutes
    would need twenty rows at any zoom.)"""
    minimal["events"] = [
        {
            "id": f"s{i}",
            "kind": "statement",
            "title": f"{title} {i}",
            "date": {"precision": "minute", "start": f"2025-06-04T12:{2 * (i // 10):02d}Z"},
        }
        for i in range(40)
    ]
    minimal["quotes"] = []
    return parse_timeline(dump(minimal))


def test_crowded_lane_collapses_into_a_cluster_that_lists_its_events(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    timeline = crowded(minimal)
    view = show_view(qtbot, selection, timeline)
    clusters = [item for item in view.current_layout().items() if item.is_cluster]
    assert len(clusters) == 1
    [lane] = view.current_layout().lanes
    assert 3 < lane.rows < 40  # as many rows labelled as the view offers, the rest counted
    assert clusters[0].count == 40 - lane.rows
    labels = [item.label for item in view.current_layout().items() if item.label is not None]
    assert len(labels) > 1
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not a.intersects(b), "labels never overlap"
    centre = clusters[0].hit.center()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), round(centre.y()))
    )
    menu = view.cluster_menu
    assert menu is not None
    listed = [action.data() for action in menu.actions() if action.data()]
    assert listed == [f"s{i}" for i in range(lane.rows, 40)]
    # These differ by minutes, so zooming can spread them out: the menu offers it.
    [zoom] = [action for action in menu.actions() if action.objectName() == "zoomToCluster"]
    zoom.trigger()
    menu.close()
    assert not any(item.is_cluster for item in view.current_layout().items())
    assert all(view.event_pos(f"s{i}") is not None for i in range(40))


def test_a_fitted_view_fits_again_on_resize_but_a_zoomed_one_stays(view: TimelineView) -> None:
    fitted = view.seconds_per_px
    view.resize(view.width() + 300, view.height())
    assert view.seconds_per_px < fitted
    view.zoom(2.0)
    zoomed = view.seconds_per_px
    view.resize(view.width() - 300, view.height())
    assert view.seconds_per_px == zoomed


def test_hover_shows_a_plain_text_tooltip(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    minimal["events"][0]["title"] = "<b>Anruf</b> <img src=x>"
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)))
    pos = view.event_pos("e1")
    assert pos is not None
    help_event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), help_event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith(
        "<qt>\u2068&lt;b&gt;Anruf&lt;/b&gt; &lt;img src=x&gt;\u2069<br>"
    )
    QToolTip.hideText()


def many_attacks(minimal: dict[str, Any], count: int = 6000) -> Timeline:
    """``count`` attacks, one a minute from 1 June 2025 on."""
    minimal["events"] = [
        {
            "id": f"e{i}",
            "kind": "attack",
            "title": f"Angriff {i}",
            "date": {
                "precision": "minute",
                "start": f"2025-06-{1 + i // 1440:02d}T{i // 60 % 24:02d}:{i % 60:02d}Z",
            },
        }
        for i in range(count)
    ]
    minimal["quotes"] = []
    return parse_timeline(dump(minimal))


def test_thousands_of_events_are_drawn_as_counts(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, many_attacks(minimal))
    items = view.current_layout().items()
    assert all(item.is_cluster for item in items)
    assert sum(item.count for item in items) == 6000
    view.grab()  # paints without error
    biggest = max(items, key=lambda item: item.count)
    centre = biggest.hit.center()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), round(centre.y()))
    )
    assert view.seconds_per_px < 6000 * 60 / 700  # zoomed into the bucket


def test_selecting_an_event_inside_a_cluster_draws_it_without_zooming(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, crowded(minimal))
    assert view.event_pos("s38") is None  # hidden in the +N cluster
    spp = view.seconds_per_px
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert selection.event_id == "s38"
    pos = view.event_pos("s38")
    assert pos is not None
    assert GUTTER <= pos.x() <= view.viewport().width()
    assert view.seconds_per_px == spp  # the lane gives it a row; no zoom needed
    item = view.placed("s38")
    assert item is not None
    # The highlight is painted: the selected label's box differs from unselected.
    highlighted = view.grab(aligned(item.hit)).toImage()
    with QSignalBlocker(selection):  # unselected, on the very same layout
        selection.clear()
    view.viewport().update()
    assert view.grab(aligned(item.hit)).toImage() != highlighted


def aligned(rect: Rect) -> QRect:
    """The widget's pixels a layout rectangle covers."""
    return QRectF(rect.x(), rect.y(), rect.width(), rect.height()).toAlignedRect()


def test_a_cluster_that_hides_the_selection_is_outlined(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, crowded(minimal))
    [cluster] = [item for item in view.current_layout().items() if item.is_cluster]
    plain = view.grab(aligned(cluster.hit).adjusted(-3, -3, 3, 3)).toImage()
    with QSignalBlocker(selection):  # selected without the view zooming to it
        selection.select("s38")
    view.viewport().update()
    outlined = view.grab(aligned(cluster.hit).adjusted(-3, -3, 3, 3)).toImage()
    assert plain != outlined


def test_the_view_stays_within_the_calendar(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    minimal["events"][1]["date"] = {"precision": "year", "start": "-9999"}
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)))
    for _ in range(30):
        view.zoom(0.5)
        view.pan_pixels(-5000)
    view.grab()  # paints without an exception (pytest-qt fails on one)
    assert view.t0 >= seconds_of(-9999, 1, 1)  # 10000 BC
    view.pan_pixels(10**12)
    view.grab()
    assert (
        view.t_of(view.viewport().width())
        <= datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()
    )


def test_axis_labels_follow_the_zoom(view: TimelineView) -> None:
    layout = view.current_layout()
    ticks, context = view.renderer.axis_labels(layout)
    assert len(ticks) >= 4
    assert [text for _, text in context] == ["May 2025", "June 2025"]
    assert all(GUTTER <= x <= layout.width for x, _ in ticks)
    day = re.compile(r"^\d{1,2} (May|June)$")  # "19 May"
    assert all(day.match(text) for _, text in ticks), ticks
    view.zoom_to(
        datetime(2025, 6, 1, 0, tzinfo=UTC).timestamp(),
        datetime(2025, 6, 1, 6, tzinfo=UTC).timestamp(),
    )
    ticks, context = view.renderer.axis_labels(view.current_layout())
    assert "03:00" in [text for _, text in ticks]
    # The same date style as the panels ("4 June 2025"), never "01/06/2025".
    assert [text for _, text in context][-1] == "1 June 2025"


def test_today_is_marked_by_a_line_and_its_word_on_the_axis(view: TimelineView) -> None:
    now = datetime(2025, 6, 5, 12, tzinfo=UTC).timestamp()
    view.renderer.now = now  # injected: the clock is never read in the test
    axis = view.renderer.axis(view.current_layout())
    assert axis.now_x == pytest.approx(view.current_layout().x_of(now))
    assert axis.now_label is not None
    assert axis.now_label[1] == "today"
    assert axis.now_label[0] >= axis.now_x
    image = view.grab().toImage()
    want = today_color(view.palette())
    column = [QColor(image.pixel(round(axis.now_x), y)) for y in range(22, 40)]
    assert column
    assert all(
        max(abs(c.red() - want.red()), abs(c.green() - want.green())) < 60 for c in column
    ), [c.name() for c in column]
    view.renderer.now = datetime(2030, 1, 1, tzinfo=UTC).timestamp()
    later = view.renderer.axis(view.current_layout())
    assert later.now_x is None
    assert later.now_label is None


def test_events_on_the_first_and_last_days_of_the_calendar_are_drawn(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    minimal["events"][0]["date"] = {"precision": "day", "start": "0001-01-01"}
    minimal["events"][1]["date"] = {"precision": "day", "start": "9999-12-31"}
    minimal["events"][0]["related"] = []
    minimal["events"].append(
        {
            "id": "e3",
            "kind": "talks",
            "title": "Bis zum Ende",
            "date": {"precision": "minute", "start": "9999-12-31T23:59+00:00", "end": ".."},
        }
    )
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)))
    for event_id in ("e1", "e2", "e3"):
        selection.select(event_id)  # reveals it, at either end of the calendar
        pos = view.event_pos(event_id)
        assert pos is not None, event_id
        assert GUTTER <= pos.x() <= view.viewport().width(), event_id
        view.grab()  # paints the axis there without an exception
    for _ in range(30):
        view.zoom(2.0)
        view.pan_pixels(10**9)
        view.grab()
    for _ in range(30):
        view.zoom(0.5)
        view.pan_pixels(-(10**9))
        view.grab()
