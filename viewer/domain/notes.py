"""The reader's notes as values: a note, what it is about, its tags (Qt-free).

Notes are the reader's own and never go into a model file; the store that
keeps them is :mod:`viewer.persistence.notes_store`.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from viewer.domain.timeline import TimelineById

# The longest note text the app keeps (characters); longer ones are refused.
MAX_NOTE_LENGTH = 100_000
# The longest tag, and the most tags on one note.
MAX_TAG_LENGTH = 100
MAX_TAGS = 50


# A note id: letters, digits and . _ - (no ":" so it never reads as a URL scheme).
NOTE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"


class TargetKind(StrEnum):
    EVENT = "event"
    QUOTE = "quote"
    # What a reader grades (a note with a grade): a source, a claim (by its id).
    SOURCE = "source"
    CLAIM = "claim"


# A reader's own grade on NATO's Admiralty scale: the source's reliability (A
# completely reliable … E unreliable, F cannot be judged) and the information's
# credibility (1 confirmed … 5 improbable, 6 cannot be judged), as "B2".
GRADE_PATTERN = r"^[A-F][1-6]$"


class Keep:
    """ "As it is": an edit that leaves a note's grade alone."""


KEEP = Keep()


class NoteTarget(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)
    kind: TargetKind
    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")


class Note(BaseModel):
    """One note on an event or a quote. Immutable: an edit makes a new value."""

    model_config = ConfigDict(frozen=True, extra="ignore", defer_build=True)
    id: str = Field(min_length=1, max_length=200, pattern=NOTE_ID_PATTERN)
    target: NoteTarget
    text: str = Field(max_length=MAX_NOTE_LENGTH)
    tags: tuple[str, ...] = Field(default=(), max_length=MAX_TAGS)
    # Times carry their zone (UTC when made here); a time without one is refused.
    created: AwareDatetime
    modified: AwareDatetime
    # The target's title when the note was last attached, shown if it is gone.
    target_title: str = Field(default="", max_length=2_000)
    # The reader's Admiralty grade of the target ("B2"), if the note gives one.
    grade: str | None = Field(default=None, pattern=GRADE_PATTERN)

    @classmethod
    def new(
        cls,
        target: NoteTarget,
        text: str,
        tags: Iterable[str] = (),
        target_title: str = "",
        grade: str | None = None,
    ) -> Note:
        now = utc_now()
        return cls(
            id=uuid.uuid4().hex,
            target=target,
            text=text,
            tags=clean_tags(tags),
            created=now,
            modified=now,
            target_title=target_title,
            grade=grade,
        )

    def edited(self, text: str, tags: Iterable[str], grade: str | Keep | None = KEEP) -> Note:
        """This note with new text and tags (and ``grade``, else the one it has),
        checked like a new one (limits included)."""
        return Note(
            id=self.id,
            target=self.target,
            text=text,
            tags=clean_tags(tags),
            created=self.created,
            modified=utc_now(),
            target_title=self.target_title,
            grade=self.grade if isinstance(grade, Keep) else grade,
        )


def utc_now() -> datetime:
    return datetime.now(UTC)


def newest_first(notes: Iterable[Note]) -> list[Note]:
    """The one order of notes for every list (window and command line):
    last changed first, ties by id."""
    return sorted(notes, key=lambda n: (n.modified, n.id), reverse=True)


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing, so cannot be a note: it is empty, or only
    white space and format characters (Unicode category Cf: U+200B zero width
    space, the bidi isolates U+2066–U+2069, U+FEFF, a soft hyphen…). Every way
    a note comes in (the window, ``notes add``, an import) refuses such text."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without blanks or repeats, in the order given, each cut to MAX_TAG_LENGTH."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = tag.strip().lstrip("#").strip()[:MAX_TAG_LENGTH]
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)[:MAX_TAGS]


def parse_tags(text: str) -> tuple[str, ...]:
    """``"Frieden, #Istanbul  Sanktionen"`` -> ``("Frieden", "Istanbul", "Sanktionen")``."""
    return clean_tags(re.split(r"[,\s]+", text))


def target_title(timeline: TimelineById, target: NoteTarget) -> str | None:
    """The current title of a note's target, or ``None`` if it is gone."""
    kind = target.kind
    if kind is TargetKind.EVENT:
        event = timeline.events_by_id.get(target.id)
        return event.title if event else None
    if kind is TargetKind.SOURCE:
        source = timeline.sources_by_id.get(target.id)
        return source.title if source else None
    if kind is TargetKind.CLAIM:
        found = timeline.claims_by_id.get(target.id)
        if found is None:
            return None
        claim = found[1]
        return f"{_speaker(timeline, claim.by)}: „{_clip(claim.text, 80)}“"
    quote = timeline.quotes_by_id.get(target.id)
    if quote is None:
        return None
    return f"{_speaker(timeline, quote.speaker)}: „{_clip(quote.text, 80)}“"


def _speaker(timeline: TimelineById, actor_id: str) -> str:
    actor = timeline.actors_by_id.get(actor_id)
    return actor.name if actor else actor_id


def event_of(timeline: TimelineById, target: NoteTarget) -> str | None:
    """The event a note belongs to on the timeline (a quote's or a claim's event),
    if it exists; a source's is none."""
    kind = target.kind
    if kind is TargetKind.EVENT:
        return target.id if target.id in timeline.events_by_id else None
    if kind is TargetKind.SOURCE:
        return None
    if kind is TargetKind.CLAIM:
        found = timeline.claims_by_id.get(target.id)
        event_id = found[0] if found is not None else None
    else:
        quote = timeline.quotes_by_id.get(target.id)
        event_id = quote.event if quote is not None else None
    return event_id if event_id is not None and event_id in timeline.events_by_id else None


def find_target(timeline: TimelineById, target_id: str) -> NoteTarget | None:
    """The event, quote, source or claim with this id (in that order), as a note target."""
    for kind, known in (
        (TargetKind.EVENT, timeline.events_by_id),
        (TargetKind.QUOTE, timeline.quotes_by_id),
        (TargetKind.SOURCE, timeline.sources_by_id),
        (TargetKind.CLAIM, timeline.claims_by_id),
    ):
        if target_id in known:
            return NoteTarget(kind=kind, id=target_id)
    return None


def detached(timeline: TimelineById, notes: Sequence[Note]) -> list[Note]:
    """The notes whose event or quote is gone from the timeline."""
    return [n for n in notes if target_title(timeline, n.target) is None]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
