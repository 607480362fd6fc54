"""Lanes by any facet: which events stand in which lane when the timeline is laid
out by kind, actor, tag, timeline or place (View > Lanes by).

An event stands in the lane of each of its values: a call between two actors
is in both actors' lanes, an ACLED event with two tags in both tags'. An event
with no value of the facet stands in one last lane ("No actor", …), so every
event is somewhere. Lanes are sorted by count, by name or by their first
event. Qt-free: the layout and the command line's export use the same lanes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import msgspec
import numpy as np
import numpy.typing as npt

from viewer.domain.columns import KINDS
from viewer.domain.model import EventKind
from viewer.domain.names import kind_plural
from viewer.domain.text import one_line
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP, translate
from viewer.timeline.facets import facets_of
from viewer.timeline.filters import Mask, Rows
from viewer.timeline.index import EventIndex, event_index
from viewer.timeline.kept import kept
from viewer.timeline.lane_terms import LaneFacet, LaneOrder

__all__ = [
    "BY_KIND",
    "FacetLane",
    "LaneChoice",
    "LaneFacet",
    "LaneOrder",
    "arranged",
    "facet_lanes",
    "lanes_index",
    "sorted_lanes",
]


@dataclass(frozen=True, slots=True)
class LaneChoice:
    """The lanes a reader chose: by ``facet``, sorted by ``order`` (None: the
    facet's own), the lanes keyed in ``moved`` first in that order (where the
    reader dragged them), those in ``collapsed`` folded to a strip."""

    facet: LaneFacet = LaneFacet.KIND
    order: LaneOrder | None = None
    moved: tuple[str, ...] = ()
    collapsed: frozenset[str] = frozenset()

    def folding(self, key: str) -> LaneChoice:
        """The same lanes with ``key`` folded, or opened when it was folded."""
        return replace(self, collapsed=self.collapsed ^ {key})

    def moving(self, keys: Sequence[str], key: str, to: int) -> LaneChoice:
        """The same lanes, shown in the order ``keys``, with ``key`` put at place
        ``to`` (counted before it leaves its own place): the reader's drag.
        Itself when that changes nothing (or ``key`` is not among them)."""
        if key not in keys:
            return self
        order = list(keys)
        at = order.index(key)
        order.insert(to, key)
        del order[at + 1 if to <= at else at]
        return self if order == list(keys) else replace(self, moved=tuple(order))


# The lanes a timeline opens with: one per kind, none moved or folded.
BY_KIND = LaneChoice()


# The lane of the events without a value of the facet (there is none for kinds:
# every event has one; nor for timelines: every event belongs to one).
NO_VALUE: dict[LaneFacet, str] = {
    LaneFacet.ACTOR: QT_TRANSLATE_NOOP("lanes", "No actor"),
    LaneFacet.TAG: QT_TRANSLATE_NOOP("lanes", "No tag"),
    LaneFacet.PLACE: QT_TRANSLATE_NOOP("lanes", "No place"),
}
# The key of that lane: no value of a facet is empty.
NO_VALUE_KEY = ""


@dataclass(frozen=True, slots=True)
class FacetLane:
    """One lane: its value (``key``: a kind, an actor's or a timeline's id, a tag,
    a place; ``""`` for the events without one), its title as shown, and the
    table rows of its events, sorted, each once."""

    key: str
    title: str
    rows: Rows
    # Its first event's start (UTC seconds), for sorting by first event.
    first: float

    def __len__(self) -> int:
        return len(self.rows)


def facet_lanes(timeline: Timeline, facet: LaneFacet, mask: Mask | None = None) -> list[FacetLane]:
    """The lanes of ``timeline`` by ``facet``, with the events ``mask`` keeps (all
    with None), in the facet's own order (kinds as declared, actors, timelines
    and places as the file lists them, tags by name); lanes left empty by the
    mask are left out; the lane of events without a value comes last."""
    groups: list[tuple[str, str, Rows]]
    if facet is LaneFacet.KIND:
        codes = timeline.events.kind
        groups = [
            (kind.value, kind_plural(kind), np.flatnonzero(codes == code))
            for code, kind in enumerate(KINDS)
        ]
    elif facet is LaneFacet.TIMELINE:
        layer_codes = timeline.layer_codes
        groups = [
            (layer.id, layer.title, np.flatnonzero(layer_codes == code))
            for code, layer in enumerate(timeline.layers)
        ]
    elif facet is LaneFacet.ACTOR:
        per_actor = facets_of(timeline).actor_rows
        names = {actor.id: actor.name for actor in timeline.actors}
        ordered = [a.id for a in timeline.actors] + sorted(set(per_actor) - set(names))
        groups = [(a, names.get(a, a), per_actor[a]) for a in ordered if a in per_actor]
    else:
        values = _values_of(timeline)
        per_value = values.tags if facet is LaneFacet.TAG else values.places
        ordered = sorted(per_value, key=str.casefold) if facet is LaneFacet.TAG else list(per_value)
        groups = [(v, v, per_value[v]) for v in ordered]
    if facet in NO_VALUE:
        groups.append(
            (NO_VALUE_KEY, translate("lanes", NO_VALUE[facet]), _without(groups, timeline))
        )
    starts = timeline.events.first
    lanes = []
    for key, title, rows in groups:
        kept = rows if mask is None else rows[mask[rows]]
        if len(kept):
            # A name is shown as spaced as words are ("  Donald   Trump " is "Donald Trump").
            lanes.append(FacetLane(key, one_line(title), kept, float(starts[kept].min())))
    return lanes


def sorted_lanes(lanes: Iterable[FacetLane], order: LaneOrder) -> list[FacetLane]:
    """``lanes`` in ``order``; ties by name. The lane of events without a value
    stays last, whatever the order: it is not one of the facet's values."""
    by: dict[LaneOrder, Callable[[FacetLane], tuple[object, ...]]] = {
        LaneOrder.COUNT: lambda lane: (-len(lane), lane.title.casefold()),
        LaneOrder.NAME: lambda lane: (lane.title.casefold(),),
        LaneOrder.FIRST: lambda lane: (lane.first, lane.title.casefold()),
    }
    lanes = list(lanes)
    values = [lane for lane in lanes if lane.key != NO_VALUE_KEY]
    return sorted(values, key=by[order]) + [lane for lane in lanes if lane.key == NO_VALUE_KEY]


def arranged(lanes: Iterable[FacetLane], moved: Sequence[str]) -> list[FacetLane]:
    """``lanes`` with those keyed in ``moved`` first, in that order (where the
    reader dragged them), the others after them as they were."""
    lanes = list(lanes)
    place = {key: number for number, key in enumerate(moved)}
    first = sorted((lane for lane in lanes if lane.key in place), key=lambda la: place[la.key])
    return first + [lane for lane in lanes if lane.key not in place]


def lanes_index(
    timeline: Timeline,
    mask: Mask | None,
    facet: LaneFacet,
    order: LaneOrder | None = None,
    moved: Sequence[str] = (),
) -> EventIndex:
    """The index of ``timeline``'s events that ``mask`` keeps (all with None),
    with lanes by ``facet``, sorted by ``order`` (None: the facet's own) and
    then ``arranged`` as the reader moved them."""
    index = event_index(timeline) if mask is None else event_index(timeline).subset(mask)
    if facet is LaneFacet.KIND and order is None and not moved:
        return index  # the index's own lanes are these
    lanes = facet_lanes(timeline, facet, mask)
    if order is not None:
        lanes = sorted_lanes(lanes, order)
    index = index.with_lanes(arranged(lanes, moved))
    if facet is LaneFacet.KIND:
        for lane in index.lanes:
            lane.kind = EventKind(lane.key)
    return index


def _without(groups: list[tuple[str, str, Rows]], timeline: Timeline) -> Rows:
    """The table rows in none of ``groups``."""
    seen = np.zeros(len(timeline.events), np.bool_)
    for _key, _title, rows in groups:
        seen[rows] = True
    return np.flatnonzero(~seen)


class _Values(msgspec.Struct):
    tags: list[str] = msgspec.field(default_factory=list)
    places: list[str] = msgspec.field(default_factory=list)


_DECODE = msgspec.json.Decoder(list[_Values])


class EventValues:
    """Per tag and per place, the table rows of the events filed under it, in the
    order first met (sorted rows, each once)."""

    def __init__(self, timeline: Timeline) -> None:
        tags: dict[str, list[int]] = {}
        places: dict[str, list[int]] = {}
        for first, batch in timeline.events.spans():
            for row, event in enumerate(_DECODE.decode(batch), first):
                for tag in dict.fromkeys(event.tags):
                    tags.setdefault(tag, []).append(row)
                for place in dict.fromkeys(event.places):
                    places.setdefault(place, []).append(row)
        self.tags: dict[str, Rows] = {t: _rows(r) for t, r in tags.items()}
        self.places: dict[str, Rows] = {p: _rows(r) for p, r in places.items()}


def _rows(rows: list[int]) -> npt.NDArray[np.int64]:
    return np.array(rows, np.int64)


@kept
def _values_of(timeline: Timeline) -> EventValues:
    """Each timeline's tags and places, kept while the timeline lives."""
    return EventValues(timeline)
