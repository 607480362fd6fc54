"""Rows and lanes as the layout shares them: the window's height among the lanes,
a "+N" badge only where rows are really taken, any facet's lanes, folded lanes."""

from __future__ import annotations

import copy
import math
import random
from typing import Any

import pytest

from tests.conftest import _MINIMAL, dump
from tests.timeline.test_layout import Monospace
from viewer.persistence.model_file import load_timeline, parse_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.index import EventIndex, event_index
from viewer.timeline.labels import CutWidths, word_cut
from viewer.timeline.lanes import LaneFacet, lanes_index
from viewer.timeline.layout import (
    AXIS_HEIGHT,
    BUCKET_PX,
    CLUSTER_ROW,
    GUTTER,
    LANE_GAP,
    MAX_ROWS,
    ROW_HEIGHT,
    Layout,
    Layouter,
)
from viewer.timeline.rows import (
    GLYPH,
    Rows,
    Slot,
    capped_sharing,
    rounds_of_sharing,
    row_for,
    share_rows,
)

DAY = 86400.0


@pytest.mark.parametrize(
    ("needs", "budget", "shares"),
    [
        ([2, 3, 1], 10, [2, 3, 1]),  # room for all: each its own
        ([10, 10], 6, [3, 3]),  # evenly when both want more
        ([1, 10, 10], 7, [1, 3, 3]),  # what one leaves goes to the others
        ([5, 5, 5], 8, [3, 3, 2]),  # the rest one each, first lanes first
        ([4, 4], 1, [1, 1]),  # never fewer than one
    ],
)
def test_rows_are_shared_by_water_filling(needs: list[int], budget: int, shares: list[int]) -> None:
    assert share_rows(needs, budget) == shares
    assert sum(shares) <= max(budget, len(needs))


def test_extra_rows_may_be_none() -> None:
    assert share_rows([0, 3, 2], 2, at_least=0) == [0, 1, 1]
    assert share_rows([2, 2], 0, at_least=0) == [0, 0]


def slot(left: float, right: float, least: float) -> Slot:
    """A slot whose mark is at ``left`` and whose label is ``right - left`` wide
    whole and ``least`` wide cut."""
    gx = left + GLYPH
    return Slot(0, gx, gx, gx, gx + GLYPH + 4, right - gx - GLYPH - 4, least, left, False)


def test_a_tight_row_cuts_a_label_before_it_opens_another_row() -> None:
    first, second = slot(0, 300, 40), slot(150, 300, 40)
    loose = Rows()
    loose.put(loose.open(), first)
    assert row_for(loose, second, 3) is not loose[0]  # a new row keeps both whole
    assert len(loose) == 2
    tight = Rows()
    tight.put(tight.open(), first)
    assert row_for(tight, second, 3, tight=True) is tight[0]  # the first label is cut instead
    assert len(tight) == 1


def one_day(count: int, kinds: tuple[str, ...] = ("call",), title: str = "Anruf") -> EventIndex:
    """``count`` events of each of ``kinds`` on the same day."""
    events = [
        {
            "id": f"{kind}-{n:02d}",
            "kind": kind,
            "title": f"{title} {n}",
            "date": {"precision": "day", "start": "2025-06-04"},
        }
        for kind in kinds
        for n in range(count)
    ]
    data: dict[str, Any] = {**copy.deepcopy(_MINIMAL), "events": events, "quotes": []}
    return event_index(parse_timeline(dump(data)))


def lay_out(index: EventIndex, height: float | None, **kwargs: Any) -> Layout:
    t0 = float(index.starts[0]) - 100 * DAY / 200
    return Layouter(index, Monospace(index)).layout(t0, DAY / 200, 1200.0, height=height, **kwargs)


def badges(layout: Layout) -> int:
    return sum(item.count for item in layout.items() if item.is_cluster)


def test_a_lane_takes_the_rows_the_height_offers_and_counts_the_rest() -> None:
    index = one_day(30)
    assert lay_out(index, None).lanes[0].rows == MAX_ROWS  # an export's default
    for height in (300.0, 500.0):
        layout = lay_out(index, height)
        [lane] = layout.lanes
        offered = int((height - AXIS_HEIGHT - LANE_GAP - CLUSTER_ROW) // ROW_HEIGHT)
        assert lane.rows == offered  # every row the window has
        assert lane.hidden == badges(layout) == 30 - offered
        assert layout.height <= height
    tall = lay_out(index, 30 * ROW_HEIGHT + AXIS_HEIGHT + LANE_GAP)
    assert tall.lanes[0].rows == 30
    assert badges(tall) == 0  # rows for all: no "+N"


def test_the_rows_go_first_where_events_would_be_hidden() -> None:
    # Thirty calls on one day need thirty rows; the statements, on another day
    # and far apart, need one row cut or two whole.
    index = one_day(30)
    crowded = lay_out(index, 400.0)
    events = [
        {
            "id": f"call-{n:02d}",
            "kind": "call",
            "title": f"Anruf {n}",
            "date": {"precision": "day", "start": "2025-06-04"},
        }
        for n in range(6)
    ] + [
        {
            "id": f"statement-{n}",
            "kind": "statement",
            "title": "Eine lange Erklärung mit vielen Worten " * 3,
            "date": {"precision": "day", "start": f"2025-06-{4 + 2 * n:02d}"},
        }
        for n in range(3)
    ]
    data: dict[str, Any] = {**copy.deepcopy(_MINIMAL), "events": events, "quotes": []}
    mixed = event_index(parse_timeline(dump(data)))
    roomy = lay_out(mixed, 1000.0)
    assert badges(roomy) == 0
    statements_whole = roomy.lanes[1].rows
    assert statements_whole > 1  # whole labels, a row each
    # Just enough height for every call and one statement row: the calls keep
    # their rows and the statements' labels are cut instead of hidden.
    height = AXIS_HEIGHT + 2 * LANE_GAP + 7 * ROW_HEIGHT
    short = lay_out(mixed, height)
    assert badges(short) == 0
    calls, statements = short.lanes
    assert calls.rows == 6
    assert statements.rows == 1
    assert all(item.text.endswith("\u2026") for item in statements.items)
    assert crowded.lanes[0].hidden > 0


def test_an_event_of_several_lanes_stands_in_each() -> None:
    bundled = load_timeline(bundled_timeline())
    index = lanes_index(bundled, None, LaneFacet.ACTOR)
    call = index.position["call-2025-06-04"]
    holding = [lane.key for lane in index.lanes if call in lane.positions.tolist()]
    assert {"trump", "putin"} <= set(holding)
    # Counted once among all the events in view, once in each lane.
    everything = index.overlapping(-1e12, 1e12)
    assert len(everything) == len(set(everything)) == len(index)
    assert index.lane_of(call) is not None
    assert index.lane(holding[0]) is index.lane_of(call)
    layout = Layouter(index, Monospace(index)).layout(
        float(index.starts[call]) - 200 * 600, 600.0, 1600.0, height=2000.0
    )
    marks = [lane.key for lane in layout.lanes for item in lane.items if call in item.positions]
    assert set(holding) <= set(marks)


def test_a_folded_lane_is_a_strip_that_says_what_it_hides() -> None:
    index = one_day(5, kinds=("call", "statement"))
    layout = lay_out(index, 600.0, collapsed=frozenset({"call"}))
    calls, statements = layout.lanes
    assert calls.collapsed
    assert not statements.collapsed
    assert calls.items == []
    assert calls.hidden == 5
    assert calls.height == ROW_HEIGHT
    assert calls.density is not None
    assert int(calls.density.sum()) == 5
    assert len(calls.density) == int(1200.0 - GUTTER)
    assert statements.top == calls.top + ROW_HEIGHT + LANE_GAP
    assert len([item for item in statements.items if not item.is_cluster]) == 5


def test_a_count_whose_span_runs_into_view_shows_whole() -> None:
    index = one_day(300, kinds=("call",))
    first = float(index.starts[0])
    spp = DAY / BUCKET_PX / 4  # a bucket is a quarter of a day
    for shift in (5.0, 20.0, 40.0):  # the day starts this many pixels left of the plot
        layout = Layouter(index, Monospace(index)).layout(first + shift * spp, spp, 1200.0)
        [lane] = layout.lanes
        assert lane.bucketed
        [count] = [item for item in lane.items if item.bucket]
        assert count.hit.left() >= GUTTER + 2  # not behind the lane names
        assert count.count == 300


def test_a_label_that_cannot_show_right_of_its_mark_is_tried_left_first() -> None:
    title = "Vorgeschlagener Gipfel der Staatschefs"
    events = [
        {
            "id": "summit",
            "kind": "proposal",
            "title": title,
            "date": {"precision": "day", "start": "2025-06-09", "end": ".."},
        }
    ]
    data: dict[str, Any] = {**copy.deepcopy(_MINIMAL), "events": events, "quotes": []}
    index = event_index(parse_timeline(dump(data)))
    layouter = Layouter(index, Monospace(index))
    width = 1200.0
    spp = DAY / 40
    mark = width - 60.0  # too near the right edge for two words on the right
    t0 = float(index.starts[0]) + DAY / 2 - (mark - GUTTER) * spp
    layout = Layout(t0, spp, width, [], 0.0, index)
    x0, x1, gx = (values[0] for values in layouter._marks([0], layout))
    slots = layouter._slots(0, layout, x0, x1, gx)
    assert [slot.flipped for slot in slots] == [True, True, False]  # left whole, left cut, right


def test_a_window_too_short_for_the_lanes_leaves_each_lane_its_three_rows() -> None:
    kinds = ("call", "attack", "talks", "meeting", "statement", "proposal")
    index = one_day(10, kinds=kinds)
    height = AXIS_HEIGHT + len(kinds) * (ROW_HEIGHT + LANE_GAP)  # a row each, no more
    short = lay_out(index, height)
    assert [lane.rows for lane in short.lanes] == [MAX_ROWS] * len(kinds)
    assert short.height > height  # the plot scrolls
    assert badges(short) == len(kinds) * (10 - MAX_ROWS)
    roomy = lay_out(index, AXIS_HEIGHT + len(kinds) * (10 * ROW_HEIGHT + LANE_GAP))
    assert [lane.rows for lane in roomy.lanes] == [10] * len(kinds)
    assert badges(roomy) == 0


def test_a_titles_cuts_are_measured_once_and_cut_as_word_cut_does() -> None:
    title = "Explosion an einer Brücke in der Region Brjansk („Operation Spinnennetz“)"
    measured: list[str] = []

    def measure(text: str) -> float:
        measured.append(text)
        return len(text) * 7.0

    table = CutWidths(title)
    rooms = [float(room) for room in range(0, len(title) * 7, 5)]  # all narrower than it
    assert rooms
    for room in rooms:
        assert table.longest(room, measure) == word_cut(title, room, lambda t: len(t) * 7.0)
    assert len(measured) == len(set(measured))  # each cut once, whatever the rooms
    assert len(measured) <= len(table.cuts)


def test_the_widths_kept_between_frames_let_their_metrics_go() -> None:
    import gc
    import weakref

    index = one_day(3, kinds=("call",), title="Ein sehr langer Titel, der geschnitten wird, " * 3)
    metrics = Monospace(index)
    layout = Layouter(index, metrics).layout(float(index.starts[0]) - 300 * 60.0, 60.0, 700.0)
    assert any(item.text.endswith("\u2026") for item in layout.items())  # cuts were kept
    gone = weakref.ref(metrics)
    del metrics, layout
    gc.collect()
    assert gone() is None  # nothing kept for it holds it alive


class _AskEachRow(Rows):
    """Rows that never turn a slot away at once: row_for asks each of them."""

    @property
    def reach(self) -> float:
        return -math.inf


@pytest.mark.parametrize("tight", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_rows_that_turn_a_slot_away_at_once_place_as_asking_each(seed: int, tight: bool) -> None:
    rng = random.Random(seed)
    quick, slow = Rows(), _AskEachRow()
    left = 0.0
    for _ in range(600):
        left += rng.choice([0.0, 1.0, 3.0, 10.0, 40.0])
        # now and then a slot before the last ones (a label left of its mark)
        at = left - rng.choice([0.0, 0.0, 0.0, 30.0, 120.0])
        whole, least = rng.uniform(20, 300), rng.uniform(5, 60)
        placed = []
        for rows in (quick, slow):
            row = row_for(rows, slot(at, at + whole, min(least, whole)), 12, tight)
            if row is not None:
                rows.put(row, slot(at, at + whole, min(least, whole)))
            placed.append(None if row is None else rows.index(row))
        assert placed[0] == placed[1]
    assert len(quick) == len(slow) == 12
    assert [len(row.slots) for row in quick] == [len(row.slots) for row in slow]


@pytest.mark.parametrize("seed", range(40))
def test_shares_settled_from_a_few_rows_are_those_of_all(seed: int) -> None:
    """Whenever capped_sharing settles the rows, they are those rounds_of_sharing
    gives for any rows the capped lanes would take on more, with or without a
    "+N" row each."""
    rng = random.Random(seed)
    settled = 0
    for _ in range(300):
        lanes, cap = rng.randint(1, 9), rng.randint(5, 10)
        room = rng.uniform(100.0, 1400.0)
        capped = {n for n in range(lanes) if rng.random() < 0.6}
        needs = [cap if n in capped else rng.randint(1, cap - 1) for n in range(lanes)]
        least = [rng.randint(1, need) for need in needs]
        least = [cap if n in capped and rng.random() < 0.5 else k for n, k in enumerate(least)]
        hidden = {n for n in range(lanes) if n not in capped and rng.random() < 0.5}
        shares = capped_sharing(needs, least, cap, capped, hidden, room, MAX_ROWS)
        if shares is None:
            continue
        settled += 1
        for _truth in range(10):
            more = {n: rng.choice([0, 1, 2, 5, 30]) for n in capped}
            true_needs = [need + more.get(n, 0) for n, need in enumerate(needs)]
            true_least = [
                min(k + (rng.choice([0, 1, 3, 20]) if k >= cap else 0), true_needs[n])
                for n, k in enumerate(least)
            ]
            true_hidden = hidden | {n for n in capped if least[n] >= cap and rng.random() < 0.5}
            assert rounds_of_sharing(true_needs, true_least, true_hidden, room, MAX_ROWS) == shares
    assert settled > 20
