"""How far the view zooms to bring events within reach: a cluster's events onto
rows of their own, and an event counted far out among events drawn one by one.

Arithmetic over the index and the renderer's label widths, kept apart from the
widget that then moves there.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left

from viewer.timeline.index import EventIndex
from viewer.timeline.layout import GLYPH, MAX_ROWS, Placed
from viewer.ui.timeline.render import TimelineRenderer


def spreading_zoom(
    renderer: TimelineRenderer, cluster: Placed, scale: float, seconds_per_px: float
) -> float | None:
    """The seconds per screen pixel at which the events of ``cluster`` get rows and
    labels of their own (at least twice as close as ``seconds_per_px``); None when
    they all start at once, and no zoom can part them."""
    index = renderer.index
    start, end = cluster.span
    kind = index.kind(cluster.positions[0])
    near = [p for p in index.overlapping(start, end) if index.kind(p) is kind]
    starts = sorted(index.starts[p] for p in near)
    gaps = [b - a for a, b in itertools.pairwise(starts) if b > a]
    if not gaps:
        return None
    widest = max(renderer.label_width(p) for p in near)
    band = min(index.ends[p] - index.starts[p] for p in near)
    # Neighbours MAX_ROWS apart share a row: between their markers goes
    # half a band, a marker and a label.
    room = MAX_ROWS * min(gaps) - band / 2
    wanted = (widest + 4 * GLYPH + 16) * scale  # screen pixels
    spp = room / wanted if room > 0 else seconds_per_px / 4
    return min(spp, seconds_per_px / 2)


def neighbourhood(index: EventIndex, position: int, reach: int) -> tuple[float, float]:
    """The time from ``reach`` events of its lane before an event to ``reach`` after it."""
    lane = next(la for la in index.lanes if la.kind is index.kind(position))
    at = bisect_left(lane.starts, index.starts[position])
    first = lane.starts[max(at - reach, 0)]
    last = lane.starts[min(at + reach, len(lane.starts) - 1)]
    return first, max(last, index.ends[position])
