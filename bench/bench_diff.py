"""Comparing two versions of a timeline (``timeline-viewer diff``), against loading one.

    python -m bench.bench_diff [N] [--repeat 3] [--json OUT]

A timeline of N events (default 1,000,000) is made with ``bench/make_timeline.py``
(seeded) and written as OLD; NEW is the same with about 1% of its events and
quotes changed (a title, a date, a status, a participant more, a summary, a
quote's text), 0.1% of the events removed (with their quotes) and as many
added. Then, in a fresh process that has imported the app's code before it
starts the clock:

* the baseline, "load": OLD loaded (``load_timeline``, as every command loads
  a file);
* "diff": ``diff_timelines(OLD, NEW)`` with both loaded (not timed): what
  ``timeline-viewer diff`` does after loading its two files;
* "fingerprints": every event's fingerprint of NEW (``event_fingerprints``),
  what a store of the events' content hashes would compute once per file;
* what the window does for "what changed since you last looked": OLD kept as
  seen ("mark seen", ``SeenStore.mark_seen``), read back ("read seen") and
  compared with NEW's events ("changes"); and the size of what is kept.

Each figure is the best of ``--repeat`` processes, and reported as seconds and
as a ratio against the load of the same process.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_timeline import make_timeline  # noqa: E402
from processes import run_child  # noqa: E402

#: The share of events (and of quotes) changed, and of events removed and added.
CHANGED = 0.01
REMOVED = 0.001


def changed_copy(data: dict[str, Any], seed: int = 7) -> tuple[dict[str, Any], dict[str, int]]:
    """NEW: ``data`` (not changed) with some events and quotes changed, removed and
    added, and how many of each."""
    rng = random.Random(seed)
    events = [dict(event) for event in data["events"]]
    quotes = [dict(quote) for quote in data["quotes"]]
    actors = [actor["id"] for actor in data["actors"]]
    changed = rng.sample(range(len(events)), max(1, int(len(events) * CHANGED)))
    for n, row in enumerate(changed):
        event = events[row]
        match n % 5:
            case 0:
                event["title"] += " (korrigiert)"
            case 1:
                event["date"] = dict(event["date"], note="laut zweiter Quelle")
            case 2:
                event["status"] = "announced" if event["status"] == "occurred" else "occurred"
            case 3:
                event["participants"] = sorted({*event["participants"], rng.choice(actors)})
                event["summary"] += " Nachgetragen."
            case _:
                event["summary"] = "Neu geschrieben."
    quote_rows = rng.sample(range(len(quotes)), max(1, int(len(quotes) * CHANGED)))
    for row in quote_rows:
        quotes[row]["text"] += " (gekürzt)"
    unchanged = sorted(set(range(len(events))) - set(changed))
    gone = {events[row]["id"] for row in rng.sample(unchanged, max(1, int(len(events) * REMOVED)))}
    kept = [event for event in events if event["id"] not in gone]
    kept_quotes = [quote for quote in quotes if quote["event"] not in gone]
    added = [
        dict(events[row], id=f"added-{i}", title=f"Neues Ereignis {i}")
        for i, row in enumerate(rng.sample(unchanged, len(gone)))
    ]
    counts = {
        "events changed": len(changed),
        "events removed": len(gone),
        "events added": len(added),
        "quotes changed": len(quote_rows),
        "quotes removed": len(quotes) - len(kept_quotes),
    }
    return dict(data, events=kept + added, quotes=kept_quotes), counts


def child(old: Path, new: Path) -> dict[str, Any]:
    from viewer.domain.changes import diff_records, diff_timelines, event_fingerprints
    from viewer.domain.model import Event
    from viewer.persistence.model_file import load_timeline
    from viewer.persistence.seen_store import SeenStore

    start = time.perf_counter()
    before = load_timeline(old)
    load = time.perf_counter() - start
    after = load_timeline(new)
    start = time.perf_counter()
    diff = diff_timelines(before, after)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    hashes = event_fingerprints(after)
    fingerprints = time.perf_counter() - start
    assert len(hashes) == len(after.events)
    with tempfile.TemporaryDirectory() as folder:
        store = SeenStore(Path(folder), before.id)
        start = time.perf_counter()
        store.mark_seen(before)
        mark = time.perf_counter() - start
        start = time.perf_counter()
        seen = store.last_seen()
        read = time.perf_counter() - start
        assert seen is not None
        start = time.perf_counter()
        diff_records(seen[0], after.events, Event)
        changes = time.perf_counter() - start
        kept = store.path.stat().st_size
    return {
        "load": load,
        "diff": seconds,
        "fingerprints": fingerprints,
        "mark seen": mark,
        "read seen": read,
        "changes": changes,
        "seen bytes": kept,
        "found": {
            "events added": len(diff.events.added),
            "events removed": len(diff.events.removed),
            "events changed": len(diff.events.changed),
            "quotes removed": len(diff.quotes.removed),
            "quotes changed": len(diff.quotes.changed),
        },
    }


def run(size: int, repeat: int) -> dict[str, Any]:
    """Measure one size, print the table, and give back every figure."""
    with tempfile.TemporaryDirectory() as scratch:
        old, new = Path(scratch) / "old.json", Path(scratch) / "new.json"
        data = make_timeline(size)
        old.write_text(json.dumps(data), encoding="utf-8")
        changed, made = changed_copy(data)
        del data
        new.write_text(json.dumps(changed), encoding="utf-8")
        del changed
        runs = [run_child(__file__, [str(old), str(new)]) for _ in range(repeat)]
    for measured in runs:
        # Every change is found, and nothing else (a quote of a removed event is removed).
        found = measured["found"]
        assert {k: found[k] for k in made if k != "quotes changed"} == {
            k: v for k, v in made.items() if k != "quotes changed"
        }, (found, made)
    timed = ("load", "diff", "fingerprints", "mark seen", "read seen", "changes")
    best = {key: min(r[key] for r in runs) for key in timed}
    print("| events | load one file (s) | diff (s) | × load | fingerprints (s) | × load |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {size:,} | {best['load']:.2f} | {best['diff']:.2f} "
        f"| {best['diff'] / best['load']:.2f} | {best['fingerprints']:.2f} "
        f"| {best['fingerprints'] / best['load']:.2f} |"
    )
    print(f"changes made: {made}; found: {runs[0]['found']}")
    print("| what changed since last looked | s | × load |")
    print("|---|---:|---:|")
    for key in ("mark seen", "read seen", "changes"):
        print(f"| {key} | {best[key]:.2f} | {best[key] / best['load']:.2f} |")
    print(f"kept for what was seen: {runs[0]['seen bytes'] / 2**20:.1f} MiB")
    return {"size": size, "made": made, "runs": runs, "best": best}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("events", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]))))
        return
    results = run(args.events, args.repeat)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
