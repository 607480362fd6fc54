"""File > Import…: converted in the background, opened, what was left out said."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.cli.test_import_cli import ACLED, HOUSTON
from tests.ui.windows import active_window
from viewer.importers.formats import content_format
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline


def test_an_acled_export_is_imported_and_opened(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    out = window.imports.import_file("acled", ACLED)
    qtbot.waitUntil(lambda: window.document.path == out, timeout=20_000)
    timeline = window.document.timeline
    assert timeline is not None
    assert out.parent == window.imports.imports_dir
    assert len(timeline.events) > 300
    assert window.events_table.model.rowCount() == len(timeline.events)
    assert (
        window.statusBar()
        .currentMessage()
        .startswith(f"Imported {len(timeline.events)} events from {ACLED.name}")
    )
    # The same file again replaces its import (and keeps its notes: the same id).
    again = window.imports.import_file("acled", ACLED)
    assert again == out


def test_a_timelinejs_file_is_imported_and_opened(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    out = window.imports.import_file("timelinejs", HOUSTON)
    qtbot.waitUntil(lambda: window.document.path == out, timeout=20_000)
    assert window.document.timeline is not None
    assert len(window.document.timeline.events) > 10


def test_a_broken_file_imports_nothing_and_the_open_timeline_stays(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    before = window.document.path
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [', encoding="utf-8")
    out = window.imports.import_file("timelinejs", broken)
    qtbot.waitUntil(lambda: window.error_box is not None and window.error_box.isVisible())
    assert window.error_box is not None
    assert window.error_box.windowTitle() == "Could not import"
    assert str(broken) in window.error_box.text()
    assert window.document.path == before
    assert not out.exists()
    window.error_box.close()


def test_an_import_can_be_cancelled_and_leaves_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    before = window.document.path
    big = tmp_path / "big.csv"
    with ACLED.open(encoding="utf-8") as source, big.open("w", encoding="utf-8") as target:
        header, *rows = source.readlines()
        target.write(header)
        for _ in range(60):
            target.writelines(rows)
    out = window.imports.import_file("acled", big)
    assert window.load_progress.isVisible()
    assert window.load_progress.label.text() == f"Importing {big.name}\u2026"
    window.load_progress.cancel.click()
    assert window.statusBar().currentMessage() == f"Stopped importing {big.name}."
    qtbot.waitUntil(lambda: not window.document._jobs, timeout=20_000)
    assert window.document.path == before
    assert not out.exists()
    assert not list(out.parent.glob(f".{out.name}.*"))  # no partial file either


def test_two_files_of_one_name_never_replace_each_others_import(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    first, second = tmp_path / "a" / "events.json", tmp_path / "b" / "events.json"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes(HOUSTON.read_bytes())
    one = window.imports.import_file("timelinejs", first)
    qtbot.waitUntil(lambda: window.document.path == one, timeout=20_000)
    other = window.imports.import_file("timelinejs", second)
    qtbot.waitUntil(lambda: window.document.path == other, timeout=20_000)
    assert one != other
    assert one.exists()
    assert window.document.timeline is not None
    assert window.document.timeline.id == other.stem  # its own notes, too


def test_a_failed_or_cancelled_import_leaves_the_earlier_one(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    source = tmp_path / "events.csv"
    source.write_bytes(ACLED.read_bytes())
    out = window.imports.import_file("acled", source)
    qtbot.waitUntil(lambda: window.document.path == out, timeout=20_000)
    good = out.read_bytes()
    source.write_text("name,when\nAnna,2022\n", encoding="utf-8")  # not an export now
    window.imports.import_file("acled", source)
    qtbot.waitUntil(lambda: window.error_box is not None and window.error_box.isVisible())
    assert out.read_bytes() == good
    assert window.error_box is not None
    window.error_box.close()
    with source.open("w", encoding="utf-8") as target:  # a long one, cancelled
        header, *rows = ACLED.read_text(encoding="utf-8").splitlines(keepends=True)
        target.write(header)
        for _ in range(60):
            target.writelines(rows)
    window.imports.import_file("acled", source)
    window.load_progress.cancel.click()
    qtbot.waitUntil(lambda: not window.document._jobs, timeout=20_000)
    assert out.read_bytes() == good
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # nothing half-written


def test_a_pipe_is_refused_before_it_can_hang_the_import(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    pipe = tmp_path / "events.csv"
    os.mkfifo(pipe)
    window.imports.import_file("acled", pipe)
    assert window.notes_box is not None
    assert "Cannot read" in window.notes_box.text()
    assert window.document.loading is None
    window.notes_box.close()


def _choosing(monkeypatch: pytest.MonkeyPatch, path: Path, kind: int = 0) -> None:
    """The file dialogs answer ``path``, with the ``kind``-th file type chosen."""

    def fake_dialog(_parent: object, _title: str, _start: str, filters: str) -> tuple[str, str]:
        return str(path), filters.split(";;")[kind]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)


def test_a_timelinejs_file_added_as_a_model_file_is_imported_by_its_content(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot)
    _choosing(monkeypatch, HOUSTON, kind=0)  # "Timeline model files (*.json *.json.gz)"
    failed: list[object] = []
    window.document.addFailed.connect(lambda path, lines: failed.append(lines))
    window.imports.choose_add()
    qtbot.waitUntil(lambda: len(window.document.added_files) == 1, timeout=20_000)
    assert failed == []
    assert window.error_box is None
    assert window.document.path == bundled_timeline()
    added = window.document.timeline
    assert added is not None
    assert len(added.layers) == 2


def test_open_and_a_drop_import_what_is_not_a_model_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot)
    _choosing(monkeypatch, HOUSTON)
    window.imports.choose_file()  # File > Open… on a TimelineJS file
    qtbot.waitUntil(lambda: window.document.path != bundled_timeline(), timeout=20_000)
    imported = window.document.path
    assert imported is not None
    assert imported.parent == window.imports.imports_dir
    assert window.error_box is None
    assert window.open_file(bundled_timeline())
    window.imports.open_path(ACLED)  # as a drop or the command line names it
    qtbot.waitUntil(lambda: window.document.path != bundled_timeline(), timeout=20_000)
    assert window.document.timeline is not None
    assert len(window.document.timeline.events) == 340 - len(
        load_timeline(bundled_timeline()).events
    )


def test_a_model_file_chosen_as_an_import_is_opened_as_it_is(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot)
    imported = window.imports.import_file("timelinejs", HOUSTON)
    qtbot.waitUntil(lambda: window.document.path == imported, timeout=20_000)
    assert window.open_file(bundled_timeline())
    _choosing(monkeypatch, bundled_timeline(), kind=0)  # "TimelineJS timelines (*.json ...)"
    window.imports.choose_import()
    assert window.document.path == bundled_timeline()
    assert window.error_box is None


@pytest.mark.parametrize("name", ["women_in_computing.csv", "hearings.xlsx"])
def test_a_timelinejs_sheet_is_offered_and_imported(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    window = active_window(qtbot)
    sheet = HOUSTON.parent / name
    offered: list[str] = []

    def fake_dialog(_parent: object, _title: str, _start: str, filters: str) -> tuple[str, str]:
        offered.extend(filters.split(";;"))
        return str(sheet), offered[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    window.imports.choose_import()
    assert offered == ["TimelineJS timelines (*.json *.csv *.xlsx)", "ACLED exports (*.csv)"]
    qtbot.waitUntil(lambda: window.document.path != bundled_timeline(), timeout=20_000)
    timeline = window.document.timeline
    assert timeline is not None
    assert timeline.title in ("Women in Computing", "The hearings of 2024")
    assert window.statusBar().currentMessage().startswith("Imported ")
    box = window.imports.import_box
    if name.endswith(".xlsx"):  # the workbook's row left out, said by row and column
        assert box is not None
        assert "row 6, MONTH" in box.informativeText()
        box.close()
    else:
        assert box is None


def test_what_a_file_is_is_told_by_its_content(tmp_path: Path) -> None:
    assert content_format(bundled_timeline()) == "model"
    assert content_format(HOUSTON) == "timelinejs"
    assert content_format(ACLED) == "acled"
    renamed = tmp_path / "export.json"  # an ACLED export under another name
    renamed.write_bytes(ACLED.read_bytes())
    assert content_format(renamed) == "acled"
    (tmp_path / "notes.txt").write_text("just words", encoding="utf-8")
    assert content_format(tmp_path / "notes.txt") is None
    assert content_format(tmp_path / "missing.json") is None
    assert content_format(tmp_path) is None
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert content_format(pipe) is None  # not read: a pipe would block
