"""The overview strip under the timeline: the whole span, the events' density,
and the part shown, which the reader drags or clicks beside to go elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.windows import make_window, settle
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.overview_strip import MARGIN


def window_columns(window: MainWindow) -> tuple[float, float]:
    strip = window.overview
    overview = strip.overview()
    assert overview is not None
    left, right = overview.window(*strip.shown())
    return MARGIN + left, MARGIN + right


def zoomed_in(qtbot: QtBot) -> MainWindow:
    window = make_window(qtbot)
    window.resize(1200, 800)
    settle(qtbot)
    view = window.timeline_view
    extent = view.renderer.index.extent()
    assert extent is not None
    # A quarter of the events' span shown, in the middle of it.
    spp = (extent[1] - extent[0]) / 4 / view.time_area_width()
    middle = (extent[0] + extent[1]) / 2
    view.set_view(middle - view.time_area_width() * spp / 2, spp)
    settle(qtbot)
    return window


def test_the_strip_marks_the_part_shown_and_follows_a_zoom(qtbot: QtBot) -> None:
    window = zoomed_in(qtbot)
    left, right = window_columns(window)
    assert 0 <= left < right <= window.overview.width()
    assert right - left < window.overview.width() / 2
    view = window.timeline_view
    view.set_view(view.t0, view.seconds_per_px * 2)
    wider = window_columns(window)
    assert wider[1] - wider[0] == pytest.approx(2 * (right - left), rel=0.05)


def test_dragging_the_window_moves_the_view_at_the_same_zoom(qtbot: QtBot) -> None:
    window = zoomed_in(qtbot)
    view, strip = window.timeline_view, window.overview
    t0, spp = view.t0, view.seconds_per_px
    left, right = window_columns(window)
    y = strip.height() // 2
    grab = QPoint(int((left + right) / 2), y)
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=grab)
    assert view.t0 == pytest.approx(t0, abs=spp * 50)  # taken where it is: nothing jumps
    qtbot.mouseMove(strip, grab + QPoint(100, 0))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=grab + QPoint(100, 0))
    assert view.seconds_per_px == spp
    assert view.t0 > t0
    moved = window_columns(window)
    assert moved[0] == pytest.approx(left + 100, abs=2)


def test_a_click_beside_the_window_centres_it_there(qtbot: QtBot) -> None:
    window = zoomed_in(qtbot)
    strip = window.overview
    left, right = window_columns(window)
    x = int(right + (strip.width() - right) / 2)
    assert x > right + 10  # beside the window, not on it
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, strip.height() // 2))
    left, right = window_columns(window)
    assert (left + right) / 2 == pytest.approx(x, abs=2)


def test_the_density_is_drawn_where_the_events_are(qtbot: QtBot) -> None:
    window = zoomed_in(qtbot)
    strip = window.overview
    image: QImage = strip.grab().toImage()
    overview = strip.overview()
    assert overview is not None
    counts = overview.counts(window.timeline_view.renderer.index)
    busiest = int(counts.argmax())
    base = strip.palette().base().color()
    bottom = strip.height() - 4

    def inked(x: int) -> bool:
        return QColor(image.pixel(MARGIN + x, bottom)) != base

    empty = [x for x in range(len(counts)) if not counts[max(x - 2, 0) : x + 3].any()]
    assert empty  # the span has stretches without events
    assert inked(busiest)
    left, right = window_columns(window)
    outside = [x for x in empty if not left - 2 <= MARGIN + x <= right + 2]
    assert outside
    assert not inked(outside[0])


def test_with_no_event_kept_the_strip_shows_and_moves_nothing(qtbot: QtBot) -> None:
    window = zoomed_in(qtbot)
    window.filters.toggle("has_notes", "")  # no notes yet: no event kept
    strip, view = window.overview, window.timeline_view
    before = view.t0
    assert strip.overview() is None
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 2, 5))
    assert view.t0 == before  # not off to 1970


def test_a_drag_past_the_strips_end_stops_at_its_end(qtbot: QtBot) -> None:
    window = zoomed_in(qtbot)
    strip = window.overview
    left, right = window_columns(window)
    grab = QPoint(int((left + right) / 2), strip.height() // 2)
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(strip, grab + QPoint(5000, 0))
    far = window.timeline_view.t0
    qtbot.mouseMove(strip, grab + QPoint(50000, 0))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=grab + QPoint(50000, 0))
    assert window.timeline_view.t0 == far  # no further than the end of the span
