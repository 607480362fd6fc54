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
from dataclasses import dataclass
from typing import Any

import msgspec
import numpy as np

from viewer.domain.columns import EventTable, Records, Rows, Strings
from viewer.domain.model import MAX_ID, Actor, Quote, Source
from viewer.domain.timeline import Layer, Timeline
from viewer.domain.words import translate

__all__ = ["CannotAdd", "Layer", "Part", "choose_prefix", "part_beside", "shown_together", "stack"]


class _QuoteRefs(msgspec.Struct):
    id: str
    speaker: str
    event: str


_QUOTE_REFS = msgspec.json.Decoder(list[_QuoteRefs])
_ENCODE = msgspec.json.Encoder()


@dataclass(slots=True)
class Part:
    """One timeline as a share of a stacked one: its ids as the stacked one names them."""

    layer: Layer
    header: dict[str, Any]
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
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
        """The first timeline: everything as it is."""
        refs = [r for batch in timeline.quotes.batches for r in _QUOTE_REFS.decode(batch)]
        return cls(
            layer=_layer(timeline, ""),
            header=_header(timeline),
            sources=timeline.sources,
            actors=timeline.actors,
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

    @classmethod
    def renamed(
        cls,
        timeline: Timeline,
        prefix: str,
        actors: Mapping[str, Actor],
        sources: Mapping[str, Source],
    ) -> Part:
        """``timeline`` behind ``prefix``, beside the ``actors`` and ``sources`` of
        the parts before it (by id): see the module's docstring."""
        actor_ids = _renames(timeline.actors, actors, prefix)
        source_ids = _renames(timeline.sources, sources, prefix)

        def actor(item: str) -> str:
            return actor_ids.get(item, item)

        def source(item: str) -> str:
            return source_ids.get(item, item)

        batches = []
        for batch in timeline.events.batches:
            records = msgspec.json.decode(batch)
            for record in records:
                _rename_event(record, prefix, actor, source)
            batches.append(_ENCODE.encode(records))
        quote_batches, quote_ids, quote_events, quote_speakers = [], [], [], []
        for batch in timeline.quotes.batches:
            records = msgspec.json.decode(batch)
            for record in records:
                record["id"] = prefix + record["id"]
                record["event"] = prefix + record["event"]
                record["speaker"] = actor(record["speaker"])
                if record.get("source") is not None:
                    record["source"] = source(record["source"])
                quote_ids.append(record["id"])
                quote_events.append(record["event"])
                quote_speakers.append(record["speaker"])
            quote_batches.append(_ENCODE.encode(records))
        return cls(
            layer=_layer(timeline, prefix),
            header=_header(timeline),
            sources=tuple(_with_id(s, source_ids) for s in timeline.sources),
            actors=tuple(_with_id(a, actor_ids) for a in timeline.actors),
            columns=_columns(timeline.events),
            titles=timeline.events.titles,
            ids=timeline.events.ids.prefixed(prefix),
            batches=batches,
            starts=timeline.events.batch_starts,
            quote_ids=quote_ids,
            quote_events=quote_events,
            quote_speakers=quote_speakers,
            quote_batches=quote_batches,
            quote_starts=timeline.quotes.batch_starts,
        )


class CannotAdd(ValueError):
    """A timeline that cannot be shown beside the open one (said in the message)."""


def choose_prefix(timeline: Timeline, parts: Sequence[Part]) -> str:
    """The prefix for ``timeline`` added to ``parts``: its id and a colon, unless an
    id shown already begins so (then ``id.2:``, ``id.3:``, …). A timeline whose ids
    would grow too long behind it gets a short one (``t`` and 8 hex digits)."""
    if any(part.layer.id == timeline.id for part in parts):
        raise CannotAdd(
            translate("layers", "A timeline with the id {0} is shown already.").format(timeline.id)
        )
    longest = _longest_id(timeline)
    stem = timeline.id
    if len(stem) + 4 + longest > MAX_ID:
        stem = "t" + hashlib.sha1(timeline.id.encode()).hexdigest()[:8]
        if len(stem) + 4 + longest > MAX_ID:
            raise CannotAdd(
                translate(
                    "layers", "Its ids are too long to be told apart from the open timeline's."
                )
            )
    number = 1
    while True:
        prefix = f"{stem}:" if number == 1 else f"{stem}.{number}:"
        if not any(_begins(part, prefix) for part in parts):
            return prefix
        number += 1


def _begins(part: Part, prefix: str) -> bool:
    """Whether ``prefix`` is the part's or begins one of its ids."""
    if part.layer.prefix == prefix:
        return True
    return prefix in part.ids.joined and any(i.startswith(prefix) for i in part.ids)


def _longest_id(timeline: Timeline) -> int:
    lengths = [timeline.events.ids.longest, timeline.quotes.ids.longest]
    lengths += [len(actor.id) for actor in timeline.actors]
    lengths += [len(source.id) for source in timeline.sources]
    return max(lengths, default=0)


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


def _renames(items: Sequence[Any], taken: Mapping[str, Any], prefix: str) -> dict[str, str]:
    """The ids that must change: those the parts before hold for something else."""
    return {
        item.id: prefix + item.id for item in items if item.id in taken and taken[item.id] != item
    }


def _with_id(item: Any, new_ids: Mapping[str, str]) -> Any:
    new = new_ids.get(item.id)
    return item if new is None else item.model_copy(update={"id": new})


def _first_of_each(items: Any) -> tuple[Any, ...]:
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return tuple(seen.values())


def _rename_event(record: dict[str, Any], prefix: str, actor: Any, source: Any) -> None:
    record["id"] = prefix + record["id"]
    if "related" in record:
        record["related"] = [prefix + r for r in record["related"]]
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
    file, whose prefix it keeps while its id is the same)."""
    others = [p for p in parts if replaces is None or p.layer.id != replaces.layer.id]
    if replaces is not None and timeline.id == replaces.layer.id:
        prefix = replaces.layer.prefix
    else:
        prefix = choose_prefix(timeline, others)
    shown = stack(others)
    return Part.renamed(timeline, prefix, shown.actors_by_id, shown.sources_by_id)


def shown_together(timelines: Sequence[Timeline]) -> Timeline:
    """``timelines`` as one, the first as it is: what File > Add Timeline… shows."""
    parts = [Part.of(timelines[0])]
    for timeline in timelines[1:]:
        parts.append(part_beside(timeline, parts))
    return stack(parts)
