"""What a layout is made of (Qt-free): each event, "+N" cluster or count where
it was placed, each lane with its rows, and the whole plot.

:mod:`viewer.timeline.layout` makes these; the painter draws them and the
widget hit-tests them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from viewer.domain.model import EventKind
from viewer.timeline.geometry import Point, Rect
from viewer.timeline.index import EventIndex, Lane

# The width of the lanes' names, left of the plot.
GUTTER = 118.0
# The height of a row of marks (and of a density strip).
ROW_HEIGHT = 22.0
# The height of a lane's row of "+N" clusters.
CLUSTER_ROW = 18.0
# The space between two lanes.
LANE_GAP = 8.0


@dataclass(slots=True)
class Placed:
    """An event (or a cluster of events, or a count bucket) where it was laid out."""

    positions: list[int]
    hit: Rect
    glyph: Point
    band: Rect | None = None
    label: Rect | None = None
    # What is drawn: an event's title as it fits its room, or a cluster's count.
    text: str = ""
    # For a cluster or bucket: how many events it stands for, and the time they span.
    count: int = 1
    span: tuple[float, float] = (0.0, 0.0)
    # A far-zoom count of the events starting in ``span`` (not a list of them).
    bucket: bool = False
    # For a label that stands away from its mark (left of it, or pinned at the
    # plot's left edge): the line joining them, from x to x at the mark's height.
    leader: tuple[float, float] | None = None

    @property
    def is_cluster(self) -> bool:
        return self.label is None


@dataclass(slots=True)
class LaneLayout:
    """One lane as laid out: where it stands, its rows and what it draws."""

    lane: Lane
    top: float
    height: float
    items: list[Placed] = field(default_factory=list)
    # Drawn as counts per bucket: too many events in view for marks.
    bucketed: bool = False
    # For a bucketed or collapsed lane: how many events start in each pixel
    # column of the plot, drawn as one strip image (under the counts).
    density: npt.NDArray[np.int32] | None = None
    # Folded to its header: a density strip and no marks.
    collapsed: bool = False
    # How many rows of marks it has (the "+N" row not counted).
    rows: int = 1
    # How many of its events in view are not drawn as marks of their own (see
    # :attr:`hidden`); or, for a strip, the span they are counted in once asked.
    _hidden: int | tuple[float, float] = 0

    @property
    def key(self) -> str:
        return self.lane.key

    @property
    def title(self) -> str:
        return self.lane.title

    @property
    def kind(self) -> EventKind | None:
        """The kind of all its events, for a lane by kind."""
        return self.lane.kind

    @property
    def hidden(self) -> int:
        """How many of its events in view are not drawn as marks of their own (in
        "+N" badges, counts or a collapsed lane's strip)."""
        if isinstance(self._hidden, tuple):
            # A strip's are counted when first asked (a tooltip), not every frame.
            self._hidden = self.lane.count_overlapping(*self._hidden)
        return self._hidden

    @hidden.setter
    def hidden(self, hidden: int) -> None:
        self._hidden = hidden

    def hide_in_view(self, t0: float, t1: float) -> None:
        """Say that its events overlapping ``[t0, t1)`` are all hidden (a strip's),
        counted only when :attr:`hidden` is asked."""
        self._hidden = (t0, t1)

    @property
    def band_top(self) -> float:
        """Where its band starts: half the gap above its first row."""
        return self.top - LANE_GAP / 2

    @property
    def band_bottom(self) -> float:
        """Where its band ends: half the gap below its last row."""
        return self.top + self.height + LANE_GAP / 2

    @property
    def tall(self) -> bool:
        """At least a row and a "+N" row tall: its name may take two lines."""
        return self.height >= ROW_HEIGHT + CLUSTER_ROW

    @property
    def count(self) -> int:
        """How many events stand in it (in view or not)."""
        return len(self.lane)


@dataclass(slots=True)
class Layout:
    t0: float
    seconds_per_px: float
    width: float
    lanes: list[LaneLayout]
    height: float
    # The index the positions in this layout point into: a layout of another
    # index (the timeline was swapped) is never painted or hit-tested.
    index: EventIndex | None = None

    def x_of(self, t: float) -> float:
        return GUTTER + (t - self.t0) / self.seconds_per_px

    def items(self) -> list[Placed]:
        return [item for lane in self.lanes for item in lane.items]

    def lane_at(self, y: float) -> LaneLayout | None:
        """The lane whose band holds ``y``; None above or below them all."""
        return next((la for la in self.lanes if la.band_top <= y < la.band_bottom), None)

    def lane_holding(self, item: Placed) -> LaneLayout | None:
        """The lane that ``item`` (this very item) is drawn in."""
        return next((la for la in self.lanes if any(i is item for i in la.items)), None)

    def drop_place(self, y: float) -> int:
        """The place among the lanes a lane dropped at ``y`` takes: before the
        first lane whose middle is below it."""
        lanes = self.lanes
        return next((n for n, la in enumerate(lanes) if y < la.top + la.height / 2), len(lanes))

    def drop_line(self, place: int) -> float:
        """Where the line showing a drop at ``place`` (see :meth:`drop_place`) stands."""
        lanes = self.lanes
        return lanes[place].band_top if place < len(lanes) else lanes[-1].band_bottom
