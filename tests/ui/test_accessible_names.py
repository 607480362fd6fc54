"""Names carry what the eye sees, and no bidi isolate reaches a screen reader or the clipboard.

The isolates (U+2066–U+2069) keep painted text in order; read out, shown on a
braille display or pasted, they are noise. Every check goes through what
assistive technology asks (``QAccessible.queryAccessibleInterface`` on the real
widgets) or what the clipboard holds after the real keys.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from tests.conftest import dump
from tests.ui.test_language import german  # noqa: F401  (a fixture)
from tests.ui.test_reach import calls_on_one_day, the_cluster
from tests.ui.test_timeline_view import show_view
from tests.ui.windows import active_window
from viewer.domain.describe import describe_date
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.persistence.model_file import parse_timeline
from viewer.ui.controllers.citations import MARKDOWN
from viewer.ui.document.selection import Selection
from viewer.ui.main_window import MainWindow
from viewer.ui.models.roles import ItemRole
from viewer.ui.timeline import access as timeline_access
from viewer.ui.timeline.access import TimelineAccessible
from viewer.ui.widgets import announce as announce_module

ISOLATES = re.compile("[\u2066-\u2069]")
LRE, RLE, RLO, PDF = "\u202a", "\u202b", "\u202e", "\u202c"


def has_isolates(text: str) -> bool:
    return ISOLATES.search(text) is not None


def cells(view: QAbstractItemView) -> dict[tuple[int, int], QAccessibleInterface]:
    """Every cell of ``view`` as a screen reader finds it, by (row, column): the
    children of its interface that are table cells (not its headers)."""
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface is not None
    found = {}
    for number in range(interface.childCount()):
        child = interface.child(number)
        assert child is not None
        cell = child.tableCellInterface()
        if cell is not None:
            found[(cell.rowIndex(), cell.columnIndex())] = child
    return dict(sorted(found.items()))


def names(view: QAbstractItemView) -> list[str]:
    return [cell.text(QAccessible.Text.Name) for cell in cells(view).values()]


def descriptions(view: QAbstractItemView) -> list[str]:
    return [cell.text(QAccessible.Text.Description) for cell in cells(view).values()]


def clipboard() -> tuple[str, str]:
    data = QGuiApplication.clipboard().mimeData()
    return data.text(), bytes(data.data(MARKDOWN).data()).decode("utf-8")


def hostile_model(tmp_path: Path, bundled_data: dict[str, Any]) -> Path:
    """The bundled timeline with isolates and an override in the call's title and in
    Putin's name, as a model file may hold them."""
    for event in bundled_data["events"]:
        if event["id"] == "call-2025-06-04":
            event["title"] = f"Telefonat \u2067{RLO}Trump\u2069 und Putin"
    for actor in bundled_data["actors"]:
        if actor["id"] == "putin":
            actor["name"] = "\u2068Wladimir Putin\u2069"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(bundled_data, ensure_ascii=False), encoding="utf-8")
    return path


def choose_speaker(window: MainWindow, actor_id: str) -> None:
    row = window.quotes.actor_model.row_of(actor_id)
    assert row >= 0
    window.quotes.choose_actor_row(row)


# -- the quotes and the speakers --------------------------------------------------------


def test_a_quote_is_named_by_its_speaker_date_and_words_and_reported_speech_says_so(
    qtbot: QtBot,
) -> None:
    window = active_window(qtbot)
    timeline = window.document.timeline
    assert timeline is not None
    window.quotes.choose_actor_row(0)  # all speakers
    view = window.quotes.quote_view
    model = view.model()
    read = names(view)
    assert len(read) == model.rowCount() == len(timeline.quotes)
    reported = 0
    for row, name in enumerate(read):
        quote = timeline.quotes_by_id[model.index(row, 0).data(ItemRole.QUOTE_ID)]
        speaker = timeline.actors_by_id[quote.speaker].name
        when = describe_date(timeline.events_by_id[quote.event].date)
        assert name.startswith(f"{speaker}, {when}: "), name
        assert " ".join(quote.text.split()) in name
        if quote.mode == "reported":
            reported += 1
            assert name.endswith(" (reported)")
            # As the row shows it.
            assert "(reported)" in model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
        else:
            assert "(reported)" not in name
    assert reported  # the bundled timeline has reported speech
    selenskyj = timeline.quotes_by_id["q-selenskyj-4"]
    row = window.quotes.quote_model.row_of(selenskyj.id)
    assert read[row] == (f"Wolodymyr Selenskyj, from 9 June 2025 on: {selenskyj.text} (reported)")
    # The rest of the row (its event's title) is its description.
    event = timeline.events_by_id[selenskyj.event]
    assert descriptions(view)[row] == event.title
    # The painted rows keep their isolates; what is read has none.
    assert any(has_isolates(model.index(r, 0).data()) for r in range(model.rowCount()))
    assert not any(has_isolates(text) for text in read + descriptions(view))


def test_a_quotes_description_carries_its_notes_and_shown_translation(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    timeline = window.document.timeline
    assert timeline is not None
    quote = timeline.quotes_by_id["q-wadephul-3"]
    assert quote.translation is not None
    choose_speaker(window, quote.speaker)
    view = window.quotes.quote_view
    row = window.quotes.quote_model.row_of(quote.id)
    window.notes.add(NoteTarget(kind=TargetKind.QUOTE, id=quote.id), "eins")
    window.show_translations(True)
    description = descriptions(view)[row]
    assert "1 note of yours" in description
    assert description.endswith(quote.translation.text)
    window.show_translations(False)
    assert quote.translation.text not in descriptions(view)[row]


def test_a_speaker_is_named_with_its_role_and_how_many_quotes(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    timeline = window.document.timeline
    assert timeline is not None
    read = names(window.quotes.actor_view)
    assert read[0] == f"All speakers, {len(timeline.quotes)} quotes"
    assert "Wolodymyr Selenskyj, Präsident der Ukraine, 6 quotes" in read
    assert "Kreml, Russische Staatsführung, 1 quote" in read
    model = window.quotes.actor_model
    assert len(read) == model.rowCount() > 3
    assert not any(has_isolates(name) for name in read)
    # The eye sees the same: name, role and count.
    assert any(has_isolates(model.index(r, 0).data()) for r in range(model.rowCount()))


def test_names_from_data_with_isolates_of_its_own_read_without_them(
    qtbot: QtBot, tmp_path: Path, bundled_data: dict[str, Any]
) -> None:
    window = active_window(qtbot, hostile_model(tmp_path, bundled_data))
    read = names(window.quotes.actor_view)
    assert any(name.startswith("Wladimir Putin, ") for name in read)
    choose_speaker(window, "putin")
    quotes = names(window.quotes.quote_view)
    assert quotes
    assert all(name.startswith("Wladimir Putin, ") for name in quotes)
    table = window.events_table.view
    assert f"Telefonat {RLO}Trump und Putin" in names(table)
    for text in read + quotes + names(table) + descriptions(window.quotes.quote_view):
        assert not has_isolates(text), text


# -- the events table --------------------------------------------------------------------


def test_table_cells_read_as_plain_text_and_notes_in_words(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    timeline = window.document.timeline
    assert timeline is not None
    panel = window.events_table
    model = panel.model
    row = model.row_of("call-2025-06-04")
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "eins")
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "zwei")
    found = cells(panel.view)
    assert len(found) == len(timeline.events) * len(model.HEADERS)
    assert panel.view.model() is model

    def read(column: int) -> str:
        return found[(row, column)].text(QAccessible.Text.Name)

    call = timeline.events_by_id["call-2025-06-04"]
    shown = model.index(row, model.TITLE).data()
    assert has_isolates(shown)  # painted: isolated
    assert read(model.TITLE) == call.title  # read: as it is
    names_ = [timeline.actors_by_id[a].name for a in call.participants]
    assert read(model.PARTICIPANTS) == ", ".join(names_)
    assert read(model.DATE) == "4 June 2025"
    assert read(model.NOTES) == "2 notes"  # not "✎ 2"
    every = names(panel.view)
    assert every
    assert not any(has_isolates(text) for text in every)


# -- the clipboard and what is announced -------------------------------------------------


def test_ctrl_shift_c_copies_a_citation_without_isolates(
    qtbot: QtBot, tmp_path: Path, bundled_data: dict[str, Any]
) -> None:
    window = active_window(qtbot, hostile_model(tmp_path, bundled_data))
    window.selection.select("call-2025-06-04")
    window.timeline_view.setFocus()
    qtbot.keySequence(window.timeline_view, QKeySequence("Ctrl+Shift+C"))
    text, markdown = clipboard()
    assert text == markdown
    # The title's own isolate made an embedding: its override still ends where it did.
    assert markdown.startswith(f"**Telefonat {RLE}{RLO}Trump{PDF}{PDF} und Putin**")
    assert not has_isolates(markdown)
    qtbot.keySequence(window.timeline_view, QKeySequence(QKeySequence.StandardKey.Copy))
    text, markdown = clipboard()
    assert text.startswith(f"Telefonat {RLE}{RLO}Trump{PDF}{PDF} und Putin (4 June 2025)")
    assert not has_isolates(text + markdown)


def test_a_quotes_citation_holds_no_isolates(
    qtbot: QtBot, tmp_path: Path, bundled_data: dict[str, Any]
) -> None:
    window = active_window(qtbot, hostile_model(tmp_path, bundled_data))
    choose_speaker(window, "putin")
    view = window.quotes.quote_view
    index = view.model().index(0, 0)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keySequence(view, QKeySequence("Ctrl+Shift+C"))
    text, markdown = clipboard()
    assert text == markdown
    # The name's own isolate (from the model file) made an embedding; none added.
    assert f"\u2014 {LRE}Wladimir Putin{PDF} (reported speech)" in markdown
    assert not has_isolates(markdown)


def test_text_copied_from_the_details_holds_no_isolates(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.selection.select("call-2025-06-04")
    browser = window.details.browser
    assert has_isolates(browser.toPlainText())  # painted: the data isolated
    browser.setFocus()
    browser.selectAll()
    qtbot.keySequence(browser, QKeySequence(QKeySequence.StandardKey.Copy))
    data = QGuiApplication.clipboard().mimeData()
    assert "Telefonat zwischen Trump und Putin" in data.text()
    assert data.hasHtml()
    assert not has_isolates(data.text())
    assert not has_isolates(data.html())


def test_announcements_hold_no_isolates(qtbot: QtBot, monkeypatch: Any) -> None:
    window = active_window(qtbot)
    said: list[str] = []

    def heard(event: Any) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())

    monkeypatch.setattr(announce_module.QAccessible, "updateAccessibility", heard)
    window.citations.copy_citation(event_id="call-2025-06-04")
    message = window.statusBar().currentMessage()
    assert has_isolates(message)  # painted in the status bar: isolated
    assert said == ["Copied the citation of “Telefonat zwischen Trump und Putin”."]
    announce_module.announce(window, "\u2068\u2069")  # nothing left to say: nothing said
    assert len(said) == 1


# -- the timeline's list -------------------------------------------------------------------


def timeline_list(view: QAbstractItemView | Any) -> TimelineAccessible:
    interface = QAccessible.queryAccessibleInterface(view)
    assert isinstance(interface, TimelineAccessible)
    return interface


def test_the_timeline_list_says_which_item_is_selected(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    interface = timeline_list(view)
    selection = interface.selectionInterface()
    assert selection is not None
    window.selection.clear()
    assert selection.selectedItemCount() == 0
    assert selection.selectedItems() == []
    window.selection.select("call-2025-06-04")
    assert selection.selectedItemCount() == 1
    [item] = selection.selectedItems()
    assert item.text(QAccessible.Text.Name) == "Telefonat zwischen Trump und Putin"
    assert selection.selectedItem(0) is item
    assert item.state().selected
    assert interface.focusChild() is item
    children = [interface.child(i) for i in range(interface.childCount())]
    assert children
    assert [selection.isSelected(c) for c in children if c is not None].count(True) == 1
    # Selecting another item through the interface selects its event, as pressing does.
    other = next(c for c in children if c is not None and c is not item)
    assert selection.select(other)
    assert window.selection.event_id == other.event_id  # type: ignore[attr-defined]
    assert selection.selectedItems() == [other]
    assert not selection.isSelected(item)
    assert not selection.selectAll()  # one event at a time
    assert selection.unselect(other)
    assert window.selection.event_id is None
    assert selection.selectedItemCount() == 0


def test_a_group_is_opened_not_selected(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, parse_timeline(dump(calls_on_one_day(minimal))))
    cluster = the_cluster(view)
    interface = timeline_list(view)
    children = [interface.child(i) for i in range(interface.childCount())]
    title = f"{cluster.count} events"
    [group] = [c for c in children if c is not None and c.text(QAccessible.Text.Name) == title]
    chooser = interface.selectionInterface()
    assert not chooser.select(group)
    assert selection.event_id is None


def test_selection_changes_are_told(qtbot: QtBot, monkeypatch: Any) -> None:
    window = active_window(qtbot)
    told: list[tuple[QAccessible.Event, str]] = []

    def heard(event: Any) -> None:
        kind = event.type()
        if kind in (QAccessible.Event.Selection, QAccessible.Event.SelectionRemove):
            told.append((kind, event.accessibleInterface().text(QAccessible.Text.Name)))

    monkeypatch.setattr(timeline_access.QAccessible, "isActive", lambda: True)
    monkeypatch.setattr(timeline_access.QAccessible, "updateAccessibility", heard)
    window.events_table.view.setFocus()  # chosen elsewhere: told all the same
    window.selection.select("call-2025-06-04")
    assert told == [(QAccessible.Event.Selection, "Telefonat zwischen Trump und Putin")]
    told.clear()
    window.selection.select("drone-strike-2025-06-01")
    timeline = window.document.timeline
    assert timeline is not None
    assert told == [
        (QAccessible.Event.SelectionRemove, "Telefonat zwischen Trump und Putin"),
        (QAccessible.Event.Selection, timeline.events_by_id["drone-strike-2025-06-01"].title),
    ]


def test_the_timeline_list_is_in_time_order_not_in_the_order_of_its_marks(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    # A week's mark stands in the middle of its week: on the axis after a day's
    # that starts later.
    minimal["events"] = [
        {
            "id": "short",
            "kind": "call",
            "title": "Kurz",
            "date": {"precision": "day", "start": "2025-06-03"},
        },
        {
            "id": "long",
            "kind": "talks",
            "title": "Lang",
            "date": {"precision": "week", "start": "2025-W23"},
        },
        {
            "id": "later",
            "kind": "call",
            "title": "Später",
            "date": {"precision": "day", "start": "2025-06-15"},
        },
    ]
    minimal["quotes"] = []
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)), (1200, 400))
    placed = {event_id: view.placed(event_id) for event_id in ("short", "long", "later")}
    assert all(p is not None for p in placed.values())
    assert placed["short"].glyph.x() < placed["long"].glyph.x()  # type: ignore[union-attr]
    interface = timeline_list(view)
    read = [interface.child(i) for i in range(interface.childCount())]
    assert [c.text(QAccessible.Text.Name) for c in read if c is not None] == [
        "Lang",
        "Kurz",
        "Später",
    ]


def test_no_isolates_in_the_timelines_names(
    qtbot: QtBot, tmp_path: Path, bundled_data: dict[str, Any]
) -> None:
    window = active_window(qtbot, hostile_model(tmp_path, bundled_data))
    view = window.timeline_view
    window.selection.select("call-2025-06-04")
    interface = timeline_list(view)
    texts = [interface.text(QAccessible.Text.Description)]
    for i in range(interface.childCount()):
        child = interface.child(i)
        assert child is not None
        texts += [child.text(QAccessible.Text.Name), child.text(QAccessible.Text.Description)]
    assert len(texts) > 3
    assert f"Telefonat {RLO}Trump und Putin" in texts
    assert not any(has_isolates(text) for text in texts)


def test_with_several_timelines_a_title_cell_says_which_one_its_colour_means(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    base = tmp_path / "base.json"
    base.write_bytes(dump(minimal))
    other = copy.deepcopy(minimal)
    other.update(id="other", title="\u2068Andere\u2069 Zeitleiste")
    other["events"][0]["date"] = {"precision": "day", "start": "2025-06-08"}
    added = tmp_path / "other.json"
    added.write_bytes(dump(other))
    window = active_window(qtbot, base)
    assert window.document.add(added)
    view = window.events_table.view
    model = window.events_table.model
    found = cells(view)
    titles = [cell for (_row, column), cell in found.items() if column == model.TITLE]
    assert len(titles) == model.rowCount() == 4
    said = {cell.text(QAccessible.Text.Description) for cell in titles}
    assert said == {"Timeline: Test", "Timeline: Andere Zeitleiste"}
    others = [cell for (_row, column), cell in found.items() if column != model.TITLE]
    assert others
    assert all(cell.text(QAccessible.Text.Description) == "" for cell in others)


@pytest.mark.usefixtures("german")
def test_counts_take_the_plural_forms_of_the_language(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    read = names(window.quotes.actor_view)
    assert "Wolodymyr Selenskyj, Präsident der Ukraine, 6 Zitate" in read
    assert "Kreml, Russische Staatsführung, 1 Zitat" in read
    model = window.events_table.model
    row = model.row_of("call-2025-06-04")
    target = NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04")
    window.notes.add(target, "eins")
    assert cells(window.events_table.view)[(row, model.NOTES)].text(QAccessible.Text.Name) == (
        "1 Notiz"
    )
    window.notes.add(target, "zwei")
    assert cells(window.events_table.view)[(row, model.NOTES)].text(QAccessible.Text.Name) == (
        "2 Notizen"
    )


def _everything_read(interface: QAccessibleInterface, depth: int = 0) -> list[str]:
    """The name, description and value of ``interface`` and all below it."""
    read = [interface.text(t) for t in (QAccessible.Text.Name, QAccessible.Text.Description)]
    read.append(interface.text(QAccessible.Text.Value))
    if depth < 30:
        for number in range(interface.childCount()):
            child = interface.child(number)
            if child is not None and child.isValid():
                read += _everything_read(child, depth + 1)
    return read


def test_nothing_in_the_window_reads_out_an_isolate(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    window.selection.select("call-2025-06-04")
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "eins")
    window.filters.toggle("actors", "putin")  # a chip named by an actor
    window.find_bar.open_bar()
    window.find_bar.edit.setText("Putin")
    qtbot.waitUntil(lambda: window.find_results.model.rowCount() > 0)
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    read = [text for text in _everything_read(root) if text]
    assert len(read) > 150
    assert any("Telefonat zwischen Trump und Putin" in text for text in read)
    assert [text for text in read if has_isolates(text)] == []
