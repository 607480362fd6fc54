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
- **End.** An ``end_date`` later than the start is the event's end. When
  the two differ in precision, both are written at the finer one (a deadline
  at 23:59 stays a minute, a start at 10:30 stays one): the coarser start is
  read from the first minute, day or month of its unit, the coarser end to the
  last, and the date's note says so ("end given only as a day"). An end equal
  to the start is left out; an end before the start, or one that cannot be
  read, is left out with a problem (the event is kept).
- **Text.** The headline (HTML) is the title as plain text; without one, the
  first words of the text, else "Untitled event N". The text is the summary,
  its paragraphs kept. ``display_date`` is the date's note.
- **Sources.** The media is a source: its caption (or alt text, or URL) the
  title, its credit the publisher, its URL the source's address when it is a
  web address (a protocol-relative ``//host/...`` is read as https); a caption
  or credit is kept even when the media is no web address (a YouTube id, an
  image path). Media given as HTML (a ``<blockquote>``) adds its text to the
  summary; an ``<iframe>``'s ``src`` is the source's address. Every web link
  in the headline, text, caption and credit is a source too, one per address,
  titled with the link's text; so is every address written out in a caption
  or credit (TimelineJS makes links of them, ``www.`` ones as http), and the
  media's ``link`` (where a click on it leads). A credit that is only an
  address names no publisher.
- **Groups.** A TimelineJS group is a row of the timeline. It becomes the
  event's tag, and lanes by tag (View > Lanes > By Tag, ``export --lanes
  tag``) give each group its row again.
- **Kinds.** TimelineJS has none: every event is ``other``.
- **Ids.** A slide's ``unique_id`` is its event's id (made valid and unique),
  else ``event-N`` for the Nth slide.

The title slide gives the timeline's title and description (a headline or
any text given as a list of texts, as R's jsonlite writes values, is read as
those texts one after another), its media a source of the timeline that no
event cites; eras become the timeline's eras. TimelineJS has no language
field: the timeline's is the one given, else ``und`` (undetermined).

A TimelineJS2 file (``{"timeline": {"headline", "date": [slide], "era": [era]}}``,
dates written ``"1963,8,9"``) is put into this shape first and read the same
(:mod:`~viewer.importers.timelinejs.version2`); its problems name its own paths
(``timeline.date[2].startDate``), and a note says it was read as TimelineJS2.

TimelineJS's Google Sheets template, saved as CSV or XLSX (told by its
content: :func:`~viewer.importers.timelinejs.sheet_file.sheet_kind`), is read
row by row into slides (:mod:`~viewer.importers.timelinejs.sheet_rows`) and
those read the same; its problems name rows and columns (``row 7, Year``).

A file that is no TimelineJS timeline at all (not JSON, not an object, no
``events``, no event that can be read), or one over 64 MiB, raises
:class:`~viewer.importers.common.ImportFailed`. Anything smaller is left out
with its JSON path (``events[4].start_date.year: ...``) in the report, and the
import goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from viewer.domain.progress import Progress, no_progress
from viewer.domain.words import number, translate
from viewer.importers.common import (
    IMPORTED_SCHEMA,
    IMPORTED_SCHEMA_BC,
    Ids,
    ImportFailed,
    ImportProblem,
    ImportReport,
    ModelWriter,
)
from viewer.importers.common import (
    timeline_id as common_timeline_id,
)
from viewer.importers.common import title as title_text
from viewer.importers.html_text import checking
from viewer.importers.timelinejs.fields import Bad
from viewer.importers.timelinejs.json_file import read_json, slides_of
from viewer.importers.timelinejs.report import UNDETERMINED, Tally, add_notes
from viewer.importers.timelinejs.sheet_file import read_sheet, sheet_kind
from viewer.importers.timelinejs.sheet_rows import sheet_document, sheet_notes
from viewer.importers.timelinejs.slide_dates import any_year_before_1
from viewer.importers.timelinejs.slides import eras_of, event_of, title_slide
from viewer.importers.timelinejs.sources import Sources
from viewer.importers.timelinejs.version2 import as_version3, is_version2, v2_path, version2_note


def import_timelinejs(
    src: Path,
    out: Path,
    *,
    timeline_id: str | None = None,
    title: str | None = None,
    progress: Progress = no_progress,
    language: str | None = None,
) -> ImportReport:
    """Read the TimelineJS JSON ``src`` and write it to ``out`` as a model file
    (in ``language``, a BCP 47 tag; None: undetermined).

    Raises :class:`~viewer.importers.common.ImportFailed` when nothing can be
    imported (``out`` is then left as it was); ``progress`` hears how far the
    events are (inside long HTML too, every 64 Ki characters) and may raise
    :class:`~viewer.domain.progress.LoadCancelled`, which leaves ``out`` as it
    was too.
    """
    kind = sheet_kind(src)
    path: Callable[[str], str]
    if kind is not None:
        sheet = read_sheet(src, kind)
        document, path = sheet_document(sheet)
        notes = sheet_notes(sheet)
    else:
        document = read_json(src)
        if not is_version2(document):
            return _import(document, src, out, timeline_id, title, progress, language=language)
        document, path, notes = as_version3(document), v2_path, [version2_note()]
    try:
        report = _import(document, src, out, timeline_id, title, progress, path, language=language)
    except ImportFailed as failed:
        moved = [_moved(problem, path) for problem in failed.problems]
        raise ImportFailed(moved, unreadable=failed.unreadable) from None
    report.problems = [_moved(problem, path) for problem in report.problems]
    report.notes[0:0] = notes
    return report


def _moved(problem: ImportProblem, path: Callable[[str], str]) -> ImportProblem:
    """``problem`` at the place ``path`` gives it in the file read."""
    return ImportProblem(path(problem.where), problem.message)


def _same(where: str) -> str:
    return where


def _import(
    document: dict[str, Any],
    src: Path,
    out: Path,
    timeline_id: str | None,
    title: str | None,
    progress: Progress,
    path: Callable[[str], str] = _same,
    *,
    language: str | None = None,
) -> ImportReport:
    """Write the TimelineJS3 ``document`` read from ``src`` to ``out``; ``path``
    gives the file's own path of one a problem names."""
    slides = slides_of(document)
    report = ImportReport()
    tally = Tally()
    at = 0.0  # how far the slides are

    def still_wanted() -> None:  # called inside long HTML: a cancel stops it there
        progress(at)

    sources = Sources()
    with checking(still_wanted):
        header = title_slide(document.get("title"), report, sources)
        eras = eras_of(document.get("eras"), report, tally)
    # The title given and the file's name are plain text, not HTML as slides are.
    heading = title_text(title) or header[0] or title_text(src.stem) or "Imported timeline"
    ids = Ids()
    first_bad: Bad | None = None
    progress(0.0)
    try:
        with (
            checking(still_wanted),
            ModelWriter(
                out,
                timeline_id=common_timeline_id(timeline_id, src, "timeline"),
                title_=heading,
                language=language or UNDETERMINED,
                description=header[1],
                schema_version=IMPORTED_SCHEMA_BC
                if any_year_before_1(slides, document.get("eras"))
                else IMPORTED_SCHEMA,
            ) as writer,
        ):
            for i, slide in enumerate(slides):
                at = i / len(slides)
                progress(at)
                skipped, listed = report.skipped, len(report.problems)
                try:
                    event = event_of(slide, i, ids, sources, report, tally)
                except Bad as bad:
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
                    ).format(number(len(slides)), f"{path(first_bad.where)}: {first_bad.message}")
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
    add_notes(report, tally, document, language)
    return report
