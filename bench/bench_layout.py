"""How long one layout of the timeline takes in crowded views, as ratios to finding
what is visible.

    python -m bench.bench_layout [--repeat 5]

To compare two versions in one run, point PYTHONPATH at each checkout in turn
(``PYTHONPATH=../old python -m bench.bench_layout``). The baseline of each
case is the index query the layout starts from (``Lane.overlapping`` over the
same range), timed in the same run, so the ratio says what placing, labelling
and clustering add on top. The best of REPEAT runs counts. Prints a Markdown
table. No display and no Qt: the layout is Qt-free, and text is measured
by a stand-in with glyphs of one width (as a font would, roughly).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.bench_open import best_of
from viewer.persistence.model_file import parse_timeline
from viewer.timeline.index import EventIndex, event_index
from viewer.timeline.labels import ELLIPSIS
from viewer.timeline.layout import GUTTER, LABEL_MAX, Layouter

WIDTH = 1600.0
BASE = datetime(2025, 1, 1, tzinfo=UTC)


class FixedWidth:
    """Text measured as glyphs of one width, with label widths kept as the app keeps them."""

    CHAR = 7.0

    def __init__(self, index: EventIndex) -> None:
        self.index = index
        self._widths: dict[int, float] = {}

    def label_width(self, position: int) -> float:
        width = self._widths.get(position)
        if width is None:
            width = min(len(self.index.title(position)) * self.CHAR, LABEL_MAX) + 1.0
            self._widths[position] = width
        return width

    def elide(self, position: int, room: float, middle: bool = False) -> str:
        title = self.index.title(position)
        keep = int(room // self.CHAR)
        return title if len(title) <= keep else title[: max(keep - 1, 0)] + ELLIPSIS

    def label_advance(self, position: int, text: str) -> float:
        return len(text) * self.CHAR

    def advance(self, text: str) -> float:
        return len(text) * self.CHAR


def _renderer(events: list[dict[str, Any]]) -> Layouter:
    data = {"schema_version": 1, "id": "b", "title": "B", "language": "de", "events": events}
    index = event_index(parse_timeline(json.dumps(data).encode()))
    return Layouter(index, FixedWidth(index))


def _minutes(count: int, title: str, every: int = 1) -> list[dict[str, Any]]:
    return [
        {
            "id": f"e{i}",
            "kind": "call",
            "title": title.format(i=i),
            "date": {
                "precision": "minute",
                "start": (BASE + timedelta(minutes=i // every)).strftime("%Y-%m-%dT%H:%MZ"),
            },
        }
        for i in range(count)
    ]


def _cases() -> list[tuple[str, Layouter, float, float]]:
    """(name, renderer, left edge, seconds per pixel)."""
    t0 = BASE.timestamp()
    alike = _renderer(_minutes(1500, "Explosion an einer Brücke in der Region Nummer {i}"))
    crowd = _renderer(_minutes(20000, "Ereignis {i}", every=300))
    return [
        ("1,500 events in view, titles alike", alike, t0, 1500 * 60 / (WIDTH - GUTTER)),
        ("150 in view of 1,500", alike, t0 + 600 * 60, 150 * 60 / (WIDTH - GUTTER)),
        ("20,000 in 67 minutes, a day in view", crowd, t0 - 3600, 86400 / (WIDTH - GUTTER)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("| case | layout (ms) | index query (ms) | ratio |")
    print("|---|---:|---:|---:|")
    for name, renderer, t0, spp in _cases():
        layout, query = measure(renderer, t0, spp, args.repeat)
        print(f"| {name} | {layout * 1e3:.2f} | {query * 1e3:.2f} | {layout / query:.1f} |")


def measure(renderer: Layouter, t0: float, spp: float, repeat: int) -> tuple[float, float]:
    """The best layout time and the best time of its index query."""
    t1 = t0 + (WIDTH - GUTTER) * spp
    lane = renderer.index.lanes[0]
    renderer.layout(t0, spp, WIDTH)  # label widths measured once, as in the app
    query = best_of(repeat, lambda: lane.overlapping(t0, t1))
    return best_of(repeat, lambda: renderer.layout(t0, spp, WIDTH)), query


if __name__ == "__main__":
    main()
