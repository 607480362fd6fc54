"""Who said what: the speakers of a timeline and the quotes of the chosen one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.cite import web_url
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.domain.text import isolate
from viewer.domain.timeline import Timeline
from viewer.timeline.filters import Mask
from viewer.ui.document.selection import Selection
from viewer.ui.models.quotes import QuoteListModel
from viewer.ui.models.roles import ItemRole
from viewer.ui.models.speakers import ActorListModel
from viewer.ui.panels.note_actions import NoteActions
from viewer.ui.widgets.announce import announce
from viewer.ui.widgets.empty_state import EmptyState
from viewer.ui.widgets.keyboard_menu import menu_on_shift_f10
from viewer.ui.widgets.views import CountDelegate, clear_button


class QuotesPanel(QWidget):
    """A list of speakers, a filter and the chosen speaker's quotes.

    Clicking a quote selects its event; when the selection changes elsewhere the
    quotes of the selected event are marked (the chosen speaker stays).
    """

    # "Copy Citation" on a quote: its id, and whether as Markdown.
    copyRequested = Signal(str, bool)
    # A quote was clicked or activated: its id (its event is selected first).
    quoteActivated = Signal(str)

    def __init__(
        self,
        selection: Selection,
        parent: QWidget | None = None,
        notes: NoteActions | None = None,
    ) -> None:
        super().__init__(parent)
        # Where "Add Note…" in the quote's context menu goes.
        self._notes = notes
        self.quote_menu: QMenu | None = None
        self.setObjectName("quotesPanel")
        self.setAccessibleName(self.tr("Quotes"))
        self._selection = selection
        self._timeline: Timeline | None = None
        # Opens a source's web address; replace it to intercept (tests do).
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl

        self.actor_model = ActorListModel(self)
        self.quote_model = QuoteListModel(self)

        self.actor_view = QListView(self)
        self.actor_view.setObjectName("actorList")
        self.actor_view.setAccessibleName(self.tr("Speakers"))
        self.actor_view.setAccessibleDescription(self.tr("Choose a speaker to list their quotes"))
        self.actor_view.setModel(self.actor_model)
        self.actor_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actor_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actor_view.setUniformItemSizes(True)
        self.actor_view.setItemDelegate(
            CountDelegate(ItemRole.NAME, ItemRole.COUNT, self.actor_view)
        )
        self.actor_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("quoteFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter quotes"))
        self.filter_edit.setPlaceholderText(self.tr("Filter quotes…"))
        clear_button(self.filter_edit, self.tr("Clear the quote filter"))

        self.quote_view = QListView(self)
        self.quote_view.setObjectName("quoteList")
        self.quote_view.setAccessibleName(self.tr("Quotes of the chosen speaker"))
        # The model filters itself: a proxy would ask data() of every quote at
        # each key press (a million of them with "All speakers").
        self.quote_view.setModel(self.quote_model)
        self.quote_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.quote_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quote_view.setWordWrap(True)
        self.quote_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.quote_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.quote_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.quote_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.quote_view.setSpacing(2)
        self.quote_view.setAlternatingRowColors(True)  # each quote set apart from the next
        self.no_match = QLabel(self)
        self.no_match.setObjectName("quotesNoMatch")
        self.no_match.setTextFormat(Qt.TextFormat.PlainText)
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        actor_label = QLabel(self.tr("&Speakers"), self)
        actor_label.setBuddy(self.actor_view)
        quote_label = QLabel(self.tr("&Quotes"), self)
        quote_label.setBuddy(self.filter_edit)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(actor_label)
        top_layout.addWidget(self.actor_view)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(quote_label)
        bottom_layout.addWidget(self.filter_edit)
        bottom_layout.addWidget(self.no_match)
        bottom_layout.addWidget(self.quote_view)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("quotesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 2, 2)
        layout.addWidget(self.splitter)
        self.empty = EmptyState(self.quote_view, self._why_empty)

        self.actor_view.selectionModel().currentRowChanged.connect(self._on_actor_changed)
        self.filter_edit.textChanged.connect(self.quote_model.set_query)
        self.quote_model.modelReset.connect(self._show_no_match)
        self.quote_model.modelReset.connect(self._fit_layout)
        self.quote_view.clicked.connect(self._on_quote_activated)
        self.quote_view.activated.connect(self._on_quote_activated)
        self.quote_view.selectionModel().selectionChanged.connect(self._on_quote_selected)
        selection.changed.connect(self._on_selection_changed)
        self.quote_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.quote_view.customContextMenuRequested.connect(self._quote_context_menu)
        menu_on_shift_f10(self.quote_view, self._quote_context_menu)

    def set_timeline(self, timeline: Timeline | None, mask: Mask | None = None) -> None:
        """Show ``timeline`` (the quotes on the events ``mask`` keeps): keep the chosen
        speaker if it has one, else the most quoted."""
        self._timeline = timeline
        actor_id = self.quote_model.actor_id
        self.actor_model.set_timeline(timeline, mask)
        self.quote_model.set_timeline(timeline, mask)
        self.quote_model.set_marked_event(self._selection.event_id)
        row = self.actor_model.row_of(actor_id) if actor_id is not None else -1
        if row < 0:
            row = self.actor_model.most_quoted_row()
        if row >= 0:
            self.choose_actor_row(row)
        else:
            self.quote_model.set_actor(None)

    def show_only(self, mask: Mask | None) -> None:
        """The quotes on the events ``mask`` keeps; None: all."""
        self.set_timeline(self._timeline, mask)

    def choose_actor_row(self, row: int) -> None:
        """Make the speaker on ``row`` the chosen one, as a click would."""
        self.actor_view.setCurrentIndex(self.actor_model.index(row, 0))

    def focused_quote_id(self) -> str | None:
        """The id of the quote chosen in the list while the list has the focus, else None."""
        if not self.quote_view.hasFocus():
            return None
        current = self.quote_view.currentIndex()
        quote_id = current.data(ItemRole.QUOTE_ID) if current.isValid() else None
        return quote_id if isinstance(quote_id, str) else None

    def _on_actor_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        actor_id = current.data(ItemRole.ACTOR_ID) if current.isValid() else None
        self.quote_model.set_actor(actor_id)
        self._scroll_to_marked()

    def _fit_layout(self) -> None:
        """Wrapped quotes of all heights for a short list; for a long one (every
        speaker of a large timeline) two lines each, laid out without measuring."""
        compact = self.quote_model.compact
        if self.quote_view.uniformItemSizes() != compact:
            self.quote_view.setUniformItemSizes(compact)
            self.quote_view.setWordWrap(not compact)
            mode = Qt.TextElideMode.ElideRight if compact else Qt.TextElideMode.ElideNone
            self.quote_view.setTextElideMode(mode)

    def _show_no_match(self) -> None:
        """Say so when the filter leaves no quote (rather than an empty list); a
        screen reader reads it out as it appears."""
        text = self.filter_edit.text().strip()
        empty = self.quote_model.rowCount() == 0 and self.quote_model.total > 0
        no_match = self.tr("No quotes match “{0}”.").format(isolate(text))
        appears = bool(text) and empty and self.no_match.isHidden()
        self.no_match.setText(no_match if empty else "")
        self.no_match.setVisible(bool(text) and empty)
        if appears and self.isVisible():  # once, as the list empties; not at each key typed on
            announce(self.no_match, no_match)

    def _why_empty(self) -> str:
        """Why no quote shows (a query that matches none says so above the list)."""
        if self._timeline is None or self.quote_model.total > 0:
            return ""
        if len(self._timeline.quotes) == 0:
            return self.tr("No quotes in this timeline")
        return self.tr("No quote is on an event the filter keeps")

    def _on_quote_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        event_id = index.data(ItemRole.EVENT_ID)
        if event_id:
            self._selection.select(event_id)
            self.quoteActivated.emit(str(index.data(ItemRole.QUOTE_ID)))

    def _on_quote_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._on_quote_activated(indexes[0])

    def _on_selection_changed(self, event_id: str) -> None:
        self.quote_model.set_marked_event(event_id or None)
        # A selected quote of another event would contradict the marks.
        for index in self.quote_view.selectionModel().selectedIndexes():
            if index.data(ItemRole.EVENT_ID) != event_id:
                self.quote_view.selectionModel().clearSelection()
                break
        self._scroll_to_marked()

    def _scroll_to_marked(self) -> None:
        event_id = self.quote_model.marked_event_id
        row = self.quote_model.first_row_of_event(event_id) if event_id is not None else -1
        if row >= 0:
            self.quote_view.scrollTo(self.quote_model.index(row, 0))

    def _web_source(self, quote_id: str) -> str | None:
        """The http(s) address of the quote's source, if it has one."""
        timeline = self._timeline
        quote = timeline.quotes_by_id.get(quote_id) if timeline is not None else None
        if timeline is None or quote is None or quote.source is None:
            return None
        source = timeline.sources_by_id.get(quote.source)
        return web_url(source.url) if source is not None else None

    def _quote_context_menu(self, pos: QPoint) -> None:
        index = self.quote_view.indexAt(pos)
        if not index.isValid():
            return
        quote_id = str(index.data(ItemRole.QUOTE_ID))
        menu = QMenu(self)
        menu.addAction(self.tr("Copy Citation"), lambda: self.copyRequested.emit(quote_id, False))
        menu.addAction(
            self.tr("Copy Citation as Markdown"), lambda: self.copyRequested.emit(quote_id, True)
        )
        source = self._web_source(quote_id)
        if source is not None:
            menu.addAction(self.tr("Open Source"), lambda: self.open_url(QUrl(source)))
        if self._notes is not None:
            notes = self._notes
            target = NoteTarget(kind=TargetKind.QUOTE, id=quote_id)
            menu.addSeparator()
            add = menu.addAction(self.tr("Add Note…"), lambda: notes.add(target))
            add.setEnabled(not notes.controller.read_only)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.quote_menu = menu
        menu.popup(self.quote_view.viewport().mapToGlobal(pos))
