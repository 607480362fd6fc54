"""Render a timeline to PNG, SVG or PDF with the widget's own painting code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import (
    QFont,
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

from viewer.axis import clamp_time
from viewer.domain.timeline import Timeline
from viewer.ui.timeline_render import GUTTER, TimelineRenderer, label_room, paint_legend

FORMATS = (".png", ".svg", ".pdf")


class ExportError(Exception):
    """An export that could not be written, with a message for the user."""


def _view_for(
    renderer: TimelineRenderer, width: int, start: float | None, end: float | None
) -> tuple[float, float]:
    """The left edge and zoom that show ``start``..``end`` (default: everything)."""
    extent = renderer.index.extent() or (0.0, 86400.0)
    pad = max((extent[1] - extent[0]) * 0.04, 3600.0)
    lo = clamp_time(start if start is not None else extent[0] - pad)
    hi = clamp_time(end if end is not None else extent[1] + pad)
    if hi <= lo:
        raise ExportError("the end of the range must come after its start")
    # Without an explicit end, leave room on the right for the last label.
    area = width - GUTTER
    usable = max(area - (0 if end is not None else label_room(area)), 100)
    return lo, (hi - lo) / usable


def export_timeline(
    timeline: Timeline,
    out: Path,
    *,
    width: int = 1600,
    start: float | None = None,
    end: float | None = None,
    palette: QPalette | None = None,
    selected: str | None = None,
) -> QSize:
    """Write the timeline to ``out`` (format from the suffix); return the picture's size."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"cannot export to {suffix or 'a file without suffix'}: use .png, .svg or .pdf"
        )
    if width < 400:
        raise ExportError("the width must be at least 400 pixels")
    palette = palette or QApplication.palette()
    renderer = TimelineRenderer(timeline)
    renderer.font = QFont(QApplication.font())
    t0, spp = _view_for(renderer, width, start, end)
    layout = renderer.layout(t0, spp, width)
    scratch = QImage(width, 10, QImage.Format.Format_ARGB32)
    probe = QPainter(scratch)
    legend_height = paint_legend(probe, QRectF(0, 0, width, 400), palette, renderer.font)
    probe.end()
    height = int(layout.height + 12 + legend_height)
    size = QSize(width, height)
    device: QPaintDevice
    if suffix == ".png":
        device = QImage(size, QImage.Format.Format_ARGB32)
        device.fill(palette.color(QPalette.ColorRole.Window))
    elif suffix == ".svg":
        device = QSvgGenerator()
        device.setFileName(str(out))
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
    try:
        if suffix == ".pdf":
            scale = painter.device().width() / width
            painter.scale(scale, scale)
        painter.fillRect(QRectF(0, 0, width, height), palette.color(QPalette.ColorRole.Window))
        renderer.paint(painter, layout, palette, selected, QRectF(0, 0, width, layout.height))
        paint_legend(
            painter, QRectF(0, layout.height + 6, width, legend_height + 6), palette, renderer.font
        )
    finally:
        painter.end()
    if isinstance(device, QImage) and not device.save(str(out)):
        raise ExportError(f"could not write {out}")
    if not out.exists():
        raise ExportError(f"could not write {out}")
    return size
