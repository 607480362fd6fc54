"""What assistive technology is told: every control's name, the timeline's selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window
from viewer.domain.notes import NoteTarget, TargetKind

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QTabBar,
)


def unnamed(root: QWidget) -> list[str]:
    """Every interactive widget under ``root`` that a screen reader would read without a name."""
    missing = []
    for widget in root.findChildren(QWidget):
        focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if isinstance(widget, QScrollBar):
            continue  # part of its scroll area, never a Tab stop
        if not isinstance(widget, INTERACTIVE) and not focusable:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {widget.parent()}")
    return missing


def test_every_control_has_a_name(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.open_find()  # the find bar and the results: shown
    window.filters.toggle("kinds", "call")  # a chip
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id="call-2025-06-04"), "eins")
    assert unnamed(window) == []


def test_the_timeline_says_which_event_is_selected(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    view = window.timeline_view
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Timeline"
    assert interface.text(QAccessible.Text.Description).startswith("No event selected")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    first = window.document.timeline.events_by_id[window.selection.event_id or ""]
    description = interface.text(QAccessible.Text.Description)
    assert description.startswith(f"{first.title}. ")
    assert "Talks, Occurred" in description
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert interface.text(QAccessible.Text.Description) != description
