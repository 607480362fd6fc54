"""Fuzzy dates: a point in time known only to some precision.

A model file writes each point in the form its precision calls for, so the
file itself says how much is known:

==========  ==========================  =====================================
precision   written as                  covers
==========  ==========================  =====================================
year        ``2025``                    the whole year
month       ``2025-05``                 the whole month
week        ``2025-W22``                the ISO week, Monday to Sunday
day         ``2025-06-01``              the calendar day
minute      ``2025-05-31T22:50+03:00``  that minute (a UTC offset is required)
==========  ==========================  =====================================

Calendar days carry no time zone: they are placed on the axis as UTC days,
which is what a reader of the source means by "on 1 June".

Years are astronomical, as ISO 8601's expanded form writes them: ``0000`` is
1 BC, ``-0043`` is 44 BC, so ``-0043-03-15`` is the Ides of March of 44 BC (see
:mod:`viewer.domain.calendar`, the proleptic Gregorian calendar). Points run
from -9999-01-01 to 9999-12-31, in UTC: a minute whose offset carries it past
either end is refused. A point is a pair of UTC seconds since 1970, the first
instant it covers and the one after its last. UTC offsets lie between
-12:00 and +14:00, the ones in use on Earth; their minutes are not restricted
to quarter hours, as local mean times of the past had others (Amsterdam kept
+00:20 until 1940).
"""

from __future__ import annotations

import re
from datetime import timedelta
from enum import StrEnum
from functools import lru_cache

from viewer.domain.calendar import (
    END_INSTANT,
    FIRST_INSTANT,
    MAX_YEAR,
    MIN_YEAR,
    seconds_of,
    valid_day,
    week_one_monday,
    weeks_in_year,
)


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    MINUTE = "minute"


FORMATS: dict[Precision, str] = {
    Precision.YEAR: "YYYY",
    Precision.MONTH: "YYYY-MM",
    Precision.WEEK: "YYYY-Www",
    Precision.DAY: "YYYY-MM-DD",
    Precision.MINUTE: "YYYY-MM-DDTHH:MM+HH:MM",
}

# ASCII digits only, as the JSON Schema's patterns mean (Python's \d takes any script's).
# A year before year 0 has a minus sign: ``-0043`` is 44 BC.
_PATTERNS: dict[Precision, re.Pattern[str]] = {
    Precision.YEAR: re.compile(r"(-?\d{4})", re.ASCII),
    Precision.MONTH: re.compile(r"(-?\d{4})-(\d{2})", re.ASCII),
    Precision.WEEK: re.compile(r"(-?\d{4})-W(\d{2})", re.ASCII),
    Precision.DAY: re.compile(r"(-?\d{4})-(\d{2})-(\d{2})", re.ASCII),
    Precision.MINUTE: re.compile(
        r"(-?\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?", re.ASCII
    ),
}

# Z, or an offset from -12:00 to +14:00 with minutes 00 to 59.
_OFFSET = r"(Z|\+(0\d|1[0-3]):[0-5]\d|\+14:00|-(0\d|1[01]):[0-5]\d|-12:00)"
# A year: 0000 to 9999, or -0001 to -9999 (never -0000); without a lookahead,
# which not every JSON Schema validator's regular expressions have.
_YEAR = r"(\d{4}|-(000[1-9]|00[1-9]\d|0[1-9]\d{2}|[1-9]\d{3}))"
_POINT = rf"{_YEAR}(-W\d{{2}}|-\d{{2}}(-\d{{2}}(T\d{{2}}:\d{{2}}{_OFFSET})?)?)?"
# A pattern that admits any of the forms, for the JSON Schema.
ANY_POINT_PATTERN = f"^{_POINT}$"
# The end of a date that is open ("from this day on"), written as EDTF does.
OPEN_END = ".."
# An end: any point, or the open end.
ANY_END_PATTERN = f"^(\\.\\.|{_POINT})$"


# The instant after the calendar's last day (the start of year 10000, which
# cannot be written): a unit that runs to the end of 9999-12-31 ends here.
END_OF_CALENDAR = END_INSTANT

# Views and bounds never leave the calendar's years, -9999 to 9999 (UTC
# seconds). The last second is kept out, so what a view shows is in year 9999.
MIN_T = FIRST_INSTANT
MAX_T = END_INSTANT - 1.0


def clamp_time(t: float) -> float:
    """``t`` (UTC seconds) moved into the calendar."""
    return min(max(t, MIN_T), MAX_T)


# UTC offsets in use on Earth run from -12:00 (Baker Island) to +14:00 (Kiribati).
MIN_OFFSET = timedelta(hours=-12)
MAX_OFFSET = timedelta(hours=14)
_OFFSET_RANGE = "-12:00 and +14:00"
# How much of a wrong point a message quotes: a file may hold megabytes there.
_QUOTED = 40


def quoted(text: str, limit: int = _QUOTED) -> str:
    """``text`` as ``repr`` shows it, cut after ``limit`` characters with its length."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


def _guess_precision(text: str) -> Precision | None:
    for precision, pattern in _PATTERNS.items():
        if pattern.fullmatch(text):
            return precision
    return None


def _offset(text: str, written: str) -> timedelta:
    """The UTC offset ``written`` (``Z`` or ``+HH:MM``) of the point ``text``."""
    if written == "Z":
        return timedelta(0)
    hours, minutes = int(written[1:3]), int(written[4:6])
    if minutes > 59:
        raise ValueError(
            f"not a valid minute: {quoted(text)} (the minutes of a UTC offset run from "
            f"00 to 59, found {written!r})"
        )
    offset = timedelta(hours=hours, minutes=minutes) * (-1 if written[0] == "-" else 1)
    if not MIN_OFFSET <= offset <= MAX_OFFSET:
        raise ValueError(
            f"not a valid minute: {quoted(text)} (a UTC offset lies between "
            f"{_OFFSET_RANGE}, found {written!r})"
        )
    return offset


@lru_cache(maxsize=1 << 16)
def parse_point(text: str, precision: Precision) -> tuple[float, float]:
    """Return the half-open UTC interval ``[first, after)`` that ``text`` covers,
    in seconds since 1970-01-01.

    A unit that runs past the end of 9999-12-31 (the ISO week 9999-W52 does)
    ends at :data:`END_OF_CALENDAR`.

    Raises ``ValueError`` with a message meant for the author of the file.
    Cached: a large timeline repeats the same days many times over.
    """
    match = _PATTERNS[precision].fullmatch(text)
    if match is None:
        guessed = _guess_precision(text)
        hint = f" (it is written like a {guessed.value})" if guessed else ""
        raise ValueError(
            f"does not match precision {precision.value!r}: expected "
            f"{FORMATS[precision]}, found {quoted(text)}{hint}"
        )
    parts = match.groups()
    if parts[0] == "-0000":
        raise ValueError(
            f"not a valid {precision.value}: {text!r} (year 0 is written 0000, "
            "without a minus sign)"
        )
    year = int(parts[0])
    offset = timedelta(0)
    if precision is Precision.MINUTE:
        if parts[5] is None:
            raise ValueError(f"a time needs a UTC offset such as +03:00 or Z, found {text!r}")
        offset = _offset(text, parts[5])
    if precision is Precision.YEAR:
        return seconds_of(year, 1, 1), _first_of(year + 1, 1)
    if precision is Precision.WEEK:
        week = int(parts[1])
        if not 1 <= week <= weeks_in_year(year):
            raise ValueError(
                f"not a valid week: {text!r} (year {parts[0]} has weeks 01 to "
                f"{weeks_in_year(year)}, found {parts[1]})"
            )
        first = (week_one_monday(year) + 7 * (week - 1)) * 86400.0
        return first, min(first + 7 * 86400.0, END_OF_CALENDAR)
    month = int(parts[1])
    if not 1 <= month <= 12:
        raise ValueError(f"not a valid {precision.value}: {text!r} (month must be in 1..12)")
    if precision is Precision.MONTH:
        return seconds_of(year, month, 1), _first_of(year + month // 12, month % 12 + 1)
    day = int(parts[2])
    if not valid_day(year, month, day):
        raise ValueError(f"not a valid {precision.value}: {text!r} (day is out of range for month)")
    if precision is Precision.DAY:
        first = seconds_of(year, month, day)
        return first, first + 86400.0
    hour, minute = int(parts[3]), int(parts[4])
    if hour > 23 or minute > 59:
        raise ValueError(f"not a valid minute: {text!r} (a time runs from 00:00 to 23:59)")
    first = seconds_of(year, month, day, hour, minute) - offset.total_seconds()
    if not MIN_T <= first < END_OF_CALENDAR:
        where = "before -9999-01-01" if first < MIN_T else "after 9999-12-31"
        raise ValueError(
            f"not a valid minute: {text!r} (in UTC that is {where}, "
            f"outside the calendar of years {_YEARS})"
        )
    return first, first + 60.0


def _first_of(year: int, month: int) -> float:
    """The first instant of a month, or the end of the calendar for one past 9999-12."""
    if year > MAX_YEAR:
        return END_OF_CALENDAR
    return seconds_of(year, month, 1)


# The years a point may have, as messages say them.
_YEARS = f"{MIN_YEAR:05d} to {MAX_YEAR}"
