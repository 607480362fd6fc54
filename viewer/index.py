"""A sorted, columnar view of a timeline's events, for drawing and hit-testing.

Qt-free. Events are ordered by their earliest instant (then latest, then id);
per-kind lanes keep their own sorted start columns so the widget can ask
"which events of this lane overlap [t0, t1)?" with two bisections instead of
a scan, whatever the number of events.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from viewer.domain.model import Event, EventKind
from viewer.perf import paused_gc


@dataclass(slots=True)
class Lane:
    """One kind's events, in time order: positions into the index and their times."""

    kind: EventKind
    positions: array[int] = field(default_factory=lambda: array("q"))
    starts: array[float] = field(default_factory=lambda: array("d"))
    max_span: float = 0.0

    def overlapping(self, t0: float, t1: float, ends: Sequence[float]) -> list[int]:
        """Positions of this lane's events that overlap ``[t0, t1)``."""
        lo = bisect_left(self.starts, t0 - self.max_span)
        hi = bisect_left(self.starts, t1)
        positions = self.positions
        return [positions[i] for i in range(lo, hi) if ends[positions[i]] > t0]

    def count_starting(self, t0: float, t1: float) -> int:
        """How many of this lane's events start in ``[t0, t1)``."""
        return bisect_left(self.starts, t1) - bisect_left(self.starts, t0)


class EventIndex:
    """The events of one timeline in time order, with per-kind lanes."""

    def __init__(self, events: Sequence[Event]) -> None:
        with paused_gc():
            self._build(events)

    def _build(self, events: Sequence[Event]) -> None:
        keyed = sorted(
            ((e.date.earliest.timestamp(), e.date.latest.timestamp(), e.id, e) for e in events),
            key=lambda row: (row[0], row[1], row[2]),
        )
        self.events: list[Event] = [row[3] for row in keyed]
        self.starts = array("d", (row[0] for row in keyed))
        self.ends = array("d", (row[1] for row in keyed))
        self.position: dict[str, int] = {event.id: i for i, event in enumerate(self.events)}
        lanes: dict[EventKind, Lane] = {}
        for i, event in enumerate(self.events):
            lane = lanes.get(event.kind)
            if lane is None:
                lane = lanes[event.kind] = Lane(event.kind)
            lane.positions.append(i)
            lane.starts.append(self.starts[i])
            lane.max_span = max(lane.max_span, self.ends[i] - self.starts[i])
        # Lanes in the order the kinds are declared, so the layout is stable.
        self.lanes: list[Lane] = [lanes[kind] for kind in EventKind if kind in lanes]

    def __len__(self) -> int:
        return len(self.events)

    def extent(self) -> tuple[float, float] | None:
        """The first and the last instant any event may mean."""
        if not self.events:
            return None
        return self.starts[0], max(self.ends)

    def overlapping(self, t0: float, t1: float) -> list[int]:
        """Positions of all events overlapping ``[t0, t1)``, in time order."""
        found = [p for lane in self.lanes for p in lane.overlapping(t0, t1, self.ends)]
        found.sort()
        return found

    def first(self) -> str | None:
        return self.events[0].id if self.events else None

    def last(self) -> str | None:
        return self.events[-1].id if self.events else None

    def step(self, event_id: str | None, offset: int) -> str | None:
        """The event ``offset`` places after ``event_id`` in time order, clamped.

        With no current event, stepping forward starts at the first event and
        stepping back at the last.
        """
        if not self.events:
            return None
        if event_id is None or event_id not in self.position:
            return self.first() if offset > 0 else self.last()
        target = min(max(self.position[event_id] + offset, 0), len(self.events) - 1)
        return self.events[target].id
