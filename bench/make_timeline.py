"""A realistic synthetic timeline of N events, for the benchmark suite.

    python bench/make_timeline.py N -o FILE [--seed S]

Seeded, so the same N gives the same file. Events spread over about 30 years
with bursts (a crisis packs many events into a few days), every kind, one to
three participants from a few dozen actors (some far busier than others), the
tags an ACLED export gives (event type, sub-event type, disorder type; one
event in fifty without), a quote for every third event, and mixed precisions
(minute, day, week, month, year; some approximate, some real durations, a few
open-ended). The output validates.

The tags come from a random generator of their own and the actors from the
draws the generator always made (from a pool that grows with N, folded onto
the few dozen), so kinds, dates and everything else are what they were
before either was added: figures of frames by kind stay comparable.
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
START = datetime(1996, 1, 1, tzinfo=UTC)
#: How many actors there are (fewer for a timeline of a few hundred events).
ACTORS = 40
#: ACLED's event types with sub-event types, and its disorder types.
EVENT_TYPES = {
    "Battles": ["Armed clash", "Government regains territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity"],
}
DISORDER_TYPES = ["Political violence", "Demonstrations", "Strategic developments"]
SPAN_MINUTES = 30 * 365 * 24 * 60


def _moment(rng: random.Random, bursts: list[datetime]) -> datetime:
    if rng.random() < 0.4:  # in a burst: a crisis packs events into a few days
        return rng.choice(bursts) + timedelta(minutes=rng.randrange(5 * 24 * 60))
    return START + timedelta(minutes=rng.randrange(SPAN_MINUTES))


def _date(rng: random.Random, moment: datetime) -> dict[str, Any]:
    roll = rng.random()
    day = moment.strftime("%Y-%m-%d")
    if roll < 0.5:
        return {"precision": "day", "start": day}
    if roll < 0.65:
        end = (moment + timedelta(days=rng.randrange(1, 6))).strftime("%Y-%m-%d")
        return {"precision": "day", "start": day, "end": end, "approximate": rng.random() < 0.5}
    if roll < 0.85:
        return {"precision": "minute", "start": moment.strftime("%Y-%m-%dT%H:%MZ")}
    if roll < 0.92:
        week = moment.isocalendar()
        return {"precision": "week", "start": f"{week.year}-W{week.week:02d}"}
    if roll < 0.98:
        return {"precision": "month", "start": moment.strftime("%Y-%m"), "approximate": True}
    if roll < 0.99:
        return {"precision": "day", "start": day, "end": ".."}
    return {"precision": "year", "start": moment.strftime("%Y")}


def _tags(rng: random.Random) -> list[str]:
    """An event's tags as ACLED's importer gives them; none for one event in fifty."""
    if rng.random() < 0.02:
        return []
    event_type = rng.choice(list(EVENT_TYPES))
    return [event_type, rng.choice(EVENT_TYPES[event_type]), rng.choice(DISORDER_TYPES)]


def make_timeline(events: int, seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    tag_rng = random.Random(f"tags {seed}")
    bursts = [START + timedelta(days=rng.randrange(30 * 365)) for _ in range(max(events // 500, 3))]
    pool = max(20, int(events**0.6))
    kinds = [rng.choice(["person", "organisation", "state"]) for _ in range(pool)]
    count = min(pool, ACTORS)
    actors = [
        {"id": f"a{i}", "kind": kinds[i], "name": f"Akteur {i}", "role": "Rolle"}
        for i in range(count)
    ]
    out_events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    for i in range(events):
        moment = _moment(rng, bursts)
        # A draw from the pool, folded onto the actors: the first far busier.
        drawn = [rng.randrange(pool) for _ in range(rng.randint(1, 3))]
        participants = sorted({f"a{int(count * (d / pool) ** 2)}" for d in drawn})
        out_events.append(
            {
                "id": f"e{i}",
                "kind": rng.choice(KINDS),
                "title": f"Ereignis {i}: Treffen in Ort {i % 997}",
                "date": _date(rng, moment),
                "status": rng.choice(STATUSES),
                "participants": participants,
                "places": [f"Ort {i % 997}"],
                "tags": _tags(tag_rng),
                "summary": "Eine kurze Zusammenfassung des Ereignisses, wie sie ein Bericht gibt.",
                "sources": ["s0"],
            }
        )
        if i % 3 == 0:
            quotes.append(
                {
                    "id": f"q{i}",
                    "speaker": participants[0],
                    "event": f"e{i}",
                    "text": f"Das ist Aussage {i}.",
                    "language": "de",
                    "mode": rng.choice(["direct", "reported"]),
                    "source": "s0",
                }
            )
    return {
        "schema_version": 3,
        "id": f"bench-{events}",
        "title": f"Benchmark: {events:,} Ereignisse",
        "language": "de",
        "sources": [{"id": "s0", "title": "Synthetische Quelle"}],
        "actors": actors,
        "events": out_events,
        "quotes": quotes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("events", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.output.write_text(
        json.dumps(make_timeline(args.events, args.seed), ensure_ascii=False), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
