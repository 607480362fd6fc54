"""Colours keep their contrast on light, dark and high-contrast palettes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window
from viewer.domain.model import EventKind
from viewer.ui.timeline.palette import (
    ERA_BAND_ALPHA,
    KIND_STYLE,
    LAYER_COLORS,
    MARK_CONTRAST,
    PUBLICATION_BAND_ALPHA,
    blend,
    kind_color,
    lane_color,
    layer_color,
    mark_backgrounds,
)
from viewer.ui.widgets.contrast import contrast, legible, legible_on

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


#: Light, dark and high-contrast palettes, as the timeline's roles have them.
THEMES = {
    "light": {},
    "dark": {
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#2a82da",
        QPalette.ColorRole.Link: "#4aa3ff",
    },
    "high contrast": {
        QPalette.ColorRole.Base: "#000000",
        QPalette.ColorRole.AlternateBase: "#1a1a1a",
        QPalette.ColorRole.Window: "#000000",
        QPalette.ColorRole.Text: "#ffffff",
        QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Highlight: "#ffff00",
        QPalette.ColorRole.Link: "#00ffff",
    },
}


def themed(name: str) -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, colour in THEMES[name].items():
        palette.setColor(role, QColor(colour))
    return palette


def every_mark_colour(palette: QPalette) -> list[tuple[str, QColor]]:
    """Each kind's, a mixed lane's and each timeline's colour on ``palette``."""
    colours = [(kind.value, kind_color(kind, palette)) for kind in EventKind]
    colours.append(("mixed", lane_color(None, palette)))
    colours += [(f"layer {n}", layer_color(n, palette)) for n in range(len(LAYER_COLORS))]
    return colours


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_mark_keeps_three_to_one_on_every_background(qapp: QApplication, theme: str) -> None:
    """Not only on the base: on the banded lanes' alternate base, and under an
    era's and a publication date's bands (laid over either, as painted)."""
    palette = themed(theme)
    base = palette.color(QPalette.ColorRole.Base)
    alternate = palette.color(QPalette.ColorRole.AlternateBase)
    link = palette.color(QPalette.ColorRole.Link)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    backgrounds = []
    for lane in (base, alternate):
        era = blend(lane, highlight, ERA_BAND_ALPHA / 255)
        pub = PUBLICATION_BAND_ALPHA / 255
        backgrounds += [lane, era, blend(lane, link, pub), blend(era, link, pub)]
    assert len(backgrounds) == 8
    for name, colour in every_mark_colour(palette):
        for background in backgrounds:
            assert contrast(colour, background) >= MARK_CONTRAST, (
                theme,
                name,
                colour.name(),
                background.name(),
            )


def _near(image: QImage, colour: QColor, slack: int = 1) -> bool:
    """Whether some pixel of ``image`` is ``colour`` (to ``slack`` a channel)."""
    target = (colour.red(), colour.green(), colour.blue())
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = QColor(image.pixel(x, y))
            found = (pixel.red(), pixel.green(), pixel.blue())
            if all(abs(a - b) <= slack for a, b in zip(found, target, strict=True)):
                return True
    return False


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_backgrounds_reckoned_with_are_those_painted(qtbot: QtBot, theme: str) -> None:
    """The banded lanes and the publication band on the screen are among the
    backgrounds the marks' colours are made for, and the marks stand 3:1 on them."""
    window = active_window(qtbot)
    palette = themed(theme)
    view = window.timeline_view
    view.setPalette(palette)
    view.viewport().setPalette(palette)
    image = view.viewport().grab().toImage()
    backgrounds = mark_backgrounds(view.palette())
    link = view.palette().color(QPalette.ColorRole.Link)
    painted = {
        "base": view.palette().color(QPalette.ColorRole.Base),
        "banded lane": view.palette().color(QPalette.ColorRole.AlternateBase),
        "publication band": blend(backgrounds[0], link, PUBLICATION_BAND_ALPHA / 255),
        "publication band on a banded lane": blend(
            view.palette().color(QPalette.ColorRole.AlternateBase),
            link,
            PUBLICATION_BAND_ALPHA / 255,
        ),
    }
    for name, background in painted.items():
        assert _near(image, background), (name, background.name())
        assert any(
            all(
                abs(a - b) <= 1
                for a, b in zip(c.getRgb()[:3], background.getRgb()[:3], strict=True)
            )
            for c in backgrounds
        ), name
        for mark, colour in every_mark_colour(view.palette()):
            assert contrast(colour, background) >= MARK_CONTRAST, (name, mark, colour.name())


def test_legible_on_takes_the_other_way_when_one_way_fails() -> None:
    """On dark backgrounds a colour is lightened; on an odd palette (a black base,
    white banded lanes) no lighter orange stands 3:1 on both, and a darker one,
    found the other way, does."""
    black, white = QColor("#000000"), QColor("#ffffff")
    on_dark = legible_on(QColor("#0072B2"), (black, QColor("#333333")), 3.0)
    assert on_dark.lightnessF() > QColor("#0072B2").lightnessF()
    assert min(contrast(on_dark, black), contrast(on_dark, QColor("#333333"))) >= 3.0
    best = legible_on(QColor("#E69F00"), (black, white), 3.0)
    assert min(contrast(best, black), contrast(best, white)) >= 3.0
