"""Adding a timeline over the bundled one, against opening the same file alone.

    python bench/bench_layers.py [--sizes 100000,1000000] [--quick] [--repeat 3] [--json OUT]

For each size a synthetic timeline of that many events is made with
``bench/make_timeline.py`` (seeded, under another id than the bundled one).
Then, each in a fresh process that has imported the app's code before it
starts the clock:

* the baseline, "open": the file loaded and its time index sorted, as File >
  Open leaves it;
* "add": the same, then put behind its prefix beside the bundled timeline
  (every event and quote record renamed) and stacked with it into the one
  timeline the window shows, with its time index sorted: what File > Add
  Timeline… does in the background before the window shows both.

Time is the best of ``--repeat`` runs; memory is the process's peak resident
size during the call (``VmHWM``) and what it still holds once the call's result
is kept, garbage collected and the allocator's free memory given back
(``malloc_trim``, for both: "kept"). ``--quick`` (what ``bench/run.py
--quick`` runs) measures 10,000 events once.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_timeline import make_timeline  # noqa: E402
from processes import peak_rss, reset_peak, rss_now, run_child  # noqa: E402

QUICK_SIZES = [10_000]
FULL_SIZES = [100_000, 1_000_000]


def _measure(kind: str, path: Path, base: Any) -> Any:
    """Open ``path`` alone, or add it over ``base`` (the timeline open already)."""
    from viewer.persistence.model_file import load_timeline
    from viewer.timeline.index import event_index
    from viewer.timeline.stacking import shown_together

    timeline = load_timeline(path)
    if kind == "add":
        timeline = shown_together([base, timeline])
    event_index(timeline)  # sorted, as the window needs it
    return timeline


def _trim() -> None:
    """Give back to the system what glibc's allocator holds free (the file's loaded
    records, once renamed, leave holes it keeps otherwise); elsewhere a no-op."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def child(kind: str, path: Path) -> dict[str, Any]:
    from viewer.persistence.model_file import load_timeline
    from viewer.persistence.paths import bundled_timeline

    base = load_timeline(bundled_timeline())  # open already: not measured
    gc.collect()
    before = rss_now()
    reset_peak()
    start = time.perf_counter()
    shown = _measure(kind, path, base)
    seconds = time.perf_counter() - start
    peak = peak_rss()
    gc.collect()
    _trim()
    kept = rss_now() - before
    return {"seconds": seconds, "events": len(shown.events), "peak": peak, "kept": kept}


def _child(kind: str, path: Path) -> dict[str, Any]:
    return run_child(__file__, [kind, str(path)])


def _best(kind: str, path: Path, repeat: int) -> dict[str, Any]:
    return min((_child(kind, path) for _ in range(repeat)), key=lambda run: run["seconds"])


def run(sizes: list[int], repeat: int) -> dict[str, Any]:
    """Measure every size, print the table, and give back every figure."""
    results: dict[str, Any] = {}
    mb = 1e6
    print(
        "| events added | add (s) | open alone (s) | × | add peak MB | open peak MB | × "
        "| add kept MB | open kept MB |"
    )
    print("|---:|" + "---:|" * 8)
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            path = Path(scratch) / f"timeline-{size}.json"
            data = make_timeline(size)
            data["id"] = f"synthetic-{size}"
            path.write_text(json.dumps(data), encoding="utf-8")
            del data
            opened = _best("open", path, repeat)
            added = _best("add", path, repeat)
            assert added["events"] == opened["events"] + 14, (added, opened)
            results[str(size)] = {"open": opened, "add": added}
            path.unlink()
            print(
                f"| {size:,} | {added['seconds']:.2f} | {opened['seconds']:.2f} "
                f"| {added['seconds'] / opened['seconds']:.2f} "
                f"| {added['peak'] / mb:.0f} | {opened['peak'] / mb:.0f} "
                f"| {added['peak'] / opened['peak']:.2f} "
                f"| {added['kept'] / mb:.0f} | {opened['kept'] / mb:.0f} |",
                flush=True,
            )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(str(size) for size in FULL_SIZES))
    parser.add_argument("--quick", action="store_true", help="10,000 events, once")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    sizes = QUICK_SIZES if args.quick else [int(size) for size in args.sizes.split(",")]
    results = run(sizes, 1 if args.quick else args.repeat)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
