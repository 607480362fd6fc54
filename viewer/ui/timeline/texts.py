"""Short texts drawn again and again in one font: counts, "+N", labels.

Laying a text out once (QStaticText) and drawing it from then on costs half
of drawing it plainly each time, but laying it out costs four times drawing
it: a zoom draws hundreds of counts never seen before. So a text is drawn
plainly the first time and laid out the second time it is drawn; either way
its pixels are the same (the plain text's baseline is where the laid-out
one's is).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QStaticText, QTransform

from viewer.domain.perf import Kept

# About how many texts are kept laid out, and measured.
KEPT = 4096


class Texts:
    """Texts in ``font``, drawn by their top left corner."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.metrics = QFontMetricsF(self.font)
        self._ascent = self.metrics.ascent()
        # How tall a text laid out is (a whole number of pixels).
        self.height = float(math.ceil(self.metrics.height()))
        self._laid_out: Kept[str, QStaticText] = Kept(self._lay_out, KEPT)
        self._widths: Kept[str, float] = Kept(self.metrics.horizontalAdvance, KEPT)

    def width(self, text: str) -> float:
        return self._widths[text]

    def draw(self, painter: QPainter, x: float, top: float, text: str) -> None:
        """``text`` with its top left at (``x``, ``top``), in the painter's pen
        and this font (which the painter must have)."""
        static = self._laid_out.get(text)
        if static is None:
            if self._widths.get(text) is None:  # never drawn yet: drawn plainly
                self._widths[text]
                painter.drawText(QPointF(x, top + self._ascent), text)
                return
            static = self._laid_out[text]
        painter.drawStaticText(QPointF(x, top), static)

    def _lay_out(self, text: str) -> QStaticText:
        static = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), self.font)
        return static
