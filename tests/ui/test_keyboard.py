"""The journey by keyboard: Tab stops, F6 through the panels, the timeline's keys, F1."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window
from viewer.timeline.index import event_index
from viewer.ui.main_window import MainWindow


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_tab_leaves_the_table_in_one_step(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    table = window.events_table.view
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    selected = window.selection.event_id
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert focused() is not table
    assert window.selection.event_id == selected  # Tab changed nothing on its way


def _dock_of(widget: QWidget) -> QDockWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent


def test_tab_never_enters_a_panel_behind_another_tab(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    behind = window.notes_dock  # tabbed behind "Quotes by actor"
    assert behind.visibleRegion().isEmpty()
    window.events_table.view.setFocus()
    stops: list[QWidget] = []
    for _ in range(24):
        widget = focused()
        assert widget is not None
        stops.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    for widget in stops:  # every stop is on screen, none in a tab behind another
        assert not widget.visibleRegion().isEmpty(), widget.objectName()
        assert _dock_of(widget) is not behind
    assert window.quotes.actor_view in stops
    assert window.details.browser in stops
    # To a screen reader the panel behind is not showing; Alt keys there do not fire.
    names = QAccessible.queryAccessibleInterface(window.notes_panel.filter_edit)
    assert names is not None
    assert names.state().invisible
    for dock, hidden in ((behind, True), (window.quotes_dock, False)):  # the docks too
        interface = QAccessible.queryAccessibleInterface(dock)
        assert interface is not None
        assert bool(interface.state().invisible) is hidden
        assert interface.text(QAccessible.Text.Name) == dock.windowTitle()
    qtbot.keyClicks(window.events_table.view, "x")
    assert window.notes_panel.filter_edit.text() == ""
    # Its tab brought forward (a click on the tab), it is reached again.
    window.notes_dock.raise_()
    qtbot.waitUntil(window.notes_panel.isVisible)
    window.events_table.view.setFocus()
    for _ in range(24):
        if focused() is window.notes_panel.filter_edit:
            break
        qtbot.keyClick(focused() or window, Qt.Key.Key_Tab)
    assert focused() is window.notes_panel.filter_edit
    names = QAccessible.queryAccessibleInterface(window.notes_panel.filter_edit)
    assert names is not None
    assert not names.state().invisible
    shown = QAccessible.queryAccessibleInterface(window.notes_dock)
    assert shown is not None
    assert not shown.state().invisible


def test_f6_visits_every_panel_and_brings_tabbed_docks_forward(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.timeline_view.setFocus()
    order = []
    for _ in range(6):
        qtbot.keySequence(focused() or window, QKeySequence("F6"))
        order.append(focused())
    assert order == [
        window.details.browser,
        window.events_table.view,
        window.changes_panel.tree,  # the tab behind "Events"
        window.quotes.actor_view,
        window.notes_panel.view,  # the tab behind "Quotes by actor"
        window.timeline_view,  # the search results dock is closed: skipped
    ]
    assert window.notes_panel.isVisible()
    qtbot.keySequence(window.timeline_view, QKeySequence("Shift+F6"))
    assert focused() is window.notes_panel.view
    window.open_find()
    window.find_bar.close_bar()
    window.quotes.actor_view.setFocus()
    qtbot.keySequence(window.quotes.actor_view, QKeySequence("F6"))
    qtbot.keySequence(focused() or window, QKeySequence("F6"))
    assert focused() is window.find_results.view  # open now: visited


def test_tab_reaches_the_timeline_which_shows_the_focus(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.filter_bar.menu_button.setFocus()
    for _ in range(6):
        if focused() is window.timeline_view:
            break
        qtbot.keyClick(focused() or window, Qt.Key.Key_Tab)
    assert focused() is window.timeline_view
    highlight = window.timeline_view.palette().color(QPalette.ColorRole.Highlight)
    image = window.timeline_view.viewport().grab().toImage()
    assert QColor(image.pixel(1, image.height() // 2)) == highlight
    window.details.browser.setFocus()
    image = window.timeline_view.viewport().grab().toImage()
    assert QColor(image.pixel(1, image.height() // 2)) != highlight


def test_the_timeline_keys(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    first = window.selection.event_id
    assert first == event_index(window.document.timeline).first()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.selection.event_id != first
    qtbot.keyClick(view, Qt.Key.Key_Menu)
    assert window.event_menu is not None
    assert window.event_menu.isVisible()
    window.event_menu.close()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert focused() is window.details.browser
    assert window.details.current_event_id == window.selection.event_id


def test_help_lists_every_key(qtbot: QtBot) -> None:
    window: MainWindow = active_window(qtbot)
    qtbot.keySequence(window.timeline_view, QKeySequence("F1"))
    box = window.shortcuts_box
    assert box is not None
    rows = dict(box.rows())
    assert rows["Find…"] == QKeySequence("Ctrl+F").toString(QKeySequence.SequenceFormat.NativeText)
    assert "Alt+Left" in rows["Back"]
    assert rows["Next Panel"] == "F6"
    assert rows["Copy Citation as Markdown"] == "Ctrl+Shift+C"
    assert rows["Timeline: the selected event's menu"] == "Menu, Shift+F10"
    box.close()


def test_escape_in_the_find_bar_gives_the_focus_back(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    table = window.events_table.view
    table.setFocus()
    qtbot.waitUntil(lambda: focused() is table)
    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused() is window.find_bar.edit)
    qtbot.keyClicks(window.find_bar.edit, "Putin")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert focused() is table  # where it was, not the Filter button after the bar


def test_f6_to_a_tab_behind_never_passes_the_focus_through_another_panel(
    qtbot: QtBot,
) -> None:
    window = active_window(qtbot)
    window.focus_panel(window.quotes_dock)
    qtbot.waitUntil(lambda: focused() is window.quotes.actor_view)
    seen: list[QWidget] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(lambda _old, new: seen.append(new))
    window.focus_panel(window.notes_dock)  # the tab behind the quotes'
    assert seen == [window.notes_panel.view]
