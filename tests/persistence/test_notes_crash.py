"""A writer killed with SIGKILL at any moment never leaves a broken notes file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

ROUNDS = 300


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork() and SIGKILL")
def test_sigkill_during_saves_leaves_the_state_before_or_after(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.persistence.crash_runner",
            str(tmp_path),
            str(ROUNDS),
            "2025",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"crash test: {summary}")
    assert summary["rounds"] == ROUNDS
    # Most kills must land inside a save, or the test proves little.
    assert summary["killed_mid_save"] >= ROUNDS // 3
    assert summary["final_state"] > 0
