"""The search results list: a row per event found, its date, title and where the
words were found, read from the find controller."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.domain.describe import describe_date
from viewer.domain.text import isolate, without_isolates
from viewer.domain.timeline import Timeline
from viewer.timeline.search import Found, Rows, found_in, snippet, where_name
from viewer.ui.controllers.finder import FindController
from viewer.ui.models.roles import ItemRole

_Index = QModelIndex | QPersistentModelIndex


# The parts of an event a result row shows (the rest are counted).
SHOWN_PARTS = 3


def found_words(found: Found) -> str:
    """Where a word was found, and who said or claimed it: "quote (Putin)"."""
    where = where_name(found.where)
    return f"{where} ({found.by})" if found.by else where


class SearchResultsModel(QAbstractListModel):
    """The results of the find controller, a row per event: date, title and what matched."""

    def __init__(self, find: FindController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._find = find
        self._rows: Rows = np.zeros(0, np.int64)
        self._described: dict[int, str] = {}
        find.resultsChanged.connect(self._refresh)

    def _refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._find.rows
        self._described = {}
        self.endResetModel()

    def rowCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        timeline = self._find.timeline
        if not index.isValid() or timeline is None or not 0 <= index.row() < len(self._rows):
            return None
        row = int(self._rows[index.row()])
        if role == ItemRole.EVENT_ID:
            return timeline.events.ids[row]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._described.get(row)
            if text is None:
                text = self._described[row] = self._describe(timeline, row, isolated=True)
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:  # read out: no isolates (not cached)
            return without_isolates(self._describe(timeline, row, isolated=False))
        return None

    def _describe(self, timeline: Timeline, row: int, isolated: bool) -> str:
        shown = isolate if isolated else str
        event = timeline.events[row]
        words = self._find.words
        found = found_in(timeline, row, words, self._find.notes_for(event.id))
        # Two lines for every row, so the list lays out a million rows by arithmetic
        # (uniform sizes): the event, then where the words were found.
        parts = [
            f"{found_words(part)}: {shown(snippet(part.text, words, 60))}"
            for part in found[:SHOWN_PARTS]
        ]
        if len(found) > SHOWN_PARTS:
            parts.append(self.tr("+{0} more").format(len(found) - SHOWN_PARTS))
        where = "  \u00b7  ".join(parts) or "\u2026"
        return f"{describe_date(event.date)} \u2014 {shown(event.title)}\n    {where}"
