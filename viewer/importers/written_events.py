"""Events an importer hands the writer, vouched for as they are, not decoded
again from the bytes written (Qt-free).

An importer makes an event's values from a few that repeat (ACLED's dates,
kinds, titles, places, actors: a few thousand distinct ones in a million
rows) and a few that are the row's own (its id, summary, fatalities and
coordinates). :class:`WrittenEvents` checks a batch of events a column at a
time: each distinct value of the repeating fields the first time it comes
(against the model's own limits; the date as :mod:`~viewer.domain.file_check`
checks one, or by :class:`~viewer.domain.model.FuzzyDate` itself when that is
unsure), then only whether it is one seen before; the row's own values over
the whole column (the ids' pattern in one search over them joined, the
numbers' types and ranges).

It vouches only for what it knows: an event with any other field (status,
related events, claims, when first reported), a value of another type, or
one outside its limits makes it say no, and the batch is then checked the
exact way (:mod:`~viewer.importers.output_check`), which names the problem.
Control characters in any text are searched for in the bytes written, as
before (``output_check._control_bytes``); what needs the whole file (ids
unique, references known) stays with the output check.

An event and its values are not changed once handed to the writer (the
writer encodes them at once; the check reads them when its batch is full).

An importer that keeps the values that repeat may keep them written:
:meth:`WrittenEvents.piece` checks a field's value once and gives it back
encoded as the file holds it after the fields before it (``,"title":"..."``),
as a :class:`Piece` of that field's own type, or as plain ``bytes`` when it is
not plainly valid. A batch of events made of pieces (:data:`HEAD` and
:data:`TAIL`, in that order, around each one's id and summary) is then
vouched for by its ids, its summaries and its pieces' types, a column at a
time (:meth:`WrittenEvents.vouch_columns`), and its bytes are the very bytes
the check was made on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any, ClassVar

import msgspec

from viewer.domain.dates import OPEN_END, Precision, parse_point
from viewer.domain.file_structs import FuzzyDate as FileDate
from viewer.domain.terms import (
    MAX_ID,
    MAX_ITEMS,
    MAX_LONG_TEXT,
    MAX_PLACE,
    MAX_TAG,
    MAX_TITLE,
    EventKind,
)
from viewer.domain.text import control_in

# The fields vouched for; any other sends the batch the exact way.
_FIELDS = frozenset(
    {
        "id",
        "kind",
        "title",
        "date",
        "participants",
        "places",
        "tags",
        "summary",
        "sources",
        "fatalities",
        "coordinates",
    }
)
_KINDS = frozenset(kind.value for kind in EventKind)
# The largest number of fatalities vouched for (a JSON reader's whole number).
_MOST_FATALITIES = 2**63 - 1
# An id as the model takes it; ids joined by line breaks, one search for all.
_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:-]{{0,{MAX_ID - 1}}}", re.ASCII)
_IDS = re.compile(rf"{_ID.pattern}(?:\n{_ID.pattern})*", re.ASCII)
# Each memory of values vouched for is emptied past this many (memory stays flat).
_MOST_KEPT = 1 << 15
_ENCODE = msgspec.json.Encoder().encode
_EMPTY: tuple[str, ...] = ()
_LISTS = frozenset({list, tuple})
_DATE = msgspec.json.Decoder(FileDate)
_PRECISIONS = {precision.value: precision for precision in Precision}


# The fields of an event made of pieces, before its summary and after it.
HEAD = ("kind", "title", "date", "participants", "places", "tags")
TAIL = ("sources", "fatalities", "coordinates")


class Piece(bytes):
    """A field of an event and its value, encoded as the file holds them
    after the fields before them (``,"title":"..."``; empty: the field is left
    out, its default), plainly valid: made by :meth:`WrittenEvents.piece` only.
    Each field has a type of its own (:func:`piece_type`)."""

    __slots__ = ()
    field: ClassVar[str] = ""


_PIECE_TYPES: dict[str, type[Piece]] = {
    field: type(f"{field.title()}Piece", (Piece,), {"field": field}) for field in (*HEAD, *TAIL)
}


def piece_type(field: str) -> type[Piece]:
    """The type of the pieces of ``field``."""
    return _PIECE_TYPES[field]


def ids_plainly(ids: list[Any]) -> bool:
    """Whether every one of ``ids`` is a text the model takes as an id."""
    if not ids:
        return True
    if set(map(type, ids)) != {str}:
        return False
    joined = "\n".join(ids)
    return joined.count("\n") == len(ids) - 1 and _IDS.fullmatch(joined) is not None


def _one_line(limit: int) -> Callable[[Any], bool]:
    def fits(text: Any) -> bool:
        return type(text) is str and 0 < len(text) <= limit and control_in(text) is None

    return fits


_TITLE, _PLACE, _TAG = _one_line(MAX_TITLE), _one_line(MAX_PLACE), _one_line(MAX_TAG)


def _date(key: tuple[tuple[str, Any], ...]) -> bool:
    """Whether the date of ``key`` (its items) is one the model takes, and ends
    after it starts: said without pydantic when it plainly is (decoded as the
    file's struct, checked as :mod:`~viewer.domain.file_check` checks a date),
    else by :class:`~viewer.domain.model.FuzzyDate` itself."""
    encoded = _ENCODE(dict(key))
    try:
        if _date_plainly(_DATE.decode(encoded)):
            return True
    except (msgspec.DecodeError, ValueError, KeyError):
        pass  # unsure: the model says
    return date_exactly(encoded)


def _date_plainly(date: FileDate) -> bool:
    """Whether ``date`` (of the file's struct: its types and lengths checked)
    is plainly valid: its points written as its precision asks (else
    ``ValueError``), an open end not approximate, a closed end after its
    start, its note one line, its source an id."""
    precision = _PRECISIONS[date.precision]
    earliest = parse_point(date.start, precision)[0]
    end = date.end
    if end == OPEN_END:
        if date.approximate:
            return False
    elif end is not None and parse_point(end, precision)[1] <= earliest:
        return False
    if date.note is not None and control_in(date.note) is not None:
        return False
    return date.source is None or _ID.fullmatch(date.source) is not None


def date_exactly(encoded: bytes) -> bool:
    """Whether the JSON ``encoded`` is a date the model takes
    (:class:`~viewer.domain.model.FuzzyDate`), ending after it starts."""
    # Here, not at the top: a plainly valid date never needs pydantic.
    from pydantic import ValidationError

    from viewer.domain.model import FuzzyDate

    try:
        date = FuzzyDate.model_validate_json(encoded)
    except ValidationError:
        return False
    return date.closed_end is None or date.latest > date.earliest


class WrittenEvents:
    """Vouches for batches of events: their values remembered once vouched for."""

    def __init__(self) -> None:
        self._titles: set[Hashable] = set()
        self._dates: set[Hashable] = set()
        self._places: set[Hashable] = set()
        self._tags: set[Hashable] = set()
        self._participants: set[Hashable] = set()
        self._sources: set[Hashable] = set()

    def vouch(self, events: list[dict[str, Any]], actors: set[str], sources: set[str]) -> bool:
        """Whether each of ``events`` is plainly valid on its own (its id's
        pattern, not whether it is unique); the actors and sources they refer
        to are added to ``actors`` and ``sources``."""
        try:
            return self._vouch(events, actors, sources)
        except (TypeError, KeyError, AttributeError, ValueError):
            return False  # a value of another type: checked the exact way

    def _vouch(self, events: list[dict[str, Any]], actors: set[str], sources: set[str]) -> bool:
        if set(map(type, events)) != {dict} or not set(chain.from_iterable(events)) <= _FIELDS:
            return False
        if not ids_plainly(list(map(itemgetter("id"), events))):
            return False
        if not set(map(itemgetter("kind"), events)) <= _KINDS:
            return False
        if not _new(self._titles, map(itemgetter("title"), events), _TITLE):
            return False
        dates = _distinct(list(map(itemgetter("date"), events)))
        if set(map(type, dates)) != {dict}:
            return False
        if not _new(self._dates, (tuple(date.items()) for date in dates), _date):
            return False
        for field, kept, fits, referred in (
            ("places", self._places, _PLACE, None),
            ("tags", self._tags, _TAG, None),
            ("participants", self._participants, ids_plainly, actors),
            ("sources", self._sources, ids_plainly, sources),
        ):
            column = _distinct([event.get(field, _EMPTY) for event in events])
            if not set(map(type, column)) <= _LISTS:
                return False
            if not _new_lists(kept, map(tuple, column), fits, referred):
                return False
        return _own_values(events)

    def piece(self, field: str, value: Any, actors: set[str], sources: set[str]) -> bytes:
        """``value`` of ``field`` (one of :data:`HEAD` or :data:`TAIL`; None: left
        out) written as a piece, a :class:`Piece` when it is plainly valid, else
        plain ``bytes`` (an event with one is checked the exact way). The actors
        and sources a valid piece refers to are added to ``actors`` and
        ``sources`` now, as if an event held it (an importer makes a piece to
        write it, and its ids from the actors and sources it writes)."""
        encoded = b"" if value is None else b',"' + field.encode() + b'":' + _ENCODE(value)
        try:
            fits = _piece_fits(field, value)
        except (TypeError, KeyError, AttributeError, ValueError, msgspec.EncodeError):
            fits = False
        if not fits:
            return encoded
        if value and field in ("participants", "sources"):
            (actors if field == "participants" else sources).update(value)
        return _PIECE_TYPES[field](encoded)

    def vouch_columns(
        self, ids: list[str], summaries: list[str], columns: Sequence[Sequence[bytes]]
    ) -> bool:
        """Whether each event of a batch given a column at a time (its id, its
        summary, its pieces: a column per field of :data:`HEAD` and
        :data:`TAIL`) is plainly valid on its own (its id's pattern, not
        whether it is unique): each piece a :class:`Piece` of the field at its
        place."""
        if not ids_plainly(ids):
            return False
        if set(map(type, summaries)) != {str} or max(map(len, summaries)) > MAX_LONG_TEXT:
            return False
        if len(columns) != len(HEAD) + len(TAIL) or {len(summaries), *map(len, columns)} != {
            len(ids)
        }:
            return False
        return all(
            set(map(type, column)) == {_PIECE_TYPES[field]}
            for column, field in zip(columns, (*HEAD, *TAIL), strict=True)
        )


def _piece_fits(field: str, value: Any) -> bool:
    """Whether ``value`` of ``field`` is plainly valid."""
    if value is None:
        return field not in ("kind", "title", "date")  # the model's default
    if field == "kind":
        return value in _KINDS
    if field == "title":
        return _TITLE(value)
    if field == "date":
        return type(value) is dict and _date(tuple(value.items()))
    if field in ("participants", "sources", "places", "tags"):
        if type(value) not in _LISTS or len(value) > MAX_ITEMS:
            return False
        if field in ("places", "tags"):
            return all(map(_PLACE if field == "places" else _TAG, value))
        return ids_plainly(list(value))
    if field == "fatalities":
        return type(value) is int and 0 <= value <= _MOST_FATALITIES
    if field == "coordinates":
        return _own_values([{"coordinates": value}])
    return False


def _distinct(values: list[Any]) -> list[Any]:
    """``values`` each once by identity: an importer hands the same list or
    dict to many events (its cache of them), which is then made a tuple,
    hashed and looked at once, not once per event. (An object's id is its
    own while it lives, and ``values`` keeps each one alive.)"""
    return list(dict(zip(map(id, values), values, strict=True)).values())


def _new(kept: set[Hashable], values: Iterable[Hashable], fits: Callable[[Any], bool]) -> bool:
    """Whether each of ``values`` is in ``kept`` or ``fits`` (then kept)."""
    new = set(values) - kept
    if not all(map(fits, new)):
        return False
    if len(kept) + len(new) > _MOST_KEPT:
        kept.clear()
    kept |= new
    return True


def _new_lists(
    kept: set[Hashable],
    values: Iterable[tuple[Any, ...]],
    fits: Callable[[Any], bool],
    referred: set[str] | None,
) -> bool:
    """:func:`_new` for lists (as tuples): at most MAX_ITEMS, each item
    fitting (an id list as a whole); the ids kept in ``referred``."""
    new = set(values) - kept
    for items in new:
        if len(items) > MAX_ITEMS:
            return False
        if referred is None:
            if not all(map(fits, items)):
                return False
        elif not fits(list(items)):
            return False
    if referred is not None:
        referred.update(chain.from_iterable(new))
    if len(kept) + len(new) > _MOST_KEPT:
        kept.clear()
    kept |= new
    return True


def _own_values(events: list[dict[str, Any]]) -> bool:
    """Each event's own values: its summary, fatalities and coordinates."""
    summaries = [event.get("summary", "") for event in events]
    if set(map(type, summaries)) != {str} or max(map(len, summaries)) > MAX_LONG_TEXT:
        return False
    dead = [n for event in events if (n := event.get("fatalities")) is not None]
    if dead and (set(map(type, dead)) != {int} or min(dead) < 0 or max(dead) > _MOST_FATALITIES):
        return False
    where = _distinct([c for event in events if (c := event.get("coordinates")) is not None])
    if not where:
        return True
    if set(map(type, where)) != {dict} or set(map(len, where)) != {2}:
        return False
    latitudes: list[float] = list(map(itemgetter("latitude"), where))
    longitudes: list[float] = list(map(itemgetter("longitude"), where))
    if set(map(type, latitudes)) | set(map(type, longitudes)) != {float}:
        return False
    if not math.isfinite(sum(latitudes) + sum(longitudes)):  # a NaN compares as in range
        return False
    return (
        min(latitudes) >= -90
        and max(latitudes) <= 90
        and min(longitudes) >= -180
        and max(longitudes) <= 180
    )
