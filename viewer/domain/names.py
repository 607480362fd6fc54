"""The one set of words for kinds, statuses and verifications, wherever they are shown (Qt-free).

The tables are English (the command line's words); the functions give a name
in the reader's language (see :mod:`viewer.domain.words`).
"""

from __future__ import annotations

from viewer.domain.model import EventKind, EventStatus, Reliability, Verification
from viewer.domain.words import QT_TRANSLATE_NOOP, translate

# A kind as one event of it is called ("a call"): the table, details and tooltips.
KIND_NAME: dict[EventKind, str] = {
    EventKind.CALL: QT_TRANSLATE_NOOP("names", "Call"),
    EventKind.ATTACK: QT_TRANSLATE_NOOP("names", "Attack"),
    EventKind.TALKS: QT_TRANSLATE_NOOP("names", "Talks"),
    EventKind.MEETING: QT_TRANSLATE_NOOP("names", "Meeting"),
    EventKind.STATEMENT: QT_TRANSLATE_NOOP("names", "Statement"),
    EventKind.PROPOSAL: QT_TRANSLATE_NOOP("names", "Proposal"),
    EventKind.SANCTIONS: QT_TRANSLATE_NOOP("names", "Sanctions"),
    EventKind.OTHER: QT_TRANSLATE_NOOP("names", "Other"),
}

# A kind as the name of its events ("Calls"): the lanes, the legend and the
# Kind filter (its menu and chip), so the menu names a kind as its lane does.
KIND_PLURAL: dict[EventKind, str] = {
    EventKind.CALL: QT_TRANSLATE_NOOP("names", "Calls"),
    EventKind.ATTACK: QT_TRANSLATE_NOOP("names", "Attacks"),
    EventKind.TALKS: QT_TRANSLATE_NOOP("names", "Talks"),
    EventKind.MEETING: QT_TRANSLATE_NOOP("names", "Meetings"),
    EventKind.STATEMENT: QT_TRANSLATE_NOOP("names", "Statements"),
    EventKind.PROPOSAL: QT_TRANSLATE_NOOP("names", "Proposals"),
    EventKind.SANCTIONS: QT_TRANSLATE_NOOP("names", "Sanctions"),
    EventKind.OTHER: QT_TRANSLATE_NOOP("names", "Other"),
}

STATUS_NAME: dict[EventStatus, str] = {
    EventStatus.OCCURRED: QT_TRANSLATE_NOOP("names", "Occurred"),
    EventStatus.ANNOUNCED: QT_TRANSLATE_NOOP("names", "Announced"),
    EventStatus.PROPOSED: QT_TRANSLATE_NOOP("names", "Proposed"),
    EventStatus.DEMANDED: QT_TRANSLATE_NOOP("names", "Demanded"),
}

VERIFICATION_NAME: dict[Verification, str] = {
    Verification.CONFIRMED: QT_TRANSLATE_NOOP("names", "Confirmed"),
    Verification.UNVERIFIED: QT_TRANSLATE_NOOP("names", "Unverified"),
    Verification.DISPUTED: QT_TRANSLATE_NOOP("names", "Disputed"),
}
# The claims of a verification, as the Filter menu lists them.
VERIFICATION_PLURAL: dict[Verification, str] = {
    Verification.CONFIRMED: QT_TRANSLATE_NOOP("names", "Confirmed claims"),
    Verification.UNVERIFIED: QT_TRANSLATE_NOOP("names", "Unverified claims"),
    Verification.DISPUTED: QT_TRANSLATE_NOOP("names", "Disputed claims"),
}


def kind_name(kind: EventKind) -> str:
    """One event of ``kind`` ("Call"), in the reader's language."""
    return translate("names", KIND_NAME[kind])


def kind_plural(kind: EventKind) -> str:
    """The events of ``kind`` as a lane ("Calls"), in the reader's language."""
    return translate("names", KIND_PLURAL[kind])


def status_name(status: EventStatus) -> str:
    return translate("names", STATUS_NAME[status])


def verification_name(verification: Verification) -> str:
    return translate("names", VERIFICATION_NAME[verification])


def verification_plural(verification: Verification) -> str:
    """The claims of ``verification`` ("Disputed claims"), in the reader's language."""
    return translate("names", VERIFICATION_PLURAL[verification])


# A source's reliability on the Admiralty scale (NATO AJP-2.1), in its standard words.
RELIABILITY_NAME: dict[Reliability, str] = {
    Reliability.A: QT_TRANSLATE_NOOP("names", "completely reliable"),
    Reliability.B: QT_TRANSLATE_NOOP("names", "usually reliable"),
    Reliability.C: QT_TRANSLATE_NOOP("names", "fairly reliable"),
    Reliability.D: QT_TRANSLATE_NOOP("names", "not usually reliable"),
    Reliability.E: QT_TRANSLATE_NOOP("names", "unreliable"),
    Reliability.F: QT_TRANSLATE_NOOP("names", "reliability cannot be judged"),
}

# A claim's credibility on the Admiralty scale (1 to 6), in its standard words.
CREDIBILITY_NAME: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("names", "confirmed by other sources"),
    2: QT_TRANSLATE_NOOP("names", "probably true"),
    3: QT_TRANSLATE_NOOP("names", "possibly true"),
    4: QT_TRANSLATE_NOOP("names", "doubtful"),
    5: QT_TRANSLATE_NOOP("names", "improbable"),
    6: QT_TRANSLATE_NOOP("names", "truth cannot be judged"),
}


def reliability_name(reliability: Reliability) -> str:
    """ "B, usually reliable", in the reader's language."""
    words = translate("names", RELIABILITY_NAME[reliability])
    return f"{reliability.value}, {words}"


def credibility_name(credibility: int) -> str:
    """ "3, possibly true", in the reader's language."""
    return f"{credibility}, {translate('names', CREDIBILITY_NAME[credibility])}"
