"""The overview strip under the timeline: the whole span at a glance, how
densely events fall along it, and the part the timeline shows, which the
reader drags (or clicks beside) to go elsewhere at the same zoom.

The arithmetic is Qt-free (:mod:`viewer.timeline.overview`); this widget
paints it and turns the mouse into a new left edge for the view.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from viewer.timeline.index import EventIndex
from viewer.timeline.overview import Counts, Overview
from viewer.ui.timeline.view import TimelineView

# The strip's height, in pixels: a scroll bar's and a little more, as it stands
# in the scroll bar's place.
HEIGHT = 20
# Room left and right of the span drawn.
MARGIN = 4


class OverviewStrip(QWidget):
    """The whole span of the events shown, their density, and the window the
    timeline shows; dragging the window (or clicking beside it) moves the view."""

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewStrip")
        self.view = view
        self.setFixedHeight(HEIGHT)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys pan the timeline itself
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Overview"))
        self.setAccessibleDescription(
            self.tr("The whole timeline, how many events fall where, and the part shown")
        )
        self.setToolTip(self.tr("Drag the marked part, or click, to show another time"))
        # While dragging: the overview at the press, and where the press fell in
        # the window (columns from its middle), so the window moves with the mouse.
        self._drag: tuple[Overview, float] | None = None
        self._counts: tuple[EventIndex, Overview, Counts] | None = None
        # The strip follows the view's pans and zooms; the window tells it of a
        # new filter (:meth:`update`), which changes the events it counts.
        view.viewChanged.connect(self.update)
        # It does what the horizontal scroll bar did, and shows more: it takes its
        # place, so the lanes keep their height.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def overview(self) -> Overview | None:
        """The overview as drawn now; None while no event is shown (no timeline, or a
        filter that keeps none): then there is no span to show or to click in."""
        if self.view.renderer.timeline is None or self.view.renderer.index.extent() is None:
            return None
        return Overview.of(self.view.renderer.index, self.width() - 2 * MARGIN)

    def shown(self) -> tuple[float, float]:
        """The time the view shows now."""
        view = self.view
        return view.t0, view.t0 + view.time_area_width() * view.seconds_per_px

    def _columns(self, overview: Overview) -> Counts:
        index = self.view.renderer.index
        kept = self._counts
        if kept is None or kept[0] is not index or kept[1] != overview:
            kept = self._counts = (index, overview, overview.counts(index))
        return kept[2]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        overview = self.overview()
        if overview is not None:
            self._paint_density(painter, overview, palette)
            left, right = overview.window(*self.shown())
            window = QRectF(MARGIN + left, 1, right - left, self.height() - 2)
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(40)
            painter.fillRect(window, fill)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(window.adjusted(0, 0, -1, -1))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, 0, self.width(), 0)
        painter.end()

    def _paint_density(self, painter: QPainter, overview: Overview, palette: QPalette) -> None:
        """A bar for each column where events start, as high as the square root
        of their count (so one event beside a thousand still shows), at least
        two pixels wide (so a single event is seen)."""
        counts = self._columns(overview)
        if not len(counts) or not counts.max():
            return
        room = self.height() - 6
        heights = np.maximum(np.sqrt(counts / counts.max()) * room, 3.0)
        bottom = self.height() - 2
        color = QColor(palette.color(QPalette.ColorRole.Text))
        color.setAlpha(150)
        for x in np.flatnonzero(counts).tolist():
            height = float(heights[x])
            painter.fillRect(QRectF(MARGIN + x, bottom - height, 2.0, height), color)

    # -- the mouse ----------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        overview = self.overview()
        if overview is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        x = event.position().x() - MARGIN
        left, right = overview.window(*self.shown())
        # On the window: drag it from where it was taken; beside it: centre it there.
        self._drag = (overview, x - (left + right) / 2 if left <= x <= right else 0.0)
        self._move_to(x)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            super().mouseMoveEvent(event)
            return
        self._move_to(event.position().x() - MARGIN)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        super().mouseReleaseEvent(event)

    def _move_to(self, x: float) -> None:
        assert self._drag is not None
        overview, grip = self._drag
        x = min(max(x, 0.0), float(overview.width))  # past its ends: as at its ends
        start, end = self.shown()
        view = self.view
        view.set_view(overview.left_edge_for(x - grip, end - start), view.seconds_per_px)
