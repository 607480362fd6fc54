"""What lanes may be by and how they may be sorted: the words View > Lanes and the
command line's ``--lanes`` and ``--lane-order`` offer, without numpy (Qt-free).
:mod:`viewer.timeline.lanes` re-exports both."""

from __future__ import annotations

from enum import StrEnum


class LaneFacet(StrEnum):
    """What the lanes are: one per kind (the default), actor, tag, timeline or place."""

    KIND = "kind"
    ACTOR = "actor"
    TAG = "tag"
    TIMELINE = "timeline"
    PLACE = "place"


class LaneOrder(StrEnum):
    """How lanes are sorted: most events first, by name, or by their first event."""

    COUNT = "count"
    NAME = "name"
    FIRST = "first"
