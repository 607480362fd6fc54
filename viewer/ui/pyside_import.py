"""PySide6's look at each module imported after it, made cheap.

Once loaded, PySide6 asks of every module imported whether it uses PySide6 (for
its ``from __feature__ import …`` switches): ``shibokensupport.feature`` reads
the module's source through ``inspect.getsource``, which looks the module up
among all those loaded, again for each one: about 0.4 ms a module here, 0.1 to
0.2 s of a start that imports 400 (numpy's and pydantic's among them).
:func:`read_sources_plainly` gives PySide6 the same answer from the file's bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_asked: list[Callable[[ModuleType], bool]] = []


def _uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source names PySide6, as PySide6's own test says."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return bool(_asked[0](module))  # no source of its own: as PySide6 asks
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:  # as inspect.getsource: no source, no use
        return False


def read_sources_plainly() -> None:
    """Have PySide6 read a module's file, not ask ``inspect`` (once; nothing
    where PySide6 does not ask)."""
    import PySide6  # noqa: F401  (the package: shiboken and its import hook, no Qt module)

    feature = sys.modules.get("shibokensupport.feature")
    asks = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(asks) or asks is _uses_pyside:
        return
    _asked[:] = [asks]
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
