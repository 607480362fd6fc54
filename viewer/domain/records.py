"""Events and quotes kept as compact JSON, not as one object each (Qt-free).

A loaded timeline keeps each event and quote as its record's compact JSON,
in arrays of :data:`BATCH` (one ``bytes`` each), and the ids as one string
(:class:`Strings`). The :class:`~viewer.domain.model.Event` a details pane
shows is made from its record when it is asked for, and a few thousand of
them are kept for the next time; rows are found by id by a bisection in the
ids sorted as bytes, and grouped by a key (:class:`Grouped`, quotes by event)
without a string per row.

Rows are in file order, so a problem's JSON path (``events[12]``) is a row.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from typing import Any, Generic, TypeVar, overload

import msgspec
import numpy as np
import numpy.typing as npt

from viewer.domain.model import Event, Quote

Rows = npt.NDArray[np.int64]

# Ids longer than this (in bytes) are looked up in a dict, not bisected.
_LONG_ID = 48
# Made objects kept for the next time they are asked for.
_CACHED = 4096

_Model = TypeVar("_Model", Event, Quote)

_ALNUM = np.zeros(256, bool)
for _range in (b"09", b"AZ", b"az"):
    _ALNUM[_range[0] : _range[1] + 1] = True
_ID_BYTE = _ALNUM.copy()
_ID_BYTE[list(b"._:-")] = True
_LF = ord("\n")
_ID_BYTE_OR_LF = _ID_BYTE.copy()
_ID_BYTE_OR_LF[_LF] = True


def id_keys(ids: list[str]) -> npt.NDArray[np.bytes_] | None:
    """The ids as bytes if every one has an id's pattern (a letter or digit, then
    letters, digits and . _ : -), checked as one matrix of bytes; else None.

    The ids are joined by line breaks (no id holds one) and read as one buffer:
    each of a million strings scattered in memory is visited once."""
    read = _id_bytes(ids)
    return None if read is None else read[0]


def id_column(ids: list[str]) -> tuple[npt.NDArray[np.bytes_], Strings] | None:
    """The ids as bytes (see :func:`id_keys`) and as :class:`Strings`, both from
    the one buffer of the ids joined (asking each of a million ids its length
    takes twice as long as the rest); None if one has not an id's pattern."""
    read = _id_bytes(ids)
    if read is None:
        return None
    keys, letters, lengths = read
    return keys, Strings.of_ascii(letters.tobytes(), lengths)


def _id_bytes(
    ids: list[str],
) -> tuple[npt.NDArray[np.bytes_], npt.NDArray[np.uint8], Rows] | None:
    """The ids as bytes, their letters one after another and their lengths."""
    if not ids:
        return np.zeros(0, "S1"), np.zeros(0, np.uint8), np.zeros(0, np.int64)
    try:
        joined = np.frombuffer("\n".join(ids).encode("ascii"), np.uint8)
    except UnicodeEncodeError:
        return None
    breaks = np.flatnonzero(joined == _LF)
    if len(breaks) != len(ids) - 1:  # a line break in an id
        return None
    starts = np.concatenate(([0], breaks + 1))
    lengths = np.concatenate((breaks, [len(joined)])) - starts
    # Within its length an id has only these bytes (a NUL in it is not one).
    if lengths.min() < 1 or not (_ALNUM[joined[starts]].all() and _ID_BYTE_OR_LF[joined].all()):
        return None
    width = int(lengths.max())
    matrix = np.zeros((len(ids), width), np.uint8)
    letters = joined[joined != _LF]
    matrix[np.arange(width) < lengths[:, None]] = letters
    return matrix.view(f"S{width}").ravel(), letters, lengths


class Strings(Sequence[str]):
    """Many short strings kept as one: a million ids as one ``str`` and an array
    of where each begins, instead of a million objects scattered in memory."""

    def __init__(self, items: Sequence[str]) -> None:
        self._joined: str
        self._at: Rows
        if isinstance(items, Strings):
            self._joined, self._at = items._joined, items._at
            return
        self._joined = "".join(items)
        self._at = np.zeros(len(items) + 1, np.int64)
        np.cumsum(np.fromiter(map(len, items), np.int64, len(items)), out=self._at[1:])

    @classmethod
    def of_ascii(cls, letters: bytes, lengths: npt.NDArray[np.int64]) -> Strings:
        """The strings of ASCII ``letters`` one after another, each as long as
        ``lengths`` says: no string is visited."""
        made = cls([])
        made._joined = letters.decode("ascii")
        made._at = np.zeros(len(lengths) + 1, np.int64)
        np.cumsum(lengths, out=made._at[1:])
        return made

    @classmethod
    def concat(cls, parts: Sequence[Strings]) -> Strings:
        """The strings of ``parts`` one after another, without an object per string."""
        joined = cls([])
        joined._joined = "".join(part._joined for part in parts)
        shifts = np.cumsum([0, *(len(part._joined) for part in parts)])
        joined._at = np.concatenate(
            [[0], *(part._at[1:] + shift for part, shift in zip(parts, shifts, strict=False))]
        ).astype(np.int64)
        return joined

    @property
    def joined(self) -> str:
        """All the strings as one."""
        return self._joined

    @property
    def longest(self) -> int:
        """The length of the longest string (0 if none)."""
        return int(np.diff(self._at).max()) if len(self) else 0

    def prefixed(self, prefix: str) -> Strings:
        """These strings, each with ``prefix`` before it."""
        return Strings([prefix + item for item in self]) if prefix else self

    def __len__(self) -> int:
        return len(self._at) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._joined[self._at[i] : self._at[i + 1]]

    def __iter__(self) -> Iterator[str]:
        joined, at = self._joined, self._at.tolist()
        return (joined[a:b] for a, b in pairwise(at))


class Records(Sequence[_Model], Generic[_Model]):
    """One model per row, made on demand from its JSON record and cached."""

    def __init__(
        self,
        model: type[_Model],
        ids: Sequence[str],
        batches: list[bytes],
        keys: npt.NDArray[np.bytes_] | None = None,
        starts: Rows | None = None,
    ) -> None:
        self._model: type[_Model] = model
        # The rows in id order, and their ids as bytes (ids are ASCII: their
        # pattern says so), sorted the way Python sorts the strings.
        if keys is None:
            keys = np.array(ids if isinstance(ids, list) else list(ids), "S")
        self._by_id = np.argsort(keys, kind="stable")
        self._sorted = keys[self._by_id]
        self._row: dict[str, int] | None = None
        if self._sorted.itemsize > _LONG_ID:  # long ids: a dict takes less memory
            self._row = {item_id: i for i, item_id in enumerate(ids)}
            self._sorted = self._sorted[:0]
        self.ids = Strings(ids)
        self._batches = batches
        # The row each batch begins with; None: every :data:`BATCH` rows (one file's
        # records). Timelines shown together keep each one's batches as they were.
        self._starts = starts
        self._made: OrderedDict[int, _Model] = OrderedDict()
        # The batch of records read last: the next row asked for is often in it.
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

    @property
    def batches(self) -> Sequence[bytes]:
        """The records as JSON arrays (of :data:`BATCH`, but see :meth:`spans`), in row order."""
        return self._batches

    @property
    def batch_starts(self) -> Rows:
        """The row each batch begins with."""
        if self._starts is None:
            return np.arange(0, len(self), BATCH, dtype=np.int64)[: len(self._batches)]
        return self._starts

    def spans(self) -> Iterator[tuple[int, bytes]]:
        """Each batch with the row it begins with."""
        return zip(self.batch_starts.tolist(), self._batches, strict=True)

    def decoded(self, first: int, after: int, decoder: msgspec.json.Decoder[Any]) -> list[Any]:
        """Rows ``first`` to ``after - 1`` as ``decoder`` decodes a batch (a list type)."""
        starts = self.batch_starts
        lo = int(np.searchsorted(starts, first, side="right")) - 1
        hi = int(np.searchsorted(starts, after, side="left"))
        if first >= after or lo < 0:
            return []
        items = [item for batch in self._batches[lo:hi] for item in decoder.decode(batch)]
        skip = first - int(starts[lo])
        return items[skip : skip + after - first]

    def picked(self, rows: Sequence[int], decoder: msgspec.json.Decoder[Any]) -> list[Any]:
        """The rows ``rows`` as ``decoder`` decodes a batch (a list type): each batch
        they are in is decoded once, whatever their order."""
        order = sorted(range(len(rows)), key=rows.__getitem__)
        picked: list[Any] = [None] * len(rows)
        last, items = -1, []
        for i in order:
            batch, at = self._locate(rows[i])
            if batch != last:
                last, items = batch, decoder.decode(self._batches[batch])
            picked[i] = items[at]
        return picked

    def _locate(self, row: int) -> tuple[int, int]:
        """The batch holding ``row``, and where in it."""
        if self._starts is None:
            return divmod(row, BATCH)
        batch = int(np.searchsorted(self._starts, row, side="right")) - 1
        return batch, row - int(self._starts[batch])

    def record(self, row: int) -> dict[str, Any]:
        """The row as the validated JSON data of its file."""
        batch, at = self._locate(row)
        if self._batch[0] != batch:
            self._batch = (batch, msgspec.json.decode(self._batches[batch]))
        record: dict[str, Any] = self._batch[1][at]
        return record

    def row_of(self, item_id: str) -> int | None:
        """The row of ``item_id``, or None: a bisection in the ids sorted as bytes."""
        if self._row is not None:
            return self._row.get(item_id)
        try:
            key = item_id.encode("ascii")
        except UnicodeEncodeError:
            return None  # no id is anything but ASCII
        at = int(np.searchsorted(self._sorted, key))
        if at < len(self._sorted) and self._sorted[at] == key:
            return int(self._by_id[at])
        return None

    def unique(self) -> bool:
        """No two rows have the same id (read from the ids sorted, or their dict)."""
        if self._row is not None:
            return len(self._row) == len(self)
        ordered = self._sorted
        return not bool((ordered[1:] == ordered[:-1]).any())

    def rows_of(self, item_ids: list[str]) -> Rows:
        """The row of each id, all of which are known (-1 for one that is not)."""
        one_by_one = self._row is not None or any("\x00" in i for i in item_ids)
        try:
            # numpy's bytes drop trailing NULs ("e1\x00" would find "e1"): those go one by one
            keys = np.array(item_ids, "S") if item_ids and not one_by_one else np.zeros(0, "S1")
        except UnicodeEncodeError:
            one_by_one = True
        if one_by_one:
            return np.array(
                [-1 if (r := self.row_of(i)) is None else r for i in item_ids], np.int64
            )
        at = np.minimum(np.searchsorted(self._sorted, keys), max(len(self._sorted) - 1, 0))
        if not len(self._sorted):
            return np.full(len(item_ids), -1, np.int64)
        found = self._sorted[at] == keys
        return np.where(found, self._by_id[at], -1).astype(np.int64)

    def by_id(self) -> ById[_Model]:
        return ById(self)


class ById(Mapping[str, _Model], Generic[_Model]):
    """Records by id, without making a model for each."""

    def __init__(self, records: Records[_Model]) -> None:
        self._records: Records[_Model] = records

    def __getitem__(self, key: str) -> _Model:
        row = self._records.row_of(key)
        if row is None:
            raise KeyError(key)
        return self._records[row]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._records.row_of(key) is not None

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
    """Rows grouped by a key (quotes by event, by speaker), in file order.

    ``codes`` gives each row's key as a number (-1 for none), ``keys`` the key
    of each number and ``code_of`` the number of a key. No key string is kept
    per row: a million short strings left among freed objects would keep
    their memory from going back to the system.
    """

    def __init__(
        self,
        records: Records[_Model],
        codes: Rows,
        keys: Sequence[str],
        code_of: Mapping[str, int] | Records[Any],
    ) -> None:
        self._records: Records[_Model] = records
        self._keys = keys
        self._code_of = code_of
        # Each row's key number (-1: none).
        self.codes = codes
        self._order = np.argsort(codes, kind="stable")
        self._bounds = np.searchsorted(codes[self._order], np.arange(len(keys) + 1))

    def rows_at(self, code: int) -> Rows:
        """The rows of the key numbered ``code`` (for quotes by event: the event's table row)."""
        return self._order[self._bounds[code] : self._bounds[code + 1]]

    def rows_from(self, first: int, after: int) -> tuple[list[int], list[int]]:
        """The rows of the keys numbered ``first`` to ``after - 1``, key by key, and
        where each key's rows begin in that list (with the end last)."""
        lo, hi = int(self._bounds[first]), int(self._bounds[after])
        rows: list[int] = self._order[lo:hi].tolist()
        starts: list[int] = (self._bounds[first : after + 1] - lo).tolist()
        return rows, starts

    def _rows(self, key: str) -> Rows | None:
        of = self._code_of
        code = of.row_of(key) if isinstance(of, Records) else of.get(key)
        if code is None:
            return None
        return self._order[self._bounds[code] : self._bounds[code + 1]]

    def __getitem__(self, key: str) -> Group[_Model]:
        rows = self._rows(key)
        if rows is None or not len(rows):
            raise KeyError(key)
        return Group(self._records, rows)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.count(key) > 0

    def __iter__(self) -> Iterator[str]:
        used = np.flatnonzero(np.diff(self._bounds))
        return (self._keys[int(code)] for code in used)

    def __len__(self) -> int:
        return int(np.count_nonzero(np.diff(self._bounds)))

    def count(self, key: str) -> int:
        rows = self._rows(key)
        return 0 if rows is None else len(rows)


# Records are kept as JSON arrays of this many: one small array is read to
# make one model, and encoding them in arrays is five times as fast as one by one.
BATCH = 64
_ENCODE = msgspec.json.Encoder()


def pack(items: list[Any]) -> list[bytes]:
    """The items' compact JSON (dicts, or msgspec structs), as arrays of :data:`BATCH` items."""
    return [_ENCODE.encode(items[at : at + BATCH]) for at in range(0, len(items), BATCH)]
