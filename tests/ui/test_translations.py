"""Quotes show in their own language; their translations beside them when the reader asks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.windows import active_window
from viewer.persistence.paths import AppPaths
from viewer.ui.app import open_settings
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.details import TRANSLATIONS_URL, DetailsPanel

EVENT = "ceasefire-proposal-2025-06-04"


def link_position(panel: DetailsPanel, href: str) -> QPoint:
    """Where the first link to ``href`` is painted in the details' viewport."""
    document = panel.browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                return panel.browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def quote_lines(window: MainWindow) -> list[str]:
    model = window.quotes.quote_model
    return [strip_isolates(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_translations_show_when_asked_and_the_choice_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    window.selection.select(EVENT)
    details = window.details
    text = strip_isolates(details.plain_text())
    assert "Translation (en):" not in text
    assert "Show translation (en)" in text
    window.quotes.choose_actor_row(0)  # all speakers
    hidden = quote_lines(window)
    assert all(line.count("\n") == 1 for line in hidden)  # date and quote, no translation
    # The reader clicks the link under a quote.
    qtbot.mouseClick(
        details.browser.viewport(),
        Qt.MouseButton.LeftButton,
        pos=link_position(details, TRANSLATIONS_URL),
    )
    assert window.menus["translations"].isChecked()
    assert "Translation (en):" in strip_isolates(details.plain_text())
    shown = quote_lines(window)
    assert any(line.count("\n") == 2 for line in shown)  # the translation on a line below
    assert len(shown) == len(hidden)
    # Kept for the next start.
    window.settings.sync()
    again = MainWindow(open_settings(AppPaths.from_environment()), tmp_path)
    qtbot.addWidget(again)
    assert again.menus["translations"].isChecked()
    assert again.details.show_translations
    # And the menu's key takes them away.
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.menus["translations"].isChecked()
    assert "Translation (en):" not in strip_isolates(details.plain_text())
