"""Frames of the timeline widget over the suite's pan-and-zoom journey, at a
device pixel ratio, split into zoom and pan frames and into layout and paint.

    python bench/bench_frames.py FILE [FILE ...] [--dpr 2] [--steps 200]
        [--grab] [--repeat N] [--profile OUT] [--json OUT]

Each FILE is measured in a fresh process (``QT_SCALE_FACTOR`` is the device
pixel ratio; the platform is offscreen), at 1920×1080 logical pixels, along
the journey of ``bench/run.py``'s frames row: from fit-all, zoom in step by
step down to 50 pixels an hour around the middle, then pan 120 pixels at a
time, 20 one way and 20 back. A frame is ``current_layout()`` and the
viewport rendered into an image of the device's pixels (``--grab``: the
widget's ``grab()``, as the issue measured). Every figure is printed beside
the first FILE's median (the baseline: run it with the 1,000-event timeline
first). ``--profile OUT`` writes a cProfile of the frames of the last journey.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from frames_dpr import shown_view


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def child(path: Path, steps: int, grab: bool, repeat: int, profile: str | None) -> dict[str, Any]:
    _app, view = shown_view(path)
    from PySide6.QtGui import QImage

    dpr = view.devicePixelRatioF()
    size = view.viewport().size() * dpr
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)

    #: How each frame was painted (a frame cache's "moved", "whole", "direct").
    ways: dict[str, int] = {}

    def frame() -> tuple[float, float]:
        start = time.perf_counter()
        view.current_layout()
        laid_out = time.perf_counter()
        if grab:
            view.viewport().grab()
        else:
            view.viewport().render(image)
        end = time.perf_counter()
        way = getattr(getattr(view, "frames", None), "last", "") or "uncached"
        ways[way] = ways.get(way, 0) + 1
        return laid_out - start, end - laid_out

    frame()
    runs: list[dict[str, list[float]]] = []
    profiler = None
    for run in range(repeat):
        if profile and run == repeat - 1:
            import cProfile

            profiler = cProfile.Profile()
        view.fit_all()
        frame()
        fitted = view.seconds_per_px
        zoom_steps = steps // 2
        factor = (fitted / (3600 / 50)) ** (1 / zoom_steps)
        got: dict[str, list[float]] = {"zoom": [], "pan": [], "layout": [], "paint": []}
        if profiler is not None:
            profiler.enable()
        for i in range(steps):
            if i < zoom_steps:
                view.zoom(factor)
            else:
                view.pan_pixels(120 if (i // 20) % 2 else -120)
            layout, paint = frame()
            got["zoom" if i < zoom_steps else "pan"].append(layout + paint)
            got["layout"].append(layout)
            got["paint"].append(paint)
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
        runs.append(got)
    result: dict[str, Any] = {"dpr": dpr, "events": len(view.renderer.index), "ways": ways}
    for key in ("zoom", "pan", "layout", "paint"):
        values = [v for got in runs for v in got[key]]
        result[key] = {"median": statistics.median(values), "p95": _p95(values)}
    every = [v for got in runs for key in ("zoom", "pan") for v in got[key]]
    result["all"] = {"median": statistics.median(every), "p95": _p95(every)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--dpr", type=float, default=1.0)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--grab", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", metavar="OUT")
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        out = child(args.files[0], args.steps, args.grab, args.repeat, args.profile)
        print(json.dumps(out))
        return
    env = dict(os.environ, QT_SCALE_FACTOR=str(args.dpr), QT_QPA_PLATFORM="offscreen")
    results = []
    for path in args.files:
        command = [sys.executable, __file__, str(path), "--child", "--steps", str(args.steps)]
        command += ["--repeat", str(args.repeat)] + (["--grab"] if args.grab else [])
        if args.profile and path == args.files[-1]:
            command += ["--profile", args.profile]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    base = results[0]["all"]["median"]
    print(f"load average {os.getloadavg()[0]:.2f}, device pixel ratio {results[0]['dpr']}")
    print(
        "| events | all median | p95 | × base median | zoom median | p95 | pan median | p95 "
        "| layout p95 | paint p95 |"
    )
    print("|---:|" + "---:|" * 9)
    for got in results:
        parts = [key for key in got if key not in ("dpr", "events", "ways")]
        ms = {key: {k: v * 1e3 for k, v in got[key].items()} for key in parts}
        print(
            f"| {got['events']:,} | {ms['all']['median']:.1f} | {ms['all']['p95']:.1f} "
            f"| {got['all']['median'] / base:.2f} | {ms['zoom']['median']:.1f} "
            f"| {ms['zoom']['p95']:.1f} | {ms['pan']['median']:.1f} | {ms['pan']['p95']:.1f} "
            f"| {ms['layout']['p95']:.1f} | {ms['paint']['p95']:.1f} |"
        )
    for got in results:
        print(f"{got['events']:,} events, frames painted: {got['ways']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
