"""Importing an ACLED export, against reading the same file with ``csv.reader``.

    python bench/bench_import.py [--sizes 100000,500000] [--quick] [--repeat 3] [--json OUT]

For each size a synthetic ACLED export of that many rows is written to a
temporary folder (:func:`make_acled_csv`: the fixture's 326 rows over and
over, each with its own id, dates spread over five years and newest first as
ACLED exports them, one in fifty to the month, and associated actors from a
pool that grows with the size). Then, each in a fresh process that has
imported the importer before it starts the clock:

* the baseline: ``csv.reader`` over the file, opened as the importer opens
  it, every row read and dropped;
* the import: :func:`viewer.importers.acled.convert.import_acled` of the same file
  into a model file beside it;
* the command: ``timeline-viewer import acled FILE -o OUT`` (its ``main``,
  once): the import and whatever the command does after it (it used to load
  the whole model file back to check it: 1.2 GB at 300,000 rows). Its peak
  memory is compared with ``csv.reader``'s.

Time is the best of ``--repeat`` runs. Memory is the process's peak resident
size while the call runs (``VmHWM``, or ``ru_maxrss`` where there is none: so
one measurement per process) and its growth over what the process held
before the call; after the first run of each, the
same process runs the measurement once more under ``tracemalloc`` for the
peak of Python's own allocations (some ten times slower: that run is not
timed). Memory is flat in
the size of the file when the import's peaks at the largest size are about
those at the smallest: the last line compares them. ``--quick`` (what
``bench/run.py --quick`` runs) measures 2,000 rows once. The issue's target:
the import within 5x the ``csv.reader`` time.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import io
import json
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from processes import peak_rss, reset_peak, rss_now, run_child

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "tests" / "data" / "acled" / "argentina_2022-06_sample.csv"
QUICK_SIZES = [2_000]
#: 500,000 rows make a model file of some 450 MB (ACLED's coding columns made
#: each event larger): 600,000 would be over the 512 MiB a model file may have,
#: and the import refuses to write it.
FULL_SIZES = [100_000, 500_000]
NEWEST = date(2024, 12, 31)
SPAN_DAYS = 5 * 365


def make_acled_csv(path: Path, rows: int) -> None:
    """A realistic ACLED export of ``rows`` rows, from the fixture's."""
    with FIXTURE.open(encoding="utf-8", newline="") as handle:
        header, *base = csv.reader(handle)
    column = {name: i for i, name in enumerate(header)}
    pool = max(50, int(rows**0.5))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for i in range(rows):
            row = list(base[i % len(base)])
            day = NEWEST - timedelta(days=i * SPAN_DAYS // rows)
            row[column["event_id_cnty"]] = f"ARG{rows - i}"
            row[column["event_date"]] = day.isoformat()
            row[column["year"]] = str(day.year)
            if i % 50 == 7:
                row[column["time_precision"]] = "3"
            if i % 3 == 0:
                extra = f"Labour Group {i % pool} (Argentina)"
                assoc = row[column["assoc_actor_1"]]
                row[column["assoc_actor_1"]] = f"{assoc}; {extra}" if assoc else extra
            writer.writerow(row)


# -- children: one measurement each, in a fresh process -------------------------------


def _read_csv(path: Path) -> int:
    rows = 0
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for _row in csv.reader(handle):
            rows += 1
    return rows


def _measure(kind: str, path: Path, out: Path) -> int:
    from viewer.importers.acled.convert import import_acled

    if kind == "command":
        from viewer.cli import main

        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["import", "acled", str(path), "-o", str(out)])
        assert code == 0, code
        return 0
    return _read_csv(path) if kind == "csv" else import_acled(path, out).events


def child(kind: str, path: Path, traced: bool) -> dict[str, Any]:
    """One run, timed, with the process's peak memory; then, if ``traced``, one
    under tracemalloc."""
    from viewer.importers.acled.convert import import_acled  # noqa: F401 (imported before it is timed)

    if kind == "command":  # what it may use, imported before too: its run is measured
        import viewer.cli.loading
        import viewer.cli.main
        import viewer.persistence.model_file  # noqa: F401

    out = path.with_suffix(".json")
    gc.collect()
    before = rss_now()
    reset_peak()
    start = time.perf_counter()
    rows = _measure(kind, path, out)
    seconds = time.perf_counter() - start
    peak = peak_rss()
    measured: dict[str, Any] = {
        "seconds": seconds,
        "rows": rows,
        "peak": peak,
        "growth": max(peak - before, 0),
    }
    if kind != "csv":
        measured["out_bytes"] = out.stat().st_size
    if traced:
        # Python's own allocations, from here on: what the run before left behind
        # is not counted (and it left nothing: its results are gone).
        gc.collect()
        tracemalloc.start()
        _measure(kind, path, out)
        measured["traced_peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    out.unlink(missing_ok=True)
    return measured


def _child(kind: str, path: Path, traced: bool) -> dict[str, Any]:
    return run_child(__file__, [kind, str(path), *(["--traced"] if traced else [])])


def _best(kind: str, path: Path, repeat: int) -> dict[str, Any]:
    """The fastest of ``repeat`` runs, with the first run's tracemalloc peak."""
    runs = [_child(kind, path, traced=i == 0) for i in range(repeat)]
    best = min(runs, key=lambda run: run["seconds"])
    return {**best, "traced_peak": runs[0]["traced_peak"]}


def run(sizes: list[int], repeat: int) -> dict[str, Any]:
    """Measure every size, print the table, and give back every figure."""
    results: dict[str, Any] = {}
    mb = 1e6
    print(
        "| ACLED rows | file MB | import (s) | csv.reader (s) | × | import peak MB "
        "| csv.reader peak MB | × | import growth MB | import traced peak MB | rows/s "
        "| command peak MB | × |"
    )
    print("|---:|" + "---:|" * 12)
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            path = Path(scratch) / f"acled-{size}.csv"
            make_acled_csv(path, size)
            baseline = _best("csv", path, repeat)
            imported = _best("import", path, repeat)
            assert imported["rows"] == size == baseline["rows"] - 1, (size, imported, baseline)
            command = _child("command", path, traced=False)  # its memory: one run
            results[str(size)] = {
                "file_bytes": path.stat().st_size,
                "csv": baseline,
                "import": imported,
                "command": command,
            }
            path.unlink()
            print(
                f"| {size:,} | {results[str(size)]['file_bytes'] / mb:.0f} "
                f"| {imported['seconds']:.3f} | {baseline['seconds']:.3f} "
                f"| {imported['seconds'] / baseline['seconds']:.1f} "
                f"| {imported['peak'] / mb:.0f} | {baseline['peak'] / mb:.0f} "
                f"| {imported['peak'] / baseline['peak']:.1f} "
                f"| {imported['growth'] / mb:.1f} | {imported['traced_peak'] / mb:.1f} "
                f"| {size / imported['seconds']:,.0f} "
                f"| {command['peak'] / mb:.0f} | {command['peak'] / baseline['peak']:.1f} |",
                flush=True,
            )
    small, large = results[str(sizes[0])], results[str(sizes[-1])]
    if len(sizes) > 1:
        flat = {
            "peak": large["import"]["peak"] / small["import"]["peak"],
            "traced_peak": large["import"]["traced_peak"] / small["import"]["traced_peak"],
        }
        results["flat"] = flat
        print(
            f"\nmemory against the file's size: {sizes[-1]:,} rows against {sizes[0]:,} "
            f"({sizes[-1] / sizes[0]:.0f}x the rows): import peak {flat['peak']:.2f}x, "
            f"Python allocations' peak {flat['traced_peak']:.2f}x"
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(str(size) for size in FULL_SIZES))
    parser.add_argument("--quick", action="store_true", help="2,000 and 20,000 rows, once")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]), args.traced)))
        return
    sizes = QUICK_SIZES if args.quick else [int(size) for size in args.sizes.split(",")]
    results = run(sizes, 1 if args.quick else args.repeat)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
