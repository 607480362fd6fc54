"""Events and quotes kept as columns, not as one object each (Qt-free).

A loaded timeline of a million events holds, per event, a few numbers in
numpy arrays (when it may start and end, its kind, status and precision),
its id and its title (all titles in one string), and the whole of it as
compact JSON, in one ``bytes`` for all events. The :class:`~viewer.domain.model.Event`
a details pane shows is made from that JSON when it is asked for, and a few
thousand of them are kept for the next time.

Rows are in file order, so a problem's JSON path (``events[12]``) is a row.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar, overload

import msgspec
import numpy as np
import numpy.typing as npt

from viewer.domain.dates import END_OF_CALENDAR, Precision, parse_point
from viewer.domain.dates import OPEN_END as OPEN
from viewer.domain.model import Event, EventKind, EventStatus, Quote

Floats = npt.NDArray[np.float64]
Codes = npt.NDArray[np.uint8]
Rows = npt.NDArray[np.int64]

#: The order of each code column's values: code ``i`` is ``KINDS[i]``.
KINDS: tuple[EventKind, ...] = tuple(EventKind)
STATUSES: tuple[EventStatus, ...] = tuple(EventStatus)
PRECISIONS: tuple[Precision, ...] = tuple(Precision)
KIND_CODE = {kind.value: code for code, kind in enumerate(KINDS)}
STATUS_CODE = {status.value: code for code, status in enumerate(STATUSES)}
PRECISION_CODE = {precision.value: code for code, precision in enumerate(PRECISIONS)}

#: Seconds since 1970 of the first instant of the calendar and of its last.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FIRST_SECOND = (datetime(1, 1, 1, tzinfo=UTC) - _EPOCH).total_seconds()
LAST_INSTANT = END_OF_CALENDAR.timestamp()
#: Made objects kept for the next time they are asked for.
_CACHED = 4096

_Model = TypeVar("_Model", Event, Quote)


class Records(Sequence[_Model], Generic[_Model]):
    """One model per row, made on demand from its JSON record and cached."""

    def __init__(self, model: type[_Model], ids: list[str], blob: bytes, offsets: Rows) -> None:
        self._model: type[_Model] = model
        self.ids = ids
        self._blob = blob
        self._offsets = offsets
        self._made: OrderedDict[int, _Model] = OrderedDict()
        self._row: dict[str, int] | None = None
        #: The batch of records read last: the next row asked for is often in it.
        self._batch: tuple[int, list[Any]] = (-1, [])

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, row: int) -> _Model: ...
    @overload
    def __getitem__(self, row: slice) -> list[_Model]: ...
    def __getitem__(self, row: int | slice) -> _Model | list[_Model]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        made = self._made.get(row)
        if made is None:
            made = self._model.model_validate(self.record(row))
            self._made[row] = made
            if len(self._made) > _CACHED:
                self._made.popitem(last=False)
        else:
            self._made.move_to_end(row)
        return made

    def __iter__(self) -> Iterator[_Model]:
        return (self[i] for i in range(len(self)))

    def record(self, row: int) -> dict[str, Any]:
        """The row as the validated JSON data of its file."""
        batch, at = divmod(row, BATCH)
        if self._batch[0] != batch:
            data = self._blob[int(self._offsets[batch]) : int(self._offsets[batch + 1])]
            self._batch = (batch, msgspec.json.decode(data))
        record: dict[str, Any] = self._batch[1][at]
        return record

    @property
    def row(self) -> dict[str, int]:
        """Row by id (made on first use: a million ids take a while)."""
        if self._row is None:
            self._row = {item_id: i for i, item_id in enumerate(self.ids)}
        return self._row

    def by_id(self) -> ById[_Model]:
        return ById(self)

    @property
    def nbytes(self) -> int:
        return len(self._blob) + self._offsets.nbytes


class ById(Mapping[str, _Model], Generic[_Model]):
    """Records by id, without making a model for each."""

    def __init__(self, records: Records[_Model]) -> None:
        self._records: Records[_Model] = records

    def __getitem__(self, key: str) -> _Model:
        return self._records[self._records.row[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._records.row

    def __iter__(self) -> Iterator[str]:
        return iter(self._records.ids)

    def __len__(self) -> int:
        return len(self._records)


class Group(Sequence[_Model], Generic[_Model]):
    """Some rows of a :class:`Records`: its length is known without making them."""

    def __init__(self, records: Records[_Model], rows: Rows) -> None:
        self._records: Records[_Model] = records
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> _Model: ...
    @overload
    def __getitem__(self, i: slice) -> list[_Model]: ...
    def __getitem__(self, i: int | slice) -> _Model | list[_Model]:
        if isinstance(i, slice):
            return [self._records[int(r)] for r in self.rows[i]]
        return self._records[int(self.rows[i])]

    def __iter__(self) -> Iterator[_Model]:
        return (self._records[int(r)] for r in self.rows)


class Grouped(Mapping[str, Group[_Model]], Generic[_Model]):
    """Rows grouped by a key column (quotes by event, by speaker), in file order."""

    def __init__(self, records: Records[_Model], keys: list[str]) -> None:
        self._records: Records[_Model] = records
        codes: dict[str, int] = {}
        column = np.fromiter(
            (codes.setdefault(key, len(codes)) for key in keys), np.int64, len(keys)
        )
        self._order = np.argsort(column, kind="stable")
        bounds = np.searchsorted(column[self._order], np.arange(len(codes) + 1))
        self._bounds = bounds
        self._codes = codes

    def __getitem__(self, key: str) -> Group[_Model]:
        code = self._codes[key]
        rows = self._order[self._bounds[code] : self._bounds[code + 1]]
        return Group(self._records, rows)

    def __contains__(self, key: object) -> bool:
        return key in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def count(self, key: str) -> int:
        code = self._codes.get(key)
        return 0 if code is None else int(self._bounds[code + 1] - self._bounds[code])


#: Records are kept as JSON arrays of this many: one small array is read to
#: make one model, and encoding them in arrays is five times as fast as one by one.
BATCH = 64
_ENCODE = msgspec.json.Encoder()


def pack(items: list[Any], chunk: int = 64 * BATCH) -> tuple[bytes, Rows]:
    """The items' compact JSON, a :data:`BATCH` per array, and where each array begins.

    ``items`` (dicts, or msgspec structs) is emptied as it is packed, so a big
    timeline's objects are freed while their JSON grows.
    """
    encode = _ENCODE.encode
    parts: list[bytes] = []
    lengths = [0]
    for first in range(0, len(items), chunk):
        batches = [
            encode(items[at : at + BATCH])
            for at in range(first, min(first + chunk, len(items)), BATCH)
        ]
        lengths.extend(map(len, batches))
        parts.append(b"".join(batches))
        items[first : first + chunk] = [None] * len(items[first : first + chunk])
    return b"".join(parts), np.cumsum(np.array(lengths, np.int64))


@dataclass(slots=True)
class EventFields:
    """The fields of event dicts that become columns, one list per field, in file order."""

    ids: list[Any]
    titles: list[Any]
    kinds: list[Any]
    statuses: list[Any]
    dates: list[Any]
    precisions: list[Any]
    starts: list[Any]
    ends: list[Any]
    approximate: list[Any]

    @classmethod
    def of(cls, events: list[Any]) -> EventFields:
        """Read from events: the app's models, or the structs the fast way decodes."""
        dates = [e.date for e in events]
        return cls(
            ids=[e.id for e in events],
            titles=[e.title for e in events],
            kinds=[e.kind for e in events],
            statuses=[e.status for e in events],
            dates=dates,
            precisions=[d.precision for d in dates],
            starts=[d.start for d in dates],
            ends=[d.end for d in dates],
            approximate=[d.approximate for d in dates],
        )

    def precision_codes(self) -> Codes:
        """Each date's precision as a code (KeyError for one that is not a precision)."""
        return _codes(self.precisions, PRECISION_CODE)

    def table(self, first: Floats, after: Floats, events: list[Any]) -> EventTable:
        """The table of these events; ``events`` is emptied as it is packed."""
        n = len(self.ids)
        flags = np.zeros(n, np.uint8)
        flags[np.fromiter(map(bool, self.approximate), bool, n)] |= APPROXIMATE
        opened = np.fromiter((end == OPEN for end in self.ends), bool, n)
        flags[opened] |= OPEN_END
        flags[~opened & np.fromiter((end is not None for end in self.ends), bool, n)] |= CLOSED_END
        kind = _codes(self.kinds, KIND_CODE)
        status = _codes(self.statuses, STATUS_CODE)
        precision = self.precision_codes()
        blob, offsets = pack(events)
        return EventTable(
            self.ids, self.titles, first, after, kind, status, precision, flags, blob, offsets
        )


def _codes(values: list[Any], code: dict[str, int]) -> Codes:
    return np.fromiter(map(code.__getitem__, values), np.uint8, len(values))


class EventTable(Records[Event]):
    """A timeline's events: columns for drawing and sorting, records for reading.

    ``first`` and ``after`` are the first instant an event's date may mean
    and the instant after its last, as seconds since 1970 (UTC), the same
    as ``date.earliest`` and ``date.latest`` give.
    """

    def __init__(
        self,
        ids: list[str],
        titles: list[str],
        first: Floats,
        after: Floats,
        kind: Codes,
        status: Codes,
        precision: Codes,
        flags: Codes,
        blob: bytes,
        offsets: Rows,
    ) -> None:
        super().__init__(Event, ids, blob, offsets)
        self.first = first
        self.after = after
        self.kind = kind
        self.status = status
        self.precision = precision
        #: bit 0: approximate; bit 1: open end; bit 2: a closed end (start..end).
        self.flags = flags
        self._titles = "".join(titles)
        self._title_at = np.zeros(len(titles) + 1, np.int64)
        np.cumsum([len(t) for t in titles], out=self._title_at[1:])

    def title(self, row: int) -> str:
        return self._titles[self._title_at[row] : self._title_at[row + 1]]

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

    @property
    def nbytes(self) -> int:
        arrays = (self.first, self.after, self.kind, self.status, self.precision, self.flags)
        return super().nbytes + sum(a.nbytes for a in arrays) + len(self._titles)


APPROXIMATE, OPEN_END, CLOSED_END = 1, 2, 4

_DIGIT = "[0-9]"
_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = f"{_MONTH}-(?:0[1-9]|[12]{_DIGIT}|3[01])"
_CLOCK = f"T(?:[01]{_DIGIT}|2[0-3]):[0-5]{_DIGIT}"
#: Each precision's form, a little stricter than the model's: what these
#: miss goes to the exact, slow path, which accepts it or says why not.
_FORMS = {
    Precision.YEAR: f"{_DIGIT}{{4}}",
    Precision.MONTH: f"{_DIGIT}{{4}}-{_MONTH}",
    Precision.WEEK: f"{_DIGIT}{{4}}-W{_DIGIT}{{2}}",
    Precision.DAY: f"{_DIGIT}{{4}}-{_DAY}",
    Precision.MINUTE: f"{_DIGIT}{{4}}-{_DAY}{_CLOCK}(?:Z|[+-]{_DIGIT}{{2}}:{_DIGIT}{{2}})",
}
_ALL_OF_FORM = {p: re.compile(f"(?:{form}\n)*") for p, form in _FORMS.items()}
_NUMPY_UNIT = {Precision.YEAR: "Y", Precision.MONTH: "M", Precision.DAY: "D"}


def _offset_minutes(written: str) -> int | None:
    if written == "Z":
        return 0
    try:
        first, _after = parse_point(f"2000-01-01T12:00{written}", Precision.MINUTE)
    except ValueError:
        return None
    return round((datetime(2000, 1, 1, 12, tzinfo=UTC) - first).total_seconds() / 60)


def points(texts: Sequence[str], codes: Codes) -> tuple[Floats, Floats] | None:
    """The first instant each point means and the instant after it, in seconds.

    ``codes`` gives each point's precision. None when a point is not plainly
    valid: the caller then validates the exact, slow way, which says why.
    """
    n = len(texts)
    first = np.empty(n, np.float64)
    after = np.empty(n, np.float64)
    for code, precision in enumerate(PRECISIONS):
        rows = np.flatnonzero(codes == code)
        if not len(rows):
            continue
        sub = [texts[i] for i in rows.tolist()]
        if _ALL_OF_FORM[precision].fullmatch("\n".join(sub) + "\n") is None:
            return None
        span = _span(precision, sub)
        if span is None:
            return None
        first[rows], after[rows] = span
    return first, after


def _span(precision: Precision, texts: list[str]) -> tuple[Floats, Floats] | None:
    unit = _NUMPY_UNIT.get(precision)
    try:
        if unit is not None:
            at = np.array(texts, f"datetime64[{unit}]")
            start = at.astype("datetime64[s]").astype(np.int64)
            end = (at + 1).astype("datetime64[s]").astype(np.int64)
        elif precision is Precision.MINUTE:
            local = np.array([t[:16] for t in texts], "datetime64[m]").astype(np.int64)
            offsets: dict[str, int | None] = {}
            shift = [offsets.setdefault(t[16:], _offset_minutes(t[16:])) for t in texts]
            if None in shift:
                return None
            start = (local - np.array(shift, np.int64)) * 60
            end = start + 60
        else:  # weeks: few, and numpy has no ISO weeks
            spans = {t: parse_point(t, precision) for t in set(texts)}
            start = np.array([spans[t][0].timestamp() for t in texts])
            end = np.array([spans[t][1].timestamp() for t in texts])
    except ValueError:  # a day that is not in its month, ...
        return None
    starts, ends = start.astype(np.float64), end.astype(np.float64)
    if len(starts) and (starts.min() < FIRST_SECOND or starts.max() >= LAST_INSTANT):
        return None
    return starts, np.minimum(ends, LAST_INSTANT)
