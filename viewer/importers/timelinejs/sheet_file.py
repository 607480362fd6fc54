"""A TimelineJS spreadsheet read as rows of cells: a CSV, or an XLSX
workbook's first worksheet (Qt-free).

The first row that is not blank is the header; the rows under it are read up
to the first blank row, where TimelineJS stops too. Rows are numbered as the
spreadsheet numbers them (the header is row 1 when nothing is above it; a
CSV's cell may hold line breaks, so a row is a record, not a line).

A CSV is UTF-8 (as Google Sheets and Excel's "CSV UTF-8" write it), its
cells separated by commas, semicolons or tabs, whichever finds the most of
the template's columns in the header; a first line ``sep=;``, which Excel
writes to name the delimiter and does not show, names it and is no row. An
XLSX is read with openpyxl, cell values as the workbook holds them (numbers,
dates, times, text); the cells are turned into a slide's values by
:mod:`~viewer.importers.timelinejs.sheet_rows`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from viewer.domain.words import number, translate
from viewer.importers.common import ImportFailed
from viewer.importers.timelinejs.json_file import MAX_TIMELINEJS_BYTES, read_bytes
from viewer.importers.timelinejs.sheet_header import (
    delimiter_of,
    header_cells,
    is_sheet_header,
    separator_line,
)
from viewer.persistence.paths import not_a_file

# What a cell holds: text (all of a CSV's), or what a workbook's cell holds.
Cell = str | int | float | bool | datetime | date | time | None
# How an XLSX file starts: a ZIP archive's first entry.
_ZIP = b"PK\x03\x04"
# How much of a file :func:`sheet_kind` reads.
_HEAD = 64 * 1024
_BOM = b"\xef\xbb\xbf"
# The most a workbook's parts may unpack to: a timeline's sheet is kilobytes
# to a few megabytes, and openpyxl holds the strings it unpacks.
MAX_UNPACKED_BYTES = 256 * 2**20
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class Sheet:
    """The header and the rows under it up to the first blank one."""

    header: list[str]
    # Each row's number in the spreadsheet, and its cells.
    rows: list[tuple[int, Sequence[Cell]]] = field(default_factory=list)
    # The blank row reading stopped at when rows that are not blank follow it,
    # and how many those are.
    stopped_at: int | None = None
    not_read: int = 0


def sheet_kind(src: Path) -> str | None:
    """ "xlsx" or "csv" when ``src`` is a spreadsheet (an XLSX workbook; a CSV by
    its name, or by a header with the template's columns), None for JSON (and
    for what is no regular file: reading a pipe would block; it is refused
    when read)."""
    if not_a_file(src) is not None:
        return None
    try:
        with src.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError:
        return None  # said when it is read
    if head.startswith(_ZIP):
        return "xlsx"
    text = head.removeprefix(_BOM).lstrip()
    if text[:1] in (b"{", b"["):
        return None
    if src.suffix.lower() in (".csv", ".tsv"):
        return "csv"
    return "csv" if is_csv_sheet(text) else None


def is_csv_sheet(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes) starts with a TimelineJS sheet's header."""
    named, text = separator_line(head.removeprefix(_BOM).decode("utf-8", "replace"))
    line = _LINE_BREAK.split(text.lstrip(), maxsplit=1)[0]
    try:
        return is_sheet_header(header_cells(line.rstrip("\r"), named))
    except csv.Error:  # not text: a line break inside a field, a NUL
        return False


def read_sheet(src: Path, kind: str) -> Sheet:
    """The sheet ``src`` holds (``kind`` as :func:`sheet_kind` says); raises
    :class:`~viewer.importers.common.ImportFailed` when it cannot be read."""
    if kind == "xlsx":
        return _read_xlsx(src)
    data = read_bytes(src)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            translate(
                "importers", "not UTF-8 text (at byte {0}): save the sheet as CSV in UTF-8"
            ).format(number(exc.start)),
            unreadable=True,
        ) from None
    if text.lstrip().startswith("<"):  # a web page saved in its place
        said = translate("importers", "is a web page (HTML), not a TimelineJS timeline")
        raise ImportFailed(said, unreadable=True)
    named, text = separator_line(text)  # rows counted after it, as Excel shows them
    # A cell may be as long as the file (the long-text limit cuts it later);
    # the csv module's own limit is 128 KiB, and process-wide.
    limit = csv.field_size_limit(MAX_TIMELINEJS_BYTES)
    try:
        # The header ends at the first line break of any kind (old Macs wrote "\r").
        delimiter = named or delimiter_of(_LINE_BREAK.split(text.lstrip(), maxsplit=1)[0])
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _gathered(reader)
    except csv.Error as exc:
        said = translate("importers", "not read as CSV: {0}").format(exc)
        raise ImportFailed(said, unreadable=True) from None
    finally:
        csv.field_size_limit(limit)


def _read_xlsx(src: Path) -> Sheet:
    """The first worksheet of the workbook ``src``."""
    import openpyxl  # here: only a workbook's import pays for it
    from openpyxl.utils.exceptions import InvalidFileException

    read_bytes(src)  # refused as a JSON or CSV is: not a file, too large, empty
    _refuse_a_bomb(src)
    try:
        workbook = openpyxl.load_workbook(src, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        said = translate("importers", "not an XLSX workbook this app can read: {0}")
        raise ImportFailed(said.format(exc), unreadable=True) from None
    try:
        if not workbook.worksheets:
            raise ImportFailed(translate("importers", "the workbook has no worksheet"))
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        try:
            return _gathered(list(row) for row in rows)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
            said = translate("importers", "not an XLSX workbook this app can read: {0}")
            raise ImportFailed(said.format(exc), unreadable=True) from None
    finally:
        workbook.close()


def _refuse_a_bomb(src: Path) -> None:
    """Refuse a workbook whose parts unpack to more than :data:`MAX_UNPACKED_BYTES`
    (a ZIP of kilobytes may hold gigabytes of cells), by what its directory says,
    before anything is unpacked."""
    try:
        with zipfile.ZipFile(src) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        said = translate("importers", "not an XLSX workbook this app can read: {0}")
        raise ImportFailed(said.format(exc), unreadable=True) from None
    if unpacked > MAX_UNPACKED_BYTES:
        #: {0} is what the workbook unpacks to, {1} the most it may (both as "300 MiB").
        said = translate("importers", "unpacks to {0} MiB, over the {1} MiB a workbook may hold")
        raise ImportFailed(
            said.format(number(-(-unpacked // 2**20)), number(MAX_UNPACKED_BYTES // 2**20))
        )


def _gathered(rows: Iterable[Sequence[Cell]]) -> Sheet:
    """The header (the first row not blank) and the rows up to the first blank one."""
    numbered: Iterator[tuple[int, Sequence[Cell]]] = enumerate(rows, start=1)
    for _, cells in numbered:
        if not _blank(cells):
            sheet = Sheet([_header(cell) for cell in cells])
            break
    else:
        raise ImportFailed(translate("importers", "the file is empty"), unreadable=True)
    for at, cells in numbered:
        if _blank(cells):
            sheet.stopped_at = at
            break
        sheet.rows.append((at, cells))
    sheet.not_read = sum(not _blank(cells) for _, cells in numbered)
    if not sheet.not_read:
        sheet.stopped_at = None
    return sheet


def _header(cell: Cell) -> str:
    return "" if cell is None else str(cell).strip()


def _blank(cells: Sequence[Cell]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)
