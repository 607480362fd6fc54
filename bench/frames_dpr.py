"""Frames at every scale, at a device pixel ratio of 1 and of 2 (issue 27).

``bench/run.py --child scales FILE STEPS`` runs :func:`child_scales` in a
fresh process; the parent runs it twice per timeline, once as it is and once
with ``QT_SCALE_FACTOR=2`` in the child's environment (with the offscreen
platform, Qt then gives every widget a device pixel ratio of 2: a 1920x1080
view is painted on 3840x2160 pixels). The child checks the ratio it got and
reports it.

The journey: from fit-all down to 50 px an hour in STEPS // 3 zoom steps, and
at every scale on the way, after the zoom, a pan of 120 px to the right and
one back: each of the three a frame (the view's layout, then its viewport
rendered into an image of its size in device pixels, with the view's pixel
ratio, as a paint on screen would be).
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1920, 1080
#: The ratio the parent asks for with QT_SCALE_FACTOR, by name.
RATIOS = {"1": {}, "2": {"QT_SCALE_FACTOR": "2"}}


def _p95(times: list[float]) -> float:
    return times[min(len(times) - 1, int(len(times) * 0.95))]


def shown_view(path: Path) -> tuple[Any, Any]:
    """The application and a timeline view of WIDTH x HEIGHT, shown, holding the
    file's timeline fitted whole (what every frame benchmark starts from)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from viewer.persistence.model_file import load_timeline
    from viewer.ui.document.selection import Selection
    from viewer.ui.timeline.view import TimelineView

    app = QApplication.instance() or QApplication([])
    view = TimelineView(Selection())
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    view.set_timeline(load_timeline(path))
    view.fit_all()
    return app, view


def child_scales(path: Path, steps: int) -> dict[str, Any]:
    _app, view = shown_view(path)
    from PySide6.QtGui import QImage

    viewport = view.viewport()
    ratio = viewport.devicePixelRatio()
    image = QImage(viewport.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)

    def frame() -> float:
        start = time.perf_counter()
        view.current_layout()
        viewport.render(image)
        return time.perf_counter() - start

    frame()
    fitted = view.seconds_per_px
    levels = max(1, steps // 3)
    factor = (fitted / (3600 / 50)) ** (1 / levels)  # ends at 50 px an hour
    zooms, pans = [], []
    for _ in range(levels):
        view.zoom(factor)
        zooms.append(frame())
        for dx in (120, -120):
            view.pan_pixels(dx)
            pans.append(frame())
    times = sorted(zooms + pans)
    zooms.sort()
    pans.sort()
    return {
        "device_pixel_ratio": ratio,
        "image": [image.width(), image.height()],
        "frames": len(times),
        "median": statistics.median(times),
        "p95": _p95(times),
        "zoom_median": statistics.median(zooms),
        "zoom_p95": _p95(zooms),
        "pan_median": statistics.median(pans),
        "pan_p95": _p95(pans),
    }
