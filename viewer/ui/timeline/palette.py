"""The timeline's colours: each kind's and each timeline's, kept legible on any theme.

A colour is never the only cue (each kind has its own glyph, each timeline its
ring), but it must still stand out: on a dark or high-contrast palette each is
lightened (or darkened) just enough to keep WCAG's 3:1 against every background
the timeline draws it on: the base, the banded lanes, the eras' and the
publication dates' bands.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QPalette

from viewer.domain.model import EventKind

# contrast and legible are also found here, where the timeline's colours are.
from viewer.ui.widgets.contrast import contrast as contrast
from viewer.ui.widgets.contrast import legible as legible
from viewer.ui.widgets.contrast import legible_on

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


# How much of the link colour a source's publication band lays over the lanes,
# and of the highlight colour an era's band (out of 255).
PUBLICATION_BAND_ALPHA = 14
ERA_BAND_ALPHA = 22


def mark_backgrounds(palette: QPalette) -> tuple[QColor, ...]:
    """Every background the timeline draws its marks on: the base and the banded
    lanes' alternate base, each bare, under an era's band, under a publication
    band and under both (the base first: it says which way a colour is moved)."""
    link = palette.color(QPalette.ColorRole.Link)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    found: list[QColor] = []
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        lane = QColor(palette.color(role))
        era = blend(lane, highlight, ERA_BAND_ALPHA / 255)
        for background in (
            lane,
            era,
            blend(lane, link, PUBLICATION_BAND_ALPHA / 255),
            blend(era, link, PUBLICATION_BAND_ALPHA / 255),
        ):
            if background not in found:
                found.append(background)
    return tuple(found)


# The roles :func:`mark_backgrounds` are made of.
_BACKGROUND_ROLES = (
    QPalette.ColorRole.Base,
    QPalette.ColorRole.AlternateBase,
    QPalette.ColorRole.Link,
    QPalette.ColorRole.Highlight,
)


def _backgrounds_key(palette: QPalette) -> tuple[int, ...]:
    """What the colours on the timeline depend on, to cache them by."""
    return tuple(palette.color(role).rgba() for role in _BACKGROUND_ROLES)


def _backgrounds_of(key: tuple[int, ...]) -> tuple[QColor, ...]:
    palette = QPalette()
    for role, rgba in zip(_BACKGROUND_ROLES, key, strict=True):
        palette.setColor(role, QColor.fromRgba(rgba))
    return mark_backgrounds(palette)


# Marks (glyphs, bands' edges) against the background: WCAG's 3:1 for graphics.
MARK_CONTRAST = 3.0


def kind_color(kind: EventKind, palette: QPalette | None = None) -> QColor:
    """A kind's colour; with a palette, one that keeps 3:1 against every
    background of the timeline (:func:`mark_backgrounds`: a dark or
    high-contrast theme lightens it)."""
    if palette is None:
        return QColor(KIND_STYLE[kind][0])
    return QColor(_kind_colors_on(_backgrounds_key(palette))[kind])


@lru_cache(maxsize=8)
def _kind_colors_on(key: tuple[int, ...]) -> dict[EventKind, QColor]:
    backgrounds = _backgrounds_of(key)
    return {
        kind: legible_on(QColor(style[0]), backgrounds, MARK_CONTRAST)
        for kind, style in KIND_STYLE.items()
    }


# A lane of mixed kinds (by actor, tag, …): its counts, "+N" and density strip.
MIXED_COLOR = "#5A6473"


def lane_color(kind: EventKind | None, palette: QPalette | None = None) -> QColor:
    """The colour of a lane's counts and strip: its kind's, or a neutral slate for
    a lane of several kinds, with a palette one that keeps 3:1 against every
    background of the timeline."""
    if kind is not None:
        return kind_color(kind, palette)
    if palette is None:
        return QColor(MIXED_COLOR)
    return QColor(_mixed_color_on(_backgrounds_key(palette)))


@lru_cache(maxsize=8)
def _mixed_color_on(key: tuple[int, ...]) -> QColor:
    return legible_on(QColor(MIXED_COLOR), _backgrounds_of(key), MARK_CONTRAST)


# The timelines shown together (File > Add Timeline…): one colour each, in
# order, drawn as a ring round every mark of that timeline. Hues apart from each
# other (violet, red, green, magenta, ochre, blue; after Paul Tol's schemes),
# dark enough for a light background and lightened on a dark one, like the
# kinds' colours. More timelines than colours take them round again.
LAYER_COLORS: tuple[str, ...] = ("#332288", "#CC3311", "#117733", "#AA3377", "#997700", "#0077BB")


def layer_color(number: int, palette: QPalette | None = None) -> QColor:
    """The colour of the ``number``-th timeline shown (0: the file opened); with a
    palette, one that keeps 3:1 against every background of the timeline."""
    color = LAYER_COLORS[number % len(LAYER_COLORS)]
    if palette is None:
        return QColor(color)
    return QColor(_layer_colors_on(_backgrounds_key(palette))[color])


@lru_cache(maxsize=8)
def _layer_colors_on(key: tuple[int, ...]) -> dict[str, QColor]:
    backgrounds = _backgrounds_of(key)
    return {color: legible_on(QColor(color), backgrounds, MARK_CONTRAST) for color in LAYER_COLORS}


# Events new or changed since the reader last looked: an amber none of the
# kinds or the highlight uses, kept 3:1 against the timeline's backgrounds.
CHANGED_COLOR = "#E65100"


def changed_color(palette: QPalette) -> QColor:
    """The colour that marks what changed since the reader last looked."""
    return QColor(_changed_on(_backgrounds_key(palette)))


@lru_cache(maxsize=8)
def _changed_on(key: tuple[int, ...]) -> QColor:
    return legible_on(QColor(CHANGED_COLOR), _backgrounds_of(key), MARK_CONTRAST)


def blend(under: QColor, over: QColor, share: float) -> QColor:
    """``over`` laid at ``share`` opacity on ``under``, as one opaque colour."""
    return QColor.fromRgbF(
        under.redF() + (over.redF() - under.redF()) * share,
        under.greenF() + (over.greenF() - under.greenF()) * share,
        under.blueF() + (over.blueF() - under.blueF()) * share,
    )
