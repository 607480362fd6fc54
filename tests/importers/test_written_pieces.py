"""Events written from pieces (the ACLED import's way): the very bytes an event
written as a dict has, each piece checked once when made, and a piece that is
not plainly valid checked the exact way, which names the problem."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from viewer.importers.common import ImportFailed, ModelWriter
from viewer.importers.output_check import CHECK_BATCH
from viewer.importers.written_events import HEAD, TAIL, Piece, WrittenEvents, piece_type

FULL: dict[str, Any] = {
    "id": "ARG10607",
    "kind": "attack",
    "title": 'Armed clash in "Rosario"',
    "date": {"precision": "week", "start": "2022-W22", "note": "ACLED codes it as 2022-06-04"},
    "participants": ["actor-a", "actor-b"],
    "places": ["Rosario", "Santa Fe", "Argentina"],
    "tags": ["Battles", "Armed clash"],
    "summary": "On 4 June 2022 \u2013 a clash.\n\nSources' scale: National",
    "sources": ["source-x"],
    "fatalities": 3,
    "coordinates": {"latitude": -32.9468, "longitude": -60.6393},
}
# The same event with the model's defaults left out (no summary, sources,
# fatalities or coordinates).
BARE = {key: FULL[key] for key in ("id", *HEAD)}
ACTORS = [
    {"id": "actor-a", "kind": "organisation", "name": "A"},
    {"id": "actor-b", "kind": "state", "name": "B"},
]
SOURCES = [{"id": "source-x", "title": "X"}]


def _by_pieces(writer: ModelWriter, events: list[dict[str, Any]]) -> None:
    """Write ``events`` as an importer of pieces does: their ids taken, then
    the batch a column at a time."""
    for event in events:
        assert writer.take_id(event["id"])
    writer.events_of(
        [event["id"] for event in events],
        [[writer.piece(field, event.get(field)) for event in events] for field in HEAD],
        [event.get("summary", "") for event in events],
        [[writer.piece(field, event.get(field)) for event in events] for field in TAIL],
    )


def _written(path: Path, events: list[dict[str, Any]], *, pieces: bool, batch: int = 100) -> bytes:
    made = [{**event, "id": f"{event['id']}-{n}"} for n, event in enumerate(events)]
    with ModelWriter(path, timeline_id="t", title_="T", language="en") as writer:
        if pieces:
            for start in range(0, len(made), batch):
                _by_pieces(writer, made[start : start + batch])
        else:
            for event in made:
                writer.event(event)
        writer.finish(ACTORS, SOURCES)
    return path.read_bytes()


@pytest.mark.parametrize("event", [FULL, BARE], ids=["every field", "defaults left out"])
def test_an_event_of_pieces_is_written_as_its_dict_would_be(
    tmp_path: Path, event: dict[str, Any]
) -> None:
    events = [event] * (CHECK_BATCH + 5)  # a whole batch and a part of one
    as_dicts = _written(tmp_path / "dicts.json", events, pieces=False)
    as_pieces = _written(tmp_path / "pieces.json", events, pieces=True)
    assert as_pieces == as_dicts
    in_one = _written(tmp_path / "one.json", events, pieces=True, batch=len(events))
    assert in_one == as_dicts
    assert json.loads(as_pieces)["events"][0] == {**event, "id": f"{event['id']}-0"}


def test_pieces_are_vouched_for_by_their_types() -> None:
    written = WrittenEvents()
    actors: set[str] = set()
    sources: set[str] = set()

    def piece(field: str, value: Any) -> bytes:
        return written.piece(field, value, actors, sources)

    head = tuple(piece(field, FULL[field]) for field in HEAD)
    tail = tuple(piece(field, FULL[field]) for field in TAIL)
    assert all(isinstance(made, Piece) for made in (*head, *tail))
    assert type(head[1]) is piece_type("title")
    assert head[1] == b',"title":"Armed clash in \\"Rosario\\""'
    assert actors == {"actor-a", "actor-b"}
    assert sources == {"source-x"}

    def columns(*events: tuple[bytes, ...]) -> list[list[bytes]]:
        return [list(column) for column in zip(*events, strict=True)]

    whole = (*head, *tail)
    assert written.vouch_columns(["e1", "e2", "e3"], ["", "", "s"], columns(whole, whole, whole))
    # A piece at another field's place, or plain bytes, is not vouched for.
    swapped = (head[1], head[0], *head[2:], *tail)
    assert not written.vouch_columns(["e1", "e2"], ["", ""], columns(whole, swapped))
    forged = (b',"kind":"attack"', *head[1:], *tail)
    assert not written.vouch_columns(["e1"], [""], columns(forged))
    assert not written.vouch_columns(["e 1"], [""], columns(whole))  # not an id
    assert not written.vouch_columns(["e1"], ["x" * 100_001], columns(whole))
    assert not written.vouch_columns(["e1", "e2"], [""], columns(whole, whole))  # a summary short


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "battle"),
        ("title", "two\nlines"),
        ("title", ""),
        ("title", None),
        ("date", {"precision": "day", "start": "2022-06-31"}),
        ("date", {"precision": "day", "start": "2022-06-04", "end": "2022-06-01"}),
        ("places", ["Rosario\u0085"]),
        ("tags", ["x" * 1000]),
        ("participants", ["not an id"]),
        ("sources", "source-x"),
        ("fatalities", -1),
        ("fatalities", 1.5),
        ("coordinates", {"latitude": 91.0, "longitude": 0.0}),
        ("coordinates", {"latitude": float("nan"), "longitude": 0.0}),
    ],
)
def test_a_value_not_plainly_valid_is_no_piece(field: str, value: Any) -> None:
    made = WrittenEvents().piece(field, value, set(), set())
    assert type(made) is bytes


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("title", "two\nlines", "title"),
        ("date", {"precision": "day", "start": "2022-06-31"}, "date"),
        ("fatalities", -1, "fatalities"),
        ("places", ["x" * 1000], "places"),
    ],
)
def test_an_import_with_a_bad_piece_is_refused_by_name(
    tmp_path: Path, field: str, value: Any, path: str
) -> None:
    target = tmp_path / "out.json.gz"
    events = [FULL] * 10 + [{**FULL, field: value}] + [FULL] * 10
    with pytest.raises(ImportFailed) as failed:
        _written(target, events, pieces=True)
    said = [str(problem) for problem in failed.value.problems]
    assert any(f"events[10].{path}" in line for line in said), said
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing left behind


def test_a_piece_refers_to_the_actors_that_must_be_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with ModelWriter(target, timeline_id="t", title_="T", language="en") as writer:
        _by_pieces(writer, [{**FULL, "participants": ["actor-a", "actor-c"]}])
        with pytest.raises(ImportFailed, match="refers to no actor: found 'actor-c'"):
            writer.finish(ACTORS, SOURCES)
    assert not target.exists()


def test_a_gzipped_import_of_pieces_opens_as_the_plain_one(tmp_path: Path) -> None:
    plain = _written(tmp_path / "p.json", [FULL, BARE] * 700, pieces=True)
    zipped = _written(tmp_path / "p.json.gz", [FULL, BARE] * 700, pieces=True)
    assert gzip.decompress(zipped) == plain


def test_a_repeated_id_not_taken_is_found(tmp_path: Path) -> None:
    """Ids handed to events_of that were not taken first are looked up: a
    repeated one is refused, by name."""
    target = tmp_path / "out.json"
    with ModelWriter(target, timeline_id="t", title_="T", language="en") as writer:
        writer.take_id("e1")
        columns = {field: writer.piece(field, FULL.get(field)) for field in (*HEAD, *TAIL)}
        with pytest.raises(ImportFailed, match=r"events\[1\]\.id: duplicate id 'e1'"):
            writer.events_of(
                ["e1", "e1"],
                [[columns[field]] * 2 for field in HEAD],
                ["", ""],
                [[columns[field]] * 2 for field in TAIL],
            )
    assert not target.exists()
