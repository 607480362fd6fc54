"""A model file checked without building its timeline, and without numpy or pydantic
(Qt-free): what ``timeline-viewer validate`` says of a valid file, fast.

The file is decoded into msgspec structs (:mod:`viewer.domain.file_structs`),
which check every field's type, length and allowed values in C; then what the
fast load (:mod:`viewer.domain.fast_load`) checks a column at a time, and what
:mod:`viewer.domain.checks` reports, is checked here in plain Python: ids and
language tags have their patterns, ids are unique, every reference resolves,
every date is written as its precision asks and ends after it starts, no
one-line text holds a control character. Like the fast load, these checks
are a little stricter than the model's: whatever they cannot vouch for makes
:func:`summary` return None, and the caller validates the exact way, which
names the JSON path of every problem. So a valid file is vouched for in a
tenth of the time, and a broken one is explained exactly as before.
"""

import re
from collections.abc import Container, Iterable, Iterator
from itertools import chain
from typing import NamedTuple

import msgspec

from viewer.domain.dates import OPEN_END, Precision, parse_point
from viewer.domain.file_structs import (
    C1,
    CONTROL_IN_JSON,
    LANGUAGE_TAG,
    WHOLE_FILE_DECODER,
    Actor,
    Era,
    Event,
    FuzzyDate,
    Quote,
    Source,
    Unsure,
    WholeFile,
    check_claims,
)
from viewer.domain.file_structs import require as _require
from viewer.domain.perf import paused_gc
from viewer.domain.terms import SCHEMA_VERSION
from viewer.domain.text import control_in

# An id as the model's pattern has it (ASCII letters and digits only).
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_BOM = b"\xef\xbb\xbf"
_PRECISIONS = {precision.value: precision for precision in Precision}


class FileSummary(NamedTuple):
    """What ``validate`` says of a valid model file."""

    id: str
    events: int
    quotes: int
    actors: int
    # The actors' and the sources' ids (an import's output check needs them).
    actor_ids: frozenset[str]
    source_ids: frozenset[str]


def summary(data: bytes | bytearray) -> FileSummary | None:
    """What a valid model file holds, or None if the exact validation must say."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        with paused_gc():
            return _summary(data)
    except (Unsure, msgspec.DecodeError, KeyError, ValueError, RecursionError):
        return None  # RecursionError: nested too deep for msgspec; the exact way says where


def _summary(data: bytes | bytearray) -> FileSummary:
    # Raw C0 controls are not JSON: the decoder refuses them. The rest is here.
    _require(b"\x7f" not in data and C1.search(data) is None)
    _require(CONTROL_IN_JSON.search(data) is None)
    document: WholeFile = WHOLE_FILE_DECODER.decode(data)
    _require(1 <= document.schema_version <= SCHEMA_VERSION)
    _ids([document.id])
    _languages([document.language])
    sources, actors, events, quotes = (
        document.sources,
        document.actors,
        document.events,
        document.quotes,
    )
    source_ids = unique_ids(s.id for s in sources)
    actor_ids = unique_ids(a.id for a in actors)
    event_ids = unique_ids(e.id for e in events)
    check_header(document.sources, document.actors, document.eras, source_ids)
    _check_events(data, events, actor_ids, source_ids, event_ids)
    _check_quotes(quotes, actor_ids, source_ids, event_ids)
    _check_texts(data, document)
    return FileSummary(
        document.id,
        len(events),
        len(quotes),
        len(actors),
        frozenset(actor_ids),
        frozenset(source_ids),
    )


def _ids(ids: Iterable[str]) -> None:
    """Every id has the pattern ids have."""
    _require(all(_ID.fullmatch(item) for item in ids))


def unique_ids(ids: Iterable[str]) -> set[str]:
    """The ids, each with an id's pattern and none twice; else :class:`Unsure`.
    (``validate`` checks every collection's ids so, the fast load its header's.)"""
    listed = list(ids)
    _ids(listed)
    known = set(listed)
    _require(len(known) == len(listed))
    return known


def _languages(tags: Iterable[str]) -> None:
    _require(all(LANGUAGE_TAG.fullmatch(tag) for tag in set(tags)))


def check_date(date: FuzzyDate, sources: Container[str]) -> None:
    """A date as the model reads it: its points written as its precision asks, an
    open end not approximate, a closed end after its start, its source one of the
    file's; else :class:`Unsure` (or ValueError). (Its note's text is checked
    with the texts around it.)"""
    precision = _PRECISIONS[date.precision]
    earliest = parse_point(date.start, precision)[0]
    end = date.end
    if end == OPEN_END:
        _require(not date.approximate)
    elif end is not None:
        _require(parse_point(end, precision)[1] > earliest)
    _require(date.source is None or date.source in sources)


def _one_line(texts: Iterable[str | None]) -> None:
    """No text holds a control character, a tab or a line break (as the model's
    validators of one-line text say)."""
    _require(all(text is None or control_in(text) is None for text in texts))


def check_header(
    sources: list[Source], actors: list[Actor], eras: list[Era], source_ids: Container[str]
) -> None:
    """What the model checks of the sources, actors and eras that their structs
    do not: their language tags and one-line texts, their dates (each source one
    of ``source_ids``); else :class:`Unsure` (or ValueError). Their ids are
    checked with the rest of the file's. ``validate`` and the fast load both
    check a header so."""
    for source in sources:
        _one_line((source.title, source.publisher, source.url))
        if source.language is not None:
            _languages([source.language])
        if source.published is not None:
            _one_line([source.published.note])
            check_date(source.published, source_ids)
    _one_line(_actor_texts(actors))
    for era in eras:
        _one_line((era.title, era.date.note))
        check_date(era.date, source_ids)


def _actor_texts(actors: list[Actor]) -> Iterator[str | None]:
    for actor in actors:
        yield actor.name
        yield actor.role
        yield actor.affiliation


def _check_events(
    data: bytes | bytearray,
    events: list[Event],
    actors: set[str],
    sources: set[str],
    known: set[str],
) -> None:
    """Every date reads; every reference is to an id the file declares; claims' ids
    are unique and disputes name other claims; figures are ranges."""
    for event in events:
        check_date(event.date, sources)
        if event.first_reported is not None:
            check_date(event.first_reported, sources)
    _require(actors.issuperset(chain.from_iterable(e.participants for e in events)))
    _require(sources.issuperset(chain.from_iterable(e.sources for e in events)))
    _require(known.issuperset(chain.from_iterable(e.related for e in events)))
    _require(not any(e.id in e.related for e in events if e.related))
    claims = [claim for e in events for claim in e.claims]
    check_claims(claims, actors, sources)
    claim_ids = unique_ids(claim.id for claim in claims if claim.id is not None)
    _require(all(d in claim_ids and d != claim.id for claim in claims for d in claim.disputes))


def _check_quotes(
    quotes: list[Quote], actors: set[str], sources: set[str], events: set[str]
) -> None:
    unique_ids(q.id for q in quotes)
    _languages(q.language for q in quotes)
    _languages(q.translation.language for q in quotes if q.translation is not None)
    _require({q.speaker for q in quotes} <= actors)
    _require({q.event for q in quotes} <= events)
    _require({q.source for q in quotes} - {None} <= sources)


def _check_texts(data: bytes | bytearray, document: WholeFile) -> None:
    """No one-line text of the events holds a line break (LF or CR) or a tab. (The
    checks of the raw bytes have found every other control.) A file with no
    ``\\n``, ``\\r`` or ``\\t`` holds none: most files are spared a sweep over
    every event."""
    if b"\\n" not in data and b"\\t" not in data and b"\\r" not in data:
        return
    events = document.events
    one_line = chain(
        [document.title],
        (e.title for e in events),
        chain.from_iterable(e.places for e in events),
        chain.from_iterable(e.tags for e in events),
        (note for e in events if (note := e.date.note) is not None),
        (e.first_reported.note or "" for e in events if e.first_reported is not None),
        (c.figure.unit for e in events for c in e.claims if c.figure is not None),
    )
    joined = "".join(one_line)
    _require("\n" not in joined and "\t" not in joined and "\r" not in joined)
