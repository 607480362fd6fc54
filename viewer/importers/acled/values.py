"""What the text of an ACLED row becomes in its event (Qt-free): the date, the
kind and tags, the title, the places, the coordinates and the fatalities.

Each is made from the text alone, so the importer makes it once per distinct
text and keeps it (:func:`remember`): values repeat from row to row. A text
that cannot be read gives what is wrong with it instead, in the reader's
language, for the report.

Kinds, from ACLED's event types (case does not matter):

=================================================  ==========
``event_type``                                     kind
=================================================  ==========
Battles (and the older "Battle-..." types)         attack
Explosions/Remote violence (older: Remote          attack
violence)
Violence against civilians                         attack
Protests, Riots (older: Riots/Protests)            other
Strategic developments, sub-event type Agreement   talks
Strategic developments, any other sub-event type   other
(older: Strategic development, Non-violent
transfer of territory, Headquarters or base
established)
anything else                                      other, counted in the
                                                   report's notes
=================================================  ==========

Dates. ``event_date`` is read as ISO (``2022-06-04``; a time of day after it,
as spreadsheets write one, is dropped), as "04 June 2022" or "4 Jun 2022", or
as "04-Jun-22" / "04-June-2022" (a two-digit year is 1969 to 2068, as POSIX
reads it). ``time_precision`` says what ACLED knows:

* 1, the day: precision day, ``2022-06-04``;
* 2, only the week or the weekend: ACLED codes a day within it; the event is
  the ISO week (Monday to Sunday) that holds that day, precision week,
  ``2022-W22``, with ACLED's coded day in the date's note;
* 3, only the month: precision month, ``2022-06``, with the coded day in the
  note.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, TypeVar

from viewer.domain.dates import quoted
from viewer.domain.words import translate
from viewer.importers.common import place, tag
from viewer.importers.common import title as title_text

# The caches of values that repeat from row to row (dates, places, actors'
# fields, coordinates) are emptied when they reach this size: a file of
# millions of distinct values keeps memory flat, a usual one hits them. The
# benchmark's 100,000 rows hold 12,373 distinct sets of actors: at 4,096 the
# cache was emptied again and again and missed 24,218 times.
CACHE_SIZE = 1 << 14
# The largest number of fatalities kept: a whole number a JSON reader holds.
_MOST_FATALITIES = 2**63 - 1

_ATTACK_TYPES = frozenset(
    {"battles", "explosions/remote violence", "remote violence", "violence against civilians"}
)
_STRATEGIC_TYPES = frozenset({"strategic developments", "strategic development"})
_OTHER_TYPES = frozenset(
    {
        "protests",
        "riots",
        "riots/protests",
        "non-violent transfer of territory",
        "headquarters or base established",
    }
)

# ACLED writes months in English, whatever the reader's language (the names
# ``describe.MONTHS`` marks for translation; here, not from there: that
# module imports the pydantic model, which an import does not need).
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# Months by their English names and the first three letters of them, in lower case.
_MONTHS = {
    **{month: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    **{month[:3]: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
# "04 June 2022", "4 Jun 2022", "04-Jun-22", "04-June-2022".
_SLASHED_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
_WORDED_DATE = re.compile(r"(\d{1,2})(?: +|-)([A-Za-z]{3,9})\.?(?: +|-)(\d{4}|\d{2})", re.ASCII)
# "2022-06-04", and "2022-06-04 00:00:00" as spreadsheets and data frames write it.
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", re.ASCII
)

_Key = TypeVar("_Key")
_Made = TypeVar("_Made")


def remember(cache: dict[_Key, _Made], key: _Key, made: _Made) -> _Made:
    """``made``, kept in ``cache`` for ``key``; a full cache is emptied first."""
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    cache[key] = made
    return made


def date_of(key: tuple[str, str]) -> tuple[dict[str, Any], str] | str:
    """The event's date from ``event_date`` and ``time_precision``, with the day
    ACLED coded (ISO); or why the row is left out."""
    raw_date, raw_precision = key
    day = _day(raw_date)
    if day is None:
        return translate(
            "importers",
            "event_date {0} is not a date (expected 2022-06-04 or 04 June 2022): "
            "the row is left out",
        ).format(quoted(raw_date))
    if raw_precision == "1":
        return ({"precision": "day", "start": day.isoformat()}, day.isoformat())
    if raw_precision == "2":
        week = day.isocalendar()
        return (
            {
                "precision": "week",
                "start": f"{week.year:04d}-W{week.week:02d}",
                "note": f"ACLED codes it as {day.isoformat()} and knows only its week",
            },
            day.isoformat(),
        )
    if raw_precision == "3":
        return (
            {
                "precision": "month",
                "start": day.isoformat()[:7],
                "note": f"ACLED codes it as {day.isoformat()} and knows only its month",
            },
            day.isoformat(),
        )
    return translate(
        "importers",
        "time_precision {0} is not 1 (day), 2 (week) or 3 (month): the row is left out",
    ).format(quoted(raw_precision))


def kind_of(key: tuple[str, str, str]) -> tuple[str, list[str], str, str | None]:
    """From ``event_type``, ``sub_event_type`` and ``disorder_type``: the event's
    kind, its tags, the label its title begins with, and the event type when
    ACLED does not list it (None when it does)."""
    event_type, sub_type, disorder = key
    lowered = event_type.lower()
    known = True
    if lowered in _ATTACK_TYPES or lowered.startswith("battle"):
        kind = "attack"
    elif lowered in _STRATEGIC_TYPES:
        kind = "talks" if sub_type.strip().lower() == "agreement" else "other"
    else:
        kind = "other"
        known = lowered in _OTHER_TYPES
    tags: list[str] = []
    for text in (event_type, sub_type, disorder):
        made = tag(text)
        if made and made not in tags:
            tags.append(made)
    label = tag(sub_type) or tag(event_type) or "ACLED event"
    return (kind, tags, label, None if known else tag(event_type) or "(no type)")


def title_of(key: tuple[str, str]) -> str:
    """ "<label> in <location>", or the label alone without a location."""
    label, location = key
    where = place(location)
    return title_text(f"{label} in {where}" if where else label)


# The columns of the keys of places_of and coordinates_of, in their order.
PLACE_COLUMNS = ("location", "admin3", "admin2", "admin1", "country", "region")
COORDINATE_COLUMNS = ("latitude", "longitude")


def places_of(key: tuple[str, ...]) -> list[str]:
    """The distinct places of ``location``, ``admin3``, ``admin2``, ``admin1``,
    ``country`` and ``region``: the narrowest first."""
    made: list[str] = []
    for text in key:
        one = place(text)
        if one and one not in made:
            made.append(one)
    return made


def coordinates_of(key: tuple[str, str]) -> dict[str, float] | str:
    """The coordinates of ``latitude`` and ``longitude``, "" when none are given,
    or what is wrong with them (the problem reported, in the reader's language)."""
    latitude_text, longitude_text = key[0].strip(), key[1].strip()
    if not latitude_text and not longitude_text:
        return ""
    if not latitude_text:
        return translate("importers", "no latitude: the coordinates are left out")
    if not longitude_text:
        return translate("importers", "no longitude: the coordinates are left out")
    latitude, longitude = _number(latitude_text), _number(longitude_text)
    if latitude is None:
        return translate(
            "importers", "latitude {0} is not a number: the coordinates are left out"
        ).format(quoted(latitude_text))
    if longitude is None:
        return translate(
            "importers", "longitude {0} is not a number: the coordinates are left out"
        ).format(quoted(longitude_text))
    if not -90 <= latitude <= 90:
        return translate(
            "importers",
            "latitude {0} is not between -90 and 90: the coordinates are left out",
        ).format(quoted(latitude_text))
    if not -180 <= longitude <= 180:
        return translate(
            "importers",
            "longitude {0} is not between -180 and 180: the coordinates are left out",
        ).format(quoted(longitude_text))
    return {"latitude": latitude, "longitude": longitude}


def count(text: str) -> int | None:
    """A whole number from 0 written in ASCII digits, or None."""
    digits = text.strip()
    if not digits.isascii() or not digits.isdigit() or len(digits) > 19:
        return None
    made = int(digits)
    return made if made <= _MOST_FATALITIES else None


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _day(text: str) -> date | None:
    """The day ``text`` names: ISO, "04 June 2022" or "04-Jun-22"; None if it is none."""
    try:
        iso = _ISO_DATE.fullmatch(text)
        if iso is not None:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        slashed = _SLASHED_DATE.fullmatch(text)  # the older exports': 18/04/2001
        if slashed is not None:
            return date(int(slashed[3]), int(slashed[2]), int(slashed[1]))
        worded = _WORDED_DATE.fullmatch(text)
        if worded is None:
            return None
        month = _MONTHS.get(worded[2].lower())
        if month is None:
            return None
        year = int(worded[3])
        if len(worded[3]) == 2:
            year += 1900 if year >= 69 else 2000
        return date(year, month, int(worded[1]))
    except ValueError:
        return None
