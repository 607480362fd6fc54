"""Fitting the timeline to the reader's font and to a width, for the widget and export.

The rows, gutter and axis were drawn for one font size; a larger font scales
them all alike. A fit to a width keeps room right of the last event for its label.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from viewer.timeline.layout import FIT_LABEL_ROOM

# The line height of the font the timeline's geometry (rows, gutter, axis) was
# made for (9-point Sans). A font up to a quarter taller fits it as it is; a
# larger one scales all of it alike, in quarter steps (so lines stay crisp at
# the usual sizes), up to MAX_SCALE.
BASE_TEXT_HEIGHT = 14.0
MAX_SCALE = 6.0


def layout_font(font: QFont) -> tuple[QFont, float]:
    """The font to lay out and paint in, and the scale to paint at, so that the
    text shows at ``font``'s size and the rows, gutter and axis grow with it."""
    ratio = QFontMetricsF(font).height() / BASE_TEXT_HEIGHT
    scale = 1.0 if ratio < 1.25 else min(round(ratio * 4) / 4, MAX_SCALE)
    fitted = QFont(font)
    if scale > 1.0:
        if fitted.pointSizeF() > 0:
            fitted.setPointSizeF(fitted.pointSizeF() / scale)
        else:
            fitted.setPixelSize(max(round(fitted.pixelSize() / scale), 1))
    return fitted, scale


def label_room(time_area_width: float) -> float:
    """Room kept free right of the last event when fitting, for its label."""
    return min(FIT_LABEL_ROOM, time_area_width * 0.2)
