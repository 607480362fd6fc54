"""Where a search's matches fall on the timeline, to mark every one of them.

The matches are kept per lane as their start times in time order, once per
search, so a frame finds the ones in view with two bisections and marks the
pixel columns they start in: never a look at each match, whatever their number.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from viewer.timeline.filters import Mask, Rows
from viewer.timeline.index import EventIndex, Times


class Matches:
    """The matching events of one index: whether each position matches, and each
    lane's matches as their starts in time order."""

    def __init__(self, index: EventIndex, rows: Rows) -> None:
        positions = index.position_of_row[rows] if len(rows) else np.zeros(0, np.int64)
        # Whether the event at each position matches.
        self.at: Mask = np.zeros(len(index), np.bool_)
        self.at[positions[positions >= 0]] = True
        self._starts: dict[str, Times] = {
            lane.key: lane.starts[self.at[lane.positions]] for lane in index.lanes
        }

    def __len__(self) -> int:
        return int(np.count_nonzero(self.at))

    def any(self, positions: Sequence[int]) -> bool:
        """Whether any of the events at ``positions`` (of this index) matches."""
        return bool(len(positions)) and bool(self.at[np.asarray(positions)].any())

    def columns(
        self, lane: str, t0: float, seconds_per_px: float, width: int
    ) -> npt.NDArray[np.bool_]:
        """Which of ``width`` pixel columns from ``t0`` a match of the lane keyed
        ``lane`` starts in (only the matches in view are looked at)."""
        marked = np.zeros(max(width, 0), np.bool_)
        starts = self._starts.get(lane)
        if starts is None or not len(marked):
            return marked
        lo, hi = np.searchsorted(starts, [t0, t0 + width * seconds_per_px])
        columns = ((starts[lo:hi] - t0) / seconds_per_px).astype(np.int64)
        marked[np.clip(columns, 0, width - 1)] = True
        return marked
