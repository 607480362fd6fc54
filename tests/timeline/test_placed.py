"""Finding a lane in a layout by height, and where a dragged lane drops (Qt-free)."""

from __future__ import annotations

import numpy as np

from viewer.timeline.geometry import Point, Rect
from viewer.timeline.index import Lane
from viewer.timeline.placed import LANE_GAP, LaneLayout, Layout, Placed


def _layout() -> Layout:
    starts = np.array([0.0])
    lanes = []
    for n, (top, height) in enumerate([(50.0, 22.0), (80.0, 66.0), (154.0, 22.0)]):
        lane = Lane(f"k{n}", f"K{n}", np.array([n]), starts, starts + 1.0)
        laid = LaneLayout(lane, top, height)
        laid.items = [Placed([n], Rect(200, top, 10, 10), Point(205, top + 5))]
        lanes.append(laid)
    return Layout(0.0, 1.0, 1000.0, lanes, 180.0)


def test_a_lane_is_found_by_its_band_and_its_item() -> None:
    layout = _layout()
    first, second, third = layout.lanes
    assert layout.lane_at(50.0 - LANE_GAP / 2) is first
    assert layout.lane_at(75.9) is first
    assert layout.lane_at(76.0) is second
    assert layout.lane_at(150.0) is third
    assert layout.lane_at(10.0) is None
    assert layout.lane_at(180.0) is None
    assert layout.lane_holding(second.items[0]) is second
    stranger = Placed([1], Rect(200, 80, 10, 10), Point(205, 85))  # equal, not the same
    assert layout.lane_holding(stranger) is None


def test_a_dragged_lane_drops_before_the_first_lane_whose_middle_is_below() -> None:
    layout = _layout()
    assert layout.drop_place(40.0) == 0
    assert layout.drop_place(61.0) == 1  # below the first lane's middle (61)
    assert layout.drop_place(112.9) == 1
    assert layout.drop_place(113.0) == 2
    assert layout.drop_place(170.0) == 3
    assert layout.drop_line(0) == 50.0 - LANE_GAP / 2
    assert layout.drop_line(2) == 154.0 - LANE_GAP / 2
    assert layout.drop_line(3) == 154.0 + 22.0 + LANE_GAP / 2
