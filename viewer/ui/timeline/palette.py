"""The timeline's colours: each kind's and each timeline's, kept legible on any theme.

A colour is never the only cue (each kind has its own glyph, each timeline its
ring), but it must still stand out: on a dark or high-contrast palette each is
lightened (or darkened) just enough to keep WCAG's 3:1 against the background.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QPalette

from viewer.domain.model import EventKind

# Okabe-Ito colours: told apart by colour-blind readers too; each kind also
# has its own glyph, so colour is never the only cue.
KIND_STYLE: dict[EventKind, tuple[str, str]] = {
    EventKind.CALL: ("#0072B2", "circle"),
    EventKind.ATTACK: ("#D55E00", "triangle"),
    EventKind.TALKS: ("#009E73", "square"),
    EventKind.MEETING: ("#CC79A7", "hexagon"),
    EventKind.STATEMENT: ("#E69F00", "diamond"),
    EventKind.PROPOSAL: ("#56B4E9", "star"),
    EventKind.SANCTIONS: ("#A08C00", "cross"),
    EventKind.OTHER: ("#8C8C8C", "pentagon"),
}


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
    if contrast(color, background) >= at_least:
        return QColor(color)
    hue, saturation = color.hslHueF(), color.hslSaturationF()
    lightness, alpha = color.lightnessF(), color.alphaF()
    towards = 1.0 if _luminance(background) < 0.18 else 0.0
    best = QColor(color)
    for step in range(1, 21):
        mixed = lightness + (towards - lightness) * step / 20
        best = QColor.fromHslF(max(hue, 0.0), saturation, mixed, alpha)
        if contrast(best, background) >= at_least:
            break
    return best


#: Marks (glyphs, bands' edges) against the background: WCAG's 3:1 for graphics.
MARK_CONTRAST = 3.0


def kind_color(kind: EventKind, palette: QPalette | None = None) -> QColor:
    """A kind's colour; with a palette, one that keeps 3:1 against its base
    (a dark or high-contrast theme lightens it)."""
    if palette is None:
        return QColor(KIND_STYLE[kind][0])
    return QColor(_kind_colors_on(palette.color(QPalette.ColorRole.Base).rgba())[kind])


@lru_cache(maxsize=8)
def _kind_colors_on(base: int) -> dict[EventKind, QColor]:
    background = QColor.fromRgba(base)
    return {
        kind: legible(QColor(style[0]), background, MARK_CONTRAST)
        for kind, style in KIND_STYLE.items()
    }


#: A lane of mixed kinds (by actor, tag, …): its counts, "+N" and density strip.
MIXED_COLOR = "#5A6473"


def lane_color(kind: EventKind | None, palette: QPalette | None = None) -> QColor:
    """The colour of a lane's counts and strip: its kind's, or a neutral slate for
    a lane of several kinds, with a palette one that keeps 3:1 against its base."""
    if kind is not None:
        return kind_color(kind, palette)
    if palette is None:
        return QColor(MIXED_COLOR)
    base = QColor.fromRgba(palette.color(QPalette.ColorRole.Base).rgba())
    return legible(QColor(MIXED_COLOR), base, MARK_CONTRAST)


# The timelines shown together (File > Add Timeline…): one colour each, in
# order, drawn as a ring round every mark of that timeline. Hues apart from each
# other (violet, red, green, magenta, ochre, blue; after Paul Tol's schemes),
# dark enough for a light background and lightened on a dark one, like the
# kinds' colours. More timelines than colours take them round again.
LAYER_COLORS: tuple[str, ...] = ("#332288", "#CC3311", "#117733", "#AA3377", "#997700", "#0077BB")


def layer_color(number: int, palette: QPalette | None = None) -> QColor:
    """The colour of the ``number``-th timeline shown (0: the file opened); with a
    palette, one that keeps 3:1 against its base."""
    color = LAYER_COLORS[number % len(LAYER_COLORS)]
    if palette is None:
        return QColor(color)
    return QColor(_layer_colors_on(palette.color(QPalette.ColorRole.Base).rgba())[color])


@lru_cache(maxsize=8)
def _layer_colors_on(base: int) -> dict[str, QColor]:
    background = QColor.fromRgba(base)
    return {color: legible(QColor(color), background, MARK_CONTRAST) for color in LAYER_COLORS}


def blend(under: QColor, over: QColor, share: float) -> QColor:
    """``over`` laid at ``share`` opacity on ``under``, as one opaque colour."""
    return QColor.fromRgbF(
        under.redF() + (over.redF() - under.redF()) * share,
        under.greenF() + (over.greenF() - under.greenF()) * share,
        under.blueF() + (over.blueF() - under.blueF()) * share,
    )
