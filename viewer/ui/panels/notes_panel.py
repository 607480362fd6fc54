"""The "My notes" panel: every note, newest first, filterable; a note leads to its
event."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.text import isolate
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.document.selection import Selection
from viewer.ui.models.notes_list import NotesListModel
from viewer.ui.models.proxies import FoldedFilter
from viewer.ui.models.roles import ItemRole
from viewer.ui.panels.note_actions import NoteActions
from viewer.ui.widgets.empty_state import EmptyState
from viewer.ui.widgets.flow import FlowLayout
from viewer.ui.widgets.keyboard_menu import menu_on_shift_f10
from viewer.ui.widgets.views import clear_button


class NotesPanel(QWidget):
    """ "My notes": every note, newest first, filterable; click one to go to its event."""

    def __init__(
        self,
        controller: NotesController,
        actions: NoteActions,
        selection: Selection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.setAccessibleName(self.tr("My notes"))
        self._controller, self._actions, self._selection = controller, actions, selection
        self.model = NotesListModel(controller, self)
        # Case and accents do not matter, every word must match: as in Find.
        self.proxy = FoldedFilter(ItemRole.SEARCH_TEXT, self)
        self.proxy.setSourceModel(self.model)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("notesStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("notesFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter notes…"))
        self.filter_edit.setAccessibleName(self.tr("Filter notes"))
        clear_button(self.filter_edit, self.tr("Clear the notes filter"))
        self.filter_edit.textChanged.connect(self.proxy.set_query)
        self.view = QListView(self)
        self.view.setObjectName("notesList")
        self.view.setAccessibleName(self.tr("Notes, newest first"))
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        menu_on_shift_f10(self.view, self._context_menu)
        # The context menu of a note last opened (it deletes itself when closed).
        self.note_menu: QMenu | None = None
        self.view.clicked.connect(self._go_to_event)
        self.view.activated.connect(self._go_to_event)
        self.view.doubleClicked.connect(
            lambda index: self._actions.edit(index.data(ItemRole.NOTE_ID))
        )
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

        self.add_button = QPushButton(self.tr("&Add Note…"), self)
        self.add_button.setToolTip(self.tr("Add a note to the selected event"))
        self.add_button.clicked.connect(lambda: actions.add_to_event(selection.event_id))
        self.edit_button = QPushButton(self.tr("Ed&it Note…"), self)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("&Delete Note"), self)
        self.delete_button.clicked.connect(self.delete_current)
        # The buttons wrap onto a second line rather than widen the panel (a
        # large font, longer words in German).
        buttons = FlowLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 2, 2)
        layout.addWidget(self.status_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        # The keys that add a note (the window's Add Note action), named when there is none.
        self.add_keys = QKeySequence()
        self.empty = EmptyState(self.view, self._why_empty)
        # Typing on with nothing left changes no row, only what the list says.
        self.filter_edit.textChanged.connect(lambda _text: self.empty.refresh())
        controller.statusChanged.connect(self._show_status)
        controller.changed.connect(self._update_buttons)
        selection.changed.connect(lambda _id: self._update_buttons())
        selection.changed.connect(lambda _id: self.empty.refresh())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.proxy.modelReset.connect(self._update_buttons)
        self.proxy.layoutChanged.connect(self._update_buttons)
        self._show_status(controller.status)
        self._update_buttons()

    def current_note_id(self) -> str | None:
        index = self.view.currentIndex()
        return str(index.data(ItemRole.NOTE_ID)) if index.isValid() else None

    def edit_current(self) -> None:
        note_id = self.current_note_id()
        if note_id:
            self._actions.edit(note_id)

    def delete_current(self) -> None:
        note_id = self.current_note_id()
        if note_id:
            self._actions.delete(note_id)

    def _go_to_event(self, index: QModelIndex) -> None:
        event_id = index.data(ItemRole.EVENT_ID)
        if event_id:
            self._selection.select(str(event_id))

    def set_add_keys(self, keys: QKeySequence) -> None:
        """Name ``keys`` in the hint of an empty list (the window's Add Note keys)."""
        self.add_keys = keys
        self.empty.refresh()

    def _why_empty(self) -> str:
        if self._controller.timeline is None:
            return ""
        if self.model.rowCount() > 0:
            query = self.filter_edit.text().strip()
            return self.tr("No note matches “{0}”").format(isolate(query))
        keys = self.add_keys.toString(QKeySequence.SequenceFormat.NativeText)
        how = keys or self.add_button.text().replace("&", "")
        if self._selection.event_id is not None:  # one is selected: only the keys are left
            return self.tr("No notes yet: press {0} to add one to the selected event").format(how)
        return self.tr("No notes yet: select an event and press {0}").format(how)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        note_id = str(index.data(ItemRole.NOTE_ID))
        menu = QMenu(self)
        menu.addAction(self.tr("Edit Note…"), lambda: self._actions.edit(note_id))
        menu.addAction(self.tr("Delete Note"), lambda: self._actions.delete(note_id))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.note_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _show_status(self, status: str) -> None:
        self.status_label.setText(status)
        self.status_label.setVisible(bool(status))

    def _update_buttons(self) -> None:
        event_id = self._selection.event_id
        self.add_button.setEnabled(
            event_id is not None and not self._controller.read_only_for(event_id)
        )
        # Edit and Delete act on the chosen note: with none chosen there is nothing to act on.
        chosen = self.view.selectionModel().hasSelection()
        note_id = self.current_note_id() if chosen else None
        note = self._controller.get(note_id) if note_id else None
        writable = note is not None and not self._controller.read_only_for(note.target.id)
        self.edit_button.setEnabled(writable)
        self.delete_button.setEnabled(writable)
