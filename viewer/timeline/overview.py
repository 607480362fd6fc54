"""The overview strip's arithmetic: the whole span of a timeline, how many
events start in each of its pixel columns, and where the visible window is.

Qt-free, so the strip under the timeline (:mod:`viewer.ui.timeline.overview`)
only paints and turns a drag into a new left edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.timeline.index import EventIndex

Counts = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Overview:
    """The span ``start``..``end`` drawn over ``width`` pixel columns."""

    start: float
    end: float
    width: int

    @classmethod
    def of(cls, index: EventIndex, width: int) -> Overview:
        """The overview of ``index``'s events at ``width`` columns: their extent
        with a little room at each end (a day from now with no events). It does
        not follow the view: a window dragged past the last event stays at the
        strip's edge, and the strip's scale never shifts under the mouse."""
        extent = index.extent() or (0.0, 86400.0)
        pad = max((extent[1] - extent[0]) * 0.02, 60.0)
        return cls(extent[0] - pad, extent[1] + pad, max(width, 1))

    @property
    def seconds_per_px(self) -> float:
        return (self.end - self.start) / self.width

    def x_of(self, t: float) -> float:
        return (t - self.start) / self.seconds_per_px

    def t_of(self, x: float) -> float:
        return self.start + x * self.seconds_per_px

    def counts(self, index: EventIndex) -> Counts:
        """How many of ``index``'s events start in each pixel column."""
        if not len(index):
            return np.zeros(self.width, np.int64)
        columns = ((index.starts - self.start) / self.seconds_per_px).astype(np.int64)
        np.clip(columns, 0, self.width - 1, out=columns)
        return np.bincount(columns, minlength=self.width)[: self.width]

    def window(self, t0: float, t1: float) -> tuple[float, float]:
        """The columns (left, right) of the time ``t0``..``t1``, at least 3 pixels
        wide so a window zoomed in to minutes can still be seen and grabbed, and
        kept at the strip's edge when it lies beyond the events."""
        left, right = self.x_of(t0), self.x_of(t1)
        if right - left < 3:
            middle = (left + right) / 2
            left, right = middle - 1.5, middle + 1.5
        if right < 3:
            left, right = min(left, 0.0), 3.0
        if left > self.width - 3:
            left, right = self.width - 3.0, max(right, float(self.width))
        return left, right

    def left_edge_for(self, x: float, visible: float) -> float:
        """The view's left edge (a time) that centres the window of ``visible``
        seconds on column ``x``."""
        return self.t_of(x) - visible / 2
