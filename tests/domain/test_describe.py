"""Fuzzy dates in words: every precision, ranges, approximations."""

# The en dash in ranges is what the user reads, so the expected strings spell it out.

from __future__ import annotations

import pytest

from viewer.domain.describe import describe_date, precision_words
from viewer.domain.model import FuzzyDate


def fuzzy(precision: str, start: str, end: str | None = None, approx: bool = False) -> FuzzyDate:
    return FuzzyDate.model_validate(
        {"precision": precision, "start": start, "end": end, "approximate": approx}
    )


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        # days
        (fuzzy("day", "2025-06-04"), "4 June 2025"),
        (fuzzy("day", "2025-06-04", "2025-06-04"), "4 June 2025"),
        (fuzzy("day", "2025-06-04", "2025-06-05"), "4–5 June 2025"),
        (fuzzy("day", "2025-06-04", "2025-06-05", approx=True), "around 4–5 June 2025"),
        (fuzzy("day", "2025-06-04", approx=True), "around 4 June 2025"),
        (fuzzy("day", "2025-05-29", "2025-06-02"), "29 May – 2 June 2025"),
        (fuzzy("day", "2024-12-30", "2025-01-02"), "30 December 2024 – 2 January 2025"),
        # weekends: Saturday to Sunday, also across a month or a year
        (fuzzy("day", "2025-05-31", "2025-06-01"), "weekend of 31 May – 1 June 2025"),
        (fuzzy("day", "2025-05-17", "2025-05-18"), "weekend of 17–18 May 2025"),
        (
            fuzzy("day", "2025-05-31", "2025-06-01", approx=True),
            "around the weekend of 31 May – 1 June 2025",
        ),
        (
            fuzzy("day", "2022-12-31", "2023-01-01"),
            "weekend of 31 December 2022 – 1 January 2023",
        ),
        # Friday to Sunday is no weekend in this sense
        (fuzzy("day", "2025-05-30", "2025-06-01"), "30 May – 1 June 2025"),
        # mid-month: approximate ranges within the 11th to the 20th
        (fuzzy("day", "2025-05-11", "2025-05-20", approx=True), "around mid-May 2025"),
        (fuzzy("day", "2025-05-14", "2025-05-16", approx=True), "around mid-May 2025"),
        (fuzzy("day", "2025-05-11", "2025-05-20"), "11–20 May 2025"),
        (fuzzy("day", "2025-05-10", "2025-05-20", approx=True), "around 10–20 May 2025"),
        (fuzzy("day", "2025-05-11", "2025-05-21", approx=True), "around 11–21 May 2025"),
        (fuzzy("day", "2025-05-15", approx=True), "around 15 May 2025"),
        (
            fuzzy("day", "2025-05-17", "2025-05-18", approx=True),
            "around the weekend of 17–18 May 2025",
        ),
        # weeks: named by their Monday
        (fuzzy("week", "2025-W22"), "week of 26 May 2025"),
        (fuzzy("week", "2025-W22", approx=True), "around the week of 26 May 2025"),
        (fuzzy("week", "2025-W01"), "week of 30 December 2024"),
        (fuzzy("week", "2025-W22", "2025-W23"), "weeks of 26 May – 2 June 2025"),
        # months and years
        (fuzzy("month", "2025-05"), "May 2025"),
        (fuzzy("month", "2025-05", approx=True), "around May 2025"),
        (fuzzy("month", "2025-05", "2025-06"), "May – June 2025"),
        (fuzzy("month", "2024-12", "2025-01"), "December 2024 – January 2025"),
        (fuzzy("year", "2025"), "2025"),
        (fuzzy("year", "2025", approx=True), "around 2025"),
        (fuzzy("year", "2024", "2025"), "2024–2025"),
        # minutes: the offset as written, never converted
        (fuzzy("minute", "2025-05-31T22:50+03:00"), "31 May 2025, 22:50 (UTC+03:00)"),
        (
            fuzzy("minute", "2025-05-31T22:50+03:00", approx=True),
            "around 31 May 2025, 22:50 (UTC+03:00)",
        ),
        (
            fuzzy("minute", "2025-06-01T02:20+03:00", "2025-06-01T03:00+03:00"),
            "1 June 2025, 02:20–03:00 (UTC+03:00)",
        ),
        (
            fuzzy("minute", "2025-06-01T02:20+03:00", "2025-06-01T03:00+03:00", approx=True),
            "around 1 June 2025, 02:20–03:00 (UTC+03:00)",
        ),
        (
            fuzzy("minute", "2025-05-31T22:50+03:00", "2025-06-01T03:00+03:00"),
            "31 May 2025, 22:50 – 1 June 2025, 03:00 (UTC+03:00)",
        ),
        (
            fuzzy("minute", "2025-05-31T22:50+03:00", "2025-05-31T21:00+01:00"),
            "31 May 2025, 22:50 (UTC+03:00) – 31 May 2025, 21:00 (UTC+01:00)",
        ),
        (fuzzy("minute", "2025-05-31T08:05Z"), "31 May 2025, 08:05 (UTC)"),
        (fuzzy("minute", "2025-05-31T08:05-04:00"), "31 May 2025, 08:05 (UTC-04:00)"),
    ],
)
def test_describe_date(date: FuzzyDate, expected: str) -> None:
    assert describe_date(date) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (fuzzy("day", "2025-06-04"), "exact to the day"),
        (fuzzy("day", "2025-06-04", "2025-06-05", approx=True), "to the day, approximate"),
        (fuzzy("week", "2025-W22"), "exact to the week"),
        (fuzzy("month", "2025-05"), "exact to the month"),
        (fuzzy("month", "2025-05", approx=True), "to the month, approximate"),
        (fuzzy("year", "2025"), "exact to the year"),
        (fuzzy("minute", "2025-05-31T22:50+03:00"), "exact to the minute"),
        (fuzzy("minute", "2025-05-31T22:50+03:00", approx=True), "to the minute, approximate"),
    ],
)
def test_precision_words(date: FuzzyDate, expected: str) -> None:
    assert precision_words(date) == expected


def test_bundled_dates_read_naturally() -> None:
    # The forms the bundled timeline uses, end to end.
    assert describe_date(fuzzy("day", "2025-06-01")) == "1 June 2025"
    assert describe_date(fuzzy("day", "2025-06-04", "2025-06-05", approx=True)) == (
        "around 4–5 June 2025"
    )


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (fuzzy("day", "2025-06-09", ".."), "from 9 June 2025 on"),
        (fuzzy("week", "2025-W23", ".."), "from the week of 2 June 2025 on"),
        (fuzzy("month", "2025-06", ".."), "from June 2025 on"),
        (fuzzy("year", "2025", ".."), "from 2025 on"),
        (fuzzy("minute", "2025-06-09T10:00+03:00", ".."), "from 9 June 2025, 10:00 (UTC+03:00) on"),
    ],
)
def test_open_ended_dates_read_from_on(date: FuzzyDate, expected: str) -> None:
    assert describe_date(date) == expected
    assert precision_words(date).endswith(", open-ended")
