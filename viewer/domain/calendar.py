"""The proleptic Gregorian calendar over astronomical years, as plain numbers (Qt-free).

Python's :class:`datetime.date` holds years 1 to 9999 only; a timeline of
Caesar's death (15 March 44 BC) needs the years before. Here a day is an
integer count of days since 1970-01-01 and an instant is UTC seconds since
then (a float: 9999 BC is about -3.8e11 s, which a float64 holds to the
microsecond), and the calendar is Gregorian throughout, as ISO 8601 has it.

Years are *astronomical*, as ISO 8601's expanded form writes them: year 0 is
1 BC, year -1 is 2 BC, year -43 is 44 BC (``-0043``). How a year is said to a
reader (``44 BC``) is :func:`viewer.domain.describe.year_words`'.

The arithmetic counts in eras of 400 years (146,097 days, a whole number of
weeks), after Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms":
shifting the year to begin in March puts the leap day at its end, so a day's
place in its year follows from the month by one linear formula.
"""

import math
from typing import NamedTuple, Protocol

# The years a model file may hold: four digits, either side of year 0.
MIN_YEAR = -9999
MAX_YEAR = 9999

_DAYS_PER_ERA = 146_097  # 400 Gregorian years
_DAY = 86_400
# Day numbers of 0000-03-01 (the start of an era counted from March) since 1970-01-01.
_ERA_TO_EPOCH = 719_468


class Day(NamedTuple):
    """A calendar day: astronomical year, month 1-12, day 1-31."""

    year: int
    month: int
    day: int


class Moment(NamedTuple):
    """An instant read in UTC, to the second."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int

    @property
    def date(self) -> Day:
        return Day(self.year, self.month, self.day)

    @property
    def t(self) -> float:
        """The instant as UTC seconds since 1970."""
        return seconds_of(self.year, self.month, self.day, self.hour, self.minute) + self.second


class HasDay(Protocol):
    """Anything with a year, a month and a day: a :class:`Day` or a ``datetime.date``."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int: ...
    @property
    def day(self) -> int: ...


class HasClock(HasDay, Protocol):
    """A day and a time of it: a :class:`Moment` or a ``datetime.datetime``."""

    @property
    def hour(self) -> int: ...
    @property
    def minute(self) -> int: ...


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(year: int, month: int, day: int) -> int:
    """The day number (days since 1970-01-01) of a valid date."""
    march_year = year - (month <= 2)
    era = march_year // 400  # floor division: eras before year 0 count down
    year_of_era = march_year - era * 400  # 0..399
    month_from_march = (month + 9) % 12  # March 0 ... February 11
    day_of_year = (153 * month_from_march + 2) // 5 + day - 1  # 0..365
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * _DAYS_PER_ERA + day_of_era - _ERA_TO_EPOCH


def civil_from_days(days: int) -> Day:
    """The date of day number ``days`` (days since 1970-01-01)."""
    shifted = days + _ERA_TO_EPOCH
    era = shifted // _DAYS_PER_ERA
    day_of_era = shifted - era * _DAYS_PER_ERA  # 0..146096
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_from_march = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_from_march + 2) // 5 + 1
    month = month_from_march + 3 if month_from_march < 10 else month_from_march - 9
    return Day(year_of_era + era * 400 + (month <= 2), month, day)


def weekday(days: int) -> int:
    """The ISO weekday of day number ``days``: Monday 1 ... Sunday 7 (1970-01-01 was a Thursday)."""
    return (days + 3) % 7 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def week_one_monday(year: int) -> int:
    """The day number of the Monday of ISO week 1 of ``year`` (the week with 4 January)."""
    fourth = days_from_civil(year, 1, 4)
    return fourth - weekday(fourth) + 1


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO weeks of ``year``."""
    return (week_one_monday(year + 1) - week_one_monday(year)) // 7


def iso_week(days: int) -> tuple[int, int]:
    """The ISO week-numbering year and week of day number ``days``."""
    year = civil_from_days(days).year + 1
    while week_one_monday(year) > days:
        year -= 1
    return year, (days - week_one_monday(year)) // 7 + 1


def seconds_of(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> float:
    """UTC seconds since 1970 of a valid date and time."""
    return float(days_from_civil(year, month, day) * _DAY + hour * 3600 + minute * 60)


def seconds_of_day(day: HasDay) -> float:
    return seconds_of(day.year, day.month, day.day)


def day_number(day: HasDay) -> int:
    return days_from_civil(day.year, day.month, day.day)


def moment_of(t: float) -> Moment:
    """The instant ``t`` (UTC seconds) read on the calendar, to the second (floored)."""
    whole = math.floor(t)
    days, rest = divmod(whole, _DAY)
    year, month, day = civil_from_days(days)
    return Moment(year, month, day, rest // 3600, rest % 3600 // 60, rest % 60)


def day_of(t: float) -> Day:
    """The UTC day the instant ``t`` is in."""
    return civil_from_days(math.floor(t) // _DAY)


# The first instant of the calendar, and the instant after its last day.
FIRST_INSTANT = seconds_of(MIN_YEAR, 1, 1)
END_INSTANT = seconds_of(MAX_YEAR + 1, 1, 1)
