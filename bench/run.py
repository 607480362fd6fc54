"""The benchmark suite: every figure beside a baseline measured in the same run.

    python bench/run.py [--sizes 1000,10000,100000,1000000] [--quick] [--json OUT]

Run from the repository root with the project installed. For each size a
timeline is made with ``bench/make_timeline.py`` (seeded) and measured:

* load, file to drawable (parse, validate, index, one fit-all layout), in a
  fresh process, against ``orjson.loads`` of the same bytes with the collector
  paused, in another fresh process; with each process's peak memory (RSS)
  while loading and the memory it keeps once loaded (after a collection);
* frames: paint time of the timeline widget at 1920x1080 over a scripted
  sequence of pan and zoom steps from fit-all down to hours (median and 95th
  percentile), against the same sequence on the 1,000-event timeline and
  against a floor taken over the same steps in the same process (the events in
  view counted per pixel column with one ``numpy.bincount``, one picture of
  the counts painted over the image: what no frame can go below); the
  same sequence again with every other event found, and with lanes by actor,
  by tag and by place (not with ``--quick``), each against the lanes by kind
  in the same process;
  and making the lanes by actor and by tag (``lanes_index``) against making
  the time index (``event_index``);
* hit test: position to event, per call;
* select far away: select the last event while zoomed into the first, until it
  is revealed and painted;
* find: building the text index, then four queries to their first and to all
  their results;
* import: an ACLED export of 100,000 and 1,000,000 rows into a model file,
  against ``csv.reader`` over the same file (``bench/bench_import.py``);
* layers: a timeline of 100,000 and 1,000,000 events added over the bundled
  one, against opening the same file alone (``bench/bench_layers.py``);
* HTML: a TimelineJS slide's HTML of 4,000,000 characters, in hostile shapes,
  to text, against ``html.escape`` of the same text (``bench/bench_html.py``).

What the user waits for is measured as whole processes through the public
entry point, the ``timeline-viewer`` console script (``bench/entry.py``, with
``bench/entry_probe.py`` watching the app's paints without a hook in the
app), each beside a baseline taken in turn with it: the first painted frame
of the bundled timeline against a bare QMainWindow's; ``--version`` and
``validate`` against ``python -c pass``; each timeline of the run opened from
process start until its table and timeline are painted, against a process
parsing it with ``orjson.loads``; and ``import acled`` of 100,000 rows against
a process reading it with ``csv.reader``. Frames at every scale (a pan each
way after each zoom step) are timed at a device pixel ratio of 1 and of 2
(``bench/frames_dpr.py``). The run ends with issue 27's targets, each figure
beside its baseline and its target (``bench/targets.py``).

``--quick`` runs 1,000 and 10,000 events with a shorter sequence, adds 10,000
events, imports 2,000 ACLED rows and converts 256,000 characters of HTML, and
still runs every probe (CI runs it so the suite cannot rot). No figure is
asserted anywhere.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import importlib.util
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_html  # noqa: E402
import bench_import  # noqa: E402
import bench_layers  # noqa: E402
import entry  # noqa: E402
import frames_dpr  # noqa: E402
import targets  # noqa: E402
from make_timeline import make_timeline  # noqa: E402
from processes import rss_now, run_child  # noqa: E402

if TYPE_CHECKING:
    from viewer.timeline.lanes import LaneFacet

WIDTH, HEIGHT = 1920, 1080
#: The facets whose lanes the frames are timed with, beside the kinds' (with
#: ``--quick``, not by place: a lane per place is some thousand lanes).
FACETS = ("actor", "tag", "place")
QUICK_FACETS = ("actor", "tag")


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# -- children: one measurement each, in a fresh process -------------------------------


def child_parse(path: Path) -> dict[str, float]:
    import orjson

    data = path.read_bytes()
    before = rss_now()
    gc.disable()
    start = time.perf_counter()
    document = orjson.loads(data)
    seconds = time.perf_counter() - start
    gc.enable()
    gc.collect()
    kept = rss_now() - before
    assert document
    return {"seconds": seconds, "peak": _peak_rss() - before, "kept": kept}


def child_load(path: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont, QFontMetricsF
    from PySide6.QtWidgets import QApplication

    from viewer.persistence.model_file import load_timeline
    from viewer.timeline.layout import GUTTER
    from viewer.ui.timeline.render import TimelineRenderer

    app = QApplication.instance() or QApplication([])
    # Qt's font database is read the first time text is measured, whatever
    # the timeline: it is the app's cost, not the timeline's, so it comes first.
    QFontMetricsF(QFont()).horizontalAdvance("Ereignis 0")
    before = rss_now()
    start = time.perf_counter()
    timeline = load_timeline(path)
    renderer = TimelineRenderer(timeline)
    extent = renderer.index.extent()
    assert extent is not None
    renderer.layout(extent[0], (extent[1] - extent[0]) / (WIDTH - GUTTER), WIDTH)
    seconds = time.perf_counter() - start
    gc.collect()
    kept = rss_now() - before
    del app
    return {"seconds": seconds, "peak": _peak_rss() - before, "kept": kept}


def child_frames(path: Path, steps: int, facets: tuple[str, ...] = FACETS) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from viewer.persistence.model_file import load_timeline
    from viewer.timeline.lanes import LaneFacet
    from viewer.ui.document.selection import Selection
    from viewer.ui.timeline.view import TimelineView

    app = QApplication.instance() or QApplication([])
    selection = Selection()
    view = TimelineView(selection)
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    timeline = load_timeline(path)
    indexes = _time_lanes_index(timeline)
    view.set_timeline(timeline)
    view.fit_all()
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)

    #: Each frame's layout and paint, apart (the last journey's).
    parts: dict[str, list[float]] = {"layout": [], "paint": []}

    def frame() -> float:
        start = time.perf_counter()
        view.current_layout()
        laid_out = time.perf_counter()
        view.viewport().render(image)
        end = time.perf_counter()
        parts["layout"].append(laid_out - start)
        parts["paint"].append(end - laid_out)
        return end - start

    frame()
    starts = view.renderer.index.starts
    columns = view.viewport().width()

    def floor() -> float:
        """The least a frame can cost: the events in view counted per pixel column
        (one ``numpy.bincount``) and one picture of the counts painted over the
        whole image; no layout, no marks, no labels."""
        start = time.perf_counter()
        t0, spp = view.t0, view.seconds_per_px
        lo, hi = starts.searchsorted((t0, t0 + spp * columns)).tolist()
        column = ((starts[lo:hi] - t0) / spp).astype(np.intp)
        counts = np.bincount(column, minlength=columns)[:columns]
        row = np.ascontiguousarray(np.where(counts > 0, 0xFF336699, 0xFFFFFFFF).astype(np.uint32))
        strip = QImage(row.data, columns, 1, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.fillRect(image.rect(), QColor("white"))
        painter.drawImage(image.rect(), strip)
        painter.end()
        return time.perf_counter() - start

    def journey(step: Callable[[], float] = frame) -> list[float]:
        """Zoom from fit-all down to hours around the middle, panning as a reader does."""
        view.fit_all()
        parts["layout"], parts["paint"] = [], []
        times = []
        fitted = view.seconds_per_px
        zoom_steps = steps // 2
        factor = (fitted / (3600 / 50)) ** (1 / zoom_steps)  # ends at 50 px per hour
        for i in range(steps):
            if i < zoom_steps:
                view.zoom(factor)
            else:
                view.pan_pixels(120 if (i // 20) % 2 else -120)
            times.append(step())
        return sorted(times)

    floors = journey(floor)
    times = journey()
    split = {part: _p95(sorted(each)) for part, each in parts.items()}
    layout = view.current_layout()
    points = [item.glyph for item in layout.items()][:200] or [QPointF(WIDTH / 2, 100)]
    start = time.perf_counter()
    for point in points:
        view.item_at(QPointF(point.x(), point.y() - view.verticalScrollBar().value()))
    hit = (time.perf_counter() - start) / len(points)
    view.fit_all()
    index = view.renderer.index
    view.zoom_to(index.starts[0], index.starts[0] + 3600)
    start = time.perf_counter()
    selection.select(index.last())
    frame()
    reveal = time.perf_counter() - start
    # The same journey with every other event a Find match (each marked).
    selection.select(None)
    view.set_find_marks(np.arange(0, len(index), 2, dtype=np.int64))
    marked = journey()
    view.set_find_marks(None)
    # The same journey with lanes by each other facet (View > Lanes by), the
    # lanes made before it starts, as when the reader switches.
    by_facet: dict[str, dict[str, float]] = {}
    for facet in facets:
        _lanes_by(view, LaneFacet(facet))
        frame()
        journeyed = journey()
        by_facet[facet] = {
            "median": statistics.median(journeyed),
            "p95": _p95(journeyed),
            "lanes": len(view.renderer.index.lanes),
            "layout_p95": _p95(sorted(parts["layout"])),
            "paint_p95": _p95(sorted(parts["paint"])),
        }
    _lanes_by(view, LaneFacet.KIND)
    return {
        "median": statistics.median(times),
        "p95": _p95(times),
        "floor_median": statistics.median(floors),
        "floor_p95": _p95(floors),
        "hit": hit,
        "reveal": reveal,
        "marked_median": statistics.median(marked),
        "marked_p95": _p95(marked),
        "steps": steps,
        "lanes": len(index.lanes),
        "layout_p95": split["layout"],
        "paint_p95": split["paint"],
        "by_facet": by_facet,
        "lanes_index": indexes,
    }


def _lanes_by(view: Any, facet: LaneFacet) -> None:
    """Lanes by ``facet`` in ``view``, as View > Lanes sets them."""
    from viewer.timeline.lanes import LaneChoice

    view.set_lanes(LaneChoice(facet))


def _time_lanes_index(timeline: Any) -> dict[str, float]:
    """Seconds to make the time index (``event_index``, the baseline, made once
    and then kept), then the lanes by actor and by tag from it: the first time
    (the facet's rows per value found in the records) and again (a filter's
    or an order's change), each the best of three but the first."""
    from viewer.timeline.index import EventIndex, event_index
    from viewer.timeline.lanes import LaneFacet, lanes_index

    start = time.perf_counter()
    event_index(timeline)
    out = {"event_index": time.perf_counter() - start}
    out["event_index_again"] = min(_seconds(lambda: EventIndex(timeline.events)) for _ in range(3))
    for facet in (LaneFacet.ACTOR, LaneFacet.TAG):
        out[f"{facet}_first"] = _seconds(lambda f=facet: lanes_index(timeline, None, f))
        again = [_seconds(lambda f=facet: lanes_index(timeline, None, f)) for _ in range(3)]
        out[f"{facet}_again"] = min(again)
    return out


def _seconds(call: Any) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _p95(times: list[float]) -> float:
    """The 95th percentile of sorted ``times``."""
    return times[min(len(times) - 1, int(len(times) * 0.95))]


def child_search(path: Path) -> dict[str, Any]:
    """Find: building the text index once, then queries, to the first results and to all."""
    from viewer.persistence.model_file import load_timeline
    from viewer.timeline.search import TextIndex, query_words, search_all

    timeline = load_timeline(path)
    before = rss_now()
    index = TextIndex(timeline)
    start = time.perf_counter()
    for _share in index.build():
        pass
    build = time.perf_counter() - start
    gc.collect()
    kept = rss_now() - before
    middle = timeline.events.title(len(timeline.events) // 2)
    queries = {
        "title": middle,  # a whole title: every word must match, one event or a few
        "common": middle.split()[0],  # a word nearly every event has
        "quote": "aussage",  # in the quotes only
        "none": "qqqqzz",  # no match: the whole text is read
    }
    measured: dict[str, Any] = {"build": build, "kept": kept, "queries": {}}
    for name, query in queries.items():
        words = query_words(query)
        firsts, alls = [], []
        for _ in range(3):
            start = time.perf_counter()
            next(index.search(words), None)
            firsts.append(time.perf_counter() - start)
            start = time.perf_counter()
            rows = search_all(index, words)
            alls.append(time.perf_counter() - start)
        measured["queries"][name] = {
            "query": query,
            "first": min(firsts),
            "all": min(alls),
            "matches": len(rows),
        }
    return measured


def _child(args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    return run_child(__file__, args, env)


def _compile_viewer() -> None:
    """Write the app's bytecode, as ``pip install`` does.

    Run from a source tree with ``PYTHONDONTWRITEBYTECODE`` set (as on the
    development machines), every start would compile the app from source while
    PySide6, numpy and pydantic load from their bytecode: that measures the
    compiler, not the app an installed user starts.
    """
    spec = importlib.util.find_spec("viewer")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)


def _scales(path: Path, steps: int) -> dict[str, dict[str, Any]]:
    """Frames at every scale at each device pixel ratio (``frames_dpr``), each a child."""
    out = {}
    for ratio, extra in frames_dpr.RATIOS.items():
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
        if not extra:
            env.pop("QT_SCALE_FACTOR", None)
        out[ratio] = _child(["scales", str(path), str(steps)], env)
        if out[ratio]["device_pixel_ratio"] != float(ratio):
            print(
                f"warning: asked for a device pixel ratio of {ratio}, the child had "
                f"{out[ratio]['device_pixel_ratio']:g}",
                flush=True,
            )
    return out


def _best(args: list[str], repeat: int) -> dict[str, Any]:
    runs = [_child(args) for _ in range(repeat)]
    return min(runs, key=lambda run: run["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 events, briefly")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "parse":
            out: dict[str, Any] = child_parse(Path(rest[0]))
        elif kind == "load":
            out = child_load(Path(rest[0]))
        elif kind == "scales":
            out = frames_dpr.child_scales(Path(rest[0]), int(rest[1]))
        elif kind == "search":
            out = child_search(Path(rest[0]))
        else:
            out = child_frames(Path(rest[0]), int(rest[1]), tuple(rest[2].split(",")))
        print(json.dumps(out))
        return
    sizes = [1000, 10000] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeat = 1 if args.quick else 3
    steps = 40 if args.quick else 200
    results: dict[str, Any] = {"machine": os.uname().machine, "cores": os.cpu_count()}
    _compile_viewer()
    results["startup"] = entry.first_frame(repeat)
    app, bare = results["startup"]["app"]["best"], results["startup"]["bare"]["best"]
    print(
        f"startup to first frame (timeline-viewer, the bundled timeline): {app * 1e3:.0f} ms, "
        f"bare window {bare * 1e3:.0f} ms, {app / bare:.2f}x",
        flush=True,
    )
    results["commands"] = entry.commands(repeat)
    print(
        "whole processes: "
        + ", ".join(
            f"{name} {results['commands'][key]['best'] * 1e3:.0f} ms"
            for name, key in (
                ("timeline-viewer --version", "version"),
                ("timeline-viewer validate", "validate"),
                ("python -c pass", "pass"),
            )
        ),
        flush=True,
    )
    print()
    print(
        "| events | load (s) | orjson (s) | × | peak MB | orjson peak MB | × | kept MB "
        "| orjson kept MB | × | frame median (ms) | p95 (ms) | hit (ms) | reveal (ms) |"
    )
    print("|---:|" + "---:|" * 13)
    searches: list[tuple[int, dict[str, Any]]] = []
    results["open"], results["scales"] = {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            path = Path(scratch) / f"{size}.json"
            path.write_text(json.dumps(make_timeline(size), ensure_ascii=False), encoding="utf-8")
            parse = _best(["parse", str(path)], repeat)
            load = _best(["load", str(path)], repeat)
            facets = ",".join(QUICK_FACETS if args.quick else FACETS)
            frames = _child(["frames", str(path), str(steps), facets])
            search = _child(["search", str(path)])
            results[str(size)] = {"parse": parse, "load": load, "frames": frames, "search": search}
            results["open"][str(size)] = entry.open_file(path, size, repeat)
            results["scales"][str(size)] = _scales(path, steps)
            searches.append((size, search))
            mb = 1e6
            print(
                f"| {size:,} | {load['seconds']:.3f} | {parse['seconds']:.3f} "
                f"| {load['seconds'] / parse['seconds']:.1f} "
                f"| {load['peak'] / mb:.0f} | {parse['peak'] / mb:.0f} "
                f"| {load['peak'] / max(parse['peak'], 1):.1f} "
                f"| {load['kept'] / mb:.0f} | {parse['kept'] / mb:.0f} "
                f"| {load['kept'] / max(parse['kept'], 1):.1f} "
                f"| {frames['median'] * 1e3:.1f} | {frames['p95'] * 1e3:.1f} "
                f"| {frames['hit'] * 1e3:.3f} | {frames['reveal'] * 1e3:.0f} |",
                flush=True,
            )
    print()
    print("| events | frame median, half the events found (ms) | p95 (ms) | × plain median |")
    print("|---:|---:|---:|---:|")
    for size in sizes:
        frames = results[str(size)]["frames"]
        print(
            f"| {size:,} | {frames['marked_median'] * 1e3:.1f} | {frames['marked_p95'] * 1e3:.1f} "
            f"| {frames['marked_median'] / frames['median']:.2f} |"
        )
    print()
    print(
        "| events | lanes by | lanes | frame median (ms) | p95 (ms) "
        "| × by kind, median | × by kind, p95 | layout p95 (ms) | paint p95 (ms) "
        "| × floor, median | × floor, p95 |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        frames = results[str(size)]["frames"]
        keys = ("median", "p95", "lanes", "layout_p95", "paint_p95")
        facets = {"kind": {k: frames[k] for k in keys}}
        for facet, by in {**facets, **frames["by_facet"]}.items():
            print(
                f"| {size:,} | {facet} | {by['lanes']:,} | {by['median'] * 1e3:.1f} "
                f"| {by['p95'] * 1e3:.1f} | {by['median'] / frames['median']:.2f} "
                f"| {by['p95'] / frames['p95']:.2f} | {by['layout_p95'] * 1e3:.1f} "
                f"| {by['paint_p95'] * 1e3:.1f} | {by['median'] / frames['floor_median']:.1f} "
                f"| {by['p95'] / frames['floor_p95']:.1f} |"
            )
    print()
    print("| events | floor median (ms) | floor p95 (ms) |")
    print("|---:|---:|---:|")
    for size in sizes:
        frames = results[str(size)]["frames"]
        print(
            f"| {size:,} | {frames['floor_median'] * 1e3:.1f} | {frames['floor_p95'] * 1e3:.1f} |"
        )
    print()
    print(
        "| events | event_index (ms) | by actor, first (ms) | × | again (ms) | × "
        "| by tag, first (ms) | × | again (ms) | × |"
    )
    print("|---:|" + "---:|" * 9)
    for size in sizes:
        made = results[str(size)]["frames"]["lanes_index"]
        base = made["event_index"]
        cells = " | ".join(
            f"{made[key] * 1e3:.0f} | {made[key] / base:.2f}"
            for key in ("actor_first", "actor_again", "tag_first", "tag_again")
        )
        print(f"| {size:,} | {base * 1e3:.0f} | {cells} |")
    print()
    print(
        "| events | index built (s) | index MB | first results, worst query (ms) "
        "| all results, worst query (ms) | queries |"
    )
    print("|---:|---:|---:|---:|---:|---|")
    for size, search in searches:
        queries = search["queries"]
        worst_first = max(q["first"] for q in queries.values())
        worst_all = max(q["all"] for q in queries.values())
        described = ", ".join(
            f"{name} {q['first'] * 1e3:.1f}/{q['all'] * 1e3:.0f} ms ({q['matches']:,})"
            for name, q in queries.items()
        )
        print(
            f"| {size:,} | {search['build']:.2f} | {search['kept'] / 1e6:.0f} "
            f"| {worst_first * 1e3:.1f} | {worst_all * 1e3:.0f} | {described} |"
        )
    print()
    import_sizes = bench_import.QUICK_SIZES if args.quick else bench_import.FULL_SIZES
    results["import"] = bench_import.run(import_sizes, repeat)
    rows = bench_import.QUICK_SIZES[0] if args.quick else entry.IMPORT_ROWS
    results["import_command"] = entry.import_acled(rows, repeat)
    print()
    entry.print_tables(results, sizes)
    print()
    layer_sizes = bench_layers.QUICK_SIZES if args.quick else bench_layers.FULL_SIZES
    results["layers"] = bench_layers.run(layer_sizes, repeat)
    print()
    html_size = bench_html.QUICK_SIZE if args.quick else bench_html.FULL_SIZE
    results["html"] = bench_html.run(html_size, repeat)
    results["issue27"] = targets.issue27(results)
    results["load_average"] = os.getloadavg()
    print()
    targets.print_table(results["issue27"], args.quick)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
