import re
from datetime import UTC, datetime

import pytest

from viewer.domain.dates import Precision, parse_point


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


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
    text: str, precision: Precision, first: datetime, after: datetime
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
