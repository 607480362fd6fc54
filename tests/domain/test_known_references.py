"""The fast load checks references to actors and sources as it decodes (the file's
ids as the only values they may take) or, with none or too many ids, by looking
them up after: either way it vouches for a valid file and for no file with a
reference to nobody, and what it loads is the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import dump
from tests.domain.test_control_chars import _filled
from viewer.domain import fast_load, file_structs
from viewer.domain.model import TimelineModel
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, parse_timeline

WAYS = ["decoded", "looked up"]

BROKEN: list[Callable[[dict[str, Any]], object]] = [
    lambda d: d["events"][0].update(participants=["a", "nobody"]),
    lambda d: d["events"][1].update(participants=["src"]),  # a source is no actor
    lambda d: d["events"][0].update(sources=["nowhere"]),
    lambda d: d["events"][0].update(sources=["a"]),  # an actor is no source
    lambda d: d["events"][1]["date"].update(source="nowhere"),
    lambda d: d["events"][0].update(participants=[1]),
    lambda d: d["quotes"][0].update(speaker="nobody"),
    lambda d: d["quotes"][0].update(speaker="src"),
    lambda d: d["quotes"][0].update(source="nowhere"),
]


@pytest.fixture(params=WAYS)
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "looked up":  # as for a file of more actors than the decoders take
        monkeypatch.setattr(file_structs, "MAX_KNOWN", 0)
    return str(request.param)


def _referring(minimal: dict[str, Any]) -> dict[str, Any]:
    """Every kind of reference to actors and sources, each valid, one escaped."""
    data = _filled(minimal)
    data["sources"].append({"id": "src2", "title": "Noch eine"})
    data["events"][1].update(participants=["b"], sources=["src2", "src"])
    data["events"][1]["date"]["source"] = "src2"
    data["quotes"].append(dict(data["quotes"][0], id="q2", speaker="b", source="src2"))
    return data


def test_the_references_load_the_same_as_the_exact_way(minimal: dict[str, Any], way: str) -> None:
    data = _referring(minimal)
    # "b" written as an escape: the decoder compares the text, not the bytes.
    raw = dump(data).replace(b'"participants": ["b"]', b'"participants": ["\\u0062"]')
    assert b"\\u0062" in raw
    fast = fast_load.build(raw)
    assert fast is not None, "the fast load vouches for a valid file"
    exact = Timeline.from_model(TimelineModel.model_validate_json(raw))
    assert len(fast.events) == len(exact.events) == 2
    for event_id in ("e1", "e2"):
        assert fast.events_by_id[event_id] == exact.events_by_id[event_id]
    assert fast.events_by_id["e2"].participants == ("b",)
    assert [fast.quotes[i] for i in range(2)] == [exact.quotes[i] for i in range(2)]


@pytest.mark.parametrize("change", BROKEN)
def test_a_reference_to_nobody_is_left_to_the_exact_way(
    minimal: dict[str, Any], way: str, change: Callable[[dict[str, Any]], object]
) -> None:
    data = _referring(minimal)
    change(data)
    raw = dump(data)
    assert fast_load.build(raw) is None, "the fast load must not vouch for it"
    with pytest.raises(ModelFileError):
        parse_timeline(raw)


def test_without_sources_the_references_are_looked_up(minimal: dict[str, Any]) -> None:
    data = _referring(minimal)
    data["sources"] = []
    for event in data["events"]:
        event["sources"] = []
        event["date"].pop("source", None)
    for quote in data["quotes"]:
        quote.pop("source", None)
    assert fast_load.build(dump(data)) is not None
    data["events"][0]["participants"] = ["nobody"]
    assert fast_load.build(dump(data)) is None


def _repeated(event_id: str) -> Callable[[dict[str, Any]], None]:
    """Every event's id made ``event_id`` (every quote's event is one)."""

    def change(data: dict[str, Any]) -> None:
        for event in data["events"]:
            event.update(id=event_id, related=[])
        for quote in data["quotes"]:
            quote["event"] = event_id

    return change


BROKEN_EVENTS: list[Callable[[dict[str, Any]], object]] = [
    lambda d: d["quotes"][1].update(event="nobody"),
    lambda d: d["events"][0].update(related=["nobody"]),
    lambda d: d["events"][0].update(related=[d["events"][1]["id"], "nobody"]),
    _repeated("e1"),
    _repeated("x" * 60),  # too long to bisect: the table keeps a dict of them
]


@pytest.mark.parametrize("change", BROKEN_EVENTS)
def test_a_reference_to_no_event_or_a_repeated_id_is_left_to_the_exact_way(
    minimal: dict[str, Any], change: Callable[[dict[str, Any]], object]
) -> None:
    data = _referring(minimal)
    assert fast_load.build(dump(data)) is not None
    change(data)
    raw = dump(data)
    assert fast_load.build(raw) is None, "the fast load must not vouch for it"
    with pytest.raises(ModelFileError):
        parse_timeline(raw)
