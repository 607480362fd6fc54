"""Text from data, made safe to show next to the app's own words (Qt-free).

Two dangers, two helpers:

* :func:`terminal_safe`: control characters and escape sequences from a model
  file or a note (``ESC [ 31 m``, an OSC 8 hyperlink, a bell, a carriage return
  that overwrites the line) must never reach a terminal. Each one is shown as a
  visible escape (``\\x1b``) instead; a tab becomes a space.
* :func:`isolate`: a right-to-left override (U+202E) or an unbalanced embedding
  in a title must not reverse the app's own text around it. Data embedded in the
  app's text is wrapped in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL
  ISOLATE.

Why FSI … PDI is enough, and what else :func:`isolate` does (Unicode UAX #9,
rules X5c, X6a, X7, BD9):

* a PDI closes the last open isolate *and every embedding and override opened
  after it* (X6a), so an unterminated U+202A–U+202E inside the data ends at our
  PDI; a PDF (U+202C) inside the data cannot close our isolate (X7 never pops an
  isolate's entry), so no U+202C is needed;
* a PDI *in the data* without an isolate initiator before it would match our
  FSI and end the isolation early: such stray PDIs are dropped;
* an isolate initiator (U+2066–U+2068) in the data without its PDI would take
  our PDI: the missing PDIs are added before ours;
* every bidi state ends at a paragraph separator (bidi class B: newline,
  carriage return, U+001C–U+001E, U+0085, U+2029): our FSI before a newline in
  the data would not reach past it. So each paragraph of the data is isolated
  on its own.

Isolates do their job where text is *painted*. Text that is heard or leaves the
app (a screen reader's names and announcements, a braille display, the
clipboard) must not carry them: a braille display shows them as stray cells and
a pasted citation keeps them invisibly. :func:`without_isolates` takes them out
of such text; :func:`bidi_contained` keeps data that leaves the app from
reordering what follows it without them (its isolates made embeddings, and
every embedding and override closed at its end).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Callable
from typing import Any


class _Pattern:
    """A regular expression compiled when it is first used. Character classes
    that hold lone surrogates beside other ranges (most below) make the ``re``
    compiler build a table of every character below U+10000: together some 20
    million instructions at import, a tenth of ``timeline-viewer validate``,
    which needs none of them; the plainer ones (isolates, Markdown) cost a
    million and a half more. Once compiled, its methods are the pattern's own."""

    __slots__ = ("_source", "search", "split", "sub")
    search: Callable[[str], re.Match[str] | None]
    split: Callable[[str], list[str]]
    sub: Callable[[str | Callable[[re.Match[str]], str], str], str]

    def __init__(self, source: str) -> None:
        self._source = source

    def __getattr__(self, name: str) -> Any:
        if name not in self.__slots__[1:]:
            raise AttributeError(name)
        compiled = re.compile(self._source)
        self.search, self.split, self.sub = compiled.search, compiled.split, compiled.sub
        return getattr(self, name)


# U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE.
FSI = "\u2068"
PDI = "\u2069"
_INITIATORS = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
# Every isolate control: LRI, RLI, FSI and PDI (U+2066–U+2069).
_ISOLATES = _Pattern("[\u2066-\u2069]")
# The embeddings and overrides (LRE, RLE, LRO, RLO), and their end (PDF).
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_PDF = "\u202c"

# Characters of bidi class B: each ends a paragraph, and with it every bidi state.
_PARAGRAPH = _Pattern("([\n\r\x1c-\x1e\x85\u2029])")

# C0 and C1 controls and DEL, and lone surrogates (which cannot be written as UTF-8).
_CONTROL = _Pattern("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_NEWLINE = _Pattern("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

# What a JSON text must not carry raw to a terminal: DEL, C1 controls, lone
# surrogates and the bidi controls. (JSON escapes C0 controls itself.)
_JSON_UNSAFE = _Pattern("[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\t":
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, multiline: bool = False) -> str:
    """``text`` without anything a terminal would act on.

    Every C0 or C1 control character (ESC, BEL, CR, backspace, U+009B CSI …) and
    DEL is replaced by a visible escape such as ``\\x1b``, so an escape sequence
    shows as harmless text (``\\x1b[31m``); a tab becomes a space; a lone
    surrogate (which could not even be written) shows as ``\\udc80``. Newlines
    are escaped too unless ``multiline`` is true (for text printed line by line).
    """
    pattern = _CONTROL_BUT_NEWLINE if multiline else _CONTROL
    return pattern.sub(_visible, text)


# What XML 1.0 cannot hold, not even as a character reference (its ``Char`` is
# tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up): C0 controls, lone
# surrogates, U+FFFE and U+FFFF; and, as :func:`terminal_safe` does, CR, DEL
# and C1 controls (allowed, but no text should hold them) and tab.
_NOT_XML = _Pattern("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` as :func:`terminal_safe` (``multiline``) makes it, and with every
    other character XML 1.0 forbids (U+FFFE, U+FFFF) a visible escape (``\\ufffe``)
    too: an XML document written so stays well-formed whatever its texts hold."""
    return _NOT_XML.sub(_visible, text)


def terminal_safe_json(text: str) -> str:
    """A JSON text safe for a terminal, and still the same JSON.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but leaves C1
    controls (U+009B is a CSI to some terminals), DEL, lone surrogates and bidi
    controls raw. These can only stand inside JSON strings, where ``\\uXXXX``
    means the same character: the document is unchanged, only its spelling.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# What a model file's text may not hold (see :func:`control_in`): the controls
# above; in long text (a summary, a quote) tab and line breaks are text: newline,
# and carriage return (a file written on Windows breaks its lines with CR LF).
_MODEL_CONTROL_LONG = _Pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# The same as JSON Schema patterns (ECMA 262), for the committed schema; a lone
# surrogate cannot stand in a valid JSON text at all.
CONTROL_FREE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
CONTROL_FREE_LONG_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"


def control_in(text: str, *, long: bool = False) -> str | None:
    """Why ``text`` cannot be a model file's text, or None if it can.

    A C0 or C1 control character, DEL or a lone surrogate in a model file is a
    mistake of the tool that wrote it (a mis-decoded byte, an escape sequence
    copied from a terminal): the file is refused, saying where. ``long`` text (a
    summary, a quote) may hold tabs and line breaks (LF, CR LF or CR; see
    :func:`line_breaks`).
    """
    pattern = _MODEL_CONTROL_LONG if long else _CONTROL
    found = pattern.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
    allowed = (
        "" if long else " (tabs and line breaks only in descriptions, summaries, claims, quotes)"
    )
    return (
        f"holds {what} (U+{code:04X}) at character {found.start() + 1:,}: "
        f"a model file's text holds none{allowed}"
    )


def line_breaks(text: str) -> str:
    """``text`` with each line break a newline: CR LF (Windows) and a lone CR become LF.

    A model file's long text is kept so when it is loaded, once: every view (the
    details, tooltips, a terminal) then breaks lines on ``\\n`` alone and never
    shows a CR as a second break, a box or an escape.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(text: str) -> str:
    """``text`` on one line: each run of white space (line breaks too) one space."""
    return " ".join(text.split())


def isolate(text: str) -> str:
    """``text`` wrapped in FSI … PDI, so it cannot reorder the text around it.

    Each paragraph of ``text`` (see the module notes) is isolated on its own;
    stray PDIs inside are dropped and missing ones added, so the isolate always
    ends exactly where the data ends. Empty text stays empty.
    """
    if not text:
        return ""
    parts = _PARAGRAPH.split(text)
    # split() with a group: even indexes are paragraphs, odd ones the separators.
    return "".join(part if i % 2 else _isolate_paragraph(part) for i, part in enumerate(parts))


def _isolate_paragraph(text: str) -> str:
    if not text:
        return ""
    if PDI not in text and not _INITIATORS.intersection(text):
        return f"{FSI}{text}{PDI}"
    kept: list[str] = []
    open_isolates = 0
    for char in text:
        if char in _INITIATORS:
            open_isolates += 1
        elif char == PDI:
            if open_isolates == 0:
                continue  # it would close our FSI: drop it
            open_isolates -= 1
        kept.append(char)
    return FSI + "".join(kept) + PDI * open_isolates + PDI


def without_isolates(text: str) -> str:
    """``text`` without any isolate control (LRI, RLI, FSI, PDI: U+2066–U+2069).

    For text a screen reader reads (accessible names, table cells, announcements)
    and text put on the clipboard: there the isolates that keep painted text in
    order are noise (a braille display shows them, a pasted text keeps them).
    """
    return _ISOLATES.sub("", text) if text else text


def bidi_contained(text: str) -> str:
    """Data for text that leaves the app (the clipboard): no isolates, and nothing
    in it that could reorder the text after it.

    Pasted, the isolates would stay in the text, unseen (see :func:`without_isolates`),
    so none is added; and the data's own are made the embeddings nearest to them
    (LRI, RLI: LRE, RLE; FSI: as its first strong character goes; PDI: a PDF for
    it and for every embedding opened inside it, as a PDI closes those too). Each
    paragraph's embeddings and overrides (U+202A, U+202B, U+202D, U+202E) left open
    are closed at its end, and a PDF (U+202C) with nothing to close is dropped: an
    override in a title reverses the title, never the rest of the line it is
    pasted into.
    """
    if not _BIDI_CONTROLS.intersection(text):
        return text
    parts = _PARAGRAPH.split(text)
    return "".join(part if i % 2 else _contained_paragraph(part) for i, part in enumerate(parts))


# Every explicit bidi control that opens or closes something (UAX #9, X2–X7).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LRE, _RLE = "\u202a", "\u202b"


def _contained_paragraph(text: str) -> str:
    kept: list[str] = []
    opened: list[bool] = []  # what each PDF still to come closes: True for an isolate
    for at, char in enumerate(text):
        if char in _EMBEDDINGS:
            opened.append(False)
            kept.append(char)
        elif char in _INITIATORS:
            opened.append(True)
            kept.append(_embedding_for(char, text, at))
        elif char == _PDF:
            if opened and not opened[-1]:  # a PDF never closes an isolate (X7)
                opened.pop()
                kept.append(char)
        elif char == PDI:
            if True in opened:  # it closes its isolate and all opened inside it (X6a)
                while not opened.pop():
                    kept.append(_PDF)
                kept.append(_PDF)
        else:
            kept.append(char)
    return "".join(kept) + _PDF * len(opened)


def _embedding_for(initiator: str, text: str, at: int) -> str:
    """The embedding that stands in for the isolate ``initiator`` at ``text[at]``."""
    if initiator == "\u2066":
        return _LRE
    if initiator == "\u2067":
        return _RLE
    # FSI: the direction of the first strong character up to its PDI (rule P2,
    # skipping isolates inside it); left to right if there is none (P3).
    depth = 0
    for char in text[at + 1 :]:
        if char in _INITIATORS:
            depth += 1
        elif char == PDI:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return _LRE
            if kind in ("R", "AL"):
                return _RLE
    return _LRE


def wrap_isolated(line: str, width: int) -> list[str]:
    """``line`` wrapped to ``width`` (:func:`textwrap.wrap`), isolates kept whole.

    An isolate that a line break cuts in two is closed at the end of the line
    and opened again at the start of the next, so each line is balanced on its
    own (a bidi state never crosses a paragraph separator; nor may our isolates).
    """
    lines: list[str] = []
    depth = 0
    for part in textwrap.wrap(line, width) or [""]:
        opened = depth + sum(map(part.count, _INITIATORS)) - part.count(PDI)
        opened = max(opened, 0)
        lines.append(FSI * depth + part + PDI * opened)
        depth = opened
    return lines


# -- Markdown ---------------------------------------------------------------------------

# Characters that mean something anywhere in a Markdown line (CommonMark and
# GitHub's tables and strikethrough): emphasis, code, links and images, raw HTML
# and entities, headings' closing hashes, table cells.
_MD_INLINE = _Pattern(r"[\\`*_\[\]<>&#|~]")
# What starts a block at the beginning of a line: a list item (``-``, ``+``,
# ``1.``, ``1)``), a setext underline (``===``) or a thematic break (``---``).
_MD_AUTOLINK = _Pattern(r"(?i)(?:\b(?:https?|ftp|mailto):|\bwww\.)")
_MD_LINE_START = _Pattern(r"^(\s*)([-+=]|\d+(?=[.)]))")


def markdown_text(text: str) -> str:
    """One line of data as inert Markdown (:func:`markdown_escape`), isolated
    against bidi reordering."""
    return isolate(markdown_escape(text))


def markdown_escape(text: str) -> str:
    """One line of data as inert Markdown, not isolated (for the clipboard: see
    :func:`bidi_contained`).

    Every character that Markdown or HTML would act on is escaped with a
    backslash (``\\*``, ``\\[``, ``\\<``, ``\\&``, ...), and so is a block marker at
    the start (``\\-``, ``1\\.``), so a renderer shows the text as it is and makes
    no tag, link, heading or list of it.
    """
    escaped = _MD_INLINE.sub(lambda m: "\\" + m.group(), text)
    escaped = _MD_LINE_START.sub(_escape_block_marker, escaped)
    # GitHub's extended autolinks turn bare "https://…" and "www.…" into links.
    escaped = _MD_AUTOLINK.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], escaped)
    return escaped


def _escape_block_marker(match: re.Match[str]) -> str:
    space, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "1." -> "1\.": the dot or parenthesis is escaped
        return space + marker + "\\"
    return space + "\\" + marker
