"""How long one layout of the timeline takes in crowded views, as ratios to finding
what is visible.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_layout [--repeat 5]

To compare two versions in one run, point PYTHONPATH at each checkout in turn
(``PYTHONPATH=../old python -m bench.bench_layout``). The baseline of each
case is the index query the layout starts from (``Lane.overlapping`` over the
same range), timed in the same run, so the ratio says what placing, labelling
and clustering add on top. The best of REPEAT runs counts. Prints a Markdown
table.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import UTC, datetime, timedelta
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.bench_open import best_of
from viewer.persistence.model_file import parse_timeline
from viewer.ui.timeline_render import GUTTER, TimelineRenderer

WIDTH = 1600.0
BASE = datetime(2025, 1, 1, tzinfo=UTC)


def _renderer(events: list[dict[str, Any]]) -> TimelineRenderer:
    data = {"schema_version": 1, "id": "b", "title": "B", "language": "de", "events": events}
    return TimelineRenderer(parse_timeline(json.dumps(data).encode()))


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


def _cases() -> list[tuple[str, TimelineRenderer, float, float]]:
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
    QApplication.instance() or QApplication([])
    print("| case | layout (ms) | index query (ms) | ratio |")
    print("|---|---:|---:|---:|")
    for name, renderer, t0, spp in _cases():
        layout, query = measure(renderer, t0, spp, args.repeat)
        print(f"| {name} | {layout * 1e3:.1f} | {query * 1e3:.2f} | {layout / query:.0f} |")


def measure(renderer: TimelineRenderer, t0: float, spp: float, repeat: int) -> tuple[float, float]:
    """The best layout time and the best time of its index query."""
    t1 = t0 + (WIDTH - GUTTER) * spp
    lane = renderer.index.lanes[0]
    renderer.layout(t0, spp, WIDTH)  # label widths measured once, as in the app
    query = best_of(repeat, lambda: lane.overlapping(t0, t1))
    return best_of(repeat, lambda: renderer.layout(t0, spp, WIDTH)), query


if __name__ == "__main__":
    main()
