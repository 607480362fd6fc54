"""HTML as the text a browser shows, and the links in it (Qt-free, standard library only).

TimelineJS slides hold HTML: ``<p>`` paragraphs, ``<br>``, links, now and then
a ``<script>``. The model holds plain text. :func:`html_to_text` keeps what a
reader of the page would see: tags go, character references are decoded once
(``&amp;lt;`` shows as ``&lt;``, so that is what is kept), blocks and ``<br>``
become line breaks (paragraphs a blank line), other runs of white space one
space, list items a bullet or their number; ``<script>``, ``<style>`` and
``<template>`` go with all they hold. Broken HTML is read as a browser reads
it: a tag left open at the end of the text is dropped, an unclosed element
simply runs to the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: Their content is never shown.
_HIDDEN = frozenset({"script", "style", "template"})
#: Blocks set off by a blank line (browsers give them margins).
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table"}
    | {"figure", "hr", "address", "details", "fieldset", "form", "menu"}
)
#: Blocks that start on a line of their own.
_LINES = frozenset(
    {"div", "li", "dd", "dt", "tr", "section", "article", "aside", "header", "footer", "nav"}
    | {"main", "figcaption", "caption", "summary", "legend", "center", "dialog", "hgroup"}
    | {"option", "thead", "tbody", "tfoot", "search"}
)
_CELLS = frozenset({"td", "th"})
#: HTML's white space (a no-break space is not: browsers keep it).
_WHITE = re.compile(r"[ \t\n\r\f]+")
#: Markup left unfinished at the end of the text: a browser shows none of it.
_UNFINISHED = re.compile(r"<(?:[A-Za-z]|/[A-Za-z]|!|\?)")
#: With no ">" after it, a "</" followed by anything opens a bogus comment (or
#: an end tag) that runs to the end: a browser shows none of that either; a
#: "</" that ends the text it shows as it is. (Cut here, not left to
#: html.parser, which searches the rest for ">" at each "</": 80,000 of them
#: took 0.5 s, and more took the square of it.)
_NEVER_CLOSED = re.compile(r"<(?:[A-Za-z!?]|/[\s\S])")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACES = re.compile(r"[ \t]+\n")


@dataclass(frozen=True, slots=True)
class Link:
    """A link's target (``href`` as written, entities decoded) and its text."""

    href: str
    text: str


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What a browser shows of some HTML, and its links (each target once, in order)."""

    text: str
    links: tuple[Link, ...]


def read_html(html: str) -> HtmlText:
    """The text and links of ``html``; never raises on broken markup."""
    parser = _TextParser()
    try:
        parser.feed(html)
        tail = parser.rawdata
        unfinished = (_UNFINISHED if ">" in tail else _NEVER_CLOSED).search(tail)
        if unfinished is not None:
            parser.rawdata = tail[: unfinished.start()]
        parser.close()
    except Exception:  # html.parser is lenient; this is the last resort for what it is not
        return HtmlText(_white_space_only(re.sub(r"<[^>]*>?", " ", html)), ())
    return parser.result()


def html_to_text(html: str) -> tuple[str, list[str]]:
    """The plain text a browser shows of ``html``, and the targets of its links
    (the ``href`` of each ``<a>``, in order, each once)."""
    read = read_html(html)
    return read.text, [link.href for link in read.links]


def _white_space_only(text: str) -> str:
    return _WHITE.sub(" ", text).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._breaks = 0  # line breaks owed before the next text
        self._space = False  # a space owed before the next text
        self._hidden = 0
        self._pre = 0
        self._lists: list[int | None] = []  # an <ol>'s count so far, None for a <ul>
        self._links: dict[str, str] = {}
        self._link: str | None = None
        self._link_text: list[str] = []

    # -- what the parser meets

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
            self._open_link(dict(attrs).get("href"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<br/>" is one break; "<p/>" opens a paragraph as browsers read it.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
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

    def handle_data(self, data: str) -> None:
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

    def result(self) -> HtmlText:
        self._close_link()
        text = _TRAILING_SPACES.sub("\n", "".join(self._out))
        text = _BLANK_LINES.sub("\n\n", text).strip()
        return HtmlText(text, tuple(Link(href, said) for href, said in self._links.items()))
