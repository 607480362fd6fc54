"""The rows of a lane being laid out: which row takes an event's mark and label,
and how many rows each lane gets when a window's height is shared (Qt-free).

:mod:`viewer.timeline.layout` places events through these; they know nothing
of time, only of the x extents the layout measured.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass

#: Space kept between one item's label and the next mark in its row.
ITEM_GAP = 8.0
GLYPH = 6.0


@dataclass(slots=True)
class Slot:
    """An event being placed in a lane: its mark, band and the room its label wants."""

    position: int
    x0: float
    #: Where the band ends: for an open end, where its fade does.
    x1: float
    gx: float
    label_x: float
    #: The label's whole width, and the width it may be cut down to.
    full: float
    least: float
    left: float
    flipped: bool

    def right(self, whole: bool) -> float:
        label_end = self.label_x + (self.full if whole or self.flipped else self.least)
        return max(self.x1, self.gx + GLYPH, label_end) + ITEM_GAP


class Row:
    """One row of a lane: its slots in left-to-right order."""

    __slots__ = ("lefts", "slots")

    def __init__(self) -> None:
        self.lefts: list[float] = []
        self.slots: list[Slot] = []

    def fits(self, slot: Slot, whole: bool) -> bool:
        i = bisect_right(self.lefts, slot.left)
        if i > 0 and self.slots[i - 1].right(whole) > slot.left:
            return False
        return i == len(self.slots) or slot.right(whole) <= self.slots[i].left

    def room_before(self, slot: Slot) -> float:
        """How far the slot's left is from the whole label of the slot before it."""
        i = bisect_right(self.lefts, slot.left)
        return math.inf if i == 0 else slot.left - self.slots[i - 1].right(True)

    def add(self, slot: Slot) -> None:
        i = bisect_right(self.lefts, slot.left)
        self.lefts.insert(i, slot.left)
        self.slots.insert(i, slot)


@dataclass(slots=True)
class Cluster:
    """A "+N" cluster being gathered: its events, first mark, time span and right edge."""

    positions: list[int]
    gx: float
    start: float
    end: float
    right: float


def row_for(rows: list[Row], slot: Slot, max_rows: int, tight: bool = False) -> Row | None:
    """A row where both labels stay whole; else a new row; else the row where
    the label before it is cut least; else None (the slot joins a "+N" cluster).

    ``tight`` cuts a label before it opens a new row: the fewest rows that
    draw every event as a mark of its own.
    """
    row = next((r for r in rows if r.fits(slot, True)), None)
    if row is None and tight:
        row = _cut_least(rows, slot)
    if row is None and len(rows) < max_rows:
        row = Row()
        rows.append(row)
    if row is None and not tight:
        row = _cut_least(rows, slot)
    return row


def _cut_least(rows: list[Row], slot: Slot) -> Row | None:
    """The row that takes ``slot`` with labels cut where the label before it is
    cut least, if any."""
    row, best = None, -math.inf
    for candidate in rows:
        room = candidate.room_before(slot)
        if room > best and candidate.fits(slot, False):
            row, best = candidate, room
    return row


def share_rows(needs: list[int], budget: int, at_least: int = 1) -> list[int]:
    """Rows for lanes that would each take ``needs`` rows, when ``budget`` rows are
    all there is (water-filling): every lane gets ``at_least``; a lane that
    needs less than the others' share keeps what it needs, and the rows it
    leaves go to the others; those left over go one each to the lanes that
    need more, first ones first."""
    if sum(needs) <= budget:
        return list(needs)
    level = at_least  # the most rows every lane may take with the budget still holding
    while level < max(needs) and sum(min(n, level + 1) for n in needs) <= budget:
        level += 1
    shares = [min(need, level) for need in needs]
    left = budget - sum(shares)
    for lane, need in enumerate(needs):
        if left <= 0:
            break
        if need > shares[lane]:
            shares[lane] += 1
            left -= 1
    return shares
