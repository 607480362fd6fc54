"""A large file opens in the background: progress, Cancel, and the open timeline stays usable."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from pytestqt.qtbot import QtBot

from bench.make_timeline import make_timeline
from tests.ui.test_timeline_view import click_event
from tests.ui.windows import make_window
from viewer.domain.progress import Progress
from viewer.domain.timeline import Timeline
from viewer.ui.document import loader
from viewer.ui.main_window import MainWindow

STRIKE = "drone-strike-2025-06-01"


@pytest.fixture
def large(tmp_path: Path) -> Path:
    path = tmp_path / "large.json"
    path.write_text(json.dumps(make_timeline(5_000, seed=2)), encoding="utf-8")
    return path


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Background loads wait at their first step until the test lets them go on."""
    go_on = threading.Event()
    real = loader.load_timeline

    def held(path: Path, *, progress: Progress | None = None, **kwargs: Any) -> Timeline:
        if progress is None:  # opened on the window's thread: not held
            return real(path, **kwargs)

        def waiting(done: float) -> None:
            go_on.wait(10)
            progress(done)

        return real(path, progress=waiting, **kwargs)

    monkeypatch.setattr(loader, "load_timeline", held)
    yield go_on
    go_on.set()


def window_with_background_loads(qtbot: QtBot) -> MainWindow:
    window = make_window(qtbot)
    window.document.background_bytes = 1024  # the test files count as large
    return window


def test_a_large_file_opens_with_progress(qtbot: QtBot, large: Path) -> None:
    window = window_with_background_loads(qtbot)
    told: list[float] = []
    window.document.loadProgress.connect(told.append)
    with qtbot.waitSignal(window.document.opened, timeout=30_000) as opened:
        assert window.open_file(large)
        assert window.load_progress.isVisible()
        assert "large.json" in window.load_progress.label.text()
    timeline, path = opened.args
    assert path == large
    assert len(timeline.events) == 5_000
    assert window.timeline_view.renderer.timeline is timeline
    assert not window.load_progress.isVisible()
    assert told == sorted(told)
    assert told[-1] == 1.0
    assert len(told) >= 5


def test_the_bar_shows_how_far_a_load_is_at_the_next_paint(qtbot: QtBot, large: Path) -> None:
    window = window_with_background_loads(qtbot)
    progress = window.load_progress
    progress.show()
    bar = progress.bar
    painted: list[int] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(bar.value())
            return False

    paints = Paints(bar)
    bar.installEventFilter(paints)
    qtbot.waitExposed(window)
    painted.clear()
    window.document.loadProgress.emit(0.25)
    assert bar.value() == 250
    assert bar.updatesEnabled()
    qtbot.waitUntil(lambda: 250 in painted)
    window.document.loadProgress.emit(0.5)
    assert bar.value() == 500
    qtbot.waitUntil(lambda: 500 in painted)


def test_the_open_timeline_stays_usable_while_the_new_one_loads(
    qtbot: QtBot, large: Path, gate: threading.Event
) -> None:
    window = window_with_background_loads(qtbot)
    bundled = window.document.timeline
    assert window.open_file(large)
    assert window.document.loading == large
    # The old timeline is still shown and answers clicks.
    click_event(qtbot, window.timeline_view, STRIKE)
    assert window.selection.event_id == STRIKE
    assert window.document.timeline is bundled
    with qtbot.waitSignal(window.document.opened, timeout=30_000):
        gate.set()
    assert window.document.path == large


def test_cancel_leaves_the_open_timeline_as_it_was(
    qtbot: QtBot, large: Path, gate: threading.Event
) -> None:
    window = window_with_background_loads(qtbot)
    bundled, path = window.document.timeline, window.document.path
    opened: list[object] = []
    window.document.opened.connect(lambda *args: opened.append(args))
    assert window.open_file(large)
    with qtbot.waitSignal(window.document.loadEnded):
        qtbot.mouseClick(window.load_progress.cancel, Qt.MouseButton.LeftButton)
    assert "Stopped opening large.json" in window.statusBar().currentMessage()
    gate.set()
    with qtbot.assertNotEmitted(window.document.opened):
        window.document.shutdown()  # the cancelled thread has ended
        # ... and its end (after all it said) has reached the window's thread
        qtbot.waitUntil(lambda: not window.document._jobs)
    assert opened == []
    assert window.document.timeline is bundled
    assert window.document.path == path
    assert window.timeline_view.renderer.timeline is bundled
    assert not window.load_progress.isVisible()


def test_a_broken_large_file_is_reported_and_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    window = window_with_background_loads(qtbot)
    bundled = window.document.timeline
    data = make_timeline(3_000, seed=4)
    data["events"][2_500]["participants"] = ["nobody"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with qtbot.waitSignal(window.document.failed, timeout=30_000) as failed:
        assert window.open_file(broken)
    assert failed.args[1] == ["events[2500].participants[0]: refers to no actor: found 'nobody'"]
    assert window.document.timeline is bundled
    assert not window.load_progress.isVisible()


def test_a_second_open_replaces_a_load_in_progress(
    qtbot: QtBot, large: Path, tmp_path: Path, gate: threading.Event
) -> None:
    window = window_with_background_loads(qtbot)
    other = tmp_path / "other.json"
    other.write_text(json.dumps(make_timeline(2_000, seed=5)), encoding="utf-8")
    assert window.open_file(large)
    with qtbot.waitSignal(window.document.opened, timeout=30_000) as opened:
        assert window.open_file(other)
        gate.set()
    assert opened.args[1] == other
    window.document.shutdown()
    assert window.document.path == other


def test_a_load_that_breaks_unexpectedly_is_reported_and_the_next_one_works(
    qtbot: QtBot, large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_with_background_loads(qtbot)
    bundled = window.document.timeline
    real = loader.load_timeline

    def broken(path: Path, **kwargs: Any) -> Timeline:
        raise RuntimeError("the disk said no")

    monkeypatch.setattr(loader, "load_timeline", broken)
    with qtbot.waitSignal(window.document.failed, timeout=30_000) as failed:
        assert window.open_file(large)
    assert failed.args[1] == ["could not be opened: RuntimeError: the disk said no"]
    assert window.document.timeline is bundled
    assert window.document.loading is None
    assert not window.load_progress.isVisible()
    monkeypatch.setattr(loader, "load_timeline", real)
    with qtbot.waitSignal(window.document.opened, timeout=30_000):
        assert window.open_file(large)
    assert window.document.path == large
