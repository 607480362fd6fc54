"""The Qt-free layout: levels of detail, labels that never overlap, counts that add up.

No display, no Qt: text is measured by a stand-in of fixed-width glyphs.
"""

from __future__ import annotations

import copy
import itertools
import math

import numpy as np
import pytest

from bench.make_timeline import make_timeline
from tests.conftest import _MINIMAL, dump
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import parse_timeline
from viewer.timeline.index import EventIndex, event_index
from viewer.timeline.labels import ELLIPSIS, LEADER_GAP, least_width, two_lines, word_cut
from viewer.timeline.lanes import LaneFacet, lanes_index
from viewer.timeline.layout import (
    DETAIL_BUDGET,
    DETAIL_LIMIT,
    GLYPH,
    GUTTER,
    LABEL_MAX,
    LABEL_REACH,
    LaneLayout,
    Layout,
    Layouter,
    Rect,
)

CHAR = 7.0


class Monospace:
    """Every character CHAR pixels wide."""

    def __init__(self, index: EventIndex) -> None:
        self.index = index

    def label_width(self, position: int) -> float:
        return min(len(self.index.title(position)) * CHAR, LABEL_MAX) + 1.0

    def label_advance(self, position: int, text: str) -> float:
        return len(text) * CHAR

    def advance(self, text: str) -> float:
        return len(text) * CHAR


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.validate(make_timeline(20_000, seed=3))


def lay_out(timeline: Timeline, t0: float, spp: float, width: float = 1920.0) -> Layout:
    index = event_index(timeline)
    return Layouter(index, Monospace(index)).layout(t0, spp, width)


def test_far_out_every_lane_is_counts_and_a_density_strip(timeline: Timeline) -> None:
    index = event_index(timeline)
    first, last = index.extent() or (0.0, 1.0)
    width = 1920.0
    spp = (last - first) / (width - GUTTER)
    layout = lay_out(timeline, first, spp, width)
    t1 = first + (width - GUTTER) * spp
    assert layout.lanes
    for lane_layout, lane in zip(layout.lanes, index.lanes, strict=True):
        assert lane_layout.bucketed
        assert all(item.bucket for item in lane_layout.items)
        starting = lane.count_starting(first, t1)
        # the buckets start at a multiple of their span, so the first may reach left of t0
        assert sum(item.count for item in lane_layout.items) >= starting
        assert lane_layout.density is not None
        assert len(lane_layout.density) == int(width - GUTTER)
        assert int(lane_layout.density.sum()) == starting
        assert lane_layout.items
        for item in lane_layout.items:
            span_start, span_end = item.span
            assert item.count == lane.count_starting(span_start, span_end)


def test_close_in_events_get_marks_and_labels_that_never_overlap(timeline: Timeline) -> None:
    index = event_index(timeline)
    middle = float(np.median(index.starts))
    labelled = 0
    for spp in (60.0, 600.0, 3600.0, 6 * 3600.0):
        layout = lay_out(timeline, middle, spp)
        labelled += sum(item.label is not None for item in layout.items())
        assert layout.lanes
        for lane in layout.lanes:
            assert not lane.bucketed
            labels: dict[float, list[Rect]] = {}
            for item in lane.items:
                if item.label is not None:
                    labels.setdefault(item.glyph.y(), []).append(item.label)
            for row in labels.values():
                row.sort(key=Rect.left)
                for a, b in itertools.pairwise(row):
                    assert not a.intersects(b)
    assert labelled > 20, "the views should show labelled events"


def test_the_level_of_detail_follows_the_count_in_view(timeline: Timeline) -> None:
    index = event_index(timeline)
    lane = max(index.lanes, key=len)
    middle = float(np.median(lane.starts))
    t1_of = lambda spp: middle + (1920.0 - GUTTER) * spp  # noqa: E731
    for spp in (10.0, 1e3, 1e4, 1e5, 1e6):
        layout = lay_out(timeline, middle, spp)
        [lane_layout] = [la for la in layout.lanes if la.kind is lane.kind]
        in_view = lane.count_overlapping(middle - LABEL_REACH * spp, t1_of(spp))
        assert lane_layout.bucketed == (in_view > DETAIL_LIMIT), spp


def test_the_selected_event_gets_a_row_of_its_own(timeline: Timeline) -> None:
    index = event_index(timeline)
    lane = max(index.lanes, key=len)
    # a crowded view: more events than rows, fewer than the limit
    spp = 4 * 3600.0
    middle = float(np.median(lane.starts))
    layouter = Layouter(index, Monospace(index))
    plain = layouter.layout(middle, spp, 1280.0)
    [crowded] = [la for la in plain.lanes if la.kind is lane.kind]
    clusters = [item for item in crowded.items if item.is_cluster]
    assert clusters, "the test needs a cluster"
    hidden = clusters[0].positions[-1]
    selected = index.id_of(hidden)
    layout = layouter.layout(middle, spp, 1280.0, selected=selected)
    shown = [item for item in layout.items() if not item.is_cluster and hidden in item.positions]
    assert len(shown) == 1
    assert shown[0].label is not None


def test_a_zero_width_view_and_an_empty_index_lay_out_nothing() -> None:
    index = EventIndex()
    layout = Layouter(index, Monospace(index)).layout(0.0, 60.0, 800.0)
    assert layout.items() == []
    assert math.isclose(layout.x_of(60.0), GUTTER + 1)


def _signature(layout: Layout) -> list[tuple[object, ...]]:
    return [
        (tuple(item.positions), item.hit, item.glyph, item.band, item.label, item.text, item.count)
        for item in layout.items()
    ]


@pytest.mark.parametrize("spp", [300.0, 3000.0, 20_000.0])
def test_crowded_lanes_cluster_as_if_every_label_were_measured(
    timeline: Timeline, spp: float
) -> None:
    """The shortcut for events no row can take gives the very layout of trying each."""
    index = event_index(timeline)
    middle = float(np.median(index.starts))
    fast = Layouter(index, Monospace(index))
    slow = Layouter(index, Monospace(index))
    slow.measure_crowded = True
    for t0 in (middle, middle + 1920 * spp / 3):
        quick, thorough = fast.layout(t0, spp, 1280.0), slow.layout(t0, spp, 1280.0)
        assert _signature(quick) == _signature(thorough)
    assert any(item.is_cluster for item in quick.items()), "the view should be crowded"


def _two_layouters(
    timeline: Timeline, spp: float
) -> tuple[Layouter, Layouter, float, list[str | None]]:
    """Two layouters of ``timeline`` to compare (one with a shortcut turned off),
    the middle of its events, and what to select: nothing, or an event past it."""
    index = event_index(timeline)
    middle = float(np.median(index.starts))
    selected = [None, index.id_of(int(np.searchsorted(index.starts, middle + 300 * spp)))]
    return Layouter(index, Monospace(index)), Layouter(index, Monospace(index)), middle, selected


@pytest.mark.parametrize("spp", [300.0, 3000.0, 20_000.0])
@pytest.mark.parametrize("height", [600.0, 1400.0, 2400.0])
def test_lanes_placed_once_are_placed_as_in_two_passes(
    timeline: Timeline, spp: float, height: float
) -> None:
    """With room to spare for sure, a lane placed at once on the rows it may take
    is placed as on MAX_ROWS first and then on those rows, selected or not."""
    once, twice, middle, selected = _two_layouters(timeline, spp)
    twice.place_once = False
    for t0, chosen in itertools.product((middle, middle + 700 * spp), selected):
        quick = once.layout(t0, spp, 1280.0, chosen, height)
        slow = twice.layout(t0, spp, 1280.0, chosen, height)
        assert _signature(quick) == _signature(slow)
        assert [ll.height for ll in quick.lanes] == [ll.height for ll in slow.lanes]
    assert any(len(ll.items) > 3 for ll in quick.lanes), "the lanes should have events"


@pytest.mark.parametrize("spp", [300.0, 3000.0, 20_000.0])
@pytest.mark.parametrize("height", [None, 600.0, 2400.0])
def test_marks_worked_out_once_per_lane_are_those_of_every_pass(
    timeline: Timeline, spp: float, height: float | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lane placed again (on more rows, on its share, tight, with the selected
    event first) uses its marks of the first pass: the layout is the one of
    working them out at every pass."""
    index = event_index(timeline)
    middle = float(np.median(index.starts))
    kept = Layouter(index, Monospace(index))
    fresh = Layouter(index, Monospace(index))
    monkeypatch.setattr(fresh, "_marks_once", fresh._marks)
    selected = [None, index.id_of(int(np.searchsorted(index.starts, middle + 300 * spp)))]
    for t0, chosen in itertools.product((middle, middle + 700 * spp), selected):
        once = kept.layout(t0, spp, 1280.0, chosen, height)
        every = fresh.layout(t0, spp, 1280.0, chosen, height)
        assert _signature(once) == _signature(every)
        assert [ll.height for ll in once.lanes] == [ll.height for ll in every.lanes]
    assert any(len(ll.items) > 3 for ll in once.lanes), "the lanes should have events"


def test_many_lanes_place_no_more_events_than_the_budget(timeline: Timeline) -> None:
    """Lanes by actor place at most DETAIL_BUDGET events one by one in a frame;
    the lanes with the most events in view are counted first, and the lane of
    the selected event last."""
    index = lanes_index(timeline, None, LaneFacet.ACTOR)
    middle = float(np.median(index.starts))
    spp = 6 * 3600.0
    t1 = middle + (1920 - GUTTER) * spp
    margin = LABEL_REACH * spp

    def in_view(lane_layout: LaneLayout) -> int:
        return len(lane_layout.lane.overlapping(middle - margin, t1))

    layout = Layouter(index, Monospace(index)).layout(middle, spp, 1920.0)
    wanted = [in_view(ll) for ll in layout.lanes if in_view(ll) <= DETAIL_LIMIT]
    assert sum(wanted) > DETAIL_BUDGET, "the view should hold more than the budget"
    detailed = [ll for ll in layout.lanes if not ll.bucketed]
    by_budget = [ll for ll in layout.lanes if ll.bucketed and in_view(ll) <= DETAIL_LIMIT]
    assert detailed
    assert by_budget
    assert sum(in_view(ll) for ll in detailed) <= DETAIL_BUDGET
    assert min(in_view(ll) for ll in by_budget) >= max(in_view(ll) for ll in detailed)
    # Selected, an event of the busiest lane counted by the budget keeps it in detail.
    busiest = max(by_budget, key=in_view)
    chosen = busiest.lane.overlapping(middle, t1)[0]
    selected = Layouter(index, Monospace(index)).layout(middle, spp, 1920.0, index.id_of(chosen))
    lane = next(ll for ll in selected.lanes if ll.key == busiest.key)
    assert not lane.bucketed
    assert any(chosen in item.positions and not item.is_cluster for item in lane.items)


# -- labels a reader can read ------------------------------------------------


def width(text: str) -> float:
    return len(text) * CHAR


def room_for(text: str) -> float:
    return width(text) + 0.5


@pytest.mark.parametrize(
    ("title", "room_text", "shown"),
    [
        # German titles cut after the last whole word, never inside one.
        (
            "Erste Runde direkter Gespräche zwischen der Ukraine und Russland",
            "Erste Runde direkter Gespräche zwi",
            "Erste Runde direkter Gespräche…",
        ),
        # A hyphenated word is one word: never "Selenskyj-Tr…"; with it, two words
        # fit, or none are shown.
        (
            "Treffen Selenskyj-Trump-Putin in Istanbul",
            "Treffen Selenskyj-Trump-Putin in Ist",
            "Treffen Selenskyj-Trump-Putin in…",
        ),
        ("Treffen Selenskyj-Trump-Putin in Istanbul", "Treffen Selenskyj-Trump-Pu", ""),
        # Not cut between quotes or brackets ("(„Operation…"), nor after a dash or comma.
        (
            "Drohnenangriff auf Flugplätze („Operation Spiderweb“) der Ukraine",
            "Drohnenangriff auf Flugplätze („Operation Spid",
            "Drohnenangriff auf Flugplätze…",
        ),
        (
            "Waffenruhe, sagt Kyjiw – vorerst",
            "Waffenruhe, sagt Kyjiw – vo",
            "Waffenruhe, sagt Kyjiw…",
        ),
        # Fewer than two words fit: hidden (the title shows on hover).
        ("Sanktionspaket beschlossen gegen Russland", "Sanktionspaket beschl", ""),
        # A one-word title: whole, or not at all.
        ("Waffenstillstandsverhandlungen", "Waffenstillstandsverhandlunge", ""),
        (
            "Waffenstillstandsverhandlungen",
            "Waffenstillstandsverhandlungen",
            "Waffenstillstandsverhandlungen",
        ),
    ],
)
def test_a_title_is_cut_only_at_a_word_end(title: str, room_text: str, shown: str) -> None:
    cut = word_cut(title, room_for(room_text), width)
    assert cut == shown
    if cut and cut != title:
        assert cut.endswith(ELLIPSIS)
        assert width(cut) <= room_for(room_text)


def test_the_shortest_label_is_two_words() -> None:
    assert least_width("Explosion an einer Brücke", width) == width("Explosion an" + ELLIPSIS)
    assert least_width("Waffenruhe", width) == width("Waffenruhe")
    assert least_width("Gipfel geplant", width) == width("Gipfel geplant")


def test_a_whole_title_wraps_to_two_lines_at_a_word_end() -> None:
    title = "Selenskyj schlägt Waffenruhe bis zu einem Gipfel der Staatschefs vor"
    assert two_lines(title, width(title), width) == [title]
    first, second = two_lines(title, room_for("Selenskyj schlägt Waffenruhe bis zu"), width)
    assert first == "Selenskyj schlägt Waffenruhe bis zu"
    assert second == "einem Gipfel der Staatschefs vor"
    # Longer than two lines: the second is cut at a word's end.
    first, second = two_lines(title, room_for("Selenskyj schlägt Waffen"), width)
    assert (first, second) == ("Selenskyj schlägt", "Waffenruhe bis zu einem…")


def _layouter(titles: list[str], days: list[int], open_end: bool = False) -> Layouter:
    events = [
        {
            "id": f"e{n}",
            "kind": "call",
            "title": title,
            "date": {
                "precision": "day",
                "start": f"2025-06-{day:02d}",
                **({"end": ".."} if open_end else {}),
            },
        }
        for n, (title, day) in enumerate(zip(titles, days, strict=True))
    ]
    data = {**copy.deepcopy(_MINIMAL), "events": events, "quotes": []}
    index = event_index(parse_timeline(dump(data)))
    return Layouter(index, Monospace(index))


def test_a_label_starts_at_its_mark_or_is_joined_to_it_by_a_leader() -> None:
    title = "Vorgeschlagener Gipfel der Staatschefs in Istanbul"
    layouter = _layouter([title], [20])
    day = 86400.0
    t_mark = float(layouter.index.starts[0]) + day / 2
    # In the middle of the plot: right of its mark, whole, no leader.
    spp = day / 20
    layout = layouter.layout(t_mark - 300 * spp, spp, 1200.0)
    [item] = layout.items()
    assert item.label is not None
    assert item.text == title
    assert item.label.left() == pytest.approx(item.glyph.x() + GLYPH + 4)
    assert item.leader is None
    # At the right edge: left of its mark, ending at a leader line to the mark.
    layout = layouter.layout(t_mark - (1200 - GUTTER - 40) * spp, spp, 1200.0)
    [item] = layout.items()
    assert item.label is not None
    assert item.label.right() < item.glyph.x()
    assert item.text == title
    assert item.leader == (item.label.right(), item.glyph.x() - GLYPH - 1)
    # Left of its mark with little room: cut at a word's end, still ending at the leader.
    narrow = GUTTER + LEADER_GAP + GLYPH + 2 + width("Vorgeschlagener Gipfel der Sta") + 40
    layout = layouter.layout(t_mark - (narrow - GUTTER - 40) * spp, spp, narrow)
    [item] = layout.items()
    assert item.label is not None
    assert item.text == "Vorgeschlagener Gipfel der" + ELLIPSIS
    assert item.leader is not None
    assert item.label.right() == pytest.approx(item.leader[0])
    assert item.label.width() == pytest.approx(width(item.text) + 1)
    # Its mark scrolled off to the left: pinned near the edge, a leader to the edge.
    layout = layouter.layout(t_mark + 40 * spp, spp, 1200.0)
    [item] = layout.items()
    assert item.label is not None
    assert item.glyph.x() < GUTTER
    assert item.label.left() == GUTTER + LEADER_GAP
    assert item.leader == (GUTTER, GUTTER + LEADER_GAP)
    assert item.text.endswith(ELLIPSIS)
    assert title.startswith(item.text.removesuffix(ELLIPSIS) + " ")


def test_crowded_labels_are_whole_words_or_hidden(timeline: Timeline) -> None:
    index = event_index(timeline)
    middle = float(np.median(index.starts))
    labels = [
        (index.title(item.positions[0]), item.text)
        for spp in (300.0, 3000.0)
        for item in lay_out(timeline, middle, spp, 1280.0).items()
        if item.label is not None
    ]
    assert any(text.endswith(ELLIPSIS) for _title, text in labels), "some labels are cut"
    for title, text in labels:
        if text and text != title:
            shown = text.removesuffix(ELLIPSIS)
            assert title.startswith(shown)
            assert not title[len(shown)].isalnum(), text
            assert len(shown.split()) >= 2, text


@pytest.mark.parametrize("spp", [5_000.0, 8_000.0, 20_000.0])
@pytest.mark.parametrize("height", [1080.0, 1400.0, 2400.0])
def test_lanes_placed_on_a_few_rows_first_are_placed_as_on_all(
    timeline: Timeline, spp: float, height: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lane placed first on a few more rows than its share of the window's,
    then settled from those, is placed as on all the rows it may take."""
    from viewer.timeline import layout as layout_module

    settled: list[bool] = []
    real = layout_module.capped_sharing

    def spy(*args: object, **kwargs: object) -> list[int] | None:
        shares = real(*args, **kwargs)  # type: ignore[arg-type]
        settled.append(shares is not None)
        return shares

    monkeypatch.setattr(layout_module, "capped_sharing", spy)
    capped, whole, middle, selected = _two_layouters(timeline, spp)
    whole.place_capped = False
    views = itertools.product((middle, middle + 700 * spp), (1280.0, 1920.0), selected)
    for t0, width, chosen in views:
        quick = capped.layout(t0, spp, width, chosen, height)
        slow = whole.layout(t0, spp, width, chosen, height)
        assert _signature(quick) == _signature(slow)
        assert [ll.height for ll in quick.lanes] == [ll.height for ll in slow.lanes]
        assert [ll.hidden for ll in quick.lanes] == [ll.hidden for ll in slow.lanes]
    assert any(settled), "some lanes should be settled from their first rows"
