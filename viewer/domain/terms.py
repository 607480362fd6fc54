"""The model file's fixed words and limits, without pydantic (Qt-free).

The kinds, statuses and grades a model file may name, and the longest texts
and lists it may hold: what :mod:`viewer.domain.model` validates with, and
what the command line offers as choices and checks before anything heavy is
imported (``timeline-viewer --help`` needs neither pydantic nor numpy).
:mod:`viewer.domain.model` re-exports every name here.
"""

from __future__ import annotations

from enum import StrEnum

# The newest model-file format this version of the app understands.
# 2 added open-ended dates (``"end": ".."``) and relayed claims (``via``);
# 3 added events' tags, fatalities and coordinates, and the timeline's eras
# (what imported timelines carry: TimelineJS groups and eras, ACLED's records);
# 4 added the analyst's fields: claims' ids, disputes, credibility and figures,
# sources' reliability, a date's source and an event's first report;
# 5 added years before year 1 (``-0043-03-15``, 44 BC), so an app of version 4
# says such a file is newer instead of calling its dates wrong.
SCHEMA_VERSION = 5

# The longest text each field may hold, in characters (Unicode code points).
# Said up front, in the JSON Schema: a longer text is a problem with its path
# and the limit, never a window that freezes laying out a 50 MB title.
MAX_ID = 200
MAX_TITLE = 500
MAX_NAME = 200
MAX_PLACE = 200
MAX_DATE_NOTE = 500
MAX_URL = 2_000
MAX_TEXT = 10_000
MAX_LONG_TEXT = 20_000
MAX_LANGUAGE_TAG = 35
MAX_TAG = 100
# The most entries each of an event's lists may hold: its details pane lays
# them all out at once (50,000 places froze the window for over a minute).
MAX_ITEMS = 1_000

# A BCP 47 language tag as the model takes it (the command line checks one given).
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"


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


class Reliability(StrEnum):
    """How reliable a source is, as NATO's Admiralty code grades it (AJP-2.1):
    A completely reliable, B usually reliable, C fairly reliable, D not usually
    reliable, E unreliable, F reliability cannot be judged."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"
