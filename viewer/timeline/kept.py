"""What is derived from a timeline once and kept while the timeline lives.

A :class:`~viewer.domain.timeline.Timeline` never changes (another file, or a
reload, is another Timeline), so what is worked out from it (its index, its
facets, its lanes' values, its quotes' texts) is made when first asked and
kept beside it, gone when it goes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

from viewer.domain.timeline import Timeline

T = TypeVar("T")


def kept(make: Callable[[Timeline], T]) -> Callable[[Timeline], T]:
    """``make`` as a function that makes its value once per timeline and keeps it."""
    found_for: WeakKeyDictionary[Timeline, T] = WeakKeyDictionary()

    @functools.wraps(make)
    def of(timeline: Timeline) -> T:
        found = found_for.get(timeline)
        if found is None:
            found = found_for[timeline] = make(timeline)
        return found

    return of
