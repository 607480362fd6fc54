"""Where each event of a timeline goes on screen: the level of detail and the labels (Qt-free).

Given the index, the time at the plot's left edge, the seconds per pixel,
the width and a way to measure text, :func:`lay_out` returns typed items:
an event's mark with its band and label, a "+N" cluster of events that fit
no row, or a count bucket standing for the events starting in its span.
The painter draws them and the widget hit-tests them; nothing here knows Qt,
so the layout is tested and measured without a display.

Only what is visible is laid out, and the level of detail is chosen from
counts before any per-event object is made: a lane with more than
:data:`DETAIL_LIMIT` events in view is a density strip with counts per
bucket (:mod:`viewer.timeline.counts`); fewer, and its events are placed
one by one, up to :data:`DETAIL_BUDGET` in all lanes together (the lanes
with the most events are counted first). Labels never overlap: an event
takes the first row of its lane where its mark and label fit, and events
that fit nowhere are gathered into a "+N" cluster that expands on zoom or
click.
"""

from __future__ import annotations

import math

import numpy as np

from viewer.domain import words
from viewer.timeline.counts import BUCKET_PX as BUCKET_PX
from viewer.timeline.counts import count_buckets, density_strip
from viewer.timeline.geometry import Point, Rect
from viewer.timeline.index import EventIndex, Lane
from viewer.timeline.labels import (
    LEADER_GAP,
    LEAST_LABEL,
    MIN_LABEL,
)
from viewer.timeline.placed import CLUSTER_ROW as CLUSTER_ROW
from viewer.timeline.placed import GUTTER as GUTTER
from viewer.timeline.placed import LANE_GAP as LANE_GAP
from viewer.timeline.placed import ROW_HEIGHT as ROW_HEIGHT
from viewer.timeline.placed import LaneLayout as LaneLayout
from viewer.timeline.placed import Layout as Layout
from viewer.timeline.placed import Placed as Placed
from viewer.timeline.rows import (
    GLYPH,
    ITEM_GAP,
    Cluster,
    LabelWidths,
    Row,
    Rows,
    Slot,
    TextMetrics,
    capped_sharing,
    rounds_of_sharing,
    row_for,
)

AXIS_HEIGHT = 46.0
# The rows a lane takes at most when no height is given to share (an export's
# default).
MAX_ROWS = 3
# The most rows a lane takes, however tall the window.
ROWS_LIMIT = 40
# The longest label drawn; titles longer than this are cut. Labels are
# otherwise as wide as the room up to the next mark in their row.
LABEL_MAX = 1000.0
# How far left of the plot an event's mark may be for its label to be
# pinned at the plot's edge (a label reaching farther in is cut there).
LABEL_REACH = 480.0
# A band wider than this keeps its marker in view when it crosses an edge.
WIDE_BAND = 240.0
# How far an open end ("from this day on") fades out to the right.
OPEN_END_FADE = 120.0
# Room kept free right of the last event when fitting, for its label.
FIT_LABEL_ROOM = 260.0
# A lane with more visible events than this is drawn as counts per bucket.
DETAIL_LIMIT = 200
# The most events placed one by one in a frame, all lanes together (as many as
# eight lanes by kind at :data:`DETAIL_LIMIT`): past it, the lanes with the most
# events in view are drawn as counts too.
DETAIL_BUDGET = 8 * DETAIL_LIMIT

# Where each event's band starts and ends and where its mark goes, in pixels.
Marks = tuple[list[float], list[float], list[float]]


class Layouter:
    """Lays out one index with one way of measuring text."""

    # Measure and try every event even when no row can take it (the slow way,
    # which tests hold the shortcut to).
    measure_crowded = False
    # Place a lane on all the rows it may take at once when the lanes leave
    # room to spare for sure, not on MAX_ROWS first (tests hold it to the two).
    place_once = True
    # Place such lanes first on a few more rows than each would get of the
    # window's, not on all it may take (tests hold it to all of them).
    place_capped = True

    def __init__(self, index: EventIndex, metrics: TextMetrics) -> None:
        self.index = index
        self.metrics = metrics
        # Each event's slots in the layout being made (they depend on nothing
        # else), so a lane laid out again on fewer rows measures no label twice.
        self._slots_of: dict[int, list[Slot]] = {}
        # Each lane's events in view with their bands and marks (see :meth:`_marks`),
        # by the list's id: a lane placed again on other rows works them out once.
        self._marks_of: dict[int, tuple[list[int], Marks]] = {}
        # The lanes placed event by event in the layout being made, by id:
        # their rows and "+N" clusters, made into items once settled.
        self._drafts: dict[int, tuple[LaneLayout, list[Row], list[Cluster]]] = {}
        self._widths = LabelWidths(metrics, index, index.title)
        # The width of a "+N" badge's text, by N.
        self._plus: dict[int, float] = {}
        # A count's text and its badge's width, by count.
        self._counts: dict[int, tuple[str, float]] = {}

    def layout(
        self,
        t0: float,
        seconds_per_px: float,
        width: float,
        selected: str | None = None,
        height: float | None = None,
        collapsed: frozenset[str] = frozenset(),
    ) -> Layout:
        """Place what is visible between ``t0`` and the right edge ``width``.

        The ``selected`` event always gets a row and a label of its own when
        its lane is drawn event by event: it is never hidden in a "+N" cluster.
        With a ``height``, the lanes share the rows it offers (see
        :func:`share_rows`): a "+N" badge only where a lane's rows are all
        taken; without, each lane takes up to :data:`MAX_ROWS`. The lanes whose
        keys are in ``collapsed`` are folded to a density strip.
        """
        t1 = t0 + (width - GUTTER) * seconds_per_px
        margin = LABEL_REACH * seconds_per_px
        layout = Layout(t0, seconds_per_px, width, [], 0.0, self.index)
        pinned = self.index.position.get(selected) if selected else None
        lanes = self.index.lanes
        if height is None:
            most = MAX_ROWS
        else:
            room = height - AXIS_HEIGHT - len(lanes) * LANE_GAP
            # No lane gets more than the rows the others leave it, one each.
            most = min(max(int(room // ROW_HEIGHT) - (len(lanes) - 1), MAX_ROWS), ROWS_LIMIT)
        placed: list[tuple[LaneLayout, list[int]]] = []
        self._drafts, self._slots_of, self._marks_of = {}, {}, {}
        # Lanes of MAX_ROWS rows and a "+N" row each leave room to spare: each
        # lane then takes at once the rows it will try (see below).
        spare = (
            height is not None
            and self.place_once
            and (
                AXIS_HEIGHT + len(lanes) * (MAX_ROWS * ROW_HEIGHT + CLUSTER_ROW + LANE_GAP) < height
            )
        )
        at_most: set[int] = set()
        shown = self._in_detail(lanes, collapsed, t0 - margin, t1, pinned)
        # Lanes placed on at most `cap` rows, not `most`: a pass reads how many it
        # may take only once it has taken them all, so a lane that fills fewer is
        # placed as on `most`; one that fills them is settled by :meth:`_share`.
        detailed = [visible for ll, visible in shown if not ll.bucketed and not ll.collapsed]
        cap = most
        if spare and self.place_capped and all(pinned not in v for v in detailed):
            share = int((height or 0.0) - AXIS_HEIGHT) // int(ROW_HEIGHT) // max(len(detailed), 1)
            cap = min(max(share + 4, MAX_ROWS + 2), most)
        capped: set[int] = set()
        for lane_layout, visible in shown:
            if lane_layout.collapsed:
                density_strip(lane_layout, layout, t0, t1)
            elif not lane_layout.bucketed:  # (a bucketed lane is counted once in its place)
                if spare and pinned not in visible:
                    # What MAX_ROWS rows and then `most` would give, in one pass:
                    # fewer than MAX_ROWS rows are placed alike either way.
                    self._place_lane(lane_layout, visible, layout, pinned, cap)
                    at_most.add(id(lane_layout))
                    if lane_layout.rows == cap < most:
                        capped.add(id(lane_layout))
                else:
                    self._place_lane(lane_layout, visible, layout, pinned, MAX_ROWS)
            placed.append((lane_layout, visible))
        if height is not None and (spare or self._spare(placed, height)):
            # Room to spare: the lanes that filled their rows try more of them,
            # and the lanes share the height. (With none, every lane keeps the
            # rows an export's has: the plot scrolls, and a frame of many
            # lanes costs one pass.)
            for lane_layout, visible in placed:
                if id(lane_layout) in at_most:
                    continue
                if lane_layout.rows == MAX_ROWS and most > MAX_ROWS and visible:
                    self._place_lane(lane_layout, visible, layout, pinned, most)
            self._share(placed, layout, pinned, height, capped, most)
        # Each lane in its place, then its items made there (never moved).
        top = AXIS_HEIGHT
        for lane_layout, _visible in placed:
            lane_layout.top = top
            layout.lanes.append(lane_layout)
            top += lane_layout.height + LANE_GAP
        drafts, self._drafts = self._drafts, {}
        for lane_layout, rows, overflow in drafts.values():
            self._spans(overflow)  # (once, not at each pass that placed the lane)
            self._items(lane_layout, rows, overflow, layout)
        for lane_layout in layout.lanes:
            if lane_layout.bucketed:
                count_buckets(lane_layout, layout, t0, t1, self._count_text)
        layout.height = top
        return layout

    @staticmethod
    def _in_detail(
        lanes: list[Lane], collapsed: frozenset[str], t0: float, t1: float, pinned: int | None
    ) -> list[tuple[LaneLayout, list[int]]]:
        """Each lane, folded (in ``collapsed``), to be counted or to be placed event
        by event (with its events overlapping ``[t0, t1)``).

        A lane with more than :data:`DETAIL_LIMIT` events in view is counted;
        and when the lanes left hold more than :data:`DETAIL_BUDGET` in all, so
        are those with the most, until the rest fit it (the ``pinned`` event's
        lane last): forty lanes by actor place no more events than eight by kind.
        """
        shown: list[tuple[LaneLayout, list[int]]] = []
        for lane in lanes:
            lane_layout = LaneLayout(lane, 0.0, ROW_HEIGHT)
            found: list[int] | None = []
            # Counted before any list of positions is made: a far view of a
            # million events costs a few bisections per lane, not a million.
            if lane.key in collapsed:
                lane_layout.collapsed = True
            elif (found := lane.overlapping_unless_more(t0, t1, DETAIL_LIMIT)) is None:
                lane_layout.bucketed = True
            shown.append((lane_layout, found or []))
        detailed = [(ll, visible) for ll, visible in shown if not ll.bucketed and not ll.collapsed]
        total = sum(len(visible) for _ll, visible in detailed)
        if total > DETAIL_BUDGET:
            # Counted first: the lanes with the most events; of as many, the later.
            order = sorted(
                range(len(detailed)),
                key=lambda n: (pinned in detailed[n][1], -len(detailed[n][1]), -n),
            )
            for n in order:
                if total <= DETAIL_BUDGET:
                    break
                lane_layout, visible = detailed[n]
                lane_layout.bucketed = True
                total -= len(visible)
                visible.clear()
        return shown

    def _place_lane(
        self,
        lane_layout: LaneLayout,
        visible: list[int],
        layout: Layout,
        pinned: int | None,
        max_rows: int,
        tight: bool = False,
    ) -> None:
        """Lay out a lane's ``visible`` events on at most ``max_rows`` rows, the
        ``pinned`` (selected) one out of any "+N" cluster; ``tight``, cutting
        labels before taking another row."""
        self._place(lane_layout, visible, layout, max_rows=max_rows, tight=tight)
        overflow = self._drafts[id(lane_layout)][2]
        if pinned is not None and any(pinned in cluster.positions for cluster in overflow):
            self._place(lane_layout, visible, layout, pinned, max_rows, tight)

    @staticmethod
    def _spare(placed: list[tuple[LaneLayout, list[int]]], height: float) -> bool:
        """Whether the lanes as placed leave some of ``height`` free."""
        taken = AXIS_HEIGHT + sum(ll.height + LANE_GAP for ll, _visible in placed)
        return taken < height

    def _share(
        self,
        placed: list[tuple[LaneLayout, list[int]]],
        layout: Layout,
        pinned: int | None,
        height: float,
        capped: set[int],
        most: int,
    ) -> None:
        """Lay out again, on fewer rows, the lanes that took more than their share
        of ``height``.

        A lane's rows come in two parts: those it cannot do without (every
        event a mark of its own, labels cut) and those that keep its labels
        whole. The rows there are go first to the former, then to the latter,
        so a "+N" badge appears only where the window has no row left. The
        lanes ``capped`` (by id) filled the fewer rows they were placed on
        first: settled from those when the rows they may take beyond do not
        count (see :func:`capped_sharing`), else placed on ``most`` here.
        """
        drawn = [(ll, visible) for ll, visible in placed if not ll.bucketed and not ll.collapsed]
        fixed = sum(ll.height for ll, _visible in placed if ll.bucketed or ll.collapsed)
        room = height - AXIS_HEIGHT - len(placed) * LANE_GAP - fixed
        at = {n for n, (ll, _visible) in enumerate(drawn) if id(ll) in capped}
        for attempt in ("capped", "whole") if at else ("whole",):
            if attempt == "whole":
                for n in at:
                    self._place(drawn[n][0], drawn[n][1], layout, max_rows=most)
                at = set()
            needs = [ll.rows for ll, _visible in drawn]
            # (A lane capped may want more rows and have a "+N" row or not.)
            badges = sum(
                CLUSTER_ROW for n, (ll, _v) in enumerate(drawn) if ll.hidden and n not in at
            )
            if not drawn or sum(needs) * ROW_HEIGHT + badges <= room:
                if at:
                    continue  # the lanes may all fit
                return
            # Each lane as placed with all the rows it wants, put back when it gets them.
            loose = {
                n: (ll.rows, ll.height, ll.hidden, self._drafts[id(ll)])
                for n, (ll, _visible) in enumerate(drawn)
                if n not in at
            }
            least = []
            for (lane_layout, visible), need in zip(drawn, needs, strict=True):
                if need > 1:  # (capped: as a tight pass on more rows goes up to `need`)
                    self._place_lane(lane_layout, visible, layout, pinned, need, tight=True)
                least.append(lane_layout.rows)
            clustered = {n for n, (ll, _visible) in enumerate(drawn) if ll.hidden}
            if not at:
                shares = rounds_of_sharing(needs, least, clustered, room, MAX_ROWS)
                break
            cap = max(needs[n] for n in at)
            found = capped_sharing(needs, least, cap, at, clustered - at, room, MAX_ROWS)
            if found is not None:
                shares = found
                break
            for n, (rows, lane_height, hidden, draft) in loose.items():  # as placed loose
                lane = drawn[n][0]
                lane.rows, lane.height, lane.hidden = rows, lane_height, hidden
                self._drafts[id(lane)] = draft
        for n, ((lane_layout, visible), need, share) in enumerate(
            zip(drawn, needs, shares, strict=True)
        ):
            if share < lane_layout.rows:  # fewer rows than even the tight layout took
                self._place_lane(lane_layout, visible, layout, pinned, share, tight=True)
            elif share >= need:  # all it wants: as first placed (never a lane capped)
                rows, lane_height, hidden, draft = loose[n]
                lane_layout.rows, lane_layout.height, lane_layout.hidden = rows, lane_height, hidden
                self._drafts[id(lane_layout)] = draft
            elif share > lane_layout.rows:  # room for some whole labels again
                self._place_lane(lane_layout, visible, layout, pinned, share)
                if lane_layout.hidden:  # the loose layout ran out of rows: cut labels instead
                    self._place_lane(lane_layout, visible, layout, pinned, share, tight=True)

    def _marks_once(self, positions: list[int], layout: Layout) -> Marks:
        """:meth:`_marks`, worked out once per list of positions and layout."""
        kept = self._marks_of.get(id(positions))
        if kept is None or kept[0] is not positions:
            kept = self._marks_of[id(positions)] = (positions, self._marks(positions, layout))
        return kept[1]

    def _marks(self, positions: list[int], layout: Layout) -> Marks:
        """Where each event's band starts and ends, and where its mark goes (all at once)."""
        index = self.index
        at = np.asarray(positions, np.int64)
        x0 = GUTTER + (index.starts[at] - layout.t0) / layout.seconds_per_px
        x1 = GUTTER + (index.ends[at] - layout.t0) / layout.seconds_per_px
        # A real duration is marked at its start; an uncertain date (a day,
        # a week, an approximate range) at the middle of what it may mean.
        duration = index.durations[at] & (x1 - x0 >= 2 * GLYPH)
        gx = np.where(duration, x0, (x0 + x1) / 2)
        width = layout.width
        wide = (x1 - x0 > WIDE_BAND) & (
            ((x0 < GUTTER) & (x1 > GUTTER)) | ((x0 < width) & (x1 > width))
        )
        if wide.any():
            # A wide band that runs across an edge keeps its marker in view.
            kept = np.maximum(np.maximum(gx, GUTTER + GLYPH + 2), x0)
            kept = np.minimum(np.minimum(kept, width - GLYPH - 2), x1)
            gx = np.where(wide, kept, gx)
        return x0.tolist(), x1.tolist(), gx.tolist()

    def _slots_once(
        self, position: int, layout: Layout, x0: float, x1: float, gx: float
    ) -> list[Slot]:
        """:meth:`_slots`, worked out once per event and layout."""
        slots = self._slots_of.get(position)
        if slots is None:
            slots = self._slots_of[position] = self._slots(position, layout, x0, x1, gx)
        return slots

    def _slots(self, position: int, layout: Layout, x0: float, x1: float, gx: float) -> list[Slot]:
        """Where an event's mark, band and label may go, in the order preferred.

        ``x0``, ``x1`` and ``gx`` are its band and mark (:meth:`_marks`).
        Empty if nothing of the event shows.
        """
        index = self.index
        # An open end fades out to the right: nothing else goes on the fade.
        tail = x1 + OPEN_END_FADE if index.open_end(position) else x1
        full = self.metrics.label_width(position)
        # The shortest label shown is a word or two: a row keeps room for it.
        shortest = max(LEAST_LABEL, self._widths(position)[1])
        label_x = gx + GLYPH + 4

        def slot(label_x: float, full: float, least: float, flipped: bool) -> Slot:
            full, least = max(full, 0.0), max(least, 0.0)
            left = min(x0, gx - GLYPH, label_x) - 2
            return Slot(position, x0, tail, gx, label_x, full, least, left, flipped)

        if label_x < GUTTER + 2:
            # The mark is left of the plot: the label is pinned near the plot's
            # edge (a leader line joins it to the edge the mark is past) and
            # keeps the room its whole label would have reached into the plot,
            # shown from its start and cut at a word's end. It takes no more
            # room than unpinned, so panning never pushes its neighbours into
            # other rows.
            full = label_x + full - (GUTTER + LEADER_GAP)
            if full < MIN_LABEL:
                if x1 < GUTTER:
                    return []
                full = 0.0  # its band is in view, its label is not
            return [slot(GUTTER + LEADER_GAP, full, min(full, shortest), False)]
        # Right of the mark, cut at the plot's right edge; or left of the mark
        # (whole, or cut to the shortest), a leader line joining it to the mark:
        # at the right edge when there is more room there, and for an open end,
        # whose fading band needs the right.
        room_right = layout.width - 2 - label_x
        room_left = gx - GLYPH - LEADER_GAP - (GUTTER + 2)
        on_right = min(full, room_right)
        right = slot(min(label_x, layout.width - 2), on_right, min(on_right, shortest), False)
        open_left = index.open_end(position) and room_left >= full
        if not open_left and (full <= room_right or room_left <= room_right):
            return [right]
        whole_left = min(full, room_left)
        left_whole = slot(gx - GLYPH - LEADER_GAP - whole_left, whole_left, whole_left, True)
        least_left = min(full, room_left, shortest)
        left_least = slot(gx - GLYPH - LEADER_GAP - least_left, least_left, least_left, True)
        if open_left and on_right >= shortest:
            return [left_whole, right, left_least]
        # A right whose room has no two words for the label comes last: the
        # label shows cut on the left rather than not at all.
        return [left_whole, left_least, right]

    def _place(
        self,
        lane: LaneLayout,
        visible: list[int],
        layout: Layout,
        first: int | None = None,
        max_rows: int = MAX_ROWS,
        tight: bool = False,
    ) -> None:
        """Place ``visible`` on at most ``max_rows`` rows of ``lane`` (from y 0:
        the layout moves the lane down to its place), ``first`` before the others."""
        rows = Rows()
        overflow: list[Cluster] = []
        order = visible if first is None else [first, *(p for p in visible if p != first)]
        marks = zip(order, *self._marks_once(order, layout), strict=True)
        # How far left the rows' last labels all reach (once every row is
        # taken), made again when a slot joins a row.
        reach = -math.inf
        shortcut = first is None and not self.measure_crowded
        for position, x0, x1, gx in marks:
            # Every slot of an event starts left of its band (x0 - 2 or less):
            # when each row's last label reaches past that, no row takes it,
            # whatever its label, which then need not be measured.
            if shortcut and reach > x0 - 2 and x1 >= GUTTER:
                self._overflow(overflow, position, gx)
                continue
            slots = self._slots_once(position, layout, x0, x1, gx)
            if not slots:
                continue
            placed = False
            # In time order, a row takes a slot only after its last one: when
            # no row can, even with labels cut, the slot goes to the cluster at
            # once (a crowded lane costs one comparison per row, not many).
            crowded = (
                first is None
                and len(rows) == max_rows
                # every row's last label, cut, reaches past every slot's left
                and (not rows or rows.reach > max(s.left for s in slots))
            )
            # Tight, every way of placing the label is tried on the rows there
            # are before one opens another row.
            tries = [(slot, len(rows) if tight else max_rows) for slot in slots]
            if tight:
                tries.append((slots[0], max_rows))
            for slot, most in () if crowded else tries:
                row = row_for(rows, slot, most, tight)
                if row is not None:
                    rows.put(row, slot)
                    placed = True
                    if len(rows) == max_rows:
                        reach = rows.reach
                    break
            if placed:
                continue
            self._overflow(overflow, position, slots[0].gx)
        lane.rows = max(len(rows), 1)
        lane.height = lane.rows * ROW_HEIGHT + (CLUSTER_ROW if overflow else 0)
        lane.hidden = sum(len(cluster.positions) for cluster in overflow)
        # Its items are made once the lanes' rows are settled (:meth:`_items`).
        self._drafts[id(lane)] = (lane, rows, overflow)

    def _items(
        self, lane: LaneLayout, rows: list[Row], overflow: list[Cluster], layout: Layout
    ) -> None:
        """The items of ``lane`` as :meth:`_place` last placed them: its events
        row by row, then its "+N" clusters."""
        lane.items = []
        for number, row in enumerate(rows):
            y = lane.top + number * ROW_HEIGHT + ROW_HEIGHT / 2
            # Right to left: a label left of its mark may come out shorter than
            # the room its row kept for it, and the label before it then takes
            # the room up to where it really starts.
            limit = layout.width - 2
            in_row: list[Placed] = []
            for slot in reversed(row.slots):
                item = self._placed(slot, y, limit)
                in_row.append(item)
                limit = item.hit.left() - 2
            lane.items.extend(reversed(in_row))
        cluster_top = lane.top + lane.rows * ROW_HEIGHT
        for cluster in overflow:
            count = len(cluster.positions)
            text = f"+{count}"
            lane.items.append(
                Placed(
                    cluster.positions,
                    Rect(
                        cluster.gx - GLYPH,
                        cluster_top,
                        cluster.right - cluster.gx + GLYPH,
                        CLUSTER_ROW - 2,
                    ),
                    Point(cluster.gx, cluster_top + CLUSTER_ROW / 2),
                    text=text,
                    count=count,
                    span=(cluster.start, cluster.end),
                )
            )

    def _overflow(self, overflow: list[Cluster], position: int, gx: float) -> None:
        """Put an event that fits no row into the "+N" cluster at its mark (or a new
        one). Most events of a crowded view come here, one call each: the span is
        worked out once the lane is settled (:meth:`_spans`), a badge's width once
        per count."""
        if overflow and gx - GLYPH <= overflow[-1].right + 4:
            cluster = overflow[-1]
            cluster.positions.append(position)
        else:
            cluster = Cluster([position], gx, 0.0, 0.0, 0.0)
            overflow.append(cluster)
        # The badge reads "+N": as wide as its text, from just left of the first mark.
        count = len(cluster.positions)
        width = self._plus.get(count)
        if width is None:
            width = self._plus[count] = self.metrics.advance(f"+{count}")
        cluster.right = cluster.gx - GLYPH + width + 10

    def _spans(self, overflow: list[Cluster]) -> None:
        """Each cluster's time span: from its events' first start to their last end
        (all of a lane's clusters at once)."""
        if not overflow:
            return
        index = self.index
        at = np.fromiter((p for cluster in overflow for p in cluster.positions), np.int64)
        sizes = [len(cluster.positions) for cluster in overflow]
        firsts = np.cumsum([0, *sizes[:-1]])
        starts = np.minimum.reduceat(index.starts[at], firsts).tolist()
        ends = np.maximum.reduceat(index.ends[at], firsts).tolist()
        for cluster, start, end in zip(overflow, starts, ends, strict=True):
            cluster.start, cluster.end = start, end

    def _placed(self, slot: Slot, y: float, limit: float) -> Placed:
        """The event of ``slot`` in its row, its label taking the room up to ``limit``
        and showing its title cut at a word's end (see :mod:`viewer.timeline.labels`)."""
        room = slot.full if slot.flipped else min(slot.full, limit - ITEM_GAP - slot.label_x)
        room = max(room, 0.0)
        text, text_width = self._widths.cut(slot.position, room)
        label_x, leader = slot.label_x, None
        if slot.flipped:
            # Left of its mark: the label ends at the leader line, however it was cut.
            room = text_width + 1 if text else 0.0
            label_x = slot.gx - GLYPH - LEADER_GAP - room
            if text:
                leader = (label_x + room, slot.gx - GLYPH - 1)
        elif text and slot.label_x > slot.gx + GLYPH + 4:
            # Pinned at the plot's left edge: the line runs to the edge the mark is past.
            leader = (min(GUTTER, slot.label_x), slot.label_x)
        # slot.x1 is where the band ends: with an open end, where its fade does.
        band = Rect(slot.x0, y - ROW_HEIGHT / 2 + 3, max(slot.x1 - slot.x0, 1), ROW_HEIGHT - 6)
        label = Rect(label_x, y - ROW_HEIGHT / 2, room, ROW_HEIGHT)
        hit = Rect(min(slot.x0, slot.gx - GLYPH, label_x), y - ROW_HEIGHT / 2, 0, ROW_HEIGHT)
        hit.setRight(max(slot.x1, slot.gx + GLYPH, label.right()))
        return Placed([slot.position], hit, Point(slot.gx, y), band, label, text, leader=leader)

    def _count_text(self, count: int) -> tuple[str, float]:
        """A count as its badge reads it, and the badge's width (once per count)."""
        known = self._counts.get(count)
        if known is None:
            text = words.number(count)
            known = self._counts[count] = (text, self.metrics.advance(text) + 10)
        return known
