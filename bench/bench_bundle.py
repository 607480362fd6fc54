"""The standalone bundle's cold start, against the installed app's, in the same run.

    python bench/bench_bundle.py BUNDLE [--python PYTHON] [--repeat 7] [--json OUT]

Runs ``BUNDLE/timeline-viewer --version`` and ``PYTHON -m viewer --version``
(PYTHON: a Python with the app installed, by default this one) in turns, each
in a fresh process, and prints the best and the median of ``--repeat`` runs of
each and their ratio. ``--version`` starts the program (the bundle unpacks
nothing: a one-folder bundle is already on disk) without opening a window, so
the figure is the start-up the two ways of installing add: finding and
loading Python and the app's first modules. The first run of each is dropped
(a cold disk cache would measure the disk). ``packaging/build-bundle`` runs it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bundle", type=Path, help="the bundle's folder")
    parser.add_argument("--python", default=sys.executable, help="a Python with the app")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    args = parser.parse_args()
    commands = {
        "bundle": [str(args.bundle / "timeline-viewer"), "--version"],
        "python -m viewer": [args.python, "-m", "viewer", "--version"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        _seconds(command)  # warms the disk cache; not counted
    for _ in range(args.repeat):
        for name, command in commands.items():
            times[name].append(_seconds(command))
    best = {name: min(runs) for name, runs in times.items()}
    median = {name: statistics.median(runs) for name, runs in times.items()}
    print("| --version, fresh process | best (s) | median (s) |")
    print("|---|---:|---:|")
    for name in commands:
        print(f"| {name} | {best[name]:.3f} | {median[name]:.3f} |")
    ratio = best["bundle"] / best["python -m viewer"]
    print(f"bundle / python -m viewer: {ratio:.2f}x (best of {args.repeat})")
    if args.json:
        figures = {"best": best, "median": median, "runs": times, "ratio": ratio}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
