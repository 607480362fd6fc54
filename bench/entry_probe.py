"""Start the app through its public entry point and time what the user waits for.

    BENCH_STARTED=<time.time() before the spawn> python bench/entry_probe.py MODE [N] -- ARGS

Run by ``bench/run.py`` (through ``bench/entry.py``), a fresh process each
time. The app gets no hook: before ``viewer.cli.main(ARGS)`` is called (what
the ``timeline-viewer`` console script calls), the constructors of
``QAbstractScrollArea`` and ``QTableView`` (and ``setViewport``) are wrapped so
that an event filter is put on the viewport of every scroll area the app makes,
and ``QApplication``'s so that a watchdog runs. The filter watches paints;
when MODE's condition is met it delivers the paint that met it itself (so the
time is taken once that paint is done), prints the seconds since
``BENCH_STARTED`` as JSON and leaves at once (``os._exit``): nothing after the
frame is counted.

MODE:

* ``first-frame``: the first paint of the timeline view's viewport that has
  events to draw (a paint of the empty view is not counted);
* ``open N``: the table's model has N rows and the timeline view N events,
  then both viewports (table and timeline) have painted once after that;
* ``bare``: no app: a bare ``QMainWindow`` with an empty central widget,
  1280x800, shown, and the central widget's first paint; the baseline of
  ``first-frame``.

The widgets are told by what they are when they paint, not by where the window
keeps them: the timeline view is the scroll area named ``timelineView`` (else
one whose class, or a base, is named ``TimelineView``), the table the
``QTableView`` named ``eventsTable`` (else the only one inside the dock
``eventsDock``). If one cannot be found, or shows no count of events, the
probe says so and exits 3; if the condition does not come within
``BENCH_TIMEOUT`` seconds (600), it says what it saw and exits 3.

This module imports only what the app's window imports anyway (PySide6's
QtCore and QtWidgets, and ``os``, ``sys`` and ``time``), and only the
viewports' events pass through its filter (an application-wide filter in
Python saw some 3,000 events before the first frame, about 6 µs each):
``BENCH_PROBE_COST=1`` adds the events it saw and the seconds it spent on
them (painting excluded) to its output.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

STARTED = float(os.environ.get("BENCH_STARTED", "0") or time.time())
#: Where the widgets are missing or the condition never comes: a clear exit.
FAILED = 3
#: The filter's own cost, with BENCH_PROBE_COST=1: the events it saw, the
#: seconds it took with them and the seconds of the paints it delivered.
PROBE_COST: dict[str, float] = {}


def _say(text: str) -> None:
    print(f"entry_probe: {text}", file=sys.stderr, flush=True)


def _finish(**figures: Any) -> None:
    figures = {"seconds": time.time() - STARTED, **figures, **PROBE_COST}
    # JSON without importing json: the app may not import it before its frame.
    print("{" + ", ".join(f'"{key}": {value!r}' for key, value in figures.items()) + "}")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _fail(text: str) -> None:
    _say(text)
    os._exit(FAILED)


def _class_names(widget: QObject) -> set[str]:
    return {cls.__name__ for cls in type(widget).__mro__}


def _areas() -> list[QtWidgets.QAbstractScrollArea]:
    return [
        w
        for w in QtWidgets.QApplication.allWidgets()
        if isinstance(w, QtWidgets.QAbstractScrollArea)
    ]


def is_timeline_view(area: QObject) -> bool:
    return area.objectName() == "timelineView" or "TimelineView" in _class_names(area)


def is_events_table(area: QObject) -> bool:
    if not isinstance(area, QtWidgets.QTableView):
        return False
    if area.objectName() == "eventsTable":
        return True
    if any(t.objectName() == "eventsTable" for t in _areas()):
        return False
    docks = [w for w in QtWidgets.QApplication.allWidgets() if w.objectName() == "eventsDock"]
    inside = [t for t in _areas() if isinstance(t, QtWidgets.QTableView)]
    inside = [t for t in inside if any(d.isAncestorOf(t) for d in docks)]
    return inside == [area]


def find_timeline_view() -> Any | None:
    named = [a for a in _areas() if a.objectName() == "timelineView"]
    found = named or [a for a in _areas() if is_timeline_view(a)]
    return found[0] if found else None


def find_events_table() -> QtWidgets.QTableView | None:
    found = [a for a in _areas() if is_events_table(a)]
    return found[0] if found and isinstance(found[0], QtWidgets.QTableView) else None


def shown_events(view: Any) -> int | None:
    """How many events ``view`` has to draw (its renderer's index), None if it
    has no such count."""
    renderer: Any = getattr(view, "renderer", None)
    for get in (
        lambda: len(renderer.index),
        lambda: len(renderer.timeline.events),
        lambda: len(view.timeline.events),
    ):
        try:
            count = get()
        except (AttributeError, TypeError):
            continue
        if isinstance(count, int):
            return count
    return None


def _no_count(view: Any) -> None:
    _fail(
        f"the timeline view {type(view).__name__} has no count of events (looked for "
        "renderer.index, renderer.timeline.events and timeline.events): teach "
        "shown_events() in bench/entry_probe.py where the view now keeps them"
    )


def table_rows(table: QtWidgets.QTableView) -> int:
    model = table.model()
    return 0 if model is None else model.rowCount()


class Probe(QObject):
    """The viewports' event filter: watches paints until MODE's condition."""

    def __init__(self, mode: str, events: int) -> None:
        super().__init__()
        self.mode = mode
        self.events = events
        self.delivering = False
        #: The scroll area of each viewport watched (the viewport kept: its id stays its).
        self.areas: dict[int, tuple[QtWidgets.QAbstractScrollArea, QtWidgets.QWidget]] = {}
        #: What each watched area is, once it has painted: "timeline", "table" or "".
        self.roles: dict[int, str] = {}
        self.view: Any | None = None
        self.table: QtWidgets.QTableView | None = None
        self.loaded_at: float | None = None
        self.painted: dict[str, float] = {}

    def watch(self, area: QtWidgets.QAbstractScrollArea) -> None:
        viewport = area.viewport()
        if viewport is not None and id(viewport) not in self.areas:
            self.areas[id(viewport)] = (area, viewport)
            viewport.installEventFilter(self)

    def give_up(self) -> None:
        view, table = self.view or find_timeline_view(), self.table or find_events_table()
        _fail(
            f"timed out in mode {self.mode}: timeline view "
            + ("not found" if view is None else f"with {shown_events(view)} events")
            + ", events table "
            + ("not found" if table is None else f"with {table_rows(table)} rows")
            + f", painted after the load: {sorted(self.painted) or 'nothing'}"
        )

    def _deliver(self, watched: QObject, event: QEvent) -> float:
        """Deliver the paint ``event`` now (the widget paints in it) and give the
        time it is done; the caller swallows the original."""
        self.delivering = True
        start = time.perf_counter()
        try:
            QCoreApplication.sendEvent(watched, event)
        finally:
            self.delivering = False
        if PROBE_COST:
            PROBE_COST["paint_seconds"] += time.perf_counter() - start
        return time.time() - STARTED

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.delivering or event.type() != QEvent.Type.Paint:
            return False
        return self.painting(watched, event)

    def _role(self, watched: QObject) -> str:
        key = id(watched)
        if key not in self.roles:
            area, _viewport = self.areas.get(key, (None, None))
            if area is None or area.viewport() is not watched:
                return ""
            self.roles[key] = (
                "timeline" if is_timeline_view(area) else "table" if is_events_table(area) else ""
            )
            if self.roles[key] == "timeline":
                self.view = area
            elif self.roles[key] == "table" and isinstance(area, QtWidgets.QTableView):
                self.table = area
        return self.roles[key]

    def painting(self, watched: QObject, event: QEvent) -> bool:
        if self.mode == "bare":
            self._deliver(watched, event)
            _finish()
        role = self._role(watched)
        if not role:
            return False
        if self.mode == "first-frame":
            if role == "timeline":
                count = shown_events(self.view)
                if count is None:
                    _no_count(self.view)
                if count:
                    self._deliver(watched, event)
                    _finish(events=count)
            return False
        return self._open_paint(role, watched, event)

    def _open_paint(self, role: str, watched: QObject, event: QEvent) -> bool:
        """A paint of the timeline's or the table's viewport, in ``open`` mode."""
        if self.loaded_at is None:
            view, table = self.view or find_timeline_view(), self.table or find_events_table()
            if view is None or table is None:
                return False
            count = shown_events(view)
            if count is None:
                _no_count(view)
            if table_rows(table) != self.events or count != self.events:
                return False
            self.loaded_at = time.time() - STARTED
        if role in self.painted:
            return False
        self.painted[role] = self._deliver(watched, event)
        if len(self.painted) == 2:
            _finish(loaded=self.loaded_at, **self.painted)
        return True


class CostedProbe(Probe):
    """The probe, with what it costs counted (``BENCH_PROBE_COST=1``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        start, painting = time.perf_counter(), PROBE_COST["paint_seconds"]
        PROBE_COST["probe_events"] += 1
        try:
            return super().eventFilter(watched, event)
        finally:
            spent = time.perf_counter() - start - (PROBE_COST["paint_seconds"] - painting)
            PROBE_COST["probe_seconds"] += spent


def _wrap_init(cls: type, probe: Probe) -> None:
    real = cls.__init__  # type: ignore[misc]

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)
        probe.watch(self)

    cls.__init__ = init  # type: ignore[misc]


def install(mode: str, events: int) -> Probe:
    """Wrap the constructors so that every scroll area's viewport is watched from
    the moment it is made, and start the watchdog with the application."""
    costed = bool(os.environ.get("BENCH_PROBE_COST"))
    if costed:
        PROBE_COST.update(probe_events=0, probe_seconds=0.0, paint_seconds=0.0)
    probe = (CostedProbe if costed else Probe)(mode, events)
    for cls in (
        QtWidgets.QAbstractScrollArea,  # the classes the app derives from it
        QtWidgets.QAbstractItemView,
        QtWidgets.QTableView,  # and those it makes as they are
        QtWidgets.QTableWidget,
    ):
        _wrap_init(cls, probe)
    real_set_viewport = QtWidgets.QAbstractScrollArea.setViewport

    def set_viewport(self: QtWidgets.QAbstractScrollArea, widget: QtWidgets.QWidget) -> None:
        real_set_viewport(self, widget)
        probe.watch(self)

    QtWidgets.QAbstractScrollArea.setViewport = set_viewport  # type: ignore[method-assign]
    application = QtWidgets.QApplication
    real_app_init = application.__init__

    def app_init(self: QtWidgets.QApplication, *args: Any, **kwargs: Any) -> None:
        real_app_init(self, *args, **kwargs)
        # Never wait for ever: say what was seen instead.
        seconds = float(os.environ.get("BENCH_TIMEOUT", "600"))
        QTimer.singleShot(int(seconds * 1000), probe.give_up)

    application.__init__ = app_init  # type: ignore[method-assign]
    return probe


def run_bare(probe: Probe) -> None:
    app = QtWidgets.QApplication([sys.argv[0]])
    window = QtWidgets.QMainWindow()
    central = QtWidgets.QWidget()
    window.setCentralWidget(central)
    central.installEventFilter(probe)
    window.resize(1280, 800)
    window.show()
    app.exec()
    _fail("the bare window was never painted")


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.path and os.path.abspath(sys.path[0] or ".") == here:
        sys.path.pop(0)  # the bench's folder: the app imports nothing from it
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args, app_args = argv[:split], argv[split + 1 :]
    mode = args[0] if args else ""
    if mode not in ("first-frame", "open", "bare"):
        _fail(f"unknown mode {mode!r}: first-frame, open N or bare")
    probe = install(mode, int(args[1]) if mode == "open" else 0)
    if mode == "bare":
        run_bare(probe)
        return
    sys.argv = ["timeline-viewer", *app_args]
    from viewer.cli import main as cli_main

    code = cli_main(app_args)
    view, table = probe.view or find_timeline_view(), probe.table or find_events_table()
    _fail(
        f"the app ended (exit {code}) before the frame: timeline view "
        + ("not found" if view is None else f"with {shown_events(view)} events")
        + (", events table " + ("not found" if table is None else f"with {table_rows(table)} rows"))
    )


if __name__ == "__main__":
    main()
