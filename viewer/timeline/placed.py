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

#: The width of the lanes' names, left of the plot.
GUTTER = 118.0
#: The height of a row of marks (and of a density strip).
ROW_HEIGHT = 22.0
#: The height of a lane's row of "+N" clusters.
CLUSTER_ROW = 18.0


@dataclass(slots=True)
class Placed:
    """An event (or a cluster of events, or a count bucket) where it was laid out."""

    positions: list[int]
    hit: Rect
    glyph: Point
    band: Rect | None = None
    label: Rect | None = None
    #: What is drawn: an event's title as it fits its room, or a cluster's count.
    text: str = ""
    #: For a cluster or bucket: how many events it stands for, and the time they span.
    count: int = 1
    span: tuple[float, float] = (0.0, 0.0)
    #: A far-zoom count of the events starting in ``span`` (not a list of them).
    bucket: bool = False
    #: For a label that stands away from its mark (left of it, or pinned at the
    #: plot's left edge): the line joining them, from x to x at the mark's height.
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
    #: Drawn as counts per bucket: too many events in view for marks.
    bucketed: bool = False
    #: For a bucketed or collapsed lane: how many events start in each pixel
    #: column of the plot, drawn as one strip image (under the counts).
    density: npt.NDArray[np.int32] | None = None
    #: Folded to its header: a density strip and no marks.
    collapsed: bool = False
    #: How many rows of marks it has (the "+N" row not counted).
    rows: int = 1
    #: How many of its events in view are not drawn as marks of their own (see
    #: :attr:`hidden`); or, for a strip, the span they are counted in once asked.
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
    #: The index the positions in this layout point into: a layout of another
    #: index (the timeline was swapped) is never painted or hit-tested.
    index: EventIndex | None = None

    def x_of(self, t: float) -> float:
        return GUTTER + (t - self.t0) / self.seconds_per_px

    def items(self) -> list[Placed]:
        return [item for lane in self.lanes for item in lane.items]
