"""Where a frame's time goes, part by part, along the frames-at-every-scale journey.

    QT_QPA_PLATFORM=offscreen python bench/frame_parts.py FILE [FIRST LAST]

The journey of ``frames_dpr.py`` (from fit-all down to 50 px an hour in 66
zoom steps, at each a pan of 120 px right and one back), over the zoom steps
FIRST to LAST (all by default): each frame's layout and render timed apart,
and the renderer's parts (the lanes, the counts, the items, the axis and its
rules, density strips, headers) timed by wrappers around them, per frame.
``QT_SCALE_FACTOR=2`` gives a device pixel ratio of 2.

cProfile charges every Python call, so it overstates code that makes many of
them (the layout's per-event loop looked like half a frame under it); these
wrappers cost one call per part and show what a frame spends where.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frames_dpr import shown_view


def _timed(owner: Any, name: str, key: str, spent: Counter[str]) -> None:
    """Wrap ``owner.name`` so that its time adds to ``spent[key]``."""
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def main() -> None:
    path = Path(sys.argv[1])
    first, last = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (0, 66)
    _app, view = shown_view(path)
    from PySide6.QtGui import QImage

    from viewer.ui.timeline import render, rules

    spent: Counter[str] = Counter()
    renderer = render.TimelineRenderer
    for name in ("_paint_lanes", "_paint_item", "_paint_counts", "_paint_axis", "axis"):
        _timed(renderer, name, name, spent)
    for name in ("paint_density", "paint_lane_header", "paint_eras"):
        _timed(render, name, name, spent)
    _timed(rules.Rules, "paint", "rules", spent)
    viewport = view.viewport()
    ratio = viewport.devicePixelRatio()
    image = QImage(viewport.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    factor = (view.seconds_per_px / (3600 / 50)) ** (1 / 66)
    frames, laid_out, rendered = 0, 0.0, 0.0
    for level in range(66):
        view.zoom(factor)
        if not first <= level < last:
            continue
        for dx in (0, 120, -120):
            view.pan_pixels(dx)
            start = time.perf_counter()
            view.current_layout()
            middle = time.perf_counter()
            viewport.render(image)
            laid_out += middle - start
            rendered += time.perf_counter() - middle
            frames += 1
    print(f"{len(view.renderer.index):,} events, zoom steps {first} to {last}: {frames} frames")
    print(f"device pixel ratio {ratio}, load average {os.getloadavg()[0]:.1f}")
    print(f"layout  {laid_out / frames * 1e3:7.2f} ms a frame")
    print(f"render  {rendered / frames * 1e3:7.2f} ms a frame, of which")
    for key, seconds in spent.most_common():
        print(f"  {key:<20} {seconds / frames * 1e3:7.2f} ms")


if __name__ == "__main__":
    main()
