"""A far lane as counts (Qt-free): how many of its events start in each bucket
of the plot, each drawn as a count, and in each pixel column, drawn as a
density strip under them.

:mod:`viewer.timeline.layout` draws a lane so when more of its events are
in view than it places one by one, or when the reader folds it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from viewer.timeline.geometry import Point, Rect
from viewer.timeline.placed import GUTTER, ROW_HEIGHT, LaneLayout, Layout, Placed

# How wide the span is that a count stands for: a count every 112 pixels
# (a far view of forty lanes draws some 600 of them; the strip under them
# shows each pixel's events, and its tooltip their number).
BUCKET_PX = 112.0

# A count's text and its badge's width.
CountText = Callable[[int], tuple[str, float]]


def count_buckets(
    lane_layout: LaneLayout, layout: Layout, t0: float, t1: float, count_text: CountText
) -> None:
    """Counts per bucket of BUCKET_PX (each read and measured by ``count_text``)
    in the lane at its place, and per pixel column for the density strip."""
    lane = lane_layout.lane
    spp = layout.seconds_per_px
    span = BUCKET_PX * spp
    # Buckets start at whole multiples of their span: a pan keeps their counts.
    start = math.floor(t0 / span) * span
    edges = start + span * np.arange(math.ceil((t1 - start) / span) + 1)
    at = lane.starts.searchsorted(edges)
    counts = np.diff(at)
    shown = np.flatnonzero(counts)
    y = lane_layout.top + ROW_HEIGHT / 2
    times = edges[shown].tolist()
    xs = (GUTTER + (edges[shown] - layout.t0) / spp).tolist()
    firsts = lane.positions[at[shown]].tolist()
    items = lane_layout.items
    last = len(xs) - 1
    for n, (t, x, count, first) in enumerate(
        zip(times, xs, counts[shown].tolist(), firsts, strict=True)
    ):
        text, w = count_text(count)
        if x < GUTTER + 2 and GUTTER + 2 + w + 4 <= (xs[n + 1] if n < last else math.inf):
            x = GUTTER + 2  # its span runs into view: its count shows whole
        items.append(
            Placed(
                [first],
                Rect(x, y - 8, w, 16),
                Point(x, y),
                text=text,
                count=count,
                span=(t, t + span),
                bucket=True,
            )
        )
    density_strip(lane_layout, layout, t0, t1)


def density_strip(lane_layout: LaneLayout, layout: Layout, t0: float, t1: float) -> None:
    """How many of the lane's events start in each pixel column of the plot; all
    its events in view are hidden (counted when asked)."""
    lane = lane_layout.lane
    columns = max(int(layout.width - GUTTER), 0)
    lane_layout.density = lane.starting_per_column(t0, layout.seconds_per_px, columns)
    lane_layout.hide_in_view(t0, t1)
