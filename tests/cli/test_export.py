"""`timeline-viewer export`: the widget's painting, to a file, without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from viewer.cli import main


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_writes_each_format(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"timeline{suffix}"
    assert main(["export", "-o", str(out), "--width", "1200"]) == 0
    data = out.read_bytes()
    assert len(data) > 2000
    magic = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix]
    assert data.startswith(magic)


def test_png_has_the_asked_width_and_paints_the_lanes(tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    assert main(["export", "-o", str(out), "--width", "1000"]) == 0
    image = QImage(str(out))
    assert image.width() == 1000
    assert image.height() > 300
    # The call lane's glyph colour (#0072B2) is painted somewhere.
    colours = {image.pixelColor(x, y).name() for x in range(0, 1000, 2) for y in range(40, 120)}
    assert "#0072b2" in colours


def test_range_limits_what_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "range.svg"
    assert main(["export", "-o", str(out), "--from", "2025-06-03", "--to", "2025-06-06"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "Telefonat zwischen Trump und Putin" in svg
    assert "Erste Runde" not in svg  # 16 May is outside the range


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.gif"], "cannot export to .gif"),
        (
            ["-o", "x.png", "--from", "2025-06-05", "--to", "2025-06-01"],
            "must come after its start",
        ),
        (["-o", "x.png", "--width", "50"], "at least 400 pixels"),
    ],
)
def test_bad_export_arguments(
    tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    assert main(["export", *args]) == 2
    assert message in capsys.readouterr().err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", "x.png", "--from", "Mitte Mai"]) == 2
    assert "not a date: 'Mitte Mai'" in capsys.readouterr().err


def test_export_needs_no_display(tmp_path: Path) -> None:
    out = tmp_path / "headless.png"
    env = {
        k: v for k, v in __import__("os").environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")
    }
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "export", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1600
