"""Alt keys never clash: in English and in German, every menu's underlined letters
are its own, and the window's buttons and labels never take a menu's letter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window, settle
from viewer.ui import i18n
from viewer.ui.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    """The underlined letter of a menu or button text ("Fi&nd" is "n"), if any."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    """The letters two or more of ``texts`` underline, with those texts."""
    letters = Counter(m for m in map(mnemonic, texts) if m)
    return {
        letter: [t for t in texts if mnemonic(t) == letter]
        for letter, count in letters.items()
        if count > 1
    }


def menus_in(menu: QMenu, path: str) -> Iterator[tuple[str, QMenu]]:
    """``menu`` and every menu under it, each with where it is ("View ▸ Lanes")."""
    menu.aboutToShow.emit()  # menus filled as they open are filled
    yield path, menu
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menus_in(sub, f"{path} ▸ {action.text()}")


def window_menus(window: MainWindow) -> Iterator[tuple[str, QMenu]]:
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        yield from menus_in(menu, action.text())
    yield from menus_in(window.filter_bar.menu_button.menu(), "Filter")


def alt_keys_on_screen(window: MainWindow) -> list[str]:
    """The texts of the buttons and labels (with a buddy) the reader sees now."""
    texts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
    return texts


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QCoreApplication) -> Iterator[str]:
    before = QLocale()
    installed = i18n.install(qapp, request.param) if request.param != "en" else []
    try:
        assert installed or request.param == "en"
        yield request.param
    finally:
        i18n.uninstall(qapp, installed)
        QLocale.setDefault(before)


def test_no_menu_underlines_one_letter_twice(qtbot: QtBot, language: str) -> None:
    window = active_window(qtbot)
    bar = [action.text() for action in window.menuBar().actions()]
    assert clashes(bar) == {}, language
    found = {}
    walked = 0
    for path, menu in window_menus(window):
        walked += 1
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        if clashes(texts):
            found[path] = clashes(texts)
    assert found == {}, language
    assert walked >= 10  # File, Open Recent, Edit, View, Lanes, Go, Help, Filter and theirs


def test_the_view_menus_panel_toggles_have_alt_keys(qtbot: QtBot, language: str) -> None:
    window = active_window(qtbot)
    toggles = [dock.toggleViewAction() for dock in window.docks()]
    assert all(mnemonic(action.text()) for action in toggles), [a.text() for a in toggles]
    # The dock's own title stays plain (no "&" in its title bar or tab).
    assert all("&" not in dock.windowTitle() for dock in window.docks())


def test_a_panels_alt_keys_never_take_a_menus(qtbot: QtBot, language: str) -> None:
    """Alt+H opens Hilfe whatever panel is in front, never a button's "&hinzufügen"."""
    window = active_window(qtbot)
    bar = [action.text() for action in window.menuBar().actions()]
    window.resize(1400, 900)
    for front in (window.quotes_dock, window.notes_dock, None):
        if front is None:
            window.open_find()  # the find bar and its results
        else:
            window.focus_panel(front)
        settle(qtbot)
        on_screen = alt_keys_on_screen(window)
        assert clashes(bar + on_screen) == {}, (language, front and front.objectName())


def test_the_filter_menus_own_entries_have_alt_keys(qtbot: QtBot, language: str) -> None:
    window = active_window(qtbot)
    menu = window.filter_bar.menu_button.menu()
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert len(texts) >= 8
    assert [t for t in texts if not mnemonic(t)] == [], language
