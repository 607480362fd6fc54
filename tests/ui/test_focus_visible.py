"""Where the keys are always shows: a ring of 3:1 round every focused control.

Measured on the pixels of the real window, in a light and a dark palette: the
ring is there when the control has the keys and not when it has not, and it
stands 3:1 against what it is drawn next to (WCAG 2.2, "Focus appearance").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLineEdit,
    QPushButton,
    QStyleFactory,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.windows import make_window
from viewer.ui.main_window import MainWindow
from viewer.ui.widgets import focus_style
from viewer.ui.widgets.contrast import contrast
from viewer.ui.widgets.focus_style import (
    RING_WIDTH,
    FocusRing,
    FocusStyle,
    focus_color,
    worst_contrast,
)

#: A dark theme, as a desktop's dark palette gives it.
DARK = {
    QPalette.ColorRole.Window: "#353535",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.Highlight: "#2a82da",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#4aa3ff",
}

#: Black and yellow, as a high-contrast theme.
HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#000000",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.Highlight: "#ffff00",
}


def themed(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def focus_app(qapp: QApplication) -> Iterator[QApplication]:
    """The app with the style :func:`viewer.ui.app.make_application` installs
    (pytest-qt's own app is made without it), put back as it was afterwards."""
    before = qapp.style().name()
    focus_style.install(qapp)
    yield qapp
    qapp.setStyle(QStyleFactory.create(before))


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def window_in(qtbot: QtBot, theme: str) -> MainWindow:
    window = make_window(qtbot)
    if theme == "dark":
        window.setPalette(themed(DARK))
    return window


def _filter_button(window: MainWindow) -> QWidget:
    button = window.findChild(QToolButton, "filterMenuButton")
    assert button is not None
    return button


#: Each control the issue named, as the window holds it.
CONTROLS: dict[str, Callable[[MainWindow], QWidget]] = {
    "Filter button": _filter_button,
    "details pane": lambda window: window.details.browser,
    "notes list": lambda window: window.notes_panel.view,
    "speakers list": lambda window: window.quotes.actor_view,
    "events table": lambda window: window.events_table.view,
}


def bring_forward(widget: QWidget) -> None:
    """Raise the dock ``widget`` is in (the notes share theirs with the quotes)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    if parent is not None:
        parent.raise_()


def grab_with_focus(qtbot: QtBot, window: MainWindow, widget: QWidget, focus: bool) -> QImage:
    """``widget`` as it looks with the keys (by Tab) or without them (on the timeline)."""
    if focus:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
    else:
        window.timeline_view.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(window.timeline_view.hasFocus)
    return widget.grab().toImage()


def edge(image: QImage, depth: int) -> list[QPoint]:
    """The pixels ``depth`` in from each side of ``image`` (corners left out)."""
    w, h = image.width(), image.height()
    assert w > 4 * RING_WIDTH
    assert h > 4 * RING_WIDTH
    xs = range(2 * RING_WIDTH, w - 2 * RING_WIDTH)
    ys = range(2 * RING_WIDTH, h - 2 * RING_WIDTH)
    return (
        [QPoint(x, depth) for x in xs]
        + [QPoint(x, h - 1 - depth) for x in xs]
        + [QPoint(depth, y) for y in ys]
        + [QPoint(w - 1 - depth, y) for y in ys]
    )


def colour_at(image: QImage, point: QPoint) -> QColor:
    return QColor(image.pixel(point))


def most_common(image: QImage, points: list[QPoint]) -> QColor:
    """The colour most of ``points`` have: the background there, not a letter on it."""
    assert points
    counts = Counter(image.pixel(p) for p in points)
    return QColor(counts.most_common(1)[0][0])


def assert_ring(focused: QImage, unfocused: QImage, outside: QColor, ring: QColor) -> None:
    """The outer :data:`RING_WIDTH` pixels of ``focused`` are ``ring`` all round,
    and ``ring`` stands 3:1 against the same pixels unfocused, against what is
    inside it and against ``outside``."""
    for depth in range(RING_WIDTH):
        points = edge(focused, depth)
        assert points
        assert all(colour_at(focused, p).rgb() == ring.rgb() for p in points), depth
        before = most_common(unfocused, points)
        assert contrast(ring, before) >= 3, (depth, before.name(), ring.name())
    inside = most_common(focused, edge(focused, RING_WIDTH))
    assert contrast(ring, inside) >= 3, (inside.name(), ring.name())
    assert contrast(ring, outside) >= 3, (outside.name(), ring.name())


def outside_of(window: MainWindow, widget: QWidget) -> QColor:
    """The colour just left of ``widget`` in the window (or of the window, at its edge)."""
    image = window.grab().toImage()
    at = widget.mapTo(window, QPoint(0, widget.height() // 2)) - QPoint(1, 0)
    if at.x() < 0:
        return window.palette().color(QPalette.ColorRole.Window)
    return colour_at(image, at)


@pytest.mark.parametrize("name", list(CONTROLS))
def test_a_focused_control_is_ringed_three_to_one(
    focus_app: QApplication, qtbot: QtBot, theme: str, name: str
) -> None:
    window = window_in(qtbot, theme)
    widget = CONTROLS[name](window)
    bring_forward(widget)
    qtbot.waitUntil(widget.isVisible)
    unfocused = grab_with_focus(qtbot, window, widget, focus=False)
    outside = outside_of(window, widget)
    focused = grab_with_focus(qtbot, window, widget, focus=True)
    ring = focus_color(widget.palette())
    assert worst_contrast(ring, widget.palette()) >= 3
    assert_ring(focused, unfocused, outside, ring)


def _current_item_rect(view: QAbstractItemView) -> QRect:
    """Where the current item is drawn, in the view's own pixels."""
    rect = view.visualRect(view.currentIndex())
    return rect.translated(view.viewport().mapTo(view, QPoint(0, 0)))


@pytest.mark.parametrize("name", ["speakers list", "events table"])
def test_the_focused_item_is_ringed_even_when_selected(
    focus_app: QApplication, qtbot: QtBot, theme: str, name: str
) -> None:
    window = window_in(qtbot, theme)
    view = CONTROLS[name](window)
    assert isinstance(view, QAbstractItemView)
    model = view.model()
    assert model.rowCount() > 1
    view.setCurrentIndex(model.index(1, 0))  # current and selected
    assert view.selectionModel().isSelected(model.index(1, 0))
    unfocused = grab_with_focus(qtbot, window, view, focus=False)
    focused = grab_with_focus(qtbot, window, view, focus=True)
    item = _current_item_rect(view)
    assert item.height() > 2 * RING_WIDTH
    ring = focus_color(view.palette())
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    # Along the item's top and bottom, clear of the view's own ring: the ring, on the selection.
    xs = range(
        item.left() + 2 * RING_WIDTH, min(item.right(), view.viewport().width()) - RING_WIDTH
    )
    sides = [
        QPoint(x, y)
        for x in xs
        for y in (item.top(), item.top() + 1, item.bottom() - 1, item.bottom())
    ]
    assert sides
    assert all(colour_at(focused, p).rgb() == ring.rgb() for p in sides)
    before = most_common(unfocused, sides)
    assert contrast(ring, before) >= 3, before.name()
    inside = [QPoint(item.left() + RING_WIDTH, y) for y in range(item.top() + 4, item.bottom() - 3)]
    assert most_common(focused, inside).rgb() == highlight.rgb()
    assert contrast(ring, highlight) >= 3


@pytest.mark.parametrize(
    "colours", [{}, DARK, HIGH_CONTRAST], ids=["light", "dark", "high contrast"]
)
def test_the_ring_colour_stands_against_every_neighbour(
    focus_app: QApplication, colours: dict[QPalette.ColorRole, str]
) -> None:
    palette = themed(colours)
    ring = focus_color(palette)
    assert worst_contrast(ring, palette) >= 3
    for role in focus_style.NEIGHBOURS:
        assert contrast(ring, palette.color(role)) >= 3, role


def test_buttons_and_fields_are_ringed_too(focus_app: QApplication, qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    button, edit = QPushButton("Add Note…", host), QLineEdit(host)
    button.setGeometry(10, 10, 120, 32)
    edit.setGeometry(10, 60, 160, 28)
    with qtbot.waitExposed(host):
        host.show()
    for widget in (button, edit):
        widget.clearFocus()
        qtbot.waitUntil(lambda: not widget.hasFocus())  # noqa: B023 (waited on at once)
        unfocused = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        focused = widget.grab().toImage()
        outside = host.palette().color(QPalette.ColorRole.Window)
        assert_ring(focused, unfocused, outside, focus_color(widget.palette()))


def test_the_ring_stays_over_scroll_bars_shown_later(focus_app: QApplication, qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.events_table.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    ring = FocusRing.of(view)
    assert ring is not None
    assert ring.isVisible()
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    widgets = [c for c in view.children() if isinstance(c, QWidget) and c.isVisible()]
    assert widgets[-1] is ring  # on top of them all
    view.clearFocus()
    qtbot.waitUntil(lambda: not ring.isVisible())


def test_the_style_keeps_the_look_it_wraps(qapp: QApplication) -> None:
    if isinstance(qapp.style(), FocusStyle):  # installed for every test
        qapp.setStyle(QStyleFactory.create(qapp.style().baseStyle().name()))
    before = qapp.style().name()
    style = focus_style.install(qapp)
    try:
        assert isinstance(qapp.style(), FocusStyle)
        assert focus_style.install(qapp) is style  # once is enough
        assert style.baseStyle().name() == before
    finally:
        qapp.setStyle(QStyleFactory.create(before))
    assert not isinstance(qapp.style(), FocusStyle)
