"""What the command line's arguments are read as, importing nothing that
``--version`` and ``--help`` do not need (Qt-free)."""

from __future__ import annotations

import argparse

# Not typing.TYPE_CHECKING: typing and pathlib are imported by every command
# that reads a file, not by one that only parses its arguments. Type checkers
# take this name as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


def file_path(text: str) -> Path:
    """A file named on the command line, as ``type=Path`` reads it."""
    from pathlib import Path

    return Path(text)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, asking the terminal's width only when it lays out help.

    argparse makes a formatter for every argument it is given and every command
    it parses, and each asks for the terminal's width at once: that imports
    shutil (with bz2, lzma and fnmatch), a thirtieth of ``validate``'s start.
    Only help and error messages need the width, and they get the same one."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, 0 if width is None else width)
        if width is None:
            self._asked = (indent_increment, max_help_position)
            del self._width, self._max_help_position  # worked out when first read

    def __getattr__(self, name: str) -> int:
        if name not in ("_width", "_max_help_position") or "_asked" not in self.__dict__:
            raise AttributeError(name)
        import shutil

        # As argparse.HelpFormatter.__init__ works them out.
        indent_increment, max_help_position = self._asked
        width = shutil.get_terminal_size().columns - 2
        self._width = width
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        return int(getattr(self, name))


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser with :class:`HelpFormatter`; its commands' parsers are
    of this class too (argparse makes them of the parser's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
