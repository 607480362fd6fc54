"""Hostile TimelineJS files: HTML that once took minutes, a Cancel inside one
slide, and files over the size limit. No test here is timed: the work is
counted (calls made while converting), never the seconds."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from viewer.cli import main
from viewer.domain.progress import LoadCancelled
from viewer.importers import timelinejs
from viewer.importers.common import ImportFailed
from viewer.importers.html_text import CHUNK, html_to_text, read_html
from viewer.importers.timelinejs import MAX_TIMELINEJS_BYTES, import_timelinejs

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
    monkeypatch.setattr(timelinejs, "MAX_TIMELINEJS_BYTES", size)
    assert import_timelinejs(src, tmp_path / "out.json").events == 1
    monkeypatch.setattr(timelinejs, "MAX_TIMELINEJS_BYTES", size - 1)
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
