"""Going back and forth, reopening where the reader left, and where File > Open starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.ui.windows import active_window
from viewer.persistence.paths import AppPaths, bundled_timeline
from viewer.ui.app import open_settings
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.details import event_url


def click_event(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    window.timeline_view.ensure_visible(event_id)
    pos = window.timeline_view.event_pos(event_id)
    assert pos is not None
    qtbot.mouseClick(window.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.selection.event_id == event_id


def press(qtbot: QtBot, window: MainWindow, keys: str) -> None:
    qtbot.keySequence(window.timeline_view, QKeySequence(keys))


def test_back_and_forward_through_clicks_links_and_search(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.timeline_view.setFocus()
    assert not window.menus["back"].isEnabled()
    click_event(qtbot, window, "call-2025-06-04")
    # A link in the details: a related event.
    window.details.browser.anchorClicked.emit(QUrl(event_url("drone-strike-2025-06-01")))
    assert window.selection.event_id == "drone-strike-2025-06-01"
    # A search.
    window.open_find()
    qtbot.keyClicks(window.find_bar.edit, "zermurbung")
    window.finder.finish()
    assert window.selection.event_id == "press-conference-berlin-2025-06-04"
    window.timeline_view.setFocus()
    assert window.menus["back"].isEnabled()
    assert not window.menus["forward"].isEnabled()
    press(qtbot, window, "Alt+Left")
    assert window.selection.event_id == "drone-strike-2025-06-01"
    press(qtbot, window, "Alt+Left")
    assert window.selection.event_id == "call-2025-06-04"
    assert not window.menus["back"].isEnabled()
    press(qtbot, window, "Alt+Right")
    assert window.selection.event_id == "drone-strike-2025-06-01"
    assert window.menus["forward"].isEnabled()
    # Somewhere new after going back: what lay ahead is dropped.
    click_event(qtbot, window, "talks-istanbul-2025-05-16")
    assert not window.menus["forward"].isEnabled()
    press(qtbot, window, "Alt+Left")
    assert window.selection.event_id == "drone-strike-2025-06-01"


def test_another_timeline_starts_a_new_history(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = active_window(qtbot)
    click_event(qtbot, window, "call-2025-06-04")
    click_event(qtbot, window, "drone-strike-2025-06-01")
    other = tmp_path / "other.json"
    other.write_bytes(dump(minimal))
    assert window.open_file(other)
    assert not window.menus["back"].isEnabled()


def new_window(qtbot: QtBot) -> MainWindow:
    paths = AppPaths.from_environment()
    window = MainWindow(open_settings(paths), paths.data_dir)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_last_file_reopens_at_start(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    other = tmp_path / "other.json"
    other.write_bytes(dump(minimal))
    first = new_window(qtbot)
    first.open_at_start(other)
    assert first.document.path == other
    first.close()
    again = new_window(qtbot)
    again.open_at_start(None)
    assert again.document.path == other.resolve()
    again.close()
    other.unlink()
    third = new_window(qtbot)
    third.open_at_start(None)
    assert third.document.path == bundled_timeline()
    assert third.statusBar().currentMessage() == f"{other.resolve()} is no longer there."


def test_open_starts_in_the_last_folder_never_in_the_app(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_dialog(*args: Any) -> tuple[str, str]:
        asked.append(args[2])
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    window = active_window(qtbot)  # the bundled timeline, inside the app
    window.imports.choose_file()
    assert asked[-1] == str(Path.home())
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "t.json").write_bytes(dump(minimal))
    assert window.open_file(folder / "t.json")
    assert window.open_file(bundled_timeline())
    window.menus["open"].trigger()
    assert asked[-1] == str(folder.resolve())


def test_open_recent_shows_titles_with_the_path_as_tooltip(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = active_window(qtbot)
    minimal["title"] = "Meine Zeitleiste & mehr"
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_bytes(dump(minimal))
        assert window.open_file(tmp_path / name)
    actions = window.menus.recent_menu.actions()
    texts = [strip_isolates(a.text()) for a in actions]
    assert texts[0] == "Meine Zeitleiste && mehr \u2014 b.json"  # "&&" shows one "&"
    assert texts[1] == "Meine Zeitleiste && mehr \u2014 a.json"
    assert texts[2].startswith("Trump, Putin und der Ukraine-Krieg")
    assert actions[0].toolTip() == f"Timeline file:\n{(tmp_path / 'b.json').resolve()}"
    assert window.menus.recent_menu.toolTipsVisible()
    actions[1].trigger()
    assert window.document.path == (tmp_path / "a.json").resolve()


def test_going_back_then_typing_keeps_the_entry_gone_back_to(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    click_event(qtbot, window, "call-2025-06-04")
    window.open_find()
    qtbot.keyClicks(window.find_bar.edit, "zermurbung")
    window.finder.finish()
    assert window.selection.event_id == "press-conference-berlin-2025-06-04"
    window.history.back()
    assert window.selection.event_id == "call-2025-06-04"
    window.find_bar.edit.clear()
    qtbot.keyClicks(window.find_bar.edit, "spiderweb")
    window.finder.finish()
    assert window.selection.event_id == "drone-strike-2025-06-01"
    assert window.history.back() == "call-2025-06-04"
