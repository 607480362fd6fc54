"""The time axis: two tiers of ticks that adapt to the zoom, their labels, and "today".

The fine tier has a tick about every :data:`TARGET_PX` pixels, with a label
each (days, hours, months, years...); the coarse tier above it names the span
each part of the fine tier lies in (the month above the days, the day above
the hours, the decade above the years). Labels are measured with the width
function the painter gives, so they never overlap. Qt-free: the clock is never
read here, "now" is passed in.

Times are POSIX seconds, shown in :data:`ZONE` (UTC): model files carry their own
offsets and calendar days are UTC days (see :mod:`viewer.domain.dates`); UTC has
no daylight saving, so every day has 24 hours. The calendar is
:mod:`viewer.domain.calendar`'s, from 10000 BC to AD 9999.

Years before the common era are counted as readers count them: the ticks of
every tenth year stand on 50 BC, 40 BC, ... 10 BC, then AD 1, AD 10, AD 20
(there is no year 0: 10 BC to AD 1 is ten years, as 20 BC to 10 BC is), and
the spans above them read "50\u201341 BC", "10\u20131 BC", "AD 1\u20139". Where a
view runs across the turn of the eras its years from 1 on say "AD"; elsewhere
a year is just its number, as everywhere in the app.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from enum import StrEnum
from itertools import pairwise

from viewer.domain.calendar import Moment, days_from_civil, moment_of, weekday
from viewer.domain.dates import MAX_T, MIN_T, clamp_time
from viewer.domain.describe import (
    day_month_words,
    day_words,
    month_name,
    month_words,
    year_words,
    years_words,
)
from viewer.domain.words import translate

# The zone the axis shows its dates and times in (and names at its left).
ZONE: tzinfo = UTC
# About how far apart the fine tier's labels stand (pixels).
TARGET_PX = 100.0
# The least room between two labels of a tier (pixels).
LABEL_GAP = 12.0

# A label's width in pixels, as the painter's font measures it.
WidthOf = Callable[[str], float]


class TickUnit(StrEnum):
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    HALF_MONTH = "half-month"  # the 1st and the 16th
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class TickStep:
    unit: TickUnit
    count: int
    approx_seconds: float
    # The shortest a step can be (a month of February); the typical one if 0.
    least_seconds: float = field(default=0.0, compare=False)

    @property
    def shortest(self) -> float:
        return self.least_seconds or self.approx_seconds


_DAY = 86400.0
_YEAR = 365.25 * _DAY
STEPS: tuple[TickStep, ...] = (
    *(TickStep(TickUnit.MINUTE, n, 60.0 * n) for n in (1, 2, 5, 10, 15, 30)),
    *(TickStep(TickUnit.HOUR, n, 3600.0 * n) for n in (1, 2, 3, 6, 12)),
    *(TickStep(TickUnit.DAY, n, _DAY * n) for n in (1, 2, 3, 4)),
    TickStep(TickUnit.WEEK, 1, 7 * _DAY),
    TickStep(TickUnit.HALF_MONTH, 1, 15.2 * _DAY, 13 * _DAY),
    *(
        TickStep(TickUnit.MONTH, n, 30.4 * _DAY * n, (28 + 30.4 * (n - 1)) * _DAY)
        for n in (1, 2, 3, 4, 6)
    ),
    *(
        TickStep(TickUnit.YEAR, n, _YEAR * n, 365 * _DAY * n)
        for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)
    ),
)


def context_step(step: TickStep) -> TickStep:
    """The coarse tier above ``step``: the day above hours, the month above days,
    the year above months, the decade above years, the century above decades..."""
    if step.unit in (TickUnit.MINUTE, TickUnit.HOUR):
        return TickStep(TickUnit.DAY, 1, _DAY)
    if step.unit in (TickUnit.DAY, TickUnit.WEEK, TickUnit.HALF_MONTH):
        return TickStep(TickUnit.MONTH, 1, 30.4 * _DAY, 28 * _DAY)
    if step.unit is TickUnit.MONTH:
        return TickStep(TickUnit.YEAR, 1, _YEAR)
    count = next((n for n in (10, 100, 1000) if step.count < n), 10000)
    return TickStep(TickUnit.YEAR, count, _YEAR * count)


def choose_step(
    seconds_per_px: float,
    width_of: WidthOf,
    span: tuple[float, float] | None = None,
    target_px: float = TARGET_PX,
    gap: float = LABEL_GAP,
) -> TickStep:
    """The step whose labels stand nearest ``target_px`` apart without running into
    each other: the labels of the ticks in ``span`` (POSIX seconds), or of any
    tick without it (the longest month's names, a February's few days)."""
    return _choose(seconds_per_px, width_of, span, target_px, gap)[0]


def _choose(
    seconds_per_px: float,
    width_of: WidthOf,
    span: tuple[float, float] | None,
    target_px: float = TARGET_PX,
    gap: float = LABEL_GAP,
) -> tuple[TickStep, list[Moment] | None]:
    """:func:`choose_step`'s step, and its ticks in ``span`` when they were made
    to measure it (None if not).

    The steps within a factor of four of ``target_px`` are tried nearest first,
    and the first whose labels fit is taken; if none does, the first longer one
    that fits. (Each step's ticks are made once, and only for the steps tried.)"""
    near: list[tuple[float, int, TickStep]] = []
    longer: list[TickStep] = []
    for number, step in enumerate(STEPS):
        spacing = step.approx_seconds / seconds_per_px
        if spacing < target_px / 4:
            continue
        if spacing > target_px * 4:
            longer.append(step)
        else:
            near.append((abs(math.log(spacing / target_px)), number, step))
    for step in [step for _miss, _number, step in sorted(near)] + longer:
        moments, in_span = _moments(step, span)
        if _room(step, span, moments) / seconds_per_px < _widest(step, width_of, moments) + gap:
            continue
        return step, moments if in_span else None
    return STEPS[-1], None


def _moments(step: TickStep, span: tuple[float, float] | None) -> tuple[list[Moment], bool]:
    """The ticks of ``step`` in ``span``; or, without a span (or a tick in it),
    moments with the widest labels the step has (the 28th of each month); and
    whether they are the ticks in the span."""
    if span is not None:
        moments = ticks(span[0], span[1], step)
        if moments:
            return moments, True
    if step.unit in (TickUnit.MINUTE, TickUnit.HOUR):
        return [Moment(2000, 1, 1, 23, 58, 0)], False
    if step.unit is TickUnit.YEAR:
        return [Moment(8888, 1, 1, 0, 0, 0)], False
    return [Moment(2000, month, 28, 0, 0, 0) for month in range(1, 13)], False


def _widest(step: TickStep, width_of: WidthOf, moments: list[Moment]) -> float:
    return max(width_of(tick_label(moment, step)) for moment in moments)


def _room(step: TickStep, span: tuple[float, float] | None, moments: list[Moment]) -> float:
    """The least time between two ticks of ``step`` (of its ``moments`` in
    ``span``, if a span is given)."""
    if span is None or len(moments) < 2:
        return step.shortest
    stamps = [moment.t for moment in moments]
    return min(b - a for a, b in pairwise(stamps))


def floor_to_step(moment: Moment, step: TickStep) -> Moment:
    """The tick of ``step`` at or before ``moment`` (the first day of 10000 BC at the earliest)."""
    if step.unit is TickUnit.MINUTE:
        return moment._replace(minute=moment.minute - moment.minute % step.count, second=0)
    if step.unit is TickUnit.HOUR:
        return moment._replace(hour=moment.hour - moment.hour % step.count, minute=0, second=0)
    day = Moment(moment.year, moment.month, moment.day, 0, 0, 0)
    if step.unit is TickUnit.DAY:  # aligned to the calendar, so ticks stay put while panning
        number = days_from_civil(day.year, day.month, day.day)
        return _on_day(number - (number + _ORDINAL_OF_EPOCH) % step.count)
    if step.unit is TickUnit.WEEK:
        number = days_from_civil(day.year, day.month, day.day)
        return _on_day(number - weekday(number) + 1)
    if step.unit is TickUnit.HALF_MONTH:
        return day._replace(day=16 if day.day >= 16 else 1)
    if step.unit is TickUnit.MONTH:
        month0 = (day.month - 1) - (day.month - 1) % step.count
        return day._replace(month=month0 + 1, day=1)
    return Moment(_floor_year(day.year, step.count), 1, 1, 0, 0, 0)


# Python's ordinal of 1970-01-01: days keep the alignment they had.
_ORDINAL_OF_EPOCH = 719_163


def _on_day(number: int) -> Moment:
    return moment_of(number * _DAY)


def _floor_year(year: int, count: int) -> int:
    """The round year at or before ``year``: a multiple of ``count`` as readers
    count (``50 BC`` is astronomical -49), or AD 1, which follows the last BC one."""
    if year >= 1:
        return max(year - year % count, 1)
    before = 1 - year  # 44 for 44 BC
    return 1 - -(-before // count) * count  # the round BC year at or before it


def _next_year(year: int, count: int) -> int:
    if year >= 1:
        return year - year % count + count
    before = (1 - year - 1) // count * count  # the next round BC year, 0 for AD 1
    return 1 - before if before else 1


def _advance(moment: Moment, step: TickStep) -> Moment:
    if step.unit is TickUnit.HALF_MONTH:
        if moment.day == 1:
            return moment._replace(day=16)
        return _advance(moment._replace(day=1), TickStep(TickUnit.MONTH, 1, 0.0))
    if step.unit is TickUnit.MONTH:
        months = moment.month - 1 + step.count
        return moment._replace(year=moment.year + months // 12, month=months % 12 + 1)
    if step.unit is TickUnit.YEAR:
        return moment._replace(year=_next_year(moment.year, step.count))
    return moment_of(moment.t + step.approx_seconds)


def ticks(t0: float, t1: float, step: TickStep, limit: int = 2000) -> list[Moment]:
    """The tick instants of ``step`` within ``[t0, t1]`` (at most ``limit``)."""
    t0, t1 = max(t0, MIN_T), min(t1, MAX_T)
    out: list[Moment] = []
    if t1 <= t0:
        return out
    moment = floor_to_step(moment_of(t0), step)
    while len(out) < limit:
        t = moment.t
        if t >= t0:
            if t > t1:
                break
            out.append(moment)
        moment = _advance(moment, step)
    return out


def tick_label(moment: Moment, step: TickStep, era: bool = False) -> str:
    """A fine tick's label, in the app's one date style: ``14:00``, ``19 May``,
    ``June``, ``2025``, ``44 BC``; ``era``: the view runs across the turn of the
    eras, and years from 1 on say so (``AD 10``)."""
    if step.unit in (TickUnit.MINUTE, TickUnit.HOUR):
        return f"{moment.hour:02d}:{moment.minute:02d}"
    if step.unit in (TickUnit.DAY, TickUnit.WEEK, TickUnit.HALF_MONTH):
        return day_month_words(moment)
    if step.unit is TickUnit.MONTH:
        return month_name(moment.month)
    return year_words(moment.year, era)


def context_label(moment: Moment, coarse: TickStep, era: bool = False) -> str:
    """A coarse tier's label, naming the span it starts: the day (``4 June 2025``),
    the month (``May 2025``), the year, the decade (``2020s``), the century
    (``1900–1999``), years BC (``50–41 BC``)."""
    if coarse.unit in (TickUnit.MINUTE, TickUnit.HOUR, TickUnit.DAY):
        return day_words(moment, era)
    if coarse.unit in (TickUnit.WEEK, TickUnit.HALF_MONTH, TickUnit.MONTH):
        return month_words(moment.year, moment.month, era)
    if coarse.count == 1:
        return year_words(moment.year, era)
    if coarse.count > 1000:
        return ""
    first = moment.year
    last = _next_year(first, coarse.count) - 1
    if coarse.count == 10 and first >= 10 and not era:
        #: The years of a decade on the time axis: "2020s" (German "2020er").
        return translate("dates", "{decade}s").format(decade=first)
    return years_words(first, last, era)


def _across_eras(t0: float, t1: float) -> bool:
    """Whether the view from ``t0`` to ``t1`` shows both years BC and AD."""
    return t0 < _AD_1 < t1


_AD_1 = days_from_civil(1, 1, 1) * _DAY


# A label on the axis: where it starts (pixels) and its text.
AxisLabel = tuple[float, str]


@dataclass(frozen=True, slots=True)
class Axis:
    """The axis over a view: its steps, the ticks of both tiers and their labels."""

    step: TickStep
    coarse: TickStep
    # Where each fine tick stands (pixels), labelled or not.
    tick_xs: list[float]
    # The fine tier's labels: each starts at its tick.
    labels: list[AxisLabel]
    # Where each coarse span starts (pixels), in view.
    bounds: list[float]
    # The coarse tier's labels; the first is pinned at the left edge for the
    # span the edge is in, unless the next span's would run into it.
    context: list[AxisLabel]
    # Where "now" is (pixels), when in view, and its label ("today") beside it.
    now_x: float | None = None
    now_label: AxisLabel | None = None


def axis_layout(
    t0: float,
    seconds_per_px: float,
    left: float,
    right: float,
    width_of: WidthOf,
    now: float | None = None,
    now_text: str = "",
    context_width_of: WidthOf | None = None,
) -> Axis:
    """The axis of a view whose time ``t0`` is at ``left`` and that ends at
    ``right`` (pixels), with ``seconds_per_px``; labels measured by ``width_of``.

    The coarse tier and the word for now are measured by ``context_width_of`` (a
    bolder font), if given.
    ``now`` (POSIX seconds), when in view, takes its place in the fine tier with
    ``now_text`` ("today"), and fine labels that would run into it are left out.
    Labels are whole or not shown, and never closer than :data:`LABEL_GAP`.
    """
    t1 = t0 + (right - left) * seconds_per_px
    step, fine = _choose(seconds_per_px, width_of, (t0, t1))
    wide = context_width_of or width_of
    coarse = context_step(step)

    def x_of(t: float) -> float:
        return left + (t - t0) / seconds_per_px

    now_x = x_of(now) if now is not None and t0 <= now <= t1 else None
    taken: list[tuple[float, float]] = []
    now_label: AxisLabel | None = None
    if now_x is not None and now_text:
        width = wide(now_text)
        start = now_x + 3 if now_x + 3 + width <= right else now_x - 3 - width
        if start >= left:
            now_label = (start, now_text)
            taken.append((start, start + width))
    tick_xs: list[float] = []
    labels: list[AxisLabel] = []
    era = _across_eras(t0, t1)
    for moment in ticks(t0, t1, step) if fine is None else fine:
        x = x_of(moment.t)
        tick_xs.append(x)
        text = tick_label(moment, step, era)
        _place(labels, taken, (x + 3, text), width_of(text), right)
    moments = ticks(t0, t1, coarse)
    bounds = [x_of(moment.t) for moment in moments]
    context: list[AxisLabel] = []
    coarse_taken: list[tuple[float, float]] = []
    if not moments or bounds[0] > left:
        # The span the left edge is in keeps its label pinned there, unless the
        # next span's would run into it.
        edge = floor_to_step(moment_of(clamp_time(t0)), coarse)
        text = context_label(edge, coarse, era)
        if text and (not bounds or left + wide(text) + LABEL_GAP <= bounds[0]):
            _place(context, coarse_taken, (left + 3, text), wide(text), right)
    for x, moment in zip(bounds, moments, strict=True):
        text = context_label(moment, coarse, era)
        if text:
            _place(context, coarse_taken, (x + 3, text), wide(text), right)
    return Axis(step, coarse, tick_xs, labels, bounds, context, now_x, now_label)


def _place(
    out: list[AxisLabel],
    taken: list[tuple[float, float]],
    label: AxisLabel,
    width: float,
    right: float,
) -> None:
    """Add ``label`` to ``out`` if it fits whole before ``right`` and clear of
    every span in ``taken`` (which it then takes)."""
    x0, x1 = label[0], label[0] + width
    if x1 > right:
        return
    if any(x0 < end + LABEL_GAP and start < x1 + LABEL_GAP for start, end in taken):
        return
    taken.append((x0, x1))
    out.append(label)


def zone_name() -> str:
    """The name of the zone the axis shows times in: ``UTC``."""
    return ZONE.tzname(None) or "UTC"


def span_words(start: float, end: float) -> str:
    """A span shown, in the app's date style: days, or hours within a day or two."""
    start, end = clamp_time(start), clamp_time(end)
    first, last = moment_of(start), moment_of(end)
    era = first.year <= 0 < last.year
    if end - start >= 2 * 86400:
        # An end at midnight ends the day before: that is the last day shown.
        if (last.hour, last.minute, last.second) == (0, 0, 0):
            last = moment_of(end - 1)
        return f"{day_words(first)} \u2013 {day_words(last, era)}"
    return (
        f"{day_words(first)}, {first.hour:02d}:{first.minute:02d} \u2013 "
        f"{day_words(last, era)}, {last.hour:02d}:{last.minute:02d} ({zone_name()})"
    )
