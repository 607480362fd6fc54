"""Proxy models over the item models: a filter that compares as Find does."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from viewer.timeline.search import fold, query_words

_Index = QModelIndex | QPersistentModelIndex


class FoldedFilter(QSortFilterProxyModel):
    """Rows whose filter-role text holds every word of the query, as Find compares
    them: case and accents do not matter ("zermurbung" keeps "Zermürbung")."""

    def __init__(self, role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role = role
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        words = query_words(text)
        if words == self._words:
            return
        # Qt 6.10 replaced invalidateFilter() (now deprecated) with a begin/end pair;
        # the oldest Qt this app takes (6.8) has only the former.
        begin = getattr(self, "beginFilterChange", None)
        if begin is None:
            self._words = words
            self.invalidateFilter()
            return
        begin()
        self._words = words
        self.endFilterChange()

    @property
    def words(self) -> list[str]:
        return list(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        text = model.index(source_row, 0, source_parent).data(self._role)
        folded = fold(text) if isinstance(text, str) else ""
        return all(word in folded for word in self._words)
