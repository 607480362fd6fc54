"""What changed between two timelines, on real files: events and quotes added,
removed and changed field by field, and fingerprints that hold across spellings."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump
from viewer.domain.changes import (
    FINGERPRINT_SIZE,
    FieldChange,
    ItemsDiff,
    canonical,
    diff_timelines,
    event_fingerprints,
    fingerprint,
    quote_fingerprints,
)
from viewer.domain.model import Quote
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline


def written(tmp_path: Path, name: str, data: dict[str, Any], **dumps: Any) -> Timeline:
    """``data`` written as the model file ``name`` and loaded as every command loads it."""
    path = tmp_path / name
    if dumps:
        path.write_text(json.dumps(data, ensure_ascii=False, **dumps), encoding="utf-8")
    else:
        path.write_bytes(dump(data))
    return load_timeline(path)


@pytest.fixture
def bundled_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_timeline().read_text(encoding="utf-8"))
    return data


def fields_of(items: ItemsDiff, item_id: str) -> list[FieldChange]:
    (change,) = [c for c in items.changed if c.id == item_id]
    return list(change.fields)


def test_the_same_file_has_no_differences(tmp_path: Path, bundled_data: dict[str, Any]) -> None:
    old = load_timeline(bundled_timeline())
    new = written(tmp_path, "copy.json", bundled_data)
    diff = diff_timelines(old, new)
    assert diff.equal
    assert diff.events == ItemsDiff()
    assert diff.quotes == ItemsDiff()


def test_another_spelling_of_the_same_content_has_no_differences(
    tmp_path: Path, bundled_data: dict[str, Any]
) -> None:
    """Keys in another order, other white space, defaults written out, whole numbers
    written as decimals: the same content, so nothing is listed."""
    respelled = copy.deepcopy(bundled_data)
    for event in respelled["events"]:
        event.setdefault("status", "occurred")
        event.setdefault("places", [])
        event.setdefault("summary", "")
        event["date"].setdefault("approximate", False)
        event["date"].setdefault("end", None)
    respelled["events"] = [dict(reversed(e.items())) for e in respelled["events"]]
    respelled["quotes"] = [dict(sorted(q.items())) for q in respelled["quotes"]]
    old = load_timeline(bundled_timeline())
    new = written(tmp_path, "respelled.json", respelled, indent=3)
    assert diff_timelines(old, new).equal


def test_the_exact_load_and_the_fast_one_compare_equal(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    minimal["events"][1]["coordinates"] = {"latitude": 50, "longitude": 30}
    fast = written(tmp_path, "m.json", minimal)
    exact = Timeline.validate(minimal)  # its records are the models' dumps
    assert exact.events.record(1)["coordinates"] == {"latitude": 50.0, "longitude": 30.0}
    assert diff_timelines(fast, exact).equal
    assert event_fingerprints(fast) == event_fingerprints(exact)


def test_added_removed_and_changed_in_file_order(
    tmp_path: Path, bundled_data: dict[str, Any]
) -> None:
    old = load_timeline(bundled_timeline())
    new_data = copy.deepcopy(bundled_data)
    events = new_data["events"]
    gone = [events[2]["id"], events[5]["id"]]
    events[:] = [e for e in events if e["id"] not in gone]
    for event in events:
        event["related"] = [r for r in event.get("related", []) if r not in gone]
        if not event["related"]:
            del event["related"]
    new_data["quotes"] = [q for q in new_data["quotes"] if q["event"] not in gone]
    events.insert(0, {"id": "z-new", "kind": "talks", "title": "Neu", "date": events[0]["date"]})
    events.append({"id": "a-new", "kind": "call", "title": "Auch neu", "date": events[1]["date"]})
    events[4]["title"] += " (korrigiert)"
    events[1]["title"] += " (korrigiert)"
    new = written(tmp_path, "new.json", new_data)

    diff = diff_timelines(old, new)
    assert not diff.equal
    assert diff.events.added == ("z-new", "a-new")  # the new file's order
    assert diff.events.removed == tuple(gone)  # the old file's order
    changed = [c.id for c in diff.events.changed]
    assert changed[:2] == [events[1]["id"], events[4]["id"]]
    # The events that lost a related event changed too, and nothing else did.
    related = {e["id"] for e in bundled_data["events"] if set(e.get("related", [])) & set(gone)}
    assert set(changed) == related | {events[1]["id"], events[4]["id"]}
    removed_quotes = tuple(q["id"] for q in bundled_data["quotes"] if q["event"] in gone)
    assert removed_quotes
    assert diff.quotes == ItemsDiff(removed=removed_quotes)


def test_fields_that_changed_with_both_values(tmp_path: Path, minimal: dict[str, Any]) -> None:
    old = written(tmp_path, "old.json", minimal)
    e1, e2 = minimal["events"]
    e1["title"] = "Anruf am Morgen"
    e1["date"]["start"] = "2025-06-05"
    e1["date"]["approximate"] = True
    e1["status"] = "announced"
    e1["participants"] = ["a"]
    e1["claims"][0]["text"] = "Es war schlecht."
    e1["claims"].append({"by": "b", "text": "Nein.", "verification": "disputed"})
    e1["summary"] = "Zeile 1\nZeile 2"
    e2["coordinates"] = {"latitude": 50.5, "longitude": 30}
    e2["status"] = "occurred"  # the default, written out: no change
    del e2["date"]["approximate"]
    minimal["quotes"][0]["translation"] = {"language": "en", "text": "A good talk."}
    new = written(tmp_path, "new.json", minimal)

    diff = diff_timelines(old, new)
    assert [c.id for c in diff.events.changed] == ["e1", "e2"]
    assert fields_of(diff.events, "e1") == [
        FieldChange("title", "Anruf", "Anruf am Morgen"),
        FieldChange("date.start", "2025-06-04", "2025-06-05"),
        FieldChange("date.approximate", False, True),  # left out: the default
        FieldChange("status", "occurred", "announced"),
        FieldChange("participants", ["a", "b"], ["a"]),
        FieldChange("summary", "", "Zeile 1\nZeile 2"),
        FieldChange("claims[0].text", "Es war gut.", "Es war schlecht."),
        FieldChange("claims[1]", None, {"by": "b", "text": "Nein.", "verification": "disputed"}),
    ]
    assert fields_of(diff.events, "e2") == [
        FieldChange("date.approximate", True, False),
        FieldChange("coordinates", None, {"latitude": 50.5, "longitude": 30}),
    ]
    assert fields_of(diff.quotes, "q1") == [
        FieldChange("translation", None, {"language": "en", "text": "A good talk."}),
    ]
    assert diff.events.added == diff.events.removed == ()


def test_a_claim_removed_and_a_date_end_set(tmp_path: Path, minimal: dict[str, Any]) -> None:
    minimal["events"][0]["claims"].append({"by": "b", "text": "Nein.", "verification": "disputed"})
    old = written(tmp_path, "old.json", minimal)
    del minimal["events"][0]["claims"][0]
    minimal["events"][0]["date"]["end"] = "2025-06-06"
    new = written(tmp_path, "new.json", minimal)
    assert fields_of(diff_timelines(old, new).events, "e1") == [
        FieldChange("date.end", None, "2025-06-06"),
        FieldChange("claims[0].by", "a", "b"),
        FieldChange("claims[0].text", "Es war gut.", "Nein."),
        FieldChange("claims[0].verification", "unverified", "disputed"),
        FieldChange("claims[1]", {"by": "b", "text": "Nein.", "verification": "disputed"}, None),
    ]


def test_fingerprints_hold_across_key_order_white_space_and_defaults() -> None:
    record = {
        "id": "e1",
        "kind": "call",
        "title": "Anruf",
        "date": {"precision": "day", "start": "2025-06-04"},
        "claims": [{"by": "a", "text": "Gut.", "verification": "unverified"}],
        "coordinates": {"latitude": 50.0, "longitude": 30.5},
    }
    respelled = json.loads(json.dumps(dict(reversed(record.items())), indent=4))
    respelled["date"] = {"start": "2025-06-04", "approximate": False, "precision": "day"}
    respelled["status"] = "occurred"
    respelled["participants"] = []
    respelled["claims"][0]["via"] = None
    respelled["coordinates"]["latitude"] = 50
    digest = fingerprint(record)
    assert len(digest) == FINGERPRINT_SIZE
    assert fingerprint(respelled) == digest
    assert canonical(respelled) == canonical(record)
    assert canonical(record).startswith(b'{"claims":[{"by":"a",')
    for changed in (
        dict(record, title="Anruf!"),
        dict(record, status="announced"),
        dict(record, date={"precision": "day", "start": "2025-06-04", "approximate": True}),
        dict(record, claims=[]),
    ):
        assert fingerprint(changed) != digest


def test_fingerprints_of_a_timeline(tmp_path: Path, bundled_data: dict[str, Any]) -> None:
    timeline = load_timeline(bundled_timeline())
    events = event_fingerprints(timeline)
    assert list(events) == [e["id"] for e in bundled_data["events"]]
    assert events == {e["id"]: fingerprint(e) for e in bundled_data["events"]}
    quotes = quote_fingerprints(timeline)
    assert quotes == {q["id"]: fingerprint(q, Quote) for q in bundled_data["quotes"]}
    # Written again another way, each event keeps its fingerprint; a changed one does not.
    bundled_data["events"][3]["title"] += "!"
    again = event_fingerprints(written(tmp_path, "again.json", bundled_data, indent=2))
    assert [i for i in events if events[i] != again[i]] == [bundled_data["events"][3]["id"]]


def test_fields_no_code_here_names_are_compared(tmp_path: Path, minimal: dict[str, Any]) -> None:
    """Records are compared as JSON: a field the model gains is diffed without a word
    in the diff's code (a claim's figure, schema 4), and read the same by either load."""
    minimal["schema_version"] = 4
    minimal["events"][0]["claims"][0]["figure"] = {"low": 41, "unit": "Flugzeuge"}
    old = written(tmp_path, "old.json", minimal)
    assert diff_timelines(old, Timeline.validate(minimal)).equal
    minimal["events"][0]["claims"][0]["figure"]["high"] = 45.0
    new = written(tmp_path, "new.json", minimal)
    assert fields_of(diff_timelines(old, new).events, "e1") == [
        FieldChange("claims[0].figure.high", None, 45)
    ]
