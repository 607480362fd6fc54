"""Far views drawn from sprites on the screen: the count badges, the lanes'
headers and the axis's lines look as the shapes and the text would, follow
their text and colours, and never stand in for them in an SVG, a PDF or a
picture of vector drawings."""

from __future__ import annotations

import dataclasses
import math
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QPicture,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from tests.conftest import DATA
from viewer.domain.timeline import Timeline
from viewer.importers.formats import run_import
from viewer.persistence.model_file import load_timeline
from viewer.timeline.geometry import Point, Rect
from viewer.timeline.lanes import LaneChoice, LaneFacet
from viewer.timeline.layout import Layout, Placed
from viewer.ui.timeline import render
from viewer.ui.timeline.badges import RADIUS, CountBadges
from viewer.ui.timeline.lane_header import paint_lane_header
from viewer.ui.timeline.render import TimelineRenderer
from viewer.ui.timeline.sprites import Sprites, blank, offset, pixel_grid
from viewer.ui.timeline.texts import Texts

WIDTH, HEIGHT = 1200, 700


@pytest.fixture(scope="module")
def acled(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    out = tmp_path_factory.mktemp("acled") / "acled.json"
    run_import("acled", DATA / "acled" / "argentina_2022-06_sample.csv", out)
    return load_timeline(out)


def _far(renderer: TimelineRenderer) -> Layout:
    """All the renderer's events in view: its lanes drawn as counts."""
    start, end = renderer.index.extent() or (0.0, 1.0)
    spp = (end - start + 2 * 86400) / (WIDTH - 200)
    layout = renderer.layout(start - 86400, spp, WIDTH)
    assert any(lane.bucketed for lane in layout.lanes)
    return layout


def _counts(layout: Layout) -> list[str]:
    return [item.text for lane in layout.lanes for item in lane.items if item.bucket]


def _paint(renderer: TimelineRenderer, layout: Layout, painter: QPainter) -> None:
    clip = QRectF(0, 0, WIDTH, HEIGHT)
    renderer.paint(painter, layout, QApplication.palette(), None, clip)


def _image(renderer: TimelineRenderer, layout: Layout, scale: float = 1.0) -> QImage:
    image = QImage(round(WIDTH * scale), round(HEIGHT * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        _paint(renderer, layout, painter)
    finally:
        painter.end()
    return image


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    bits = np.frombuffer(image.constBits(), np.uint8)
    return bits.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()]


def _largest_difference(a: QImage, b: QImage) -> int:
    return int(np.abs(_pixels(a).astype(int) - _pixels(b).astype(int)).max())


def _sprites(renderer: TimelineRenderer) -> int:
    """How many sprites the renderer keeps, of badges, headers and lines."""
    badges = renderer._badges
    return len(badges.blanks) + len(renderer._headers) + len(renderer._rules.sprites)


@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_the_sprites_paint_what_the_shapes_and_the_text_would(
    qapp: QApplication, acled: Timeline, monkeypatch: pytest.MonkeyPatch, scale: float
) -> None:
    renderer = TimelineRenderer(acled)
    layout = _far(renderer)
    first = _image(renderer, layout, scale)
    again = _image(renderer, layout, scale)  # now from the sprites the first one kept
    assert _sprites(renderer) > 0
    with monkeypatch.context() as patched:
        patched.setattr(render, "pixel_grid", lambda _painter: None)
        shapes = _image(TimelineRenderer(acled), layout, scale)
    # The same pixels, but for a shade of antialiasing.
    assert _largest_difference(first, shapes) <= 8
    assert _largest_difference(again, shapes) <= 8


def test_an_svg_holds_the_counts_as_text_and_no_sprite_is_made(
    qapp: QApplication, acled: Timeline
) -> None:
    renderer = TimelineRenderer(acled)
    layout = _far(renderer)
    _image(renderer, layout)  # sprites kept from the screen are not used either
    kept = _sprites(renderer)
    generator = QSvgGenerator()
    svg = QBuffer()
    svg.open(QIODevice.OpenModeFlag.WriteOnly)
    generator.setOutputDevice(svg)
    generator.setSize(QRectF(0, 0, WIDTH, HEIGHT).size().toSize())
    painter = QPainter(generator)
    try:
        assert pixel_grid(painter) is None
        _paint(renderer, layout, painter)
    finally:
        painter.end()
    text = bytes(svg.data().data()).decode("utf-8")
    counts = _counts(layout)
    assert counts
    for count in set(counts):
        assert f">{count}</text>" in text
    assert text.count("<image") <= sum(lane.density is not None for lane in layout.lanes)
    assert _sprites(renderer) == kept


def test_a_pdf_and_a_picture_get_shapes_not_sprites(
    qapp: QApplication, acled: Timeline, tmp_path: Path
) -> None:
    renderer = TimelineRenderer(acled)
    layout = _far(renderer)
    pdf = QPdfWriter(str(tmp_path / "far.pdf"))
    pdf.setPageSize(QPageSize(QSizeF(WIDTH, HEIGHT), QPageSize.Unit.Point))
    picture = QPicture()
    for device in (pdf, picture):
        painter = QPainter(device)
        try:
            assert pixel_grid(painter) is None
            _paint(renderer, layout, painter)
        finally:
            painter.end()
    assert _sprites(renderer) == 0
    assert (tmp_path / "far.pdf").stat().st_size > 0


def test_a_turned_painter_gets_shapes(qapp: QApplication) -> None:
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        assert pixel_grid(painter) == (1.0, 0.0, 0.0)
        painter.translate(3.5, 2)
        painter.scale(2, 2)
        assert pixel_grid(painter) == (2.0, 3.5, 2.0)
        painter.rotate(10)
        assert pixel_grid(painter) is None
    finally:
        painter.end()


def _badge(text: str, x: float = 20.3) -> Placed:
    width = QFontMetricsF(QFont()).horizontalAdvance(text) + 10
    return Placed([0], Rect(x, 12, width, 16), Point(x, 20), text=text, bucket=True)


def _badges_image(
    badges: CountBadges | None,
    items: list[Placed],
    fill: QColor,
    edge: QColor,
) -> QImage:
    """``items`` painted by ``badges`` (from sprites), or as shapes with None."""
    image = QImage(200, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(QFont())
        drawer = badges or CountBadges()
        grid = pixel_grid(painter) if badges is not None else None
        drawer.paint(painter, grid, items, QPen(edge, 1), fill, QColor("black"))
    finally:
        painter.end()
    return image


def test_a_kept_badge_follows_its_number_and_colours(qapp: QApplication) -> None:
    badges = CountBadges()
    badges.set_font(QFont())
    pale, red, grey = QColor(220, 230, 250), QColor(250, 200, 200), QColor(90, 90, 90)
    cases = [
        (["12"], pale, grey),
        (["13"], pale, grey),  # another number at the same place
        (["12"], red, grey),  # another fill
        (["12"], pale, QColor("blue")),  # another edge
        (["1,204"], pale, grey),  # another width
    ]
    drawn = []
    for texts, fill, edge in cases + cases:  # the second time from what was kept
        items = [_badge(text) for text in texts]
        # Each is drawn as a kept blank badge under its number.
        sprites = _badges_image(badges, items, fill, edge)
        shapes = _badges_image(None, items, fill, edge)
        assert _largest_difference(sprites, shapes) <= 8
        drawn.append(sprites)
    assert len(badges.blanks) > 0
    for one, other in pairwise(drawn[: len(cases)]):
        assert _largest_difference(one, other) > 40


def _badges_as_before(items: list[Placed], scale: float, fill: QColor, edge: QColor) -> QImage:
    """``items`` drawn as the renderer drew them before their numbers went over
    blank badges: each badge painted with its number into a sprite of its own,
    the number's start kept in 64ths of a pixel, then the sprite drawn."""
    image = QImage(round(200 * scale), round(40 * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    texts, pen, black = Texts(QFont()), QPen(edge, 1), QColor("black")
    pad = math.ceil(pen.widthF() * scale / 2) + 1
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        grid = pixel_grid(painter)
        assert grid is not None
        for item in items:
            x, y, width, height = item.hit.x(), item.hit.y(), item.hit.width(), item.hit.height()
            at_x = x + width / 2 - texts.width(item.text) / 2
            at_y = y + height / 2 - texts.height / 2
            left, top = math.floor(x * scale), math.floor(y * scale)
            phases = (round((x * scale - left) * 64), round((y * scale - top) * 64))
            corner = (offset(phases[0], pad, scale), offset(phases[1], pad, scale))
            sprite, on = blank(
                grid,
                math.ceil((corner[0] + width) * scale) + pad,
                math.ceil((corner[1] + height) * scale) + pad,
            )
            try:
                on.setPen(pen)
                on.setBrush(fill)
                on.drawRoundedRect(QRectF(*corner, width, height), RADIUS, RADIUS)
                on.setPen(black)
                on.setFont(QFont())
                text_x = math.floor(at_x * scale * 64) - left * 64
                text_y = math.floor(at_y * scale * 64) - top * 64
                texts.draw(on, (pad + text_x / 64) / scale, (pad + text_y / 64) / scale, item.text)
            finally:
                on.end()
            painter.drawPixmap(QPointF((left - pad) / scale, (top - pad) / scale), sprite)
    finally:
        painter.end()
    return image


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_badges_draw_the_pixels_their_sprites_with_numbers_drew(
    qapp: QApplication, scale: float
) -> None:
    fill, edge = QColor(220, 230, 250), QColor(90, 90, 90)
    items = [
        _badge(text, x)
        for text, x in (("7", 2.0), ("12", 30.3), ("1,204", 61.77), ("88", 120.5), ("+3", 160.9))
    ]
    badges = CountBadges()
    badges.set_font(QFont())
    for _time in range(3):  # the numbers drawn plainly, then laid out once and kept
        image = QImage(round(200 * scale), round(40 * scale), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(QFont())
            painter.scale(scale, scale)
            badges.paint(painter, pixel_grid(painter), items, QPen(edge, 1), fill, QColor("black"))
        finally:
            painter.end()
        assert image == _badges_as_before(items, scale, fill, edge)
    assert len(badges.blanks) == len(items)  # drawn from sprites, not as shapes


def test_badges_that_overlap_are_drawn_as_shapes(qapp: QApplication) -> None:
    items = [_badge("1,234", 20.0), _badge("5,678", 40.0)]  # each runs under the next
    colours = (QColor(220, 230, 250), QColor(90, 90, 90))
    # Every number over every badge, as the shapes are drawn: not a badge over a number.
    assert _badges_image(CountBadges(), items, *colours) == _badges_image(None, items, *colours)


def test_a_kept_header_follows_its_lane_and_colours(qapp: QApplication, acled: Timeline) -> None:
    renderer = TimelineRenderer(acled)
    renderer.set_lanes(LaneChoice(LaneFacet.ACTOR))
    layout = _far(renderer)
    first, second = layout.lanes[0], layout.lanes[1]
    palette = QApplication.palette()
    metrics = QFontMetricsF(QFont())
    sprites = Sprites(16)
    lanes = [
        (first, QColor(0, 114, 178)),
        (dataclasses.replace(first, collapsed=not first.collapsed), QColor(0, 114, 178)),
        (dataclasses.replace(second, top=first.top), QColor(0, 114, 178)),  # another name, count
        (first, QColor(213, 94, 0)),
    ]

    def header(lane: object, color: QColor, kept: Sprites | None) -> QImage:
        image = QImage(140, 120, QImage.Format.Format_ARGB32)
        image.fill(palette.color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(QFont())
            painter.translate(0, 30 - first.top)
            grid = pixel_grid(painter) if kept is not None else None
            paint_lane_header(painter, lane, color, palette, metrics, kept, grid)  # type: ignore[arg-type]
        finally:
            painter.end()
        return image

    drawn = []
    for lane, color in lanes + lanes:
        kept = header(lane, color, sprites)
        assert _largest_difference(kept, header(lane, color, None)) <= 8
        drawn.append(kept)
    assert len(sprites) == len(lanes)
    for one, other in pairwise(drawn[: len(lanes)]):
        assert _largest_difference(one, other) > 40
    assert drawn[: len(lanes)] == drawn[len(lanes) :]


def test_a_new_font_drops_the_kept_sprites(qapp: QApplication, acled: Timeline) -> None:
    renderer = TimelineRenderer(acled)
    layout = _far(renderer)
    _image(renderer, layout)
    assert len(renderer._badges.blanks) > 0
    assert len(renderer._headers) > 0
    font = QFont(renderer.font)
    font.setPointSizeF(font.pointSizeF() + 1)
    renderer.font = font
    assert len(renderer._badges.blanks) == 0
    assert len(renderer._headers) == 0


def test_the_kept_sprites_are_bounded(qapp: QApplication) -> None:
    badges = CountBadges()
    badges.blanks.limit = 10
    for number in range(40):
        # Another place between two pixels each time: another blank badge.
        badge = _badge(str(number), 20.0 + number / 40)
        _badges_image(badges, [badge], QColor(220, 230, 250), QColor(90, 90, 90))
        assert len(badges.blanks) <= 10


def test_a_density_strip_on_pixels_is_the_stretched_one(qapp: QApplication) -> None:
    from viewer.ui.timeline.density import paint_density

    rng = np.random.default_rng(7)
    density = (rng.poisson(3, 600) * (rng.random(600) < 0.4)).astype(np.int32)
    images = []
    for on_pixels in (True, False):
        image = QImage(800, 60, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(250, 245, 240))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            grid = pixel_grid(painter) if on_pixels else None
            paint_density(painter, density, QColor(0, 158, 115), 20.0, grid)
        finally:
            painter.end()
        images.append(image)
    assert images[0] == images[1]
    assert _pixels(images[0])[30, 130:700].std() > 0  # something was drawn
