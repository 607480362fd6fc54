"""Days a reader types or picks, as the model's calendar has them.

The model counts years astronomically (year 0 is 1 BC, see
:mod:`viewer.domain.calendar`); Qt's ``QDate`` has no year 0 (its year -1 is
1 BC), so a ``QDate`` is turned into a :class:`~viewer.domain.calendar.Day`
here and nowhere else.

A typed day is read in the reader's language and in English: the app's own
way of writing it (``15 March 44 BC``, ``15. März 44 v. Chr.``, so the text a
field starts with reads back), the forms of :data:`DAY_FORMATS`, and ISO 8601
with its astronomical years (``-0043-03-15``). A year of one to three digits
is read as written (``15 March 44`` is AD 44), not as a century's.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale

from viewer.domain.calendar import MAX_YEAR, MIN_YEAR, Day, valid_day
from viewer.domain.describe import read_era

# How a typed day may be written (Qt's date formats), tried in the reader's
# language and in English: a field of sections jumps on by itself after two
# digits and then skips the month at the next space, so the day is read whole.
DAY_FORMATS = (
    "d MMMM yyyy",
    "d. MMMM yyyy",
    "d MMM yyyy",
    "d. MMM yyyy",
    "MMMM d, yyyy",
    "MMMM d yyyy",
    "d.M.yyyy",
    "d/M/yyyy",
)

_ISO_DAY = re.compile(r"(-?\d{1,4})-(\d{1,2})-(\d{1,2})", re.ASCII)
# The year at the end of a typed day.
_LAST_YEAR = re.compile(r"(?<!\d)(\d{1,5})$", re.ASCII)
# A leap year stands in for the typed one while Qt reads the day and month:
# whether 29 February is a day is the model's calendar's to say.
_STAND_IN = "2000"


def day_of_qdate(qdate: QDate) -> Day:
    """The day a (valid) ``QDate`` names, its year astronomical."""
    year = qdate.year()
    return Day(year + 1 if year < 0 else year, qdate.month(), qdate.day())


def qdate_of(day: Day) -> QDate:
    """``day`` as a ``QDate`` (whose 1 BC is year -1)."""
    return QDate(day.year - 1 if day.year <= 0 else day.year, day.month, day.day)


def read_day(text: str) -> Day | None:
    """The day ``text`` names (see the module's docstring), or None."""
    text = " ".join(text.split())
    iso = _ISO_DAY.fullmatch(text)
    if iso is not None:
        return _day(*(int(part) for part in iso.groups()))
    rest, before_era = read_era(text)
    written = _LAST_YEAR.search(rest)
    if written is None:
        return None
    year = int(written.group(1))
    if year < 1:
        return None  # readers count no year 0
    rest = rest[: written.start()] + _STAND_IN
    locales = (QLocale(), QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for locale in locales:
        for form in DAY_FORMATS:
            found = locale.toDate(rest, form)
            if not found.isValid():
                found = locale.toDate(rest.title(), form)
            if found.isValid():
                return _day(1 - year if before_era else year, found.month(), found.day())
    return None


def _day(year: int, month: int, day: int) -> Day | None:
    if MIN_YEAR <= year <= MAX_YEAR and valid_day(year, month, day):
        return Day(year, month, day)
    return None
