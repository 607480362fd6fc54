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
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, QTime
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from viewer.axis import TickStep, TickUnit, choose_step, clamp_time, floor_to_step, ticks
from viewer.domain.model import EventKind, Timeline
from viewer.index import EventIndex, Lane

AXIS_HEIGHT = 46.0
GUTTER = 118.0
ROW_HEIGHT = 22.0
CLUSTER_ROW = 18.0
LANE_GAP = 8.0
MAX_ROWS = 3
LABEL_MAX = 240.0
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
    """An event (or a cluster of events) where it was laid out."""

    positions: list[int]
    hit: QRectF
    glyph: QPointF
    band: QRectF | None = None
    label: QRectF | None = None
    text: str = ""
    #: For a cluster: how many events it stands for, and the time they span.
    count: int = 1
    span: tuple[float, float] = (0.0, 0.0)

    @property
    def is_cluster(self) -> bool:
        return self.label is None


@dataclass(slots=True)
class LaneLayout:
    kind: EventKind
    top: float
    height: float
    items: list[Placed] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    t0: float
    seconds_per_px: float
    width: float
    lanes: list[LaneLayout]
    height: float

    def x_of(self, t: float) -> float:
        return GUTTER + (t - self.t0) / self.seconds_per_px

    def items(self) -> list[Placed]:
        return [item for lane in self.lanes for item in lane.items]


class TimelineRenderer:
    """Lays out and paints one timeline; knows nothing about widgets."""

    def __init__(self, timeline: Timeline | None = None) -> None:
        self.timeline: Timeline | None = None
        self.index = EventIndex(())
        self.font = QFont()
        #: How many of the reader's notes each event has (drawn as a marker).
        self.note_counts: dict[str, int] = {}
        self.set_timeline(timeline)

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.index = EventIndex(timeline.events if timeline else ())
        self._label_width: dict[int, float] = {}

    # -- geometry ---------------------------------------------------------

    def label_width(self, position: int) -> float:
        width = self._label_width.get(position)
        if width is None:
            metrics = QFontMetricsF(self.font)
            width = min(metrics.horizontalAdvance(self.index.events[position].title), LABEL_MAX)
            self._label_width[position] = width
        return width

    def layout(self, t0: float, seconds_per_px: float, width: float) -> Layout:
        """Place what is visible between ``t0`` and the right edge ``width``."""
        t1 = t0 + (width - GUTTER) * seconds_per_px
        margin = LABEL_MAX * seconds_per_px
        layout = Layout(t0, seconds_per_px, width, [], 0.0)
        top = AXIS_HEIGHT
        for lane in self.index.lanes:
            visible = lane.overlapping(t0 - margin, t1, self.index.ends)
            lane_layout = LaneLayout(lane.kind, top, ROW_HEIGHT)
            if len(visible) > DETAIL_LIMIT:
                self._bucket(lane_layout, lane, layout, t0, t1)
            else:
                self._place(lane_layout, visible, layout)
            layout.lanes.append(lane_layout)
            top += lane_layout.height + LANE_GAP
        layout.height = top
        return layout

    def _place(self, lane: LaneLayout, visible: list[int], layout: Layout) -> None:
        rows_right: list[float] = []
        overflow: list[Placed] = []
        index = self.index
        for position in visible:
            x0 = layout.x_of(index.starts[position])
            x1 = layout.x_of(index.ends[position])
            event = index.events[position]
            is_duration = event.date.end is not None and not event.date.approximate
            # A real duration is marked at its start; an uncertain date (a day,
            # a week, an approximate range) at the middle of what it may mean.
            gx = x0 if is_duration and x1 - x0 >= 2 * GLYPH else (x0 + x1) / 2
            if x1 - x0 > LABEL_MAX and (x0 < GUTTER < x1 or x0 < layout.width < x1):
                # A wide band that runs across an edge keeps its marker in view.
                gx = min(max(gx, GUTTER + GLYPH + 2, x0), layout.width - GLYPH - 2, x1)
            label_w = self.label_width(position)
            label_x = gx + GLYPH + 4
            if label_x + label_w > layout.width and gx - GLYPH - 4 - label_w >= GUTTER:
                label_x = gx - GLYPH - 4 - label_w  # at the right edge: label on the left
            left = min(x0, gx - GLYPH, label_x) - 2
            right = max(x1, gx + GLYPH, label_x + label_w) + 10
            row = next((r for r, edge in enumerate(rows_right) if edge <= left), None)
            if row is None and len(rows_right) < MAX_ROWS:
                row = len(rows_right)
                rows_right.append(-math.inf)
            if row is None:
                start, end = index.starts[position], index.ends[position]
                if overflow and gx - GLYPH <= overflow[-1].hit.right() + 4:
                    cluster = overflow[-1]
                    cluster.positions.append(position)
                    cluster.span = (min(cluster.span[0], start), max(cluster.span[1], end))
                else:
                    cluster = Placed([position], QRectF(), QPointF(gx, 0), span=(start, end))
                    overflow.append(cluster)
                cluster.count = len(cluster.positions)
                cluster.text = f"+{cluster.count}"
                w = QFontMetricsF(self.font).horizontalAdvance(cluster.text) + 10
                cluster.hit = QRectF(cluster.glyph.x() - GLYPH, 0, w, CLUSTER_ROW - 2)
                continue
            rows_right[row] = right
            y = lane.top + row * ROW_HEIGHT + ROW_HEIGHT / 2
            band = QRectF(x0, y - ROW_HEIGHT / 2 + 3, max(x1 - x0, 1), ROW_HEIGHT - 6)
            label = QRectF(label_x, y - ROW_HEIGHT / 2, label_w, ROW_HEIGHT)
            hit = QRectF(min(x0, gx - GLYPH, label_x), y - ROW_HEIGHT / 2, 0, ROW_HEIGHT)
            hit.setRight(max(x1, gx + GLYPH, label.right()))
            lane.items.append(Placed([position], hit, QPointF(gx, y), band, label, event.title))
        rows = max(len(rows_right), 1)
        lane.height = rows * ROW_HEIGHT + (CLUSTER_ROW if overflow else 0)
        for cluster in overflow:
            cluster_top = lane.top + rows * ROW_HEIGHT
            cluster.hit.moveTop(cluster_top)
            cluster.glyph = QPointF(cluster.glyph.x(), cluster_top + CLUSTER_ROW / 2)
            lane.items.append(cluster)

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
                    )
                )
            t += span
        lane_layout.height = ROW_HEIGHT

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
        event = self.index.events[item.positions[0]]
        happened = event.status.happened
        if is_selected:
            highlight = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(QColor(highlight.red(), highlight.green(), highlight.blue(), 50))
            painter.drawRoundedRect(item.hit.adjusted(-3, 0, 3, 0), 4, 4)
        band = item.band
        if band is not None and band.width() > 2 * GLYPH:
            soft = QColor(color)
            if event.date.approximate:
                soft.setAlpha(150)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(soft, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(band)
                soft.setAlpha(40)
                painter.setBrush(soft)
                painter.drawRect(band)
            elif event.date.end is not None:
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
        if self.note_counts.get(event.id):
            paint_note_marker(painter, item.glyph, palette)
        if item.label is not None:  # always, for an event; keeps mypy's narrowing
            font = QFont(self.font)
            font.setBold(is_selected)
            font.setItalic(not happened)
            painter.setFont(font)
            painter.setPen(text_color)
            text = QFontMetricsF(font).elidedText(
                item.text,
                Qt.TextElideMode.ElideRight,
                item.label.width() + (4 if is_selected else 0),
            )
            painter.drawText(
                item.label.adjusted(0, 0, 20, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
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
        for x, text in ticks_:
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 8), QPointF(x, height))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 10), text)
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
    return min(LABEL_MAX + 20, time_area_width * 0.2)


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
