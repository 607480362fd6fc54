"""What the timeline paints behind its events: its eras, its sources' publication
dates, and today.

All cross every lane. An era's title sits at the foot of its band over the
events, so the renderer paints the titles after the lanes; the word "today"
stands on the axis, which the renderer paints last. The legend draws its
samples with the same pens (:func:`publication_pen`, :func:`today_pen`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from viewer.domain.timeline import Timeline
from viewer.timeline.layout import AXIS_HEIGHT, GUTTER, Layout
from viewer.ui.timeline.palette import ERA_BAND_ALPHA, MARK_CONTRAST, PUBLICATION_BAND_ALPHA
from viewer.ui.widgets.contrast import legible

# The colour of the line at today (made legible on the background).
TODAY = QColor(214, 39, 40)

# An era on screen: its left and right edge, and its title.
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
    band.setAlpha(ERA_BAND_ALPHA)
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
        x0 = layout.x_of(source.published.earliest)
        x1 = layout.x_of(source.published.latest)
        band = QColor(palette.color(QPalette.ColorRole.Link))
        band.setAlpha(PUBLICATION_BAND_ALPHA)
        painter.fillRect(QRectF(x0, AXIS_HEIGHT, max(x1 - x0, 2), height - AXIS_HEIGHT), band)
        painter.setPen(publication_pen(palette))
        painter.drawLine(QPointF(x0, AXIS_HEIGHT), QPointF(x0, height))
        if source.published.approximate:
            painter.drawLine(QPointF(x1, AXIS_HEIGHT), QPointF(x1, height))


def publication_pen(palette: QPalette) -> QPen:
    """The dashed line at a publication date, on the timeline and in the legend."""
    return QPen(palette.color(QPalette.ColorRole.Link), 1.5, Qt.PenStyle.DashLine)


def today_color(palette: QPalette) -> QColor:
    """The colour of today's line and word, legible on the background."""
    return legible(TODAY, palette.color(QPalette.ColorRole.Base), MARK_CONTRAST)


def today_pen(palette: QPalette) -> QPen:
    """The solid line at today, on the timeline and in the legend."""
    return QPen(today_color(palette), 2)


def paint_today(painter: QPainter, x: float | None, palette: QPalette, height: float) -> None:
    """Today as a solid line across the lanes, at ``x`` (None: not in view)."""
    if x is None:
        return
    painter.setPen(today_pen(palette))
    painter.drawLine(QPointF(x, AXIS_HEIGHT), QPointF(x, height))
