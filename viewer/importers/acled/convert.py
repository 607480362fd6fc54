"""ACLED's CSV exports as a timeline: one event per row (Qt-free).

ACLED (the Armed Conflict Location & Event Data project) exports one row per
event. :func:`import_acled` reads the file as a stream, one row at a time,
and hands each event to :class:`~viewer.importers.common.ModelWriter` as it
is made: memory stays flat in the size of the file. The values that repeat
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
import re
import stat
from pathlib import Path
from typing import TextIO

from viewer.domain.dates import quoted
from viewer.domain.perf import paused_gc
from viewer.domain.progress import Progress, no_progress
from viewer.domain.terms import MAX_ID, MAX_LONG_TEXT
from viewer.domain.words import translate
from viewer.importers.acled.actors import ActorsAndSources
from viewer.importers.acled.api_json import api_csv, is_api_answer, records_not_lines
from viewer.importers.acled.coding import changed_line, kind_and_coding, with_lines
from viewer.importers.acled.header import OPTIONAL, REQUIRED, column_index
from viewer.importers.acled.pieces import dead_piece, kind_pieces, when_piece, where_piece
from viewer.importers.acled.report import Seen, add_notes, line
from viewer.importers.acled.values import (
    date_of,
    places_of,
    remember,
    title_of,
)
from viewer.importers.common import (
    ImportFailed,
    ImportProblem,
    ImportReport,
    ModelWriter,
    long_text,
    make_id,
    plain,
)
from viewer.importers.common import (
    timeline_id as common_timeline_id,
)
from viewer.importers.common import title as title_text

# Progress is told every this many rows.
_PROGRESS_ROWS = 4096

# An id that :func:`make_id` would give back unchanged: used as it is.
_PLAIN_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:-]*[A-Za-z0-9])?", re.ASCII)


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
        # Caches of values that repeat, emptied when full (see values.remember):
        # each value as the file holds it, a piece the writer checked once
        # (ModelWriter.piece), or what is wrong with its text.
        self.dates: dict[tuple[str, str], tuple[bytes, str] | str] = {}
        self.kinds: dict[tuple[str, ...], tuple[bytes, bytes, str, str | None, str, list[str]]] = {}
        self.titles: dict[tuple[str, str], bytes] = {}
        self.places: dict[tuple[str, ...], bytes] = {}
        self.participants: dict[tuple[str, str, str, str], bytes] = {}
        self.sources: dict[str, bytes] = {}
        self.stamps: dict[str, str | tuple[str]] = {}
        self.fatalities: dict[str, bytes | str] = {}
        self.coordinates: dict[tuple[str, str], bytes | str] = {}

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
        # A column that is not there reads as the empty string put after each row.
        pad = any(column not in index for column in OPTIONAL)
        column = {c: index.get(c, fields) for c in (*REQUIRED, *OPTIONAL)}
        i_id, i_date, i_precision = (
            column["event_id_cnty"],
            column["event_date"],
            column["time_precision"],
        )
        i_type, i_sub, i_disorder = (
            column["event_type"],
            column["sub_event_type"],
            column["disorder_type"],
        )
        i_actor1, i_assoc1, i_actor2, i_assoc2 = (
            column["actor1"],
            column["assoc_actor_1"],
            column["actor2"],
            column["assoc_actor_2"],
        )
        i_location, i_admin3, i_admin2, i_admin1, i_country, i_region = (
            column["location"],
            column["admin3"],
            column["admin2"],
            column["admin1"],
            column["country"],
            column["region"],
        )
        i_inter1, i_inter2, i_civilians, i_tags, i_geo, i_scale, i_stamp = (
            column["inter1"],
            column["inter2"],
            column["civilian_targeting"],
            column["tags"],
            column["geo_precision"],
            column["source_scale"],
            column["timestamp"],
        )
        i_lat, i_lon = column["latitude"], column["longitude"]
        i_source, i_notes, i_fatalities = column["source"], column["notes"], column["fatalities"]

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

        dates, kinds, titles, places = self.dates, self.kinds, self.titles, self.places
        cast, coordinates, stamps = self.cast, self.coordinates, self.stamps
        participant_pieces, source_pieces = self.participants, self.sources
        dead_pieces = self.fatalities
        seen = self.seen
        countries, precisions, unknown_types = seen.countries, seen.precisions, seen.unknown_types
        progress, buffer = self.progress, self.handle.buffer
        first_day, last_day = "\uffff", ""
        events = 0
        last = reader.line_num
        progress(0.0)
        with ModelWriter(
            out,
            timeline_id=made_id,
            title_=shown_title,
            language=language,
            description=description,
        ) as writer:
            write, piece = writer.event_of, writer.piece
            # Fatalities and coordinates left out (a problem reported instead).
            no_dead, no_where = piece("fatalities", None), piece("coordinates", None)
            take_id, unique_id = writer.take_id, writer.unique_id
            rows = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    report.problem(
                        line(last + 1), translate("importers", "not read as CSV: {0}").format(exc)
                    )
                    last = reader.line_num
                    continue
                at = last + 1
                last = reader.line_num
                rows += 1
                if _REPLACED.count != self.replaced:  # decoded ahead: find the rows
                    found = sum(field.count("\ufffd") for field in row)
                    if found:
                        self.replaced += found
                        report.problem(
                            line(at),
                            translate(
                                "importers", "bytes that are not UTF-8 were read as {0}"
                            ).format("\ufffd"),
                        )
                if not rows % _PROGRESS_ROWS:
                    progress(min(buffer.tell() / self.size, 1.0))
                if len(row) != fields:
                    if row and (len(row) > 1 or row[0].strip()):
                        report.problem(
                            line(at),
                            translate("importers", "has {0} fields, the header has {1}").format(
                                len(row), fields
                            ),
                        )
                    continue
                if pad:
                    row.append("")
                if "NA" in row:  # R's write.csv writes a missing value as NA: none
                    row = ["" if value == "NA" else value for value in row]
                raw_id = row[i_id].strip()
                raw_date = row[i_date].strip()
                raw_precision = row[i_precision].strip()
                event_type = row[i_type].strip()
                actor1 = row[i_actor1]
                location = row[i_location]
                if not (raw_id and raw_date and raw_precision and event_type and actor1.strip()):
                    _left_out(report, at, row, column)
                    continue
                if not location.strip():
                    _left_out(report, at, row, column)
                    continue

                date_key = (raw_date, raw_precision)
                when = dates.get(date_key)
                if when is None:
                    when = remember(dates, date_key, when_piece(date_of(date_key), piece))
                if isinstance(when, str):
                    report.problem(line(at), when)
                    continue
                date_piece, day = when

                kind_key = (
                    event_type,
                    row[i_sub],
                    row[i_disorder],
                    row[i_inter1],
                    row[i_inter2],
                    row[i_civilians],
                    row[i_tags],
                    row[i_geo],
                    row[i_scale],
                )
                kind = kinds.get(kind_key)
                if kind is None:
                    kind = remember(kinds, kind_key, kind_pieces(kind_and_coding(kind_key), piece))
                kind_piece, tags_piece, label, unknown, lines, unread = kind
                if unknown is not None:
                    unknown_types[unknown] += 1
                for said in unread:
                    report.problem(line(at), said)

                title_key = (label, location)
                title_piece = titles.get(title_key)
                if title_piece is None:
                    title_piece = remember(titles, title_key, piece("title", title_of(title_key)))

                country = row[i_country]
                place_key = (
                    location,
                    row[i_admin3],
                    row[i_admin2],
                    row[i_admin1],
                    country,
                    row[i_region],
                )
                places_piece = places.get(place_key)
                if places_piece is None:
                    made_places = piece("places", places_of(place_key))
                    places_piece = remember(places, place_key, made_places)

                actor_key = (actor1, row[i_assoc1], row[i_actor2], row[i_assoc2])
                participants_piece = participant_pieces.get(actor_key)
                if participants_piece is None:
                    made_participants = piece("participants", cast.participants(actor_key))
                    participants_piece = remember(participant_pieces, actor_key, made_participants)

                source_text = row[i_source]
                sources_piece = source_pieces.get(source_text)
                if sources_piece is None:
                    # The model's default (no sources) is not written.
                    made_sources = piece("sources", cast.cited(source_text) or None)
                    sources_piece = remember(source_pieces, source_text, made_sources)

                # ACLED's ids (ARG10607) are letters and digits: no pattern to run.
                if len(raw_id) <= MAX_ID and (
                    (raw_id.isascii() and raw_id.isalnum()) or _PLAIN_ID.fullmatch(raw_id)
                ):
                    wanted = raw_id
                else:
                    wanted = make_id(raw_id)
                if take_id(wanted):
                    event_id = wanted
                else:
                    event_id = unique_id(wanted)
                    report.problem(
                        line(at),
                        translate("importers", "event id {0} is repeated: imported as {1}").format(
                            quoted(raw_id), repr(event_id)
                        ),
                    )

                summary = row[i_notes]
                # long_text() when it has work to do: a line break, a control character.
                if summary.isprintable() and len(summary) <= MAX_LONG_TEXT:
                    summary = summary.strip()
                else:
                    summary = long_text(summary)

                stamp = row[i_stamp]
                changed = stamps.get(stamp)
                if changed is None:
                    changed = remember(stamps, stamp, changed_line(stamp))
                if isinstance(changed, tuple):
                    report.problem(line(at), changed[0])
                    changed = ""
                summary = with_lines(summary, lines, changed)

                fatalities = row[i_fatalities]
                dead = dead_pieces.get(fatalities)
                if dead is None:
                    dead = remember(dead_pieces, fatalities, dead_piece(fatalities, piece))
                if isinstance(dead, str):
                    report.problem(line(at), dead)
                    dead = no_dead

                where_key = (row[i_lat], row[i_lon])
                where = coordinates.get(where_key)
                if where is None:
                    where = remember(coordinates, where_key, where_piece(where_key, piece))
                if isinstance(where, str):
                    report.problem(line(at), where)
                    where = no_where

                write(
                    event_id,
                    (
                        kind_piece,
                        title_piece,
                        date_piece,
                        participants_piece,
                        places_piece,
                        tags_piece,
                    ),
                    summary,
                    (sources_piece, dead, where),
                )
                events += 1
                precisions[raw_precision] += 1
                if day < first_day:
                    first_day = day
                if day > last_day:
                    last_day = day
                if country not in countries and len(countries) < 1000:
                    countries[country] = None

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
            seen.first_day, seen.last_day = first_day, last_day
            progress(1.0)  # the last chance to stop: the file is not in place yet
            writer.finish(cast.actors.values(), cast.sources.values())
        report.actors = len(cast.actors)
        report.sources = len(cast.sources)
        add_notes(report, seen)
        return report


def _left_out(report: ImportReport, at: int, row: list[str], column: dict[str, int]) -> None:
    """Report the row at line ``at`` as left out for the required values it lacks."""
    empty = [c for c in REQUIRED if not row[column[c]].strip()]
    report.problem(
        line(at),
        translate("importers", "no {0}: the row is left out").format(", ".join(empty)),
    )
