"""What the mouse does on the timeline: drag the plot to pan, click an item, and
in the gutter click a lane's header to fold or open it and drag it to move it.

The widget hands its mouse events here; this keeps the press and the drag,
and asks the widget (through :class:`Host`) to pan, activate an item or
rearrange the lanes.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QScrollBar, QWidget

from viewer.timeline.lanes import LaneChoice
from viewer.timeline.layout import Layout, Placed
from viewer.ui.timeline.render import TimelineRenderer

# How far (screen pixels) the pointer moves before a press becomes a drag.
DRAG_THRESHOLD = 4
# While a lane is dragged this near the plot's top or bottom edge, the plot
# scrolls by SCROLL_STEP pixels every SCROLL_MS.
SCROLL_EDGE = 24
SCROLL_STEP = 18
SCROLL_MS = 40


class Host(Protocol):
    """The timeline widget as the pointer sees it."""

    renderer: TimelineRenderer

    @property
    def t0(self) -> float: ...
    @property
    def seconds_per_px(self) -> float: ...
    @property
    def gutter(self) -> float: ...
    @property
    def axis_height(self) -> float: ...
    def viewport(self) -> QWidget: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def set_view(self, t0: float, seconds_per_px: float) -> None: ...
    def current_layout(self) -> Layout: ...
    def item_at(self, pos: QPointF) -> Placed | None: ...
    def activate(self, item: Placed) -> None: ...
    def to_layout(self, pos: QPointF) -> QPointF: ...
    def to_view(self, x: float, y: float) -> QPointF: ...
    def set_lanes(self, lanes: LaneChoice) -> None: ...
    def fold_lane(self, key: str) -> None: ...


class Pointer:
    """The mouse on one timeline widget."""

    def __init__(self, host: Host) -> None:
        self._host = host
        self._press: QPoint | None = None
        self._press_t0 = 0.0
        self._dragging = False
        # The lane whose header was pressed, and where it would drop now (the
        # index among the lanes it would take), once dragged.
        self._lane: str | None = None
        self.drop_at: int | None = None
        # Where the pointer is while a lane is dragged, for scrolling at the edges.
        self._at = QPointF()
        self._scroller = QTimer(host.viewport())
        self._scroller.setInterval(SCROLL_MS)
        self._scroller.timeout.connect(self._scroll)

    def press(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        host = self._host
        self._press = event.position().toPoint()
        self._press_t0 = host.t0
        self._dragging = False
        self._lane = self._header_at(event.position())
        self.drop_at = None

    def move(self, event: QMouseEvent) -> None:
        host = self._host
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if self._lane is not None:
            if self._dragging or abs(event.position().y() - self._press.y()) > DRAG_THRESHOLD:
                self._dragging = True
                host.viewport().setCursor(Qt.CursorShape.SizeVerCursor)
                self._at = event.position()
                self.drop_at = self._gap_at(self._at)
                if self._edge():
                    self._scroller.start()
                else:
                    self._scroller.stop()
                host.viewport().update()
            return
        dx = event.position().x() - self._press.x()
        if self._dragging or abs(dx) > DRAG_THRESHOLD:
            self._dragging = True
            host.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            host.set_view(self._press_t0 - dx * host.seconds_per_px, host.seconds_per_px)

    @property
    def dragging_lane(self) -> bool:
        return self._lane is not None and self._dragging

    @property
    def scrolling(self) -> bool:
        """Whether the plot scrolls under a lane held at its edge."""
        return self._scroller.isActive()

    def cancel(self) -> None:
        """Escape: the lane being dragged stays where it was."""
        self._scroller.stop()
        self._press, self._lane, self.drop_at, self._dragging = None, None, None, False
        self._host.viewport().unsetCursor()
        self._host.viewport().update()

    def release(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        host = self._host
        lane, drop_at = self._lane, self.drop_at
        dragged = self._dragging
        self._scroller.stop()
        self._press, self._lane, self.drop_at, self._dragging = None, None, None, False
        host.viewport().unsetCursor()
        if lane is not None:
            if not dragged:
                host.fold_lane(lane)
            elif drop_at is not None:
                self.move_lane(lane, drop_at)
            host.viewport().update()
            return
        if not dragged:
            item = host.item_at(event.position())
            if item is not None:
                host.activate(item)

    # -- lanes --------------------------------------------------------------

    def move_lane(self, key: str, to: int) -> None:
        """Put the lane ``key`` at place ``to`` among the lanes (counted before it
        leaves its own place)."""
        renderer = self._host.renderer
        keys = [lane.key for lane in renderer.index.lanes]
        moved = renderer.lanes.moving(keys, key, to)
        if moved is not renderer.lanes:
            self._host.set_lanes(moved)

    def _edge(self) -> int:
        """-1 while a dragged lane is held at the plot's top edge, 1 at its bottom, else 0."""
        y, host = self._at.y(), self._host
        if y < host.axis_height + SCROLL_EDGE:
            return -1
        return 1 if y > host.viewport().height() - SCROLL_EDGE else 0

    def _scroll(self) -> None:
        """Scroll the plot a step toward the edge the dragged lane is held at."""
        edge = self._edge()
        if not QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.cancel()  # the release went elsewhere (a dialog took the mouse)
            return
        if not edge or self._lane is None:
            self._scroller.stop()
            return
        bar = self._host.verticalScrollBar()
        bar.setValue(bar.value() + edge * SCROLL_STEP)
        self.drop_at = self._gap_at(self._at)
        self._host.viewport().update()

    def _header_at(self, pos: QPointF) -> str | None:
        """The key of the lane whose header (in the gutter) is at ``pos``."""
        host = self._host
        if pos.x() >= host.gutter or pos.y() < host.axis_height:
            return None
        lane = host.current_layout().lane_at(host.to_layout(pos).y())
        return None if lane is None else lane.key

    def _gap_at(self, pos: QPointF) -> int:
        """The place among the lanes a lane dropped at ``pos`` takes: before the
        first lane whose middle is below it."""
        return self._host.current_layout().drop_place(self._host.to_layout(pos).y())

    def paint(self, painter: QPainter, palette: QPalette) -> None:
        """While a lane is dragged: a line where it would drop (view coordinates)."""
        if self.drop_at is None:
            return
        host = self._host
        layout = host.current_layout()
        if not layout.lanes:
            return
        at = host.to_view(0, layout.drop_line(self.drop_at))
        painter.save()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
        width = host.viewport().width()
        painter.drawLine(QPointF(0, at.y()), QPointF(width, at.y()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRect(QRectF(0, at.y() - 5, 4, 10))
        painter.restore()
