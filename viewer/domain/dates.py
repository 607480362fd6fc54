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
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
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

_PATTERNS: dict[Precision, re.Pattern[str]] = {
    Precision.YEAR: re.compile(r"(\d{4})"),
    Precision.MONTH: re.compile(r"(\d{4})-(\d{2})"),
    Precision.WEEK: re.compile(r"(\d{4})-W(\d{2})"),
    Precision.DAY: re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    Precision.MINUTE: re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?"),
}

_POINT = r"\d{4}(-W\d{2}|-\d{2}(-\d{2}(T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?)?)?"
#: A pattern that admits any of the forms, for the JSON Schema.
ANY_POINT_PATTERN = f"^{_POINT}$"
#: The end of a date that is open ("from this day on"), written as EDTF does.
OPEN_END = ".."
#: An end: any point, or the open end.
ANY_END_PATTERN = f"^(\\.\\.|{_POINT})$"


def _guess_precision(text: str) -> Precision | None:
    for precision, pattern in _PATTERNS.items():
        if pattern.fullmatch(text):
            return precision
    return None


@lru_cache(maxsize=1 << 16)
def parse_point(text: str, precision: Precision) -> tuple[datetime, datetime]:
    """Return the half-open UTC interval ``[first, after)`` that ``text`` covers.

    Raises ``ValueError`` with a message meant for the author of the file.
    Cached: a large timeline repeats the same days many times over.
    """
    match = _PATTERNS[precision].fullmatch(text)
    if match is None:
        guessed = _guess_precision(text)
        hint = f" (it is written like a {guessed.value})" if guessed else ""
        raise ValueError(
            f"does not match precision {precision.value!r}: expected "
            f"{FORMATS[precision]}, found {text!r}{hint}"
        )
    parts = match.groups()
    try:
        if precision is Precision.YEAR:
            first = datetime(int(parts[0]), 1, 1, tzinfo=UTC)
            after = datetime(int(parts[0]) + 1, 1, 1, tzinfo=UTC)
        elif precision is Precision.MONTH:
            year, month = int(parts[0]), int(parts[1])
            first = datetime(year, month, 1, tzinfo=UTC)
            after = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        elif precision is Precision.WEEK:
            day = date.fromisocalendar(int(parts[0]), int(parts[1]), 1)
            first = datetime(day.year, day.month, day.day, tzinfo=UTC)
            after = first + timedelta(days=7)
        elif precision is Precision.DAY:
            first = datetime(int(parts[0]), int(parts[1]), int(parts[2]), tzinfo=UTC)
            after = first + timedelta(days=1)
        else:
            if parts[5] is None:
                raise ValueError(f"a time needs a UTC offset such as +03:00 or Z, found {text!r}")
            local = datetime.fromisoformat(text.replace("Z", "+00:00"))
            first = local.astimezone(UTC)
            after = first + timedelta(minutes=1)
    except ValueError as exc:
        if "UTC offset" in str(exc):
            raise
        raise ValueError(f"not a valid {precision.value}: {text!r} ({exc})") from None
    except OverflowError:
        raise ValueError(
            f"not a valid {precision.value}: {text!r} (outside the years 1 to 9999 in UTC)"
        ) from None
    return first, after
