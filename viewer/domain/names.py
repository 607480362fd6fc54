"""The one set of words for kinds, statuses and verifications, wherever they are shown (Qt-free)."""

from __future__ import annotations

from viewer.domain.model import EventKind, EventStatus, Verification

#: A kind as one event of it is called ("a call"): table, details, tooltips, filters.
KIND_NAME: dict[EventKind, str] = {
    EventKind.CALL: "Call",
    EventKind.ATTACK: "Attack",
    EventKind.TALKS: "Talks",
    EventKind.MEETING: "Meeting",
    EventKind.STATEMENT: "Statement",
    EventKind.PROPOSAL: "Proposal",
    EventKind.SANCTIONS: "Sanctions",
    EventKind.OTHER: "Other",
}

#: A kind as a lane and the legend name its events ("Calls").
KIND_PLURAL: dict[EventKind, str] = {
    EventKind.CALL: "Calls",
    EventKind.ATTACK: "Attacks",
    EventKind.TALKS: "Talks",
    EventKind.MEETING: "Meetings",
    EventKind.STATEMENT: "Statements",
    EventKind.PROPOSAL: "Proposals",
    EventKind.SANCTIONS: "Sanctions",
    EventKind.OTHER: "Other",
}

STATUS_NAME: dict[EventStatus, str] = {
    EventStatus.OCCURRED: "Occurred",
    EventStatus.ANNOUNCED: "Announced",
    EventStatus.PROPOSED: "Proposed",
    EventStatus.DEMANDED: "Demanded",
}

VERIFICATION_NAME: dict[Verification, str] = {
    Verification.CONFIRMED: "Confirmed",
    Verification.UNVERIFIED: "Unverified",
    Verification.DISPUTED: "Disputed",
}
