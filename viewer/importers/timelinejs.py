"""TimelineJS JSON (``{"title": slide, "events": [slide], "eras": [era]}``) as a model file.

How a slide becomes an event:

- **Dates.** The parts a date gives set its precision: a year alone is a
  ``year``, with a month a ``month``, with a day a ``day``, with an hour (and
  minute) a ``minute``. Parts may be numbers or strings (``"year": "2012"``, as
  the TimelineJS spreadsheet writes them); an empty string is a part not given.
  A finer part without the coarser one (a day without a month) is not read.
  TimelineJS times carry no time zone: they are written as UTC. Seconds and
  milliseconds are dropped, as the model's finest precision is the minute.
  Years before 1 (TimelineJS writes BCE years as negative numbers) and after
  9999 cannot be held by the model: such a slide is left out, with its path.
- **End.** An ``end_date`` later than the start is the event's end, written
  at the start's precision; when the two differ in precision both are written
  at the coarser one. An end equal to the start is left out; an end before
  the start, or one that cannot be read, is left out with a problem (the event
  is kept).
- **Text.** The headline (HTML) is the title as plain text; without one, the
  first words of the text, else "Untitled event N". The text is the summary,
  its paragraphs kept. ``display_date`` is the date's note.
- **Sources.** The media is a source: its caption (or alt text, or URL) the
  title, its credit the publisher, its URL the source's address when it is a
  web address (a protocol-relative ``//host/...`` is read as https); a caption
  or credit is kept even when the media is no web address (a YouTube id, an
  image path). Media given as HTML (a ``<blockquote>``) adds its text to the
  summary. Every web link in the headline, text, caption and credit is a
  source too, one per address, titled with the link's text.
- **Groups.** A TimelineJS group is a row of the timeline. This app's lanes
  are its fixed kinds of event, so a group becomes one of the event's tags.
- **Kinds.** TimelineJS has none: every event is ``other``.
- **Ids.** A slide's ``unique_id`` is its event's id (made valid and unique),
  else ``event-N`` for the Nth slide.

The title slide gives the timeline's title and description, eras become the
timeline's eras. TimelineJS has no language field: the timeline is ``en``.

A file that is no TimelineJS timeline at all (not JSON, not an object, no
``events``, no event that can be read), or one over 64 MiB, raises
:class:`~viewer.importers.common.ImportFailed`. Anything smaller is left out
with its JSON path (``events[4].start_date.year: ...``) in the report, and the
import goes on.
"""

from __future__ import annotations

import calendar
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from viewer.domain.dates import Precision, quoted
from viewer.domain.model import MAX_DATE_NOTE, MAX_ITEMS
from viewer.domain.progress import Progress, no_progress
from viewer.domain.words import QT_TRANSLATE_NOOP, number, translate
from viewer.importers.common import (
    Ids,
    ImportFailed,
    ImportProblem,
    ImportReport,
    ModelWriter,
    long_text,
    make_id,
    name,
    plain,
    tag,
    title,
    url,
)
from viewer.importers.common import (
    timeline_id as common_timeline_id,
)
from viewer.importers.common import title as title_text
from viewer.importers.html_text import Link, checking, read_html
from viewer.persistence.paths import not_a_file

LANGUAGE = "en"
# Larger TimelineJS files are refused before they are read, as model files are.
# TimelineJS shows every slide in a browser: its timelines are kilobytes to a few
# megabytes, and 64 MiB is 140,000 slides like Houston's (10 s to import). The
# document is parsed whole, several times its size in memory: gigabytes beyond.
# ("#", not "#:": lupdate would take it for a note to the translators.)
MAX_TIMELINEJS_BYTES = 64 * 1024 * 1024
_MIB = 1024 * 1024
#: How many of the text's first words title a slide without a headline.
TITLE_WORDS = 12
_WHOLE_NUMBER = re.compile(r"[+-]?\d{1,12}", re.ASCII)
#: The date parts TimelineJS gives, coarsest first, with the range of each.
_CHAIN: tuple[tuple[str, int, int], ...] = (
    ("month", 1, 12),
    ("day", 1, 31),
    ("hour", 0, 23),
    ("minute", 0, 59),
)
_FINE = (("second", 0, 59), ("millisecond", 0, 999))
#: The precisions a TimelineJS date can have, coarsest first.
_ORDER = (Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.MINUTE)
_PARTS = {Precision.YEAR: 1, Precision.MONTH: 2, Precision.DAY: 3, Precision.MINUTE: 5}
#: What is said of a date part out of its range (translated when said).
_NOT_A = {
    "month": QT_TRANSLATE_NOOP("importers", "{0} is not a month (from {1} to {2})"),
    "day": QT_TRANSLATE_NOOP("importers", "{0} is not a day (from {1} to {2})"),
    "hour": QT_TRANSLATE_NOOP("importers", "{0} is not a hour (from {1} to {2})"),
    "minute": QT_TRANSLATE_NOOP("importers", "{0} is not a minute (from {1} to {2})"),
    "second": QT_TRANSLATE_NOOP("importers", "{0} is not a second (from {1} to {2})"),
    "millisecond": QT_TRANSLATE_NOOP("importers", "{0} is not a millisecond (from {1} to {2})"),
}


class _Bad(Exception):
    """Something at ``where`` that cannot be read."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True, slots=True)
class _When:
    """A TimelineJS date as the model can hold it."""

    precision: Precision
    parts: tuple[int, ...]  # year, month, day, hour, minute: as many as the precision needs
    display: str
    dropped_seconds: bool
    gap: bool  # a finer part was given without a coarser one


@dataclass(slots=True)
class _Tally:
    """What the notes count."""

    minutes: int = 0
    seconds: int = 0
    gaps: int = 0
    coarsened: int = 0
    from_text: int = 0
    untitled: int = 0
    html_media: int = 0
    groups: dict[str, None] = field(default_factory=dict)


class _Sources:
    """The sources the events cite: one per web link, one per distinct media."""

    def __init__(self) -> None:
        self._ids = Ids()
        self._by_url: dict[str, str] = {}
        self._by_media: dict[tuple[str, str | None, str | None], str] = {}
        self.records: list[dict[str, Any]] = []

    def link(self, link: Link) -> str | None:
        address = web_address(link.href)
        if address is None:
            return None
        known = self._by_url.get(address)
        if known is not None:
            return known
        try:
            parts = urlsplit(address)
            host = parts.hostname
        except ValueError:  # "http://[oops/x": not an address after all
            return None
        where = (host or "") + parts.path.rstrip("/")
        said = title(link.text)
        record: dict[str, Any] = {
            "id": self._ids.unique(make_id(where or address)),
            "title": said if said and said != link.href.strip() else title(where or address),
        }
        if host:
            record["publisher"] = name(parts.hostname)
        record["url"] = address
        self.records.append(record)
        self._by_url[address] = record["id"]
        return str(record["id"])

    def media(self, event_id: str, title_: str, publisher: str | None, address: str | None) -> str:
        key = (title_, publisher, address)
        known = self._by_media.get(key)
        if known is not None:
            return known
        record: dict[str, Any] = {
            "id": self._ids.unique(make_id(event_id, prefix="media-")),
            "title": title_,
        }
        if publisher:
            record["publisher"] = publisher
        if address:
            record["url"] = address
        self.records.append(record)
        self._by_media[key] = record["id"]
        return str(record["id"])


def import_timelinejs(
    src: Path,
    out: Path,
    *,
    timeline_id: str | None = None,
    title: str | None = None,
    progress: Progress = no_progress,
) -> ImportReport:
    """Read the TimelineJS JSON ``src`` and write it to ``out`` as a model file.

    Raises :class:`~viewer.importers.common.ImportFailed` when nothing can be
    imported (``out`` is then left as it was); ``progress`` hears how far the
    events are (inside long HTML too, every 64 Ki characters) and may raise
    :class:`~viewer.domain.progress.LoadCancelled`, which leaves ``out`` as it
    was too.
    """
    document = _read_json(src)
    slides = _slides(document)
    report = ImportReport()
    tally = _Tally()
    at = 0.0  # how far the slides are

    def still_wanted() -> None:  # called inside long HTML: a cancel stops it there
        progress(at)

    with checking(still_wanted):
        header = _title_slide(document.get("title"), report)
        eras = _eras(document.get("eras"), report, tally)
    # The title given and the file's name are plain text, not HTML as slides are.
    heading = title_text(title) or header[0] or title_text(src.stem) or "Imported timeline"
    sources = _Sources()
    ids = Ids()
    first_bad: _Bad | None = None
    progress(0.0)
    try:
        with (
            checking(still_wanted),
            ModelWriter(
                out,
                timeline_id=common_timeline_id(timeline_id, src, "timeline"),
                title_=heading,
                language=LANGUAGE,
                description=header[1],
            ) as writer,
        ):
            for i, slide in enumerate(slides):
                at = i / len(slides)
                progress(at)
                skipped, listed = report.skipped, len(report.problems)
                try:
                    event = _event(slide, i, ids, sources, report, tally)
                except _Bad as bad:
                    # Field problems found before the slide was given up are moot.
                    del report.problems[listed:]
                    report.skipped = skipped
                    report.problem(
                        bad.where,
                        translate("importers", "{0}; the slide is left out").format(bad.message),
                    )
                    first_bad = first_bad or bad
                    continue
                writer.event(event)
                report.events += 1
            if not report.events:
                if first_bad:
                    none = translate(
                        "importers", "none of its {0} events could be read: first problem {1}"
                    ).format(number(len(slides)), first_bad)
                else:
                    none = translate("importers", "none of its {0} events could be read").format(
                        number(len(slides))
                    )
                raise ImportFailed([ImportProblem("events", none)])
            progress(1.0)
            writer.finish(sources=sources.records, eras=eras)
    except OSError as exc:
        raise ImportFailed(
            translate("importers", "{0} cannot be written: {1}").format(out, exc.strerror or exc),
        ) from None
    report.sources = len(sources.records)
    report.eras = len(eras)
    _notes(report, tally, document)
    return report


# -- the file as a whole


def _read_json(src: Path) -> dict[str, Any]:
    odd = not_a_file(src)
    if odd is not None:  # a pipe would hang reading it
        raise ImportFailed(translate("importers", "cannot be read: {0}").format(odd))
    try:
        with src.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(MAX_TIMELINEJS_BYTES + 1) if size <= MAX_TIMELINEJS_BYTES else b""
    except OSError as exc:
        raise ImportFailed(
            translate("importers", "cannot be read: {0}").format(exc.strerror or exc)
        ) from None
    if max(size, len(data)) > MAX_TIMELINEJS_BYTES:  # refused unread (or it grew meanwhile)
        raise ImportFailed(_over_the_limit(max(size, len(data))))
    if not data.strip():
        raise ImportFailed(translate("importers", "the file is empty"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            translate("importers", "not valid JSON: not UTF-8 text (at byte {0})").format(
                number(exc.start)
            ),
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            translate("importers", "not valid JSON: {0} at line {1}, column {2}").format(
                exc.msg, exc.lineno, exc.colno
            ),
        ) from None
    except ValueError as exc:  # a number of thousands of digits, and the like
        raise ImportFailed(
            translate("importers", "not a JSON this app can read: {0}").format(exc)
        ) from None
    except RecursionError:
        raise ImportFailed(translate("importers", "not valid JSON: nested too deeply")) from None
    if not isinstance(document, dict):
        raise ImportFailed(
            translate(
                "importers",
                "not a TimelineJS timeline: expected an object ({0}) at the top, found {1}",
            ).format('{"events": [...]}', _kind(document)),
        )
    return document


def too_large(src: Path) -> str | None:
    """Why ``src`` is too large to import (its size and the limit), or None."""
    try:
        size = src.stat().st_size
    except OSError:
        return None  # said when it is read
    return _over_the_limit(size) if size > MAX_TIMELINEJS_BYTES else None


def _over_the_limit(size: int) -> str:
    return translate(
        "importers", "is {0} MiB ({1} bytes), over the {2} MiB limit for TimelineJS files"
    ).format(number(-(-size // _MIB)), number(size), number(MAX_TIMELINEJS_BYTES // _MIB))


def _slides(document: dict[str, Any]) -> list[Any]:
    if "events" not in document:
        raise ImportFailed(
            [
                ImportProblem(
                    "events",
                    translate(
                        "importers",
                        'missing: a TimelineJS timeline lists its slides under "events"',
                    ),
                )
            ]
        )
    slides = document["events"]
    if not isinstance(slides, list):
        raise ImportFailed(
            [
                ImportProblem(
                    "events",
                    translate("importers", "expected a list of slides, found {0}").format(
                        _kind(slides)
                    ),
                )
            ]
        )
    if not slides:
        raise ImportFailed(
            [ImportProblem("events", translate("importers", "the file has no events"))]
        )
    return slides


def _title(text: str | None) -> str:
    return title(read_html(text).text) if text else ""


def _title_slide(slide: Any, report: ImportReport) -> tuple[str, str]:
    """The title slide's headline and text: the timeline's title and description."""
    if slide is None:
        return "", ""
    if not isinstance(slide, dict):
        report.problem(
            "title",
            translate("importers", "expected an object, found {0}; left out").format(_kind(slide)),
        )
        return "", ""
    text = _object(slide, "text", "title", report)
    headline = _string(text, "headline", "title.text", report)
    body = _string(text, "text", "title.text", report)
    return _title(headline), long_text(read_html(body).text)


def _eras(eras: Any, report: ImportReport, tally: _Tally) -> list[dict[str, Any]]:
    if eras is None:
        return []
    if not isinstance(eras, list):
        report.problem(
            "eras",
            translate("importers", "expected a list, found {0}; left out").format(_kind(eras)),
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
                raise _Bad(
                    here, translate("importers", "expected an object, found {0}").format(_kind(era))
                )
            date = _date(era, here, report, tally, end_kept=False)
            text = _object(era, "text", here, report)
            headline = _title(_string(text, "headline", f"{here}.text", report))
        except _Bad as bad:
            report.problem(
                bad.where, translate("importers", "{0}; the era is left out").format(bad.message)
            )
            continue
        written.append({"title": headline or f"Era {i + 1}", "date": date})
    return written


# -- one slide


def _event(
    slide: Any, i: int, ids: Ids, sources: _Sources, report: ImportReport, tally: _Tally
) -> dict[str, Any]:
    here = f"events[{i}]"
    if not isinstance(slide, dict):
        raise _Bad(
            here, translate("importers", "expected an object, found {0}").format(_kind(slide))
        )
    date = _date(slide, here, report, tally, end_kept=True)

    unique = _string(slide, "unique_id", here, report).strip()
    event_id = ids.unique(make_id(unique) if unique else f"event-{i + 1}")

    text = _object(slide, "text", here, report)
    headline = read_html(_string(text, "headline", f"{here}.text", report))
    body = read_html(_string(text, "text", f"{here}.text", report))
    paragraphs = [body.text] if body.text else []
    links = [*headline.links, *body.links]

    cited: list[str] = []
    media = _object(slide, "media", here, report)
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
            heading = f"Untitled event {i + 1}"
            tally.untitled += 1

    event: dict[str, Any] = {"id": event_id, "kind": "other", "title": heading, "date": date}
    if summary:
        event["summary"] = summary
    if cited:
        event["sources"] = cited[:MAX_ITEMS]
    group = tag(_string(slide, "group", here, report))
    if group:
        event["tags"] = [group]
        tally.groups[group] = None
    return event


def _media(
    media: dict[str, Any], here: str, event_id: str, sources: _Sources, report: ImportReport
) -> tuple[list[str], str, list[Link]]:
    """The media's source (if it says anything), the text of HTML media, and the links."""
    written = _string(media, "url", here, report).strip()
    caption = read_html(_string(media, "caption", here, report))
    credit = read_html(_string(media, "credit", here, report))
    alt = read_html(_string(media, "alt", here, report))
    links = [*caption.links, *credit.links]
    shown = ""
    address = None
    if written.startswith("<"):  # an embed written as HTML: a quote, an iframe
        embedded = read_html(written)
        shown = embedded.text
        links.extend(embedded.links)
    else:
        address = web_address(written)
    publisher = name(credit.text) or None
    heading = title(caption.text) or title(alt.text) or title(address) or title(credit.text)
    cited = [sources.media(event_id, heading, publisher, address)] if heading else []
    return cited, shown, links


def web_address(href: str) -> str | None:
    """``href`` as a web address the model keeps (``//host/...`` read as https), or None."""
    address = href.strip()
    if address.startswith("//"):
        address = "https:" + address
    return url(address)


def _first_words(text: str) -> str:
    words = text.split()
    if not words:
        return ""
    head = " ".join(words[:TITLE_WORDS])
    return title(head + "\u2026" if len(words) > TITLE_WORDS else head)


# -- dates


def _date(
    slide: dict[str, Any], here: str, report: ImportReport, tally: _Tally, *, end_kept: bool
) -> dict[str, Any]:
    """The model date of a slide or era; raises :class:`_Bad` when its start cannot be read."""
    start = _when(slide.get("start_date"), f"{here}.start_date")
    if start is None:
        raise _Bad(
            f"{here}.start_date",
            translate("importers", "missing: a start date with a year is needed"),
        )
    try:
        end = _when(slide.get("end_date"), f"{here}.end_date")
    except _Bad as unread:
        if not end_kept:
            raise
        report.problem(
            unread.where,
            translate("importers", "{0}; the event is kept without an end").format(unread.message),
        )
        end = None
    precision = start.precision
    if end is not None and end.precision != start.precision:
        precision = min(start.precision, end.precision, key=_ORDER.index)
        tally.coarsened += 1
    count = _PARTS[precision]
    date: dict[str, Any] = {"precision": precision.value, "start": _point(start.parts[:count])}
    if end is not None:
        if end.parts[:count] < start.parts[:count]:
            ends = (date["start"], _point(end.parts[:count]))
            if not end_kept:
                raise _Bad(
                    f"{here}.end_date",
                    translate("importers", "ends before it starts ({0} to {1})").format(*ends),
                )
            report.problem(
                f"{here}.end_date",
                translate(
                    "importers",
                    "ends before it starts ({0} to {1}); the event is kept without an end",
                ).format(*ends),
            )
        elif end.parts[:count] > start.parts[:count]:
            date["end"] = _point(end.parts[:count])
    for when in (start, end):
        if when is not None:
            tally.seconds += when.dropped_seconds
            tally.gaps += when.gap
    tally.minutes += precision is Precision.MINUTE
    note = _string(slide, "display_date", here, report)
    if not note:
        shown = [when.display for when in (start, end) if when is not None and when.display]
        note = " \u2013 ".join(shown)
    note = plain(read_html(note).text, MAX_DATE_NOTE) if note else ""
    if note:
        date["note"] = note
    return date


def _when(value: Any, here: str) -> _When | None:
    """A TimelineJS date, or None when it gives no part at all."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Bad(
            here, translate("importers", "expected an object, found {0}").format(_kind(value))
        )
    year = _number(value, "year", here)
    given = {part: _number(value, part, here) for part, _, _ in (*_CHAIN, *_FINE)}
    display = value.get("display_date")
    display = display if isinstance(display, str) else ""
    if year is None:
        if any(number is not None for number in given.values()):
            raise _Bad(f"{here}.year", translate("importers", "missing: a date needs a year"))
        return None
    if not 1 <= year <= 9999:
        if year < 0:
            cannot = translate(
                "importers",
                "the year {0} cannot be held: the model's years run from 0001 to 9999 "
                "(TimelineJS writes years before the common era as negative numbers)",
            )
        else:
            cannot = translate(
                "importers", "the year {0} cannot be held: the model's years run from 0001 to 9999"
            )
        raise _Bad(f"{here}.year", cannot.format(year))
    parts = [year]
    for part, low, high in _CHAIN:
        number = given[part]
        if number is None:
            if part == "minute" and len(parts) == 4:
                parts.append(0)  # an hour without minutes is its first minute
            break
        if part == "day":
            high = calendar.monthrange(parts[0], parts[1])[1]
        if not low <= number <= high:
            raise _Bad(f"{here}.{part}", _out_of_range(part, number, low, high))
        parts.append(number)
    for part, low, high in _FINE:
        number = given[part]
        if number is not None and not low <= number <= high:
            raise _Bad(f"{here}.{part}", _out_of_range(part, number, low, high))
    taken = {part for part, _, _ in _CHAIN[: len(parts) - 1]}
    gap = any(given[part] is not None for part, _, _ in _CHAIN if part not in taken)
    dropped = any(given[part] for part, _, _ in _FINE)
    if len(parts) < 5:
        gap = gap or any(given[part] is not None for part, _, _ in _FINE)
        dropped = False
    precision = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY, 5: Precision.MINUTE}[
        len(parts)
    ]
    return _When(precision, tuple(parts), display, dropped, gap)


def _out_of_range(part: str, value: int, low: int, high: int) -> str:
    """What is said of ``value``, a date part outside ``low`` to ``high``."""
    return translate("importers", _NOT_A[part]).format(value, low, high)


def _point(parts: tuple[int, ...]) -> str:
    """A point as :mod:`viewer.domain.dates` writes it at the precision its parts give."""
    written = f"{parts[0]:04d}"
    if len(parts) > 1:
        written += f"-{parts[1]:02d}"
    if len(parts) > 2:
        written += f"-{parts[2]:02d}"
    if len(parts) > 3:
        written += f"T{parts[3]:02d}:{parts[4]:02d}+00:00"
    return written


def _number(date: dict[str, Any], part: str, here: str) -> int | None:
    """A date part given as a number or a string of digits; None when not given."""
    value = date.get(part)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _Bad(f"{here}.{part}", _not_whole(_kind(value)))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _Bad(f"{here}.{part}", _not_whole(repr(value)))
    if isinstance(value, str):
        if _WHOLE_NUMBER.fullmatch(value.strip()):
            return int(value.strip())
        raise _Bad(f"{here}.{part}", _not_whole(quoted(value)))
    raise _Bad(f"{here}.{part}", _not_whole(_kind(value)))


def _not_whole(found: str) -> str:
    return translate("importers", "expected a whole number, found {0}").format(found)


# -- fields


def _object(container: dict[str, Any], key: str, here: str, report: ImportReport) -> dict[str, Any]:
    """``container[key]`` when it is an object; {} when it is missing, or (with a
    problem) of another type."""
    value = container.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        report.problem(
            f"{here}.{key}",
            translate("importers", "expected an object, found {0}; left out").format(_kind(value)),
        )
        return {}
    return value


def _string(container: dict[str, Any], key: str, here: str, report: ImportReport) -> str:
    """``container[key]`` as text: "" when it is missing; a number is written out;
    anything else is left out with a problem."""
    value = container.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    report.problem(
        f"{here}.{key}",
        translate("importers", "expected text, found {0}; left out").format(_kind(value)),
    )
    return ""


def _kind(value: Any) -> str:
    """What ``value`` is, as a problem says it (in the reader's language)."""
    if value is None:
        return "null"  # JSON's own word
    if isinstance(value, bool):
        return translate("importers", "true or false")
    if isinstance(value, dict):
        return translate("importers", "an object")
    if isinstance(value, list):
        return translate("importers", "a list")
    if isinstance(value, str):
        return translate("importers", "a string")
    if isinstance(value, int | float):
        return translate("importers", "a number")
    return type(value).__name__


# -- the report


def _notes(report: ImportReport, tally: _Tally, document: dict[str, Any]) -> None:
    notes = report.notes
    notes.append(
        translate("importers", 'TimelineJS has no kinds of event: every event is filed as "other".')
    )
    notes.append(
        translate(
            "importers",
            'TimelineJS has no language field: the timeline\'s language is set to "{0}".',
        ).format(LANGUAGE)
    )
    if tally.groups:
        listed = plain(", ".join(tally.groups), 300)
        notes.append(
            translate(
                "importers",
                "TimelineJS groups became tags, as this app's lanes are its fixed kinds of "
                "event: {0}.",
            ).format(listed)
        )
    if tally.minutes:
        notes.append(
            _many(
                tally.minutes,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date gives a time of day: TimelineJS times have no time zone, so they "
                    "were written as UTC.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates give a time of day: TimelineJS times have no time zone, so they "
                    "were written as UTC.",
                ),
            )
        )
    if tally.seconds:
        notes.append(
            _many(
                tally.seconds,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date gives seconds or milliseconds: dropped, as the model's finest "
                    "precision is the minute.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates give seconds or milliseconds: dropped, as the model's finest "
                    "precision is the minute.",
                ),
            )
        )
    if tally.gaps:
        notes.append(
            _many(
                tally.gaps,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date gives a finer part without a coarser one (a day without a month): "
                    "read only as far as its parts run on from the year.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates give a finer part without a coarser one (a day without a month): "
                    "read only as far as its parts run on from the year.",
                ),
            )
        )
    if tally.coarsened:
        notes.append(
            _many(
                tally.coarsened,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date starts and ends at different precisions: both written at the "
                    "coarser one.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates start and end at different precisions: both written at the "
                    "coarser one.",
                ),
            )
        )
    if tally.from_text:
        notes.append(
            _many(
                tally.from_text,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} event has no headline: titled with the first words of the text.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} events have no headline: titled with the first words of the text.",
                ),
            )
        )
    if tally.untitled:
        notes.append(
            _many(
                tally.untitled,
                QT_TRANSLATE_NOOP(
                    "importers",
                    '{0} event has neither headline nor text: titled "Untitled event N", N '
                    "being the slide's place in the file.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    '{0} events have neither headline nor text: titled "Untitled event N", N '
                    "being the slide's place in the file.",
                ),
            )
        )
    if tally.html_media:
        notes.append(
            _many(
                tally.html_media,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} event shows HTML as its media (a quote, an embed): its text was added "
                    "to the summary.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} events show HTML as its media (a quote, an embed): its text was added "
                    "to the summary.",
                ),
            )
        )
    if document.get("scale") == "cosmological":
        notes.append(
            translate(
                "importers",
                'The timeline is on the "cosmological" scale: years outside 0001 to 9999 '
                "cannot be held, and their slides were left out.",
            )
        )


def _many(count: int, one: str, more: str) -> str:
    """The note ``one`` (for one item) or ``more``, in the reader's language, with ``count``."""
    return translate("importers", one if count == 1 else more).format(number(count))
