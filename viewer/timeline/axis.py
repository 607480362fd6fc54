"""Ticks for a time axis that adapt to the zoom, and their labels. Qt-free.

Times are POSIX seconds, shown in UTC: model files carry their own offsets and
calendar days are UTC days (see :mod:`viewer.domain.dates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from viewer.domain.dates import MAX_T, MIN_T, clamp_time
from viewer.domain.describe import day_month_words, day_words, month_name, month_words


class TickUnit(StrEnum):
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class TickStep:
    unit: TickUnit
    count: int
    approx_seconds: float


_DAY = 86400.0
STEPS: tuple[TickStep, ...] = (
    *(TickStep(TickUnit.MINUTE, n, 60.0 * n) for n in (1, 5, 15, 30)),
    *(TickStep(TickUnit.HOUR, n, 3600.0 * n) for n in (1, 3, 6, 12)),
    *(TickStep(TickUnit.DAY, n, _DAY * n) for n in (1, 2)),
    TickStep(TickUnit.WEEK, 1, 7 * _DAY),
    *(TickStep(TickUnit.MONTH, n, 30.4 * _DAY * n) for n in (1, 3, 6)),
    *(TickStep(TickUnit.YEAR, n, 365.25 * _DAY * n) for n in (1, 2, 5, 10, 25, 50, 100, 250)),
)


def choose_step(seconds_per_pixel: float, min_spacing_px: float) -> TickStep:
    """The finest step whose ticks stand at least ``min_spacing_px`` apart."""
    for step in STEPS:
        if step.approx_seconds / seconds_per_pixel >= min_spacing_px:
            return step
    return STEPS[-1]


def floor_to_step(moment: datetime, step: TickStep) -> datetime:
    """The tick of ``step`` at or before ``moment`` (never before the first day)."""
    try:
        return _floor_to_step(moment, step)
    except (OverflowError, ValueError):
        return datetime.min.replace(tzinfo=UTC)  # the tick would be before year 1


def _floor_to_step(moment: datetime, step: TickStep) -> datetime:
    if step.unit is TickUnit.MINUTE:
        return moment.replace(
            minute=moment.minute - moment.minute % step.count, second=0, microsecond=0
        )
    if step.unit is TickUnit.HOUR:
        return moment.replace(
            hour=moment.hour - moment.hour % step.count, minute=0, second=0, microsecond=0
        )
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if step.unit is TickUnit.DAY:  # aligned to the calendar, so ticks stay put while panning
        return day - timedelta(days=day.toordinal() % step.count)
    if step.unit is TickUnit.WEEK:
        return day - timedelta(days=day.weekday())
    if step.unit is TickUnit.MONTH:
        month0 = (day.month - 1) - (day.month - 1) % step.count
        return day.replace(month=month0 + 1, day=1)
    return day.replace(year=max(day.year - day.year % step.count, 1), month=1, day=1)


def _advance(moment: datetime, step: TickStep) -> datetime:
    if step.unit is TickUnit.MONTH:
        months = moment.month - 1 + step.count
        return moment.replace(year=moment.year + months // 12, month=months % 12 + 1)
    if step.unit is TickUnit.YEAR:
        return moment.replace(year=moment.year + step.count)
    return moment + timedelta(seconds=step.approx_seconds)


def ticks(t0: float, t1: float, step: TickStep, limit: int = 2000) -> list[datetime]:
    """The tick instants of ``step`` within ``[t0, t1]`` (at most ``limit``)."""
    t0, t1 = max(t0, MIN_T), min(t1, MAX_T)
    out: list[datetime] = []
    if t1 <= t0:
        return out
    moment = floor_to_step(datetime.fromtimestamp(t0, UTC), step)
    while len(out) < limit:
        if moment.timestamp() >= t0:
            if moment.timestamp() > t1:
                break
            out.append(moment)
        try:
            moment = _advance(moment, step)
        except (ValueError, OverflowError):
            break
    return out


def tick_label(moment: datetime, step: TickStep) -> str:
    """A tick's label, in the app's one date style: ``14:00``, ``19 May``, ``June``, ``2025``."""
    if step.unit in (TickUnit.MINUTE, TickUnit.HOUR):
        return f"{moment.hour:02d}:{moment.minute:02d}"
    if step.unit in (TickUnit.DAY, TickUnit.WEEK):
        return day_month_words(moment.date())
    if step.unit is TickUnit.MONTH:
        return month_name(moment.month)
    return str(moment.year)


def context_label(moment: datetime, step: TickStep) -> str:
    """The coarser label above the ticks: the day (``4 June 2025``) for hours, the
    month (``May 2025``) for days, the year for months."""
    if step.unit in (TickUnit.MINUTE, TickUnit.HOUR):
        return day_words(moment.date())
    if step.unit in (TickUnit.DAY, TickUnit.WEEK):
        return month_words(moment.year, moment.month)
    if step.unit is TickUnit.MONTH:
        return str(moment.year)
    return ""


def span_words(start: float, end: float) -> str:
    """A span shown, in the app's date style: days, or hours within a day or two."""
    start, end = clamp_time(start), clamp_time(end)
    first, last = datetime.fromtimestamp(start, UTC), datetime.fromtimestamp(end, UTC)
    if end - start >= 2 * 86400:
        # An end at midnight ends the day before: that is the last day shown.
        if (last.hour, last.minute, last.second) == (0, 0, 0):
            last = datetime.fromtimestamp(end - 1, UTC)
        return f"{day_words(first.date())} \u2013 {day_words(last.date())}"
    return (
        f"{day_words(first.date())}, {first:%H:%M} \u2013 "
        f"{day_words(last.date())}, {last:%H:%M} (UTC)"
    )
