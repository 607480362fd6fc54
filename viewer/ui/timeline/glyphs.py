"""The marks the timeline draws: each kind's glyph, the rings of the timelines
shown together, and the marker of an event with the reader's notes.

The painter, the legend and the layer bar draw the same shapes, so a mark in
the legend is the mark on the timeline.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from viewer.timeline.geometry import Rect
from viewer.timeline.layout import GLYPH
from viewer.ui.timeline.palette import layer_color


def glyph_path(shape: str, center: QPointF, r: float) -> QPainterPath:
    """The glyph of ``shape`` (a kind's, see :data:`~viewer.ui.timeline.palette.KIND_STYLE`)
    of radius ``r`` centred on ``center``."""
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


# Each shape's glyph path around (0, 0), moved to where a mark goes.
_GLYPHS: dict[str, QPainterPath] = {}


def glyph_at(shape: str, center: QPointF) -> QPainterPath:
    """The glyph of ``shape`` (radius GLYPH) centred on ``center``, from a path made once."""
    path = _GLYPHS.get(shape)
    if path is None:
        path = _GLYPHS[shape] = glyph_path(shape, QPointF(0, 0), GLYPH)
    return path.translated(center)


# The ring round a mark: its radius (outside every glyph) and its pen's width.
RING_RADIUS = GLYPH + 2.5
RING_WIDTH = 1.6


class Rings:
    """The pens of one frame's rings: one per timeline shown, and the neutral
    dashed one of a group ("+N", a count) holding events of several."""

    def __init__(self, count: int, palette: QPalette) -> None:
        self.pens = [QPen(layer_color(n, palette), RING_WIDTH) for n in range(count)]
        neutral = palette.color(QPalette.ColorRole.Text)
        self.mixed = QPen(neutral, RING_WIDTH, Qt.PenStyle.DashLine)

    def of(self, codes: npt.NDArray[np.uint8]) -> QPen:
        """The pen of a group whose events are of the timelines ``codes``."""
        first = int(codes[0])
        return self.pens[first] if bool((codes == first).all()) else self.mixed


# The fill of the square that marks an event with the reader's notes.
NOTE_MARK = "#7b3fbf"


def paint_note_marker(painter: QPainter, glyph: QPointF, palette: QPalette) -> None:
    """A small square at the glyph's upper right: this event has the reader's notes."""
    rect = QRectF(glyph.x() + GLYPH * 0.35, glyph.y() - GLYPH - 3.5, 7, 7)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1.2))
    painter.setBrush(QColor(NOTE_MARK))
    painter.drawRect(rect)


def qrect(rect: Rect) -> QRectF:
    """A rectangle of the layout as Qt's."""
    return QRectF(rect.x(), rect.y(), rect.width(), rect.height())
