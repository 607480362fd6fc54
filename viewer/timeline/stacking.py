"""Several timelines shown as one: the bundled report with an ACLED import over it (Qt-free).

Each timeline shown is a layer. The first keeps its ids. Every other one's
event and quote ids are put behind a prefix, its timeline id and a colon
(``acled-ukraine:UKR12345``), so two timelines that both have an ``e1`` never
mix. Its actors and sources keep their ids when the timelines before it have
none by that id or the very same one (then they are one actor: the quotes
panel shows both timelines' quotes under it); one that differs gets the prefix
too, so a quote is never given to another timeline's speaker.

:func:`stack` puts the layers (each a :class:`LayerData`) one after another into one
:class:`~viewer.domain.timeline.Timeline`: everything that reads a timeline
(the index, search, filters, the table, the details) reads all of them. Each
layer keeps its record batches as they were (no record is copied), and the
stacked timeline says which rows are whose in :attr:`Timeline.layers` (each a
:class:`~viewer.domain.timeline.Layer`). The reader's notes stay with each
timeline (under its own id, with its own ids): :meth:`Layer.outer` and
:meth:`Layer.inner` translate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import msgspec
import numpy as np

from viewer.domain.columns import EventTable
from viewer.domain.model import MAX_ID, Actor, Quote, Source
from viewer.domain.records import Records, Rows, Strings
from viewer.domain.timeline import Layer, Timeline
from viewer.domain.words import translate

__all__ = [
    "CannotAdd",
    "LayerData",
    "choose_prefix",
    "layer_beside",
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
class LayerData:
    """One layer with its data: its ids and records as the stacked timeline names them.

    ``own_actors`` and ``own_sources`` are its file's; ``actor_ids`` and
    ``source_ids`` say which of their ids are shown otherwise (behind its
    prefix), so a layer can be renamed again (:func:`rebased`) when what is
    shown before it changes, without its file.
    """

    id: str
    title: str
    language: str
    # Put before its event and quote ids ("" for the first timeline).
    prefix: str
    header: dict[str, Any]
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    own_sources: tuple[Source, ...]
    own_actors: tuple[Actor, ...]
    actor_ids: dict[str, str]
    source_ids: dict[str, str]
    # The events' columns (as :class:`EventTable` names them) and titles: not
    # the table itself, whose records an added timeline's layer replaces.
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
    def of(cls, timeline: Timeline) -> LayerData:
        """A timeline as it is (the first shown, or one before :func:`rebased`)."""
        refs = [r for batch in timeline.quotes.batches for r in _QUOTE_REFS.decode(batch)]
        return cls(
            id=timeline.id,
            title=timeline.title,
            language=timeline.language,
            prefix="",
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
        cut = len(self.prefix)
        lengths = [self.ids.longest - cut, *(len(i) - cut for i in self.quote_ids)]
        lengths += [len(actor.id) for actor in self.own_actors]
        lengths += [len(source.id) for source in self.own_sources]
        return max(lengths, default=0)


class CannotAdd(ValueError):
    """A timeline that cannot be shown beside the open one (said in the message)."""


def rebased(layer: LayerData, before: Sequence[LayerData], prefix: str | None = None) -> LayerData:
    """``layer`` shown after ``before``: behind ``prefix`` (else its own, else a new
    one) if no id shown before begins with it, with the actors and sources that
    ``before`` holds otherwise behind it too. The layer itself when nothing changes;
    raises :class:`CannotAdd` when it cannot be shown after them."""
    if any(other.id == layer.id for other in before):
        raise CannotAdd(
            translate("layers", "A timeline with the id {0} is shown already.").format(layer.id)
        )
    wanted = prefix if prefix is not None else layer.prefix
    if (
        not wanted
        or len(wanted) + layer.longest_id > MAX_ID  # its ids grew since
        or _owns(layer, wanted)
        or any(_begins(other, wanted) for other in before)
    ):
        wanted = choose_prefix(layer.id, layer.longest_id, before, layer)
    actor_ids = _renames(layer.own_actors, [(o.actors, o.actor_ids) for o in before], wanted)
    source_ids = _renames(layer.own_sources, [(o.sources, o.source_ids) for o in before], wanted)
    if (wanted, actor_ids, source_ids) == (layer.prefix, layer.actor_ids, layer.source_ids):
        return layer
    return _renamed(layer, wanted, actor_ids, source_ids)


def _renamed(
    layer: LayerData, prefix: str, actor_ids: dict[str, str], source_ids: dict[str, str]
) -> LayerData:
    """``layer`` with its event and quote ids behind ``prefix`` and its actors' and
    sources' ids as ``actor_ids`` and ``source_ids`` say: every record rewritten."""
    cut = len(layer.prefix)
    actors_back = {shown: own for own, shown in layer.actor_ids.items()}
    sources_back = {shown: own for own, shown in layer.source_ids.items()}

    def item(shown: str) -> str:
        return prefix + shown[cut:]

    def actor(shown: str) -> str:
        own = actors_back.get(shown, shown)
        return actor_ids.get(own, own)

    def source(shown: str) -> str:
        own = sources_back.get(shown, shown)
        return source_ids.get(own, own)

    batches = []
    for batch in layer.batches:
        records = msgspec.json.decode(batch)
        for record in records:
            _rename_event(record, item, actor, source)
        batches.append(_ENCODE.encode(records))
    quote_batches, quote_ids, quote_events, quote_speakers = [], [], [], []
    for batch in layer.quote_batches:
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
    own = layer.ids if not cut else Strings([i[cut:] for i in layer.ids])
    return LayerData(
        id=layer.id,
        title=layer.title,
        language=layer.language,
        prefix=prefix,
        header=layer.header,
        sources=tuple(_source_renamed(s, source_ids) for s in layer.own_sources),
        actors=tuple(_with_id(a, actor_ids) for a in layer.own_actors),
        own_sources=layer.own_sources,
        own_actors=layer.own_actors,
        actor_ids=actor_ids,
        source_ids=source_ids,
        columns=layer.columns,
        titles=layer.titles,
        ids=own.prefixed(prefix),
        batches=batches,
        starts=layer.starts,
        quote_ids=quote_ids,
        quote_events=quote_events,
        quote_speakers=quote_speakers,
        quote_batches=quote_batches,
        quote_starts=layer.quote_starts,
    )


def choose_prefix(
    layer_id: str, longest: int, layers: Sequence[LayerData], own: LayerData | None = None
) -> str:
    """The prefix for the timeline ``layer_id`` (whose longest id has ``longest``
    characters) shown after ``layers``: its id and a colon, unless an id shown
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
        if not any(_begins(layer, prefix) for layer in layers) and not (
            own is not None and _owns(own, prefix)
        ):
            return prefix
        number += 1


def _owns(layer: LayerData, prefix: str) -> bool:
    """Whether one of the layer's own actors' or sources' ids begins with ``prefix``."""
    return any(a.id.startswith(prefix) for a in layer.own_actors) or any(
        s.id.startswith(prefix) for s in layer.own_sources
    )


def _begins(layer: LayerData, prefix: str) -> bool:
    """Whether ``prefix`` is the layer's or begins one of its shown ids (events,
    quotes, actors, sources)."""
    if layer.prefix == prefix:
        return True
    if prefix in layer.ids.joined and any(i.startswith(prefix) for i in layer.ids):
        return True
    others = (*layer.quote_ids, *(a.id for a in layer.actors), *(s.id for s in layer.sources))
    return any(i.startswith(prefix) for i in others)


def stack(layers: Sequence[LayerData]) -> Timeline:
    """One timeline of ``layers`` (the first as it is), in their order."""
    header = dict(layers[0].header)
    header["eras"] = tuple(era for layer in layers for era in layer.header.get("eras", ()))
    actors = _first_of_each(a for layer in layers for a in layer.actors)
    sources = _first_of_each(s for layer in layers for s in layer.sources)
    event_at = np.cumsum([0, *(len(layer.ids) for layer in layers)])
    quote_at = np.cumsum([0, *(len(layer.quote_ids) for layer in layers)])
    shown = tuple(
        Layer(
            layer.id,
            layer.title,
            layer.language,
            layer.prefix,
            range(int(event_at[n]), int(event_at[n + 1])),
            range(int(quote_at[n]), int(quote_at[n + 1])),
        )
        for n, layer in enumerate(layers)
    )

    def joined(column: str) -> Any:
        return np.concatenate([layer.columns[column] for layer in layers])

    events = EventTable(
        Strings.concat([layer.ids for layer in layers]),
        Strings.concat([layer.titles for layer in layers]),
        joined("first"),
        joined("after"),
        joined("kind"),
        joined("status"),
        joined("precision"),
        joined("flags"),
        [batch for layer in layers for batch in layer.batches],
        starts=np.concatenate(
            [layer.starts + at for layer, at in zip(layers, event_at, strict=False)]
        ).astype(np.int64),
    )
    quotes: Records[Quote] = Records(
        Quote,
        [i for layer in layers for i in layer.quote_ids],
        [batch for layer in layers for batch in layer.quote_batches],
        starts=np.concatenate(
            [layer.quote_starts + at for layer, at in zip(layers, quote_at, strict=False)]
        ).astype(np.int64),
    )
    return Timeline(
        header,
        actors=actors,
        sources=sources,
        events=events,
        quotes=quotes,
        quote_events=[e for layer in layers for e in layer.quote_events],
        quote_speakers=[s for layer in layers for s in layer.quote_speakers],
        layers=shown,
    )


_COLUMNS = ("first", "after", "kind", "status", "precision", "flags")


def _columns(events: EventTable) -> dict[str, Any]:
    return {name: getattr(events, name) for name in _COLUMNS}


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
    """The ids of ``items`` (actors or sources) that must change: those the layers
    ``before`` (each one's shown items and which it renamed) hold for something
    else. One that an added layer before holds, renamed, as the very same is that one."""
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


def _source_renamed(source: Source, new_ids: Mapping[str, str]) -> Source:
    """``source`` by its id as ``new_ids`` says, its publication date's source too."""
    renamed: Source = _with_id(source, new_ids)
    published = source.published
    named = published.source if published is not None else None
    if published is not None and named is not None and named in new_ids:
        date = published.model_copy(update={"source": new_ids[named]})
        renamed = renamed.model_copy(update={"published": date})
    return renamed


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
        # Claims' ids are one namespace over the file, like events': behind the prefix.
        if claim.get("id") is not None:
            claim["id"] = item(claim["id"])
        if claim.get("disputes"):
            claim["disputes"] = [item(d) for d in claim["disputes"]]
    for key in ("date", "first_reported"):
        date = record.get(key)
        if date is not None and date.get("source") is not None:
            date["source"] = source(date["source"])


def layer_beside(
    timeline: Timeline, layers: Sequence[LayerData], replaces: LayerData | None = None
) -> LayerData:
    """``timeline`` as a layer after ``layers`` (in place of ``replaces``, a changed
    file, whose prefix it keeps while that is still free)."""
    others = [p for p in layers if replaces is None or p.id != replaces.id]
    prefix = replaces.prefix if replaces is not None else None
    return rebased(LayerData.of(timeline), others, prefix)


def restacked(layers: Sequence[LayerData]) -> tuple[list[LayerData], list[tuple[LayerData, str]]]:
    """``layers`` after the first one changed (a reload) or one was taken away: each
    one after the first renamed again where what is shown before it asks for it.
    Returns the layers kept, and those that can no longer be shown, with why."""
    kept = [layers[0]]
    dropped = []
    for layer in layers[1:]:
        try:
            kept.append(rebased(layer, kept))
        except CannotAdd as err:
            dropped.append((layer, str(err)))
    return kept, dropped


def shown_together(timelines: Sequence[Timeline]) -> Timeline:
    """``timelines`` as one, the first as it is: what File > Add Timeline… shows."""
    layers = [LayerData.of(timelines[0])]
    for timeline in timelines[1:]:
        layers.append(layer_beside(timeline, layers))
    return stack(layers)
