"""How far a long load is, and a way to stop it (Qt-free)."""

from collections.abc import Callable
from typing import NamedTuple

# Told how far a load is, from 0 to 1; may raise :class:`LoadCancelled`.
Progress = Callable[[float], None]


class LoadCancelled(Exception):
    """The reader stopped the load; nothing was changed."""


def no_progress(_done: float) -> None:
    """A load nobody watches."""


class Share(NamedTuple):
    """The part of a whole load one step takes: from ``start`` to ``end``."""

    start: float
    end: float

    def at(self, done: float) -> float:
        """How far the whole load is when this step is ``done`` (0 to 1) through."""
        return self.start + (self.end - self.start) * min(max(done, 0.0), 1.0)
