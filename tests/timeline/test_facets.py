"""Facets of schema 4: a claim and its counterclaim are both disputed claims,
and events are kept by how reliable their sources are graded."""

from __future__ import annotations

from typing import Any

from tests.conftest import dump
from tests.domain.test_schema4 import analysed
from viewer.domain.model import Reliability, Verification
from viewer.persistence.model_file import parse_timeline
from viewer.timeline.facets import facets_of
from viewer.timeline.filters import Chip, EventFilter, event_mask


def kept(data: dict[str, Any], chosen: EventFilter) -> list[str]:
    timeline = parse_timeline(dump(data))
    mask = event_mask(timeline, chosen)
    return [timeline.events.ids[row] for row in range(len(mask)) if mask[row]]


def test_a_claim_and_its_counterclaim_are_both_disputed(minimal: dict[str, Any]) -> None:
    data = analysed(minimal)
    data["events"][1]["claims"][0]["verification"] = "unverified"  # disputes, says nothing
    disputed = EventFilter(verifications=frozenset({Verification.DISPUTED}))
    assert kept(data, disputed) == ["e1", "e2"]
    timeline = parse_timeline(dump(data))
    facets = facets_of(timeline)
    assert facets.claims == {"c-anna": (0, 0), "c-bland": (1, 0)}
    assert facets.disputed_by == {"c-anna": ["c-bland"]}
    assert facets.counterclaims("c-anna") == ["c-bland"]
    assert facets.counterclaims("c-bland") == ["c-anna"]
    data["events"][1]["claims"][0]["disputes"] = []  # no pair: neither is disputed
    assert kept(data, disputed) == []


def test_events_are_kept_by_their_sources_grades(minimal: dict[str, Any]) -> None:
    data = analysed(minimal)  # e1 cites "src" (B); e2's claim cites "tass" (D)
    usually = EventFilter(reliabilities=frozenset({Reliability.A, Reliability.B}))
    assert kept(data, usually) == ["e1"]
    assert kept(data, EventFilter(reliabilities=frozenset({Reliability.D}))) == ["e2"]
    assert kept(data, EventFilter(reliabilities=frozenset({Reliability.F}))) == []
    chips = usually.chips({})
    assert [chip.label for chip in chips] == [
        "Source reliability: A, completely reliable",
        "Source reliability: B, usually reliable",
    ]
    assert usually.without(chips[0]) == EventFilter(reliabilities=frozenset({Reliability.B}))
    assert EventFilter.from_json(usually.to_json()) == usually
    assert usually.toggled("reliabilities", "B").holds("reliabilities", "A")
    assert Chip("reliabilities", "A", chips[0].label) in chips
