"""An import's model file checked as it is written, never read back whole (Qt-free).

:class:`~viewer.importers.common.ModelWriter` hands :class:`OutputCheck` the
bytes it writes: the header first, each event as it is written, and the rest
(actors, sources, eras) at the end. The check makes the file a model file
that ``validate`` accepts, as loading it after the import did, in memory that
does not grow with the file (loading a 300,000-event import took 1.2 GB):

* the events, a batch of :data:`CHECK_BATCH` at a time: vouched for as the
  importer made them, when it hands them to the writer and they are plainly
  valid (:mod:`~viewer.importers.written_events`: a column at a time, each
  distinct value of the fields that repeat once; or, for events joined from
  pieces, each piece when it was made), with the texts' control
  characters searched for in the batch's bytes (:func:`_control_bytes`);
  else decoded from the bytes written with the struct the loader's fast way decodes them with
  (:mod:`viewer.domain.fast_load`: types, lengths, allowed values), their ids'
  pattern, dates and texts (no control characters: searched for in the
  batch's bytes, see :func:`_control_bytes`) checked as the model says (the
  loader's fast way checks them a column at a time); a batch that is not
  plainly valid is validated the exact way, event by event
  (:class:`~viewer.domain.model.Event`), which names each problem;
* what needs the whole file: event ids unique (a bit per ACLED id, see
  :class:`IdSet`; an id the importer took through :meth:`OutputCheck.take_id`
  is known to be, and not looked up again), and every id an event refers to
  (its participants, sources, related events, claims' actors and sources)
  kept once in a set until the end, when the actors and sources are known;
* the file without its events (the header, actors, sources, eras, and so the
  JSON around the events) validated the exact way at the end, as
  :func:`~viewer.persistence.model_file.load_timeline` would;
* its size within :data:`~viewer.persistence.limits.MAX_MODEL_BYTES`,
  counted as it is written (so an import that would be too large to open stops
  there).

Each method gives back the problems found (none: the bytes are fine); the
writer refuses the file when there is one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from functools import cache
from itertools import chain, islice
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import msgspec

from viewer.domain.checks import Problem, check_timeline, json_path
from viewer.domain.file_check import summary
from viewer.domain.perf import paused_gc
from viewer.domain.terms import SCHEMA_VERSION
from viewer.importers.written_events import WrittenEvents
from viewer.persistence.limits import MAX_MODEL_BYTES

# Events are checked this many at a time: some 3 kB each while they are (their
# bytes, and decoded), the check's whole share of the import's memory.
CHECK_BATCH = 1024
# At most this many problems are said; an import with one has a mistake to fix.
MOST_PROBLEMS = 20
# A C1 control character (U+0080 to U+009F) in UTF-8.
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")
# In JSON, a control character's escape but a line break's or tab's: a
# pattern that begins with one byte, run only where that byte is (a search
# for each two-byte escape stops at every "u", "b" and "f" of the text, and
# took 12.7 ms per batch of 1,024 ACLED events against 3.4 ms).
_ESCAPES = re.compile(rb"\\[bfu]")
if TYPE_CHECKING:
    from pydantic import ValidationError

    from viewer.domain.model import Event

# At most this many bytes of id bitmaps (a hostile file of ids with many
# letter prefixes and large numbers would want a megabyte each); ids past it
# are kept one string each.
_MOST_BITMAP_BYTES = 32 * 1024 * 1024


class IdSet:
    """A set of ids in little memory: an id of letters and a number without
    leading zeros (ACLED's ``ARG10607``) is one bit in its letters' bitmap, any
    other a string in a set. A million ACLED ids take some 125 kB, not the
    80 MB a set of them would."""

    _NUMBERED = re.compile(r"([A-Za-z]{1,12})([1-9][0-9]{0,6})", re.ASCII)

    def __init__(self) -> None:
        self._others: set[str] = set()
        self._bits: dict[str, bytearray] = {}
        self._bitmap_bytes = 0

    def add(self, wanted: str) -> bool:
        """Add ``wanted``; False if it was there already."""
        return self.add_while([wanted]) == 1

    def add_while(self, ids: list[str], start: int = 0) -> int:
        """Add ``ids[start:]`` in order until one is there already: how many
        were added (the one there already changes nothing)."""
        match, bits_of, others = self._NUMBERED.fullmatch, self._bits.get, self._others
        added = 0
        for wanted in islice(ids, start, None):
            numbered = match(wanted)
            if numbered is None:
                if not self._add_other(wanted):
                    break
                added += 1
                continue
            letters, number = numbered.groups()
            n = int(number)
            at, mask = n >> 3, 1 << (n & 7)
            bits = bits_of(letters)
            if bits is not None and at < len(bits):  # the common case: its bitmap holds it
                if bits[at] & mask or (others and wanted in others):
                    break
                bits[at] |= mask
            elif not self._add_beyond(wanted, letters, at, mask):
                break
            added += 1
        return added

    def _add_beyond(self, wanted: str, letters: str, at: int, mask: int) -> bool:
        """Add the numbered id ``wanted`` that its letters' bitmap does not reach."""
        bits = self._bits.get(letters)
        wanted_bytes = max(at + 1, 1024)
        if self._bitmap_bytes + wanted_bytes > _MOST_BITMAP_BYTES:
            return self._add_other(wanted)  # past the bitmaps' budget: one string each
        if bits is None:
            bits = self._bits[letters] = bytearray(1024)
            self._bitmap_bytes += 1024
        if at >= len(bits):
            grown = max(at + 1, 2 * len(bits)) - len(bits)
            bits.extend(bytes(grown))
            self._bitmap_bytes += grown
        if bits[at] & mask or wanted in self._others:
            return False
        bits[at] |= mask
        return True

    def _add_other(self, wanted: str) -> bool:
        if wanted in self._others:
            return False
        self._others.add(wanted)
        return True

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str):
            return False
        if item in self._others:
            return True
        numbered = self._NUMBERED.fullmatch(item)
        if numbered is None:
            return False
        letters, number = numbered.groups()
        n = int(number)
        bits = self._bits.get(letters)
        return bits is not None and (n >> 3) < len(bits) and bool(bits[n >> 3] & (1 << (n & 7)))


class OutputCheck:
    """The checks of one model file as it is written (see the module's docstring)."""

    def __init__(self, start: bytes, *, limit: int | None = None) -> None:
        """``start``: the bytes written before the first event; ``limit``: the
        most bytes the file may have (None: what a model file may have)."""
        if limit is None:
            limit = MAX_MODEL_BYTES
        self.limit = limit
        self._start = start
        self._pending: list[bytes] = []
        # The events themselves, as the importer made them, when it gave them.
        self._made: list[dict[str, Any]] = []
        self._written = WrittenEvents()
        self._checked = 0
        # The bytes of the events (and the commas between them) so far.
        self._event_bytes = 0
        self._ids = IdSet()
        # The ids taken (take_id) whose events have not come yet: each stands
        # for one event that has it, whose id is then not looked up.
        self._taken_ids: list[str] = []
        # Where in the batch the events are whose ids were not taken: looked up.
        self._loose: list[int] = []
        self._actors: set[str] = set()
        self._sources: set[str] = set()
        self._related: set[str] = set()

    def event(self, data: bytes, made: dict[str, Any] | None = None) -> list[Problem]:
        """One event's JSON, as written, and the event it was encoded from
        (``made``, not changed after: then vouched for as it is, see
        :mod:`~viewer.importers.written_events`; None: decoded from ``data``)."""
        self._event_bytes += len(data) + (2 if self._checked or self._pending else 0)
        if len(self._start) + self._event_bytes > self.limit:
            return [self._too_large(len(self._start) + self._event_bytes)]
        if not self._claimed(made.get("id") if made is not None else None):
            self._loose.append(len(self._pending))
        self._pending.append(data)
        if made is not None:
            self._made.append(made)
        return self._batch() if len(self._pending) >= CHECK_BATCH else []

    def events_of(
        self,
        datas: list[bytes],
        written: bytes,
        ids: list[str],
        summaries: list[str],
        columns: Sequence[Sequence[bytes]],
    ) -> list[Problem]:
        """A batch of events' JSON, each and as written (``written``: joined by
        a comma and a line break), and what each was joined from:
        its id and summary, and its pieces, a column per field (``HEAD`` and
        ``TAIL`` of :mod:`~viewer.importers.written_events`, in that order).
        Vouched for as a whole when plainly valid; else checked as the
        events given one at a time are."""
        problems = self._batch()  # events given one at a time before these
        if problems:
            return problems
        size = len(self._start) + self._event_bytes
        self._event_bytes += len(written) + (2 if self._checked else 0)
        if len(self._start) + self._event_bytes > self.limit:
            for n, data in enumerate(datas):  # the event that makes it too large
                size += len(data) + (2 if n or self._checked else 0)
                if size > self.limit:
                    return [self._too_large(size, self._checked + n + 1)]
        taken = self._taken_ids
        if taken[-len(ids) :] == ids:  # the batch's ids, each taken as it came
            del taken[-len(ids) :]
            loose: list[int] = []
        else:
            loose, self._taken_ids = _not_taken(ids, taken)
        first, self._checked = self._checked, self._checked + len(datas)
        with paused_gc():
            if self._written.vouch_columns(ids, summaries, columns) and not _control_bytes(written):
                return self._unique([(i, ids[i]) for i in loose], first)
        # Not plainly valid: the events checked as if given one at a time.
        self._checked = first
        self._pending, self._loose = datas, loose
        return self._batch()

    def piece(self, field: str, value: Any) -> bytes:
        """``value`` of ``field`` written as a piece of an event (see
        :meth:`~viewer.importers.written_events.WrittenEvents.piece`)."""
        return self._written.piece(field, value, self._actors, self._sources)

    def take_id(self, wanted: str) -> bool:
        """Take ``wanted`` as an event's id; False if an event has it already.
        The next event given as made with this id (one at a time, or in a
        batch) is known to have a unique id: its id is not looked up again;
        any other event's id is."""
        if not self._ids.add(wanted):
            return False
        self._taken_ids.append(wanted)
        return True

    def take_ids(self, wanted: list[str], start: int = 0) -> int:
        """Take ``wanted[start:]`` as events' ids, in order, until one an event
        has already: how many were taken (as :meth:`take_id` takes each)."""
        taken = self._ids.add_while(wanted, start)
        self._taken_ids += wanted[start : start + taken]
        return taken

    def _claimed(self, event_id: str | None) -> bool:
        """Whether ``event_id`` was taken for the event that has it (then it is
        no longer waiting for one)."""
        taken = self._taken_ids
        if taken and event_id == taken[-1]:  # taken just before its event came
            taken.pop()
            return True
        if event_id is not None and event_id in taken:
            taken.remove(event_id)
            return True
        return False

    def finish(self, rest: bytes) -> list[Problem]:
        """``rest``: every byte written after the last event."""
        problems = self._batch()
        if problems:
            return problems
        size = len(self._start) + self._event_bytes + len(rest)
        if size > self.limit:
            return [self._too_large(size)]
        # The file as written without its events: the header, actors, sources,
        # eras and the JSON around the events, checked as `validate` checks a
        # file (file_check, without pydantic); when that is unsure, validated
        # the exact way, which names each problem.
        rest_of_file = self._start + rest
        plainly = summary(rest_of_file)
        if plainly is not None:
            actors: Set[str] = plainly.actor_ids
            sources: Set[str] = plainly.source_ids
            problems = []
        else:
            problems, actors, sources = _exact_rest(rest_of_file)
            if problems:
                return problems
        problems += _dangling("actor", self._actors, actors)
        problems += _dangling("source", self._sources, sources)
        problems += _dangling("event", self._related, self._ids)
        return problems[:MOST_PROBLEMS]

    def _too_large(self, size: int, at: int | None = None) -> Problem:
        """The file would be ``size`` bytes at event ``at`` (counted from 1;
        None: the event given last)."""
        mib = 1024 * 1024
        if at is None:
            at = self._checked + len(self._pending) + 1
        return Problem(
            "",
            f"the model file would be over {size // mib:,} MiB at event {at:,}: model files "
            f"are at most {self.limit // mib:,} MiB (import a part of the file)",
        )

    def _batch(self) -> list[Problem]:
        """Check the events waiting."""
        raws, self._pending = self._pending, []
        made, self._made = self._made, []
        loose, self._loose = self._loose, []
        if not raws:
            return []
        first, self._checked = self._checked, self._checked + len(raws)
        with paused_gc():
            if (
                len(made) == len(raws)
                and self._written.vouch(made, self._actors, self._sources)
                and not _control_bytes(b",".join(raws))
            ):
                return self._unique([(i, made[i]["id"]) for i in loose], first)
            events: list[Any] | None = _fast(raws)
            if events is None:
                problems, events = _exact(raws, first)
                if problems:
                    return problems
            return self._whole_file(events, loose, first)

    def _whole_file(self, events: list[Any], loose: list[int], first: int) -> list[Problem]:
        """What needs more than one event: ids unique (those at ``loose``, not
        taken); the ids referred to, kept."""
        problems = self._unique([(i, events[i].id) for i in loose], first)
        self._actors.update(chain.from_iterable(map(attrgetter("participants"), events)))
        self._sources.update(chain.from_iterable(map(attrgetter("sources"), events)))
        for event in events:
            if event.related:
                self._related.update(event.related)
            for claim in event.claims:  # rare
                self._actors.update(a for a in (claim.by, claim.via) if a is not None)
                if claim.source is not None:
                    self._sources.add(claim.source)
        return problems

    def _unique(self, ids: Iterable[tuple[int, str]], first: int) -> list[Problem]:
        """The ids taken (each where it is in the batch that starts at event
        ``first``); a problem each time one was already."""
        problems: list[Problem] = []
        add = self._ids.add
        for at, item_id in ids:
            if not add(item_id) and len(problems) < MOST_PROBLEMS:
                problems.append(Problem(f"events[{first + at}].id", f"duplicate id {item_id!r}"))
        return problems


def _not_taken(ids: list[str], taken: list[str]) -> tuple[list[int], list[str]]:
    """Where in ``ids`` the ids are that were not taken for them (each taken
    id stands for one event that has it): to be looked up; and the ids taken
    that are still waiting for their events."""
    left = Counter(taken)
    loose = []
    for at, item_id in enumerate(ids):
        if left[item_id]:
            left[item_id] -= 1
        else:
            loose.append(at)
    waiting = []
    for item_id in reversed(taken):  # the ones taken last wait
        if left[item_id]:
            left[item_id] -= 1
            waiting.append(item_id)
    return loose, waiting[::-1]


def _fast(raws: list[bytes]) -> list[Any] | None:
    """The events decoded and checked as the loader's fast way checks them, or
    None if they are not plainly valid."""
    # Here, not at the top: an importer whose events are vouched for as they
    # are (written_events) never needs the loader's decoding, nor numpy.
    from viewer.domain.columns import EventFields
    from viewer.domain.fast_load import date_columns
    from viewer.domain.file_structs import Event as FastEvent
    from viewer.domain.file_structs import Unsure
    from viewer.domain.records import id_keys

    joined = b",".join(raws)
    try:
        events = _decoder(FastEvent).decode(b"[" + joined + b"]")
    except (msgspec.DecodeError, RecursionError):
        return None
    if len(events) != len(raws) or id_keys([e.id for e in events]) is None:
        return None  # an event's bytes that are not one JSON value; an id's pattern
    try:
        date_columns(EventFields.of(events))  # the loader's own date checks
    except (Unsure, KeyError):
        return None
    if any(e.id in e.related for e in events if e.related):
        return None
    if _control_bytes(joined):
        return None
    # The one-line texts hold no line break or tab either (the bytes may: a
    # summary's).
    one_line = "".join(
        chain(
            map(attrgetter("title"), events),
            chain.from_iterable(map(attrgetter("places"), events)),
            chain.from_iterable(map(attrgetter("tags"), events)),
            (note for e in events if (note := e.date.note) is not None),
        )
    )
    if "\n" in one_line or "\r" in one_line or "\t" in one_line:
        return None
    return events


def _exact_rest(data: bytes) -> tuple[list[Problem], set[str], set[str]]:
    """The problems of the file ``data`` (its events aside), found the exact
    way (:class:`~viewer.domain.model.TimelineModel`), and its actors' and
    sources' ids."""
    # Here, not at the top: a file checked plainly (file_check) needs no pydantic.
    from pydantic import ValidationError

    from viewer.domain.model import TimelineModel

    try:
        with paused_gc():
            model = TimelineModel.model_validate_json(data)
    except ValidationError as exc:
        return _problems(exc, ""), set(), set()
    if model.schema_version > SCHEMA_VERSION:
        return [Problem("schema_version", f"is newer than {SCHEMA_VERSION}")], set(), set()
    problems = check_timeline(model)
    return problems, set(model.actors_by_id), set(model.sources_by_id)


@cache
def _decoder(event: type) -> msgspec.json.Decoder[list[Any]]:
    return msgspec.json.Decoder(list[event])  # type: ignore[valid-type]


def _control_bytes(data: bytes) -> bool:
    """Whether the JSON ``data`` may hold a control character (C0, DEL, C1) or
    a lone surrogate in a text, other than a line break or tab.

    Searched in the bytes as written, not in each decoded text: JSON holds
    one escaped (``\\b``, ``\\f``, ``\\uXXXX``: the encoder writes ``\\u``
    for nothing else) or raw (DEL; C1 as the UTF-8 bytes C2 80 to C2 9F); a
    raw C0 byte or surrogate is not JSON, which the decoder refuses. A
    backslash written before a b, f or u in a text ("C:\\user") is taken for
    one too: its batch is checked the exact way, which finds nothing.
    """
    # One byte is found fastest (memchr), then a pattern that begins with it.
    if b"\x7f" in data or (b"\\" in data and _ESCAPES.search(data) is not None):
        return True
    return b"\xc2" in data and _C1_BYTES.search(data) is not None


def _exact(raws: list[bytes], first: int) -> tuple[list[Problem], list[Event]]:
    """The problems of each event, found the exact way, with their JSON paths."""
    from pydantic import ValidationError

    from viewer.domain.model import Event

    problems: list[Problem] = []
    events: list[Event] = []
    for n, raw in enumerate(raws, first):
        here = f"events[{n}]"
        try:
            event = Event.model_validate_json(raw)
        except ValidationError as exc:
            problems += _problems(exc, here)
            continue
        events.append(event)
        date = event.date
        if date.closed_end is not None and date.latest <= date.earliest:
            problems.append(Problem(f"{here}.date.end", "ends before it starts"))
        if event.id in event.related:
            problems.append(Problem(f"{here}.related", "an event cannot be related to itself"))
    return problems[:MOST_PROBLEMS], events


def _problems(exc: ValidationError, here: str) -> list[Problem]:
    found = []
    for err in exc.errors(include_url=False, include_input=False)[:MOST_PROBLEMS]:
        path = json_path([here, *err["loc"]] if here else err["loc"])
        found.append(Problem(path, err["msg"]))
    return found


def _dangling(target: str, referred: Iterable[str], known: Any) -> list[Problem]:
    missing = sorted(ref for ref in referred if ref not in known)
    return [
        Problem("events", f"an event refers to no {target}: found {ref!r}")
        for ref in missing[:MOST_PROBLEMS]
    ]
