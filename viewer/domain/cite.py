"""Citations: a quote or an event with who, when and where from, as plain text and Markdown.

Qt-free. The plain text is for pasting anywhere; the Markdown is inert:
every piece of data in it is escaped (:func:`~viewer.domain.text.markdown_escape`),
so a title with ``[x](javascript:…)`` or ``<b>`` in it stays text. Addresses
become links only when they are http or https.

Neither holds a bidi isolate (U+2066–U+2069): pasted, they would stay in the
text, invisible, and a braille display shows them. Each piece of data is kept
from reordering what follows it by closing its own embeddings and overrides
instead (:func:`~viewer.domain.text.bidi_contained`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from viewer.domain.describe import describe_date
from viewer.domain.model import Event, Quote, QuoteMode, Source
from viewer.domain.text import bidi_contained, markdown_escape, one_line
from viewer.domain.timeline import Timeline
from viewer.domain.words import translate

# Opening and closing quotation marks by primary language subtag.
QUOTATION_MARKS: dict[str, tuple[str, str]] = {
    "de": ("\u201e", "\u201c"),  # „…“
    "en": ("\u201c", "\u201d"),  # “…”
    "fr": ("\u00ab\u202f", "\u202f\u00bb"),  # « … »
    "ru": ("\u00ab", "\u00bb"),  # «…»
    "uk": ("\u00ab", "\u00bb"),
    "pl": ("\u201e", "\u201d"),  # „…”
}
_DEFAULT_MARKS = QUOTATION_MARKS["de"]
# Controls (C0, DEL, C1) and the bidi controls: never part of an address shown.
_UNSAFE = frozenset(
    [chr(c) for c in range(0x20)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def quotation_marks(language: str) -> tuple[str, str]:
    """The opening and closing quotation marks of a language tag."""
    return QUOTATION_MARKS.get(language.split("-")[0].lower(), _DEFAULT_MARKS)


def web_url(url: str | None) -> str | None:
    """``url`` stripped, if it is an http or https address with a host; else None."""
    if not url:
        return None
    url = url.strip()
    # urlsplit drops tabs and newlines itself: an address with any whitespace or
    # control character in it is refused here, not cleaned into something else.
    if any(char.isspace() or char in _UNSAFE for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    ok = parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    return url if ok else None


@dataclass(frozen=True, slots=True)
class Citation:
    """One thing to paste: the same citation as plain text and as Markdown."""

    plain: str
    markdown: str


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _one_line(text: str) -> str:
    """Data on one line, with no control characters (a pasted escape must not act),
    no isolates, and its embeddings and overrides closed (it cannot reorder the rest)."""
    return bidi_contained(one_line(_CONTROLS.sub(" ", text)))


def source_words(source: Source) -> str:
    """A source on one line: title, publisher, publication date, web address."""
    parts = [_one_line(source.title)]
    if source.publisher:
        parts.append(_one_line(source.publisher))
    if source.published is not None:
        parts.append(describe_date(source.published))
    url = web_url(source.url)
    return ", ".join(parts) + (f", {url}" if url else "")


def _source_markdown(source: Source) -> str:
    title = markdown_escape(_one_line(source.title))
    url = web_url(source.url)
    # In a link's destination only "<", ">" and spaces could end it early: an
    # address in angle brackets with those percent-encoded stays one link.
    text = f"[{title}](<{_link(url)}>)" if url else title
    extra = []
    if source.publisher:
        extra.append(markdown_escape(_one_line(source.publisher)))
    if source.published is not None:
        extra.append(markdown_escape(describe_date(source.published)))
    return ", ".join([text, *extra])


def _link(url: str) -> str:
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _sources(timeline: Timeline, ids: list[str]) -> list[Source]:
    found = []
    for source_id in dict.fromkeys(ids):
        source = timeline.sources_by_id.get(source_id)
        if source is not None:
            found.append(source)
    return found


def _speaker(timeline: Timeline, actor_id: str) -> str:
    actor = timeline.actors_by_id.get(actor_id)
    return _one_line(actor.name) if actor is not None else actor_id


def _source_line(source: str) -> str:
    #: In a copied citation: {0} is a source (outlet, title, date, address).
    return translate("cite", "Source: {0}").format(source)


def cite_quote(timeline: Timeline, quote: Quote) -> Citation:
    """The quote in its marks (a reported one as the source's paraphrase), its
    translation, who said it and when, at which event, and the source."""
    event = timeline.events_by_id.get(quote.event)
    opening, closing = quotation_marks(quote.language)
    words = _one_line(quote.text)
    said = f"{opening}{words}{closing}" if quote.mode is QuoteMode.DIRECT else words
    speaker = _speaker(timeline, quote.speaker)
    if quote.mode is QuoteMode.REPORTED:
        #: In a copied citation: {0} is the speaker of a quote in reported speech.
        speaker = translate("cite", "{0} (reported speech)").format(speaker)
    when = f", {describe_date(event.date)}" if event is not None else ""
    at = f" ({_one_line(event.title)})" if event is not None else ""
    ids = [quote.source] if quote.source else (list(event.sources) if event is not None else [])
    sources = _sources(timeline, ids)

    plain = [said]
    if quote.translation is not None:
        language = _one_line(quote.translation.language)
        plain.append(f"[{language}] {_one_line(quote.translation.text)}")
    plain.append(f"\u2014 {speaker}{when}{at}")
    plain += [_source_line(source_words(source)) for source in sources]

    md_said = markdown_escape(said)
    markdown = [f"> {md_said}"]
    if quote.translation is not None:
        language = markdown_escape(_one_line(quote.translation.language))
        translated = markdown_escape(_one_line(quote.translation.text))
        markdown += [">", f"> \\[{language}\\] {translated}"]
    by = markdown_escape(f"{speaker}{when}{at}")
    markdown += [">", f"> \u2014 {by}"]
    if sources:
        markdown.append("")
        markdown += [_source_line(_source_markdown(source)) + "  " for source in sources]
    return Citation("\n".join(plain), "\n".join(line.rstrip() for line in markdown) + "\n")


def cite_event(timeline: Timeline, event: Event) -> Citation:
    """The event's title and date, its summary, and its sources."""
    title, when = _one_line(event.title), describe_date(event.date)
    sources = _sources(timeline, list(event.sources))
    plain = [f"{title} ({when})"]
    if event.summary:
        plain.append(_one_line(event.summary))
    plain += [_source_line(source_words(source)) for source in sources]
    markdown = [f"**{markdown_escape(title)}** ({markdown_escape(when)})"]
    if event.summary:
        markdown += ["", markdown_escape(_one_line(event.summary))]
    if sources:
        markdown.append("")
        markdown += [_source_line(_source_markdown(source)) + "  " for source in sources]
    return Citation("\n".join(plain), "\n".join(line.rstrip() for line in markdown) + "\n")
