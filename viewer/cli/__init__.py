"""The command line: ``timeline-viewer [FILE]`` opens the app; subcommands do the rest.

``main`` parses and dispatches (:mod:`viewer.cli.main`); the notes commands are
in :mod:`viewer.cli.notes_command`; every exit code comes from :class:`ExitCode`.
"""

from viewer.cli.exit_codes import ExitCode
from viewer.cli.main import main

__all__ = ["ExitCode", "main"]
