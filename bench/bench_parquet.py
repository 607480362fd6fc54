"""The same events as Parquet, through pyarrow: size and read time (issue 26's question).

    SCRATCH/bin/python bench/bench_parquet.py MODEL.json [--repeat 3] [--json OUT]

pyarrow is not a dependency of the app: run this with a Python that has
``pyarrow`` and ``orjson`` (a scratch venv: ``python -m venv SCRATCH &&
SCRATCH/bin/pip install pyarrow orjson``). The model file (plain JSON, as
``bench_million.py`` leaves it with ``--scratch``) is written as one Parquet
file: its events as a table (nested columns: dates, lists of ids, coordinates,
as pyarrow infers them), everything else (actors, sources, header) as JSON in
the file's metadata. Two compressions: zstd (level 3) and snappy. Then, each
in a fresh process, best of ``--repeat``:

* ``orjson.loads`` of the model file with the collector paused (the baseline
  of ``bench_million.py``), the file's reading timed with it, as
  ``read_table``'s is;
* ``pyarrow.parquet.read_table``: the columns in Arrow's memory, no Python
  object per event;
* ``read_table`` and ``to_pylist``: a dict per event, what a decoder of the
  JSON gives.

Peak memory is the process's peak resident size over what it held before it
read the file (``VmHWM``, reset before).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from processes import peak_rss, reset_peak, rss_now, run_child  # noqa: E402


def write_parquet(model: Path, out: Path, compression: str) -> float:
    import orjson
    import pyarrow as pa
    import pyarrow.parquet as pq

    start = time.perf_counter()
    document = orjson.loads(model.read_bytes())
    events = document.pop("events")
    table = pa.Table.from_pylist(events)
    table = table.replace_schema_metadata({"timeline": orjson.dumps(document)})
    pq.write_table(
        table,
        out,
        compression=compression,
        compression_level=3 if compression == "zstd" else None,
    )
    return time.perf_counter() - start


def child(kind: str, path: Path) -> dict[str, Any]:
    import orjson
    import pyarrow.parquet as pq

    gc.collect()
    before = rss_now()
    reset_peak()
    start = time.perf_counter()
    if kind == "parse":
        data = path.read_bytes()
        gc.disable()
        result: Any = orjson.loads(data)
        count = len(result["events"])
    else:
        table = pq.read_table(path)
        count = table.num_rows
        if kind == "pylist":
            gc.disable()
            result = table.to_pylist()
    seconds = time.perf_counter() - start
    peak = max(peak_rss() - before, 0)
    gc.enable()
    return {"seconds": seconds, "peak": peak, "events": count}


def _best(kind: str, path: Path, repeat: int) -> dict[str, Any]:
    runs = [run_child(__file__, [kind, str(path)]) for _ in range(repeat)]
    return min(runs, key=lambda run: run["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model", type=Path, nargs="?")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    import pyarrow

    mb = 1e6
    model: Path = args.model
    parse = _best("parse", model, args.repeat)
    results: dict[str, Any] = {"pyarrow": pyarrow.__version__, "json_bytes": model.stat().st_size}
    results["parse"] = parse
    json_mb = model.stat().st_size / mb
    print(f"pyarrow {pyarrow.__version__}; {parse['events']:,} events, JSON {json_mb:,.0f} MB")
    print("| file | MB | read | s | × orjson.loads | peak MB | × orjson's |")
    print("|---|---:|---|---:|---:|---:|---:|")
    print(
        f"| JSON | {json_mb:,.0f} | orjson.loads | {parse['seconds']:.2f} | 1.00 "
        f"| {parse['peak'] / mb:,.0f} | 1.00 |"
    )
    for compression in ("zstd", "snappy"):
        out = model.with_suffix(f".{compression}.parquet")
        written = write_parquet(model, out, compression)
        size = out.stat().st_size
        results[compression] = {"bytes": size, "write_seconds": written}
        for kind in ("table", "pylist"):
            figures = _best(kind, out, args.repeat)
            results[compression][kind] = figures
            print(
                f"| Parquet, {compression} | {size / mb:,.0f} | "
                f"{'read_table' if kind == 'table' else 'read_table + to_pylist'} "
                f"| {figures['seconds']:.2f} | {figures['seconds'] / parse['seconds']:.2f} "
                f"| {figures['peak'] / mb:,.0f} | {figures['peak'] / parse['peak']:.2f} |",
                flush=True,
            )
        out.unlink()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
