"""The whole window, as a reader uses it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.ui.windows import active_window, make_window, settle
from viewer.persistence.paths import AppPaths, bundled_timeline
from viewer.timeline.layout import GUTTER
from viewer.ui.app import open_settings
from viewer.ui.main_window import MainWindow


def title_of(window: MainWindow) -> str:
    """The window's title as read, without the isolates around the timeline's title."""
    return strip_isolates(window.windowTitle())


def test_title_names_the_open_timeline(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert title_of(window).startswith("Trump, Putin") or "—" in title_of(window)
    assert title_of(window).endswith(" — timeline-viewer")
    assert window.document.timeline is not None
    assert title_of(window).startswith(window.document.timeline.title)


def test_click_on_timeline_fills_details(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    pos = view.event_pos("drone-strike-2025-06-01")
    assert pos is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    text = window.details.plain_text()
    assert "Drohnenangriff des SBU" in text
    assert "unverified" in text
    assert window.events_table.selected_event_id() == "drone-strike-2025-06-01"


def test_clicking_a_quote_selects_its_event_and_scrolls_it_into_view(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    for _ in range(14):  # zoom in far, onto the first days only
        view.zoom(1.25, GUTTER)
    assert view.event_pos("sanctions-18-demanded") is None or (
        view.event_pos("sanctions-18-demanded").x() > view.viewport().width()  # type: ignore[union-attr]
    )
    quotes = window.quotes
    row = quotes.actor_view.model().match(
        quotes.actor_view.model().index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        "Johann Wadephul",
        1,
        Qt.MatchFlag.MatchStartsWith,
    )[0]
    qtbot.mouseClick(
        quotes.actor_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=quotes.actor_view.visualRect(row).center(),
    )
    model = quotes.quote_view.model()
    target = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if "schnellstmöglich" in model.index(r, 0).data()
    )
    quotes.quote_view.scrollTo(target)
    qtbot.mouseClick(
        quotes.quote_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=quotes.quote_view.visualRect(target).center(),
    )
    assert window.selection.event_id == "sanctions-18-demanded"
    pos = view.event_pos("sanctions-18-demanded")
    assert pos is not None
    assert GUTTER <= pos.x() <= view.viewport().width()
    assert "18. EU-Sanktionspaket" in window.details.plain_text()


def test_dropping_a_file_opens_it(qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]) -> None:
    window = make_window(qtbot)
    path = tmp_path / "other.json"
    path.write_bytes(dump(minimal))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert window.document.path == path
    assert title_of(window) == "Test — timeline-viewer"
    assert window.timeline_view.event_pos("e1") is not None


def test_broken_file_shows_the_validators_lines_and_keeps_the_old_timeline(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = make_window(qtbot)
    before = window.document.timeline
    minimal["events"][0]["participants"] = ["nobody"]
    path = tmp_path / "broken.json"
    path.write_bytes(dump(minimal))
    assert not window.open_file(path)
    box = window.error_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "events[0].participants[0]: refers to no actor: found 'nobody'" in box.informativeText()
    assert window.document.timeline is before
    assert title_of(window).startswith(before.title)  # type: ignore[union-attr]
    assert window.timeline_view.event_pos("call-2025-06-04") is not None
    assert box.detailedText() == ""  # every line shown: no Details to repeat them
    box.close()
    minimal["events"][0]["participants"] = [f"nobody-{i}" for i in range(25)]
    path.write_bytes(dump(minimal))
    assert not window.open_file(path)
    box = window.error_box
    assert isinstance(box, QMessageBox)
    shown = box.informativeText().splitlines()
    assert len(shown) == 21
    assert shown[-1] == "… and 5 more"
    assert len(box.detailedText().splitlines()) == 25  # all of them under Details
    box.close()


def test_window_layout_and_zoom_survive_a_restart(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.resize(760, 560)
    window.quotes_dock.hide()
    window.timeline_view.zoom(2.0)
    spp = window.timeline_view.seconds_per_px
    window.close()
    again = make_window(qtbot)
    assert again.timeline_view.seconds_per_px == pytest.approx(spp)
    assert (again.width(), again.height()) == (760, 560)
    assert again.quotes_dock.isHidden()
    recent = again.document.recent_files()
    assert recent[0] == bundled_timeline().resolve()


def test_a_fitted_view_opens_fitted_to_the_new_window(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.resize(900, 600)
    settle(qtbot)
    window.timeline_view.zoom(2.0)
    window.timeline_view.fit_all()  # zoomed, then fitted again: left fitted
    narrow = window.timeline_view.seconds_per_px
    window.close()
    again = make_window(qtbot)
    again.resize(1600, 900)
    settle(qtbot)
    view = again.timeline_view
    assert view.fitted
    assert view.seconds_per_px < narrow  # fitted to the wider window, not kept


def test_reload_picks_up_a_changed_file(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = make_window(qtbot, open_model=False)
    path = tmp_path / "t.json"
    path.write_bytes(dump(minimal))
    assert window.open_file(path)
    minimal["title"] = "Neu"
    path.write_text(json.dumps(minimal), encoding="utf-8")
    window.menus["reload"].trigger()
    assert title_of(window) == "Neu — timeline-viewer"


def test_model_text_is_never_html(qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]) -> None:
    hostile = '<b>fett</b> <img src="x.png"> <a href="http://evil.example">klick</a>'
    minimal["title"] = hostile
    minimal["events"][0]["title"] = hostile
    minimal["quotes"][0]["text"] = hostile
    path = tmp_path / "hostile.json"
    path.write_bytes(dump(minimal))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    assert window.windowTitle() == f"\u2068{hostile}\u2069 — timeline-viewer"
    window.selection.select("e1")
    assert hostile in window.details.plain_text()
    pos = window.timeline_view.event_pos("e1")
    assert pos is not None
    assert window.timeline_view.tooltip_text(QPointF(pos)).startswith(f"\u2068{hostile}\u2069")
    table = window.events_table.view
    titles = [table.model().index(r, 2).data() for r in range(table.model().rowCount())]
    assert f"\u2068{hostile}\u2069" in titles
    quote_model = window.quotes.quote_view.model()
    window.quotes.choose_actor_row(0)
    texts = [quote_model.index(r, 0).data() for r in range(quote_model.rowCount())]
    assert any(hostile in t for t in texts)


def test_dragging_text_is_refused(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    mime = QMimeData()
    mime.setText("not a file")
    enter = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_reload_keeps_the_selection(qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]) -> None:
    window = make_window(qtbot, open_model=False)
    path = tmp_path / "t.json"
    path.write_bytes(dump(minimal))
    assert window.open_file(path)
    window.selection.select("e2")
    minimal["events"][1]["title"] = "Angriff (korrigiert)"
    path.write_bytes(dump(minimal))
    window.menus["reload"].trigger()
    assert window.selection.event_id == "e2"
    assert "Angriff (korrigiert)" in window.details.plain_text()
    assert window.open_file(bundled_timeline())
    assert window.selection.event_id is None  # another timeline starts fresh


def test_a_right_to_left_override_in_the_title_stays_isolated(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    minimal["title"] = "\u202eTest"
    path = tmp_path / "t.json"
    path.write_bytes(dump(minimal))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    assert window.windowTitle() == "\u2068\u202eTest\u2069 — timeline-viewer"


def test_brackets_star_in_a_title_is_shown_as_written(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    minimal["title"] = "Plan [*] B"
    path = tmp_path / "t.json"
    path.write_bytes(dump(minimal))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    assert window.windowHandle().title() == "\u2068Plan [*] B\u2069 — timeline-viewer"


def test_a_file_that_changes_on_disk_is_reloaded(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    path = tmp_path / "t.json"
    path.write_bytes(dump(minimal))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    window.selection.select("e1")
    minimal["title"] = "Geändert"
    replacement = tmp_path / "t.json.new"
    replacement.write_bytes(dump(minimal))
    replacement.replace(path)  # how editors save: a new file renamed over the old
    qtbot.waitUntil(lambda: title_of(window) == "Geändert — timeline-viewer", timeout=5000)
    assert window.selection.event_id == "e1"
    assert "changed on disk" in window.statusBar().currentMessage()


def test_a_broken_change_on_disk_keeps_the_old_version(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    path = tmp_path / "t.json"
    path.write_bytes(dump(minimal))
    window = make_window(qtbot, open_model=False)
    assert window.open_file(path)
    before = window.document.timeline
    path.write_text('{"schema_version": 1, "id": ', encoding="utf-8")  # half-written
    qtbot.waitUntil(lambda: window.error_box is not None, timeout=5000)
    assert window.error_box is not None
    assert "truncated" in window.error_box.informativeText()
    assert window.document.timeline is before
    assert title_of(window) == "Test — timeline-viewer"


def test_a_settings_file_that_is_a_pipe_never_hangs_the_start(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    paths = AppPaths.from_environment()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    os.mkfifo(paths.config_dir / "settings.ini")
    settings = open_settings(paths)
    assert settings.value("anything") is None  # read from elsewhere, not the pipe
    assert "it is a pipe" in capsys.readouterr().err


def test_a_file_the_desktop_hands_over_as_an_event_is_opened(qtbot: QtBot, tmp_path: Path) -> None:
    """macOS's Finder opens a file with a QFileOpenEvent, not on the command line."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    from viewer.ui.app import FileOpener

    window = active_window(qtbot)
    app = QCoreApplication.instance()
    assert app is not None
    opener = FileOpener(window)
    app.installEventFilter(opener)
    try:
        copy = tmp_path / "report.timeline.json"
        copy.write_bytes(bundled_timeline().read_bytes())
        assert QCoreApplication.sendEvent(app, QFileOpenEvent(str(copy)))
        assert window.document.path == copy
    finally:
        app.removeEventFilter(opener)
