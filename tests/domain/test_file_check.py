"""``validate``'s fast check agrees with the exact way: it vouches for every valid
file the fast load vouches for, with the same counts, and for no broken one."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, JsonPath, dump, path_name, set_at
from tests.domain.test_control_chars import BREAKS, CONTROLS, TEXTS, _filled
from tests.domain.test_schema3 import imported
from tests.domain.test_schema4 import BAD, analysed
from viewer.cli.main import main
from viewer.domain import fast_load, file_structs, model
from viewer.domain.file_check import FileSummary, summary
from viewer.persistence.model_file import ModelFileError, parse_timeline
from viewer.persistence.paths import bundled_timeline

Change = Callable[[dict[str, Any]], object]


def exact(data: bytes) -> FileSummary | None:
    """What the exact way (the app's load) says of ``data``: its summary, or None."""
    try:
        timeline = parse_timeline(bytearray(data))
    except ModelFileError:
        return None
    counts = len(timeline.events), len(timeline.quotes), len(timeline.actors)
    actors = frozenset(actor.id for actor in timeline.actors)
    sources = frozenset(source.id for source in timeline.sources)
    return FileSummary(timeline.id, *counts, actors, sources)


def assert_valid_both_ways(data: bytes) -> None:
    said = exact(data)
    assert said is not None, "a valid file"
    assert summary(data) == said
    # (The app's load takes a BOM off before the fast load sees the file.)
    unmarked = data.removeprefix(b"\xef\xbb\xbf")
    assert fast_load.build(unmarked) is not None, "the fast load vouches for it too"


def assert_broken_both_ways(data: bytes) -> None:
    assert exact(data) is None, "a broken file"
    assert summary(data) is None, "the fast check must not vouch for it"


def _imported_files(tmp_path: Path) -> list[Path]:
    """Model files as the importers write them, from the test data."""
    written = []
    for kind, source in (
        ("acled", DATA / "acled" / "argentina_2022-06_sample.csv"),
        ("timelinejs", DATA / "timelinejs" / "houston.json"),
        ("timelinejs", DATA / "timelinejs" / "quirks.json"),
        ("timelinejs", DATA / "timelinejs" / "women_in_computing.csv"),
    ):
        out = tmp_path / f"{source.stem}.json"
        assert main(["import", kind, str(source), "-o", str(out)]) == 0
        written.append(out)
    return written


def test_the_bundled_and_test_files_are_valid_both_ways(tmp_path: Path) -> None:
    files = [bundled_timeline(), DATA / "model" / "caesar-44bc.json", *_imported_files(tmp_path)]
    for path in files:
        assert_valid_both_ways(path.read_bytes())


@pytest.mark.parametrize("build", [lambda d: d, imported, analysed, _filled])
def test_the_test_models_are_valid_both_ways(
    minimal: dict[str, Any], build: Callable[[dict[str, Any]], dict[str, Any]]
) -> None:
    assert_valid_both_ways(dump(build(minimal)))


def test_a_file_with_a_bom_and_line_breaks_in_long_text_is_valid_both_ways(
    minimal: dict[str, Any],
) -> None:
    data = _filled(minimal)
    data["description"] = "Zwei\r\nZeilen\tund\rmehr"
    data["events"][0]["summary"] = "Erstens\nzweitens"
    assert_valid_both_ways(b"\xef\xbb\xbf" + dump(data))


@pytest.mark.parametrize(("change", "path", "said"), BAD)
def test_a_wrong_analysts_field_is_broken_both_ways(
    minimal: dict[str, Any], change: Change, path: str, said: str
) -> None:
    data = analysed(minimal)
    change(data)
    assert_broken_both_ways(dump(data))


@pytest.mark.parametrize(("path", "long"), TEXTS, ids=[path_name(p) for p, _ in TEXTS])
def test_control_characters_and_one_line_breaks_are_broken_both_ways(
    minimal: dict[str, Any], path: JsonPath, long: bool
) -> None:
    chars = CONTROLS + ([] if long else list(BREAKS.values()))
    assert chars
    for char in chars:
        data = _filled(json.loads(json.dumps(minimal)))
        set_at(data, path, f"https://a.example/{char}x" if path[-1] == "url" else f"ab{char}c")
        for raw in (dump(data), json.dumps(data).encode()):  # raw UTF-8, and as \u escapes
            assert_broken_both_ways(raw)


def _long_list(data: dict[str, Any]) -> None:
    data["eras"] = [{"title": "E", "date": {"precision": "year", "start": "2025"}}] * 1_001


# Sources, actors and eras (checked with pydantic by the fast load, with structs
# here), and what the whole-file checks find, each broken one way.
BROKEN: list[Change] = [
    lambda d: d["sources"][0].update(title=""),
    lambda d: d["sources"][0].update(title="x" * 501),
    lambda d: d["sources"][0].update(publisher=""),
    lambda d: d["sources"][0].update(url="x" * 2_001),
    lambda d: d["sources"][0].update(language="x"),
    lambda d: d["sources"][0].update(language="en_GB"),
    lambda d: d["sources"][0].update(language="en\n"),
    lambda d: d["sources"][0].update(reliability="G"),
    lambda d: d["sources"][0].update(rating=3),
    lambda d: d["sources"][0].update(id="no spaces"),
    lambda d: d["sources"][0].update(id="x" * 201),
    lambda d: d["sources"][0].update(id="abc\n"),
    lambda d: d["sources"][0]["published"].update(start="2025-13-01"),
    lambda d: d["sources"][0]["published"].update(end="2025-06-01"),
    lambda d: d["sources"][0]["published"].update(end="..", approximate=True),
    lambda d: d["sources"][0]["published"].update(source="nowhere"),
    lambda d: d["sources"][0]["published"].update(precision="hour"),
    lambda d: d["sources"].append({"id": "src", "title": "Twice"}),
    lambda d: d["actors"][0].update(kind="robot"),
    lambda d: d["actors"][0].update(name=""),
    lambda d: d["actors"][0].update(role="x" * 201),
    lambda d: d["actors"][0].update(affiliation=None, nickname="A"),
    lambda d: d["actors"][0].update(id="ä"),
    lambda d: d["actors"].append({"id": "a", "kind": "state", "name": "Twice"}),
    lambda d: d["eras"][0].update(title=""),
    lambda d: d["eras"][0]["date"].update(end="2024"),
    lambda d: d["eras"][0]["date"].update(source="nowhere"),
    lambda d: d["eras"][0].update(note="x"),
    _long_list,
    lambda d: d.update(schema_version=0),
    lambda d: d.update(schema_version=6),
    lambda d: d.update(id="no spaces"),
    lambda d: d.update(language="deutsch"),
    lambda d: d.update(title=""),
    lambda d: d.update(extra=True),
    lambda d: d["events"][0]["date"].update(start="2025-6-4"),
    lambda d: d["events"][0]["date"].update(start=".."),
    lambda d: d["events"][0]["date"].update(end="2025-06-03"),
    lambda d: d["events"][1]["date"].update(end=".."),
    lambda d: d["events"][0].update(participants=["nobody"]),
    lambda d: d["events"][0].update(sources=["nowhere"]),
    lambda d: d["events"][0].update(related=["e1"]),
    lambda d: d["events"][0].update(related=["e9"]),
    lambda d: d["events"][0].update(kind="party"),
    lambda d: d["events"][0].update(status="rumoured"),
    lambda d: d["events"][0].update(places=["x"] * 1_001),
    lambda d: d["events"][1].update(id="e1"),
    lambda d: d["events"][0]["claims"][0].update(by="nobody"),
    lambda d: d["events"][0]["claims"][0].update(via="nobody"),
    lambda d: d["events"][0]["claims"][0].update(source="nowhere"),
    lambda d: d["quotes"][0].update(speaker="nobody"),
    lambda d: d["quotes"][0].update(event="e9"),
    lambda d: d["quotes"][0].update(source="nowhere"),
    lambda d: d["quotes"][0].update(language="e"),
    lambda d: d["quotes"][0].update(mode="sung"),
    lambda d: d["quotes"][0]["translation"].update(language="english"),
    lambda d: d["quotes"].append(dict(d["quotes"][0])),
]


@pytest.mark.parametrize("change", BROKEN)
def test_a_broken_file_is_broken_both_ways(minimal: dict[str, Any], change: Change) -> None:
    data = _filled(minimal)
    change(data)
    assert_broken_both_ways(dump(data))


@pytest.mark.parametrize(
    "text",
    [b"", b"  \n", b"[]", b"{", b"null", b'{"schema_version": 1}', b"\xff{}"],
    ids=["empty", "blank", "a list", "cut", "null", "no fields", "not UTF-8"],
)
def test_what_is_no_model_file_is_broken_both_ways(text: bytes) -> None:
    assert_broken_both_ways(text)


def test_what_the_model_may_take_the_fast_check_leaves_to_it(minimal: dict[str, Any]) -> None:
    """The model is lax where the structs are strict (a version written as text):
    the fast check is unsure, and the exact way says the file is valid."""
    minimal["schema_version"] = "1"
    data = dump(minimal)
    assert summary(data) is None
    assert exact(data) is not None


def test_the_structs_allow_what_the_model_allows() -> None:
    def allowed(struct: type, field: str) -> set[str]:
        hint = typing.get_type_hints(struct)[field]
        return {v for arg in typing.get_args(hint) for v in typing.get_args(arg) or [arg]} - {
            type(None)
        }

    assert allowed(file_structs.Source, "reliability") == {r.value for r in model.Reliability}
    assert set(typing.get_args(typing.get_type_hints(file_structs.Actor)["kind"])) == {
        k.value for k in model.ActorKind
    }
    for struct, pydantic_model in (
        (file_structs.Source, model.Source),
        (file_structs.Actor, model.Actor),
        (file_structs.Era, model.Era),
    ):
        assert set(struct.__struct_fields__) == set(pydantic_model.model_fields)
