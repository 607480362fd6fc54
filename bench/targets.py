"""Issue 27's targets, each figure of the run beside its baseline and its target.

    first frame  412 ms / bare 105 ms = 3.92x   target <= 1.5x  MISSED

:func:`issue27` turns ``bench/run.py``'s results into those lines (and the same
as data, for ``--json``). A ratio is the best run of the measure over the best
run of its baseline, both taken in turn in the same run.
"""

from __future__ import annotations

from typing import Any

#: The sizes the targets name for the open and for the frames.
OPEN_SIZES = (100_000, 1_000_000)
FRAMES_SIZE = 1_000_000
FRAMES_BASE = 1_000


def _verdict(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def ratio_row(
    name: str, value: float, base_name: str, base: float, target: float, digits: int = 0
) -> dict[str, Any]:
    """``value`` and ``base`` are seconds, shown in ms with ``digits`` decimals."""
    ratio = value / base
    line = (
        f"{name}  {value * 1e3:,.{digits}f} ms / {base_name} {base * 1e3:,.{digits}f} ms "
        f"= {ratio:.2f}x   target <= {target:g}x  {_verdict(ratio, target)}"
    )
    return {
        "measure": name,
        "value": value,
        "baseline": base_name,
        "base": base,
        "ratio": ratio,
        "target": target,
        "met": ratio <= target,
        "line": line,
    }


def frames_rows(scales: dict[str, dict[str, dict[str, Any]]], size: int) -> list[dict[str, Any]]:
    """p95 <= 8 ms and median <= 1.5x the 1,000-event median, per pixel ratio."""
    rows = []
    for ratio_name, at in sorted(scales.get(str(size), {}).items()):
        base = scales.get(str(FRAMES_BASE), {}).get(ratio_name)
        got = f"DPR {at['device_pixel_ratio']:g}"
        p95 = at["p95"]
        rows.append(
            {
                "measure": f"frames {size:,} {got} p95",
                "value": p95,
                "target_ms": 8.0,
                "met": p95 * 1e3 <= 8.0,
                "line": f"frames {size:,} events {got}  p95 {p95 * 1e3:.1f} ms   "
                f"target <= 8 ms  {_verdict(p95 * 1e3, 8.0)}",
            }
        )
        if base is not None:
            rows.append(
                ratio_row(
                    f"frames {size:,} events {got} median",
                    at["median"],
                    f"{FRAMES_BASE:,}-event median",
                    base["median"],
                    1.5,
                    digits=1,
                )
            )
    return rows


def issue27(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target's line, in the order of the issue's table."""
    rows: list[dict[str, Any]] = []
    frame = results["startup"]
    rows.append(ratio_row("first frame", frame["app"]["best"], "bare", frame["bare"]["best"], 1.5))
    cmds = results["commands"]
    base = cmds["pass"]["best"]
    rows.append(ratio_row("--version", cmds["version"]["best"], "python -c pass", base, 3.0))
    rows.append(ratio_row("validate", cmds["validate"]["best"], "python -c pass", base, 5.0))
    for size, opened in sorted(results.get("open", {}).items(), key=lambda kv: int(kv[0])):
        rows.append(
            ratio_row(
                f"open {int(size):,} events, table and timeline on screen",
                opened["open"]["best"],
                "orjson.loads process",
                opened["parse"]["best"],
                2.5,
            )
        )
        if int(size) not in OPEN_SIZES:  # beside the others, for the fixed costs
            row = rows[-1]
            row["met"] = None
            row["line"] = row["line"].rsplit("  ", 1)[0] + "  (not a size the target names)"
    scales = results.get("scales", {})
    sizes = sorted(int(size) for size in scales)
    frames_size = FRAMES_SIZE if FRAMES_SIZE in sizes else (sizes[-1] if sizes else FRAMES_SIZE)
    rows += frames_rows(scales, frames_size)
    imported = results.get("import_command")
    if imported:
        rows.append(
            ratio_row(
                f"import acled {imported['rows']:,} rows",
                imported["import"]["best"],
                "csv.reader process",
                imported["csv"]["best"],
                4.0,
            )
        )
    return rows


def print_table(rows: list[dict[str, Any]], quick: bool) -> None:
    print("Issue 27's targets (whole processes through the public entry point):")
    if quick:
        print("(--quick: small sizes, not the sizes the targets name; the probes are exercised)")
    for row in rows:
        print("  " + row["line"], flush=True)
