"""Text from data next to the app's own: nothing for a terminal to act on, no bidi leaks."""

from __future__ import annotations

import json

import pytest

from viewer.domain.text import FSI, PDI, isolate, terminal_safe, terminal_safe_json, wrap_isolated

RLO, LRE, PDF, LRI, RLI = "\u202e", "\u202a", "\u202c", "\u2066", "\u2067"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("\x1b]8;;http://evil\x07link\x1b]8;;\x07", "\\x1b]8;;http://evil\\x07link\\x1b]8;;\\x07"),
        ("over\rwrite", "over\\x0dwrite"),
        ("a\tb", "a b"),
        (
            "\x9b2J C1 CSI, \x85 NEL, \x7f DEL, \x00 NUL",
            "\\x9b2J C1 CSI, \\x85 NEL, \\x7f DEL, \\x00 NUL",
        ),
        ("two\nlines", "two\\x0alines"),
        ("bad \udcff byte", "bad \\udcff byte"),
        ("Grüße „schön“ \u202e", "Grüße „schön“ \u202e"),  # text is left alone
    ],
)
def test_terminal_safe(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown
    assert "\x1b" not in terminal_safe(text)
    terminal_safe(text).encode("utf-8")  # printable, even from a broken file name


def test_terminal_safe_keeps_newlines_when_asked() -> None:
    assert terminal_safe("a\nb\r\n\x1b", multiline=True) == "a\nb\\x0d\n\\x1b"


def test_terminal_safe_json_is_the_same_json() -> None:
    value = {"t": "\x1b[31m \x9b \x7f \u202e \u2066 x \ud800"}
    text = json.dumps(value, ensure_ascii=False)
    safe = terminal_safe_json(text)
    assert json.loads(safe) == value
    assert not any(0x7F <= ord(c) <= 0x9F or c in "\u202e\u2066\x1b" for c in safe)
    safe.encode("utf-8")


@pytest.mark.parametrize(
    ("text", "isolated"),
    [
        ("", ""),
        ("Titel", f"{FSI}Titel{PDI}"),
        (f"{RLO}evil", f"{FSI}{RLO}evil{PDI}"),  # PDI ends the override too (UAX #9 X6a)
        (f"{LRE}{RLO}a{PDF}", f"{FSI}{LRE}{RLO}a{PDF}{PDI}"),
        (f"a{PDI}{RLO}b", f"{FSI}a{RLO}b{PDI}"),  # a stray PDI would end ours: dropped
        (f"a{LRI}b", f"{FSI}a{LRI}b{PDI}{PDI}"),  # an open isolate is closed before ours
        (f"{RLI}x{PDI}{PDI}{LRI}", f"{FSI}{RLI}x{PDI}{LRI}{PDI}{PDI}"),
        (f"a{RLO}\nb", f"{FSI}a{RLO}{PDI}\n{FSI}b{PDI}"),  # each paragraph on its own
        ("a\r\n\u2029b\n", f"{FSI}a{PDI}\r\n\u2029{FSI}b{PDI}\n"),
    ],
)
def test_isolate(text: str, isolated: str) -> None:
    assert isolate(text) == isolated


def _balanced(line: str) -> bool:
    depth = 0
    for char in line:
        if char in (FSI, LRI, RLI):
            depth += 1
        elif char == PDI:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_every_isolated_paragraph_is_balanced() -> None:
    nasty = f"{PDI}{PDI}a{LRI}{RLI}b{PDI}c{RLO}\nd{FSI}{FSI}\u2029{PDI}e"
    assert len(isolate(nasty).splitlines()) == 3
    for paragraph in isolate(nasty).splitlines():
        assert _balanced(paragraph), ascii(paragraph)
        assert paragraph.startswith(FSI)
        assert paragraph.endswith(PDI)


def test_wrapping_keeps_every_line_balanced() -> None:
    line = "Source: " + isolate(f"{RLO}" + "word " * 40) + " (de)"
    lines = wrap_isolated(line, 30)
    assert len(lines) > 3
    assert all(_balanced(part) for part in lines)
    assert "".join(lines).replace(FSI, "").replace(PDI, "").replace(" ", "") == (
        line.replace(FSI, "").replace(PDI, "").replace(" ", "")
    )
    assert wrap_isolated("", 80) == [""]
