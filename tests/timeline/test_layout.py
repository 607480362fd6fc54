"""The Qt-free layout: levels of detail, labels that never overlap, counts that add up.

No display, no Qt: text is measured by a stand-in of fixed-width glyphs.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from bench.make_timeline import make_timeline
from viewer.domain.timeline import Timeline
from viewer.timeline.index import EventIndex, event_index
from viewer.timeline.layout import (
    DETAIL_LIMIT,
    ELLIPSIS,
    GUTTER,
    LABEL_MAX,
    LABEL_REACH,
    Layout,
    Layouter,
    Rect,
)

CHAR = 7.0


class Monospace:
    """Every character CHAR pixels wide; eliding keeps what fits and adds an ellipsis."""

    def __init__(self, index: EventIndex) -> None:
        self.index = index

    def label_width(self, position: int) -> float:
        return min(len(self.index.title(position)) * CHAR, LABEL_MAX) + 1.0

    def elide(self, position: int, room: float, middle: bool = False) -> str:
        title = self.index.title(position)
        if len(title) * CHAR <= room:
            return title
        keep = max(int(room // CHAR) - 1, 0)
        if middle:
            return title[: keep - keep // 2] + ELLIPSIS + title[len(title) - keep // 2 :]
        return title[:keep] + ELLIPSIS if keep else ""

    def advance(self, text: str) -> float:
        return len(text) * CHAR


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.validate(make_timeline(20_000, seed=3))


def lay_out(timeline: Timeline, t0: float, spp: float, width: float = 1920.0) -> Layout:
    index = event_index(timeline)
    return Layouter(index, Monospace(index)).layout(t0, spp, width)


def test_far_out_every_lane_is_counts_and_a_density_strip(timeline: Timeline) -> None:
    index = event_index(timeline)
    first, last = index.extent() or (0.0, 1.0)
    width = 1920.0
    spp = (last - first) / (width - GUTTER)
    layout = lay_out(timeline, first, spp, width)
    t1 = first + (width - GUTTER) * spp
    assert layout.lanes
    for lane_layout, lane in zip(layout.lanes, index.lanes, strict=True):
        assert lane_layout.bucketed
        assert all(item.bucket for item in lane_layout.items)
        starting = lane.count_starting(first, t1)
        # the buckets start at a multiple of their span, so the first may reach left of t0
        assert sum(item.count for item in lane_layout.items) >= starting
        assert lane_layout.density is not None
        assert len(lane_layout.density) == int(width - GUTTER)
        assert int(lane_layout.density.sum()) == starting
        assert lane_layout.items
        for item in lane_layout.items:
            span_start, span_end = item.span
            assert item.count == lane.count_starting(span_start, span_end)


def test_close_in_events_get_marks_and_labels_that_never_overlap(timeline: Timeline) -> None:
    index = event_index(timeline)
    middle = float(np.median(index.starts))
    labelled = 0
    for spp in (60.0, 600.0, 3600.0, 6 * 3600.0):
        layout = lay_out(timeline, middle, spp)
        labelled += sum(item.label is not None for item in layout.items())
        assert layout.lanes
        for lane in layout.lanes:
            assert not lane.bucketed
            labels: dict[float, list[Rect]] = {}
            for item in lane.items:
                if item.label is not None:
                    labels.setdefault(item.glyph.y(), []).append(item.label)
            for row in labels.values():
                row.sort(key=Rect.left)
                for a, b in itertools.pairwise(row):
                    assert not a.intersects(b)
    assert labelled > 20, "the views should show labelled events"


def test_the_level_of_detail_follows_the_count_in_view(timeline: Timeline) -> None:
    index = event_index(timeline)
    lane = max(index.lanes, key=len)
    middle = float(np.median(lane.starts))
    t1_of = lambda spp: middle + (1920.0 - GUTTER) * spp  # noqa: E731
    for spp in (10.0, 1e3, 1e4, 1e5, 1e6):
        layout = lay_out(timeline, middle, spp)
        [lane_layout] = [la for la in layout.lanes if la.kind is lane.kind]
        in_view = lane.count_overlapping(middle - LABEL_REACH * spp, t1_of(spp))
        assert lane_layout.bucketed == (in_view > DETAIL_LIMIT), spp


def test_the_selected_event_gets_a_row_of_its_own(timeline: Timeline) -> None:
    index = event_index(timeline)
    lane = max(index.lanes, key=len)
    # a crowded view: more events than rows, fewer than the limit
    spp = 4 * 3600.0
    middle = float(np.median(lane.starts))
    layouter = Layouter(index, Monospace(index))
    plain = layouter.layout(middle, spp, 1280.0)
    [crowded] = [la for la in plain.lanes if la.kind is lane.kind]
    clusters = [item for item in crowded.items if item.is_cluster]
    assert clusters, "the test needs a cluster"
    hidden = clusters[0].positions[-1]
    selected = index.id_of(hidden)
    layout = layouter.layout(middle, spp, 1280.0, selected=selected)
    shown = [item for item in layout.items() if not item.is_cluster and hidden in item.positions]
    assert len(shown) == 1
    assert shown[0].label is not None


def test_a_zero_width_view_and_an_empty_index_lay_out_nothing() -> None:
    index = EventIndex()
    layout = Layouter(index, Monospace(index)).layout(0.0, 60.0, 800.0)
    assert layout.items() == []
    assert math.isclose(layout.x_of(60.0), GUTTER + 1)


def _signature(layout: Layout) -> list[tuple[object, ...]]:
    return [
        (tuple(item.positions), item.hit, item.glyph, item.band, item.label, item.text, item.count)
        for item in layout.items()
    ]


@pytest.mark.parametrize("spp", [300.0, 3000.0, 20_000.0])
def test_crowded_lanes_cluster_as_if_every_label_were_measured(
    timeline: Timeline, spp: float
) -> None:
    """The shortcut for events no row can take gives the very layout of trying each."""
    index = event_index(timeline)
    middle = float(np.median(index.starts))
    fast = Layouter(index, Monospace(index))
    slow = Layouter(index, Monospace(index))
    slow.measure_crowded = True
    for t0 in (middle, middle + 1920 * spp / 3):
        quick, thorough = fast.layout(t0, spp, 1280.0), slow.layout(t0, spp, 1280.0)
        assert _signature(quick) == _signature(thorough)
    assert any(item.is_cluster for item in quick.items()), "the view should be crowded"
