"""The header the fast way makes (sources, actors, eras) without the model's
validators: the objects the exact way makes, and nothing the exact way refuses."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from tests.conftest import dump
from tests.domain.test_columns import both_ways, exact, same
from viewer.domain import fast_load
from viewer.domain.model import ActorKind, Reliability
from viewer.domain.terms import MAX_DATE_NOTE, MAX_ITEMS, MAX_NAME, MAX_TITLE, MAX_URL
from viewer.domain.timeline import Timeline

Edit = Callable[[dict[str, Any]], object]

FULL_SOURCE: dict[str, Any] = {
    "id": "src2",
    "title": "Bericht",
    "publisher": "Zeitung",
    "url": "https://example.org/bericht?a=1&b=2",
    "language": "en-GB",
    "published": {
        "precision": "day",
        "start": "2025-06-01",
        "end": "2025-06-03",
        "approximate": True,
        "note": "Anfang Juni",
        "source": "src",
    },
    "reliability": "B",
}
ERA: dict[str, Any] = {
    "title": "Verhandlungen",
    "date": {"precision": "month", "start": "2025-05", "end": ".."},
}


def _source(**fields: Any) -> Edit:
    return lambda d: d["sources"].append({**copy.deepcopy(FULL_SOURCE), **fields})


def _published(**fields: Any) -> Edit:
    def edit(d: dict[str, Any]) -> None:
        source = copy.deepcopy(FULL_SOURCE)
        source["published"].update(fields)
        d["sources"].append(source)

    return edit


def _actor(**fields: Any) -> Edit:
    return lambda d: d["actors"].append({"id": "c", "kind": "organisation", "name": "C", **fields})


def _era(**fields: Any) -> Edit:
    return lambda d: d.setdefault("eras", []).append({**copy.deepcopy(ERA), **fields})


def _era_date(**fields: Any) -> Edit:
    return _era(date={**ERA["date"], **fields})


# Headers the fast way should take: every field of each written, or left out.
VALID: dict[str, Edit] = {
    "a source with every field": _source(),
    "a source's fields null": _source(
        publisher=None, url=None, language=None, published=None, reliability=None
    ),
    "every grade": lambda d: d["sources"].extend(
        {"id": f"g{grade}", "title": "T", "reliability": grade} for grade in "ABCDEF"
    ),
    "a date open-ended": _published(end="..", approximate=False),
    "a date of one day": _published(end=None, approximate=False),
    "an end on the start": _published(end="2025-06-01", approximate=False),
    "a date of minutes": _published(
        precision="minute", start="2025-06-01T03:20+03:00", end="2025-06-01T05:00+03:00"
    ),
    "a title at the limit": _source(title="x" * MAX_TITLE),
    "a url at the limit": _source(url="x" * MAX_URL),
    "an actor with a role and an affiliation": _actor(role="Sprecher", affiliation="Kreml"),
    "an actor's role null": _actor(role=None),
    "a name at the limit": _actor(name="n" * MAX_NAME),
    "an era": _era(),
    "eras at the limit": lambda d: d.update(eras=[copy.deepcopy(ERA)] * MAX_ITEMS),
    "an era of years BC": _era(date={"precision": "year", "start": "-0043", "end": "-0040"}),
}

# Headers the exact way refuses, or that the fast way leaves to it.
ODD: dict[str, Edit] = {
    "a source id with a space": _source(id="s rc"),
    "a source id ending in a newline": _source(id="src2\n"),
    "a source id starting with a dash": _source(id="-src"),
    "a source id twice": _source(id="src"),
    "an actor id twice": _actor(id="a"),
    "an actor id of another script": _actor(id="ä"),
    "a source's unknown field": _source(autor="x"),
    "a grade in lower case": _source(reliability="a"),
    "a grade unknown": _source(reliability="G"),
    "a kind unknown": _actor(kind="company"),
    "a kind null": _actor(kind=None),
    "a name empty": _actor(name=""),
    "a name with a tab": _actor(name="A\tB"),
    "a name with a line break": _actor(name="A\nB"),
    "a name with a C1 control": _actor(name="A\u0085B"),
    "a name with DEL": _actor(name="A\x7fB"),
    "a name too long": _actor(name="n" * (MAX_NAME + 1)),
    "a title too long": _source(title="x" * (MAX_TITLE + 1)),
    "a title empty": _source(title=""),
    "a url too long": _source(url="x" * (MAX_URL + 1)),
    "a url with a line break": _source(url="https://example.org/\n"),
    "a language of one letter": _source(language="d"),
    "a language with an underscore": _source(language="de_DE"),
    "a language ending in a newline": _source(language="de\n"),
    "a month that is none": _published(start="2025-13-01"),
    "a day written as a month": _published(precision="month", start="2025-06-01"),
    "a precision unknown": _published(precision="decade"),
    "an end before the start": _published(end="2025-05-01"),
    "an open end, approximate": _published(end="..", approximate=True),
    "a start open": _published(start=".."),
    "a date's source unknown": _published(source="nobody"),
    "a date's note with a line break": _published(note="Anfang\nJuni"),
    "a date's note too long": _published(note="x" * (MAX_DATE_NOTE + 1)),
    "an era's title empty": _era(title=""),
    "an era's end before its start": _era_date(end="2025-04"),
    "an era's unknown field": _era(farbe="rot"),
    "eras over the limit": lambda d: d.update(eras=[copy.deepcopy(ERA)] * (MAX_ITEMS + 1)),
    "a source as text": lambda d: d["sources"].append("src3"),
    "actors null": lambda d: d.update(actors=None),
    "eras null": lambda d: d.update(eras=None),
}


# Headers the exact way takes in forms the fast way leaves to it.
LEFT: dict[str, Edit] = {
    "approximate as 1": _published(approximate=1),
    "approximate as 'true'": _published(approximate="true"),
}


def _file(minimal: dict[str, Any], edit: Edit) -> bytes:
    data = copy.deepcopy(minimal)
    edit(data)
    return dump(data)


def _same_header(fast: Timeline, slow: Timeline) -> None:
    same(fast, slow)
    assert fast.eras == slow.eras
    assert fast.era_times == slow.era_times
    for made, validated in zip(fast.sources, slow.sources, strict=True):
        assert made.model_dump() == validated.model_dump()
        assert type(made.reliability) is type(validated.reliability)
        assert type(made.published) is type(validated.published)
    for made_actor, validated_actor in zip(fast.actors, slow.actors, strict=True):
        assert type(made_actor.kind) is ActorKind
        assert made_actor.model_dump() == validated_actor.model_dump()


def test_a_valid_header_is_made_the_fast_way_as_the_exact_way_makes_it(
    minimal: dict[str, Any],
) -> None:
    for name, edit in VALID.items():
        raw = _file(minimal, edit)
        fast = fast_load.build(raw)
        slow = exact(raw)
        assert slow is not None, f"{name}: the exact way refuses it"
        assert fast is not None, f"{name}: the fast way left it to the exact way"
        _same_header(fast, slow)


def test_the_grades_and_kinds_are_the_models_own() -> None:
    data = _file(
        {
            "schema_version": 1,
            "id": "t",
            "title": "T",
            "language": "de",
            "sources": [{"id": "s", "title": "S", "reliability": "C"}],
            "actors": [{"id": "a", "kind": "state", "name": "A"}],
        },
        lambda d: None,
    )
    fast = fast_load.build(data)
    assert fast is not None
    assert fast.sources[0].reliability is Reliability.C
    assert fast.actors[0].kind is ActorKind.STATE
    assert fast.sources_by_id["s"].publisher is None


def test_the_fast_way_takes_no_header_the_exact_way_refuses(minimal: dict[str, Any]) -> None:
    taken = [
        name
        for name, edit in (ODD | LEFT).items()
        if both_ways(name, _file(minimal, edit), _same_header)
    ]
    assert taken == []  # each is refused, or in a form the fast way leaves to the exact way


def test_every_odd_header_is_one_the_exact_way_refuses(minimal: dict[str, Any]) -> None:
    """The odd cases are what they say (so the test above is not passed by valid ones)."""
    taken = [name for name, edit in ODD.items() if exact(_file(minimal, edit)) is not None]
    assert taken == []
    for name, edit in LEFT.items():
        raw = _file(minimal, edit)
        assert fast_load.build(raw) is None, name
        assert exact(raw) is not None, name


def test_loading_a_file_builds_none_of_the_models_validators() -> None:
    """A fresh process loads the bundled timeline the fast way: no class of the
    model has built its validator, and pydantic never looked for plugins."""
    code = (
        "import json, sys\n"
        "from pydantic import BaseModel\n"
        "from viewer.domain import model\n"
        "from viewer.persistence.model_file import load_timeline\n"
        "from viewer.persistence.paths import bundled_timeline\n"
        "timeline = load_timeline(bundled_timeline())\n"
        "built = [name for name, kind in vars(model).items() if isinstance(kind, type)\n"
        "         and issubclass(kind, BaseModel) and kind.__pydantic_complete__]\n"
        "print(len(timeline.sources), len(timeline.actors), json.dumps(built),\n"
        "      'importlib.metadata' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    sources, actors, built, looked = out.stdout.split(maxsplit=3)
    assert int(sources) > 0
    assert int(actors) > 0
    assert json.loads(built) == []
    assert looked.strip() == "False"
