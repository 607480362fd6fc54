"""The count badges of far lanes: each bucket's number on a rounded badge.

A far view draws hundreds of them a frame, so on the screen each is drawn from
a sprite (:mod:`viewer.ui.timeline.sprites`): the badge with its number, kept
for the number, the colours and where it falls between two pixels. A frame
paints only so many new ones (a zoom changes every count); the others are
drawn as a blank badge's sprite, kept for its width, with the number over it.
A vector device gets the shapes and the numbers as text.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

from viewer.timeline.geometry import Point
from viewer.timeline.layout import Placed
from viewer.ui.timeline.glyphs import qrect
from viewer.ui.timeline.sprites import PHASES, Grid, Sprites, blank, offset
from viewer.ui.timeline.texts import Texts

# The corners' radius of a count's badge.
RADIUS = 7.0
# How many sprites of badges with their numbers a frame paints at most.
BUDGET = 32


class CountBadges:
    """Counts ("12", "+3") laid out once in the plain font, and far lanes' badges
    drawn from sprites where the device has pixels."""

    def __init__(self) -> None:
        self._font = QFont()
        # The counts' texts, in the plain font.
        self._texts = Texts(self._font)
        # A badge's sprite is some 50 by 20 pixels: 4 kB.
        self.sprites = Sprites(4096)
        # Blank badges, by width (and colours and place between two pixels).
        self.blanks = Sprites(1024)
        # How many more sprites of badges with their numbers this frame may paint.
        self.budget = BUDGET

    def set_font(self, font: QFont) -> None:
        """Draw in ``font`` from now on (what was kept in another is dropped)."""
        self._font = QFont(font)
        self._texts = Texts(self._font)
        self.sprites.clear()
        self.blanks.clear()

    def start_frame(self) -> None:
        """A new frame: it may paint :data:`BUDGET` new sprites again."""
        self.budget = BUDGET

    def draw_centred(self, painter: QPainter, text: str, centre: Point) -> None:
        """A count ("12", "+3") centred on ``centre``, in the plain font."""
        texts = self._texts
        x, top = centre.x() - texts.width(text) / 2, centre.y() - texts.height / 2
        texts.draw(painter, x, top, text)

    def paint(
        self,
        painter: QPainter,
        grid: Grid | None,
        buckets: list[Placed],
        pen: QPen,
        fill: QColor,
        text: QColor,
        pens: list[QPen] | None = None,
    ) -> None:
        """The badges of ``buckets`` edged with ``pen`` (or each with its own of
        ``pens``), filled with ``fill``, their numbers in ``text``.

        Sprites stand for them on the raster device whose pixels are ``grid``
        (see :func:`~viewer.ui.timeline.sprites.pixel_grid`; None: shapes and
        text), unless two badges overlap (a sprite is a badge with its number,
        where every number must be over every badge)."""
        if grid is None or not self._paint_sprites(painter, grid, buckets, pen, fill, text, pens):
            self._paint_shapes(painter, buckets, pen, fill, text, pens)

    def paint_one(
        self, painter: QPainter, item: Placed, pen: QPen, fill: QColor, text: QColor
    ) -> None:
        """The badge of ``item`` (a count or a "+N") as a shape, edged with ``pen``
        and filled with ``fill``, its number in ``text`` over it."""
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(qrect(item.hit), RADIUS, RADIUS)
        painter.setPen(text)
        self.draw_centred(painter, item.text, item.hit.center())

    def _paint_shapes(
        self,
        painter: QPainter,
        buckets: list[Placed],
        pen: QPen,
        fill: QColor,
        text: QColor,
        pens: list[QPen] | None,
    ) -> None:
        """Each badge as a shape, then every number as static text."""
        painter.setPen(pen)
        painter.setBrush(fill)
        for number, item in enumerate(buckets):
            if pens is not None:
                painter.setPen(pens[number])
            painter.drawRoundedRect(qrect(item.hit), RADIUS, RADIUS)
        painter.setPen(text)
        for item in buckets:
            self.draw_centred(painter, item.text, item.hit.center())

    def _paint_sprites(
        self,
        painter: QPainter,
        grid: Grid,
        buckets: list[Placed],
        pen: QPen,
        fill: QColor,
        text: QColor,
        pens: list[QPen] | None,
    ) -> bool:
        """Each badge from its sprite (painted first when none is kept yet and
        the frame's :attr:`budget` allows), or as a blank badge's sprite with
        its number over it; whether they were drawn (not if two overlap).

        A sprite is kept for where its badge falls between two pixels (in
        :data:`PHASES`) and where its number does in Qt's 64ths of a pixel, so
        the number's glyphs are drawn as they would be there. (The loop is
        written out: it runs for hundreds of badges a frame.)"""
        style = (fill.getRgbF(), text.getRgbF(), grid.scale)
        scale, dx, dy = grid
        floor = math.floor
        texts = self._texts
        edge: QPen | None = None
        sprites: dict[Hashable, QPixmap] = {}
        blanks: dict[Hashable, QPixmap] = {}
        pad = 0
        right = -math.inf
        # Each badge's sprite and its corner (pixels); and with a blank one,
        # where its number goes (the painter's units).
        shown: list[tuple[QPixmap, int, int, Placed | None, float, float]] = []
        for number, item in enumerate(buckets):
            wanted_edge = pens[number] if pens is not None else pen
            if edge is not wanted_edge:
                edge = wanted_edge
                pad = math.ceil(edge.widthF() * scale / 2) + 1
                key = (style, edge.color().getRgbF(), edge.widthF(), edge.style().value)
                sprites, blanks = self.sprites.of(key), self.blanks.of(key)
            hit, words = item.hit, item.text
            x, y, width, height = hit.x(), hit.y(), hit.width(), hit.height()
            if x < right:
                return False
            right = x + width
            # Where the number starts, as draw_centred puts it.
            at_x = x + width / 2 - texts.width(words) / 2
            at_y = y + height / 2 - texts.height / 2
            x, y = x * scale + dx, y * scale + dy
            left, top = floor(x), floor(y)
            phase_x, phase_y = round((x - left) * PHASES), round((y - top) * PHASES)
            # The number's start in 64ths of a pixel, from the badge's pixel.
            text_x = floor((at_x * scale + dx) * 64) - left * 64
            text_y = floor((at_y * scale + dy) * 64) - top * 64
            wanted = (words, width, height, phase_x, phase_y, text_x, text_y)
            sprite = sprites.get(wanted)
            if sprite is None and self.budget > 0:
                self.budget -= 1
                sprite = self._sprite(grid, wanted, edge, pad, fill, text)
                self.sprites.add(sprites, wanted, sprite)
            if sprite is not None:
                shown.append((sprite, left - pad, top - pad, None, 0.0, 0.0))
                continue
            plain = (width, height, phase_x, phase_y)
            sprite = blanks.get(plain)
            if sprite is None:
                sprite = self._blank(grid, plain, edge, pad, fill)
                self.blanks.add(blanks, plain, sprite)
            shown.append((sprite, left - pad, top - pad, item, at_x, at_y))
        whole = grid.whole
        painter.setPen(text)
        for sprite, left, top, blank_of, at_x, at_y in shown:
            if whole:
                painter.drawPixmap(left - int(dx), top - int(dy), sprite)
            else:
                painter.drawPixmap(QPointF((left - dx) / scale, (top - dy) / scale), sprite)
            if blank_of is not None:
                texts.draw(painter, at_x, at_y, blank_of.text)
        return True

    def _sprite(
        self,
        grid: Grid,
        spot: tuple[str, float, float, int, int, int, int],
        pen: QPen,
        pad: int,
        fill: QColor,
        text: QColor,
    ) -> QPixmap:
        """A badge with its number, as :meth:`_paint_shapes` paints it, where
        ``spot`` says (the number, size, phases and 64ths of :meth:`_paint_sprites`)."""
        words, width, height, phase_x, phase_y, text_x, text_y = spot
        pixmap, painter = self._badge(grid, (width, height, phase_x, phase_y), pen, pad, fill)
        try:
            painter.setPen(text)
            painter.setFont(self._font)
            at = QPointF((pad + text_x / 64) / grid.scale, (pad + text_y / 64) / grid.scale)
            self._texts.draw(painter, at.x(), at.y(), words)
        finally:
            painter.end()
        return pixmap

    def _blank(
        self, grid: Grid, spot: tuple[float, float, int, int], pen: QPen, pad: int, fill: QColor
    ) -> QPixmap:
        """A badge without its number, of the size and at the phases of ``spot``."""
        pixmap, painter = self._badge(grid, spot, pen, pad, fill)
        painter.end()
        return pixmap

    @staticmethod
    def _badge(
        grid: Grid, spot: tuple[float, float, int, int], pen: QPen, pad: int, fill: QColor
    ) -> tuple[QPixmap, QPainter]:
        """A sprite with a badge of ``spot``'s width and height painted in it,
        ``pad`` pixels and its phases in; and the painter on it, to end."""
        width, height, phase_x, phase_y = spot
        scale = grid.scale
        left, top = offset(phase_x, pad, scale), offset(phase_y, pad, scale)
        pixmap, painter = blank(
            grid, math.ceil((left + width) * scale) + pad, math.ceil((top + height) * scale) + pad
        )
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(left, top, width, height), RADIUS, RADIUS)
        return pixmap, painter
