"""The bundled timeline says what the article says, dated as FACTS.md resolves it."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from viewer.domain.model import EventKind, EventStatus, QuoteMode, Verification
from viewer.domain.timeline import Timeline
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
    # Not every event has a date note: only where the article places it in time
    # (see EXPECTED_DATE_NOTES).
    assert event.summary
    assert "article" in event.sources


#: The article's own words that place each event in time, as the date note
#: keeps them; fragments are joined by " ... ". None: the article does not date
#: the event at all.
EXPECTED_DATE_NOTES: dict[str, str | None] = {
    "call-2025-06-04": "erneuten Telefonat",
    "call-2025-05-19": "Mitte Mai",
    "drone-strike-2025-06-01": "am Wochenende",
    "bridge-bryansk-2025-05-31": "jüngsten Explosionen an Brücken",
    "bridge-kursk-2025-06-01": "jüngsten Explosionen an Brücken",
    "talks-istanbul-2025-06-02": "zuletzt ... in der Türkei direkte Gespräche",
    "talks-istanbul-2025-05-16": "hatten zuletzt ... direkte Gespräche ... aufgenommen",
    "putin-statement-2025-06-04": "jetzt offen infrage",
    # "sieht nach eigenen Worten" says whose words they are, not when.
    "selenskyj-statement-2025-06-04": None,
    # Not "erneut eine Feuerpause vorgeschlagen": that is about repetition. The
    # article places the proposal by what Putin is doing meanwhile.
    "ceasefire-proposal-2025-06-04": 'Während Putin offenbar an einer "Antwort" ... arbeitet',
    "leaders-summit-proposed": "ab kommenden Montag",
    "press-conference-berlin-2025-06-04": "am Mittwoch",
    "response-announced-2025-06-04": "habe Putin nun eine Antwort ... angekündigt",
    # The demand was made at the press conference; "schnellstmöglich" is when
    # the package should come, not when it was demanded.
    "sanctions-18-demanded": "am Mittwoch",
}


def test_date_notes_are_the_articles_wording(timeline: Timeline) -> None:
    assert set(EXPECTED_DATE_NOTES) == set(timeline.events_by_id)
    for event in timeline.events:
        assert event.date.note == EXPECTED_DATE_NOTES[event.id], event.id
        if event.date.note is None:
            continue
        for fragment in event.date.note.split(" ... "):
            assert fragment in ARTICLE, (event.id, fragment)


def test_the_undated_selenskyj_statement_says_so(timeline: Timeline) -> None:
    event = timeline.events_by_id["selenskyj-statement-2025-06-04"]
    assert event.date.note is None
    assert "sieht nach eigenen Worten" in ARTICLE
    assert "Der Bericht datiert die Äußerung nicht" in event.summary


def test_uncertain_dates_are_marked_approximate(timeline: Timeline) -> None:
    kursk = timeline.events_by_id["bridge-kursk-2025-06-01"].date
    assert kursk.approximate
    assert kursk.end == "2025-06-01T03:00+03:00"
    proposal = timeline.events_by_id["ceasefire-proposal-2025-06-04"].date
    assert proposal.approximate
    assert proposal.end == "2025-06-05"


def test_every_quote_is_verbatim_and_has_a_known_speaker(timeline: Timeline) -> None:
    assert timeline.quotes
    for quote in timeline.quotes:
        assert quote.text in ARTICLE, quote.id
        assert quote.speaker in timeline.actors_by_id
        assert quote.translation is not None
        assert quote.translation.language == "en"


#: Words the article itself sets in quotation marks, not as anyone's speech.
#: "Antwort" in 'Während Putin offenbar an einer "Antwort" ... arbeitet' is the
#: article's inference about what Putin is doing, so no quote carries it (the
#: former q-putin-2 did, wrongly). Listed here so that the test below does not
#: pass only because q-putin-1 happens to contain the word Antwort unquoted.
ARTICLES_OWN_QUOTED_WORDS = frozenset({"Antwort"})


def test_every_quotation_mark_in_the_article_is_covered(timeline: Timeline) -> None:
    quoted = ARTICLE.split('"')[1::2]
    assert ARTICLES_OWN_QUOTED_WORDS.issubset(quoted)

    def covered(words: str) -> bool:
        # A direct quote is the quoted words; a reported one keeps their marks.
        return any(q.text == words or f'"{words}"' in q.text for q in timeline.quotes)

    missing = [q for q in quoted if q not in ARTICLES_OWN_QUOTED_WORDS and not covered(q)]
    assert missing == []
    assert not any(covered(word) for word in ARTICLES_OWN_QUOTED_WORDS)


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


# -- corrections, each tied to the article's text ------------------------------


def summary_of(timeline: Timeline, event_id: str) -> str:
    return timeline.events_by_id[event_id].summary


def _paragraph_with(text: str) -> str:
    paragraphs = [p for p in ARTICLE.split("\n\n") if text in p]
    assert len(paragraphs) == 1, text
    return paragraphs[0]


def test_correction_uschakow_relays_what_trump_stressed(timeline: Timeline) -> None:
    quotes = {q.id: q for q in timeline.quotes}
    assert "q-trump-5" not in quotes
    quote = quotes["q-uschakow-3"]
    # The sentence stands in the paragraph of Uschakow's account of the call.
    paragraph = _paragraph_with(quote.text)
    assert "sagte Putins Berater Juri Uschakow" in paragraph
    assert quote.text.startswith("Trump habe zudem betont")
    assert (quote.speaker, quote.mode, quote.event) == (
        "uschakow",
        QuoteMode.REPORTED,
        "call-2025-06-04",
    )
    call = timeline.events_by_id["call-2025-06-04"]
    relayed = [c for c in call.claims if (c.by, c.via) == ("trump", "uschakow")]
    assert len(relayed) == 1
    claim = relayed[0]
    assert claim.verification is Verification.UNVERIFIED
    assert claim.source == "article"
    assert claim.text.startswith("Die USA seien nicht im Vorfeld")
    assert "die USA nicht im Vorfeld über die ukrainischen Drohnenangriffe informiert" in ARTICLE


def test_correction_the_articles_inference_is_no_quote_of_putin(timeline: Timeline) -> None:
    inference = 'Während Putin offenbar an einer "Antwort"'
    assert inference in ARTICLE  # the article's own words, "offenbar": its guess
    assert "q-putin-2" not in {q.id for q in timeline.quotes}
    assert not any(q.text.startswith("Während Putin offenbar") for q in timeline.quotes)
    assert not any(inference in q.text for q in timeline.quotes)


def test_correction_the_summit_is_open_from_next_monday(timeline: Timeline) -> None:
    assert "Die Ukraine sei zu einem Gipfel ab kommenden Montag bereit" in ARTICLE
    summit = timeline.events_by_id["leaders-summit-proposed"]
    date = summit.date
    assert (date.precision, date.start, date.end) == ("day", "2025-06-09", "..")
    assert date.open_end
    assert not date.approximate
    assert date.note == "ab kommenden Montag"
    assert "früheste Termin" not in summit.summary
    assert "ab kommenden Montag bereit" in summit.summary


@pytest.mark.parametrize(
    ("event_id", "words"),
    [
        ("press-conference-berlin-2025-06-04", "ernüchternd"),
        ("talks-istanbul-2025-06-02", "ernüchternd"),
        ("press-conference-berlin-2025-06-04", "Putin setze im Ukraine-Krieg auf Zermürbung"),
        ("ceasefire-proposal-2025-06-04", "US-Vermittlungsgarantien"),
        ("call-2025-06-04", "keine Chance auf eine sofortige Lösung"),
        ("call-2025-06-04", "Angriffe der Ukraine auf Militärflugzeuge im russischen Hinterland"),
        ("call-2025-06-04", "Auch der Iran sei Thema gewesen"),
        ("drone-strike-2025-06-01", "Nach monatelanger Vorbereitung"),
        ("drone-strike-2025-06-01", "umfassenden Schlag gegen mehrere russische Militärflugplätze"),
        (
            "drone-strike-2025-06-01",
            "Offenbar wurden Standorte gewählt, von denen regelmäßig Kampfflugzeuge "
            "zu Angriffen gegen die Ukraine gestartet sind",
        ),
    ],
)
def test_correction_summaries_keep_the_articles_words(
    timeline: Timeline, event_id: str, words: str
) -> None:
    # The article sets "Zermürbung" in quotation marks; the summary need not.
    assert words in ARTICLE.replace('"', "")
    assert words in summary_of(timeline, event_id)


@pytest.mark.parametrize(
    "words", ["enttäuschend", "erstmals wieder", "US-Garantien", "zermürben", "früheste Termin"]
)
def test_correction_no_summary_says_what_the_article_does_not(
    timeline: Timeline, words: str
) -> None:
    assert words not in ARTICLE
    assert not [event.id for event in timeline.events if words in event.summary]


def test_correction_facts_from_elsewhere_are_marked_as_such(timeline: Timeline) -> None:
    assert "Spiderweb" not in ARTICLE
    strike = summary_of(timeline, "drone-strike-2025-06-01")
    assert "„Operation Spiderweb“ und das Datum (Sonntag, 1. Juni) stammen aus öffentlicher" in (
        strike
    )
    for event_id in ("bridge-bryansk-2025-05-31", "bridge-kursk-2025-06-01"):
        assert "stammt aus öffentlicher Berichterstattung" in summary_of(timeline, event_id)
    assert "zwei Stunden" not in ARTICLE
    assert "öffentliche Berichterstattung" in summary_of(timeline, "call-2025-05-19")


def test_correction_related_links_and_the_summit_quote(timeline: Timeline) -> None:
    events = timeline.events_by_id
    assert "bridge-kursk-2025-06-01" in events["bridge-bryansk-2025-05-31"].related
    assert "bridge-bryansk-2025-05-31" in events["bridge-kursk-2025-06-01"].related
    assert "in der Region Kursk und Brjansk" in ARTICLE  # one sentence names both
    quote = next(q for q in timeline.quotes if q.id == "q-selenskyj-4")
    assert "Gipfel ab kommenden Montag" in quote.text
    assert quote.text in ARTICLE
    assert quote.event == "leaders-summit-proposed"
    assert quote.speaker == "selenskyj"


def test_the_drone_strike_claims_dispute_each_other(timeline: Timeline) -> None:
    # "hieß es vom ukrainischen Geheimdienst SBU" against "Das russische Militär
    # sprach von ... "einigen" beschädigten Flugzeugen": a claim and its counterclaim.
    strike = timeline.events_by_id["drone-strike-2025-06-01"]
    by_author = {claim.by: claim for claim in strike.claims}
    sbu, military = by_author["sbu"], by_author["russian-military"]
    assert (sbu.id, military.id) == ("c-sbu-aircraft-destroyed", "c-military-some-damaged")
    assert sbu.disputes == ("c-military-some-damaged",)
    assert military.disputes == ("c-sbu-aircraft-destroyed",)
    # The article grades neither side ("nicht unabhängig überprüfbar"), so neither does the file.
    assert all(c.credibility is None for c in strike.claims)
    assert all(s.reliability is None for s in timeline.sources)


@pytest.mark.parametrize(
    ("event_id", "claim_id", "by", "article_words"),
    [
        (
            "putin-statement-2025-06-04",
            "c-putin-sabotage",
            "putin",
            "der Ukraine die Sabotage von Friedensgesprächen vorgeworfen",
        ),
        (
            "selenskyj-statement-2025-06-04",
            "c-selenskyj-no-authority",
            "selenskyj",
            "die jetzige russische Delegation nicht die Befugnisse habe, "
            "eine Waffenruhe zu verhandeln",
        ),
    ],
)
def test_the_allegations_of_sabotage_and_of_no_authority_are_claims(
    timeline: Timeline, event_id: str, claim_id: str, by: str, article_words: str
) -> None:
    assert article_words in ARTICLE
    claims = {c.id: c for c in timeline.events_by_id[event_id].claims}
    claim = claims[claim_id]
    assert (claim.by, claim.source, claim.via) == (by, "article", None)
    assert claim.verification is Verification.UNVERIFIED
    assert claim.credibility is None


def test_correction_trump_relays_the_announced_response(timeline: Timeline) -> None:
    # As q-uschakow-3: the quote is the relayer's account, the claim Putin's via him.
    quote = next(q for q in timeline.quotes if q.id == "q-putin-1")
    assert quote.text.startswith("Trump gegenüber habe Putin nun eine Antwort")
    assert (quote.speaker, quote.mode, quote.event) == (
        "trump",
        QuoteMode.REPORTED,
        "response-announced-2025-06-04",
    )
    event = timeline.events_by_id["response-announced-2025-06-04"]
    relayed = [c for c in event.claims if (c.by, c.via) == ("putin", "trump")]
    assert len(relayed) == 1
    assert relayed[0].verification is Verification.UNVERIFIED
    assert relayed[0].source == "article"
    # The summary keeps the article's subjunctive.
    assert "habe Putin nun eine Antwort" in event.summary


def test_dates_from_outside_the_article_name_their_source(timeline: Timeline) -> None:
    for event_id, source in [
        ("call-2025-05-19", "irishtimes"),
        ("bridge-bryansk-2025-05-31", "tass"),
        ("bridge-kursk-2025-06-01", "pravda"),
    ]:
        event = timeline.events_by_id[event_id]
        assert event.date.source == source, event_id
        assert source in event.sources, event_id
        assert timeline.sources_by_id[source].url
