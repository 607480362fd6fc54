"""The reader's notes in the window: the controller and its undo commands.

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
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from viewer.domain import words
from viewer.domain.notes import Note, NoteTarget, TargetKind, event_of, newest_first, target_title
from viewer.domain.text import isolate, one_line
from viewer.domain.timeline import Layer, Timeline, TimelineById
from viewer.persistence.layered_notes import beside, own_note, own_timeline, shown_note, write_notes

if TYPE_CHECKING:  # the store and its database come with the first notes opened
    from viewer.persistence.notes_store import NoteStore, OpenReport

RETRY_MS = 5000
# How often the window looks whether another window or command changed the notes.
WATCH_MS = 1000


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
    own: TimelineById


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
    # A change done, undone or redone, in words for the status bar.
    confirmed = Signal(str)
    # What the reader should know about saving; "" when everything is on disk.
    statusChanged = Signal(str)
    # Something the reader must be told once (a database moved aside meanwhile).
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
        # The timeline shown (several stacked as one, or one alone).
        self.timeline: Timeline | None = None
        # The notes of each timeline shown, by its id, in the order shown.
        self._layers: dict[str, _LayerNotes] = {}
        # What the status says about a timeline whose notes are read-only, by its id.
        self._read_only_said: dict[str, str] = {}
        # Stores of timelines left while their changes could not be written
        # (each with its timeline in its own ids).
        self.waiting: list[tuple[NoteStore, TimelineById]] = []
        self.status = ""
        # The files the last :meth:`export_to` wrote.
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
        from viewer.persistence.notes_store import NoteStore, OpenReport

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

    def grade_of(self, target: NoteTarget) -> Note | None:
        """The reader's grade note on ``target`` (the newest, if several), if any."""
        graded = [note for note in self.notes_for(target) if note.grade]
        return graded[0] if graded else None

    def grade(self, target: NoteTarget, grade: str | None, text: str = "") -> Note | None:
        """Give ``target`` the reader's ``grade`` ("B2"; None: take it away), with
        ``text`` (why): their grade note on it changed, or a new one. Undoable."""
        shown = self._layer_of(target.id)
        if shown is None or shown.store.read_only or self.timeline is None:
            return None
        old = self.grade_of(target)
        title = _shown_title(target_title(self.timeline, target) or target.id)
        if old is None and grade is None:
            return None
        if old is None:
            note = Note.new(target, text, (), target_title(self.timeline, target) or "", grade)
            self.undo_stack.push(_PutNote(self, shown.layer.id, own_note(shown.layer, note), None))
        else:
            found = self._find(old.id)
            assert found is not None
            own = found[1]
            if grade is None and not text.strip():  # nothing left of it: gone
                self.undo_stack.push(_RemoveNote(self, shown.layer.id, own))
                self.confirmed.emit(self.tr("Your grade of “{0}” removed.").format(title))
                return None
            note = own.edited(text, own.tags, grade=grade)
            self.undo_stack.push(_PutNote(self, shown.layer.id, note, own))
        said = (
            self.tr("Your grade of “{0}”: {1}.")
            if grade
            else self.tr("Your grade of “{0}” removed.")
        )
        self.confirmed.emit(said.format(title, grade))
        return shown_note(shown.layer, note)

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


def _shown_title(title: str) -> str:
    """A title in the status bar's words: on one line, cut, isolated (the words
    around it put it in quotation marks, as the reader's language does)."""
    return isolate(first_line(one_line(title), 60))


def first_line(text: str, limit: int) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
