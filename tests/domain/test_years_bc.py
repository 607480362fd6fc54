"""Years before the common era: ``-0043-03-15`` is 15 March 44 BC.

A model file writes them in ISO 8601's expanded form, with astronomical years
(0000 is 1 BC); both ways of loading read them alike, and people read them as
people count: ``15 March 44 BC``, German ``15. März 44 v. Chr.``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from viewer.domain import fast_load, words
from viewer.domain.calendar import seconds_of
from viewer.domain.dates import Precision, parse_point
from viewer.domain.describe import describe_date, read_era
from viewer.domain.model import FuzzyDate, TimelineModel
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline

CAESAR = REPO / "tests" / "data" / "model" / "caesar-44bc.json"


def fuzzy(**fields: object) -> FuzzyDate:
    return FuzzyDate.model_validate(fields)


def both_ways(path: Path) -> tuple[Timeline, Timeline]:
    data = path.read_bytes()
    fast = fast_load.build(data)
    assert fast is not None, "the fast load should vouch for a valid file"
    return fast, Timeline.from_model(TimelineModel.model_validate_json(data))


def test_the_fast_and_the_exact_load_agree_on_years_bc() -> None:
    fast, exact = both_ways(CAESAR)
    assert list(fast.events.ids) == list(exact.events.ids)
    assert fast.events.first.tolist() == exact.events.first.tolist()
    assert fast.events.after.tolist() == exact.events.after.tolist()
    ides = exact.events_by_id["ides"].date
    assert (ides.earliest, ides.latest) == (seconds_of(-43, 3, 15), seconds_of(-43, 3, 16))
    # As the file is opened: the same instants.
    opened = load_timeline(CAESAR)
    assert opened.events.first.tolist() == exact.events.first.tolist()


def test_events_order_across_year_0() -> None:
    _fast, exact = both_ways(CAESAR)
    ordered = sorted(exact.events.ids, key=lambda i: exact.events_by_id[i].date.earliest)
    assert ordered[0] == "rubicon"
    assert ordered[-2:] == ["turn", "first-day"]
    turn, first = exact.events_by_id["turn"].date, exact.events_by_id["first-day"].date
    assert turn.latest == first.earliest


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"precision": "day", "start": "-0043-03-15"}, "15 March 44 BC"),
        ({"precision": "month", "start": "-0043-03"}, "March 44 BC"),
        ({"precision": "year", "start": "-0043"}, "44 BC"),
        ({"precision": "year", "start": "0000"}, "1 BC"),
        ({"precision": "week", "start": "-0043-W11"}, "week of 11 March 44 BC"),
        (
            {"precision": "minute", "start": "-0043-03-15T12:00+01:00"},
            "15 March 44 BC, 12:00 (UTC+01:00)",
        ),
        ({"precision": "year", "start": "-0043", "end": "-0041"}, "44\u201342 BC"),
        ({"precision": "year", "start": "-0026", "end": "0014"}, "27 BC \u2013 AD 14"),
        (
            {"precision": "day", "start": "0000-12-31", "end": "0001-01-01", "approximate": True},
            "around 31 December 1 BC \u2013 1 January AD 1",
        ),
        ({"precision": "month", "start": "-0043-03", "end": "-0043-05"}, "March \u2013 May 44 BC"),
        ({"precision": "day", "start": "-0043-03-15", "end": ".."}, "from 15 March 44 BC on"),
        ({"precision": "day", "start": "0044-03-15"}, "15 March 44"),
    ],
)
def test_years_bc_read_as_people_count_them(fields: dict[str, object], said: str) -> None:
    assert describe_date(fuzzy(**fields)) == said


# The German of the new words, as the translation file will give them.
GERMAN = {
    "{year} BC": "{year} v. Chr.",
    "AD {year}": "{year} n. Chr.",
    "{first}\u2013{last} BC": "{first}\u2013{last} v. Chr.",
    "{day} {month} {year}": "{day}. {month} {year}",
    "March": "M\u00e4rz",
}


@pytest.fixture
def german() -> Iterator[None]:
    words.use(lambda _context, text: GERMAN.get(text, text))
    yield
    words.use(None)


def test_years_bc_in_german(german: None) -> None:
    assert describe_date(fuzzy(precision="day", start="-0043-03-15")) == "15. M\u00e4rz 44 v. Chr."
    assert describe_date(fuzzy(precision="year", start="-0043")) == "44 v. Chr."
    assert read_era("15. M\u00e4rz 44 v. Chr.") == ("15. M\u00e4rz 44", True)
    assert read_era("14 n. Chr.") == ("14", False)


def test_the_written_forms_round_trip() -> None:
    """Each precision's written form reads back to the same instants it was written from."""
    for text, precision in [
        ("-0043", Precision.YEAR),
        ("-0043-03", Precision.MONTH),
        ("-0043-W11", Precision.WEEK),
        ("-0043-03-15", Precision.DAY),
        ("-0043-03-15T12:00+01:00", Precision.MINUTE),
    ]:
        date = fuzzy(precision=precision, start=text)
        again = FuzzyDate.model_validate(json.loads(date.model_dump_json()))
        assert again.start == text
        assert (again.earliest, again.latest) == parse_point(text, precision)
    assert read_era("15 March 44 BC") == ("15 March 44", True)
    assert read_era("AD 14") == ("14", False)
    assert read_era("4 June 2025") == ("4 June 2025", False)
