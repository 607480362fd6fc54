"""TimelineJS dates as the model's dates, for slides and eras (Qt-free).

The parts a date gives set its precision, and an end is written at the
start's; how, and what is left out, is told in
:mod:`~viewer.importers.timelinejs.convert`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from viewer.domain.dates import Precision, quoted
from viewer.domain.model import MAX_DATE_NOTE
from viewer.domain.words import QT_TRANSLATE_NOOP, translate
from viewer.importers.common import ImportReport, plain
from viewer.importers.html_text import read_html
from viewer.importers.timelinejs.fields import Bad, kind_of, text_in
from viewer.importers.timelinejs.report import Tally

_WHOLE_NUMBER = re.compile(r"[+-]?\d{1,12}", re.ASCII)
# The date parts TimelineJS gives, coarsest first, with the range of each.
_CHAIN: tuple[tuple[str, int, int], ...] = (
    ("month", 1, 12),
    ("day", 1, 31),
    ("hour", 0, 23),
    ("minute", 0, 59),
)
_FINE = (("second", 0, 59), ("millisecond", 0, 999))
# The precisions a TimelineJS date can have, coarsest first.
_ORDER = (Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.MINUTE)
_PARTS = {Precision.YEAR: 1, Precision.MONTH: 2, Precision.DAY: 3, Precision.MINUTE: 5}
# What is said of a date part out of its range (translated when said).
_NOT_A = {
    "month": QT_TRANSLATE_NOOP("importers", "{0} is not a month (from {1} to {2})"),
    "day": QT_TRANSLATE_NOOP("importers", "{0} is not a day (from {1} to {2})"),
    "hour": QT_TRANSLATE_NOOP("importers", "{0} is not an hour (from {1} to {2})"),
    "minute": QT_TRANSLATE_NOOP("importers", "{0} is not a minute (from {1} to {2})"),
    "second": QT_TRANSLATE_NOOP("importers", "{0} is not a second (from {1} to {2})"),
    "millisecond": QT_TRANSLATE_NOOP("importers", "{0} is not a millisecond (from {1} to {2})"),
}


# The date's note on a start or end given more coarsely than the other.
_GIVEN_ONLY = {
    ("start", Precision.YEAR): QT_TRANSLATE_NOOP("importers", "start given only as a year"),
    ("start", Precision.MONTH): QT_TRANSLATE_NOOP("importers", "start given only as a month"),
    ("start", Precision.DAY): QT_TRANSLATE_NOOP("importers", "start given only as a day"),
    ("end", Precision.YEAR): QT_TRANSLATE_NOOP("importers", "end given only as a year"),
    ("end", Precision.MONTH): QT_TRANSLATE_NOOP("importers", "end given only as a month"),
    ("end", Precision.DAY): QT_TRANSLATE_NOOP("importers", "end given only as a day"),
}


@dataclass(frozen=True, slots=True)
class _When:
    """A TimelineJS date as the model can hold it."""

    precision: Precision
    parts: tuple[int, ...]  # year, month, day, hour, minute: as many as the precision needs
    display: str
    dropped_seconds: bool
    gap: bool  # a finer part was given without a coarser one


def date_of(
    slide: dict[str, Any], here: str, report: ImportReport, tally: Tally, *, end_kept: bool
) -> dict[str, Any]:
    """The model date of a slide or era; raises :class:`Bad` when its start cannot be read."""
    start = _when(slide.get("start_date"), f"{here}.start_date")
    if start is None:
        raise Bad(
            f"{here}.start_date",
            translate("importers", "missing: a start date with a year is needed"),
        )
    try:
        end = _when(slide.get("end_date"), f"{here}.end_date")
    except Bad as unread:
        if not end_kept:
            raise
        report.problem(
            unread.where,
            translate("importers", "{0}; the event is kept without an end").format(unread.message),
        )
        end = None
    precision, widened = start.precision, None
    start_parts, end_parts = start.parts, end.parts if end is not None else ()
    if end is not None and end.precision != start.precision:
        # The finer of the two is kept (a deadline at 23:59 stays one); the other
        # runs from the first (a start) or to the last (an end) minute, day or
        # month of its unit, and the date's note says which it was.
        precision = max(start.precision, end.precision, key=_ORDER.index)
        count = _PARTS[precision]
        start_parts, end_parts = _widened(start.parts, count), _widened(end.parts, count, last=True)
        widened = ("start", start.precision) if start.precision != precision else None
        tally.mixed += 1
    date: dict[str, Any] = {"precision": precision.value, "start": _point(start_parts)}
    if end is not None:
        if end_parts < start_parts:
            ends = (date["start"], _point(end_parts))
            if not end_kept:
                raise Bad(
                    f"{here}.end_date",
                    translate("importers", "ends before it starts ({0} to {1})").format(*ends),
                )
            report.problem(
                f"{here}.end_date",
                translate(
                    "importers",
                    "ends before it starts ({0} to {1}); the event is kept without an end",
                ).format(*ends),
            )
        elif end_parts > start_parts:
            date["end"] = _point(end_parts)
            if end.precision != precision:
                widened = ("end", end.precision)
    for when in (start, end):
        if when is not None:
            tally.seconds += when.dropped_seconds
            tally.gaps += when.gap
    tally.minutes += precision is Precision.MINUTE
    note = text_in(slide, "display_date", here, report)
    if not note:
        shown = [when.display for when in (start, end) if when is not None and when.display]
        note = " \u2013 ".join(shown)
    note = plain(read_html(note).text, MAX_DATE_NOTE) if note else ""
    if widened is not None:
        said = translate("importers", _GIVEN_ONLY[widened])
        note = plain(f"{note} ({said})" if note else said, MAX_DATE_NOTE)
    if note:
        date["note"] = note
    return date


def _when(value: Any, here: str) -> _When | None:
    """A TimelineJS date, or None when it gives no part at all."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise Bad(
            here, translate("importers", "expected an object, found {0}").format(kind_of(value))
        )
    year = _number(value, "year", here)
    given = {part: _number(value, part, here) for part, _, _ in (*_CHAIN, *_FINE)}
    display = value.get("display_date")
    display = display if isinstance(display, str) else ""
    if year is None:
        if any(number is not None for number in given.values()):
            raise Bad(f"{here}.year", translate("importers", "missing: a date needs a year"))
        return None
    if not -10_000 <= year <= 9999:
        #: {0} is the year as the TimelineJS file gives it; TimelineJS writes 44 BC as -44.
        cannot = translate(
            "importers",
            "the year {0} cannot be held: the model's years run from 10000 BC "
            "(in TimelineJS -10000) to 9999",
        )
        raise Bad(f"{here}.year", cannot.format(year))
    # TimelineJS shows a negative year as the year before the common era that
    # it names (-44 reads "44 BCE"): that is the year meant, astronomical -43.
    # Its year 0 is JavaScript's, 1 BC.
    parts = [year + 1 if year < 0 else year]
    for part, low, high in _CHAIN:
        number = given[part]
        if number is None:
            if part == "minute" and len(parts) == 4:
                parts.append(0)  # an hour without minutes is its first minute
            break
        if part == "day":
            high = calendar.monthrange(parts[0], parts[1])[1]
        if not low <= number <= high:
            raise Bad(f"{here}.{part}", _out_of_range(part, number, low, high))
        parts.append(number)
    for part, low, high in _FINE:
        number = given[part]
        if number is not None and not low <= number <= high:
            raise Bad(f"{here}.{part}", _out_of_range(part, number, low, high))
    taken = {part for part, _, _ in _CHAIN[: len(parts) - 1]}
    gap = any(given[part] is not None for part, _, _ in _CHAIN if part not in taken)
    dropped = any(given[part] for part, _, _ in _FINE)
    if len(parts) < 5:
        gap = gap or any(given[part] is not None for part, _, _ in _FINE)
        dropped = False
    precision = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY, 5: Precision.MINUTE}[
        len(parts)
    ]
    return _When(precision, tuple(parts), display, dropped, gap)


def _out_of_range(part: str, value: int, low: int, high: int) -> str:
    """What is said of ``value``, a date part outside ``low`` to ``high``."""
    return translate("importers", _NOT_A[part]).format(value, low, high)


def _widened(parts: tuple[int, ...], count: int, *, last: bool = False) -> tuple[int, ...]:
    """``parts`` given to ``count`` parts: the first month, day, hour and minute
    of the unit they name, or (``last``) its last."""
    widened = list(parts)
    while len(widened) < count:
        if len(widened) == 1:
            widened.append(12 if last else 1)
        elif len(widened) == 2:
            widened.append(calendar.monthrange(widened[0], widened[1])[1] if last else 1)
        else:  # a day to a minute: its first or last, hour and minute at once
            widened.extend((23, 59) if last else (0, 0))
    return tuple(widened)


def _point(parts: tuple[int, ...]) -> str:
    """A point as :mod:`viewer.domain.dates` writes it at the precision its parts give."""
    written = f"{'-' if parts[0] < 0 else ''}{abs(parts[0]):04d}"
    if len(parts) > 1:
        written += f"-{parts[1]:02d}"
    if len(parts) > 2:
        written += f"-{parts[2]:02d}"
    if len(parts) > 3:
        written += f"T{parts[3]:02d}:{parts[4]:02d}+00:00"
    return written


def _number(date: dict[str, Any], part: str, here: str) -> int | None:
    """A date part given as a number or a string of digits; None when not given."""
    value = date.get(part)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise Bad(f"{here}.{part}", _not_whole(kind_of(value)))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise Bad(f"{here}.{part}", _not_whole(repr(value)))
    if isinstance(value, str):
        if _WHOLE_NUMBER.fullmatch(value.strip()):
            return int(value.strip())
        raise Bad(f"{here}.{part}", _not_whole(quoted(value)))
    raise Bad(f"{here}.{part}", _not_whole(kind_of(value)))


def _not_whole(found: str) -> str:
    return translate("importers", "expected a whole number, found {0}").format(found)


def any_year_before_1(slides: list[Any], eras: Any) -> bool:
    """Whether a slide or era of the file dates itself before year 1 (TimelineJS's
    year 0 or less), so the import is written in the format that holds it."""
    items = [*slides, *(eras if isinstance(eras, list) else [])]
    for item in items:
        if not isinstance(item, dict):
            continue
        for key in ("start_date", "end_date"):
            date = item.get(key)
            if not isinstance(date, dict):
                continue
            try:
                year = _number(date, "year", key)
            except Bad:
                continue
            if year is not None and year <= 0:
                return True
    return False
