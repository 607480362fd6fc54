"""Where the first frame's time goes: the start split into whole processes that
each import one thing more than the last, beside a bare window's first frame.

    python bench/startup_parts.py [--repeat N] [--json OUT]

Issue 27 asks for the bundled timeline's first frame within 1.5x a bare
QMainWindow's (``bench/run.py`` measures both through the entry point). This
says what stands between the two. Each step is a fresh process that imports
what the step before it did and one thing more, so the difference between two
steps' times is what that thing adds to a start:

* ``python``: ``python -c "import os; os._exit(0)"``;
* ``Qt``: PySide6's QtWidgets (what the bare window imports);
* ``numpy``, ``msgspec``, ``pydantic``: the libraries the timeline's columns,
  its file's decoding and its model use (``pydantic`` with the model's classes,
  ``viewer.domain.model``);
* ``domain``: the rest of the open timeline and its fast load
  (``viewer.domain.timeline``, ``viewer.domain.fast_load``);
* ``window``: the window's modules (``viewer.ui.app``, ``viewer.ui.main_window``);
* ``first frame``: the app through the entry point until the bundled timeline
  is painted (``entry_probe.py first-frame``): on top of ``window``, making the
  application and the window, loading the file, laying it out and painting.

Beside them, ``bare``: a bare QMainWindow's first frame (``entry_probe.py
bare``), the target's baseline. Steps are taken in turn (every step once, then
again, ``--repeat`` times; 5 by default) and the best of each kept, as
``bench/run.py`` does; the folders are fresh for every run (``entry.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from entry import console_script, in_turn, probe, wall

#: Each step's name and what it imports on top of the steps before it.
STEPS: tuple[tuple[str, str], ...] = (
    ("python", ""),
    ("Qt", "PySide6.QtWidgets"),
    ("numpy", "numpy"),
    ("msgspec", "msgspec"),
    ("pydantic", "pydantic, viewer.domain.model"),
    ("domain", "viewer.domain.timeline, viewer.domain.fast_load"),
    ("window", "viewer.ui.app, viewer.ui.main_window"),
)
#: The first frame's target, as a multiple of the bare window's.
TARGET = 1.5


def _imports(upto: int) -> str:
    """The code of step ``upto``: its imports and every earlier step's, then an
    exit without the interpreter's shutdown (``os._exit``, as the probe leaves
    after its frame: neither counts freeing what it holds)."""
    names = ["os", *(what for _name, what in STEPS[1 : upto + 1] if what)]
    return f"import {', '.join(names)}; os._exit(0)"


def _process(code: str) -> Callable[[], float]:
    """A whole ``python -c code``'s wall time, one run a call."""
    return lambda: wall([sys.executable, "-c", code])


def measure(repeat: int) -> dict[str, Any]:
    """Every step, the first frame and the bare window: their best times, and
    every run."""
    runs: dict[str, Callable[[], float]] = {
        name: _process(_imports(at)) for at, (name, _what) in enumerate(STEPS)
    }
    runs["first frame"] = lambda: float(probe("first-frame")["seconds"])
    runs["bare"] = lambda: float(probe("bare")["seconds"])
    times = in_turn(runs, repeat)
    return {
        "entry_point": console_script(),
        "steps": [name for name, _what in STEPS] + ["first frame"],
        "imports": {name: _imports(at) for at, (name, _what) in enumerate(STEPS)},
        "best": {name: min(each) for name, each in times.items()},
        "runs": times,
    }


def table(results: dict[str, Any]) -> list[str]:
    """Each step's best time, what it adds, and its share of the first frame."""
    best = results["best"]
    frame, bare = best["first frame"], best["bare"]
    lines = [
        "| step | best (ms) | adds (ms) | share of the first frame |",
        "|---|---:|---:|---:|",
    ]
    before = 0.0
    for name in results["steps"]:
        # A step is never taken as faster than the one before it (noise).
        now = max(best[name], before)
        lines.append(
            f"| {name} | {best[name] * 1e3:.0f} | {(now - before) * 1e3:.0f} "
            f"| {(now - before) / frame:.0%} |"
        )
        before = now
    lines.append("")
    lines.append(
        f"bare window's first frame {bare * 1e3:.0f} ms; the app's {frame * 1e3:.0f} ms "
        f"= {frame / bare:.2f}x; the target, {TARGET:g}x, is {TARGET * bare * 1e3:.0f} ms"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step, in turn")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every run as JSON")
    args = parser.parse_args()
    results = measure(max(1, args.repeat))
    print("\n".join(table(results)))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
