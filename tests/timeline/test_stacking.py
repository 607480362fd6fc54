"""Several timelines shown as one: ids kept apart, actors shared only when the same."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import DATA
from viewer.domain.model import EventKind
from viewer.domain.notes import TargetKind, event_of, find_target
from viewer.domain.timeline import Timeline
from viewer.importers.formats import run_import
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.facets import facets_of
from viewer.timeline.filters import EventFilter, event_mask
from viewer.timeline.search import TextIndex, search_all
from viewer.timeline.stacking import (
    CannotAdd,
    LayerData,
    layer_beside,
    restacked,
    shown_together,
    stack,
)


def _other(minimal: dict[str, Any], **changes: Any) -> Timeline:
    data = copy.deepcopy(minimal)
    data.update(id="other", title="Other")
    data.update(changes)
    return Timeline.validate(data)


def _stacked(*timelines: Timeline) -> Timeline:
    return shown_together(timelines)


def test_ids_of_added_timelines_are_kept_apart(minimal: dict[str, Any]) -> None:
    base = Timeline.validate(minimal)
    shown = _stacked(base, _other(minimal))
    assert list(shown.events.ids) == ["e1", "e2", "other:e1", "other:e2"]
    assert [layer.id for layer in shown.layers] == ["test-timeline", "other"]
    assert shown.layers[1].events == range(2, 4)
    assert shown.layers[1].quotes == range(1, 2)
    added = shown.events_by_id["other:e1"]
    assert added.id == "other:e1"
    assert added.related == ("other:e2",)
    assert added.title == "Anruf"
    assert added.participants == ("a", "b")
    # The same actor in both: one actor, with both timelines' quotes.
    assert [a.id for a in shown.actors] == ["a", "b"]
    assert [q.id for q in shown.quotes_by_speaker["a"]] == ["q1", "other:q1"]
    quote = shown.quotes_by_id["other:q1"]
    assert quote.event == "other:e1"
    target = find_target(shown, "other:q1")
    assert target is not None
    assert event_of(shown, target) == "other:e1"
    assert target.kind is TargetKind.QUOTE
    assert shown.layer_of(3).id == "other"
    assert shown.layer_of(1).id == "test-timeline"
    assert shown.layer_codes.tolist() == [0, 0, 1, 1]
    assert shown.layer_of_id("other:q1").id == "other"
    assert shown.layer_of_id("other:gone-event").id == "other"  # a note's target that is gone
    assert shown.layers[1].inner("other:e1") == "e1"
    assert shown.layers[1].inner("e1") is None


def test_an_actor_or_source_that_differs_is_not_given_the_other_timelines(
    minimal: dict[str, Any],
) -> None:
    base = Timeline.validate(minimal)
    actors = copy.deepcopy(minimal["actors"])
    actors[0]["name"] = "Another Anna"
    sources = [{"id": "src", "title": "Eine andere Quelle"}]
    shown = _stacked(base, _other(minimal, actors=actors, sources=sources))
    assert shown.actors_by_id["a"].name == "Anna"
    assert shown.actors_by_id["other:a"].name == "Another Anna"
    assert "other:b" not in shown.actors_by_id  # the same "Bland": shared
    added = shown.events_by_id["other:e1"]
    assert added.participants == ("other:a", "b")
    assert added.sources == ("other:src",)
    assert added.claims[0].by == "other:a"
    assert shown.quotes_by_id["other:q1"].speaker == "other:a"
    assert shown.quotes_by_id["other:q1"].source == "other:src"
    assert [q.id for q in shown.quotes_by_speaker["a"]] == ["q1"]
    assert shown.sources_by_id["other:src"].title == "Eine andere Quelle"


def test_a_prefix_never_meets_an_id_shown_already(minimal: dict[str, Any]) -> None:
    data = copy.deepcopy(minimal)
    data["events"][1]["id"] = "other:e2"
    data["events"][0]["related"] = ["other:e2"]
    base = Timeline.validate(data)
    shown = _stacked(base, _other(minimal))
    assert shown.layers[1].prefix == "other.2:"
    assert len(set(shown.events.ids)) == 4
    with pytest.raises(CannotAdd, match="other"):
        layer_beside(_other(minimal), [LayerData.of(base), LayerData.of(_other(minimal))])


def test_no_quote_actor_or_source_id_shown_begins_with_a_new_prefix(
    minimal: dict[str, Any],
) -> None:
    data = copy.deepcopy(minimal)
    data["quotes"][0]["id"] = "other:q1"
    data["actors"].append({"id": "other:a", "kind": "person", "name": "Zed"})
    base = Timeline.validate(data)
    actors = copy.deepcopy(minimal["actors"])
    actors[0]["name"] = "Another Anna"
    shown = _stacked(base, _other(minimal, actors=actors))
    assert shown.layers[1].prefix == "other.2:"
    assert len(set(shown.quotes.ids)) == 2
    assert shown.quotes_by_id["other.2:q1"].speaker == "other.2:a"
    assert shown.actors_by_id["other.2:a"].name == "Another Anna"
    assert shown.actors_by_id["other:a"].name == "Zed"


def test_added_timelines_are_renamed_again_when_what_is_before_them_changes(
    minimal: dict[str, Any],
) -> None:
    base = Timeline.validate(minimal)
    other = _other(minimal)
    layers = [LayerData.of(base)]
    layers.append(layer_beside(other, layers))
    assert layers[1].actor_ids == {}  # "a" and "b" are the same as the base's: shared
    # The first timeline is reloaded: it now has another "a", and an event
    # whose id begins with the added one's prefix.
    changed = copy.deepcopy(minimal)
    changed["actors"][0]["name"] = "Base-only Alice"
    changed["events"][1]["id"] = "other:e1"
    changed["events"][0]["related"] = ["other:e1"]
    kept, dropped = restacked([LayerData.of(Timeline.validate(changed)), layers[1]])
    assert dropped == []
    shown = stack(kept)
    assert len(set(shown.events.ids)) == 4
    prefix = shown.layers[1].prefix
    assert prefix == "other.2:"
    assert shown.quotes_by_id[f"{prefix}q1"].speaker == f"{prefix}a"
    assert shown.actors_by_id[f"{prefix}a"].name == "Anna"
    assert shown.events_by_id[f"{prefix}e1"].related == (f"{prefix}e2",)
    # Nothing changed before it: the layer is kept as it is, records and all.
    again, _ = restacked([LayerData.of(base), layers[1]])
    assert again[1] is layers[1]
    # The first timeline now has the added one's id: it cannot be shown with it.
    renamed = copy.deepcopy(minimal)
    renamed["id"] = "other"
    kept, dropped = restacked([LayerData.of(Timeline.validate(renamed)), layers[1]])
    assert len(kept) == 1
    assert dropped[0][1] == "A timeline with the id other is shown already."


def test_the_same_actor_in_two_added_timelines_is_one(minimal: dict[str, Any]) -> None:
    base = Timeline.validate(minimal)
    actors = copy.deepcopy(minimal["actors"])
    actors[0]["name"] = "Another Anna"
    second = _other(minimal, actors=actors)
    third = _other(minimal, id="third", title="Third", actors=actors)
    shown = _stacked(base, second, third)
    assert shown.quotes_by_id["third:q1"].speaker == "other:a"
    assert [q.id for q in shown.quotes_by_speaker["other:a"]] == ["other:q1", "third:q1"]


def test_long_ids_get_a_short_prefix(minimal: dict[str, Any]) -> None:
    base = Timeline.validate(minimal)
    data = copy.deepcopy(minimal)
    data["id"] = "x" * 150
    data["events"][1]["id"] = "e" * 100
    data["events"][0]["related"] = ["e" * 100]
    prefix = layer_beside(Timeline.validate(data), [LayerData.of(base)]).prefix
    assert prefix.startswith("t")
    assert len(prefix) == 10


def test_filters_search_and_facets_cover_every_timeline(tmp_path: Path) -> None:
    base = load_timeline(bundled_timeline())
    run_import("acled", DATA / "acled" / "argentina_2022-06_sample.csv", tmp_path / "a.json")
    shown = _stacked(base, load_timeline(tmp_path / "a.json"))
    assert len(shown.events) == len(base.events) + 326
    # A filter keeps rows of both: statements are in the report, protests in ACLED.
    kinds = EventFilter(kinds=frozenset({EventKind.STATEMENT, EventKind.OTHER}))
    kept = shown.layer_codes[event_mask(shown, kinds)]
    assert set(kept.tolist()) == {0, 1}
    # Facets read each layer's batches where they are (the report's last one is short).
    protesters = facets_of(shown).actor_rows["actor-Protesters-Argentina"]
    assert protesters.min() >= len(base.events)
    assert facets_of(shown).actor_rows["putin"].max() < len(base.events)
    index = TextIndex(shown)
    for _ in index.build():
        pass
    found = search_all(index, ["villa", "allende"])
    assert {shown.events.ids[int(r)] for r in found} == {"argentina_2022-06_sample:ARG10342"}
    found = search_all(index, ["putin"])
    assert len(found)
    assert np.all(found < len(base.events))


def test_a_renamed_actor_never_meets_one_of_the_timelines_own(minimal: dict[str, Any]) -> None:
    base = Timeline.validate(minimal)
    actors = copy.deepcopy(minimal["actors"])
    actors[0]["name"] = "Bob"  # differs from the report's "a": renamed
    actors.append({"id": "other:a", "kind": "person", "name": "Carl"})  # its own, so named
    data = copy.deepcopy(minimal)
    data["quotes"][0]["speaker"] = "other:a"
    shown = _stacked(base, _other(data, actors=actors, quotes=data["quotes"]))
    prefix = shown.layers[1].prefix
    assert prefix == "other.2:"
    quote = shown.quotes_by_id[f"{prefix}q1"]
    assert shown.actors_by_id[quote.speaker].name == "Carl"
    assert shown.actors_by_id[f"{prefix}a"].name == "Bob"


def test_an_added_file_whose_ids_grew_gets_a_prefix_they_fit_behind(
    minimal: dict[str, Any],
) -> None:
    base = Timeline.validate(minimal)
    long_id = "x" * 30
    layers = [LayerData.of(base)]
    layers.append(layer_beside(_other(minimal, id=long_id), layers))
    assert layers[1].prefix == f"{long_id}:"
    grown = copy.deepcopy(minimal)
    grown.update(id=long_id, title="Other")
    grown["events"][1]["id"] = "e" * 180  # behind its prefix: 211 characters, too long
    grown["events"][0]["related"] = ["e" * 180]
    again = layer_beside(Timeline.validate(grown), layers, replaces=layers[1])
    shown = stack([layers[0], again])
    assert again.prefix.startswith("t")
    assert len(again.prefix) == 10
    assert shown.events[3].id == again.prefix + "e" * 180  # made, not refused


def test_an_added_timelines_claims_and_date_sources_follow_its_renames(
    minimal: dict[str, Any],
) -> None:
    from tests.domain.test_schema4 import analysed

    data = analysed(copy.deepcopy(minimal))
    base = Timeline.validate(data)
    other = copy.deepcopy(data)
    other["sources"][0]["title"] = "Eine andere Quelle"  # its "src" is not the first's
    other["sources"][0]["published"] = {"precision": "day", "start": "2025-06-01", "source": "src"}
    shown = _stacked(base, _other(other))
    added, reported = shown.events_by_id["other:e1"], shown.events_by_id["other:e2"]
    assert added.claims[0].id == "other:c-anna"
    assert reported.claims[0].disputes == ("other:c-anna",)
    assert added.date.source == "other:src"
    assert added.first_reported is not None
    assert added.first_reported.source == "tass"  # the same TASS in both: shared
    published = shown.sources_by_id["other:src"].published
    assert published is not None
    assert published.source == "other:src"
    facets = facets_of(shown)  # each pair stays a pair, each in its own timeline
    assert facets.counterclaims("c-anna") == ["c-bland"]
    assert facets.counterclaims("other:c-anna") == ["other:c-bland"]
