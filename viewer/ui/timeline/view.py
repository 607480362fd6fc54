"""The timeline widget: a zoomable, scrollable time axis with one lane per kind.

Painting lives in :mod:`viewer.ui.timeline.render` (shared with export), the
layout in :mod:`viewer.timeline.layout`; this widget owns the view state (left
edge and zoom), input, and the link to the shared :class:`Selection`. What it
says and offers comes from its neighbours: tooltips (:mod:`.tooltips`), the
menu of a "+N" cluster (:mod:`.cluster_menu`), how far to zoom to reach events
(:mod:`.reach`), and what a screen reader finds (:mod:`.access`).
"""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessibleInterface,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from viewer.domain.timeline import Timeline
from viewer.timeline.axis import MAX_T, MIN_T
from viewer.timeline.filters import Mask, Rows
from viewer.timeline.labels import LEAST_LABEL
from viewer.timeline.lanes import LaneChoice
from viewer.timeline.layout import (
    AXIS_HEIGHT,
    DETAIL_LIMIT,
    GUTTER,
    Layout,
    Placed,
)
from viewer.ui.document.selection import Selection
from viewer.ui.timeline import access as timeline_access
from viewer.ui.timeline.access import TimelineAccessible
from viewer.ui.timeline.cluster_menu import ClusterMenu
from viewer.ui.timeline.fit import label_room, layout_font
from viewer.ui.timeline.pointer import Pointer
from viewer.ui.timeline.reach import nearest_group, neighbourhood, spreading_zoom
from viewer.ui.timeline.render import TimelineRenderer
from viewer.ui.timeline.tooltips import item_tip, lane_tip, rich_plain, strip_tip
from viewer.ui.widgets.access_leaf import install_factory

ZOOM_STEP = 1.25
MIN_SECONDS_PER_PX = 0.05
MAX_SECONDS_PER_PX = 400 * 365.25 * 86400 / 1000
# Scrollbar units are pixels until the scrollable width would overflow an int.
_SCROLL_LIMIT = 1_000_000_000


class TimelineView(QAbstractScrollArea):
    """Draws the open timeline and lets the reader zoom, pan and select."""

    # The visible range changed: (left-edge time, seconds per pixel, as Fit All).
    viewChanged = Signal(float, float, bool)
    # The reader asked for the context menu of an event: (event id, global position).
    eventMenuRequested = Signal(str, QPoint)
    # Enter on the timeline: the reader wants to read the selected event's details.
    detailsRequested = Signal(str)

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        install_factory(_accessible)
        #: The timeline widget's name for screen readers.
        self.setAccessibleName(self.tr("Timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.viewport().setMouseTracking(True)
        self.selection = selection
        self.renderer = TimelineRenderer()
        self._t0 = 0.0
        self._spp = 3600.0
        self._layout: Layout | None = None
        self._scale = 1.0
        self._fit_font()
        self._fitted = False
        self.pointer = Pointer(self)
        self._syncing_scrollbar = False
        self._scroll_origin = 0.0
        self._scroll_unit = 1.0
        # The last "+N" menu opened (it deletes itself when closed).
        self.cluster_menu: ClusterMenu | None = None
        self.horizontalScrollBar().valueChanged.connect(self._on_hscroll)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        selection.changed.connect(self._on_selection_changed)

    # -- state ------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Show ``timeline``: the old layout goes with the old index, here and now."""
        self._close_cluster_menu()  # it lists events of the old timeline
        self.renderer.set_timeline(timeline)
        self._layout = None
        self._fitted = False
        self.fit_all()
        self._invalidate()
        timeline_access.describe_selection(self, timeline, self.selection.event_id or "")

    def show_only(self, mask: Mask | None) -> None:
        """Draw only the events ``mask`` keeps (by table row); None: all of them.

        The view stays where it is: a filter changes what is drawn, not where.
        """
        self._close_cluster_menu()
        self.renderer.show_only(mask)
        self._invalidate()

    def set_lanes(self, lanes: LaneChoice) -> None:
        """Draw ``lanes`` (see :meth:`TimelineRenderer.set_lanes`)."""
        self._close_cluster_menu()
        self.renderer.set_lanes(lanes)
        self._invalidate()

    def fold_lane(self, key: str) -> None:
        """Fold the lane ``key`` to its strip, or open it again."""
        self.set_lanes(self.renderer.lanes.folding(key))

    def _close_cluster_menu(self) -> None:
        """Close the open "+N" menu, if any (one closed before deletes itself)."""
        menu, self.cluster_menu = self.cluster_menu, None
        if menu is not None and shiboken6.isValid(menu):
            menu.close()

    def set_find_marks(self, rows: Rows | None) -> None:
        """Mark every match of a search (table ``rows``) in view; None: no marks."""
        self.renderer.set_matches(rows)
        self.viewport().update()

    def set_changed_marks(self, rows: Rows | None) -> None:
        """Mark the events at table ``rows``, new or changed since the reader last
        looked; None: none."""
        self.renderer.set_changed(rows)
        self.viewport().update()

    def set_note_counts(self, counts: dict[str, int]) -> None:
        self.renderer.note_counts = counts
        self.viewport().update()

    @property
    def t0(self) -> float:
        return self._t0

    @property
    def seconds_per_px(self) -> float:
        return self._spp

    @property
    def scale(self) -> float:
        """Screen pixels per layout unit: above 1 when the font is larger than the
        one the timeline's rows, gutter and axis were drawn for."""
        return self._scale

    @property
    def gutter(self) -> float:
        """Where the time axis starts, in screen pixels (the lane names are left of it)."""
        return GUTTER * self._scale

    @property
    def axis_height(self) -> float:
        return AXIS_HEIGHT * self._scale

    def _fit_font(self) -> None:
        """Follow the widget's font: the layout is measured in a font of the size
        the geometry was made for, and painting scales it all up to this one."""
        self.renderer.font, self._scale = layout_font(self.font())

    def time_area_width(self) -> float:
        return max(self.viewport().width() - self.gutter, 1.0)

    def x_of(self, t: float) -> float:
        return self.gutter + (t - self._t0) / self._spp

    def t_of(self, x: float) -> float:
        return self._t0 + (x - self.gutter) * self._spp

    def to_layout(self, pos: QPointF) -> QPointF:
        """A point of the viewport in the layout's units (scrolled content)."""
        top = self.verticalScrollBar().value()
        return QPointF(pos.x() / self._scale, (pos.y() + top) / self._scale)

    def to_view(self, x: float, y: float) -> QPointF:
        """A point of the layout in the viewport's pixels."""
        top = self.verticalScrollBar().value()
        return QPointF(x * self._scale, y * self._scale - top)

    def shown_area(self) -> QRectF:
        """The part of the layout the viewport shows (in the layout's units)."""
        top = self.verticalScrollBar().value() / self._scale
        size = self.viewport().size()
        return QRectF(0, top, size.width() / self._scale, size.height() / self._scale)

    def set_view(self, t0: float, seconds_per_px: float, fitted: bool = False) -> None:
        """Show from ``t0`` at ``seconds_per_px``; ``fitted``: as Fit All (a resize fits again)."""
        spp = min(max(seconds_per_px, MIN_SECONDS_PER_PX), MAX_SECONDS_PER_PX)
        # The calendar ends at years 1 and 9999: the view stays within them.
        span = self.time_area_width() * spp
        if span > MAX_T - MIN_T:
            spp = (MAX_T - MIN_T) / self.time_area_width()
            span = MAX_T - MIN_T
        t0 = min(max(t0, MIN_T), MAX_T - span)
        if math.isclose(t0, self._t0) and math.isclose(spp, self._spp):
            return
        self._t0, self._spp = t0, spp
        self._fitted = fitted
        self._invalidate()
        self.viewChanged.emit(self._t0, self._spp, fitted)

    def fit_all(self) -> None:
        extent = self.renderer.index.extent()
        if extent is None:
            self.set_view(self._t0, self._spp)
            self._invalidate()
            return
        start, end = extent
        pad = max((end - start) * 0.04, 3600.0)
        start, end = start - pad, end + pad
        # Room on the right for the last event's label.
        area = self.time_area_width()
        spp = (end - start) / max(area - label_room(area / self._scale) * self._scale, 100)
        self.set_view(start, spp, fitted=True)
        self._fitted = True  # until the reader zooms or pans, a resize fits again

    @property
    def fitted(self) -> bool:
        """Whether the view shows everything as Fit All does (not zoomed or panned since)."""
        return self._fitted

    def center_on(self, t: float) -> None:
        """Scroll (at this zoom) until the time ``t`` is in the middle of the view."""
        self.set_view(t - self.time_area_width() / 2 * self._spp, self._spp)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out, keeping the time under ``anchor_x`` fixed."""
        x = anchor_x if anchor_x is not None else self.gutter + self.time_area_width() / 2
        anchor_t = self.t_of(x)
        spp = min(max(self._spp / factor, MIN_SECONDS_PER_PX), MAX_SECONDS_PER_PX)
        self.set_view(anchor_t - (x - self.gutter) * spp, spp)

    def pan_pixels(self, dx: float) -> None:
        self.set_view(self._t0 + dx * self._spp, self._spp)

    def zoom_to(self, start: float, end: float) -> None:
        span = max(end - start, 60.0)
        pad = span * 0.15
        self.set_view(start - pad, (span + 2 * pad) / self.time_area_width())

    def open_cluster(self, cluster: Placed, at: QPoint | None = None) -> ClusterMenu:
        """Offer the events of a "+N" cluster to choose from, in a menu at ``at``
        (by default, under the cluster)."""
        menu = ClusterMenu(cluster, self.renderer.index, self.selection, self.expand, self)
        self.cluster_menu = menu
        if at is None:
            corner = self.to_view(cluster.hit.left(), cluster.hit.bottom()).toPoint()
            at = self.viewport().mapToGlobal(corner)
        menu.popup(at)
        return menu

    def expand(self, cluster: Placed) -> None:
        """Zoom in until the events of ``cluster`` get rows and labels of their own."""
        start, end = cluster.span
        layout = self.current_layout()
        spp = spreading_zoom(self.renderer, cluster, self._scale, self._spp, layout)
        if spp is None:
            self.zoom_to(start, end)
        else:
            self.set_view(start - 0.1 * self.time_area_width() * spp, spp)

    def ensure_visible(self, event_id: str) -> None:
        """Scroll (and, out of a far-zoom count, zoom) until ``event_id`` is drawn.

        The selected event is never hidden in a "+N" cluster (the layout gives
        it a row), so only a lane drawn as counts needs zooming: in until the
        events around it are few enough to be drawn one by one.
        """
        index = self.renderer.index
        position = index.position.get(event_id)
        if position is None:
            return
        home = index.lane_of(position)
        for attempt in range(8):
            placed = self.placed(event_id)
            if (
                placed is not None
                and placed.label is not None
                and self.gutter <= placed.glyph.x() * self._scale <= self.viewport().width()
                and placed.label.width() + 1
                >= min(self.renderer.label_width(position), LEAST_LABEL)
            ):
                break  # drawn, its mark in view, its label readable: the view stays put
            lane = next((la for la in self.current_layout().lanes if la.lane is home), None)
            if lane is not None and lane.collapsed:  # opened to show it
                self.fold_lane(lane.key)
            elif lane is not None and lane.bucketed:
                self.zoom_to(*neighbourhood(index, position, DETAIL_LIMIT // (4 << attempt)))
            else:
                start, end = index.starts[position], index.ends[position]
                self.center_on((start + end) / 2)
        placed = self.placed(event_id)
        if placed is not None:
            bar = self.verticalScrollBar()
            top = (placed.hit.top() - AXIS_HEIGHT) * self._scale
            bottom = placed.hit.bottom() * self._scale
            if top < bar.value():
                bar.setValue(int(top))
            elif bottom > bar.value() + self.viewport().height():
                bar.setValue(int(bottom - self.viewport().height() + 4))

    # -- layout and hit-testing -------------------------------------------

    def current_layout(self) -> Layout:
        """The layout of what is shown now; never one of a timeline no longer open."""
        if self._layout is None or self._layout.index is not self.renderer.index:
            self._layout = self.renderer.layout(
                self._t0,
                self._spp * self._scale,
                self.viewport().width() / self._scale,
                self.selection.event_id,
                self.viewport().height() / self._scale,
            )
            self._sync_scrollbars(self._layout)
        return self._layout

    def placed(self, event_id: str) -> Placed | None:
        """Where ``event_id`` is drawn now (in content coordinates), if it is labelled."""
        position = self.renderer.index.position.get(event_id)
        for item in self.current_layout().items():
            if not item.is_cluster and item.positions[0] == position:
                return item
        return None

    def event_pos(self, event_id: str) -> QPoint | None:
        """The viewport point at the centre of ``event_id``'s marker, if drawn."""
        item = self.placed(event_id)
        if item is None:
            return None
        return self.to_view(item.glyph.x(), item.glyph.y()).toPoint()

    def item_at(self, pos: QPointF) -> Placed | None:
        layout = self.current_layout()
        point = self.to_layout(pos)
        if pos.y() < self.axis_height or pos.x() < self.gutter:
            return None
        best: Placed | None = None
        best_distance = 8.0
        for item in layout.items():
            if item.hit.contains(point):
                return item
            distance = math.hypot(item.glyph.x() - point.x(), item.glyph.y() - point.y())
            if distance < best_distance:
                best, best_distance = item, distance
        return best

    def _invalidate(self) -> None:
        self._layout = None
        self.viewport().update()

    def _sync_scrollbars(self, layout: Layout) -> None:
        self._syncing_scrollbar = True
        try:
            bar = self.horizontalScrollBar()
            extent = self.renderer.index.extent()
            page = self.time_area_width()
            if extent is None:
                bar.setRange(0, 0)
            else:
                pad = max((extent[1] - extent[0]) * 0.5, page * self._spp)
                lo_t = min(extent[0] - pad, self._t0)
                hi_t = max(extent[1] + pad, self._t0 + page * self._spp)
                unit = max(1.0, (hi_t - lo_t) / self._spp / _SCROLL_LIMIT)
                self._scroll_origin, self._scroll_unit = lo_t, unit * self._spp
                bar.setPageStep(max(int(page / unit), 1))
                bar.setSingleStep(max(int(40 / unit), 1))
                bar.setRange(0, max(int((hi_t - lo_t) / self._scroll_unit - page / unit), 0))
                bar.setValue(int((self._t0 - lo_t) / self._scroll_unit))
            vbar = self.verticalScrollBar()
            visible = self.viewport().height() - self.axis_height
            content = layout.height * self._scale - self.axis_height
            vbar.setPageStep(max(int(visible), 1))
            vbar.setSingleStep(20)
            vbar.setRange(0, max(int(content - visible), 0))
        finally:
            self._syncing_scrollbar = False

    def _on_hscroll(self, value: int) -> None:
        if self._syncing_scrollbar or self.renderer.index.extent() is None:
            return
        self.set_view(self._scroll_origin + value * self._scroll_unit, self._spp)

    # -- painting ---------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self.current_layout()
        painter = QPainter(self.viewport())
        try:
            shown = self.shown_area()
            painter.save()
            painter.scale(self._scale, self._scale)
            self.renderer.paint(
                painter,
                layout,
                self.palette(),
                self.selection.event_id,
                QRectF(0, 0, shown.width(), shown.height()),
                shown.top(),
            )
            painter.restore()
            self.pointer.paint(painter, self.palette())
            if self.hasFocus():  # where the keys go: a frame in the highlight colour
                pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
        finally:
            painter.end()
        # What is drawn may have changed (a pan, a zoom, a scroll, a filter): a
        # screen reader hears of the items that came. (Here, not where the view
        # changes: a view being taken down is never asked.)
        timeline_access.children_changed(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit_all()
        self._invalidate()

    def sizeHint(self) -> QSize:
        return QSize(900, 380)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()
            if self._fitted:
                self.fit_all()
            self._invalidate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._invalidate()
        super().changeEvent(event)

    # -- input ------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if (delta.x() and not delta.y()) or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            amount = delta.x() or delta.y()
            self.pan_pixels(-amount / 120 * 60)
        elif delta.y():
            self.zoom(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.pointer.press(event)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.pointer.move(event)
        if self.renderer.hover(self.item_at(event.position())):
            self.viewport().update()  # its whole title shows, or no longer
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.pointer.release(event)
        event.accept()

    def activate(self, item: Placed) -> None:
        """What a click on ``item`` does: zoom into a count, list a group's
        events, or select the event."""
        if item.bucket:
            self.expand(item)
        elif item.is_cluster:
            self.open_cluster(item)
        else:
            self.selection.select(self.renderer.index.id_of(item.positions[0]))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.item_at(QPointF(self.viewport().mapFrom(self, event.pos())))
        if item is None or item.is_cluster:
            event.ignore()
            return
        event_id = self.renderer.index.id_of(item.positions[0])
        self.selection.select(event_id)
        self.eventMenuRequested.emit(event_id, event.globalPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        index = self.renderer.index
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and shift:
            self.pan_pixels(-80 if key == Qt.Key.Key_Left else 80)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            self.selection.select(index.step(self.selection.event_id, step))
        elif key == Qt.Key.Key_Home:
            self.selection.select(index.first())
        elif key == Qt.Key.Key_End:
            self.selection.select(index.last())
        elif key == Qt.Key.Key_Escape and self.pointer.dragging_lane:
            self.pointer.cancel()  # the lane stays; a second Escape clears the selection
        elif key == Qt.Key.Key_Escape:
            self.selection.clear()
        elif key == Qt.Key.Key_Space:
            self.open_nearest_group()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selection.event_id:
            self.detailsRequested.emit(self.selection.event_id)
        elif (key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift)) and (
            self.selection.event_id
        ):
            self._keyboard_menu(self.selection.event_id)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def open_nearest_group(self) -> Placed | None:
        """Space: open the "+N" cluster (or zoom into the count) nearest the selected
        event, in its lane first; with nothing selected, nearest the middle."""
        selected = self.placed(self.selection.event_id) if self.selection.event_id else None
        middle = self.viewport().width() / 2 / self._scale
        nearest = nearest_group(self.current_layout(), selected, middle)
        if nearest is not None and nearest.bucket:
            self.expand(nearest)
        elif nearest is not None:
            self.open_cluster(nearest)
        return nearest

    def _keyboard_menu(self, event_id: str) -> None:
        """The context menu key: the selected event's menu, at its mark."""
        self.ensure_visible(event_id)
        pos = self.event_pos(event_id) or self.viewport().rect().center()
        self.eventMenuRequested.emit(event_id, self.viewport().mapToGlobal(pos))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus frame
        timeline_access.announce_selection(self)  # the selected event is where the keys act

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and self.renderer.hover(None):
            self.viewport().update()
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_text(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), rich_plain(text), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_text(self, pos: QPointF) -> str:
        """What the tooltip at ``pos`` (in the viewport) says; "" for none."""
        if pos.x() < self.gutter and pos.y() >= self.axis_height:  # a lane's name, whole
            return lane_tip(self.current_layout(), self.to_layout(pos).y())
        item = self.item_at(pos)
        if item is None:
            at = self.to_layout(pos)
            return strip_tip(self.current_layout(), at.x(), at.y())
        return item_tip(self.renderer, item)

    def _on_selection_changed(self, event_id: str) -> None:
        self._invalidate()  # the selected event is laid out first, never in a cluster
        if event_id:
            self.ensure_visible(event_id)
        timeline_access.describe_selection(self, self.renderer.timeline, event_id)


def _accessible(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks this for every object's interface: a timeline's is the list of what it draws."""
    return TimelineAccessible(obj, obj) if isinstance(obj, TimelineView) else None
