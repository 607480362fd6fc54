"""What the command line's arguments are read as, importing nothing that
``--version`` and ``--help`` do not need (Qt-free)."""

from __future__ import annotations

# Not typing.TYPE_CHECKING: typing and pathlib are imported by every command
# that reads a file, not by one that only parses its arguments. Type checkers
# take this name as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def file_path(text: str) -> Path:
    """A file named on the command line, as ``type=Path`` reads it."""
    from pathlib import Path

    return Path(text)
