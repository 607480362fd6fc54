"""File > Add Timeline…: another timeline shown over the open one, read as one."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.cli.test_import_cli import ACLED
from tests.conftest import strip_isolates
from tests.ui.windows import active_window
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.importers.formats import run_import
from viewer.persistence.paths import bundled_timeline
from viewer.ui.main_window import MainWindow

#: An ACLED event (Villa Allende, 3 June 2022) as the stacked timeline names it.
ALLENDE = "argentina_2022-06_sample:ARG10342"
BUNDLED = "trump-putin-2025-06"


def _acled_model(folder: Path) -> Path:
    out = folder / "acled.json"
    run_import("acled", ACLED, out)
    return out


def _click(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    window.timeline_view.ensure_visible(event_id)
    pos = window.timeline_view.event_pos(event_id)
    assert pos is not None
    qtbot.mouseClick(window.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_an_added_timeline_is_shown_with_the_open_one(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    assert not window.imports.remove_menu.isEnabled()
    assert window.document.add(_acled_model(tmp_path))
    timeline = window.document.timeline
    assert timeline is not None
    assert [layer.id for layer in timeline.layers] == [BUNDLED, "argentina_2022-06_sample"]
    assert len(timeline.events) == 14 + 326
    assert timeline.id == BUNDLED  # the window is still the report's, with its title
    assert strip_isolates(window.windowTitle()).startswith(timeline.layers[0].title)
    model = window.events_table.model
    assert model.rowCount() == 340
    colours = {
        model.index(row, model.TITLE).data(Qt.ItemDataRole.DecorationRole).name()
        for row in range(model.rowCount())
    }
    assert len(colours) == 2  # each timeline's rows wear its colour
    said = strip_isolates(window.statusBar().currentMessage())
    assert said.startswith("Added “ACLED events from argentina_2022-06_sample.csv”: 326 events.")
    # Both are reached by a click where they are painted, and read in the details.
    _click(qtbot, window, ALLENDE)
    assert window.selection.event_id == ALLENDE
    shown = window.details.browser.toPlainText()
    assert "Peaceful protest in Villa Allende" in shown
    assert "Timeline: ACLED events from argentina_2022-06_sample.csv" in strip_isolates(shown)
    # A screen reader hears which timeline it is from.
    assert window.timeline_view.accessibleDescription().endswith(
        "From ACLED events from argentina_2022-06_sample.csv."
    )
    _click(qtbot, window, "call-2025-06-04")
    assert window.selection.event_id == "call-2025-06-04"
    assert "Timeline: Trump, Putin" in strip_isolates(window.details.browser.toPlainText())
    # Find covers both.
    window.finder.set_query("Villa Allende")
    window.finder.finish()
    assert [timeline.events.ids[int(r)] for r in window.finder.rows] == [ALLENDE]
    window.finder.set_query("Putin")
    window.finder.finish()
    assert len(window.finder.rows) > 0
    assert all(int(r) < 14 for r in window.finder.rows)
    # Reloading the report keeps what is shown over it.
    assert window.document.reload()
    assert window.document.timeline is not None
    assert len(window.document.timeline.events) == 340
    # File > Remove Added Timeline names it, and takes it away.
    selected = window.selection.event_id  # the first match for "Putin": the report's
    assert selected is not None
    assert not selected.startswith("argentina")
    assert window.imports.remove_menu.isEnabled()
    entries = [strip_isolates(a.text()) for a in window.imports.remove_menu.actions()]
    assert entries == ["ACLED events from argentina_2022-06_sample.csv"]
    window.imports.remove_menu.actions()[0].trigger()
    timeline = window.document.timeline
    assert timeline is not None
    assert len(timeline.events) == 14
    assert window.events_table.model.rowCount() == 14
    assert not window.imports.remove_menu.isEnabled()
    assert window.selection.event_id == selected  # the report's event stays selected


def test_what_was_added_is_shown_again_next_time(qtbot: QtBot, tmp_path: Path) -> None:
    added = _acled_model(tmp_path)
    window = active_window(qtbot)
    assert window.document.add(added)
    window.close()
    again = active_window(qtbot)
    timeline = again.document.timeline
    assert timeline is not None
    assert len(timeline.layers) == 2
    assert again.document.added_files == [added]
    said = strip_isolates(again.statusBar().currentMessage())
    title = "ACLED events from argentina_2022-06_sample.csv"
    assert said == f"Also showing “{title}” (326 events), as last time."
    # Opening another file shows it alone; the report remembers its own again.
    other = tmp_path / "other.json"
    data = json.loads(bundled_timeline().read_text(encoding="utf-8"))
    data["id"] = "other"
    other.write_text(json.dumps(data), encoding="utf-8")
    assert again.open_file(other)
    assert again.document.timeline is not None
    assert len(again.document.timeline.layers) == 1
    assert again.open_file(bundled_timeline())
    assert again.document.added_files == [added]


def test_an_added_file_that_changes_on_disk_is_read_again(qtbot: QtBot, tmp_path: Path) -> None:
    added = _acled_model(tmp_path)
    window = active_window(qtbot)
    assert window.document.add(added)
    data = json.loads(added.read_text(encoding="utf-8"))
    data["events"] = data["events"][:10]
    added.write_text(json.dumps(data), encoding="utf-8")
    stamp = added.stat().st_mtime_ns + 5_000_000_000
    os.utime(added, ns=(stamp, stamp))
    qtbot.waitUntil(
        lambda: window.document.timeline is not None and len(window.document.timeline.events) == 24,
        timeout=10_000,
    )
    assert len(window.document.timeline.layers) == 2
    assert window.events_table.model.rowCount() == 24


def test_what_cannot_be_added_is_said_and_what_is_shown_stays(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    assert not window.document.add(bundled_timeline())  # shown already
    assert window.error_box is not None
    assert window.error_box.windowTitle() == "Could not add timeline"
    assert "trump-putin-2025-06.json is shown already." in window.error_box.informativeText()
    window.error_box.close()
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 3, "id": "x"', encoding="utf-8")
    assert not window.document.add(broken)
    assert window.error_box.text().startswith(f"{broken} cannot be shown over")
    window.error_box.close()
    twin = tmp_path / "twin.json"  # another file with the same timeline id
    twin.write_text(bundled_timeline().read_text(encoding="utf-8"), encoding="utf-8")
    assert not window.document.add(twin)
    said = window.error_box.informativeText()
    assert said == f"A timeline with the id {BUNDLED} is shown already."
    window.error_box.close()
    assert window.document.timeline is not None
    assert len(window.document.timeline.layers) == 1
    assert len(window.document.timeline.events) == 14


def test_a_large_file_is_added_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    window.document.background_bytes = 0
    with qtbot.waitSignal(window.document.added, timeout=20_000):
        assert window.document.add(_acled_model(tmp_path))
        assert window.load_progress.isVisible()
    assert window.document.timeline is not None
    assert len(window.document.timeline.events) == 340
    assert not window.load_progress.isVisible()


def test_an_acled_export_is_imported_and_added(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    out = window.imports.import_file("acled", ACLED, add=True)
    qtbot.waitUntil(lambda: window.document.added_files == [out], timeout=20_000)
    assert window.document.path == bundled_timeline()
    assert window.document.timeline is not None
    assert len(window.document.timeline.events) == 340
    before = window.document.timeline
    # Importing it again replaces it where it is shown.
    with qtbot.waitSignal(window.document.opened, timeout=20_000):
        window.imports.import_file("acled", ACLED, add=True)
    assert window.error_box is None
    assert window.document.timeline is not before
    assert window.document.added_files == [out]
    assert len(window.document.timeline.layers) == 2
    assert len(window.document.timeline.events) == 340


def test_a_remembered_timeline_that_cannot_be_shown_again_is_said_once_and_forgotten(
    qtbot: QtBot, tmp_path: Path
) -> None:
    added = _acled_model(tmp_path)
    window = active_window(qtbot)
    assert window.document.add(added)
    window.close()
    added.write_text('{"schema_version": 3, "id": ', encoding="utf-8")  # broken meanwhile
    again = active_window(qtbot)
    assert again.error_box is None  # no box at start
    said = strip_isolates(again.statusBar().currentMessage())
    assert said.startswith("acled.json is no longer shown over this timeline:")
    assert again.document.remembered_layers(BUNDLED) == []
    assert again.document.timeline is not None
    assert len(again.document.timeline.layers) == 1


def test_a_reloaded_timeline_renames_what_is_added_over_it_where_it_must(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    base, other = tmp_path / "base.json", tmp_path / "other.json"
    base.write_text(json.dumps(minimal), encoding="utf-8")
    minimal.update(id="other", title="Other")
    other.write_text(json.dumps(minimal), encoding="utf-8")
    window = active_window(qtbot, base)
    assert window.document.add(other)
    shown = window.document.timeline
    assert shown is not None
    assert shown.quotes_by_id["other:q1"].speaker == "a"  # the same Anna: one actor
    changed = json.loads(base.read_text(encoding="utf-8"))
    changed["actors"][0]["name"] = "Someone else"
    base.write_text(json.dumps(changed), encoding="utf-8")
    assert window.document.reload()
    shown = window.document.timeline
    assert shown is not None
    assert shown.quotes_by_id["other:q1"].speaker == "other:a"
    assert shown.actors_by_id["other:a"].name == "Anna"
    assert shown.actors_by_id["a"].name == "Someone else"


def _two_files(tmp_path: Path, minimal: dict[str, Any]) -> tuple[Path, Path]:
    paths = []
    for name in ("r1", "r2"):
        data = dict(minimal, id=name, title=name.upper())
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def _remembering(qtbot: QtBot, *files: Path) -> None:
    window = active_window(qtbot)
    assert files
    for path in files:
        assert window.document.add(path)
    window.close()


def _reopened_in_the_background(qtbot: QtBot, first: Path) -> MainWindow:
    """The window opened again, every file loading in a thread in turn: returned
    when the report has opened and the first file of last time began loading."""
    window = active_window(qtbot, open_model=False)
    window.document.background_bytes = 0
    with qtbot.waitSignal(window.document.opened, timeout=10_000):
        assert window.open_file(bundled_timeline())
    assert window.document.loading == first.resolve()
    return window


def test_adding_by_hand_a_file_waiting_from_last_time_adds_it_once(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    r1, r2 = _two_files(tmp_path, minimal)
    _remembering(qtbot, r1, r2)
    window = _reopened_in_the_background(qtbot, r1)
    assert window.document.add(r2)  # while r1 loads, and r2 still waits in line
    qtbot.waitUntil(lambda: len(window.document.added_files) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not window.document._jobs, timeout=10_000)
    assert sorted(p.name for p in window.document.added_files) == ["r1.json", "r2.json"]
    assert window.error_box is None
    assert "no longer shown" not in window.statusBar().currentMessage()
    remembered = window.document.remembered_layers(BUNDLED)
    assert sorted(p.name for p in remembered) == ["r1.json", "r2.json"]


def test_nothing_loads_once_the_app_shuts_down(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    r1, r2 = _two_files(tmp_path, minimal)
    _remembering(qtbot, r1, r2)
    window = _reopened_in_the_background(qtbot, r1)
    with (
        qtbot.assertNotEmitted(window.document.loadStarted),
        qtbot.assertNotEmitted(window.document.added),
    ):
        window.document.shutdown()
        assert window.document.loading is None
        # The stopped thread's end reaches the window's thread: nothing starts after it.
        qtbot.waitUntil(lambda: not window.document._jobs)
    assert window.document.loading is None
    assert window.document.added_files == []
    assert not window.document._jobs


def test_a_reload_stopped_by_another_load_is_read_after_it(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    base, other = tmp_path / "base.json", tmp_path / "other.json"
    base.write_text(json.dumps(dict(minimal, title="Base v1")), encoding="utf-8")
    other.write_text(json.dumps(dict(minimal, id="other", title="Other")), encoding="utf-8")
    window = active_window(qtbot, base)
    document = window.document
    document.background_bytes = 0
    base.write_text(json.dumps(dict(minimal, title="Base v2")), encoding="utf-8")
    stamp = base.stat().st_mtime_ns + 5_000_000_000
    os.utime(base, ns=(stamp, stamp))
    document._reload_if_changed()  # the change seen: read again in the background
    assert document.loading == base
    assert document.add(other)  # stops that reload
    qtbot.waitUntil(
        lambda: (
            document.timeline is not None
            and [layer.title for layer in document.timeline.layers] == ["Base v2", "Other"]
        ),
        timeout=10_000,
    )


def test_exported_notes_of_added_timelines_are_said_in_one_sentence(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    added = _acled_model(tmp_path)
    assert window.document.add(added)
    timeline = window.document.timeline
    assert timeline is not None
    other = next(e.id for e in timeline.events if ":" in e.id)
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "eins")
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id=other), "zwei")
    out = tmp_path / "mine.notes.md"
    window.exports.export_notes_to(out)
    beside = [p.name for p in sorted(tmp_path.glob("mine.notes.*.md"))]
    assert len(beside) == 1
    said = window.statusBar().currentMessage()
    assert (
        said == f"Exported 2 notes to mine.notes.md; those of the added timelines to {beside[0]}."
    )
