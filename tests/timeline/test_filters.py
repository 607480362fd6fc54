"""Filters: each facet, how facets combine, what is remembered, the index of what is kept."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tests.conftest import REPO
from viewer.domain.calendar import seconds_of
from viewer.domain.model import Event, EventKind, EventStatus, Verification
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.filters import Chip, EventFilter, event_mask, find_actor
from viewer.timeline.index import event_index


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return load_timeline(bundled_timeline())


def kept(timeline: Timeline, chosen: EventFilter, notes: list[Note] | None = None) -> set[str]:
    mask = event_mask(timeline, chosen, notes or [])
    return {timeline.events.ids[int(row)] for row in np.flatnonzero(mask)}


def events(timeline: Timeline) -> list[Event]:
    return list(timeline.events)


def actors_of(timeline: Timeline, event: Event) -> set[str]:
    """Who takes part in, is quoted on or claims about ``event``: worked out from the models."""
    found = set(event.participants)
    for claim in event.claims:
        found |= {claim.by} | ({claim.via} if claim.via else set())
    found |= {quote.speaker for quote in timeline.quotes if quote.event == event.id}
    return found


def test_no_filter_keeps_everything(bundled: Timeline) -> None:
    assert EventFilter().empty
    assert kept(bundled, EventFilter()) == set(bundled.events_by_id)


def test_kinds_and_statuses_any_of_each(bundled: Timeline) -> None:
    talks = EventFilter(kinds=frozenset({EventKind.TALKS}))
    assert kept(bundled, talks) == {e.id for e in events(bundled) if e.kind is EventKind.TALKS}
    two = EventFilter(kinds=frozenset({EventKind.TALKS, EventKind.CALL}))
    assert kept(bundled, two) == {
        e.id for e in events(bundled) if e.kind in (EventKind.TALKS, EventKind.CALL)
    }
    proposed = EventFilter(statuses=frozenset({EventStatus.PROPOSED}))
    assert kept(bundled, proposed) == {
        e.id for e in events(bundled) if e.status is EventStatus.PROPOSED
    }
    # Across facets every one must hold: proposed talks.
    both = EventFilter(
        kinds=frozenset({EventKind.TALKS}), statuses=frozenset({EventStatus.PROPOSED})
    )
    assert kept(bundled, both) == {"leaders-summit-proposed"}


@pytest.mark.parametrize("actor", ["selenskyj", "wadephul", "kremlin", "poland", "trump"])
def test_an_actor_taking_part_quoted_or_claiming(bundled: Timeline, actor: str) -> None:
    expected = {e.id for e in events(bundled) if actor in actors_of(bundled, e)}
    assert kept(bundled, EventFilter(actors=frozenset({actor}))) == expected


def test_quoted_only_counts(minimal: dict[str, Any]) -> None:
    minimal["quotes"][0]["speaker"] = "b"  # "b" takes part in e1 already; make a new one
    minimal["actors"].append({"id": "c", "kind": "person", "name": "Cleo"})
    minimal["quotes"].append({**minimal["quotes"][0], "id": "q2", "speaker": "c", "event": "e2"})
    minimal["events"][0]["claims"].append(
        {"by": "a", "via": "c", "text": "x", "verification": "disputed"}
    )
    timeline = Timeline.validate(minimal)
    assert kept(timeline, EventFilter(actors=frozenset({"c"}))) == {"e1", "e2"}
    disputed = EventFilter(verifications=frozenset({Verification.DISPUTED}))
    assert kept(timeline, disputed) == {"e1"}
    confirmed = EventFilter(verifications=frozenset({Verification.CONFIRMED}))
    assert kept(timeline, confirmed) == set()
    assert find_actor(timeline, "CLEO") == "c"
    assert find_actor(timeline, "c") == "c"
    assert find_actor(timeline, "nobody") is None


def test_tags_and_has_notes(bundled: Timeline) -> None:
    notes = [
        Note.new(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "x", ["Istanbul"]),
        Note.new(NoteTarget(kind=TargetKind.QUOTE, id="q-wadephul-1"), "y", ["istanbul", "b"]),
        Note.new(NoteTarget(kind=TargetKind.EVENT, id="drone-strike-2025-06-01"), "z"),
        Note.new(NoteTarget(kind=TargetKind.EVENT, id="gone-event"), "w", ["Istanbul"]),
    ]
    tagged = EventFilter(tags=frozenset({"ISTANBUL"}))
    assert kept(bundled, tagged, notes) == {"call-2025-06-04", "press-conference-berlin-2025-06-04"}
    noted = EventFilter(has_notes=True)
    assert kept(bundled, noted, notes) == {
        "call-2025-06-04",
        "press-conference-berlin-2025-06-04",
        "drone-strike-2025-06-01",
    }
    assert kept(bundled, noted, []) == set()


def test_a_date_range_keeps_what_overlaps_it(bundled: Timeline) -> None:
    start = 1748995200.0  # 4 June 2025, 00:00 UTC
    end = start + 86400
    chosen = EventFilter(start=start, end=end)
    expected = {e.id for e in events(bundled) if e.date.latest > start and e.date.earliest < end}
    assert "call-2025-06-04" in expected
    assert kept(bundled, chosen) == expected
    labels = [chip.label for chip in chosen.chips({})]
    assert labels == ["4 June 2025"]


DAY = 86400.0
JUNE_1 = 1748736000.0  # 1 June 2025, 00:00 UTC


def test_a_date_range_is_one_chip_in_the_app_s_date_style() -> None:
    chosen = EventFilter(has_notes=True, start=JUNE_1, end=JUNE_1 + 5 * DAY)
    chips = chosen.chips({})
    assert [c.label for c in chips] == ["Has my notes", "1\u20135 June 2025"]
    assert chosen.without(chips[1]) == EventFilter(has_notes=True)  # the whole range goes
    across = EventFilter(start=JUNE_1 - 2 * DAY, end=JUNE_1 + 2 * DAY)
    assert [c.label for c in across.chips({})] == ["30 May \u2013 2 June 2025"]
    # A bound alone says which it is.
    assert [c.label for c in EventFilter(start=JUNE_1).chips({})] == ["From 1 June 2025"]
    assert [c.label for c in EventFilter(end=JUNE_1 + DAY).chips({})] == ["Until 1 June 2025"]


def test_chips_in_facet_order_and_removing_one(bundled: Timeline) -> None:
    chosen = (
        EventFilter()
        .toggled("statuses", "proposed")
        .toggled("kinds", "talks")
        .toggled("kinds", "call")
        .toggled("actors", "selenskyj")
        .toggled("tags", "Istanbul")
        .toggled("has_notes", "")
    )
    names = {a.id: a.name for a in bundled.actors}
    chips = chosen.chips(names)
    assert [c.label for c in chips] == [
        "Kind: Calls",
        "Kind: Talks",
        "Status: Proposed",
        "Actor: Wolodymyr Selenskyj",
        "Tag: #Istanbul",
        "Has my notes",
    ]
    fewer = chosen.without(chips[1])
    assert fewer.kinds == frozenset({EventKind.CALL})
    assert fewer.without(Chip("has_notes", "", "")).has_notes is False
    assert chosen.toggled("kinds", "talks").kinds == frozenset({EventKind.CALL})


def test_remembered_as_plain_data_and_garbage_is_left_out() -> None:
    chosen = EventFilter(
        kinds=frozenset({EventKind.ATTACK}),
        actors=frozenset({"putin"}),
        has_notes=True,
        start=10.0,
    )
    assert EventFilter.from_json(chosen.to_json()) == chosen
    odd = EventFilter.from_json(
        {
            "kinds": ["attack", "no-such-kind", 3],
            "statuses": "proposed",
            "start": True,
            "end": 1e300,
        }
    )
    assert odd == EventFilter(kinds=frozenset({EventKind.ATTACK}))
    assert EventFilter.from_json(["not", "a", "dict"]) == EventFilter()


def test_the_index_of_what_is_kept(bundled: Timeline) -> None:
    chosen = EventFilter(kinds=frozenset({EventKind.TALKS, EventKind.CALL}))
    mask = event_mask(bundled, chosen)
    index = event_index(bundled).subset(mask)
    ids = [index.id_of(p) for p in range(len(index))]
    assert set(ids) == kept(bundled, chosen)
    full = [event_index(bundled).id_of(p) for p in range(len(event_index(bundled)))]
    assert ids == [i for i in full if i in set(ids)]  # the same time order
    assert {lane.kind for lane in index.lanes} == {EventKind.TALKS, EventKind.CALL}
    assert "drone-strike-2025-06-01" not in index.position
    assert index.position.get("drone-strike-2025-06-01") is None
    assert index.position["call-2025-06-04"] == ids.index("call-2025-06-04")
    assert len(index.position) == len(ids)
    assert list(index.position) == sorted(ids, key=lambda i: bundled.events.row_of(i) or 0)


def test_a_date_range_before_the_common_era() -> None:
    """March 44 BC keeps the Ides and what spans them, and its chip says the days BC."""
    caesar = load_timeline(REPO / "tests" / "data" / "model" / "caesar-44bc.json")
    chosen = EventFilter(start=seconds_of(-43, 3, 1), end=seconds_of(-43, 4, 1))
    assert kept(caesar, chosen) == {"ides", "senate", "funeral", "civil-war"}
    assert [chip.label for chip in chosen.chips({})] == ["1\u201331 March 44 BC"]
    across = EventFilter(start=seconds_of(0, 12, 31), end=seconds_of(1, 1, 2))
    assert kept(caesar, across) == {"augustus", "turn", "first-day"}
    assert [chip.label for chip in across.chips({})] == ["31 December 1 BC \u2013 1 January AD 1"]
    # A range saved in the settings comes back, its BC bounds too.
    assert EventFilter.from_json(chosen.to_json()) == chosen
