"""File > Print: the timeline on pages that split its span, each with its own axis.

Each page is drawn by the painter the window and export use, at the zoom the
reader has chosen (so labels read as on screen), a slice of the span after
another: the axis is repeated on every page, and each says which slice of
how many it is. The legend goes under the timeline on every page, so a page
torn off still reads.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPainter, QPalette
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from viewer.domain.timeline import Timeline
from viewer.timeline.axis import span_words
from viewer.timeline.filters import Mask
from viewer.timeline.lanes import BY_KIND, LaneChoice
from viewer.timeline.layout import GUTTER
from viewer.ui.timeline.export import shown_span
from viewer.ui.timeline.fit import layout_font
from viewer.ui.timeline.legend import drawn_samples, paint_legend
from viewer.ui.timeline.render import TimelineRenderer

# How wide a page is drawn, in the window's pixels (scaled to the paper).
PAGE_WIDTH = 1100.0
# At most this many pages: a reader zoomed in to minutes prints a few pages at
# a coarser zoom, never hundreds.
MAX_PAGES = 20
# Room above the timeline for the page's heading (pixels, before scaling).
MARGIN = 12.0


def page_spans(start: float, end: float, seconds_per_px: float) -> list[tuple[float, float]]:
    """``start``..``end`` cut into pages of :data:`PAGE_WIDTH` pixels at the zoom
    ``seconds_per_px`` (coarser if it would take more than :data:`MAX_PAGES`)."""
    area = PAGE_WIDTH - GUTTER
    total = max(end - start, 1.0)
    pages = min(max(math.ceil(total / (area * seconds_per_px)), 1), MAX_PAGES)
    edges = [start + i * total / pages for i in range(pages)] + [start + total]
    return list(itertools.pairwise(edges))


def print_timeline(
    printer: QPrinter,
    timeline: Timeline,
    *,
    seconds_per_px: float,
    start: float | None = None,
    end: float | None = None,
    mask: Mask | None = None,
    filter_words: str = "",
    palette: QPalette | None = None,
    lanes: LaneChoice = BY_KIND,
) -> int:
    """Print ``start``..``end`` of ``timeline`` (default: the span of the events
    ``mask`` keeps) on ``printer``, at the zoom ``seconds_per_px``, its lanes those of
    ``lanes``; return the number of pages."""
    palette = palette or QApplication.palette()
    renderer = TimelineRenderer(timeline, mask)
    renderer.set_lanes(lanes)
    renderer.font = layout_font(QApplication.font())[0]
    start, end = shown_span(renderer, start, end)
    font = renderer.font
    title_font = QFont(font)
    title_font.setBold(True)
    spans = page_spans(start, end, seconds_per_px)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    # Drawn at 96 dots an inch, as the PDF export is: the labels are measured in
    # the screen's font sizes, and the painter's scale then fits them to the paper.
    printer.setResolution(96)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = page.width() / PAGE_WIDTH
        line = QFontMetricsF(font).height()
        for number, (t0, t1) in enumerate(spans, start=1):
            if number > 1:
                printer.newPage()
            spp = (t1 - t0) / (PAGE_WIDTH - GUTTER)
            layout = renderer.layout(t0, spp, PAGE_WIDTH)
            heading = _heading(number, len(spans), t0, t1, filter_words)
            heading_height = MARGIN + line * (2 + heading.count("\n")) + MARGIN
            only = drawn_samples(renderer, layout)
            legend_top = heading_height + layout.height + 6
            legend_room = QRectF(0, legend_top, PAGE_WIDTH, 400)
            painter.save()
            # Fit the page's width; shrink further if the lanes are taller than the paper.
            height = legend_top + 4 * line
            fit = min(scale, page.height() / height) if height * scale > page.height() else scale
            painter.scale(fit, fit)
            text = palette.color(QPalette.ColorRole.WindowText)
            painter.setPen(text)
            painter.setFont(title_font)
            painter.drawText(
                QRectF(MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, line),
                int(Qt.TextFlag.TextSingleLine),
                timeline.title,
            )
            painter.setFont(font)
            painter.drawText(
                QRectF(MARGIN, MARGIN + line, PAGE_WIDTH - 2 * MARGIN, heading_height),
                int(Qt.TextFlag.TextWordWrap),
                heading,
            )
            painter.translate(0, heading_height)
            renderer.paint(painter, layout, palette, None, QRectF(0, 0, PAGE_WIDTH, layout.height))
            painter.translate(0, -heading_height)
            paint_legend(painter, legend_room, palette, font, only, [])
            painter.restore()
    finally:
        painter.end()
    return len(spans)


def _heading(number: int, pages: int, t0: float, t1: float, filter_words: str) -> str:
    #: Above a printed page: {0} and {1} are its number and the number of pages,
    #: {2} the time span it shows.
    said = QCoreApplication.translate("Print", "Page {0} of {1}: {2}")
    heading = said.format(number, pages, span_words(t0, t1))
    if filter_words:
        heading += "\n" + QCoreApplication.translate("Export", "Filter: {0}").format(filter_words)
    return heading
