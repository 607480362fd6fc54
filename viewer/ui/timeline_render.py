"""Laying out and painting a timeline: shared by the widget and by export.

Only what is visible is laid out: each lane asks the :class:`EventIndex` for
the events overlapping the visible time range. Labels never overlap: an event
takes the first row of its lane where its marker and label fit, and events
that fit nowhere are gathered into a "+N" cluster that expands on zoom or
click. Far out, a lane with thousands of visible events is drawn as counts
per bucket (level of detail), never event by event.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, QTime
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from viewer.axis import TickStep, TickUnit, choose_step, clamp_time, floor_to_step, ticks
from viewer.domain.model import EventKind
from viewer.domain.timeline import Timeline
from viewer.index import EventIndex, Lane

AXIS_HEIGHT = 46.0
GUTTER = 118.0
ROW_HEIGHT = 22.0
CLUSTER_ROW = 18.0
LANE_GAP = 8.0
MAX_ROWS = 3
#: The longest label drawn; titles longer than this are cut. Labels are
#: otherwise as wide as the room up to the next mark in their row.
LABEL_MAX = 1000.0
#: How far left of the plot an event's mark may be for its label to be
#: pinned at the plot's edge (a label reaching farther in is cut there).
LABEL_REACH = 480.0
#: A label may be cut down to this to share its row (then it is elided).
LEAST_LABEL = 110.0
#: A label pinned at the left edge with less room than this is not drawn.
MIN_LABEL = 28.0
#: Space kept between one item's label and the next mark in its row.
ITEM_GAP = 8.0
#: A band wider than this keeps its marker in view when it crosses an edge.
WIDE_BAND = 240.0
#: How far an open end ("from this day on") fades out to the right.
OPEN_END_FADE = 120.0
#: Room kept free right of the last event when fitting, for its label.
FIT_LABEL_ROOM = 260.0
ELLIPSIS = "\u2026"
GLYPH = 6.0
#: A lane with more visible events than this is drawn as counts per bucket.
DETAIL_LIMIT = 1500
BUCKET_PX = 56.0

# Okabe-Ito colours: told apart by colour-blind readers too; each kind also
# has its own glyph, so colour is never the only cue.
KIND_STYLE: dict[EventKind, tuple[str, str]] = {
    EventKind.CALL: ("#0072B2", "circle"),
    EventKind.ATTACK: ("#D55E00", "triangle"),
    EventKind.TALKS: ("#009E73", "square"),
    EventKind.MEETING: ("#CC79A7", "hexagon"),
    EventKind.STATEMENT: ("#E69F00", "diamond"),
    EventKind.PROPOSAL: ("#56B4E9", "star"),
    EventKind.SANCTIONS: ("#A08C00", "cross"),
    EventKind.OTHER: ("#8C8C8C", "pentagon"),
}

KIND_NAMES: dict[EventKind, str] = {
    EventKind.CALL: "Calls",
    EventKind.ATTACK: "Attacks",
    EventKind.TALKS: "Talks",
    EventKind.MEETING: "Meetings",
    EventKind.STATEMENT: "Statements",
    EventKind.PROPOSAL: "Proposals",
    EventKind.SANCTIONS: "Sanctions",
    EventKind.OTHER: "Other",
}


def kind_color(kind: EventKind) -> QColor:
    return QColor(KIND_STYLE[kind][0])


def glyph_path(shape: str, center: QPointF, r: float) -> QPainterPath:
    path = QPainterPath()
    x, y = center.x(), center.y()
    if shape == "circle":
        path.addEllipse(center, r, r)
    elif shape == "square":
        path.addRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "cross":
        w = r * 0.45
        path.addRect(QRectF(x - r, y - w, 2 * r, 2 * w))
        path.addRect(QRectF(x - w, y - r, 2 * w, 2 * r))
        path = path.simplified()
    else:
        corners = {"triangle": 3, "diamond": 4, "pentagon": 5, "hexagon": 6, "star": 10}[shape]
        points = []
        for i in range(corners):
            angle = -math.pi / 2 + 2 * math.pi * i / corners
            radius = (
                r
                * (0.45 if shape == "star" and i % 2 else 1.0)
                * (1.15 if shape == "triangle" else 1.0)
            )
            points.append(QPointF(x + radius * math.cos(angle), y + radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    return path


@dataclass(slots=True)
class Placed:
    """An event (or a cluster of events, or a count bucket) where it was laid out."""

    positions: list[int]
    hit: QRectF
    glyph: QPointF
    band: QRectF | None = None
    label: QRectF | None = None
    #: What is drawn: an event's title as it fits its room, or a cluster's count.
    text: str = ""
    #: For a cluster or bucket: how many events it stands for, and the time they span.
    count: int = 1
    span: tuple[float, float] = (0.0, 0.0)
    #: A far-zoom count of the events starting in ``span`` (not a list of them).
    bucket: bool = False

    @property
    def is_cluster(self) -> bool:
        return self.label is None


@dataclass(slots=True)
class LaneLayout:
    kind: EventKind
    top: float
    height: float
    items: list[Placed] = field(default_factory=list)
    #: Drawn as counts per bucket: too many events in view for marks.
    bucketed: bool = False


@dataclass(slots=True)
class Layout:
    t0: float
    seconds_per_px: float
    width: float
    lanes: list[LaneLayout]
    height: float
    #: The index the positions in this layout point into: a layout of another
    #: index (the timeline was swapped) is never painted or hit-tested.
    index: EventIndex | None = None

    def x_of(self, t: float) -> float:
        return GUTTER + (t - self.t0) / self.seconds_per_px

    def items(self) -> list[Placed]:
        return [item for lane in self.lanes for item in lane.items]


@dataclass(slots=True)
class _Slot:
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


class _Row:
    """One row of a lane: its slots in left-to-right order."""

    __slots__ = ("lefts", "slots")

    def __init__(self) -> None:
        self.lefts: list[float] = []
        self.slots: list[_Slot] = []

    def fits(self, slot: _Slot, whole: bool) -> bool:
        i = bisect_right(self.lefts, slot.left)
        if i > 0 and self.slots[i - 1].right(whole) > slot.left:
            return False
        return i == len(self.slots) or slot.right(whole) <= self.slots[i].left

    def room_before(self, slot: _Slot) -> float:
        """How far the slot's left is from the whole label of the slot before it."""
        i = bisect_right(self.lefts, slot.left)
        return math.inf if i == 0 else slot.left - self.slots[i - 1].right(True)

    def add(self, slot: _Slot) -> None:
        i = bisect_right(self.lefts, slot.left)
        self.lefts.insert(i, slot.left)
        self.slots.insert(i, slot)


def _row_for(rows: list[_Row], slot: _Slot) -> _Row | None:
    """A row where both labels stay whole; else a new row; else the row where
    the label before it is cut least; else None (the slot joins a "+N" cluster).
    """
    row = next((r for r in rows if r.fits(slot, True)), None)
    if row is None and len(rows) < MAX_ROWS:
        row = _Row()
        rows.append(row)
    if row is None:
        best = -math.inf
        for candidate in rows:
            room = candidate.room_before(slot)
            if room > best and candidate.fits(slot, False):
                row, best = candidate, room
    return row


class TimelineRenderer:
    """Lays out and paints one timeline; knows nothing about widgets."""

    def __init__(self, timeline: Timeline | None = None) -> None:
        self.timeline: Timeline | None = None
        self.index = EventIndex()
        self._font = QFont()
        #: How many of the reader's notes each event has (drawn as a marker).
        self.note_counts: dict[str, int] = {}
        self.set_timeline(timeline)

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.index = timeline.index if timeline else EventIndex()
        self._label_width: dict[int, float] = {}

    @property
    def font(self) -> QFont:
        return self._font

    @font.setter
    def font(self, font: QFont) -> None:
        if font != self._font:
            self._font = QFont(font)
            self._label_width = {}  # measured in the old font

    def label_font(self, position: int) -> QFont:
        """The font of an event's label: italic for what has not (yet) happened."""
        font = QFont(self._font)
        font.setItalic(not self.index.happened(position))
        return font

    # -- geometry ---------------------------------------------------------

    def label_width(self, position: int) -> float:
        """The whole width of an event's title in its label font (at most LABEL_MAX)."""
        width = self._label_width.get(position)
        if width is None:
            metrics = QFontMetricsF(self.label_font(position))
            width = min(metrics.horizontalAdvance(self.index.title(position)), LABEL_MAX)
            width = math.ceil(width) + 1.0
            self._label_width[position] = width
        return width

    def layout(
        self, t0: float, seconds_per_px: float, width: float, selected: str | None = None
    ) -> Layout:
        """Place what is visible between ``t0`` and the right edge ``width``.

        The ``selected`` event always gets a row and a label of its own when
        its lane is drawn event by event: it is never hidden in a "+N" cluster.
        """
        t1 = t0 + (width - GUTTER) * seconds_per_px
        margin = LABEL_REACH * seconds_per_px
        layout = Layout(t0, seconds_per_px, width, [], 0.0, self.index)
        pinned = self.index.position.get(selected) if selected else None
        top = AXIS_HEIGHT
        for lane in self.index.lanes:
            visible = lane.overlapping(t0 - margin, t1)
            lane_layout = LaneLayout(lane.kind, top, ROW_HEIGHT)
            if len(visible) > DETAIL_LIMIT:
                self._bucket(lane_layout, lane, layout, t0, t1)
            else:
                self._place(lane_layout, visible, layout)
                if pinned is not None and any(
                    item.is_cluster and pinned in item.positions for item in lane_layout.items
                ):
                    lane_layout = LaneLayout(lane.kind, top, ROW_HEIGHT)
                    self._place(lane_layout, visible, layout, first=pinned)
            layout.lanes.append(lane_layout)
            top += lane_layout.height + LANE_GAP
        layout.height = top
        return layout

    def _slots(self, position: int, layout: Layout) -> list[_Slot]:
        """Where an event's mark, band and label may go, in the order preferred.

        Empty if nothing of the event shows.
        """
        index = self.index
        x0 = layout.x_of(index.starts[position])
        x1 = layout.x_of(index.ends[position])
        is_duration = index.closed_end(position) and not index.approximate(position)
        # A real duration is marked at its start; an uncertain date (a day,
        # a week, an approximate range) at the middle of what it may mean.
        gx = x0 if is_duration and x1 - x0 >= 2 * GLYPH else (x0 + x1) / 2
        if x1 - x0 > WIDE_BAND and (x0 < GUTTER < x1 or x0 < layout.width < x1):
            # A wide band that runs across an edge keeps its marker in view.
            gx = min(max(gx, GUTTER + GLYPH + 2, x0), layout.width - GLYPH - 2, x1)
        # An open end fades out to the right: nothing else goes on the fade.
        tail = x1 + OPEN_END_FADE if index.open_end(position) else x1
        full = self.label_width(position)
        label_x = gx + GLYPH + 4

        def slot(label_x: float, full: float, least: float, flipped: bool) -> _Slot:
            full, least = max(full, 0.0), max(least, 0.0)
            left = min(x0, gx - GLYPH, label_x) - 2
            return _Slot(position, x0, tail, gx, label_x, full, least, left, flipped)

        if label_x < GUTTER + 2:
            # The mark is left of the plot: the label is pinned to the plot's
            # edge and keeps the room its whole label would have reached into
            # the plot, shown from its start and cut at the end, never clipped
            # at the start ("rump …"). It takes no more room than unpinned, so
            # panning never pushes its neighbours into other rows.
            full = label_x + full - (GUTTER + 2)
            if full < MIN_LABEL:
                if x1 < GUTTER:
                    return []
                full = 0.0  # its band is in view, its label is not
            return [slot(GUTTER + 2, full, min(full, LEAST_LABEL), False)]
        # Right of the mark, cut at the plot's right edge; or left of the mark
        # (whole, or cut to LEAST_LABEL): at the right edge when there is more
        # room there, and for an open end, whose fading band needs the right.
        room_right = layout.width - 2 - label_x
        room_left = gx - GLYPH - 4 - (GUTTER + 2)
        on_right = min(full, room_right)
        right = slot(min(label_x, layout.width - 2), on_right, min(on_right, LEAST_LABEL), False)
        open_left = index.open_end(position) and room_left >= full
        if not open_left and (full <= room_right or room_left <= room_right):
            return [right]
        whole_left = min(full, room_left)
        left_whole = slot(gx - GLYPH - 4 - whole_left, whole_left, whole_left, True)
        least_left = min(full, room_left, LEAST_LABEL)
        left_least = slot(gx - GLYPH - 4 - least_left, least_left, least_left, True)
        return [left_whole, right, left_least] if open_left else [left_whole, left_least, right]

    def _place(
        self, lane: LaneLayout, visible: list[int], layout: Layout, first: int | None = None
    ) -> None:
        rows: list[_Row] = []
        overflow: list[Placed] = []
        index = self.index
        order = visible if first is None else [first, *(p for p in visible if p != first)]
        metrics = QFontMetricsF(self._font)
        for position in order:
            slots = self._slots(position, layout)
            if not slots:
                continue
            placed = False
            # In time order, a row takes a slot only after its last one: when
            # no row can, even with labels cut, the slot goes to the cluster at
            # once (a crowded lane costs one comparison per row, not many).
            crowded = (
                first is None
                and len(rows) == MAX_ROWS
                and all(row.slots[-1].right(False) > slot.left for row in rows for slot in slots)
            )
            for slot in () if crowded else slots:
                row = _row_for(rows, slot)
                if row is not None:
                    row.add(slot)
                    placed = True
                    break
            if placed:
                continue
            slot = slots[0]
            start, end = index.starts[position], index.ends[position]
            gx = slot.gx
            if overflow and gx - GLYPH <= overflow[-1].hit.right() + 4:
                cluster = overflow[-1]
                cluster.positions.append(position)
                cluster.span = (min(cluster.span[0], start), max(cluster.span[1], end))
            else:
                cluster = Placed([position], QRectF(), QPointF(gx, 0), span=(start, end))
                overflow.append(cluster)
            cluster.count = len(cluster.positions)
            cluster.text = f"+{cluster.count}"
            w = metrics.horizontalAdvance(cluster.text) + 10
            cluster.hit = QRectF(cluster.glyph.x() - GLYPH, 0, w, CLUSTER_ROW - 2)
        for number, row in enumerate(rows):
            y = lane.top + number * ROW_HEIGHT + ROW_HEIGHT / 2
            for i, slot in enumerate(row.slots):
                limit = row.slots[i + 1].left if i + 1 < len(row.slots) else layout.width - 2
                lane.items.append(self._placed(slot, y, limit))
        self._keep_apart(lane.items)
        lane.height = max(len(rows), 1) * ROW_HEIGHT + (CLUSTER_ROW if overflow else 0)
        for cluster in overflow:
            cluster_top = lane.top + max(len(rows), 1) * ROW_HEIGHT
            cluster.hit.moveTop(cluster_top)
            cluster.glyph = QPointF(cluster.glyph.x(), cluster_top + CLUSTER_ROW / 2)
            lane.items.append(cluster)

    def _placed(self, slot: _Slot, y: float, limit: float) -> Placed:
        """The event of ``slot`` in its row, its label taking the room up to ``limit``."""
        title = self.index.title(slot.position)
        room = slot.full if slot.flipped else min(slot.full, limit - ITEM_GAP - slot.label_x)
        room = max(room, 0.0)
        text = QFontMetricsF(self.label_font(slot.position)).elidedText(
            title, Qt.TextElideMode.ElideRight, room
        )
        # slot.x1 is where the band ends: with an open end, where its fade does.
        band = QRectF(slot.x0, y - ROW_HEIGHT / 2 + 3, max(slot.x1 - slot.x0, 1), ROW_HEIGHT - 6)
        label = QRectF(slot.label_x, y - ROW_HEIGHT / 2, room, ROW_HEIGHT)
        hit = QRectF(min(slot.x0, slot.gx - GLYPH, slot.label_x), y - ROW_HEIGHT / 2, 0, ROW_HEIGHT)
        hit.setRight(max(slot.x1, slot.gx + GLYPH, label.right()))
        return Placed([slot.position], hit, QPointF(slot.gx, y), band, label, text)

    def _keep_apart(self, items: list[Placed]) -> None:
        """Cut a label in the middle when what it shows would fit another title too.

        Titles that begin alike ("Explosion an einer Brücke in der Region …")
        keep their different ends in view.
        """
        index = self.index
        titles = sorted(index.title(item.positions[0]) for item in items)
        for item in items:
            if item.label is None or not item.text.endswith(ELLIPSIS):
                continue
            title = index.title(item.positions[0])
            shown = item.text.removesuffix(ELLIPSIS)
            at = bisect_left(titles, shown)
            alike = 0
            while at < len(titles) and titles[at].startswith(shown):
                alike += titles[at] != title
                at += 1
            if alike:
                metrics = QFontMetricsF(self.label_font(item.positions[0]))
                item.text = metrics.elidedText(
                    title, Qt.TextElideMode.ElideMiddle, item.label.width()
                )

    def _bucket(
        self, lane_layout: LaneLayout, lane: Lane, layout: Layout, t0: float, t1: float
    ) -> None:
        span = BUCKET_PX * layout.seconds_per_px
        start = math.floor(t0 / span) * span
        y = lane_layout.top + ROW_HEIGHT / 2
        t = start
        while t < t1:
            count = lane.count_starting(t, t + span)
            if count:
                first = lane.positions[lane.count_starting(-math.inf, t)]
                x = layout.x_of(t)
                text = f"{count:,}"
                w = QFontMetricsF(self.font).horizontalAdvance(text) + 10
                lane_layout.items.append(
                    Placed(
                        [first],
                        QRectF(x, y - 8, w, 16),
                        QPointF(x, y),
                        text=text,
                        count=count,
                        span=(t, t + span),
                        bucket=True,
                    )
                )
            t += span
        lane_layout.height = ROW_HEIGHT
        lane_layout.bucketed = True

    # -- painting ---------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        layout: Layout,
        palette: QPalette,
        selected: str | None,
        clip: QRectF,
        y_offset: float = 0.0,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        painter.fillRect(clip, palette.color(QPalette.ColorRole.Base))
        text_color = palette.color(QPalette.ColorRole.Text)
        mid = palette.color(QPalette.ColorRole.Mid)

        painter.save()
        painter.setClipRect(QRectF(0, AXIS_HEIGHT, layout.width, clip.height()))
        painter.translate(0, -y_offset)
        alt = palette.color(QPalette.ColorRole.AlternateBase)
        for lane in layout.lanes[1::2]:  # banded lanes, under everything else
            painter.fillRect(
                QRectF(0, lane.top - LANE_GAP / 2, layout.width, lane.height + LANE_GAP), alt
            )
        self._paint_publication(painter, layout, palette, layout.height)
        self._paint_lanes(painter, layout, palette, selected, text_color, mid)
        painter.restore()
        self._paint_axis(painter, layout, palette, text_color, mid, clip.height())
        painter.restore()

    def _paint_lanes(
        self,
        painter: QPainter,
        layout: Layout,
        palette: QPalette,
        selected: str | None,
        text_color: QColor,
        mid: QColor,
    ) -> None:
        metrics = QFontMetricsF(self.font)
        selected_pos = self.index.position.get(selected) if selected else None
        for lane in layout.lanes:
            lane_rect = QRectF(0, lane.top - LANE_GAP / 2, layout.width, lane.height + LANE_GAP)
            color = kind_color(lane.kind)
            shape = KIND_STYLE[lane.kind][1]
            painter.setPen(QPen(color.darker(110), 1.2))
            painter.setBrush(color)
            painter.drawPath(glyph_path(shape, QPointF(12, lane.top + ROW_HEIGHT / 2), GLYPH))
            painter.setPen(text_color)
            painter.drawText(
                QRectF(24, lane.top, GUTTER - 28, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter,
                KIND_NAMES[lane.kind],
            )
            painter.save()
            painter.setClipRect(
                QRectF(GUTTER, lane_rect.top(), layout.width - GUTTER, lane_rect.height())
            )
            for item in lane.items:
                is_selected = selected_pos is not None and selected_pos in item.positions
                self._paint_item(painter, item, lane.kind, is_selected, palette, metrics)
            painter.restore()
        painter.setPen(QPen(mid, 1))
        painter.drawLine(QPointF(GUTTER - 0.5, AXIS_HEIGHT), QPointF(GUTTER - 0.5, layout.height))

    def _paint_item(
        self,
        painter: QPainter,
        item: Placed,
        kind: EventKind,
        is_selected: bool,
        palette: QPalette,
        metrics: QFontMetricsF,
    ) -> None:
        color = kind_color(kind)
        text_color = palette.color(QPalette.ColorRole.Text)
        if item.label is None:  # a cluster: a count badge (outlined if it hides the selection)
            highlight = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 2.5) if is_selected else QPen(color.darker(120), 1))
            painter.setBrush(QColor(color.red(), color.green(), color.blue(), 60))
            painter.drawRoundedRect(item.hit, 7, 7)
            painter.setPen(text_color)
            painter.drawText(item.hit, Qt.AlignmentFlag.AlignCenter, item.text)
            return
        index, position = self.index, item.positions[0]
        happened = index.happened(position)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if is_selected:
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(QColor(highlight.red(), highlight.green(), highlight.blue(), 50))
            painter.drawRoundedRect(item.hit.adjusted(-3, 0, 3, 0), 4, 4)
        band = item.band
        if band is not None and index.open_end(position):
            # From this day on: the start's unit, then a band fading out.
            fade = QLinearGradient(band.left(), 0, band.right(), 0)
            soft = QColor(color)
            soft.setAlpha(110 if happened else 70)
            fade.setColorAt(0, soft)
            fade.setColorAt(max(0.0, 1 - OPEN_END_FADE / max(band.width(), 1)), soft)
            soft.setAlpha(0)
            fade.setColorAt(1, soft)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fade))
            painter.drawRect(band)
        elif band is not None and band.width() > 2 * GLYPH:
            soft = QColor(color)
            if index.approximate(position):
                soft.setAlpha(150)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(soft, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(band)
                soft.setAlpha(40)
                painter.setBrush(soft)
                painter.drawRect(band)
            elif index.closed_end(position):
                soft.setAlpha(130 if happened else 40)
                painter.setBrush(soft)
                pen = QPen(color, 1, Qt.PenStyle.SolidLine if happened else Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawRect(band)
            else:
                soft.setAlpha(45)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(soft)
                painter.drawRect(band)
        path = glyph_path(KIND_STYLE[kind][1], item.glyph, GLYPH)
        if happened:
            painter.setPen(QPen(color.darker(130), 1.2))
            painter.setBrush(color)
        else:  # announced, proposed, demanded: drawn as not (yet) happened
            painter.setPen(QPen(color, 1.8))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawPath(path)
        if self.note_counts.get(index.id_of(position)):
            paint_note_marker(painter, item.glyph, palette)
        if item.label is not None and item.text:  # always, for an event; keeps mypy's narrowing
            font = self.label_font(item.positions[0])
            painter.setFont(font)
            # The label sits on a plate of the background (the selection's
            # colour when selected), so bands and lines under it never make
            # it hard to read. Same font either way: a selected label is
            # never shorter than it was.
            text_width = QFontMetricsF(font).horizontalAdvance(item.text)
            plate = QRectF(item.label.left() - 2, item.label.top() + 3, text_width + 4, 16)
            plate.moveCenter(QPointF(plate.center().x(), item.label.center().y()))
            if is_selected:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(highlight)
                painter.drawRoundedRect(plate, 3, 3)
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                base = QColor(palette.color(QPalette.ColorRole.Base))
                base.setAlpha(215)
                painter.fillRect(plate, base)
                painter.setPen(text_color)
            painter.drawText(
                item.label.adjusted(0, 0, 4, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                item.text,
            )
            painter.setFont(self.font)

    def _paint_axis(
        self,
        painter: QPainter,
        layout: Layout,
        palette: QPalette,
        text_color: QColor,
        mid: QColor,
        height: float,
    ) -> None:
        painter.fillRect(
            QRectF(0, 0, layout.width, AXIS_HEIGHT), palette.color(QPalette.ColorRole.Window)
        )
        painter.setPen(QPen(mid, 1))
        painter.drawLine(QPointF(0, AXIS_HEIGHT - 0.5), QPointF(layout.width, AXIS_HEIGHT - 0.5))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QRectF(6, 4, GUTTER - 10, 18), Qt.AlignmentFlag.AlignLeft, "UTC")
        ticks_, context = self.axis_labels(layout)
        painter.save()
        painter.setClipRect(QRectF(GUTTER, 0, layout.width - GUTTER, height))
        grid = QColor(mid)
        grid.setAlpha(90)
        metrics = QFontMetricsF(self.font)
        for x, text in ticks_:
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 8), QPointF(x, height))
            if x + 3 + metrics.horizontalAdvance(text) <= layout.width:  # whole, or not at all
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 10), text)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for x, text in context:
            painter.drawText(QPointF(x + 3, 16), text)
        painter.restore()

    def axis_labels(
        self, layout: Layout
    ) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
        """The axis as painted: (x, label) of each tick, and of the coarser context above."""
        t1 = layout.t0 + (layout.width - GUTTER) * layout.seconds_per_px
        metrics = QFontMetricsF(self.font)
        step = choose_step(layout.seconds_per_px, self._min_spacing(metrics))
        locale = display_locale()
        ticks_ = [
            (layout.x_of(moment.timestamp()), tick_label(locale, moment, step))
            for moment in ticks(layout.t0, t1, step)
        ]
        context_step = _context_step(step)
        context = [
            (layout.x_of(moment.timestamp()), context_label(locale, moment, step))
            for moment in ticks(layout.t0, t1, context_step)
        ]
        # The unit the left edge is in keeps its label pinned at the left,
        # until the next one would run into it.
        pinned_text = context_label(
            locale,
            floor_to_step(datetime.fromtimestamp(clamp_time(layout.t0), UTC), context_step),
            step,
        )
        pinned_end = GUTTER + 3 + metrics.horizontalAdvance(pinned_text) + 12
        if not context or context[0][0] > pinned_end:
            context.insert(0, (GUTTER, pinned_text))
        return ticks_, context

    def _paint_publication(
        self, painter: QPainter, layout: Layout, palette: QPalette, height: float
    ) -> None:
        if self.timeline is None:
            return
        for source in self.timeline.sources:
            if source.published is None:
                continue
            x0 = layout.x_of(source.published.earliest.timestamp())
            x1 = layout.x_of(source.published.latest.timestamp())
            color = QColor(palette.color(QPalette.ColorRole.Link))
            band = QColor(color)
            band.setAlpha(14)
            painter.fillRect(QRectF(x0, AXIS_HEIGHT, max(x1 - x0, 2), height - AXIS_HEIGHT), band)
            painter.setPen(QPen(color, 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x0, AXIS_HEIGHT), QPointF(x0, height))
            if source.published.approximate:
                painter.drawLine(QPointF(x1, AXIS_HEIGHT), QPointF(x1, height))

    @staticmethod
    def _min_spacing(metrics: QFontMetricsF) -> float:
        return metrics.horizontalAdvance("00.00.0000") + 16


def _context_step(step: TickStep) -> TickStep:
    unit = {
        TickUnit.MINUTE: TickUnit.DAY,
        TickUnit.HOUR: TickUnit.DAY,
        TickUnit.DAY: TickUnit.MONTH,
        TickUnit.WEEK: TickUnit.MONTH,
        TickUnit.MONTH: TickUnit.YEAR,
        TickUnit.YEAR: TickUnit.YEAR,
    }[step.unit]
    count = 100 if step.unit is TickUnit.YEAR else 1
    return TickStep(
        unit,
        count,
        {
            TickUnit.DAY: 86400.0,
            TickUnit.MONTH: 30.4 * 86400.0,
            TickUnit.YEAR: 365.25 * 86400.0 * count,
        }[unit],
    )


def display_locale() -> QLocale:
    """The user's locale; the bare "C" locale (no LANG set) reads better as British English."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale


def _qdate(moment: datetime) -> QDate:
    return QDate(moment.year, moment.month, moment.day)


def tick_label(locale: QLocale, moment: datetime, step: TickStep) -> str:
    """A tick's label in the user's locale."""
    if step.unit in (TickUnit.MINUTE, TickUnit.HOUR):
        return locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    if step.unit in (TickUnit.DAY, TickUnit.WEEK):
        return locale.toString(_qdate(moment), QLocale.FormatType.ShortFormat)
    if step.unit is TickUnit.MONTH:
        return locale.standaloneMonthName(moment.month, QLocale.FormatType.ShortFormat)
    return str(moment.year)


def context_label(locale: QLocale, moment: datetime, step: TickStep) -> str:
    """The coarser label above the ticks: the day for hours, the month for days."""
    if step.unit in (TickUnit.MINUTE, TickUnit.HOUR):
        return locale.toString(_qdate(moment), QLocale.FormatType.LongFormat)
    if step.unit in (TickUnit.DAY, TickUnit.WEEK):
        return f"{locale.standaloneMonthName(moment.month)} {moment.year}"
    if step.unit is TickUnit.MONTH:
        return str(moment.year)
    return ""


LEGEND_ROW = 22.0


def label_room(time_area_width: float) -> float:
    """Room kept free right of the last event when fitting, for its label."""
    return min(FIT_LABEL_ROOM, time_area_width * 0.2)


NOTE_MARK = "#7b3fbf"


def paint_note_marker(painter: QPainter, glyph: QPointF, palette: QPalette) -> None:
    """A small square at the glyph's upper right: this event has the reader's notes."""
    rect = QRectF(glyph.x() + GLYPH * 0.35, glyph.y() - GLYPH - 3.5, 7, 7)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1.2))
    painter.setBrush(QColor(NOTE_MARK))
    painter.drawRect(rect)


def legend_entries() -> list[tuple[str, str]]:
    """(sample, text) pairs of the legend, in order; the sample names what to draw."""
    entries = [(f"kind:{kind.value}", KIND_NAMES[kind]) for kind in EventKind]
    entries += [
        ("filled", "happened"),
        ("outline", "announced / proposed / demanded"),
        ("hatched", "approximate date"),
        ("published", "publication date"),
        ("note", "has my notes"),
    ]
    return entries


def paint_legend(painter: QPainter, rect: QRectF, palette: QPalette, font: QFont) -> float:
    """Paint the legend, wrapping within ``rect``; return the height it took."""
    metrics = QFontMetricsF(font)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    x, y = rect.left() + 8, rect.top()
    neutral = palette.color(QPalette.ColorRole.Text)
    for sample, text in legend_entries():
        width = 22 + metrics.horizontalAdvance(text) + 16
        if x + width > rect.right() and x > rect.left() + 8:
            x, y = rect.left() + 8, y + LEGEND_ROW
        centre = QPointF(x + 8, y + LEGEND_ROW / 2)
        if sample.startswith("kind:"):
            kind = EventKind(sample.removeprefix("kind:"))
            painter.setPen(QPen(kind_color(kind).darker(130), 1.2))
            painter.setBrush(kind_color(kind))
            painter.drawPath(glyph_path(KIND_STYLE[kind][1], centre, GLYPH))
        elif sample == "filled":
            painter.setPen(QPen(neutral, 1.2))
            painter.setBrush(neutral)
            painter.drawPath(glyph_path("circle", centre, GLYPH))
        elif sample == "outline":
            painter.setPen(QPen(neutral, 1.8))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawPath(glyph_path("circle", centre, GLYPH))
        elif sample == "hatched":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(neutral, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(QRectF(centre.x() - 8, centre.y() - 6, 16, 12))
        elif sample == "note":
            painter.setPen(QPen(neutral, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(glyph_path("circle", centre, GLYPH))
            paint_note_marker(painter, centre, palette)
        else:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Link), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(
                QPointF(centre.x(), centre.y() - 8), QPointF(centre.x(), centre.y() + 8)
            )
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QRectF(x + 20, y, width, LEGEND_ROW), Qt.AlignmentFlag.AlignVCenter, text)
        x += width
    painter.restore()
    return y + LEGEND_ROW - rect.top()
