"""Qt item models over the domain collections of one timeline.

The models hold the (frozen) :class:`~viewer.domain.model.Timeline` and a sorted
tuple of references into it; they never copy texts into widget items. Every
text they hand out is plain: the views draw ``DisplayRole`` as plain text, and
tooltips start with a fixed, tag-free line so Qt's rich-text guess (which only
looks at the first line) never takes a model file's text for HTML. Text from the
model is isolated (FSI … PDI, :func:`~viewer.domain.text.isolate`) where it is
shown with the app's own words, so a right-to-left override in it cannot reorder
them; the sort keys and search texts keep it as it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from viewer.domain.cite import quotation_marks
from viewer.domain.describe import describe_date
from viewer.domain.model import (
    Actor,
    ActorKind,
    Event,
    EventKind,
    EventStatus,
    Quote,
    QuoteMode,
)
from viewer.domain.names import kind_name, status_name
from viewer.domain.perf import paused_gc
from viewer.domain.text import isolate, wrap_isolated
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP
from viewer.timeline.filters import Mask, Rows
from viewer.timeline.index import event_index
from viewer.timeline.search import query_words, quote_texts
from viewer.ui.models.roles import ItemRole
from viewer.ui.timeline.palette import layer_color

_Index = QModelIndex | QPersistentModelIndex

#: The id of the speakers list's first row, which lists every speaker's quotes
#: (ids never hold "*": their pattern says so).
ALL_SPEAKERS = "*"

# What kind of actor a speaker is (first line of its tooltip); translated
# (context "ActorListModel") when shown.
_KIND_WORDS: dict[ActorKind, str] = {
    #: An actor who is a person.
    ActorKind.PERSON: QT_TRANSLATE_NOOP("ActorListModel", "Person"),
    #: An actor that is an organisation (party, agency, company, …).
    ActorKind.ORGANISATION: QT_TRANSLATE_NOOP("ActorListModel", "Organisation"),
    #: An actor that is a state (a country, as a political actor).
    ActorKind.STATE: QT_TRANSLATE_NOOP("ActorListModel", "State"),
}

_EM_DASH = "\u2014"


def _label(value: str) -> str:
    """An enum value as a label: ``"occurred"`` -> ``"Occurred"``."""
    return value[:1].upper() + value[1:]


def quoted(quote: Quote) -> str:
    """The quote's text (isolated) in the quotation marks of its language."""
    opening, closing = quotation_marks(quote.language)
    return f"{opening}{isolate(quote.text)}{closing}"


def mark_brush() -> QBrush:
    """The background of marked rows: the palette's highlight, mostly transparent.

    Blended over the base colour it stays readable with the normal text colour
    in light and dark palettes alike.
    """
    colour = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
    colour.setAlpha(80)
    return QBrush(colour)


def _tooltip(lines: list[str]) -> str:
    """Lines for a tooltip, wrapped: Qt does not wrap a plain-text tooltip itself."""
    return "\n".join(part for line in lines for part in wrap_isolated(line, 80))


def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


_NO_ROWS: Rows = np.zeros(0, np.int64)
#: A quote list longer than this shows each quote on two lines (see ``compact``).
COMPACT_FROM = 1000


def quote_rows(timeline: Timeline, actor_id: str, mask: Mask | None) -> Rows:
    """The rows of ``actor_id``'s quotes whose events ``mask`` keeps (all with None)."""
    group = timeline.quotes_by_speaker.get(actor_id)
    if group is None:
        return np.zeros(0, np.int64)
    rows = group.rows
    if mask is not None:
        events = timeline.quotes_by_event.codes[rows]
        rows = rows[(events >= 0) & mask[np.maximum(events, 0)]]
    return rows


class _MatchesPlainText:
    """Typing in a view finds the text as shown, isolates or not: ``match()`` on
    ``DisplayRole`` looks at :attr:`ItemRole.PLAIN_DISPLAY`. Mixed into item models."""

    def match(
        self,
        start: _Index,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        if role == Qt.ItemDataRole.DisplayRole:
            role = ItemRole.PLAIN_DISPLAY
        result: list[QModelIndex] = super().match(  # type: ignore[misc]
            start, role, value, hits, flags
        )
        return result


class ActorListModel(_MatchesPlainText, QAbstractListModel):
    """All actors of a timeline, most quoted first, then by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._actors: tuple[Actor, ...] = ()
        self._counts: dict[str, int] = {}
        self._all = 0

    def set_timeline(self, timeline: Timeline | None, mask: Mask | None = None) -> None:
        """The actors of ``timeline`` with quotes on the events ``mask`` keeps, most quoted
        first: an actor without (shown) quotes has nothing to list here."""
        self.beginResetModel()
        self._timeline = timeline
        self._counts = {}
        if timeline is not None:
            for actor in timeline.actors:
                count = len(quote_rows(timeline, actor.id, mask))
                if count:
                    self._counts[actor.id] = count
        quoted = [a for a in timeline.actors if a.id in self._counts] if timeline else []
        self._actors = tuple(
            sorted(quoted, key=lambda a: (-self._counts[a.id], a.name.casefold(), a.id))
        )
        self._all = sum(self._counts.values())
        self.endResetModel()

    @property
    def _first(self) -> int:
        """Rows before the actors: the "All speakers" row when there are quotes."""
        return 1 if self._actors else 0

    def actor_at(self, row: int) -> Actor | None:
        row -= self._first
        return self._actors[row] if 0 <= row < len(self._actors) else None

    def row_of(self, actor_id: str) -> int:
        """The row of the actor (or of :data:`ALL_SPEAKERS`), or -1."""
        if actor_id == ALL_SPEAKERS:
            return 0 if self._actors else -1
        for row, actor in enumerate(self._actors):
            if actor.id == actor_id:
                return row + self._first
        return -1

    def most_quoted_row(self) -> int:
        """The row of the speaker with the most quotes, or -1."""
        return self._first if self._actors else -1

    def _quote_count(self, actor: Actor) -> int:
        return self._counts.get(actor.id, 0)

    def _count_words(self, count: int) -> str:
        """``count`` quotes in words ("6 quotes")."""
        return self.tr("1 quote") if count == 1 else self.tr("{0} quotes").format(count)

    def rowCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._actors) + self._first

    def _all_data(self, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, ItemRole.PLAIN_DISPLAY):
            #: The first row of the speakers list; {0} is e.g. "120 quotes".
            return self.tr("All speakers ({0})").format(self._count_words(self._all))
        if role in (ItemRole.NAME, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("All speakers")
        if role == ItemRole.COUNT:
            return self._count_words(self._all)
        if role == ItemRole.ACTOR_ID:
            return ALL_SPEAKERS
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("The quotes of every speaker, in date order")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        if self._first and index.row() == 0:
            return self._all_data(role)
        actor = self.actor_at(index.row())
        if actor is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, ItemRole.PLAIN_DISPLAY, ItemRole.NAME):
            shown = isolate if role != ItemRole.PLAIN_DISPLAY else str
            role_text = f" {_EM_DASH} {shown(actor.role)}" if actor.role else ""
            if role == ItemRole.NAME:
                return f"{shown(actor.name)}{role_text}"
            count = self._count_words(self._quote_count(actor))
            return f"{shown(actor.name)}{role_text} ({count})"
        if role == ItemRole.COUNT:
            return self._count_words(self._quote_count(actor))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.tr(_KIND_WORDS[actor.kind]), isolate(actor.name)]
            if actor.role:
                lines.append(isolate(actor.role))
            if actor.affiliation:
                lines.append(isolate(actor.affiliation))
            lines.append(self._count_words(self._quote_count(actor)))
            return _tooltip(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return actor.name
        if role == ItemRole.ACTOR_ID:
            return actor.id
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[ItemRole.ACTOR_ID] = QByteArray(b"actorId")
        return names


class QuoteListModel(QAbstractListModel):
    """The quotes of one actor, in the order of their events' dates.

    Quotes of the *marked* event (usually the selected one) are bold and
    highlighted.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._actor_id: str | None = None
        self._marked_event_id: str | None = None
        self._mask: Mask | None = None
        #: The quote rows shown, in order.
        self._rows: Rows = _NO_ROWS
        #: Many rows: two lines each (the translation beside the quote), so a view
        #: can lay them out without measuring each (uniform sizes).
        self.compact = False
        #: Each quote's translation on a line of its own below it (when asked for).
        self.show_translations = False
        self._total = 0
        self._words: list[str] = []
        #: How many of the reader's notes each quote has.
        self._note_counts: dict[str, int] = {}

    def set_show_translations(self, shown: bool) -> None:
        if shown != self.show_translations:
            self.show_translations = shown
            # Rows change height: the view lays them out again.
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()

    @property
    def actor_id(self) -> str | None:
        return self._actor_id

    @property
    def marked_event_id(self) -> str | None:
        return self._marked_event_id

    def set_timeline(self, timeline: Timeline | None, mask: Mask | None = None) -> None:
        """Show ``timeline`` (the quotes of the events ``mask`` keeps); the actor and
        mark stay if the new timeline knows them."""
        self._timeline = timeline
        self._mask = mask
        known = timeline is not None and (
            self._actor_id == ALL_SPEAKERS or self._actor_id in timeline.actors_by_id
        )
        if not known:
            self._actor_id = None
        if timeline is None or self._marked_event_id not in timeline.events_by_id:
            self._marked_event_id = None
        self._reset_rows()

    def set_actor(self, actor_id: str | None) -> None:
        self._actor_id = actor_id or None
        self._reset_rows()

    def set_query(self, text: str) -> None:
        """Show only the quotes whose text, translation, speaker or event title hold
        every word of ``text`` (case and accents do not matter)."""
        words = query_words(text)
        if words != self._words:
            self._words = words
            self._reset_rows()

    @property
    def query_words(self) -> list[str]:
        return list(self._words)

    @property
    def total(self) -> int:
        """How many quotes there are before the query keeps some."""
        return self._total

    def _reset_rows(self) -> None:
        """The rows as numbers (a million quotes make no model until shown), in the
        order of their events' dates (dangling references last), as the query keeps."""
        self.beginResetModel()
        timeline, actor_id = self._timeline, self._actor_id
        self._total = 0
        if timeline is None or actor_id is None:
            rows = _NO_ROWS
        else:
            if actor_id == ALL_SPEAKERS:
                parts = [quote_rows(timeline, a.id, self._mask) for a in timeline.actors]
                rows = np.sort(np.concatenate(parts)) if parts else _NO_ROWS
            else:
                rows = quote_rows(timeline, actor_id, self._mask)
            events = timeline.quotes_by_event.codes[rows]
            known = events >= 0
            safe = np.maximum(events, 0)
            first = np.where(known, timeline.events.first[safe], 0.0)
            after = np.where(known, timeline.events.after[safe], 0.0)
            rows = rows[np.lexsort((rows, after, first, ~known))]
            self._total = len(rows)
            if self._words:
                texts, words = quote_texts(timeline), self._words
                kept = [r for r in rows.tolist() if all(w in texts[r] for w in words)]
                rows = np.array(kept, np.int64)
        self._rows = rows
        self.compact = len(rows) > COMPACT_FROM
        self.endResetModel()

    def _event_rows(self) -> Rows:
        """The table row of each shown quote's event (-1: none)."""
        if self._timeline is None:
            return _NO_ROWS
        events: Rows = self._timeline.quotes_by_event.codes[self._rows]
        return events

    def first_row_of_event(self, event_id: str) -> int:
        """The first row with a quote of ``event_id``, or -1."""
        record = self._timeline.events.row_of(event_id) if self._timeline else None
        hits = np.flatnonzero(self._event_rows() == record) if record is not None else _NO_ROWS
        return int(hits[0]) if len(hits) else -1

    def set_marked_event(self, event_id: str | None) -> None:
        """Mark the quotes of ``event_id``; only rows whose mark changes are updated."""
        event_id = event_id or None
        old = self._marked_event_id
        if event_id == old:
            return
        self._marked_event_id = event_id
        timeline = self._timeline
        if timeline is None:
            return
        affected = [timeline.events.row_of(e) for e in (old, event_id) if e is not None]
        records = [r for r in affected if r is not None]
        rows = np.flatnonzero(np.isin(self._event_rows(), records)).tolist()
        roles = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole]
        for first, last in _runs(rows):
            self.dataChanged.emit(self.index(first), self.index(last), roles)

    def set_note_counts(self, counts: dict[str, int]) -> None:
        """How many notes each quote has (by quote id): those rows are marked."""
        changed = set(counts.items()) ^ set(self._note_counts.items())
        self._note_counts = dict(counts)
        rows = sorted(r for quote_id, _count in changed if (r := self.row_of(quote_id)) >= 0)
        for first, last in _runs(rows):
            self.dataChanged.emit(self.index(first), self.index(last))

    def row_of(self, quote_id: str) -> int:
        """The row of the quote, or -1."""
        record = self._timeline.quotes.row_of(quote_id) if self._timeline else None
        hits = np.flatnonzero(self._rows == record) if record is not None else _NO_ROWS
        return int(hits[0]) if len(hits) else -1

    def quote_at(self, row: int) -> Quote | None:
        if self._timeline is None or not 0 <= row < len(self._rows):
            return None
        return self._timeline.quotes[int(self._rows[row])]

    def _event(self, quote: Quote) -> Event | None:
        return None if self._timeline is None else self._timeline.events_by_id.get(quote.event)

    def _heading(self, quote: Quote) -> str:
        event = self._event(quote)
        if event is None:
            return isolate(quote.event)
        return f"{describe_date(event.date)} {_EM_DASH} {isolate(event.title)}"

    def rowCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        quote = self.quote_at(index.row())
        if quote is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            said = quoted(quote)
            if quote.mode is QuoteMode.REPORTED:
                #: After a quote in reported (indirect) speech, not in the speaker's words.
                said += " " + self.tr("(reported)")
            if self._actor_id == ALL_SPEAKERS:
                said = f"{isolate(self._speaker(quote))}: {said}"
            heading = self._heading(quote)
            notes = self._note_counts.get(quote.id, 0)
            if notes:  # the reader's own notes on it: marked as in the timeline
                heading = f"\u270e {notes} \u00b7 {heading}"
            lines = [heading, said]
            if quote.translation is not None and self.show_translations:
                if self.compact:
                    lines[1] += f" \u2014 {isolate(quote.translation.text)}"
                else:
                    lines.append(isolate(quote.translation.text))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(quote)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return quote.text
        if role == ItemRole.QUOTE_ID:
            return quote.id
        if role == ItemRole.EVENT_ID:
            return quote.event
        if role == ItemRole.SEARCH_TEXT:
            event = self._event(quote)
            parts = [quote.text, self._speaker(quote)]
            if quote.translation is not None:
                parts.append(quote.translation.text)
            if event is not None:
                parts.append(event.title)
            return "\n".join(parts)
        marked = self._marked_event_id is not None and quote.event == self._marked_event_id
        if role == Qt.ItemDataRole.FontRole and marked:
            return _bold_font()
        if role == Qt.ItemDataRole.BackgroundRole and marked:
            return mark_brush()
        return None

    def _speaker(self, quote: Quote) -> str:
        actors = self._timeline.actors_by_id if self._timeline is not None else {}
        return actors[quote.speaker].name if quote.speaker in actors else quote.speaker

    def _tooltip(self, quote: Quote) -> str:
        if quote.mode is QuoteMode.DIRECT:
            lines = [self.tr("Direct quote")]
        else:
            #: A quote paraphrased by the source (indirect speech).
            lines = [self.tr("Reported speech")]
        notes = self._note_counts.get(quote.id, 0)
        if notes:
            #: How many of the reader's own notes are on the quote.
            mine = self.tr("1 note of yours") if notes == 1 else self.tr("{0} notes of yours")
            lines.append(mine.format(notes))
        timeline = self._timeline
        if timeline is not None and quote.speaker in timeline.actors_by_id:
            speaker = isolate(timeline.actors_by_id[quote.speaker].name)
            lines.append(self.tr("Speaker: {0}").format(speaker))
        lines.append(self._heading(quote))
        lines.append(f"{quoted(quote)} ({isolate(quote.language)})")
        if quote.translation is not None:
            translation = quote.translation
            lines.append(f"{isolate(translation.text)} ({isolate(translation.language)})")
        if timeline is not None and quote.source in timeline.sources_by_id:
            source = isolate(timeline.sources_by_id[quote.source].title)
            lines.append(self.tr("Source: {0}").format(source))
        return _tooltip(lines)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[ItemRole.QUOTE_ID] = QByteArray(b"quoteId")
        names[ItemRole.EVENT_ID] = QByteArray(b"eventId")
        return names


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class EventTableModel(_MatchesPlainText, QAbstractTableModel):
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
        #: The table row (file order) of the event shown on each row, and back.
        self._shown: np.ndarray[Any, np.dtype[np.int64]] = np.zeros(0, np.int64)
        self._row_of_record: np.ndarray[Any, np.dtype[np.int64]] = np.zeros(0, np.int64)
        self._note_counts: dict[str, int] = {}
        #: While sorting: each kind's and status's name as sorted (folded).
        self._names: dict[EventKind | EventStatus, str] = {}
        #: The events shown (by table row), or None for all.
        self._mask: Mask | None = None
        #: The order the view asked for last; a new timeline is shown in it too.
        self._order: tuple[int, Qt.SortOrder] = (self.DATE, Qt.SortOrder.AscendingOrder)

    def set_note_counts(self, counts: dict[str, int]) -> None:
        """How many of the reader's notes each event has (the Notes column)."""
        self._note_counts = dict(counts)
        if len(self._shown):
            top = self.index(0, self.NOTES)
            bottom = self.index(len(self._shown) - 1, self.NOTES)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, ItemRole.SORT_KEY])

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
            count = self._note_counts.get(event.id, 0)
            return f"\u270e {count}" if count else ""
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
        if role == ItemRole.SORT_KEY:
            if column == self.DATE:
                return event.date.earliest.timestamp()
            if column == self.NOTES:
                return self._note_counts.get(event.id, 0)
            return self._text(event, column).casefold()
        if role == ItemRole.EVENT_ID:
            return event.id
        layers = self._timeline.layers if self._timeline is not None else ()
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE and len(layers) > 1:
            # Several timelines shown: each row wears its timeline's colour (as its marks do).
            assert self._timeline is not None
            number = int(self._timeline.layer_codes[int(self._shown[index.row()])])
            return layer_color(number, QGuiApplication.palette())
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{kind_name(event.kind)} \u00b7 {status_name(event.status)}"]
            if len(layers) > 1 and self._timeline is not None:
                #: In a tooltip, with several timelines shown: the one an event is from.
                title = self._timeline.layer_of_id(event.id).title
                lines.append(self.tr("Timeline: {0}").format(isolate(title)))
            lines.append(isolate(event.title))
            lines.append(describe_date(event.date))
            if event.date.note:
                #: In a tooltip: the date as the source worded it.
                lines.append(self.tr("Source wording: {0}").format(isolate(event.date.note)))
            if event.summary:
                lines.append(isolate(event.summary))
            return _tooltip(lines)
        return None

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
