"""An import's dates and the rest of its file are checked without pydantic when
they plainly are valid, and by the model itself when that is unsure: both ways
agree on what is valid (issue 27)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.importers.test_acled import FIXTURE
from viewer.importers import output_check, written_events
from viewer.importers.acled import values
from viewer.importers.output_check import OutputCheck

_ENCODE = msgspec.json.Encoder().encode

VALID_DATES: list[dict[str, Any]] = [
    {"precision": "day", "start": "2022-06-04"},
    {"precision": "week", "start": "2022-W22", "note": "ACLED codes it as 2022-06-04"},
    {"precision": "month", "start": "2022-06", "note": ""},
    {"precision": "year", "start": "-0043"},
    {"precision": "minute", "start": "2022-06-04T10:30+03:00"},
    {"precision": "day", "start": "2022-06-04", "end": "2022-06-05"},
    {"precision": "day", "start": "2022-06-04", "end": ".."},
    {"precision": "day", "start": "2022-06-04", "end": "2022-06-04"},
    {"precision": "day", "start": "2022-06-04", "end": "2022-06-09", "approximate": True},
    {"precision": "day", "start": "2022-06-04", "source": "source-1"},
    {"precision": "week", "start": "2020-W53"},
    {"precision": "day", "start": "2024-02-29", "note": "x" * 500},
    # Valid, though the file's struct is unsure of it: the model says.
    {"precision": "day", "start": "2022-06-04", "approximate": 1},
]

INVALID_DATES: list[dict[str, Any]] = [
    {"precision": "day", "start": "2022-06"},
    {"precision": "days", "start": "2022-06-04"},
    {"precision": "day", "start": "2023-02-29"},
    {"precision": "week", "start": "2021-W53"},
    {"precision": "month", "start": "2022-13"},
    {"precision": "day", "start": "-0000-01-01"},
    {"precision": "minute", "start": "2022-06-04T10:30"},
    {"precision": "day", "start": "2022-06-04", "end": "2022-06-03"},
    {"precision": "day", "start": "2022-06-04", "end": "..", "approximate": True},
    {"precision": "day", "start": "2022-06-04", "note": "two\nlines"},
    {"precision": "day", "start": "2022-06-04", "note": "a tab\there"},
    {"precision": "day", "start": "2022-06-04", "note": "C1 \x85"},
    {"precision": "day", "start": "2022-06-04", "note": "x" * 501},
    {"precision": "day", "start": "2022-06-04", "source": "-not an id"},
    {"precision": "day", "start": "2022-06-04", "colour": "red"},
    {"precision": "day", "start": 20220604},
    {"precision": "day"},
    {"start": "2022-06-04"},
]


def _key(date: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(date.items())


@pytest.mark.parametrize("date", VALID_DATES, ids=lambda d: _ENCODE(d).decode())
def test_a_valid_date_is_vouched_for_as_the_model_says(date: dict[str, Any]) -> None:
    assert written_events.date_exactly(_ENCODE(date))
    assert written_events._date(_key(date))


@pytest.mark.parametrize("date", INVALID_DATES, ids=lambda d: _ENCODE(d).decode()[:60])
def test_an_invalid_date_is_not_vouched_for_either_way(date: dict[str, Any]) -> None:
    assert not written_events.date_exactly(_ENCODE(date))
    assert not written_events._date(_key(date))


def test_a_plainly_valid_date_never_asks_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def asked(_encoded: bytes) -> bool:
        raise AssertionError("the model was asked")

    monkeypatch.setattr(written_events, "date_exactly", asked)
    plain = [date for date in VALID_DATES if date.get("approximate") != 1]
    assert plain
    for date in plain:
        assert written_events._date(_key(date))


def _start(**header: Any) -> bytes:
    made = {
        "schema_version": 3,
        "id": "acled",
        "title": "ACLED",
        "language": "en",
        "description": "",
        **header,
    }
    return _ENCODE(made)[:-1] + b',\n"events":[\n'


def _rest(actors: list[dict[str, Any]], sources: list[dict[str, Any]]) -> bytes:
    return (
        b"\n],\n"
        + b'"actors":'
        + _ENCODE(actors)
        + b',\n"sources":'
        + _ENCODE(sources)
        + b',\n"eras":[]\n}\n'
    )


_ACTOR = {"id": "actor-a", "kind": "organisation", "name": "A"}
_SOURCE = {"id": "source-a", "title": "A"}

RESTS: dict[str, tuple[bytes, bytes]] = {
    "valid": (_start(), _rest([_ACTOR], [_SOURCE])),
    "newer than the app": (_start(schema_version=99), _rest([_ACTOR], [_SOURCE])),
    "an actor twice": (_start(), _rest([_ACTOR, _ACTOR], [_SOURCE])),
    "an actor of no kind": (_start(), _rest([{**_ACTOR, "kind": "army"}], [_SOURCE])),
    "a source id that is none": (_start(), _rest([_ACTOR], [{**_SOURCE, "id": "-x"}])),
    "a language that is none": (_start(language="english!"), _rest([_ACTOR], [_SOURCE])),
    "a title with a line break": (_start(title="A\nB"), _rest([_ACTOR], [_SOURCE])),
    "a published date that is none": (
        _start(),
        _rest([_ACTOR], [{**_SOURCE, "published": {"precision": "day", "start": "2022"}}]),
    ),
}


@pytest.mark.parametrize("name", RESTS, ids=list(RESTS))
def test_the_rest_of_the_file_is_judged_as_the_model_judges_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file's header, actors and sources: checked as `validate` checks a file,
    and the same problems said as the exact way says them."""
    start, rest = RESTS[name]

    def finish() -> list[Any]:
        check = OutputCheck(start)
        check._actors.add("actor-a")
        check._sources.add("source-a")
        return check.finish(rest)

    plainly = finish()
    monkeypatch.setattr(output_check, "summary", lambda _data: None)  # the exact way only
    assert finish() == plainly
    assert (plainly == []) == (name == "valid")


def test_the_referred_ids_are_checked_the_plain_way() -> None:
    start, rest = RESTS["valid"]
    check = OutputCheck(start)
    check._actors.update({"actor-a", "actor-b"})
    check._sources.update({"source-a", "source-b"})
    said = [problem.message for problem in check.finish(rest)]
    assert said == [
        "an event refers to no actor: found 'actor-b'",
        "an event refers to no source: found 'source-b'",
    ]


def test_an_import_needs_neither_pydantic_nor_the_model(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from viewer.importers.acled.convert import import_acled\n"
        f"import_acled(Path({str(FIXTURE)!r}), Path({str(tmp_path / 'out.json')!r}))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'numpy')"
        " or m == 'viewer.domain.model'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "out.json").stat().st_size > 0


def test_the_months_are_the_ones_the_dates_words_mark() -> None:
    from viewer.domain.describe import MONTHS

    assert [month.lower() for month in MONTHS] == values._MONTH_NAMES


def _events(n: int, **values: Any) -> list[dict[str, Any]]:
    """``n`` plainly valid events (ids E1 ...) holding ``values``."""
    date = {"precision": "day", "start": "2022-06-04"}
    return [
        {"id": f"E{i}", "kind": "other", "title": "A protest", "date": date, **values}
        for i in range(1, n + 1)
    ]


BAD_PLACES: list[Any] = [("Kyiv", "two\nlines"), ("Kyiv", "C1 \x85"), ("Kyiv", 1), ("x" * 501,)]


@pytest.mark.parametrize("bad", BAD_PLACES)
def test_a_value_vouched_for_once_lets_no_other_through(bad: tuple[Any, ...]) -> None:
    """A value vouched for in one batch (the importer's cache hands it again)
    vouches for no other: a bad one is not vouched for, in any batch, in any
    field. A guard for checking each repeated value once."""
    check = written_events.WrittenEvents()
    good = ("Kyiv", "Ukraine")
    assert check.vouch(_events(3, places=good), set(), set())
    assert check.vouch(_events(3, places=good), set(), set())
    assert not check.vouch(_events(2, places=good) + _events(1, places=bad), set(), set())
    assert not check.vouch(_events(3, places=bad), set(), set())  # again: never remembered
    assert not check.vouch(_events(1, tags=good) + _events(1, tags=tuple(bad)), set(), set())


def test_a_list_is_looked_at_in_each_batch() -> None:
    """A list may change between batches: what it holds then is what is vouched for."""
    check = written_events.WrittenEvents()
    places = ["Kyiv", "Ukraine"]
    assert check.vouch(_events(3, places=places), set(), set())
    places.append("two\nlines")
    assert not check.vouch(_events(3, places=places), set(), set())


def test_a_value_vouched_for_in_one_field_is_looked_at_in_another() -> None:
    """A tuple fit to be places is not therefore fit to be participants (ids)."""
    check = written_events.WrittenEvents()
    places = ("Kyiv", "New York")
    assert check.vouch(_events(2, places=places), set(), set())
    assert not check.vouch(_events(2, participants=places), set(), set())


def test_the_ids_a_remembered_tuple_refers_to_are_kept() -> None:
    """Participants and sources that repeat name their ids to the whole
    file's check (kept when first seen)."""
    check = written_events.WrittenEvents()
    actors: set[str] = set()
    sources: set[str] = set()
    cast, cited = ("actor-1", "actor-2"), ("source-1",)
    for _ in range(3):
        assert check.vouch(_events(4, participants=cast, sources=cited), actors, sources)
    assert actors == {"actor-1", "actor-2"}
    assert sources == {"source-1"}


def test_an_import_refuses_a_bad_place_the_importer_hands_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad value the importer's cache hands to every event is refused (the
    whole import, and no file written), at the first event that has it."""
    from viewer.importers.acled.convert import import_acled
    from viewer.importers.common import ImportFailed

    monkeypatch.setattr(output_check, "CHECK_BATCH", 3)
    monkeypatch.setattr(values, "places_of", lambda key: ("Kyiv", "C1 \x85"))
    monkeypatch.setattr("viewer.importers.acled.batch.places_of", values.places_of)
    out = tmp_path / "out.json"
    with pytest.raises(ImportFailed) as failed:
        import_acled(FIXTURE, out)
    said = [(p.where, p.message) for p in failed.value.problems]
    assert any(where.startswith("events[0].places") for where, _ in said), said
    assert not out.exists()
