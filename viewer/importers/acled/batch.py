"""ACLED rows made events a batch at a time, a column at a time (Qt-free).

The importer reads :data:`BATCH` rows (:mod:`~viewer.importers.acled.convert`)
and hands them to :meth:`Rows.convert`. Each of a row's values is looked up
in its cache for the whole column at once (``map`` over the column, in C);
only the values not kept yet are made, one at a time, in the order of the
rows: as the writer's pieces (:mod:`~viewer.importers.acled.pieces`), or
what is wrong with them. The events are handed to the writer as columns
(:meth:`~viewer.importers.common.ModelWriter.events_of`), their ids taken in
the order of the rows. A row-by-row loop did the same work in Python's
interpreter, a bytecode at a time, for every row.

The problems found are kept with where they were found (the row's place in
the batch, the step that found it) and said in the order a row-by-row loop
said them: by row, and in a row by step (:data:`STEPS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from viewer.domain.dates import quoted
from viewer.domain.terms import MAX_ID, MAX_LONG_TEXT
from viewer.domain.words import translate
from viewer.importers.acled.actors import ACTOR_COLUMNS, ActorsAndSources
from viewer.importers.acled.coding import KIND_COLUMNS, changed_line, kind_and_coding, with_lines
from viewer.importers.acled.header import REQUIRED
from viewer.importers.acled.pieces import dead_piece, kind_pieces, when_piece, where_piece
from viewer.importers.acled.report import Seen
from viewer.importers.acled.values import (
    COORDINATE_COLUMNS,
    PLACE_COLUMNS,
    date_of,
    places_of,
    remember,
    title_of,
)
from viewer.importers.common import ModelWriter, long_text, make_id

# Rows read and made events at a time: a batch's rows and what is made of them
# stay in the processor's caches. Six alternated imports of 100,000 rows to
# .json.gz: 1,024 rows took 1.68 s at best (median 1.97 s), 256 1.46 s (1.70
# s), 128 1.49 s (1.76 s).
BATCH = 256
# The most fields a batch holds (256 rows of 64 columns; ACLED's have 31): a
# header of thousands of columns makes batches of fewer rows.
FIELDS = BATCH * 64
# The steps that find a row's problems, in the order a row's are said.
STEPS = (
    "read",  # not read as CSV (said before the row read after it)
    "bytes",  # bytes that are not UTF-8
    "row",  # fields, required values, date: the row is left out
    "coding",  # a coding column that cannot be read
    "id",  # a repeated id
    "timestamp",
    "fatalities",
    "coordinates",
)
READ, BYTES, ROW, CODING, ID, STAMP, DEAD, WHERE = range(len(STEPS))
# A problem: the row's place in its batch, the step, the row's line, what is wrong.
Found = tuple[int, int, int, str]

# An id that make_id would give back unchanged: used as it is.
_PLAIN_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:-]*[A-Za-z0-9])?", re.ASCII)
_Key = TypeVar("_Key", bound=Hashable)
_Made = TypeVar("_Made")


class Rows:
    """Makes events of ACLED rows, a batch at a time, for one import's writer;
    keeps the values that repeat, and what ``seen`` tells."""

    def __init__(
        self, writer: ModelWriter, column: dict[str, int], cast: ActorsAndSources, seen: Seen
    ) -> None:
        self._writer = writer
        self._column = column
        self._cast = cast
        self._seen = seen
        piece = self._piece = writer.piece
        # Caches of values that repeat, emptied when full (see values.remember):
        # each value as the file holds it, a piece the writer checked once
        # (ModelWriter.piece), or what is wrong with its text.
        self._dates: dict[tuple[str, str], tuple[bytes, str] | str] = {}
        self._kinds: dict[
            tuple[str, ...], tuple[bytes, bytes, str, str | None, str, list[str]]
        ] = {}
        self._titles: dict[tuple[str, str], bytes] = {}
        self._places: dict[tuple[str, ...], bytes] = {}
        self._participants: dict[tuple[str, str, str, str], bytes] = {}
        self._sources: dict[str, bytes] = {}
        self._stamps: dict[str, str | tuple[str]] = {}
        self._fatalities: dict[str, bytes | str] = {}
        self._coordinates: dict[tuple[str, str], bytes | str] = {}
        # Fatalities and coordinates left out (a problem said instead).
        self._no_dead = piece("fatalities", None)
        self._no_where = piece("coordinates", None)
        self.events = 0
        self.first_day, self.last_day = "\uffff", ""

    def convert(self, rows: list[list[str]], ats: list[int], found: list[Found]) -> None:
        """Write the events of ``rows`` (each with as many fields as the
        header, and one more when a column is missing: see ``column``), read
        at the lines ``ats``; the problems are added to ``found``."""
        if not rows:
            return
        c = self._column
        columns: list[Sequence[str]] = list(zip(*rows, strict=True))
        if len(columns) <= max(c.values()):  # the columns missing read as ""
            columns.append(("",) * len(rows))
        for n, values in enumerate(columns):
            if "NA" in values:  # R's write.csv writes a missing value as NA: none
                columns[n] = ["" if value == "NA" else value for value in values]
        ids = list(map(str.strip, columns[c["event_id_cnty"]]))
        days = list(map(str.strip, columns[c["event_date"]]))
        precisions = list(map(str.strip, columns[c["time_precision"]]))
        types = list(map(str.strip, columns[c["event_type"]]))
        required = zip(
            ids,
            days,
            precisions,
            types,
            map(str.strip, columns[c["actor1"]]),
            map(str.strip, columns[c["location"]]),
            strict=True,
        )
        kept = list(map(all, required))
        whens: list[Any] = [None] * len(rows)
        dates = self._dates
        for n, whole in enumerate(kept):
            if not whole:
                found.append((n, ROW, ats[n], self._left_out(columns, n)))
                continue
            key = (days[n], precisions[n])
            when = dates.get(key)
            if when is None:
                when = remember(dates, key, when_piece(date_of(key), self._piece))
            if isinstance(when, str):
                found.append((n, ROW, ats[n], when))
                kept[n] = False
            whens[n] = when
        if not all(kept):  # some rows are left out: the others' values
            at = [n for n, whole in enumerate(kept) if whole]
            if not at:
                return
            columns = [[values[n] for n in at] for values in columns]
            ids, precisions, types, whens = (
                [values[n] for n in at] for values in (ids, precisions, types, whens)
            )
        else:
            at = list(range(len(rows)))
        self._events(columns, at, [ats[n] for n in at], ids, precisions, types, whens, found)

    def _events(
        self,
        columns: list[Sequence[str]],
        at: list[int],
        ats: list[int],
        ids: list[str],
        precisions: list[str],
        types: list[str],
        whens: list[tuple[bytes, str]],
        found: list[Found],
    ) -> None:
        """The events of the rows kept (at ``at`` in the batch, read at ``ats``)."""
        c = self._column

        def column(name: str) -> Sequence[str]:
            return columns[c[name]]

        def keys(names: Sequence[str]) -> list[Any]:
            """The rows' values of the columns ``names``, a tuple a row."""
            return list(zip(*map(column, names), strict=True))

        piece, cast = self._piece, self._cast
        # The kind's key: event_type as the rows kept it (stripped), the rest as read.
        kind_keys: list[Any] = list(zip(types, *map(column, KIND_COLUMNS[1:]), strict=True))
        kinds = _looked_up(
            self._kinds, kind_keys, lambda key: kind_pieces(kind_and_coding(key), piece)
        )
        unknown = [kind[3] for kind in kinds if kind[3] is not None]
        if unknown:
            self._seen.unknown_types.update(unknown)
        for n, kind in enumerate(kinds):
            for said in kind[5]:
                found.append((at[n], CODING, ats[n], said))
        titles = _looked_up(
            self._titles,
            list(zip(map(itemgetter(2), kinds), column("location"), strict=True)),
            lambda key: piece("title", title_of(key)),
        )
        places = _looked_up(
            self._places, keys(PLACE_COLUMNS), lambda key: piece("places", places_of(key))
        )
        participants = _looked_up(
            self._participants,
            keys(ACTOR_COLUMNS),
            lambda key: piece("participants", cast.participants(key)),
        )
        # The model's default (no sources) is not written.
        sources = _looked_up(
            self._sources, column("source"), lambda text: piece("sources", cast.cited(text) or None)
        )
        event_ids = self._take_ids(ids, at, ats, found)
        summaries = self._summaries(column("notes"), kinds, column("timestamp"), at, ats, found)
        dead = self._said(
            _looked_up(
                self._fatalities, column("fatalities"), lambda text: dead_piece(text, piece)
            ),
            self._no_dead,
            DEAD,
            at,
            ats,
            found,
        )
        where = self._said(
            _looked_up(
                self._coordinates, keys(COORDINATE_COLUMNS), lambda key: where_piece(key, piece)
            ),
            self._no_where,
            WHERE,
            at,
            ats,
            found,
        )
        self._writer.events_of(
            event_ids,
            (
                list(map(itemgetter(0), kinds)),
                titles,
                list(map(itemgetter(0), whens)),
                participants,
                places,
                list(map(itemgetter(1), kinds)),
            ),
            summaries,
            (sources, dead, where),
        )
        seen = self._seen
        self.events += len(event_ids)
        seen.precisions.update(precisions)
        days = list(map(itemgetter(1), whens))
        self.first_day = min(self.first_day, min(days))
        self.last_day = max(self.last_day, max(days))
        countries = seen.countries
        for name in dict.fromkeys(column("country")):
            if name not in countries and len(countries) < 1000:
                countries[name] = None

    def _take_ids(
        self, raw_ids: list[str], at: list[int], ats: list[int], found: list[Found]
    ) -> list[str]:
        """The events' ids, taken in the order of the rows: ACLED's as they are
        (letters and digits: no pattern to run), a repeated one made unique."""
        wanted = [
            raw
            if len(raw) <= MAX_ID
            and ((raw.isascii() and raw.isalnum()) or _PLAIN_ID.fullmatch(raw))
            else make_id(raw)
            for raw in raw_ids
        ]
        take_ids = self._writer.take_ids
        made: list[str] = []
        start = 0
        while start < len(wanted):
            start += take_ids(wanted, start)  # each taken until one an event has
            made += wanted[len(made) : start]
            if start < len(wanted):
                event_id = self._writer.unique_id(wanted[start])
                made.append(event_id)
                said = translate("importers", "event id {0} is repeated: imported as {1}").format(
                    quoted(raw_ids[start]), repr(event_id)
                )
                found.append((at[start], ID, ats[start], said))
                start += 1
        return made

    def _summaries(
        self,
        notes: Sequence[str],
        kinds: list[tuple[bytes, bytes, str, str | None, str, list[str]]],
        stamps: Sequence[str],
        at: list[int],
        ats: list[int],
        found: list[Found],
    ) -> list[str]:
        """The events' summaries: the notes made plain and the coding's lines."""
        plain = list(map(str.strip, notes))
        if not all(map(str.isprintable, notes)) or max(map(len, notes)) > MAX_LONG_TEXT:
            plain = [  # long_text() where it has work to do: a line break, a control character
                note.strip()
                if note.isprintable() and len(note) <= MAX_LONG_TEXT
                else long_text(note)
                for note in notes
            ]
        changed: list[Any] = _looked_up(self._stamps, stamps, changed_line)
        if tuple in set(map(type, changed)):
            for n, line in enumerate(changed):
                if isinstance(line, tuple):
                    found.append((at[n], STAMP, ats[n], line[0]))
                    changed[n] = ""
        return list(map(with_lines, plain, map(itemgetter(4), kinds), changed))

    def _said(
        self,
        made: list[bytes | str],
        instead: bytes,
        step: int,
        at: list[int],
        ats: list[int],
        found: list[Found],
    ) -> list[bytes]:
        """``made``, each problem (a text) said and its value left out."""
        if str in set(map(type, made)):
            for n, value in enumerate(made):
                if isinstance(value, str):
                    found.append((at[n], step, ats[n], value))
                    made[n] = instead
        return made  # type: ignore[return-value]

    def _left_out(self, columns: list[Sequence[str]], n: int) -> str:
        """Why the row at ``n`` is left out: the required values it lacks."""
        empty = [name for name in REQUIRED if not columns[self._column[name]][n].strip()]
        return translate("importers", "no {0}: the row is left out").format(", ".join(empty))


def _looked_up(
    cache: dict[_Key, _Made], keys: Sequence[_Key], make: Callable[[_Key], _Made]
) -> list[_Made]:
    """The value of each of ``keys`` in ``cache``; one not there made (in the
    order of the keys) and kept."""
    got: list[Any] = list(map(cache.get, keys))
    if None in got:
        for n, value in enumerate(got):
            if value is None:
                key = keys[n]
                value = cache.get(key)  # made for a row before, in this batch
                got[n] = value if value is not None else remember(cache, key, make(key))
    return got
