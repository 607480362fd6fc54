"""Shared fixtures. Tests run headless and never touch the user's real folders."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
#: Every file the tests read (see tests/data/README.md); nothing outside the repository.
DATA = REPO / "tests" / "data"

_MINIMAL: dict[str, Any] = {
    "schema_version": 1,
    "id": "test-timeline",
    "title": "Test",
    "language": "de",
    "sources": [{"id": "src", "title": "Quelle"}],
    "actors": [
        {"id": "a", "kind": "person", "name": "Anna"},
        {"id": "b", "kind": "state", "name": "Bland"},
    ],
    "events": [
        {
            "id": "e1",
            "kind": "call",
            "title": "Anruf",
            "date": {"precision": "day", "start": "2025-06-04"},
            "participants": ["a", "b"],
            "sources": ["src"],
            "related": ["e2"],
            "claims": [{"by": "a", "text": "Es war gut.", "verification": "unverified"}],
        },
        {
            "id": "e2",
            "kind": "attack",
            "title": "Angriff",
            "date": {"precision": "week", "start": "2025-W22", "approximate": True},
        },
    ],
    "quotes": [
        {
            "id": "q1",
            "speaker": "a",
            "event": "e1",
            "text": "Ein gutes Gespräch.",
            "language": "de",
            "mode": "direct",
            "source": "src",
        }
    ],
}


@pytest.fixture
def minimal() -> dict[str, Any]:
    """A small valid model as a dict; tests change a copy to make it wrong."""
    return copy.deepcopy(_MINIMAL)


def dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TIMELINE_VIEWER_HOME", str(home))
    return home


def strip_isolates(text: str) -> str:
    """What is shown without the bidi isolates (U+2068 … U+2069) around data."""
    return text.replace("\u2068", "").replace("\u2069", "")


#: A place in a model file's JSON, as keys and list positions.
JsonPath = tuple[str | int, ...]


def path_name(path: JsonPath) -> str:
    """``("events", 0, "title")`` -> ``events[0].title``, as the loader names it."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def set_at(data: dict[str, Any], path: JsonPath, value: str) -> None:
    """Put ``value`` at ``path`` in a model's JSON data."""
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
