"""What changed between two timelines: events and quotes added, removed and changed,
field by field (Qt-free).

Used by ``timeline-viewer diff`` and meant for the window's list of changes and
for a store that remembers what each event held: :func:`fingerprint` is a
stable hash of an event's or a quote's content, :func:`diff_timelines` the
differences of two timelines.

Records are compared generically, as JSON, so a field the model gains is
compared without a word here. Two records are the same content when they hold
the same values once the model's defaults are left out: a file that writes
``"status": "occurred"`` or ``"participants": []`` says what a file without
them says, and the exact load (which writes no defaults) and the fast one
(which keeps each record as the file wrote it) give records that compare equal.

Fast on a million events: each record's JSON bytes, as the timeline keeps them,
are compared first (the same bytes are the same content, and most records of
two versions of a file are written byte for byte alike); only the few that
differ are decoded, made canonical and compared field by field.
"""

from __future__ import annotations

import hashlib
import json
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Union

import msgspec
import numpy as np
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from viewer.domain.model import Event, Quote
from viewer.domain.records import Records
from viewer.domain.timeline import Timeline

# The length of a fingerprint, in bytes (BLAKE2b's digest size).
FINGERPRINT_SIZE = 16

_RAW_BATCH = msgspec.json.Decoder(list[msgspec.Raw])
_DECODE = msgspec.json.Decoder()
_CANONICAL = msgspec.json.Encoder(order="sorted")


class _Absent:
    """A key a record does not hold (a default left out, or no value)."""

    def __repr__(self) -> str:
        return "ABSENT"


_ABSENT = _Absent()


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value that differs: where in the item (``title``, ``date.start``,
    ``claims[0].text``, ``participants``), and the old and the new value as JSON
    values. A value a record leaves out is the model's default for it (``[]``,
    ``"occurred"``), or None where the model has none (a claim that is not there)."""

    path: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class ItemChange:
    """An event or a quote in both timelines whose content differs, and how."""

    id: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class ItemsDiff:
    """The differences of one collection (events, or quotes) of two timelines.

    ``added`` and ``changed`` are in the new timeline's order, ``removed`` in
    the old one's; an item whose content is the same is in none of them.
    """

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ItemChange, ...] = ()

    @property
    def equal(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True, slots=True)
class TimelineDiff:
    """What differs between the events and between the quotes of two timelines."""

    events: ItemsDiff
    quotes: ItemsDiff

    @property
    def equal(self) -> bool:
        return self.events.equal and self.quotes.equal


# -- the model's defaults, read from the models themselves ---------------------------------


@dataclass(frozen=True, slots=True)
class _Field:
    # The field's default as a JSON value, or _ABSENT when it must be given.
    default: Any
    # The fields of the model its value is (or holds a list of), if any.
    inner: _Shape | None


_Shape = dict[str, _Field]


@cache
def _shape(model: type[BaseModel]) -> _Shape:
    """Each field of ``model`` in its order: its default and the model inside it."""
    shape: _Shape = {}
    for name, info in model.model_fields.items():
        default = (
            _ABSENT
            if info.is_required()
            else to_jsonable_python(info.get_default(call_default_factory=True))
        )
        inner = _inner_model(info.annotation)
        shape[name] = _Field(default, None if inner is None else _shape(inner))
    return shape


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation names, directly, as an option or as a list's items."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None:
        return None
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        args = args[:1]
    elif origin not in (Union, types.UnionType, tuple, list):
        return None
    for arg in args:
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _normal(value: Any, shape: _Shape | None) -> Any:
    """``value`` as its content: the defaults of ``shape``'s fields left out (at any
    depth), and every whole number a JSON integer (``50.0`` is ``50``). What needs
    no change is given back as it is (not copied)."""
    kind = type(value)
    if kind is dict:
        return _normal_object(value, shape)
    if kind is list:
        if not any(type(item) in _NOT_PLAIN for item in value):
            return value  # texts, ids: most lists
        return [_normal(item, shape) for item in value]
    if kind is float and value.is_integer():
        return int(value)
    return value


# What :func:`_normal` looks into or changes; every other JSON value stays as it is.
_NOT_PLAIN = frozenset((dict, list, float))


def _normal_object(value: dict[str, Any], shape: _Shape | None) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, item in value.items():
        field = shape.get(key) if shape is not None else None
        if field is None:
            kept[key] = _normal(item, None) if type(item) in _NOT_PLAIN else item
        elif item != field.default or type(item) is not type(field.default):
            kept[key] = _normal(item, field.inner) if type(item) in _NOT_PLAIN else item
    return kept


def canonical(record: Mapping[str, Any], model: type[BaseModel] = Event) -> bytes:
    """The canonical JSON of an event's (or, with ``model`` Quote, a quote's) record:
    the model's defaults left out, keys sorted, no white space, UTF-8, whole
    numbers as integers. Records with the same content have the same bytes."""
    return _CANONICAL.encode(_normal(dict(record), _shape(model)))


def fingerprint(record: Mapping[str, Any], model: type[BaseModel] = Event) -> bytes:
    """A stable hash of an event's (or a quote's: ``model`` Quote) content: BLAKE2b
    of its :func:`canonical` JSON, :data:`FINGERPRINT_SIZE` bytes. The same for
    the same content whatever the order of its keys, the white space of its file
    or the defaults it writes out."""
    return hashlib.blake2b(canonical(record, model), digest_size=FINGERPRINT_SIZE).digest()


def fingerprints(records: Records[Any], model: type[BaseModel]) -> dict[str, bytes]:
    """Each record's :func:`fingerprint`, by id, in row order."""
    shape = _shape(model)
    digest = hashlib.blake2b
    hashes = (
        digest(_CANONICAL.encode(_normal(record, shape)), digest_size=FINGERPRINT_SIZE).digest()
        for batch in records.batches
        for record in _DECODE.decode(batch)
    )
    return dict(zip(records.ids, hashes, strict=True))


def event_fingerprints(timeline: Timeline) -> dict[str, bytes]:
    """The :func:`fingerprint` of each of the timeline's events, by id, in row order."""
    return fingerprints(timeline.events, Event)


def quote_fingerprints(timeline: Timeline) -> dict[str, bytes]:
    """The :func:`fingerprint` of each of the timeline's quotes, by id, in row order."""
    return fingerprints(timeline.quotes, Quote)


# -- the differences -----------------------------------------------------------------------


def diff_timelines(old: Timeline, new: Timeline) -> TimelineDiff:
    """What changed from ``old`` to ``new``: events and quotes added, removed and
    changed (with the values that differ), matched by their ids."""
    return TimelineDiff(
        events=diff_records(old.events, new.events, Event),
        quotes=diff_records(old.quotes, new.quotes, Quote),
    )


def diff_records(old: Records[Any], new: Records[Any], model: type[BaseModel]) -> ItemsDiff:
    """The differences of two collections of records of ``model``, matched by id."""
    old_raw, new_raw = _raw_records(old), _raw_records(new)
    new_ids = list(new.ids)
    # Each new row's row in ``old`` (-1: not there), by a bisection in its sorted ids.
    matched = old.rows_of(new_ids)
    added: list[str] = []
    differ: list[tuple[int, int]] = []
    for row, (raw, before) in enumerate(zip(new_raw, matched.tolist(), strict=True)):
        if before < 0:
            added.append(new_ids[row])
        elif raw != old_raw[before]:
            differ.append((row, before))
    kept = np.zeros(len(old), bool)
    kept[matched[matched >= 0]] = True
    old_ids = old.ids
    removed = [old_ids[row] for row in np.flatnonzero(~kept).tolist()]
    shape = _shape(model)
    changed: list[ItemChange] = []
    for row, before in differ:
        was = _normal(_DECODE.decode(old_raw[before]), shape)
        now = _normal(_DECODE.decode(new_raw[row]), shape)
        if was != now:
            changed.append(ItemChange(new_ids[row], tuple(field_changes(was, now, shape))))
    return ItemsDiff(tuple(added), tuple(removed), tuple(changed))


def _raw_records(records: Records[Any]) -> list[msgspec.Raw]:
    """Each record's JSON as the timeline keeps it, in row order (not decoded)."""
    return [raw for batch in records.batches for raw in _RAW_BATCH.decode(batch)]


def field_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], shape: _Shape | None = None, path: str = ""
) -> Iterator[FieldChange]:
    """The values that differ between two records (or parts of them), in the model's
    field order (``shape``'s) then by name: a whole value for a text, a number or a
    list of them, and the values inside for an object (``date.start``) or a list of
    objects (``claims[0].text``)."""
    known = list(shape or ())
    keys = [k for k in known if k in old or k in new]
    keys += sorted((old.keys() | new.keys()) - set(known))
    for key in keys:
        field = shape.get(key) if shape is not None else None
        default = _ABSENT if field is None else field.default
        was, now = old.get(key, default), new.get(key, default)
        if was == now and type(was) is type(now):
            continue
        inner = None if field is None else field.inner
        yield from _value_changes(f"{path}.{key}" if path else key, was, now, inner)


def _value_changes(path: str, was: Any, now: Any, shape: _Shape | None) -> Iterator[FieldChange]:
    if isinstance(was, dict) and isinstance(now, dict):
        yield from field_changes(was, now, shape, path)
    elif _of_objects(was) and _of_objects(now):
        for at in range(max(len(was), len(now))):
            before = was[at] if at < len(was) else _ABSENT
            after = now[at] if at < len(now) else _ABSENT
            if before != after:
                yield from _value_changes(f"{path}[{at}]", before, after, shape)
    else:
        yield FieldChange(path, _json(was), _json(now))


def _of_objects(value: Any) -> bool:
    """A list with an object in it (claims), compared item by item."""
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def _json(value: Any) -> Any:
    return None if value is _ABSENT else value


def value_text(value: Any, none: str = "(none)") -> str:
    """A value of a change as plain text: a text as it is (``""`` when empty),
    nothing as ``none``, anything else as compact JSON."""
    if value is None:
        return none
    if isinstance(value, str):
        return value or '""'
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def values_apart(change: FieldChange, limit: int) -> tuple[str, str]:
    """A change's old and new value as plain text (:func:`value_text`), each cut
    at ``limit`` characters with "…". Two long values alike at their start are
    shown from a little before where they part: cut at the start alone, both
    would read the same."""
    old, new = value_text(change.old), value_text(change.new)
    start = 0
    if max(len(old), len(new)) > limit:
        same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
        if same is None:
            same = min(len(old), len(new))
        start = max(0, same - limit // 4)
    return _cut(old, start, limit), _cut(new, start, limit)


def _cut(text: str, start: int, limit: int) -> str:
    if start:
        text = "…" + text[start:]
    return text if len(text) <= limit else text[: limit - 1] + "…"
