"""Colours keep their contrast on light, dark and high-contrast palettes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window
from viewer.domain.model import EventKind
from viewer.ui.timeline.palette import KIND_STYLE, MARK_CONTRAST, contrast, kind_color, legible

BACKGROUNDS = ["#ffffff", "#f0f0f0", "#2b2b2b", "#1e1e1e", "#000000"]


@pytest.mark.parametrize("base", BACKGROUNDS)
def test_every_kind_keeps_three_to_one_against_the_base(base: str) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    for kind in EventKind:
        colour = kind_color(kind, palette)
        assert contrast(colour, QColor(base)) >= MARK_CONTRAST, (kind, base, colour.name())
        # The hue is kept: a lighter or darker shade of the same colour.
        original = QColor(KIND_STYLE[kind][0])
        if original.hslSaturationF() > 0.1:
            assert abs(colour.hslHueF() - original.hslHueF()) < 0.02, kind


def test_legible_leaves_a_colour_that_is_fine_as_it_is() -> None:
    assert legible(QColor("#000000"), QColor("#ffffff"), 4.5) == QColor("#000000")
    assert contrast(QColor("#ffffff"), QColor("#000000")) == pytest.approx(21.0)


def test_the_timeline_paints_its_marks_in_the_legible_colours(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    dark = QPalette(window.palette())
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    view = window.timeline_view
    view.setPalette(dark)
    view.viewport().setPalette(dark)
    pos = view.event_pos("call-2025-06-04")
    assert pos is not None
    image = view.viewport().grab().toImage()
    painted = QColor(image.pixel(pos))
    expected = kind_color(EventKind.CALL, dark)
    assert contrast(painted, QColor("#1e1e1e")) >= MARK_CONTRAST
    assert abs(painted.red() - expected.red()) <= 40
