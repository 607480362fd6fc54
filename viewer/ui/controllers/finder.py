"""Find in the timelines shown: the query, its results in time order, and the search
that finds them, run between frames.

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
from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from viewer.domain.notes import Note
from viewer.domain.timeline import Timeline
from viewer.timeline.filters import Mask
from viewer.timeline.index import event_index
from viewer.timeline.search import NotesText, Rows, TextIndex, in_time_order, query_words
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.document.selection import Selection

# How long one slice of searching may hold the event loop (seconds).
SLICE = 0.012
# How often a long search shows what it has so far (seconds).
SHOW_EVERY = 0.1


class FindController(QObject):
    """The query, its results in time order, and the search that finds them."""

    # The results (or the progress) changed.
    resultsChanged = Signal()
    # The selected event changed: it may be another result, or none.
    currentChanged = Signal()
    # The next selection is the first result of a query as it is typed.
    typedSelection = Signal()
    # The reader stepped to the next or the previous result (after it is selected).
    stepped = Signal()

    def __init__(self, selection: Selection, notes: NotesController, parent: QObject) -> None:
        super().__init__(parent)
        self._selection = selection
        self._notes = notes
        self.timeline: Timeline | None = None
        self._index: TextIndex | None = None
        self._notes_text: NotesText | None = None
        self.query = ""
        self.words: list[str] = []
        # Table rows of the matching events, in time order.
        self.rows: Rows = np.zeros(0, np.int64)
        self.done = True
        # How much of the text index is built while it is (0..1), else None.
        self.preparing: float | None = None
        self._found: list[Rows] = []
        # The events searched (by table row), or None for all.
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
        self.stepped.emit()
        return target

    def settled(self) -> bool:
        """Whether :meth:`status` is the search's answer, not its progress."""
        return self.done and self.preparing is None

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
