"""Small performance helpers shared by the Qt-free core."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Keep the cyclic collector from running again and again during a big build.

    Creating hundreds of thousands of objects triggers collections that each
    walk every object alive, the whole loaded timeline included (DESIGN.md:
    17 s instead of 4 s for a million events).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Kept(Generic[K, V]):
    """Values made once by key and kept for later, at most about ``2 * limit``.

    Past ``limit`` the values kept become the old ones and new ones are kept
    anew; an old one asked for again is kept again, the rest are dropped at
    the next turn. Unlike emptying the store when it is full, what is in use
    is never all made again at once (a frame of six hundred counts did: 11 ms).
    """

    def __init__(self, make: Callable[[K], V], limit: int) -> None:
        self._make, self._limit = make, limit
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def __len__(self) -> int:
        return len(self._new) + len(self._old)

    def clear(self) -> None:
        self._new.clear()
        self._old.clear()

    def __getitem__(self, key: K) -> V:
        found = self.get(key)
        if found is None:
            found = self._keep(key, self._make(key))
        return found

    def get(self, key: K) -> V | None:
        """The value kept for ``key``, if any (none is made)."""
        found = self._new.get(key)
        if found is None:
            found = self._old.pop(key, None)
            if found is not None:
                self._keep(key, found)
        return found

    def _keep(self, key: K, value: V) -> V:
        if len(self._new) >= self._limit:
            self._old, self._new = self._new, {}
        self._new[key] = value
        return value
