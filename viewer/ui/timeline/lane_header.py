"""A lane's header in the gutter: whether it is folded, its kind's mark (in a
lane by kind), its name and how many events it holds.

On the screen a header is drawn from a sprite (:mod:`viewer.ui.timeline.sprites`)
painted once per name, count, fold and colours; a vector device gets the shapes
and the text.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen

from viewer.domain import words
from viewer.timeline.labels import two_lines
from viewer.timeline.layout import GLYPH, GUTTER, ROW_HEIGHT, LaneLayout
from viewer.ui.timeline.glyphs import glyph_path
from viewer.ui.timeline.palette import KIND_STYLE
from viewer.ui.timeline.sprites import Grid, Sprites, blank, draw, offset, spot

# Where the folding triangle, the kind's mark and the name start.
TRIANGLE_X = 3.0
MARK_X = 16.0
NAME_X = 25.0


def paint_lane_header(
    painter: QPainter,
    lane: LaneLayout,
    color: QColor,
    palette: QPalette,
    metrics: QFontMetricsF,
    sprites: Sprites | None = None,
    grid: Grid | None = None,
) -> None:
    """The header of ``lane`` at its first row: ▸ or ▾, the mark, the name (on
    two lines in a lane two rows tall, cut with an ellipsis where it still does
    not fit), and the count of its events at the gutter's right.

    With ``sprites`` (kept for the painter's font) and the ``grid`` of the
    raster device painted on, from a sprite."""
    if sprites is None or grid is None:
        _paint_header(painter, lane, color, palette, metrics)
        return
    two = lane.tall
    at = spot(grid, 0.0, lane.top)
    text = palette.color(QPalette.ColorRole.Text)
    faint = palette.color(QPalette.ColorRole.PlaceholderText)
    style = (color.getRgbF(), text.getRgbF(), faint.getRgbF(), grid.scale)
    # The count as the reader's language writes it: another language, another sprite.
    count = words.number(lane.count)
    key = (lane.title, count, lane.collapsed, lane.kind, two, at.phase_x, at.phase_y)
    kept = sprites.of(style)
    sprite = kept.get(key)
    # Room above and below the row (and the second line) for any glyph of the
    # font, in pixels.
    pad = math.ceil(metrics.height() * grid.scale)
    if sprite is None:
        left, top = offset(at.phase_x, 0, grid.scale), offset(at.phase_y, pad, grid.scale)
        bottom = top + ROW_HEIGHT + (metrics.lineSpacing() if two else 0.0)
        sprite, on = blank(
            grid, math.ceil((left + GUTTER) * grid.scale), math.ceil(bottom * grid.scale) + pad
        )
        try:
            on.setFont(painter.font())
            on.translate(left, top - lane.top)
            _paint_header(on, lane, color, palette, metrics)
        finally:
            on.end()
        sprites.add(kept, key, sprite)
    draw(painter, grid, at.x, at.y - pad, sprite)


def _paint_header(
    painter: QPainter,
    lane: LaneLayout,
    color: QColor,
    palette: QPalette,
    metrics: QFontMetricsF,
) -> None:
    """The header of ``lane`` as shapes and text (see :func:`paint_lane_header`)."""
    middle = lane.top + ROW_HEIGHT / 2
    text = palette.color(QPalette.ColorRole.Text)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(text)
    painter.drawPath(_triangle(TRIANGLE_X, middle, lane.collapsed))
    name_x = MARK_X - GLYPH / 2
    if lane.kind is not None:
        painter.setPen(QPen(color.darker(110), 1.2))
        painter.setBrush(color)
        shape = KIND_STYLE[lane.kind][1]
        painter.drawPath(glyph_path(shape, QPointF(MARK_X, middle), GLYPH))
        name_x = NAME_X
    count = words.number(lane.count)
    count_width = metrics.horizontalAdvance(count)
    right = GUTTER - 6
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(
        QRectF(right - count_width, lane.top, count_width, ROW_HEIGHT),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
        count,
    )
    # A long name (an ACLED event type, a large font) takes a second line
    # where the lane is two rows tall, broken at a word's end; what still
    # does not fit is cut with an ellipsis (the tooltip gives it whole).
    room = max(right - count_width - 5 - name_x, 0.0)
    lines = [lane.title]
    if lane.tall:
        lines = two_lines(lane.title, room, metrics.horizontalAdvance)
    painter.setPen(text)
    step = metrics.lineSpacing()
    for number, line in enumerate(lines):
        painter.drawText(
            QRectF(name_x, lane.top + number * step, room, ROW_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, room),
        )
    painter.restore()


def _triangle(x: float, middle: float, folded: bool) -> QPainterPath:
    """▸ for a folded lane, ▾ for an open one, 7 px across."""
    path = QPainterPath()
    if folded:
        path.moveTo(x + 1, middle - 4)
        path.lineTo(x + 6, middle)
        path.lineTo(x + 1, middle + 4)
    else:
        path.moveTo(x, middle - 2.5)
        path.lineTo(x + 7, middle - 2.5)
        path.lineTo(x + 3.5, middle + 2.5)
    path.closeSubpath()
    return path
