"""The actors and sources of an ACLED import, each kept once per name (Qt-free).

ACLED's actors are groups, so each is an organisation, except the names ACLED
gives a state's own forces and government ("Government of ...", "Military
Forces of ...", "Police Forces of ..."), which are states. An actor name is
the same actor wherever it appears (as ``actor1``, ``actor2`` or an
associated actor). A source is one of the names in ``source``, separated by
";". They are few beside the events, and all are written at the end.
"""

from __future__ import annotations

from typing import Any

from viewer.domain.terms import MAX_ITEMS
from viewer.importers.acled.values import remember
from viewer.importers.common import Ids, make_id, name
from viewer.importers.common import title as title_text

# Names ACLED gives a state's own forces and government: actors of kind "state".
_STATE_PREFIXES = ("government of ", "military forces of ", "police forces of ")


# The columns of the key of ActorsAndSources.participants, in its order.
ACTOR_COLUMNS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")


class ActorsAndSources:
    """The actors and sources met so far, one record per distinct name (the
    lists of them the rows give are kept by the importer, written)."""

    def __init__(self) -> None:
        # The actors' and the sources' records, by name: one per distinct name.
        self.actors: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self._actor_ids = Ids()
        self._source_ids = Ids()
        self._actor_texts: dict[str, str | None] = {}

    def participants(self, key: tuple[str, str, str, str]) -> list[str]:
        """The ids of the actors of ``actor1``, ``assoc_actor_1``, ``actor2`` and
        ``assoc_actor_2``, each once, in that order."""
        actor1, assoc1, actor2, assoc2 = key
        made: list[str] = []
        for names in ([actor1], assoc1.split(";"), [actor2], assoc2.split(";")):
            for text in names:
                actor = self._actor(text)
                if actor and actor not in made:
                    made.append(actor)
        del made[MAX_ITEMS:]
        return made

    def _actor(self, text: str) -> str | None:
        """The id of the actor called ``text``, made the first time it is seen."""
        texts = self._actor_texts
        if text in texts:
            return texts[text]
        return remember(texts, text, self._new_actor(text))

    def _new_actor(self, text: str) -> str | None:
        shown = name(text)
        if not shown:
            return None
        actor = self.actors.get(shown)
        if actor is None:
            kind = "state" if shown.lower().startswith(_STATE_PREFIXES) else "organisation"
            actor = {
                "id": self._actor_ids.unique(make_id(shown, "actor-")),
                "kind": kind,
                "name": shown,
            }
            self.actors[shown] = actor
        made: str = actor["id"]
        return made

    def cited(self, text: str) -> list[str]:
        """The ids of the sources named in ``text`` (``source``), each once."""
        made: list[str] = []
        for part in text.split(";"):
            shown = title_text(part)
            if not shown:
                continue
            source = self.sources.get(shown)
            if source is None:
                source = {"id": self._source_ids.unique(make_id(shown, "source-")), "title": shown}
                self.sources[shown] = source
            if source["id"] not in made:
                made.append(source["id"])
        del made[MAX_ITEMS:]
        return made
