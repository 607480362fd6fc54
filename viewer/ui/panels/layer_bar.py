"""The timelines shown together, each with its colour and a switch to hide it.

:class:`LayerBar` is the row under the timeline (one checkbox per timeline:
its colour as the ring its marks wear, its title, shown or not) and
:class:`LayersMenu` is View > Timelines (one checkable entry each). Both are
views of :class:`~viewer.ui.controllers.filter_state.FilterState`, which holds what is hidden;
both are hidden while one timeline is shown.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QAction, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QLabel, QMenu, QWidget

from viewer.domain.text import isolate, one_line
from viewer.domain.timeline import Layer
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.timeline.glyphs import RING_RADIUS, RING_WIDTH
from viewer.ui.timeline.palette import layer_color
from viewer.ui.widgets.flow import FlowBar

# The widest a timeline's title is shown in the row and the menu (the rest elided).
TITLE_ROOM = 260
# The swatch's size: as large as a mark's ring.
SWATCH = 20


def swatch(number: int, palette: QPalette, ratio: float = 1.0) -> QIcon:
    """The ring the marks of the ``number``-th timeline wear, as an icon."""
    pixmap = QPixmap(round(SWATCH * ratio), round(SWATCH * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(layer_color(number, palette), RING_WIDTH + 0.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        centre = QPointF(SWATCH / 2, SWATCH / 2)
        painter.drawEllipse(centre, RING_RADIUS - 1, RING_RADIUS - 1)
    finally:
        painter.end()
    return QIcon(pixmap)


def _tip(can_hide: bool, title: str) -> str:
    """A box's or entry's tooltip: what it does, and the whole title (on a line of
    its own: a fixed first line is never taken for rich text)."""
    if can_hide:
        said = QCoreApplication.translate("LayerBar", "Show or hide the events of this timeline:")
    else:
        said = QCoreApplication.translate("LayerBar", "One timeline stays shown; this is the last:")
    return f"{said}\n{title}"


def _follow(control: QCheckBox | QAction, state: FilterState, layer_id: str, title: str) -> None:
    """A checkbox or a menu entry of a timeline as it is: checked while shown; the
    last timeline shown stays shown, so its control cannot be cleared."""
    shown = state.layer_shown(layer_id)
    control.blockSignals(True)
    control.setChecked(shown)
    control.blockSignals(False)
    control.setEnabled(not shown or state.can_hide(layer_id))
    control.setToolTip(_tip(control.isEnabled(), title))


def _layer_key(layers: tuple[Layer, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((layer.id, layer.title) for layer in layers)


class LayerBar(FlowBar):
    """Under the timeline: each timeline shown, its colour and title, shown or not."""

    def __init__(self, state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerBar")
        #: The row's name for screen readers.
        self.setAccessibleName(self.tr("Timelines shown"))
        self._state = state
        self._key: tuple[tuple[str, str], ...] = ()
        # One checkbox per timeline, by its id, in order.
        self.boxes: dict[str, QCheckBox] = {}
        self.caption = QLabel(self.tr("Timelines:"), self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.row.addWidget(self.caption)
        state.changed.connect(self._show)
        self._show()

    def _show(self) -> None:
        layers = self._state.layers
        if _layer_key(layers) != self._key:
            self._build(layers)
        for layer_id, box in self.boxes.items():
            _follow(box, self._state, layer_id, box.accessibleName())
        self.setVisible(len(layers) > 1)

    def _build(self, layers: tuple[Layer, ...]) -> None:
        for box in self.boxes.values():
            self.row.removeWidget(box)
            box.hide()  # at once, not when the event loop deletes it
            box.deleteLater()
        self.boxes = {}
        self._key = _layer_key(layers)
        if len(layers) < 2:
            return
        metrics = self.fontMetrics()
        for number, layer in enumerate(layers):
            title = one_line(layer.title)
            box = QCheckBox(self)
            box.setObjectName("layerToggle")
            # A checkbox shows its text as it is (never as HTML); "&" is shown, not a shortcut.
            short = metrics.elidedText(title, Qt.TextElideMode.ElideRight, TITLE_ROOM)
            box.setText(short.replace("&", "&&"))
            box.setIcon(swatch(number, self.palette(), self.devicePixelRatioF()))
            box.setAccessibleName(title)
            box.setAccessibleDescription(self.tr("Shows or hides this timeline's events"))
            box.toggled.connect(partial(self._toggled, layer.id))
            self.row.addWidget(box)
            box.show()
            self.boxes[layer.id] = box
        self.keep_lines()

    def _toggled(self, layer_id: str, shown: bool) -> None:
        if not self._state.set_layer_shown(layer_id, shown):
            self._show()  # refused: the box shows how it is

    def _recolour(self) -> None:
        for number, box in enumerate(self.boxes.values()):
            box.setIcon(swatch(number, self.palette(), self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)


class LayersMenu(QMenu):
    """View > Timelines: each timeline shown together, checked while it shows."""

    def __init__(self, state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinesMenu")
        self.setTitle(self.tr("Ti&melines"))
        self.setToolTipsVisible(True)
        self._state = state
        self._key: tuple[tuple[str, str], ...] = ()
        # One checkable entry per timeline, by its id, in order.
        self.entries: dict[str, QAction] = {}
        self._titles: dict[str, str] = {}
        state.changed.connect(self._show)
        self._show()

    def _show(self) -> None:
        layers = self._state.layers
        if _layer_key(layers) != self._key:
            self._build(layers)
        for layer_id, action in self.entries.items():
            _follow(action, self._state, layer_id, self._titles[layer_id])
        self.menuAction().setVisible(len(layers) > 1)

    def _toggled(self, layer_id: str, shown: bool) -> None:
        if not self._state.set_layer_shown(layer_id, shown):
            self._show()  # refused: the entry shows how it is

    def _build(self, layers: tuple[Layer, ...]) -> None:
        self.clear()
        self.entries = {}
        self._titles = {}
        self._key = _layer_key(layers)
        if len(layers) < 2:
            return
        metrics = self.fontMetrics()
        for layer in layers:
            title = one_line(layer.title)
            short = metrics.elidedText(title, Qt.TextElideMode.ElideRight, TITLE_ROOM)
            action = self.addAction(isolate(short).replace("&", "&&"))
            action.setCheckable(True)
            action.setData(layer.id)
            # No swatch: a style may show a checked entry with an icon by its icon
            # alone, and the check is what this menu is for.
            self._titles[layer.id] = title
            action.toggled.connect(partial(self._toggled, layer.id))
            self.entries[layer.id] = action
