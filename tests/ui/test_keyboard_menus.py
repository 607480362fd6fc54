"""Menus from the keyboard: Shift+F10 in the quotes, the events table and the notes;
the Filter menu and a "+N" list open with their first item active; the table sorts
from its rows' menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QMenu
from pytestqt.qtbot import QtBot

from tests.conftest import dump
from tests.ui.test_reach import CALLS, calls_on_one_day, the_cluster
from tests.ui.test_timeline_view import show_view
from tests.ui.windows import active_window
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.persistence.model_file import parse_timeline
from viewer.ui.document.selection import Selection
from viewer.ui.models.events import EventTableModel
from viewer.ui.models.roles import ItemRole

SHIFT = Qt.KeyboardModifier.ShiftModifier


def shift_f10(qtbot: QtBot, view: QAbstractItemView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_F10, SHIFT)


def at_item(view: QAbstractItemView, index: QModelIndex) -> QPoint:
    """Where a menu for ``index`` opens: the middle of its row, on the screen."""
    return view.viewport().mapToGlobal(view.visualRect(index).center())


def texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def read_as_focused(menu: QMenu) -> str:
    """The name of the menu's entry a screen reader is told has the focus."""
    interface = QAccessible.queryAccessibleInterface(menu)
    assert interface is not None
    assert interface.childCount() > 0
    focused = [
        interface.child(i)
        for i in range(interface.childCount())
        if interface.child(i).state().focused
    ]
    assert len(focused) == 1
    return focused[0].text(QAccessible.Text.Name)


def test_shift_f10_opens_the_menu_of_the_current_quote(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    panel = window.quotes
    panel.choose_actor_row(0)  # all speakers
    view = panel.quote_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    current = view.currentIndex()
    assert current.row() == 1
    shift_f10(qtbot, view)
    menu = panel.quote_menu
    assert menu is not None
    assert menu.isVisible()
    assert menu.pos() == at_item(view, current)
    assert texts(menu)[:2] == ["Copy Citation", "Copy Citation as Markdown"]
    # Arrows and Enter work in it: "Copy Citation" of that quote.
    with qtbot.waitSignal(panel.copyRequested) as copied:
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert copied.args == [current.data(ItemRole.QUOTE_ID), False]


def test_shift_f10_opens_the_menu_of_the_current_row_in_the_table(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.events_table.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    current = view.currentIndex()
    assert current.row() == 3
    shift_f10(qtbot, view)
    menu = window.event_menu
    assert menu is not None
    assert menu.isVisible()
    assert window.selection.event_id == current.data(ItemRole.EVENT_ID)
    assert menu.pos() == at_item(view, current)
    assert "Add Note…" in texts(menu)
    assert "Sort By" in texts(menu)
    menu.close()
    # The same event's menu on the timeline has nothing to sort.
    window.timeline_view.setFocus()
    qtbot.keyClick(window.timeline_view, Qt.Key.Key_F10, SHIFT)
    menu = window.event_menu
    assert menu is not None
    assert menu.isVisible()
    assert "Add Note…" in texts(menu)
    assert "Sort By" not in texts(menu)
    menu.close()


def test_the_table_sorts_from_its_rows_menu(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    table = window.events_table
    view, header = table.view, table.view.horizontalHeader()
    view.setFocus()
    view.setCurrentIndex(view.model().index(5, 0))
    chosen = window.selection.event_id
    assert chosen is not None
    assert header.sortIndicatorSection() == EventTableModel.DATE
    shift_f10(qtbot, view)
    menu = window.event_menu
    assert menu is not None
    sort = menu.findChild(QMenu, "sortMenu")
    assert sort is not None
    qtbot.keyClick(menu, Qt.Key.Key_B)  # Sort &By: opens, its first entry active
    assert sort.isVisible()
    assert [a.text() for a in sort.actions() if a.isChecked()] == ["Date", "&Ascending"]
    assert sort.activeAction() is sort.actions()[0]
    qtbot.keyClick(sort, Qt.Key.Key_Down)
    qtbot.keyClick(sort, Qt.Key.Key_Return)  # Kind
    assert not menu.isVisible()
    assert header.sortIndicatorSection() == EventTableModel.KIND
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    kinds = [view.model().index(r, EventTableModel.KIND).data() for r in range(10)]
    assert kinds == sorted(kinds) or len(set(kinds)) == 1
    # The chosen event stays chosen, and in view.
    assert window.selection.event_id == chosen
    assert view.currentIndex().data(ItemRole.EVENT_ID) == chosen
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()).center())
    # Again: the column is checked as it is now; D for Descending.
    shift_f10(qtbot, view)
    menu = window.event_menu
    assert menu is not None
    sort = menu.findChild(QMenu, "sortMenu")
    assert sort is not None
    qtbot.keyClick(menu, Qt.Key.Key_B)
    assert [a.text() for a in sort.actions() if a.isChecked()] == ["Kind", "&Ascending"]
    qtbot.keyClick(sort, Qt.Key.Key_D)
    assert header.sortIndicatorSection() == EventTableModel.KIND
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_shift_f10_opens_the_menu_of_the_current_note(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    notes = window.notes
    notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "Erste")
    notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "Zweite")
    window.notes_dock.show()
    window.notes_dock.raise_()
    panel = window.notes_panel
    view = panel.view
    qtbot.waitUntil(view.isVisible)
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    current = view.currentIndex()
    note_id = current.data(ItemRole.NOTE_ID)
    shift_f10(qtbot, view)
    menu = panel.note_menu
    assert menu is not None
    assert menu.isVisible()
    assert menu.pos() == at_item(view, current)
    assert texts(menu) == ["Edit Note…", "Delete Note"]
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)  # Delete Note
    assert notes.get(note_id) is None
    assert len(notes.notes()) == 1


def test_the_filter_menu_opens_with_its_first_entry_active(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    bar = window.filter_bar
    bar.menu_button.setFocus()
    seen: dict[str, Any] = {}

    def in_the_menu() -> None:  # the button's menu runs an event loop of its own
        menu = bar.menu
        seen["visible"] = menu.isVisible()
        active = menu.activeAction()
        seen["active"] = active.text() if active is not None else None
        kinds = menu.actions()[0].menu()
        assert kinds is not None
        seen["kinds opened"] = kinds.isVisible()
        seen["read"] = read_as_focused(menu)
        qtbot.keyClick(menu, Qt.Key.Key_Return)  # Kind: opens, "Calls" active
        seen["kinds active"] = kinds.activeAction().text() if kinds.activeAction() else None
        qtbot.keyClick(kinds, Qt.Key.Key_Return)

    QTimer.singleShot(0, in_the_menu)
    qtbot.keyClick(bar.menu_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "kinds active" in seen)
    assert seen == {
        "visible": True,
        "active": "&Kind",
        "kinds opened": False,  # active, not opened: the reader chooses
        "read": "Kind",
        "kinds active": "Calls",
    }
    assert window.filters.filter.holds("kinds", "call")


def test_a_cluster_list_opens_with_its_first_event_active(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = show_view(qtbot, selection, parse_timeline(dump(calls_on_one_day(minimal))))
    hidden = [CALLS[i] for i in the_cluster(view).positions]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    menu = view.cluster_menu
    assert menu is not None
    assert menu.isVisible()
    first = menu.actions()[0]
    assert first.data() == hidden[0]
    assert menu.activeAction() is first
    assert read_as_focused(menu) == first.text().replace("&&", "&")
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert selection.event_id == hidden[1]
