"""A lane's density strip: how many events start in each pixel column, painted
as one image under a lane drawn as counts or folded to its header.

Where the strip falls on whole pixels of a raster device (the screen, an
image), its image is made as tall as the strip, its pixels premultiplied as Qt
would, so each frame copies it rather than stretching and converting it; the
pixels are the same. Anywhere else (a vector device, a zoomed view), it is one
pixel tall and stretched.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.timeline.layout import GUTTER, ROW_HEIGHT
from viewer.ui.timeline.sprites import Grid

# The strip's height: its lane's first row, less a margin above and below.
STRIP = ROW_HEIGHT - 4
PREMULTIPLIED = QImage.Format.Format_ARGB32_Premultiplied


def paint_density(
    painter: QPainter,
    density: npt.NDArray[np.int32],
    color: QColor,
    top: float,
    grid: Grid | None = None,
) -> None:
    """The events starting in each pixel column as one strip image: the more, the
    denser; a column with events is at least three pixels wide, so a lone
    event of a folded lane is seen. ``grid``: the pixels of the raster device
    painted on (see :func:`~viewer.ui.timeline.sprites.pixel_grid`), if it is one."""
    if not len(density) or not density.any():
        return
    alpha = _alpha(density)
    rgb = (color.red() << 16) | (color.green() << 8) | color.blue()
    target = QRectF(GUTTER, top + 2, len(alpha), STRIP)
    if _on_pixels(grid, target):
        rows = np.empty((int(STRIP), len(alpha)), dtype=np.uint32)
        rows[:] = _premultiplied(rgb)[alpha]
        image = QImage(rows.data, len(alpha), len(rows), len(alpha) * 4, PREMULTIPLIED)
    else:
        pixels = np.ascontiguousarray((alpha.astype(np.uint32) << 24) | rgb, dtype=np.uint32)
        image = QImage(pixels.data, len(pixels), 1, len(pixels) * 4, QImage.Format.Format_ARGB32)
    painter.drawImage(target, image)


def _on_pixels(grid: Grid | None, target: QRectF) -> bool:
    """Whether ``target`` falls on whole pixels of ``grid``, unscaled."""
    if grid is None or grid.scale != 1:
        return False
    return (target.left() + grid.dx).is_integer() and (target.top() + grid.dy).is_integer()


def _alpha(density: npt.NDArray[np.int32]) -> npt.NDArray[np.uint8]:
    """Each column's opacity: none without events, else from 40 up to 210 with
    the log of the most events among it and its two neighbours."""
    wide = density.copy()
    np.maximum(density[1:], density[:-1], out=wide[1:])
    np.maximum(wide[:-1], density[1:], out=wide[:-1])
    strength = np.log1p(wide.astype(np.float64))
    strength /= math.log1p(float(wide.max()))
    strength *= 170
    strength += 40
    alpha = strength.astype(np.uint8)
    alpha[wide == 0] = 0
    return alpha


@lru_cache(maxsize=64)
def _premultiplied(rgb: int) -> npt.NDArray[np.uint32]:
    """The premultiplied pixel of colour ``rgb`` at each opacity, rounded as Qt
    premultiplies (``qPremultiply``), so the strip's pixels are Qt's own."""
    table = np.array([_premultiply(rgb, alpha) for alpha in range(256)], dtype=np.uint32)
    table.flags.writeable = False
    return table


def _premultiply(rgb: int, alpha: int) -> int:
    """Qt's ``qPremultiply`` of colour ``rgb`` at opacity ``alpha``."""
    red_blue = (rgb & 0xFF00FF) * alpha
    red_blue = ((red_blue + ((red_blue >> 8) & 0xFF00FF) + 0x800080) >> 8) & 0xFF00FF
    green = ((rgb >> 8) & 0xFF) * alpha
    green = (green + ((green >> 8) & 0xFF) + 0x80) & 0xFF00
    return (alpha << 24) | green | red_blue
