"""The Qt-free time axis: two tiers at every zoom, labels about 100 px apart that
never overlap, month and year bounds, dates before 1970, UTC without daylight
saving, and today.

No display, no Qt: text is measured by a stand-in of fixed-width glyphs.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from viewer.domain import words
from viewer.domain.calendar import seconds_of
from viewer.timeline.axis import (
    LABEL_GAP,
    STEPS,
    TARGET_PX,
    Axis,
    AxisLabel,
    TickUnit,
    WidthOf,
    axis_layout,
    choose_step,
    span_words,
    ticks,
    zone_name,
)

CHAR = 7.0
LEFT, RIGHT = 160.0, 1160.0
MINUTE, HOUR, DAY, YEAR = 60.0, 3600.0, 86400.0, 365.25 * 86400.0


def mono(text: str) -> float:
    return CHAR * len(text)


def wide(text: str) -> float:
    """A font half as wide again: what a bold coarse tier measures."""
    return 1.5 * CHAR * len(text)


def at(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()  # type: ignore[arg-type, misc]


def layout(t0: float, seconds_per_px: float, **kwargs: object) -> Axis:
    return axis_layout(t0, seconds_per_px, LEFT, RIGHT, mono, **kwargs)  # type: ignore[arg-type]


def texts(labels: list[AxisLabel]) -> list[str]:
    return [text for _, text in labels]


# -- two tiers at every zoom -------------------------------------------------------

_ZOOMS = [
    # (seconds per pixel, fine unit, its labels, the coarse tier's labels)
    (0.1 * MINUTE, TickUnit.MINUTE, r"^\d\d:\d\d$", r"^\d{1,2} [A-Z][a-z]+ \d{4}$"),
    (1.2 * MINUTE, TickUnit.HOUR, r"^\d\d:\d\d$", r"^\d{1,2} [A-Z][a-z]+ \d{4}$"),
    (0.01 * DAY, TickUnit.DAY, r"^\d{1,2} [A-Z][a-z]+$", r"^[A-Z][a-z]+ \d{4}$"),
    (0.07 * DAY, TickUnit.WEEK, r"^\d{1,2} [A-Z][a-z]+$", r"^[A-Z][a-z]+ \d{4}$"),
    (0.15 * DAY, TickUnit.HALF_MONTH, r"^(1|16) [A-Z][a-z]+$", r"^[A-Z][a-z]+ \d{4}$"),
    (0.3 * DAY, TickUnit.MONTH, r"^[A-Z][a-z]+$", r"^\d{4}$"),
    (0.01 * YEAR, TickUnit.YEAR, r"^\d{4}$", r"^\d{3}0s$"),
    (0.1 * YEAR, TickUnit.YEAR, r"^\d{3}0$", r"^\d{2}00\u2013\d{2}99$"),
    (3 * YEAR, TickUnit.YEAR, r"^\d{1,2}00$", r"^\d+\u2013\d+$"),
]


@pytest.mark.parametrize(("seconds_per_px", "unit", "fine", "coarse"), _ZOOMS)
def test_every_zoom_has_a_fine_tier_under_a_coarse_one(
    seconds_per_px: float, unit: TickUnit, fine: str, coarse: str
) -> None:
    t0 = at(2025, 5, 17, 13, 7) - 500 * seconds_per_px
    axis = layout(t0, seconds_per_px)
    assert axis.step.unit is unit
    assert axis.coarse.approx_seconds > axis.step.approx_seconds
    assert len(axis.labels) >= 4
    assert all(re.match(fine, text) for text in texts(axis.labels)), axis.labels
    assert axis.context
    assert all(re.match(coarse, text) for text in texts(axis.context)), axis.context


def test_the_coarse_tier_names_its_span() -> None:
    days = layout(at(2025, 5, 25), 0.01 * DAY)  # days, across the end of May
    assert texts(days.context) == ["May 2025", "June 2025"]
    june = at(2025, 6, 1)
    assert days.bounds == [pytest.approx(LEFT + (june - at(2025, 5, 25)) / (0.01 * DAY))]
    assert days.context[1][0] == pytest.approx(days.bounds[0] + 3)
    hours = layout(at(2025, 6, 3, 20), 1.2 * MINUTE)
    assert texts(hours.context) == ["3 June 2025", "4 June 2025"]
    years = layout(at(2017, 1, 1), 0.01 * YEAR)
    assert texts(years.context) == ["2010s", "2020s"]


def test_the_span_at_the_left_edge_is_pinned_until_the_next_one_reaches_it() -> None:
    axis = layout(at(2025, 5, 3), 0.01 * DAY)
    assert axis.context[0] == (LEFT + 3, "May 2025")
    near = layout(at(2025, 5, 31, 12), 0.01 * DAY)  # June begins 50 px in
    assert texts(near.context) == ["June 2025"]


# -- about 100 px apart, never overlapping -------------------------------------------


def _views() -> Iterator[tuple[float, float]]:
    """Zooms from a tenth of a second to a century per pixel, at several places."""
    for k in range(7, 80):
        seconds_per_px = 0.1 * 10 ** (k / 8)
        for t0 in (at(1901, 2, 27, 5), at(2025, 2, 3, 23, 30), at(1969, 12, 29)):
            yield t0, seconds_per_px


def _spacings(labels: list[AxisLabel]) -> list[float]:
    return [b[0] - a[0] for a, b in itertools.pairwise(labels)]


def test_fine_labels_stand_about_100_px_apart() -> None:
    typical = []
    for t0, seconds_per_px in _views():
        axis = layout(t0, seconds_per_px)
        spacings = _spacings(axis.labels)
        assert spacings, (t0, seconds_per_px)
        typical.append(sorted(spacings)[len(spacings) // 2])
    assert typical
    assert all(0.5 * TARGET_PX <= gap <= 2.5 * TARGET_PX for gap in typical), typical
    near = [gap for gap in typical if 0.7 * TARGET_PX <= gap <= 1.5 * TARGET_PX]
    assert len(near) >= 0.75 * len(typical)


@pytest.mark.parametrize("width_of", [mono, wide], ids=["narrow", "wide"])
def test_labels_never_overlap_and_stay_whole(width_of: WidthOf) -> None:
    views = list(_views())
    assert views
    for t0, seconds_per_px in views:
        now = t0 + 333 * seconds_per_px
        axis = axis_layout(
            t0,
            seconds_per_px,
            LEFT,
            RIGHT,
            width_of,
            now=now,
            now_text="today",
            context_width_of=wide,
        )
        assert axis.now_label is not None
        tiers = [([*axis.labels, axis.now_label], width_of), (axis.context, wide)]
        for labels, measure in tiers:
            ordered = sorted(labels)
            for (x0, a), (x1, _b) in itertools.pairwise(ordered):
                assert x0 + measure(a) + LABEL_GAP <= x1 + 1e-6, (t0, seconds_per_px, labels)
            assert all(x >= LEFT and x + measure(t) <= RIGHT for x, t in labels)


def test_a_wider_font_takes_a_longer_step() -> None:
    narrow = choose_step(0.012 * DAY, mono)
    broad = choose_step(0.012 * DAY, lambda text: 3 * mono(text))
    assert broad.approx_seconds > narrow.approx_seconds


def test_the_step_does_not_change_while_panning_within_like_months() -> None:
    steps = {layout(at(2025, 5, 1) + k * 3 * 3600, 0.012 * DAY).step for k in range(40)}
    assert len(steps) == 1


# -- the calendar ----------------------------------------------------------------


def test_half_months_fall_on_the_1st_and_the_16th_even_in_february() -> None:
    half = next(step for step in STEPS if step.unit is TickUnit.HALF_MONTH)
    found = ticks(at(2024, 1, 20), at(2024, 4, 20), half)
    assert [(m.month, m.day) for m in found] == [(2, 1), (2, 16), (3, 1), (3, 16), (4, 1), (4, 16)]


def test_months_and_years_tick_on_their_first_day() -> None:
    month = next(step for step in STEPS if step.unit is TickUnit.MONTH and step.count == 3)
    found = ticks(at(2024, 11, 5), at(2025, 11, 5), month)
    assert [(m.year, m.month, m.day, m.hour) for m in found] == [
        (2025, 1, 1, 0),
        (2025, 4, 1, 0),
        (2025, 7, 1, 0),
        (2025, 10, 1, 0),
    ]
    decade = next(step for step in STEPS if step.unit is TickUnit.YEAR and step.count == 10)
    assert [m.year for m in ticks(at(1, 1, 1), at(45, 1, 1), decade)] == [1, 10, 20, 30, 40]


def test_dates_before_1970() -> None:
    axis = layout(at(1969, 12, 25), 0.01 * DAY)
    assert at(1969, 12, 25) < 0
    assert texts(axis.context) == ["December 1969", "January 1970"]
    assert axis.bounds == [pytest.approx(LEFT + 700)]
    assert "1 January" in texts(axis.labels)
    old = layout(at(1848, 3, 1), 0.01 * YEAR)
    assert texts(old.context)[0] == "1840s"
    assert "1850" in texts(old.labels)
    hour = next(step for step in STEPS if step.unit is TickUnit.HOUR and step.count == 6)
    assert [m.hour for m in ticks(at(1912, 4, 14, 23), at(1912, 4, 15, 13), hour)] == [0, 6, 12]


def test_hours_are_utc_hours_without_daylight_saving() -> None:
    hour = next(step for step in STEPS if step.unit is TickUnit.HOUR and step.count == 1)
    # Europe's and America's clocks change on these days; the axis's do not.
    for day in (datetime(2025, 3, 30, tzinfo=UTC), datetime(2025, 11, 2, tzinfo=UTC)):
        start = day.timestamp()
        found = ticks(start, start + DAY - 1, hour)
        assert [m.hour for m in found] == list(range(24))
        assert {b.t - a.t for a, b in itertools.pairwise(found)} == {3600.0}
    assert zone_name() == "UTC"
    assert span_words(at(2025, 6, 4, 6), at(2025, 6, 4, 10)).endswith("(UTC)")


def test_the_far_ends_of_the_calendar() -> None:
    first = layout(at(1, 1, 1), 10 * YEAR)
    assert texts(first.labels)[0] == "1"
    last = layout(at(9999, 12, 1), 0.01 * DAY)
    assert texts(last.context) == ["December 9999"]


def bc(year: int, month: int = 1, day: int = 1) -> float:
    """The instant a day of a year BC begins (``bc(44)`` is 44 BC, astronomical -43)."""
    return seconds_of(1 - year, month, day)


def test_ticks_across_the_turn_of_the_eras_stand_on_round_years() -> None:
    """No year 0: ten years from 10 BC is AD 1, and round years are the readers' round years."""
    decade = next(step for step in STEPS if step.unit is TickUnit.YEAR and step.count == 10)
    found = ticks(bc(45), seconds_of(31, 1, 1), decade)
    assert [m.year for m in found] == [-39, -29, -19, -9, 1, 10, 20, 30]
    century = next(step for step in STEPS if step.unit is TickUnit.YEAR and step.count == 100)
    assert [m.year for m in ticks(bc(250), seconds_of(250, 1, 1), century)] == [
        -199,
        -99,
        1,
        100,
        200,
    ]
    year = next(step for step in STEPS if step.unit is TickUnit.YEAR and step.count == 1)
    assert [m.year for m in ticks(bc(3), seconds_of(3, 1, 1), year)] == [-2, -1, 0, 1, 2, 3]


def test_a_view_across_the_turn_of_the_eras_says_bc_and_ad() -> None:
    axis = layout(bc(100), 200 * YEAR / (RIGHT - LEFT))
    assert texts(axis.labels) == [
        "100 BC", "80 BC", "60 BC", "40 BC", "20 BC", "AD 1", "AD 20", "AD 40", "AD 60", "AD 80"
    ]  # fmt: skip
    assert texts(axis.context) == ["100\u20131 BC", "AD 1\u201399"]
    # Ticks of like steps stand about as far apart on either side of the turn.
    gaps = [b - a for a, b in itertools.pairwise(axis.tick_xs)]
    assert max(gaps) - min(gaps) < 1.1 * 1000 / 200  # a year of 200, and leap days
    years = layout(bc(7), 12 * YEAR / (RIGHT - LEFT))
    assert texts(years.labels)[5:8] == ["2 BC", "1 BC", "AD 1"]
    assert texts(years.context) == ["10\u20131 BC", "AD 1\u20139"]


def test_a_view_before_the_common_era_reads_bc() -> None:
    decades = layout(bc(60), 30 * YEAR / (RIGHT - LEFT))
    assert texts(decades.context) == ["60\u201351 BC", "50\u201341 BC", "40\u201331 BC"]
    assert "44 BC" in texts(decades.labels)
    days = layout(bc(44, 3, 10), 10 * DAY / (RIGHT - LEFT))
    assert texts(days.context) == ["March 44 BC"]
    assert "15 March" in texts(days.labels)
    hours = layout(bc(44, 3, 15), DAY / (RIGHT - LEFT))
    assert texts(hours.context) == ["15 March 44 BC"]
    assert span_words(bc(44, 3, 15), bc(44, 3, 20)) == "15 March 44 BC \u2013 19 March 44 BC"
    assert (
        span_words(bc(1, 12, 31), seconds_of(1, 1, 3)) == "31 December 1 BC \u2013 2 January AD 1"
    )


def test_the_first_years_of_the_calendar() -> None:
    first = layout(bc(10000), 10 * YEAR)
    assert texts(first.labels)[0] == "10000 BC"
    for step in STEPS:
        assert ticks(bc(10000) - YEAR, bc(10000) + 400 * step.approx_seconds, step, limit=20)


# -- today ------------------------------------------------------------------------


def test_today_takes_its_place_on_the_fine_tier() -> None:
    t0, spp = at(2025, 5, 25), 0.01 * DAY
    now = at(2025, 6, 2, 9)  # on the label of 2 June
    axis = layout(t0, spp, now=now, now_text="today")
    assert axis.now_x == pytest.approx(LEFT + (now - t0) / spp)
    assert axis.now_label == (pytest.approx(axis.now_x + 3), "today")
    assert "2 June" not in texts(axis.labels)  # it would run into "today"
    assert "3 June" in texts(axis.labels)
    at_edge = layout(t0, spp, now=t0 + 995 * spp, now_text="today")
    assert at_edge.now_label is not None
    assert at_edge.now_label[0] < at_edge.now_x
    out = layout(t0, spp, now=at(2026, 12, 6), now_text="today")
    assert out.now_x is None
    assert out.now_label is None
    assert "2 June" in texts(out.labels)


# -- words ------------------------------------------------------------------------

_GERMAN = {
    "June": "Juni",
    "May": "Mai",
    "{day} {month}": "{day}. {month}",
    "{decade}s": "{decade}er",
}


@pytest.fixture
def german() -> Iterator[None]:
    words.use(lambda _context, text: _GERMAN.get(text, text))
    try:
        yield
    finally:
        words.use(None)


@pytest.mark.usefixtures("german")
def test_the_labels_are_in_the_readers_language() -> None:
    axis = layout(at(2025, 5, 25), 0.01 * DAY)
    assert texts(axis.context) == ["Mai 2025", "Juni 2025"]
    assert "2. Juni" in texts(axis.labels)
    decades = layout(at(2017, 1, 1), 0.01 * YEAR)
    assert texts(decades.context) == ["2010er", "2020er"]


def test_the_step_is_chosen_by_the_pixels_per_second() -> None:
    chosen = [choose_step(0.1 * 2**k, mono) for k in range(40)]
    assert chosen
    assert all(a.approx_seconds <= b.approx_seconds for a, b in itertools.pairwise(chosen))
    assert math.isclose(chosen[0].approx_seconds, 60.0)
