"""Menus from the keyboard: Shift+F10 opens a list's or a table's context menu at
its current item, and a menu can open with its first item active.

The Menu key already opens a view's context menu at its current item (Qt asks
the view where its cursor is); Shift+F10, the other key every desktop gives for
it, reaches the view as a plain key press, so :func:`menu_on_shift_f10` turns it
into the same request. :class:`FirstItemMenu` opens with its first item active,
as a menu bar's menu does when opened from the keyboard: arrows and Enter act at
once, and a screen reader reads the item.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu


def is_shift_f10(event: QKeyEvent) -> bool:
    """Whether ``event`` is Shift+F10 (and no other modifier)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier


class _ShiftF10(QObject):
    """Watches ``view`` for Shift+F10 and calls ``show`` at its current item."""

    def __init__(self, view: QAbstractItemView, show: Callable[[QPoint], None]) -> None:
        super().__init__(view)
        self._view = view
        self._show = show
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and is_shift_f10(event)
        ):
            index = self._view.currentIndex()
            if index.isValid():
                self._view.scrollTo(index)
                self._show(self._view.visualRect(index).center())
            event.accept()
            return True
        return super().eventFilter(watched, event)


def menu_on_shift_f10(view: QAbstractItemView, show: Callable[[QPoint], None]) -> None:
    """Have Shift+F10 on ``view`` call ``show`` with the middle of its current item
    (in the viewport's coordinates, as ``customContextMenuRequested`` gives a
    right click's), after scrolling the item into view. Without a current item
    the keys do nothing."""
    _ShiftF10(view, show)


class FirstItemMenu(QMenu):
    """A menu that opens with its first item active: a submenu first is made
    active, not opened, just as the Down key would."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.activeAction() is None:
            # The Down key is how the reader would do it, and the one public way
            # to make a submenu's entry active without opening the submenu.
            down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
            QCoreApplication.sendEvent(self, down)
