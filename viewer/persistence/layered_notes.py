"""The reader's notes of several timelines shown as one (Qt-free).

Each timeline keeps its notes where it keeps them when open alone: in the
database of its own id (:func:`viewer.persistence.notes_store.database_path`), about
its own event and quote ids. Shown together, an added timeline's ids are put
behind its prefix (:class:`~viewer.domain.timeline.Layer`); the window reads
and changes notes in those shown ids, the stores in their own ones.

* :func:`shown_note` and :func:`own_note` translate a note between the two;
* :func:`own_timeline` is one timeline of the shown ones as its own ids name
  it: what gives a note its target's title, its event, and the words of an
  export (:func:`~viewer.domain.notes.target_title`,
  :func:`~viewer.domain.notes.event_of`,
  :func:`~viewer.persistence.notes_export.to_w3c`,
  :func:`~viewer.persistence.notes_export.to_markdown`);
* :func:`beside` names the file an added timeline's notes go to beside the
  one chosen; :func:`write_notes` writes one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from viewer.domain.model import Actor, Claim, Event, Quote, Source
from viewer.domain.notes import Note, NoteTarget
from viewer.domain.records import Records
from viewer.domain.timeline import Layer, Timeline, TimelineById

__all__ = ["LayerInOwnIds", "beside", "own_note", "own_timeline", "shown_note", "write_notes"]


def shown_note(layer: Layer, note: Note) -> Note:
    """``note``, kept by ``layer``'s timeline, with its target as the shown timeline names it."""
    if not layer.prefix:
        return note
    # A shown id may be longer than a target id may be: built, not validated.
    target = NoteTarget.model_construct(kind=note.target.kind, id=layer.outer(note.target.id))
    return note.model_copy(update={"target": target})


def own_note(layer: Layer, note: Note) -> Note:
    """``note`` (about a shown event or quote of ``layer``) as ``layer``'s timeline keeps
    it: about its own id. Raises ValueError if the target is not the layer's."""
    if not layer.prefix:
        return note
    own = layer.inner(note.target.id)
    if own is None:
        raise ValueError(f"{note.target.id!r} is not an id of the timeline {layer.id!r}")
    target = NoteTarget.model_construct(kind=note.target.kind, id=own)
    return note.model_copy(update={"target": target})


def own_timeline(shown: Timeline, layer: Layer) -> TimelineById:
    """``layer`` of ``shown`` in its own ids: ``shown`` itself when it is the only one.

    Otherwise a :class:`LayerInOwnIds`, which has what notes read of a timeline
    (:class:`~viewer.domain.timeline.TimelineById`), not the rest."""
    if len(shown.layers) == 1:
        return shown
    return LayerInOwnIds(shown, layer)


class LayerInOwnIds:
    """One layer of a stacked timeline, as its own ids name it (see :func:`own_timeline`).

    Its events and quotes are found by their own ids among its rows only (an
    id of another timeline, or of the first one's that another's prefix
    begins, is not its); they carry their own ids, and a quote its event's.
    Actors keep the ids shown (a quote's speaker is found by it)."""

    def __init__(self, shown: Timeline, layer: Layer) -> None:
        self.layer = layer
        self.id = layer.id
        self.title = layer.title
        self.events_by_id: Mapping[str, Event] = _Own(
            shown.events,
            layer.events,
            layer,
            lambda event, key: event.model_copy(update={"id": key}),
        )

        def own_quote(quote: Quote, key: str) -> Quote:
            event = layer.inner(quote.event) or quote.event
            return quote.model_copy(update={"id": key, "event": event})

        self.quotes_by_id: Mapping[str, Quote] = _Own(shown.quotes, layer.quotes, layer, own_quote)
        self.actors_by_id: Mapping[str, Actor] = shown.actors_by_id
        self.sources_by_id: Mapping[str, Source] = shown.sources_by_id
        self._shown = shown

    @cached_property
    def claims_by_id(self) -> dict[str, tuple[str, Claim]]:
        """The layer's claims with ids, by their own ids, each with its event's own id."""
        layer, found = self.layer, {}
        for claim_id, (event_id, claim) in self._shown.claims_by_id.items():
            own, event = layer.inner(claim_id), layer.inner(event_id)
            row = self._shown.events.row_of(event_id)
            if own is not None and event is not None and row is not None and row in layer.events:
                found[own] = (event, claim.model_copy(update={"id": own}))
        return found


_Item = TypeVar("_Item", Event, Quote)


class _Own(Mapping[str, _Item]):
    """A layer's rows of ``records`` (``rows``), by their own ids; each row made
    by ``own`` from the shown one and its own id."""

    def __init__(
        self,
        records: Records[_Item],
        rows: range,
        layer: Layer,
        own: Callable[[_Item, str], _Item],
    ) -> None:
        self._records: Records[_Item] = records
        self._own: Callable[[_Item, str], _Item] = own
        self._rows, self._layer = rows, layer

    def _row(self, key: object) -> int | None:
        if not isinstance(key, str):
            return None
        row = self._records.row_of(self._layer.outer(key))
        return row if row is not None and row in self._rows else None

    def __getitem__(self, key: str) -> _Item:
        row = self._row(key)
        if row is None:
            raise KeyError(key)
        return self._own(self._records[row], key)

    def __contains__(self, key: object) -> bool:
        return self._row(key) is not None

    def __iter__(self) -> Iterator[str]:
        for shown_id in self._records.ids[self._rows.start : self._rows.stop]:
            yield shown_id[len(self._layer.prefix) :]

    def __len__(self) -> int:
        return len(self._rows)


def beside(path: Path, timeline_id: str) -> Path:
    """Where the notes of the timeline ``timeline_id`` go beside ``path``:
    ``<stem>.<timeline id><suffix>`` (``notes.jsonld`` -> ``notes.acled.jsonld``)."""
    return path.with_name(f"{path.stem}.{timeline_id}{path.suffix}")


def write_notes(
    path: Path, timeline: TimelineById, notes: list[Note], *, w3c: bool = False
) -> None:
    """Write ``notes`` (in ``timeline``'s ids) to ``path``: W3C Web Annotations when
    ``w3c`` or for a ``.json``/``.jsonld`` name, Markdown otherwise. Raises OSError."""
    # Here, not at the top: the window shows notes from its first frame on and
    # writes them seldom (the writers are json, urllib and the W3C model).
    from viewer.persistence.atomic import atomic_write_bytes
    from viewer.persistence.notes_export import notes_text

    w3c = w3c or path.suffix.lower() in (".json", ".jsonld")
    atomic_write_bytes(path, notes_text(timeline, notes, w3c=w3c).encode("utf-8"))
