"""The model's fuzzy dates as TimelineJS dates, for the export (Qt-free).

TimelineJS gives a date as parts (``year``, ``month``, ``day``, ``hour``,
``minute``) with no time zone and no weeks; what a part cannot say goes into
the slide's ``display_date``, which TimelineJS shows in place of the date.

- **Year, month, day**: the parts the precision gives, end the same.
- **Week**: TimelineJS has no weeks. The start is the Monday of the first
  week, and the end the Sunday of the last (of the only one without an end),
  so the slide spans the same days; ``display_date`` says "week of …".
  Imported again it is a range of days covering the same days.
- **Minute**: the parts are the time in UTC, as the TimelineJS import reads
  hour and minute as UTC, so the event comes back at the same instant;
  ``display_date`` shows the time as the author wrote it, with its offset
  ("31 May 2025, 22:50 (UTC+03:00)"), as a reader expects the local time.
- **Open end** ("from … on"): TimelineJS has none. No ``end_date`` is
  written, and ``display_date`` says "from … on".
- **Approximate**: ``display_date`` says "around …".

``display_date`` is the date in the app's words (:func:`~viewer.domain.describe.describe_date`),
not the model's note: that note is the source's own wording, often no date
at all ("after the bridge explosions"), and TimelineJS would show it as the
date.

Years are read from the written point with their sign. TimelineJS shows a
negative year as the year before the common era it names (-44 reads "44 BCE"),
so the model's astronomical year -43 (44 BC) is written -44, and year 0 (1 BC)
-1: the import reads them back so. TimelineJS places a slide by JavaScript's
calendar, though, where -44 is astronomical (45 BC): a date before year 1
stands a year early among later ones there, and 29 February of a leap year BC
falls on 1 March. So every such slide says its date in ``display_date``
("29 February 5 BC"), which TimelineJS shows in place of its own. Weeks and UTC
offsets are worked out in a year of the same place in the Gregorian calendar's
400-year cycle (which repeats its days and weekdays exactly), so they hold for
any year the model can write.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from html import escape
from typing import Any

from viewer.domain.dates import Precision
from viewer.domain.describe import describe_date
from viewer.domain.model import FuzzyDate

# A point as the model writes it (see viewer.domain.dates), with a sign for years before 1.
_POINT = re.compile(
    r"([+-]?)(\d{4,})(?:-W(\d{2})|-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?)?)?",
    re.ASCII,
)
# The Gregorian calendar repeats itself, weekdays and ISO weeks too, every 400 years.
_CYCLE = 400
_BASE = 2000  # a cycle inside datetime's years, where the arithmetic is done

_PART_NAMES = ("year", "month", "day", "hour", "minute")


def tl_date(point: str, precision: Precision, *, last: bool = False) -> dict[str, int]:
    """The TimelineJS date object of the model's ``point`` (its parts as numbers);
    ``last``: the point ends a date (a week's end is its Sunday)."""
    match = _POINT.fullmatch(point)
    if match is None:
        raise ValueError(f"not a point of the model: {point!r}")
    sign, digits, week, month, day, hour, minute, offset = match.groups()
    year = int(digits) * (-1 if sign == "-" else 1)
    shift = (year - _BASE) // _CYCLE * _CYCLE  # the base year is year - shift
    parts: tuple[int, ...]
    if precision is Precision.WEEK:
        monday = date.fromisocalendar(year - shift, int(week), 1)
        shown = monday + timedelta(days=6) if last else monday
        parts = (shown.year + shift, shown.month, shown.day)
    elif precision is Precision.MINUTE:
        local = datetime(year - shift, int(month), int(day), int(hour), int(minute))
        utc = local - _offset(offset or "Z")
        parts = (utc.year + shift, utc.month, utc.day, utc.hour, utc.minute)
    else:
        parts = tuple(int(p) for p in (digits, month, day) if p is not None)
        parts = (year, *parts[1:])
    return dict(zip(_PART_NAMES, (_tl_year(parts[0]), *parts[1:]), strict=False))


def _tl_year(year: int) -> int:
    """TimelineJS's number for the astronomical ``year``: it shows -44 as "44 BCE",
    so 44 BC (astronomical -43) is -44, and 1 BC (year 0) is -1, as the import
    reads them back."""
    return year - 1 if year <= 0 else year


def _offset(written: str) -> timedelta:
    if written == "Z":
        return timedelta(0)
    minutes = int(written[1:3]) * 60 + int(written[4:6])
    return timedelta(minutes=-minutes if written[0] == "-" else minutes)


def slide_dates(fuzzy: FuzzyDate) -> dict[str, Any]:
    """A slide's ``start_date``, ``end_date`` (when it has one) and ``display_date``
    (when TimelineJS's own date would not say what the model's does)."""
    written: dict[str, Any] = {"start_date": tl_date(fuzzy.start, fuzzy.precision)}
    end = fuzzy.closed_end
    if end is not None or (fuzzy.precision is Precision.WEEK and not fuzzy.open_end):
        written["end_date"] = tl_date(end or fuzzy.start, fuzzy.precision, last=True)
    if (
        fuzzy.precision in (Precision.WEEK, Precision.MINUTE)
        or fuzzy.approximate
        or fuzzy.open_end
        or _before_year_1(fuzzy)
    ):
        written["display_date"] = escape(describe_date(fuzzy))  # shown as HTML
    return written


def _before_year_1(fuzzy: FuzzyDate) -> bool:
    """Whether the date starts or ends before year 1 (written ``-…`` or ``0000…``)."""
    return any(p.startswith(("-", "0000")) for p in (fuzzy.start, fuzzy.closed_end or ""))


def era_dates(fuzzy: FuzzyDate) -> dict[str, Any]:
    """An era's ``start_date`` and ``end_date``: TimelineJS needs both, so an era
    without an end (or with an open one) ends where it starts, at its start's
    precision, which the TimelineJS import reads as no end."""
    end = fuzzy.closed_end
    if end is None and fuzzy.precision is not Precision.WEEK:
        end = fuzzy.start
    return {
        "start_date": tl_date(fuzzy.start, fuzzy.precision),
        "end_date": tl_date(end or fuzzy.start, fuzzy.precision, last=True),
    }
