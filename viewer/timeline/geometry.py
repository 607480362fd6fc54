"""Points and rectangles in the timeline widget's coordinates, without Qt.

The layout gives its items' places in these; they read as QPointF and QRectF
do where the views use them, so painting and hit-testing code reads the same
on either side.
"""

from __future__ import annotations

from typing import Protocol


class Point:
    """A point in the widget's coordinates (QPointF's reading API, without Qt)."""

    __slots__ = ("_x", "_y")

    def __init__(self, x: float = 0.0, y: float = 0.0) -> None:
        self._x, self._y = float(x), float(y)

    def x(self) -> float:
        return self._x

    def y(self) -> float:
        return self._y

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and (self._x, self._y) == (other._x, other._y)

    def __hash__(self) -> int:
        return hash((self._x, self._y))

    def __repr__(self) -> str:
        return f"Point({self._x:g}, {self._y:g})"


class _HasXY(Protocol):
    def x(self) -> float: ...
    def y(self) -> float: ...


class Rect:
    """A rectangle in the widget's coordinates (QRectF's API as the views use it, without Qt)."""

    __slots__ = ("_h", "_w", "_x", "_y")

    def __init__(self, x: float = 0.0, y: float = 0.0, w: float = 0.0, h: float = 0.0) -> None:
        self._x, self._y, self._w, self._h = float(x), float(y), float(w), float(h)

    def x(self) -> float:
        return self._x

    def y(self) -> float:
        return self._y

    def left(self) -> float:
        return self._x

    def top(self) -> float:
        return self._y

    def right(self) -> float:
        return self._x + self._w

    def bottom(self) -> float:
        return self._y + self._h

    def width(self) -> float:
        return self._w

    def height(self) -> float:
        return self._h

    def center(self) -> Point:
        return Point(self._x + self._w / 2, self._y + self._h / 2)

    def isNull(self) -> bool:
        return self._w == 0 and self._h == 0

    def contains(self, point: _HasXY) -> bool:
        """On or inside the edges, as QRectF.contains."""
        x, y = point.x(), point.y()
        return self._x <= x <= self._x + self._w and self._y <= y <= self._y + self._h

    def intersects(self, other: Rect) -> bool:
        """The insides overlap (touching edges do not), as QRectF.intersects."""
        if not (self._w and self._h and other._w and other._h):
            return False
        return (
            self._x < other.right()
            and other._x < self.right()
            and self._y < other.bottom()
            and other._y < self.bottom()
        )

    def united(self, other: Rect) -> Rect:
        """The smallest rectangle holding both."""
        left, top = min(self._x, other._x), min(self._y, other._y)
        right, bottom = max(self.right(), other.right()), max(self.bottom(), other.bottom())
        return Rect(left, top, right - left, bottom - top)

    def adjusted(self, dx1: float, dy1: float, dx2: float, dy2: float) -> Rect:
        return Rect(self._x + dx1, self._y + dy1, self._w - dx1 + dx2, self._h - dy1 + dy2)

    def moveTop(self, y: float) -> None:
        self._y = float(y)

    def setRight(self, x: float) -> None:
        self._w = float(x) - self._x

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rect) and (self._x, self._y, self._w, self._h) == (
            other._x,
            other._y,
            other._w,
            other._h,
        )

    def __hash__(self) -> int:
        return hash((self._x, self._y, self._w, self._h))

    def __repr__(self) -> str:
        return f"Rect({self._x:g}, {self._y:g}, {self._w:g}, {self._h:g})"
