"""A timeline as a TimelineJS3 JSON file a newsroom can publish (Qt-free).

``{"title": slide, "events": [slide], "eras": [era]}``, as
https://timeline.knightlab.com/docs/json-format.html describes it; importing
the file again (:mod:`~viewer.importers.timelinejs.convert`) gives the same
events: ids, titles, dates, summaries and the sources' web addresses.

- **Title slide**: the timeline's title as the headline, its description as
  the text.
- **Slides**: one per event, in file order (TimelineJS sorts them by date).
  ``unique_id`` is the event's id, the headline its title, the text its
  summary, a ``<p>`` per paragraph and a ``<br>`` per line break. The dates
  are told in :mod:`~viewer.importers.timelinejs.write_dates`.
- **Plain text stays plain**: TimelineJS shows headline, text, caption and
  credit as HTML, so every text of the model is HTML-escaped: a ``<script>`` in
  a title reads as those characters and never runs. Only web addresses
  (http and https) become links.
- **Groups**: the lane the event stands in, as the viewer lays them out
  (by kind unless told otherwise: "Calls", "Attacks"): a newsroom wants a
  few rows that say what happened, and the reader sees the same rows in the
  viewer. An event in several lanes (two actors, two tags) is in its first,
  as TimelineJS gives a slide one group; one with no value (no tag, no
  actor) has no group. TimelineJS shows the group's label as HTML, so it is
  escaped too. The import reads a group as HTML, as a tag.
- **Media and credits**: the model has no media of its own; a source is the
  media when TimelineJS can show its address (a picture, a video or audio
  file, a PDF, YouTube, Vimeo, Wikipedia, …: :data:`SHOWN_MEDIA`), its title
  the caption, and the credit names every source of the event ("Sources:
  publisher, title; …", each linked to its address). TimelineJS shows a
  credit only under a media, and shows a news article's address as a broken
  picture; so an event with no such source gets no media, and its headline
  links to its first source with a web address instead.
- **Eras**: the model's eras, each with a start and an end (see
  :func:`~viewer.importers.timelinejs.write_dates.era_dates`).

What TimelineJS cannot hold is not written: kinds (but as groups), statuses,
participants, places, claims, quotes, actors, related events, fatalities,
coordinates, the dates' notes and sources, whether a date is approximate
(shown in ``display_date``), an open end (shown too), and a week as a week
(written as its days). As HTML, runs of white space within a line read as
one space, and more than one blank line between paragraphs as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from viewer.domain.dates import Precision
from viewer.domain.model import FuzzyDate, Source
from viewer.domain.perf import paused_gc
from viewer.domain.timeline import Timeline
from viewer.domain.words import translate
from viewer.importers.common import url
from viewer.importers.timelinejs.write_dates import era_dates, slide_dates
from viewer.persistence.atomic import atomic_write_bytes
from viewer.timeline.filters import Mask
from viewer.timeline.lanes import (
    NO_VALUE_KEY,
    LaneChoice,
    arranged,
    facet_lanes,
    sorted_lanes,
)

# The addresses TimelineJS shows as media itself (after its own list of media
# types, src/js/media/MediaType.js); any other address it would try as a picture.
SHOWN_MEDIA: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^https?://[^?#]+\.(jpe?g|png|gif|svg|webp|mp4|webm|mp3|wav|m4a|pdf)([?#].*)?$",
        r"^https?://((www|m)\.)?(youtube\.com|youtu\.be)/",
        r"^https?://(www\.|player\.)?vimeo\.com/",
        r"^https?://(www\.)?dailymotion\.com/",
        r"^https?://(www\.)?soundcloud\.com/",
        r"^https?://(www\.)?flickr\.com/photos/",
        r"^https?://([a-z]{2,3}\.)?(m\.)?wikipedia\.org/wiki/",
        r"^https?://(www\.)?documentcloud\.org/",
        r"^https?://open\.spotify\.com/",
    )
)


class _Event(msgspec.Struct):
    """What a slide shows of an event."""

    id: str
    title: str
    date: FuzzyDate
    summary: str = ""
    sources: list[str] = msgspec.field(default_factory=list)


_EVENTS = msgspec.json.Decoder(list[_Event], dec_hook=lambda _type, value: _fuzzy(value))


def _fuzzy(value: Any) -> FuzzyDate:
    """A validated record's date as the model's (constructed: it was checked on loading)."""
    fields = dict(value)
    fields["precision"] = Precision(fields["precision"])
    return FuzzyDate.model_construct(**fields)


# What must not stand in an address TimelineJS may write into HTML as it is.
_UNSAFE_IN_HTML = re.compile(r"[\"'<>`\\]")


class NoEventToWrite(ValueError):
    """There is no event to write (the filters keep none, or the timeline has none)."""


def timelinejs_document(
    timeline: Timeline, *, lanes: LaneChoice | None = None, mask: Mask | None = None
) -> dict[str, Any]:
    """``timeline`` as a TimelineJS3 document: the events ``mask`` keeps (all
    with None), grouped by the lanes ``lanes`` lays out (by kind with None)."""
    groups = _groups(timeline, lanes or LaneChoice(), mask)
    sources = timeline.sources_by_id
    slides = []
    with paused_gc():
        # What a slide needs of each event, read from the records straight (they
        # were validated when the file was loaded): a tenth of the time of models.
        events = timeline.events.decoded(0, len(timeline.events), _EVENTS)
        rows = range(len(events)) if mask is None else np.flatnonzero(mask).tolist()
        for row in rows:
            event = events[row]
            cited = [sources[s] for s in event.sources if s in sources]
            slides.append(_slide(event, cited, groups.get(row)))
    title: dict[str, Any] = {"text": {"headline": escape(timeline.title)}}
    if timeline.description:
        title["text"]["text"] = html_paragraphs(timeline.description)
    document: dict[str, Any] = {"title": title, "events": slides}
    if timeline.eras:
        document["eras"] = [
            {**era_dates(era.date), "text": {"headline": escape(era.title)}}
            for era in timeline.eras
        ]
    return document


def write_timelinejs(
    timeline: Timeline, path: Path, *, lanes: LaneChoice | None = None, mask: Mask | None = None
) -> int:
    """Write ``timeline`` to ``path`` as TimelineJS3 JSON, atomically (a failed
    write leaves ``path`` as it was); how many events were written. Raises
    ``OSError`` when it cannot be written and :class:`NoEventToWrite` when
    there is no event (TimelineJS needs one), writing nothing then."""
    document = timelinejs_document(timeline, lanes=lanes, mask=mask)
    if not document["events"]:
        raise NoEventToWrite(
            translate("importers", "no event to write: a TimelineJS timeline needs one at least")
        )
    text = msgspec.json.format(msgspec.json.encode(document), indent=2) + b"\n"
    atomic_write_bytes(path, text, mode=0o644)  # a file to publish: rw-r--r--
    return len(document["events"])


def html_paragraphs(text: str) -> str:
    """Plain ``text`` as HTML that shows it: escaped, a ``<p>`` per paragraph
    (blank-line separated), a ``<br>`` per line break."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def _slide(event: _Event, cited: Sequence[Source], group: str | None) -> dict[str, Any]:
    slide: dict[str, Any] = {"unique_id": event.id, **slide_dates(event.date)}
    headline = escape(event.title)
    media = _media(cited)
    if media is None:
        linked = next((s for s in cited if url(s.url)), None)
        if linked is not None:
            headline = _link(str(linked.url), headline)
    text: dict[str, str] = {"headline": headline}
    if event.summary:
        text["text"] = html_paragraphs(event.summary)
    slide["text"] = text
    if media is not None:
        slide["media"] = media
    if group:
        slide["group"] = escape(group)  # TimelineJS shows a group's label as HTML
    return slide


def _media(cited: Sequence[Source]) -> dict[str, str] | None:
    """The media of an event citing ``cited``: the first source TimelineJS can
    show, credited with all of them; None when none can be shown."""
    shown = next((s for s in cited if shown_media(s.url)), None)
    if shown is None:
        return None
    media = {"url": str(shown.url), "caption": escape(shown.title), "credit": credit(cited)}
    if _only_an_address(shown.title):
        # A title that is only an address (as an import names a media with no
        # caption) would be linked by TimelineJS, cut at its first "(".
        del media["caption"]
    return media


def _only_an_address(text: str) -> bool:
    return not any(c.isspace() for c in text.strip()) and url(text.strip()) is not None


def shown_media(address: str | None) -> bool:
    """Whether TimelineJS shows ``address`` as media (see :data:`SHOWN_MEDIA`).
    An address holding a quote mark, an angle bracket or a backslash is not
    offered: some of TimelineJS's media put the address into HTML unescaped."""
    kept = url(address)
    return (
        kept is not None
        and not _UNSAFE_IN_HTML.search(kept)
        and any(pattern.match(kept) for pattern in SHOWN_MEDIA)
    )


def credit(cited: Sequence[Source]) -> str:
    """The credit line naming ``cited`` (HTML): "Source: publisher, title",
    each linked to its web address."""
    named = []
    for source in cited:
        words = escape(", ".join(w for w in (source.publisher, source.title) if w))
        address = url(source.url)
        named.append(_link(address, words) if address else words)
    if len(named) == 1:
        #: A TimelineJS slide's credit line under its media; {0} is the source (a link).
        return translate("importers", "Source: {0}").format(named[0])
    #: A TimelineJS slide's credit line under its media; {0} lists the sources (links).
    return translate("importers", "Sources: {0}").format("; ".join(named))


def _link(address: str, html: str) -> str:
    return f'<a href="{escape(address)}">{html}</a>'


def _groups(timeline: Timeline, lanes: LaneChoice, mask: Mask | None) -> dict[int, str]:
    """Each event's group (by table row): the title of the first lane it stands in."""
    laid_out = facet_lanes(timeline, lanes.facet, mask)
    if lanes.order is not None:
        laid_out = sorted_lanes(laid_out, lanes.order)
    groups: dict[int, str] = {}
    for lane in arranged(laid_out, lanes.moved):
        for row in lane.rows.tolist():
            groups.setdefault(row, lane.title)
    # An event with no value of the facet ("No tag") has no group, as a slide
    # without one; a TimelineJS file's ungrouped slides stay ungrouped.
    no_value = {row for lane in laid_out if lane.key == NO_VALUE_KEY for row in lane.rows.tolist()}
    return {row: group for row, group in groups.items() if row not in no_value}
