"""A TimelineJS slide's HTML as text, on hostile shapes, against ``html.escape``.

    python bench/bench_html.py [--size 4000000] [--quick] [--repeat 3] [--json OUT]

For each shape a text of ``--size`` characters is made (the shape over and
over) and measured in this process: :func:`viewer.importers.html_text.html_to_text`
of it, and ``html.escape`` of the same text (the baseline: linear, five
replaces over every character, in C). Time is the best of ``--repeat`` runs;
the ratio is the conversion over the baseline, so it stays about the same at
every size when the conversion is linear. The shapes: ``<`` (the issue's 4 MB
slide, all text), ``<a x='`` (a tag whose quoted value never closes), ``</a``
(an end tag never closed), ``&amp;`` (a reference at every fifth character),
``<p>x</p>`` (a tag every four characters: the most work per character
normal markup asks for) and ``<pre>`` and spaces (one ``<pre>``, then spaces
to the end but an ``x``: a run of spaces no line break ends, which the
finishing of the text once searched again from each of its spaces; 200,000
of them took 37 s). ``--quick`` (what ``bench/run.py --quick`` runs)
measures 256,000 characters once.
"""

from __future__ import annotations

import argparse
import html
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: A unit repeated to the size, or how a text of that size is made.
SHAPES: dict[str, str | Callable[[int], str]] = {
    "<": "<",
    "<a x='": "<a x='",
    "</a": "</a",
    "&amp;": "&amp;",
    "<p>x</p>": "<p>x</p>",
    "<pre> + spaces": lambda size: "<pre>" + " " * (size - 6) + "x",
}
FULL_SIZE = 4_000_000
QUICK_SIZE = 256_000


def _best(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def run(size: int, repeat: int) -> dict[str, Any]:
    """Measure every shape at ``size`` characters, print the table, give back the figures."""
    from viewer.importers.html_text import html_to_text

    results: dict[str, Any] = {}
    print(f"| HTML shape, {size:,} characters | to text (s) | html.escape (s) | × |")
    print("|---|---:|---:|---:|")
    for shape, made in SHAPES.items():
        text = made * (size // len(made)) if isinstance(made, str) else made(size)
        converted = _best(lambda text=text: html_to_text(text), repeat)  # type: ignore[misc]
        baseline = _best(lambda text=text: html.escape(text), repeat)  # type: ignore[misc]
        results[shape] = {"seconds": converted, "baseline": baseline}
        print(
            f"| `{shape}` | {converted:.3f} | {baseline:.4f} | {converted / baseline:.0f} |",
            flush=True,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=FULL_SIZE)
    parser.add_argument("--quick", action="store_true", help="256,000 characters, once")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    args = parser.parse_args()
    results = run(QUICK_SIZE if args.quick else args.size, 1 if args.quick else args.repeat)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
