"""The ACLED import's output, byte for byte, and its report, pinned (issue 27).

The importer is made faster without changing what it writes: the model file
of the fixture and of an export with every quirk (acled_quirks.py: R's NA,
dates of each form and precision, bad values in every column that can have
one, repeated and odd ids, control characters, long texts, a short row), as
a CSV and as ACLED's API answer, is the one the importer wrote before
(``8fd93f0``), and so is the report (every problem, in order, and the notes).
If a change to the output is meant, the hashes change with it, said in the
commit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.importers.acled_quirks import write_quirky_api, write_quirky_csv
from tests.importers.test_acled import FIXTURE
from viewer.importers.acled.convert import import_acled
from viewer.importers.written_events import WrittenEvents

# sha256 of the model file, and of repr() of the report.
PINNED = {
    "fixture": (
        "385065c273be0e02bb6446aa0772e7443e52cbc309b5e2a73d1febc72d6d7ddc",
        "b5d393278dec24ce394f4b3f0515f002bb76db3f2a2a196ef101ea3e768234fa",
    ),
    "quirky": (
        "375764cc1343a4648c9484f56e4a42b4304b1155e84b3fce4908a0f7edce766e",
        "0ca6edceb79da71bbc74434ed1d938ba4281c32c7c5a53a67291d1b85493ab08",
    ),
    "api": (
        "ce201a1cd066fbcd251fed00062ce415413a2952e626fcd1ef7b4a8ec9c13cd3",
        "3d51a73a6195500275faae48b8383d54da309c1fd5380f8d43baf0bdd8f77139",
    ),
}


def _source(name: str, folder: Path) -> Path:
    if name == "fixture":
        return FIXTURE
    if name == "quirky":
        return write_quirky_csv(folder / "quirky.csv")
    return write_quirky_api(folder / "quirky-api.json")


@pytest.mark.parametrize("name", PINNED)
def test_the_output_and_report_are_as_pinned(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    vouched: list[bool] = []
    original = WrittenEvents.vouch_columns

    def vouch(self: WrittenEvents, *args: object) -> bool:
        vouched.append(original(self, *args))  # type: ignore[arg-type]
        return vouched[-1]

    monkeypatch.setattr(WrittenEvents, "vouch_columns", vouch)
    out = tmp_path / f"{name}.json"
    report = import_acled(_source(name, tmp_path), out)
    made = hashlib.sha256(out.read_bytes()).hexdigest()
    said = hashlib.sha256(repr(report).encode()).hexdigest()
    assert (made, said) == PINNED[name]
    # The events were vouched for by their pieces, never decoded again (the fast way).
    assert vouched
    assert all(vouched)


def _event(**changed: object) -> dict[str, object]:
    event: dict[str, object] = {
        "id": "ARG1",
        "kind": "attack",
        "title": "Armed clash in Rosario",
        "date": {"precision": "day", "start": "2022-06-04"},
        "participants": ["actor-1"],
        "places": ["Rosario", "Santa Fe"],
        "tags": ["Battles"],
        "summary": "Two groups\n\nclashed.",
        "sources": ["source-1"],
        "fatalities": 0,
        "coordinates": {"latitude": -32.9, "longitude": -60.6},
    }
    event.update(changed)
    return {key: value for key, value in event.items() if value is not None}


NOT_VOUCHED_FOR: dict[str, dict[str, object]] = {
    "a field it does not know": {"related": ["ARG2"]},
    "no title": {"title": None},
    "an empty title": {"title": ""},
    "a tab in a title": {"title": "a\tb"},
    "a kind the model has not": {"kind": "war"},
    "an id that is not one": {"id": "-x"},
    "an id with a line break": {"id": "ARG1\nARG2"},
    "a week as a day": {"date": {"precision": "week", "start": "2022-06-04"}},
    "an end before the start": {
        "date": {"precision": "day", "start": "2022-06-04", "end": "2022-06-01"}
    },
    "participants as a text": {"participants": "actor-1"},
    "a participant who is no id": {"participants": ["actor 1"]},
    "a C1 control in a place": {"places": ["Next\x85Line"]},
    "a tag too long": {"tags": ["x" * 101]},
    "fatalities as true": {"fatalities": True},
    "negative fatalities": {"fatalities": -1},
    "a summary too long": {"summary": "x" * 20_001},
    "a latitude not a number": {"coordinates": {"latitude": float("nan"), "longitude": 0.0}},
    "a latitude off the Earth": {"coordinates": {"latitude": 90.5, "longitude": 0.0}},
    "a longitude as an int": {"coordinates": {"latitude": 0.0, "longitude": 1}},
}


@pytest.mark.parametrize("wrong", NOT_VOUCHED_FOR, ids=list(NOT_VOUCHED_FOR))
def test_what_is_not_plainly_valid_is_not_vouched_for(wrong: str) -> None:
    """Anything else is left to the exact check, which names the problem."""
    written = WrittenEvents()
    actors: set[str] = set()
    sources: set[str] = set()
    assert written.vouch([_event()], actors, sources)
    assert (actors, sources) == ({"actor-1"}, {"source-1"})
    assert not written.vouch([_event(id="ARG2"), _event(**NOT_VOUCHED_FOR[wrong])], set(), set())
