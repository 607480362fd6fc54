"""What the importers share: ids, text limits, problems, and the streamed writer."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import msgspec

from viewer.domain.checks import Problem
from viewer.domain.terms import (
    MAX_ID,
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_PLACE,
    MAX_TAG,
    MAX_TITLE,
    MAX_URL,
)
from viewer.domain.text import terminal_safe
from viewer.importers.file_out import FileOut
from viewer.importers.output_check import OutputCheck

# At most this many problems are kept word for word; the rest are counted.
MOST_PROBLEMS = 200
# The format an import writes: the oldest that holds what imports carry (tags,
# eras, fatalities, coordinates), so an older app still opens the file.
IMPORTED_SCHEMA = 3
# The format of an import with years before 1, which only version 5 holds: an
# older app then says the file is newer rather than that its dates are wrong.
IMPORTED_SCHEMA_BC = 5
# The zlib level of a model file written gzipped (its name ends in ".gz").
# Measured on 100,000 ACLED rows (bench/bench_import.py's export): level 1
# makes 0.23x the CSV's size in about the time the plain file takes; level 6
# makes 0.17x and adds a third to the import's time.
GZIP_LEVEL = 1
# The writer hands the file this many bytes at a time.
_WRITE_BYTES = 1 << 20
_ID_CHARS = re.compile(r"[^A-Za-z0-9._:-]+")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Halves of a UTF-16 pair alone (from "\ud800" in JSON, or a file name that is
# not UTF-8): no text can hold them; each becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


def whole(text: str) -> str:
    """``text`` with no lone surrogate (each is U+FFFD): it can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Something an importer could not take: where (a row, a JSON path) and why."""

    where: str
    message: str

    def __str__(self) -> str:
        return terminal_safe(f"{self.where}: {self.message}" if self.where else self.message)


class ImportFailed(Exception):
    """Nothing could be imported: the file as a whole is not what was asked for.
    ``unreadable``: it could not even be read as its format's text (empty, not
    JSON, not CSV, an HTML page), as against one read whose content is wrong."""

    def __init__(self, problems: list[ImportProblem] | str, *, unreadable: bool = False) -> None:
        """The problems, or one message about the file as a whole."""
        if isinstance(problems, str):
            problems = [ImportProblem("", problems)]
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.unreadable = unreadable


@dataclass(slots=True)
class ImportReport:
    """What an import wrote, and what it left out (and why)."""

    events: int = 0
    actors: int = 0
    sources: int = 0
    eras: int = 0
    # The first MOST_PROBLEMS problems; ``skipped`` counts them all.
    problems: list[ImportProblem] = field(default_factory=list)
    skipped: int = 0
    # Notes on how the source was read (a layout, a choice made), for the reader.
    notes: list[str] = field(default_factory=list)

    def problem(self, where: str, message: str) -> None:
        """One item left out; the import goes on."""
        self.skipped += 1
        if len(self.problems) < MOST_PROBLEMS:
            self.problems.append(ImportProblem(where, message))


def plain(text: str | None, limit: int) -> str:
    """One line of text: control characters and runs of white space as one
    space, cut to ``limit`` characters (with an ellipsis)."""
    if not text:
        return ""
    line = _SPACES.sub(" ", _CONTROL.sub(" ", whole(text))).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "\u2026"


def long_text(text: str | None, limit: int = MAX_LONG_TEXT) -> str:
    """Text that may keep its paragraphs: control characters gone, cut to ``limit``."""
    if not text:
        return ""
    kept = _CONTROL.sub(" ", whole(text).replace("\r\n", "\n").replace("\r", "\n")).strip()
    return kept if len(kept) <= limit else kept[: limit - 1].rstrip() + "\u2026"


def title(text: str | None) -> str:
    return plain(text, MAX_TITLE)


def name(text: str | None) -> str:
    return plain(text, MAX_NAME)


def place(text: str | None) -> str:
    return plain(text, MAX_PLACE)


def tag(text: str | None) -> str:
    return plain(text, MAX_TAG)


def url(text: str | None) -> str | None:
    """A web address worth keeping: http(s), within the model's limit."""
    address = (text or "").strip()
    if len(address) > MAX_URL or not re.match(r"(?i)^https?://\S+$", address):
        return None
    return address


# An id as the model takes it (see :data:`viewer.domain.model.Id`).
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")


def timeline_id(given: str | None, src: Path, fallback: str) -> str:
    """The imported timeline's id: ``given`` when it is one the model takes, else
    one made from it, or from the source's name (``fallback`` if it has none)."""
    if given and len(given) <= MAX_ID and _ID.fullmatch(given):
        return given
    return make_id(given or src.stem or fallback)


def make_id(text: str, prefix: str = "") -> str:
    """An id the model accepts, made from ``text``: its letters and digits
    (accents dropped), the rest as "-"; a long one ends in a hash of the whole."""
    text = whole(text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    core = _ID_CHARS.sub("-", ascii_text).strip("-._:")
    made = f"{prefix}{core}" if core else f"{prefix}{hashlib.sha1(text.encode()).hexdigest()[:12]}"
    if not made[0].isalnum():
        made = "x" + made
    if len(made) > MAX_ID:
        digest = hashlib.sha1(text.encode()).hexdigest()[:12]
        made = made[: MAX_ID - 13].rstrip("-._:") + "-" + digest
    return made


class Ids:
    """Ids made unique: the second "kyiv" is "kyiv-2"."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def unique(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while not self._take(candidate):
            n += 1
            suffix = f"-{n}"
            candidate = wanted[: MAX_ID - len(suffix)] + suffix
        return candidate

    def _take(self, candidate: str) -> bool:
        """Take ``candidate``; False if it was taken already."""
        if candidate in self._taken:
            return False
        self._taken.add(candidate)
        return True


class ModelWriter:
    """Writes a model file as it goes: the header, then each event as it comes,
    then actors, sources and eras; into a temporary file beside ``path`` that
    takes its place only when :meth:`finish` is called (an import stopped
    halfway leaves nothing behind). What it writes is checked as it goes
    (:class:`~viewer.importers.output_check.OutputCheck`): a file that would
    not validate is refused with :class:`ImportFailed`, and not put in place.

    Compact: no white space but a line break after each event (so a line is
    an event, for ``head`` and ``grep``). What each event holds is the
    importer's to keep short (the model's defaults left out). A ``path``
    whose name ends in ".gz" is written gzipped (:data:`GZIP_LEVEL`), as it
    goes, on a thread beside the import
    (:class:`~viewer.importers.file_out.FileOut`); the size checked is the
    JSON's, what a reader holds once it is unpacked."""

    def __init__(
        self,
        path: Path,
        *,
        timeline_id: str,
        title_: str,
        language: str,
        description: str = "",
        schema_version: int = IMPORTED_SCHEMA,
    ) -> None:
        self.path = path
        self._encoder = msgspec.json.Encoder()
        header = {
            "schema_version": schema_version,
            "id": whole(timeline_id),
            "title": whole(title_),
            "language": language,
            "description": whole(description),
        }
        start = self._encoder.encode(header)[:-1] + b',\n"events":[\n'  # before any file
        folder = path.parent if str(path.parent) else Path(".")
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        self._temporary = Path(temporary)
        # As a file the reader made: the mode of the one it replaces, else rw-r--r--
        # (mkstemp's is rw------- whatever the umask).
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.is_file() else 0o644)
        self._file: IO[bytes] = os.fdopen(handle, "wb")
        gzipped = path.name.lower().endswith(".gz")
        # Written (and gzipped) on a thread of its own, beside the import.
        self._out = FileOut(self._file, name=path.name, gzip_level=GZIP_LEVEL if gzipped else None)
        # What is not written yet, in pieces joined once as it is (a bytearray
        # grown event by event and emptied copied it again and again); its size.
        self._parts: list[bytes] = [start]
        self._size = len(start)
        self._events = 0
        self._check = OutputCheck(start)
        self._ids = _TakenIds(self._check)
        # Take an id as the next event's as it is: False if an event has it
        # already (then unique_id makes one). The output check's own method,
        # called once per event without a call between.
        self.take_id: Callable[[str], bool] = self._check.take_id
        # Take a batch's ids from a place on, until one an event has already:
        # how many were taken (OutputCheck.take_ids).
        self.take_ids: Callable[[list[str], int], int] = self._check.take_ids

    def event(self, event: dict[str, Any]) -> None:
        data = self._encoder.encode(event)
        self._append(data)
        problems = self._check.event(data, event)
        if problems:  # a call fewer per event while there are none
            _refuse(problems)

    def events_of(
        self,
        ids: list[str],
        head: Sequence[Sequence[bytes]],
        summaries: list[str],
        tail: Sequence[Sequence[bytes]],
    ) -> None:
        """Write a batch of events, a column at a time: event ``n`` is joined
        from ``ids[n]``, its pieces before its summary (``head``, a column per
        field of :data:`~viewer.importers.written_events.HEAD`), ``summaries[n]``
        ("": none) and its pieces after it (``tail``, a column per field of
        :data:`~viewer.importers.written_events.TAIL`), each piece made by
        :meth:`piece`: the bytes :meth:`event` would write for the event as a
        dict, its pieces checked once, when made. Each event's id is taken
        first (:attr:`take_id`, :meth:`unique_id`), in this order."""
        if not ids:
            return
        encode = self._encoder.encode
        starts = [b'{"id":' + encode(event_id) for event_id in ids]
        said = [b',"summary":' + encode(summary) if summary else b"" for summary in summaries]
        datas = list(map(b"".join, zip(starts, *head, said, *tail, repeat(b"}"))))
        written = b",\n".join(datas)
        self._append(written, len(datas))
        problems = self._check.events_of(datas, written, ids, summaries, [*head, *tail])
        if problems:
            _refuse(problems)

    def _append(self, data: bytes, events: int = 1) -> None:
        """Add the bytes of ``events`` events (joined by a comma and a line
        break) to what is written next, a megabyte at a time."""
        parts = self._parts
        if self._events:
            parts.append(b",\n")
            self._size += 2
        parts.append(data)
        self._size += len(data)
        self._events += events
        if self._size >= _WRITE_BYTES:
            self._out.write(b"".join(parts))
            parts.clear()
            self._size = 0

    def piece(self, field: str, value: Any) -> bytes:
        """``value`` of an event's ``field`` written, for :meth:`events_of`
        (None: the field left out, the model's default); checked now, once
        for all the events that hold it."""
        return self._check.piece(field, value)

    def unique_id(self, wanted: str) -> str:
        """``wanted`` as the next event's id, made unique among the events' ids
        (the second "ARG1" is "ARG1-2"; see :class:`Ids`): the next event
        handed to :meth:`event` with it is not looked up again."""
        return self._ids.unique(wanted)

    def finish(
        self,
        actors: Iterable[dict[str, Any]] = (),
        sources: Iterable[dict[str, Any]] = (),
        eras: Iterable[dict[str, Any]] = (),
    ) -> None:
        """Close the events, write the rest, and put the file in its place."""
        encode = self._encoder.encode
        rest = b"".join(
            (
                b"\n],\n",
                b'"actors":' + encode(list(actors)) + b",\n",
                b'"sources":' + encode(list(sources)) + b",\n",
                b'"eras":' + encode(list(eras)) + b"\n}\n",
            )
        )
        self._parts.append(rest)
        _refuse(self._check.finish(rest))  # before the file takes its place
        self._out.write(b"".join(self._parts))
        self._parts.clear()
        self._out.close()  # what waits, and gzip's trailer; the file stays open
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self._temporary, self.path)

    def abandon(self) -> None:
        """Stop: the partial file goes, the target is left as it was."""
        self._out.abandon()
        if not self._file.closed:
            self._file.close()
        self._temporary.unlink(missing_ok=True)

    def __enter__(self) -> ModelWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if not self._file.closed:
            self.abandon()


class _TakenIds(Ids):
    """The events' ids, taken in the output check's own set of them: each is
    kept once, in a bit (:class:`~viewer.importers.output_check.IdSet`)."""

    def __init__(self, check: OutputCheck) -> None:
        super().__init__()
        self._check = check

    def _take(self, candidate: str) -> bool:
        return self._check.take_id(candidate)


def _refuse(problems: list[Problem]) -> None:
    """An importer's mistake: the file it makes would not validate, so none is written."""
    if problems:
        lead = "the model file made would not validate, so it is not written"
        raise ImportFailed(
            [ImportProblem("", lead), *(ImportProblem(p.path, p.message) for p in problems)]
        )
