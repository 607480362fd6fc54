"""TimelineJS slides as the model's events, eras and the timeline's title (Qt-free)."""

from __future__ import annotations

from typing import Any

from viewer.domain.model import MAX_ITEMS
from viewer.domain.words import number, translate
from viewer.importers.common import Ids, ImportReport, long_text, make_id, name, tag, title
from viewer.importers.html_text import Link, iframe_source, read_html
from viewer.importers.timelinejs.fields import Bad, kind_of, object_in, text_in
from viewer.importers.timelinejs.report import Tally
from viewer.importers.timelinejs.slide_dates import date_of
from viewer.importers.timelinejs.sources import (
    Sources,
    bare_links,
    only_an_address,
    web_address,
)

# How many of the text's first words title a slide without a headline.
TITLE_WORDS = 12


def _title(text: str | None) -> str:
    return title(read_html(text).text) if text else ""


def title_slide(slide: Any, report: ImportReport, sources: Sources) -> tuple[str, str]:
    """The title slide's headline and text: the timeline's title and description.
    Its media (and the links in its caption and credit) are among the
    timeline's sources, cited by no event."""
    if slide is None:
        return "", ""
    if not isinstance(slide, dict):
        report.problem(
            "title",
            translate("importers", "expected an object, found {0}; left out").format(
                kind_of(slide)
            ),
        )
        return "", ""
    text = object_in(slide, "text", "title", report)
    headline = text_in(text, "headline", "title.text", report)
    body = text_in(text, "text", "title.text", report)
    media = object_in(slide, "media", "title", report)
    if media:
        _, _, links = _media(media, "title.media", "title", sources, report)
        for link in links:
            sources.link(link)
    return _title(headline), long_text(read_html(body).text)


def eras_of(eras: Any, report: ImportReport, tally: Tally) -> list[dict[str, Any]]:
    if eras is None:
        return []
    if not isinstance(eras, list):
        report.problem(
            "eras",
            translate("importers", "expected a list, found {0}; left out").format(kind_of(eras)),
        )
        return []
    written: list[dict[str, Any]] = []
    for i, era in enumerate(eras):
        here = f"eras[{i}]"
        if len(written) == MAX_ITEMS:
            report.problem(
                here,
                translate("importers", "a timeline holds at most {0} eras; left out").format(
                    number(MAX_ITEMS)
                ),
            )
            continue
        try:
            if not isinstance(era, dict):
                raise Bad(
                    here,
                    translate("importers", "expected an object, found {0}").format(kind_of(era)),
                )
            date = date_of(era, here, report, tally, end_kept=False)
            text = object_in(era, "text", here, report)
            headline = _title(text_in(text, "headline", f"{here}.text", report))
        except Bad as bad:
            report.problem(
                bad.where, translate("importers", "{0}; the era is left out").format(bad.message)
            )
            continue
        written.append({"title": headline or f"Era {i + 1}", "date": date})
    return written


def event_of(
    slide: Any, i: int, ids: Ids, sources: Sources, report: ImportReport, tally: Tally
) -> dict[str, Any]:
    here = f"events[{i}]"
    if not isinstance(slide, dict):
        raise Bad(
            here, translate("importers", "expected an object, found {0}").format(kind_of(slide))
        )
    date = date_of(slide, here, report, tally, end_kept=True)

    unique = text_in(slide, "unique_id", here, report).strip()
    event_id = ids.unique(make_id(unique) if unique else f"event-{i + 1}")

    text = object_in(slide, "text", here, report)
    headline = read_html(text_in(text, "headline", f"{here}.text", report))
    body = read_html(text_in(text, "text", f"{here}.text", report))
    paragraphs = [body.text] if body.text else []
    links = [*headline.links, *body.links]

    cited: list[str] = []
    media = object_in(slide, "media", here, report)
    if media:
        cited_media, more_text, more_links = _media(
            media, f"{here}.media", event_id, sources, report
        )
        cited.extend(cited_media)
        if more_text:
            paragraphs.append(more_text)
            tally.html_media += 1
        links.extend(more_links)
    for link in links:
        source = sources.link(link)
        if source is not None and source not in cited:
            cited.append(source)

    summary = long_text("\n\n".join(paragraphs))
    heading = title(headline.text)
    if not heading:
        heading = _first_words(summary)
        if heading:
            tally.from_text += 1
        else:
            #: The title given to a slide with neither headline nor text; {0} is
            #: its place in the file (the note on the import names it the same).
            heading = translate("importers", "Untitled event {0}").format(i + 1)
            tally.untitled += 1

    event: dict[str, Any] = {"id": event_id, "kind": "other", "title": heading, "date": date}
    if summary:
        event["summary"] = summary
    if cited:
        event["sources"] = cited[:MAX_ITEMS]
    # TimelineJS shows a group's label as HTML (TimeGroup.js sets innerHTML).
    group = tag(read_html(text_in(slide, "group", here, report)).text)
    if group:
        event["tags"] = [group]
        tally.groups[group] = None
    return event


def _media(
    media: dict[str, Any], here: str, event_id: str, sources: Sources, report: ImportReport
) -> tuple[list[str], str, list[Link]]:
    """The media's source (if it says anything), the text of HTML media, and the
    links: those in its caption and credit (written as links, or as bare
    addresses, which TimelineJS makes links of) and the one it links to."""
    written = text_in(media, "url", here, report).strip()
    caption = read_html(text_in(media, "caption", here, report))
    credit = read_html(text_in(media, "credit", here, report))
    alt = read_html(text_in(media, "alt", here, report))
    linked = text_in(media, "link", here, report).strip()
    links = [*caption.links, *credit.links, *bare_links(caption), *bare_links(credit)]
    shown = ""
    if written.startswith("<"):  # an embed written as HTML: a quote, an iframe
        embedded = read_html(written)
        shown = embedded.text
        links.extend(embedded.links)
        address = web_address(iframe_source(written) or "")  # what the iframe shows
    else:
        address = web_address(written)
    if linked and web_address(linked) != address:
        links.append(Link(linked, ""))
    # A credit that is only an address names no publisher: its link names the site.
    publisher = None if only_an_address(credit.text) else name(credit.text) or None
    heading = title(caption.text) or title(alt.text) or title(address) or title(credit.text)
    cited = [sources.media(event_id, heading, publisher, address)] if heading else []
    return cited, shown, links


def _first_words(text: str) -> str:
    words = text.split()
    if not words:
        return ""
    head = " ".join(words[:TITLE_WORDS])
    return title(head + "\u2026" if len(words) > TITLE_WORDS else head)
