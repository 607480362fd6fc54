"""What changed in the open timeline since the reader last looked at it.

When a file is opened, read again after a change on disk, or imported anew
(an updated ACLED export replaces its import), its events and quotes are
compared with what the reader last saw of that timeline
(:class:`~viewer.persistence.seen_store.SeenStore`): new, changed (field by
field) and removed. The first time a timeline is opened, what it holds is
what was seen. "Mark All as Seen" makes what is shown the new baseline.

The comparison and the writes run in a thread: a million events take a few
seconds, and the window stays usable meanwhile.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from viewer.domain.changes import ItemsDiff, diff_records
from viewer.domain.model import Event, Quote
from viewer.domain.records import Records, Rows
from viewer.domain.timeline import Timeline
from viewer.domain.words import number
from viewer.persistence.seen_store import SeenStore
from viewer.ui.document.document import Document
from viewer.ui.widgets.first_paint import when_painted

_NONE = ItemsDiff((), (), ())
# A comparison after an open waits for the paint that shows the timeline, or
# this long if none comes (a window hidden behind others).
PAINT_WAIT_MS = 1000


class Changes(QObject):
    """The open timeline's events and quotes changed since the reader last saw it."""

    # The changes known now (after an open, a reload, Mark All as Seen).
    changed = Signal()
    # A message for the status bar, and for how many ms it shows.
    said = Signal(str, int)
    # From the thread: (generation, events' diff, quotes' diff, old events) or a failure.
    _found = Signal(int, object, object, object)
    _failed = Signal(int, str)

    def __init__(
        self,
        document: Document,
        data_dir: Path,
        parent: QObject | None = None,
        painted: QWidget | None = None,
    ) -> None:
        """``painted``: the widget whose paint after an open lets the comparison
        begin. Its thread holds the GIL for long stretches, and the paint's own
        Python (the timeline's, the table's) would wait for it at every call."""
        super().__init__(parent)
        self._document = document
        self._data_dir = data_dir
        self._painted = painted
        # The comparisons waiting for that paint: each goes on when its event is set.
        self._gates: list[threading.Event] = []
        self.events: ItemsDiff = _NONE
        self.quotes: ItemsDiff = _NONE
        # The events as last seen: the removed ones are read from them.
        self.seen_events: Records[Event] | None = None
        # Which comparison is current: a later open makes an earlier one stale.
        self._generation = 0
        self._compared: Timeline | None = None
        # The comparison whose result is shown (the same as the current when done).
        self._shown_generation = 0
        self._threads: list[threading.Thread] = []
        self._found.connect(self._on_found)
        self._failed.connect(self._on_failed)
        document.opened.connect(lambda _timeline, _path: self.compare())

    @property
    def timeline(self) -> Timeline | None:
        """The timeline shown (the changes are of the file opened in it)."""
        return self._document.timeline

    @property
    def event_ids(self) -> frozenset[str]:
        """The events new or changed (those still in the timeline)."""
        events = self.events
        return frozenset([*events.added, *(change.id for change in events.changed)])

    def rows(self) -> Rows | None:
        """The table rows of the events new or changed in the timeline shown; None
        when there are none."""
        ids, timeline = self.event_ids, self.timeline
        if timeline is None or not ids:
            return None
        rows = timeline.events.rows_of(sorted(ids))
        return rows[rows >= 0]

    @property
    def count(self) -> int:
        """How many events are new, changed or removed."""
        events = self.events
        return len(events.added) + len(events.changed) + len(events.removed)

    def compare(self) -> None:
        """Compare the timeline open with what the reader saw last (at each open;
        a window that makes this after the open asks once)."""
        base = self._document.base
        if base is None or base is self._compared:  # a timeline added over it: the same
            return
        self._compared = base
        self._generation += 1
        self.events, self.quotes, self.seen_events = _NONE, _NONE, None
        self.changed.emit()
        self._start(self._generation, base, mark=False, after_paint=True)

    def mark_all_seen(self) -> None:
        """What is shown now is what the reader has seen: no change is marked."""
        base = self._document.base
        if base is None:
            return
        self._generation += 1
        self.events, self.quotes, self.seen_events = _NONE, _NONE, None
        self.changed.emit()
        self._start(self._generation, base, mark=True)

    def _start(
        self, generation: int, base: Timeline, mark: bool, after_paint: bool = False
    ) -> None:
        gate = threading.Event()
        painted = self._painted
        if after_paint and painted is not None and painted.isVisible():
            when_painted(painted, lambda: QTimer.singleShot(0, gate.set))  # once it is painted
            QTimer.singleShot(PAINT_WAIT_MS, gate.set)
            self._gates = [g for g in self._gates if not g.is_set()] + [gate]
        else:
            gate.set()
        thread = threading.Thread(
            target=self._work, args=(generation, base, mark, gate), name="changes", daemon=True
        )
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _work(self, generation: int, base: Timeline, mark: bool, gate: threading.Event) -> None:
        gate.wait()
        store = SeenStore(self._data_dir, base.id)
        try:
            seen = None if mark else store.last_seen()
            if seen is None:  # never seen here (or asked): what it holds is what was seen
                store.mark_seen(base)
                self._found.emit(generation, _NONE, _NONE, None)
                return
            events = diff_records(seen[0], base.events, Event)
            quotes = diff_records(seen[1], base.quotes, Quote)
        except (OSError, sqlite3.Error) as exc:
            self._failed.emit(generation, str(exc))
            return
        self._found.emit(generation, events, quotes, seen[0])

    def _on_found(self, generation: int, events: object, quotes: object, seen: object) -> None:
        if generation != self._generation:
            return  # another timeline, or Mark All as Seen, since
        assert isinstance(events, ItemsDiff)
        assert isinstance(quotes, ItemsDiff)
        self._shown_generation = generation
        self.events, self.quotes = events, quotes
        self.seen_events = seen if isinstance(seen, Records) else None
        self.changed.emit()
        if self.count == 1:
            said = self.tr("1 event changed since you last looked: View ▸ Changes lists it.")
            self.said.emit(said, 10000)
        elif self.count:
            said = self.tr("{0} events changed since you last looked: View ▸ Changes lists them.")
            self.said.emit(said.format(number(self.count)), 10000)

    def _on_failed(self, generation: int, reason: str) -> None:
        if generation == self._generation:
            self._shown_generation = generation
            said = self.tr("What you last saw of this timeline cannot be kept: {0}")
            self.said.emit(said.format(reason), 10000)

    @property
    def settled(self) -> bool:
        """Whether the latest comparison's result is shown (none runs)."""
        return self._shown_generation == self._generation

    def wait(self, timeout: float = 30.0) -> None:
        """Wait for the comparisons running (on shutdown, and in tests); those
        waiting for a paint begin at once."""
        for gate in self._gates:
            gate.set()
        for thread in self._threads:
            thread.join(timeout)
