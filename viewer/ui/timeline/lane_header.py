"""A lane's header in the gutter: whether it is folded, its kind's mark (in a
lane by kind), its name and how many events it holds."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen

from viewer.domain import words
from viewer.timeline.labels import two_lines
from viewer.timeline.layout import CLUSTER_ROW, GLYPH, GUTTER, ROW_HEIGHT, LaneLayout
from viewer.ui.timeline.glyphs import glyph_path
from viewer.ui.timeline.palette import KIND_STYLE

#: Where the folding triangle, the kind's mark and the name start.
TRIANGLE_X = 3.0
MARK_X = 16.0
NAME_X = 25.0


def paint_lane_header(
    painter: QPainter,
    lane: LaneLayout,
    color: QColor,
    palette: QPalette,
    metrics: QFontMetricsF,
) -> None:
    """The header of ``lane`` at its first row: ▸ or ▾, the mark, the name (on
    two lines in a lane two rows tall, cut with an ellipsis where it still does
    not fit), and the count of its events at the gutter's right."""
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
    if lane.height >= ROW_HEIGHT + CLUSTER_ROW:
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
