"""Find: folding, words, what matches and where, on the bundled timeline and hostile data."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest

from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.index import event_index
from viewer.timeline.search import (
    CHUNK,
    NotesText,
    TextIndex,
    Where,
    fold,
    found_in,
    match_spans,
    query_words,
    search_all,
    snippet,
)


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return load_timeline(bundled_timeline())


def ids(timeline: Timeline, query: str, notes: list[Note] | None = None) -> list[str]:
    words = query_words(query)
    index = TextIndex(timeline)
    rows = search_all(index, words, NotesText(timeline, notes or []))
    return [timeline.events.ids[int(row)] for row in rows]


def test_fold_drops_case_and_accents() -> None:
    assert fold("Zermürbung") == "zermurbung"
    assert fold("SELENSKYJ") == "selenskyj"
    assert fold("Straße") == "strasse"
    assert fold("Ångström café") == "angstrom cafe"
    assert fold("e\u0301") == "e"  # a decomposed accent too


def test_query_words_are_folded_once_each_longest_first() -> None:
    assert query_words("  Istanbul  SELENSKYJ istanbul\x1e ") == ["selenskyj", "istanbul"]
    assert query_words(" \t ") == []


def test_accent_and_case_insensitive_on_the_bundled_timeline(bundled: Timeline) -> None:
    assert ids(bundled, "zermurbung") == ["press-conference-berlin-2025-06-04"]
    assert ids(bundled, "ZERMÜRBUNG") == ids(bundled, "zermurbung")
    selenskyj = ids(bundled, "SELENSKYJ")
    assert "leaders-summit-proposed" in selenskyj
    assert len(selenskyj) >= 3


def test_every_word_must_match_anywhere_in_the_event(bundled: Timeline) -> None:
    both = ids(bundled, "selenskyj istanbul")
    assert both
    assert set(both) <= set(ids(bundled, "selenskyj")) & set(ids(bundled, "istanbul"))
    assert ids(bundled, "selenskyj qqqqq") == []


def test_results_are_in_time_order(bundled: Timeline) -> None:
    found = ids(bundled, "putin")
    positions = [event_index(bundled).position[event_id] for event_id in found]
    assert len(found) > 5
    assert positions == sorted(positions)


def test_translations_speakers_and_places_are_searched(bundled: Timeline) -> None:
    # "Vatican" is only in an English translation, "Vatikan" in the German quote.
    assert ids(bundled, "vatican") == ["leaders-summit-proposed"]
    row = bundled.events.row_of("leaders-summit-proposed")
    assert row is not None
    found = found_in(bundled, row, query_words("vatican"))
    assert [f.where for f in found] == [Where.TRANSLATION]
    assert found[0].by == "Wolodymyr Selenskyj"
    assert found[0].owner == "q-selenskyj-4"


def test_notes_and_tags_are_searched(bundled: Timeline) -> None:
    on_quote = Note.new(NoteTarget(kind=TargetKind.QUOTE, id="q-wadephul-1"), "Nachprüfen!")
    on_event = Note.new(
        NoteTarget(kind=TargetKind.EVENT, id="drone-strike-2025-06-01"), "x", ["Spinnennetz"]
    )
    notes = [on_quote, on_event]
    assert ids(bundled, "nachprufen", notes) == ["press-conference-berlin-2025-06-04"]
    assert ids(bundled, "spinnennetz", notes) == ["drone-strike-2025-06-01"]
    assert ids(bundled, "nachprufen") == []  # without the notes, nothing
    # A word in the notes and one in the event: both must hold, across them.
    assert ids(bundled, "nachprufen zermurbung", notes) == ["press-conference-berlin-2025-06-04"]
    row = bundled.events.row_of("drone-strike-2025-06-01")
    assert row is not None
    found = found_in(bundled, row, ["spinnennetz"], [on_event])
    assert [(f.where, f.text, f.owner) for f in found] == [(Where.TAG, "Spinnennetz", on_event.id)]


def _many(minimal: dict[str, Any], count: int) -> Timeline:
    data = copy.deepcopy(minimal)
    template = data["events"][1]
    data["events"] = [
        {
            **template,
            "id": f"e{i}",
            "title": f"Ereignis {i}",
            "date": {"precision": "day", "start": f"{2000 + i % 20}-01-{1 + i % 28:02d}"},
        }
        for i in range(count)
    ]
    data["quotes"] = [{**data["quotes"][0], "event": f"e{count - 1}", "text": "Schlußwort"}]
    return Timeline.validate(data)


def test_across_chunks_and_in_time_order(minimal: dict[str, Any]) -> None:
    timeline = _many(minimal, CHUNK + 50)
    index = TextIndex(timeline)
    steps = list(index.build())
    assert len(steps) == 1 + 2
    assert steps[-1] == 1.0
    assert index.built
    rows = search_all(index, query_words("ereignis"))
    assert len(rows) == CHUNK + 50
    positions = event_index(timeline).position_of_row[rows]
    assert np.all(np.diff(positions) > 0)
    # The quote of the last event, in the second chunk: "ß" in the text, "ss" asked.
    assert [timeline.events.ids[int(r)] for r in search_all(index, ["schlusswort"])] == [
        f"e{CHUNK + 49}"
    ]
    first = next(index.search(query_words("ereignis 7")))
    assert timeline.events.ids[int(first[0])] == "e7"


def test_marks_in_the_data_cannot_split_an_event(minimal: dict[str, Any]) -> None:
    # The index's own marks (U+001E, U+001F) are control characters, which no
    # model text holds (a file with one is refused): line breaks, where allowed.
    minimal["events"][0]["title"] = "Anruf\u2029hier\u2028dort weiter"
    minimal["events"][0]["summary"] = "zwei\nteile"
    timeline = Timeline.validate(minimal)
    assert ids(timeline, "hier dort weiter anruf") == ["e1"]
    assert ids(timeline, "angriff") == ["e2"]  # the next event is still itself
    assert ids(timeline, "zwei teile") == ["e1"]


def test_match_spans_point_at_the_original_characters() -> None:
    text = "Die Straße, die Zermürbung."
    spans = match_spans(text, ["strasse", "murb"])
    assert [text[a:b] for a, b in spans] == ["Straße", "mürb"]
    assert match_spans("aaaa", ["aa"]) == [(0, 4)]
    assert match_spans("", ["x"]) == []
    assert match_spans("x", []) == []


def test_snippet_shows_the_match_and_starts_at_a_word() -> None:
    text = " ".join(f"wort{i}" for i in range(60)) + " Zermürbung " + "ende " * 30
    cut = snippet(text, ["zermurbung"], width=60)
    assert "Zermürbung" in cut
    assert cut.startswith("…wort")
    assert cut.endswith("…")
    assert len(cut) <= 62
    assert snippet("kurz\nund gut", ["gut"]) == "kurz und gut"
