"""Painting a timeline laid out by :mod:`viewer.timeline.layout`, for the widget and export.

The renderer measures labels in its font for the layout (it is the layout's
:class:`~viewer.timeline.layout.TextMetrics`) and paints the items the layout gives.
Far out, a lane is a density strip: the events starting in each pixel column,
counted with bisections and drawn as one image, never one Qt object per event.
"""

from __future__ import annotations

import math
import time

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPalette,
    QPen,
)

from viewer.domain.timeline import Timeline
from viewer.timeline.axis import Axis, AxisLabel, axis_layout, zone_name
from viewer.timeline.filters import Mask, Rows
from viewer.timeline.index import EventIndex
from viewer.timeline.lanes import BY_KIND, LaneChoice, lanes_index
from viewer.timeline.layout import (
    AXIS_HEIGHT,
    GLYPH,
    GUTTER,
    LABEL_MAX,
    OPEN_END_FADE,
    LaneLayout,
    Layout,
    Layouter,
    Placed,
)
from viewer.timeline.matches import Matches
from viewer.ui.timeline.backdrop import (
    era_spans,
    paint_era_titles,
    paint_eras,
    paint_publication,
    paint_today,
    today_color,
)
from viewer.ui.timeline.badges import CountBadges
from viewer.ui.timeline.density import paint_density
from viewer.ui.timeline.glyphs import (
    RING_RADIUS,
    Rings,
    glyph_at,
    paint_note_marker,
    qrect,
)
from viewer.ui.timeline.label_paint import LabelTexts, paint_label, paint_whole_title
from viewer.ui.timeline.lane_header import paint_lane_header
from viewer.ui.timeline.match_marks import paint_lane_matches
from viewer.ui.timeline.palette import KIND_STYLE, blend, changed_color, kind_color, lane_color
from viewer.ui.timeline.rules import Rules
from viewer.ui.timeline.sprites import Grid, Sprites, pixel_grid


class TimelineRenderer:
    """Lays out and paints one timeline; knows nothing about widgets."""

    def __init__(self, timeline: Timeline | None = None, mask: Mask | None = None) -> None:
        self.timeline: Timeline | None = None
        self.index = EventIndex()
        self._font = QFont()
        # Widths of counts and "+N" in the plain font, by text.
        self._advance: dict[str, float] = {}
        self._fonts: dict[bool, tuple[QFont, QFontMetricsF]] | None = None
        # The axis's coarse tier's font (bold) and its metrics.
        self._bold: tuple[QFont, QFontMetricsF] | None = None
        # Counts as static text, and far lanes' count badges (plain font).
        self._badges = CountBadges()
        # Lanes' headers drawn on the screen, as sprites (some 118 by 60 pixels).
        self._headers = Sprites(256)
        # The axis's lines down the plot, as sprites.
        self._rules = Rules()
        # Labels laid out once per text and font.
        self._label_texts = LabelTexts()
        # The event under the pointer (its whole title is shown), by id.
        self.hovered: str | None = None
        # How many of the reader's notes each event has (drawn as a marker).
        self.note_counts: dict[str, int] = {}
        # With several timelines shown: each position's timeline (its place in
        # the timeline's layers); None with one.
        self._layer_at: npt.NDArray[np.uint8] | None = None
        # The same in each lane's order (by its key), made when a lane is first
        # drawn as counts.
        self._lane_layers: dict[str, npt.NDArray[np.uint8]] = {}
        # What the lanes are, their order and the ones folded (see :meth:`set_lanes`).
        self.lanes = BY_KIND
        self._mask: Mask | None = None
        # The time marked as today (POSIX seconds); None: the clock's, when painted.
        self.now: float | None = None
        # A search's matches, each marked (by table row; see :meth:`set_matches`).
        self._match_rows: Rows | None = None
        self.matches: Matches | None = None
        # What changed since the reader last looked (see :meth:`set_changed`).
        self._changed_rows: Rows | None = None
        self.changed: Matches | None = None
        self.set_timeline(timeline, mask)

    def set_timeline(self, timeline: Timeline | None, mask: Mask | None = None) -> None:
        self.timeline = timeline
        self._match_rows = None  # rows of the old timeline's table
        self._changed_rows = None
        self.show_only(mask)

    def show_only(self, mask: Mask | None) -> None:
        """Draw the events ``mask`` keeps (by table row), or all with None."""
        timeline = self.timeline
        self._mask = mask
        if timeline is None:
            self.index = EventIndex()
        else:
            lanes = self.lanes
            self.index = lanes_index(timeline, mask, lanes.facet, lanes.order, lanes.moved)
        self._label_width: dict[int, float] = {}  # by position, which a filter changes
        self._layer_at = None
        if timeline is not None and len(timeline.layers) > 1:
            self._layer_at = timeline.layer_codes[self.index.order]
        self._lane_layers = {}
        self.set_matches(self._match_rows)
        self.set_changed(self._changed_rows)

    def set_lanes(self, lanes: LaneChoice) -> None:
        """Draw ``lanes``: the index is made again only when more than the folds changed."""
        before, self.lanes = self.lanes, lanes
        if (lanes.facet, lanes.order, lanes.moved) != (before.facet, before.order, before.moved):
            self.show_only(self._mask)

    def set_matches(self, rows: Rows | None) -> None:
        """Mark every event at table ``rows`` (a search's matches) that is drawn; None: none."""
        self._match_rows = rows
        self.matches = None if rows is None or not len(rows) else Matches(self.index, rows)

    def set_changed(self, rows: Rows | None) -> None:
        """Mark the events at table ``rows`` (new or changed since the reader last
        looked) that are drawn; None: none."""
        self._changed_rows = rows
        self.changed = None if rows is None or not len(rows) else Matches(self.index, rows)

    @property
    def layers_by_position(self) -> npt.NDArray[np.uint8] | None:
        """Each position's timeline (its place in the layers); None when one is shown."""
        return self._layer_at

    def layer_at(self, position: int) -> int | None:
        """The place in the timeline's layers of the event at ``position``; None
        when one timeline is shown."""
        return None if self._layer_at is None else int(self._layer_at[position])

    @property
    def font(self) -> QFont:
        return self._font

    @font.setter
    def font(self, font: QFont) -> None:
        if font != self._font:
            self._font = QFont(font)
            self._label_width = {}  # measured in the old font
            self._advance = {}
            self._fonts = None
            self._badges.set_font(self._font)
            self._headers.clear()
            self._label_texts.clear()
            self._bold = None

    def now_time(self) -> float:
        """The time marked as today: :attr:`now`, or the clock's."""
        return time.time() if self.now is None else self.now

    def label_font(self, position: int) -> QFont:
        """The font of an event's label: italic for what has not (yet) happened."""
        return self._label_fonts()[not self.index.happened(position)][0]

    def _label_metrics(self, position: int) -> QFontMetricsF:
        return self._label_fonts()[not self.index.happened(position)][1]

    def _label_fonts(self) -> dict[bool, tuple[QFont, QFontMetricsF]]:
        """The upright and the italic label font with their metrics, made once per font."""
        if self._fonts is None:
            fonts = {}
            for italic in (False, True):
                font = QFont(self._font)
                font.setItalic(italic)
                fonts[italic] = (font, QFontMetricsF(font))
            self._fonts = fonts
        return self._fonts

    # -- geometry ---------------------------------------------------------

    def label_width(self, position: int) -> float:
        """The whole width of an event's title in its label font (at most LABEL_MAX)."""
        width = self._label_width.get(position)
        if width is None:
            metrics = self._label_metrics(position)
            width = min(metrics.horizontalAdvance(self.index.title(position)), LABEL_MAX)
            width = math.ceil(width) + 1.0
            self._label_width[position] = width
        return width

    def hover(self, item: Placed | None) -> bool:
        """Show the whole title of ``item``'s event (none for a count or a "+N");
        whether what is hovered changed."""
        event = None if item is None or item.label is None else item.positions[0]
        hovered = None if event is None else self.index.id_of(event)
        changed, self.hovered = hovered != self.hovered, hovered
        return changed

    def label_advance(self, position: int, text: str) -> float:
        """The width of ``text`` in the label font of the event at ``position``."""
        return self._label_metrics(position).horizontalAdvance(text)

    def advance(self, text: str) -> float:
        width = self._advance.get(text)
        if width is None:
            width = self._advance[text] = QFontMetricsF(self._font).horizontalAdvance(text)
        return width

    def layout(
        self,
        t0: float,
        seconds_per_px: float,
        width: float,
        selected: str | None = None,
        height: float | None = None,
    ) -> Layout:
        """Place what is visible between ``t0`` and the right edge ``width``, the
        lanes sharing ``height`` (see :meth:`viewer.timeline.layout.Layouter.layout`),
        measured in this renderer's font."""
        return Layouter(self.index, self).layout(
            t0, seconds_per_px, width, selected, height, self.lanes.collapsed
        )

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
                QRectF(0, lane.band_top, layout.width, lane.band_bottom - lane.band_top), alt
            )
        eras = era_spans(self.timeline, layout)
        paint_eras(painter, eras, palette, max(layout.height, clip.height() + y_offset))
        paint_publication(painter, self.timeline, layout, palette, layout.height)
        axis = self.axis(layout)
        paint_today(painter, axis.now_x, palette, layout.height)
        shown = (y_offset + AXIS_HEIGHT, y_offset + clip.height())
        self._paint_lanes(painter, layout, palette, selected, text_color, mid, shown)
        painter.restore()
        paint_era_titles(painter, eras, palette, clip.height(), self._label_fonts()[True])
        self._paint_axis(painter, axis, layout, palette, mid, clip.height())
        painter.restore()

    def _paint_lanes(
        self,
        painter: QPainter,
        layout: Layout,
        palette: QPalette,
        selected: str | None,
        text_color: QColor,
        mid: QColor,
        shown: tuple[float, float],
    ) -> None:
        """Each lane that reaches into ``shown`` (the top and bottom in view, in
        the layout's units): the lanes scrolled out of view cost nothing."""
        metrics = QFontMetricsF(self.font)
        grid = pixel_grid(painter)
        selected_pos = self.index.position.get(selected) if selected else None
        timeline = self.timeline
        rings = None
        if self._layer_at is not None and timeline is not None:
            rings = Rings(len(timeline.layers), palette)
        for lane in layout.lanes:
            if lane.top + lane.height < shown[0] or lane.top > shown[1]:
                continue
            lane_rect = QRectF(0, lane.band_top, layout.width, lane.band_bottom - lane.band_top)
            color = lane_color(lane.kind, palette)
            paint_lane_header(painter, lane, color, palette, metrics, self._headers, grid)
            painter.save()
            painter.setClipRect(
                QRectF(GUTTER, lane_rect.top(), layout.width - GUTTER, lane_rect.height())
            )
            if lane.density is not None:
                paint_density(painter, lane.density, color, lane.top, grid)
                self._paint_counts(painter, grid, lane, color, palette, rings)
            for item in lane.items:
                is_selected = selected_pos is not None and selected_pos in item.positions
                if item.bucket and not is_selected:
                    continue  # painted with the other counts
                self._paint_item(painter, item, lane, color, is_selected, palette, metrics, rings)
            if self.matches is not None:
                paint_lane_matches(painter, self.matches, lane, layout, palette, selected_pos)
            if self.changed is not None:  # further out, in their own colour
                amber = changed_color(palette)
                paint_lane_matches(
                    painter, self.changed, lane, layout, palette, selected_pos, amber, 3.0, 2.0
                )
            painter.restore()
        painter.setPen(QPen(mid, 1))
        painter.drawLine(QPointF(GUTTER - 0.5, AXIS_HEIGHT), QPointF(GUTTER - 0.5, layout.height))
        self._paint_whole_titles(painter, layout, palette, selected_pos)

    def _paint_whole_titles(
        self, painter: QPainter, layout: Layout, palette: QPalette, selected: int | None
    ) -> None:
        """The whole title of the hovered and then the selected event, over the labels."""
        hovered = self.index.position.get(self.hovered) if self.hovered else None
        wanted = [p for p in (hovered, selected) if p is not None]
        if not wanted:
            return
        painter.save()
        plot = QRectF(GUTTER, AXIS_HEIGHT, layout.width - GUTTER, layout.height)
        painter.setClipRect(plot, Qt.ClipOperation.IntersectClip)
        for position in dict.fromkeys(wanted):
            # In each lane it stands in (an event of several actors is in several).
            for item in (i for i in layout.items() if i.positions == [position]):
                if not item.bucket and item.label is not None:
                    title = self.index.title(position)
                    font = self.label_font(position)
                    paint_whole_title(
                        painter, item, title, font, palette, layout.width, position == selected
                    )
        painter.restore()
        painter.setFont(self.font)

    def _paint_counts(
        self,
        painter: QPainter,
        grid: Grid | None,
        lane: LaneLayout,
        color: QColor,
        palette: QPalette,
        rings: Rings | None = None,
    ) -> None:
        """A far lane's counts: badges, then every number as cached static text.

        A badge is filled opaque (its lane's colour, faint, over the background),
        so the density strip under it never runs through its number. With
        several timelines, a badge is edged in the colour of the timeline its
        events are of, or dashed in the text's colour when they are of several.
        """
        buckets = [item for item in lane.items if item.bucket]
        text_color = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        pens = self._bucket_pens(lane, buckets, rings) if rings is not None else None
        fill = blend(base, color, 60 / 255)
        edge = QPen(color.darker(120), 1)
        self._badges.paint(painter, grid, buckets, edge, fill, text_color, pens)

    def _bucket_pens(self, lane: LaneLayout, buckets: list[Placed], rings: Rings) -> list[QPen]:
        """Each count's pen: its timeline's, or the mixed one (numpy over the
        lane, not a look at each event)."""
        index_lane = lane.lane
        if not buckets or self._layer_at is None:
            return [rings.mixed] * len(buckets)
        codes = self._lane_layers.get(lane.key)
        if codes is None:
            codes = self._lane_layers[lane.key] = self._layer_at[index_lane.positions]
        # The counts tile the axis in time order and an empty one is not drawn:
        # the events of one run from its first up to the next one's first.
        starts = np.searchsorted(index_lane.starts, [item.span[0] for item in buckets])
        starts = np.minimum(starts, len(codes) - 1)
        end = int(np.searchsorted(index_lane.starts, buckets[-1].span[1]))
        shown = codes[: min(max(end, int(starts[-1]) + 1), len(codes))]
        lowest = np.minimum.reduceat(shown, starts)
        highest = np.maximum.reduceat(shown, starts)
        return [
            rings.pens[int(low)] if low == high else rings.mixed
            for low, high in zip(lowest.tolist(), highest.tolist(), strict=True)
        ]

    def _paint_item(
        self,
        painter: QPainter,
        item: Placed,
        lane: LaneLayout,
        color: QColor,
        is_selected: bool,
        palette: QPalette,
        metrics: QFontMetricsF,
        rings: Rings | None = None,
    ) -> None:
        """Paint one mark, band, label or "+N" of ``lane``: a "+N" in the lane's
        ``color``, a mark in its kind's; with ``rings`` (several timelines),
        ringed in its timeline's colour."""
        text_color = palette.color(QPalette.ColorRole.Text)
        hit, glyph = qrect(item.hit), QPointF(item.glyph.x(), item.glyph.y())
        if item.label is None:  # a cluster: a count badge (outlined if it hides the selection)
            if is_selected:
                edge = QPen(palette.color(QPalette.ColorRole.Highlight), 2.5)
            elif rings is not None and self._layer_at is not None:
                edge = rings.of(self._layer_at[np.asarray(item.positions)])
            else:
                edge = QPen(color.darker(120), 1)
            fill = QColor(color.red(), color.green(), color.blue(), 60)
            self._badges.paint_one(painter, item, edge, fill, text_color)
            return
        index, position = self.index, item.positions[0]
        kind = index.kind(position)
        if lane.kind is None:
            color = kind_color(kind, palette)
        happened = index.happened(position)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if is_selected:
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(QColor(highlight.red(), highlight.green(), highlight.blue(), 50))
            painter.drawRoundedRect(hit.adjusted(-3, 0, 3, 0), 4, 4)
        band = None if item.band is None else qrect(item.band)
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
        path = glyph_at(KIND_STYLE[kind][1], glyph)
        if happened:
            painter.setPen(QPen(color.darker(130), 1.2))
            painter.setBrush(color)
        else:  # announced, proposed, demanded: drawn as not (yet) happened
            painter.setPen(QPen(color, 1.8))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawPath(path)
        if rings is not None and self._layer_at is not None:
            painter.setPen(rings.pens[int(self._layer_at[position])])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(glyph, RING_RADIUS, RING_RADIUS)
        if self.note_counts and self.note_counts.get(index.id_of(position)):
            paint_note_marker(painter, glyph, palette)
        font = self.label_font(position)
        paint_label(painter, item, font, palette, is_selected, self._label_texts)
        painter.setFont(self.font)

    def _paint_axis(
        self,
        painter: QPainter,
        axis: Axis,
        layout: Layout,
        palette: QPalette,
        mid: QColor,
        height: float,
    ) -> None:
        """The axis's two tiers: the coarse spans' labels at their bounds above, the
        fine ticks with their labels below, today's word on its line; the zone at
        the left."""
        painter.fillRect(
            QRectF(0, 0, layout.width, AXIS_HEIGHT), palette.color(QPalette.ColorRole.Window)
        )
        pixels = pixel_grid(painter)
        if pixels is not None and pixels.scale == 1 and pixels.dy.is_integer():
            # The line under the axis, as its pixels: a row, its square caps half
            # a pixel past its ends (Qt's antialiased line costs a blend per pixel).
            painter.fillRect(QRectF(-0.5, AXIS_HEIGHT - 1, layout.width + 1, 1), mid)
        else:
            painter.setPen(QPen(mid, 1))
            painter.drawLine(
                QPointF(0, AXIS_HEIGHT - 0.5), QPointF(layout.width, AXIS_HEIGHT - 0.5)
            )
        ink = palette.color(QPalette.ColorRole.WindowText)
        painter.setPen(ink)
        # Above the lanes' names: the zone the axis's times are in.
        painter.drawText(QRectF(6, 4, GUTTER - 10, 18), Qt.AlignmentFlag.AlignLeft, zone_name())
        painter.save()
        painter.setClipRect(QRectF(GUTTER, 0, layout.width - GUTTER, height))
        grid = QColor(mid)
        grid.setAlpha(70)
        self._rules.paint(painter, pixels, QPen(grid, 1), axis.tick_xs, AXIS_HEIGHT - 8, height)
        bound = QColor(mid)
        bound.setAlpha(170)
        painter.setPen(QPen(bound, 1))
        for x in axis.bounds:  # clear of the fine labels, which may run past a bound
            painter.drawLine(QPointF(x, 2), QPointF(x, 20))
        self._rules.paint(painter, pixels, QPen(bound, 1), axis.bounds, AXIS_HEIGHT - 8, height)
        if axis.now_x is not None:
            painter.setPen(QPen(today_color(palette), 2))
            painter.drawLine(QPointF(axis.now_x, 2), QPointF(axis.now_x, AXIS_HEIGHT))
        painter.setPen(ink)
        for x, text in axis.labels:
            painter.drawText(QPointF(x, AXIS_HEIGHT - 10), text)
        painter.setFont(self._bold_font()[0])
        for x, text in axis.context:
            painter.drawText(QPointF(x, 16), text)
        if axis.now_label is not None:
            painter.setPen(today_color(palette))
            painter.drawText(QPointF(axis.now_label[0], AXIS_HEIGHT - 10), axis.now_label[1])
        painter.restore()

    def _bold_font(self) -> tuple[QFont, QFontMetricsF]:
        if self._bold is None:
            font = QFont(self._font)
            font.setBold(True)
            self._bold = (font, QFontMetricsF(font))
        return self._bold

    def axis(self, layout: Layout) -> Axis:
        """The axis over ``layout``: both tiers measured in this renderer's fonts,
        and today where it is in view."""
        bold = self._bold_font()[1]
        return axis_layout(
            layout.t0,
            layout.seconds_per_px,
            GUTTER,
            layout.width,
            self.advance,
            now=self.now_time(),
            #: On the time axis, beside the line that marks the present day.
            now_text=QCoreApplication.translate("TimelineRenderer", "today"),
            context_width_of=bold.horizontalAdvance,
        )

    def axis_labels(self, layout: Layout) -> tuple[list[AxisLabel], list[AxisLabel]]:
        """The axis as painted: (x, text) of each fine label and of each coarse one."""
        axis = self.axis(layout)
        return axis.labels, axis.context
