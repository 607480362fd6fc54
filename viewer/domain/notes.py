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

    @classmethod
    def new(
        cls, target: NoteTarget, text: str, tags: Iterable[str] = (), target_title: str = ""
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
        )

    def edited(self, text: str, tags: Iterable[str]) -> Note:
        """This note with new text and tags, checked like a new one (limits included)."""
        return Note(
            id=self.id,
            target=self.target,
            text=text,
            tags=clean_tags(tags),
            created=self.created,
            modified=utc_now(),
            target_title=self.target_title,
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
    if target.kind is TargetKind.EVENT:
        event = timeline.events_by_id.get(target.id)
        return event.title if event else None
    quote = timeline.quotes_by_id.get(target.id)
    if quote is None:
        return None
    speaker = timeline.actors_by_id.get(quote.speaker)
    who = speaker.name if speaker else quote.speaker
    return f"{who}: „{_clip(quote.text, 80)}“"


def event_of(timeline: TimelineById, target: NoteTarget) -> str | None:
    """The event a note belongs to on the timeline (a quote's event), if it exists."""
    if target.kind is TargetKind.EVENT:
        return target.id if target.id in timeline.events_by_id else None
    quote = timeline.quotes_by_id.get(target.id)
    if quote is None:
        return None
    return quote.event if quote.event in timeline.events_by_id else None


def find_target(timeline: TimelineById, target_id: str) -> NoteTarget | None:
    """The event or quote with this id, as a note target."""
    if target_id in timeline.events_by_id:
        return NoteTarget(kind=TargetKind.EVENT, id=target_id)
    if target_id in timeline.quotes_by_id:
        return NoteTarget(kind=TargetKind.QUOTE, id=target_id)
    return None


def detached(timeline: TimelineById, notes: Sequence[Note]) -> list[Note]:
    """The notes whose event or quote is gone from the timeline."""
    return [n for n in notes if target_title(timeline, n.target) is None]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
