"""What a label on the timeline says: an event's title cut so a reader can read it (Qt-free).

A title is cut only where a word ends, with an ellipsis ("…"), never inside a
word and never in the middle of the title; and never to a fragment shorter
than two words (or, for a one-word title, the word): then nothing is shown,
and the title is found on hover. The selected and the hovered event show the
whole title, on two lines when one is not enough (:func:`two_lines`).

Text is measured by the caller (a function from text to its width in the
label's font), so the rules are tested without a display.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

ELLIPSIS = "\u2026"
# A label may be cut down to this to share its row (then it is cut at a word's end).
LEAST_LABEL = 110.0
# A label pinned at the left edge with less room than this is not drawn.
MIN_LABEL = 28.0
# Room between a label that stands away from its mark and the mark, for the
# leader line that joins them.
LEADER_GAP = 10.0
# How many words a cut label shows at least (a one-word title: that word, whole).
LEAST_WORDS = 2

Measure = Callable[[str], float]

_TOKEN = re.compile(r"\S+")
# What a cut label does not end with before its ellipsis: separators and
# dashes ("Waffenruhe, …", "Kyjiw – …") that would leave it hanging.
_TRAILING = " \t,;:/\u2013\u2014-"
# Brackets and German quotes: a label is not cut between them ("(„Operation…").
_OPEN, _CLOSE = "([\u201e", ")]\u201c"


def _is_word(token: str) -> bool:
    """A token that reads as a word (a dash or a quote mark alone does not)."""
    return any(ch.isalnum() for ch in token)


def _cuts(title: str, least_words: int) -> list[str]:
    """Every cut of ``title`` at a word's end showing at least ``least_words``
    words, and outside brackets and quotes, shortest first, each ending with
    the ellipsis."""
    cuts: list[str] = []
    count = depth = 0
    for match in _TOKEN.finditer(title):
        token = match.group()
        depth += sum(token.count(c) for c in _OPEN) - sum(token.count(c) for c in _CLOSE)
        if not _is_word(token):
            continue
        count += 1
        if count >= least_words and depth <= 0:
            cuts.append(title[: match.end()].rstrip(_TRAILING) + ELLIPSIS)
    return cuts


def word_count(title: str) -> int:
    return sum(_is_word(token) for token in title.split())


def _least_words(title: str) -> int:
    return min(LEAST_WORDS, max(word_count(title), 1))


def _longest(cuts: list[str], room: float, measure: Measure) -> str:
    """The longest of ``cuts`` (in growing width) that fits ``room``; "" when none does."""
    if not cuts:
        return ""
    widths = _LazyWidths(cuts, measure)
    fits = bisect_right(widths, room)
    return cuts[fits - 1] if fits else ""


class _LazyWidths:
    """The widths of ``cuts`` measured only where a bisection looks."""

    def __init__(self, cuts: list[str], measure: Measure) -> None:
        self.cuts, self.measure = cuts, measure

    def __len__(self) -> int:
        return len(self.cuts)

    def __getitem__(self, i: int) -> float:
        return self.measure(self.cuts[i])


def word_cut(title: str, room: float, measure: Measure) -> str:
    """``title`` whole when it fits ``room``; else cut after the last word that
    fits, with "…"; else "" (fewer than two words, or not the one word, fit)."""
    if not title or measure(title) <= room:
        return title
    return _longest(word_cuts(title), room, measure)


def word_cuts(title: str) -> list[str]:
    """The cuts :func:`word_cut` chooses among for ``title``, shortest first."""
    cuts = _cuts(title, _least_words(title))
    if cuts and cuts[-1].removesuffix(ELLIPSIS) == title.rstrip(_TRAILING):
        cuts.pop()  # the whole title with "…" is no cut of it
    return cuts


class CutWidths:
    """The cuts of one title with their widths, each measured once, when a
    bisection first looks at it: a label cut again at the next frame's room
    measures nothing. (It keeps no way of measuring: a table kept beside the
    metrics must not keep them alive.)"""

    __slots__ = ("cuts", "widths")

    def __init__(self, title: str) -> None:
        self.cuts = word_cuts(title)
        self.widths: list[float | None] = [None] * len(self.cuts)

    def longest(self, room: float, measure: Measure) -> str:
        """As :func:`word_cut` for a title wider than ``room``, measured by ``measure``."""
        return self.longest_measured(room, measure)[0]

    def longest_measured(self, room: float, measure: Measure) -> tuple[str, float]:
        """:meth:`longest`, and its width (the bisection measured it: 0 for "")."""
        lo, hi = 0, len(self.cuts)
        while lo < hi:  # the first cut wider than the room (bisect_right)
            mid = (lo + hi) // 2
            width = self.widths[mid]
            if width is None:
                width = self.widths[mid] = measure(self.cuts[mid])
            if room < width:
                hi = mid
            else:
                lo = mid + 1
        if not lo:
            return "", 0.0
        # The cut before the first one too wide was found narrow enough: measured.
        found = self.widths[lo - 1]
        assert found is not None
        return self.cuts[lo - 1], found


def least_width(title: str, measure: Measure) -> float:
    """The width of the shortest label :func:`word_cut` shows of ``title``."""
    cuts = _cuts(title, _least_words(title))
    whole = measure(title)
    return min(whole, measure(cuts[0])) if cuts else whole


def two_lines(title: str, room: float, measure: Measure) -> list[str]:
    """``title`` whole on one line of ``room``, or on two: the first broken at a
    word's end, the second cut at a word's end when even two are not enough."""
    if measure(title) <= room:
        return [title]
    tokens = list(_TOKEN.finditer(title))
    if len(tokens) < 2:
        return [title]
    heads = [title[: m.end()] for m in tokens[:-1]]
    widths = _LazyWidths(heads, measure)
    fits = max(bisect_right(widths, room), 1)  # a first word wider than the room stays whole
    first = heads[fits - 1].rstrip()
    rest = title[tokens[fits].start() :]
    if measure(rest) <= room:
        return [first, rest]
    second = _longest(_cuts(rest, 1), room, measure)
    return [first, second] if second else [first.rstrip(_TRAILING) + ELLIPSIS]
