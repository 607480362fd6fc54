"""What the timeline paints behind its events: its eras and its sources' publication dates.

Both come from the timeline itself, not from its events, and cross every lane.
An era's title sits at the foot of its band over the events, so the renderer
paints the titles after the lanes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from viewer.domain.timeline import Timeline
from viewer.timeline.layout import AXIS_HEIGHT, GUTTER, Layout

#: An era on screen: its left and right edge, and its title.
EraSpan = tuple[float, float, str]


def era_spans(timeline: Timeline | None, layout: Layout) -> list[EraSpan]:
    """Each era's left and right edge on screen, and its title (those in view)."""
    if timeline is None:
        return []
    spans = []
    for first, after, title in timeline.era_times:
        x0 = max(layout.x_of(first), GUTTER)
        x1 = min(layout.x_of(after), layout.width)
        if x1 > x0:
            spans.append((x0, x1, title))
    return spans


def paint_eras(painter: QPainter, spans: list[EraSpan], palette: QPalette, height: float) -> None:
    """Eras as faint bands behind the events, each edged with a thin line."""
    color = QColor(palette.color(QPalette.ColorRole.Highlight))
    band = QColor(color)
    band.setAlpha(22)
    edge = QColor(color)
    edge.setAlpha(90)
    painter.setPen(QPen(edge, 1))
    for x0, x1, _title in spans:
        painter.fillRect(QRectF(x0, AXIS_HEIGHT, x1 - x0, height - AXIS_HEIGHT), band)
        painter.drawLine(QPointF(x0, AXIS_HEIGHT), QPointF(x0, height))
        painter.drawLine(QPointF(x1, AXIS_HEIGHT), QPointF(x1, height))


def paint_era_titles(
    painter: QPainter,
    spans: list[EraSpan],
    palette: QPalette,
    bottom: float,
    italic: tuple[QFont, QFontMetricsF],
) -> None:
    """Each era's title at the foot of its band, on the base colour, cut to fit; in the
    ``italic`` label font, as the labels of what is not certain."""
    if not spans:
        return
    font, metrics = italic
    painter.save()
    painter.setFont(font)
    base = QColor(palette.color(QPalette.ColorRole.Base))
    base.setAlpha(220)
    text = palette.color(QPalette.ColorRole.Text)
    height = metrics.height() + 2
    for x0, x1, title in spans:
        room = x1 - x0 - 6
        if room < metrics.averageCharWidth() * 3:
            continue
        shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        box = QRectF(x0 + 2, bottom - height - 2, metrics.horizontalAdvance(shown) + 4, height)
        painter.fillRect(box, base)
        painter.setPen(text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)
    painter.restore()


def paint_publication(
    painter: QPainter, timeline: Timeline | None, layout: Layout, palette: QPalette, height: float
) -> None:
    """When each source was published: a dashed line (two round an approximate
    date) over a faint band."""
    if timeline is None:
        return
    for source in timeline.sources:
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
