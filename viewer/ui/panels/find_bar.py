"""Find in the window: the find bar, the search run between frames, the list of results.

The search itself is :mod:`viewer.timeline.search`; here it runs in slices of
the event loop (:data:`SLICE` seconds each), so typing and panning stay smooth
while a large timeline is searched (or its text index built, the first time).
Results come in time order; the first one is selected as soon as it is found,
and Enter, F3 and Shift+F3 step through them from the selected event.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.describe import describe_date
from viewer.domain.notes import Note
from viewer.domain.text import isolate
from viewer.domain.timeline import Timeline
from viewer.timeline.filters import Mask
from viewer.timeline.index import event_index
from viewer.timeline.search import (
    Found,
    NotesText,
    Rows,
    TextIndex,
    found_in,
    in_time_order,
    query_words,
    snippet,
    where_name,
)
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.document.selection import Selection
from viewer.ui.models.roles import ItemRole
from viewer.ui.widgets.views import FitWidthDelegate, clear_button

#: How long one slice of searching may hold the event loop (seconds).
SLICE = 0.012
#: How often a long search shows what it has so far (seconds).
SHOW_EVERY = 0.1
#: The parts of an event a result row shows (the rest are counted).
SHOWN_PARTS = 3

_Index = QModelIndex | QPersistentModelIndex


class FindController(QObject):
    """The query, its results in time order, and the search that finds them."""

    #: The results (or the progress) changed.
    resultsChanged = Signal()
    #: The selected event changed: it may be another result, or none.
    currentChanged = Signal()
    #: The next selection is the first result of a query as it is typed.
    typedSelection = Signal()

    def __init__(self, selection: Selection, notes: NotesController, parent: QObject) -> None:
        super().__init__(parent)
        self._selection = selection
        self._notes = notes
        self.timeline: Timeline | None = None
        self._index: TextIndex | None = None
        self._notes_text: NotesText | None = None
        self.query = ""
        self.words: list[str] = []
        #: Table rows of the matching events, in time order.
        self.rows: Rows = np.zeros(0, np.int64)
        self.done = True
        #: How much of the text index is built while it is (0..1), else None.
        self.preparing: float | None = None
        self._found: list[Rows] = []
        #: The events searched (by table row), or None for all.
        self._mask: Mask | None = None
        self._steps: Iterator[tuple[str, Any]] | None = None
        self._shown_at = 0.0
        self._select_first = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        notes.changed.connect(self._notes_changed)
        selection.changed.connect(lambda _event_id: self.currentChanged.emit())

    # -- input ------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self._index = None
        self._notes_text = None
        self._mask = None  # the old timeline's: the filter sends the new one's
        self._restart(select_first=False)

    def set_query(self, query: str, select_first: bool = True) -> None:
        """Search for ``query`` now; its first result is selected once found (unless
        ``select_first`` is False: the find bar opened again on its old query)."""
        words = query_words(query)
        self.query = query
        if words == self.words and (self.done or self._steps is not None):
            return
        self.words = words
        self._restart(select_first=select_first)

    def _notes_changed(self) -> None:
        self._notes_text = None
        if self.words:
            self._restart(select_first=False)

    def notes_for(self, event_id: str) -> list[Note]:
        return self._notes.notes_for_event(event_id)

    # -- running ------------------------------------------------------------------

    def _restart(self, select_first: bool) -> None:
        self._timer.stop()
        self.rows = np.zeros(0, np.int64)
        self._found = []
        self._select_first = select_first
        timeline = self.timeline
        if timeline is None or not self.words:
            self._steps = None
            self.done = True
            self.preparing = None
            self.resultsChanged.emit()
            return
        self.done = False
        self._steps = self._run(timeline, list(self.words))
        self._shown_at = time.perf_counter()
        self._step()
        if not self.done:
            self._timer.start()

    def _run(self, timeline: Timeline, words: list[str]) -> Iterator[tuple[str, Any]]:
        if self._index is None:
            self._index = TextIndex(timeline)
        for share in self._index.build():
            yield "built", share
        if self._notes_text is None:
            self._notes_text = NotesText(timeline, self._notes.notes())
        for rows in self._index.search(words, self._notes_text):
            yield "found", rows

    def _step(self) -> None:
        steps = self._steps
        if steps is None:
            self._timer.stop()
            return
        deadline = time.perf_counter() + SLICE
        changed = False
        while time.perf_counter() < deadline:
            try:
                what, value = next(steps)
            except StopIteration:
                self._steps = None
                self.done = True
                self.preparing = None
                self._timer.stop()
                changed = True
                break
            if what == "built":
                self.preparing = None if value >= 1 else float(value)
                changed = True
            else:
                self._found.append(value)
                changed = True
        now = time.perf_counter()
        if changed and (self.done or now - self._shown_at >= SHOW_EVERY or not len(self.rows)):
            self._shown_at = now
            self._publish()

    def show_only(self, mask: Mask | None) -> None:
        """Find among the events ``mask`` keeps (by table row); None: all."""
        self._mask = mask
        if self.words:
            self._restart(select_first=False)

    def _publish(self) -> None:
        timeline = self.timeline
        if timeline is not None and self._found:
            if len(self._found) > 1:
                self._found = [np.concatenate(self._found)]
            rows = self._found[0]
            if self._mask is not None and len(self._mask) == len(timeline.events):
                rows = rows[self._mask[rows]]
            self.rows = in_time_order(timeline, rows)
        if self._select_first and len(self.rows) and timeline is not None:
            self._select_first = False
            self.typedSelection.emit()
            self._selection.select(timeline.events.ids[int(self.rows[0])])
        self.resultsChanged.emit()

    def finish(self) -> None:
        """Run the search to its end now (tests, and the command line's way)."""
        while self._steps is not None:
            self._step()

    # -- stepping -------------------------------------------------------------------

    def current(self) -> int | None:
        """The number of the selected event among the results, or None."""
        timeline, event_id = self.timeline, self._selection.event_id
        if timeline is None or event_id is None or not len(self.rows):
            return None
        here = event_index(timeline).position.get(event_id)
        if here is None:
            return None
        at = int(np.searchsorted(self._positions(timeline), here))
        return (
            at
            if at < len(self.rows) and self.rows[at] == event_index(timeline).order[here]
            else None
        )

    def _positions(self, timeline: Timeline) -> Rows:
        """The results' places in time order (sorted, as the results are)."""
        positions: Rows = event_index(timeline).position_of_row[self.rows]
        return positions

    def step(self, offset: int) -> str | None:
        """Select the result after (1) or before (-1) the selected event, wrapping."""
        timeline = self.timeline
        if timeline is None or not len(self.rows):
            return None
        positions = self._positions(timeline)
        event_id = self._selection.event_id
        here = event_index(timeline).position.get(event_id) if event_id else None
        if here is None:
            at = 0 if offset > 0 else len(self.rows) - 1
        elif offset > 0:
            at = int(np.searchsorted(positions, here, "right")) % len(self.rows)
        else:
            at = (int(np.searchsorted(positions, here, "left")) - 1) % len(self.rows)
        target = timeline.events.ids[int(self.rows[at])]
        self._selection.select(target)
        return target

    def status(self) -> str:
        """What the find bar says: progress, "No matches", or "2 of 14"."""
        if not self.words:
            return ""
        locale = QLocale()
        if self.preparing is not None:
            share = locale.toString(round(self.preparing * 100))
            return self.tr("Preparing search… {0}%").format(share)
        count = len(self.rows)
        more = "" if self.done else "+"
        if not count:
            return self.tr("Searching…") if not self.done else self.tr("No matches")
        current = self.current()
        if current is None:
            if count == 1:
                return self.tr("1{0} match").format(more)
            return self.tr("{0}{1} matches").format(locale.toString(count), more)
        return self.tr("{0} of {1}{2}").format(
            locale.toString(current + 1), locale.toString(count), more
        )


class FindBar(QWidget):
    """The query field with Previous, Next, what was found and a close button."""

    def __init__(self, find: FindController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(self.tr("Find"))
        self._find = find
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName(self.tr("Find"))
        self.edit.setPlaceholderText(self.tr("Find in events, quotes, actors and my notes"))
        clear_button(self.edit, self.tr("Clear the query"))
        self.edit.setToolTip(
            self.tr(
                "Every word must match; case and accents do not matter.\n"
                "Enter: next match, Shift+Enter: previous, Escape: close"
            )
        )
        self.previous = QToolButton(self)
        self.previous.setObjectName("findPrevious")
        self.previous.setArrowType(Qt.ArrowType.UpArrow)
        self.previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.previous.setAccessibleName(self.tr("Previous match"))
        self.next = QToolButton(self)
        self.next.setObjectName("findNext")
        self.next.setArrowType(Qt.ArrowType.DownArrow)
        self.next.setToolTip(self.tr("Next match (F3)"))
        self.next.setAccessibleName(self.tr("Next match"))
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        widest = self.tr("Preparing search… {0}%").format(100)
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setText("\u2715")
        self.close_button.setToolTip(self.tr("Close the find bar (Escape)"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        label = QLabel(self.tr("Fi&nd:"), self)
        label.setBuddy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(label)
        row.addWidget(self.edit, 1)
        row.addWidget(self.previous)
        row.addWidget(self.next)
        row.addWidget(self.status)
        row.addWidget(self.close_button)

        self.edit.textChanged.connect(find.set_query)
        self.edit.returnPressed.connect(lambda: find.step(1))
        self.previous.clicked.connect(lambda: find.step(-1))
        self.next.clicked.connect(lambda: find.step(1))
        self.close_button.clicked.connect(self.close_bar)
        find.resultsChanged.connect(self._show_status)
        find.currentChanged.connect(self._show_status)
        self.edit.installEventFilter(self)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self._find.set_query(self.edit.text(), select_first=False)

    def close_bar(self) -> None:
        self.hide()
        self._find.set_query("")

    def _show_status(self) -> None:
        self.status.setText(self._find.status())
        has = len(self._find.rows) > 0
        self.previous.setEnabled(has)
        self.next.setEnabled(has)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shifted:
                self._find.step(-1)
                return True
        return super().eventFilter(watched, event)


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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._described.get(row)
            if text is None:
                text = self._describe(timeline, row, isolated=role == Qt.ItemDataRole.DisplayRole)
                if role == Qt.ItemDataRole.DisplayRole:
                    self._described[row] = text
            return text
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


class FindResults(QWidget):
    """The list of results; clicking one selects its event."""

    def __init__(self, find: FindController, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findResults")
        self.setAccessibleName(self.tr("Search results"))
        self._selection = selection
        self.model = SearchResultsModel(find, self)
        self.view = QListView(self)
        self.view.setObjectName("findResultsList")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setUniformItemSizes(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegate(FitWidthDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self._find = find
        find.currentChanged.connect(self._follow)
        find.resultsChanged.connect(self._follow)

    def _follow(self) -> None:
        """Mark the selected event's row, and show it."""
        current = self._find.current()
        if current is None:
            self.view.clearSelection()
            return
        index = self.model.index(current, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _activated(self, index: _Index) -> None:
        event_id = index.data(ItemRole.EVENT_ID)
        if event_id:
            self._selection.select(str(event_id))
