"""Which importer reads what, and where an import of a file is kept (Qt-free).

The importers are imported when first used: starting the app needs neither.
"""

from __future__ import annotations

import hashlib
import stat
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.domain.progress import Progress, no_progress
from viewer.domain.words import translate

if TYPE_CHECKING:
    from viewer.importers.common import ImportReport

# The formats that can be imported, as the command line names them.
FORMATS = ("timelinejs", "acled")


def format_of(path: Path) -> str:
    """The format a file's name suggests: ACLED's exports are CSV (a TimelineJS
    sheet saved as CSV is told by its content: :func:`content_format`)."""
    return "acled" if path.suffix.lower() == ".csv" else "timelinejs"


# How much of a file :func:`content_format` reads.
_HEAD_BYTES = 64 * 1024
# How a ZIP archive (an XLSX workbook) starts.
_ZIP = b"PK\x03\x04"
# How a gzip file starts.
_GZIP = b"\x1f\x8b"


def content_format(path: Path) -> str | None:
    """What a file's first bytes show it is: "model" (a model file), one of
    :data:`FORMATS`, or None when they do not tell (or it cannot be read).

    A model file names its ``schema_version``; a TimelineJS file has no such
    field and dates its slides with ``start_date`` (a TimelineJS2 file, with
    ``startDate`` under ``timeline``); an ACLED export is a CSV
    whose header has ``event_id_cnty`` or ``event_date``; a TimelineJS sheet
    is a CSV whose header has the template's columns (``Year``, ``Headline``,
    ...: :func:`~viewer.importers.timelinejs.sheet_file.is_csv_sheet`), or an
    XLSX workbook (ACLED's importer reads none). Only a regular file is read
    (a pipe would block).
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    if head.startswith(_GZIP):  # a model file may be gzipped; no import reads gzip
        try:
            inside = zlib.decompressobj(wbits=31).decompress(head, _HEAD_BYTES)
        except zlib.error:
            return None
        return "model" if b'"schema_version"' in inside else None
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"{"):
        if b'"schema_version"' in head:
            return "model"
        if b'"start_date"' in head or (b'"startDate"' in head and b'"timeline"' in head):
            return "timelinejs"
        return None
    if head.startswith(_ZIP) and b"xl/" in head:  # an XLSX workbook's parts
        return "timelinejs"
    header = text.split(b"\n", 1)[0].lower()
    if b"," in header and (b"event_id_cnty" in header or b"event_date" in header):
        return "acled"
    from viewer.importers.timelinejs.sheet_file import is_csv_sheet

    return "timelinejs" if is_csv_sheet(text) else None


def run_import(
    kind: str,
    source: Path,
    out: Path,
    *,
    timeline_id: str | None = None,
    title: str | None = None,
    progress: Progress = no_progress,
    language: str | None = None,
) -> ImportReport:
    """Import ``source`` (one of :data:`FORMATS`) into the model file ``out``, in
    ``language`` (None: what the format says, else undetermined).

    A TimelineJS timeline (JSON, or a sheet) given as an ACLED export is
    refused with :class:`~viewer.importers.common.ImportFailed`, named; an
    ACLED export given as TimelineJS is named by the TimelineJS importer; a
    model file given to either is named too."""
    found = content_format(source)
    if found == "model":
        from viewer.importers.common import ImportFailed

        raise ImportFailed(
            translate(
                "importers",
                "is already a timeline model file, nothing to import: open it (File > Open, "
                "or timeline-viewer open)",
            )
        )
    if kind == "acled" and found == "timelinejs":
        from viewer.importers.common import ImportFailed

        raise ImportFailed(
            translate(
                "importers", "is a TimelineJS timeline, not an ACLED export: import it as such"
            )
        )
    options: dict[str, Any] = {
        "timeline_id": timeline_id,
        "title": title,
        "progress": progress,
        "language": language,
    }
    if kind == "timelinejs":
        from viewer.importers.timelinejs.convert import import_timelinejs

        return import_timelinejs(source, out, **options)
    from viewer.importers.acled.convert import import_acled

    return import_acled(source, out, **options)


def import_name(source: Path) -> str:
    """The id (and file name) of ``source``'s import: its name, and a hash of its
    whole path, so the same file again is the same timeline (and keeps its notes)
    and two files called "events.csv" never replace each other's import."""
    where = str(source.resolve()).encode("utf-8", "surrogateescape")
    from viewer.importers.common import make_id

    return f"{make_id(source.stem)[:150]}-{hashlib.sha1(where).hexdigest()[:10]}"
