"""Shared fixtures. Tests run headless and never touch the user's real folders."""

from __future__ import annotations

import copy
import json
import os
import sys
from collections import Counter
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

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


#: Each phase's report of a test ("setup", "call", "teardown"), for :func:`_no_window_left`.
_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


@pytest.fixture(autouse=True)
def _no_window_left(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a window behind, as napari's tests do.

    A window, dialog or menu that outlives its test stays open for the rest of
    the run, where it can take the focus, catch a shortcut or a click meant for
    another test's window. So the top-level widgets after each test must be
    those before it. pytest-qt closes and ``deleteLater()``s the widgets given
    to ``qtbot.addWidget`` before any fixture is torn down, and this fixture,
    autouse in the outermost conftest, is torn down after every fixture that
    uses ``qtbot``: once the deferred deletes are sent, those widgets are gone.

    A widget only the test's own variables held is deleted with them and is not
    left; one that a garbage cycle keeps (the main window, whose signals reach
    back to it) is left: it stays open until Python happens to collect it.

    Nothing is ignored. Qt's tooltip label (``qtooltip_label``) is Qt's own,
    but it is shown until hidden, so a test that shows a tooltip hides it
    (``QToolTip.hideText()``); a menu or a dialog made with a parent is deleted
    with its window. A test that failed is not checked (its failure says more
    than what it left), nor one that never started Qt.
    """
    before = _top_level_widgets()
    yield
    call = request.node.stash.get(_REPORTS, {}).get("call")
    if call is None or not call.passed:
        return
    left = _top_level_widgets() - before
    names = Counter(f"{type(w).__name__} {w.objectName()!r}" for w in left)
    assert not left, f"the test left top-level widgets: {dict(names)}"


def _top_level_widgets() -> set[QWidget]:
    """The top-level widgets still there once Qt has deleted what it was asked to."""
    if "PySide6.QtWidgets" not in sys.modules:  # keep the Qt-free tests free of Qt
        return set()
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return set()
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return set(QApplication.topLevelWidgets())
