"""Several timelines shown as one: the bundled report with an ACLED import over it (Qt-free).

The first timeline keeps its ids. Every other one is a :class:`Part` whose
event and quote ids are put behind a prefix, its timeline id and a colon
(``acled-ukraine:UKR12345``), so two timelines that both have an ``e1`` never
mix. Its actors and sources keep their ids when the timelines before it have
none by that id or the very same one (then they are one actor: the quotes
panel shows both timelines' quotes under it); one that differs gets the prefix
too, so a quote is never given to another timeline's speaker.

:func:`stack` puts the parts one after another into one
:class:`~viewer.domain.timeline.Timeline`: everything that reads a timeline
(the index, search, filters, the table, the details) reads all of them. Each
part keeps its record batches as they were (no record is copied), and the
stacked timeline says which rows are whose in :attr:`Timeline.layers`. The
reader's notes stay with each timeline (under its own id, with its own ids):
:meth:`Layer.outer` and :meth:`Layer.inner` translate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import msgspec
import numpy as np

from viewer.domain.columns import EventTable, Records, Rows, Strings
from viewer.domain.model import MAX_ID, Actor, Quote, Source
from viewer.domain.timeline import Layer, Timeline
from viewer.domain.words import translate

__all__ = [
    "CannotAdd",
    "Layer",
    "Part",
    "choose_prefix",
    "part_beside",
    "rebased",
    "restacked",
    "shown_together",
    "stack",
]


class _QuoteRefs(msgspec.Struct):
    id: str
    speaker: str
    event: str


_QUOTE_REFS = msgspec.json.Decoder(list[_QuoteRefs])
_ENCODE = msgspec.json.Encoder()


@dataclass(slots=True)
class Part:
    """One timeline as a share of a stacked one: its ids as the stacked one names them.

    ``own_actors`` and ``own_sources`` are its file's; ``actor_ids`` and
    ``source_ids`` say which of their ids are shown otherwise (behind its
    prefix), so a part can be renamed again (:func:`rebased`) when what is
    shown before it changes, without its file.
    """

    layer: Layer
    header: dict[str, Any]
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    own_sources: tuple[Source, ...]
    own_actors: tuple[Actor, ...]
    actor_ids: dict[str, str]
    source_ids: dict[str, str]
    #: The events' columns (as :class:`EventTable` names them) and titles: not
    #: the table itself, whose records an added timeline's part replaces.
    columns: dict[str, Any]
    titles: Strings
    ids: Strings
    batches: list[bytes]
    starts: Rows
    quote_ids: list[str]
    quote_events: list[str]
    quote_speakers: list[str]
    quote_batches: list[bytes]
    quote_starts: Rows

    @classmethod
    def of(cls, timeline: Timeline) -> Part:
        """A timeline as it is (the first shown, or one before :func:`rebased`)."""
        refs = [r for batch in timeline.quotes.batches for r in _QUOTE_REFS.decode(batch)]
        return cls(
            layer=_layer(timeline, ""),
            header=_header(timeline),
            sources=timeline.sources,
            actors=timeline.actors,
            own_sources=timeline.sources,
            own_actors=timeline.actors,
            actor_ids={},
            source_ids={},
            columns=_columns(timeline.events),
            titles=timeline.events.titles,
            ids=timeline.events.ids,
            batches=list(timeline.events.batches),
            starts=timeline.events.batch_starts,
            quote_ids=[r.id for r in refs],
            quote_events=[r.event for r in refs],
            quote_speakers=[r.speaker for r in refs],
            quote_batches=list(timeline.quotes.batches),
            quote_starts=timeline.quotes.batch_starts,
        )

    @property
    def longest_id(self) -> int:
        """The length of its longest own id (events, quotes, actors, sources)."""
        cut = len(self.layer.prefix)
        lengths = [self.ids.longest - cut, *(len(i) - cut for i in self.quote_ids)]
        lengths += [len(actor.id) for actor in self.own_actors]
        lengths += [len(source.id) for source in self.own_sources]
        return max(lengths, default=0)


class CannotAdd(ValueError):
    """A timeline that cannot be shown beside the open one (said in the message)."""


def rebased(part: Part, before: Sequence[Part], prefix: str | None = None) -> Part:
    """``part`` shown after ``before``: behind ``prefix`` (else its own, else a new
    one) if no id shown before begins with it, with the actors and sources that
    ``before`` holds otherwise behind it too. The part itself when nothing changes;
    raises :class:`CannotAdd` when it cannot be shown after them."""
    layer = part.layer
    if any(other.layer.id == layer.id for other in before):
        raise CannotAdd(
            translate("layers", "A timeline with the id {0} is shown already.").format(layer.id)
        )
    wanted = prefix if prefix is not None else layer.prefix
    if (
        not wanted
        or len(wanted) + part.longest_id > MAX_ID  # its ids grew since
        or _owns(part, wanted)
        or any(_begins(other, wanted) for other in before)
    ):
        wanted = choose_prefix(layer.id, part.longest_id, before, part)
    actor_ids = _renames(part.own_actors, [(o.actors, o.actor_ids) for o in before], wanted)
    source_ids = _renames(part.own_sources, [(o.sources, o.source_ids) for o in before], wanted)
    if (wanted, actor_ids, source_ids) == (layer.prefix, part.actor_ids, part.source_ids):
        return part
    return _renamed(part, wanted, actor_ids, source_ids)


def _renamed(
    part: Part, prefix: str, actor_ids: dict[str, str], source_ids: dict[str, str]
) -> Part:
    """``part`` with its event and quote ids behind ``prefix`` and its actors' and
    sources' ids as ``actor_ids`` and ``source_ids`` say: every record rewritten."""
    cut = len(part.layer.prefix)
    actors_back = {shown: own for own, shown in part.actor_ids.items()}
    sources_back = {shown: own for own, shown in part.source_ids.items()}

    def item(shown: str) -> str:
        return prefix + shown[cut:]

    def actor(shown: str) -> str:
        own = actors_back.get(shown, shown)
        return actor_ids.get(own, own)

    def source(shown: str) -> str:
        own = sources_back.get(shown, shown)
        return source_ids.get(own, own)

    batches = []
    for batch in part.batches:
        records = msgspec.json.decode(batch)
        for record in records:
            _rename_event(record, item, actor, source)
        batches.append(_ENCODE.encode(records))
    quote_batches, quote_ids, quote_events, quote_speakers = [], [], [], []
    for batch in part.quote_batches:
        records = msgspec.json.decode(batch)
        for record in records:
            record["id"] = item(record["id"])
            record["event"] = item(record["event"])
            record["speaker"] = actor(record["speaker"])
            if record.get("source") is not None:
                record["source"] = source(record["source"])
            quote_ids.append(record["id"])
            quote_events.append(record["event"])
            quote_speakers.append(record["speaker"])
        quote_batches.append(_ENCODE.encode(records))
    own = part.ids if not cut else Strings([i[cut:] for i in part.ids])
    return Part(
        layer=replace(part.layer, prefix=prefix),
        header=part.header,
        sources=tuple(_with_id(s, source_ids) for s in part.own_sources),
        actors=tuple(_with_id(a, actor_ids) for a in part.own_actors),
        own_sources=part.own_sources,
        own_actors=part.own_actors,
        actor_ids=actor_ids,
        source_ids=source_ids,
        columns=part.columns,
        titles=part.titles,
        ids=own.prefixed(prefix),
        batches=batches,
        starts=part.starts,
        quote_ids=quote_ids,
        quote_events=quote_events,
        quote_speakers=quote_speakers,
        quote_batches=quote_batches,
        quote_starts=part.quote_starts,
    )


def choose_prefix(
    layer_id: str, longest: int, parts: Sequence[Part], own: Part | None = None
) -> str:
    """The prefix for the timeline ``layer_id`` (whose longest id has ``longest``
    characters) shown after ``parts``: its id and a colon, unless an id shown
    already begins so, or one of its own actors' or sources' (``own``: renamed,
    one would meet the other), then ``id.2:``, ``id.3:``, …. One whose ids would
    grow too long behind it gets a short one (``t`` and 8 hex digits)."""
    stem = layer_id
    if len(stem) + 4 + longest > MAX_ID:
        stem = "t" + hashlib.sha1(layer_id.encode()).hexdigest()[:8]
        if len(stem) + 4 + longest > MAX_ID:
            raise CannotAdd(
                translate(
                    "layers", "Its ids are too long to be told apart from the open timeline's."
                )
            )
    number = 1
    while True:
        prefix = f"{stem}:" if number == 1 else f"{stem}.{number}:"
        if not any(_begins(part, prefix) for part in parts) and not (
            own is not None and _owns(own, prefix)
        ):
            return prefix
        number += 1


def _owns(part: Part, prefix: str) -> bool:
    """Whether one of the part's own actors' or sources' ids begins with ``prefix``."""
    return any(a.id.startswith(prefix) for a in part.own_actors) or any(
        s.id.startswith(prefix) for s in part.own_sources
    )


def _begins(part: Part, prefix: str) -> bool:
    """Whether ``prefix`` is the part's or begins one of its shown ids (events,
    quotes, actors, sources)."""
    if part.layer.prefix == prefix:
        return True
    if prefix in part.ids.joined and any(i.startswith(prefix) for i in part.ids):
        return True
    others = (*part.quote_ids, *(a.id for a in part.actors), *(s.id for s in part.sources))
    return any(i.startswith(prefix) for i in others)


def stack(parts: Sequence[Part]) -> Timeline:
    """One timeline of ``parts`` (the first as it is), in their order."""
    header = dict(parts[0].header)
    header["eras"] = tuple(era for part in parts for era in part.header.get("eras", ()))
    actors = _first_of_each(a for part in parts for a in part.actors)
    sources = _first_of_each(s for part in parts for s in part.sources)
    event_at = np.cumsum([0, *(len(part.ids) for part in parts)])
    quote_at = np.cumsum([0, *(len(part.quote_ids) for part in parts)])
    layers = tuple(
        Layer(
            part.layer.id,
            part.layer.title,
            part.layer.language,
            part.layer.prefix,
            range(int(event_at[n]), int(event_at[n + 1])),
            range(int(quote_at[n]), int(quote_at[n + 1])),
        )
        for n, part in enumerate(parts)
    )

    def joined(column: str) -> Any:
        return np.concatenate([part.columns[column] for part in parts])

    events = EventTable(
        Strings.concat([part.ids for part in parts]),
        Strings.concat([part.titles for part in parts]),
        joined("first"),
        joined("after"),
        joined("kind"),
        joined("status"),
        joined("precision"),
        joined("flags"),
        [batch for part in parts for batch in part.batches],
        starts=np.concatenate(
            [part.starts + at for part, at in zip(parts, event_at, strict=False)]
        ).astype(np.int64),
    )
    quotes: Records[Quote] = Records(
        Quote,
        [i for part in parts for i in part.quote_ids],
        [batch for part in parts for batch in part.quote_batches],
        starts=np.concatenate(
            [part.quote_starts + at for part, at in zip(parts, quote_at, strict=False)]
        ).astype(np.int64),
    )
    return Timeline(
        header,
        actors=actors,
        sources=sources,
        events=events,
        quotes=quotes,
        quote_events=[e for part in parts for e in part.quote_events],
        quote_speakers=[s for part in parts for s in part.quote_speakers],
        layers=layers,
    )


_COLUMNS = ("first", "after", "kind", "status", "precision", "flags")


def _columns(events: EventTable) -> dict[str, Any]:
    return {name: getattr(events, name) for name in _COLUMNS}


def _layer(timeline: Timeline, prefix: str) -> Layer:
    return Layer(timeline.id, timeline.title, timeline.language, prefix, range(0), range(0))


def _header(timeline: Timeline) -> dict[str, Any]:
    return {
        "schema_version": timeline.schema_version,
        "id": timeline.id,
        "title": timeline.title,
        "language": timeline.language,
        "description": timeline.description,
        "eras": timeline.eras,
    }


def _renames(
    items: Sequence[Any], before: Sequence[tuple[Sequence[Any], Mapping[str, str]]], prefix: str
) -> dict[str, str]:
    """The ids of ``items`` (actors or sources) that must change: those the parts
    ``before`` (each one's shown items and which it renamed) hold for something
    else. One that an added part before holds, renamed, as the very same is that one."""
    shown = {item.id: item for items_before, _renamed in before for item in items_before}
    same_elsewhere: dict[str, list[Any]] = {}
    for _items, renamed in before:
        for own, shown_id in renamed.items():
            same_elsewhere.setdefault(own, []).append(shown[shown_id])
    ids = {}
    for item in items:
        there = shown.get(item.id)
        if there is None or there == item:
            continue
        twins = same_elsewhere.get(item.id, ())
        twin = next((o for o in twins if o == item.model_copy(update={"id": o.id})), None)
        ids[item.id] = twin.id if twin is not None else prefix + item.id
    return ids


def _with_id(item: Any, new_ids: Mapping[str, str]) -> Any:
    new = new_ids.get(item.id)
    return item if new is None else item.model_copy(update={"id": new})


def _first_of_each(items: Any) -> tuple[Any, ...]:
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return tuple(seen.values())


def _rename_event(record: dict[str, Any], item: Any, actor: Any, source: Any) -> None:
    record["id"] = item(record["id"])
    if "related" in record:
        record["related"] = [item(r) for r in record["related"]]
    if "participants" in record:
        record["participants"] = [actor(a) for a in record["participants"]]
    if "sources" in record:
        record["sources"] = [source(s) for s in record["sources"]]
    for claim in record.get("claims", ()):
        claim["by"] = actor(claim["by"])
        if claim.get("via") is not None:
            claim["via"] = actor(claim["via"])
        if claim.get("source") is not None:
            claim["source"] = source(claim["source"])


def part_beside(timeline: Timeline, parts: Sequence[Part], replaces: Part | None = None) -> Part:
    """``timeline`` as a part after ``parts`` (in place of ``replaces``, a changed
    file, whose prefix it keeps while that is still free)."""
    others = [p for p in parts if replaces is None or p.layer.id != replaces.layer.id]
    prefix = replaces.layer.prefix if replaces is not None else None
    return rebased(Part.of(timeline), others, prefix)


def restacked(parts: Sequence[Part]) -> tuple[list[Part], list[tuple[Part, str]]]:
    """``parts`` after the first one changed (a reload) or one was taken away: each
    one after the first renamed again where what is shown before it asks for it.
    Returns the parts kept, and those that can no longer be shown, with why."""
    kept = [parts[0]]
    dropped = []
    for part in parts[1:]:
        try:
            kept.append(rebased(part, kept))
        except CannotAdd as err:
            dropped.append((part, str(err)))
    return kept, dropped


def shown_together(timelines: Sequence[Timeline]) -> Timeline:
    """``timelines`` as one, the first as it is: what File > Add Timeline… shows."""
    parts = [Part.of(timelines[0])]
    for timeline in timelines[1:]:
        parts.append(part_beside(timeline, parts))
    return stack(parts)
