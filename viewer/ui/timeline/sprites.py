"""Pictures painted once and drawn again from pixels: the count badges of far
lanes and the lanes' headers.

On the screen or an image a badge or a header looks the same from one frame
to the next, so it is painted once into a pixmap at the device's pixel size
and drawn from it after. A pixmap is painted where its shape falls between two
pixels (to a 64th of a pixel), so it covers the pixels the shape itself
would. A vector device (SVG, PDF, a printer), or a painter that turns or shears,
always gets the shapes and the text themselves: an SVG keeps its texts as text.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import NamedTuple

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap, QTransform

# How finely a sprite follows where its shape falls between two pixels (as
# finely as Qt places glyphs, so its text is drawn as it would be there).
PHASES = 64


class Grid(NamedTuple):
    """How a painter maps its units onto a raster device's pixels: a scale (the
    view's zoom times the device's pixel ratio) and a shift."""

    scale: float
    dx: float
    dy: float

    @property
    def whole(self) -> bool:
        """Whether the painter's units are the device's pixels, shifted by whole ones."""
        return self.scale == 1 and self.dx.is_integer() and self.dy.is_integer()


def pixel_grid(painter: QPainter) -> Grid | None:
    """The pixels ``painter`` paints into, when sprites may stand for shapes: a
    raster device (a widget, an image, a pixmap) under no more than a scale and
    a shift; None for a vector device or another transform."""
    engine = painter.paintEngine()
    if engine is None or engine.type() != QPaintEngine.Type.Raster:
        return None
    transform = painter.deviceTransform()
    if transform.type().value > QTransform.TransformationType.TxScale.value:
        return None
    scale = transform.m11()
    if scale <= 0 or scale != transform.m22():
        return None
    return Grid(scale, transform.dx(), transform.dy())


class Spot(NamedTuple):
    """Where a shape's corner falls on the pixels: the pixel it is in and how far
    into it (in :data:`PHASES`)."""

    x: int
    y: int
    phase_x: int
    phase_y: int


def spot(grid: Grid, x: float, y: float) -> Spot:
    """Where the point (``x``, ``y``) of the painter's units falls on ``grid``."""
    px, py = x * grid.scale + grid.dx, y * grid.scale + grid.dy
    fx, fy = math.floor(px), math.floor(py)
    return Spot(fx, fy, round((px - fx) * PHASES), round((py - fy) * PHASES))


class Sprites:
    """Pixmaps by what they show, in sets (one per style: colours, pen, scale)
    keyed by what the caller makes; at most ``limit`` in all."""

    def __init__(self, limit: int) -> None:
        self._sets: dict[Hashable, dict[Hashable, QPixmap]] = {}
        self._count = 0
        self.limit = limit

    def __len__(self) -> int:
        return self._count

    def clear(self) -> None:
        self._sets.clear()
        self._count = 0

    def of(self, style: Hashable) -> dict[Hashable, QPixmap]:
        """The pixmaps of ``style``, to look up in (and add to with :meth:`add`)."""
        found = self._sets.get(style)
        if found is None:
            found = self._sets[style] = {}
        return found

    def add(self, pixmaps: dict[Hashable, QPixmap], key: Hashable, pixmap: QPixmap) -> None:
        """Keep ``pixmap`` in ``pixmaps`` (a set of :meth:`of`) by ``key``; all
        are dropped first when there are too many."""
        if self._count >= self.limit:
            for kept in self._sets.values():
                kept.clear()  # a painter holding a set adds to it unseen, then drops it
            self.clear()
        pixmaps[key] = pixmap
        self._count += 1


def blank(grid: Grid, width: int, height: int) -> tuple[QPixmap, QPainter]:
    """A transparent pixmap ``width`` by ``height`` pixels of ``grid``, and a
    painter on it in the units of the painter the grid is of, with its origin
    at the pixmap's corner (antialiased, as the renderer paints)."""
    pixmap = QPixmap(max(width, 1), max(height, 1))
    pixmap.setDevicePixelRatio(grid.scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def offset(phase: int, pad: int, scale: float) -> float:
    """Where in a sprite (in the painter's units) its shape starts: ``pad``
    pixels and the ``phase`` into the next one."""
    return (pad + phase / PHASES) / scale


def draw(painter: QPainter, grid: Grid, x: int, y: int, pixmap: QPixmap) -> None:
    """``pixmap`` with its corner at pixel (``x``, ``y``) of ``grid``."""
    painter.drawPixmap(QPointF((x - grid.dx) / grid.scale, (y - grid.dy) / grid.scale), pixmap)
