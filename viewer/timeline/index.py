"""A timeline's events in time order, with lanes, for drawing and hit-testing.

Qt-free, and built on the columns of :class:`~viewer.domain.columns.EventTable`:
sorting a million events is one ``numpy.lexsort``. Events are ordered by
their earliest instant, then their latest, then id; a *position* is a place
in that order.

"Which events of this lane overlap ``[t0, t1)``?" is two bisections per
class of span length: a lane keeps its events in classes whose spans lie
within a factor of four of each other, so one month-long event does not
make every query look back a month over events of a minute.

The lanes are one per kind until :meth:`EventIndex.with_lanes` gives others
(by actor, tag, timeline or place: :mod:`viewer.timeline.lanes`); an event
may then stand in several lanes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from viewer.domain.columns import APPROXIMATE, CLOSED_END, KINDS, EventTable
from viewer.domain.model import Event, EventKind
from viewer.domain.names import kind_plural
from viewer.domain.records import Group
from viewer.domain.timeline import Timeline
from viewer.timeline.kept import kept

Positions = npt.NDArray[np.int64]
Times = npt.NDArray[np.float64]

Counts = npt.NDArray[np.integer]
# How many events start in each column of a density strip.
Density = npt.NDArray[np.int32]
# A lane with fewer events than this counts its density strip without a grid.
GRID_LEAST = 4096
# How many cells of a lane's grid a density strip's column spans at least
# for the grid to be read instead of the events.
GRID_FINER = 4

# A span class holds spans from 4**k to 4**(k+1) seconds (class 0: up to 4 s).
_CLASS_BASE = np.log(4.0)


@dataclass(slots=True)
class _SpanClass:
    positions: Positions
    starts: Times
    ends: Times
    max_span: float


class LaneRows(Protocol):
    """What a lane is made of: its key, its title and its events' table rows
    (:class:`viewer.timeline.lanes.FacetLane` is one)."""

    @property
    def key(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def rows(self) -> npt.NDArray[np.int64]: ...


class Lane:
    """One lane's events, in time order: positions into the index and their times.

    ``key`` names the lane (a kind's value, an actor's id, a tag…) and
    ``title`` is what its header says; ``kind`` is the kind all its events
    are of, for a lane by kind (None otherwise).
    """

    def __init__(
        self,
        key: str,
        title: str,
        positions: Positions,
        starts: Times,
        ends: Times,
        kind: EventKind | None = None,
    ) -> None:
        self.key = key
        self.title = title
        self.kind = kind
        self.positions = positions
        self.starts = starts
        self._cumulative: tuple[float, float, Counts] | tuple[()] | None = None
        spans = ends - starts
        self.max_span = float(spans.max()) if len(spans) else 0.0
        classes = np.floor(np.log(np.maximum(spans, 1.0)) / _CLASS_BASE).astype(np.int64)
        self._classes: list[_SpanClass] = []
        # Classes are small non-negative numbers; np.unique would import numpy.ma
        # (15 ms of startup) for the same answer.
        present = np.flatnonzero(np.bincount(classes)) if len(classes) else classes
        for k in present.tolist():
            members = np.flatnonzero(classes == k)
            self._classes.append(
                _SpanClass(
                    positions[members],
                    starts[members],
                    ends[members],
                    float(spans[members].max()),
                )
            )

    def __len__(self) -> int:
        return len(self.positions)

    def _candidates(self, t0: float, t1: float) -> Iterator[tuple[_SpanClass, int, int]]:
        for span_class in self._classes:
            # (The array's own method: numpy's function around it costs as much again.)
            lo = int(span_class.starts.searchsorted(t0 - span_class.max_span))
            hi = int(span_class.starts.searchsorted(t1))
            if hi > lo:
                yield span_class, lo, hi

    def overlapping(self, t0: float, t1: float) -> list[int]:
        """Positions of this lane's events that overlap ``[t0, t1)``, in time order."""
        return self._overlapping(list(self._candidates(t0, t1)), t0)

    @staticmethod
    def _overlapping(candidates: list[tuple[_SpanClass, int, int]], t0: float) -> list[int]:
        found = [c.positions[lo:hi][c.ends[lo:hi] > t0] for c, lo, hi in candidates]
        if not found:
            return []
        return np.sort(np.concatenate(found)).tolist()  # type: ignore[no-any-return]

    def overlapping_unless_more(self, t0: float, t1: float, limit: int) -> list[int] | None:
        """:meth:`overlapping`, or None when more than ``limit`` events overlap
        (:meth:`count_overlapping` and the list, each span class bisected once)."""
        if self.count_starting(t0, t1) > limit:
            # Those starting in [t0, t1) all overlap: two bisections answer a far
            # view of a crowded lane, without a look at each span class.
            return None
        candidates = list(self._candidates(t0, t1))
        if self._count(candidates, t0, limit) > limit:
            return None
        return self._overlapping(candidates, t0)

    def count_overlapping(self, t0: float, t1: float) -> int:
        """How many of this lane's events overlap ``[t0, t1)``."""
        return self._count(self._candidates(t0, t1), t0, None)

    @staticmethod
    def _count(
        candidates: Iterable[tuple[_SpanClass, int, int]], t0: float, more_than: int | None
    ) -> int:
        total = 0
        for c, lo, hi in candidates:
            at_least = int(c.starts.searchsorted(t0))
            total += hi - max(lo, min(at_least, hi))  # those starting in [t0, t1) all overlap
            if more_than is not None and total > more_than:
                return total
            if at_least > lo:
                total += int(np.count_nonzero(c.ends[lo:at_least] > t0))
        return total

    def count_starting(self, t0: float, t1: float) -> int:
        """How many of this lane's events start in ``[t0, t1)``."""
        lo, hi = self.starts.searchsorted((t0, t1)).tolist()
        return int(hi - lo)

    def starting_per_column(self, t0: float, width: float, columns: int) -> Density:
        """How many of this lane's events start in each of ``columns`` columns
        ``width`` seconds wide from ``t0`` (a density strip's pixels).

        Far out, read off :meth:`_grid` (cumulative counts on a grid at least
        :data:`GRID_FINER` times finer than a column: an event within an eighth
        of a column of its edge may be counted in the next one); nearer, with
        few events in view, each counted exactly. A frame of forty lanes of a
        million events costs no bisection per column.
        """
        if columns <= 0:
            return np.zeros(0, np.int32)
        t1 = t0 + width * columns
        grid = self._grid()
        if grid is not None and grid[1] * GRID_FINER <= width:
            origin, step, cumulative = grid
            at = np.rint((t0 + width * np.arange(columns + 1) - origin) / step)
            np.clip(at, 0, len(cumulative) - 1, out=at)
            read: Density = np.diff(cumulative[at.astype(np.intp)]).astype(np.int32)
            return read
        lo, hi = np.searchsorted(self.starts, (t0, t1), "left").tolist()
        if hi - lo <= columns * 4:  # few: each event's column, then a count per column
            starts = self.starts[lo:hi]
            column = ((starts - t0) / width).astype(np.intp)
            # As a bisection at each edge t0 + k * width would count one on an edge.
            column -= starts < t0 + width * column
            column += starts >= t0 + width * (column + 1)
            np.clip(column, 0, columns - 1, out=column)
            return np.bincount(column, minlength=columns).astype(np.int32)
        edges = t0 + width * np.arange(columns + 1)
        found: Density = np.diff(np.searchsorted(self.starts[lo:hi], edges)).astype(np.int32)
        return found

    def _grid(self) -> tuple[float, float, Counts] | None:
        """How many events start before each point of a regular grid over the
        lane's starts, about two events a cell (made the first time asked, in
        one pass); None for a lane too small to need it."""
        if self._cumulative is None:
            n = len(self.starts)
            first, last = (float(self.starts[0]), float(self.starts[-1])) if n else (0.0, 0.0)
            if n < GRID_LEAST or not last > first:
                self._cumulative = ()
            else:
                step = (last - first) / (2 * n)
                cells = ((self.starts - first) / step).astype(np.intp)
                counts = np.bincount(cells, minlength=int(cells[-1]) + 1)
                cumulative: Counts = np.zeros(
                    len(counts) + 1, np.int32 if n < 1 << 31 else np.int64
                )
                np.cumsum(counts, out=cumulative[1:])
                self._cumulative = (first, step, cumulative)
        return self._cumulative or None


class _Positions(Mapping[str, int]):
    """Position by event id, through the table's row by id."""

    def __init__(self, table: EventTable, position_of_row: Positions) -> None:
        self._table = table
        self._of_row = position_of_row

    def __getitem__(self, event_id: str) -> int:
        row = self._table.row_of(event_id)
        position = -1 if row is None else int(self._of_row[row])
        if position < 0:
            raise KeyError(event_id)
        return position

    def __contains__(self, event_id: object) -> bool:
        if not isinstance(event_id, str):
            return False
        row = self._table.row_of(event_id)
        return row is not None and self._of_row[row] >= 0

    def __iter__(self) -> Iterator[str]:
        ids = self._table.ids
        return (ids[int(row)] for row in np.flatnonzero(self._of_row >= 0))

    def __len__(self) -> int:
        return int(np.count_nonzero(self._of_row >= 0))


def _empty_table() -> EventTable:
    none = np.zeros(0, np.float64)
    codes = np.zeros(0, np.uint8)
    return EventTable([], [], none, none, codes, codes, codes, codes, [])


class EventIndex:
    """The events of one timeline in time order, with lanes (one per kind unless
    :meth:`with_lanes` gives others)."""

    def __init__(self, table: EventTable | None = None, order: Positions | None = None) -> None:
        table = _empty_table() if table is None else table
        self.table = table
        if order is None:
            order = np.lexsort((table.id_rank, table.after, table.first))
        # The table rows of the events, in time order (some of them, in a :meth:`subset`).
        self.order: Positions = order
        self.starts: Times = table.first[order]
        self.ends: Times = table.after[order]
        self._kinds = table.kind[order]
        # Real durations (start..end, not approximate), marked at their start.
        flags = table.flags[order]
        self.durations = (flags & CLOSED_END).astype(bool) & ~(flags & APPROXIMATE).astype(bool)
        position_of_row = np.full(len(table), -1, np.int64)
        position_of_row[order] = np.arange(len(order))
        # Each table row's position (-1: not in this index).
        self.position_of_row: Positions = position_of_row
        self.position: Mapping[str, int] = _Positions(table, position_of_row)
        self.events: Sequence[Event] = Group(table, order)
        self.lanes: list[Lane] = []
        for code, kind in enumerate(KINDS):  # in the order the kinds are declared
            members = np.flatnonzero(self._kinds == code)
            if len(members):
                starts, ends = self.starts[members], self.ends[members]
                self.lanes.append(Lane(kind.value, kind_plural(kind), members, starts, ends, kind))
        # Whether an event may stand in more than one lane.
        self.shared = False
        self._extent: tuple[float, float] | None = None

    def __len__(self) -> int:
        return len(self.order)

    def subset(self, keep: npt.NDArray[np.bool_]) -> EventIndex:
        """An index of the events whose table rows ``keep`` marks, in the same order
        (a filter: no sorting again)."""
        return EventIndex(self.table, self.order[keep[self.order]])

    def with_lanes(self, lanes: Iterable[LaneRows]) -> EventIndex:
        """The same index with ``lanes`` (each a key, a title and table rows), in
        that order; rows this index leaves out are left out, and so are lanes
        left empty. An event may stand in several of them."""
        made = copy.copy(self)
        made.lanes = []
        for lane in lanes:
            positions = self.position_of_row[lane.rows]
            positions = np.sort(positions[positions >= 0])
            if len(positions):
                starts, ends = self.starts[positions], self.ends[positions]
                made.lanes.append(Lane(lane.key, lane.title, positions, starts, ends))
        made.shared = True
        return made

    def lane(self, key: str) -> Lane | None:
        """The lane named ``key``, if it has events."""
        return next((lane for lane in self.lanes if lane.key == key), None)

    def lane_of(self, position: int) -> Lane | None:
        """The first lane the event at ``position`` stands in."""
        for lane in self.lanes:
            at = int(np.searchsorted(lane.positions, position))
            if at < len(lane.positions) and lane.positions[at] == position:
                return lane
        return None

    # -- what the painter and the hit test read, without making an Event -----

    def id_of(self, position: int) -> str:
        return self.table.ids[int(self.order[position])]

    def title(self, position: int) -> str:
        return self.table.title(int(self.order[position]))

    def kind(self, position: int) -> EventKind:
        return KINDS[int(self._kinds[position])]

    def happened(self, position: int) -> bool:
        return self.table.happened(int(self.order[position]))

    def open_end(self, position: int) -> bool:
        return self.table.open_end(int(self.order[position]))

    def approximate(self, position: int) -> bool:
        return self.table.approximate(int(self.order[position]))

    def closed_end(self, position: int) -> bool:
        return self.table.closed_end(int(self.order[position]))

    def extent(self) -> tuple[float, float] | None:
        """The first and the last instant any event may mean (worked out once: the
        scroll bars ask every frame)."""
        if not len(self):
            return None
        if self._extent is None:
            self._extent = float(self.starts[0]), float(self.ends.max())
        return self._extent

    def overlapping(self, t0: float, t1: float) -> list[int]:
        """Positions of all events overlapping ``[t0, t1)``, in time order."""
        found = [p for lane in self.lanes for p in lane.overlapping(t0, t1)]
        return sorted(set(found)) if self.shared else sorted(found)

    def first(self) -> str | None:
        return self.id_of(0) if len(self) else None

    def last(self) -> str | None:
        return self.id_of(len(self) - 1) if len(self) else None

    def step(self, event_id: str | None, offset: int) -> str | None:
        """The event ``offset`` places after ``event_id`` in time order, clamped.

        With no current event, stepping forward starts at the first event and
        stepping back at the last.
        """
        if not len(self):
            return None
        if event_id is None or event_id not in self.position:
            return self.first() if offset > 0 else self.last()
        target = min(max(self.position[event_id] + offset, 0), len(self) - 1)
        return self.id_of(target)


@kept
def event_index(timeline: Timeline) -> EventIndex:
    """The events of ``timeline`` in time order, with per-kind lanes: made when
    first asked (the loader asks on its thread), then kept."""
    return EventIndex(timeline.events)
