"""Loading the model file a command works on, and the reader's notes on it, or saying why not
(Qt-free)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from viewer.cli.exit_codes import ExitCode
from viewer.domain.notes import Note
from viewer.domain.text import terminal_safe
from viewer.domain.timeline import Timeline, TimelineById
from viewer.persistence.layered_notes import own_timeline, shown_note
from viewer.persistence.model_file import ModelFileError, load_timeline
from viewer.persistence.notes_json import json_path
from viewer.persistence.notes_store import NoteStore, database_path, file_stem, notes_folder
from viewer.timeline.stacking import CannotAdd, LayerData, layer_beside, stack


def load_for_command(path: Path) -> Timeline | ExitCode:
    """The timeline, or the exit code of a command that cannot use it.

    Each problem goes to standard error as ``FILE: problem``, made safe for a
    terminal; the code is USAGE when the file could not be read at all and
    FAILED when its content is wrong.
    """
    try:
        return load_timeline(path)
    except ModelFileError as err:
        for problem in err.problems:
            print(terminal_safe(f"{path}: {problem}"), file=sys.stderr)
        return ExitCode.USAGE if err.unreadable else ExitCode.FAILED


def load_shown(path: Path, added: Sequence[Path] = ()) -> Timeline | ExitCode:
    """The timeline of ``path`` with those of ``added`` shown over it, as File >
    Add Timeline… shows them; or the exit code of a command that cannot use them."""
    first = load_for_command(path)
    if isinstance(first, ExitCode) or not added:
        return first
    layers = [LayerData.of(first)]
    for extra in added:
        timeline = load_for_command(extra)
        if isinstance(timeline, ExitCode):
            return timeline
        try:
            layers.append(layer_beside(timeline, layers))
        except CannotAdd as err:
            print(terminal_safe(f"{extra}: {err}"), file=sys.stderr)
            return ExitCode.USAGE
    return stack(layers)


def read_shown_notes(data_dir: Path, timeline: Timeline, command: str) -> list[Note]:
    """The reader's notes on every timeline shown in ``timeline`` (each kept under
    its own), with their targets as ``timeline`` names them."""
    return [
        shown_note(layer, note)
        for layer in timeline.layers
        for note in read_notes(data_dir, own_timeline(timeline, layer), command)
    ]


def read_notes(data_dir: Path, timeline: TimelineById, command: str) -> list[Note]:
    """The reader's notes on ``timeline``, for a command that only reads them: none
    (and no database made) when there are none; what cannot be read is said on
    standard error, made safe for a terminal."""
    legacy = json_path(notes_folder(data_dir), file_stem(timeline.id))
    if not database_path(data_dir, timeline.id).exists() and not legacy.exists():
        return []
    store = NoteStore(data_dir, timeline.id)
    try:
        for message in store.open().messages:
            print(terminal_safe(message), file=sys.stderr)
        if not store.readable:
            problem = f"timeline-viewer {command}: your notes cannot be read: {store.problem}"
            print(terminal_safe(problem), file=sys.stderr)
        return store.notes()
    finally:
        store.close()
