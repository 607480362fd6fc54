"""What every item model shares: plain text out, and typing finds it as shown.

The models hold the (frozen) :class:`~viewer.domain.timeline.Timeline` and a sorted
tuple of references into it; they never copy texts into widget items. Every
text they hand out is plain: the views draw ``DisplayRole`` as plain text, and
tooltips start with a fixed, tag-free line so Qt's rich-text guess (which only
looks at the first line) never takes a model file's text for HTML. Text from the
model is isolated (FSI … PDI, :func:`~viewer.domain.text.isolate`) where it is
shown with the app's own words, so a right-to-left override in it cannot reorder
them; the sort keys and search texts keep it as it is.

What a screen reader reads has no isolates (a braille display would show them):
a view's item is read from ``AccessibleTextRole`` (else from ``DisplayRole``,
isolates and all) and ``AccessibleDescriptionRole``, so every model gives those
as plain text (:func:`~viewer.domain.text.without_isolates`), carrying what the
row shows: a quote's speaker, date and "(reported)", a speaker's quote count.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from viewer.domain.text import wrap_isolated
from viewer.ui.models.roles import ItemRole

_Index = QModelIndex | QPersistentModelIndex

# Between a name and what follows it ("Name — role", "date — title").
EM_DASH = "\u2014"


def tooltip(lines: list[str]) -> str:
    """Lines for a tooltip, wrapped: Qt does not wrap a plain-text tooltip itself."""
    return "\n".join(part for line in lines for part in wrap_isolated(line, 80))


class MatchesPlainText:
    """Typing in a view finds the text as shown, isolates or not: ``match()`` on
    ``DisplayRole`` looks at :attr:`ItemRole.PLAIN_DISPLAY`. Mixed into item models."""

    def match(
        self,
        start: _Index,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        if role == Qt.ItemDataRole.DisplayRole:
            role = ItemRole.PLAIN_DISPLAY
        result: list[QModelIndex] = super().match(  # type: ignore[misc]
            start, role, value, hits, flags
        )
        return result
