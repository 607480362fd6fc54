"""Hostile TimelineJS files: HTML that once took minutes, a Cancel inside one
slide, and files over the size limit. No test here is timed: the work is
counted (calls made while converting), never the seconds."""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from viewer.cli import main
from viewer.domain.progress import LoadCancelled
from viewer.importers import html_text
from viewer.importers.common import ImportFailed
from viewer.importers.html_text import CHUNK, html_to_text, read_html
from viewer.importers.timelinejs import json_file as timelinejs_document
from viewer.importers.timelinejs.convert import import_timelinejs
from viewer.importers.timelinejs.json_file import MAX_TIMELINEJS_BYTES

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
#: Texts whose lines end in long runs of spaces, or have no end: the finishing
#: of the text once searched each run again from each of its characters (a
#: slide of "<pre>" and 200,000 spaces took 37 s). What a browser shows of them,
#: as kept (stripped, one blank line at most in a row).
PRE: dict[str, Any] = {
    "<pre> and spaces": (lambda n: "<pre>" + " " * n + "x", lambda n: "x"),
    "<pre> and spaces, tabs": (lambda n: "<pre>" + " \t" * (n // 2) + "x", lambda n: "x"),
    "spaces ending a line": (lambda n: "<pre>x" + " " * n + "\ny", lambda n: "x\ny"),
    "spaces starting a line": (
        lambda n: "<pre>x\n" + " " * n + "y",
        lambda n: "x\n" + " " * n + "y",
    ),
    "lines of a space": (lambda n: "<pre>x" + " \n" * (n // 2) + "y", lambda n: "x\n\ny"),
    "lines ending in a space": (
        lambda n: "<pre>" + "x \n" * (n // 3),
        lambda n: "\n".join(["x"] * (n // 3)),
    ),
}


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
    assert large <= small + 24 * chunks, (small, large)  # a couple of dozen calls a chunk


def _repeat_that_may_fail(pattern: re.Pattern[str]) -> bool:
    """Whether a search for ``pattern`` reads a run again from each of its
    characters: the pattern starts with an unbounded repeat (of a class, say
    ``[ \t]+``), and something after it may fail to match (``\n``). Tried at
    every position, such a search reads a run of n with no match n times:
    quadratic. A lookbehind first (``(?<![ \t])``) or a fixed start is fine."""
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    items = list(_parser.parse(pattern.pattern, pattern.flags))
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
    if not items or items[0][0] not in repeats or items[0][1][1] != sre.MAXREPEAT:
        return False
    return any(op not in repeats or value[0] > 0 for op, value in items[1:])


def _patterns_that_read_runs_again() -> list[str]:
    """The converter's patterns (module constants) of that shape."""
    patterns = [
        value
        for name, found in vars(html_text).items()
        if name.startswith("_") and not name.startswith("__")
        for value in (found.values() if isinstance(found, dict) else [found])
        if isinstance(value, re.Pattern)
    ]
    assert len(patterns) >= 8
    return [pattern.pattern for pattern in patterns if _repeat_that_may_fail(pattern)]


def test_no_search_of_the_converter_reads_a_run_again_from_each_character() -> None:
    # Searches and subs run in C, one call however long they take: counting
    # calls cannot see one that backtracks, so the shape of each is checked.
    assert _patterns_that_read_runs_again() == []
    assert _repeat_that_may_fail(re.compile(r"[ \t]+\n"))  # what it was
    assert not _repeat_that_may_fail(re.compile(r"(?<![ \t])[ \t]++\n"))
    assert not _repeat_that_may_fail(re.compile(r"\n{3,}"))
    assert not _repeat_that_may_fail(re.compile(r"[ \t\n]+"))


@pytest.mark.parametrize("shape", sorted(PRE))
def test_long_runs_of_spaces_are_finished_in_calls_per_chunk(shape: str) -> None:
    # Fail here rather than take an hour (1,600,000 spaces read 1,600,000 times).
    assert _patterns_that_read_runs_again() == []
    html, shown = PRE[shape]
    assert html_to_text(html(SIZE))[0] == shown(SIZE)
    small, large = calls_made(html(SIZE)), calls_made(html(8 * SIZE))
    chunks = 8 * SIZE // CHUNK + 1
    assert small <= 200
    assert large <= small + 24 * chunks, (small, large)  # a couple of dozen calls a chunk


def test_finishing_the_text_keeps_what_it_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # Finished a chunk at a time, the text is the same as finished whole (as it
    # was: a sub for spaces ending a line, one for blank lines, a strip), with
    # runs of spaces and line breaks cut by the end of a chunk anywhere.
    def whole(text: str) -> str:
        return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip()

    draw = random.Random(21)
    for chunk in (1, 2, 3, 5, 8, CHUNK):
        monkeypatch.setattr(html_text, "CHUNK", chunk)
        for _ in range(500):
            text = "".join(draw.choice(" \t\nx\xa0") for _ in range(draw.randrange(40)))
            assert html_to_text("<pre>" + text)[0] == whole(text), (chunk, text)


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


def test_a_check_is_called_while_the_text_is_finished_too() -> None:
    # The text shown is finished once the last character is read: that pass is
    # in chunks too, the check called between two (Cancel heard there).
    for shown in ("x", " \n", " "):
        html = "<pre>" + hostile(shown, 10 * CHUNK) + "x"
        heard: list[None] = []
        read_html(html, check=lambda heard=heard: heard.append(None))  # type: ignore[misc]
        assert len(heard) >= 9 + 9, shown  # 10 chunks read, 10 finished


def _timeline(tmp_path: Path, document: dict[str, Any]) -> Path:
    src = tmp_path / "hostile.json"
    src.write_text(json.dumps(document), encoding="utf-8")
    return src


def _slide(text: str, year: int = 2020) -> dict[str, Any]:
    return {"start_date": {"year": year}, "text": {"headline": "A slide", "text": text}}


def test_cancel_stops_the_import_inside_a_long_slide(tmp_path: Path) -> None:
    src = _timeline(tmp_path, {"events": [_slide(hostile("<", 20 * CHUNK)), _slide("next")]})
    heard: list[float] = []
    import_timelinejs(src, tmp_path / "whole.json", progress=heard.append)
    # Told again and again while the first slide is read, not once per slide only.
    assert heard.count(0.0) >= 20
    assert heard == sorted(heard)
    assert heard[-2:] == [0.5, 1.0]

    told: list[float] = []

    def cancel_within_the_first_slide(done: float) -> None:
        told.append(done)
        if len(told) == 5:
            raise LoadCancelled

    out = tmp_path / "cancelled.json"
    with pytest.raises(LoadCancelled):
        import_timelinejs(src, out, progress=cancel_within_the_first_slide)
    assert told == [0.0] * 5  # the second slide was never reached
    assert not out.exists()


def test_cancel_is_heard_inside_a_long_title_slide_and_eras(tmp_path: Path) -> None:
    long = hostile("<p>x", 10 * CHUNK)
    document = {
        "title": {"text": {"headline": "T", "text": long}},
        "eras": [{"start_date": {"year": 2000}, "text": {"headline": long}}],
        "events": [_slide("short")],
    }
    heard: list[float] = []
    import_timelinejs(_timeline(tmp_path, document), tmp_path / "out.json", progress=heard.append)
    assert heard.count(0.0) >= 2 + 2 * 9


# -- link targets as a browser reads them

#: An href as written, and the target a browser follows. In an attribute's
#: value, a reference not ended by ";" and followed by "=" or a letter or digit
#: is kept as written (the HTML standard, "for historical reasons"): query
#: strings such as "&region=" stay what they are.
HREFS = {
    "https://ex.com/?id=1&region=us&not=3&copy=x": "https://ex.com/?id=1&region=us&not=3&copy=x",
    "?a=1&region=us": "?a=1&region=us",
    "?a=1&copy=x": "?a=1&copy=x",
    "?a=1&not=3": "?a=1&not=3",
    "?a=1&amp;b=2": "?a=1&b=2",
    "?c=&copy;": "?c=\u00a9",
    "?a=1&#38;b=2": "?a=1&b=2",
    "?a=1&#x26;b=2": "?a=1&b=2",
    "?c=&copy": "?c=\u00a9",  # at the end of the value
    "?c=&copy.x": "?c=\u00a9.x",  # followed by neither "=" nor a letter or digit
    "?c=&copy x": "?c=\u00a9 x",
    "?c=&regx": "?c=&regx",  # followed by a letter
    "?c=&reg9": "?c=&reg9",  # or a digit
    "?c=&region;": "?c=&region;",  # the name read ("reg") is followed by a letter
    "?c=&amp=1": "?c=&amp=1",
    "?c=&notin;": "?c=\u2209",  # a name with its ";"
    "?c=&nosuch;": "?c=&nosuch;",
}


@pytest.mark.parametrize("href", sorted(HREFS))
def test_a_link_target_is_decoded_as_a_browser_decodes_an_attribute(href: str) -> None:
    target = HREFS[href]
    written = [f'<a href="{href}">x</a>', f"<a href='{href}'>x</a>"]
    if " " not in href:  # unquoted, a space would end it
        written.append(f"<a href={href}>x</a>")
    written.append(f'<p><a class=x href="{href}" title="&region=">x</a>')
    for html in written:
        assert html_to_text(html) == ("x", [target]), html


def test_text_keeps_references_decoded_as_text_is() -> None:
    # In text a browser does decode "&reg" before a letter (with a parse error):
    # the reference rule for attributes is the link target's only.
    text = "?id=1&region=us&not=3&copy=x &amp; &copy; &#38; &copy. &regx"
    shown = "?id=1\u00aeion=us\u00ac=3\u00a9=x & \u00a9 & \u00a9. \u00aex"
    assert html_to_text(f'<a href="{text}">{text}</a>') == (
        shown,
        ["?id=1&region=us&not=3&copy=x & \u00a9 & \u00a9. &regx"],
    )


# -- the size limit


def _too_large(tmp_path: Path) -> Path:
    src = tmp_path / "huge.json"
    with src.open("wb") as handle:  # sparse: nothing is written, nothing is read
        handle.truncate(MAX_TIMELINEJS_BYTES + 1)
    return src


SAID = "is 65 MiB (67,108,865 bytes), over the 64 MiB limit for TimelineJS files"


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    assert MAX_TIMELINEJS_BYTES == 64 * 1024 * 1024
    out = tmp_path / "out.json"
    with pytest.raises(ImportFailed) as refused:
        import_timelinejs(_too_large(tmp_path), out)
    assert str(refused.value) == SAID  # not "not valid JSON": its zeros were never read
    assert not out.exists()


def test_the_limit_is_the_files_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _timeline(tmp_path, {"events": [_slide("x")]})
    size = src.stat().st_size
    monkeypatch.setattr(timelinejs_document, "MAX_TIMELINEJS_BYTES", size)
    assert import_timelinejs(src, tmp_path / "out.json").events == 1
    monkeypatch.setattr(timelinejs_document, "MAX_TIMELINEJS_BYTES", size - 1)
    with pytest.raises(ImportFailed, match=f"[(]{size} bytes[)], over the 0 MiB limit"):
        import_timelinejs(src, tmp_path / "out.json")


def test_the_command_line_refuses_a_file_over_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _too_large(tmp_path)
    out = tmp_path / "out.json"
    assert main(["import", "timelinejs", str(src), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"{src}: {SAID}\n"
    assert captured.out == ""
    assert not out.exists()


def test_a_pipe_is_still_refused_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailed, match="cannot be read: it is a pipe"):
        import_timelinejs(fifo, tmp_path / "out.json")
    assert main(["import", "timelinejs", str(fifo), "-o", str(tmp_path / "out.json")]) == 2
    assert "it is a pipe" in capsys.readouterr().err


def test_a_number_too_large_for_any_character_reads_as_a_replacement_character() -> None:
    """A browser shows U+FFFD; html.unescape raised on more than 4,300 digits
    and the whole text fell back to tag stripping, losing its paragraphs."""
    digits = "1" * 5_000
    assert html_to_text(f"<p>a</p>&#{digits};b")[0] == "a\n\n\ufffdb"
    assert html_to_text("&#0000065; &#99999999; &#65")[0] == "A \ufffd A"
    assert html_to_text(f'<a href="x?n=&#{digits};">x</a>')[1] == ["x?n=\ufffd"]
