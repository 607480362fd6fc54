"""The timeline model: pydantic v2, frozen, Qt-free.

One JSON document holds a timeline: its sources, actors, events and quotes.
Field validation happens here; the checks that need the whole file (unique
ids, references) live in :mod:`viewer.domain.checks`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from viewer.domain.dates import (
    ANY_END_PATTERN,
    ANY_POINT_PATTERN,
    FORMATS,
    OPEN_END,
    Precision,
    parse_point,
)

#: The newest model-file format this version of the app understands.
#: 2 added open-ended dates (``"end": ".."``) and relayed claims (``via``).
SCHEMA_VERSION = 2

Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$",
        description="Letters, digits and . _ : - ; unique within its collection.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
LanguageTag = Annotated[
    str,
    Field(
        min_length=2,
        max_length=35,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
        description="A BCP 47 language tag such as de or en-GB.",
    ),
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventKind(StrEnum):
    CALL = "call"
    ATTACK = "attack"
    TALKS = "talks"
    MEETING = "meeting"
    STATEMENT = "statement"
    PROPOSAL = "proposal"
    SANCTIONS = "sanctions"
    OTHER = "other"


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    ANNOUNCED = "announced"
    PROPOSED = "proposed"
    DEMANDED = "demanded"

    @property
    def happened(self) -> bool:
        return self is EventStatus.OCCURRED


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"


class Verification(StrEnum):
    CONFIRMED = "confirmed"
    UNVERIFIED = "unverified"
    DISPUTED = "disputed"


class QuoteMode(StrEnum):
    DIRECT = "direct"
    REPORTED = "reported"


class FuzzyDate(_Frozen):
    """When something happened, as precisely as the sources allow.

    ``start`` and ``end`` are written in the form ``precision`` calls for (see
    :mod:`viewer.domain.dates`). Without ``end`` the event lasts the unit
    ``start`` names (a day, a week, ...). ``approximate`` says the date is a
    best estimate: the span from ``start`` to ``end`` is then the uncertainty,
    not a duration. An ``end`` of ``".."`` (as EDTF writes ``2025-06-09/..``)
    means "from ``start`` on", with no end known: a summit offered "from next
    Monday", a ceasefire in force until further notice.
    """

    precision: Precision
    start: Annotated[str, Field(json_schema_extra={"pattern": ANY_POINT_PATTERN})]
    end: Annotated[
        str | None,
        Field(
            json_schema_extra={"pattern": ANY_END_PATTERN},
            description='A point like start, or ".." for "from start on" (an open end).',
        ),
    ] = None
    approximate: bool = False
    note: str | None = Field(default=None, description="The source's own wording of the date.")

    @field_validator("start", "end")
    @classmethod
    def _written_as_precision(cls, value: str | None, info: ValidationInfo) -> str | None:
        precision = info.data.get("precision")
        if value == OPEN_END and info.field_name == "end":
            return value
        if value is not None and precision is not None:
            parse_point(value, precision)
        return value

    @model_validator(mode="after")
    def _open_end_is_not_approximate(self) -> FuzzyDate:
        if self.open_end and self.approximate:
            raise ValueError(
                'an open end ("..") cannot be approximate: "approximate" says start..end '
                "is the uncertainty of the date, and an open end has no last day"
            )
        return self

    @property
    def open_end(self) -> bool:
        """True for "from ``start`` on": the end is not known."""
        return self.end == OPEN_END

    @property
    def closed_end(self) -> str | None:
        """``end`` as a point, or None (no end, or an open one)."""
        return None if self.end == OPEN_END else self.end

    # Plain properties over the cached parse_point: functools.cached_property
    # takes a lock on every access in Python 3.11 and was 20 times slower here.
    @property
    def earliest(self) -> datetime:
        """The first instant the date may mean (UTC)."""
        return parse_point(self.start, self.precision)[0]

    @property
    def latest(self) -> datetime:
        """The instant right after the last one the date may mean (UTC).

        For an open end, the end of the ``start`` unit: what is known to be
        covered. Views draw the open end beyond it.
        """
        return parse_point(self.closed_end or self.start, self.precision)[1]

    @property
    def format(self) -> str:
        return FORMATS[self.precision]


class Source(_Frozen):
    id: Id
    title: Text
    publisher: str | None = None
    url: str | None = None
    language: LanguageTag | None = None
    published: FuzzyDate | None = None


class Actor(_Frozen):
    id: Id
    kind: ActorKind
    name: Text
    role: str | None = None
    affiliation: str | None = None


class Claim(_Frozen):
    by: Id = Field(description="The actor who makes the claim.")
    via: Id | None = Field(
        default=None,
        description="The actor who relays the claim, when it is known only through them.",
    )
    text: Text
    verification: Verification
    source: Id | None = None


class Event(_Frozen):
    id: Id
    kind: EventKind
    title: Text
    date: FuzzyDate
    status: EventStatus = EventStatus.OCCURRED
    participants: tuple[Id, ...] = ()
    places: tuple[Text, ...] = ()
    summary: str = ""
    claims: tuple[Claim, ...] = ()
    sources: tuple[Id, ...] = ()
    related: tuple[Id, ...] = ()


class Translation(_Frozen):
    language: LanguageTag
    text: Text


class Quote(_Frozen):
    id: Id
    speaker: Id
    event: Id
    text: Text = Field(description="The words exactly as the source gives them.")
    language: LanguageTag
    mode: QuoteMode
    translation: Translation | None = None
    source: Id | None = None


class Timeline(_Frozen):
    schema_version: int = Field(ge=1, description="The format version of this file.")
    id: Id = Field(description="Stable across edits: notes are keyed by it.")
    title: Text
    language: LanguageTag
    description: str = ""
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @cached_property
    def actors_by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def events_by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def quotes_by_id(self) -> dict[str, Quote]:
        return {quote.id: quote for quote in self.quotes}

    @cached_property
    def quotes_by_event(self) -> dict[str, tuple[Quote, ...]]:
        grouped: dict[str, list[Quote]] = {}
        for quote in self.quotes:
            grouped.setdefault(quote.event, []).append(quote)
        return {key: tuple(value) for key, value in grouped.items()}

    @cached_property
    def quotes_by_speaker(self) -> dict[str, tuple[Quote, ...]]:
        grouped: dict[str, list[Quote]] = {}
        for quote in self.quotes:
            grouped.setdefault(quote.speaker, []).append(quote)
        return {key: tuple(value) for key, value in grouped.items()}


def json_schema_text() -> str:
    """The JSON Schema of a model file, as committed in ``resources/``."""
    import json

    return json.dumps(Timeline.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
