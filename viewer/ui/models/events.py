"""The events table: one row per event, sorted once by keys read from the columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication

from viewer.domain.columns import KINDS, STATUSES
from viewer.domain.describe import describe_date
from viewer.domain.model import Event, EventKind, EventStatus
from viewer.domain.names import kind_name, status_name
from viewer.domain.perf import paused_gc
from viewer.domain.text import isolate, without_isolates
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP
from viewer.timeline.filters import Mask
from viewer.timeline.index import event_index
from viewer.ui.models.plain_text import MatchesPlainText, tooltip
from viewer.ui.models.roles import ItemRole
from viewer.ui.timeline.palette import changed_color, layer_color

_Index = QModelIndex | QPersistentModelIndex

# Rows at the start, the end and spread between whose texts size a column
# (:meth:`EventTableModel.sizing_texts`): its width costs the same at any size.
SAMPLED = 50


class EventTableModel(MatchesPlainText, QAbstractTableModel):
    """One row per event, in date order; Date, Kind, Title, Participants, Status, Notes."""

    DATE, KIND, TITLE, PARTICIPANTS, STATUS, NOTES = range(6)
    # The column headers in English; ``headerData`` translates them.
    HEADERS: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("EventTableModel", "Date"),
        #: Column header: the kind of event (Call, Meeting, …).
        QT_TRANSLATE_NOOP("EventTableModel", "Kind"),
        QT_TRANSLATE_NOOP("EventTableModel", "Title"),
        QT_TRANSLATE_NOOP("EventTableModel", "Participants"),
        QT_TRANSLATE_NOOP("EventTableModel", "Status"),
        #: Column header: how many of the reader's own notes an event has.
        QT_TRANSLATE_NOOP("EventTableModel", "Notes"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        # The table row (file order) of the event shown on each row, and back.
        self._shown: np.ndarray[Any, np.dtype[np.int64]] = np.zeros(0, np.int64)
        self._row_of_record: np.ndarray[Any, np.dtype[np.int64]] = np.zeros(0, np.int64)
        self._note_counts: dict[str, int] = {}
        # While sorting: each kind's and status's name as sorted (folded).
        self._names: dict[EventKind | EventStatus, str] = {}
        # The events shown (by table row), or None for all.
        self._mask: Mask | None = None
        # The order the view asked for last; a new timeline is shown in it too.
        self._order: tuple[int, Qt.SortOrder] = (self.DATE, Qt.SortOrder.AscendingOrder)
        # The events new or changed since the reader last looked (see set_changed).
        self._changed: frozenset[str] = frozenset()

    def set_note_counts(self, counts: dict[str, int]) -> None:
        """How many of the reader's notes each event has (the Notes column)."""
        self._note_counts = dict(counts)
        if len(self._shown):
            top = self.index(0, self.NOTES)
            bottom = self.index(len(self._shown) - 1, self.NOTES)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, ItemRole.SORT_KEY])

    def set_changed(self, event_ids: frozenset[str]) -> None:
        """The events new or changed since the reader last looked: their titles
        wear the colour that marks them on the timeline."""
        self._changed = event_ids
        if len(self._shown):
            top, bottom = self.index(0, self.TITLE), self.index(len(self._shown) - 1, self.TITLE)
            roles = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.AccessibleDescriptionRole]
            self.dataChanged.emit(top, bottom, roles)

    def set_timeline(self, timeline: Timeline | None, mask: Mask | None = None) -> None:
        self.beginResetModel()
        self._timeline = timeline
        self._mask = mask
        self._set_order(self._ordered(*self._order))
        self.endResetModel()

    def show_only(self, mask: Mask | None) -> None:
        """Rows for the events ``mask`` keeps (by table row); None: every event."""
        self.set_timeline(self._timeline, mask)

    def _set_order(self, shown: np.ndarray[Any, np.dtype[np.int64]]) -> None:
        self._shown = shown
        total = len(self._timeline.events) if self._timeline is not None else 0
        self._row_of_record = np.full(total, -1, np.int64)
        self._row_of_record[shown] = np.arange(len(shown))

    def sizing_texts(self, column: int) -> list[str]:
        """Texts enough to size ``column`` by, whatever the number of rows: every
        kind's or status's name among the events shown, the most notes an event
        shown has, and the dates of a sample of rows (the first and last
        :data:`SAMPLED` and as many evenly spaced between; every row of a small
        table, and the first and last of each form of date). Read from the
        columns, never a row at a time over all rows."""
        timeline = self._timeline
        if timeline is None or not len(self._shown):
            return []
        events = timeline.events
        if column in (self.KIND, self.STATUS):
            codes = events.kind if column == self.KIND else events.status
            present = np.flatnonzero(np.bincount(codes[self._shown], minlength=1)).tolist()
            if column == self.KIND:
                return [kind_name(KINDS[code]) for code in present]
            return [status_name(STATUSES[code]) for code in present]
        if column == self.NOTES:
            found = events.rows_of(list(self._note_counts))
            counts = [
                c
                for c, r in zip(self._note_counts.values(), found.tolist(), strict=True)
                if r >= 0 and self._row_of_record[r] >= 0
            ]
            return [self._notes_text(max(counts))] if counts else []
        shown = len(self._shown)
        rows = {*range(min(SAMPLED, shown)), *range(max(shown - SAMPLED, 0), shown)}
        rows.update(np.linspace(0, shown - 1, SAMPLED).astype(np.int64).tolist())
        # A date's text is as long as its form: each precision with each of its
        # marks (approximate, open, a range) is in the sample, first and last.
        form = events.precision[self._shown] * np.uint8(8) + events.flags[self._shown]
        for value in np.flatnonzero(np.bincount(form)).tolist():
            rows.add(int(np.argmax(form == value)))
            rows.add(shown - 1 - int(np.argmax(form[::-1] == value)))
        records = [int(self._shown[row]) for row in sorted(rows)]
        if column == self.DATE:  # the dates alone: no event is made
            return [describe_date(date) for date in events.dates(records)]
        return [self._text(events[row], column) for row in records]

    def event_at(self, row: int) -> Event | None:
        if self._timeline is None or not 0 <= row < len(self._shown):
            return None
        return self._timeline.events[int(self._shown[row])]

    def row_of(self, event_id: str) -> int:
        """The row of the event, or -1."""
        if self._timeline is None:
            return -1
        record = self._timeline.events.row_of(event_id)
        return -1 if record is None else int(self._row_of_record[record])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort once, by keys read from the columns (a sort proxy would call
        ``data()`` millions of times on a large timeline); ties keep date order."""
        if not 0 <= column < len(self.HEADERS):
            return
        self._order = (column, order)
        if not len(self._shown) or self._timeline is None:
            return
        self.layoutAboutToBeChanged.emit()
        ids = self._timeline.events.ids
        persistent = self.persistentIndexList()
        held = [(ids[int(self._shown[index.row()])], index.column()) for index in persistent]
        self._set_order(self._ordered(column, order))
        self.changePersistentIndexList(
            persistent, [self.index(self.row_of(event_id), column_) for event_id, column_ in held]
        )
        self.layoutChanged.emit()

    def _ordered(self, column: int, order: Qt.SortOrder) -> np.ndarray[Any, np.dtype[np.int64]]:
        """Table rows in the order asked for: date order, then ``column``'s keys."""
        timeline = self._timeline
        if timeline is None:
            return np.zeros(0, np.int64)
        by_date = event_index(timeline).order
        if self._mask is not None:
            by_date = by_date[self._mask[by_date]]
        if column != self.DATE:
            # The kinds' and statuses' names once, not once per row.
            self._names = {
                **{kind: kind_name(kind).casefold() for kind in EventKind},
                **{status: status_name(status).casefold() for status in EventStatus},
            }
            with paused_gc():
                keys = [self._sort_key(int(record), column) for record in by_date]
            # stable: date order within equal keys
            by_date = by_date[sorted(range(len(keys)), key=keys.__getitem__)]
        if order == Qt.SortOrder.DescendingOrder:
            by_date = by_date[::-1]
        return np.ascontiguousarray(by_date)

    def _sort_key(self, record: int, column: int) -> Any:
        assert self._timeline is not None
        events = self._timeline.events
        if column == self.NOTES:
            return self._note_counts.get(events.ids[record], 0)
        if column == self.TITLE:
            return events.title(record).casefold()
        if column == self.KIND:
            return self._names[events.kind_of(record)]
        if column == self.STATUS:
            return self._names[events.status_of(record)]
        return self._text(events[record], column).casefold()

    def rowCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._shown)

    def columnCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self.HEADERS)

    def _participants(self, event: Event, isolated: bool = False) -> str:
        actors = {} if self._timeline is None else self._timeline.actors_by_id
        names = (
            actors[actor_id].name if actor_id in actors else actor_id
            for actor_id in event.participants
        )
        return ", ".join(isolate(name) if isolated else name for name in names)

    def _text(self, event: Event, column: int) -> str:
        if column == self.DATE:
            return describe_date(event.date)
        if column == self.KIND:
            return kind_name(event.kind)
        if column == self.TITLE:
            return event.title
        if column == self.PARTICIPANTS:
            return self._participants(event)
        if column == self.NOTES:
            return self._notes_text(self._note_counts.get(event.id, 0))
        return status_name(event.status)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        event = self.event_at(index.row())
        column = index.column()
        if event is None or not 0 <= column < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return isolate(event.title)
            if column == self.PARTICIPANTS:
                return self._participants(event, isolated=True)
            return self._text(event, column)
        if role == ItemRole.PLAIN_DISPLAY:
            return self._text(event, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # What a screen reader reads of the cell (else it reads DisplayRole, isolates
            # and all, and a braille display shows them); the notes in words, not "✎ 2".
            if column == self.NOTES:
                return self._notes_words(self._note_counts.get(event.id, 0))
            return without_isolates(self._text(event, column))
        if role == ItemRole.SORT_KEY:
            if column == self.DATE:
                return event.date.earliest
            if column == self.NOTES:
                return self._note_counts.get(event.id, 0)
            return self._text(event, column).casefold()
        if role == ItemRole.EVENT_ID:
            return event.id
        layers = self._timeline.layers if self._timeline is not None else ()
        changed = column == self.TITLE and event.id in self._changed
        if role == Qt.ItemDataRole.DecorationRole and changed:
            return changed_color(QGuiApplication.palette())
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and changed:
            #: A title cell's description for a screen reader: the event changed lately.
            return self.tr("new or changed since you last looked")
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE and len(layers) > 1:
            # Several timelines shown: each row wears its timeline's colour (as its marks do).
            assert self._timeline is not None
            number = int(self._timeline.layer_codes[int(self._shown[index.row()])])
            return layer_color(number, QGuiApplication.palette())
        several = len(layers) > 1 and self._timeline is not None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == self.TITLE and several:
            # The row's colour, for a screen reader: the timeline the event is from.
            return without_isolates(self._layer_words(event, str))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{kind_name(event.kind)} \u00b7 {status_name(event.status)}"]
            if several:
                lines.append(self._layer_words(event, isolate))
            lines.append(isolate(event.title))
            lines.append(describe_date(event.date))
            if event.date.note:
                #: In a tooltip: the date as the source worded it.
                lines.append(self.tr("Source wording: {0}").format(isolate(event.date.note)))
            if event.summary:
                lines.append(isolate(event.summary))
            return tooltip(lines)
        return None

    def _layer_words(self, event: Event, shown: Callable[[str], str]) -> str:
        """The words "Timeline: …" for the timeline ``event`` is from (its title ``shown``)."""
        assert self._timeline is not None
        title = self._timeline.layer_of_id(event.id).title
        #: In a tooltip, with several timelines shown: the one an event is from.
        return self.tr("Timeline: {0}").format(shown(title))

    @staticmethod
    def _notes_text(count: int) -> str:
        """The Notes cell of an event with ``count`` notes ("" for none)."""
        return f"\u270e {count}" if count else ""

    def _notes_words(self, count: int) -> str:
        """How many of the reader's notes an event has, in words ("" for none)."""
        if count == 0:
            return ""
        if count == 1:
            #: An event's notes in the events table, as a screen reader reads the cell.
            return self.tr("1 note")
        #: An event's notes in the events table, as a screen reader reads the cell; never 1.
        return self.tr("%n notes", "", count)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return super().headerData(section, orientation, role)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[ItemRole.SORT_KEY] = QByteArray(b"sortKey")
        names[ItemRole.EVENT_ID] = QByteArray(b"eventId")
        return names
