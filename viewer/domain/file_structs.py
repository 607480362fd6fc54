"""The model file's JSON as msgspec structs: what a file may hold, field by field,
checked in C as it is parsed (Qt-free; neither numpy nor pydantic).

The fast load (:mod:`viewer.domain.fast_load`) decodes a file with these and
checks the rest a column at a time; ``validate`` checks a file with them
before it brings in the exact way (:class:`~viewer.domain.model.TimelineModel`).
"""

# No ``from __future__ import annotations``: msgspec reads a struct's fields
# from its annotations, and would compile each one from text (some 80, 5-10 ms
# of every start that decodes a file).

import functools
import re
from collections.abc import Container, Iterable
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

from viewer.domain.terms import (
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
    MAX_URL,
)

# An id: its pattern is checked for a whole column at once
# (:func:`viewer.domain.fast_load._ids`), and
# a reference (a participant, a source, a quote's speaker) needs none: it must
# be one of the ids the file declares, which match it.
Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID)]
Title = Annotated[str, Meta(min_length=1, max_length=MAX_TITLE)]
Text = Annotated[str, Meta(min_length=1, max_length=MAX_TEXT)]
LongText = Annotated[str, Meta(max_length=MAX_LONG_TEXT)]
Place = Annotated[str, Meta(min_length=1, max_length=MAX_PLACE)]
# Its pattern is checked once per tag the file uses (:data:`LANGUAGE_TAG`).
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


EVENTS_DECODER = msgspec.json.Decoder(list[Event])
QUOTES_DECODER = msgspec.json.Decoder(list[Quote])
# Up to this many actors and as many sources, a file's events and quotes are
# decoded with its ids as the only values their references may take (see
# :func:`known_decoders`); some 5 µs an id to make.
MAX_KNOWN = 4096


def known_decoders(actors: tuple[str, ...], sources: tuple[str, ...]) -> tuple[Any, Any] | None:
    """Decoders of a batch of events and one of quotes whose references to actors
    and sources (participants, sources, a date's source; a quote's speaker and
    source) must be one of ``actors`` and ``sources``, else a ValidationError; or
    None where there are none of one or too many (then :data:`EVENTS_DECODER`
    and :data:`QUOTES_DECODER`, and the references are looked up after).

    msgspec checks such a value in C as it parses and gives the literal's one
    string object, not a new one to free: at 100,000 events decoding and
    freeing the events takes about two thirds of the time, and no pass looks
    the references up after."""
    if not (actors and sources) or max(len(actors), len(sources)) > MAX_KNOWN:
        return None
    return _known_decoders(actors, sources)


@functools.lru_cache(maxsize=2)
def _known_decoders(actors: tuple[str, ...], sources: tuple[str, ...]) -> tuple[Any, Any]:
    # Annotations are read as the classes are made: the literals are this call's.
    # (Names of their own: a class body assigns a field's default before it
    # reads its annotation.)
    an_actor = Literal[actors]  # type: ignore[valid-type]
    a_source = Literal[sources]  # type: ignore[valid-type]

    class KnownDate(FuzzyDate):
        source: a_source | None = None

    class KnownEvent(Event):
        date: KnownDate
        participants: _items(an_actor) = []  # type: ignore[valid-type]
        sources: _items(a_source) = []  # type: ignore[valid-type]

    class KnownQuote(Quote):
        speaker: an_actor
        source: a_source | None = None

    return msgspec.json.Decoder(list[KnownEvent]), msgspec.json.Decoder(list[KnownQuote])


# A control character written as a JSON escape: ``\\b``, ``\\f``, a ``\\u``
# escape of a C0 or C1 control or DEL, or a lone surrogate (a ``\\uD83D\\uDE00``
# pair is an emoji). ``\\u000a``, ``\\u000d`` and an escaped backslash before a
# "u" are taken too: the exact way then decides, only slower. A ``\\r`` (CR, a
# line break in long text) is looked for where it may not be by the fast load's
# ``_check_texts``.
CONTROL_IN_JSON = re.compile(
    rb"\\(?:[bf]|u00[0189]|u007[fF]"
    rb"|u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!u[dD][89abAB][0-9a-fA-F]{2}\\)u[dD][c-fC-F])"
)
# A C1 control (U+0080 to U+009F) as UTF-8.
C1 = re.compile(b"\xc2[\x80-\x9f]")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


# Sources, actors and eras with the constraints the model
# (:mod:`viewer.domain.model`) gives them; what a struct cannot say (a pattern,
# a text's control characters, a date written as its precision asks)
# :func:`viewer.domain.file_check.check_header` checks. ``validate`` and the
# fast load both read a file's header so.


class Source(_Strict):
    id: Id
    title: Title
    publisher: Name | None = None
    url: Annotated[str, Meta(max_length=MAX_URL)] | None = None
    language: LanguageTag | None = None
    published: FuzzyDate | None = None
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = None


class Actor(_Strict):
    id: Id
    kind: Literal["person", "organisation", "state"]
    name: Name
    role: Name | None = None
    affiliation: Name | None = None


class Era(_Strict):
    title: Title
    date: FuzzyDate


class _Header(_Strict):
    """A file but for its events and quotes: what both ways of reading one share."""

    schema_version: int
    id: Id
    title: Title
    language: LanguageTag
    description: LongText = ""
    sources: list[Source] = []
    actors: list[Actor] = []
    eras: _items(Era) = []  # type: ignore[valid-type]


class File(_Header):
    """What the fast load decodes a file into: its header whole; its events and
    quotes kept as raw JSON and decoded a batch at a time, so a load in a thread
    lets the window run between batches, reports how far it is, and can stop."""

    events: list[msgspec.Raw] = []
    quotes: list[msgspec.Raw] = []


FILE_DECODER = msgspec.json.Decoder(File)


class WholeFile(_Header):
    """What ``validate`` decodes a file into: the whole of it."""

    events: list[Event] = []
    quotes: list[Quote] = []


WHOLE_FILE_DECODER = msgspec.json.Decoder(WholeFile)


class Unsure(Exception):
    """Something the fast checks cannot vouch for: the exact way decides."""


def require(condition: bool) -> None:
    if not condition:
        raise Unsure


def check_claims(claims: Iterable[Claim], actors: Container[str], sources: Container[str]) -> None:
    """Each claim's speaker, go-between and source is one the file declares and
    its figure is a range (low, high or both, low first); else :class:`Unsure`.
    The fast load and ``validate`` both check claims with this."""
    for claim in claims:
        require(claim.by in actors and (claim.via is None or claim.via in actors))
        require(claim.source is None or claim.source in sources)
        figure = claim.figure
        if figure is not None:
            low, high = figure.low, figure.high
            require(low is not None or high is not None)
            require(low is None or high is None or low <= high)
