"""The columns of TimelineJS's Google Sheets template, found by their headers (Qt-free).

A header is matched in any case and with any white space (``End Year``,
``end year``, ``ENDYEAR``), wherever its column is; columns the template
does not have are not read. Light enough for
:func:`~viewer.importers.formats.content_format` to tell a sheet by its header.
"""

from __future__ import annotations

import csv
import re

# The template's columns, as it writes their headers.
COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Alt Text",
    "Type",
    "Group",
    "Background",
)
# A sheet with none of these is no TimelineJS sheet.
REQUIRED = ("Year", "Headline", "Text")
# What separates the cells of a CSV's line, tried in this order (Excel writes
# ";" where a comma is the decimal sign; Google Sheets' TSV a tab).
DELIMITERS = (",", ";", "\t")
# The line Excel may write first to name the delimiter ("sep=;"), which it
# does not show as a row.
_SEPARATOR_LINE = re.compile(r"sep=([^\r\n])[ \t]*(?:\r\n|\r|\n|$)", re.IGNORECASE)


def key(header: str) -> str:
    """``header`` as it is matched: no white space, case folded."""
    return "".join(header.split()).casefold()


_COLUMN_OF = {key(column): column for column in COLUMNS}


def column_index(header: list[str]) -> dict[str, int]:
    """Where each of the template's columns is in ``header`` (named as
    :data:`COLUMNS` names it; the first of two with one name)."""
    index: dict[str, int] = {}
    for i, written in enumerate(header):
        column = _COLUMN_OF.get(key(written))
        if column is not None:
            index.setdefault(column, i)
    return index


def is_sheet_header(header: list[str]) -> bool:
    """Whether ``header`` is a TimelineJS sheet's: a required column and another."""
    index = column_index(header)
    return len(index) >= 2 and any(column in index for column in REQUIRED)


def delimiter_of(line: str) -> str:
    """The delimiter that splits the header ``line`` into the most template columns."""
    found = {
        delimiter: len(column_index(next(csv.reader([line], delimiter=delimiter), [])))
        for delimiter in DELIMITERS
    }
    return max(DELIMITERS, key=lambda delimiter: found[delimiter])


def header_cells(line: str, delimiter: str | None = None) -> list[str]:
    """The cells of a CSV's header ``line``, split by ``delimiter`` (None:
    :func:`delimiter_of`'s)."""
    return next(csv.reader([line], delimiter=delimiter or delimiter_of(line)), [])


def separator_line(text: str) -> tuple[str | None, str]:
    """The delimiter Excel's first line ``sep=;`` names and the text after that
    line; (None, ``text``) when it has no such line."""
    found = _SEPARATOR_LINE.match(text)
    return (found[1], text[found.end() :]) if found else (None, text)
