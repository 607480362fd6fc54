"""Back and Forward through the events a reader visited, as a browser goes through pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from viewer.ui.document.selection import Selection

# The most events remembered; the oldest go first.
LIMIT = 500


class History(QObject):
    """Every event selected (by a click, a link, a search, the table), in order.

    Going back or forward selects the event there without adding to the list;
    selecting another event after going back drops what lay ahead, as a
    browser does.
    """

    changed = Signal()

    def __init__(
        self, selection: Selection, exists: Callable[[str], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._selection = selection
        self._exists = exists
        self._entries: list[str] = []
        self._at = -1
        self._moving = False
        # The next visit is a find-as-you-type result: it takes the place of the
        # last one if that was one too, so typing a word leaves one entry.
        self._typing = False
        self._last_typed = False
        selection.changed.connect(self._visited)

    def clear(self) -> None:
        self._entries, self._at = [], -1
        self._last_typed = False
        current = self._selection.event_id
        if current:
            self._visited(current)
        self.changed.emit()

    def typed(self) -> None:
        """Say that the next selection comes from typing a query."""
        self._typing = True

    def _visited(self, event_id: str) -> None:
        typing, self._typing = self._typing, False
        if self._moving or not event_id:
            return
        if 0 <= self._at < len(self._entries) and self._entries[self._at] == event_id:
            return
        del self._entries[self._at + 1 :]
        if typing and self._last_typed and self._entries:
            self._entries.pop()
        self._last_typed = typing
        self._entries.append(event_id)
        if len(self._entries) > LIMIT:
            del self._entries[0]
        self._at = len(self._entries) - 1
        self.changed.emit()

    def _target(self, step: int) -> int | None:
        at = self._at + step
        while 0 <= at < len(self._entries):
            if self._exists(self._entries[at]):
                return at
            at += step
        return None

    @property
    def can_go_back(self) -> bool:
        return self._target(-1) is not None

    @property
    def can_go_forward(self) -> bool:
        return self._target(1) is not None

    def back(self) -> str | None:
        return self._go(-1)

    def forward(self) -> str | None:
        return self._go(1)

    def _go(self, step: int) -> str | None:
        at = self._target(step)
        if at is None:
            return None
        self._at = at
        self._last_typed = False  # the entry gone back to is the reader's, not typing's
        self._moving = True
        try:
            self._selection.select(self._entries[at])
        finally:
            self._moving = False
        self.changed.emit()
        return self._entries[at]
