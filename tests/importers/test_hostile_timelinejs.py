"""Hostile TimelineJS files: HTML that once took minutes. No test here is
timed: the work is counted (calls made while converting), never the seconds."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

import pytest

from viewer.domain.progress import LoadCancelled
from viewer.importers.html_text import CHUNK, html_to_text, read_html

#: Markup a browser reads as one thing (a text, a tag or comment left open) however
#: long it is, and what it shows of it.
HOSTILE = {
    "<": None,  # each "<" is text: all of it is shown
    "< ": None,
    "<>": None,
    "&": None,
    "&#": None,
    "<a": "",  # a tag open to the end: dropped
    "<a x='": "",
    '<a x="': "",
    "<a ": "",
    "<a a=": "",
    "</a": "",
    "</a ": "",
    "<!--": "",  # a comment open to the end: hides it all
    "<!": "",
    "<?": "",
    "</": "",  # "</" then "<": a bogus comment to the end
    "<![CDATA[": "",
}
SIZE = 200_000


def hostile(unit: str, size: int = SIZE) -> str:
    return unit * (size // len(unit))


def calls_made(html: str) -> int:
    """How many functions (Python's and C's) converting ``html`` calls."""
    count = 0

    def profile(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        html_to_text(html)
    finally:
        sys.setprofile(None)
    return count


# -- linear: the work is per chunk, not per character


@pytest.mark.parametrize("unit", sorted(HOSTILE))
def test_hostile_html_shows_what_a_browser_shows(unit: str) -> None:
    html = hostile(unit)
    shown = HOSTILE[unit]
    expected = " ".join(html.split()) if shown is None else shown
    assert html_to_text(html)[0] == expected
    assert html_to_text("<p>before</p>" + html)[0] == ("before\n\n" + expected).strip()


@pytest.mark.parametrize("unit", sorted(HOSTILE))
def test_hostile_html_costs_calls_per_chunk_not_per_character(unit: str) -> None:
    # html.parser made a call or more for each "<" of a text (4 MB of them: 8 s
    # or more), and searched the rest again at each construct left open. Here the
    # functions called do not grow with the text but with its chunks: what is
    # left is a few scans over the text, each from where the last one ended.
    small, large = calls_made(hostile(unit, SIZE)), calls_made(hostile(unit, 8 * SIZE))
    chunks = 8 * SIZE // CHUNK + 1
    assert small <= 200
    assert large <= small + 20 * chunks, (small, large)


def test_a_text_of_many_tags_is_still_read_once() -> None:
    # Many tags are many calls (one per tag), but each is read once: a closing
    # ">" far away or missing is found with one scan, not one per tag.
    html = "<b>" * 10_000 + "<a href='x" + "<i>" * 10_000
    assert html_to_text(html) == ("", [])
    assert calls_made(html) < 20 * 10_000


# -- Cancel inside a slide


def test_a_check_is_called_every_chunk_and_what_it_raises_comes_out() -> None:
    for unit in ("<", "<p>x", "&amp;", "<!--"):
        html = hostile(unit, 10 * CHUNK)
        heard: list[None] = []
        read_html(html, check=lambda heard=heard: heard.append(None))  # type: ignore[misc]
        if unit != "<!--":  # one comment is one scan, however long: nothing to check within
            assert len(heard) >= 9, unit

    def cancel() -> None:
        raise LoadCancelled

    with pytest.raises(LoadCancelled):  # not taken for broken markup and swallowed
        read_html(hostile("<", 10 * CHUNK), check=cancel)
