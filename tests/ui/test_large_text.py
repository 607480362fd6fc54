"""Large text holds: at an 18 pt font in German the panels wrap rather than
crowd the timeline out, the legend grows with its words, the shortcuts list
cuts nothing, and the first window never outgrows the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window, settle
from viewer.persistence.paths import bundled_timeline
from viewer.ui import i18n
from viewer.ui.dock_layout import first_size
from viewer.ui.main_window import MainWindow
from viewer.ui.models.events import EventTableModel
from viewer.ui.panels.dialogs import ShortcutsDialog
from viewer.ui.timeline.legend import paint_legend


@pytest.fixture
def german_18pt(qapp: QApplication) -> Iterator[None]:
    before_locale, before_font = QLocale(), QFont(qapp.font())
    installed = i18n.install(qapp, "de")
    large = QFont(before_font)
    large.setPointSizeF(18)
    qapp.setFont(large)
    try:
        assert installed
        yield
    finally:
        qapp.setFont(before_font)
        i18n.uninstall(qapp, installed)
        QLocale.setDefault(before_locale)


def test_the_notes_buttons_wrap_rather_than_widen_the_panel(
    qtbot: QtBot, german_18pt: None
) -> None:
    window = active_window(qtbot)
    window.resize(1280, 800)
    window.focus_panel(window.notes_dock)
    settle(qtbot)
    panel = window.notes_panel
    buttons = [panel.add_button, panel.edit_button, panel.delete_button]
    widest = max(button.sizeHint().width() for button in buttons)
    # Not the three side by side: the panel needs no more than its widest button.
    assert panel.minimumSizeHint().width() < sum(b.sizeHint().width() for b in buttons)
    assert panel.minimumSizeHint().width() <= widest + 24
    assert window.notes_dock.width() < 1280 // 3
    for button in buttons:  # each whole and inside the panel
        assert button.width() >= button.sizeHint().width()
        assert panel.rect().contains(button.geometry())
    assert window.timeline_view.width() > 1280 // 3


def _inked_rows(image: QImage, background: QColor) -> int:
    """How many rows of ``image`` hold a pixel that is not ``background``."""
    return sum(
        any(image.pixelColor(x, y) != background for x in range(0, 40))
        for y in range(image.height())
    )


def test_the_legend_grows_with_the_font(qapp: QApplication) -> None:
    palette = qapp.palette()
    small, large = QFont(qapp.font()), QFont(qapp.font())
    small.setPixelSize(12)
    large.setPixelSize(30)
    heights, symbols = [], []
    for font in (small, large):
        image = QImage(1600, 400, QImage.Format.Format_ARGB32_Premultiplied)
        white = QColor("white")
        image.fill(white)
        painter = QPainter(image)
        heights.append(paint_legend(painter, QRectF(0, 0, 1600, 400), palette, font))
        painter.end()
        first_row = image.copy(0, 0, 40, int(heights[-1]))
        symbols.append(_inked_rows(first_row, white))
    # Rows and symbols (the first kind's mark, left of its words) grow alike.
    assert heights[1] >= 2 * heights[0]
    assert symbols[1] >= 2 * symbols[0]


def test_the_shortcuts_list_cuts_no_action(qtbot: QtBot, german_18pt: None) -> None:
    window = active_window(qtbot)
    dialog = ShortcutsDialog(window.menus.shortcut_rows(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    table = dialog.table
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width()
    assert dialog.height() <= screen.height()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for column in (0, 1):
            item = table.item(row, column)
            assert item is not None
            words = item.text().replace(",", " ").split()
            # Every word fits its column (a longer text wraps between words).
            widest = max(metrics.horizontalAdvance(word) for word in words)
            assert widest < table.columnWidth(column), item.text()
            lines = -(-metrics.horizontalAdvance(item.text()) // table.columnWidth(column))
            assert table.rowHeight(row) >= lines * metrics.lineSpacing() - 1, item.text()
    assert table.columnWidth(0) + table.columnWidth(1) <= table.viewport().width()


def test_the_first_window_never_outgrows_the_screen(qtbot: QtBot) -> None:
    # A scale factor of 2 on a 1280x800 screen leaves 640x400 logical pixels.
    assert first_size(QSize(1280, 800), QSize(640, 400)) == QSize(640, 400)
    assert first_size(QSize(1280, 800), QSize(1920, 1080)) == QSize(1536, 864)
    assert first_size(QSize(1280, 800), QSize(1440, 900)) == QSize(1280, 800)
    assert first_size(QSize(1280, 800), QSize(3840, 2160)) == QSize(2400, 1500)
    window = active_window(qtbot, open_model=False)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= screen.width()
    assert window.height() <= screen.height()


def test_the_legend_can_give_its_room_to_the_timeline(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    settle(qtbot)
    assert window.legend.isVisible()
    tall = window.timeline_view.height()
    window.menus["legend"].trigger()  # View > Legend, off
    settle(qtbot)
    assert not window.legend.isVisible()
    assert window.timeline_view.height() > tall
    assert window.settings.value("view/legend", type=bool) is False
    again = MainWindow(window.settings, tmp_path)  # the next start
    qtbot.addWidget(again)
    assert not again.menus["legend"].isChecked()
    assert again.legend.isHidden()


def test_the_titles_keep_their_room_in_the_table(qtbot: QtBot, german_18pt: None) -> None:
    window = active_window(qtbot, open_model=False)
    window.resize(1280, 800)
    settle(qtbot)
    assert window.open_file(bundled_timeline())
    view = window.events_table.view
    header = view.horizontalHeader()
    date, title = EventTableModel.DATE, EventTableModel.TITLE
    assert header.sectionSize(date) <= max(view.viewport().width() // 5, 80)
    assert header.sectionSize(title) > header.sectionSize(date)
    # The longest date ("ca. 1. Juni 2025, 02:20–03:00 (UTC+03:00)") is cut, not the titles.
    assert view.sizeHintForColumn(date) > header.sectionSize(date)


def test_a_legend_too_tall_for_the_room_starts_hidden(qtbot: QtBot, german_18pt: None) -> None:
    window = active_window(qtbot, open_model=False)
    window.resize(1280, 800)
    settle(qtbot)
    window.open_at_start(None)
    qtbot.waitUntil(lambda: not window.legend.isVisible())
    assert not window.menus["legend"].isChecked()
    assert window.statusBar().currentMessage().startswith("Die Legende ist ausgeblendet")
    assert not window.settings.contains("view/legend")  # not the reader's choice
    window.menus["legend"].trigger()  # the reader's: kept
    assert window.legend.isVisible()
    assert window.settings.value("view/legend", type=bool) is True


def test_a_legend_that_fits_stays(qtbot: QtBot) -> None:
    window = active_window(qtbot, open_model=False)
    window.resize(1280, 800)
    settle(qtbot)
    window.open_at_start(None)
    settle(qtbot)
    settle(qtbot)
    assert window.legend.isVisible()
    assert window.menus["legend"].isChecked()
