"""The panels as a reader uses them: the window's space, the quotes, the notes' buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.windows import active_window, settle
from viewer.domain.model import EventKind
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.ui.main_window import MainWindow
from viewer.ui.models.events import EventTableModel
from viewer.ui.models.quotes import ALL_SPEAKERS
from viewer.ui.models.roles import ItemRole
from viewer.ui.panels.details import quote_anchor
from viewer.ui.widgets.views import CountDelegate


def resize(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    settle(qtbot)


def test_a_large_window_gives_the_details_and_the_table_more_room(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    resize(qtbot, window, 1280, 800)
    details, table = window.details_dock.width(), window.events_dock.height()
    header = window.events_table.view.horizontalHeader()
    title = header.sectionSize(EventTableModel.TITLE)
    people = header.sectionSize(EventTableModel.PARTICIPANTS)
    resize(qtbot, window, 1920, 1080)
    assert window.details_dock.width() >= details * 1.4
    assert window.events_dock.height() >= table * 1.25
    assert header.sectionSize(EventTableModel.TITLE) > title * 1.3
    assert header.sectionSize(EventTableModel.PARTICIPANTS) > people * 1.3
    assert window.timeline_view.width() > 1000
    # And back: the same room as before.
    resize(qtbot, window, 1280, 800)
    assert abs(window.details_dock.width() - details) <= 2


def test_the_quotes_and_notes_tabs_get_their_share_like_the_details(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    resize(qtbot, window, 1920, 1080)
    share = window.details_dock.width()
    assert share >= 0.18 * 1920
    # The notes' tab is behind the quotes', its panel hidden: the two keep their room.
    assert window.notes_dock.widget().isHidden()
    assert window.quotes_dock.width() >= share - 4
    window.focus_panel(window.notes_dock)
    settle(qtbot)
    assert window.notes_dock.width() >= share - 4


def test_a_panel_the_reader_widened_keeps_its_share(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    resize(qtbot, window, 1280, 800)
    window.resizeDocks([window.details_dock], [480], Qt.Orientation.Horizontal)  # a drag
    qtbot.waitUntil(lambda: window.details_dock.width() == 480)
    settle(qtbot)
    resize(qtbot, window, 1920, 1080)
    assert abs(window.details_dock.width() - 720) <= 4


def test_every_lane_is_reachable_in_a_small_window(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    resize(qtbot, window, 1024, 700)
    view = window.timeline_view
    view.fit_all()
    timeline = window.document.timeline
    for kind in EventKind:
        event = next(e for e in timeline.events if e.kind is kind)
        window.selection.select(event.id)
        pos = view.event_pos(event.id)
        assert pos is not None, kind
        assert view.viewport().rect().contains(pos), kind


def test_all_speakers_and_counts_never_cut_off(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    panel = window.quotes
    model = panel.actor_model
    assert model.index(0, 0).data(ItemRole.QUOTE_ID) is None
    panel.choose_actor_row(model.row_of(ALL_SPEAKERS))
    everyone = {
        panel.quote_model.index(r, 0).data(ItemRole.QUOTE_ID)
        for r in range(panel.quote_model.rowCount())
    }
    assert everyone == set(window.document.timeline.quotes_by_id)
    first = strip_isolates(panel.quote_model.index(0, 0).data())
    assert ": " in first.splitlines()[1]  # with every speaker, each quote names its own
    # A narrow list: the count is painted whole, the name and role are cut.
    panel.actor_view.setFixedWidth(180)
    settle(qtbot)
    index = model.index(model.most_quoted_row(), 0)
    rect = panel.actor_view.visualRect(index)
    assert rect.right() <= panel.actor_view.viewport().width()  # no sideways scrolling
    delegate = panel.actor_view.itemDelegate()
    assert isinstance(delegate, CountDelegate)
    metrics = panel.actor_view.fontMetrics()
    name, count = delegate.texts(
        index.data(ItemRole.NAME), index.data(ItemRole.COUNT), 170, metrics
    )
    assert count == "(6 quotes)"
    assert "\u2026" in name  # the name and role are cut, not the count
    assert metrics.horizontalAdvance(name + " " + count) <= 170
    option = QStyleOptionViewItem()
    option.font = QFont()
    option.fontMetrics = QFontMetrics(option.font)
    hint = panel.actor_view.itemDelegate().sizeHint(option, index)
    assert hint.width() < 120


def anchor_position(document: QTextDocument, quote_id: str) -> int:
    """Where the details pane's place for the quote is."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if quote_anchor(quote_id) in fragment.charFormat().anchorNames():
                return fragment.position()
            fragments += 1
        block = block.next()
    raise AssertionError(f"no place for {quote_id}")


def test_clicking_a_quote_scrolls_the_details_to_it(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    resize(qtbot, window, 1280, 700)
    panel = window.quotes
    view = panel.quote_view
    proxy = panel.quote_model
    # The last quote of its event is far down in the details.
    index = proxy.index(proxy.rowCount() - 1, 0)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    browser = window.details.browser
    quote_id = index.data(ItemRole.QUOTE_ID)
    said = window.document.timeline.quotes_by_id[quote_id].text[:30]
    # The quote where the pane lists it (a summary may say the same words earlier).
    document = browser.document()
    cursor = document.find(said, anchor_position(document, quote_id))
    assert not cursor.isNull()
    assert browser.verticalScrollBar().value() > 0
    assert browser.viewport().rect().intersects(browser.cursorRect(cursor))


def test_quotes_with_notes_are_marked(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    proxy = window.quotes.quote_model
    quote_id = proxy.index(0, 0).data(ItemRole.QUOTE_ID)
    window.notes.add(NoteTarget(kind=TargetKind.QUOTE, id=quote_id), "prüfen")
    text = strip_isolates(proxy.index(0, 0).data())
    assert text.startswith("\u270e 1 \u00b7 ")
    assert "1 note of yours" in proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert not strip_isolates(proxy.index(1, 0).data()).startswith("\u270e")


def test_notes_buttons_need_a_chosen_note_and_changes_are_confirmed(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.notes_dock.raise_()
    panel = window.notes_panel
    target = NoteTarget(kind=TargetKind.EVENT, id="drone-strike-2025-06-01")
    window.notes.add(target, "Zahlen prüfen")
    assert strip_isolates(window.statusBar().currentMessage()).startswith(
        "Note added to \u201cDrohnenangriff des SBU"
    )
    assert not panel.edit_button.isEnabled()
    assert not panel.delete_button.isEnabled()
    index = panel.view.model().index(0, 0)
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center()
    )
    assert panel.edit_button.isEnabled()
    assert panel.delete_button.isEnabled()
    window.menus["undo"].trigger()
    assert window.statusBar().currentMessage() == "Undone: Add Note."
    assert window.menus["undo"].text() == "&Undo"
    assert window.menus["redo"].text() == "&Redo Add Note"
    window.menus["redo"].trigger()
    assert window.statusBar().currentMessage() == "Redone: Add Note."
    assert not panel.edit_button.isEnabled()  # the list was made anew: nothing chosen


def test_export_notes_confirms(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "eins")
    out = tmp_path / "notes.md"
    window.exports.export_notes_to(out)
    assert "eins" in out.read_text(encoding="utf-8")
    assert window.statusBar().currentMessage() == "Exported 1 note to notes.md."
    window.exports.export_notes_to(tmp_path / "notes.jsonld")
    assert '"@context"' in (tmp_path / "notes.jsonld").read_text(encoding="utf-8")
    window.exports.export_to(tmp_path / "t.png")
    assert window.statusBar().currentMessage() == "Exported the timeline to t.png."


def test_a_long_quote_list_is_two_lines_a_quote(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, object]
) -> None:
    from tests.conftest import dump

    quotes = minimal["quotes"]
    assert isinstance(quotes, list)
    template = {**quotes[0], "translation": {"language": "en", "text": "A good talk."}}
    minimal["quotes"] = [{**template, "id": f"q{i}"} for i in range(1200)]
    model = tmp_path / "many.json"
    model.write_bytes(dump(minimal))
    window = active_window(qtbot, model)
    window.show_translations(True)
    panel = window.quotes
    panel.choose_actor_row(panel.actor_model.row_of(ALL_SPEAKERS))
    assert panel.quote_model.rowCount() == 1200
    assert panel.quote_view.uniformItemSizes()
    assert not panel.quote_view.wordWrap()
    lines = strip_isolates(panel.quote_model.index(0, 0).data()).splitlines()
    assert len(lines) == 2
    assert lines[1].endswith("\u2014 A good talk.")  # the translation beside the quote
    # A short list wraps its quotes again, each as tall as it needs.
    panel.filter_edit.setText("nothing like this")
    assert not panel.quote_view.uniformItemSizes()
