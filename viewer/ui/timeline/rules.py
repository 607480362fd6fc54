"""Lines straight down the plot: the axis's ticks and the bounds of its spans.

A faint line a thousand pixels tall costs Qt a blend per row; on the screen
each is drawn from a sprite (:mod:`viewer.ui.timeline.sprites`) of the line as
Qt paints it, kept for its pen, length and place between two pixels. A vector
device gets the lines themselves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainter, QPen, QPixmap, QTransform

from viewer.ui.timeline.sprites import PHASES, Grid, Sprites, blank, offset


class Rules:
    """Vertical lines drawn from sprites where the device has pixels."""

    def __init__(self) -> None:
        # A line's sprite is a few pixels wide and as tall as the view: some 12 kB.
        self.sprites = Sprites(512)

    def paint(
        self,
        painter: QPainter,
        grid: Grid | None,
        pen: QPen,
        xs: Iterable[float],
        top: float,
        bottom: float,
    ) -> None:
        """A line in ``pen`` from ``top`` down to ``bottom`` at each of ``xs``, as
        ``drawLine`` draws it; from sprites on the raster device whose pixels
        are ``grid`` (None: lines).

        Under no more than a scale and a shift, each line is moved to the
        middle of the device's pixel column it is in: crisp, and one sprite
        serves every line of a pen (a zoom moves every tick)."""
        painter.setPen(pen)
        xs = _centred(painter, xs)
        if grid is None:
            for x in xs:
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            return
        scale, dx, dy = grid
        pad = math.ceil(pen.widthF() * scale / 2) + 1
        y = top * scale + dy
        row = math.floor(y)
        phase_y = round((y - row) * PHASES)
        style = (pen.color().getRgbF(), pen.widthF(), pen.style().value, scale, bottom - top)
        kept = self.sprites.of(style)
        whole = grid.whole
        for x in xs:
            at = x * scale + dx
            column = math.floor(at)
            key = (round((at - column) * PHASES), phase_y)
            sprite = kept.get(key)
            if sprite is None:
                sprite = self._sprite(grid, pen, key, pad, bottom - top)
                self.sprites.add(kept, key, sprite)
            if whole:
                painter.drawPixmap(column - pad - int(dx), row - pad - int(dy), sprite)
            else:
                corner = QPointF((column - pad - dx) / scale, (row - pad - dy) / scale)
                painter.drawPixmap(corner, sprite)

    @staticmethod
    def _sprite(grid: Grid, pen: QPen, phases: tuple[int, int], pad: int, length: float) -> QPixmap:
        """A line ``length`` long in ``pen``, ``pad`` pixels and ``phases`` in."""
        left, top = offset(phases[0], pad, grid.scale), offset(phases[1], pad, grid.scale)
        pixmap, painter = blank(grid, 2 * pad + 2, math.ceil((top + length) * grid.scale) + pad + 1)
        try:
            painter.setPen(pen)
            painter.drawLine(QPointF(left, top), QPointF(left, top + length))
        finally:
            painter.end()
        return pixmap


def _centred(painter: QPainter, xs: Iterable[float]) -> Iterable[float]:
    """``xs`` each moved to the middle of the device's pixel column it falls in,
    when the painter only scales and shifts (else as they are)."""
    transform = painter.deviceTransform()
    scale = transform.m11()
    if transform.type().value > QTransform.TransformationType.TxScale.value or scale <= 0:
        return xs
    dx = transform.dx()
    return [(math.floor(x * scale + dx) + 0.5 - dx) / scale for x in xs]
