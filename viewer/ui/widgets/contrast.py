"""WCAG 2 contrast: how two colours stand against each other, and the shade of a
colour that stands out enough on its backgrounds (the timeline's marks, the
focus ring)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor


def _luminance(color: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = color.redF(), color.greenF(), color.blueF()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = _luminance(a), _luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def legible(color: QColor, background: QColor, at_least: float) -> QColor:
    """``color``, made lighter on a dark background (darker on a light one) just
    enough to stand ``at_least`` to 1 against it; its hue is kept."""
    return legible_on(color, (background,), at_least)


def legible_on(color: QColor, backgrounds: Sequence[QColor], at_least: float) -> QColor:
    """``color``, made lighter (on dark backgrounds) or darker (on light ones) just
    enough to stand ``at_least`` to 1 against every one of ``backgrounds``; its hue
    is kept. The first background says which way to go; if no shade that way
    stands out against them all, the other way is tried, and failing both, the
    shade that stands out best against the least of them is taken."""

    def worst(shade: QColor) -> float:
        return min(contrast(shade, background) for background in backgrounds)

    if worst(color) >= at_least:
        return QColor(color)
    hue, saturation = color.hslHueF(), color.hslSaturationF()
    lightness, alpha = color.lightnessF(), color.alphaF()
    first = 1.0 if _luminance(backgrounds[0]) < 0.18 else 0.0
    best, best_worst = QColor(color), worst(color)
    for towards in (first, 1.0 - first):
        for step in range(1, 21):
            mixed = lightness + (towards - lightness) * step / 20
            shade = QColor.fromHslF(max(hue, 0.0), saturation, mixed, alpha)
            shade_worst = worst(shade)
            if shade_worst >= at_least:
                return shade
            if shade_worst > best_worst:
                best, best_worst = shade, shade_worst
    return best
