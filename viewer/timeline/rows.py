"""The rows of a lane being laid out: which row takes an event's mark and label,
how many rows each lane gets when a window's height is shared, and the widths
of labels kept from one layout to the next (Qt-free).

:mod:`viewer.timeline.layout` places events through these; they know nothing
of time, only of the x extents the layout measured.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from weakref import WeakKeyDictionary, ref

from viewer.timeline.labels import CutWidths, Measure, least_width
from viewer.timeline.placed import CLUSTER_ROW, ROW_HEIGHT


class TextMetrics(Protocol):
    """How wide labels are, in the font they are drawn in (the painter's side knows)."""

    def label_width(self, position: int) -> float:
        """The whole width of an event's title in its label font (at most LABEL_MAX)."""
        ...

    def label_advance(self, position: int, text: str) -> float:
        """The width of ``text`` in the label font of the event at ``position``."""
        ...

    def advance(self, text: str) -> float:
        """The width of ``text`` in the plain font (a count, "+N")."""
        ...


# Space kept between one item's label and the next mark in its row.
ITEM_GAP = 8.0
GLYPH = 6.0


@dataclass(slots=True)
class Slot:
    """An event being placed in a lane: its mark, band and the room its label wants."""

    position: int
    x0: float
    # Where the band ends: for an open end, where its fade does.
    x1: float
    gx: float
    label_x: float
    # The label's whole width, and the width it may be cut down to.
    full: float
    least: float
    left: float
    flipped: bool
    # :meth:`right` with the label whole and cut, worked out once (a row asks
    # again and again while a lane is laid out).
    _whole: float = field(init=False, repr=False, compare=False)
    _cut: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        mark = max(self.x1, self.gx + GLYPH)
        self._whole = max(mark, self.label_x + self.full) + ITEM_GAP
        # A label cut is never wider than whole (what Rows reads relies on it).
        least = min(self.least, self.full)
        self._cut = self._whole if self.flipped else max(mark, self.label_x + least) + ITEM_GAP

    def right(self, whole: bool) -> float:
        return self._whole if whole else self._cut


class Row:
    """One row of a lane: its slots in left-to-right order."""

    __slots__ = ("end_cut", "end_left", "end_whole", "lefts", "slots")

    def __init__(self) -> None:
        self.lefts: list[float] = []
        self.slots: list[Slot] = []
        # The last slot's left and its right with the label whole and cut (a
        # slot in time order mostly comes after it: one comparison, no bisection).
        self.end_left = self.end_whole = self.end_cut = -math.inf

    def fits(self, slot: Slot, whole: bool) -> bool:
        left = slot.left
        if left >= self.end_left:  # after every slot (or none): only the last counts
            return (self.end_whole if whole else self.end_cut) <= left
        i = bisect_right(self.lefts, left)
        if i > 0 and self.slots[i - 1].right(whole) > left:
            return False
        return i == len(self.slots) or slot.right(whole) <= self.slots[i].left

    def room_before(self, slot: Slot) -> float:
        """How far the slot's left is from the whole label of the slot before it."""
        left = slot.left
        if not self.slots:
            return math.inf
        if left >= self.end_left:
            return left - self.end_whole
        i = bisect_right(self.lefts, left)
        return math.inf if i == 0 else left - self.slots[i - 1].right(True)

    def add(self, slot: Slot) -> None:
        i = bisect_right(self.lefts, slot.left)
        self.lefts.insert(i, slot.left)
        self.slots.insert(i, slot)
        if i == len(self.slots) - 1:
            self.end_left, self.end_whole, self.end_cut = slot.left, slot._whole, slot._cut


class Rows(list[Row]):
    """A lane's rows, knowing how far left their last labels (cut) all reach
    and how far right their last slots all start: a slot after every row's
    last that no row can take, whole or cut, is known at once, not by asking
    each row (a crowded lane of forty rows asked some 1,600 times a pass)."""

    def __init__(self) -> None:
        super().__init__()
        # How many rows have no slot yet (an empty row takes any slot).
        self._empty = 0
        # The least ``end_cut`` of the rows with slots.
        self._reach = math.inf
        # The greatest of the rows' ``end_left``.
        self.last_left = -math.inf

    @property
    def reach(self) -> float:
        """How far left the rows' last labels, cut, all reach (-inf with an empty row)."""
        return -math.inf if self._empty else self._reach

    def open(self) -> Row:
        """A new, empty row after the others."""
        row = Row()
        self.append(row)
        self._empty += 1
        return row

    def put(self, row: Row, slot: Slot) -> None:
        """Add ``slot`` to ``row`` (one of these), keeping what they know."""
        empty, lowest = not row.slots, row.end_cut <= self._reach
        row.add(slot)  # a row's ends only grow: a slot joins it where it fits
        self.last_left = max(self.last_left, row.end_left)
        if empty:
            self._empty -= 1
            self._reach = min(self._reach, row.end_cut)
        elif lowest:
            self._reach = min(r.end_cut for r in self if r.slots)


@dataclass(slots=True)
class Cluster:
    """A "+N" cluster being gathered: its events, first mark, time span and right edge."""

    positions: list[int]
    gx: float
    start: float
    end: float
    right: float


def row_for(rows: Rows, slot: Slot, max_rows: int, tight: bool = False) -> Row | None:
    """A row where both labels stay whole; else a new row; else the row where
    the label before it is cut least; else None (the slot joins a "+N" cluster).

    ``tight`` cuts a label before it opens a new row: the fewest rows that
    draw every event as a mark of its own.
    """
    row = None
    left = slot.left
    if left >= rows.last_left and rows.reach > left:
        # After every row's last slot, and every row's last label, cut, reaches
        # past it: no row takes it, whole or cut.
        return rows.open() if len(rows) < max_rows else None
    for candidate in rows:
        # Row.fits(slot, True), its common case inline: a crowded lane asks every row.
        after = left >= candidate.end_left
        if candidate.end_whole <= left if after else candidate.fits(slot, True):
            row = candidate
            break
    if row is None and tight:
        row = _cut_least(rows, slot)
    if row is None and len(rows) < max_rows:
        row = rows.open()
    if row is None and not tight:
        row = _cut_least(rows, slot)
    return row


def _cut_least(rows: list[Row], slot: Slot) -> Row | None:
    """The row that takes ``slot`` with labels cut where the label before it is
    cut least, if any."""
    row, best = None, -math.inf
    left = slot.left
    for candidate in rows:
        if left >= candidate.end_left:  # room_before and fits, their common case inline
            room = left - candidate.end_whole
            if room > best and candidate.end_cut <= left:
                row, best = candidate, room
            continue
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


def rounds_of_sharing(
    needs: list[int], least: list[int], clustered: set[int], room: float, floor: int
) -> list[int]:
    """The rows each lane gets of ``room`` (height): lanes that want ``needs``
    rows and can do with ``least`` (every event a mark of its own), the lanes
    ``clustered`` (by number) with a "+N" row; none fewer than ``floor`` rows
    or ``least``, whichever is fewer. The lanes then cut down get a "+N" row
    too, and the rows are shared once more."""
    shares = needs
    for _round in range(2):  # again, once the lanes cut down have a "+N" row too
        budget = max(int((room - CLUSTER_ROW * len(clustered)) // ROW_HEIGHT), len(needs))
        if sum(least) <= budget:
            wants = [n - k for n, k in zip(needs, least, strict=True)]
            more = share_rows(wants, budget - sum(least), at_least=0)
            shares = [k + m for k, m in zip(least, more, strict=True)]
        else:
            shares = share_rows(least, budget)
        # However short the window, a lane keeps the rows an export has (the
        # plot scrolls instead).
        shares = [max(s, min(k, floor)) for s, k in zip(shares, least, strict=True)]
        cut = {n for n, (k, s) in enumerate(zip(least, shares, strict=True)) if s < k}
        if cut <= clustered:
            break
        clustered = clustered | cut
    return shares


def capped_sharing(
    needs: list[int],
    least: list[int],
    cap: int,
    capped: set[int],
    hidden: set[int],
    room: float,
    floor: int,
) -> list[int] | None:
    """:func:`rounds_of_sharing` for lanes placed on at most ``cap`` rows, the
    lanes ``capped`` (by number) filling them: each may want more rows than
    its ``needs`` says, and if it filled ``cap`` rows even with labels cut,
    do with more than its ``least`` says, and have a "+N" row or not (the
    others with one are ``hidden``). The shares, if they are the same whatever
    those lanes would take on more rows, each of them shared ``cap`` - 2 rows
    or fewer; else None (the lanes are placed on all their rows after all).

    Water-filling (:func:`share_rows`) reads what a lane wants only up to one
    more than the level it fills to: a lane shared ``cap`` - 2 rows or fewer
    gets them however much more than ``cap`` it wants. A lane cut down gets a
    "+N" row in the second round whether or not it had one."""
    unknown = {n for n in capped if least[n] >= cap}  # it may do with more

    def one_round(clustered: int) -> list[int] | None:
        budget = max(int((room - CLUSTER_ROW * clustered) // ROW_HEIGHT), len(least))
        if sum(least) <= budget:
            if unknown:
                return None
            wants = [n - k for n, k in zip(needs, least, strict=True)]
            more = share_rows(wants, budget - sum(least), at_least=0)
            shares = [k + m for k, m in zip(least, more, strict=True)]
            sure = capped
        else:
            shares = share_rows(least, budget)
            sure = unknown
        if any(shares[n] > cap - 2 for n in sure):
            return None
        return [max(s, min(k, floor)) for s, k in zip(shares, least, strict=True)]

    found: list[list[int]] = []
    for more_hidden in range(len(unknown) + 1):  # how many of ``unknown`` have a "+N" row
        shares = one_round(len(hidden) + more_hidden)
        if shares is None:
            return None
        cut = {n for n, (k, s) in enumerate(zip(least, shares, strict=True)) if s < k}
        if more_hidden < len(unknown) or not cut <= hidden | unknown:
            shares = one_round(len(hidden | cut))
            if shares is None:
                return None
        found.append(shares)
    if any(shares != found[0] for shares in found) or any(found[0][n] >= cap for n in capped):
        return None
    return found[0]


# Per label width, by position: the label's whole width (as the metrics'
# ``label_width`` gives it, checked on every use), the title's width and the
# shortest label's (see :func:`viewer.timeline.labels.least_width`).
Widths = dict[int, tuple[float, float, float]]
# Per position: its title's cuts with their widths (see
# :class:`viewer.timeline.labels.CutWidths`), made when its label is first cut.
Cuts = dict[int, CutWidths]
# The most events whose widths are kept (a long pan through a million events
# starts again from an empty store rather than keep them all).
WIDTHS_KEPT = 1 << 16
# A text whose width in the plain font tells one font from another.
PROBE = "Hamburgefonstiv 0123456789 QWXYZ qwxyz"
# Per way of measuring text: the index (or other owner of the positions) and
# the probe's width the widths were measured for. Kept between layouts: a
# pan measures only the events it brings into view.
_WIDTHS: WeakKeyDictionary[object, tuple[ref[object], float, Widths, Cuts]] = WeakKeyDictionary()


def kept_widths(metrics: object, owner: object, probe: float) -> tuple[Widths, Cuts] | None:
    """The widths and cuts kept for the positions of ``owner`` measured by
    ``metrics`` in the font whose ``probe`` width this is (emptied when the
    owner or the font is another); None when ``metrics`` cannot be kept weakly."""
    try:
        kept = _WIDTHS.get(metrics)
        if kept is None or kept[0]() is not owner or kept[1] != probe:
            kept = _WIDTHS[metrics] = (ref(owner), probe, {}, {})
    except TypeError:  # not hashable or weakly referable
        return None
    return kept[2], kept[3]


class LabelWidths:
    """Each event's whole title's width and its shortest label's (see
    :func:`least_width`), measured once per way of measuring, index and font."""

    def __init__(self, metrics: TextMetrics, owner: object, title: Callable[[int], str]) -> None:
        self.metrics, self.title = metrics, title
        kept = kept_widths(metrics, owner, metrics.advance(PROBE))
        self.kept: Widths | None = None if kept is None else kept[0]
        self.cuts: Cuts | None = None if kept is None else kept[1]

    def __call__(self, position: int) -> tuple[float, float]:
        full = self.metrics.label_width(position)
        known = self.kept.get(position) if self.kept is not None else None
        if known is not None and known[0] == full:
            return known[1], known[2]
        title = self.title(position)
        measure = self._measure(position)
        whole, least = measure(title), least_width(title, measure)
        if self.kept is not None:
            if len(self.kept) >= WIDTHS_KEPT:
                self.kept.clear()
            self.kept[position] = (full, whole, least)
            if self.cuts is not None:
                self.cuts.pop(position, None)  # measured in another font
        return whole, least

    def cut(self, position: int, room: float) -> tuple[str, float]:
        """The event's title as :func:`viewer.timeline.labels.word_cut` cuts it
        for ``room``, and its width, its cuts measured once for this and later
        layouts."""
        title = self.title(position)
        whole = self(position)[0]
        if whole <= room:
            return title, whole
        table = self.cuts.get(position) if self.cuts is not None else None
        if table is None:
            table = CutWidths(title)
            if self.cuts is not None:
                if len(self.cuts) >= WIDTHS_KEPT:
                    self.cuts.clear()
                self.cuts[position] = table
        return table.longest_measured(room, self._measure(position))

    def _measure(self, position: int) -> Measure:
        """How wide a text is in the label font of the event at ``position``."""
        metrics = self.metrics
        return lambda text: metrics.label_advance(position, text)
