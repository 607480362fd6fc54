"""HTML as the text a browser shows, and the links in it (Qt-free, standard library only).

TimelineJS slides hold HTML: ``<p>`` paragraphs, ``<br>``, links, now and then
a ``<script>``. The model holds plain text. :func:`html_to_text` keeps what a
reader of the page would see: tags go, character references are decoded once
(``&amp;lt;`` shows as ``&lt;``, so that is what is kept), blocks and ``<br>``
become line breaks (paragraphs a blank line), other runs of white space one
space, list items a bullet or their number; ``<script>``, ``<style>`` and
``<template>`` go with all they hold. Broken HTML is read as a browser reads
it: a tag left open at the end of the text is dropped, an unclosed element
simply runs to the end, a comment left open hides the rest.

The markup is read as the HTML standard's tokenizer reads it, by a few
patterns that never look back: each character is read once whatever the text,
so the time is linear in its length. (:mod:`html.parser` spent some 2 µs on
each "<" of a text: 4 MB of them took 8 s, 16 to 33 s on a busy machine; and
it searches the rest of the text again at every construct left open.) What
is shown is then finished (no spaces ending a line, no two blank lines in a
row) in one more pass, linear too. A caller's ``check`` is called every
:data:`CHUNK` characters read and every :data:`CHUNK` characters finished: an
import is cancelled inside a slide of megabytes.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from html import unescape
from html.entities import html5

# Told that another :data:`CHUNK` characters were read; may raise to stop.
Check = Callable[[], None]
# How many characters are read between two calls of a check (some milliseconds).
CHUNK = 1 << 16
# The check of HTML read with none of its own (see :func:`checking`).
_CHECK: ContextVar[Check | None] = ContextVar("html_check", default=None)

# Their content is never shown.
_HIDDEN = frozenset({"script", "style", "template"})
# Their content is text up to their end tag, never markup (script data, raw text).
_RAW = frozenset({"script", "style"})
# Blocks set off by a blank line (browsers give them margins).
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table"}
    | {"figure", "hr", "address", "details", "fieldset", "form", "menu"}
)
# Blocks that start on a line of their own.
_LINES = frozenset(
    {"div", "li", "dd", "dt", "tr", "section", "article", "aside", "header", "footer", "nav"}
    | {"main", "figcaption", "caption", "summary", "legend", "center", "dialog", "hgroup"}
    | {"option", "thead", "tbody", "tfoot", "search"}
)
_CELLS = frozenset({"td", "th"})
# HTML's white space (a no-break space is not: browsers keep it).
_WHITE = re.compile(r"[ \t\n\r\f]+")
# Where markup starts: "<" and a letter (a tag), "!" (a comment, a doctype),
# "?" (a bogus comment), or "/" and any character (an end tag, or a bogus
# comment). Any other "<" is text, and so is a "</" that ends the text.
_MARKUP = re.compile(r"<(?:[A-Za-z!?]|/[\s\S])")
# A start or end tag, from its "<" up to its ">" (not included) or the end of
# the text: the name, then attributes whose quoted values may hold ">". Every
# character but a ">" outside quotes goes on with the tag, and nothing is read
# twice (possessive quantifiers, alternatives that start differently).
_TAG = re.compile(
    r"""</?([A-Za-z][^\t\n\f\r />]*+)
    (?:[\t\n\f\r /]++
      |[^\t\n\f\r />][^\t\n\f\r />=]*+
       (?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+"?+|'[^']*+'?+|[^\t\n\f\r >]*+))?+
    )*+""",
    re.VERBOSE,
)
# One attribute of a start tag (searched for from the end of its name).
_ATTRIBUTE = re.compile(
    r"""([^\t\n\f\r />][^\t\n\f\r />=]*+)
    (?:[\t\n\f\r ]*+=[\t\n\f\r ]*+("[^"]*+"?+|'[^']*+'?+|[^\t\n\f\r >]*+))?+""",
    re.VERBOSE,
)
# An iframe's start tag (its name ends at white space, "/" or ">").
_IFRAME = re.compile(r"<iframe(?=[\t\n\f\r />])", re.IGNORECASE)
# The end of a comment ("<!-->" and "<!--->" end where they start).
_COMMENT_END = re.compile(r"--!?>")
# Where the text of a script or style ends: its end tag.
_RAW_END = {tag: re.compile(rf"</{tag}(?=[\t\n\f\r />])", re.IGNORECASE) for tag in sorted(_RAW)}
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# What finishing the text changes: runs of spaces, tabs and line breaks.
_RUN = " \t\n"
_BLANK_LINES = re.compile(r"\n{3,}")
# Spaces and tabs that end a line. A search tries every position, so one that
# starts inside a run fails at once (the lookbehind): a run with no line break
# after it is read once, not again from each of its characters.
_TRAILING_SPACES = re.compile(r"(?<![ \t])[ \t]++\n")
# A character reference, as :func:`html.unescape` finds them (a name of at
# most 32 characters, its ";" if there is one).
_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_ALPHANUMERIC = frozenset(string.ascii_letters + string.digits)
# A decimal reference past U+10FFFF (8 digits or more, after its zeros): shown
# as U+FFFD, as a browser does; :func:`html.unescape` raises on more than
# 4,300 digits (Python's limit on turning text into a number).
_HUGE_NUMBER = re.compile(r"&#0*[1-9][0-9]{7,};?")
# Any tag, for the last resort (it starts with "<": each is read once).
_ANY_TAG = re.compile(r"<[^>]*+>?")


@dataclass(frozen=True, slots=True)
class Link:
    """A link's target (``href`` as written, decoded as a browser decodes an
    attribute's value: see :func:`_attribute_value`) and its text."""

    href: str
    text: str


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What a browser shows of some HTML, and its links (each target once, in order)."""

    text: str
    links: tuple[Link, ...]


@contextmanager
def checking(check: Check) -> Iterator[None]:
    """Within it, HTML read with no check of its own calls ``check`` (an
    importer's cancel, met inside every text of it without handing it down)."""
    token = _CHECK.set(check)
    try:
        yield
    finally:
        _CHECK.reset(token)


def read_html(html: str, check: Check | None = None) -> HtmlText:
    """The text and links of ``html``; never raises on broken markup.

    ``check`` (or the one :func:`checking` set) is called every :data:`CHUNK`
    characters read, then every :data:`CHUNK` characters of the text finished,
    and what it raises (a cancel) comes out of here."""
    out = _Text()
    reader = _Reader(html, out, check or _CHECK.get())
    try:
        reader.read()
    except Exception:
        if reader.in_check:  # raised by the check: the caller's to hear
            raise
        # The tokenizer takes any text; this is the last resort for a mistake in it.
        return HtmlText(_white_space_only(_ANY_TAG.sub(" ", html)), ())
    return out.result(reader.check)


def html_to_text(html: str, check: Check | None = None) -> tuple[str, list[str]]:
    """The plain text a browser shows of ``html``, and the targets of its links
    (the ``href`` of each ``<a>``, in order, each once)."""
    read = read_html(html, check)
    return read.text, [link.href for link in read.links]


def _white_space_only(text: str) -> str:
    return _WHITE.sub(" ", text).strip()


class _Reader:
    """Reads ``html`` from start to end once, telling ``out`` what it meets."""

    def __init__(self, html: str, out: _Text, check: Check | None) -> None:
        self._html = html
        self._out = out
        self.check = check
        self._checked = 0  # where the check was last called
        # True while the check runs: what it raises is not a mistake in the markup.
        self.in_check = False

    def read(self) -> None:
        html, size = self._html, len(self._html)
        at = 0
        while at < size:
            found = _MARKUP.search(html, at)
            starts = size if found is None else found.start()
            if at < starts:
                self._text(at, starts)
            if found is None:
                return
            at = self._markup(starts)
            self._progress(at)

    def _progress(self, at: int) -> None:
        if self.check is not None and at - self._checked >= CHUNK:
            self._checked = at
            self.in_check = True
            self.check()
            self.in_check = False

    def _text(self, start: int, end: int) -> None:
        """The text from ``start`` to ``end``, its references decoded, in chunks."""
        html = self._html
        while start < end:
            due = self._checked + CHUNK  # where the check is due: a chunk ends there
            cut = min(end, due if due > start else start + CHUNK)
            if cut < end:
                # Before the last "&": a reference never holds one, so none is cut.
                amp = html.rfind("&", start + 1, cut)
                if amp >= 0:
                    cut = amp
            piece = html[start:cut]
            if "&#" in piece:  # inline, not _unescape: no call per chunk for it
                piece = _HUGE_NUMBER.sub("\ufffd", piece)
            self._out.data(unescape(piece))
            start = cut
            self._progress(start)

    def _markup(self, at: int) -> int:
        """Read the markup at ``at`` (a "<" :data:`_MARKUP` found); where it ends."""
        html, size = self._html, len(self._html)
        after = html[at + 1]
        if after == "!":
            if html.startswith("--", at + 2):  # a comment
                if html.startswith(">", at + 4):
                    return at + 5
                if html.startswith("->", at + 4):
                    return at + 6
                closed = _COMMENT_END.search(html, at + 4)
                return size if closed is None else closed.end()
            return self._past_gt(at + 2)  # a doctype, CDATA, a bogus comment
        if after == "?":
            return self._past_gt(at + 2)
        if after == "/" and not ("A" <= html[at + 2] <= "Z" or "a" <= html[at + 2] <= "z"):
            return at + 3 if html[at + 2] == ">" else self._past_gt(at + 2)
        tag = _TAG.match(html, at)
        assert tag is not None  # _MARKUP found "<" or "</" and a letter
        end = tag.end()
        if end >= size:  # the end of the text inside a tag: the tag is dropped
            return size
        name = tag.group(1).translate(_LOWER)
        if after == "/":
            self._out.end(name)
            return end + 1
        href = _attribute(html, tag.end(1), end, "href") if name == "a" else None
        self._out.start(name, href)
        if name in _RAW:
            closing = _RAW_END[name].search(html, end + 1)
            return size if closing is None else closing.start()
        return end + 1

    def _past_gt(self, at: int) -> int:
        """Just past the next ">" from ``at``, or the end of the text."""
        gt = self._html.find(">", at)
        return len(self._html) if gt < 0 else gt + 1


def iframe_source(html: str) -> str | None:
    """The ``src`` of the first ``<iframe>`` in ``html`` (decoded as a browser
    decodes it: see :func:`_attribute_value`), or None. TimelineJS shows media
    written as an iframe by that address: it is the media's own."""
    found = _IFRAME.search(html)
    if found is None:
        return None
    tag = _TAG.match(html, found.start())
    assert tag is not None  # "<iframe" and a space, "/" or ">" starts a tag
    return _attribute(html, found.end(), tag.end(), "src")


def _attribute(html: str, start: int, end: int, wanted: str) -> str | None:
    """The first attribute ``wanted`` (lower case) among those from ``start`` to
    ``end``, decoded; None when there is none or it has no value."""
    for attribute in _ATTRIBUTE.finditer(html, start, end):
        if attribute.group(1).translate(_LOWER) != wanted:
            continue
        value = attribute.group(2)
        if value is None:
            return None
        if value[:1] in ("'", '"'):
            value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
        return _attribute_value(value)
    return None


def _unescape(text: str) -> str:
    """``text`` with its character references decoded (:func:`html.unescape`),
    a number too large for any character read as U+FFFD without turning it
    into a number first."""
    if "&#" in text:
        text = _HUGE_NUMBER.sub("\ufffd", text)
    return unescape(text)


def _attribute_value(value: str) -> str:
    """An attribute's ``value`` with its character references decoded as a
    browser decodes them: as in text (:func:`html.unescape`), but a name not
    ended by ";" followed by "=" or a letter or digit is kept as written (the
    HTML standard's rule "for historical reasons"): ``?a=1&region=us`` keeps
    ``&reg``, ``&copy=x`` keeps ``&copy``; ``&copy.`` and ``&copy;`` are ©."""
    return _REFERENCE.sub(_attribute_reference, value) if "&" in value else value


def _attribute_reference(found: re.Match[str]) -> str:
    reference, name = found.group(0), found.group(1)
    if name[0] != "#" and name not in html5:
        # Only a legacy name with no ";" (the longest that starts it) is read,
        # and what follows it here is the rest of the name.
        for end in range(len(name) - 1, 1, -1):
            if name[:end] in html5:
                if name[end] == "=" or name[end] in _ALPHANUMERIC:
                    return reference
                break
    return _unescape(reference)


class _Text:
    """What is shown, as tags and text come."""

    def __init__(self) -> None:
        self._out: list[str] = []
        self._breaks = 0  # line breaks owed before the next text
        self._space = False  # a space owed before the next text
        self._hidden = 0
        self._pre = 0
        self._lists: list[int | None] = []  # an <ol>'s count so far, None for a <ul>
        self._links: dict[str, str] = {}
        self._link: str | None = None
        self._link_text: list[str] = []

    # -- what the reader meets

    def start(self, tag: str, href: str | None) -> None:
        """A start tag (``<br/>`` is one break; ``<p/>`` opens a paragraph as
        browsers read it); ``href`` is an ``<a>``'s."""
        if tag in _HIDDEN:
            self._hidden += 1
            return
        if self._hidden:
            return
        if tag == "br":
            self._breaks += 1
        elif tag in _PARAGRAPHS:
            self._block(2)
            if tag == "pre":
                self._pre += 1
            elif tag in ("ul", "menu"):
                self._lists.append(None)
            elif tag == "ol":
                self._lists.append(0)
        elif tag in _LINES:
            self._block(1)
            if tag == "li":
                self._bullet()
        elif tag in _CELLS:
            self._space = True
        elif tag == "a":
            self._open_link(href)

    def end(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
            return
        if self._hidden:
            return
        if tag == "br":  # "</br>" is a <br> to a browser
            self._breaks += 1
        elif tag in _PARAGRAPHS:
            self._block(2)
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            elif tag in ("ul", "ol", "menu") and self._lists:
                self._lists.pop()
        elif tag in _LINES:
            self._block(1)
        elif tag in _CELLS:
            self._space = True
        elif tag == "a":
            self._close_link()

    def data(self, data: str) -> None:
        if self._hidden or not data:
            return
        if self._link is not None:
            self._link_text.append(data)
        if self._pre:
            self._write(data)
            return
        collapsed = _WHITE.sub(" ", data)
        core = collapsed.strip(" ")
        if collapsed.startswith(" "):
            self._space = True
        if core:
            self._write(core)
            if collapsed.endswith(" "):
                self._space = True

    # -- what is written

    def _block(self, breaks: int) -> None:
        self._breaks = max(self._breaks, breaks)

    def _bullet(self) -> None:
        if self._lists and self._lists[-1] is not None:
            count = self._lists[-1] + 1
            self._lists[-1] = count
            self._write(f"{count}.")
        else:
            self._write("\u2022")
        self._space = True

    def _write(self, text: str) -> None:
        if self._out:
            if self._breaks:
                self._out.append("\n" * min(self._breaks, 2))
            elif self._space:
                self._out.append(" ")
        self._breaks = 0
        self._space = False
        self._out.append(text)

    def _open_link(self, href: str | None) -> None:
        self._close_link()
        target = (href or "").strip()
        if target and not target.startswith("#"):
            self._link = target
            self._link_text = []

    def _close_link(self) -> None:
        if self._link is None:
            return
        text = _white_space_only("".join(self._link_text))
        if not self._links.get(self._link):
            self._links[self._link] = text
        self._link = None
        self._link_text = []

    def result(self, check: Check | None) -> HtmlText:
        """What was shown, finished (see :func:`_finished`)."""
        self._close_link()
        text = _finished("".join(self._out), check)
        return HtmlText(text, tuple(Link(href, said) for href, said in self._links.items()))


def _finished(text: str, check: Check | None) -> str:
    """``text`` stripped, with no spaces or tabs ending a line and never more
    than one blank line in a row.

    Only runs of spaces, tabs and line breaks change, each on its own: one with
    line breaks becomes one or two of them and the spaces after the last (a
    ``<pre>``'s indent). The text is read :data:`CHUNK` characters at a time,
    ``check`` called between two: a run cut by the end of a chunk is carried to
    the next as a count of its line breaks and its last spaces."""
    out: list[str] = []
    breaks = 0  # line breaks in the run being read
    spaces: list[str] = []  # its spaces and tabs after its last line break
    for start in range(0, len(text), CHUNK):
        if start and check is not None:
            check()
        chunk = text[start : start + CHUNK]
        body = chunk.lstrip(_RUN)
        if len(body) < len(chunk):  # the run goes on
            head = chunk[: len(chunk) - len(body)]
            last = head.rfind("\n")
            if last >= 0:
                breaks += head.count("\n")
                spaces = [head[last + 1 :]]
            else:
                spaces.append(head)
        if not body:
            continue
        out.append("\n" * min(breaks, 2))  # the run ends here
        out.extend(spaces)
        core = body.rstrip(_RUN)  # starts and ends with text: its runs are whole
        tail = body[len(core) :]  # a run, going on in the next chunk or ending the text
        if " \n" in core or "\t\n" in core:
            core = _TRAILING_SPACES.sub("\n", core)
        if "\n\n\n" in core:
            core = _BLANK_LINES.sub("\n\n", core)
        out.append(core)
        breaks = tail.count("\n")
        spaces = [tail[tail.rfind("\n") + 1 :]]
    return "".join(out).strip()
