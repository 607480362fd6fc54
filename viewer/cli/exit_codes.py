"""The exit codes of every ``timeline-viewer`` command: one table, used everywhere."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a command's exit status means (the README shows this table)."""

    # Done; for ``validate``: every file is fine.
    OK = 0
    # A model file has problems, or the action failed (and changed nothing):
    # a note not saved, an import refused, notes that cannot be read.
    FAILED = 1
    # The command line is wrong, or a file cannot be read at all (missing, a
    # folder, a pipe, no permission, too large).
    USAGE = 2
    # The command's reader closed the pipe before reading it all (``| head``):
    # nothing more is printed. A Unix tool is ended by SIGPIPE, which a shell
    # shows as 128 + 13. Not FAILED: the command did not fail, it was not read
    # to the end; ``set -o pipefail`` tells the two apart as for ``yes | head``.
    CLOSED_PIPE = 141
