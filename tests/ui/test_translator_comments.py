"""Translator comments ("#:") describe the message they sit over, nothing else.

``pyside6-lupdate`` gathers every "#:" comment since the last translated
string into the next one's comment, so a "#:" over a constant reached the
translator as the description of an unrelated message. "#:" is kept for
comments right above a translation call; other comments use "#".
"""

from __future__ import annotations

import re
from pathlib import Path

import viewer

CALL = re.compile(r"\btr\(|\btranslate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP")
COMMENT = re.compile(r"^\s*#:")


def _strays(text: str) -> list[int]:
    """Line numbers of "#:" blocks not followed by a statement that translates."""
    lines = text.split("\n")
    strays = []
    i = 0
    while i < len(lines):
        if not COMMENT.match(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and COMMENT.match(lines[i]):
            i += 1
        first = lines[i] if i < len(lines) else ""
        opens = first.rstrip().endswith(("(", "="))
        follow = "\n".join(lines[i : i + 3]) if opens else first
        if not CALL.search(follow):
            strays.append(start + 1)
    return strays


def test_a_translator_comment_sits_right_over_its_message() -> None:
    root = Path(viewer.__file__).parent
    found = {
        str(path.relative_to(root)): strays
        for path in sorted(root.rglob("*.py"))
        if (strays := _strays(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_check_finds_a_stray_comment() -> None:
    text = '#: How wide a page is.\nWIDTH = 3\n#: A heading.\nsaid = tr("Page")\n'
    assert _strays(text) == [1]
    assert _strays('x = (\n    #: The first month.\n    translate("dates", "January"),\n)') == []
