"""The count badges of far lanes: each bucket's number on a rounded badge.

A far view draws hundreds of them a frame, so on the screen each is drawn as
a blank badge's sprite (:mod:`viewer.ui.timeline.sprites`), kept for its
width, the colours and where it falls between two pixels, with its number
drawn over it as text. (A sprite of the badge with its number, kept for the
number, drew the same pixels but cost some 100 µs to paint against 3 µs to
draw, and a zoom changes every count: the view from a million events down to
an hour drew its counts in 1.7× the time with them, 1.2× along its pans.)
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


class CountBadges:
    """Counts ("12", "+3") laid out once in the plain font, and far lanes' badges
    drawn from sprites where the device has pixels."""

    def __init__(self) -> None:
        self._font = QFont()
        # The counts' texts, in the plain font.
        self._texts = Texts(self._font)
        # Blank badges, by width (and colours and place between two pixels):
        # some 50 by 20 pixels, 4 kB each.
        self.blanks = Sprites(1024)

    def set_font(self, font: QFont) -> None:
        """Draw in ``font`` from now on (what was kept in another is dropped)."""
        self._font = QFont(font)
        self._texts = Texts(self._font)
        self.blanks.clear()

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

        Sprites stand for the badges on the raster device whose pixels are
        ``grid`` (see :func:`~viewer.ui.timeline.sprites.pixel_grid`; None:
        shapes), unless two badges overlap (each number is drawn right after
        its badge, where every number must be over every badge)."""
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
        """Each badge as a blank badge's sprite (painted first when none is kept
        yet) with its number over it as text; whether they were drawn (not if
        two overlap).

        A sprite is kept for where its badge falls between two pixels (in
        :data:`PHASES`). (The loop is written out: it runs for hundreds of
        badges a frame.)"""
        style = (fill.getRgbF(), grid.scale)
        scale, dx, dy = grid
        floor = math.floor
        texts = self._texts
        edge: QPen | None = None
        blanks: dict[Hashable, QPixmap] = {}
        pad = 0
        right = -math.inf
        # Each badge's sprite and its corner (pixels), and where its number
        # goes (the painter's units).
        shown: list[tuple[QPixmap, int, int, str, float, float]] = []
        for number, item in enumerate(buckets):
            wanted_edge = pens[number] if pens is not None else pen
            if edge is not wanted_edge:
                edge = wanted_edge
                pad = math.ceil(edge.widthF() * scale / 2) + 1
                key = (style, edge.color().getRgbF(), edge.widthF(), edge.style().value)
                blanks = self.blanks.of(key)
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
            plain = (width, height, round((x - left) * PHASES), round((y - top) * PHASES))
            sprite = blanks.get(plain)
            if sprite is None:
                sprite = self._blank(grid, plain, edge, pad, fill)
                self.blanks.add(blanks, plain, sprite)
            shown.append((sprite, left - pad, top - pad, words, at_x, at_y))
        whole = grid.whole
        painter.setPen(text)
        for sprite, left, top, words, at_x, at_y in shown:
            if whole:
                painter.drawPixmap(left - int(dx), top - int(dy), sprite)
            else:
                painter.drawPixmap(QPointF((left - dx) / scale, (top - dy) / scale), sprite)
            texts.draw(painter, at_x, at_y, words)
        return True

    @staticmethod
    def _blank(
        grid: Grid, spot: tuple[float, float, int, int], pen: QPen, pad: int, fill: QColor
    ) -> QPixmap:
        """A sprite of a badge without its number, of ``spot``'s width and height,
        ``pad`` pixels and its phases in."""
        width, height, phase_x, phase_y = spot
        scale = grid.scale
        left, top = offset(phase_x, pad, scale), offset(phase_y, pad, scale)
        pixmap, painter = blank(
            grid, math.ceil((left + width) * scale) + pad, math.ceil((top + height) * scale) + pad
        )
        try:
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(left, top, width, height), RADIUS, RADIUS)
        finally:
            painter.end()
        return pixmap
