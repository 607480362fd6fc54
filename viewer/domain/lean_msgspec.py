"""msgspec, imported without typing_extensions where nothing has loaded that yet.

``timeline-viewer validate`` imports this before anything that imports msgspec
(``tests/cli/test_cli_start.py`` checks that inspect stays out). msgspec takes
``get_type_hints`` and ``Required``/``NotRequired`` from typing_extensions when
it is installed (pydantic brings it), and typing_extensions imports inspect,
ast, dis and tokenize: about 40 million instructions, a seventh of validating
the bundled file. On Python 3.11 and later ``typing`` has all of these, and
msgspec falls back to it by itself when typing_extensions cannot be imported,
so a process that has not loaded typing_extensions yet imports msgspec without
it. Nothing in the app hands msgspec a typing_extensions type; pydantic,
imported later, loads typing_extensions as always.
"""

from __future__ import annotations

import sys

if "msgspec" not in sys.modules and "typing_extensions" not in sys.modules:
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # "cannot be imported"
    try:
        import msgspec  # noqa: F401
    finally:
        del sys.modules["typing_extensions"]
