"""What the user waits for, as whole processes through the public entry point
(issue 27), each beside its baseline measured in the same run.

``bench/run.py`` calls these; every run is a fresh process, a measure and its
baseline taken in turn (measure, baseline, measure, baseline, ...), and the
best of each kept. The app is the ``timeline-viewer`` console script beside
this Python (``python -m viewer`` where there is none), with a fresh
``TIMELINE_VIEWER_HOME`` and fresh XDG folders each run (a first start: no
settings, no last file, no notes) and the offscreen platform.

* first frame: ``entry_probe.py first-frame`` (``timeline-viewer`` with no
  file: the bundled timeline) against ``entry_probe.py bare``, each from the
  moment before the spawn to its frame painted;
* ``timeline-viewer --version`` and ``timeline-viewer validate`` (the bundled
  file) against ``python -c pass``: the wall time of each whole process;
* open: ``entry_probe.py open N -- FILE`` from the moment before the spawn to
  the table and the timeline painted with the file's N events, against a
  process that reads the file and parses it with ``orjson.loads``, the
  collector paused, and leaves at once (``os._exit``, as the probe does after
  its frame: neither counts freeing what it holds);
* import: ``timeline-viewer import acled FILE -o OUT`` against a process that
  reads the same file with ``csv.reader`` (as ``bench_import.py`` does), each
  whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench_import import make_acled_csv

HERE = Path(__file__).resolve().parent
PROBE = HERE / "entry_probe.py"
#: Long enough for a 1,000,000-event open on a busy machine.
TIMEOUT = 900.0
#: The rows of the ACLED export the import command is timed on (the issue's).
IMPORT_ROWS = 100_000

PARSE = """\
import gc, os, sys
import orjson
gc.disable()
with open(sys.argv[1], "rb") as handle:
    document = orjson.loads(handle.read())
assert document
sys.stdout.flush()
os._exit(0)
"""

READ_CSV = """\
import csv, sys
rows = 0
with open(sys.argv[1], encoding="utf-8-sig", newline="") as handle:
    for _row in csv.reader(handle):
        rows += 1
assert rows > 1
"""


def console_script() -> list[str]:
    """How the user starts the app: the console script pip wrote beside this Python."""
    script = Path(sys.executable).parent / "timeline-viewer"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "viewer"]


def fresh_env(home: Path) -> dict[str, str]:
    """This process's environment with the app's folders under the empty ``home``."""
    env = dict(os.environ)
    for name in ("BENCH_STARTED", "QT_SCALE_FACTOR"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TIMELINE_VIEWER_HOME"] = str(home / "home")
    for folder in ("CONFIG", "DATA", "CACHE", "STATE", "RUNTIME"):
        env[f"XDG_{folder}_HOME" if folder != "RUNTIME" else "XDG_RUNTIME_DIR"] = str(
            home / folder.lower()
        )
    (home / "runtime").mkdir(mode=0o700)
    return env


def _failed(what: Sequence[str], result: subprocess.CompletedProcess[str] | None) -> SystemExit:
    tail = "" if result is None else (result.stderr or "")[-3000:]
    code = "timed out" if result is None else f"exit {result.returncode}"
    return SystemExit(f"bench: {' '.join(what)} failed ({code}):\n{tail}")


def probe(mode: str, app_args: Sequence[str] = (), events: int = 0) -> dict[str, Any]:
    """One run of ``entry_probe.py``: its figures, ``seconds`` from before the spawn."""
    command = [sys.executable, str(PROBE), mode, *([str(events)] if mode == "open" else [])]
    command += ["--", *app_args]
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        env = fresh_env(Path(home))
        # A start that never paints gives up sooner than an open of a million events.
        env["BENCH_TIMEOUT"] = str(TIMEOUT - 30 if mode == "open" else 120)
        env["BENCH_STARTED"] = repr(time.time())
        try:
            result = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise _failed(command, None) from None
    if result.returncode != 0:
        raise _failed(command, result)
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def wall(command: Sequence[str]) -> float:
    """Seconds from the spawn of ``command`` (with fresh folders) to its exit."""
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        env = fresh_env(Path(home))
        start = time.perf_counter()
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
        seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise _failed(command, result)
    return seconds


def in_turn(runs: dict[str, Callable[[], float]], repeat: int) -> dict[str, list[float]]:
    """Each of ``runs`` ``repeat`` times, taken in turn; every time, by name."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            times[name].append(run())
    return times


def _summary(times: dict[str, list[float]]) -> dict[str, Any]:
    return {name: {"best": min(each), "runs": each} for name, each in times.items()}


def first_frame(repeat: int) -> dict[str, Any]:
    """The bundled timeline's first painted frame, and a bare window's."""
    return _summary(
        in_turn(
            {
                "app": lambda: float(probe("first-frame")["seconds"]),
                "bare": lambda: float(probe("bare")["seconds"]),
            },
            repeat,
        )
    )


def commands(repeat: int) -> dict[str, Any]:
    """``--version`` and ``validate`` against ``python -c pass``, whole processes."""
    app = console_script()
    return _summary(
        in_turn(
            {
                "version": lambda: wall([*app, "--version"]),
                "validate": lambda: wall([*app, "validate"]),
                "pass": lambda: wall([sys.executable, "-c", "pass"]),
            },
            repeat,
        )
    )


def open_file(path: Path, events: int, repeat: int) -> dict[str, Any]:
    """The file's table and timeline on screen from process start, against its parse."""
    opened: list[dict[str, Any]] = []

    def app() -> float:
        opened.append(probe("open", [str(path)], events))
        return float(opened[-1]["seconds"])

    times = in_turn(
        {"open": app, "parse": lambda: wall([sys.executable, "-c", PARSE, str(path)])}, repeat
    )
    out = _summary(times)
    out["open"]["parts"] = min(opened, key=lambda run: float(run["seconds"]))
    return out


def import_acled(rows: int, repeat: int) -> dict[str, Any]:
    """``timeline-viewer import acled`` of ``rows`` rows against ``csv.reader``."""
    app = console_script()
    with tempfile.TemporaryDirectory(prefix="bench-acled-") as scratch:
        source, out = Path(scratch) / f"acled-{rows}.csv", Path(scratch) / "out.json"

        def imported() -> float:
            seconds = wall([*app, "import", "acled", str(source), "-o", str(out)])
            out.unlink()
            return seconds

        make_acled_csv(source, rows)
        times = in_turn(
            {
                "import": imported,
                "csv": lambda: wall([sys.executable, "-c", READ_CSV, str(source)]),
            },
            repeat,
        )
    return {"rows": rows, **_summary(times)}


def print_tables(results: dict[str, Any], sizes: list[int]) -> None:
    """The whole-process open and the frames at every scale, per size, and the import
    command."""
    print(
        "| events | open: table and timeline on screen (s) | of which loaded (s) "
        "| orjson.loads process (s) | × |"
    )
    print("|---:|---:|---:|---:|---:|")
    for size in sizes:
        opened = results["open"][str(size)]
        best, parse = opened["open"]["best"], opened["parse"]["best"]
        loaded = opened["open"]["parts"].get("loaded", float("nan"))
        print(f"| {size:,} | {best:.3f} | {loaded:.3f} | {parse:.3f} | {best / parse:.2f} |")
    print()
    print(
        "| events | device pixel ratio | image | frames | median (ms) | p95 (ms) "
        "| zoom median / p95 (ms) | pan median / p95 (ms) |"
    )
    print("|---:|---:|---|---:|---:|---:|---|---|")
    for size in sizes:
        for at in results["scales"][str(size)].values():
            print(
                f"| {size:,} | {at['device_pixel_ratio']:g} | {at['image'][0]}×{at['image'][1]} "
                f"| {at['frames']} | {at['median'] * 1e3:.1f} | {at['p95'] * 1e3:.1f} "
                f"| {at['zoom_median'] * 1e3:.1f} / {at['zoom_p95'] * 1e3:.1f} "
                f"| {at['pan_median'] * 1e3:.1f} / {at['pan_p95'] * 1e3:.1f} |"
            )
    imported = results["import_command"]
    command, csv_ = imported["import"]["best"], imported["csv"]["best"]
    print()
    print(
        f"timeline-viewer import acled, {imported['rows']:,} rows, whole process: "
        f"{command:.3f} s, csv.reader process {csv_:.3f} s, {command / csv_:.2f}x"
    )
