"""The one current event, shared by every view of the open timeline."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Which event is selected. Views call :meth:`select` and follow :attr:`changed`.

    ``changed`` carries the new event id, or ``""`` when nothing is selected.
    Selecting the event that is already selected emits nothing, so views that
    follow each other cannot ping-pong.
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._event_id: str | None = None

    @property
    def event_id(self) -> str | None:
        return self._event_id

    def select(self, event_id: str | None) -> None:
        event_id = event_id or None
        if event_id == self._event_id:
            return
        self._event_id = event_id
        self.changed.emit(event_id or "")

    def clear(self) -> None:
        self.select(None)
