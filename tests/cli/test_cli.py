"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, dump
from viewer import __version__
from viewer.cli import main
from viewer.domain.model import json_schema_text
from viewer.persistence.paths import bundled_schema, bundled_timeline


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"timeline-viewer {__version__}"


def test_validate_ok(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "ok.json", dump(minimal))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"OK {path}: 2 events, 1 quotes, 2 actors\n"


def test_validate_reports_every_problem_with_its_file(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    minimal["events"][0]["participants"] = ["a", "zz"]
    minimal["quotes"][0]["event"] = "nope"
    bad = write(tmp_path, "bad.json", dump(minimal))
    good = write(
        tmp_path, "good.json", dump({**minimal, "quotes": [], "events": minimal["events"][1:]})
    )
    assert main(["validate", str(bad), str(good)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{bad}: events[0].participants[1]: refers to no actor: found 'zz'",
        f"{bad}: quotes[0].event: refers to no event: found 'nope'",
        f"OK {good}: 1 events, 0 quotes, 2 actors",
    ]


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing.json")]) == 2
    assert capsys.readouterr().out == f"{tmp_path / 'missing.json'}: no such file\n"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_validate_json(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.json", dump(minimal))
    empty = write(tmp_path, "empty.json", b"")
    assert main(["validate", "--json", str(good), str(empty)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == [
        {
            "file": str(good),
            "ok": True,
            "id": "test-timeline",
            "events": 2,
            "quotes": 1,
            "actors": 2,
            "problems": [],
        },
        {
            "file": str(empty),
            "ok": False,
            "unreadable": False,
            "problems": [{"path": "", "message": "the file is empty"}],
        },
    ]


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == json_schema_text()
    # If this fails the model changed:
    # run `timeline-viewer schema > resources/timeline.schema.json`.
    assert bundled_schema().read_text(encoding="utf-8") == printed
    assert json.loads(printed)["title"] == "Timeline"


def test_python_dash_m_from_another_folder(tmp_path: Path) -> None:
    """The installed program finds its bundled timeline wherever it is started."""
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"OK {bundled_timeline()}: ")
    assert bundled_timeline().is_relative_to(REPO) or "_resources" in str(bundled_timeline())


def test_validate_prints_no_control_characters(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    minimal["quotes"][0]["event"] = "\x1b[2Jnope"
    bad = write(tmp_path, "bad\x1b]8;;evil\x07\x9b.json", dump(minimal))
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "bad\\x1b]8;;evil\\x07\\x9b.json: " in out
    assert main(["validate", "--json", str(bad)]) == 1
    text = capsys.readouterr().out
    assert "\x1b" not in text
    assert "\x9b" not in text
    assert json.loads(text)["files"][0]["file"] == str(bad)  # the same JSON, safely spelt
