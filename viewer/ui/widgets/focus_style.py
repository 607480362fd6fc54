"""Where the keyboard is, always plain to see: the app's style, with a focus ring.

The app keeps its platform's look (Fusion where there is none), wrapped in a
:class:`FocusStyle`. Every control that has the keys gets a solid ring
:data:`RING_WIDTH` pixels wide, in a colour that stands 3:1 (WCAG 2.2's "Focus
appearance") against everything it is drawn next to: the base of lists and
text, the window and buttons' colour and the highlight of a selected item
(:func:`focus_color`), in light, dark and high-contrast palettes.

- Buttons, tool buttons, check boxes, tabs and the current item of a list or
  table (selected or not) are ringed where the style draws their focus
  (``PE_FrameFocusRect``), whether the keys came by the keyboard or the mouse;
  buttons and tool buttons along their outer edge, an item along its own.
- A line edit is ringed along its frame.
- A scrolled view (a list, a table, the details' text) is ringed along its
  frame by a :class:`FocusRing`: a child laid over it, shown while the view has
  the keys; the style draws no frame on a view's behalf, so without it nothing
  would show.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QChildEvent, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionToolButton,
    QWidget,
)

from viewer.ui.widgets.contrast import contrast, legible_on

# How wide the ring is, in pixels.
RING_WIDTH = 2

# How far the ring stands out against its neighbours: WCAG's 3:1, with room
# to spare for the blending at a ring's corners.
RING_CONTRAST = 3.5

# The palette roles a ring is drawn next to: the base of views and fields (and
# their banded rows), the window and buttons, a selected item's highlight.
NEIGHBOURS = (
    QPalette.ColorRole.Base,
    QPalette.ColorRole.AlternateBase,
    QPalette.ColorRole.Window,
    QPalette.ColorRole.Button,
    QPalette.ColorRole.Highlight,
)


def focus_color(palette: QPalette) -> QColor:
    """The ring's colour on ``palette``: the highlight's hue, darkened on a light
    palette (lightened on a dark one) until it stands :data:`RING_CONTRAST` to
    1 against each of the :data:`NEIGHBOURS`."""
    group = palette.currentColorGroup()
    key = tuple(palette.color(group, role).rgba() for role in NEIGHBOURS)
    return QColor(_focus_color_on(key))


@lru_cache(maxsize=16)
def _focus_color_on(key: tuple[int, ...]) -> QColor:
    base, *others = (QColor.fromRgba(rgba) for rgba in key)
    highlight = others[-1]
    return legible_on(highlight, (base, *others), RING_CONTRAST).toRgb()


def worst_contrast(color: QColor, palette: QPalette) -> float:
    """How ``color`` stands against the least of its :data:`NEIGHBOURS` on ``palette``."""
    return min(contrast(color, palette.color(role)) for role in NEIGHBOURS)


def paint_ring(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """A ring :data:`RING_WIDTH` wide just inside ``rect``, in :func:`focus_color`."""
    if rect.width() <= 2 * RING_WIDTH or rect.height() <= 2 * RING_WIDTH:
        return
    color = focus_color(palette)
    painter.save()
    inner = rect.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
    painter.setClipRegion(QRegion(rect).subtracted(QRegion(inner)))
    painter.fillRect(rect, color)
    painter.restore()


# What is ringed along its edge when it has the keys: a line edit's frame, a
# push button's panel.
_RINGED_ALONG_THEIR_EDGE = (
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
)


class FocusStyle(QProxyStyle):
    """The app's style, which always shows where the keys are (see the module)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            if not _ringed_whole(widget):  # those are ringed along their edge
                paint_ring(painter, option.rect, option.palette)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _RINGED_ALONG_THEIR_EDGE and _has_focus(option):
            paint_ring(painter, option.rect, option.palette)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if (
            control == QStyle.ComplexControl.CC_ToolButton
            and isinstance(option, QStyleOptionToolButton)
            and _has_focus(option)
        ):
            paint_ring(painter, option.rect, option.palette)

    def polish(self, arg: Any) -> None:  # a widget, the application or a palette
        super().polish(arg)
        if isinstance(arg, QAbstractScrollArea) and FocusRing.of(arg) is None:
            FocusRing(arg)

    def unpolish(self, arg: Any) -> None:  # a widget or the application
        super().unpolish(arg)
        if isinstance(arg, QAbstractScrollArea):
            ring = FocusRing.of(arg)
            if ring is not None:
                arg.removeEventFilter(ring)
                ring.deleteLater()


def _has_focus(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


def _ringed_whole(widget: QWidget | None) -> bool:
    """Whether ``widget`` is ringed along its whole edge by the style (buttons and
    tool buttons), so the focus rectangle inside it is not drawn as well."""
    return isinstance(widget, QAbstractButton) and not isinstance(widget, (QCheckBox, QRadioButton))


class FocusRing(QWidget):
    """The ring round a scrolled view while it has the keys: a child laid over
    the whole view (its frame, its viewport, its scroll bars and headers, kept
    above them as they come and go), drawing only the ring, which the mouse
    goes through."""

    # The view ringed (None until made: Qt may ask the filter before).
    _view: QAbstractScrollArea | None = None

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self._view = view
        view.installEventFilter(self)
        for child in view.children():  # the viewport, the scroll bars, a header
            if isinstance(child, QWidget) and child is not self:
                child.installEventFilter(self)

    @staticmethod
    def of(view: QAbstractScrollArea) -> FocusRing | None:
        """``view``'s own ring (not one of a view inside it: a table's header)."""
        return view.findChild(FocusRing, options=Qt.FindChildOption.FindDirectChildrenOnly)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self._view
        if view is None:
            return False
        kind = event.type()
        if watched is view:
            if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut, QEvent.Type.Show):
                self._follow()
            elif kind == QEvent.Type.Resize and self.isVisible():
                self._fit()
            elif kind == QEvent.Type.ChildAdded and isinstance(event, QChildEvent):
                child = event.child()
                if isinstance(child, QWidget) and child is not self:
                    child.installEventFilter(self)
        elif kind in (QEvent.Type.ZOrderChange, QEvent.Type.Show) and self.isVisible():
            self.raise_()  # a scroll bar shown or raised stays under the ring
        return False

    def _follow(self) -> None:
        """Shown while the view has the keys (not in a popup: a menu's or a
        combo box's list has its own look)."""
        view = self._view
        if view is None:
            return
        shown = view.hasFocus() and view.window().windowType() != Qt.WindowType.Popup
        if shown:
            self._fit()
            self.raise_()
        self.setVisible(shown)

    def _fit(self) -> None:
        if self._view is None:
            return
        rect = self._view.rect()
        self.setGeometry(rect)
        inner = rect.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(QRegion(rect).subtracted(QRegion(inner)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            paint_ring(painter, self.rect(), self.palette())
        finally:
            painter.end()


def install(app: QApplication) -> FocusStyle:
    """Wrap the app's style (the platform's, or Fusion) in a :class:`FocusStyle`."""
    current = app.style()
    if isinstance(current, FocusStyle):
        return current
    base = QStyleFactory.create(current.name()) or QStyleFactory.create("Fusion")
    style = FocusStyle(base)
    app.setStyle(style)
    return style
