"""The open timeline: its header, sources and actors as models, events and quotes as columns.

Qt-free. Made by :mod:`viewer.persistence.model_file` from a file, either
the fast way (:func:`viewer.domain.fast_load.build`) or, when that finds
something it cannot vouch for, from the validated
:class:`~viewer.domain.model.TimelineModel`. Both give the same timeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

import msgspec
import numpy as np
import numpy.typing as npt

from viewer.domain.columns import EventFields, EventTable
from viewer.domain.model import Actor, Claim, Era, Event, Quote, Source, TimelineModel
from viewer.domain.perf import paused_gc
from viewer.domain.records import Grouped, Records, Rows, Strings, pack


class _WithClaims(msgspec.Struct):
    id: str
    claims: list[dict[str, Any]] = msgspec.field(default_factory=list)


_CLAIMS = msgspec.json.Decoder(list[_WithClaims])


@dataclass(frozen=True, slots=True)
class Layer:
    """One of the timelines shown together (see :mod:`viewer.timeline.stacking`): its
    own id, title and language, what its ids are put behind, and its rows."""

    id: str
    title: str
    language: str
    # Put before its event and quote ids ("" for the first timeline).
    prefix: str
    events: range
    quotes: range

    def outer(self, item_id: str) -> str:
        """The id shown for this timeline's event or quote ``item_id``."""
        return self.prefix + item_id

    def inner(self, item_id: str) -> str | None:
        """This timeline's own id of the shown id ``item_id``; None if not its."""
        if not item_id.startswith(self.prefix):
            return None
        return item_id[len(self.prefix) :] or None


class TimelineById(Protocol):
    """What notes read of a timeline: its id and title, and its events, quotes,
    actors, sources and claims by their ids (a note's target, its title, its
    event, an export's words).

    A :class:`Timeline` is one; so is one layer of several shown together, in
    its own ids (:class:`viewer.persistence.layered_notes.LayerInOwnIds`), whose
    notes are kept apart from the others'.
    """

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def events_by_id(self) -> Mapping[str, Event]: ...

    @property
    def quotes_by_id(self) -> Mapping[str, Quote]: ...

    @property
    def actors_by_id(self) -> Mapping[str, Actor]: ...

    @property
    def sources_by_id(self) -> Mapping[str, Source]: ...

    @property
    def claims_by_id(self) -> Mapping[str, tuple[str, Claim]]: ...


class Timeline:
    """One open timeline (or several shown as one). Events and quotes are in file order."""

    def __init__(
        self,
        header: dict[str, Any],
        sources: tuple[Source, ...],
        actors: tuple[Actor, ...],
        events: EventTable,
        quotes: Records[Quote],
        quote_events: list[str],
        quote_speakers: list[str],
        layers: tuple[Layer, ...] = (),
        event_rows: Rows | None = None,
    ) -> None:
        self.schema_version: int = header["schema_version"]
        self.id: str = header["id"]
        self.title: str = header["title"]
        self.language: str = header["language"]
        self.description: str = header.get("description", "")
        # Named stretches of time (drawn behind the events), in file order.
        self.eras: tuple[Era, ...] = header.get("eras", ())
        self.sources = sources
        self.actors = actors
        self.events = events
        self.quotes = quotes
        self.events_by_id = events.by_id()
        self.quotes_by_id = quotes.by_id()
        # Each quote's event's row (``event_rows``, if found already: then
        # ``quote_events`` is not read).
        if event_rows is None:
            event_rows = events.rows_of(quote_events)
        self.quotes_by_event = Grouped(quotes, event_rows, events.ids, events)
        speakers = {actor.id: code for code, actor in enumerate(actors)}
        speaker_codes = np.array([speakers.get(s, -1) for s in quote_speakers], np.int64)
        self.quotes_by_speaker = Grouped(
            quotes, speaker_codes, [actor.id for actor in actors], speakers
        )
        # The timelines shown together in this one, in order: one when alone.
        self.layers = layers or (
            Layer(
                self.id,
                self.title,
                self.language,
                "",
                range(len(events)),
                range(len(quotes)),
            ),
        )
        self._layer_starts = np.array([layer.events.start for layer in self.layers], np.int64)

    def layer_of(self, row: int) -> Layer:
        """The timeline the event at table row ``row`` comes from."""
        at = int(np.searchsorted(self._layer_starts, row, side="right")) - 1
        return self.layers[max(at, 0)]

    def layer_of_id(self, item_id: str) -> Layer:
        """The timeline an event or quote id (shown, or gone) belongs to: the one
        whose prefix it has (the longest), else the first."""
        if len(self.layers) == 1:
            return self.layers[0]
        row = self.events.row_of(item_id)
        if row is not None:
            return self.layer_of(row)
        quote = self.quotes.row_of(item_id)
        if quote is not None:
            return next(layer for layer in self.layers if quote in layer.quotes)
        owners = [layer for layer in self.layers if layer.inner(item_id) is not None]
        return max(owners, key=lambda layer: len(layer.prefix))

    @cached_property
    def era_times(self) -> tuple[tuple[float, float, str], ...]:
        """Each era's first instant and the instant after its last (UTC seconds),
        and its title, in file order: what a view draws each time, read once."""
        return tuple((era.date.earliest, era.date.latest, era.title) for era in self.eras)

    @cached_property
    def layer_codes(self) -> npt.NDArray[np.uint8]:
        """Each event's timeline as its place in :attr:`layers`, by table row."""
        sizes = [len(layer.events) for layer in self.layers]
        return np.repeat(np.arange(len(self.layers), dtype=np.uint8), sizes)

    @cached_property
    def actors_by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def claims_by_id(self) -> dict[str, tuple[str, Claim]]:
        """Each claim with an id (schema 4): its event's id, and the claim. Read
        from the records when first asked; batches that hold no claim are passed by."""
        found: dict[str, tuple[str, Claim]] = {}
        for _first, batch in self.events.spans():
            if b'"claims"' not in batch:
                continue
            for event in _CLAIMS.decode(batch):
                for claim in event.claims:
                    if claim.get("id") is not None:
                        found[claim["id"]] = (event.id, Claim.model_validate(claim))
        return found

    @classmethod
    def validate(cls, data: Any) -> Timeline:
        """The timeline of model data (a dict as a model file holds), validated field by field.

        Raises pydantic's ``ValidationError``; whole-file checks are not made.
        """
        return cls.from_model(TimelineModel.model_validate(data))

    @classmethod
    def from_model(cls, model: TimelineModel) -> Timeline:
        """The timeline of a validated model (the exact path, and tests)."""
        with paused_gc():
            fields = EventFields.of(list(model.events))
            events = [e.model_dump(mode="json", exclude_defaults=True) for e in model.events]
            first = np.array([e.date.earliest for e in model.events], np.float64)
            after = np.array([e.date.latest for e in model.events], np.float64)
            quotes = [q.model_dump(mode="json", exclude_defaults=True) for q in model.quotes]
            header = model.model_dump(include={"schema_version", "id", "title", "language"})
            header["description"] = model.description
            header["eras"] = model.eras
            table = fields.table(first, after, pack(events))
            return cls.assemble(
                header, model.sources, model.actors, table, list(model.quotes), pack(quotes)
            )

    @classmethod
    def assemble(
        cls,
        header: dict[str, Any],
        sources: tuple[Source, ...],
        actors: tuple[Actor, ...],
        events: EventTable,
        quotes: list[Any],
        quote_batches: list[bytes],
        quote_ids: tuple[npt.NDArray[np.bytes_], Strings] | None = None,
        event_rows: Rows | None = None,
    ) -> Timeline:
        """The timeline of an event table and validated quotes.

        ``quotes`` are objects with attributes (models or structs), and
        ``quote_batches`` their JSON records (see :func:`~viewer.domain.records.pack`);
        ``quote_ids``: their ids as bytes and as strings, and ``event_rows``
        each one's event's row, if found already.
        """
        quote_events = [q.event for q in quotes] if event_rows is None else []
        quote_speakers = [q.speaker for q in quotes]
        if quote_ids is None:
            quote_records: Records[Quote] = Records(Quote, [q.id for q in quotes], quote_batches)
        else:
            keys, strings = quote_ids
            quote_records = Records(Quote, strings, quote_batches, keys)
        return cls(
            header,
            sources,
            actors,
            events,
            quote_records,
            quote_events,
            quote_speakers,
            event_rows=event_rows,
        )
