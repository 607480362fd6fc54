"""The bundled timeline says what the article says, dated as FACTS.md resolves it."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from viewer.domain.model import EventKind, EventStatus, QuoteMode, Timeline, Verification
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline

ARTICLE = (DATA / "seed" / "article-de.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return load_timeline(bundled_timeline())


@pytest.mark.parametrize(
    ("event_id", "kind", "start", "status"),
    [
        ("call-2025-06-04", EventKind.CALL, "2025-06-04", EventStatus.OCCURRED),
        ("call-2025-05-19", EventKind.CALL, "2025-05-19", EventStatus.OCCURRED),
        ("drone-strike-2025-06-01", EventKind.ATTACK, "2025-06-01", EventStatus.OCCURRED),
        (
            "bridge-bryansk-2025-05-31",
            EventKind.OTHER,
            "2025-05-31T22:50+03:00",
            EventStatus.OCCURRED,
        ),
        (
            "bridge-kursk-2025-06-01",
            EventKind.OTHER,
            "2025-06-01T02:20+03:00",
            EventStatus.OCCURRED,
        ),
        ("talks-istanbul-2025-06-02", EventKind.TALKS, "2025-06-02", EventStatus.OCCURRED),
        ("talks-istanbul-2025-05-16", EventKind.TALKS, "2025-05-16", EventStatus.OCCURRED),
        ("putin-statement-2025-06-04", EventKind.STATEMENT, "2025-06-04", EventStatus.OCCURRED),
        ("ceasefire-proposal-2025-06-04", EventKind.PROPOSAL, "2025-06-04", EventStatus.PROPOSED),
        ("leaders-summit-proposed", EventKind.TALKS, "2025-06-09", EventStatus.PROPOSED),
        (
            "press-conference-berlin-2025-06-04",
            EventKind.MEETING,
            "2025-06-04",
            EventStatus.OCCURRED,
        ),
        ("response-announced-2025-06-04", EventKind.ATTACK, "2025-06-04", EventStatus.ANNOUNCED),
        ("sanctions-18-demanded", EventKind.SANCTIONS, "2025-06-04", EventStatus.DEMANDED),
    ],
)
def test_events_dated_as_facts_resolve_them(
    timeline: Timeline, event_id: str, kind: EventKind, start: str, status: EventStatus
) -> None:
    event = timeline.events_by_id[event_id]
    assert (event.kind, event.date.start, event.status) == (kind, start, status)
    assert event.date.note, "the article's own wording of the date is kept"
    assert event.summary
    assert "article" in event.sources


def test_date_notes_are_the_articles_wording(timeline: Timeline) -> None:
    for event in timeline.events:
        assert event.date.note is not None
        for fragment in event.date.note.split(" ... "):
            assert fragment in ARTICLE, (event.id, fragment)


def test_uncertain_dates_are_marked_approximate(timeline: Timeline) -> None:
    kursk = timeline.events_by_id["bridge-kursk-2025-06-01"].date
    assert kursk.approximate
    assert kursk.end == "2025-06-01T03:00+03:00"
    proposal = timeline.events_by_id["ceasefire-proposal-2025-06-04"].date
    assert proposal.approximate
    assert proposal.end == "2025-06-05"


def test_every_quote_is_verbatim_and_has_a_known_speaker(timeline: Timeline) -> None:
    for quote in timeline.quotes:
        assert quote.text in ARTICLE, quote.id
        assert quote.speaker in timeline.actors_by_id
        assert quote.translation is not None
        assert quote.translation.language == "en"


def test_every_quotation_mark_in_the_article_is_covered(timeline: Timeline) -> None:
    quoted = ARTICLE.split('"')[1::2]
    texts = " ".join(q.text for q in timeline.quotes)
    missing = [q for q in quoted if q not in texts]
    assert missing == []


def test_direct_and_reported_speech(timeline: Timeline) -> None:
    modes = {q.id: q.mode for q in timeline.quotes}
    assert modes["q-trump-1"] is QuoteMode.DIRECT
    assert modes["q-uschakow-1"] is QuoteMode.DIRECT
    assert modes["q-selenskyj-6"] is QuoteMode.DIRECT
    reported = [q for q in timeline.quotes if q.mode is QuoteMode.REPORTED]
    assert any(q.text.startswith("Putin zufolge will die Ukraine keinen Frieden") for q in reported)


def test_claims_keep_their_authors_and_are_unverified(timeline: Timeline) -> None:
    strike = timeline.events_by_id["drone-strike-2025-06-01"]
    by_author = {claim.by: claim for claim in strike.claims}
    assert set(by_author) == {"sbu", "russian-military"}
    assert all(c.verification is Verification.UNVERIFIED for c in strike.claims)
    assert "40" in by_author["sbu"].text
    assert "34" in by_author["sbu"].text


def test_required_actors(timeline: Timeline) -> None:
    required = {"trump", "putin", "uschakow", "selenskyj", "sbu", "russian-military"}
    required |= {"kremlin", "sikorski", "wadephul"}
    assert required <= set(timeline.actors_by_id)


def test_publication_date_is_honestly_uncertain(timeline: Timeline) -> None:
    published = timeline.sources_by_id["article"].published
    assert published is not None
    assert published.approximate
    assert (published.start, published.end) == ("2025-06-04", "2025-06-05")
