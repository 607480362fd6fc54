"""Loading a model file, with one clear line per problem and no traceback."""

from __future__ import annotations

import gc
import os
import stat
import zlib
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, BinaryIO

from viewer.domain import words
from viewer.domain.checks import Problem, check_timeline, json_path
from viewer.domain.perf import paused_gc
from viewer.domain.progress import Progress, Share, no_progress
from viewer.domain.terms import SCHEMA_VERSION
from viewer.domain.words import translate
from viewer.persistence.limits import MAX_MODEL_BYTES

# Reading a file needs neither numpy nor pydantic (``validate`` reads a valid
# file without them); parsing it imports them as it starts.
if TYPE_CHECKING:
    from queue import SimpleQueue

    from pydantic import ValidationError

    from viewer.domain.model import TimelineModel
    from viewer.domain.timeline import Timeline

# A gzip file's first two bytes: such a file is read through gzip, whatever its name.
GZIP_MAGIC = b"\x1f\x8b"

# How much of a gzip file is read at a time.
GZIP_READ = 1024 * 1024
# The most one step of unpacking a gzip file gives.
GZIP_CHUNK = 4 * 1024 * 1024
# The part of a gzip file's load its unpacking takes, as progress tells it:
# with zlib about half the parse, an eighth to a fifth of the load
# (bench_million.py; zlib inflates some 150-300 MB of JSON a second here,
# whatever the level it was written at, the chunk sizes or one call for the
# whole file); ISA-L takes about half of zlib's time, and on a first load the
# parser's import runs beside it, but progress is told as it is read.
GZIP_SHARE = 0.2
# zlib's window bits for a gzip header and trailer (16 + the largest window).
_GZIP_WBITS = 16 + zlib.MAX_WBITS

_BOM = b"\xef\xbb\xbf"


class ModelFileError(Exception):
    """A model file that cannot be used, with every problem found in it.

    ``unreadable`` is true when the file itself could not be read (missing,
    a folder, no permission, too large, a broken gzip file), as opposed to a
    file whose content is wrong: commands exit 2 for it, as the README's table
    of exit codes says.
    """

    def __init__(self, problems: list[Problem], *, unreadable: bool = False) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.unreadable = unreadable


def read_model_bytes(
    path: Path, *, max_bytes: int = MAX_MODEL_BYTES, progress: Progress = no_progress
) -> bytes | bytearray:
    """The file's JSON, or a :class:`ModelFileError` saying why not.

    A gzip file (told by its first two bytes, whatever its name) is
    decompressed as it is read, a chunk at a time, into one buffer that never
    grows past ``max_bytes``: its JSON, once uncompressed, has the limit a plain
    file has, so a small file that would unpack to gigabytes is refused after
    ``max_bytes`` are unpacked, not once memory is gone. The buffer is given
    as it is (a ``bytearray``), not copied: at the limit, a copy would be
    another ``max_bytes`` at the peak of the load. ``progress`` hears how
    much of a gzip file is unpacked (0 to 1, after each chunk read: a
    million rows take seconds), and may stop it; a plain file is read at once.
    """
    return start_reading(path, max_bytes=max_bytes).result(progress)


class Reading:
    """A model file being read: a plain file read at once, a gzip file unpacked
    on a thread of its own (zlib lets go of the interpreter while it inflates),
    so the caller may do other work meanwhile. :meth:`result` gives the bytes."""

    def __init__(self, data: bytes | None = None) -> None:
        self._data = data
        self._unpacking: _Unpacking | None = None

    @classmethod
    def unpacking(cls, handle: BinaryIO, max_bytes: int, size: int) -> Reading:
        reading = cls()
        reading._unpacking = _Unpacking(handle, max_bytes, size)
        return reading

    def result(self, progress: Progress = no_progress) -> bytes | bytearray:
        """The file's JSON, or a :class:`ModelFileError` saying why not;
        ``progress`` is told on the calling thread and may stop the unpacking
        (it raises, and the thread stops after its step)."""
        if self._unpacking is not None:
            return self._unpacking.result(progress)
        assert self._data is not None
        return self._data

    def cancel(self) -> None:
        """Stop an unpacking nobody will wait for, and wait for its thread."""
        if self._unpacking is not None:
            self._unpacking.cancel()


def start_reading(path: Path, *, max_bytes: int = MAX_MODEL_BYTES) -> Reading:
    """Start reading ``path`` (see :func:`read_model_bytes`); a problem seen
    before any unpacking (no such file, too large on disk) is raised here."""
    try:
        if path.is_dir():
            said = translate("ModelFile", "is a folder, not a model file")
            raise ModelFileError([Problem("", said)], unreadable=True)
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            said = translate("ModelFile", "is not a regular file (a device, pipe or socket)")
            raise ModelFileError([Problem("", said)], unreadable=True)
        size = info.st_size
        if size > max_bytes:
            #: {0} is the file's size, {1} the largest a model file may be (such as "1,024 MiB").
            said = translate("ModelFile", "is {0}, over the {1} limit for model files")
            problem = Problem("", said.format(_mib(size), _mib(max_bytes)))
            raise ModelFileError([problem], unreadable=True)
        handle = path.open("rb")
        handed = False  # to the thread that unpacks it, which closes it
        try:
            if handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
                handle.seek(0)
                reading = Reading.unpacking(handle, max_bytes, size)
                handed = True
                return reading
            handle.seek(0)
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
        finally:
            if not handed:
                handle.close()
        if len(data) > max_bytes:
            raise ModelFileError([_over(max_bytes)], unreadable=True)
        return Reading(data)
    except OSError as exc:
        raise _unreadable(exc) from None


def _unreadable(exc: OSError) -> ModelFileError:
    if isinstance(exc, FileNotFoundError):
        return ModelFileError(
            [Problem("", translate("ModelFile", "no such file"))], unreadable=True
        )
    if isinstance(exc, PermissionError):
        said = translate("ModelFile", "cannot be read: permission denied")
        return ModelFileError([Problem("", said)], unreadable=True)
    #: {0} is the system's reason, in English.
    said = translate("ModelFile", "cannot be read: {0}").format(exc.strerror or exc)
    return ModelFileError([Problem("", said)], unreadable=True)


class _Stopped(Exception):
    """The unpacking was cancelled by the thread that waits for it."""


class _Unpacking:
    """:func:`_gunzip` on a thread: what it reads is told through a queue to
    the thread that waits (which tells ``progress``), and what it raises is
    raised there."""

    def __init__(self, handle: BinaryIO, max_bytes: int, size: int) -> None:
        # Here, not at the top: threading and queue are a thirtieth of
        # ``validate``'s start, and only a gzip file needs them.
        import threading
        from queue import SimpleQueue

        self._told: SimpleQueue[float | None] = SimpleQueue()
        self._stop = threading.Event()
        self._data = bytearray()
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(handle, max_bytes, size), name="gunzip", daemon=True
        )
        self._thread.start()

    def _run(self, handle: BinaryIO, max_bytes: int, size: int) -> None:
        def told(done: float) -> None:
            if self._stop.is_set():
                raise _Stopped
            self._told.put(done)

        try:
            with handle:
                self._data = _gunzip(handle, max_bytes, size, told)
        except BaseException as exc:  # raised where the result is waited for
            self._error = exc
        finally:
            self._told.put(None)

    def result(self, progress: Progress) -> bytearray:
        try:
            while (done := self._told.get()) is not None:
                progress(done)
        except BaseException:
            self.cancel()
            raise
        self._thread.join()
        error, self._error = self._error, None
        if error is not None:
            if isinstance(error, OSError):
                raise _unreadable(error) from None
            raise error
        data, self._data = self._data, bytearray()
        return data

    def cancel(self) -> None:
        self._stop.set()
        self._thread.join()


def json_size(path: Path) -> int:
    """About how many bytes of JSON ``path`` holds, without reading it: its size,
    or for a gzip file the uncompressed size its trailer states (that of its
    last member, modulo 4 GiB: exact for the files the app writes, single
    members under the limit). 0 when it cannot be read or is no regular file
    (a pipe is not opened: that would wait for a writer). What the window asks
    to choose whether a file loads in the background."""
    try:
        if not path.is_file():
            return 0
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < 18 or handle.read(len(GZIP_MAGIC)) != GZIP_MAGIC:
                return size
            handle.seek(-4, os.SEEK_END)
            return max(size, int.from_bytes(handle.read(4), "little"))
    except OSError:
        return 0


def _over(max_bytes: int, *, uncompressed: bool = False) -> Problem:
    if uncompressed:
        #: {0} is the largest a model file may be (such as "1,024 MiB"): a gzip
        #: file whose JSON, once uncompressed, is larger.
        said = translate("ModelFile", "is over the {0} limit for model files once uncompressed")
    else:
        #: {0} is the largest a model file may be (such as "1,024 MiB").
        said = translate("ModelFile", "is over the {0} limit for model files")
    return Problem("", said.format(_mib(max_bytes)))


def _gunzip(handle: BinaryIO, max_bytes: int, size: int, progress: Progress) -> bytearray:
    """The uncompressed content of the gzip file ``handle`` (every member, as
    ``gzip`` writes them one after another, each checked against its CRC and
    length), at most ``max_bytes``.

    Each step unpacks at most :data:`GZIP_CHUNK` bytes and no more than what is
    left under the limit and one byte (to tell a file over it): the buffer
    never holds more than ``max_bytes + 1``, nor the step more than a chunk,
    whatever the file unpacks to. The compressed file is read
    :data:`GZIP_READ` bytes at a time.

    ISA-L's inflater (python-isal) unpacks where it is installed, the standard
    library's zlib where not. A file ISA-L refuses or finds cut short is read
    again by zlib, so a broken file is explained in zlib's words, as it always
    was (the two tell some breaks apart differently: zlib refuses four bytes
    of junk after a member at once, ISA-L waits for the rest of its header).
    """
    fast = _fast_inflater()
    if fast is not None:
        try:
            return _inflate(handle, max_bytes, size, progress, fast)
        except (fast.error, _Truncated):
            handle.seek(0)
    try:
        return _inflate(handle, max_bytes, size, progress, zlib)
    except zlib.error as exc:
        #: {0} is the decompressor's own words, in English.
        said = translate("ModelFile", "not a valid gzip file: {0}").format(exc)
        raise ModelFileError([Problem("", said)], unreadable=True) from None
    except _Truncated:
        said = translate("ModelFile", "the gzip data ends too early, the file may be truncated")
        raise ModelFileError([Problem("", said)], unreadable=True) from None


class _Truncated(Exception):
    """The gzip data ended inside a member."""


def _fast_inflater() -> ModuleType | None:
    """python-isal's zlib (ISA-L: 2 to 3 times zlib's speed at unpacking, the
    same interface), or None where it is not installed."""
    try:
        from isal import isal_zlib
    except ImportError:
        return None
    return isal_zlib


def _inflate(
    handle: BinaryIO, max_bytes: int, size: int, progress: Progress, inflater: ModuleType
) -> bytearray:
    """:func:`_gunzip` with ``inflater`` (zlib or a module with its interface),
    whose errors are raised as they are; :class:`_Truncated` if the data ends
    inside a member."""
    data = bytearray()
    unpack = inflater.decompressobj(wbits=_GZIP_WBITS)
    pending = b""
    started = False  # some of the member being unpacked has been read
    while True:
        if not pending:
            pending = handle.read(GZIP_READ)
            if not pending:
                break
            progress(handle.tell() / max(size, 1))
        if not started:  # zero bytes may pad a file after a member, as gzip -t allows
            pending = pending.lstrip(b"\0")
            if not pending:
                continue
        started = True
        data += unpack.decompress(pending, min(GZIP_CHUNK, max_bytes + 1 - len(data)))
        if len(data) > max_bytes:
            raise ModelFileError([_over(max_bytes, uncompressed=True)], unreadable=True)
        pending = unpack.unconsumed_tail
        if unpack.eof:  # a member ends: another may follow
            pending, started = unpack.unused_data, False
            unpack = inflater.decompressobj(wbits=_GZIP_WBITS)
    if started:
        raise _Truncated
    return data


def _mib(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{words.number(round(size / (1024 * 1024)))} MiB"
    return translate("ModelFile", "{0} bytes").format(words.number(size))


def parse_timeline(data: bytes | bytearray, progress: Progress = no_progress) -> Timeline:
    """Validate a model file's bytes; raise :class:`ModelFileError` listing every problem.

    A valid file takes the fast way (:mod:`viewer.domain.fast_load`): validated
    in C as it is parsed, then checked a column at a time. Whatever that cannot
    vouch for is validated the exact way, which names the JSON path of every
    problem.
    """
    from viewer.domain import fast_load
    from viewer.domain.timeline import Timeline

    if data.startswith(_BOM):
        if isinstance(data, bytearray):
            del data[: len(_BOM)]  # in place: no copy of a gigabyte
        else:
            data = data[len(_BOM) :]
    if not data or data.isspace():  # not strip(): that copies the whole file
        raise ModelFileError([Problem("", translate("ModelFile", "the file is empty"))])
    timeline = fast_load.build(data, progress)
    if timeline is None:
        progress(0.0)  # starting over, the exact way
        timeline = Timeline.from_model(_validate(data))
    progress(1.0)
    # What survives a load lives as long as the timeline: later collections skip
    # it. The young garbage is collected first, or freezing would keep it (a
    # full collection costs 20 ms at every open, for cycles this app rarely makes).
    gc.collect(1)
    gc.freeze()
    return timeline


def _validate(data: bytes | bytearray) -> TimelineModel:
    """The exact way: every problem, with its JSON path."""
    from pydantic import ValidationError

    from viewer.domain.model import TimelineModel

    try:
        with paused_gc():
            model = TimelineModel.model_validate_json(data)
    except ValidationError as exc:
        raise ModelFileError(_explain(data, exc)) from None
    if model.schema_version > SCHEMA_VERSION:
        raise ModelFileError([_newer_version(model.schema_version)])
    problems = check_timeline(model)
    if problems:
        raise ModelFileError(problems)
    return model


def load_timeline(
    path: Path, *, max_bytes: int = MAX_MODEL_BYTES, progress: Progress = no_progress
) -> Timeline:
    """The timeline in ``path``; ``progress`` hears how far (and may stop it, see
    :class:`~viewer.domain.progress.LoadCancelled`). Unpacking a gzip file is
    the first :data:`GZIP_SHARE` of the load, parsing the rest. While a gzip
    file unpacks on its thread, this one imports what parses it."""
    unpacked = False

    def unpacking(done: float) -> None:
        nonlocal unpacked
        unpacked = True
        progress(GZIP_SHARE * done)

    reading = start_reading(path, max_bytes=max_bytes)
    try:
        _parser_imported()
    except BaseException:
        reading.cancel()
        raise
    data = reading.result(unpacking)
    if not unpacked:
        return parse_timeline(data, progress)
    parsing = Share(GZIP_SHARE, 1.0)
    return parse_timeline(data, lambda done: progress(parsing.at(done)))


def _parser_imported() -> None:
    """Import what :func:`parse_timeline` needs (numpy, pydantic, msgspec, the
    model), a no-op once it is: a first load in a process spends about a
    third of a second on it, which a gzip file's unpacking now overlaps."""
    from viewer.domain import fast_load  # noqa: F401


def _newer_version(version: int) -> Problem:
    #: {0} is the file's format number, {1} the newest this version of the app reads.
    said = translate(
        "ModelFile",
        "made by a newer version of timeline-viewer: the file is format {0}, "
        "this version reads up to {1}; update the app to open it",
    )
    return Problem("schema_version", said.format(_short(version), SCHEMA_VERSION))


def _explain(data: bytes | bytearray, exc: ValidationError) -> list[Problem]:
    errors = exc.errors(include_url=False)
    if any(err["type"] == "json_invalid" for err in errors):
        return [_explain_not_json(data, errors[0]["msg"])]
    # A newer format is explained as such, not as a pile of unknown fields.
    version = _schema_version(data)
    if version is not None and version > SCHEMA_VERSION:
        return [_newer_version(version)]
    return [Problem(json_path(err["loc"]), _describe(err)) for err in errors]


def _schema_version(data: bytes | bytearray) -> int | None:
    """The file's ``schema_version`` as the model reads it (the rest ignored), or None."""
    from pydantic import BaseModel, ConfigDict, ValidationError

    class Header(BaseModel):
        model_config = ConfigDict(extra="ignore")
        schema_version: int

    try:
        return Header.model_validate_json(data).schema_version
    except ValidationError:
        return None


def _explain_not_json(data: bytes | bytearray, message: str) -> Problem:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        #: {0} is a byte in hexadecimal (such as "0xe4"), {1} where it is, {2} its line.
        said = translate(
            "ModelFile", "not UTF-8 text: byte {0} at offset {1} (line {2}); save the file as UTF-8"
        )
        return Problem("", said.format(f"0x{data[err.start]:02x}", err.start, line))
    detail = message.removeprefix("Invalid JSON: ")
    if detail.startswith("EOF while parsing"):
        #: {0} is the JSON parser's own words, in English.
        said = translate("ModelFile", "the JSON ends too early, the file may be truncated ({0})")
        return Problem("", said.format(detail))
    #: {0} is the JSON parser's own words, in English.
    return Problem("", translate("ModelFile", "not valid JSON: {0}").format(detail))


def _describe(err: Any) -> str:
    kind: str = err["type"]
    found = _short(err.get("input"))
    if kind == "missing":
        #: After a field's JSON path, such as "events[3].date".
        return translate("ModelFile", "is required but missing")
    if kind == "extra_forbidden":
        #: After a field's JSON path; {0} is the value found, such as "an object".
        return translate("ModelFile", "is not a field of this format (a typo?); found {0}").format(
            found
        )
    if kind == "model_type" and not err["loc"]:
        #: {0} is what the file holds instead, such as "a list of 3".
        return translate(
            "ModelFile", "a model file must hold a JSON object at the top; found {0}"
        ).format(found)
    message: str = err["msg"]
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind == "enum":
        #: {0} lists the values allowed (such as "'call', 'meeting' or 'other'"), {1} the one found.
        return translate("ModelFile", "must be one of {0}; found {1}").format(
            err["ctx"]["expected"], found
        )
    if kind == "string_too_long":
        # The length, not the text: it may be megabytes.
        #: {0} is the most characters a text may have, {1} how many it has.
        said = translate("ModelFile", "at most {0} characters, found {1}")
        return said.format(words.number(err["ctx"]["max_length"]), words.number(len(err["input"])))
    if kind == "too_long":
        ctx = err["ctx"]
        found_items = ctx.get("actual_length")
        if found_items is None:
            found_items = len(err["input"])
        #: {0} is the most entries a list may have, {1} how many it has.
        said = translate("ModelFile", "at most {0} entries, found {1}")
        return said.format(words.number(ctx["max_length"]), words.number(found_items))
    return f"{message[0].lower()}{message[1:]}; found {found}"


def _short(value: object) -> str:
    if isinstance(value, dict):
        #: What a model file holds where something else belongs: a JSON object.
        return translate("ModelFile", "an object")
    if isinstance(value, list):
        #: What a model file holds where something else belongs: a JSON list of {0} items.
        return translate("ModelFile", "a list of {0}").format(words.number(len(value)))
    if isinstance(value, str) and len(value) > 60:
        value = value[:60]  # enough to fill the 60 shown; repr of the whole may be megabytes
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
