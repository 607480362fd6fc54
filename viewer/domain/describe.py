"""Fuzzy dates in words, for people: the details panel, tooltips and table cells.

Qt-free. The words are English unless the interface installed a translator
(:mod:`viewer.domain.words`): the command line always reads the same. Times
keep the offset the author wrote; nothing is converted to the reader's time
zone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from viewer.domain.calendar import (
    Day,
    HasClock,
    HasDay,
    Moment,
    civil_from_days,
    day_number,
    week_one_monday,
)
from viewer.domain.dates import Precision
from viewer.domain.model import Event, FuzzyDate
from viewer.domain.names import kind_name, status_name
from viewer.domain.text import one_line
from viewer.domain.words import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from viewer.domain.timeline import Timeline

# The months, in English; :func:`month_name` gives them in the reader's language.
MONTHS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("dates", "January"),
    QT_TRANSLATE_NOOP("dates", "February"),
    QT_TRANSLATE_NOOP("dates", "March"),
    QT_TRANSLATE_NOOP("dates", "April"),
    QT_TRANSLATE_NOOP("dates", "May"),
    QT_TRANSLATE_NOOP("dates", "June"),
    QT_TRANSLATE_NOOP("dates", "July"),
    QT_TRANSLATE_NOOP("dates", "August"),
    QT_TRANSLATE_NOOP("dates", "September"),
    QT_TRANSLATE_NOOP("dates", "October"),
    QT_TRANSLATE_NOOP("dates", "November"),
    QT_TRANSLATE_NOOP("dates", "December"),
)

# How precisely a date is known, for each precision: exact, approximate, open-ended.
_PRECISION_WORDS: dict[Precision, tuple[str, str, str]] = {
    Precision.YEAR: (
        QT_TRANSLATE_NOOP("dates", "exact to the year"),
        QT_TRANSLATE_NOOP("dates", "to the year, approximate"),
        QT_TRANSLATE_NOOP("dates", "exact to the year, open-ended"),
    ),
    Precision.MONTH: (
        QT_TRANSLATE_NOOP("dates", "exact to the month"),
        QT_TRANSLATE_NOOP("dates", "to the month, approximate"),
        QT_TRANSLATE_NOOP("dates", "exact to the month, open-ended"),
    ),
    Precision.WEEK: (
        QT_TRANSLATE_NOOP("dates", "exact to the week"),
        QT_TRANSLATE_NOOP("dates", "to the week, approximate"),
        QT_TRANSLATE_NOOP("dates", "exact to the week, open-ended"),
    ),
    Precision.DAY: (
        QT_TRANSLATE_NOOP("dates", "exact to the day"),
        QT_TRANSLATE_NOOP("dates", "to the day, approximate"),
        QT_TRANSLATE_NOOP("dates", "exact to the day, open-ended"),
    ),
    Precision.MINUTE: (
        QT_TRANSLATE_NOOP("dates", "exact to the minute"),
        QT_TRANSLATE_NOOP("dates", "to the minute, approximate"),
        QT_TRANSLATE_NOOP("dates", "exact to the minute, open-ended"),
    ),
}

# What a date is said to be, and how: as it is, approximately, or from it on.
_FORMS: dict[str, tuple[str, str, str]] = {
    "plain": (
        "{}",
        QT_TRANSLATE_NOOP("dates", "around {}"),
        QT_TRANSLATE_NOOP("dates", "from {} on"),
    ),
    "week": (
        QT_TRANSLATE_NOOP("dates", "week of {}"),
        QT_TRANSLATE_NOOP("dates", "around the week of {}"),
        QT_TRANSLATE_NOOP("dates", "from the week of {} on"),
    ),
    "weeks": (
        QT_TRANSLATE_NOOP("dates", "weeks of {}"),
        QT_TRANSLATE_NOOP("dates", "around the weeks of {}"),
        QT_TRANSLATE_NOOP("dates", "from the weeks of {} on"),
    ),
    "weekend": (
        QT_TRANSLATE_NOOP("dates", "weekend of {}"),
        QT_TRANSLATE_NOOP("dates", "around the weekend of {}"),
        QT_TRANSLATE_NOOP("dates", "from the weekend of {} on"),
    ),
}

_EN_DASH = "\u2013"
_RANGE = f" {_EN_DASH} "


# -- parsing the written points (validated by the model already) ------------


# A year before year 0 is written with a minus sign (``-0043-03-15``): the
# rest of the point stands one character further on.


def _split(text: str) -> tuple[int, str]:
    """The year of a written point, and what follows it (``-03-15``)."""
    cut = 5 if text.startswith("-") else 4
    return int(text[:cut]), text[cut:]


def _year(text: str) -> int:
    return _split(text)[0]


def _month(text: str) -> tuple[int, int]:
    year, rest = _split(text)
    return year, int(rest[1:3])


def _week_monday(text: str) -> Day:
    year, rest = _split(text)
    return civil_from_days(week_one_monday(year) + 7 * (int(rest[2:4]) - 1))


def _day(text: str) -> Day:
    year, rest = _split(text)
    return Day(year, int(rest[1:3]), int(rest[4:6]))


def _minute(text: str) -> tuple[Moment, str]:
    """The local wall-clock time as written, and its offset as written."""
    year, rest = _split(text)
    offset = "Z" if rest.endswith("Z") else rest[12:]
    return Moment(year, int(rest[1:3]), int(rest[4:6]), int(rest[7:9]), int(rest[10:12]), 0), offset


# -- words ---------------------------------------------------------------------


def month_name(month: int) -> str:
    """Month ``month`` (1-12) in the reader's language: ``June``, ``Juni``."""
    return translate("dates", MONTHS[month - 1])


def year_words(year: int, era: bool = False) -> str:
    """An astronomical year as readers count: ``2025``; year 0 is ``1 BC``, year
    -43 ``44 BC`` (German ``44 v. Chr.``). With ``era``, for a span that runs
    across the turn of the eras, the years from 1 on say it too: ``AD 14``."""
    if year <= 0:
        #: A year before the common era: {year} is 44 for 44 BC.
        return translate("dates", "{year} BC").format(year=1 - year)
    if era:
        #: A year of the common era, where years BC are near: {year} is 14 for AD 14.
        return translate("dates", "AD {year}").format(year=year)
    return str(year)


def years_words(first: int, last: int, era: bool = False) -> str:
    """Years ``first`` to ``last`` (astronomical): ``1900–1999``, ``50–41 BC``,
    ``44 BC – AD 14``; ``era``: see :func:`year_words`."""
    if first <= 0 and last <= 0:
        #: Years before the common era, from the first to the last: 50-41 BC.
        return translate("dates", "{first}\u2013{last} BC").format(first=1 - first, last=1 - last)
    if first <= 0:
        return f"{year_words(first)}{_RANGE}{year_words(last, era=True)}"
    if era:
        #: Years of the common era, where years BC are near: AD 1-9.
        return translate("dates", "AD {first}\u2013{last}").format(first=first, last=last)
    return f"{first}{_EN_DASH}{last}"


def day_words(day: HasDay, era: bool = False) -> str:
    """A day in the app's one date style: ``4 June 2025`` (German ``4. Juni 2025``),
    ``15 March 44 BC`` (``15. März 44 v. Chr.``); ``era``: see :func:`year_words`."""
    return translate("dates", "{day} {month} {year}").format(
        day=day.day, month=month_name(day.month), year=year_words(day.year, era)
    )


def read_era(text: str) -> tuple[str, bool]:
    """``text`` (a day or a year, as a reader writes it) without the word of its
    era, and whether that said "before the common era": ``15 March 44 BC`` is
    ``("15 March 44", True)``, ``15. März 44 v. Chr.`` too in German, ``AD 14``
    is ``("14", False)``. The reader's language and English are understood."""
    for template, before in (
        (translate("dates", "{year} BC"), True),
        ("{year} BC", True),
        ("{year} BCE", True),
        (translate("dates", "AD {year}"), False),
        ("AD {year}", False),
        ("{year} AD", False),
        ("{year} CE", False),
    ):
        prefix, _, suffix = (part.strip() for part in template.partition("{year}"))
        before_year = rf"(?<!\w){re.escape(prefix)}\s*" if prefix else ""
        after_year = rf"\s*{re.escape(suffix)}" if suffix else ""
        pattern = rf"{before_year}(?<!\d)(\d+){after_year}$"
        found = re.search(pattern, text, re.IGNORECASE)
        if found is not None:
            return (text[: found.start()] + found.group(1)).strip(), before
    return text, False


def day_month_words(day: HasDay) -> str:
    """A day of a month without its year: ``4 June`` (German ``4. Juni``)."""
    return translate("dates", "{day} {month}").format(day=day.day, month=month_name(day.month))


def day_range_words(first: HasDay, last: HasDay) -> str:
    """The days ``first`` to ``last`` in the app's date style, as short as reads
    well: ``4 June 2025``, ``4–5 June 2025``, ``30 May – 2 June 2025``,
    ``1 March 44 BC – 5 May AD 14``."""
    if (first.year, first.month, first.day) == (last.year, last.month, last.day):
        return day_words(first)
    if first.year != last.year:
        return f"{day_words(first)}{_RANGE}{day_words(last, _across(first.year, last.year))}"
    if first.month != last.month:
        return f"{day_month_words(first)}{_RANGE}{day_words(last)}"
    #: Two days of one month: 4-5 June 2025 (an en dash between the days).
    return translate("dates", "{first}\u2013{last} {month} {year}").format(
        first=first.day, last=last.day, month=month_name(last.month), year=year_words(last.year)
    )


def _across(first: int, last: int) -> bool:
    """Whether years ``first`` to ``last`` run across the turn of the eras."""
    return first <= 0 < last


def month_words(year: int, month: int, era: bool = False) -> str:
    """A month of a year: ``May 2025``, ``March 44 BC``; ``era``: see :func:`year_words`."""
    return translate("dates", "{month} {year}").format(
        month=month_name(month), year=year_words(year, era)
    )


def _offset_words(offset: str) -> str:
    return "UTC" if offset in ("Z", "+00:00") else f"UTC{offset}"


def clock_words(moment: HasClock, offset: str | None = None, era: bool = False) -> str:
    """A day and a time of it: ``31 May 2025, 22:50`` (German ``31. Mai 2025, 22:50``)
    and, given, its offset. Event times and the reader's note times read alike."""
    words = f"{day_words(moment, era)}, {_hours(moment)}"
    return words if offset is None else f"{words} ({_offset_words(offset)})"


def _hours(moment: HasClock) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _is_weekend(first: Day, last: Day) -> bool:
    start = day_number(first)
    return (start + 3) % 7 == 5 and day_number(last) - start == 1  # a Saturday and a Sunday


def _is_mid_month(first: Day, last: Day) -> bool:
    return (
        first.year == last.year
        and first.month == last.month
        and first.day >= 11
        and last.day <= 20
        and first != last
    )


def _plain_words(fuzzy: FuzzyDate) -> tuple[str, str]:
    """The date in words, and its form (a week, a weekend, ...; see ``_FORMS``)."""
    start, end = fuzzy.start, fuzzy.closed_end
    precision = fuzzy.precision
    if precision is Precision.YEAR:
        first_year = _year(start)
        last_year = _year(end) if end else first_year
        if first_year == last_year:
            return year_words(first_year), "plain"
        return years_words(first_year, last_year), "plain"
    if precision is Precision.MONTH:
        first_m = _month(start)
        last_m = _month(end) if end else first_m
        if first_m == last_m:
            return month_words(*first_m), "plain"
        if first_m[0] == last_m[0]:
            return f"{month_name(first_m[1])}{_RANGE}{month_words(*last_m)}", "plain"
        era = _across(first_m[0], last_m[0])
        return f"{month_words(*first_m)}{_RANGE}{month_words(*last_m, era)}", "plain"
    if precision is Precision.WEEK:
        first_w = _week_monday(start)
        last_w = _week_monday(end) if end else first_w
        if first_w == last_w:
            return day_words(first_w), "week"
        return day_range_words(first_w, last_w), "weeks"
    if precision is Precision.DAY:
        first_d = _day(start)
        last_d = _day(end) if end else first_d
        form = "weekend" if _is_weekend(first_d, last_d) else "plain"
        return day_range_words(first_d, last_d), form
    first_t, first_offset = _minute(start)
    last_t, last_offset = _minute(end) if end else (first_t, first_offset)
    if (first_t, first_offset) == (last_t, last_offset):
        return clock_words(first_t, first_offset), "plain"
    era = _across(first_t.year, last_t.year)
    if first_offset == last_offset:
        offset = f"({_offset_words(first_offset)})"
        if first_t.date == last_t.date:
            return f"{clock_words(first_t)}{_EN_DASH}{_hours(last_t)} {offset}", "plain"
        last_words = clock_words(last_t, era=era)
        return f"{clock_words(first_t)}{_RANGE}{last_words} {offset}", "plain"
    last_words = clock_words(last_t, last_offset, era)
    return f"{clock_words(first_t, first_offset)}{_RANGE}{last_words}", "plain"


def describe_date(date: FuzzyDate) -> str:
    """The date in words, as precise as it is known, in the reader's language.

    For example ``4 June 2025``, ``around 4<en dash>5 June 2025``, ``weekend of
    31 May <en dash> 1 June 2025``, ``week of 26 May 2025``, ``around mid-May
    2025``, ``May 2025``, ``2025``, ``31 May 2025, 22:50 (UTC+03:00)``.

    An open end reads "from 9 June 2025 on".

    A Saturday-to-Sunday day range is a weekend (when approximate: "around the
    weekend of ..."). An approximate range of several days within the 11th to
    the 20th of one month is "around mid-<month> <year>".
    """
    if date.open_end:
        words, form = _plain_words(date)
        return translate("dates", _FORMS[form][2]).format(words)
    if date.precision is Precision.DAY and date.end is not None and date.approximate:
        first, last = _day(date.start), _day(date.end)
        if not _is_weekend(first, last) and _is_mid_month(first, last):
            return translate("dates", "around mid-{}").format(month_words(first.year, first.month))
    words, form = _plain_words(date)
    return translate("dates", _FORMS[form][1 if date.approximate else 0]).format(words)


def precision_words(date: FuzzyDate) -> str:
    """How precisely the date is known: ``exact to the day``, ``to the week, approximate``."""
    exact, approximate, open_ended = _PRECISION_WORDS[date.precision]
    if date.open_end:
        return translate("dates", open_ended)
    return translate("dates", approximate if date.approximate else exact)


def event_facts(event: Event, timeline: Timeline | None = None) -> str:
    """An event's date, kind and status in one sentence, as a screen reader
    reads them: ``4 June 2025. Call, Occurred.``; with several timelines shown
    in ``timeline``, the one it comes from too (``From ACLED: Ukraine.``)."""
    said = f"{describe_date(event.date)}. {kind_name(event.kind)}, {status_name(event.status)}."
    if timeline is not None and len(timeline.layers) > 1:
        #: Read out after an event's date, kind and status when several timelines
        #: are shown: {0} is the title of the one it comes from.
        source = translate("describe", "From {0}.")
        said += " " + source.format(one_line(timeline.layer_of_id(event.id).title))
    return said
