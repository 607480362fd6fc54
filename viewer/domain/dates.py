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

Points run from 0001 to 9999-12-31 (Python's calendar), in UTC: a minute
whose offset carries it past either end is refused. UTC offsets lie between
-12:00 and +14:00, the ones in use on Earth; their minutes are not restricted
to quarter hours, as local mean times of the past had others (Amsterdam kept
+00:20 until 1940).
"""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache


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
_PATTERNS: dict[Precision, re.Pattern[str]] = {
    Precision.YEAR: re.compile(r"(\d{4})", re.ASCII),
    Precision.MONTH: re.compile(r"(\d{4})-(\d{2})", re.ASCII),
    Precision.WEEK: re.compile(r"(\d{4})-W(\d{2})", re.ASCII),
    Precision.DAY: re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII),
    Precision.MINUTE: re.compile(
        r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?", re.ASCII
    ),
}

# Z, or an offset from -12:00 to +14:00 with minutes 00 to 59.
_OFFSET = r"(Z|\+(0\d|1[0-3]):[0-5]\d|\+14:00|-(0\d|1[01]):[0-5]\d|-12:00)"
_POINT = rf"\d{{4}}(-W\d{{2}}|-\d{{2}}(-\d{{2}}(T\d{{2}}:\d{{2}}{_OFFSET})?)?)?"
# A pattern that admits any of the forms, for the JSON Schema.
ANY_POINT_PATTERN = f"^{_POINT}$"
# The end of a date that is open ("from this day on"), written as EDTF does.
OPEN_END = ".."
# An end: any point, or the open end.
ANY_END_PATTERN = f"^(\\.\\.|{_POINT})$"


# The last instant a datetime can hold. A unit that runs to the end of
# 9999-12-31 ends here: the instant after it (year 10000) cannot be written.
END_OF_CALENDAR = datetime.max.replace(tzinfo=UTC)

# Datetimes exist only in years 1..9999: views and bounds never leave them. The
# last second is kept out, so a timestamp's float rounding never reaches year 10000.
MIN_T = datetime(MINYEAR, 1, 1, tzinfo=UTC).timestamp()
MAX_T = datetime(MAXYEAR, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()


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


def _after(first: datetime, step: timedelta) -> datetime:
    """``first + step``, or the end of the calendar when that is past 9999."""
    try:
        return first + step
    except OverflowError:
        return END_OF_CALENDAR


def _first_of(year: int, month: int) -> datetime:
    """The first instant of a month, or the end of the calendar for one past 9999-12."""
    if year > MAXYEAR:
        return END_OF_CALENDAR
    return datetime(year, month, 1, tzinfo=UTC)


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
def parse_point(text: str, precision: Precision) -> tuple[datetime, datetime]:
    """Return the half-open UTC interval ``[first, after)`` that ``text`` covers.

    A unit that runs to the end of 9999-12-31 ends at :data:`END_OF_CALENDAR`,
    a microsecond early, as the instant after it cannot be written.

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
    if int(parts[0]) < MINYEAR:
        raise ValueError(
            f"not a valid {precision.value}: {text!r} (the years run from 0001 to 9999)"
        )
    offset = timedelta(0)
    if precision is Precision.MINUTE:
        if parts[5] is None:
            raise ValueError(f"a time needs a UTC offset such as +03:00 or Z, found {text!r}")
        offset = _offset(text, parts[5])
    try:
        if precision is Precision.YEAR:
            first = datetime(int(parts[0]), 1, 1, tzinfo=UTC)
            after = _first_of(int(parts[0]) + 1, 1)
        elif precision is Precision.MONTH:
            year, month = int(parts[0]), int(parts[1])
            first = datetime(year, month, 1, tzinfo=UTC)
            after = _first_of(year + month // 12, month % 12 + 1)
        elif precision is Precision.WEEK:
            day = date.fromisocalendar(int(parts[0]), int(parts[1]), 1)
            first = datetime(day.year, day.month, day.day, tzinfo=UTC)
            after = _after(first, timedelta(days=7))
        elif precision is Precision.DAY:
            first = datetime(int(parts[0]), int(parts[1]), int(parts[2]), tzinfo=UTC)
            after = _after(first, timedelta(days=1))
        else:
            fields = [int(part) for part in parts[:5]]
            local = datetime(fields[0], fields[1], fields[2], fields[3], fields[4])
            first = (local - offset).replace(tzinfo=UTC)
            after = _after(first, timedelta(minutes=1))
    except ValueError as exc:
        raise ValueError(f"not a valid {precision.value}: {text!r} ({exc})") from None
    except OverflowError:  # only an offset can carry a point past the calendar's ends
        where = "before 0001-01-01" if offset > timedelta(0) else "after 9999-12-31"
        raise ValueError(
            f"not a valid minute: {text!r} (in UTC that is {where}, "
            "outside the calendar of years 0001 to 9999)"
        ) from None
    return first, after
