"""Kill a notes writer with SIGKILL at random moments and check what it left.

Run as a script (``python -m tests.persistence.crash_runner DATA_DIR ROUNDS SEED``)
so the forks happen in a plain process, not in the test runner. Each round
forks a writer that saves the same 300 notes again and again, each save
stamping every note with the next state number; the parent kills it after a
random delay, then opens the store as the app would and checks that the file
loads and holds one whole state: the last one the writer finished, or the one
it was writing. Prints one JSON summary line.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from viewer.persistence.notes import Note, NoteStore, NoteTarget, TargetKind

TIMELINE_ID = "crash-test"
NOTES = 300


def _state_of(store: NoteStore) -> int | None:
    states = {int(note.text.split()[1]) for note in store.notes()}
    if not states:
        return None
    if len(states) != 1 or len(store.notes()) != NOTES:
        raise AssertionError(f"mixed states {sorted(states)} in {len(store.notes())} notes")
    return states.pop()


def _writer(data_dir: Path, out: int) -> None:
    store = NoteStore(data_dir, TIMELINE_ID)
    store.open()
    state = _state_of(store)
    if state is None:
        for i in range(NOTES):
            target = NoteTarget(kind=TargetKind.EVENT, id=f"e{i}")
            store.put(Note.new(target, f"state 0 note {i}", ("crash",), f"Ereignis {i}"))
        store.save()
        state = 0
    os.write(out, f"ready {state}\n".encode())
    while True:
        state += 1
        for note in store.notes():
            store.put(note.edited(f"state {state} note {note.target.id}", note.tags))
        os.write(out, f"begin {state}\n".encode())
        store.save()
        os.write(out, f"done {state}\n".encode())


def main(data_dir: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    mid_save = 0
    states_seen: list[int] = []
    started = time.monotonic()
    for _ in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_end)
            try:
                _writer(data_dir, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            first = pipe.readline().decode()
            assert first.startswith("ready"), first
            time.sleep(rng.uniform(0.0, 0.04))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines = [first, *(line.decode() for line in pipe.readlines())]
        last_done = int(first.split()[1])
        writing = None
        for line in lines[1:]:
            word, number = line.split()
            if word == "done":
                last_done = int(number)
                writing = None
            else:
                writing = int(number)
        mid_save += writing is not None
        with NoteStore(data_dir, TIMELINE_ID) as store:
            report = store.open()
            if report.messages:
                raise AssertionError(f"the store complained: {report.messages}")
            state = _state_of(store)
        allowed = {last_done} if writing is None else {last_done, writing}
        if state not in allowed:
            raise AssertionError(f"found state {state}, expected one of {sorted(allowed)}")
        states_seen.append(state)
    print(
        json.dumps(
            {
                "rounds": rounds,
                "killed_mid_save": mid_save,
                "final_state": states_seen[-1],
                "seconds": round(time.monotonic() - started, 1),
            }
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
