"""Text that leaves the app (the clipboard) or is read out holds no bidi isolate,
and data in it still cannot reorder what follows it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from viewer.domain.cite import cite_event, cite_quote
from viewer.domain.text import (
    bidi_contained,
    isolate,
    markdown_escape,
    markdown_text,
    without_isolates,
)
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline

LRE, RLE, PDF, RLO = "\u202a", "\u202b", "\u202c", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ISOLATES = re.compile("[\u2066-\u2069]")


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return load_timeline(bundled_timeline())


def test_without_isolates_takes_out_every_isolate_control() -> None:
    assert without_isolates(f"{LRI}a{PDI} {RLI}b{PDI} {FSI}c{PDI}") == "a b c"
    assert without_isolates(isolate("Zeile 1\nZeile 2")) == "Zeile 1\nZeile 2"
    assert without_isolates(f"{RLO}x{PDF}") == f"{RLO}x{PDF}"  # not an isolate
    assert without_isolates("") == ""


@pytest.mark.parametrize(
    ("data", "contained"),
    [
        ("plain", "plain"),
        # An override left open is closed where the data ends.
        (f"a{RLO}b", f"a{RLO}b{PDF}"),
        # A PDF with nothing to close is dropped: it could close the text's own.
        (f"a{PDF}b", "ab"),
        # The data's isolates become the embeddings nearest to them; a PDI closes
        # what was opened inside its isolate too.
        (f"x {RLI}{RLO}y{PDI} z", f"x {RLE}{RLO}y{PDF}{PDF} z"),
        (f"{LRI}a{PDI}", f"{LRE}a{PDF}"),
        # FSI: as its first strong character goes (Hebrew alef: right to left).
        (f"{FSI}1 \u05d0b{PDI}", f"{RLE}1 \u05d0b{PDF}"),
        (f"{FSI}b \u05d0{PDI}", f"{LRE}b \u05d0{PDF}"),
        (f"{FSI}{LRI}b{PDI}\u05d0{PDI}", f"{RLE}{LRE}b{PDF}\u05d0{PDF}"),  # inner isolate skipped
        # A stray PDI is dropped; an isolate left open is closed at the end.
        (f"a{PDI}b{RLI}c", f"ab{RLE}c{PDF}"),
        # A PDF inside an isolate cannot close it.
        (f"{RLI}a{PDF}b{PDI}", f"{RLE}ab{PDF}"),
        # Each paragraph on its own (a bidi state ends at a line break).
        (f"{RLO}a\nb{PDF}", f"{RLO}a{PDF}\nb"),
    ],
)
def test_bidi_contained(data: str, contained: str) -> None:
    assert bidi_contained(data) == contained
    assert ISOLATES.search(bidi_contained(data)) is None


def test_markdown_escape_is_markdown_text_without_its_isolates() -> None:
    hostile = "[klick](javascript:x) <b> *y* 1. www.example.org"
    assert markdown_text(hostile) == isolate(markdown_escape(hostile))
    assert ISOLATES.search(markdown_escape(hostile)) is None


def test_no_citation_of_the_bundled_timeline_holds_an_isolate(bundled: Timeline) -> None:
    citations = [cite_event(bundled, event) for event in bundled.events]
    citations += [cite_quote(bundled, quote) for quote in bundled.quotes]
    assert len(citations) > 20
    for citation in citations:
        assert ISOLATES.search(citation.plain + citation.markdown) is None


def test_a_citation_keeps_datas_overrides_to_the_data(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["title"] = f"Anruf {RLO}verkehrt"
    minimal["actors"][0]["name"] = f"{FSI}Anna{PDI}"
    timeline = Timeline.validate(minimal)
    event = cite_event(timeline, timeline.events_by_id["e1"])
    assert event.plain.splitlines()[0] == f"Anruf {RLO}verkehrt{PDF} (4 June 2025)"
    assert event.markdown.startswith(f"**Anruf {RLO}verkehrt{PDF}** (4 June 2025)")
    quote = cite_quote(timeline, timeline.quotes_by_id["q1"])
    assert f"\u2014 {LRE}Anna{PDF}, 4 June 2025 (Anruf {RLO}verkehrt{PDF})" in quote.plain
    assert ISOLATES.search(quote.plain + quote.markdown + event.markdown) is None
