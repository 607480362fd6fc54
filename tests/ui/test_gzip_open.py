"""A gzip model file opens in the window, on its thread or in the background, as
File ▸ Open… offers it; a broken one is said, and the open timeline stays."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from bench.make_timeline import make_timeline
from tests.ui.windows import make_window
from viewer.persistence.paths import bundled_timeline


def _gzipped(path: Path, document: object) -> Path:
    path.write_bytes(gzip.compress(json.dumps(document).encode("utf-8")))
    return path


def test_file_open_offers_and_opens_a_gzip_model_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    path = tmp_path / "bundled.json.gz"
    path.write_bytes(gzip.compress(bundled_timeline().read_bytes()))
    offered: list[str] = []

    def dialog(_parent: object, _title: str, _start: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    with qtbot.waitSignal(window.document.opened, timeout=20_000) as opened:
        window.imports.choose_file()
    assert offered[0].split(";;")[0].endswith("(*.json *.json.gz)")
    timeline, opened_path = opened.args
    assert opened_path == path
    assert window.document.path == path
    assert len(timeline.events) == 14
    assert window.timeline_view.renderer.timeline is timeline
    assert window.error_box is None


def test_a_large_gzip_file_loads_in_the_background_by_what_it_holds(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """5,000 events gzip to a small file: it is the JSON inside that takes time."""
    window = make_window(qtbot)
    path = _gzipped(tmp_path / "large.json.gz", make_timeline(5_000, seed=2))
    window.document.background_bytes = 2 * path.stat().st_size  # the file is small...
    with qtbot.waitSignal(window.document.opened, timeout=30_000) as opened:
        assert window.open_file(path)
        assert window.load_progress.isVisible()  # ...what it holds is not
        assert "large.json.gz" in window.load_progress.label.text()
    timeline, _ = opened.args
    assert len(timeline.events) == 5_000
    assert window.document.path == path


def test_a_truncated_gzip_file_is_said_and_the_open_timeline_stays(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot)
    whole = gzip.compress(bundled_timeline().read_bytes())
    path = tmp_path / "cut.json.gz"
    path.write_bytes(whole[: len(whole) // 2])
    # Its trailer is gone: the size it would state is whatever its last bytes are.
    window.document.background_bytes = 1 << 33  # on the window's thread, whatever they say
    failed: list[list[str]] = []
    window.document.failed.connect(lambda _path, lines: failed.append(lines))
    assert not window.open_file(path)
    assert failed == [["the gzip data ends too early, the file may be truncated"]]
    assert window.document.path == bundled_timeline()
    assert window.error_box is not None
    assert "cut.json.gz" in window.error_box.text()
    window.error_box.close()
