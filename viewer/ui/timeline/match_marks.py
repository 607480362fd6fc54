"""Every match of a search, marked on the timeline: quieter than the current one
(the selected event, drawn as the selection), but there at any zoom.

Under each lane a thin line in the highlight colour marks the pixel columns a
match starts in, painted as one strip image (see :meth:`Matches.columns`); an
event or "+N" drawn on its own that matches is ringed as well.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen

from viewer.timeline.layout import GUTTER, LaneLayout, Layout
from viewer.timeline.matches import Matches
from viewer.ui.timeline.glyphs import RING_RADIUS

# How strong a match's mark is (the alpha of the highlight colour): seen, not shouting.
STRENGTH = 170
# The line under a lane: how far below the lane's last row, and how thick.
UNDERLINE_GAP, UNDERLINE = 0.5, 3.0


def paint_lane_matches(
    painter: QPainter,
    matches: Matches,
    lane: LaneLayout,
    layout: Layout,
    palette: QPalette,
    selected: int | None,
    color: QColor | None = None,
    apart: float = 0.0,
    pen: float = 1.0,
) -> None:
    """Mark the matches of ``lane`` in view: the line under it, and a ring round
    each match drawn on its own (not the selected one: it is the current match).
    In ``color`` (default: the highlight's), ``apart`` pixels further out than a
    search's marks: another kind of mark (what changed) beside them; rings of a
    ``pen`` wider than 1 (drawn slower) are drawn solid, not see-through."""
    color = QColor(palette.color(QPalette.ColorRole.Highlight) if color is None else color)
    width = int(layout.width - GUTTER) + 1
    marked = matches.columns(lane.key, layout.t0, layout.seconds_per_px, width)
    if marked.any():
        marked[1:] |= marked[:-1].copy()  # three columns wide: a match is never a hairline
        marked[:-1] |= marked[1:].copy()
        rgb = (color.red() << 16) | (color.green() << 8) | color.blue()
        alpha = np.where(marked, STRENGTH, 0).astype(np.uint32)
        pixels = np.ascontiguousarray((alpha << 24) | rgb, dtype=np.uint32)
        image = QImage(pixels.data, width, 1, width * 4, QImage.Format.Format_ARGB32)
        top = lane.top + lane.height + UNDERLINE_GAP - apart
        painter.drawImage(QRectF(GUTTER, top, width, UNDERLINE), image)
    color.setAlpha(STRENGTH if pen <= 1.0 else 255)
    painter.setPen(QPen(color, pen))  # a pen of 1: drawn many times faster than a wider one
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for item in lane.items:
        if item.bucket or (selected is not None and selected in item.positions):
            continue
        if not matches.any(item.positions):
            continue
        if item.is_cluster:
            hit = item.hit
            painter.drawRoundedRect(
                QRectF(hit.x(), hit.y(), hit.width(), hit.height()).adjusted(
                    -2 - apart, -2 - apart, 2 + apart, 2 + apart
                ),
                8,
                8,
            )
        else:
            radius = RING_RADIUS + 2 + apart
            painter.drawEllipse(QPointF(item.glyph.x(), item.glyph.y()), radius, radius)
