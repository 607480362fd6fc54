"""How long adding one note takes as the notes database grows, as ratios to a plain
write and fsync of that note's bytes.

    python -m bench.bench_notes [--sizes 10,10000,1000000] [--repeat 5]

For each size a database with that many notes is made once (in one
transaction), then one note is added and committed, REPEAT times, in two ways:
in-process (open the store without reading its notes, put, close) and as a
whole process (``timeline-viewer notes add``, which also loads the bundled
timeline). The baseline is writing the same note's bytes to a file with
``write`` and ``fsync``, timed in the same run. The best run counts; the
issue's target is the 1,000,000-note add at most 2x the 10-note add. Prints a
Markdown table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.bench_open import best_of
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.persistence.notes_store import NoteStore

TIMELINE_ID = "trump-putin-2025-06"  # the bundled timeline, so the CLI can add to it
EVENT = "call-2025-06-04"


def _notes(count: int) -> Iterator[Note]:
    for i in range(count):
        target = NoteTarget(kind=TargetKind.EVENT, id=f"e{i % 1000}")
        yield Note.new(target, f"Notiz Nummer {i}: nachprüfen", ("bench",), f"Ereignis {i}")


def _fill(data_dir: Path, count: int) -> None:
    store = NoteStore(data_dir, TIMELINE_ID)
    store.open(load=False)
    batch: list[Note] = []
    for note in _notes(count):
        batch.append(note)
        if len(batch) == 50_000:
            store.put_many(batch)
            batch = []
    store.put_many(batch)
    assert store.unsaved == 0, store.problem
    store.close()


def _add_in_process(data_dir: Path) -> None:
    store = NoteStore(data_dir, TIMELINE_ID)
    store.open(load=False)
    store.put(Note.new(NoteTarget(kind=TargetKind.EVENT, id=EVENT), "eine neue Notiz"))
    assert store.unsaved == 0, store.problem
    store.close()


def _add_as_process(data_dir: Path) -> Callable[[], None]:
    env = {**os.environ, "TIMELINE_VIEWER_HOME": str(data_dir.parent)}
    command = [sys.executable, "-m", "viewer", "notes", "add", EVENT, "eine neue Notiz"]

    def run() -> None:
        subprocess.run(command, env=env, check=True, capture_output=True)

    return run


def _plain_write(folder: Path) -> Callable[[], None]:
    data = Note.new(NoteTarget(kind=TargetKind.EVENT, id=EVENT), "eine neue Notiz")
    payload = data.model_dump_json().encode()

    def run() -> None:
        fd = os.open(folder / "one-note.json", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,10000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(
        "| notes in the database | in-process add (ms) | × plain write | whole `notes add` (ms) "
        "| × plain write | file size (MB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        for size in sizes:
            data_dir = base / str(size) / "data"
            started = time.perf_counter()
            _fill(data_dir, size)
            filled = time.perf_counter() - started
            plain = best_of(args.repeat, _plain_write(base))
            inside = best_of(args.repeat, lambda d=data_dir: _add_in_process(d))
            whole = best_of(args.repeat, _add_as_process(data_dir))
            megabytes = NoteStore(data_dir, TIMELINE_ID).path.stat().st_size / 1e6
            print(
                f"| {size:,} | {inside * 1e3:.1f} | {inside / plain:.1f} | {whole * 1e3:.0f} "
                f"| {whole / plain:.0f} | {megabytes:.1f} |",
                flush=True,
            )
            print(f"(filled in {filled:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
