"""A writer killed with SIGKILL at any moment loses no note it reported saved."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

ROUNDS = 300


def run_crash(*args: str) -> dict[str, int]:
    """Run the crash runner in a plain process; its summary line."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.persistence.crash_runner", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    summary: dict[str, int] = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"crash test {args[0]}: {summary}")
    return summary


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs fork() and SIGKILL")
def test_sigkill_during_commits_loses_nothing_reported_saved(tmp_path: Path) -> None:
    summary = run_crash(str(tmp_path), str(ROUNDS), "2025")
    assert summary["rounds"] == ROUNDS
    # At least a third of the kills must land inside a commit, or it proves little.
    assert summary["killed_inside_commit"] >= ROUNDS // 3
    assert summary["notes"] > 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs fork() and SIGKILL")
def test_sigkill_while_carrying_json_over_loses_nothing(tmp_path: Path) -> None:
    rounds = 30
    summary = run_crash("carry-over", str(tmp_path), str(rounds), "2026")
    assert summary["rounds"] == rounds
    assert summary["killed_while_opening"] >= rounds // 3
