"""The parts the window makes after its first frame, and their wiring.

The first frame shows the timeline, the bars around it, the docks (empty), the
menus and the status bar. What fills the docks (details, quotes, the events
table, notes, search results, changes) and the controllers only they and the
menus' actions use are made here, once that frame is painted, and wired to
each other and to the window's first parts (:class:`Host`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QMenu, QStatusBar, QWidget

from viewer.domain.timeline import Timeline
from viewer.ui.actions import Menus
from viewer.ui.controllers.changes import Changes
from viewer.ui.controllers.citations import Citations
from viewer.ui.controllers.exports import Exports
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.controllers.finder import FindController
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.controllers.rescue import Rescue
from viewer.ui.dock_layout import bring_forward, fill_dock
from viewer.ui.document.document import Document
from viewer.ui.document.history import History
from viewer.ui.document.selection import Selection
from viewer.ui.panels.changes_panel import ChangesPanel
from viewer.ui.panels.details import DetailsPanel
from viewer.ui.panels.events_table import EventsTable
from viewer.ui.panels.find_bar import FindBar, FindResults
from viewer.ui.panels.note_actions import NoteActions
from viewer.ui.panels.notes_panel import NotesPanel
from viewer.ui.panels.quotes_panel import QuotesPanel
from viewer.ui.timeline.legend import LegendBar
from viewer.ui.timeline.view import TimelineView


class Host(Protocol):
    """The window's first parts, as the late parts use them."""

    settings: QSettings
    selection: Selection
    document: Document
    filters: FilterState
    timeline_view: TimelineView
    legend: LegendBar
    history: History
    menus: Menus
    details_dock: QDockWidget
    quotes_dock: QDockWidget
    events_dock: QDockWidget
    notes_dock: QDockWidget
    find_dock: QDockWidget
    changes_dock: QDockWidget

    def centralWidget(self) -> QWidget | None: ...
    def statusBar(self) -> QStatusBar: ...
    def say(self, text: str, timeout: int = 0) -> None: ...
    def inform(self, title: str, text: str) -> None: ...
    def show_translations(self, shown: bool | None = None) -> None: ...


class LateParts(QObject):
    """The panels in ``host``'s docks and the controllers they use, made and wired;
    ``notes``: the reader's notes (open or not yet); ``data_dir``: where what
    changed is kept; ``window``: their parent (the window itself)."""

    def __init__(self, host: Host, notes: NotesController, data_dir: Path, window: QWidget) -> None:
        super().__init__(window)
        self._host = host
        self.notes = notes
        self.note_actions = NoteActions(notes, window)
        self.note_actions.said.connect(host.say)
        self.finder = FindController(host.selection, notes, window)
        self.find_bar = FindBar(self.finder)
        self.find_bar.hide()
        central = host.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, self.find_bar)  # above the filter chips
        self.details = DetailsPanel(host.selection, notes=self.note_actions)
        self.quotes = QuotesPanel(host.selection, notes=self.note_actions)
        self.events_table = EventsTable(host.selection)
        self.notes_panel = NotesPanel(notes, self.note_actions, host.selection)
        self.find_results = FindResults(self.finder, host.selection)
        self.citations = Citations(
            host.document, host.selection, self.quotes.focused_quote_id, window
        )
        self.citations.said.connect(host.say)
        self.exports = Exports(
            host.document, notes, host.timeline_view, host.selection, host.filters, window
        )
        self.exports.said.connect(host.say)
        self.rescue = Rescue(notes, host.document, window)
        self.changes = Changes(
            host.document, data_dir, window, painted=host.timeline_view.viewport()
        )
        self.changes.said.connect(host.say)
        self.changes.changed.connect(self._show_changes)
        self.changes_panel = ChangesPanel(self.changes, host.selection)
        for dock, panel in (
            (host.details_dock, self.details),
            (host.quotes_dock, self.quotes),
            (host.events_dock, self.events_table),
            (host.notes_dock, self.notes_panel),
            (host.find_dock, self.find_results),
            (host.changes_dock, self.changes_panel),
        ):
            fill_dock(dock, panel)
        self.finder.resultsChanged.connect(self._show_find_marks)
        host.filters.changed.connect(self.show_filtered)
        self.finder.typedSelection.connect(host.history.typed)
        self.notes_panel.set_add_keys(host.menus["add_note"].shortcut())
        self.details.translationsRequested.connect(lambda: host.show_translations(True))
        self.quotes.quoteActivated.connect(self.details.show_quote)
        self.quotes.copyRequested.connect(
            lambda quote_id, markdown: self.citations.copy_citation(
                quote_id=quote_id, as_markdown=markdown
            )
        )
        notes.changed.connect(self.show_note_counts)
        notes.statusChanged.connect(self._show_notes_status)
        notes.notice.connect(lambda text: host.inform(self.tr("Your notes"), text))
        notes.confirmed.connect(self._confirm_notes)

    def set_timeline(self, timeline: Timeline) -> None:
        """Show ``timeline`` (just opened) in every panel."""
        for part in (self.details, self.quotes, self.events_table, self.finder):
            part.set_timeline(timeline)

    def show_filtered(self) -> None:
        """Every panel shows the events the filter keeps."""
        mask = self._host.filters.mask
        # The details last: a filter that hides their event clears the selection.
        # (The timeline's is shown by the window.)
        for part in (self.events_table, self.quotes, self.finder, self.details):
            part.show_only(mask)

    def set_show_translations(self, shown: bool) -> None:
        self.details.set_show_translations(shown)
        self.quotes.quote_model.set_show_translations(shown)

    def open_find(self) -> None:
        """Show the find bar with its query selected, and the list of results."""
        self.find_bar.open_bar()
        bring_forward(self._host.find_dock)

    def _show_find_marks(self) -> None:
        shown = self.find_bar.isVisible()
        self.details.set_highlight(self.finder.words if shown else [])
        self._host.timeline_view.set_find_marks(self.finder.rows if shown else None)

    def _show_changes(self) -> None:
        """Mark what changed since the reader last looked: on the timeline (and its
        legend), in the table; and let the filter keep it."""
        host, ids = self._host, self.changes.event_ids
        host.timeline_view.set_changed_marks(self.changes.rows())
        host.legend.set_changed(bool(ids))
        self.events_table.model.set_changed(ids)
        host.filters.set_changed(ids)

    def show_note_counts(self) -> None:
        """The notes' counts in the table and the quotes (the timeline's are
        shown by the window, from its first frame)."""
        self.events_table.model.set_note_counts(self.notes.counts_by_event())
        self.quotes.quote_model.set_note_counts(self.notes.counts_by_quote())
        self._host.menus["add_note"].setEnabled(not self.notes.read_only)

    def _confirm_notes(self, text: str) -> None:
        """Say what was done; while changes wait to be saved, say that too, and keep it."""
        if self.notes.status:
            self._host.say(f"{text} {self.notes.status}")
        else:
            self._host.say(text, 6000)

    def _show_notes_status(self, status: str) -> None:
        if status:
            self._host.say(status)
        else:
            self._host.statusBar().clearMessage()

    def event_menu(
        self, event_id: str, parent: QWidget, more: Callable[[QMenu], object] | None = None
    ) -> QMenu:
        """The event's menu; ``more`` adds the asking view's own entries (the
        table's Sort By)."""
        menu = self.note_actions.menu_for_event(event_id, parent)
        menu.addSeparator()
        menu.addAction(
            self.tr("Copy Citation"), lambda: self.citations.copy_citation(event_id=event_id)
        )
        menu.addAction(
            self.tr("Copy Citation as Markdown"),
            lambda: self.citations.copy_citation(event_id=event_id, as_markdown=True),
        )
        if more is not None:
            more(menu)
        return menu

    def focus_targets(self) -> dict[QDockWidget, QWidget]:
        """What takes the focus in each dock."""
        host = self._host
        return {
            host.quotes_dock: self.quotes.actor_view,
            host.notes_dock: self.notes_panel.view,
            host.find_dock: self.find_results.view,
            host.details_dock: self.details.browser,
            host.events_dock: self.events_table.view,
            host.changes_dock: self.changes_panel.tree,
        }
