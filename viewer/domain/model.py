"""The timeline model: pydantic v2, frozen, Qt-free.

One JSON document holds a timeline: its sources, actors, events and quotes.
Field validation happens here; the checks that need the whole file (unique
ids, references) live in :mod:`viewer.domain.checks`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from viewer.domain.dates import (
    ANY_END_PATTERN,
    ANY_POINT_PATTERN,
    FORMATS,
    OPEN_END,
    Precision,
    parse_point,
)
from viewer.domain.terms import LANGUAGE_TAG_PATTERN as LANGUAGE_TAG_PATTERN
from viewer.domain.terms import MAX_DATE_NOTE as MAX_DATE_NOTE
from viewer.domain.terms import MAX_ID as MAX_ID
from viewer.domain.terms import MAX_ITEMS as MAX_ITEMS
from viewer.domain.terms import MAX_LANGUAGE_TAG as MAX_LANGUAGE_TAG
from viewer.domain.terms import MAX_LONG_TEXT as MAX_LONG_TEXT
from viewer.domain.terms import MAX_NAME as MAX_NAME
from viewer.domain.terms import MAX_PLACE as MAX_PLACE
from viewer.domain.terms import MAX_TAG as MAX_TAG
from viewer.domain.terms import MAX_TEXT as MAX_TEXT
from viewer.domain.terms import MAX_TITLE as MAX_TITLE
from viewer.domain.terms import MAX_URL as MAX_URL
from viewer.domain.terms import SCHEMA_VERSION as SCHEMA_VERSION
from viewer.domain.terms import ActorKind as ActorKind
from viewer.domain.terms import EventKind as EventKind
from viewer.domain.terms import EventStatus as EventStatus
from viewer.domain.terms import QuoteMode as QuoteMode
from viewer.domain.terms import Reliability as Reliability
from viewer.domain.terms import Verification as Verification
from viewer.domain.text import (
    CONTROL_FREE_LONG_PATTERN,
    CONTROL_FREE_PATTERN,
    control_in,
    line_breaks,
)


def _at_most(what: str, limit: int) -> str:
    """A field's description that says its limit."""
    return f"{what}: at most {limit:,} characters."


def _one_line(text: str) -> str:
    problem = control_in(text)
    if problem is not None:
        raise ValueError(problem)
    return text


def _long(text: str) -> str:
    problem = control_in(text, long=True)
    if problem is not None:
        raise ValueError(problem)
    return line_breaks(text)


# Every text of a model file is free of control characters (and lone
# surrogates): a tool that writes one has made a mistake, and the file says
# so where it is. Long text (``_LONG``) may hold tabs and line breaks: LF, and
# CR LF or CR (a file written on Windows), kept as LF here for every view (the
# fast load's records become these models, made LF the same way). The schema
# says it as a pattern.
_LINE = AfterValidator(_one_line)
_LINE_SCHEMA = {"pattern": CONTROL_FREE_PATTERN}
_LONG = AfterValidator(_long)
_LONG_SCHEMA = {"pattern": CONTROL_FREE_LONG_PATTERN}


def _items(what: str) -> Any:
    """An event's list of ``what``: at most :data:`MAX_ITEMS` entries."""
    return Field(default=(), max_length=MAX_ITEMS, description=f"{what}: at most {MAX_ITEMS:,}.")


Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_ID,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$",
        description=(
            f"Letters, digits and . _ : - ; unique within its collection; at most {MAX_ID} "
            "characters."
        ),
    ),
]
Title = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_TITLE,
        description=_at_most("A title", MAX_TITLE),
        json_schema_extra=_LINE_SCHEMA,
    ),
    _LINE,
]
Name = Annotated[
    str, Field(min_length=1, max_length=MAX_NAME, json_schema_extra=_LINE_SCHEMA), _LINE
]
# Claim, quote and translation text.
Text = Annotated[
    str, Field(min_length=1, max_length=MAX_TEXT, json_schema_extra=_LONG_SCHEMA), _LONG
]
LongText = Annotated[str, Field(max_length=MAX_LONG_TEXT, json_schema_extra=_LONG_SCHEMA), _LONG]
Place = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_PLACE,
        description=_at_most("A place", MAX_PLACE),
        json_schema_extra=_LINE_SCHEMA,
    ),
    _LINE,
]
Tag = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_TAG,
        description=_at_most("A tag", MAX_TAG),
        json_schema_extra=_LINE_SCHEMA,
    ),
    _LINE,
]
LanguageTag = Annotated[
    str,
    Field(
        min_length=2,
        max_length=MAX_LANGUAGE_TAG,
        pattern=LANGUAGE_TAG_PATTERN,
        description=_at_most("A BCP 47 language tag such as de or en-GB", MAX_LANGUAGE_TAG),
    ),
]


class _Frozen(BaseModel):
    # Built on first use, not at import: a window shows before most models are needed.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


# How credible a claim is, as the Admiralty code grades information: 1 confirmed
# by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable,
# 6 truth cannot be judged.
Credibility = Annotated[
    int,
    Field(
        ge=1,
        le=6,
        description=(
            "The Admiralty code's grade of the information: 1 confirmed, 2 probably true, "
            "3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged."
        ),
    ),
]


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
    start: Annotated[
        str,
        Field(
            json_schema_extra={"pattern": ANY_POINT_PATTERN},
            description=(
                "Written as precision says: YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD or "
                "YYYY-MM-DDTHH:MM+HH:MM, from -9999-01-01 to 9999-12-31 in UTC; "
                "years are astronomical (0000 is 1 BC, -0043 is 44 BC, since "
                "version 5); a UTC offset lies between -12:00 and +14:00."
            ),
        ),
    ]
    end: Annotated[
        str | None,
        Field(
            json_schema_extra={"pattern": ANY_END_PATTERN},
            description='A point like start, or ".." for "from start on" (an open end).',
        ),
    ] = None
    approximate: bool = False
    note: (
        Annotated[str, Field(max_length=MAX_DATE_NOTE, json_schema_extra=_LINE_SCHEMA), _LINE]
        | None
    ) = Field(
        default=None,
        description=_at_most("The source's own wording of the date", MAX_DATE_NOTE),
    )
    source: Id | None = Field(default=None, description="The source (its id) that gives the date.")

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
    def earliest(self) -> float:
        """The first instant the date may mean (UTC seconds since 1970)."""
        return parse_point(self.start, self.precision)[0]

    @property
    def latest(self) -> float:
        """The instant right after the last one the date may mean (UTC).

        For an open end, the end of the ``start`` unit: what is known to be
        covered. Views draw the open end beyond it. A date that runs to the
        end of 9999-12-31 ends at :data:`~viewer.domain.dates.END_OF_CALENDAR`.
        """
        return parse_point(self.closed_end or self.start, self.precision)[1]

    @property
    def format(self) -> str:
        return FORMATS[self.precision]


class Source(_Frozen):
    id: Id
    title: Title
    publisher: Name | None = Field(default=None, description=_at_most("Who published it", MAX_NAME))
    url: Annotated[str, Field(max_length=MAX_URL, json_schema_extra=_LINE_SCHEMA), _LINE] | None = (
        Field(default=None, description=_at_most("Where it can be read", MAX_URL))
    )
    language: LanguageTag | None = None
    published: FuzzyDate | None = None
    reliability: Reliability | None = Field(
        default=None,
        description=(
            "The Admiralty code's grade of the source: A completely reliable, B usually "
            "reliable, C fairly reliable, D not usually reliable, E unreliable, "
            "F cannot be judged."
        ),
    )


class Actor(_Frozen):
    id: Id
    kind: ActorKind
    name: Name = Field(description=_at_most("The name", MAX_NAME))
    role: Name | None = Field(default=None, description=_at_most("The role", MAX_NAME))
    affiliation: Name | None = Field(
        default=None, description=_at_most("What the actor belongs to", MAX_NAME)
    )


class Coordinates(_Frozen):
    """Where on Earth, in degrees (WGS 84, as maps and GPS give them)."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class Figure(_Frozen):
    """A number a claim gives, as the range it allows: "more than 40 aircraft" is
    ``low`` 41; "up to 2,000" is ``high`` 2000; "about 300" may be 250 to 350."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        defer_build=True,
        json_schema_extra={"anyOf": [{"required": ["low"]}, {"required": ["high"]}]},
    )

    low: float | None = Field(default=None, description="The least the claim allows.")
    high: float | None = Field(default=None, description="The most the claim allows.")
    unit: Name = Field(description=_at_most("What is counted (aircraft, people)", MAX_NAME))

    @model_validator(mode="after")
    def _a_range(self) -> Figure:
        if self.low is None and self.high is None:
            raise ValueError("a figure needs low, high or both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is more than high ({self.high:g})")
        return self


class Claim(_Frozen):
    id: Id | None = Field(
        default=None,
        description="Unique among the timeline's claims; needed when another claim disputes it.",
    )
    by: Id = Field(description="The actor who makes the claim.")
    via: Id | None = Field(
        default=None,
        description="The actor who relays the claim, when it is known only through them.",
    )
    text: Text = Field(description=_at_most("What is claimed", MAX_TEXT))
    verification: Verification
    source: Id | None = None
    disputes: tuple[Id, ...] = _items("The claims (their ids, of any event) this one disputes")
    credibility: Credibility | None = None
    figure: Figure | None = None


class Event(_Frozen):
    id: Id
    kind: EventKind
    title: Title
    date: FuzzyDate
    status: EventStatus = EventStatus.OCCURRED
    participants: tuple[Id, ...] = _items("The actors taking part")
    places: tuple[Place, ...] = _items("Where it happened")
    summary: LongText = Field(default="", description=_at_most("What happened", MAX_LONG_TEXT))
    claims: tuple[Claim, ...] = _items("What is claimed about it, and by whom")
    sources: tuple[Id, ...] = _items("The sources that report it")
    related: tuple[Id, ...] = _items("Other events it is linked to")
    tags: tuple[Tag, ...] = _items("Words it is filed under (a group, a type of event)")
    fatalities: int | None = Field(
        default=None, ge=0, description="How many people were killed, as reported."
    )
    coordinates: Coordinates | None = None
    first_reported: FuzzyDate | None = Field(
        default=None,
        description="When it was first reported (for conflict data, often later than it happened).",
    )


class Era(_Frozen):
    """A named stretch of time the events fall in (a war, a term of office)."""

    title: Title
    date: FuzzyDate


class Translation(_Frozen):
    language: LanguageTag
    text: Text = Field(description=_at_most("The quote in this language", MAX_TEXT))


class Quote(_Frozen):
    id: Id
    speaker: Id
    event: Id
    text: Text = Field(description=_at_most("The words exactly as the source gives them", MAX_TEXT))
    language: LanguageTag
    mode: QuoteMode
    translation: Translation | None = None
    source: Id | None = None


# A whole model file, validated field by field: the file format's own schema.
# (A comment, not a docstring: a docstring would go into the JSON Schema.) The
# app keeps an open timeline as viewer.domain.timeline.Timeline.
class TimelineModel(_Frozen):
    model_config = ConfigDict(frozen=True, extra="forbid", title="Timeline", defer_build=True)

    schema_version: int = Field(ge=1, description="The format version of this file.")
    id: Id = Field(description="Stable across edits: notes are keyed by it.")
    title: Title
    language: LanguageTag
    description: LongText = Field(
        default="", description=_at_most("What the timeline is about", MAX_LONG_TEXT)
    )
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    eras: tuple[Era, ...] = Field(default=(), max_length=MAX_ITEMS)

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

    return json.dumps(TimelineModel.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
