"""Tooltips and item texts from data are plain text: a title holding HTML is
shown as those characters, never read as markup (``<img src=…>`` would load a
local file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.test_timeline_view import crowded
from tests.ui.windows import active_window
from viewer.ui.document.selection import Selection
from viewer.ui.models.events import EventTableModel
from viewer.ui.timeline.view import TimelineView

HTML = '<img src="file:///tmp/x.png">Bold<b>x</b>'


def seen(tip: str) -> str:
    """What a tooltip of ``tip`` shows: Qt reads it as HTML if it might be rich text."""
    document = QTextDocument()
    if QtGui.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return strip_isolates(document.toPlainText())


def test_the_cluster_list_tooltip_shows_a_title_as_text(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    view = TimelineView(selection)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_timeline(crowded(minimal, HTML))
    [cluster] = [item for item in view.current_layout().items() if item.is_cluster]
    centre = cluster.hit.center()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), round(centre.y()))
    )
    menu = view.cluster_menu
    assert menu is not None
    qtbot.waitExposed(menu)
    action = next(action for action in menu.actions() if action.data())
    pos = menu.actionGeometry(action).center()
    menu.setActiveAction(action)
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, pos, menu.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    try:
        assert seen(QToolTip.text()) == f"{HTML} {action.data().removeprefix('s')}"
    finally:
        QToolTip.hideText()
        menu.close()


def test_the_events_table_tooltip_shows_a_title_as_text(minimal: dict[str, Any]) -> None:
    timeline = crowded(minimal, HTML)
    model = EventTableModel()
    model.set_timeline(timeline)
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        assert HTML in seen(tip)


def test_a_warning_about_a_file_shows_its_name_as_text(qtbot: QtBot, tmp_path: Path) -> None:
    """A file name is the reader's text: "Could not write …<b>…" must show the
    name as typed, not as bold type."""
    window = active_window(qtbot)
    target = tmp_path / "no such folder" / "<b>fett</b>.md"
    shown: list[tuple[Qt.TextFormat, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append((box.textFormat(), box.text()))
        box.close()

    QTimer.singleShot(0, read_and_close)
    window.exports.export_notes_to(target)
    [(text_format, text)] = shown
    assert text_format == Qt.TextFormat.PlainText
    assert "<b>fett</b>.md" in text
