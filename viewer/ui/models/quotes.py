"""The quotes list: the chosen speaker's quotes (or everyone's), in date order.

The rows are numbers into the timeline's quotes, sorted with numpy: a million
quotes make no Python object until a row is shown.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from viewer.domain.cite import quotation_marks
from viewer.domain.describe import describe_date
from viewer.domain.model import Event, Quote, QuoteMode
from viewer.domain.text import isolate, one_line, without_isolates
from viewer.domain.timeline import Timeline
from viewer.timeline.filters import Mask, Rows
from viewer.timeline.search import query_words, quote_texts
from viewer.ui.models.plain_text import EM_DASH, tooltip
from viewer.ui.models.roles import ItemRole

_Index = QModelIndex | QPersistentModelIndex

# The id of the speakers list's first row, which lists every speaker's quotes
# (ids never hold "*": their pattern says so).
ALL_SPEAKERS = "*"


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


def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


_NO_ROWS: Rows = np.zeros(0, np.int64)
# A quote list longer than this shows each quote on two lines (see ``compact``).
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


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


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
        # The quote rows shown, in order.
        self._rows: Rows = _NO_ROWS
        # Many rows: two lines each (the translation beside the quote), so a view
        # can lay them out without measuring each (uniform sizes).
        self.compact = False
        # Each quote's translation on a line of its own below it (when asked for).
        self.show_translations = False
        self._total = 0
        self._words: list[str] = []
        # How many of the reader's notes each quote has.
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
        return f"{describe_date(event.date)} {EM_DASH} {isolate(event.title)}"

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
            said = quoted(quote) + self._reported(quote)
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
            return self._accessible_name(quote)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._accessible_description(quote)
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

    def _reported(self, quote: Quote) -> str:
        """The words " (reported)" after a quote in reported speech, else ""."""
        if quote.mode is not QuoteMode.REPORTED:
            return ""
        #: After a quote in reported (indirect) speech, not in the speaker's words.
        return " " + self.tr("(reported)")

    def _accessible_name(self, quote: Quote) -> str:
        """What a screen reader reads for the row: who said it, when, the words, and
        "(reported)" for reported speech, as the row shows; no isolates (they reach a
        braille display)."""
        event = self._event(quote)
        who = self._speaker(quote)
        if event is not None:
            who = f"{who}, {describe_date(event.date)}"
        return without_isolates(one_line(f"{who}: {quote.text}{self._reported(quote)}"))

    def _accessible_description(self, quote: Quote) -> str:
        """The rest of what the row shows: the event's title, the reader's notes on
        the quote, and its translation while translations are shown."""
        event = self._event(quote)
        parts = [event.title if event is not None else quote.event]
        notes = self._note_counts.get(quote.id, 0)
        if notes:
            parts.append(self._notes_words(notes))
        if quote.translation is not None and self.show_translations:
            parts.append(quote.translation.text)
        return without_isolates(one_line(". ".join(parts)))

    def _notes_words(self, notes: int) -> str:
        #: How many of the reader's own notes are on the quote.
        mine = self.tr("1 note of yours") if notes == 1 else self.tr("{0} notes of yours")
        return mine.format(notes)

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
            lines.append(self._notes_words(notes))
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
        return tooltip(lines)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[ItemRole.QUOTE_ID] = QByteArray(b"quoteId")
        names[ItemRole.EVENT_ID] = QByteArray(b"eventId")
        return names
