"""Filters: which events a reader wants to see, and the mask of them (Qt-free).

A filter is chosen values per facet: kinds, statuses, actors (taking part,
quoted or claiming), claim verifications, the reader's tags, "has my notes"
and a date range. Within a facet any chosen value will do; across facets all
must hold. The window, the table, the quotes panel and ``timeline-viewer
export`` all show the same events: those :func:`event_mask` keeps.

What the columns do not hold (who takes part, what the claims' verification
is) is read once per timeline from its records:
:class:`~viewer.timeline.facets.Facets`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.domain.calendar import Day, day_of
from viewer.domain.columns import KINDS, STATUSES
from viewer.domain.dates import MAX_T, MIN_T, clamp_time
from viewer.domain.describe import day_range_words, day_words
from viewer.domain.model import EventKind, EventStatus, Reliability, Verification
from viewer.domain.names import kind_plural, reliability_name, status_name, verification_name
from viewer.domain.notes import Note, event_of
from viewer.domain.timeline import Timeline
from viewer.domain.words import translate
from viewer.timeline.facets import RELIABILITIES, VERIFICATIONS, facets_of

Mask = npt.NDArray[np.bool_]
Rows = npt.NDArray[np.int64]


def _date(moment: float) -> Day:
    return day_of(clamp_time(moment))


def _day(moment: float) -> str:
    return day_words(_date(moment))


# The facets of the chips that name days (an export's span names them already).
DATE_FACETS = frozenset({"start", "end", "dates"})


@dataclass(frozen=True, slots=True)
class Chip:
    """One chosen value of a filter, as the reader sees it and removes it."""

    facet: str
    value: str
    label: str


@dataclass(frozen=True)
class EventFilter:
    """What the reader chose to see. Empty facets do not filter."""

    kinds: frozenset[EventKind] = field(default_factory=frozenset)
    statuses: frozenset[EventStatus] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    verifications: frozenset[Verification] = field(default_factory=frozenset)
    # Events with a source (or a claim's source) graded one of these.
    reliabilities: frozenset[Reliability] = field(default_factory=frozenset)
    # Tags as the reader wrote them; compared without case.
    tags: frozenset[str] = field(default_factory=frozenset)
    has_notes: bool = False
    # Only the events new or changed since the reader last looked.
    changed: bool = False
    # Events that overlap ``[start, end)`` (UTC seconds); None: no bound.
    start: float | None = None
    end: float | None = None

    @property
    def empty(self) -> bool:
        return self == EventFilter()

    @property
    def uses_notes(self) -> bool:
        return bool(self.tags) or self.has_notes

    def holds(self, facet: str, value: str) -> bool:
        """Whether ``value`` of ``facet`` is chosen."""
        try:
            return _value(facet, value) in getattr(self, facet)
        except ValueError:
            return False

    def toggled(self, facet: str, value: str) -> EventFilter:
        """This filter with ``value`` of ``facet`` added, or taken away if it was there."""
        if facet == "has_notes":
            return replace(self, has_notes=not self.has_notes)
        if facet == "changed":
            return replace(self, changed=not self.changed)
        chosen: frozenset[Any] = getattr(self, facet)
        item = _value(facet, value)
        return self._with(facet, chosen - {item} if item in chosen else chosen | {item})

    def _with(self, facet: str, value: Any) -> EventFilter:
        changes: dict[str, Any] = {facet: value}
        return replace(self, **changes)

    def without(self, chip: Chip) -> EventFilter:
        """This filter without what ``chip`` shows."""
        if chip.facet == "dates":
            return replace(self, start=None, end=None)
        if chip.facet in ("start", "end"):
            return self._with(chip.facet, None)
        if chip.facet == "has_notes":
            return replace(self, has_notes=False)
        if chip.facet == "changed":
            return replace(self, changed=False)
        chosen: frozenset[Any] = getattr(self, chip.facet)
        return self._with(chip.facet, chosen - {_value(chip.facet, chip.value)})

    def chips(self, actor_names: Mapping[str, str]) -> list[Chip]:
        """The chosen values, in the order of the facets, each with its label."""
        chips = [
            Chip("kinds", k.value, translate("filters", "Kind: {}").format(kind_plural(k)))
            for k in _sorted(self.kinds)
        ]
        chips += [
            Chip("statuses", s.value, translate("filters", "Status: {}").format(status_name(s)))
            for s in _sorted(self.statuses)
        ]
        chips += [
            Chip("actors", a, translate("filters", "Actor: {}").format(actor_names.get(a, a)))
            for a in sorted(self.actors, key=lambda a: actor_names.get(a, a).casefold())
        ]
        chips += [
            Chip(
                "verifications",
                v.value,
                translate("filters", "Claim: {}").format(verification_name(v)),
            )
            for v in _sorted(self.verifications)
        ]
        chips += [
            Chip(
                "reliabilities",
                r.value,
                translate("filters", "Source reliability: {}").format(reliability_name(r)),
            )
            for r in _sorted(self.reliabilities)
        ]
        chips += [
            Chip("tags", t, translate("filters", "Tag: #{}").format(t))
            for t in sorted(self.tags, key=str.casefold)
        ]
        if self.has_notes:
            chips.append(Chip("has_notes", "", translate("filters", "Has my notes")))
        if self.changed:
            chip = translate("filters", "Changed since I last looked")
            chips.append(Chip("changed", "", chip))
        if self.start is not None and self.end is not None:
            # A range is one chip, its days as event dates read: "1–5 June 2025".
            days = day_range_words(_date(self.start), _date(self.end - 1))
            chips.append(Chip("dates", "", days))
        elif self.start is not None:
            chips.append(
                Chip("start", "", translate("filters", "From {}").format(_day(self.start)))
            )
        elif self.end is not None:
            chips.append(
                Chip("end", "", translate("filters", "Until {}").format(_day(self.end - 1)))
            )
        return chips

    def to_json(self) -> dict[str, Any]:
        """Plain data, for the settings (each timeline keeps its own)."""
        data: dict[str, Any] = {
            "kinds": sorted(k.value for k in self.kinds),
            "statuses": sorted(s.value for s in self.statuses),
            "actors": sorted(self.actors),
            "verifications": sorted(v.value for v in self.verifications),
            "reliabilities": sorted(r.value for r in self.reliabilities),
            "tags": sorted(self.tags),
            "has_notes": self.has_notes,
            "changed": self.changed,
            "start": self.start,
            "end": self.end,
        }
        return {key: value for key, value in data.items() if value not in ([], None, False)}

    @classmethod
    def from_json(cls, data: object) -> EventFilter:
        """The filter of :meth:`to_json`'s data; what is not understood is left out."""
        if not isinstance(data, dict):
            return cls()

        def values(facet: str) -> frozenset[Any]:
            items = data.get(facet)
            if not isinstance(items, list):
                return frozenset()
            found = set()
            for item in items:
                if isinstance(item, str) and item:
                    try:
                        found.add(_value(facet, item))
                    except ValueError:
                        continue
            return frozenset(found)

        def bound(name: str) -> float | None:
            value = data.get(name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                return None
            return float(value) if MIN_T <= value <= MAX_T + 1 else None

        return cls(
            kinds=values("kinds"),
            statuses=values("statuses"),
            actors=values("actors"),
            verifications=values("verifications"),
            reliabilities=values("reliabilities"),
            tags=values("tags"),
            has_notes=data.get("has_notes") is True,
            changed=data.get("changed") is True,
            start=bound("start"),
            end=bound("end"),
        )


def _value(facet: str, value: str) -> Any:
    if facet == "kinds":
        return EventKind(value)
    if facet == "statuses":
        return EventStatus(value)
    if facet == "verifications":
        return Verification(value)
    if facet == "reliabilities":
        return Reliability(value)
    return value


def _sorted(items: Iterable[Any]) -> list[Any]:
    """Enum members in their declared order."""
    members = list(items)
    if not members:
        return []
    declared: list[Any] = list(type(members[0]).__members__.values())
    return sorted(members, key=declared.index)


def event_mask(
    timeline: Timeline,
    chosen: EventFilter,
    notes: Sequence[Note] = (),
    changed: Iterable[str] = (),
) -> Mask:
    """Which events (by table row) ``chosen`` keeps; ``changed``: the ids of the
    events new or changed since the reader last looked."""
    table = timeline.events
    keep = np.ones(len(table), np.bool_)
    if chosen.kinds:
        keep &= np.isin(table.kind, [KINDS.index(k) for k in chosen.kinds])
    if chosen.statuses:
        keep &= np.isin(table.status, [STATUSES.index(s) for s in chosen.statuses])
    if chosen.start is not None:
        keep &= table.after > chosen.start
    if chosen.end is not None:
        keep &= table.first < chosen.end
    if chosen.actors or chosen.verifications or chosen.reliabilities:
        facets = facets_of(timeline)
        if chosen.actors:
            acting = np.zeros(len(table), np.bool_)
            for actor in chosen.actors:
                acting[facets.actor_rows.get(actor, np.zeros(0, np.int64))] = True
            keep &= acting
        if chosen.verifications:
            bits = sum(1 << VERIFICATIONS.index(v) for v in chosen.verifications)
            keep &= (facets.verifications & bits) != 0
        if chosen.reliabilities:
            bits = sum(1 << RELIABILITIES.index(r) for r in chosen.reliabilities)
            keep &= (facets.reliabilities & bits) != 0
    if chosen.changed:
        rows = table.rows_of(list(changed))
        kept_changed = np.zeros(len(table), np.bool_)
        kept_changed[rows[rows >= 0]] = True
        keep &= kept_changed
    if chosen.uses_notes:
        tags = {tag.casefold() for tag in chosen.tags}
        noted = np.zeros(len(table), np.bool_)
        tagged = np.zeros(len(table), np.bool_)
        for note in notes:
            event_id = event_of(timeline, note.target)
            row = table.row_of(event_id) if event_id is not None else None
            if row is None:
                continue
            noted[row] = True
            if tags & {tag.casefold() for tag in note.tags}:
                tagged[row] = True
        if chosen.has_notes:
            keep &= noted
        if chosen.tags:
            keep &= tagged
    return keep


def layers_mask(timeline: Timeline, hidden: Iterable[str]) -> Mask:
    """Which events (by table row) belong to the timelines shown together that are
    not ``hidden`` (by their ids)."""
    gone = set(hidden)
    shown = np.array([layer.id not in gone for layer in timeline.layers], np.bool_)
    kept: Mask = shown[timeline.layer_codes]
    return kept


def find_actor(timeline: Timeline, text: str) -> str | None:
    """The id of the actor named ``text`` (an id, or a name in any case), or None."""
    if text in timeline.actors_by_id:
        return text
    wanted = text.casefold()
    return next((a.id for a in timeline.actors if a.name.casefold() == wanted), None)
