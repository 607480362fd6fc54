"""Kill a notes writer with SIGKILL at random moments and check what it left.

Run as a script (``python -m tests.persistence.crash_runner DATA_DIR ROUNDS SEED``)
so the forks happen in a plain process, not in the test runner. Each round
forks a writer that adds notes one by one to the same database, saying
"begin N" before each add and "done N" once the add returned (committed); the
parent kills it after a random delay and opens the database as the app would.
It must open, pass SQLite's integrity check, and hold exactly the notes
0..K-1 with every note reported done present and none that was not begun.
Prints one JSON summary line.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.persistence.notes_store import NoteStore

TIMELINE_ID = "crash-test"


def _writer(data_dir: Path, first: int, out: int) -> None:
    store = NoteStore(data_dir, TIMELINE_ID)
    store.open(load=False)
    os.write(out, b"ready\n")
    number = first
    while True:
        note = Note.new(NoteTarget(kind=TargetKind.EVENT, id=f"e{number}"), f"note {number}")
        os.write(out, f"begin {number}\n".encode())
        store.put(note)
        if store.unsaved:
            os.write(out, f"failed {store.problem}\n".encode())
            os._exit(3)
        os.write(out, f"done {number}\n".encode())
        number += 1


def _numbers(data_dir: Path) -> list[int]:
    store = NoteStore(data_dir, TIMELINE_ID)
    report = store.open()
    assert not report.messages, report.messages
    assert store.path.exists()
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    numbers = sorted(int(note.text.split()[1]) for note in store.notes())
    store.close()
    assert numbers == list(range(len(numbers))), "a hole or a stranger in the notes"
    return numbers


def main(data_dir: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    inside_commit = 0
    count = 0
    for _ in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_end)
            try:
                _writer(data_dir, count, write_end)
            finally:
                os._exit(2)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            assert pipe.readline() == b"ready\n"
            # Once it has saved a note it is writing: the kill lands among its
            # commits, however slowly a busy machine started it.
            first = [pipe.readline(), pipe.readline()]
            time.sleep(rng.uniform(0.0, 0.04))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines = b"".join([*first, pipe.read()]).decode().split()
        said = [(word, int(number)) for word, number in zip(lines[::2], lines[1::2], strict=True)]
        assert not any(word == "failed" for word, _ in said), said
        begun = [n for word, n in said if word == "begin"]
        done = [n for word, n in said if word == "done"]
        if begun and (not done or begun[-1] > done[-1]):
            inside_commit += 1  # killed between "begin" and "done"
        numbers = _numbers(data_dir)
        if done:
            assert len(numbers) >= done[-1] + 1, "a note reported saved is gone"
        if begun:
            assert len(numbers) <= begun[-1] + 1, "a note that was never added"
        count = len(numbers)
    print(json.dumps({"rounds": rounds, "killed_inside_commit": inside_commit, "notes": count}))


def carry_over(data_dir: Path, rounds: int, seed: int) -> None:
    """Kill a first open while it carries a JSON file into a new database: the next
    open must find all of those notes, once, whatever the moment of the kill."""
    rng = random.Random(seed)
    legacy_notes = [
        json.loads(
            Note.new(NoteTarget(kind=TargetKind.EVENT, id=f"e{i}"), f"alt {i}").model_dump_json()
        )
        for i in range(3000)
    ]
    killed_early = 0
    for round_ in range(rounds):
        home = data_dir / f"round-{round_}"
        legacy = home / "notes" / f"{TIMELINE_ID}.notes.json"
        legacy.parent.mkdir(parents=True)
        legacy.write_text(
            json.dumps({"format_version": 1, "timeline_id": TIMELINE_ID, "notes": legacy_notes}),
            encoding="utf-8",
        )
        pid = os.fork()
        if pid == 0:
            try:
                NoteStore(home, TIMELINE_ID).open()
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.1))
        os.kill(pid, signal.SIGKILL)
        _pid, status = os.waitpid(pid, 0)
        killed_early += os.WIFSIGNALED(status)
        store = NoteStore(home, TIMELINE_ID)
        store.open()
        with sqlite3.connect(store.path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        texts = sorted(note.text for note in store.notes())
        store.close()
        assert texts == sorted(f"alt {i}" for i in range(3000)), len(texts)
    print(json.dumps({"rounds": rounds, "killed_while_opening": killed_early}))


if __name__ == "__main__":
    if sys.argv[1] == "carry-over":
        carry_over(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
