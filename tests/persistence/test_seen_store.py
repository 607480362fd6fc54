"""What the reader last saw of a timeline: kept per timeline id, read back as
records the diff compares, written whole or not at all."""

from __future__ import annotations

import copy
import sqlite3
from typing import Any

import pytest

from tests.conftest import dump
from viewer.domain.changes import diff_records
from viewer.domain.model import Event, Quote
from viewer.persistence import seen_store
from viewer.persistence.model_file import parse_timeline
from viewer.persistence.paths import AppPaths
from viewer.persistence.seen_store import SeenStore, seen_path


def store() -> SeenStore:
    return SeenStore(AppPaths.from_environment().data_dir, "test-timeline")


def test_never_seen_then_seen_as_it_was(minimal: dict[str, Any]) -> None:
    seen = store()
    assert seen.last_seen() is None
    first = parse_timeline(dump(minimal))
    seen.mark_seen(first)
    then = seen.last_seen()
    assert then is not None
    events, quotes = then
    assert list(events.ids) == ["e1", "e2"]
    assert events[0].title == "Anruf"
    assert list(quotes.ids) == ["q1"]
    changed = copy.deepcopy(minimal)
    changed["events"][0]["title"] = "Anruf am Morgen"
    del changed["events"][1]
    changed["events"].append(
        {"id": "e3", "kind": "talks", "title": "Gespräch", "date": minimal["events"][0]["date"]}
    )
    changed["events"][0]["related"] = []
    now = parse_timeline(dump(changed))
    diff = diff_records(events, now.events, Event)
    assert (diff.added, diff.removed) == (("e3",), ("e2",))
    [title] = [c for c in diff.changed[0].fields if c.path == "title"]
    assert (title.old, title.new) == ("Anruf", "Anruf am Morgen")
    assert diff_records(quotes, now.quotes, Quote).equal
    seen.mark_seen(now)  # seen again: nothing changed since
    again = seen.last_seen()
    assert again is not None
    assert diff_records(again[0], now.events, Event).equal


def test_what_cannot_be_read_is_begun_again(minimal: dict[str, Any]) -> None:
    seen = store()
    seen.path.parent.mkdir(parents=True)
    seen.path.write_bytes(b"not a database at all")
    assert seen.last_seen() is None
    seen.mark_seen(parse_timeline(dump(minimal)))  # set aside, and begun again
    assert seen.last_seen() is not None
    aside = seen.path.with_name(seen.path.name + ".unreadable")
    assert aside.read_bytes() == b"not a database at all"
    assert seen.path == seen_path(AppPaths.from_environment().data_dir, "test-timeline")


def test_a_failed_write_keeps_what_was_seen(
    minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = store()
    seen.mark_seen(parse_timeline(dump(minimal)))
    changed = copy.deepcopy(minimal)
    changed["events"][0]["title"] = "Anders"
    # The ids written twice: the write fails after the old rows were deleted.
    twice = seen_store._id_rows(parse_timeline(dump(changed))) * 2
    monkeypatch.setattr(seen_store, "_id_rows", lambda _timeline: twice)
    with pytest.raises(sqlite3.IntegrityError):
        seen.mark_seen(parse_timeline(dump(changed)))
    then = seen.last_seen()
    assert then is not None
    assert then[0][0].title == "Anruf"  # the whole write undone
