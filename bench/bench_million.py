"""A million ACLED rows: the model file's size, the import, and opening it (issue 26).

    python bench/bench_million.py [--sizes 100000,1000000] [--gzip] [--repeat 3]
                                  [--scratch DIR] [--json OUT] [--quick]

For each size a synthetic ACLED export is written (``bench_import.make_acled_csv``,
kept in ``--scratch`` between runs when given) and measured, each in a fresh
process that has imported what it uses before its clock starts:

* ``csv.reader`` over the export, every row read and dropped: the import's
  baseline (``bench_import.py``'s own child);
* the import: :func:`viewer.importers.acled.convert.import_acled` of the export
  into ``acled-N.json`` (``--gzip``: ``acled-N.json.gz``, for an importer that
  writes gzip when the name ends so), and the command
  ``timeline-viewer import acled FILE -o OUT`` (its ``main``; once);
* the model file's size on disk against the export's, and whether it is gzip
  (by its first bytes);
* opening it: :func:`viewer.persistence.model_file.load_timeline`, the file to
  a :class:`~viewer.domain.timeline.Timeline`, as the window and every
  command open it, the parser's import (numpy, pydantic, msgspec, the model)
  inside the clock as it always was: a gzip file unpacks on a thread while
  that import runs. Reading (and unpacking) alone is timed apart, once more
  after the open. Against ``orjson.loads`` of the
  same JSON, uncompressed, already read, with the collector paused. Peak
  memory is each process's peak resident size over what it held before it
  read the file (``VmHWM``, reset before), for both;
* when the model file is not gzip, the same JSON gzipped here (Python's
  ``gzip``, level 6) and opened the same way: what the reading side costs
  whatever the importer writes.

Time is the best of ``--repeat`` runs (one at 1,000,000 rows and more: each is
seconds and gigabytes). Each figure is printed beside its target from the
issue: the file ≤ 0.6× the export, the import ≤ 5× ``csv.reader``, opening
≤ 3× the parse, its peak memory ≤ 1.2× the parse's. ``--quick``: 2,000 rows
once.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_import  # noqa: E402
from processes import peak_rss, reset_peak, rss_now, run_child  # noqa: E402

FULL_SIZES = [100_000, 1_000_000]
QUICK_SIZES = [2_000]
#: Above this many rows each measurement runs once, whatever ``--repeat`` says.
ONCE_FROM = 1_000_000
GZIP_MAGIC = b"\x1f\x8b"
TARGETS = {"size": 0.6, "import": 5.0, "open": 3.0, "peak": 1.2}


# -- children: one measurement each, in a fresh process -------------------------------


def _child_import(kind: str, source: Path, out: Path) -> dict[str, Any]:
    import contextlib
    import io

    from viewer.importers.acled.convert import import_acled

    if kind == "command":
        import viewer.cli.loading
        import viewer.cli.main
        import viewer.persistence.model_file  # noqa: F401
        from viewer.cli import main
    gc.collect()
    before = rss_now()
    reset_peak()
    start = time.perf_counter()
    if kind == "command":
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["import", "acled", str(source), "-o", str(out)])
        assert code == 0, code
    else:
        import_acled(source, out)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak": max(peak_rss() - before, 0)}


def _child_open(path: Path) -> dict[str, Any]:
    from viewer.persistence.model_file import load_timeline, read_model_bytes

    gc.collect()
    before = rss_now()
    reset_peak()
    start = time.perf_counter()
    # What the window and the commands call: a gzip file unpacks on its own
    # thread while this one imports the parser (not imported here before).
    timeline = load_timeline(path)
    seconds = time.perf_counter() - start
    peak = max(peak_rss() - before, 0)
    events = len(timeline.events)
    del timeline
    start = time.perf_counter()
    read_model_bytes(path)  # reading (and unpacking) alone, once more
    read = time.perf_counter() - start
    return {"seconds": seconds, "read_seconds": read, "peak": peak, "events": events}


def _child_parse(path: Path) -> dict[str, Any]:
    import orjson

    gc.collect()
    before = rss_now()
    reset_peak()
    start = time.perf_counter()
    data = path.read_bytes()
    read = time.perf_counter() - start
    gc.disable()
    start = time.perf_counter()
    document = orjson.loads(data)
    seconds = time.perf_counter() - start
    peak = max(peak_rss() - before, 0)
    gc.enable()
    assert document
    return {"seconds": seconds, "read_seconds": read, "peak": peak}


def child(kind: str, args: list[str]) -> dict[str, Any]:
    if kind in ("import", "command"):
        return _child_import(kind, Path(args[0]), Path(args[1]))
    if kind == "open":
        return _child_open(Path(args[0]))
    if kind == "parse":
        return _child_parse(Path(args[0]))
    raise SystemExit(f"unknown child {kind}")


# -- the run ------------------------------------------------------------------------------


def _best(args: list[str], repeat: int, script: str = __file__) -> dict[str, Any]:
    runs = [run_child(script, args) for _ in range(repeat)]
    return min(runs, key=lambda run: run["seconds"])


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def _gunzip_to(path: Path, out: Path) -> None:
    with gzip.open(path, "rb") as source, out.open("wb") as target:
        shutil.copyfileobj(source, target, 4 * 1024 * 1024)


def _gzip_to(path: Path, out: Path) -> None:
    with path.open("rb") as source, gzip.open(out, "wb", compresslevel=6) as target:
        shutil.copyfileobj(source, target, 4 * 1024 * 1024)


def _open_figures(model: Path, plain: Path, repeat: int) -> dict[str, Any]:
    opened = _best(["open", str(model)], repeat)
    parsed = _best(["parse", str(plain)], repeat)
    return {"open": opened, "parse": parsed}


def measure(size: int, scratch: Path, use_gzip: bool, repeat: int) -> dict[str, Any]:
    source = scratch / f"acled-{size}.csv"
    if not source.exists():
        bench_import.make_acled_csv(source, size)
    out = scratch / f"acled-{size}.model.json{'.gz' if use_gzip else ''}"
    out.unlink(missing_ok=True)
    baseline = _best(["csv", str(source)], repeat, bench_import.__file__)
    imported = _best(["import", str(source), str(out)], repeat)
    command = run_child(__file__, ["command", str(source), str(out)])
    result: dict[str, Any] = {
        "rows": size,
        "csv_bytes": source.stat().st_size,
        "model_bytes": out.stat().st_size,
        "model_is_gzip": _is_gzip(out),
        "csv": baseline,
        "import": imported,
        "command": command,
    }
    plain = out
    if result["model_is_gzip"]:
        plain = scratch / f"acled-{size}.plain.json"
        _gunzip_to(out, plain)
    result["json_bytes"] = plain.stat().st_size
    result.update(_open_figures(out, plain, repeat))
    if not result["model_is_gzip"]:
        zipped = scratch / f"acled-{size}.gzipped-here.json.gz"
        start = time.perf_counter()
        _gzip_to(out, zipped)
        result["gzipped_here"] = {
            "bytes": zipped.stat().st_size,
            "gzip_seconds": time.perf_counter() - start,
            **_open_figures(zipped, plain, repeat),
        }
        zipped.unlink()
    if plain != out:
        plain.unlink()
    return result


def _x(value: float, target: float) -> str:
    return f"{value:.2f} ({'met' if value <= target else 'missed'}, ≤ {target})"


def report(result: dict[str, Any]) -> None:
    mb = 1e6
    rows, csv_bytes = result["rows"], result["csv_bytes"]
    import_x = result["import"]["seconds"] / result["csv"]["seconds"]
    command_x = result["command"]["seconds"] / result["csv"]["seconds"]
    print(f"\n{rows:,} ACLED rows, export {csv_bytes / mb:,.0f} MB")
    print("| figure | this run | baseline | × (target) |")
    print("|---|---:|---:|---|")
    kind = "gzip" if result["model_is_gzip"] else "plain JSON"
    print(
        f"| model file on disk ({kind}) | {result['model_bytes'] / mb:,.0f} MB "
        f"| export {csv_bytes / mb:,.0f} MB | {_x(result['model_bytes'] / csv_bytes, 0.6)} |"
    )
    print(
        f"| import (`import_acled`) | {result['import']['seconds']:.2f} s "
        f"| csv.reader {result['csv']['seconds']:.2f} s | {_x(import_x, 5.0)} |"
    )
    print(
        f"| import (the command) | {result['command']['seconds']:.2f} s "
        f"| csv.reader {result['csv']['seconds']:.2f} s | {_x(command_x, 5.0)} |"
    )
    _report_open("", result, result["json_bytes"])
    zipped = result.get("gzipped_here")
    if zipped is not None:
        print(
            f"| the JSON gzipped here (level 6, {zipped['gzip_seconds']:.1f} s) "
            f"| {zipped['bytes'] / mb:,.0f} MB | export {csv_bytes / mb:,.0f} MB "
            f"| {_x(zipped['bytes'] / csv_bytes, 0.6)} |"
        )
        _report_open("gzipped here: ", zipped, result["json_bytes"])


def _report_open(label: str, figures: dict[str, Any], json_bytes: int) -> None:
    mb = 1e6
    opened, parsed = figures["open"], figures["parse"]
    print(
        f"| {label}open (`load_timeline`, {opened['events']:,} events; reading "
        f"alone {opened['read_seconds']:.2f} s) "
        f"| {opened['seconds']:.2f} s | orjson.loads {parsed['seconds']:.2f} s "
        f"({json_bytes / mb:,.0f} MB of JSON) | {_x(opened['seconds'] / parsed['seconds'], 3.0)} |"
    )
    print(
        f"| {label}open, peak memory | {opened['peak'] / mb:,.0f} MB "
        f"| orjson.loads {parsed['peak'] / mb:,.0f} MB "
        f"| {_x(opened['peak'] / parsed['peak'], 1.2)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(str(size) for size in FULL_SIZES))
    parser.add_argument("--gzip", action="store_true", help="import to acled-N.json.gz")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scratch", type=Path, help="keep the exports here between runs")
    parser.add_argument("--quick", action="store_true", help="2,000 rows, once")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1:])))
        return
    sizes = QUICK_SIZES if args.quick else [int(size) for size in args.sizes.split(",")]
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        scratch = args.scratch or Path(folder)
        scratch.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            repeat = 1 if args.quick or size >= ONCE_FROM else args.repeat
            result = measure(size, scratch, args.gzip, repeat)
            results[str(size)] = result
            report(result)
            if args.json:
                args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
