"""Schema 4, the analyst's fields: claims with ids that dispute each other,
Admiralty grades, figures as ranges, a date's source and an event's first
report. The fast load and the exact one agree, and a wrong value is named by
its path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import dump
from viewer.domain import fast_load
from viewer.domain.model import Figure, Reliability, TimelineModel
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, parse_timeline


def analysed(minimal: dict[str, Any]) -> dict[str, Any]:
    """``minimal`` with every field schema 4 added, valid."""
    minimal["schema_version"] = 4
    minimal["sources"].append({"id": "tass", "title": "TASS", "reliability": "D"})
    minimal["sources"][0]["reliability"] = "B"
    first, second = minimal["events"]
    first["claims"][0].update(
        id="c-anna",
        source="src",
        credibility=3,
        figure={"low": 41, "unit": "aircraft"},
    )
    first["date"]["source"] = "src"
    first["first_reported"] = {"precision": "day", "start": "2025-06-05", "source": "tass"}
    second["claims"] = [
        {
            "id": "c-bland",
            "by": "b",
            "text": "Es war nichts.",
            "verification": "disputed",
            "disputes": ["c-anna"],
            "source": "tass",
            "figure": {"low": 0, "high": 2, "unit": "aircraft"},
        }
    ]
    return minimal


def both_ways(data: dict[str, Any], way: str) -> Timeline:
    if way == "fast":
        timeline = fast_load.build(dump(data))
        assert timeline is not None, "the fast load should vouch for a valid file"
        return timeline
    return Timeline.from_model(TimelineModel.model_validate(data))


@pytest.mark.parametrize("way", ["fast", "exact"])
def test_the_analysts_fields_load_the_same_both_ways(minimal: dict[str, Any], way: str) -> None:
    timeline = both_ways(analysed(minimal), way)
    first, second = timeline.events_by_id["e1"], timeline.events_by_id["e2"]
    [anna] = first.claims
    assert (anna.id, anna.credibility) == ("c-anna", 3)
    assert anna.figure == Figure(low=41, unit="aircraft")
    [bland] = second.claims
    assert bland.disputes == ("c-anna",)
    assert bland.figure is not None
    assert (bland.figure.low, bland.figure.high) == (0, 2)
    assert first.date.source == "src"
    assert first.first_reported is not None
    assert (first.first_reported.start, first.first_reported.source) == ("2025-06-05", "tass")
    assert timeline.sources_by_id["src"].reliability is Reliability.B
    assert second.first_reported is None


@pytest.mark.parametrize("way", ["fast", "exact"])
def test_a_schema_3_file_still_opens(minimal: dict[str, Any], way: str) -> None:
    minimal["schema_version"] = 3
    timeline = both_ways(minimal, way)
    [claim] = timeline.events_by_id["e1"].claims
    assert (claim.id, claim.disputes, claim.credibility, claim.figure) == (None, (), None, None)


def _claim(data: dict[str, Any], event: int = 0) -> dict[str, Any]:
    claim: dict[str, Any] = data["events"][event]["claims"][0]
    return claim


BAD: list[tuple[Callable[[dict[str, Any]], object], str, str]] = [
    (lambda d: _claim(d).update(credibility=7), "events[0].claims[0].credibility", "6"),
    (lambda d: _claim(d).update(credibility=0), "events[0].claims[0].credibility", "1"),
    (lambda d: d["sources"][0].update(reliability="G"), "sources[0].reliability", "'A'"),
    (lambda d: d["sources"][0].update(reliability="b"), "sources[0].reliability", "'A'"),
    (
        lambda d: _claim(d).update(figure={"low": 5, "high": 2, "unit": "x"}),
        "events[0].claims[0].figure",
        "low (5) is more than high (2)",
    ),
    (
        lambda d: _claim(d).update(figure={"unit": "aircraft"}),
        "events[0].claims[0].figure",
        "low, high or both",
    ),
    (
        lambda d: _claim(d).update(figure={"low": 1, "unit": ""}),
        "events[0].claims[0].figure.unit",
        "at least 1 character",
    ),
    (
        lambda d: _claim(d, 1).update(disputes=["c-nobody"]),
        "events[1].claims[0].disputes[0]",
        "refers to no claim: found 'c-nobody'",
    ),
    (
        lambda d: _claim(d, 1).update(disputes=["c-bland"]),
        "events[1].claims[0].disputes[0]",
        "a claim cannot dispute itself",
    ),
    (
        lambda d: _claim(d, 1).update(id="c-anna"),
        "events[1].claims[0].id",
        "duplicate claim id 'c-anna', already used by events[0].claims[0]",
    ),
    (lambda d: _claim(d).update(id="no spaces"), "events[0].claims[0].id", "pattern"),
    (
        lambda d: d["events"][0]["date"].update(source="nowhere"),
        "events[0].date.source",
        "refers to no source: found 'nowhere'",
    ),
    (
        lambda d: d["events"][0]["first_reported"].update(source="nowhere"),
        "events[0].first_reported.source",
        "refers to no source",
    ),
    (
        lambda d: d["events"][0]["first_reported"].update(start="5 June"),
        "events[0].first_reported.start",
        "",
    ),
    (
        lambda d: d["events"][0]["first_reported"].update(end="2025-06-01"),
        "events[0].first_reported.end",
        "ends before it starts",
    ),
    (
        lambda d: d["sources"][0].update(
            published={"precision": "day", "start": "2025-06-05", "source": "nowhere"}
        ),
        "sources[0].published.source",
        "refers to no source",
    ),
]


@pytest.mark.parametrize(("change", "path", "said"), BAD)
def test_a_wrong_analysts_field_is_named_by_its_path(
    minimal: dict[str, Any], change: Callable[[dict[str, Any]], object], path: str, said: str
) -> None:
    data = analysed(minimal)
    change(data)
    assert fast_load.build(dump(data)) is None  # the fast way vouches for none of these
    with pytest.raises(ModelFileError) as caught:
        parse_timeline(dump(data))
    found = {problem.path: problem.message for problem in caught.value.problems}
    assert path in found, caught.value.problems
    assert said in found[path]


def test_a_claim_may_dispute_one_of_another_events_and_both_stay_unique(
    minimal: dict[str, Any],
) -> None:
    data = analysed(minimal)
    _claim(data)["disputes"] = ["c-bland"]  # each disputes the other
    timeline = parse_timeline(dump(data))
    assert timeline.events_by_id["e1"].claims[0].disputes == ("c-bland",)
