"""A model file straight to columns, validated in C by msgspec (Qt-free).

Validating a million events one pydantic object at a time takes half a
minute. msgspec decodes the file into slotted structs and checks every
field's type, length, pattern and allowed values while it parses, in about
the time ``json.loads`` takes, and keeps less memory than the dicts that
would give; with the file's actors and sources as the only values a
reference to one may take (:func:`~viewer.domain.file_structs.known_decoders`),
it checks those references too. What it cannot say (a date written as its
precision asks, a reference to an event that exists, ids that repeat) is
checked here a column at a time.

These checks are a little stricter than the model's (msgspec takes no
``"true"`` for true, for one). Whatever they cannot vouch for makes
:func:`build` return None, and the caller validates the exact way
(:class:`~viewer.domain.model.TimelineModel`), which names the JSON path
of every problem. So a valid file opens fast, and a broken one is explained
exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, compress
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar

import msgspec
import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ValidationError

from viewer.domain.columns import APPROXIMATE, Codes, EventFields, EventTable, Floats, points
from viewer.domain.dates import Precision
from viewer.domain.file_check import check_date, check_header, unique_ids
from viewer.domain.file_structs import C1 as _C1
from viewer.domain.file_structs import CONTROL_IN_JSON as _CONTROL_IN_JSON
from viewer.domain.file_structs import EVENTS_DECODER as _EVENTS
from viewer.domain.file_structs import FILE_DECODER as _DECODER
from viewer.domain.file_structs import LANGUAGE_TAG as _LANGUAGE_TAG
from viewer.domain.file_structs import QUOTES_DECODER as _QUOTES
from viewer.domain.file_structs import Actor as ActorStruct
from viewer.domain.file_structs import (
    Claim,
    Event,
    File,
    FuzzyDate,
    Quote,
    Unsure,
    check_claims,
    known_decoders,
)
from viewer.domain.file_structs import Era as EraStruct
from viewer.domain.file_structs import Source as SourceStruct
from viewer.domain.file_structs import require as _require
from viewer.domain.model import (
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Era,
    Reliability,
    Source,
)
from viewer.domain.model import FuzzyDate as ExactDate
from viewer.domain.perf import paused_gc
from viewer.domain.progress import Progress, Share, no_progress
from viewer.domain.records import BATCH, Rows, Strings, id_column, id_keys
from viewer.domain.text import line_breaks
from viewer.domain.timeline import Timeline

# Progress is told after this many events are decoded (about 20 ms of work).
DECODE_BATCH = 20_000
# Events are decoded, read into columns and checked this many at a time: some
# 4,096 structs with their strings and lists (a few MB) stay in the processor's
# cache while the columns and checks sweep them a dozen times; 65,536 did not
# (a load of 100,000 events took a third longer, of 1,000,000 a quarter).
CHUNK = 2 * BATCH
# A line break or a tab written as a JSON escape (or an escaped backslash before
# an n, r or t: then the texts are looked at, to no harm).
_BREAK_IN_JSON = re.compile(rb"\\[nrt]")
# Records with a line break made LF (see :func:`_lf_records`) are written again.
_ENCODER = msgspec.json.Encoder()
_Model = TypeVar("_Model", bound=BaseModel)


def build(data: bytes | bytearray, progress: Progress = no_progress) -> Timeline | None:
    """The timeline of a model file's bytes, or None if it needs the exact validation.

    ``progress`` is told how far the load is (0 to 1) between steps; it may
    raise :class:`~viewer.domain.progress.LoadCancelled` to stop the load.
    """
    try:
        with paused_gc():
            return _build(data, progress)
    except (Unsure, msgspec.DecodeError, ValidationError, KeyError, ValueError, RecursionError):
        return None  # RecursionError: nested too deep for msgspec; the exact way says where


def _decoded(
    raw: list[Any], decoder: Any, progress: Progress, share: Share, breaks: bool = True
) -> tuple[list[Any], list[bytes]]:
    """The items of ``raw`` decoded and validated, and their JSON as it was written,
    in arrays of :data:`~viewer.domain.records.BATCH` (the records the app keeps).
    ``breaks``: the file has an escaped line break (without one, no text holds a CR)."""
    items: list[Any] = []
    batches: list[bytes] = []
    for decoded, written in _chunks(raw, decoder, progress, share, breaks):
        items += decoded
        batches += written
    return items, batches


def _chunks(
    raw: list[Any], decoder: Any, progress: Progress, share: Share, breaks: bool
) -> Iterator[tuple[list[Any], list[bytes]]]:
    """The items of ``raw`` decoded and validated :data:`CHUNK` at a time, each
    chunk with its JSON as it was written, in arrays of
    :data:`~viewer.domain.records.BATCH`. A chunk's items are read while they
    are in the processor's cache, and freed before the next chunk is decoded
    into the same memory: a million of them never live at once."""
    told = 0
    # Told every DECODE_BATCH items, or every 2 % of a smaller file.
    every = max(BATCH, min(DECODE_BATCH, len(raw) // 50))
    for start in range(0, len(raw), CHUNK):
        items: list[Any] = []
        batches: list[bytes] = []
        for first in range(start, min(start + CHUNK, len(raw)), BATCH):
            batch = b"[" + b",".join(raw[first : first + BATCH]) + b"]"
            decoded = decoder.decode(batch)
            if breaks and b"\\r" in batch:  # rare: a CR in long text (a file written on Windows)
                batch = _lf_records(decoded)
            items += decoded
            batches.append(batch)
        raw[start : start + len(items)] = [None] * len(items)  # the raw views go as read
        done = start + len(items)
        yield items, batches
        if done - told >= every:
            told = done
            progress(share.at(told / len(raw)))
    raw.clear()


def _lf_records(items: list[Any]) -> bytes:
    """Events' or quotes' records with each CR LF or CR in their long text made LF,
    as the model keeps it (:func:`~viewer.domain.text.line_breaks`): what reads
    the records (search, the models made of them) reads what the exact way keeps.
    (A CR in one-line text is refused by :func:`_check_texts`.)"""
    for item in items:
        if isinstance(item, Event):
            item.summary = line_breaks(item.summary)
            for claim in item.claims:
                claim.text = line_breaks(claim.text)
        else:
            item.text = line_breaks(item.text)
            if item.translation is not None:
                item.translation.text = line_breaks(item.translation.text)
    return _ENCODER.encode(items)


def _ids(ids: list[str]) -> npt.NDArray[np.bytes_]:
    """Every id of a column has the pattern ids have; the ids as bytes."""
    keys = id_keys(ids)
    _require(keys is not None)
    assert keys is not None
    return keys


def _header(document: File) -> tuple[tuple[Source, ...], tuple[Actor, ...], tuple[Era, ...]]:
    """The file's sources, actors and eras as the model's objects, from their
    structs checked already as the model checks them (:func:`check_header`).

    Made without validating them again: building the model's validators (their
    schemas, and the look for pydantic's plugins, which imports
    ``importlib.metadata``) was some 70 million of a first frame's 2,100
    million instructions, for a few dozen objects. Each equals what
    validation makes."""
    sources = tuple(
        _made(
            Source,
            source,
            published=_date(source.published),
            reliability=source.reliability and Reliability(source.reliability),
        )
        for source in document.sources
    )
    actors = tuple(_made(Actor, actor, kind=ActorKind(actor.kind)) for actor in document.actors)
    eras = tuple(_made(Era, era, date=_date(era.date)) for era in document.eras)
    return sources, actors, eras


def _date(date: FuzzyDate | None) -> ExactDate | None:
    return None if date is None else _made(ExactDate, date, precision=Precision(date.precision))


def _made(
    model: type[_Model], item: SourceStruct | ActorStruct | EraStruct | FuzzyDate, **made: Any
) -> _Model:
    """``model`` of the checked struct ``item``, its fields replaced by ``made``
    where given; a field None or False (a default, whether written or not) is
    left to the model's default. (So ``model_fields_set`` leaves out a field
    written as null or false, where validation would count it; nothing reads
    it, and equality, hashes and dumps are the same.)"""
    given = {name: getattr(item, name) for name in item.__struct_fields__} | made
    return model.model_construct(
        **{name: value for name, value in given.items() if value is not None and value is not False}
    )


def _id_column(ids: list[str]) -> tuple[npt.NDArray[np.bytes_], Strings]:
    """Every id of a column has the pattern ids have; the ids as bytes and as
    :class:`~viewer.domain.records.Strings`."""
    column = id_column(ids)
    _require(column is not None)
    assert column is not None
    return column


def _languages(tags: set[str]) -> None:
    _require(all(_LANGUAGE_TAG.fullmatch(tag) for tag in tags))


def _build(data: bytes | bytearray, progress: Progress) -> Timeline:
    # Raw C0 controls are not JSON: the decoder refuses them. The rest is here.
    # One byte is looked for first (a memchr, ten times as fast as a pattern or
    # two bytes): most files have no C1 lead byte, many no escape at all.
    _require(b"\x7f" not in data and (b"\xc2" not in data or _C1.search(data) is None))
    escapes = b"\\" in data
    _require(not escapes or _CONTROL_IN_JSON.search(data) is None)
    document = _DECODER.decode(data)
    progress(0.05)
    _require(1 <= document.schema_version <= SCHEMA_VERSION)
    _ids([document.id])
    _languages({document.language})
    source_ids = unique_ids([source.id for source in document.sources])
    actor_ids = unique_ids([actor.id for actor in document.actors])
    check_header(document.sources, document.actors, document.eras, source_ids)
    sources, actors, eras = _header(document)
    # Only a file with an escape can hold a line break or a tab in a text.
    # (One pattern: three searches for two bytes each take seven times as long.)
    breaks = escapes and _BREAK_IN_JSON.search(data) is not None
    # References to actors and sources checked as they are decoded, where they can be.
    decoders = known_decoders(tuple(a.id for a in actors), tuple(s.id for s in sources))
    events_decoder, quotes_decoder = decoders or (_EVENTS, _QUOTES)
    looked_up = decoders is None
    fields = EventFields.of([])
    rare = _Rare()
    event_batches: list[bytes] = []
    events: list[Event] = []
    chunks = _chunks(document.events, events_decoder, progress, Share(0.05, 0.55), breaks)
    for events, batches in chunks:
        fields.extend(events)
        if looked_up:
            rare.refer(events, actor_ids, source_ids)
        rare.add(events)
        if breaks:
            _check_texts(events)
        event_batches += batches
    del events
    quotes, quote_batches = _decoded(
        document.quotes, quotes_decoder, progress, Share(0.55, 0.65), breaks
    )
    keys, id_strings = _id_column(fields.ids)
    dates = date_columns(fields)
    table = fields.table(
        dates.first, dates.after, event_batches, keys, id_strings, dates.precision, dates.flags
    )
    # The table's ids sorted (to find rows by id) say whether one repeats and
    # which are known: no set of a million ids is made to ask.
    _require(table.unique())
    rare.check(actor_ids, source_ids, table)
    progress(0.7)
    quote_ids, event_rows = _check_quotes(quotes, actor_ids, source_ids, table, looked_up)
    if breaks:
        _one_line(chain([document.title], fields.titles))
    progress(0.8)
    header = {
        "schema_version": document.schema_version,
        "id": document.id,
        "title": document.title,
        "language": document.language,
        "description": line_breaks(document.description),
        "eras": eras,
    }
    del document
    return Timeline.assemble(
        header, sources, actors, table, quotes, quote_batches, quote_ids, event_rows
    )


class _Rare:
    """What few events have (related events, claims, first reports), gathered
    from each chunk of events to be checked once all ids are known."""

    def __init__(self) -> None:
        self.related: list[Event] = []
        self.claims: list[Claim] = []
        self.reported: list[FuzzyDate] = []

    @staticmethod
    def refer(events: list[Event], actors: set[str], sources: set[str]) -> None:
        """Check the references of ``events`` to actors and sources (each sweep
        a ``map`` in C), where the decoder could not."""
        _require(_refer_to(actors, map(attrgetter("participants"), events)))
        _require(_refer_to(sources, map(attrgetter("sources"), events)))
        _require(set(map(attrgetter("date.source"), events)) - {None} <= sources)

    def add(self, events: list[Event]) -> None:
        """Keep what ``events`` have of the rare fields."""
        self.related += compress(events, map(attrgetter("related"), events))
        self.claims += chain.from_iterable(map(attrgetter("claims"), events))
        self.reported += filter(None, map(attrgetter("first_reported"), events))

    def check(self, actors: set[str], sources: set[str], events: EventTable) -> None:
        """Every reference is to an id the file declares; claims' ids are unique and
        disputes name other claims; figures are ranges; first reports are dates."""
        related = self.related
        _require(_known(events, list(chain.from_iterable(e.related for e in related))))
        _require(not any(e.id in e.related for e in related))
        claims = self.claims
        check_claims(claims, actors, sources)
        claim_ids = [claim.id for claim in claims if claim.id is not None]
        _ids(claim_ids)
        _require(len(set(claim_ids)) == len(claim_ids))
        disputes = [(claim.id, d) for claim in claims for d in claim.disputes]
        _require(all(d in claim_ids and d != own for own, d in disputes))
        reported = self.reported
        for date in reported:  # as the exact way reads it: its form, its end after its start
            check_date(date, sources)


def _refer_to(known: set[str], lists: Iterable[list[str]]) -> bool:
    """Every id in the lists is one of ``known``."""
    return known.issuperset(chain.from_iterable(lists))


def _known(events: EventTable, ids: list[str]) -> bool:
    """Every one of ``ids`` is an event's."""
    return bool((events.rows_of(ids) >= 0).all())


def _check_texts(events: list[Event]) -> None:
    """No one-line text of ``events`` holds a line break (LF or CR) or a tab, as
    the model's validators say. (:data:`_CONTROL_IN_JSON` has found every other
    control; the titles are looked at with the file's title.) Asked only of a
    file with a ``\\n``, ``\\r`` or ``\\t``: most files are spared it."""
    reported = filter(None, map(attrgetter("first_reported"), events))
    claims = chain.from_iterable(map(attrgetter("claims"), events))
    _one_line(
        chain(
            chain.from_iterable(map(attrgetter("places"), events)),
            chain.from_iterable(map(attrgetter("tags"), events)),
            filter(None, map(attrgetter("date.note"), events)),
            (date.note or "" for date in reported),
            (c.figure.unit for c in claims if c.figure is not None),
        )
    )


def _one_line(texts: Iterable[str]) -> None:
    joined = "".join(texts)
    _require("\n" not in joined and "\t" not in joined and "\r" not in joined)


class DateColumns(NamedTuple):
    """What :func:`date_columns` reads of the events' dates."""

    first: Floats
    after: Floats
    precision: Codes
    flags: Codes


def date_columns(fields: EventFields) -> DateColumns:
    """Each event's first and after instants (UTC seconds), its precision's code
    and its flags. Raises :class:`Unsure` (or KeyError for a precision that is
    none) unless every date reads, no approximate date is open-ended and every
    end is after its start: the checks the import's output check makes the same way."""
    codes = fields.precision_codes()
    spans = points(fields.starts, codes)
    _require(spans is not None)
    assert spans is not None
    first, after = spans
    ends = fields.end_column()
    flags = fields.flags(ends)
    _require(not (flags[ends.opened] & APPROXIMATE).any())
    rows = np.flatnonzero(ends.closed)
    if len(rows):
        end_spans = points(ends.column[rows].tolist(), codes[rows])
        _require(end_spans is not None)
        assert end_spans is not None
        _require(bool((end_spans[1] > first[rows]).all()))
        after[rows] = end_spans[1]
    return DateColumns(first, after, codes, flags)


def _check_quotes(
    quotes: list[Quote], actors: set[str], sources: set[str], events: EventTable, refer: bool
) -> tuple[tuple[npt.NDArray[np.bytes_], Strings], Rows]:
    """``refer``: the speakers and sources are looked up (the decoder did not).
    The quotes' ids as bytes and as strings, and each quote's event's row."""
    ids = [q.id for q in quotes]
    column = _id_column(ids)
    _require(len(set(ids)) == len(quotes))
    _languages({q.language for q in quotes})
    _languages({q.translation.language for q in quotes if q.translation is not None})
    if refer:
        _require({q.speaker for q in quotes} <= actors)
        _require({q.source for q in quotes} - {None} <= sources)
    rows = events.rows_of([q.event for q in quotes])
    _require(bool((rows >= 0).all()))
    return column, rows
