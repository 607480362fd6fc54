"""Painting an event's label: on a plate, joined to its mark by a leader line
when it stands away from it, and the whole title of the selected and the
hovered event over everything else.

What a label says and where it stands is the layout's
(:mod:`viewer.timeline.labels`); this only paints it, for the widget and export.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
)

from viewer.timeline.labels import two_lines
from viewer.timeline.layout import GUTTER, Placed
from viewer.ui.timeline.texts import Texts

# The height of a label's plate, and of each line of a whole title's.
PLATE = 16.0


class LabelTexts:
    """Labels' texts, by font (upright or italic), drawn as :class:`Texts` do."""

    def __init__(self) -> None:
        self._fonts: dict[str, Texts] = {}

    def clear(self) -> None:
        self._fonts.clear()

    def of(self, font: QFont) -> Texts:
        key = font.key()
        texts = self._fonts.get(key)
        if texts is None:
            texts = self._fonts[key] = Texts(font)
        return texts


def paint_label(
    painter: QPainter,
    item: Placed,
    font: QFont,
    palette: QPalette,
    is_selected: bool,
    texts: LabelTexts,
) -> None:
    """The label of ``item`` on a plate of the background (the selection's colour
    when selected), so bands and lines under it never make it hard to read; and
    the leader line joining it to its mark when it stands away from it. Its
    text is drawn through ``texts``, laid out once for later frames."""
    if item.label is None or not item.text:
        return
    label = QRectF(item.label.x(), item.label.y(), item.label.width(), item.label.height())
    text_color = palette.color(QPalette.ColorRole.Text)
    if item.leader is not None:
        line = QColor(text_color)
        line.setAlpha(150)
        painter.setPen(QPen(line, 1))
        y = item.glyph.y()
        painter.drawLine(QPointF(item.leader[0], y), QPointF(item.leader[1], y))
    painter.setFont(font)
    drawer = texts.of(font)
    plate = QRectF(label.left() - 2, 0, drawer.width(item.text) + 4, PLATE)
    plate.moveCenter(QPointF(plate.center().x(), label.center().y()))
    if is_selected:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(plate, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
    else:
        base = QColor(palette.color(QPalette.ColorRole.Base))
        base.setAlpha(215)
        painter.fillRect(plate, base)
        painter.setPen(text_color)
    drawer.draw(painter, label.left(), label.center().y() - drawer.height / 2, item.text)


def whole_title_lines(
    item: Placed, title: str, metrics: QFontMetricsF, width: float
) -> tuple[float, list[str]]:
    """Where the whole title of ``item`` starts and its lines (one, or two when
    one is not enough): from where its label starts, or for a label left of its
    mark, ending where the label ends."""
    assert item.label is not None
    measure = metrics.horizontalAdvance
    flipped = item.label.right() <= item.glyph.x()
    if flipped:
        lines = two_lines(title, item.label.right() - GUTTER - 4, measure)
        return item.label.right() - max(measure(line) for line in lines), lines
    left = max(item.label.left(), GUTTER + 2)
    return left, two_lines(title, width - 4 - left, measure)


def paint_whole_title(
    painter: QPainter,
    item: Placed,
    title: str,
    font: QFont,
    palette: QPalette,
    width: float,
    is_selected: bool,
) -> None:
    """The whole title of the selected or hovered ``item``, over the labels
    around it on a plate that keeps it readable, wrapped to two lines if needed."""
    if item.label is None or not title:
        return
    metrics = QFontMetricsF(font)
    left, lines = whole_title_lines(item, title, metrics, width)
    if lines == [item.text]:
        return  # the label shows it all already
    if item.label.right() <= item.glyph.x() and item.leader is None:  # a hidden label, left
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
        y = item.glyph.y()
        painter.drawLine(QPointF(item.label.right(), y), QPointF(item.glyph.x() - 7, y))
    line_height = max(metrics.height(), PLATE)
    text_width = max(metrics.horizontalAdvance(line) for line in lines)
    plate = QRectF(left - 3, item.label.center().y() - PLATE / 2 - 1, text_width + 6, 0)
    plate.setHeight(line_height * len(lines) + 2)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    painter.setPen(QPen(highlight, 1))
    painter.setBrush(highlight if is_selected else palette.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(plate, 3, 3)
    role = QPalette.ColorRole.HighlightedText if is_selected else QPalette.ColorRole.Text
    painter.setPen(palette.color(role))
    painter.setFont(font)
    for number, line in enumerate(lines):
        row = QRectF(left, plate.top() + 1 + number * line_height, text_width + 2, line_height)
        painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, line)
