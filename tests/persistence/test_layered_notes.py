"""Notes of timelines shown together: kept in each timeline's own ids, shown in the stacked ones."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import strip_isolates
from viewer.domain.notes import Note, NoteTarget, TargetKind, event_of, target_title
from viewer.domain.timeline import Timeline
from viewer.persistence.layered_notes import (
    LayerInOwnIds,
    beside,
    own_note,
    own_timeline,
    shown_note,
    write_notes,
)
from viewer.persistence.notes_export import from_w3c
from viewer.timeline.stacking import shown_together


def _timelines(minimal: dict[str, Any]) -> tuple[Timeline, Timeline]:
    other = copy.deepcopy(minimal)
    other.update(id="other", title="Other")
    other["events"][0]["title"] = "Anderer Anruf"
    return Timeline.validate(minimal), Timeline.validate(other)


def _stacked(*timelines: Timeline) -> Timeline:
    return shown_together(timelines)


def _on(kind: TargetKind, target_id: str, text: str = "Notiz") -> Note:
    return Note.new(NoteTarget(kind=kind, id=target_id), text)


def test_a_note_is_translated_between_the_shown_ids_and_the_timelines_own(
    minimal: dict[str, Any],
) -> None:
    shown = _stacked(*_timelines(minimal))
    base, added = shown.layers
    note = _on(TargetKind.EVENT, "e1")
    assert shown_note(base, note) is note  # the first timeline keeps its ids
    assert own_note(base, note) is note
    outside = shown_note(added, note)
    assert outside.target == NoteTarget(kind=TargetKind.EVENT, id="other:e1")
    assert (outside.id, outside.text, outside.created) == (note.id, note.text, note.created)
    assert own_note(added, outside) == note
    with pytest.raises(ValueError, match="not an id of the timeline"):
        own_note(added, note)
    # A shown id may be longer than a target id may be: translated all the same.
    long_id = "x" * 199
    far = shown_note(added, _on(TargetKind.QUOTE, long_id))
    assert far.target.id == "other:" + long_id
    assert own_note(added, far).target.id == long_id


def test_each_timeline_reads_in_its_own_ids(minimal: dict[str, Any]) -> None:
    alone, other = _timelines(minimal)
    assert own_timeline(alone, alone.layers[0]) is alone
    shown = _stacked(alone, other)
    base, added = (own_timeline(shown, layer) for layer in shown.layers)
    assert isinstance(added, LayerInOwnIds)
    assert (added.id, added.title) == ("other", "Other")
    assert list(added.events_by_id) == ["e1", "e2"]
    assert len(added.quotes_by_id) == 1
    assert added.events_by_id["e1"].title == "Anderer Anruf"
    assert added.events_by_id["e1"].id == "e1"
    assert base.events_by_id["e1"].title == "Anruf"
    # Another timeline's ids are not its own, shown or not.
    assert "other:e1" not in base.events_by_id
    assert "other:q1" not in base.quotes_by_id
    assert "other:e1" not in added.events_by_id
    quote = added.quotes_by_id["q1"]
    assert (quote.id, quote.event) == ("q1", "e1")
    on_quote = NoteTarget(kind=TargetKind.QUOTE, id="q1")
    assert event_of(added, on_quote) == "e1"
    assert target_title(added, on_quote) == target_title(shown, own_to_shown(on_quote))
    assert target_title(added, NoteTarget(kind=TargetKind.EVENT, id="e1")) == "Anderer Anruf"
    assert target_title(added, NoteTarget(kind=TargetKind.EVENT, id="gone")) is None


def own_to_shown(target: NoteTarget) -> NoteTarget:
    return NoteTarget(kind=target.kind, id="other:" + target.id)


def test_an_added_timelines_notes_are_written_in_its_own_ids(
    minimal: dict[str, Any], tmp_path: Path
) -> None:
    alone, other = _timelines(minimal)
    shown = _stacked(alone, other)
    added = own_timeline(shown, shown.layers[1])
    notes = [_on(TargetKind.EVENT, "e1", "zum Anruf"), _on(TargetKind.QUOTE, "q1", "zum Zitat")]
    path = beside(tmp_path / "mine.notes.jsonld", "other")
    assert path.name == "mine.notes.other.jsonld"
    write_notes(path, added, notes)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["label"] == "Notes on Other"
    labels = {
        item["target"]["selector"]["value"]: item["target"]["label"]
        for item in document["first"]["items"]
    }
    assert labels == {"event=e1": "Anderer Anruf", "quote=q1": "Anna: „Ein gutes Gespräch.“"}
    # Read back with that timeline open alone (as `timeline-viewer notes import` does).
    back = from_w3c(path.read_bytes(), other)
    assert sorted((n.target.id, n.text) for n in back) == [("e1", "zum Anruf"), ("q1", "zum Zitat")]
    markdown = tmp_path / "mine.notes.other.md"
    write_notes(markdown, added, notes)
    text = strip_isolates(markdown.read_text(encoding="utf-8"))
    assert text.startswith("# Notes on Other\n")
    assert "## Anderer Anruf" in text
    assert "Detached" not in text
