"""A lane's density strip: how many events start in each pixel column, painted
as one image under a lane drawn as counts or folded to its header."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.timeline.layout import GUTTER, ROW_HEIGHT


def paint_density(
    painter: QPainter, density: npt.NDArray[np.int32], color: QColor, top: float
) -> None:
    """The events starting in each pixel column as one strip image: the more, the
    denser; a column with events is at least three pixels wide, so a lone
    event of a folded lane is seen."""
    if not len(density) or not density.any():
        return
    density = density.copy()
    density[1:] = np.maximum(density[1:], density[:-1])
    density[:-1] = np.maximum(density[:-1], density[1:])
    strength = np.log1p(density.astype(np.float64)) / math.log1p(float(density.max()))
    alpha = np.where(density > 0, 40 + 170 * strength, 0).astype(np.uint32)
    rgb = (color.red() << 16) | (color.green() << 8) | color.blue()
    pixels = np.ascontiguousarray((alpha << 24) | rgb, dtype=np.uint32)
    image = QImage(pixels.data, len(pixels), 1, len(pixels) * 4, QImage.Format.Format_ARGB32)
    painter.drawImage(QRectF(GUTTER, top + 2, len(pixels), ROW_HEIGHT - 4), image)
