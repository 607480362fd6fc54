"""The overview strip's arithmetic, without a window."""

from __future__ import annotations

import numpy as np

from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.index import EventIndex, event_index
from viewer.timeline.overview import Overview

DAY = 86400.0


def bundled() -> EventIndex:
    return event_index(load_timeline(bundled_timeline()))


def test_the_overview_spans_every_event_whatever_the_view_shows() -> None:
    index = bundled()
    extent = index.extent()
    assert extent is not None
    overview = Overview.of(index, 500)
    assert overview.start < extent[0]
    assert overview.end > extent[1]
    assert overview.end - overview.start < (extent[1] - extent[0]) * 1.1
    # A window past the last event stays at the strip's right edge, grabbable.
    left, right = overview.window(extent[1] + 30 * DAY, extent[1] + 40 * DAY)
    assert left == 497.0
    assert right >= 500.0
    left, right = overview.window(extent[0] - 40 * DAY, extent[0] - 30 * DAY)
    assert right == 3.0


def test_each_event_is_counted_once_in_the_column_of_its_start() -> None:
    index = bundled()
    overview = Overview.of(index, 300)
    counts = overview.counts(index)
    assert len(counts) == 300
    assert counts.sum() == len(index)
    first = int(overview.x_of(float(index.starts[0])))
    assert counts[first] >= 1
    assert not counts[:first].any()


def test_an_empty_index_counts_nothing() -> None:
    overview = Overview.of(EventIndex(), 100)
    assert overview.start < 0.0 < DAY < overview.end
    assert np.array_equal(overview.counts(EventIndex()), np.zeros(100, np.int64))


def test_the_window_is_where_the_time_shown_is_and_can_always_be_grabbed() -> None:
    overview = Overview(0.0, 100 * DAY, 1000)
    assert overview.window(10 * DAY, 20 * DAY) == (100.0, 200.0)
    left, right = overview.window(50 * DAY, 50 * DAY + 60)  # a minute: under a pixel
    assert right - left == 3.0
    assert left < 500.0 < right


def test_a_column_gives_the_left_edge_that_centres_the_window_there() -> None:
    overview = Overview(0.0, 100 * DAY, 1000)
    assert overview.left_edge_for(500.0, 10 * DAY) == 45 * DAY
    assert overview.t_of(overview.x_of(7 * DAY)) == 7 * DAY
