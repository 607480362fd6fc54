"""The reader's notes in the app: controller with undo, dialog, item model, panel.

The :class:`NotesController` owns a :class:`NoteStore` for each timeline shown
(the one opened and those added over it: each keeps its notes in its own
database, about its own ids) and a :class:`QUndoStack`; every change goes
through an undo command and is committed to the database before the command
returns. A change that cannot be written waits in memory, the status says why,
and writing is retried; changes made by another window or the command line are
picked up within a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain import words
from viewer.domain.notes import (
    MAX_NOTE_LENGTH,
    Note,
    NoteTarget,
    TargetKind,
    event_of,
    is_blank,
    newest_first,
    parse_tags,
    target_title,
)
from viewer.domain.text import isolate, one_line
from viewer.domain.timeline import Layer, Timeline
from viewer.persistence.layered_notes import (
    beside,
    own_note,
    own_timeline,
    shown_note,
    write_notes,
)
from viewer.persistence.notes_store import NoteStore, OpenReport
from viewer.ui.document.selection import Selection
from viewer.ui.models.proxies import FoldedFilter
from viewer.ui.models.roles import ItemRole
from viewer.ui.widgets.views import clear_button

RETRY_MS = 5000
#: How often the window looks whether another window or command changed the notes.
WATCH_MS = 1000

_Index = QModelIndex | QPersistentModelIndex


class _PutNote(QUndoCommand):
    """Add a note, or replace it with an edited version (in the timeline ``layer_id``,
    in its own ids)."""

    def __init__(
        self, controller: NotesController, layer_id: str, new: Note, old: Note | None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("_PutNote", "Add Note")
            if old is None
            else QCoreApplication.translate("_PutNote", "Edit Note")
        )
        self._controller, self._layer_id, self._new, self._old = controller, layer_id, new, old

    def redo(self) -> None:
        self._controller._apply_put(self._layer_id, self._new)

    def undo(self) -> None:
        if self._old is None:
            self._controller._apply_remove(self._layer_id, self._new.id)
        else:
            self._controller._apply_put(self._layer_id, self._old)


class _RemoveNote(QUndoCommand):
    def __init__(self, controller: NotesController, layer_id: str, note: Note) -> None:
        super().__init__(QCoreApplication.translate("_RemoveNote", "Delete Note"))
        self._controller, self._layer_id, self._note = controller, layer_id, note

    def redo(self) -> None:
        self._controller._apply_remove(self._layer_id, self._note.id)

    def undo(self) -> None:
        self._controller._apply_put(self._layer_id, self._note)


@dataclass(slots=True)
class _LayerNotes:
    """The notes of one timeline shown: its store, and the timeline as its own ids name it."""

    layer: Layer
    store: NoteStore
    own: Timeline


class NotesController(QObject):
    """The notes of the timelines shown, with undo; committed at once, retried if need be.

    Each timeline shown (the one opened, and those added over it) has its own
    :class:`NoteStore`, which keeps its notes about its own ids, so the notes
    are there when that timeline is opened alone. What the controller gives out
    (:meth:`notes`, :meth:`get`, counts, :meth:`event_of`, :meth:`title_of`) is
    about the ids shown (``acled:ARG1``); a change goes to the store of the
    timeline of its target (the one that holds the note, for an edit), in its
    own ids (``ARG1``).

    Read-only is per timeline: a change is refused only for a target in a
    timeline whose notes are read-only here (:meth:`read_only_for`, with the
    status saying why); :attr:`read_only` is True when no change can be made
    anywhere (no timeline, or every timeline's notes read-only).
    """

    changed = Signal()
    #: A change done, undone or redone, in words for the status bar.
    confirmed = Signal(str)
    #: What the reader should know about saving; "" when everything is on disk.
    statusChanged = Signal(str)
    #: Something the reader must be told once (a database moved aside meanwhile).
    notice = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        retry_ms: int = RETRY_MS,
        watch_ms: int = WATCH_MS,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.undo_stack = QUndoStack(self)
        #: The timeline shown (several stacked as one, or one alone).
        self.timeline: Timeline | None = None
        #: The notes of each timeline shown, by its id, in the order shown.
        self._layers: dict[str, _LayerNotes] = {}
        #: What the status says about a timeline whose notes are read-only, by its id.
        self._read_only_said: dict[str, str] = {}
        #: Stores of timelines left while their changes could not be written
        #: (each with its timeline in its own ids).
        self.waiting: list[tuple[NoteStore, Timeline]] = []
        self.status = ""
        #: The files the last :meth:`export_to` wrote.
        self.exported: list[Path] = []
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.save_now)
        self._watch = QTimer(self)
        self._watch.setInterval(watch_ms)
        self._watch.timeout.connect(self._look_for_changes)

    @property
    def store(self) -> NoteStore | None:
        """The store of the timeline opened (the first one shown)."""
        first = next(iter(self._layers.values()), None)
        return first.store if first is not None else None

    @property
    def stores(self) -> dict[str, NoteStore]:
        """The store of each timeline shown, by its id, in the order shown."""
        return {layer_id: shown.store for layer_id, shown in self._layers.items()}

    # -- opening ------------------------------------------------------------

    def open_for(self, timeline: Timeline) -> list[str]:
        """Switch to the notes of ``timeline``; return what the reader must be told.

        The same timeline again (reloaded, or with a timeline added over it or
        taken away) keeps the stores of the timelines still shown, opens those
        of the ones added and leaves those of the ones taken away as
        :meth:`close` does (changes that cannot be written yet wait). Undo
        keeps its history unless a timeline was taken away. Another timeline
        leaves all of them first.
        """
        same = self.store is not None and self.store.timeline_id == timeline.id
        if not same:
            self.close()
        shown_ids = {layer.id for layer in timeline.layers}
        gone = [layer_id for layer_id in self._layers if layer_id not in shown_ids]
        for layer_id in gone:
            self._leave(layer_id)
        self.timeline = timeline
        reports: list[tuple[str, NoteStore, OpenReport]] = []
        layers: dict[str, _LayerNotes] = {}
        for layer in timeline.layers:
            kept = self._layers.get(layer.id)
            if kept is not None:
                store = kept.store
            else:
                store, report = self._open_store(layer.id)
                reports.append((layer.id, store, report))
            layers[layer.id] = _LayerNotes(layer, store, own_timeline(timeline, layer))
        self._layers = layers
        for shown in layers.values():
            shown.store.remember_titles(shown.own)
        if not same or gone:
            self.undo_stack.clear()
        self._after_write()
        said = []
        for layer_id, store, report in reports:
            if report.read_only or not store.readable:
                text = " ".join(report.messages) or self.tr("Notes: {0}").format(store.problem)
                said.append(text)
                if store.read_only:
                    self._read_only_said[layer_id] = text
        if said:
            self._set_status(" ".join(said))
        else:
            problem = next((s.problem for _i, s, _r in reports if s.problem is not None), None)
            if problem is not None and not self.status:
                self._set_status(self.tr("Notes cannot be saved right now: {0}.").format(problem))
        self._watch.start()
        self.changed.emit()
        return [message for _i, _s, report in reports for message in report.messages]

    def _open_store(self, timeline_id: str) -> tuple[NoteStore, OpenReport]:
        waiting = next((s for s, _t in self.waiting if s.timeline_id == timeline_id), None)
        if waiting is not None:
            # Back to a timeline whose changes still wait: the same store, so
            # they stay shown and a newer edit is never overwritten by them.
            self.waiting = [(s, t) for s, t in self.waiting if s is not waiting]
            waiting.changed_elsewhere()
            return waiting, OpenReport()
        store = NoteStore(self.data_dir, timeline_id)
        return store, store.open()

    def close(self) -> None:
        """Leave the notes of the timelines shown: try once more to write what waits.

        A store whose changes still cannot be written is not dropped: it stays
        among the :attr:`waiting` ones, retried with the rest, until it is
        written or the reader decides at quit (:meth:`MainWindow.closeEvent`).
        """
        if not self._layers:
            return
        self._watch.stop()
        for layer_id in list(self._layers):
            self._leave(layer_id)

    def _leave(self, layer_id: str) -> None:
        """Let go of one timeline's store, unless changes to it still wait (see :meth:`close`)."""
        shown = self._layers.pop(layer_id)
        self._read_only_said.pop(layer_id, None)
        store = shown.store
        store.flush()
        if store.unsaved and not store.read_only:
            self.waiting.append((store, shown.own))
        else:
            store.close()

    def shutdown(self) -> None:
        """Quit: the reader has decided about what still waits; let go of everything."""
        self.close()
        self._retry.stop()
        for store, _timeline in self.waiting:
            store.close()
        self.waiting.clear()

    @property
    def read_only(self) -> bool:
        """True when no note can be changed: no timeline, or all their notes read-only."""
        return not self._layers or all(s.store.read_only for s in self._layers.values())

    def read_only_for(self, item_id: str) -> bool:
        """Whether notes on the event or quote ``item_id`` (shown id) cannot be changed."""
        shown = self._layer_of(item_id)
        return shown is None or shown.store.read_only

    def _all_stores(self) -> list[NoteStore]:
        return [s.store for s in self._layers.values()] + [s for s, _t in self.waiting]

    @property
    def unsaved(self) -> int:
        """How many changes wait in memory because a database cannot take them
        (the timelines' shown and those of timelines left meanwhile)."""
        return sum(store.unsaved for store in self._all_stores())

    @property
    def problem(self) -> str | None:
        """Why changes wait, if they do."""
        return next((s.problem for s in self._all_stores() if s.unsaved and s.problem), None)

    # -- reading ---------------------------------------------------------------

    def notes(self) -> list[Note]:
        """All notes, newest first."""
        return newest_first(
            shown_note(shown.layer, note)
            for shown in self._layers.values()
            for note in shown.store.notes()
        )

    def get(self, note_id: str) -> Note | None:
        found = self._find(note_id)
        return shown_note(found[0].layer, found[1]) if found is not None else None

    def _find(self, note_id: str) -> tuple[_LayerNotes, Note] | None:
        """The timeline that holds the note ``note_id``, and the note in its own ids."""
        for shown in self._layers.values():
            note = shown.store.get(note_id)
            if note is not None:
                return shown, note
        return None

    def _layer_of(self, item_id: str) -> _LayerNotes | None:
        if self.timeline is None:
            return None
        return self._layers.get(self.timeline.layer_of_id(item_id).id)

    def event_of(self, note: Note) -> str | None:
        return event_of(self.timeline, note.target) if self.timeline else None

    def title_of(self, note: Note) -> tuple[str, bool]:
        """The target's title, and whether the note is detached."""
        current = target_title(self.timeline, note.target) if self.timeline else None
        return (current, False) if current is not None else (note.target_title, True)

    def notes_for_event(self, event_id: str) -> list[Note]:
        """Notes on the event and on its quotes, newest first (the one order)."""
        return [n for n in self.notes() if self.event_of(n) == event_id]

    def notes_for(self, target: NoteTarget) -> list[Note]:
        return [n for n in self.notes() if n.target == target]

    def counts_by_quote(self) -> dict[str, int]:
        """How many notes each quote has (notes on the quote itself)."""
        counts: dict[str, int] = {}
        for note in self.notes():
            if note.target.kind is TargetKind.QUOTE:
                counts[note.target.id] = counts.get(note.target.id, 0) + 1
        return counts

    def counts_by_event(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for note in self.notes():
            event_id = self.event_of(note)
            if event_id is not None:
                counts[event_id] = counts.get(event_id, 0) + 1
        return counts

    # -- changing (through the undo stack) ---------------------------------------

    def add(self, target: NoteTarget, text: str, tags: tuple[str, ...] = ()) -> Note | None:
        shown = self._layer_of(target.id)
        if shown is None or shown.store.read_only or not text.strip() or self.timeline is None:
            return None
        note = Note.new(target, text, tags, target_title(self.timeline, target) or "")
        self.undo_stack.push(_PutNote(self, shown.layer.id, own_note(shown.layer, note), None))
        title = _shown_title(note.target_title or target.id)
        self.confirmed.emit(self.tr("Note added to “{0}”.").format(title))
        return note

    def edit(self, note_id: str, text: str, tags: tuple[str, ...]) -> Note | None:
        found = self._find(note_id)
        if found is None or found[0].store.read_only or not text.strip():
            return None
        shown, old = found
        if old.text == text and old.tags == tags:
            return shown_note(shown.layer, old)
        new = old.edited(text, tags)
        self.undo_stack.push(_PutNote(self, shown.layer.id, new, old))
        title = _shown_title(self.title_of(shown_note(shown.layer, new))[0])
        self.confirmed.emit(self.tr("Note on “{0}” changed.").format(title))
        return shown_note(shown.layer, new)

    def delete(self, note_id: str) -> bool:
        found = self._find(note_id)
        if found is None or found[0].store.read_only:
            return False
        shown, note = found
        self.undo_stack.push(_RemoveNote(self, shown.layer.id, note))
        title = _shown_title(self.title_of(shown_note(shown.layer, note))[0])
        self.confirmed.emit(self.tr("Note on “{0}” deleted (Undo brings it back).").format(title))
        return True

    def undo(self) -> None:
        """Undo the last change to the notes, and say which."""
        text = self.undo_stack.undoText()
        if self.undo_stack.canUndo():
            self.undo_stack.undo()
            self.confirmed.emit(self.tr("Undone: {0}.").format(text))

    def redo(self) -> None:
        """Redo the change last undone, and say which."""
        text = self.undo_stack.redoText()
        if self.undo_stack.canRedo():
            self.undo_stack.redo()
            self.confirmed.emit(self.tr("Redone: {0}.").format(text))

    def _apply_put(self, layer_id: str, note: Note) -> None:
        """Put ``note`` (in its timeline's own ids) into the store of ``layer_id``."""
        shown = self._layers.get(layer_id)
        if shown is not None and not shown.store.read_only:
            shown.store.put(note)
            self._after_write()
            self.changed.emit()

    def _apply_remove(self, layer_id: str, note_id: str) -> None:
        shown = self._layers.get(layer_id)
        if shown is not None and not shown.store.read_only:
            shown.store.remove(note_id)
            self._after_write()
            self.changed.emit()

    # -- saving --------------------------------------------------------------------

    @property
    def retry_ms(self) -> int:
        """How long a change that could not be written waits before it is tried again."""
        return self._retry.interval()

    @retry_ms.setter
    def retry_ms(self, ms: int) -> None:
        self._retry.setInterval(ms)

    def save_now(self) -> bool:
        """Write what waits; on failure keep it in memory, say why, and retry later."""
        notices: list[str] = []
        for shown in self._layers.values():
            store = shown.store
            if not store.read_only:
                store.flush()
                notices += store.notices
                store.notices.clear()
        if notices:
            self.notice.emit("\n\n".join(notices))
            self.changed.emit()
        still = []
        for store, timeline in self.waiting:
            if store.flush():
                store.close()
            else:
                still.append((store, timeline))
        self.waiting = still
        return self._after_write()

    def _after_write(self) -> bool:
        count = self.unsaved
        if count:
            seconds = self._retry.interval() // 1000
            if count == 1:
                said = self.tr(
                    "Notes not saved: {0}. 1 change kept in memory; retrying every {1} s."
                )
                self._set_status(said.format(self.problem, seconds))
            else:
                said = self.tr(
                    "Notes not saved: {0}. {1} changes kept in memory; retrying every {2} s."
                )
                self._set_status(said.format(self.problem, words.number(count), seconds))
            self._retry.start()
            return False
        self._retry.stop()
        read_only = [layer_id for layer_id, s in self._layers.items() if s.store.read_only]
        if not read_only:
            self._set_status("")
        else:
            # What was said when they were opened read-only stays said.
            standing = [self._read_only_said[i] for i in read_only if i in self._read_only_said]
            if standing:
                self._set_status(" ".join(standing))
        return True

    def export_to(self, path: Path) -> int:
        """Write the notes to ``path``: W3C Web Annotations for a ``.json``/``.jsonld``
        name, Markdown otherwise. The opened timeline's go to ``path``; each added
        timeline's that has notes to a file beside it, ``<stem>.<timeline id><suffix>``,
        about its own ids (as ``timeline-viewer notes import`` reads them with that
        timeline). Returns how many notes in all (:attr:`exported` names the files);
        raises OSError."""
        self.exported = []
        if self.timeline is None:
            return 0
        total = 0
        for place, shown in enumerate(self._layers.values()):
            notes = newest_first(shown.store.notes())
            if place and not notes:
                continue
            target = path if place == 0 else beside(path, shown.layer.id)
            write_notes(target, shown.own, notes)
            self.exported.append(target)
            total += len(notes)
        return total

    def rescue_to(self, path: Path) -> list[Path]:
        """Write every note of each timeline with changes waiting (all its notes, the
        waiting ones included) as W3C Web Annotations: the opened timeline's to
        ``path``, another's beside it as ``<stem>.<timeline id><suffix>``, each about
        its own ids. Returns the files written. Raises OSError."""
        written = []
        stores = [(s.store, s.own) for s in self._layers.values()] + list(self.waiting)
        first = self.store
        for store, timeline in stores:
            if store is not first and not store.unsaved:
                continue
            target = path if store is first else beside(path, timeline.id)
            write_notes(target, timeline, newest_first(store.notes()), w3c=True)
            written.append(target)
        return written

    def _look_for_changes(self) -> None:
        changed = [s.store.changed_elsewhere() for s in self._layers.values()]
        if any(changed):
            self.changed.emit()

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.statusChanged.emit(status)


class NoteDialog(QDialog):
    """Write or edit a note: its text and its tags."""

    def __init__(self, target_label: str, note: Note | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Edit Note") if note else self.tr("Add Note"))
        self.too_long_box: QMessageBox | None = None
        about = QLabel(target_label, self)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("noteText")
        self.text_edit.setAccessibleName(self.tr("Note"))
        self.text_edit.setTabChangesFocus(True)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("noteTags")
        self.tags_edit.setPlaceholderText(self.tr("e.g. Istanbul, Sanktionen"))
        if note is not None:
            self.text_edit.setPlainText(note.text)
            self.tags_edit.setText(", ".join(note.tags))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Note:"), self.text_edit)
        form.addRow(self.tr("&Tags:"), self.tags_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, 280)

    def values(self) -> tuple[str, tuple[str, ...]]:
        return self.text_edit.toPlainText().strip(), parse_tags(self.tags_edit.text())

    def accept(self) -> None:
        """Close only with a note the app can keep: a longer one stays here to be cut."""
        length = len(self.values()[0])
        if length > MAX_NOTE_LENGTH:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Note too long"),
                self.tr(
                    "A note holds at most {0} characters; this one has {1}. "
                    "Shorten it (or keep the rest in a file) and try again."
                ).format(words.number(MAX_NOTE_LENGTH), words.number(length)),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("noteTooLongBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.too_long_box = box
            box.open()
            return
        super().accept()


class NoteActions(QObject):
    """The user-facing actions on notes: dialogs for add and edit, delete."""

    def __init__(self, controller: NotesController, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.controller = controller
        self._parent = parent_widget
        #: The dialog being shown, if any (tests drive it).
        self.dialog: NoteDialog | None = None

    def add(self, target: NoteTarget) -> None:
        if self.controller.read_only_for(target.id) or self.controller.timeline is None:
            self._explain_read_only()
            return
        label = target_title(self.controller.timeline, target) or target.id
        self._show(
            NoteDialog(self.tr("Note on {0}").format(label), None, self._parent),
            lambda text, tags: self.controller.add(target, text, tags),
        )

    def add_to_event(self, event_id: str | None) -> None:
        if event_id:
            self.add(NoteTarget(kind=TargetKind.EVENT, id=event_id))

    def edit(self, note_id: str) -> None:
        note = self.controller.get(note_id)
        if note is None:
            return
        if self.controller.read_only_for(note.target.id):
            self._explain_read_only()
            return
        title, detached = self.controller.title_of(note)
        if detached:
            label = self.tr("Note on {0} (detached: no longer in the timeline)").format(title)
        else:
            label = self.tr("Note on {0}").format(title)
        self._show(
            NoteDialog(label, note, self._parent),
            lambda text, tags: self.controller.edit(note_id, text, tags),
        )

    def delete(self, note_id: str) -> None:
        note = self.controller.get(note_id)
        if note is None:
            return
        if self.controller.read_only_for(note.target.id):
            self._explain_read_only()
            return
        self.controller.delete(note_id)  # undoable, so no "are you sure?"

    def _show(self, dialog: NoteDialog, apply: Any) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog

        def accepted() -> None:
            text, tags = dialog.values()
            if not is_blank(text):
                apply(text, tags)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _forget(self, dialog: NoteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _explain_read_only(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Notes are read-only"),
            self.controller.status or self.tr("No timeline is open."),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def menu_for_event(self, event_id: str, parent: QWidget) -> QMenu:
        """The context menu of an event: add a note, edit or delete its notes."""
        menu = QMenu(parent)
        add = menu.addAction(self.tr("Add Note…"), lambda: self.add_to_event(event_id))
        add.setEnabled(not self.controller.read_only_for(event_id))
        for note in self.controller.notes_for(NoteTarget(kind=TargetKind.EVENT, id=event_id)):
            first = _first_line(note.text, 40)
            edit, delete = self.tr("Edit Note “{0}”…"), self.tr("Delete Note “{0}”")
            menu.addAction(edit.format(first), partial(self.edit, note.id))
            menu.addAction(delete.format(first), partial(self.delete, note.id))
        return menu


def _shown_title(title: str) -> str:
    """A title in the status bar's words: on one line, cut, isolated (the words
    around it put it in quotation marks, as the reader's language does)."""
    return isolate(_first_line(one_line(title), 60))


def _first_line(text: str, limit: int) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class NotesListModel(QAbstractListModel):
    """All notes of the open timeline, newest first (a view of the controller's notes)."""

    def __init__(self, controller: NotesController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._notes: list[Note] = []
        controller.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._notes = self._controller.notes()
        self.endResetModel()

    def note_at(self, row: int) -> Note | None:
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def rowCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._notes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None:
            return None
        title, detached = self._controller.title_of(note)
        if role == Qt.ItemDataRole.DisplayRole:
            # Text from data is isolated: an override in it cannot reorder the rest.
            shown = isolate(title or note.target.id)
            head = self.tr("(detached) {0}").format(shown) if detached else shown
            tags = " ".join(f"#{isolate(tag)}" for tag in note.tags)
            stamp = note.modified.astimezone().strftime("%Y-%m-%d %H:%M")
            return f"{head}\n{isolate(note.text)}\n{tags + ' · ' if tags else ''}{stamp}"
        if role == Qt.ItemDataRole.ToolTipRole:
            what = (
                self.tr("Detached note: its event or quote is no longer in the timeline")
                if detached
                else self.tr("Note")
            )
            return f"{what}\n{isolate(title)}"
        if role == Qt.ItemDataRole.FontRole and detached:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ItemRole.NOTE_ID:
            return note.id
        if role == ItemRole.EVENT_ID:
            return self._controller.event_of(note) or ""
        if role == ItemRole.SEARCH_TEXT:
            return "\n".join([note.text, title, *note.tags])
        return None


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
        self.edit_button = QPushButton(self.tr("&Edit Note…"), self)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("&Delete Note"), self)
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 2, 2)
        layout.addWidget(self.status_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        controller.statusChanged.connect(self._show_status)
        controller.changed.connect(self._update_buttons)
        selection.changed.connect(lambda _id: self._update_buttons())
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

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        note_id = str(index.data(ItemRole.NOTE_ID))
        menu = QMenu(self)
        menu.addAction(self.tr("Edit Note…"), lambda: self._actions.edit(note_id))
        menu.addAction(self.tr("Delete Note"), lambda: self._actions.delete(note_id))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
