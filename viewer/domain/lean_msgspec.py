"""msgspec, imported without typing_extensions where nothing has loaded that yet,
and without compiling Python source.

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

msgspec also asks, as it is imported, whether ``typing.ForwardRef`` takes
``is_class`` (added in 3.11, backported to 3.9 and 3.10) by making one. A
ForwardRef compiles its text, and a process's first ``compile`` builds every
class of the ``ast`` module: 10.5 million instructions, a twentieth of
``validate``, for a question whose answer is yes on every Python the app runs
on. While msgspec is imported the question is put to a stand-in that answers
it so; msgspec makes its later ForwardRefs with ``typing``'s own (it looks the
name up as it makes each).
"""

import sys
import typing
from typing import Any


def _takes_is_class(
    arg: str, is_argument: bool = True, module: Any = None, *, is_class: bool = False
) -> None:
    """What msgspec's import asks of ``typing.ForwardRef``: that it takes ``is_class``."""


if "msgspec" not in sys.modules and "typing_extensions" not in sys.modules:
    _forward_ref = typing.ForwardRef
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # "cannot be imported"
    typing.ForwardRef = _takes_is_class  # type: ignore[misc,assignment]
    try:
        import msgspec  # noqa: F401
    finally:
        typing.ForwardRef = _forward_ref  # type: ignore[misc]
        del sys.modules["typing_extensions"]
