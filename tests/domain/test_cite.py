"""Citations of quotes and events: who, when, where from; plain text and inert Markdown."""

from __future__ import annotations

import re
from typing import Any

import pytest

from viewer.domain.cite import cite_event, cite_quote, web_url
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline

F, P = "\u2068", "\u2069"


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return load_timeline(bundled_timeline())


def plain_markdown(text: str) -> str:
    return text.replace(F, "").replace(P, "")


def test_a_direct_quote_in_its_marks_with_speaker_date_event_and_source(
    bundled: Timeline,
) -> None:
    quote = bundled.quotes_by_id["q-wadephul-3"]
    citation = cite_quote(bundled, quote)
    lines = citation.plain.splitlines()
    assert lines[0] == f"\u201e{quote.text}\u201c"  # German marks: „…“
    assert lines[1].startswith("[en] ")
    assert lines[2] == (
        "\u2014 Johann Wadephul, 4 June 2025 "
        "(Sikorski in Berlin: gemeinsame Pressekonferenz mit Wadephul)"
    )
    assert lines[3].startswith("Source: Deutschsprachiger Nachrichtenbericht vom Juni 2025")
    markdown = plain_markdown(citation.markdown)
    assert markdown.startswith(f"> \u201e{quote.text}\u201c\n")
    assert "> \u2014 Johann Wadephul, 4 June 2025" in markdown
    assert "\nSource: Deutschsprachiger Nachrichtenbericht" in markdown


def test_reported_speech_is_said_so_and_has_no_marks(bundled: Timeline) -> None:
    quote = bundled.quotes_by_id["q-selenskyj-4"]
    plain = cite_quote(bundled, quote).plain
    assert plain.splitlines()[0] == quote.text
    assert "\u2014 Wolodymyr Selenskyj (reported speech), from 9 June 2025 on" in plain


def test_an_event_with_its_summary_and_linked_sources(bundled: Timeline) -> None:
    citation = cite_event(bundled, bundled.events_by_id["call-2025-06-04"])
    assert citation.plain.splitlines()[0] == "Telefonat zwischen Trump und Putin (4 June 2025)"
    assert "Source: Interfax-Ukraine: Meldung" in citation.plain
    assert "https://interfax.com.ua/news/general/1077445.html" in citation.plain
    markdown = plain_markdown(citation.markdown)
    assert markdown.startswith("**Telefonat zwischen Trump und Putin** (4 June 2025)")
    assert "](<https://interfax.com.ua/news/general/1077445.html>)" in markdown


def test_markdown_from_hostile_data_stays_text(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["title"] = "[klick](javascript:alert(1)) <b>fett</b> *x*"
    minimal["sources"][0]["title"] = "# Quelle"  # a control character is refused on load
    minimal["sources"][0]["url"] = "javascript:alert(1)"
    minimal["sources"].append({"id": "web", "title": "Web", "url": "https://example.org/a<b>c)"})
    minimal["events"][0]["sources"] = ["src", "web"]
    timeline = Timeline.validate(minimal)
    citation = cite_event(timeline, timeline.events_by_id["e1"])
    markdown = plain_markdown(citation.markdown)
    assert "\\[klick\\](javascript:alert(1)) \\<b\\>fett\\</b\\> \\*x\\*" in markdown
    assert re.search(r"(?<!\\)\]\(javascript", markdown) is None  # no live link
    assert "\\# Quelle" in markdown
    assert "[Web](<https://example.org/a%3Cb%3Ec)>)" in markdown
    assert "javascript:alert(1)\n" not in citation.plain + "\n"  # never shown as an address


def test_an_address_with_a_newline_or_a_control_is_no_address(minimal: dict[str, Any]) -> None:
    # A line separator (U+2028): a model's text holds no control character.
    minimal["sources"][0]["url"] = "https://a.com/x\u2028[x](javascript:alert(1))"
    timeline = Timeline.validate(minimal)
    citation = cite_event(timeline, timeline.events_by_id["e1"])
    assert "javascript" not in citation.plain
    assert "javascript" not in citation.markdown
    assert web_url("https://a.com/x\n[x](javascript:alert(1))\x1b[31m") is None
    assert web_url("https://a.com/x y") is None
    assert web_url("https://a.com/\u202ex") is None


def test_web_url_takes_http_and_https_only() -> None:
    assert web_url(" https://example.org/x ") == "https://example.org/x"
    assert web_url("http://example.org") == "http://example.org"
    assert web_url("javascript:alert(1)") is None
    assert web_url("file:///etc/passwd") is None
    assert web_url("https://") is None
    assert web_url(None) is None
