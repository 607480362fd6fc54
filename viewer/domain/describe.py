"""Fuzzy dates in words, for people: the details panel, tooltips and table cells.

Qt-free and locale-independent: month names come from a fixed English table so
the same model file always reads the same. Times keep the offset the author
wrote; nothing is converted to the reader's time zone.
"""

from __future__ import annotations

from datetime import date, datetime

from viewer.domain.dates import Precision
from viewer.domain.model import FuzzyDate

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_UNITS: dict[Precision, str] = {
    Precision.YEAR: "year",
    Precision.MONTH: "month",
    Precision.WEEK: "week",
    Precision.DAY: "day",
    Precision.MINUTE: "minute",
}

_EN_DASH = "\u2013"
_RANGE = f" {_EN_DASH} "


# -- parsing the written points (validated by the model already) ------------


def _year(text: str) -> int:
    return int(text[:4])


def _month(text: str) -> tuple[int, int]:
    return int(text[:4]), int(text[5:7])


def _week_monday(text: str) -> date:
    return date.fromisocalendar(int(text[:4]), int(text[6:8]), 1)


def _day(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), int(text[8:10]))


def _minute(text: str) -> tuple[datetime, str]:
    """The local wall-clock time as written, and its offset as written."""
    offset = "Z" if text.endswith("Z") else text[16:]
    local = datetime(int(text[:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]))
    return local.replace(minute=int(text[14:16])), offset


# -- words ---------------------------------------------------------------------


def day_words(day: date) -> str:
    """A day in the app's one date style: ``4 June 2025``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


_day_words = day_words


def _day_range_words(first: date, last: date) -> str:
    if first == last:
        return _day_words(first)
    if first.year != last.year:
        return f"{_day_words(first)}{_RANGE}{_day_words(last)}"
    if first.month != last.month:
        return (
            f"{first.day} {MONTHS[first.month - 1]}{_RANGE}"
            f"{last.day} {MONTHS[last.month - 1]} {last.year}"
        )
    return f"{first.day}{_EN_DASH}{last.day} {MONTHS[last.month - 1]} {last.year}"


def _month_words(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def _offset_words(offset: str) -> str:
    return "UTC" if offset in ("Z", "+00:00") else f"UTC{offset}"


def _is_weekend(first: date, last: date) -> bool:
    return first.isoweekday() == 6 and (last - first).days == 1


def _is_mid_month(first: date, last: date) -> bool:
    return (
        first.year == last.year
        and first.month == last.month
        and first.day >= 11
        and last.day <= 20
        and first != last
    )


def _plain_words(fuzzy: FuzzyDate) -> str:
    """The date in words, without the "around" of an approximate date."""
    start, end = fuzzy.start, fuzzy.closed_end
    precision = fuzzy.precision
    if precision is Precision.YEAR:
        first_year = _year(start)
        last_year = _year(end) if end else first_year
        return str(first_year) if first_year == last_year else f"{first_year}{_EN_DASH}{last_year}"
    if precision is Precision.MONTH:
        first_m = _month(start)
        last_m = _month(end) if end else first_m
        if first_m == last_m:
            return _month_words(*first_m)
        if first_m[0] == last_m[0]:
            return f"{MONTHS[first_m[1] - 1]}{_RANGE}{_month_words(*last_m)}"
        return f"{_month_words(*first_m)}{_RANGE}{_month_words(*last_m)}"
    if precision is Precision.WEEK:
        first_w = _week_monday(start)
        last_w = _week_monday(end) if end else first_w
        if first_w == last_w:
            return f"week of {_day_words(first_w)}"
        return f"weeks of {_day_range_words(first_w, last_w)}"
    if precision is Precision.DAY:
        first_d = _day(start)
        last_d = _day(end) if end else first_d
        if _is_weekend(first_d, last_d):
            return f"the weekend of {_day_range_words(first_d, last_d)}"
        return _day_range_words(first_d, last_d)
    first_t, first_offset = _minute(start)
    last_t, last_offset = _minute(end) if end else (first_t, first_offset)
    first_clock = first_t.strftime("%H:%M")
    last_clock = last_t.strftime("%H:%M")
    if (first_t, first_offset) == (last_t, last_offset):
        return f"{_day_words(first_t.date())}, {first_clock} ({_offset_words(first_offset)})"
    if first_offset == last_offset:
        offset = f"({_offset_words(first_offset)})"
        if first_t.date() == last_t.date():
            return f"{_day_words(first_t.date())}, {first_clock}{_EN_DASH}{last_clock} {offset}"
        return (
            f"{_day_words(first_t.date())}, {first_clock}{_RANGE}"
            f"{_day_words(last_t.date())}, {last_clock} {offset}"
        )
    return (
        f"{_day_words(first_t.date())}, {first_clock} ({_offset_words(first_offset)}){_RANGE}"
        f"{_day_words(last_t.date())}, {last_clock} ({_offset_words(last_offset)})"
    )


def describe_date(date: FuzzyDate) -> str:
    """The date in English words, as precise as it is known.

    For example ``4 June 2025``, ``around 4<en dash>5 June 2025``, ``weekend of
    31 May <en dash> 1 June 2025``, ``week of 26 May 2025``, ``around mid-May
    2025``, ``May 2025``, ``2025``, ``31 May 2025, 22:50 (UTC+03:00)``.

    An open end reads "from 9 June 2025 on".

    A Saturday-to-Sunday day range is a weekend (when approximate: "around the
    weekend of ..."). An approximate range of several days within the 11th to
    the 20th of one month is "around mid-<month> <year>".
    """
    if date.open_end:
        words = _plain_words(date)
        return f"from {'the ' if words.startswith('week') else ''}{words} on"
    if date.precision is Precision.DAY and date.end is not None and date.approximate:
        first, last = _day(date.start), _day(date.end)
        if not _is_weekend(first, last) and _is_mid_month(first, last):
            return f"around mid-{_month_words(first.year, first.month)}"
    words = _plain_words(date)
    if date.approximate:
        return f"around {words}"
    return words.removeprefix("the ")


def precision_words(date: FuzzyDate) -> str:
    """How precisely the date is known: ``exact to the day``, ``to the week, approximate``."""
    unit = _UNITS[date.precision]
    if date.open_end:
        return f"exact to the {unit}, open-ended"
    if date.approximate:
        return f"to the {unit}, approximate"
    return f"exact to the {unit}"
