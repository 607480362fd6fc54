"""Texts drawn plainly the first time and laid out after: the same pixels."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from viewer.ui.timeline.texts import Texts


def _drawn(texts: Texts, x: float, top: float, text: str) -> QImage:
    image = QImage(300, 40, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(texts.font)
        painter.setPen(QColor("black"))
        texts.draw(painter, x, top, text)
    finally:
        painter.end()
    return image


def test_a_text_looks_the_same_drawn_plainly_and_laid_out(qapp: QApplication) -> None:
    for font in (QFont(), QFont("DejaVu Sans", 15)):
        texts = Texts(font)
        for x, top in [(4.0, 3.0), (10.3, 7.7), (33.49, 2.26)]:
            text = f"12,345 Erste Runde {x}"
            first = _drawn(texts, x, top, text)  # plainly
            assert texts._laid_out.get(text) is None
            second = _drawn(texts, x, top, text)  # laid out now
            assert texts._laid_out.get(text) is not None
            third = _drawn(texts, x, top, text)  # as laid out
            assert first == second == third
            assert first != _drawn(texts, x + 1, top, text)
        assert texts.width("12,345") == texts.metrics.horizontalAdvance("12,345")
