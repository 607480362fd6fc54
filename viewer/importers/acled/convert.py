"""ACLED's CSV exports as a timeline: one event per row (Qt-free).

ACLED (the Armed Conflict Location & Event Data project) exports one row per
event. :func:`import_acled` reads the file as a stream, a batch of rows at a
time, makes their events a column at a time
(:mod:`~viewer.importers.acled.batch`) and hands them to
:class:`~viewer.importers.common.ModelWriter`: memory stays flat in the size
of the file. The values that repeat
from row to row are kept written, as the writer's pieces
(:mod:`~viewer.importers.acled.pieces`), each checked once. Actors and sources are
kept once per distinct name; the event ids seen so far, to keep them unique,
one bit each (ACLED's ids are a country's letters and a number,
``ARG10607``; any other id is kept as a string), by the writer's check
(:meth:`~viewer.importers.common.ModelWriter.unique_id`).

Columns are found by name, in any case, in the current layout or the older
one (:mod:`~viewer.importers.acled.header`). A file without the required
columns is refused, naming the ones missing and the ones found:

``event_id_cnty``, ``event_date``, ``time_precision``, ``event_type``,
``actor1``, ``location``

(the least an event is written from: its id, its date and how precise it
is, its kind and title, who took part and where). Every other column is used
when present. A row without one of these values, with a date or precision
that cannot be read, or with more or fewer fields than the header is left
out and reported by its line in the file (the line it starts on); a value
that cannot be read in an optional column (fatalities, coordinates, the
coding) is left out of its event, and reported the same way.

What each event is made of:

==============  ==============================================================
event field     from
==============  ==============================================================
id              ``event_id_cnty``, as an id the model accepts; a repeated one
                gets ``-2``, ``-3`` ... and is reported
kind            ``event_type`` (and ``sub_event_type``)
title           "``sub_event_type`` in ``location``" (``event_type`` when there
                is no sub-event type), one line of at most 500 characters
date            ``event_date`` and ``time_precision``
status          always "occurred": ACLED records events that took place
participants    ``actor1``, ``assoc_actor_1``, ``actor2``, ``assoc_actor_2`` (the
                associated actors hold several names separated by ";"), each
                name once, in that order
places          ``location``, ``admin3``, ``admin2``, ``admin1``, ``country``,
                ``region``: the distinct ones that are not empty, in that order
summary         ``notes``; after a blank line, a line each for ACLED's
                ``name=value`` tags, ``geo_precision`` 2 or 3, ``source_scale``
                and ``timestamp``
sources         ``source``: one or several names separated by ";"
tags            ``event_type``, ``sub_event_type``, ``disorder_type``, the
                actors' types (``inter1``, ``inter2``), ``civilian_targeting``
                and ACLED's flags in ``tags``: the distinct ones that are not
                empty, spelt as in the file (ACLED's own "Demostrations" stays
                as it is)
fatalities      ``fatalities``, a whole number from 0
coordinates     ``latitude`` and ``longitude``, when both are given and on Earth
==============  ==============================================================

How kinds and dates are read is told in :mod:`~viewer.importers.acled.values`,
who is an organisation and who a state in :mod:`~viewer.importers.acled.actors`,
the coding columns (``inter1``, ``inter2``, ``interaction``,
``civilian_targeting``, ``tags``, ``geo_precision``, ``source_scale``,
``timestamp``) in :mod:`~viewer.importers.acled.coding`. ``iso`` and ``year``
say again what ``country`` and ``event_date`` say, and are not read.

The timeline. Its id is ``timeline_id`` or one made from the file's name; its
title is ``title``, or "ACLED events from <file name>": the model file's
header is written before the first row is read, so the countries and the
span of dates, known only at the end, go into the report's notes. Its
language is English, ACLED's.
"""

from __future__ import annotations

import codecs
import csv
import os
import stat
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, TextIO

from viewer.domain.perf import paused_gc
from viewer.domain.progress import Progress, no_progress
from viewer.domain.words import translate
from viewer.importers.acled.actors import ActorsAndSources
from viewer.importers.acled.api_json import api_csv, is_api_answer, records_not_lines
from viewer.importers.acled.batch import BATCH, BYTES, FIELDS, READ, ROW, Found, Rows
from viewer.importers.acled.header import OPTIONAL, REQUIRED, column_index
from viewer.importers.acled.report import Seen, add_notes, line
from viewer.importers.common import (
    ImportFailed,
    ImportProblem,
    ImportReport,
    ModelWriter,
    long_text,
    plain,
)
from viewer.importers.common import (
    timeline_id as common_timeline_id,
)
from viewer.importers.common import title as title_text

# Progress is told every this many rows.
_PROGRESS_ROWS = 4096


def import_acled(
    src: Path,
    out: Path,
    *,
    timeline_id: str | None = None,
    title: str | None = None,
    progress: Progress = no_progress,
    language: str | None = None,
) -> ImportReport:
    """Write the ACLED export ``src`` as the model file ``out``, one event per row
    (in ``language``, a BCP 47 tag; None: English, the language ACLED writes).

    Raises :class:`~viewer.importers.common.ImportFailed` when the file is not
    an ACLED export (columns missing, not UTF-8 text) or no row could be
    imported; ``progress`` hears the share of the file read and may raise
    :class:`~viewer.domain.progress.LoadCancelled`, which leaves ``out`` as it
    was. Rows and values left out are in the report, by line.
    """
    try:
        if not stat.S_ISREG(src.stat().st_mode):  # a pipe would hang open() below
            raise ImportFailed(translate("importers", "is not a regular file (a folder, a pipe)"))
        if is_api_answer(src):  # ACLED's API answer: its records as the CSV would hold them
            rows = api_csv(src, out.parent)
            try:
                report = _import_csv(src, rows, out, timeline_id, title, progress, language)
            finally:
                rows.unlink(missing_ok=True)
            records_not_lines(report)
            report.notes.insert(0, translate("importers", "Read as an answer of ACLED's API."))
            return report
    except OSError as exc:
        raise ImportFailed(
            translate("importers", "cannot be read: {0}").format(exc.strerror or exc)
        ) from None
    return _import_csv(src, src, out, timeline_id, title, progress, language)


def _import_csv(
    src: Path,
    rows: Path,
    out: Path,
    timeline_id: str | None,
    title: str | None,
    progress: Progress,
    language: str | None,
) -> ImportReport:
    """Import the CSV ``rows`` (``src`` itself, or its API answer's records)."""
    try:
        # A byte that is not UTF-8 becomes U+FFFD and its row is reported (not
        # the whole import refused): see _Replaced.
        replaced = _REPLACED.count
        handle = open(  # noqa: SIM115 (closed below)
            rows, encoding="utf-8-sig", newline="", errors=_REPLACED.name
        )
    except OSError as exc:
        raise ImportFailed(
            translate("importers", "cannot be read: {0}").format(exc.strerror or exc)
        ) from None
    # The collector paused: each row's lists and dicts are freed as they go
    # (no cycles), and each collection would walk every object alive. It
    # comes back once the import's caches are gone (it would walk them all).
    with handle, paused_gc():
        try:
            return _Import(src, handle, progress, replaced).run(
                out, timeline_id, title, language or "en"
            )
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                translate("importers", "not UTF-8 text ({0}); save the export as UTF-8").format(
                    exc.reason
                ),
                unreadable=True,
            ) from None


class _Other(NamedTuple):
    """A row with another number of fields than the header: what is said of
    it, not the row (a hostile file's row may hold millions of fields)."""

    fields: int
    # Its characters read as U+FFFD (see _Replaced).
    replaced: int
    # A blank line, left out without a word.
    blank: bool

    @classmethod
    def of(cls, row: list[str]) -> _Other:
        blank = not row or (len(row) == 1 and not row[0].strip())
        return cls(len(row), _replaced_in_row(row), blank)


def _replaced_in_row(row: list[str]) -> int:
    """How many of ``row``'s characters are U+FFFD (see _Replaced)."""
    return sum(field.count("\ufffd") for field in row)


class _Replaced:
    """A codec error handler: each byte that is not UTF-8 is read as U+FFFD and
    counted, so the row it is in can be reported (and the import goes on)."""

    name = "timeline-viewer-acled-replace"

    def __init__(self) -> None:
        self.count = 0
        codecs.register_error(self.name, self)

    def __call__(self, error: UnicodeError) -> tuple[str, int]:
        assert isinstance(error, UnicodeDecodeError)
        self.count += 1
        return "\ufffd", error.end


_REPLACED = _Replaced()


class _Import:
    """One import: the caches, the actors and sources so far, and the report."""

    def __init__(self, src: Path, handle: TextIO, progress: Progress, replaced: int = 0) -> None:
        self.src = src
        # Bytes read as U+FFFD so far whose rows were reported (see _Replaced).
        self.replaced = replaced
        self.handle = handle
        self.progress = progress
        self.report = ImportReport()
        self.size = max(os.fstat(handle.fileno()).st_size, 1)
        # Kept for the whole import: one entry per distinct name.
        self.cast = ActorsAndSources()
        self.seen = Seen()
        # The line the last row read ended on.
        self.last = 0

    # -- the rows ------------------------------------------------------------------

    def run(
        self, out: Path, timeline_id: str | None, title: str | None, language: str
    ) -> ImportReport:
        report = self.report
        reader = csv.reader(self.handle)
        header: list[str] = []
        while not header:
            try:
                header = next(reader)
            except StopIteration:
                said = translate("importers", "the file is empty")
                raise ImportFailed(said, unreadable=True) from None
            except csv.Error as exc:
                raise ImportFailed(
                    [
                        ImportProblem(
                            line(reader.line_num),
                            translate("importers", "not read as CSV: {0}").format(exc),
                        )
                    ],
                    unreadable=True,
                ) from None
        if header[0].lstrip().startswith("<"):  # a web page saved in its place
            said = translate("importers", "is a web page (HTML), not an ACLED export")
            raise ImportFailed(said, unreadable=True)
        index = column_index(header, report)
        fields = len(header)
        # A column that is not there reads as the empty string after each row's
        # fields (Rows.convert puts it there).
        column = {c: index.get(c, fields) for c in (*REQUIRED, *OPTIONAL)}

        made_id = common_timeline_id(timeline_id, self.src, "acled")
        #: An imported ACLED export's title when none is given; {0} is its file name.
        made_title = translate("importers", "ACLED events from {0}").format(self.src.name)
        shown_title = title_text(title) or title_text(made_title)
        #: An imported ACLED export's description; {0} is its file name.
        about = translate(
            "importers",
            "Imported from the ACLED export {0}: one event per row, as ACLED "
            "(the Armed Conflict Location & Event Data project) coded it.",
        )
        description = long_text(about.format(plain(self.src.name, 500)))

        progress, buffer = self.progress, self.handle.buffer
        self.last = reader.line_num
        progress(0.0)
        with ModelWriter(
            out,
            timeline_id=made_id,
            title_=shown_title,
            language=language,
            description=description,
        ) as writer:
            made = Rows(writer, column, self.cast, self.seen)
            read = 0
            while True:
                found: list[Found] = []
                rows, ats, counts, others = self._read(reader, fields, found)
                if not rows and not found:
                    break
                if read // _PROGRESS_ROWS != (read + len(rows)) // _PROGRESS_ROWS:
                    progress(min(buffer.tell() / self.size, 1.0))
                read += len(rows)
                if set(counts) - {self.replaced}:  # decoded ahead: find the rows
                    self._replaced_in(rows, ats, counts, found)
                if others:
                    rows, ats, kept = self._whole_rows(rows, ats, fields, found)
                else:
                    kept = list(range(len(rows)))
                before = len(found)
                made.convert(rows, ats, found)
                for n in range(before, len(found)):  # where in the batch read
                    place, step, at, said = found[n]
                    found[n] = (kept[place], step, at, said)
                found.sort(key=itemgetter(0, 1))  # by row, and in a row by step
                for _place, _step, at, said in found:
                    report.problem(line(at), said)
            events = made.events
            first_day, last_day = made.first_day, made.last_day
            report.events = events
            if not events:
                first = "; ".join(str(p) for p in report.problems[:3]) or translate(
                    "importers", "the file has no rows"
                )
                raise ImportFailed(
                    [
                        ImportProblem(
                            "",
                            translate(
                                "importers", "no rows could be imported; first problems: {0}"
                            ).format(first),
                        ),
                        *report.problems,
                    ]
                )
            self.seen.first_day, self.seen.last_day = first_day, last_day
            progress(1.0)  # the last chance to stop: the file is not in place yet
            writer.finish(self.cast.actors.values(), self.cast.sources.values())
        report.actors = len(self.cast.actors)
        report.sources = len(self.cast.sources)
        add_notes(report, self.seen)
        return report

    def _read(
        self, reader: Iterator[list[str]], fields: int, found: list[Found]
    ) -> tuple[list[list[str]], list[int], list[int], bool]:
        """The next rows (a batch: at most BATCH rows, and as many fewer as a
        header of more than FIELDS // BATCH columns asks), the lines they begin
        on, how many bytes that are not UTF-8 had been read when each was, and
        whether a row has another number of fields than ``fields`` (kept as an
        :class:`_Other`, not whole: a hostile file's long rows are dropped as
        they come, as a row-by-row loop dropped them). A row not read as CSV is
        a problem, said before the row after it."""
        rows: list[list[str]] = []
        ats: list[int] = []
        counts: list[int] = []
        add_row, add_at, add_count = rows.append, ats.append, counts.append
        replaced = _REPLACED
        last = self.last
        left, room = BATCH, FIELDS
        others = False
        while left and room > 0:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                said = translate("importers", "not read as CSV: {0}").format(exc)
                found.append((len(rows), READ, last + 1, said))
                last = reader.line_num  # type: ignore[attr-defined]
                continue
            if len(row) != fields:
                row = _Other.of(row)  # type: ignore[assignment]
                others = True
            add_row(row)
            add_at(last + 1)
            last = reader.line_num  # type: ignore[attr-defined]
            add_count(replaced.count)
            left -= 1
            room -= fields
        self.last = last
        return rows, ats, counts, others

    def _replaced_in(
        self, rows: list[list[str]], ats: list[int], counts: list[int], found: list[Found]
    ) -> None:
        """Find the rows that hold bytes read as U+FFFD: each row looked at
        while fewer have been found than read (decoded ahead of the rows)."""
        for n, row in enumerate(rows):
            if counts[n] == self.replaced:
                continue
            replaced = row.replaced if isinstance(row, _Other) else _replaced_in_row(row)
            if replaced:
                self.replaced += replaced
                said = translate("importers", "bytes that are not UTF-8 were read as {0}")
                found.append((n, BYTES, ats[n], said.format("\ufffd")))

    @staticmethod
    def _whole_rows(
        rows: list[list[str]], ats: list[int], fields: int, found: list[Found]
    ) -> tuple[list[list[str]], list[int], list[int]]:
        """The rows with as many fields as the header, their lines and where
        they are in ``rows``; the others are problems (not a blank line)."""
        kept = [n for n, row in enumerate(rows) if not isinstance(row, _Other)]
        for n, row in enumerate(rows):
            if isinstance(row, _Other) and not row.blank:
                said = translate("importers", "has {0} fields, the header has {1}")
                found.append((n, ROW, ats[n], said.format(row.fields, fields)))
        return [rows[n] for n in kept], [ats[n] for n in kept], kept
