"""A reader that stops reading (``| head -c 10``) ends a command quietly (issue 21)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump
from viewer.cli.exit_codes import ExitCode
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.persistence.notes_store import NoteStore
from viewer.persistence.paths import AppPaths

#: Enough for output of megabytes, far more than a pipe and Python's buffer hold:
#: the command is still writing when the pipe is closed.
EVENTS = 6_000
NOTES = 3_000


TIMELINE_ID = "putin-calls"


def _events(kind: str) -> dict[str, Any]:
    model: dict[str, Any] = {
        "schema_version": 3,
        "id": TIMELINE_ID,
        "title": "Calls",
        "language": "en",
        "actors": [{"id": "putin", "kind": "person", "name": "Vladimir Putin"}],
    }
    model["events"] = [
        {
            "id": f"call-{i}",
            "kind": kind,
            "title": f"Putin call {i} about the ceasefire in the Black Sea",
            "date": {"precision": "day", "start": "2025-06-04"},
            "summary": "Putin said what he had said before. " * 8,
        }
        for i in range(EVENTS)
    ]
    return model


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pipe")
    valid = folder / "putin.json"
    valid.write_bytes(dump(_events("call")))
    wrong = folder / "wrong.json"  # a problem per event: a line each for validate
    wrong.write_bytes(dump(_events("phone call")))
    return {"valid": valid, "wrong": wrong}


def _many_notes(model: Path) -> None:
    """NOTES notes on the timeline in ``model``, kept where the command reads them."""
    store = NoteStore(AppPaths.from_environment().data_dir, TIMELINE_ID)
    store.open()
    target = NoteTarget(kind=TargetKind.EVENT, id="call-1")
    store.put_many([Note.new(target, f"note {i}: " + "to check again " * 10) for i in range(NOTES)])
    store.close()


def _closed_after_ten_bytes(*args: str) -> tuple[int, str]:
    """Run the command with its output a pipe closed after 10 bytes are read."""
    child = subprocess.Popen(
        [sys.executable, "-m", "viewer", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    assert child.stderr is not None
    with child.stdout:
        first = child.stdout.read(10)
    with child.stderr:
        err = child.stderr.read().decode("utf-8", "replace")
    code = child.wait(timeout=120)
    assert len(first) == 10, err
    return code, err


@pytest.mark.parametrize(
    "command",
    [
        ["search", "putin", "{valid}"],
        ["notes", "list", "{valid}"],
        ["validate", "{wrong}"],
        ["validate", "--json", "{wrong}"],
    ],
    ids=["search", "notes list", "validate", "validate --json"],
)
def test_a_closed_pipe_ends_the_command_quietly(files: dict[str, Path], command: list[str]) -> None:
    if command[:2] == ["notes", "list"]:
        _many_notes(files["valid"])
    code, err = _closed_after_ten_bytes(*(part.format(**files) for part in command))
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert "Exception ignored" not in err
    assert err == ""
    assert code == ExitCode.CLOSED_PIPE == 141


def test_a_command_read_to_the_end_is_as_before(files: dict[str, Path]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "search", "putin", str(files["valid"])],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.count(b"Putin call") >= EVENTS
    assert done.stderr == b""
