"""A TimelineJS spreadsheet's rows as the slides of a TimelineJS3 timeline (Qt-free).

Each row is put into a slide's shape and the TimelineJS3 conversion reads it
(:mod:`~viewer.importers.timelinejs.convert`), so dates, media, groups, eras
and the title slide are read as a JSON file's are; the paths its problems
name are put back into rows and columns (``row 7, Year``) by the
:class:`RowPaths` made with the slides.

How a row's cells become a slide's values, as TimelineJS reads the template:

- ``Year``, ``Month``, ``Day`` (and ``End ...``): whole numbers, spaces and
  commas dropped (``1,963`` is 1963); a workbook's 1963.0 is 1963. A date
  typed into a workbook's ``Year`` (with ``Month`` and ``Day`` empty) gives
  its year, month and day, and its time of day unless ``Time`` gives one.
- ``Time`` (and ``End Time``): ``HH:MM``, with seconds and milliseconds
  (``HH:MM:SS.mmm``), ``HHMM``, or ``.`` between the parts, with ``AM`` or
  ``PM`` after; a workbook's time of day as it is.
- ``Type``: ``title`` makes the row the title slide (the first such row; a
  second is a slide, as TimelineJS shows it), ``era`` an era; any other is a
  slide.
- ``Media``, ``Media Credit``, ``Media Caption``, ``Alt Text``: the slide's
  media; ``Display Date``, ``Headline``, ``Text``, ``Group`` as in JSON.
  ``Media Thumbnail`` and ``Background`` have no place in the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from viewer.domain.words import number, translate
from viewer.importers.common import ImportFailed, plain
from viewer.importers.timelinejs.sheet_file import Cell, Sheet
from viewer.importers.timelinejs.sheet_header import COLUMNS, REQUIRED, column_index, key

# A slide's fields and the columns that give them.
_TEXT = (("headline", "Headline"), ("text", "Text"))
_MEDIA = (
    ("url", "Media"),
    ("credit", "Media Credit"),
    ("caption", "Media Caption"),
    ("thumbnail", "Media Thumbnail"),
    ("alt", "Alt Text"),
)
_DATES = (
    ("start_date", ("Year", "Month", "Day", "Time")),
    ("end_date", ("End Year", "End Month", "End Day", "End Time")),
)
_TIME_PARTS = ("hour", "minute", "second", "millisecond")
# The column a path within a slide names (the first that fits).
_PLACES: tuple[tuple[str, str], ...] = (
    *((f".start_date.{part}", "Time") for part in _TIME_PARTS),
    *((f".end_date.{part}", "End Time") for part in _TIME_PARTS),
    (".start_date.year", "Year"),
    (".start_date.month", "Month"),
    (".start_date.day", "Day"),
    (".start_date", "Year"),
    (".end_date.year", "End Year"),
    (".end_date.month", "End Month"),
    (".end_date.day", "End Day"),
    (".end_date", "End Year"),
    (".display_date", "Display Date"),
    (".text.headline", "Headline"),
    (".text.text", "Text"),
    (".text", "Headline"),
    *((f".media.{field}", column) for field, column in _MEDIA),
    (".media", "Media"),
    (".group", "Group"),
)
_HEAD = re.compile(r"(events|eras)\[(\d+)\]|title")
# "PM", "a.m." after a time of day.
_PERIOD = re.compile(r"\s*([AaPp])\.?[Mm]\.?\s*$")
_RUN_OF_DIGITS = re.compile(r"\s*(\d{1,2})(\d{2})\s*")
# ACLED's columns, that say an ACLED export was given.
_ACLED = ("event_id_cnty", "event_date")


class RowPaths:
    """Where each slide came from: a problem's JSON path as the row and column."""

    def __init__(self, header: list[str], index: dict[str, int]) -> None:
        # Each column as the file writes its header, or as the template does.
        self._written = {
            column: header[index[column]] if column in index else column for column in COLUMNS
        }
        self.events: list[int] = []
        self.eras: list[int] = []
        self.title: int | None = None

    def __call__(self, where: str) -> str:
        head = _HEAD.match(where)
        if head is None:
            return "" if where == "events" else where  # "events": the sheet as a whole
        row = self._row(head[1], head[2])
        rest = where[head.end() :]
        if row is None or not rest:
            return where if row is None else translate("importers", "row {0}").format(row)
        for place, column in _PLACES:
            if rest == place or rest.startswith(place + "."):
                return translate("importers", "row {0}, {1}").format(row, self._written[column])
        return translate("importers", "row {0}").format(row)

    def _row(self, kind: str | None, at: str | None) -> int | None:
        if kind is None:
            return self.title
        rows = self.events if kind == "events" else self.eras
        return rows[int(at or 0)] if int(at or 0) < len(rows) else None


def sheet_document(sheet: Sheet) -> tuple[dict[str, Any], RowPaths]:
    """The TimelineJS3 timeline ``sheet`` holds, and where each slide came from;
    raises :class:`~viewer.importers.common.ImportFailed` for a sheet that is
    no TimelineJS sheet."""
    index = column_index(sheet.header)
    keys = {key(written) for written in sheet.header}
    if any(column in keys for column in _ACLED):
        raise ImportFailed(
            translate(
                "importers", "is an ACLED export, not a TimelineJS timeline: import it as such"
            )
        )
    if not any(column in index for column in REQUIRED):
        shown = ", ".join(plain(written, 40) for written in sheet.header[:12] if written)
        if len(sheet.header) > 12:
            shown = translate("importers", "{0}, ... ({1} columns)").format(
                shown, number(len(sheet.header))
            )
        raise ImportFailed(
            translate(
                "importers",
                "not a TimelineJS sheet: it has no column {0} (found: {1})",
            ).format(", ".join(REQUIRED), shown or translate("importers", "(empty)"))
        )
    paths = RowPaths(sheet.header, index)
    document: dict[str, Any] = {"events": [], "eras": []}
    for at, cells in sheet.rows:
        slide = _slide(cells, index)
        kind = _text(_cell(cells, index, "Type")).casefold()
        if kind == "title" and paths.title is None:
            document["title"] = slide
            paths.title = at
        elif kind == "era":
            document["eras"].append(slide)
            paths.eras.append(at)
        else:
            document["events"].append(slide)
            paths.events.append(at)
    return document, paths


def sheet_notes(sheet: Sheet) -> list[str]:
    """The import report's notes on how ``sheet`` was read: as a sheet, the
    columns not read, the rows under the blank row reading stopped at."""
    notes = [
        translate(
            "importers",
            "The file is a TimelineJS spreadsheet: each row under the header was read as a "
            "slide, its columns found by their headers.",
        )
    ]
    read = set(column_index(sheet.header).values())
    unread = [written for i, written in enumerate(sheet.header) if written and i not in read]
    if unread:
        notes.append(
            translate(
                "importers", "Columns that TimelineJS's template does not have were not read: {0}."
            ).format(plain(", ".join(unread), 300))
        )
    if sheet.stopped_at is not None:
        said = (
            translate(
                "importers",
                "Reading stopped at row {0}, which is blank, as TimelineJS stops there: "
                "1 row under it was not read.",
            )
            if sheet.not_read == 1
            else translate(
                "importers",
                "Reading stopped at row {0}, which is blank, as TimelineJS stops there: "
                "{1} rows under it were not read.",
            )
        )
        notes.append(said.format(sheet.stopped_at, number(sheet.not_read)))
    return notes


def _slide(cells: Sequence[Cell], index: dict[str, int]) -> dict[str, Any]:
    slide: dict[str, Any] = {}
    for field, columns in _DATES:
        given = _date(*(_cell(cells, index, column) for column in columns))
        if given:
            slide[field] = given
    for field, parts in (("text", _TEXT), ("media", _MEDIA)):
        values = {name: _text(_cell(cells, index, column)) for name, column in parts}
        values = {name: value for name, value in values.items() if value}
        if values:
            slide[field] = values
    for field, column in (("display_date", "Display Date"), ("group", "Group")):
        value = _text(_cell(cells, index, column))
        if value:
            slide[field] = value
    return slide


def _cell(cells: Sequence[Cell], index: dict[str, int], column: str) -> Cell:
    at = index.get(column)
    return cells[at] if at is not None and at < len(cells) else None


def _date(year: Cell, month: Cell, day: Cell, time_of_day: Cell) -> dict[str, Any]:
    """A TimelineJS date object from a row's cells ({} when they give nothing)."""
    given: dict[str, Any]
    if isinstance(year, date) and _text(month) == "" and _text(day) == "":
        given = {"year": year.year, "month": year.month, "day": year.day}
        if isinstance(year, datetime) and year.time() != time() and _text(time_of_day) == "":
            time_of_day = year.time()
    else:
        given = {"year": _whole(year), "month": _whole(month), "day": _whole(day)}
    given.update(_time(time_of_day))
    return given if any(value != "" for value in given.values()) else {}


def _whole(cell: Cell) -> Any:
    """A date part: a number as it is (1963.0 as 1963), text without spaces or commas."""
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return cell
    return re.sub(r"[\s,]+", "", _text(cell))


def _time(cell: Cell) -> dict[str, Any]:
    """A time of day's parts, as TimelineJS reads a sheet's time (what is not a
    time is given as the hour, which the conversion then says is no number)."""
    if isinstance(cell, time | datetime):
        return {"hour": cell.hour, "minute": cell.minute, "second": cell.second}
    text = _text(cell)
    if not text:
        return {}
    period = _PERIOD.search(text)
    if period is not None:
        text = text[: period.start()].strip()
    digits = _RUN_OF_DIGITS.fullmatch(text)
    parts = list(digits.groups()) if digits else text.split(":")
    if len(parts) == 1:
        parts = text.split(".")
    if len(parts) > len(_TIME_PARTS):
        return {"hour": _text(cell)}
    if period is not None and parts[0].strip().isdecimal():
        hour = int(parts[0])
        if period[1] in "Pp" and hour != 12:
            hour += 12
        elif period[1] in "Aa" and hour == 12:
            hour = 0
        parts[0] = str(hour)
    return {part: value.strip() for part, value in zip(_TIME_PARTS, parts, strict=False)}


def _text(cell: Cell) -> str:
    """A cell as text: a whole number without ".0", a date as ISO 8601 writes it."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat(" ")
    if isinstance(cell, date | time):
        return cell.isoformat()
    return str(cell).strip()
