"""Copying citations: Ctrl+C, Ctrl+Shift+C and the context menus put them on the clipboard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window
from viewer.domain.cite import cite_event, cite_quote
from viewer.ui.controllers.citations import MARKDOWN
from viewer.ui.main_window import MainWindow
from viewer.ui.models.roles import ItemRole


def clipboard() -> tuple[str, str]:
    data = QGuiApplication.clipboard().mimeData()
    return data.text(), bytes(data.data(MARKDOWN).data()).decode("utf-8")


def click_event(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    pos = window.timeline_view.event_pos(event_id)
    assert pos is not None
    qtbot.mouseClick(window.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.selection.event_id == event_id


def test_ctrl_c_copies_the_selected_events_citation(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    QGuiApplication.clipboard().clear()
    click_event(qtbot, window, "call-2025-06-04")
    window.timeline_view.setFocus()
    qtbot.keySequence(window.timeline_view, QKeySequence(QKeySequence.StandardKey.Copy))
    timeline = window.document.timeline
    expected = cite_event(timeline, timeline.events_by_id["call-2025-06-04"])
    assert clipboard() == (expected.plain, expected.markdown)
    assert "Copied the citation of" in window.statusBar().currentMessage()
    # Ctrl+Shift+C: the Markdown as the text too.
    qtbot.keySequence(window.timeline_view, QKeySequence("Ctrl+Shift+C"))
    assert clipboard() == (expected.markdown, expected.markdown)
    assert window.statusBar().currentMessage().endswith("as Markdown.")


def test_ctrl_c_in_the_quote_list_copies_that_quote(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.quotes.quote_view
    index = view.model().index(1, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    view.setFocus()
    qtbot.keySequence(view, QKeySequence(QKeySequence.StandardKey.Copy))
    timeline = window.document.timeline
    quote = timeline.quotes_by_id[index.data(ItemRole.QUOTE_ID)]
    assert clipboard()[0] == cite_quote(timeline, quote).plain


def test_nothing_selected_says_what_to_do(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.selection.clear()
    window.timeline_view.setFocus()
    assert not window.citations.copy_current_citation()
    assert window.statusBar().currentMessage() == (
        "Select an event or a quote to copy its citation."
    )


def test_the_event_menu_on_the_timeline_and_in_the_table(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    pos = window.timeline_view.event_pos("drone-strike-2025-06-01")
    assert pos is not None
    viewport = window.timeline_view.viewport()
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)),
    )
    menu = window.event_menu
    assert menu is not None
    copy = next(a for a in menu.actions() if a.text() == "Copy Citation as Markdown")
    menu.close()
    copy.trigger()
    timeline = window.document.timeline
    expected = cite_event(timeline, timeline.events_by_id["drone-strike-2025-06-01"])
    assert clipboard() == (expected.markdown, expected.markdown)

    table = window.events_table.view
    row = window.events_table.model.row_of("call-2025-06-04")
    rect = table.visualRect(table.model().index(row, 2))
    table.scrollTo(table.model().index(row, 2))
    rect = table.visualRect(table.model().index(row, 2))
    QApplication.sendEvent(
        table.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse,
            rect.center(),
            table.viewport().mapToGlobal(rect.center()),
        ),
    )
    menu = window.event_menu
    assert menu is not None
    assert window.selection.event_id == "call-2025-06-04"
    copy = next(a for a in menu.actions() if a.text() == "Copy Citation")
    menu.close()
    copy.trigger()
    assert clipboard()[0].startswith("Telefonat zwischen Trump und Putin (4 June 2025)")


def test_quote_menu_copies_and_opens_its_web_source(
    qtbot: QtBot, tmp_path: Path, bundled_data: dict[str, Any]
) -> None:
    article = next(s for s in bundled_data["sources"] if s["id"] == "article")
    article["url"] = "https://example.org/bericht"
    model = tmp_path / "with-url.json"
    model.write_text(json.dumps(bundled_data, ensure_ascii=False), encoding="utf-8")
    window = active_window(qtbot, model)
    opened: list[QUrl] = []
    window.quotes.open_url = opened.append
    view = window.quotes.quote_view
    first = view.model().index(0, 0)
    pos: QPoint = view.visualRect(first).center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
    )
    menu = window.quotes.quote_menu
    assert menu is not None
    actions = {a.text(): a for a in menu.actions()}
    menu.close()
    actions["Copy Citation"].trigger()
    timeline = window.document.timeline
    quote = timeline.quotes_by_id[first.data(ItemRole.QUOTE_ID)]
    assert clipboard()[0] == cite_quote(timeline, quote).plain
    assert "https://example.org/bericht" in clipboard()[0]
    actions["Open Source"].trigger()
    assert opened == [QUrl("https://example.org/bericht")]
    # The details show the source beside the quote, as a link.
    window.selection.select(quote.event)
    assert 'href="https://example.org/bericht"' in window.details.browser.toHtml()


def test_ctrl_c_copies_text_selected_in_the_details(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.selection.select("call-2025-06-04")
    browser = window.details.browser
    cursor = browser.document().find("Telefonat zwischen")
    assert not cursor.isNull()
    browser.setTextCursor(cursor)
    browser.setFocus()
    qtbot.keySequence(browser, QKeySequence(QKeySequence.StandardKey.Copy))
    assert QGuiApplication.clipboard().text() == "Telefonat zwischen"
