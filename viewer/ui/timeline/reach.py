"""How far the view zooms to bring events within reach: a cluster's events onto
rows of their own, and an event counted far out among events drawn one by one.

Arithmetic over the index and the renderer's label widths, kept apart from the
widget that then moves there.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import Counter

from viewer.timeline.index import EventIndex
from viewer.timeline.layout import GLYPH, MAX_ROWS, LaneLayout, Layout, Placed
from viewer.ui.timeline.render import TimelineRenderer


def spreading_zoom(
    renderer: TimelineRenderer,
    cluster: Placed,
    scale: float,
    seconds_per_px: float,
    layout: Layout,
) -> float | None:
    """The seconds per screen pixel at which the events of ``cluster`` get rows and
    labels of their own, on the rows their lane has in ``layout`` (at least twice as close
    as ``seconds_per_px``); None when they all start at once, and no zoom can
    part them."""
    index = renderer.index
    start, end = cluster.span
    # The lane it is drawn in (its first event may stand in other lanes too).
    drawn = layout.lane_holding(cluster)
    lane = index.lane_of(cluster.positions[0]) if drawn is None else drawn.lane
    near = [] if lane is None else lane.overlapping(start, end)
    starts = sorted(index.starts[p] for p in near)
    gaps = [b - a for a, b in itertools.pairwise(starts) if b > a]
    if not gaps:
        return None
    widest = max(renderer.label_width(p) for p in near)
    band = min(index.ends[p] - index.starts[p] for p in near)
    # Events that start at once each take a row; the next moment's reuse them
    # once they are a label apart: between markers that share a row goes half
    # a band, a marker and a label.
    at_once = max(Counter(starts).values())
    rows = MAX_ROWS if drawn is None else drawn.rows
    room = max(rows // at_once, 1) * min(gaps) - band / 2
    wanted = (widest + 4 * GLYPH + 16) * scale  # screen pixels
    spp = room / wanted if room > 0 else seconds_per_px / 4
    return min(spp, seconds_per_px / 2)


def neighbourhood(index: EventIndex, position: int, reach: int) -> tuple[float, float]:
    """The time from ``reach`` events of its lane before an event to ``reach`` after it."""
    lane = index.lane_of(position)
    if lane is None:
        return float(index.starts[position]), float(index.ends[position])
    at = bisect_left(lane.starts, index.starts[position])
    first = lane.starts[max(at - reach, 0)]
    last = lane.starts[min(at + reach, len(lane.starts) - 1)]
    return first, max(last, index.ends[position])


def nearest_group(layout: Layout, selected: Placed | None, middle: float) -> Placed | None:
    """The "+N" cluster or count nearest the ``selected`` event (in its lane
    first), or nearest ``middle`` with nothing selected; None when there is none."""
    groups = [(lane, item) for lane in layout.lanes for item in lane.items if item.is_cluster]
    if not groups:
        return None
    home = None if selected is None else layout.lane_holding(selected)
    x = middle if selected is None else selected.glyph.x()

    def distance(pair: tuple[LaneLayout, Placed]) -> tuple[bool, float]:
        lane, item = pair
        return (lane is not home, abs(item.glyph.x() - x))

    return min(groups, key=distance)[1]
