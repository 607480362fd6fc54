"""ACLED's CSV exports as a timeline: one event per row (Qt-free).

ACLED (the Armed Conflict Location & Event Data project) exports one row per
event. :func:`import_acled` reads the file as a stream, one row at a time,
and hands each event to :class:`~viewer.importers.common.ModelWriter` as it
is made: memory stays flat in the size of the file. Actors and sources are
kept once per distinct name; the event ids seen so far, to keep them unique,
one bit each (ACLED's ids are a country's letters and a number,
``ARG10607``; any other id is kept as a string).

Columns are found by name, in any case. The current layout (31 columns,
lower case) and the older one (upper case, no ``disorder_type``, with
``GWNO`` or ``EVENT_ID_NO_CNTY`` in some versions) are both read; the report
says when the older one was. A file without the required columns is
refused, naming the ones missing and the ones found:

``event_id_cnty``, ``event_date``, ``time_precision``, ``event_type``,
``actor1``, ``location``

(the least an event is written from: its id, its date and how precise it
is, its kind and title, who took part and where). Every other column is used
when present. A row without one of these values, with a date or precision
that cannot be read, or with more or fewer fields than the header is left
out and reported by its line in the file (the line it starts on); a value
that cannot be read in an optional column (fatalities, coordinates) is left
out of its event, and reported the same way.

What each event is made of:

==============  ==============================================================
event field     from
==============  ==============================================================
id              ``event_id_cnty``, as an id the model accepts; a repeated one
                gets ``-2``, ``-3`` ... and is reported
kind            ``event_type`` (and ``sub_event_type``), see below
title           "``sub_event_type`` in ``location``" (``event_type`` when there
                is no sub-event type), one line of at most 500 characters
date            ``event_date`` and ``time_precision``, see below
status          always "occurred": ACLED records events that took place
participants    ``actor1``, ``assoc_actor_1``, ``actor2``, ``assoc_actor_2`` (the
                associated actors hold several names separated by ";"), each
                name once, in that order
places          ``location``, ``admin2``, ``admin1``, ``country``: the distinct
                ones that are not empty, in that order
summary         ``notes``
sources         ``source``: one or several names separated by ";"
tags            ``event_type``, ``sub_event_type``, ``disorder_type``: the
                distinct ones that are not empty, spelt as in the file (ACLED's
                own "Demostrations" stays as it is)
fatalities      ``fatalities``, a whole number from 0
coordinates     ``latitude`` and ``longitude``, when both are given and on Earth
==============  ==============================================================

Kinds, from ACLED's event types (case does not matter):

=================================================  ==========
``event_type``                                     kind
=================================================  ==========
Battles (and the older "Battle-..." types)         attack
Explosions/Remote violence (older: Remote          attack
violence)
Violence against civilians                         attack
Protests, Riots (older: Riots/Protests)            other
Strategic developments, sub-event type Agreement   talks
Strategic developments, any other sub-event type   other
(older: Strategic development, Non-violent
transfer of territory, Headquarters or base
established)
anything else                                      other, counted in the
                                                   report's notes
=================================================  ==========

Dates. ``event_date`` is read as ISO (``2022-06-04``; a time of day after it,
as spreadsheets write one, is dropped), as "04 June 2022" or "4 Jun 2022", or
as "04-Jun-22" / "04-June-2022" (a two-digit year is 1969 to 2068, as POSIX
reads it). ``time_precision`` says what ACLED knows:

* 1, the day: precision day, ``2022-06-04``;
* 2, only the week or the weekend: ACLED codes a day within it; the event is
  the ISO week (Monday to Sunday) that holds that day, precision week,
  ``2022-W22``, with ACLED's coded day in the date's note;
* 3, only the month: precision month, ``2022-06``, with the coded day in the
  note.

Actors. ACLED's actors are groups, so each is an organisation, except the
names ACLED gives a state's own forces and government ("Government of ...",
"Military Forces of ...", "Police Forces of ..."), which are states. An actor
name is the same actor wherever it appears (as ``actor1``, ``actor2`` or an
associated actor).

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
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from viewer.domain.dates import quoted
from viewer.domain.describe import MONTHS
from viewer.domain.model import MAX_ID, MAX_ITEMS, MAX_LONG_TEXT
from viewer.domain.progress import Progress, no_progress
from viewer.domain.words import number, translate
from viewer.importers.common import (
    Ids,
    ImportFailed,
    ImportProblem,
    ImportReport,
    ModelWriter,
    long_text,
    make_id,
    name,
    place,
    plain,
    tag,
)
from viewer.importers.common import (
    timeline_id as common_timeline_id,
)
from viewer.importers.common import title as title_text
from viewer.importers.output_check import IdSet

#: The columns an event cannot be made without (see the module's docstring).
REQUIRED = ("event_id_cnty", "event_date", "time_precision", "event_type", "actor1", "location")
#: The columns used when they are there.
OPTIONAL = (
    "disorder_type",
    "sub_event_type",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
)

#: Progress is told every this many rows.
_PROGRESS_ROWS = 4096
#: The caches of values that repeat from row to row (dates, places, actors'
#: fields, coordinates) are emptied when they reach this size: a file of
#: millions of distinct values keeps memory flat, a usual one hits them.
_CACHE_SIZE = 1 << 12
#: The largest number of fatalities kept: a whole number a JSON reader holds.
_MOST_FATALITIES = 2**63 - 1

_ATTACK_TYPES = frozenset(
    {"battles", "explosions/remote violence", "remote violence", "violence against civilians"}
)
_STRATEGIC_TYPES = frozenset({"strategic developments", "strategic development"})
_OTHER_TYPES = frozenset(
    {
        "protests",
        "riots",
        "riots/protests",
        "non-violent transfer of territory",
        "headquarters or base established",
    }
)
#: Names ACLED gives a state's own forces and government: actors of kind "state".
_STATE_PREFIXES = ("government of ", "military forces of ", "police forces of ")

#: An id that :func:`make_id` would give back unchanged: used as it is.
_PLAIN_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:-]*[A-Za-z0-9])?", re.ASCII)

#: ACLED writes months in English, whatever the reader's language: the English
#: names the dates' words are marked with (before any translation).
_MONTH_NAMES = [month.lower() for month in MONTHS]
#: Months by their English names and the first three letters of them, in lower case.
_MONTHS = {
    **{month: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    **{month[:3]: number for number, month in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
#: "04 June 2022", "4 Jun 2022", "04-Jun-22", "04-June-2022".
_SLASHED_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
_WORDED_DATE = re.compile(r"(\d{1,2})(?: +|-)([A-Za-z]{3,9})\.?(?: +|-)(\d{4}|\d{2})", re.ASCII)
#: "2022-06-04", and "2022-06-04 00:00:00" as spreadsheets and data frames write it.
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", re.ASCII
)


def import_acled(
    src: Path,
    out: Path,
    *,
    timeline_id: str | None = None,
    title: str | None = None,
    progress: Progress = no_progress,
) -> ImportReport:
    """Write the ACLED export ``src`` as the model file ``out``, one event per row.

    Raises :class:`~viewer.importers.common.ImportFailed` when the file is not
    an ACLED export (columns missing, not UTF-8 text) or no row could be
    imported; ``progress`` hears the share of the file read and may raise
    :class:`~viewer.domain.progress.LoadCancelled`, which leaves ``out`` as it
    was. Rows and values left out are in the report, by line.
    """
    try:
        if not stat.S_ISREG(src.stat().st_mode):  # a pipe would hang open() below
            raise ImportFailed(translate("importers", "is not a regular file (a folder, a pipe)"))
        # A byte that is not UTF-8 becomes U+FFFD and its row is reported (not
        # the whole import refused): see _Replaced.
        replaced = _REPLACED.count
        handle = open(  # noqa: SIM115 (closed below)
            src, encoding="utf-8-sig", newline="", errors=_REPLACED.name
        )
    except OSError as exc:
        raise ImportFailed(
            translate("importers", "cannot be read: {0}").format(exc.strerror or exc)
        ) from None
    with handle:
        try:
            return _Import(src, handle, progress, replaced).run(out, timeline_id, title)
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                translate("importers", "not UTF-8 text ({0}); save the export as UTF-8").format(
                    exc.reason
                ),
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


class _SeenIds(Ids):
    """The event ids taken so far, made unique as :class:`~viewer.importers.common.Ids`
    does ("ARG1" twice gives "ARG1-2"), in little memory: a bit per ACLED id
    (:class:`~viewer.importers.output_check.IdSet`)."""

    def __init__(self) -> None:
        super().__init__()
        self._seen = IdSet()

    def _take(self, wanted: str) -> bool:
        """Take ``wanted``; False if it was taken already."""
        return self._seen.add(wanted)


class _Import:
    """One import: the caches, the actors and sources so far, and the report."""

    def __init__(self, src: Path, handle: TextIO, progress: Progress, replaced: int = 0) -> None:
        self.src = src
        #: Bytes read as U+FFFD so far whose rows were reported (see _Replaced).
        self.replaced = replaced
        self.handle = handle
        self.progress = progress
        self.report = ImportReport()
        self.size = max(os.fstat(handle.fileno()).st_size, 1)
        # Kept for the whole import: one entry per distinct name.
        self.actors: dict[str, dict[str, Any]] = {}
        self.actor_ids = Ids()
        self.sources: dict[str, dict[str, Any]] = {}
        self.source_ids = Ids()
        self.event_ids = _SeenIds()
        self.countries: dict[str, None] = {}
        self.first_day = ""
        self.last_day = ""
        self.precisions: Counter[str] = Counter()
        self.unknown_types: Counter[str] = Counter()
        # Caches of values that repeat, emptied when full.
        self.dates: dict[tuple[str, str], tuple[dict[str, Any], str] | str] = {}
        self.kinds: dict[tuple[str, str, str], tuple[str, list[str], str, str | None]] = {}
        self.titles: dict[tuple[str, str], str] = {}
        self.places: dict[tuple[str, str, str, str], list[str]] = {}
        self.participants: dict[tuple[str, str, str, str], list[str]] = {}
        self.actor_texts: dict[str, str | None] = {}
        self.source_lists: dict[str, list[str]] = {}
        self.coordinates: dict[tuple[str, str], dict[str, float] | str] = {}

    # -- the header ----------------------------------------------------------------

    def _columns(self, header: list[str]) -> dict[str, int]:
        names = [column.strip().lower() for column in header]
        index: dict[str, int] = {}
        for i, column in enumerate(names):
            index.setdefault(column, i)
        missing = [column for column in REQUIRED if column not in index]
        if missing:
            empty = translate("importers", "(empty)")
            shown = ", ".join(plain(column, 40) or empty for column in header[:12])
            if len(header) > 12:
                shown = translate("importers", "{0}, ... ({1} columns)").format(shown, len(header))
            raise ImportFailed(
                translate(
                    "importers", "not an ACLED export: missing columns {0} (found: {1})"
                ).format(", ".join(missing), shown),
            )
        for older, current in (
            ("ally_actor_1", "assoc_actor_1"),
            ("ally_actor_2", "assoc_actor_2"),
        ):
            if current not in index and older in index:  # the older layout's name for them
                index[current] = index[older]
        originals = [header[index[column]].strip() for column in REQUIRED]
        if all(original.isupper() for original in originals):
            self.report.notes.append(
                translate("importers", "read the older ACLED layout (column names in capitals)")
                if "disorder_type" in index
                else translate(
                    "importers",
                    "read the older ACLED layout (column names in capitals, no disorder_type)",
                )
            )
        return index

    # -- the rows ------------------------------------------------------------------

    def run(self, out: Path, timeline_id: str | None, title: str | None) -> ImportReport:
        report = self.report
        reader = csv.reader(self.handle)
        header: list[str] = []
        while not header:
            try:
                header = next(reader)
            except StopIteration:
                raise ImportFailed(translate("importers", "the file is empty")) from None
            except csv.Error as exc:
                raise ImportFailed(
                    [
                        ImportProblem(
                            _line(reader.line_num),
                            translate("importers", "not read as CSV: {0}").format(exc),
                        )
                    ]
                ) from None
        index = self._columns(header)
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
        i_location, i_admin2, i_admin1, i_country = (
            column["location"],
            column["admin2"],
            column["admin1"],
            column["country"],
        )
        i_lat, i_lon = column["latitude"], column["longitude"]
        i_source, i_notes, i_fatalities = column["source"], column["notes"], column["fatalities"]

        made_id = common_timeline_id(timeline_id, self.src, "acled")
        shown_title = title_text(title) or title_text(f"ACLED events from {self.src.name}")
        description = long_text(
            f"Imported from the ACLED export {plain(self.src.name, 500)}: one event per row, "
            "as ACLED (the Armed Conflict Location & Event Data project) coded it."
        )

        dates, kinds, titles, places = self.dates, self.kinds, self.titles, self.places
        participants_of, source_lists, coordinates = (
            self.participants,
            self.source_lists,
            self.coordinates,
        )
        countries = self.countries
        precisions = self.precisions
        unique_id = self.event_ids.unique
        progress, buffer = self.progress, self.handle.buffer
        first_day, last_day = "\uffff", ""
        events = 0
        last = reader.line_num
        progress(0.0)
        with ModelWriter(
            out, timeline_id=made_id, title_=shown_title, language="en", description=description
        ) as writer:
            write = writer.event
            rows = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    report.problem(
                        _line(last + 1), translate("importers", "not read as CSV: {0}").format(exc)
                    )
                    last = reader.line_num
                    continue
                line = last + 1
                last = reader.line_num
                rows += 1
                if _REPLACED.count != self.replaced:  # decoded ahead: find the rows
                    found = sum(field.count("\ufffd") for field in row)
                    if found:
                        self.replaced += found
                        report.problem(
                            _line(line),
                            translate(
                                "importers", "bytes that are not UTF-8 were read as {0}"
                            ).format("\ufffd"),
                        )
                if not rows % _PROGRESS_ROWS:
                    progress(min(buffer.tell() / self.size, 1.0))
                if len(row) != fields:
                    if row and (len(row) > 1 or row[0].strip()):
                        report.problem(
                            _line(line),
                            translate("importers", "has {0} fields, the header has {1}").format(
                                len(row), fields
                            ),
                        )
                    continue
                if pad:
                    row.append("")
                raw_id = row[i_id].strip()
                raw_date = row[i_date].strip()
                raw_precision = row[i_precision].strip()
                event_type = row[i_type].strip()
                actor1 = row[i_actor1]
                location = row[i_location]
                if not (raw_id and raw_date and raw_precision and event_type and actor1.strip()):
                    self._empty(line, row, column)
                    continue
                if not location.strip():
                    self._empty(line, row, column)
                    continue

                when = dates.get((raw_date, raw_precision))
                if when is None:
                    when = self._date(raw_date, raw_precision)
                if isinstance(when, str):
                    report.problem(_line(line), when)
                    continue
                date_value, day = when

                sub_type, disorder = row[i_sub], row[i_disorder]
                kind_key = (event_type, sub_type, disorder)
                kind = kinds.get(kind_key)
                if kind is None:
                    kind = self._kind(kind_key)
                kind_name, tags, label, unknown = kind
                if unknown is not None:
                    self.unknown_types[unknown] += 1

                title_key = (label, location)
                event_title = titles.get(title_key)
                if event_title is None:
                    event_title = self._title(title_key)

                admin2, admin1, country = row[i_admin2], row[i_admin1], row[i_country]
                place_key = (location, admin2, admin1, country)
                event_places = places.get(place_key)
                if event_places is None:
                    event_places = self._places(place_key)

                actor_key = (actor1, row[i_assoc1], row[i_actor2], row[i_assoc2])
                participants = participants_of.get(actor_key)
                if participants is None:
                    participants = self._participants(actor_key)

                source_text = row[i_source]
                sources = source_lists.get(source_text)
                if sources is None:
                    sources = self._sources(source_text)

                if len(raw_id) <= MAX_ID and _PLAIN_ID.fullmatch(raw_id):
                    wanted = raw_id
                else:
                    wanted = make_id(raw_id)
                event_id = unique_id(wanted)
                if event_id != wanted:
                    report.problem(
                        _line(line),
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

                event: dict[str, Any] = {
                    "id": event_id,
                    "kind": kind_name,
                    "title": event_title,
                    "date": date_value,
                    "participants": participants,
                    "places": event_places,
                    "summary": summary,
                    "sources": sources,
                    "tags": tags,
                }

                fatalities = row[i_fatalities]
                if fatalities == "0":
                    event["fatalities"] = 0
                elif fatalities:
                    count = _count(fatalities)
                    if count is None:
                        report.problem(
                            _line(line),
                            translate(
                                "importers", "fatalities {0} is not a whole number from 0: left out"
                            ).format(quoted(fatalities)),
                        )
                    else:
                        event["fatalities"] = count

                where_key = (row[i_lat], row[i_lon])
                where = coordinates.get(where_key)
                if where is None:
                    where = self._coordinates(where_key)
                if type(where) is dict:
                    event["coordinates"] = where
                elif where:
                    report.problem(_line(line), str(where))

                write(event)
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
            self.first_day, self.last_day = first_day, last_day
            progress(1.0)  # the last chance to stop: the file is not in place yet
            writer.finish(self.actors.values(), self.sources.values())
        report.actors = len(self.actors)
        report.sources = len(self.sources)
        self._notes()
        return report

    def _empty(self, line: int, row: list[str], column: dict[str, int]) -> None:
        empty = [c for c in REQUIRED if not row[column[c]].strip()]
        self.report.problem(
            _line(line),
            translate("importers", "no {0}: the row is left out").format(", ".join(empty)),
        )

    # -- values, computed once and cached -------------------------------------------

    def _date(self, raw_date: str, raw_precision: str) -> tuple[dict[str, Any], str] | str:
        cache = self.dates
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        made: tuple[dict[str, Any], str] | str
        day = _day(raw_date)
        if day is None:
            made = translate(
                "importers",
                "event_date {0} is not a date (expected 2022-06-04 or 04 June 2022): "
                "the row is left out",
            ).format(quoted(raw_date))
        elif raw_precision == "1":
            made = ({"precision": "day", "start": day.isoformat()}, day.isoformat())
        elif raw_precision == "2":
            week = day.isocalendar()
            made = (
                {
                    "precision": "week",
                    "start": f"{week.year:04d}-W{week.week:02d}",
                    "note": f"ACLED codes it as {day.isoformat()} and knows only its week",
                },
                day.isoformat(),
            )
        elif raw_precision == "3":
            made = (
                {
                    "precision": "month",
                    "start": day.isoformat()[:7],
                    "note": f"ACLED codes it as {day.isoformat()} and knows only its month",
                },
                day.isoformat(),
            )
        else:
            made = translate(
                "importers",
                "time_precision {0} is not 1 (day), 2 (week) or 3 (month): the row is left out",
            ).format(quoted(raw_precision))
        cache[(raw_date, raw_precision)] = made
        return made

    def _kind(self, key: tuple[str, str, str]) -> tuple[str, list[str], str, str | None]:
        cache = self.kinds
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        event_type, sub_type, disorder = key
        lowered = event_type.lower()
        known = True
        if lowered in _ATTACK_TYPES or lowered.startswith("battle"):
            kind = "attack"
        elif lowered in _STRATEGIC_TYPES:
            kind = "talks" if sub_type.strip().lower() == "agreement" else "other"
        else:
            kind = "other"
            known = lowered in _OTHER_TYPES
        tags: list[str] = []
        for text in (event_type, sub_type, disorder):
            made = tag(text)
            if made and made not in tags:
                tags.append(made)
        label = tag(sub_type) or tag(event_type) or "ACLED event"
        made_kind = (kind, tags, label, None if known else tag(event_type) or "(no type)")
        cache[key] = made_kind
        return made_kind

    def _title(self, key: tuple[str, str]) -> str:
        cache = self.titles
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        label, location = key
        where = place(location)
        made = title_text(f"{label} in {where}" if where else label)
        cache[key] = made
        return made

    def _places(self, key: tuple[str, str, str, str]) -> list[str]:
        cache = self.places
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        made: list[str] = []
        for text in key:
            one = place(text)
            if one and one not in made:
                made.append(one)
        cache[key] = made
        return made

    def _participants(self, key: tuple[str, str, str, str]) -> list[str]:
        cache = self.participants
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        actor1, assoc1, actor2, assoc2 = key
        made: list[str] = []
        for names in ([actor1], assoc1.split(";"), [actor2], assoc2.split(";")):
            for text in names:
                actor = self._actor(text)
                if actor and actor not in made:
                    made.append(actor)
        del made[MAX_ITEMS:]
        cache[key] = made
        return made

    def _actor(self, text: str) -> str | None:
        """The id of the actor called ``text``, made the first time it is seen."""
        texts = self.actor_texts
        if text in texts:
            return texts[text]
        if len(texts) >= _CACHE_SIZE:
            texts.clear()
        texts[text] = made = self._new_actor(text)
        return made

    def _new_actor(self, text: str) -> str | None:
        shown = name(text)
        if not shown:
            return None
        actor = self.actors.get(shown)
        if actor is None:
            kind = "state" if shown.lower().startswith(_STATE_PREFIXES) else "organisation"
            actor = {
                "id": self.actor_ids.unique(make_id(shown, "actor-")),
                "kind": kind,
                "name": shown,
            }
            self.actors[shown] = actor
        made: str = actor["id"]
        return made

    def _sources(self, text: str) -> list[str]:
        cache = self.source_lists
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        made: list[str] = []
        for part in text.split(";"):
            shown = title_text(part)
            if not shown:
                continue
            source = self.sources.get(shown)
            if source is None:
                source = {"id": self.source_ids.unique(make_id(shown, "source-")), "title": shown}
                self.sources[shown] = source
            if source["id"] not in made:
                made.append(source["id"])
        del made[MAX_ITEMS:]
        cache[text] = made
        return made

    def _coordinates(self, key: tuple[str, str]) -> dict[str, float] | str:
        """The coordinates, "" when none are given, or what is wrong with them (the
        problem reported, in the reader's language)."""
        cache = self.coordinates
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        made: dict[str, float] | str
        latitude_text, longitude_text = key[0].strip(), key[1].strip()
        if not latitude_text and not longitude_text:
            made = ""
        elif not latitude_text:
            made = translate("importers", "no latitude: the coordinates are left out")
        elif not longitude_text:
            made = translate("importers", "no longitude: the coordinates are left out")
        else:
            latitude, longitude = _number(latitude_text), _number(longitude_text)
            if latitude is None:
                made = translate(
                    "importers", "latitude {0} is not a number: the coordinates are left out"
                ).format(quoted(latitude_text))
            elif longitude is None:
                made = translate(
                    "importers", "longitude {0} is not a number: the coordinates are left out"
                ).format(quoted(longitude_text))
            elif not -90 <= latitude <= 90:
                made = translate(
                    "importers",
                    "latitude {0} is not between -90 and 90: the coordinates are left out",
                ).format(quoted(latitude_text))
            elif not -180 <= longitude <= 180:
                made = translate(
                    "importers",
                    "longitude {0} is not between -180 and 180: the coordinates are left out",
                ).format(quoted(longitude_text))
            else:
                made = {"latitude": latitude, "longitude": longitude}
        cache[key] = made
        return made

    # -- the report ----------------------------------------------------------------

    def _notes(self) -> None:
        notes = self.report.notes
        countries = [country for country in (plain(c, 100) for c in self.countries) if country]
        shown = ", ".join(countries[:8])
        if len(countries) > 8:
            shown = translate("importers", "{0} and {1} more").format(shown, len(countries) - 8)
        if shown:
            notes.append(
                translate("importers", "events in {0}, from {1} to {2}").format(
                    shown, self.first_day, self.last_day
                )
            )
        else:
            notes.append(
                translate("importers", "events, from {0} to {1}").format(
                    self.first_day, self.last_day
                )
            )
        counts = self.precisions
        notes.append(
            translate(
                "importers",
                "dates: {0} to the day, {1} to the week (the ISO week that holds ACLED's coded "
                "day), {2} to the month",
            ).format(number(counts["1"]), number(counts["2"]), number(counts["3"]))
        )
        unknown = self.unknown_types
        if unknown:
            listed = ", ".join(
                f"{quoted(kind)} ({number(count)})" for kind, count in unknown.most_common(10)
            )
            if len(unknown) > 10:
                listed = translate("importers", "{0} and {1} more").format(
                    listed, len(unknown) - 10
                )
            notes.append(
                translate(
                    "importers",
                    "{0} events of types ACLED does not list were imported as 'other': {1}",
                ).format(number(sum(unknown.values())), listed)
            )


def _line(line: int) -> str:
    """Where a problem is: the line of the file, in the reader's language."""
    return translate("importers", "line {0}").format(line)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _count(text: str) -> int | None:
    """A whole number from 0 written in ASCII digits, or None."""
    digits = text.strip()
    if not digits.isascii() or not digits.isdigit() or len(digits) > 19:
        return None
    count = int(digits)
    return count if count <= _MOST_FATALITIES else None


def _day(text: str) -> date | None:
    """The day ``text`` names: ISO, "04 June 2022" or "04-Jun-22"; None if it is none."""
    try:
        iso = _ISO_DATE.fullmatch(text)
        if iso is not None:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        slashed = _SLASHED_DATE.fullmatch(text)  # the older exports': 18/04/2001
        if slashed is not None:
            return date(int(slashed[3]), int(slashed[2]), int(slashed[1]))
        worded = _WORDED_DATE.fullmatch(text)
        if worded is None:
            return None
        month = _MONTHS.get(worded[2].lower())
        if month is None:
            return None
        year = int(worded[3])
        if len(worded[3]) == 2:
            year += 1900 if year >= 69 else 2000
        return date(year, month, int(worded[1]))
    except ValueError:
        return None
