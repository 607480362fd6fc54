"""Notes in the app: added, edited, undone, saved, reloaded; and the faults."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.persistence.test_notes_store import full_disk
from tests.ui.windows import make_window
from viewer.cli import main as cli_main
from viewer.domain import notes as notes_module
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.persistence.notes_store import NoteStore, database_path
from viewer.persistence.paths import AppPaths, bundled_timeline
from viewer.ui import i18n
from viewer.ui.main_window import MainWindow
from viewer.ui.models.roles import ItemRole
from viewer.ui.panels.note_dialog import NoteDialog

STRIKE = "drone-strike-2025-06-01"


def notes_file(timeline_id: str = "trump-putin-2025-06") -> Path:
    return database_path(AppPaths.from_environment().data_dir, timeline_id)


def texts_on_disk(timeline_id: str = "trump-putin-2025-06") -> list[str]:
    """What another program reading the database sees right now."""
    with sqlite3.connect(f"{notes_file(timeline_id).as_uri()}?mode=ro", uri=True) as db:
        return sorted(text for (text,) in db.execute("SELECT text FROM note"))


def open_note_dialog(qtbot: QtBot, window: MainWindow) -> NoteDialog:
    """Select the drone strike and open the dialog that adds a note on it."""
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    dialog = window.note_actions.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill_dialog(qtbot: QtBot, window: MainWindow, text: str, tags: str = "") -> None:
    dialog = window.note_actions.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.text_edit.selectAll()
    if len(text) > 200:  # typed key by key it would take minutes
        dialog.text_edit.setPlainText(text)
    else:
        qtbot.keyClicks(dialog.text_edit, text)
    dialog.tags_edit.clear()
    qtbot.keyClicks(dialog.tags_edit, tags)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def click_event(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    pos = window.timeline_view.event_pos(event_id)
    assert pos is not None
    qtbot.mouseClick(window.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def panel_texts(window: MainWindow) -> list[str]:
    model = window.notes_panel.view.model()
    return [strip_isolates(model.index(r, 0).data()) for r in range(model.rowCount())]


def count_writes(patch: pytest.MonkeyPatch, store: NoteStore) -> list[bool]:
    """From now on (within ``patch``) each time ``store`` is written (a retry) adds
    an item to the list returned."""
    tries: list[bool] = []
    real = store.flush

    def flush(rebuild: bool = True) -> bool:
        tries.append(True)
        return real(rebuild)

    patch.setattr(store, "flush", flush)
    return tries


def add_while_the_disk_is_full(
    qtbot: QtBot, window: MainWindow, patch: pytest.MonkeyPatch, text: str
) -> None:
    """From now on (within ``patch``) the database cannot grow; add a note on STRIKE."""
    store = window.notes.store
    assert store is not None
    full_disk(patch, store)
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, text)


def test_add_a_note_quit_and_find_it_again(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    click_event(qtbot, window, STRIKE)
    qtbot.keyClick(window.timeline_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    fill_dialog(qtbot, window, "Zahlen des SBU pruefen", "SBU, Drohnen")
    [text] = panel_texts(window)
    assert text.startswith("Drohnenangriff des SBU")
    assert "Zahlen des SBU pruefen" in text
    assert "#SBU #Drohnen" in text
    assert window.timeline_view.renderer.note_counts == {STRIKE: 1}
    table = window.events_table
    row = table.model.row_of(STRIKE)
    assert table.model.index(row, table.model.NOTES).data() == "✎ 1"
    assert "Zahlen des SBU pruefen" in window.details.plain_text()
    window.close()
    assert texts_on_disk() == ["Zahlen des SBU pruefen"]
    again = make_window(qtbot)
    assert any("Zahlen des SBU pruefen" in t for t in panel_texts(again))
    assert again.timeline_view.renderer.note_counts == {STRIKE: 1}


def test_a_note_is_on_disk_the_moment_its_dialog_closes(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "ohne Speichern-Knopf")
    # No waiting, no event loop turn: committed when the dialog reports it done.
    assert texts_on_disk() == ["ohne Speichern-Knopf"]
    window.menus["undo"].trigger()
    assert texts_on_disk() == []
    window.menus["redo"].trigger()
    assert texts_on_disk() == ["ohne Speichern-Knopf"]


def test_undo_and_redo_across_several_edits(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "eins")
    note_id = window.notes.notes()[0].id
    window.note_actions.edit(note_id)
    fill_dialog(qtbot, window, "zwei")
    window.note_actions.edit(note_id)
    fill_dialog(qtbot, window, "drei", "final")
    window.note_actions.delete(note_id)
    assert window.notes.notes() == []
    texts = []
    view = window.timeline_view
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        texts.append([n.text for n in window.notes.notes()])
    assert texts == [["drei"], ["zwei"], ["eins"], []]
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    texts = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Z, redo)
        texts.append([n.text for n in window.notes.notes()])
    assert texts == [["eins"], ["zwei"], ["drei"], []]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.notes.notes()[0].tags == ("final",)


def anchor_pos(window: MainWindow, text: str, after: str | None = None) -> QPoint:
    """Where ``text`` is in the details (the first after ``after``, if given)."""
    browser = window.details.browser
    start = browser.document().find(after).selectionEnd() if after else 0
    cursor = browser.document().find(text, start)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    return browser.cursorRect(cursor).center()


def test_details_panel_adds_edits_and_deletes_notes_on_events_and_quotes(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.selection.select("call-2025-06-04")
    viewport = window.details.browser.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=anchor_pos(window, "Add Note…"))
    fill_dialog(qtbot, window, "Notiz zum Telefonat")
    # The same words under each quote: the first quote's.
    at_quote = anchor_pos(window, "Add Note…", after="Quotes")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at_quote)
    fill_dialog(qtbot, window, "Notiz zum Zitat")
    kinds = sorted((n.target.kind.value, n.text) for n in window.notes.notes())
    assert kinds == [("event", "Notiz zum Telefonat"), ("quote", "Notiz zum Zitat")]
    assert window.notes.counts_by_event() == {"call-2025-06-04": 2}
    assert "on the quote Donald Trump" in strip_isolates(window.details.plain_text())
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=anchor_pos(window, "edit"))
    fill_dialog(qtbot, window, "geaendert")
    assert "geaendert" in window.details.plain_text()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=anchor_pos(window, "delete"))
    assert len(window.notes.notes()) == 1


def test_context_menu_on_an_event(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    pos = view.event_pos("sanctions-18-demanded")
    assert pos is not None
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menu = window.event_menu
    assert menu is not None
    assert window.selection.event_id == "sanctions-18-demanded"
    [add] = [a for a in menu.actions() if a.text() == "Add Note…"]
    menu.close()
    add.trigger()
    fill_dialog(qtbot, window, "Wann kam das Paket?")
    assert window.notes.counts_by_event() == {"sanctions-18-demanded": 1}
    # A note's "&" is shown in the menu, never taken for an Alt key.
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="sanctions-18-demanded"), "EU & USA")
    QApplication.sendEvent(view.viewport(), event)
    menu = window.event_menu
    assert menu is not None
    assert "Edit Note “EU && USA”…" in [a.text() for a in menu.actions()]
    menu.close()


def test_my_notes_panel_goes_to_the_event_and_filters(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    for event_id, text in [(STRIKE, "Drohnen"), ("sanctions-18-demanded", "Sanktionen")]:
        window.selection.select(event_id)
        window.menus["add_note"].trigger()
        fill_dialog(qtbot, window, text)
    window.selection.clear()
    view = window.notes_panel.view
    window.notes_dock.raise_()
    qtbot.waitUntil(view.isVisible)
    first = view.model().index(0, 0)
    assert "Sanktionen" in first.data()  # newest first
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first).center()
    )
    assert window.selection.event_id == "sanctions-18-demanded"
    qtbot.keyClicks(window.notes_panel.filter_edit, "drohn")
    assert view.model().rowCount() == 1


def test_detached_notes_are_listed_and_come_back(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    model = tmp_path / "m.json"
    model.write_bytes(dump(minimal))
    window = make_window(qtbot, model)
    window.selection.select("e2")
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "zum Angriff")
    original = dict(minimal)
    minimal["events"] = minimal["events"][:1]
    minimal["events"][0]["related"] = []
    model.write_bytes(dump(minimal))
    window.menus["reload"].trigger()
    [text] = panel_texts(window)
    assert text.startswith("(detached) Angriff")
    assert window.notes.counts_by_event() == {}
    model.write_bytes(dump(original))
    window.menus["reload"].trigger()
    [text] = panel_texts(window)
    assert text.startswith("Angriff")
    assert window.notes.counts_by_event() == {"e2": 1}


def test_two_windows_write_and_see_each_others_notes(qtbot: QtBot) -> None:
    first = make_window(qtbot)
    second = make_window(qtbot)
    assert second.notes_box is None  # nobody is refused
    for window, text in ((first, "aus dem ersten"), (second, "aus dem zweiten")):
        assert window.menus["add_note"].isEnabled()
        window.selection.select(STRIKE)
        window.menus["add_note"].trigger()
        fill_dialog(qtbot, window, text)
    assert texts_on_disk() == ["aus dem ersten", "aus dem zweiten"]
    for window in (first, second):
        qtbot.waitUntil(lambda w=window: len(panel_texts(w)) == 2, timeout=5000)
        assert window.timeline_view.renderer.note_counts == {STRIKE: 2}


def test_a_note_added_from_the_command_line_shows_in_the_window(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert cli_main(["notes", "add", STRIKE, "von der Kommandozeile"]) == 0
    qtbot.waitUntil(lambda: len(panel_texts(window)) == 1, timeout=5000)
    assert "von der Kommandozeile" in panel_texts(window)[0]


def test_corrupt_notes_database_is_backed_up_and_the_user_told(qtbot: QtBot) -> None:
    notes_file().parent.mkdir(parents=True)
    notes_file().write_bytes(b"kaputt" * 100)
    window = make_window(qtbot)
    box = window.notes_box
    assert isinstance(box, QMessageBox)
    backups = list(notes_file().parent.glob("*.corrupt-*.sqlite3"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b"kaputt" * 100
    assert str(backups[0]) in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert window.menus["add_note"].isEnabled()


def test_newer_notes_database_is_read_only_in_the_app(qtbot: QtBot) -> None:
    notes_file().parent.mkdir(parents=True)
    with sqlite3.connect(notes_file()) as db:
        db.execute(
            "CREATE TABLE note (id TEXT PRIMARY KEY, target_kind TEXT, target_id TEXT, "
            "text TEXT, created TEXT, modified TEXT, target_title TEXT)"
        )
        db.execute("PRAGMA user_version = 99")
    db.close()
    before = notes_file().read_bytes()
    window = make_window(qtbot)
    assert window.notes_box is not None
    assert "newer version" in window.notes_box.text()
    assert not window.menus["add_note"].isEnabled()
    window.close()
    assert notes_file().read_bytes() == before


@pytest.mark.slow
def test_disk_full_is_reported_and_saving_retried(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    window.notes.retry_ms = 200
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "erste")
    assert texts_on_disk() == ["erste"]
    store = window.notes.store
    assert store is not None
    with monkeypatch.context() as patch:
        full_disk(patch, store)
        window.menus["add_note"].trigger()
        fill_dialog(qtbot, window, "zweite " + "x" * 50_000)
        assert "full" in window.statusBar().currentMessage()
        assert "kept in memory" in window.notes_panel.status_label.text()
        assert len(window.notes.notes()) == 2  # shown, though not on disk
        assert texts_on_disk() == ["erste"]
        tries = count_writes(patch, store)
        qtbot.waitUntil(lambda: len(tries) >= 2)  # retries meanwhile fail and lose nothing
        assert window.notes.unsaved == 1
    # Space again: the retry writes it.
    qtbot.waitUntil(lambda: len(texts_on_disk()) == 2, timeout=5000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=2000)


def test_quitting_with_unsaved_notes_asks_and_saves_them_elsewhere(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(qtbot)
    window.notes.retry_ms = 60_000
    store = window.notes.store
    assert store is not None
    full_disk(monkeypatch, store)
    window.selection.select(STRIKE)
    window.menus["add_note"].trigger()
    fill_dialog(qtbot, window, "gerettet " + "x" * 50_000)
    assert window.notes.unsaved == 1

    def answer(button: str) -> None:
        box = window.rescue.unsaved_box
        assert box is not None
        assert "could not be saved" in box.text()
        [chosen] = [b for b in box.buttons() if b.text() == button]
        chosen.click()

    QTimer.singleShot(0, lambda: answer("Cancel"))
    window.close()
    assert window.isVisible()  # cancelled: nothing happens
    rescue = tmp_path / "rescued.jsonld"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(rescue), ""))
    QTimer.singleShot(0, lambda: answer("Save to File…"))
    window.close()
    assert not window.isVisible()
    document = json.loads(rescue.read_text(encoding="utf-8"))
    [item] = document["first"]["items"]
    assert item["body"][0]["value"].startswith("gerettet ")
    assert texts_on_disk() == []  # the database never had it; the file does


def test_quote_context_menu_adds_a_note_on_the_quote(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    quotes = window.quotes
    view = quotes.quote_view
    first = view.model().index(0, 0)
    pos = view.visualRect(first).center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
    )
    menu = quotes.quote_menu
    assert menu is not None
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts[:2] == ["Copy Citation", "Copy Citation as Markdown"]
    assert texts[-1] == "Add Note…"  # one wording for adding a note, in every menu
    add = next(action for action in menu.actions() if action.text() == "Add Note…")
    menu.close()
    add.trigger()
    fill_dialog(qtbot, window, "Konjunktiv beachten")
    [note] = window.notes.notes()
    assert note.target.kind.value == "quote"
    assert note.target.id == first.data(ItemRole.QUOTE_ID)


def test_my_notes_isolate_text_from_data(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    """A right-to-left override in a title, note or tag cannot reorder the panel's words."""
    minimal["events"][0]["title"] = "\u202eAnruf"
    model = tmp_path / "m.json"
    model.write_bytes(dump(minimal))
    args = ["notes", "add", "e1", "erste \u202e\nzweite", "--tag", "\u202et", "--model"]
    assert cli_main([*args, str(model)]) == 0
    window = make_window(qtbot, model)
    [index] = [window.notes_panel.model.index(0, 0)]
    head, first, second, meta = index.data().split("\n")
    assert head == "\u2068\u202eAnruf\u2069"
    assert (first, second) == ("\u2068erste \u202e\u2069", "\u2068zweite\u2069")
    assert meta.startswith("#\u2068\u202et\u2069 · ")
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Note\n\u2068\u202eAnruf\u2069"


@pytest.mark.slow
def test_changes_waiting_when_another_timeline_opens_are_kept_and_written_later(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = make_window(qtbot)
    window.notes.retry_ms = 200
    store = window.notes.store
    assert store is not None
    other = tmp_path / "other.json"
    other.write_bytes(dump(minimal))
    with monkeypatch.context() as patch:
        add_while_the_disk_is_full(qtbot, window, patch, "wartet " + "x" * 50_000)
        assert window.open_file(other)  # another timeline, while the change waits
        assert window.notes.unsaved == 1
        assert "kept in memory" in window.statusBar().currentMessage()
        tries = count_writes(patch, store)
        qtbot.waitUntil(lambda: len(tries) >= 2)  # the waiting store's retries fail
        assert window.notes.unsaved == 1
    qtbot.waitUntil(lambda: window.notes.unsaved == 0, timeout=5000)
    assert texts_on_disk() == ["wartet " + "x" * 50_000]
    assert window.notes.waiting == []


def test_back_to_a_timeline_whose_changes_wait_a_newer_edit_wins(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = make_window(qtbot)
    window.notes.retry_ms = 60_000
    other = tmp_path / "other.json"
    other.write_bytes(dump(minimal))
    with monkeypatch.context() as patch:
        add_while_the_disk_is_full(qtbot, window, patch, "v2 " + "x" * 50_000)
        assert window.open_file(other)
        assert window.open_file(bundled_timeline())  # back, the change still waiting
        [note] = window.notes.notes()
        assert note.text.startswith("v2 ")  # still shown
        assert window.notes.edit(note.id, "v3", ()) is not None
    assert window.notes.save_now()
    assert texts_on_disk() == ["v3"]


def test_a_note_too_long_to_keep_stays_in_its_dialog(qtbot: QtBot) -> None:
    dialog = open_note_dialog(qtbot, make_window(qtbot))
    dialog.text_edit.setPlainText("x" * 100_001)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()  # nothing typed is lost
    assert dialog.too_long_box is not None
    assert "100,000" in dialog.too_long_box.text()
    dialog.too_long_box.close()
    dialog.text_edit.setPlainText("kurz")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert texts_on_disk() == ["kurz"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["return", "enter"])
def test_enter_starts_a_line_and_ctrl_enter_keeps_the_note(qtbot: QtBot, key: Qt.Key) -> None:
    dialog = open_note_dialog(qtbot, make_window(qtbot))
    qtbot.keyClicks(dialog.text_edit, "eins")
    qtbot.keyClick(dialog.text_edit, key)
    qtbot.keyClicks(dialog.text_edit, "zwei")
    assert dialog.isVisible()  # Enter alone only made a new line
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.text_edit, key, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert texts_on_disk() == ["eins\nzwei"]


@pytest.fixture
def at_noon_on_4_june(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Notes are written at 12:05 UTC on 4 June 2025, and the reader's clock is UTC."""
    monkeypatch.setattr(notes_module, "utc_now", lambda: datetime(2025, 6, 4, 12, 5, tzinfo=UTC))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("language", "written"), [("en", "4 June 2025, 12:05"), ("de", "4. Juni 2025, 12:05")]
)
def test_a_note_says_when_it_was_written_as_event_dates_read(
    qtbot: QtBot, qapp: QApplication, at_noon_on_4_june: None, language: str, written: str
) -> None:
    before = QLocale()
    installed = i18n.install(qapp, language) if language != "en" else []
    try:
        window = make_window(qtbot)
        window.notes.add(NoteTarget(kind=TargetKind.EVENT, id=STRIKE), "Zahlen", ("Drohnen",))
        [row] = panel_texts(window)
        assert row.splitlines()[-1] == f"#Drohnen · {written}"
        window.selection.select(STRIKE)
        assert f"#Drohnen · {written}" in strip_isolates(window.details.plain_text())
        assert "2025-06-04" not in row + window.details.plain_text()
    finally:  # English again for the tests after
        i18n.uninstall(qapp, installed)
        QLocale.setDefault(before)
