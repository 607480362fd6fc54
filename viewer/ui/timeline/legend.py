"""The legend of the timeline: what each glyph, colour, fill and line means.

The legend under the timeline and the one of an exported picture are painted
by the same :func:`paint_legend`; an export shows only what it draws
(:func:`drawn_samples`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPicture,
)
from PySide6.QtWidgets import QWidget

from viewer.domain.model import EventKind
from viewer.domain.names import kind_plural
from viewer.domain.text import one_line
from viewer.timeline.layout import GLYPH, GUTTER, Layout
from viewer.ui.timeline.backdrop import publication_pen, today_pen
from viewer.ui.timeline.fit import layout_font
from viewer.ui.timeline.glyphs import RING_RADIUS, RING_WIDTH, glyph_path, paint_note_marker
from viewer.ui.timeline.palette import KIND_STYLE, changed_color, kind_color, layer_color
from viewer.ui.timeline.render import TimelineRenderer


class LegendBar(QWidget):
    """The legend under the timeline: glyph and colour of each kind, and the styles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName(self.tr("Legend"))
        self._height = 26
        # Whether what changed since the reader last looked is marked (and so explained).
        self.changed = False

    def sizeHint(self) -> QSize:
        return QSize(600, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self._height)

    def set_changed(self, changed: bool) -> None:
        """Explain (or not) the mark of what changed since the reader last looked."""
        self.changed = changed
        self.update()

    def height_for(self, width: int, changed: bool = False) -> int:
        """The height the legend takes at ``width`` (its rows wrap to it); ``changed``:
        with the mark of what changed explained."""
        picture = QPicture()
        painter = QPainter(picture)
        try:
            rect, palette, font = QRectF(0, 0, width, 1e5), self.palette(), self.font()
            used = paint_legend(painter, rect, palette, font, changed=changed)
        finally:
            painter.end()
        return int(used) + 4

    # Its rows laid out before it is first painted: the window's first frame has
    # the legend as tall as it is (the paint keeps its height after that).
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.height_for(width, self.changed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            rect, palette, font = self.rect().toRectF(), self.palette(), self.font()
            used = paint_legend(painter, rect, palette, font, changed=self.changed)
        finally:
            painter.end()
        needed = int(used) + 4
        if needed != self._height:
            self._height = needed
            self.setFixedHeight(needed)


def legend_entries() -> list[tuple[str, str]]:
    """(sample, text) pairs of the legend, in order; the sample names what to draw."""
    entries = [(f"kind:{kind.value}", kind_plural(kind)) for kind in EventKind]
    #: Legend: a filled mark is an event that happened.
    happened = QCoreApplication.translate("Legend", "happened")
    #: Legend: an outlined mark is an event announced, proposed or demanded (not yet happened).
    not_yet = QCoreApplication.translate("Legend", "announced / proposed / demanded")
    #: Legend: a hatched band is an event whose date is approximate.
    approximate = QCoreApplication.translate("Legend", "approximate date")
    #: Legend: a dashed line marks when a source was published.
    published = QCoreApplication.translate("Legend", "publication date")
    #: Legend: a solid line marks the present day on the time axis.
    today = QCoreApplication.translate("Legend", "today")
    #: Legend: a small square on a mark says the reader has written notes on that event.
    notes = QCoreApplication.translate("Legend", "has my notes")
    entries += [
        ("filled", happened),
        ("outline", not_yet),
        ("hatched", approximate),
        ("published", published),
        ("today", today),
        ("note", notes),
    ]
    return entries


# The height of one row of the legend.
LEGEND_ROW = 22.0
# The widest a timeline's title is shown in the legend (the rest elided).
LEGEND_TITLE = 240.0


def drawn_samples(renderer: TimelineRenderer, layout: Layout) -> set[str]:
    """The legend's samples that ``layout`` draws: its kinds, and the styles of its marks."""
    index = renderer.index
    samples: set[str] = set()
    for lane in layout.lanes:
        if lane.kind is not None and (lane.items or lane.bucketed):
            samples.add(f"kind:{lane.kind.value}")
        for item in lane.items:
            if item.bucket or item.is_cluster:
                continue
            position = item.positions[0]
            samples.add(f"kind:{index.kind(position).value}")
            samples.add("filled" if index.happened(position) else "outline")
            if index.approximate(position):
                samples.add("hatched")
            if renderer.note_counts.get(index.id_of(position)):
                samples.add("note")
    samples |= {f"layer:{number}" for number in _drawn_layers(renderer, layout)}
    t1 = layout.t0 + (layout.width - GUTTER) * layout.seconds_per_px
    timeline = renderer.timeline
    for source in timeline.sources if timeline is not None else ():
        published = source.published
        if published is None:
            continue
        if published.latest > layout.t0 and published.earliest < t1:
            samples.add("published")
    if layout.t0 <= renderer.now_time() <= t1:
        samples.add("today")
    return samples


def _drawn_layers(renderer: TimelineRenderer, layout: Layout) -> set[int]:
    """The timelines (their places in the layers) of what ``layout`` draws; none
    when one timeline is shown."""
    codes = renderer.layers_by_position
    if codes is None:
        return set()
    found: set[int] = set()
    t1 = layout.t0 + (layout.width - GUTTER) * layout.seconds_per_px
    for lane in layout.lanes:
        if lane.bucketed or lane.collapsed:
            index_lane = lane.lane
            lo, hi = np.searchsorted(index_lane.starts, [layout.t0, t1]).tolist()
            found.update(np.flatnonzero(np.bincount(codes[index_lane.positions[lo:hi]])))
            continue
        for item in lane.items:
            found.update(codes[np.asarray(item.positions)].tolist())
    return {int(code) for code in found}


def paint_legend(
    painter: QPainter,
    rect: QRectF,
    palette: QPalette,
    font: QFont,
    only: set[str] | None = None,
    layers: Sequence[str] = (),
    changed: bool = False,
) -> float:
    """Paint the legend (the entries of ``only``, or all), wrapping within ``rect``;
    return the height it took. With several timelines' ``layers`` (their titles,
    in order), each one's ring and title too (``layer:N`` in ``only``).

    A large font scales the whole legend, its symbols and rows with its words,
    as it scales the timeline (:func:`~viewer.ui.timeline.fit.layout_font`)."""
    font, scale = layout_font(font)
    rect = QRectF(rect.topLeft() / scale, rect.size() / scale)
    metrics = QFontMetricsF(font)
    painter.save()
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    x, y = rect.left() + 8, rect.top()
    neutral = palette.color(QPalette.ColorRole.Text)
    entries = legend_entries()
    if changed:
        #: Legend: an amber ring marks an event new or changed since the reader last looked.
        entries.append(("changed", QCoreApplication.translate("Legend", "changed since I looked")))
    elide = Qt.TextElideMode.ElideRight
    if len(layers) > 1:
        entries += [
            (f"layer:{n}", metrics.elidedText(one_line(title), elide, LEGEND_TITLE))
            for n, title in enumerate(layers)
        ]
    for sample, text in entries:
        if only is not None and sample not in only:
            continue
        width = 22 + metrics.horizontalAdvance(text) + 16
        if x + width > rect.right() and x > rect.left() + 8:
            x, y = rect.left() + 8, y + LEGEND_ROW
        centre = QPointF(x + 8, y + LEGEND_ROW / 2)
        if sample.startswith("kind:"):
            kind = EventKind(sample.removeprefix("kind:"))
            painter.setPen(QPen(kind_color(kind, palette).darker(130), 1.2))
            painter.setBrush(kind_color(kind, palette))
            painter.drawPath(glyph_path(KIND_STYLE[kind][1], centre, GLYPH))
        elif sample == "filled":
            painter.setPen(QPen(neutral, 1.2))
            painter.setBrush(neutral)
            painter.drawPath(glyph_path("circle", centre, GLYPH))
        elif sample == "outline":
            painter.setPen(QPen(neutral, 1.8))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawPath(glyph_path("circle", centre, GLYPH))
        elif sample == "hatched":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(neutral, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(QRectF(centre.x() - 8, centre.y() - 6, 16, 12))
        elif sample == "note":
            painter.setPen(QPen(neutral, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(glyph_path("circle", centre, GLYPH))
            paint_note_marker(painter, centre, palette)
        elif sample == "changed":
            painter.setPen(QPen(changed_color(palette), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, RING_RADIUS + 2, RING_RADIUS + 2)
        elif sample.startswith("layer:"):
            number = int(sample.removeprefix("layer:"))
            painter.setPen(QPen(layer_color(number, palette), RING_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, RING_RADIUS - 1, RING_RADIUS - 1)
        else:  # the lines across the lanes: a publication date, today
            painter.setPen(today_pen(palette) if sample == "today" else publication_pen(palette))
            painter.drawLine(
                QPointF(centre.x(), centre.y() - 8), QPointF(centre.x(), centre.y() + 8)
            )
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QRectF(x + 20, y, width, LEGEND_ROW), Qt.AlignmentFlag.AlignVCenter, text)
        x += width
    painter.restore()
    return (y + LEGEND_ROW - rect.top()) * scale
