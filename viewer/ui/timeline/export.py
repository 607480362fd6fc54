"""Render a timeline to PNG, SVG or PDF with the widget's own painting code."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from viewer.domain.cite import source_words
from viewer.domain.text import xml_safe
from viewer.domain.timeline import Timeline
from viewer.timeline.axis import clamp_time, span_words
from viewer.timeline.filters import Mask
from viewer.timeline.lanes import BY_KIND, LaneChoice
from viewer.timeline.layout import AXIS_HEIGHT, GUTTER, LANE_GAP, ROW_HEIGHT, Layout
from viewer.ui.timeline.fit import label_room, layout_font
from viewer.ui.timeline.legend import drawn_samples, paint_legend
from viewer.ui.timeline.render import TimelineRenderer

FORMATS = (".png", ".svg", ".pdf")
# Space around the title and the sources (pixels).
MARGIN = 12
# The least plot a picture of a given height draws: the axis and one lane's row.
LEAST_PLOT = AXIS_HEIGHT + ROW_HEIGHT + LANE_GAP


class ExportError(Exception):
    """An export that could not be written, with a message for the user."""


def shown_span(
    renderer: TimelineRenderer, start: float | None, end: float | None
) -> tuple[float, float]:
    """``start``..``end``, each bound that is None taken from the events the
    renderer draws, with a little room around them."""
    extent = renderer.index.extent() or (0.0, 86400.0)
    pad = max((extent[1] - extent[0]) * 0.04, 3600.0)
    lo = clamp_time(start if start is not None else extent[0] - pad)
    hi = clamp_time(end if end is not None else extent[1] + pad)
    return lo, hi


def _view_for(
    renderer: TimelineRenderer, width: int, start: float | None, end: float | None
) -> tuple[float, float]:
    """The left edge and zoom that show ``start``..``end`` (default: everything)."""
    lo, hi = shown_span(renderer, start, end)
    if hi <= lo:
        raise ExportError(
            QCoreApplication.translate("Export", "the end of the range must come after its start")
        )
    # Without an explicit end, leave room on the right for the last label.
    area = width - GUTTER
    usable = max(area - (0 if end is not None else label_room(area)), 100)
    return lo, (hi - lo) / usable


def _text_height(font: QFont, width: float, text: str) -> float:
    metrics = QFontMetricsF(font)
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()


def _write_svg(data: bytes, out: Path) -> None:
    """The SVG as written, with each control character in its texts shown as a
    visible escape (``\\x1b``, as a terminal is shown it), and each other
    character XML 1.0 forbids too (``\\ufffe``, ``\\uffff``): XML holds none of
    them, not even as a character reference, and the document must stay XML.
    (A lone surrogate reaches it as U+FFFD: Qt's text holds none.)"""
    text = xml_safe(data.decode("utf-8", "replace"))
    try:
        out.write_bytes(text.encode("utf-8"))
    except OSError:
        #: {0} is the path of the file that could not be written.
        said = QCoreApplication.translate("Export", "could not write {0}")
        raise ExportError(said.format(out)) from None


def _plot_of(
    renderer: TimelineRenderer,
    view: tuple[float, float, int],
    height: int,
    texts: float,
    legend_height: Callable[[set[str]], float],
    legend: float,
) -> tuple[Layout, set[str], float]:
    """The layout of the plot in a picture ``height`` pixels tall once the texts
    (``texts`` pixels) and the legend (``legend`` pixels at first) are taken from
    it, as the window lays out its viewport; the samples it draws; the legend's
    height. Lanes whose first row is not in the plot are left out (the window would
    scroll to them)."""
    t0, spp, width = view
    while True:
        plot = height - texts - legend
        if plot < LEAST_PLOT:
            #: {0} is the least height in pixels, such as 320.
            said = QCoreApplication.translate(
                "Export", "the height must be at least {0} pixels: less leaves no room for lanes"
            )
            raise ExportError(said.format(math.ceil(height - plot + LEAST_PLOT)))
        laid = renderer.layout(t0, spp, width, height=plot)
        # A lane whose first row (its name, its marks) does not fit is left out.
        lanes = [lane for lane in laid.lanes if lane.top + ROW_HEIGHT <= plot]
        layout = dataclasses.replace(laid, lanes=lanes)
        only = drawn_samples(renderer, layout)
        needed = legend_height(only)
        if needed <= legend:
            return layout, only, legend
        legend = needed  # more is drawn, so more is named: lay out again, a little shorter


def export_timeline(
    timeline: Timeline,
    out: Path,
    *,
    width: int = 1600,
    height: int | None = None,
    start: float | None = None,
    end: float | None = None,
    palette: QPalette | None = None,
    selected: str | None = None,
    mask: Mask | None = None,
    filter_words: str = "",
    lanes: LaneChoice = BY_KIND,
    left_out: list[str] | None = None,
) -> QSize:
    """Write the timeline to ``out`` (format from the suffix); return the picture's size.

    Above the timeline: its title, the span shown and the filter (if any);
    under it: the legend of what is drawn, and the timeline's sources. Every
    text is painted as text: an SVG holds it as text, never as markup. The
    lanes are those of ``lanes``. Without a ``height`` the picture
    is as tall as each lane's first rows need; with one, it is that tall and
    the plot fills what the texts leave, its lanes sharing its rows as the
    window's do; the titles of the lanes that did not fit are added to
    ``left_out``, if given.
    """
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        if suffix:
            #: {0} is the file name's suffix asked for, such as ".gif".
            refused = QCoreApplication.translate(
                "Export", "cannot export to {0}: use .png, .svg or .pdf"
            )
            raise ExportError(refused.format(suffix))
        raise ExportError(
            QCoreApplication.translate(
                "Export", "cannot export to a file without suffix: use .png, .svg or .pdf"
            )
        )
    if width < 400:
        raise ExportError(
            QCoreApplication.translate("Export", "the width must be at least 400 pixels")
        )
    palette = palette or QApplication.palette()
    renderer = TimelineRenderer(timeline, mask)
    renderer.set_lanes(lanes)
    # The picture keeps the geometry as made, with text of the size it was made
    # for (a large desktop font would not fit its rows): as the window at scale 1.
    renderer.font = layout_font(QApplication.font())[0]
    t0, spp = _view_for(renderer, width, start, end)
    layout = renderer.layout(t0, spp, width)
    t1 = t0 + (width - GUTTER) * spp

    font = renderer.font
    title_font = QFont(font)
    title_font.setBold(True)
    title_font.setPointSizeF(font.pointSizeF() * 1.4)
    text_width = width - 2 * MARGIN
    #: Above an exported picture: the time span it shows.
    shown = QCoreApplication.translate("Export", "Shown: {0}").format(span_words(t0, t1))
    if filter_words:
        #: Above an exported picture: the filter chosen, such as "Kind: Talks, Status: Occurred".
        shown += "\n" + QCoreApplication.translate("Export", "Filter: {0}").format(filter_words)
    title_height = _text_height(title_font, text_width, timeline.title)
    header_height = MARGIN + title_height + 4 + _text_height(font, text_width, shown) + MARGIN
    layers = [layer.title for layer in timeline.layers] if len(timeline.layers) > 1 else []

    def legend_height_of(only: set[str]) -> float:
        scratch = QImage(width, 10, QImage.Format.Format_ARGB32)
        probe = QPainter(scratch)
        try:
            return paint_legend(probe, QRectF(0, 0, width, 400), palette, font, only, layers)
        finally:
            probe.end()

    only = drawn_samples(renderer, layout)
    legend_height = legend_height_of(only)
    sources = "\n".join(source_words(source) for source in timeline.sources)
    #: Under an exported picture: the heading of the list of the timeline's sources.
    heading = QCoreApplication.translate("Export", "Sources:")
    sources_text = f"{heading}\n{sources}" if sources else ""
    sources_height = _text_height(font, text_width, sources_text) + MARGIN if sources else 0.0
    top = header_height
    # The texts' share of the picture: the header, the legend's and the sources' gaps.
    texts = header_height + 6 + 6 + MARGIN / 2 + sources_height + MARGIN / 2
    plot_height = layout.height
    if height is not None:
        view = (t0, spp, width)
        layout, only, legend_height = _plot_of(
            renderer, view, height, texts, legend_height_of, legend_height
        )
        plot_height = height - texts - legend_height
        if left_out is not None:  # the lanes below the plot's end: named to the caller
            drawn = {id(lane.lane) for lane in layout.lanes}
            left_out += [lane.title for lane in renderer.index.lanes if id(lane) not in drawn]
    legend_top = top + plot_height + 6
    sources_top = legend_top + legend_height + 6 + MARGIN / 2
    if height is None:
        height = int(sources_top + sources_height + MARGIN / 2)
    size = QSize(width, height)
    device: QPaintDevice
    if suffix == ".png":
        device = QImage(size, QImage.Format.Format_ARGB32)
        device.fill(palette.color(QPalette.ColorRole.Window))
    elif suffix == ".svg":
        device = QSvgGenerator()
        svg = QBuffer()
        svg.open(QIODevice.OpenModeFlag.WriteOnly)
        device.setOutputDevice(svg)
        device.setSize(size)
        device.setViewBox(QRectF(0, 0, width, height))
        device.setTitle(timeline.title)
    else:
        device = QPdfWriter(str(out))
        device.setResolution(96)
        device.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(width, height), QPageSize.Unit.Point),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        device.setTitle(timeline.title)
    painter = QPainter(device)
    if not painter.isActive():  # a PDF over a file that cannot be written
        #: {0} is the path of the file that could not be written.
        raise ExportError(QCoreApplication.translate("Export", "could not write {0}").format(out))
    try:
        if suffix == ".pdf":
            scale = painter.device().width() / width
            painter.scale(scale, scale)
        painter.fillRect(QRectF(0, 0, width, height), palette.color(QPalette.ColorRole.Window))
        text = palette.color(QPalette.ColorRole.WindowText)
        wrap = int(Qt.TextFlag.TextWordWrap)
        painter.setPen(text)
        painter.setFont(title_font)
        painter.drawText(QRectF(MARGIN, MARGIN, text_width, title_height), wrap, timeline.title)
        painter.setFont(font)
        painter.drawText(
            QRectF(MARGIN, MARGIN + title_height + 4, text_width, header_height), wrap, shown
        )
        painter.save()
        painter.translate(0, top)
        renderer.paint(painter, layout, palette, selected, QRectF(0, 0, width, plot_height))
        painter.restore()
        # A lane cut by the picture's height ends there, as at a window's edge.
        below = QRectF(0, top + plot_height, width, height - top - plot_height)
        painter.fillRect(below, palette.color(QPalette.ColorRole.Window))
        paint_legend(
            painter, QRectF(0, legend_top, width, legend_height + 6), palette, font, only, layers
        )
        if sources_text:
            painter.setPen(text)
            painter.setFont(font)
            painter.drawText(
                QRectF(MARGIN, sources_top, text_width, sources_height), wrap, sources_text
            )
    finally:
        painter.end()
    if isinstance(device, QSvgGenerator):
        _write_svg(bytes(svg.data().data()), out)
    if (isinstance(device, QImage) and not device.save(str(out))) or not out.exists():
        #: {0} is the path of the file that could not be written.
        raise ExportError(QCoreApplication.translate("Export", "could not write {0}").format(out))
    return size
