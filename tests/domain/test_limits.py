"""Limits said up front: text lengths in the schema and messages, the calendar's two ends."""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.conftest import REPO, JsonPath, dump, path_name, set_at
from viewer.domain.dates import END_OF_CALENDAR
from viewer.domain.model import TimelineModel
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, parse_timeline
from viewer.timeline.axis import STEPS, ticks
from viewer.timeline.index import event_index

#: Every text field with a limit, and the limit, as the README's table gives them.
LIMITS: list[tuple[JsonPath, int]] = [
    (("title",), 500),
    (("description",), 20_000),
    (("sources", 0, "title"), 500),
    (("sources", 0, "publisher"), 200),
    (("sources", 0, "url"), 2_000),
    (("sources", 0, "published", "note"), 500),
    (("actors", 0, "name"), 200),
    (("actors", 0, "role"), 200),
    (("actors", 0, "affiliation"), 200),
    (("events", 0, "id"), 200),
    (("events", 0, "title"), 500),
    (("events", 0, "summary"), 20_000),
    (("events", 0, "places", 0), 200),
    (("events", 0, "date", "note"), 500),
    (("events", 0, "claims", 0, "text"), 10_000),
    (("quotes", 0, "text"), 10_000),
    (("quotes", 0, "translation", "text"), 10_000),
]


def _filled(minimal: dict[str, Any]) -> dict[str, Any]:
    """The minimal model with every optional limited field present."""
    minimal["sources"][0].update(
        publisher="Tagesschau",
        url="https://www.tagesschau.de/",
        published={"precision": "day", "start": "2025-06-05", "note": "Donnerstag"},
    )
    minimal["actors"][0].update(role="Präsidentin", affiliation="Bland")
    minimal["events"][0]["places"] = ["Kyjiw"]
    minimal["events"][0]["related"] = []  # the id changes below
    minimal["events"][0]["date"]["note"] = "am Mittwoch"
    minimal["quotes"][0]["event"] = "e2"
    minimal["quotes"][0]["translation"] = {"language": "en", "text": "A good talk."}
    return minimal


@pytest.mark.parametrize(("path", "limit"), LIMITS, ids=[path_name(p) for p, _ in LIMITS])
def test_a_text_at_its_limit_is_fine(minimal: dict[str, Any], path: JsonPath, limit: int) -> None:
    data = _filled(minimal)
    # In characters, not bytes: "ä" takes two bytes in UTF-8.
    set_at(data, path, "e" * limit if path[-1] == "id" else "ä" * limit)
    parse_timeline(dump(data))


@pytest.mark.parametrize(("path", "limit"), LIMITS, ids=[path_name(p) for p, _ in LIMITS])
def test_a_text_over_its_limit_names_the_path_the_limit_and_the_length(
    minimal: dict[str, Any], path: JsonPath, limit: int
) -> None:
    data = _filled(minimal)
    set_at(data, path, "e" * (limit + 1) if path[-1] == "id" else "ä" * (limit * 3))
    with pytest.raises(ModelFileError) as caught:
        parse_timeline(dump(data))
    found = limit + 1 if path[-1] == "id" else limit * 3
    assert [str(p) for p in caught.value.problems] == [
        f"{path_name(path)}: at most {limit:,} characters, found {found:,}"
    ]


def _schema_of(path: JsonPath) -> dict[str, Any]:
    schema = TimelineModel.model_json_schema()
    node: dict[str, Any] = schema
    for part in path:
        node = node["items"] if isinstance(part, int) else node["properties"][part]
        if "anyOf" in node:  # an optional field: the branch that is not null
            [node] = [branch for branch in node["anyOf"] if branch.get("type") != "null"]
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


@pytest.mark.parametrize(("path", "limit"), LIMITS, ids=[path_name(p) for p, _ in LIMITS])
def test_the_schema_says_each_limit(path: JsonPath, limit: int) -> None:
    assert _schema_of(path)["maxLength"] == limit


def test_the_descriptions_say_the_limits_too() -> None:
    schema = TimelineModel.model_json_schema()
    event = schema["$defs"]["Event"]["properties"]
    assert event["title"]["description"] == "A title: at most 500 characters."
    assert event["summary"]["description"] == "What happened: at most 20,000 characters."
    assert schema["$defs"]["Quote"]["properties"]["text"]["description"] == (
        "The words exactly as the source gives them: at most 10,000 characters."
    )


#: An event's lists, each with at most 1,000 entries: the details pane lays them all out.
LISTS = ["participants", "places", "claims", "sources", "related"]


def _entries(data: dict[str, Any], field: str, count: int) -> None:
    event = data["events"][0]
    if field == "participants":
        data["actors"] += [
            {"id": f"p{i}", "kind": "person", "name": f"P {i}"} for i in range(count)
        ]
        event["participants"] = [f"p{i}" for i in range(count)]
    elif field == "places":
        event["places"] = [f"Ort {i}" for i in range(count)]
    elif field == "claims":
        event["claims"] = [{"by": "a", "text": "Gut.", "verification": "disputed"}] * count
    elif field == "sources":
        data["sources"] += [{"id": f"s{i}", "title": f"Quelle {i}"} for i in range(count)]
        event["sources"] = [f"s{i}" for i in range(count)]
    else:
        data["events"] += [
            {
                "id": f"r{i}",
                "kind": "other",
                "title": "R",
                "date": {"precision": "year", "start": "2025"},
            }
            for i in range(count)
        ]
        event["related"] = [f"r{i}" for i in range(count)]


@pytest.mark.parametrize("field", LISTS)
def test_an_event_list_at_its_limit_is_fine(minimal: dict[str, Any], field: str) -> None:
    _entries(minimal, field, 1_000)
    assert len(getattr(parse_timeline(dump(minimal)).events[0], field)) == 1_000


@pytest.mark.parametrize("field", LISTS)
def test_an_event_list_over_its_limit_says_how_long_it_is(
    minimal: dict[str, Any], field: str
) -> None:
    _entries(minimal, field, 50_000)
    with pytest.raises(ModelFileError) as caught:
        parse_timeline(dump(minimal))
    assert [str(p) for p in caught.value.problems] == [
        f"events[0].{field}: at most 1,000 entries, found 50,000"
    ]
    assert _schema_of(("events", 0, field))["maxItems"] == 1_000


def test_the_readme_gives_the_same_limits() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("| field | at most |", 1)[1].split("\n\n", 1)[0]
    rows = [row.strip("|").split("|") for row in table.strip().splitlines()[1:]]
    for path, limit in LIMITS:
        field = next(part for part in reversed(path) if isinstance(part, str))
        [said] = [int(n.replace(",", "")) for fields, n in rows if f"`{field}`" in fields]
        assert said == limit, field
    assert (
        "An event's `participants`, `places`, `claims`, `sources` and `related` hold at most "
        "1,000 entries each"
    ) in " ".join(readme.split())


# -- the calendar's two ends -----------------------------------------------------


def _at_both_ends(minimal: dict[str, Any]) -> Timeline:
    minimal["events"][0]["date"] = {"precision": "day", "start": "-9999-01-01"}
    minimal["events"][1]["date"] = {"precision": "day", "start": "9999-12-31"}
    minimal["events"].append(
        {
            "id": "e3",
            "kind": "talks",
            "title": "Bis zum Ende",
            "date": {"precision": "minute", "start": "9999-12-31T23:59+00:00", "end": ".."},
        }
    )
    minimal["sources"][0]["published"] = {"precision": "year", "start": "9999"}
    return parse_timeline(dump(minimal))


def test_events_at_both_ends_of_the_calendar_load(minimal: dict[str, Any]) -> None:
    timeline = _at_both_ends(minimal)
    last = timeline.events_by_id["e2"].date
    assert last.latest == END_OF_CALENDAR
    assert last.earliest < last.latest


def test_the_index_and_the_axis_take_both_ends_of_the_calendar(minimal: dict[str, Any]) -> None:
    index = event_index(_at_both_ends(minimal))
    extent = index.extent()
    assert extent is not None
    first, last = extent
    assert math.isfinite(first)
    assert math.isfinite(last)
    assert first < last
    assert [index.events[i].id for i in index.overlapping(first, last)] == ["e1", "e2", "e3"]
    assert index.overlapping(last - 60, last) == [index.position["e2"], index.position["e3"]]
    for step in STEPS:
        ticks(first - 86400, last + 86400, step, limit=50)  # no exception at either end
