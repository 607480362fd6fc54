"""The speakers list: every actor with quotes, most quoted first, and a row for all.

Names and roles come from the model file: they are isolated where shown with the
app's own words, and the tooltip starts with a fixed line (see :mod:`~viewer.ui.models.plain_text`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from viewer.domain.model import Actor, ActorKind
from viewer.domain.text import isolate, without_isolates
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP
from viewer.timeline.filters import Mask
from viewer.ui.models.plain_text import EM_DASH, MatchesPlainText, tooltip
from viewer.ui.models.quotes import ALL_SPEAKERS, quote_rows
from viewer.ui.models.roles import ItemRole

_Index = QModelIndex | QPersistentModelIndex

# What kind of actor a speaker is (first line of its tooltip); translated
# (context "ActorListModel") when shown.
_KIND_WORDS: dict[ActorKind, str] = {
    #: An actor who is a person.
    ActorKind.PERSON: QT_TRANSLATE_NOOP("ActorListModel", "Person"),
    #: An actor that is an organisation (party, agency, company, …).
    ActorKind.ORGANISATION: QT_TRANSLATE_NOOP("ActorListModel", "Organisation"),
    #: An actor that is a state (a country, as a political actor).
    ActorKind.STATE: QT_TRANSLATE_NOOP("ActorListModel", "State"),
}


class ActorListModel(MatchesPlainText, QAbstractListModel):
    """All actors of a timeline, most quoted first, then by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline: Timeline | None = None
        self._actors: tuple[Actor, ...] = ()
        self._counts: dict[str, int] = {}
        self._all = 0

    def set_timeline(self, timeline: Timeline | None, mask: Mask | None = None) -> None:
        """The actors of ``timeline`` with quotes on the events ``mask`` keeps, most quoted
        first: an actor without (shown) quotes has nothing to list here."""
        self.beginResetModel()
        self._timeline = timeline
        self._counts = {}
        if timeline is not None:
            for actor in timeline.actors:
                count = len(quote_rows(timeline, actor.id, mask))
                if count:
                    self._counts[actor.id] = count
        quoted = [a for a in timeline.actors if a.id in self._counts] if timeline else []
        self._actors = tuple(
            sorted(quoted, key=lambda a: (-self._counts[a.id], a.name.casefold(), a.id))
        )
        self._all = sum(self._counts.values())
        self.endResetModel()

    @property
    def _first(self) -> int:
        """Rows before the actors: the "All speakers" row when there are quotes."""
        return 1 if self._actors else 0

    def actor_at(self, row: int) -> Actor | None:
        row -= self._first
        return self._actors[row] if 0 <= row < len(self._actors) else None

    def row_of(self, actor_id: str) -> int:
        """The row of the actor (or of :data:`ALL_SPEAKERS`), or -1."""
        if actor_id == ALL_SPEAKERS:
            return 0 if self._actors else -1
        for row, actor in enumerate(self._actors):
            if actor.id == actor_id:
                return row + self._first
        return -1

    def most_quoted_row(self) -> int:
        """The row of the speaker with the most quotes, or -1."""
        return self._first if self._actors else -1

    def _quote_count(self, actor: Actor) -> int:
        return self._counts.get(actor.id, 0)

    def _count_words(self, count: int) -> str:
        """``count`` quotes in words ("6 quotes"), in the plural form its number takes.

        English is the code's own words (no translation is loaded for it), so its
        one form for 1 is written here; any other number takes the translation's
        plural forms for it (``%n``)."""
        if count == 1:
            return self.tr("1 quote")
        #: How many quotes a speaker has (or all of them have); never 1.
        return self.tr("%n quotes", "", count)

    def _accessible_name(self, name: str, role: str, count: int) -> str:
        """What a screen reader reads for a row: what it shows ("Putin, President,
        4 quotes"), without the isolates that keep it in order on screen."""
        parts = [name, role, self._count_words(count)]
        return without_isolates(", ".join(part for part in parts if part))

    def rowCount(self, parent: _Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._actors) + self._first

    def _all_data(self, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, ItemRole.PLAIN_DISPLAY):
            #: The first row of the speakers list; {0} is e.g. "120 quotes".
            return self.tr("All speakers ({0})").format(self._count_words(self._all))
        if role == ItemRole.NAME:
            return self.tr("All speakers")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_name(self.tr("All speakers"), "", self._all)
        if role == ItemRole.COUNT:
            return self._count_words(self._all)
        if role == ItemRole.ACTOR_ID:
            return ALL_SPEAKERS
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("The quotes of every speaker, in date order")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        if self._first and index.row() == 0:
            return self._all_data(role)
        actor = self.actor_at(index.row())
        if actor is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, ItemRole.PLAIN_DISPLAY, ItemRole.NAME):
            shown = isolate if role != ItemRole.PLAIN_DISPLAY else str
            role_text = f" {EM_DASH} {shown(actor.role)}" if actor.role else ""
            if role == ItemRole.NAME:
                return f"{shown(actor.name)}{role_text}"
            count = self._count_words(self._quote_count(actor))
            return f"{shown(actor.name)}{role_text} ({count})"
        if role == ItemRole.COUNT:
            return self._count_words(self._quote_count(actor))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.tr(_KIND_WORDS[actor.kind]), isolate(actor.name)]
            if actor.role:
                lines.append(isolate(actor.role))
            if actor.affiliation:
                lines.append(isolate(actor.affiliation))
            lines.append(self._count_words(self._quote_count(actor)))
            return tooltip(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_name(actor.name, actor.role or "", self._quote_count(actor))
        if role == ItemRole.ACTOR_ID:
            return actor.id
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[ItemRole.ACTOR_ID] = QByteArray(b"actorId")
        return names
