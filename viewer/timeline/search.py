"""Find: one query over a timeline's texts and the reader's notes (Qt-free).

A query is words; an event matches when every word is found, case- and
accent-insensitively (``"zermurbung"`` finds ``"Zermürbung"``, ``"strasse"``
finds ``"Straße"``), anywhere in what belongs to it: its title, summary,
claims, the names of its participants and of those who claim, its places,
its quotes (original and translation) with their speakers' names, and the
reader's notes and tags on it or on its quotes. A word may be part of a
longer one (``"selensk"`` finds ``"Selenskyj"``).

:class:`TextIndex` keeps the folded text of every event once it is built
(in steps, so a window can build it between frames): in chunks of
:data:`CHUNK` events in file order, each one string with the events'
documents one after another. A word is looked for with ``str.find`` over a
chunk, which jumps to the next document at each find, so a query costs one
find per matching document. :meth:`TextIndex.search` yields the matching
rows chunk by chunk: the first come at once, the rest follow.

What matched, and where (:func:`found_in`), is worked out again for the
events a reader looks at, from the event's own record: the index keeps no
more than the folded text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

import msgspec
import numpy as np
import numpy.typing as npt

from viewer.domain.notes import Note, event_of
from viewer.domain.records import BATCH
from viewer.domain.text import one_line
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP, translate
from viewer.timeline.index import event_index
from viewer.timeline.kept import kept

# Events per chunk of the index (a multiple of the records' batch).
CHUNK = 64 * BATCH

# Between the fields of one document, and after each document.
_FIELD = "\x1f"
_END = "\x1e"

# Combining marks that NFKD splits off letters (accents, umlauts, cedillas).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# What never belongs in a word of a query or a document: controls (the index's marks).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]+")
_END_MARKS = re.compile(_END)
_CONTROLS_BUT_MARKS = re.compile("[\x00-\x1d\x7f-\x9f]+")


def _document(parts: list[str]) -> str:
    """An event's (or a quote's) texts as one document, between field marks.

    A mark in the data itself (only a hostile file has one) becomes a space,
    so it cannot split a document.
    """
    doc = _FIELD.join(parts)
    if _END in doc or doc.count(_FIELD) != len(parts) - 1:
        doc = _FIELD.join(_CONTROLS.sub(" ", part) for part in parts)
    return doc


Rows = npt.NDArray[np.int64]


def fold(text: str) -> str:
    """``text`` as searches compare it: casefolded, accents dropped, compatibility forms unified."""
    if text.isascii():
        return text.lower()
    # Case is folded again after NFKD: compatibility forms ("𝐁", "ᴮ", "ℍ") decompose
    # to capitals, and a second fold leaves any text as it is.
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()).casefold())


def query_words(query: str) -> list[str]:
    """The folded words of a query, each once, longest first (the rarest, likely)."""
    words = dict.fromkeys(fold(_CONTROLS.sub(" ", query)).split())
    return sorted(words, key=len, reverse=True)


def match_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where in ``text`` (start, end, in its own characters) the words are found, merged.

    Folding can change a text's length (``"ß"`` folds to ``"ss"``, ``"é"``
    loses its accent), so each character is folded alone and the folded
    text remembers which character each of its characters came from.
    """
    if not words or not text:
        return []
    pieces: list[str] = []
    origin: list[int] = []
    for at, char in enumerate(text):
        folded = fold(char)
        pieces.append(folded)
        origin.extend([at] * len(folded))
    folded_text = "".join(pieces)
    spans: list[tuple[int, int]] = []
    for word in words:
        at = folded_text.find(word)
        while at >= 0:
            spans.append((origin[at], origin[at + len(word) - 1] + 1))
            at = folded_text.find(word, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, words: Sequence[str], width: int = 90) -> str:
    """A line of ``text`` around its first match, cut with "…" where it is cut."""
    line = one_line(text)
    if len(line) <= width:
        return line
    spans = match_spans(line, words)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 3, len(line) - width))
    if start:  # begin at a word, not in one
        space = line.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = start + width
    return ("…" if start else "") + line[start:end].strip() + ("…" if end < len(line) else "")


class Where(StrEnum):
    """Which part of an event a word was found in (the values are the command
    line's JSON words; :func:`where_name` gives the reader's)."""

    TITLE = "title"
    SUMMARY = "summary"
    CLAIM = "claim"
    PARTICIPANT = "participant"
    PLACE = "place"
    DATE_NOTE = "date wording"
    QUOTE = "quote"
    TRANSLATION = "translation"
    NOTE = "my note"
    TAG = "my tag"


# Each part as a result names it, in English (translated when shown).
WHERE_NAME: dict[Where, str] = {
    Where.TITLE: QT_TRANSLATE_NOOP("search", "title"),
    Where.SUMMARY: QT_TRANSLATE_NOOP("search", "summary"),
    Where.CLAIM: QT_TRANSLATE_NOOP("search", "claim"),
    Where.PARTICIPANT: QT_TRANSLATE_NOOP("search", "participant"),
    Where.PLACE: QT_TRANSLATE_NOOP("search", "place"),
    Where.DATE_NOTE: QT_TRANSLATE_NOOP("search", "date wording"),
    Where.QUOTE: QT_TRANSLATE_NOOP("search", "quote"),
    Where.TRANSLATION: QT_TRANSLATE_NOOP("search", "translation"),
    Where.NOTE: QT_TRANSLATE_NOOP("search", "my note"),
    Where.TAG: QT_TRANSLATE_NOOP("search", "my tag"),
}


def where_name(where: Where) -> str:
    """Where a word was found ("quote"), in the reader's language."""
    return translate("search", WHERE_NAME[where])


@dataclass(frozen=True, slots=True)
class Found:
    """One part of an event that holds a word of the query."""

    where: Where
    text: str
    # Who said or claimed it, for quotes, translations and claims.
    by: str = ""
    # The quote or note it is in, if any.
    owner: str = ""


def _names(timeline: Timeline) -> dict[str, str]:
    return {actor.id: actor.name for actor in timeline.actors}


class _DateText(msgspec.Struct):
    note: str | None = None


class _ClaimText(msgspec.Struct):
    text: str
    by: str
    via: str | None = None


class _EventText(msgspec.Struct):
    """What the index reads of an event record (the rest of it is skipped unread)."""

    title: str
    date: _DateText
    summary: str = ""
    participants: list[str] = msgspec.field(default_factory=list)
    places: list[str] = msgspec.field(default_factory=list)
    claims: list[_ClaimText] = msgspec.field(default_factory=list)


class _Translation(msgspec.Struct):
    text: str


class _QuoteText(msgspec.Struct):
    text: str
    speaker: str
    translation: _Translation | None = None


_EVENTS = msgspec.json.Decoder(list[_EventText])
_QUOTES = msgspec.json.Decoder(list[_QuoteText])


# One searchable part of an event or a quote: where it is, its text, the names
# of who made it (they are searched too), and who, as a result shows it: no one,
# one name, or who claims and through whom.
_Part = tuple[Where, str, tuple[str, ...], tuple[str, ...]]


def _by_words(by: tuple[str, ...]) -> str:
    """Who said or claimed a part, in words (worked out for results only)."""
    if len(by) == 2:
        return translate("search", "{0}, via {1}").format(*by)
    return by[0] if by else ""


def _event_parts(event: _EventText, names: dict[str, str]) -> Iterator[_Part]:
    yield Where.TITLE, event.title, (), ()
    yield Where.SUMMARY, event.summary, (), ()
    yield Where.DATE_NOTE, event.date.note or "", (), ()
    for actor in event.participants:
        yield Where.PARTICIPANT, names.get(actor, actor), (), ()
    for place in event.places:
        yield Where.PLACE, place, (), ()
    for claim in event.claims:
        by = names.get(claim.by, claim.by)
        if claim.via:
            via = names.get(claim.via, claim.via)
            yield Where.CLAIM, claim.text, (by, via), (by, via)
        else:
            yield Where.CLAIM, claim.text, (by,), (by,)


def _quote_parts(quote: _QuoteText, names: dict[str, str]) -> Iterator[_Part]:
    speaker = names.get(quote.speaker, quote.speaker)
    yield Where.QUOTE, quote.text, (speaker,), (speaker,)
    if quote.translation is not None:  # found by its own words, not by the speaker's name
        yield Where.TRANSLATION, quote.translation.text, (), (speaker,)


def _texts(parts: Iterable[_Part]) -> list[str]:
    """What of the parts is searched: their texts, then each name once."""
    texts: list[str] = []
    names: list[str] = []
    for _where, text, who, _by in parts:
        texts.append(text)
        if who:
            names.extend(name for name in who if name not in names)
    return texts + names if names else texts


@dataclass(slots=True)
class _Chunk:
    text: str
    # Where each document's end mark is: document ``i`` is ``text[ends[i-1]+1 : ends[i]]``.
    ends: Rows


class NotesText:
    """The folded text of the reader's notes, by the table row of the event they are on.

    A note on a quote counts for the quote's event.
    """

    def __init__(self, timeline: Timeline, notes: Iterable[Note]) -> None:
        by_row: dict[int, list[str]] = {}
        events = timeline.events
        for note in notes:
            event_id = event_of(timeline, note.target)
            row = None if event_id is None else events.row_of(event_id)
            if row is not None:
                by_row.setdefault(row, []).extend([note.text, *note.tags])
        self.by_row: dict[int, str] = {
            row: fold(_CONTROLS.sub(" ", _FIELD.join(parts))) for row, parts in by_row.items()
        }
        self._rows = np.array(sorted(self.by_row), np.int64)

    def rows_between(self, first: int, after: int) -> list[int]:
        """The rows with notes in ``[first, after)``."""
        lo, hi = np.searchsorted(self._rows, [first, after])
        rows: list[int] = self._rows[lo:hi].tolist()
        return rows


class TextIndex:
    """The folded text of a timeline's events, built in steps, searched in chunks."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        count = len(timeline.events)
        self._chunks: list[_Chunk | None] = [None] * -(-count // CHUNK)
        # Each quote's document, by quote row, while the chunks are being built.
        self._quote_docs: list[str] | None = None

    @property
    def built(self) -> bool:
        return self._quote_docs is None and all(c is not None for c in self._chunks)

    def build(self) -> Iterator[float]:
        """Build what is not built yet, yielding the share done after each step."""
        steps = 1 + len(self._chunks)
        if self.built:
            return
        names = _names(self.timeline)
        if self._quote_docs is None:
            self._quote_docs = self._quotes(names)
        yield 1 / steps
        for number, chunk in enumerate(self._chunks):
            if chunk is None:
                self._chunks[number] = self._build_chunk(number, names)
            yield (number + 2) / steps
        self._quote_docs = None

    def _quotes(self, names: dict[str, str]) -> list[str]:
        return [
            _document(_texts(_quote_parts(quote, names)))
            for batch in self.timeline.quotes.batches
            for quote in _QUOTES.decode(batch)
        ]

    def _build_chunk(self, number: int, names: dict[str, str]) -> _Chunk:
        timeline = self.timeline
        quote_docs = self._quote_docs or []
        first = number * CHUNK
        events = timeline.events.decoded(first, first + CHUNK, _EVENTS)
        quoted, starts = timeline.quotes_by_event.rows_from(first, first + len(events))
        docs = [_document(_texts(_event_parts(event, names))) for event in events]
        for at, (lo, hi) in enumerate(pairwise(starts)):
            if hi > lo:
                docs[at] = _FIELD.join([docs[at], *(quote_docs[q] for q in quoted[lo:hi])])
        # Folding keeps the marks (ASCII controls) but may change lengths: the
        # ends are found in the folded text.
        text = fold(_CONTROLS_BUT_MARKS.sub(" ", _END.join(docs))) + _END
        ends = [found.start() for found in _END_MARKS.finditer(text)]
        return _Chunk(text, np.array(ends, np.int64))

    def _chunk(self, number: int) -> _Chunk:
        chunk = self._chunks[number]
        if chunk is None:
            for _ in self.build():
                pass
            chunk = self._chunks[number]
            assert chunk is not None
        return chunk

    def search(self, words: Sequence[str], notes: NotesText | None = None) -> Iterator[Rows]:
        """The table rows of the events that hold every word, chunk by chunk in file order."""
        if not words or not self._chunks:
            return
        # The rarest word (in the first chunk) finds the candidates; the others
        # are looked for in those only.
        sample = self._chunk(0).text
        first_word, *others = sorted(words, key=lambda w: (sample.count(w), -len(w)))
        noted = notes.by_row if notes is not None else {}
        for number in range(len(self._chunks)):
            chunk = self._chunk(number)
            base = number * CHUNK
            text, ends = chunk.text, chunk.ends
            candidates: list[int] = _documents_with(text, ends, first_word).tolist()
            if notes is not None:
                extra = [
                    row - base
                    for row in notes.rows_between(base, base + len(ends))
                    if first_word in noted[row]
                ]
                if extra:
                    candidates = sorted(set(candidates).union(extra))
            if others:
                candidates = [
                    doc
                    for doc in candidates
                    if all(
                        text.find(w, int(ends[doc - 1]) + 1 if doc else 0, int(ends[doc])) >= 0
                        or w in noted.get(base + doc, "")
                        for w in others
                    )
                ]
            if candidates:
                yield np.array(candidates, np.int64) + base


def _documents_with(text: str, ends: Rows, word: str) -> Rows:
    """The documents (numbers in the chunk) that hold ``word``, in order.

    Each find runs on to its document's end mark, so a document is found once
    however often it holds the word; the documents are then the end marks'
    places, found all at once.
    """
    pattern = re.compile(re.escape(word) + "[^" + _END + "]*")
    starts = [found.start() for found in pattern.finditer(text)]
    docs: Rows = np.searchsorted(ends, np.array(starts, np.int64), side="right")
    return docs


@kept
def quote_texts(timeline: Timeline) -> list[str]:
    """Each quote's text, speaker, translation and event title, folded, by quote row:
    what a quote list is filtered by (one pass over the records when first
    asked, then kept)."""
    names = _names(timeline)
    events, codes = timeline.events, timeline.quotes_by_event.codes
    texts: list[str] = []
    for batch in timeline.quotes.batches:
        for quote in _QUOTES.decode(batch):
            row = codes[len(texts)]
            title = events.title(int(row)) if row >= 0 else ""
            parts = _texts(_quote_parts(quote, names))
            texts.append(fold(_CONTROLS.sub(" ", _FIELD.join([*parts, title]))))
    return texts


def search_all(index: TextIndex, words: Sequence[str], notes: NotesText | None = None) -> Rows:
    """Every matching row, in the timeline's time order."""
    parts = list(index.search(words, notes))
    rows = np.concatenate(parts) if parts else np.zeros(0, np.int64)
    return in_time_order(index.timeline, rows)


def in_time_order(timeline: Timeline, rows: Rows) -> Rows:
    """Table ``rows`` sorted by their events' places in time order."""
    return rows[np.argsort(event_index(timeline).position_of_row[rows], kind="stable")]


def found_in(
    timeline: Timeline, row: int, words: Sequence[str], notes: Sequence[Note] = ()
) -> list[Found]:
    """The parts of the event on ``row`` (and of its quotes and ``notes``) that hold a word."""
    names = _names(timeline)

    def holds(text: str) -> bool:
        folded = fold(text)
        return any(word in folded for word in words)

    def found(parts: Iterable[_Part], owner: str = "") -> Iterator[Found]:
        for where, text, who, by in parts:
            if text and (holds(text) or any(holds(name) for name in who)):
                yield Found(where, text, _by_words(by), owner)

    event = msgspec.convert(timeline.events.record(row), _EventText)
    results = list(found(_event_parts(event, names)))
    for quote_row in timeline.quotes_by_event.rows_at(row).tolist():
        record = timeline.quotes.record(quote_row)
        results += found(_quote_parts(msgspec.convert(record, _QuoteText), names), record["id"])
    for note in notes:
        if holds(note.text):
            results.append(Found(Where.NOTE, note.text, owner=note.id))
        results += [Found(Where.TAG, tag, owner=note.id) for tag in note.tags if holds(tag)]
    return results
