"""Schema 3: events' tags, fatalities and coordinates, and the timeline's eras,
the same by the fast load and the exact one, and checked with their paths."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import dump
from viewer.domain import fast_load
from viewer.domain.model import Coordinates, TimelineModel
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, parse_timeline


def imported(minimal: dict[str, Any]) -> dict[str, Any]:
    minimal["schema_version"] = 3
    minimal["events"][1].update(
        tags=["Battles", "Armed clash"],
        fatalities=3,
        coordinates={"latitude": 48.0159, "longitude": 37.8028},
    )
    minimal["eras"] = [
        {
            "title": "Istanbul talks",
            "date": {"precision": "day", "start": "2025-05-16", "end": "2025-06-02"},
        }
    ]
    return minimal


@pytest.mark.parametrize("way", ["fast", "exact"])
def test_the_new_fields_load_the_same_both_ways(minimal: dict[str, Any], way: str) -> None:
    data = imported(minimal)
    if way == "fast":
        timeline = fast_load.build(dump(data))
        assert timeline is not None, "the fast load should vouch for a valid file"
    else:
        timeline = Timeline.from_model(TimelineModel.model_validate(data))
    event = timeline.events_by_id["e2"]
    assert event.tags == ("Battles", "Armed clash")
    assert event.fatalities == 3
    assert event.coordinates == Coordinates(latitude=48.0159, longitude=37.8028)
    assert timeline.events_by_id["e1"].tags == ()
    [era] = timeline.eras
    assert era.title == "Istanbul talks"
    assert era.date.end == "2025-06-02"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["events"][1].update(fatalities=-1), "events[1].fatalities"),
        (
            lambda d: d["events"][1].update(coordinates={"latitude": 91, "longitude": 0}),
            "events[1].coordinates.latitude",
        ),
        (lambda d: d["events"][1].update(tags=[""]), "events[1].tags[0]"),
        (lambda d: d["eras"][0]["date"].update(end="2025-05-01"), "eras[0].date.end"),
    ],
)
def test_a_bad_new_field_is_named_by_its_path(
    minimal: dict[str, Any], change: Any, path: str
) -> None:
    data = imported(minimal)
    change(data)
    assert fast_load.build(dump(data)) is None
    with pytest.raises(ModelFileError) as caught:
        parse_timeline(dump(data))
    assert path in [problem.path for problem in caught.value.problems], caught.value.problems
