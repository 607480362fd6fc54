"""Lanes by any facet, without a window: which events stand in which lane."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.conftest import DATA
from viewer.domain.columns import KINDS
from viewer.domain.timeline import Timeline
from viewer.importers.acled.convert import import_acled
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.lanes import (
    NO_VALUE_KEY,
    LaneChoice,
    LaneFacet,
    LaneOrder,
    facet_lanes,
    sorted_lanes,
)
from viewer.timeline.stacking import shown_together

CALL = "call-2025-06-04"


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return load_timeline(bundled_timeline())


@pytest.fixture(scope="module")
def acled(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    out = tmp_path_factory.mktemp("acled") / "acled.json"
    import_acled(DATA / "acled" / "argentina_2022-06_sample.csv", out)
    return load_timeline(out)


#: Groups given to the TimelineJS example's slides in turn (it has none of its own).
GROUPS = ("Politics", "Space", "Sports")


@pytest.fixture(scope="module")
def houston(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    """The TimelineJS example with a group on each slide, as newsroom timelines have."""
    folder = tmp_path_factory.mktemp("tljs")
    document = json.loads((DATA / "timelinejs" / "houston.json").read_text("utf-8"))
    for number, slide in enumerate(document["events"]):
        slide["group"] = GROUPS[number % len(GROUPS)]
    grouped = folder / "grouped.json"
    grouped.write_text(json.dumps(document), "utf-8")
    out = folder / "houston.json"
    import_timelinejs(grouped, out)
    return load_timeline(out)


def keys(timeline: Timeline, facet: LaneFacet, event_id: str) -> set[str]:
    row = timeline.events.row_of(event_id)
    assert row is not None
    return {lane.key for lane in facet_lanes(timeline, facet) if row in lane.rows}


@pytest.mark.parametrize("facet", list(LaneFacet))
def test_every_event_stands_in_a_lane_of_every_facet(
    bundled: Timeline, acled: Timeline, houston: Timeline, facet: LaneFacet
) -> None:
    for timeline in (bundled, acled, houston):
        lanes = facet_lanes(timeline, facet)
        assert lanes
        placed = np.zeros(len(timeline.events), np.bool_)
        for lane in lanes:
            assert len(lane) > 0
            assert np.all(np.diff(lane.rows) > 0)  # sorted, each once
            placed[lane.rows] = True
        assert placed.all()


def test_by_kind_the_lanes_are_todays(bundled: Timeline) -> None:
    lanes = facet_lanes(bundled, LaneFacet.KIND)
    declared = [kind.value for kind in KINDS]
    assert [lane.key for lane in lanes] == [k for k in declared if k in {la.key for la in lanes}]
    assert sum(len(lane) for lane in lanes) == len(bundled.events)  # one kind an event
    assert lanes[0].title == "Calls"


def test_a_call_stands_in_the_lane_of_each_of_its_actors(bundled: Timeline) -> None:
    actors = keys(bundled, LaneFacet.ACTOR, CALL)
    assert {"trump", "putin"} <= actors
    titles = {lane.key: lane.title for lane in facet_lanes(bundled, LaneFacet.ACTOR)}
    assert titles["trump"] == "Donald Trump"


def test_imported_groups_and_event_types_are_tags(acled: Timeline, houston: Timeline) -> None:
    acled_tags = {lane.key for lane in facet_lanes(acled, LaneFacet.TAG)}
    assert "Protests" in acled_tags
    groups = [lane.key for lane in facet_lanes(houston, LaneFacet.TAG)]
    assert groups == sorted(GROUPS)  # TimelineJS groups, each its own lane, not one "Other"
    places = facet_lanes(acled, LaneFacet.PLACE)
    assert len(places) > 1
    assert all(lane.title for lane in places)


def test_events_without_a_value_come_last_whatever_the_order(bundled: Timeline) -> None:
    lanes = facet_lanes(bundled, LaneFacet.PLACE)
    assert lanes[-1].key == NO_VALUE_KEY
    assert lanes[-1].title == "No place"
    for order in LaneOrder:
        assert sorted_lanes(lanes, order)[-1].key == NO_VALUE_KEY


def test_lanes_sort_by_count_by_name_and_by_first_event(acled: Timeline) -> None:
    lanes = [lane for lane in facet_lanes(acled, LaneFacet.TAG) if lane.key != NO_VALUE_KEY]
    assert len(lanes) > 2
    counts = [len(lane) for lane in sorted_lanes(lanes, LaneOrder.COUNT)]
    assert counts == sorted(counts, reverse=True)
    names = [lane.title.casefold() for lane in sorted_lanes(lanes, LaneOrder.NAME)]
    assert names == sorted(names)
    firsts = [lane.first for lane in sorted_lanes(lanes, LaneOrder.FIRST)]
    assert firsts == sorted(firsts)


def test_a_filter_leaves_out_the_lanes_it_empties(bundled: Timeline) -> None:
    keep = np.zeros(len(bundled.events), np.bool_)
    row = bundled.events.row_of(CALL)
    assert row is not None
    keep[row] = True
    lanes = facet_lanes(bundled, LaneFacet.KIND, keep)
    assert [(lane.key, lane.rows.tolist()) for lane in lanes] == [("call", [row])]


def test_by_timeline_each_shown_timeline_is_a_lane(bundled: Timeline, houston: Timeline) -> None:
    both = shown_together([bundled, houston])
    lanes = facet_lanes(both, LaneFacet.TIMELINE)
    assert [lane.title for lane in lanes] == [bundled.title, houston.title]
    assert [len(lane) for lane in lanes] == [len(bundled.events), len(houston.events)]


def test_a_lane_is_named_on_one_line() -> None:
    document = json.loads(bundled_timeline().read_text("utf-8"))
    document["actors"][0]["name"] = "   Donald   Trump  "
    spaced = Timeline.validate(document)
    titles = {lane.key: lane.title for lane in facet_lanes(spaced, LaneFacet.ACTOR)}
    assert titles[document["actors"][0]["id"]] == "Donald Trump"


@pytest.mark.parametrize(
    ("key", "to", "order"),
    [
        ("a", 3, ("b", "c", "a", "d")),  # down: dropped before the fourth
        ("d", 0, ("d", "a", "b", "c")),  # up to the top
        ("c", 4, ("a", "b", "d", "c")),  # past the last
        ("b", 1, None),  # onto itself
        ("b", 2, None),  # just after itself: the same place
        ("x", 0, None),  # not a lane shown
    ],
)
def test_a_dragged_lane_goes_where_it_is_dropped(
    key: str, to: int, order: tuple[str, ...] | None
) -> None:
    folded = LaneChoice(LaneFacet.TAG, collapsed=frozenset({"c"}))
    moved = folded.moving(["a", "b", "c", "d"], key, to)
    if order is None:
        assert moved is folded
    else:
        assert moved == LaneChoice(LaneFacet.TAG, None, order, frozenset({"c"}))
