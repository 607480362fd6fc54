"""What the benchmarks share: a measurement run in a fresh process, and the
memory a process holds (Linux)."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def run_child(
    script: str, args: Sequence[str], env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run ``script --child ARGS`` in a fresh Python and give back the JSON object
    it prints last; stop the benchmark with the child's error if it fails."""
    result = subprocess.run(
        [sys.executable, str(Path(script).resolve()), "--child", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench child {list(args)} failed:\n{result.stderr[-3000:]}")
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return measured


def rss_now() -> int:
    """The process's resident memory now, in bytes."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def reset_peak() -> None:
    """Start the peak :func:`peak_rss` reads over (Linux 4.0 on), so it is the
    measured call's."""
    with (
        contextlib.suppress(OSError),
        open("/proc/self/clear_refs", "w", encoding="ascii") as handle,
    ):
        handle.write("5")


def peak_rss() -> int:
    """The process's peak resident memory, in bytes.

    ``VmHWM`` where there is one: ``ru_maxrss`` keeps the resident size of
    the process that started this one up to its ``exec`` (``bench/run.py``,
    with Qt loaded, would be everyone's floor).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
