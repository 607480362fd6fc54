"""A timeline's events as columns of numbers, for drawing and sorting (Qt-free).

A loaded timeline of a million events holds, per event, a few numbers in
numpy arrays (when it may start and end, its kind, status and precision),
its id and its title (all titles in one string), and the whole of it as
compact JSON (:mod:`~viewer.domain.records`, which :class:`EventTable`
extends). :func:`points` reads a column of dates as instants all at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, is_not
from typing import Any, NamedTuple, TypeVar

import msgspec
import numpy as np
import numpy.typing as npt

from viewer.domain.dates import END_OF_CALENDAR, MIN_T, Precision, parse_point
from viewer.domain.dates import OPEN_END as OPEN
from viewer.domain.model import Event, EventKind, EventStatus, FuzzyDate
from viewer.domain.records import Records, Rows, Strings

Floats = npt.NDArray[np.float64]
Codes = npt.NDArray[np.uint8]

# The order of each code column's values: code ``i`` is ``KINDS[i]``.
KINDS: tuple[EventKind, ...] = tuple(EventKind)
STATUSES: tuple[EventStatus, ...] = tuple(EventStatus)
PRECISIONS: tuple[Precision, ...] = tuple(Precision)
KIND_CODE = {kind.value: code for code, kind in enumerate(KINDS)}
STATUS_CODE = {status.value: code for code, status in enumerate(STATUSES)}
PRECISION_CODE = {precision.value: code for code, precision in enumerate(PRECISIONS)}

# Seconds since 1970 of the first instant of the calendar and of the one after it.
FIRST_SECOND = MIN_T
LAST_INSTANT = END_OF_CALENDAR


@dataclass(slots=True)
class EventFields:
    """The fields of event dicts that become columns, one list per field, in file order.

    Kinds, statuses, precisions and whether approximate are read as codes a
    chunk at a time (:meth:`extend`), while the chunk is in the processor's
    cache: one array per chunk."""

    ids: list[Any]
    titles: list[Any]
    kinds: list[Codes]
    statuses: list[Codes]
    precisions: list[Codes]
    starts: list[Any]
    ends: list[Any]
    approximate: list[npt.NDArray[np.bool_]]

    @classmethod
    def of(cls, events: list[Any]) -> EventFields:
        """Read from events: the app's models, or the structs the fast way decodes."""
        fields = cls([], [], [], [], [], [], [], [])
        fields.extend(events)
        return fields

    def extend(self, events: list[Any]) -> None:
        """Add the fields of more events (a chunk of those the fast way decodes)."""
        n = len(events)
        dates = list(map(attrgetter("date"), events))
        self.ids += map(attrgetter("id"), events)
        self.titles += map(attrgetter("title"), events)
        self.kinds.append(_codes(map(attrgetter("kind"), events), KIND_CODE, n))
        self.statuses.append(_codes(map(attrgetter("status"), events), STATUS_CODE, n))
        # KeyError for a precision that is not one.
        self.precisions.append(_codes(map(attrgetter("precision"), dates), PRECISION_CODE, n))
        self.starts += map(attrgetter("start"), dates)
        self.ends += map(attrgetter("end"), dates)
        self.approximate.append(np.fromiter(map(attrgetter("approximate"), dates), bool, n))

    def precision_codes(self) -> Codes:
        """Each date's precision as a code."""
        return _joined(self.precisions, np.uint8)

    def end_column(self) -> Ends:
        """Each date's end as an object column, and which are open and which closed."""
        n = len(self.ends)
        ends = _objects(self.ends)
        # Few events have an end: only theirs are compared with the open end.
        given = np.flatnonzero(np.fromiter(map(is_not, self.ends, repeat(None)), bool, n))
        opened = np.zeros(n, bool)
        opened[given] = ends[given] == OPEN
        closed = np.zeros(n, bool)
        closed[given] = ~opened[given]
        return Ends(ends, opened, closed)

    def flags(self, ends: Ends | None = None) -> Codes:
        """Each event's flags (:data:`APPROXIMATE`, :data:`OPEN_END`, :data:`CLOSED_END`)."""
        if ends is None:
            ends = self.end_column()
        flags = np.zeros(len(self.ids), np.uint8)
        flags[_joined(self.approximate, np.bool_)] |= APPROXIMATE
        flags[ends.opened] |= OPEN_END
        flags[ends.closed] |= CLOSED_END
        return flags

    def table(
        self,
        first: Floats,
        after: Floats,
        batches: list[bytes],
        keys: npt.NDArray[np.bytes_] | None = None,
        ids: Strings | None = None,
        precision: Codes | None = None,
        flags: Codes | None = None,
    ) -> EventTable:
        """The table of these events, whose JSON records are ``batches`` (see :func:`pack`);
        ``keys`` and ``ids``: their ids as bytes and as strings, ``precision`` and
        ``flags`` their columns (:meth:`precision_codes`, :meth:`flags`), if made already."""
        if flags is None:
            flags = self.flags()
        kind = _joined(self.kinds, np.uint8)
        status = _joined(self.statuses, np.uint8)
        if precision is None:
            precision = self.precision_codes()
        return EventTable(
            self.ids if ids is None else ids,
            self.titles,
            first,
            after,
            kind,
            status,
            precision,
            flags,
            batches,
            keys,
        )


class Ends(NamedTuple):
    """A column of dates' ends (:meth:`EventFields.end_column`)."""

    # Each end: None, an open end, or a point.
    column: npt.NDArray[np.object_]
    opened: npt.NDArray[np.bool_]
    # A point (start..end).
    closed: npt.NDArray[np.bool_]


class _Dated(msgspec.Struct):
    """An event's record read for its date alone."""

    date: dict[str, Any]


_DATES = msgspec.json.Decoder(list[_Dated])


def _objects(items: Sequence[Any]) -> npt.NDArray[np.object_]:
    """The items as a column of objects. (Assigning a list to an object array
    looks at every item as numpy would a sequence's: three times as long.)"""
    return np.fromiter(items, object, len(items))


def _codes(values: Iterable[Any], code: dict[str, int], n: int) -> Codes:
    return np.fromiter(map(code.__getitem__, values), np.uint8, n)


_Column = TypeVar("_Column", bound=np.generic)


def _joined(chunks: Sequence[npt.NDArray[_Column]], dtype: type[_Column]) -> npt.NDArray[_Column]:
    """A column of the arrays read a chunk at a time."""
    return np.concatenate(chunks) if chunks else np.zeros(0, dtype)


class EventTable(Records[Event]):
    """A timeline's events: columns for drawing and sorting, records for reading.

    ``first`` and ``after`` are the first instant an event's date may mean
    and the instant after its last, as seconds since 1970 (UTC), the same
    as ``date.earliest`` and ``date.latest`` give.
    """

    def __init__(
        self,
        ids: Sequence[str],
        titles: Sequence[str],
        first: Floats,
        after: Floats,
        kind: Codes,
        status: Codes,
        precision: Codes,
        flags: Codes,
        batches: list[bytes],
        keys: npt.NDArray[np.bytes_] | None = None,
        starts: Rows | None = None,
    ) -> None:
        super().__init__(Event, ids, batches, keys, starts)
        # Each event's place in id order.
        self.id_rank = np.empty(len(ids), np.int64)
        self.id_rank[self._by_id] = np.arange(len(ids))
        self.first = first
        self.after = after
        self.kind = kind
        self.status = status
        self.precision = precision
        # bit 0: approximate; bit 1: open end; bit 2: a closed end (start..end).
        self.flags = flags
        self.titles = Strings(titles)

    def title(self, row: int) -> str:
        return self.titles[row]

    def dates(self, rows: Sequence[int]) -> list[FuzzyDate]:
        """The dates of the events at ``rows``, read from their records without
        making the events (their other fields are skipped, not decoded)."""
        return [FuzzyDate.model_validate(dated.date) for dated in self.picked(rows, _DATES)]

    def kind_of(self, row: int) -> EventKind:
        return KINDS[int(self.kind[row])]

    def status_of(self, row: int) -> EventStatus:
        return STATUSES[int(self.status[row])]

    def happened(self, row: int) -> bool:
        return STATUSES[int(self.status[row])] is EventStatus.OCCURRED

    def approximate(self, row: int) -> bool:
        return bool(self.flags[row] & APPROXIMATE)

    def open_end(self, row: int) -> bool:
        return bool(self.flags[row] & OPEN_END)

    def closed_end(self, row: int) -> bool:
        return bool(self.flags[row] & CLOSED_END)


APPROXIMATE, OPEN_END, CLOSED_END = 1, 2, 4

# Where each precision's form has its digits and what it has between them
# (``YYYY-MM-DDTHH:MM``, then ``Z`` or ``+HH:MM``). The fast way reads a
# column of points as a matrix of bytes; anything else (another length, a
# digit of another script) goes to the exact way, which accepts it or says why not.
_SEPARATORS = {4: b"-", 7: b"-", 10: b"T", 13: b":"}
_WIDTH = {Precision.YEAR: 4, Precision.MONTH: 7, Precision.DAY: 10}
_MINUTE_Z, _MINUTE_OFFSET = 17, 22
_LF = ord("\n")


def _number(matrix: npt.NDArray[np.uint8], first: int, last: int) -> npt.NDArray[np.int64]:
    """The digits in columns ``first`` to ``last`` (exclusive) as numbers; -1 if not digits."""
    digits = matrix[:, first:last].astype(np.int64) - ord("0")
    value = digits @ (10 ** np.arange(last - first - 1, -1, -1, dtype=np.int64))
    return np.where(((digits >= 0) & (digits <= 9)).all(axis=1), value, -1)


def _calendar(
    matrix: npt.NDArray[np.uint8], width: int
) -> tuple[npt.NDArray[Any], npt.NDArray[Any]] | None:
    """The first and the after instant of each ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    for at, byte in _SEPARATORS.items():
        if at < width and not (matrix[:, at] == byte[0]).all():
            return None
    year = _number(matrix, 0, 4)
    if (year < 0).any():
        return None
    years = (year - 1970).astype("datetime64[Y]")
    if width == 4:
        return years, years + 1
    month = _number(matrix, 5, 7)
    if ((month < 1) | (month > 12)).any():
        return None
    months = years.astype("datetime64[M]") + (month - 1)
    if width == 7:
        return months, months + 1
    day = _number(matrix, 8, 10)
    in_month = (months + 1).astype("datetime64[D]") - months.astype("datetime64[D]")
    if ((day < 1) | (day > in_month.astype(np.int64))).any():
        return None
    days = months.astype("datetime64[D]") + (day - 1)
    return days, days + 1


def _minutes(texts: list[str]) -> tuple[npt.NDArray[Any], npt.NDArray[Any]] | None:
    lengths = np.fromiter(map(len, texts), np.int64, len(texts))
    if not np.isin(lengths, (_MINUTE_Z, _MINUTE_OFFSET)).all():
        return None
    matrix = np.array(texts, f"S{_MINUTE_OFFSET}").view(np.uint8).reshape(len(texts), -1)
    spans = _calendar(matrix, 10)
    if spans is None or not (matrix[:, 10] == ord("T")).all():
        return None
    hour, minute = _number(matrix, 11, 13), _number(matrix, 14, 16)
    if not (matrix[:, 13] == ord(":")).all() or ((hour < 0) | (hour > 23)).any():
        return None
    if ((minute < 0) | (minute > 59)).any():
        return None
    zulu = lengths == _MINUTE_Z
    if not (matrix[zulu, 16] == ord("Z")).all():
        return None
    sign = np.where(matrix[:, 16] == ord("-"), -1, 1)
    written = ~zulu
    if not np.isin(matrix[written, 16], (ord("+"), ord("-"))).all():
        return None
    if not (matrix[written, 19] == ord(":")).all():
        return None
    off_hour, off_minute = _number(matrix, 17, 19), _number(matrix, 20, 22)
    offset = np.where(zulu, 0, sign * (off_hour * 60 + off_minute))
    bad = written & ((off_hour < 0) | (off_minute < 0) | (off_minute > 59))
    if bad.any() or ((offset < -12 * 60) | (offset > 14 * 60)).any():
        return None
    local = spans[0].astype("datetime64[m]") + (hour * 60 + minute)
    first = local - offset
    return first, first + 1


def points(texts: Sequence[str], codes: Codes) -> tuple[Floats, Floats] | None:
    """The first instant each point means and the instant after it, in seconds.

    ``codes`` gives each point's precision. None when a point is not plainly
    valid: the caller then validates the exact, slow way, which says why.
    """
    n = len(texts)
    first = np.empty(n, np.float64)
    after = np.empty(n, np.float64)
    column = _objects(texts)
    for code, precision in enumerate(PRECISIONS):
        rows = np.flatnonzero(codes == code)
        if not len(rows):
            continue
        span = _span(precision, column.tolist() if len(rows) == n else column[rows].tolist())
        if span is None:
            return None
        first[rows], after[rows] = span
    return first, after


def _span(precision: Precision, texts: list[str]) -> tuple[Floats, Floats] | None:
    try:
        if precision is Precision.WEEK:
            return _weeks(texts) or _exact(precision, texts)
        if precision is Precision.MINUTE:
            found = _minutes(texts)
        else:
            width = _WIDTH[precision]
            matrix = _fixed_width(texts, width)
            if matrix is None:
                return _before_year_0(precision, texts)
            found = _calendar(matrix, width)
        if found is None:
            return _before_year_0(precision, texts)
        start = found[0].astype("datetime64[s]").astype(np.int64)
        end = found[1].astype("datetime64[s]").astype(np.int64)
    except (ValueError, UnicodeEncodeError):  # not ASCII, a week that is not in its year, ...
        return None
    starts, ends = start.astype(np.float64), end.astype(np.float64)
    if len(starts) and (starts.min() < FIRST_SECOND or starts.max() >= LAST_INSTANT):
        return None
    return starts, np.minimum(ends, LAST_INSTANT)


def _weeks(texts: list[str]) -> tuple[Floats, Floats] | None:
    """ISO weeks ``YYYY-Www`` read as a matrix of bytes, as :func:`parse_point`
    reads each; None if one is not plainly one (then they are read one by one)."""
    matrix = _fixed_width(texts, 8)
    if matrix is None or not ((matrix[:, 4] == ord("-")) & (matrix[:, 5] == ord("W"))).all():
        return None
    year, week = _number(matrix, 0, 4), _number(matrix, 6, 8)
    if (year < 0).any() or (week < 1).any():
        return None
    # The Monday of week 1 is the Monday on or before 4 January.
    fourth = (np.stack((year, year + 1)) - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    days = fourth.astype(np.int64) + 3
    monday = days - (days + 3) % 7  # 1970-01-01 was a Thursday
    if (week > (monday[1] - monday[0]) // 7).any():
        return None
    first = (monday[0] + 7 * (week - 1)) * 86400.0
    return first, np.minimum(first + 7 * 86400.0, LAST_INSTANT)


def _fixed_width(texts: list[str], width: int) -> npt.NDArray[np.uint8] | None:
    """The texts as a matrix of bytes, one a row, if every one is ``width``
    characters long; else None. UnicodeEncodeError if one is not ASCII.

    They are joined by line breaks: every text is ``width`` long and holds
    none exactly when each row of ``width + 1`` bytes ends with the only one
    in it. (Visiting a million strings scattered in memory once to join them
    costs less than asking each its length and then converting each.)"""
    try:
        joined = "\n".join(texts).encode("ascii")
    except UnicodeEncodeError:
        if set(map(len, texts)) != {width}:
            return None
        raise
    if len(joined) + 1 != len(texts) * (width + 1):
        return None
    rows = np.frombuffer(joined + b"\n", np.uint8).reshape(len(texts), width + 1)
    if not (rows[:, width] == _LF).all() or (rows[:, :width] == _LF).any():
        return None
    return rows[:, :width]


def _exact(precision: Precision, texts: list[str]) -> tuple[Floats, Floats]:
    """The points read one by one, the exact way (ValueError for one that is wrong)."""
    # Uncached: the cache would keep these strings, and with them
    # the memory of everything decoded around them.
    spans = {t: parse_point.__wrapped__(t, precision) for t in set(texts)}
    first = np.fromiter((spans[t][0] for t in texts), np.float64, len(texts))
    after = np.fromiter((spans[t][1] for t in texts), np.float64, len(texts))
    return first, after


def _before_year_0(precision: Precision, texts: list[str]) -> tuple[Floats, Floats] | None:
    """The points when some are in years before 0 (``-0043-03-15``): those are
    few and read the exact way, the others as ever. None if that is not why
    the fast way failed."""
    early = np.fromiter((t.startswith("-") for t in texts), bool, len(texts))
    if not early.any():
        return None
    rows, others = np.flatnonzero(early), np.flatnonzero(~early)
    first = np.empty(len(texts), np.float64)
    after = np.empty(len(texts), np.float64)
    first[rows], after[rows] = _exact(precision, [texts[i] for i in rows.tolist()])
    if len(others):
        rest = _span(precision, [texts[i] for i in others.tolist()])
        if rest is None:
            return None
        first[others], after[others] = rest
    return first, after
