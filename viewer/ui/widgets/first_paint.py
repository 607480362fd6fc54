"""Something to do once a widget is first painted (what a window makes after its first frame)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.deleteLater()
            self._then()
        return False


def when_painted(widget: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` as ``widget`` is painted the first time (before it is painted:
    ``then`` should start what it does, e.g. with a zero-time timer, not do it)."""
    _FirstPaint(widget, then)
