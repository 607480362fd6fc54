import re
from datetime import UTC, date, datetime, timedelta

import pytest

from viewer.domain.calendar import days_from_civil, moment_of, seconds_of
from viewer.domain.dates import (
    ANY_POINT_PATTERN,
    END_OF_CALENDAR,
    MIN_T,
    Precision,
    parse_point,
)

DAY = 86400.0


def utc(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "precision", "first", "after"),
    [
        ("2025", Precision.YEAR, utc(2025, 1, 1), utc(2026, 1, 1)),
        ("2025-05", Precision.MONTH, utc(2025, 5, 1), utc(2025, 6, 1)),
        ("2025-12", Precision.MONTH, utc(2025, 12, 1), utc(2026, 1, 1)),
        ("2025-W22", Precision.WEEK, utc(2025, 5, 26), utc(2025, 6, 2)),
        ("2025-06-01", Precision.DAY, utc(2025, 6, 1), utc(2025, 6, 2)),
        (
            "2025-05-31T22:50+03:00",
            Precision.MINUTE,
            utc(2025, 5, 31, 19, 50),
            utc(2025, 5, 31, 19, 51),
        ),
        ("2025-05-31T22:50Z", Precision.MINUTE, utc(2025, 5, 31, 22, 50), utc(2025, 5, 31, 22, 51)),
    ],
)
def test_each_precision_covers_its_unit(
    text: str, precision: Precision, first: float, after: float
) -> None:
    assert parse_point(text, precision) == (first, after)


@pytest.mark.parametrize(
    ("text", "precision", "message"),
    [
        (
            "2025-06-01",
            Precision.MONTH,
            "expected YYYY-MM, found '2025-06-01' (it is written like a day)",
        ),
        ("2025-06", Precision.DAY, "expected YYYY-MM-DD"),
        ("1. Juni", Precision.DAY, "does not match precision 'day'"),
        ("2025-02-30", Precision.DAY, "not a valid day: '2025-02-30'"),
        ("2025-13", Precision.MONTH, "not a valid month"),
        ("2025-W54", Precision.WEEK, "not a valid week"),
        ("2025-06-01T25:00+00:00", Precision.MINUTE, "not a valid minute"),
        ("2025-06-01T12:00", Precision.MINUTE, "needs a UTC offset"),
    ],
)
def test_wrong_dates_are_explained(text: str, precision: Precision, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_point(text, precision)


@pytest.mark.parametrize(
    ("text", "precision", "first"),
    [
        ("9999", Precision.YEAR, utc(9999, 1, 1)),
        ("9999-12", Precision.MONTH, utc(9999, 12, 1)),
        ("9999-W52", Precision.WEEK, utc(9999, 12, 27)),  # Monday to Sunday 10000-01-02
        ("9999-12-31", Precision.DAY, utc(9999, 12, 31)),
        ("9999-12-31T23:59+00:00", Precision.MINUTE, utc(9999, 12, 31, 23, 59)),
        ("9999-12-31T23:59Z", Precision.MINUTE, utc(9999, 12, 31, 23, 59)),
    ],
)
def test_the_last_unit_of_the_calendar_ends_at_its_end(
    text: str, precision: Precision, first: float
) -> None:
    """The instant after 9999-12-31 (year 10000) cannot be written: the end is the calendar's."""
    assert parse_point(text, precision) == (first, END_OF_CALENDAR)
    assert datetime.max.replace(tzinfo=UTC).timestamp() == END_OF_CALENDAR - 1e-6


@pytest.mark.parametrize(
    ("text", "precision", "first", "after"),
    [
        ("-9999", Precision.YEAR, MIN_T, MIN_T + 365 * DAY),
        ("-9999-01", Precision.MONTH, MIN_T, MIN_T + 31 * DAY),
        ("-9999-01-01", Precision.DAY, MIN_T, MIN_T + DAY),
        ("-9999-01-01T00:00-01:00", Precision.MINUTE, MIN_T + 3600, MIN_T + 3660),
    ],
)
def test_the_first_units_of_the_calendar(
    text: str, precision: Precision, first: float, after: float
) -> None:
    assert parse_point(text, precision) == (first, after)


@pytest.mark.parametrize(
    ("text", "precision", "message"),
    [
        (
            "-9999-01-01T00:00+01:00",
            Precision.MINUTE,
            "not a valid minute: '-9999-01-01T00:00+01:00' (in UTC that is before -9999-01-01, "
            "outside the calendar of years -9999 to 9999)",
        ),
        (
            "9999-12-31T23:59-00:01",
            Precision.MINUTE,
            "not a valid minute: '9999-12-31T23:59-00:01' (in UTC that is after 9999-12-31, "
            "outside the calendar of years -9999 to 9999)",
        ),
        ("-0000", Precision.YEAR, "not a valid year: '-0000' (year 0 is written 0000"),
        ("-0000-12-31", Precision.DAY, "not a valid day: '-0000-12-31' (year 0 is written 0000"),
        ("-10000", Precision.YEAR, "expected YYYY, found '-10000'"),
        ("10000-01", Precision.MONTH, "expected YYYY-MM, found '10000-01'"),
    ],
)
def test_points_outside_the_calendar_say_which_end(
    text: str, precision: Precision, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_point(text, precision)


@pytest.mark.parametrize("offset", ["+14:00", "-12:00", "+05:45", "+12:45", "-09:30", "+00:20"])
def test_utc_offsets_in_use_are_accepted(offset: str) -> None:
    first, _ = parse_point(f"2025-06-04T12:00{offset}", Precision.MINUTE)
    assert first == datetime.fromisoformat(f"2025-06-04T12:00{offset}").timestamp()


@pytest.mark.parametrize(
    ("offset", "why"),
    [
        ("+15:00", "a UTC offset lies between -12:00 and +14:00, found '+15:00'"),
        ("+14:01", "a UTC offset lies between -12:00 and +14:00, found '+14:01'"),
        ("-12:01", "a UTC offset lies between -12:00 and +14:00, found '-12:01'"),
        ("+24:00", "a UTC offset lies between -12:00 and +14:00, found '+24:00'"),
        ("+05:60", "the minutes of a UTC offset run from 00 to 59, found '+05:60'"),
        ("-03:99", "the minutes of a UTC offset run from 00 to 59, found '-03:99'"),
    ],
)
def test_utc_offsets_beyond_those_in_use_are_refused(offset: str, why: str) -> None:
    text = f"2025-06-04T12:00{offset}"
    message = f"not a valid minute: {text!r} ({why})"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_point(text, Precision.MINUTE)


def test_the_schema_pattern_admits_the_offsets_parse_point_does() -> None:
    """The JSON Schema says up front which offsets a file may use."""
    for sign in "+-":
        for hours in range(24):
            for minutes in range(100):
                text = f"2025-06-04T12:00{sign}{hours:02}:{minutes:02}"
                try:
                    parse_point(text, Precision.MINUTE)
                except ValueError:
                    valid = False
                else:
                    valid = True
                assert bool(re.fullmatch(ANY_POINT_PATTERN, text)) is valid, text


def test_a_long_wrong_point_is_quoted_short() -> None:
    text = "2025-06-04" + "x" * 1_000_000
    message = (
        "does not match precision 'day': expected YYYY-MM-DD, "
        "found '2025-06-04xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (1,000,010 characters)"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_point(text, Precision.DAY)


@pytest.mark.parametrize(
    ("text", "precision"),
    [("٢٠٢٥-06-04", Precision.DAY), ("2025-06-04T12:00+٠٣:00", Precision.MINUTE)],
)
def test_digits_are_ascii_digits_as_the_schema_says(text: str, precision: Precision) -> None:
    assert not re.fullmatch(ANY_POINT_PATTERN.replace(r"\d", "[0-9]"), text)
    with pytest.raises(ValueError, match="does not match precision"):
        parse_point(text, precision)


# Caesar died on the Ides of March of 44 BC: astronomical year -43 (0000 is 1 BC).
IDES = seconds_of(-43, 3, 15)


@pytest.mark.parametrize(
    ("text", "precision", "first", "after"),
    [
        ("-0043", Precision.YEAR, seconds_of(-43, 1, 1), seconds_of(-42, 1, 1)),
        ("-0043-03", Precision.MONTH, seconds_of(-43, 3, 1), seconds_of(-43, 4, 1)),
        ("-0043-12", Precision.MONTH, seconds_of(-43, 12, 1), seconds_of(-42, 1, 1)),
        # 15 March 44 BC was a Friday (proleptic Gregorian): week 11 began on the 11th.
        ("-0043-W11", Precision.WEEK, seconds_of(-43, 3, 11), seconds_of(-43, 3, 18)),
        ("-0043-03-15", Precision.DAY, IDES, IDES + DAY),
        ("-0043-03-15T12:00+01:00", Precision.MINUTE, IDES + 11 * 3600, IDES + 11 * 3600 + 60),
        ("0000", Precision.YEAR, seconds_of(0, 1, 1), seconds_of(1, 1, 1)),
        ("0000-02-29", Precision.DAY, seconds_of(0, 2, 29), seconds_of(0, 3, 1)),  # a leap year
        ("-0001-W52", Precision.WEEK, seconds_of(-1, 12, 27), seconds_of(0, 1, 3)),
    ],
)
def test_points_before_year_1_are_astronomical_years(
    text: str, precision: Precision, first: float, after: float
) -> None:
    assert parse_point(text, precision) == (first, after)


def test_the_calendar_agrees_with_pythons_where_both_hold() -> None:
    for n in range(-719_162, 2_932_897, 997):  # 0001-01-01 to 9999-12-31
        day = date(1970, 1, 1) + timedelta(days=n)
        assert days_from_civil(day.year, day.month, day.day) == n
        assert moment_of(n * DAY + 3723).date == (day.year, day.month, day.day)
        assert parse_point(day.isoformat(), Precision.DAY)[0] == n * DAY
        week_year, week, _ = day.isocalendar()
        monday = parse_point(f"{week_year:04d}-W{week:02d}", Precision.WEEK)[0]
        assert monday == (n - day.weekday()) * DAY


def test_points_order_across_year_0() -> None:
    written = [
        "-0044-12-31",
        "-0043-01-01",
        "-0001-12-31",
        "0000-01-01",
        "0000-12-31",
        "0001-01-01",
    ]
    firsts = [parse_point(text, Precision.DAY)[0] for text in written]
    assert firsts == sorted(firsts)
    assert len(set(firsts)) == len(firsts)
    assert firsts[4] + DAY == firsts[5]  # 31 December 1 BC is the day before 1 January AD 1


def test_a_0000_year_is_not_a_bad_year() -> None:
    """Year 0 (1 BC) is written 0000, as ISO 8601's expanded form has it."""
    assert re.fullmatch(ANY_POINT_PATTERN, "0000-01-01")
    assert not re.fullmatch(ANY_POINT_PATTERN, "-0000-01-01")
    assert re.fullmatch(ANY_POINT_PATTERN, "-9999-W01")


def test_the_schema_pattern_admits_the_years_parse_point_does() -> None:
    """Year 0 has no minus sign, and the pattern needs no lookahead to say so."""
    years = [f"{sign}{digits}" for sign in ("", "-") for digits in ("0000", "0001", "0043", "9999")]
    for year in [*years, "-00000", "10000", "+2025", "-043"]:
        for text, precision in ((year, Precision.YEAR), (f"{year}-03-15", Precision.DAY)):
            try:
                parse_point(text, precision)
            except ValueError:
                valid = False
            else:
                valid = True
            assert bool(re.fullmatch(ANY_POINT_PATTERN, text)) is valid, text
    assert "(?" not in ANY_POINT_PATTERN.replace("(?:", "")
