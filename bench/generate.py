"""Synthetic model files for benchmarks: N events over ten years, with actors and quotes.

python -m bench.generate 100000 -o /tmp/100k.json
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

KINDS = ["call", "attack", "talks", "meeting", "statement", "proposal", "sanctions", "other"]
STATUSES = ["occurred"] * 8 + ["announced", "proposed", "demanded"]


def _date(rng: random.Random, base: datetime) -> dict[str, Any]:
    moment = base + timedelta(minutes=rng.randrange(10 * 365 * 24 * 60))
    roll = rng.random()
    if roll < 0.6:
        return {"precision": "day", "start": moment.strftime("%Y-%m-%d")}
    if roll < 0.8:
        end = moment + timedelta(days=rng.randrange(1, 5))
        return {
            "precision": "day",
            "start": moment.strftime("%Y-%m-%d"),
            "end": end.strftime("%Y-%m-%d"),
            "approximate": rng.random() < 0.5,
        }
    if roll < 0.95:
        return {"precision": "minute", "start": moment.strftime("%Y-%m-%dT%H:%M+00:00")}
    return {"precision": "month", "start": moment.strftime("%Y-%m"), "approximate": True}


def generate(events: int, seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    base = datetime(2015, 1, 1, tzinfo=UTC)
    actors = [
        {"id": f"a{i}", "kind": "person", "name": f"Person {i}", "role": "Rolle"}
        for i in range(max(events // 100, 10))
    ]
    out_events = []
    quotes = []
    for i in range(events):
        participants = sorted({f"a{rng.randrange(len(actors))}" for _ in range(3)})
        out_events.append(
            {
                "id": f"e{i}",
                "kind": rng.choice(KINDS),
                "title": f"Ereignis {i} in Ort {i % 997}",
                "date": _date(rng, base),
                "status": rng.choice(STATUSES),
                "participants": participants,
                "places": [f"Ort {i % 997}"],
                "summary": "Eine kurze Zusammenfassung des Ereignisses.",
                "claims": [
                    {
                        "by": participants[0],
                        "text": "Behauptung",
                        "verification": "unverified",
                        "source": "src",
                    }
                ]
                if i % 5 == 0
                else [],
                "sources": ["src"],
            }
        )
        if i % 4 == 0:
            quotes.append(
                {
                    "id": f"q{i}",
                    "speaker": participants[0],
                    "event": f"e{i}",
                    "text": f"Zitat {i}",
                    "language": "de",
                    "mode": "direct",
                    "source": "src",
                }
            )
    return {
        "schema_version": 1,
        "id": f"synthetic-{events}",
        "title": f"{events} events",
        "language": "de",
        "sources": [{"id": "src", "title": "Quelle"}],
        "actors": actors,
        "events": out_events,
        "quotes": quotes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("events", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    args.output.write_text(json.dumps(generate(args.events)), encoding="utf-8")


if __name__ == "__main__":
    main()
