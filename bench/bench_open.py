"""How long opening a large timeline takes, as ratios to plain ``json.loads``.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_open --events 100000 [--repeat 3]

The baseline is ``json.loads`` of the same bytes with the cyclic collector
paused, as the loader pauses it (DESIGN.md), so the ratios compare like with
like on a noisy shared machine. Each step is timed REPEAT times; the best run
counts. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.make_timeline import make_timeline


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from viewer.domain.perf import paused_gc
    from viewer.persistence.model_file import parse_timeline
    from viewer.timeline.index import EventIndex
    from viewer.timeline.layout import GUTTER
    from viewer.ui.models.events import EventTableModel
    from viewer.ui.timeline.render import TimelineRenderer

    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        path.write_text(json.dumps(make_timeline(args.events)), encoding="utf-8")
        data = path.read_bytes()

    def baseline() -> object:
        with paused_gc():
            return json.loads(data)

    timeline = parse_timeline(data)
    renderer = TimelineRenderer(timeline)
    extent = renderer.index.extent()
    assert extent is not None
    width = 1600.0
    fit_spp = (extent[1] - extent[0]) / (width - GUTTER)
    day_spp = 86400.0 / 200  # a day 200 px wide
    middle = (extent[0] + extent[1]) / 2
    model = EventTableModel()

    steps: list[tuple[str, Callable[[], object]]] = [
        ("json.loads (baseline)", baseline),
        ("parse and check the model file", lambda: parse_timeline(data)),
        ("build the event index", lambda: EventIndex(timeline.events)),
        ("lay out, everything in view", lambda: renderer.layout(extent[0], fit_spp, width)),
        ("lay out, one week in view", lambda: renderer.layout(middle, day_spp, width)),
        ("events table: fill", lambda: model.set_timeline(timeline)),
        ("events table: sort by title", lambda: model.sort(EventTableModel.TITLE)),
    ]
    results = [(name, best_of(args.repeat, run)) for name, run in steps]
    base = results[0][1]
    print(f"{args.events:,} events, {len(data) / 1e6:.0f} MB, best of {args.repeat}\n")
    print("| step | seconds | × json.loads |")
    print("|---|---:|---:|")
    for name, seconds in results:
        print(f"| {name} | {seconds:.3f} | {seconds / base:.2f} |")
    del app


if __name__ == "__main__":
    main()
