"""The columnar core: the fast way agrees with the exact way, and the index with brute force."""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from bench.make_timeline import make_timeline
from tests.conftest import dump
from viewer.domain import fast_load
from viewer.domain.checks import check_timeline
from viewer.domain.columns import PRECISION_CODE, points
from viewer.domain.dates import Precision, parse_point
from viewer.domain.model import SCHEMA_VERSION, TimelineModel
from viewer.domain.progress import LoadCancelled
from viewer.domain.records import BATCH, Strings, id_column, id_keys
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, parse_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.index import event_index


def exact(data: bytes) -> Timeline | None:
    """The timeline the exact (pydantic) way, or None if it finds a problem."""
    try:
        model = TimelineModel.model_validate_json(data)
    except ValueError:
        return None
    if model.schema_version > SCHEMA_VERSION or check_timeline(model):
        return None
    return Timeline.from_model(model)


def same(a: Timeline, b: Timeline) -> None:
    """Both timelines hold the same events, quotes and columns."""
    assert (a.id, a.title, a.language, a.description) == (b.id, b.title, b.language, b.description)
    assert a.sources == b.sources
    assert a.actors == b.actors
    assert list(a.events) == list(b.events)
    assert list(a.quotes) == list(b.quotes)
    for name in ("first", "after", "kind", "status", "precision", "flags"):
        assert np.array_equal(getattr(a.events, name), getattr(b.events, name)), name
    assert [a.events.title(i) for i in range(len(a.events))] == [e.title for e in b.events]
    assert np.array_equal(event_index(a).order, event_index(b).order)
    assert {k: len(v) for k, v in a.quotes_by_speaker.items()} == {
        k: len(v) for k, v in b.quotes_by_speaker.items()
    }


def test_the_bundled_timeline_takes_the_fast_way_and_agrees_with_the_exact_one() -> None:
    data = bundled_timeline().read_bytes()
    fast = fast_load.build(data)
    assert fast is not None, "the bundled timeline fell back to the slow way"
    slow = exact(data)
    assert slow is not None
    same(fast, slow)


def test_a_large_generated_timeline_takes_the_fast_way_and_agrees() -> None:
    data = dump(make_timeline(3_000, seed=7))
    fast = fast_load.build(data)
    assert fast is not None
    slow = exact(data)
    assert slow is not None
    same(fast, slow)
    # what the details pane reads is the same event, made from its record
    assert fast.events_by_id["e2999"] == slow.events_by_id["e2999"]
    assert len(fast.quotes_by_event["e0"]) == 1


def test_events_read_a_chunk_at_a_time_make_the_same_timeline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Chunks of one batch (3,000 events: two chunks, the last short) give the
    timeline one chunk gives, rare fields and references checked across them."""
    data = dump(make_timeline(3_000, seed=11))
    whole = fast_load.build(data)
    monkeypatch.setattr(fast_load, "CHUNK", BATCH)
    chunked = fast_load.build(data)
    assert whole is not None
    assert chunked is not None
    same(chunked, whole)
    assert chunked.events.batches == whole.events.batches


def _mutations(minimal: dict[str, Any]) -> list[tuple[str, dict[str, Any] | bytes]]:
    """Files the exact way accepts or refuses, some in forms the fast way does not know."""
    out: list[tuple[str, dict[str, Any] | bytes]] = []

    def change(name: str, edit: Any) -> None:
        data = copy.deepcopy(minimal)
        edit(data)
        out.append((name, data))

    event = "events"
    change("id ending in a newline", lambda d: d[event][0].update(id="e1\n"))
    change("approximate as 1", lambda d: d[event][0]["date"].update(approximate=1))
    change("approximate as 'true'", lambda d: d[event][0]["date"].update(approximate="true"))
    change("schema_version as 2.0", lambda d: d.update(schema_version=2.0))
    change("schema_version 3", lambda d: d.update(schema_version=3))
    change("schema_version as true", lambda d: d.update(schema_version=True))
    change("unknown field", lambda d: d[event][0].update(titel="x"))
    change("title too long", lambda d: d[event][0].update(title="x" * 501))
    change("title at the limit", lambda d: d[event][0].update(title="x" * 500))
    change("empty title", lambda d: d[event][0].update(title=""))
    change("kind unknown", lambda d: d[event][0].update(kind="war"))
    change("status null", lambda d: d[event][0].update(status=None))
    change("participants null", lambda d: d[event][0].update(participants=None))
    change("dangling participant", lambda d: d[event][0]["participants"].append("nobody"))
    change("dangling related", lambda d: d[event][0].update(related=["e9"]))
    change("related to itself", lambda d: d[event][0].update(related=[d[event][0]["id"]]))
    change("duplicate event id", lambda d: d[event].append(copy.deepcopy(d[event][0])))
    change("29 February of a leap year", lambda d: d[event][0]["date"].update(start="2024-02-29"))
    change("29 February otherwise", lambda d: d[event][0]["date"].update(start="2025-02-29"))
    change("year 0000", lambda d: d[event][0]["date"].update(start="0000-01-01"))
    change("last day", lambda d: d[event][0]["date"].update(start="9999-12-31"))
    change("first day", lambda d: d[event][0]["date"].update(start="0001-01-01"))
    change(
        "minute past the end",
        lambda d: d[event][0]["date"].update(precision="minute", start="9999-12-31T23:59-05:00"),
    )
    change(
        "minute with offset",
        lambda d: d[event][0]["date"].update(precision="minute", start="2025-06-01T03:20+03:00"),
    )
    change(
        "minute with offset +14:30",
        lambda d: d[event][0]["date"].update(precision="minute", start="2025-06-01T03:20+14:30"),
    )
    change(
        "minute 24:00",
        lambda d: d[event][0]["date"].update(precision="minute", start="2025-06-01T24:00Z"),
    )
    change("week 53", lambda d: d[event][0]["date"].update(precision="week", start="2026-W53"))
    change("W53 2020", lambda d: d[event][0]["date"].update(precision="week", start="2020-W53"))
    change("end before start", lambda d: d[event][0]["date"].update(end="2000-01-01"))
    change("open end", lambda d: d[event][0]["date"].update(end=".."))
    change("open, approximate", lambda d: d[event][0]["date"].update(end="..", approximate=True))
    change("end null", lambda d: d[event][0]["date"].update(end=None))
    change("digits of another script", lambda d: d[event][0]["date"].update(start="２０２５-06-01"))
    change("quote to no event", lambda d: d["quotes"][0].update(event="e9"))
    change("quote source null", lambda d: d["quotes"][0].update(source=None))
    change(
        "translation",
        lambda d: d["quotes"][0].update(translation={"language": "en", "text": "Hello"}),
    )
    change("translation empty", lambda d: d["quotes"][0].update(translation={"language": "en"}))
    change("language tag ending in newline", lambda d: d.update(language="de\n"))
    text = json.dumps(minimal)
    out.append(("duplicate key", text.replace('"title":', '"title": "Erst", "title":', 1).encode()))
    out.append(("lone surrogate", text.replace('"title": "', '"title": "\\ud800', 1).encode()))
    out.append(("not UTF-8", text.encode("utf-8").replace(b"Anruf", b"Anr\xfcf")))
    out.append(("trailing comma", text.replace("]}", "],}", 1).encode()))
    return out


def both_ways(name: str, raw: bytes, agree: Callable[[Timeline, Timeline], None] = same) -> bool:
    """The fast way takes ``raw`` only if the exact way does, and then ``agree``s
    with it; loading gives the exact way's answer whichever way it goes. True if
    the fast way took it."""
    fast = fast_load.build(raw)
    slow = exact(raw)
    if fast is not None:
        assert slow is not None, f"{name}: the fast way took a file the exact way refuses"
        agree(fast, slow)
    try:
        loaded = parse_timeline(raw)
    except ModelFileError:
        assert slow is None, name
    else:
        assert slow is not None, name
        agree(loaded, slow)
    return fast is not None


def test_the_fast_way_accepts_nothing_the_exact_way_refuses(minimal: dict[str, Any]) -> None:
    fast_taken = 0
    for name, data in _mutations(minimal):
        fast_taken += both_ways(name, data if isinstance(data, bytes) else dump(data))
    assert fast_taken >= 10, "the fast way should take the plainly valid files"


def _random_table(n: int, seed: int) -> Timeline:
    rng = random.Random(seed)
    data = make_timeline(n, seed=seed)
    # a few long events: a month, a year, a decade
    for event in rng.sample(data["events"], 5):
        event["date"] = {"precision": "year", "start": "2001", "end": "2011"}
    return Timeline.validate(data)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_overlap_queries_agree_with_brute_force(seed: int) -> None:
    timeline = _random_table(2_000, seed)
    index = event_index(timeline)
    rng = random.Random(seed)
    lo, hi = index.extent() or (0.0, 1.0)
    for _ in range(200):
        t0 = rng.uniform(lo - 1e7, hi)
        t1 = t0 + rng.choice([60.0, 3600.0, 86400.0, 86400.0 * 40, 86400.0 * 4000])
        brute = [p for p in range(len(index)) if index.starts[p] < t1 and index.ends[p] > t0]
        assert index.overlapping(t0, t1) == brute
        assert index.lanes
        for lane in index.lanes:
            mine = [p for p in brute if index.kind(p) is lane.kind]
            assert lane.overlapping(t0, t1) == mine
            assert lane.count_overlapping(t0, t1) == len(mine)
            assert lane.overlapping_unless_more(t0, t1, 3) == (mine if len(mine) <= 3 else None)


def test_the_index_sorts_by_start_then_end_then_id() -> None:
    timeline = _random_table(1_000, 5)
    index = event_index(timeline)
    keys = [(index.starts[p], index.ends[p], index.id_of(p)) for p in range(len(index))]
    assert keys == sorted(keys)
    assert [index.title(p) for p in range(5)] == [index.events[p].title for p in range(5)]
    assert index.step(index.first(), 1) == index.id_of(1)


def _random_point(rng: random.Random, precision: Precision) -> str:
    anno_domini = [1, 2, 1969, 1970, 2000, 2024, 2025, 9999, rng.randrange(1, 10_000)]
    year = rng.choice([*anno_domini, 0, -1, -43, -9999, rng.randrange(-9999, 0)])
    sign = "-" if year < 0 else ""
    month, day = rng.randrange(0, 14), rng.randrange(0, 33)
    if precision is Precision.YEAR:
        return f"{sign}{abs(year):04d}"
    if precision is Precision.MONTH:
        return f"{sign}{abs(year):04d}-{month:02d}"
    if precision is Precision.WEEK:
        return f"{sign}{abs(year):04d}-W{rng.randrange(0, 55):02d}"
    if precision is Precision.DAY:
        return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"
    hour, minute = rng.randrange(0, 25), rng.randrange(0, 61)
    offset = rng.choice(["Z", "+00:00", "-00:00", "+03:00", "-12:00", "+14:00", "+14:01"])
    offset = rng.choice(
        [offset, f"{rng.choice('+-')}{rng.randrange(16):02d}:{rng.randrange(61):02d}"]
    )
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}{offset}"


@pytest.mark.parametrize("precision", list(Precision))
def test_points_read_a_column_as_parse_point_reads_each(precision: Precision) -> None:
    """Column by column the same instants as one by one; a column with one
    point the exact way refuses is refused whole."""
    rng = random.Random(precision.value)
    code = np.full(1, PRECISION_CODE[precision.value], np.uint8)
    valid: list[str] = []
    for _ in range(3_000):
        text = _random_point(rng, precision)
        try:
            first, after = parse_point(text, precision)
        except ValueError:
            assert points([text], code) is None, text
            continue
        valid.append(text)
        spans = points([text], code)
        assert spans is not None, text
        assert spans[0][0] == first, text
        assert spans[1][0] == after, text
    assert len(valid) > 300
    spans = points(valid, np.repeat(code, len(valid)))
    assert spans is not None
    assert spans[0].tolist() == [parse_point(t, precision)[0] for t in valid]


@pytest.mark.parametrize(
    "odd",
    [
        "2020-01-0\n",  # a line break where a digit belongs: the width is right
        "2020-01\n01",
        "2020-01-011",  # one too long, one too short: the joined length is right
        "2020-01-0",
        "2020-01-0\u0661",  # a digit of another script
        "\n",
        "",
    ],
)
def test_a_column_with_one_odd_point_is_refused_whole(odd: str) -> None:
    """The rows of a column of days are read as bytes only if every one has a
    day's width; an odd one among many is refused as it is alone."""
    code = PRECISION_CODE[Precision.DAY.value]
    column = (
        ["2020-01-02"] * 50 + [odd] + ["2020-01-01"] * 50 + ["2020-01-0"] * (odd == "2020-01-011")
    )
    assert points([odd], np.full(1, code, np.uint8)) is None
    assert points(column, np.full(len(column), code, np.uint8)) is None


@pytest.mark.parametrize("length", [1, 48, 49, 200])
def test_ids_are_found_short_or_long(minimal: dict[str, Any], length: int) -> None:
    """Short ids are bisected as bytes, long ones looked up in a dict: both find the same."""
    events = minimal["events"]
    renamed = {event["id"]: f"{i}{'x' * (length - 1)}" for i, event in enumerate(events)}
    for event in events:
        event["id"] = renamed[event["id"]]
        event["related"] = [renamed[r] for r in event.get("related", [])]
    for quote in minimal["quotes"]:
        quote["event"] = renamed[quote["event"]]
    timeline = parse_timeline(dump(minimal))
    assert len(events) == 2
    for row, event in enumerate(events):
        assert timeline.events.row_of(event["id"]) == row
        assert timeline.events_by_id[event["id"]].id == event["id"]
        assert (
            event_index(timeline).id_of(event_index(timeline).position[event["id"]]) == event["id"]
        )
    for missing in ("", "zz", "é", events[0]["id"] + "x", events[0]["id"][:-1] or "-"):
        assert timeline.events.row_of(missing) is None
        assert missing not in timeline.events_by_id
        assert missing not in event_index(timeline).position
    with pytest.raises(KeyError):
        timeline.events_by_id["nope"]


def test_a_load_says_how_far_it_is_and_stops_when_asked() -> None:
    data = dump(make_timeline(50_000, seed=9))
    told: list[float] = []
    timeline = parse_timeline(data, told.append)
    assert len(timeline.events) == 50_000
    assert told == sorted(told)
    assert told[-1] == 1.0
    assert len(told) > 5  # the events are decoded and packed in batches

    def stop_halfway(done: float) -> None:
        if done >= 0.5:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        parse_timeline(data, stop_halfway)


def test_id_keys_accept_exactly_the_ids_the_pattern_does() -> None:
    pattern = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
    rng = random.Random(11)
    alphabet = "aZ09._:-/ \x00\né\n"
    for _ in range(3_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 6)))
        for ids in (["ok", text, "e1"], [text], ["e1", text], [text, "long-id:1.2"]):
            keys = id_keys(ids)
            assert (keys is not None) == (pattern.fullmatch(text) is not None), repr(ids)
            if keys is not None:  # as numpy makes them, padded to the longest
                expected = np.array(ids, "S")
                assert keys.dtype == expected.dtype
                assert keys.tolist() == expected.tolist()
    assert id_keys([]) is not None


def test_id_column_gives_the_keys_and_the_strings_of_the_ids_each_way() -> None:
    rng = random.Random(12)
    alphabet = "aZ09._:-"
    for size in (0, 1, 2, 7, 300):
        ids = [
            rng.choice("aZ0") + "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
            for _ in range(size)
        ]
        column = id_column(ids)
        assert column is not None
        keys, strings = column
        expected = id_keys(ids)
        assert expected is not None
        assert keys.dtype == expected.dtype
        assert keys.tolist() == expected.tolist()
        assert list(strings) == ids == list(Strings(ids))
        assert strings.joined == Strings(ids).joined
        assert strings.longest == Strings(ids).longest
    assert id_column(["e1", "é"]) is None
    assert id_column(["e1", "a b"]) is None


def test_json_nested_too_deep_is_a_problem_not_a_crash(minimal: dict[str, Any]) -> None:
    text = json.dumps(minimal).replace('"sources": [', '"sources": [' + "[" * 5_000, 1)
    with pytest.raises(ModelFileError):
        parse_timeline(text.encode())


def test_rows_of_finds_exactly_what_row_of_finds(minimal: dict[str, Any]) -> None:
    timeline = parse_timeline(dump(minimal))
    asked = ["e1", "e2", "é", "e1\x00", "", "e9"]
    rows = timeline.events.rows_of(asked).tolist()
    expected = [timeline.events.row_of(i) for i in asked]
    assert rows == [-1 if r is None else r for r in expected]
    assert rows[:2] == [0, 1]
    assert rows[2:] == [-1, -1, -1, -1]


def test_dates_read_alone_are_the_events_dates() -> None:
    timeline = parse_timeline(json.dumps(make_timeline(700, seed=5)).encode())
    events = timeline.events
    rows = [699, 0, 64, 63, 650, 0, 130, 5]
    assert events.dates(rows) == [events[row].date for row in rows]
    assert events.dates([]) == []


def test_weeks_read_as_a_column_are_the_weeks_parse_point_reads() -> None:
    years = [*range(30), *range(1890, 2110), *range(9970, 10000)]
    texts = [f"{year:04d}-W{week:02d}" for year in years for week in range(1, 54)]
    valid: list[str] = []
    spans: list[tuple[float, float]] = []
    for text in texts:
        try:
            spans.append(parse_point(text, Precision.WEEK))
        except ValueError:  # a 53rd week of a year of 52
            continue
        valid.append(text)
    assert len(valid) < len(texts)
    codes = np.full(len(valid), PRECISION_CODE["week"], np.uint8)
    read = points(valid, codes)
    assert read is not None
    assert read[0].tolist() == [first for first, _ in spans]
    assert read[1].tolist() == [after for _, after in spans]
    early = ["-0043-W10", "2020-W10"]  # before year 0: read one by one
    read = points(early, np.full(2, PRECISION_CODE["week"], np.uint8))
    assert read is not None
    assert read[0].tolist() == [parse_point(t, Precision.WEEK)[0] for t in early]
    for wrong in ("2019-W53", "2020-W00", "2020-w01", "2020-W1", "２０２０-W01", "2021-W53"):
        assert points(["2020-W01", wrong], np.full(2, PRECISION_CODE["week"], np.uint8)) is None
