"""What the reader filters by: the chosen filter of the open timeline, the timelines
hidden, and the mask of the events they keep.

:class:`FilterState` holds the chosen :class:`~viewer.timeline.filters.EventFilter`
of the open timeline and the mask of the events it keeps; the timeline, the
table, the quotes panel and the find bar all follow its ``changed`` signal.
Each timeline remembers its own filter in the settings.

With several timelines shown together (File > Add Timeline…) the reader may
hide some of them: their events are left out of the mask like filtered ones,
and the timeline opened remembers which (by their ids) in the settings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from PySide6.QtCore import QObject, QSettings, Signal

from viewer.domain.notes import Note
from viewer.domain.timeline import Layer, Timeline
from viewer.timeline.filters import EventFilter, Mask, event_mask, layers_mask
from viewer.ui.controllers.notes_control import NotesController


class FilterState(QObject):
    """The open timeline's filter and the mask of the events it keeps."""

    changed = Signal()

    def __init__(self, settings: QSettings, notes: NotesController, parent: QObject) -> None:
        super().__init__(parent)
        self._settings = settings
        self._notes = notes
        self.timeline: Timeline | None = None
        self.filter = EventFilter()
        # The ids of the timelines shown together that the reader hid (never all).
        self.hidden: frozenset[str] = frozenset()
        # Which table rows are shown; None when nothing is filtered or hidden.
        self.mask: Mask | None = None
        # The events new or changed since the reader last looked (see set_changed).
        self._changed: frozenset[str] = frozenset()
        notes.changed.connect(self._notes_changed)

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Show ``timeline`` with the filter it had last time, and without the
        timelines shown with it that were hidden."""
        previous, self.timeline = self.timeline, timeline
        self.hidden = self._saved_hidden(timeline, previous)
        chosen = EventFilter()
        if timeline is not None:
            saved = self._settings.value(f"filter/{timeline.id}")
            if isinstance(saved, str):
                try:
                    chosen = EventFilter.from_json(json.loads(saved))
                except ValueError:
                    chosen = EventFilter()
        self._apply(chosen)

    def set_filter(self, chosen: EventFilter) -> None:
        if chosen != self.filter:
            self._apply(chosen)
            if self.timeline is not None:
                self._settings.setValue(f"filter/{self.timeline.id}", json.dumps(chosen.to_json()))

    def toggle(self, facet: str, value: str) -> None:
        self.set_filter(self.filter.toggled(facet, value))

    # -- the timelines shown together -------------------------------------------

    @property
    def layers(self) -> tuple[Layer, ...]:
        """The timelines shown together (one when alone), in order."""
        return self.timeline.layers if self.timeline is not None else ()

    def hidden_titles(self) -> list[str]:
        """The titles of the hidden timelines, in the order shown."""
        return [layer.title for layer in self.layers if layer.id in self.hidden]

    def layer_shown(self, layer_id: str) -> bool:
        return layer_id not in self.hidden

    def can_hide(self, layer_id: str) -> bool:
        """Whether ``layer_id`` may be hidden: one of several, and not the last shown."""
        ids = [layer.id for layer in self.layers]
        return layer_id in ids and len(self.hidden | {layer_id}) < len(ids)

    def set_layer_shown(self, layer_id: str, shown: bool) -> bool:
        """Show or hide the events of the timeline ``layer_id`` (one of several
        shown together); False if that cannot be (one of them stays shown)."""
        timeline = self.timeline
        if timeline is None or all(layer.id != layer_id for layer in timeline.layers):
            return False
        if not shown and not self.can_hide(layer_id):
            return False
        hidden = self.hidden - {layer_id} if shown else self.hidden | {layer_id}
        if hidden != self.hidden:
            self.hidden = hidden
            self._save_hidden(timeline.id, hidden)
            self._compute()
        return True

    def _saved_hidden(self, timeline: Timeline | None, previous: Timeline | None) -> frozenset[str]:
        """The timelines shown with ``timeline`` that were hidden last time.

        A timeline taken away from those shown (its id was shown before, with the
        same timeline opened) is forgotten, so that added again it shows. One
        that is only not there yet (the others load after the file opened) keeps
        its place in the settings.
        """
        if timeline is None:
            return frozenset()
        saved = self._settings.value(f"hidden_layers/{timeline.id}")
        try:
            ids = {str(i) for i in json.loads(saved)} if isinstance(saved, str) else set()
        except (ValueError, TypeError):
            ids = set()
        present = {layer.id for layer in timeline.layers}
        if previous is not None and previous.id == timeline.id:
            gone = {layer.id for layer in previous.layers} - present
            if ids & gone:
                ids -= gone
                self._save_hidden(timeline.id, ids)
        hidden = frozenset(ids & present)
        return hidden if len(hidden) < len(present) else frozenset()

    def _save_hidden(self, timeline_id: str, hidden: Iterable[str]) -> None:
        key = f"hidden_layers/{timeline_id}"
        if hidden:
            self._settings.setValue(key, json.dumps(sorted(hidden)))
        else:
            self._settings.remove(key)

    def _apply(self, chosen: EventFilter) -> None:
        self.filter = chosen
        self._compute()

    def _compute(self) -> None:
        timeline = self.timeline
        if timeline is None or self.filter.empty:
            self.mask = None
        else:
            notes = self._notes.notes() if self.filter.uses_notes else []
            self.mask = event_mask(timeline, self.filter, notes, self._changed)
        if timeline is not None and self.hidden:
            kept = layers_mask(timeline, self.hidden)
            self.mask = kept if self.mask is None else self.mask & kept
        self.changed.emit()

    def set_changed(self, event_ids: frozenset[str]) -> None:
        """The events new or changed since the reader last looked (the filter
        "Changed since I last looked" keeps them)."""
        self._changed = event_ids
        if self.filter.changed:
            self._compute()

    def _notes_changed(self) -> None:
        if self.filter.uses_notes:
            self._compute()

    def actor_names(self) -> dict[str, str]:
        timeline = self.timeline
        return {a.id: a.name for a in timeline.actors} if timeline is not None else {}

    def notes(self) -> list[Note]:
        """The reader's notes on the open timeline (their tags are filters)."""
        return self._notes.notes()

    def shown(self) -> int:
        """How many events the filter keeps (of the timelines not hidden)."""
        if self.timeline is None:
            return 0
        return len(self.timeline.events) if self.mask is None else int(self.mask.sum())
