"""The open timeline and the timelines shown over it: what is open, and the wiring of
loading (:mod:`.loader`), watching (:mod:`.watcher`) and remembering (:mod:`.recent`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from viewer.domain.progress import Progress
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, json_size, load_timeline
from viewer.timeline.stacking import CannotAdd, LayerData, restacked, stack
from viewer.ui.document.loader import BACKGROUND_BYTES, BACKGROUND_EVENTS, Adding, Load
from viewer.ui.document.recent import Remembered
from viewer.ui.document.watcher import Stamp, Watcher, file_stamp, same_file

if TYPE_CHECKING:  # the importers come with the first import
    from viewer.importers.common import ImportReport


@dataclass(slots=True)
class LayerFile:
    """A timeline shown over the open one (File > Add Timeline…): its file and its layer."""

    path: Path
    layer: LayerData


def _names(layers: list[LayerData]) -> list[tuple[str, str, str, str]]:
    """What tells the layers shown apart: a change to one is a change to what is shown."""
    return [(layer.id, layer.title, layer.language, layer.prefix) for layer in layers]


class Document(QObject):
    """Holds the open timeline; a file that fails to load leaves it untouched.

    ``opened`` carries the new timeline and its path; ``failed`` carries the
    path and the validator's lines, one per problem. When the open file
    changes on disk it is loaded again (``reloadedFromDisk`` says so); if the
    new version is broken, ``failed`` reports it and the old one stays.
    """

    opened = Signal(object, object)
    failed = Signal(object, list)
    recentChanged = Signal()
    reloadedFromDisk = Signal(object)
    # A large file began loading in the background (its path); how far it is
    # (0 to 1); and that it ended, opened, failed or cancelled.
    loadStarted = Signal(object)
    loadProgress = Signal(float)
    loadEnded = Signal()
    # An import was converted (its report, the file imported); ``opened`` follows
    # when it loads.
    imported = Signal(object, object)
    # Nothing could be imported from a file (it, the reasons).
    importFailed = Signal(object, list)
    # A timeline was added over the open one (its :class:`Layer` in the shown
    # timeline), after ``opened`` showed them together; True when it was shown
    # over it last time (added again on opening), False when asked for now.
    added = Signal(object, bool)
    # A file could not be added over the open one (its path, the reasons); what is shown stays.
    addFailed = Signal(object, list)
    # A file shown over this timeline last time could not be shown again (its
    # path, the reasons): it is forgotten.
    rememberedFailed = Signal(object, list)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._remembered = Remembered(settings)
        # What is shown: the file opened, with the timelines added over it.
        self.timeline: Timeline | None = None
        # The file opened (File > Open), without the ones added over it.
        self.path: Path | None = None
        self._base: Timeline | None = None
        self._base_layer: LayerData | None = None
        self._added: list[LayerFile] = []
        # Files to add once the load running ends (those added when last shown).
        self._queued: list[Path] = []
        self._watcher = Watcher(self._reload_if_changed, self._read_again, self)
        # Files larger than this many bytes load in the background.
        self.background_bytes = BACKGROUND_BYTES
        # Files added over a timeline of more events than this do too.
        self.background_events = BACKGROUND_EVENTS
        self._load: Load | None = None
        # Every load thread still running, cancelled ones too (waited for on shutdown).
        self._jobs: list[Load] = []
        self._reloading = False
        # Set by :meth:`shutdown`: no load starts after it.
        self._shut = False

    @property
    def base(self) -> Timeline | None:
        """The timeline of the file opened, without those added over it."""
        return self._base

    @property
    def loading(self) -> Path | None:
        """The file loading in the background, if one is."""
        return None if self._load is None else self._load.path

    @property
    def importing(self) -> Path | None:
        """The file being imported in the background, if one is."""
        job = self._load
        return job.shown if job is not None and job.final is not None else None

    def open(self, path: Path) -> bool:
        """Open ``path``; the open timeline stays if it cannot be.

        A large file loads in the background: this returns True once it has
        started, and ``opened`` or ``failed`` tells how it ended. A load still
        running is cancelled first.
        """
        self.cancel_load()
        stamp = file_stamp(path)
        # A gzip file counts as the JSON it holds: it takes as long to load.
        if stamp is not None and path.is_file() and json_size(path) > self.background_bytes:
            self._start_load(path, stamp)
            return True
        try:
            timeline = load_timeline(path)
        except ModelFileError as err:
            self.failed.emit(path, [str(problem) for problem in err.problems])
            return False
        self._opened(timeline, path, stamp)
        return True

    def _opened(self, timeline: Timeline, path: Path, stamp: Stamp | None) -> None:
        again = self.path is not None and same_file(path, self.path)
        if not again:
            self._added.clear()
            self._queued.clear()
        self._base, self._base_layer, self.path = timeline, None, path
        self._watcher.read(path, stamp)
        dropped = self._restack()  # reloaded: what is added over it, renamed if need be
        self._watch()
        self._remembered.opened(path, timeline.title)
        self.recentChanged.emit()
        self.opened.emit(self.timeline, path)
        for gone, why in dropped:
            self.addFailed.emit(gone, [why])
        if not again:
            self._queued = [p for p in self.remembered_layers(timeline.id) if p.is_file()]
            self._add_queued()

    # -- timelines shown over the open one ------------------------------------------

    @property
    def layers(self) -> list[LayerData]:
        """The layers shown, with their data (the file opened first)."""
        if self._base is None:
            return []
        if self._base_layer is None:
            self._base_layer = LayerData.of(self._base)
        return [self._base_layer, *(added.layer for added in self._added)]

    @property
    def added_files(self) -> list[Path]:
        """The files shown over the open one, in order."""
        return [added.path for added in self._added]

    def _restack(self) -> list[tuple[Path, str]]:
        """Show the file opened with those added over it, each renamed again where
        what is before it changed (a reload, one taken away). Returns the files
        that can no longer be shown with it, and why (they are taken away)."""
        if not self._added:
            self.timeline = self._base
            return []
        kept, dropped = restacked(self.layers)
        gone = {layer.id for layer, _why in dropped}
        said = [(a.path, why) for a in self._added for p, why in dropped if p is a.layer]
        self._added = [a for a in self._added if a.layer.id not in gone]
        for added, layer in zip(self._added, kept[1:], strict=True):
            added.layer = layer
        self.timeline = stack(kept)
        if dropped:
            self._remember_layers()
        return said

    def add(self, path: Path) -> bool:
        """Show the timeline of ``path`` over the open one (File > Add Timeline…).

        Like :meth:`open`: a large file loads in the background; ``opened``
        shows them together and ``added`` names the new one, or ``failed`` says
        why not, and what is shown stays.
        """
        if self._base is None or self.path is None:
            return False
        if self._is_shown(path):
            #: Adding a file that is shown already; {0} is its name.
            said = self.tr("{0} is shown already.").format(path.name)
            self.addFailed.emit(path, [said])
            return False
        self._queued = [q for q in self._queued if not same_file(q, path)]  # asked for now
        return self._add(path)

    def _add(self, path: Path, replaces: str | None = None, remembered: bool = False) -> bool:
        self.cancel_load()
        stamp = file_stamp(path)
        adding = Adding(self.layers, replaces, remembered)
        shown = len(self.timeline.events) if self.timeline is not None else 0
        large = stamp is not None and path.is_file() and json_size(path) > self.background_bytes
        if (large or shown > self.background_events) and path.is_file():
            self._run(Load(path, stamp, self, adding=adding), shown=path)
            return True
        try:
            timeline = load_timeline(path)
            adding.place(timeline)
        except ModelFileError as err:
            self._add_failed(path, adding, [str(problem) for problem in err.problems])
            return False
        except CannotAdd as err:
            self._add_failed(path, adding, [str(err)])
            return False
        self._show_added(path, stamp, adding, None)
        return True

    def _add_failed(self, path: Path, adding: Adding, lines: list[str]) -> None:
        if adding.remembered:
            self._remember_layers()  # forgotten: not tried (nor said) at every start
            self.rememberedFailed.emit(path, lines)
        else:
            self.addFailed.emit(path, lines)

    def _show_added(
        self,
        path: Path,
        stamp: Stamp | None,
        adding: Adding,
        shown: Timeline | None,
        reloaded: bool = True,
    ) -> None:
        """Show the layer a load made (``shown``: stacked already, if what is shown
        has not changed since the load began)."""
        layer = adding.layer
        assert layer is not None
        current = self.layers
        if adding.replaces is not None and all(p.id != adding.replaces for p in current):
            return  # taken away while it was read again
        entry = LayerFile(path, layer)
        self._watcher.read(path, stamp)
        if adding.replaces is None:
            self._added.append(entry)
        else:
            self._added = [entry if a.layer.id == adding.replaces else a for a in self._added]
        dropped: list[tuple[Path, str]] = []
        if shown is not None and _names(current) == _names(adding.layers):
            self.timeline = shown
        else:  # what is shown changed while it loaded: stacked again, here
            dropped = self._restack()
        self._watch()
        self._remember_layers()
        assert self.path is not None
        assert self.timeline is not None
        self.opened.emit(self.timeline, self.path)
        for gone, why in dropped:
            if gone == path:
                self._add_failed(path, adding, [why])
            else:
                self.addFailed.emit(gone, [why])
        if entry not in self._added:
            return
        if adding.replaces is None:
            self.added.emit(self.timeline.layers[-1], adding.remembered)
        elif reloaded:
            self.reloadedFromDisk.emit(path)

    def remove_layer(self, layer_id: str) -> bool:
        """Stop showing the added timeline ``layer_id``; True if it was shown."""
        kept = [added for added in self._added if added.layer.id != layer_id]
        if len(kept) == len(self._added) or self.path is None:
            return False
        self._added = kept
        dropped = self._restack()  # those after it may now share what it held
        self._watch()
        self._remember_layers()
        assert self.timeline is not None
        self.opened.emit(self.timeline, self.path)
        for gone, why in dropped:
            self.addFailed.emit(gone, [why])
        return True

    def _is_shown(self, path: Path) -> bool:
        """Whether ``path`` is the file opened or one added over it."""
        shown = [*([self.path] if self.path else []), *self.added_files]
        return any(same_file(path, other) for other in shown)

    def remembered_layers(self, timeline_id: str) -> list[Path]:
        """The files that were shown over the timeline ``timeline_id`` when it was last open."""
        return self._remembered.layers(timeline_id)

    def _remember_layers(self) -> None:
        """Remember the files shown over this timeline, and those still to be added."""
        if self._base is None:
            return
        job = self._load
        loading = [job.path] if job and job.adding and job.adding.replaces is None else []
        files = [*self.added_files, *loading, *self._queued]
        self._remembered.remember_layers(self._base.id, files)

    def _add_queued(self) -> None:
        """Add the next file that was shown over this timeline last time."""
        while self._queued and self._load is None:
            path = self._queued.pop(0)
            if not self._is_shown(path):
                self._add(path, remembered=True)

    def import_file(
        self,
        kind: str,
        source: Path,
        out: Path,
        timeline_id: str | None = None,
        *,
        add: bool = False,
    ) -> None:
        """Convert ``source`` (``"timelinejs"`` or ``"acled"``) into the model file
        ``out`` in the background, then open it (``add``: show it over the open
        one, in place of an earlier import of it); ``imported`` reports what was
        left out, ``failed`` (with ``source``) why nothing could be."""
        self.cancel_load()
        adding = None
        if add and self._base is not None and not (self.path and same_file(out, self.path)):
            earlier = next((a for a in self._added if same_file(a.path, out)), None)
            adding = Adding(self.layers, earlier.layer.id if earlier else None)

        def convert(progress: Progress) -> ImportReport:
            from viewer.importers.formats import run_import

            return run_import(kind, source, job.path, timeline_id=timeline_id, progress=progress)

        # Written beside its place and moved there once it loads: an import that
        # fails or is cancelled leaves the earlier one as it was.
        job = Load(out.with_name(f".{out.name}.new"), None, self, convert, final=out, adding=adding)
        self._run(job, shown=source)

    def _start_load(self, path: Path, stamp: Stamp) -> None:
        self._run(Load(path, stamp, self), shown=path)

    def _run(self, job: Load, shown: Path) -> None:
        """Start ``job``; ``shown`` is the file its progress names."""
        self._load = job
        self._jobs.append(job)
        job.shown = shown
        job.progressed.connect(lambda done: self._progressed(job, done))
        job.loaded.connect(lambda timeline: self._loaded(job, timeline))
        job.refused.connect(lambda lines, _unreadable: self._refused(job, lines, shown))
        job.finished.connect(lambda: self._finished(job))
        job.finished.connect(job.deleteLater)
        self.loadStarted.emit(shown)
        job.start()

    def _finished(self, job: Load) -> None:
        """A load thread ended; if it said nothing (it cannot have), the load is over."""
        self._jobs.remove(job)
        if job is self._load:
            self._load = None
            self._reloading = False
            self.loadEnded.emit()
        if self._shut:
            return
        if self._load is None:
            self._add_queued()
        if self._load is None:
            self._watcher.look_again()  # a file shown may have changed while this loaded

    def _progressed(self, job: Load, done: float) -> None:
        if job is self._load:
            self.loadProgress.emit(done)

    def _loaded(self, job: Load, timeline: Timeline) -> None:
        if job is not self._load:  # cancelled, or replaced by a newer load
            if job.final is not None:
                job.path.unlink(missing_ok=True)
            return
        self._load = None
        self.loadEnded.emit()
        path, stamp = job.path, job.stamp
        if job.final is not None:  # an import: into its place, then said and opened
            try:
                os.replace(job.path, job.final)
            except OSError as err:
                job.path.unlink(missing_ok=True)
                self.failed.emit(job.final, [f"{job.final}: {err.strerror or err}"])
                return
            path, stamp = job.final, file_stamp(job.final)
            self.imported.emit(job.report, job.shown)
        if job.adding is not None:
            self._show_added(path, stamp, job.adding, timeline, reloaded=job.final is None)
            return
        self._opened(timeline, path, stamp)
        if self._reloading:
            self._reloading = False
            self.reloadedFromDisk.emit(job.path)

    def _refused(self, job: Load, lines: list[str], shown: Path) -> None:
        if job is not self._load:
            return
        self._load = None
        self._reloading = False
        self.loadEnded.emit()
        if job.final is not None:
            self.importFailed.emit(shown, lines)
        elif job.adding is not None:
            self._add_failed(shown, job.adding, lines)
        else:
            self.failed.emit(shown, lines)
        self._watcher.look_again()  # the open file may have changed meanwhile

    def cancel_load(self, requeue: bool = True) -> bool:
        """Stop a background load; the open timeline stays as it is. True if one ran.

        A file being added again from last time is put back in line (``requeue``;
        not when the reader cancels it), so that another load does not forget it."""
        job = self._load
        if job is None:
            return False
        adding = job.adding
        if requeue and adding is not None and adding.remembered and adding.replaces is None:
            self._queued.insert(0, job.path)
        # A file being read again because it changed: its change is seen again
        # (and read) once the load that stopped it has ended.
        if adding is not None and adding.replaces is not None:
            for added in self._added:
                if added.layer.id == adding.replaces:
                    self._watcher.read(added.path, None)
        elif adding is None and job.final is None and self.path and same_file(job.path, self.path):
            self._watcher.read(self.path, None)
        self._load = None
        self._reloading = False
        job.requestInterruption()
        self.loadEnded.emit()
        self._watcher.look_again()  # the open file may have changed meanwhile
        return True

    def shutdown(self) -> None:
        """Stop a background load and wait for every load thread (before the app quits):
        nothing else is loaded after this."""
        self._shut = True
        self._queued.clear()
        self._watcher.stop()
        self.cancel_load(requeue=False)
        for job in list(self._jobs):
            job.requestInterruption()
            job.wait()

    def _watch(self) -> None:
        """Watch the files shown."""
        self._watcher.watch([self.path, *self.added_files] if self.path is not None else [])

    def _reload_if_changed(self) -> None:
        """Read again a file shown that changed on disk."""
        path = self.path
        if path is None or self._shut:
            return
        if self._load is not None and self._load.path != path:
            return  # another file is loading: it replaces this one, or this is seen after
        added = self.added_files if self._load is None else []
        self._watcher.read_changed([*added, path])

    def _read_again(self, path: Path) -> bool:
        """Read ``path``, a file shown, again; True if that began."""
        if path != self.path:
            layer_id = next((a.layer.id for a in self._added if a.path == path), None)
            return layer_id is not None and self._add(path, replaces=layer_id)
        if not self.open(path):
            self._watcher.keep_watching(path)
            return False
        if self._load is not None:
            self._reloading = True  # said when the background load ends
        else:
            self.reloadedFromDisk.emit(path)
        return True

    def reload(self) -> bool:
        return self.path is not None and self.open(self.path)

    def saved_view(self, timeline_id: str) -> tuple[float, float] | None:
        """The left edge and zoom the reader last had on this timeline."""
        return self._remembered.saved_view(timeline_id)

    def remember_view(self, t0: float, seconds_per_px: float, fitted: bool = False) -> None:
        """Remember where the reader is on the open timeline; a ``fitted`` view is
        remembered as none, so the timeline opens fitted to the window it opens in."""
        if self.timeline is None:
            return
        if fitted:
            self._remembered.forget_view(self.timeline.id)
        else:
            self._remembered.remember_view(self.timeline.id, t0, seconds_per_px)

    def recent_files(self) -> list[Path]:
        return self._remembered.recent_files()

    def recent_titles(self) -> dict[str, str]:
        """The title each recent file had when it was last opened, by path."""
        return self._remembered.recent_titles()

    def start_folder(self) -> Path:
        """Where File > Open starts: the folder of the last file opened (never one
        inside the installed app), else the home folder."""
        return self._remembered.start_folder()
