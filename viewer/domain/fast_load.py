"""A model file straight to columns, validated in C by msgspec (Qt-free).

Validating a million events one pydantic object at a time takes half a
minute. msgspec decodes the file into slotted structs and checks every
field's type, length, pattern and allowed values while it parses, in about
the time ``json.loads`` takes, and keeps less memory than the dicts that
would give. What it cannot say (a date written as its precision asks, a
reference to an actor that exists, ids that repeat) is checked here a
column at a time.

These checks are a little stricter than the model's (msgspec takes no
``"true"`` for true, for one). Whatever they cannot vouch for makes
:func:`build` return None, and the caller validates the exact way
(:class:`~viewer.domain.model.TimelineModel`), which names the JSON path
of every problem. So a valid file opens fast, and a broken one is explained
exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain
from operator import attrgetter
from typing import Annotated, Any, Literal

import msgspec
import numpy as np
import numpy.typing as npt
from msgspec import Meta, Struct
from pydantic import TypeAdapter, ValidationError

from viewer.domain.columns import EventFields, points
from viewer.domain.dates import OPEN_END
from viewer.domain.model import (
    MAX_DATE_NOTE,
    MAX_ID,
    MAX_ITEMS,
    MAX_LANGUAGE_TAG,
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_PLACE,
    MAX_TAG,
    MAX_TEXT,
    MAX_TITLE,
    SCHEMA_VERSION,
    Actor,
    Era,
    Source,
)
from viewer.domain.model import FuzzyDate as ExactDate
from viewer.domain.perf import paused_gc
from viewer.domain.progress import Progress, Share, no_progress
from viewer.domain.records import BATCH, id_keys
from viewer.domain.text import line_breaks
from viewer.domain.timeline import Timeline

# An id: its pattern is checked for a whole column at once (:func:`_ids`), and
# a reference (a participant, a source, a quote's speaker) needs none: it must
# be one of the ids the file declares, which match it.
Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID)]
Title = Annotated[str, Meta(min_length=1, max_length=MAX_TITLE)]
Text = Annotated[str, Meta(min_length=1, max_length=MAX_TEXT)]
LongText = Annotated[str, Meta(max_length=MAX_LONG_TEXT)]
Place = Annotated[str, Meta(min_length=1, max_length=MAX_PLACE)]
# Its pattern is checked once per tag the file uses (:func:`_languages`).
LanguageTag = Annotated[str, Meta(min_length=2, max_length=MAX_LANGUAGE_TAG)]
# Dates are checked as their precision asks by :func:`~viewer.domain.columns.points`.
Point = Annotated[str, Meta(min_length=1, max_length=64)]
Name = Annotated[str, Meta(min_length=1, max_length=MAX_NAME)]
Tag = Annotated[str, Meta(min_length=1, max_length=MAX_TAG)]


def _items(of: Any) -> Any:
    return Annotated[list[of], Meta(max_length=MAX_ITEMS)]


class _Strict(Struct, forbid_unknown_fields=True, omit_defaults=True, gc=False):
    """Untracked by the cyclic collector (gc=False): they hold no cycles, and a
    million of them are made and freed faster, in less memory."""


class FuzzyDate(_Strict):
    precision: Literal["year", "month", "week", "day", "minute"]
    start: Point
    end: Point | None = None
    approximate: bool = False
    note: Annotated[str, Meta(max_length=MAX_DATE_NOTE)] | None = None
    source: Id | None = None


class Coordinates(_Strict):
    latitude: Annotated[float, Meta(ge=-90, le=90)]
    longitude: Annotated[float, Meta(ge=-180, le=180)]


class Figure(_Strict):
    unit: Name
    low: float | None = None
    high: float | None = None


class Claim(_Strict):
    by: Id
    text: Text
    verification: Literal["confirmed", "unverified", "disputed"]
    id: Id | None = None
    via: Id | None = None
    source: Id | None = None
    disputes: _items(Id) = []  # type: ignore[valid-type]
    credibility: Annotated[int, Meta(ge=1, le=6)] | None = None
    figure: Figure | None = None


class Event(_Strict):
    id: Id
    kind: Literal[
        "call", "attack", "talks", "meeting", "statement", "proposal", "sanctions", "other"
    ]
    title: Title
    date: FuzzyDate
    status: Literal["occurred", "announced", "proposed", "demanded"] = "occurred"
    participants: _items(Id) = []  # type: ignore[valid-type]
    places: _items(Place) = []  # type: ignore[valid-type]
    summary: LongText = ""
    claims: _items(Claim) = []  # type: ignore[valid-type]
    sources: _items(Id) = []  # type: ignore[valid-type]
    related: _items(Id) = []  # type: ignore[valid-type]
    tags: _items(Tag) = []  # type: ignore[valid-type]
    fatalities: Annotated[int, Meta(ge=0)] | None = None
    coordinates: Coordinates | None = None
    first_reported: FuzzyDate | None = None


class Translation(_Strict):
    language: LanguageTag
    text: Text


class Quote(_Strict):
    id: Id
    speaker: Id
    event: Id
    text: Text
    language: LanguageTag
    mode: Literal["direct", "reported"]
    translation: Translation | None = None
    source: Id | None = None


class File(_Strict):
    schema_version: int
    id: Id
    title: Title
    language: LanguageTag
    description: LongText = ""
    sources: list[Any] = []
    actors: list[Any] = []
    events: list[msgspec.Raw] = []
    quotes: list[msgspec.Raw] = []
    eras: list[Any] = []


# The file's header is decoded whole; its events and quotes are kept as raw
# JSON and decoded a batch at a time, so a load in a thread lets the window
# run between batches, reports how far it is, and can stop.
_DECODER = msgspec.json.Decoder(File)
_EVENTS = msgspec.json.Decoder(list[Event])
_QUOTES = msgspec.json.Decoder(list[Quote])
# Progress is told after this many events are decoded (about 20 ms of work).
DECODE_BATCH = 20_000
# A control character written as a JSON escape: ``\\b``, ``\\f``, a ``\\u``
# escape of a C0 or C1 control or DEL, or a lone surrogate (a ``\\uD83D\\uDE00``
# pair is an emoji). ``\\u000a``, ``\\u000d`` and an escaped backslash before a
# "u" are taken too: the exact way then decides, only slower. A ``\\r`` (CR, a
# line break in long text) is looked for where it may not be by :func:`_check_texts`.
_CONTROL_IN_JSON = re.compile(
    rb"\\(?:[bf]|u00[0189]|u007[fF]"
    rb"|u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!u[dD][89abAB][0-9a-fA-F]{2}\\)u[dD][c-fC-F])"
)
# A C1 control (U+0080 to U+009F) as UTF-8.
_C1 = re.compile(b"\xc2[\x80-\x9f]")
# Records with a line break made LF (see :func:`_lf_records`) are written again.
_ENCODER = msgspec.json.Encoder()
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_SOURCES: TypeAdapter[tuple[Source, ...]] = TypeAdapter(tuple[Source, ...])
_ACTORS: TypeAdapter[tuple[Actor, ...]] = TypeAdapter(tuple[Actor, ...])
_ERAS: TypeAdapter[tuple[Era, ...]] = TypeAdapter(tuple[Era, ...])
_DATE: TypeAdapter[ExactDate] = TypeAdapter(ExactDate)


class Unsure(Exception):
    """Something the column checks cannot vouch for."""


def _require(condition: bool) -> None:
    if not condition:
        raise Unsure


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
    raw: list[Any], decoder: Any, progress: Progress, share: Share
) -> tuple[list[Any], list[bytes]]:
    """The items of ``raw`` decoded and validated, and their JSON as it was written,
    in arrays of :data:`~viewer.domain.records.BATCH` (the records the app keeps)."""
    items: list[Any] = []
    batches: list[bytes] = []
    told = 0
    # Told every DECODE_BATCH items, or every 2 % of a smaller file.
    every = max(BATCH, min(DECODE_BATCH, len(raw) // 50))
    for first in range(0, len(raw), BATCH):
        batch = b"[" + b",".join(raw[first : first + BATCH]) + b"]"
        decoded = decoder.decode(batch)
        if b"\\r" in batch:  # rare: a CR in long text (a file written on Windows)
            batch = _lf_records(decoded)
        items += decoded
        batches.append(batch)
        if len(items) - told >= every:
            raw[told : len(items)] = [None] * (len(items) - told)  # the raw views go as read
            told = len(items)
            progress(share.at(told / len(raw)))
    raw.clear()
    return items, batches


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


def _languages(tags: set[str]) -> None:
    _require(all(_LANGUAGE_TAG.fullmatch(tag) for tag in tags))


def _build(data: bytes | bytearray, progress: Progress) -> Timeline:
    # Raw C0 controls are not JSON: the decoder refuses them. The rest is here.
    _require(b"\x7f" not in data and _C1.search(data) is None)
    _require(_CONTROL_IN_JSON.search(data) is None)
    document = _DECODER.decode(data)
    progress(0.05)
    _require(1 <= document.schema_version <= SCHEMA_VERSION)
    _ids([document.id])
    _languages({document.language})
    sources = _SOURCES.validate_python(document.sources)
    actors = _ACTORS.validate_python(document.actors)
    _require(len(document.eras) <= MAX_ITEMS)
    eras = _ERAS.validate_python(document.eras)
    _require(
        all(era.date.closed_end is None or era.date.latest > era.date.earliest for era in eras)
    )
    for source in sources:
        date = source.published
        _require(date is None or date.closed_end is None or date.latest > date.earliest)
    source_ids = {source.id for source in sources}
    actor_ids = {actor.id for actor in actors}
    _require(len(source_ids) == len(sources) and len(actor_ids) == len(actors))
    dated = [s.published for s in sources if s.published is not None] + [e.date for e in eras]
    _require({date.source for date in dated} - {None} <= source_ids)
    events, event_batches = _decoded(document.events, _EVENTS, progress, Share(0.05, 0.55))
    quotes, quote_batches = _decoded(document.quotes, _QUOTES, progress, Share(0.55, 0.65))
    fields = EventFields.of(events)
    keys = _ids(fields.ids)
    known = set(fields.ids)
    _require(len(known) == len(events))
    _check_references(data, events, actor_ids, source_ids, known)
    progress(0.7)
    first, after = date_columns(fields)
    _check_quotes(quotes, actor_ids, source_ids, known)
    _check_texts(data, document, fields.titles, events)
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
    del events
    table = fields.table(first, after, event_batches, keys)
    return Timeline.assemble(header, sources, actors, table, quotes, quote_batches)


def _refer_to(known: set[str], lists: Iterable[list[str]]) -> bool:
    """Every id in the lists is one of ``known``."""
    return known.issuperset(chain.from_iterable(lists))


def _check_references(
    data: bytes | bytearray,
    events: list[Event],
    actors: set[str],
    sources: set[str],
    known: set[str],
) -> None:
    """Every reference is to an id the file declares; claims' ids are unique and
    disputes name other claims; figures are ranges; first reports are dates.
    (``data``, the file: a field it never names needs no sweep over the events.)"""
    _require(_refer_to(actors, map(attrgetter("participants"), events)))
    _require(_refer_to(sources, map(attrgetter("sources"), events)))
    related = [e for e in events if e.related]
    _require(_refer_to(known, (e.related for e in related)))
    _require(not any(e.id in e.related for e in related))
    if b'"source"' in data:  # a date's source (or a claim's, a quote's): rare in events
        _require({e.date.source for e in events} - {None} <= sources)
    claims = [claim for e in events for claim in e.claims]  # rare
    for claim in claims:
        _require(claim.by in actors and (claim.via is None or claim.via in actors))
        _require(claim.source is None or claim.source in sources)
        figure = claim.figure
        if figure is not None:
            low, high = figure.low, figure.high
            _require(low is not None or high is not None)
            _require(low is None or high is None or low <= high)
    claim_ids = [claim.id for claim in claims if claim.id is not None]
    _ids(claim_ids)
    _require(len(set(claim_ids)) == len(claim_ids))
    disputes = [(claim.id, d) for claim in claims for d in claim.disputes]
    _require(all(d in claim_ids and d != own for own, d in disputes))
    if b'"first_reported"' not in data:
        return
    reported = [e.first_reported for e in events if e.first_reported is not None]  # rare
    _require({date.source for date in reported} - {None} <= sources)
    for date in reported:  # as the exact way reads it: its form, its end after its start
        exact = _DATE.validate_python(msgspec.to_builtins(date))
        _require(exact.closed_end is None or exact.latest > exact.earliest)


def _check_texts(
    data: bytes | bytearray, document: File, titles: list[str], events: list[Event]
) -> None:
    """No one-line text holds a line break (LF or CR) or a tab, as the model's
    validators say. (:data:`_CONTROL_IN_JSON` has found every other control.) A
    file with no ``\\n``, ``\\r`` or ``\\t`` holds none: most files are spared a
    sweep over every event."""
    if b"\\n" not in data and b"\\t" not in data and b"\\r" not in data:
        return
    one_line = chain(
        [document.title],
        titles,
        chain.from_iterable(map(attrgetter("places"), events)),
        chain.from_iterable(map(attrgetter("tags"), events)),
        (note for e in events if (note := e.date.note) is not None),
        (e.first_reported.note or "" for e in events if e.first_reported is not None),
        (c.figure.unit for e in events for c in e.claims if c.figure is not None),
    )
    joined = "".join(one_line)
    _require("\n" not in joined and "\t" not in joined and "\r" not in joined)


def date_columns(fields: EventFields) -> tuple[Any, Any]:
    """Each event's first and after instants (UTC seconds). Raises :class:`Unsure`
    (or KeyError for a precision that is none) unless every date reads, no
    approximate date is open-ended and every end is after its start: the
    checks the import's output check makes the same way."""
    codes = fields.precision_codes()
    spans = points(fields.starts, codes)
    _require(spans is not None)
    assert spans is not None
    first, after = spans
    ends = fields.ends
    opened = [i for i, end in enumerate(ends) if end == OPEN_END]
    _require(not any(fields.approximate[i] for i in opened))
    closed = [i for i, end in enumerate(ends) if end is not None and end != OPEN_END]
    if closed:
        rows = np.array(closed, np.int64)
        end_spans = points([ends[i] for i in closed], codes[rows])
        _require(end_spans is not None)
        assert end_spans is not None
        _require(bool((end_spans[1] > first[rows]).all()))
        after[rows] = end_spans[1]
    return first, after


def _check_quotes(
    quotes: list[Quote], actors: set[str], sources: set[str], events: set[str]
) -> None:
    ids = [q.id for q in quotes]
    _ids(ids)
    _require(len(set(ids)) == len(quotes))
    _languages({q.language for q in quotes})
    _languages({q.translation.language for q in quotes if q.translation is not None})
    _require({q.speaker for q in quotes} <= actors)
    _require({q.event for q in quotes} <= events)
    _require({q.source for q in quotes} - {None} <= sources)
