"""The details panel: what it shows, where its links lead, and that model text stays text."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTranslator, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.test_filters import menu_action
from tests.ui.windows import active_window
from viewer.domain.timeline import Timeline
from viewer.ui.document.selection import Selection
from viewer.ui.panels.details import PLACEHOLDER, DetailsPanel

# The offscreen platform plugin warns when a top-level window is shown; clicking a
# link needs a laid-out, visible browser.
HOSTILE = ["<b>x</b>", "<img src=y>", "<a href=http://evil>z</a>"]
HOSTILE_TEXT = " ".join(HOSTILE)


@pytest.fixture
def panel(qtbot: QtBot, selection: Selection, bundled: Timeline) -> DetailsPanel:
    widget = DetailsPanel(selection)
    widget.resize(700, 900)
    qtbot.addWidget(widget)
    widget.set_timeline(bundled)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def anchor_point(panel: DetailsPanel, text: str) -> QPoint:
    """The middle of the first occurrence of ``text`` in the browser's viewport."""
    browser = panel.browser
    found = browser.document().find(text)
    assert not found.isNull(), f"{text!r} not shown"
    middle = QTextCursor(found)
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    browser.setTextCursor(middle)
    browser.ensureCursorVisible()
    return browser.cursorRect(middle).center()


def click_text(qtbot: QtBot, panel: DetailsPanel, text: str) -> None:
    pos = anchor_point(panel, text)
    qtbot.mouseClick(panel.browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_placeholder_without_selection(panel: DetailsPanel, selection: Selection) -> None:
    assert panel.current_event_id is None
    assert panel.plain_text().strip() == PLACEHOLDER
    selection.select("drone-strike-2025-06-01")
    selection.clear()
    assert panel.plain_text().strip() == PLACEHOLDER


def test_placeholder_without_timeline(qtbot: QtBot, selection: Selection) -> None:
    widget = DetailsPanel(selection)
    qtbot.addWidget(widget)
    selection.select("drone-strike-2025-06-01")
    assert widget.current_event_id is None
    assert widget.plain_text().strip() == PLACEHOLDER


def test_selected_event_at_construction_is_shown(
    qtbot: QtBot, selection: Selection, bundled: Timeline
) -> None:
    selection.select("call-2025-05-19")
    widget = DetailsPanel(selection)
    qtbot.addWidget(widget)
    widget.set_timeline(bundled)
    assert widget.current_event_id == "call-2025-05-19"
    assert "Mitte Mai" in widget.plain_text()


def test_selecting_an_event_fills_the_panel(
    panel: DetailsPanel, selection: Selection, bundled: Timeline
) -> None:
    panel.set_show_translations(True)
    selection.select("ceasefire-proposal-2025-06-04")
    event = bundled.events_by_id["ceasefire-proposal-2025-06-04"]
    text = strip_isolates(panel.plain_text())
    assert panel.current_event_id == "ceasefire-proposal-2025-06-04"
    assert event.title in text
    assert "around 4\u20135 June 2025" in text
    assert "to the day, approximate" in text
    assert (
        'Source\'s wording: \u201cWährend Putin offenbar an einer "Antwort" ... arbeitet\u201d'
        in text
    )
    assert "Kind: Proposal" in text  # the names the table, the filters and the legend use
    assert "Proposed, not yet happened" in text
    assert "Selenskyj" in text
    assert "Kiew" in text
    assert event.summary in text
    # Related events by title, quotes with their mode and translation.
    assert bundled.events_by_id["leaders-summit-proposed"].title in text
    assert "reported speech" in text
    assert "direct speech" in text
    assert "Translation (en):" in text


def test_a_relayed_claim_names_who_relays_it(panel: DetailsPanel, selection: Selection) -> None:
    selection.select("call-2025-06-04")
    text = strip_isolates(panel.plain_text())
    claim = (
        "Donald Trump (relayed by Juri Uschakow): Die USA seien nicht im Vorfeld über die "
        "ukrainischen Drohnenangriffe informiert worden."
    )
    assert claim in text
    # Its badge follows on the same line.
    line = next(line for line in text.splitlines() if line.startswith(claim))
    assert "? unverified" in line.removeprefix(claim)


def test_an_open_ended_date_reads_from_its_start_on(
    panel: DetailsPanel, selection: Selection
) -> None:
    selection.select("leaders-summit-proposed")
    text = strip_isolates(panel.plain_text())
    assert "When: from 9 June 2025 on" in text
    assert "Source's wording: \u201cab kommenden Montag\u201d" in text


def test_claims_show_author_text_and_badge(
    panel: DetailsPanel, selection: Selection, bundled: Timeline
) -> None:
    selection.select("drone-strike-2025-06-01")
    text = strip_isolates(panel.plain_text())
    event = bundled.events_by_id["drone-strike-2025-06-01"]
    assert event.claims
    for claim in event.claims:
        author = bundled.actors_by_id[claim.by].name
        assert f"{author}: {claim.text}" in text
    # The two claims dispute each other: shown once, side by side.
    assert all(claim.disputes for claim in event.claims)
    assert text.count("Counterclaim:") == 1
    assert text.count("unverified") == len(event.claims)
    assert "reported speech" in text
    assert "1 June 2025" in text
    assert "exact to the day" in text
    assert "am Wochenende" in text
    assert "Status: Occurred" in text
    assert "not yet happened" not in text


def test_badges_differ_in_colour_and_text(
    qtbot: QtBot, selection: Selection, bundled: Timeline
) -> None:
    timeline = Timeline.validate(
        {
            "schema_version": 1,
            "id": "badges",
            "title": "Badges",
            "language": "en",
            "actors": [{"id": "a", "kind": "person", "name": "Ann"}],
            "events": [
                {
                    "id": "e",
                    "kind": "statement",
                    "title": "Three claims",
                    "date": {"precision": "month", "start": "2025-05"},
                    "claims": [
                        {"by": "a", "text": "one", "verification": "confirmed"},
                        {"by": "a", "text": "two", "verification": "unverified"},
                        {"by": "a", "text": "three", "verification": "disputed"},
                    ],
                }
            ],
        }
    )
    widget = DetailsPanel(selection)
    qtbot.addWidget(widget)
    widget.set_timeline(timeline)
    selection.select("e")
    text = widget.plain_text()
    for word in ("confirmed", "unverified", "disputed"):
        assert word in text
    backgrounds = set()
    for word in ("confirmed", "unverified", "disputed"):
        found = widget.browser.document().find(word)
        fmt = found.charFormat()
        assert fmt.foreground().color() != fmt.background().color()
        backgrounds.add(fmt.background().color().name())
    assert len(backgrounds) == 3


def test_clicking_a_related_event_selects_it(
    qtbot: QtBot, panel: DetailsPanel, selection: Selection, bundled: Timeline
) -> None:
    selection.select("ceasefire-proposal-2025-06-04")
    target = bundled.events_by_id["leaders-summit-proposed"]
    with qtbot.waitSignal(selection.changed, timeout=2000) as blocker:
        click_text(qtbot, panel, target.title)
    assert blocker.args == ["leaders-summit-proposed"]
    assert selection.event_id == "leaders-summit-proposed"
    assert panel.current_event_id == "leaders-summit-proposed"
    assert target.title in panel.plain_text().splitlines()[0]


def test_event_links_with_awkward_ids_round_trip(qtbot: QtBot, selection: Selection) -> None:
    timeline = Timeline.validate(
        {
            "schema_version": 1,
            "id": "ids",
            "title": "Ids",
            "language": "en",
            "events": [
                {
                    "id": "a",
                    "kind": "other",
                    "title": "First",
                    "date": {"precision": "year", "start": "2025"},
                    "related": ["b:c.d-e_f"],
                },
                {
                    "id": "b:c.d-e_f",
                    "kind": "other",
                    "title": "Second",
                    "date": {"precision": "year", "start": "2025"},
                },
            ],
        }
    )
    widget = DetailsPanel(selection)
    widget.resize(500, 400)
    qtbot.addWidget(widget)
    widget.set_timeline(timeline)
    widget.show()
    qtbot.waitExposed(widget)
    selection.select("a")
    assert 'href="event:b%3Ac.d-e_f"' in widget.browser.toHtml()
    click_text(qtbot, widget, "Second")
    assert selection.event_id == "b:c.d-e_f"


def _source_timeline(url: str) -> Timeline:
    return Timeline.validate(
        {
            "schema_version": 1,
            "id": "links",
            "title": "Links",
            "language": "en",
            "sources": [{"id": "s", "title": "The report", "publisher": "Wire", "url": url}],
            "events": [
                {
                    "id": "e",
                    "kind": "other",
                    "title": "Linked",
                    "date": {"precision": "day", "start": "2025-06-01"},
                    "sources": ["s"],
                }
            ],
        }
    )


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    calls: list[QUrl] = []

    def never(url: QUrl) -> bool:  # pragma: no cover - fails the test if reached
        raise AssertionError(f"QDesktopServices.openUrl called with {url.toString()}")

    monkeypatch.setattr("viewer.ui.panels.details.QDesktopServices.openUrl", never)
    return calls


def _link_panel(qtbot: QtBot, selection: Selection, url: str, opened: list[QUrl]) -> DetailsPanel:
    widget = DetailsPanel(selection)
    widget.resize(500, 400)
    widget.open_url = opened.append
    qtbot.addWidget(widget)
    widget.set_timeline(_source_timeline(url))
    widget.show()
    qtbot.waitExposed(widget)
    selection.select("e")
    return widget


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=2", "http://example.org/"])
def test_web_source_link_opens_url(
    qtbot: QtBot, selection: Selection, opened: list[QUrl], url: str
) -> None:
    widget = _link_panel(qtbot, selection, url, opened)
    assert "Wire" in widget.plain_text()
    click_text(qtbot, widget, "The report")
    assert [u.toString() for u in opened] == [url]
    assert selection.event_id == "e"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "ftp://h/x"]
)
def test_other_schemes_are_not_links(
    qtbot: QtBot, selection: Selection, opened: list[QUrl], url: str
) -> None:
    widget = _link_panel(qtbot, selection, url, opened)
    assert "<a href" not in widget.browser.toHtml().split("<body", 1)[1]
    click_text(qtbot, widget, "The report")
    assert opened == []


@pytest.mark.parametrize(
    "url",
    [
        QUrl("javascript:alert(1)"),
        QUrl("file:///etc/passwd"),
        QUrl("data:text/html,hi"),
        QUrl("event:no-such-event"),
    ],
)
def test_anchor_handler_ignores_other_schemes(
    qtbot: QtBot, selection: Selection, opened: list[QUrl], url: QUrl
) -> None:
    # Even if such an anchor reached the browser, clicking it does nothing.
    widget = _link_panel(qtbot, selection, "https://example.org/", opened)
    widget.browser.anchorClicked.emit(url)
    assert opened == []
    assert selection.event_id == "e"


def test_anchor_handler_opens_web_urls(
    qtbot: QtBot, selection: Selection, opened: list[QUrl]
) -> None:
    widget = _link_panel(qtbot, selection, "https://example.org/", opened)
    widget.browser.anchorClicked.emit(QUrl("HTTPS://example.net/x"))
    assert [u.host() for u in opened] == ["example.net"]


def _hostile_timeline() -> Timeline:
    data: dict[str, Any] = {
        "schema_version": 1,
        "id": "hostile",
        "title": HOSTILE_TEXT,
        "language": "en",
        "sources": [
            {
                "id": "s",
                "title": f"source {HOSTILE_TEXT}",
                "publisher": f"pub {HOSTILE_TEXT}",
                "url": 'https://example.org/"><img src=y>',
            }
        ],
        "actors": [
            {"id": "a", "kind": "person", "name": f"actor {HOSTILE_TEXT}", "role": HOSTILE[0]}
        ],
        "events": [
            {
                "id": "e",
                "kind": "statement",
                "title": f"title {HOSTILE_TEXT}",
                "date": {"precision": "day", "start": "2025-06-01", "note": HOSTILE_TEXT},
                "status": "announced",
                "participants": ["a"],
                "places": [HOSTILE_TEXT],
                "summary": f"summary {HOSTILE_TEXT}",
                "claims": [
                    {"by": "a", "text": f"claim {HOSTILE_TEXT}", "verification": "disputed"}
                ],
                "sources": ["s"],
                "related": ["f"],
            },
            {
                "id": "f",
                "kind": "other",
                "title": f"related {HOSTILE_TEXT}",
                "date": {"precision": "year", "start": "2025"},
            },
        ],
        "quotes": [
            {
                "id": "q",
                "speaker": "a",
                "event": "e",
                "text": f"quote {HOSTILE_TEXT}",
                "language": "en",
                "mode": "direct",
                "translation": {"language": "de", "text": f"translation {HOSTILE_TEXT}"},
            }
        ],
    }
    return Timeline.validate(data)


def test_model_text_is_never_markup(qtbot: QtBot, selection: Selection) -> None:
    widget = DetailsPanel(selection)
    qtbot.addWidget(widget)
    widget.set_timeline(_hostile_timeline())
    widget.set_show_translations(True)
    selection.select("e")
    text = strip_isolates(widget.plain_text())
    for label in ("title", "summary", "claim", "quote", "translation", "related", "source"):
        assert f"{label} {HOSTILE_TEXT}" in text, label
    assert f"actor {HOSTILE_TEXT}" in text
    assert f"pub {HOSTILE_TEXT}" in text
    assert f"\u201c{HOSTILE_TEXT}\u201d" in text  # the date's note
    document_html = widget.browser.toHtml()
    assert "<img" not in document_html
    assert 'href="http://evil' not in document_html
    assert "&lt;img src=y&gt;" in document_html
    # The summary is plain text: no character of it is bold, an anchor or an image.
    found = widget.browser.document().find(f"summary {HOSTILE_TEXT}")
    assert not found.isNull()
    cursor = QTextCursor(widget.browser.document())
    for position in range(found.selectionStart() + 1, found.selectionEnd() + 1):
        cursor.setPosition(position)
        fmt = cursor.charFormat()
        assert fmt.fontWeight() <= 400, position
        assert not fmt.isAnchor(), position
        assert not fmt.isImageFormat(), position


def test_hostile_text_makes_no_anchors(qtbot: QtBot, selection: Selection) -> None:
    widget = DetailsPanel(selection)
    qtbot.addWidget(widget)
    widget.set_timeline(_hostile_timeline())
    widget.set_show_translations(True)
    selection.select("e")
    document = widget.browser.document()
    anchors: set[str] = set()
    names: set[str] = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                anchors.add(fmt.anchorHref())
            names.update(fmt.anchorNames())
            it += 1
        block = block.next()
    # Only the panel's own links: the related event. The source's address has a
    # space in it (and markup): it is no address at all, and is not linked.
    assert anchors == {"event:f"}
    # And its own places: one per quote, one per source.
    assert names <= {f"quote-{quote.id}" for quote in _hostile_timeline().quotes} | {"source-1"}


def test_text_from_data_is_isolated_against_bidi_overrides(
    qtbot: QtBot, selection: Selection, bundled_data: dict[str, Any]
) -> None:
    """A right-to-left override (U+202E) in a title cannot reverse the pane's own words."""
    data = bundled_data
    event = next(e for e in data["events"] if e["id"] == "call-2025-06-04")
    event["title"] = "\u202eAnruf"
    event["summary"] = "Zusammenfassung \u2069\u202e mit verirrtem PDI"
    event["claims"][0]["text"] = "\u202a\u202eohne Ende"
    widget = DetailsPanel(selection)
    qtbot.addWidget(widget)
    widget.set_timeline(Timeline.validate(data))
    selection.select("call-2025-06-04")
    lines = widget.plain_text().splitlines()
    assert lines[0] == "\u2068\u202eAnruf\u2069"
    assert "\u2068Zusammenfassung \u202e mit verirrtem PDI\u2069" in lines
    assert any("\u2068\u202a\u202eohne Ende\u2069 " in line for line in lines)
    assert "When: 4 June 2025" in widget.plain_text()  # the app's own words stay as they are


class _Ampersands(QTranslator):
    """A translation whose words hold HTML's own characters."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return {"When:": "Wann <&> wo:", "Kind:": "<b>Art</b>:"}.get(source, "")


def test_translated_words_are_text_not_markup(
    panel: DetailsPanel, selection: Selection, qapp: QApplication
) -> None:
    translator = _Ampersands()
    qapp.installTranslator(translator)
    try:
        selection.select("call-2025-06-04")
        text = panel.plain_text()
    finally:
        qapp.removeTranslator(translator)
    assert "Wann <&> wo:" in text
    assert "<b>Art</b>:" in text


def test_a_filter_that_hides_the_event_shown_clears_the_details(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    details = window.details
    window.selection.select("leaders-summit-proposed")  # talks
    menu_action(window, "Kind", "Talks").trigger()  # keeps it: it stays
    assert details.current_event_id == "leaders-summit-proposed"
    assert window.events_table.selected_event_id() == "leaders-summit-proposed"
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    window.selection.select("drone-strike-2025-06-01")  # an attack
    menu_action(window, "Kind", "Talks").trigger()  # hides it
    assert window.selection.event_id is None
    assert details.current_event_id is None
    assert strip_isolates(details.plain_text()) == PLACEHOLDER
    assert window.events_table.selected_event_id() is None
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert details.current_event_id is None  # nothing comes back by itself


def test_a_source_cited_by_several_quotes_is_listed_once(
    qtbot: QtBot, panel: DetailsPanel, selection: Selection, bundled: Timeline
) -> None:
    event = bundled.events_by_id["call-2025-06-04"]
    quotes = bundled.quotes_by_event[event.id]
    assert len(quotes) > 1
    assert {q.source for q in quotes} == {"article"}  # all from the one report
    panel.resize(700, 300)
    selection.select(event.id)
    text = strip_isolates(panel.plain_text())
    article = bundled.sources_by_id["article"].title
    assert text.count(article) == 1  # in the Sources list only
    sources = text[text.index("Sources") :]
    numbered = [f"[{n}] {bundled.sources_by_id[s].title}" for n, s in enumerate(event.sources, 1)]
    assert [line in sources for line in numbered] == [True] * len(event.sources)
    # Each quote points at its source by number; the number leads to the list.
    citing = len(quotes) + sum(c.source == "article" for c in event.claims)
    assert text.count("[1]") == citing + 1  # and once in the list
    browser = panel.browser
    listed = browser.document().find("[1]", browser.document().find("Sources"))
    assert not listed.isNull()

    def in_view() -> bool:
        return browser.viewport().rect().contains(browser.cursorRect(listed).center())

    at = anchor_point(panel, "[1]")  # the first quote or claim that cites it
    assert not in_view()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert in_view()
