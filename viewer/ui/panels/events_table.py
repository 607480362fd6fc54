"""All events of a timeline as a sortable table that follows the shared selection.

A click on a column's header sorts by it; from the keyboard, "Sort By" in a
row's context menu (Shift+F10 or the Menu key) does the same.
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QActionGroup, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.timeline import Timeline
from viewer.timeline.filters import Mask
from viewer.ui.document.selection import Selection
from viewer.ui.models.events import EventTableModel
from viewer.ui.models.roles import ItemRole
from viewer.ui.widgets.empty_state import EmptyState
from viewer.ui.widgets.keyboard_menu import menu_on_shift_f10


class EventsTable(QWidget):
    """A table of events; selecting a row selects its event and vice versa."""

    # A row's context menu was asked for: the event's id and where (global).
    eventMenuRequested = Signal(str, QPoint)

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsTablePanel")
        self.setAccessibleName(self.tr("Events"))
        self._selection = selection
        self._following = False
        self._timeline: Timeline | None = None

        # The model sorts itself (EventTableModel.sort): a sort proxy would call
        # data() millions of times on a large timeline.
        self.model = EventTableModel(self)

        self.view = QTableView(self)
        self.view.setObjectName("eventsTable")
        self.view.setAccessibleName(self.tr("Events"))
        self.view.setAccessibleDescription(
            self.tr(
                "All events; sort by clicking a column header, or with Sort By in the context menu"
            )
        )
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        # One Tab stop: arrows move within the table, Tab leaves it (and never
        # changes the selection cell by cell on its way).
        self.view.setTabKeyNavigation(False)
        self.view.setCornerButtonEnabled(False)  # "select all" means nothing here
        for corner in self.view.findChildren(QAbstractButton):
            #: The table's (disabled) corner button, for screen readers.
            corner.setAccessibleName(self.tr("Select all (off: one event at a time)"))
        #: The table's column headers, for screen readers.
        self.view.horizontalHeader().setAccessibleName(self.tr("Columns: click one to sort by it"))
        #: The table's (hidden) row headers, for screen readers.
        self.view.verticalHeader().setAccessibleName(self.tr("Rows"))
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The text columns share what the window gives: a wide window shows more of both.
        header.setSectionResizeMode(EventTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EventTableModel.PARTICIPANTS, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(EventTableModel.DATE, Qt.SortOrder.AscendingOrder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.empty = EmptyState(self.view, self._why_empty)

        self.view.selectionModel().selectionChanged.connect(self._on_rows_selected)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        menu_on_shift_f10(self.view, self._context_menu)
        selection.changed.connect(self._follow)

    def set_timeline(self, timeline: Timeline | None) -> None:
        self._timeline = timeline
        self.model.set_timeline(timeline)
        self._fit_columns()
        self._follow(self._selection.event_id or "")

    def _fit_columns(self) -> None:
        """The short columns as wide as what they hold, but none wider than a
        fifth of the table (a long fuzzy date, large text): the title and the
        participants keep the rest, the text a reader scans the table for.

        What they hold is measured in texts the model samples (every kind and
        status shown, the most notes, the dates of some hundred rows), by the
        font, with the margins the view adds to a cell's text: not by asking
        the view, which reads a thousand rows of each column, one ``data()``
        call at a time (half a second after every large open)."""
        most = max(self.view.viewport().width() // 5, 80)
        header = self.view.horizontalHeader()
        margin = self._cell_margin()
        metrics = QFontMetricsF(self.view.font())
        for column in (
            EventTableModel.DATE,
            EventTableModel.KIND,
            EventTableModel.STATUS,
            EventTableModel.NOTES,
        ):
            texts = self.model.sizing_texts(column)
            wide = max((metrics.horizontalAdvance(text) for text in texts if text), default=0.0)
            hint = header.sectionSizeHint(column)
            contents = ceil(wide) + margin if wide else 0
            header.resizeSection(column, min(max(contents, hint), max(hint, most)))

    def _cell_margin(self) -> int:
        """What the view adds to a cell's text for its width (the delegate's
        margins, the grid's line), measured on the first row's kind."""
        index = self.model.index(0, EventTableModel.KIND)
        text = index.data() if index.isValid() else None
        if not text:
            return 0
        grid = 1 if self.view.showGrid() else 0
        width = self.view.sizeHintForIndex(index).width() + grid
        return width - ceil(QFontMetricsF(self.view.font()).horizontalAdvance(str(text)))

    def show_only(self, mask: Mask | None) -> None:
        """Rows for the events ``mask`` keeps (by table row); None: all."""
        self.model.show_only(mask)
        self._follow(self._selection.event_id or "")

    def _why_empty(self) -> str:
        if self._timeline is None:
            return ""
        if len(self._timeline.events) == 0:
            return self.tr("No events in this timeline")
        return self.tr("No event matches the filter")

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        event_id = index.data(ItemRole.EVENT_ID) if index.isValid() else None
        if event_id:
            self._selection.select(event_id)
            self.eventMenuRequested.emit(event_id, self.view.viewport().mapToGlobal(pos))

    def add_sort_menu(self, menu: QMenu) -> QMenu:
        """Add "Sort By" to a row's context ``menu``: the column to sort the rows
        by and the order, checked as they are (a header's click, from the keys)."""
        menu.addSeparator()
        sort = menu.addMenu(self.tr("Sort &By"))
        sort.setObjectName("sortMenu")
        header = self.view.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        columns = QActionGroup(sort)
        for section in range(self.model.columnCount()):
            name = str(self.model.headerData(section, Qt.Orientation.Horizontal))
            action = sort.addAction(name.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(section == column)
            columns.addAction(action)
            action.triggered.connect(lambda _on=False, c=section: self.sort_by(c, order))
        sort.addSeparator()
        orders = QActionGroup(sort)
        ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
        for text, way in ((self.tr("&Ascending"), ascending), (self.tr("&Descending"), descending)):
            action = sort.addAction(text)
            action.setCheckable(True)
            action.setChecked(way == order)
            orders.addAction(action)
            action.triggered.connect(lambda _on=False, w=way: self.sort_by(column, w))
        return sort

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """Sort the rows by ``column`` in ``order``, as a click on its header does;
        the selected row stays in view."""
        self.view.sortByColumn(column, order)
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)

    def selected_event_id(self) -> str | None:
        """The event of the selected row, or None."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ItemRole.EVENT_ID) if rows else None

    def _on_rows_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._following:
            return
        self._selection.select(self.selected_event_id())

    def _follow(self, event_id: str) -> None:
        """Select and show the row of ``event_id``; clear the selection for ``""``."""
        row = self.model.row_of(event_id) if event_id else -1
        selection_model = self.view.selectionModel()
        self._following = True
        try:
            if row < 0:
                selection_model.clearSelection()
                return
            index = self.model.index(row, 0)
            selection_model.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._following = False
        self.view.scrollTo(index)
