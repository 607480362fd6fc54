"""File > Export as TimelineJS asks where, writes the events the filter keeps
grouped by the lanes shown, and says how it went."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window, settle
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.persistence.model_file import load_timeline
from viewer.timeline.lanes import LaneChoice, LaneFacet


def read(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_the_menu_asks_where_and_writes_what_imports_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot)
    timeline = window.document.timeline
    assert timeline is not None
    out = tmp_path / "published.json"
    asked: list[tuple[str, str]] = []

    def save_name(*args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append((str(args[2]), str(args[3])))  # the name offered, the file types
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    action = window.menus["export_timelinejs"]
    assert action.text() == "Export as &TimelineJS…"
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert action in file_menu.actions()
    action.trigger()
    settle(qtbot)
    [(offered, types)] = asked
    assert Path(offered).name == f"{timeline.id}.timelinejs.json"
    assert types == "TimelineJS (*.json)"
    events = [e.id for e in timeline.events]
    assert [s["unique_id"] for s in read(out)["events"]] == events
    assert (
        window.statusBar().currentMessage()
        == f"Exported {len(events)} events to published.json as TimelineJS."
    )
    import_timelinejs(out, tmp_path / "back.json")
    assert [e.id for e in load_timeline(tmp_path / "back.json").events] == events
    # The next export starts in the folder written to.
    asked.clear()
    action.trigger()
    assert Path(asked[0][0]).parent == tmp_path


def test_the_filter_and_the_lanes_shown_decide_what_is_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    window.filters.toggle("kinds", "call")
    window.timeline_view.set_lanes(LaneChoice(LaneFacet.ACTOR))
    out = tmp_path / "calls.json"
    window.exports.export_timelinejs_to(out)
    slides = read(out)["events"]
    assert [s["unique_id"] for s in slides] == ["call-2025-06-04", "call-2025-05-19"]
    assert {s["group"] for s in slides} == {"Donald Trump"}
    assert window.statusBar().currentMessage() == "Exported 2 events to calls.json as TimelineJS."


def test_what_cannot_be_written_is_said_in_a_box(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "viewer.ui.controllers.exports.warn",
        lambda _parent, title, text: told.append((title, text)),
    )
    model = window.document.path
    assert model is not None
    before = model.read_bytes()
    window.exports.export_timelinejs_to(model)
    assert told == [
        ("TimelineJS not exported", f"Cannot write {model}: it is the open timeline's own file")
    ]
    assert model.read_bytes() == before
    told.clear()
    missing = tmp_path / "missing" / "x.json"
    window.exports.export_timelinejs_to(missing)
    [(title, text)] = told  # the system's words for why follow, in its language
    assert (title, text.startswith(f"Could not write {missing}: ")) == (
        "TimelineJS not exported",
        True,
    )
    told.clear()
    window.filters.toggle("has_notes", "")  # no notes yet: no event kept
    out = tmp_path / "none.json"
    window.exports.export_timelinejs_to(out)
    assert told == [
        ("TimelineJS not exported", "The filter keeps no event: there is nothing to export.")
    ]
    assert list(tmp_path.iterdir()) == []
