"""Loading a model file off the window's thread: the thread, and what a load that adds one needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from viewer.domain.progress import LoadCancelled, Progress
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, load_timeline
from viewer.timeline.index import event_index
from viewer.timeline.stacking import CannotAdd, LayerData, layer_beside, stack
from viewer.ui.document.watcher import Stamp

if TYPE_CHECKING:  # the importers come with the first import
    from viewer.importers.common import ImportReport

# Files larger than this load in a thread, with progress and Cancel: about
# half a second of loading (100,000 events, 37 MB, take 0.6 s).
BACKGROUND_BYTES = 16 * 1024 * 1024
# Progress is reported in steps of this much (a few dozen updates a load).
PROGRESS_STEP = 0.02
# A timeline added over one of more events than this is stacked with it in the
# background, whatever its own size (stacking 300,000 events takes 0.4 s).
BACKGROUND_EVENTS = 100_000


@dataclass(slots=True)
class Adding:
    """What a load that adds a timeline needs: the layers shown when it began, and
    the place of the one it replaces (a changed file), if any."""

    layers: list[LayerData]
    replaces: str | None = None
    # Shown over this timeline last time (not asked for now): a failure is
    # said in the status bar, and the file forgotten.
    remembered: bool = False
    # Set by the load: the new timeline's layer.
    layer: LayerData | None = None

    def place(self, timeline: Timeline) -> LayerData:
        """Make ``timeline`` the layer beside the layers shown (in place of the one
        replaced), and return it."""
        replaced = next((p for p in self.layers if p.id == self.replaces), None)
        self.layer = layer_beside(timeline, self.layers, replaced)
        return self.layer


def _with_layer(
    layers: Sequence[LayerData], layer: LayerData, replaces: str | None
) -> list[LayerData]:
    """``layers`` with ``layer`` in place of the one ``replaces`` names, else after them."""
    if replaces is None:
        return [*layers, layer]
    return [layer if p.id == replaces else p for p in layers]


class Load(QThread):
    """Loads one model file off the window's thread; says how far, and stops when asked."""

    progressed = Signal(float)
    loaded = Signal(object)
    refused = Signal(list, bool)

    def __init__(
        self,
        path: Path,
        stamp: Stamp | None,
        parent: QObject | None = None,
        convert: Callable[[Progress], ImportReport] | None = None,
        final: Path | None = None,
        adding: Adding | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        # Set when the timeline loaded is shown over the open one.
        self.adding = adding
        # Writes ``path`` first (an import), told how far it is; None: a plain load.
        self.convert = convert
        # Where an import's ``path`` goes once it has loaded (the window's thread
        # moves it): an import that fails or is cancelled leaves an earlier one.
        self.final = final
        # What the import left out (set before ``loaded``).
        self.report: ImportReport | None = None
        # The file its progress names (an import's source; set when it starts).
        self.shown = path
        # The file's size and time when the load began: a change while it
        # loads is then seen as a change, and loaded again.
        self.stamp = stamp
        self._told = 0.0

    def _progress(self, done: float) -> None:
        if self.isInterruptionRequested():
            raise LoadCancelled
        if done >= 1.0 or done - self._told >= PROGRESS_STEP:
            self._told = done
            self.progressed.emit(done)

    def run(self) -> None:
        if not self._run() and self.final is not None:
            self.path.unlink(missing_ok=True)  # a failed or cancelled import's file

    def _run(self) -> bool:
        """Convert (for an import) and load; True if ``loaded`` was sent."""
        try:
            progress: Progress = self._progress
            if self.convert is not None:  # most of the time goes to converting
                from viewer.importers.common import ImportFailed  # only a conversion fails so

                try:
                    self.report = self.convert(lambda done: self._progress(0.8 * done))
                except ImportFailed as err:
                    self.refused.emit([str(problem) for problem in err.problems], False)
                    return False
                progress = lambda done: self._progress(0.8 + 0.2 * done)  # noqa: E731
            timeline = load_timeline(self.path, progress=progress)
            adding = self.adding
            if adding is not None:  # renamed and stacked here, not on the window's thread
                layer = adding.place(timeline)
                timeline = stack(_with_layer(adding.layers, layer, adding.replaces))
            event_index(timeline)  # sorted here, not on the window's thread
        except LoadCancelled:
            return False
        except CannotAdd as err:
            self.refused.emit([str(err)], False)
            return False
        except ModelFileError as err:
            self.refused.emit([str(problem) for problem in err.problems], err.unreadable)
            return False
        except Exception as err:  # said to the reader: a load never stays stuck
            #: A file that failed to load: {0} is the error's Python name, {1} what it said.
            said = self.tr("could not be opened: {0}: {1}").format(type(err).__name__, err)
            self.refused.emit([said], False)
            return False
        if self.isInterruptionRequested():
            return False
        self.loaded.emit(timeline)
        return True
