"""`timeline-viewer export --format timelinejs`: a TimelineJS3 file, without Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from viewer.cli import main
from viewer.domain.model import EventKind
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline


def read(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_a_json_file_is_timelinejs_and_imports_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "published.json"
    assert main(["export", "-o", str(out)]) == 0
    bundled = load_timeline(bundled_timeline())
    assert f"wrote {out} (TimelineJS, {len(bundled.events)} events)" in capsys.readouterr().out
    import_timelinejs(out, tmp_path / "back.json")
    back = load_timeline(tmp_path / "back.json")
    assert [e.id for e in back.events] == [e.id for e in bundled.events]
    assert [e.title for e in back.events] == [e.title for e in bundled.events]


def test_format_timelinejs_for_any_name_with_filters_and_lanes(tmp_path: Path) -> None:
    out = tmp_path / "published.tl"
    args = ["export", "-o", str(out), "--format", "timelinejs", "--kind", "call", "--kind"]
    assert main([*args, "attack", "--lanes", "actor", "--lane-order", "name"]) == 0
    bundled = load_timeline(bundled_timeline())
    wanted = [e.id for e in bundled.events if e.kind in (EventKind.CALL, EventKind.ATTACK)]
    slides = read(out)["events"]
    assert [s["unique_id"] for s in slides] == wanted
    names = {actor.name for actor in bundled.actors}
    assert {s["group"] for s in slides if "group" in s} <= names
    # By name, the first of an event's actors' lanes: Donald Trump before Wladimir Putin.
    by_id = {s["unique_id"]: s["group"] for s in slides}
    assert by_id["call-2025-06-04"] == "Donald Trump"


def test_writing_timelinejs_needs_no_qt(tmp_path: Path) -> None:
    out = tmp_path / "published.json"
    code = (
        "import sys\n"
        "from viewer.cli import main\n"
        f"assert main(['export', '-o', {str(out)!r}]) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert read(out)["events"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.svg", "--format", "png"], "--format png writes a .png file, not 'x.svg'"),
        (["-o", "x.json", "--from", "2030-01-01"], "no event to write"),
        (["-o", "missing/x.json"], "cannot write"),
    ],
)
def test_what_cannot_be_written_is_said(
    tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(tmp_path / a) if a.startswith(("x.", "missing")) else a for a in args]
    assert main(["export", *args]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
