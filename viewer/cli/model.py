"""Loading the model file a command works on, or saying why not (Qt-free)."""

from __future__ import annotations

import sys
from pathlib import Path

from viewer.cli.exit_codes import ExitCode
from viewer.domain.text import terminal_safe
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import ModelFileError, load_timeline


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
