"""Label widths kept from one layout to the next: a pan measures only what it
brings into view, and a new font or a new index is measured again."""

from __future__ import annotations

import pytest

from bench.make_timeline import make_timeline
from viewer.domain.timeline import Timeline
from viewer.timeline.index import EventIndex
from viewer.timeline.lanes import LaneFacet, lanes_index
from viewer.timeline.layout import GUTTER, LABEL_MAX, Layout, Layouter


class Font:
    """Glyphs of one width, ``char`` (a font the test can change), counting measurements."""

    def __init__(self, index: EventIndex, char: float) -> None:
        self.index, self.char, self.measured = index, char, 0

    def label_width(self, position: int) -> float:
        return min(len(self.index.title(position)) * self.char, LABEL_MAX) + 1.0

    def label_advance(self, position: int, text: str) -> float:
        self.measured += 1
        return len(text) * self.char

    def advance(self, text: str) -> float:
        return len(text) * self.char


def shown(layout: Layout) -> list[tuple[object, ...]]:
    return [
        (tuple(item.positions), item.text, item.hit.x(), item.hit.y(), item.hit.width())
        for item in layout.items()
    ]


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.validate(make_timeline(6_000, seed=11))


@pytest.mark.parametrize("facet", [LaneFacet.KIND, LaneFacet.ACTOR, LaneFacet.TAG])
def test_a_pan_measures_no_label_again(timeline: Timeline, facet: LaneFacet) -> None:
    index = lanes_index(timeline, None, facet)
    lo, hi = index.extent() or (0.0, 1.0)
    spp = 3 * 86400 / (1920 - GUTTER)
    font = Font(index, 7.0)
    first = Layouter(index, font).layout((lo + hi) / 2, spp, 1920.0, height=1080.0)
    assert first.items()
    measured = font.measured
    again = Layouter(index, font).layout((lo + hi) / 2, spp, 1920.0, height=1080.0)
    assert shown(again) == shown(first)
    assert font.measured - measured < measured  # whole titles fit: only cut labels measured


def test_a_new_font_or_index_is_measured_again(timeline: Timeline) -> None:
    index = lanes_index(timeline, None, LaneFacet.ACTOR)
    lo, hi = index.extent() or (0.0, 1.0)
    t0, spp = (lo + hi) / 2, 86400 / (1920 - GUTTER)
    font = Font(index, 7.0)
    Layouter(index, font).layout(t0, spp, 1920.0, height=1080.0)
    font.char = 9.0  # the reader chose a bigger font
    wider = Layouter(index, font).layout(t0, spp, 1920.0, height=1080.0)
    assert shown(wider) == shown(
        Layouter(index, Font(index, 9.0)).layout(t0, spp, 1920.0, height=1080.0)
    )
    tags = lanes_index(timeline, None, LaneFacet.TAG)
    font.index = tags  # the same way of measuring, another index (positions mean others)
    by_tag = Layouter(tags, font).layout(t0, spp, 1920.0, height=1080.0)
    assert shown(by_tag) == shown(
        Layouter(tags, Font(tags, 9.0)).layout(t0, spp, 1920.0, height=1080.0)
    )
