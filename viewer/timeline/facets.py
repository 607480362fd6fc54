"""What an event's columns do not hold, read once per timeline from its records
(Qt-free): who takes part, claims or is quoted; its claims' verifications and
which claims dispute which; how reliable its sources are.

Claims and graded sources are rare (an imported timeline of a million events
has none): the records are read in one pass, and what is kept per event is a
byte of bits.
"""

from __future__ import annotations

import msgspec
import numpy as np
import numpy.typing as npt

from viewer.domain.model import Reliability, Verification
from viewer.domain.timeline import Timeline
from viewer.timeline.kept import kept

Rows = npt.NDArray[np.int64]

VERIFICATIONS: tuple[Verification, ...] = tuple(Verification)
RELIABILITIES: tuple[Reliability, ...] = tuple(Reliability)
_DISPUTED = 1 << VERIFICATIONS.index(Verification.DISPUTED)


class _Claim(msgspec.Struct):
    by: str
    verification: str
    via: str | None = None
    id: str | None = None
    source: str | None = None
    disputes: list[str] = msgspec.field(default_factory=list)


class _EventFacets(msgspec.Struct):
    participants: list[str] = msgspec.field(default_factory=list)
    claims: list[_Claim] = msgspec.field(default_factory=list)


class _GradedFacets(_EventFacets):
    """With the event's sources: read only when some source of the file is graded."""

    sources: list[str] = msgspec.field(default_factory=list)


_DECODE = msgspec.json.Decoder(list[_EventFacets])
_DECODE_GRADED = msgspec.json.Decoder(list[_GradedFacets])


class Facets:
    """Per event (by table row): who takes part, is quoted or claims; which
    verifications its claims have (a claim that disputes another, or is disputed
    by one, counts as disputed, and so does the other); which reliabilities its
    sources and its claims' sources have. And the claims by id, with who
    disputes each."""

    def __init__(self, timeline: Timeline) -> None:
        events = timeline.events
        # Bit ``1 << i`` for each verification ``VERIFICATIONS[i]`` among the claims.
        self.verifications = np.zeros(len(events), np.uint8)
        # Bit ``1 << i`` for each reliability ``RELIABILITIES[i]`` among the sources.
        self.reliabilities = np.zeros(len(events), np.uint8)
        # Each claim with an id: the row of its event, and its place among its claims.
        self.claims: dict[str, tuple[int, int]] = {}
        # Each claim disputed: the ids of the claims that dispute it, in file order.
        self.disputed_by: dict[str, list[str]] = {}
        bits = {v.value: 1 << i for i, v in enumerate(VERIFICATIONS)}
        graded = {
            source.id: 1 << RELIABILITIES.index(source.reliability)
            for source in timeline.sources
            if source.reliability is not None
        }
        per_actor: dict[str, list[int]] = {}
        decoder = _DECODE_GRADED if graded else _DECODE  # sources: read only when graded
        for first, batch in events.spans():
            for row, event in enumerate(decoder.decode(batch), first):
                for actor in event.participants:
                    per_actor.setdefault(actor, []).append(row)
                if isinstance(event, _GradedFacets):
                    for source_id in event.sources:
                        self.reliabilities[row] |= graded.get(source_id, 0)
                for place, claim in enumerate(event.claims):
                    self._claim(row, place, claim, bits, graded, per_actor)
        for disputed, disputers in self.disputed_by.items():  # both sides of each
            for claim_id in (disputed, *disputers):
                where = self.claims.get(claim_id)
                if where is not None:
                    self.verifications[where[0]] |= _DISPUTED
        quote_events = timeline.quotes_by_event.codes
        for code, speaker in enumerate(timeline.actors):
            quoted = quote_events[timeline.quotes_by_speaker.rows_at(code)]
            if len(quoted):
                per_actor.setdefault(speaker.id, []).extend(quoted[quoted >= 0].tolist())
        # The table rows of each actor's events, sorted, each once.
        self.actor_rows: dict[str, Rows] = {
            actor_id: np.unique(np.array(rows, np.int64)) for actor_id, rows in per_actor.items()
        }

    def _claim(
        self,
        row: int,
        place: int,
        claim: _Claim,
        bits: dict[str, int],
        graded: dict[str, int],
        per_actor: dict[str, list[int]],
    ) -> None:
        self.verifications[row] |= bits.get(claim.verification, 0)
        per_actor.setdefault(claim.by, []).append(row)
        if claim.via:
            per_actor.setdefault(claim.via, []).append(row)
        if claim.source is not None:
            self.reliabilities[row] |= graded.get(claim.source, 0)
        if claim.id is not None:
            self.claims[claim.id] = (row, place)
            for disputed in claim.disputes:
                self.disputed_by.setdefault(disputed, []).append(claim.id)

    def counterclaims(self, claim_id: str) -> list[str]:
        """The ids of the claims that ``claim_id`` disputes or is disputed by."""
        found = list(self.disputed_by.get(claim_id, ()))
        for disputed, disputers in self.disputed_by.items():
            if claim_id in disputers and disputed not in found:
                found.append(disputed)
        return found


@kept
def facets_of(timeline: Timeline) -> Facets:
    """What ``timeline``'s columns do not hold: read when first asked, then kept."""
    return Facets(timeline)
