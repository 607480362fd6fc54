"""An exported SVG stays XML whatever the texts in it hold: each control
character, and each other character XML 1.0 forbids (U+FFFE, U+FFFF), shows
as a visible escape, as the terminal shows it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from viewer.cli import main
from viewer.domain import model
from viewer.domain.timeline import Timeline

HOSTILE = "A\x1b[31mB\x07C\x00D\x9bE\x7fFG"
SHOWN = "A\\x1b[31mB\\x07C\\x00D\\x9bE\\x7fFG"
SVG = "{http://www.w3.org/2000/svg}"


def _texts(path: Path) -> list[str]:
    """Every text in the SVG, parsed as XML (which fails on a control character)."""
    root = ET.parse(path).getroot()
    return [
        "".join(node.itertext())
        for node in root.iter()
        if node.tag in (f"{SVG}text", f"{SVG}title")
    ]


def test_a_tag_with_control_characters_gives_well_formed_svg(tmp_path: Path) -> None:
    # Notes are kept as typed: a tag of one is the filter shown above the picture.
    tag = "x\x1b[5m\x07\x9b\x7f\x00"
    assert main(["notes", "add", "drone-strike-2025-06-01", "prüfen", "--tag", tag]) == 0
    out = tmp_path / "tagged.svg"
    assert main(["export", "-o", str(out), "--tag", tag]) == 0
    raw = out.read_bytes()
    for char in (b"\x1b", b"\x07", b"\x00", b"\x7f", "\x9b".encode()):
        assert char not in raw
    texts = " ".join(_texts(out))
    assert "Drohnenangriff des SBU" in texts
    assert "x\\x1b[5m\\x07\\x9b\\x7f\\x00" in texts


def _hostile_timeline(minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Timeline:
    """A timeline made in code, not read from a file (which would be refused),
    with control characters in every text the picture shows."""
    monkeypatch.setattr(model, "control_in", lambda text, long=False: None)
    minimal["title"] = HOSTILE
    for event in minimal["events"]:
        event["title"] = f"{HOSTILE} {event['id']}"
    minimal["sources"][0]["title"] = HOSTILE
    return Timeline.validate(minimal)


def test_every_text_of_the_picture_is_escaped(
    tmp_path: Path, minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.ui.timeline.export import export_timeline

    assert QApplication.instance() is not None or QApplication([]) is not None
    timeline = _hostile_timeline(minimal, monkeypatch)
    out = tmp_path / "hostile.svg"
    # Not even pydantic takes a lone surrogate; a filter's words might: Qt makes it U+FFFD.
    export_timeline(timeline, out, filter_words=f"{HOSTILE}\ud800")
    texts = _texts(out)
    joined = " ".join(texts)
    assert f"{SHOWN} e1" in joined  # an event's label
    assert texts.count(SHOWN) >= 2  # the document's <title> and the heading
    assert f"Filter: {SHOWN}\ufffd" in joined
    assert not any(0 < ord(c) < 0x20 and c != "\n" for c in joined)


def test_characters_xml_forbids_beyond_controls_are_escaped(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    """U+FFFE and U+FFFF are no controls, and a model file may hold them; XML 1.0
    may not (not even as a character reference): they show escaped too."""
    minimal["events"][0]["title"] = "Anruf \ufffe und \uffff"
    minimal["actors"][0]["name"] = "Anna \uffff\ufffe"
    source = tmp_path / "nonchars.json"
    source.write_text(json.dumps(minimal, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(source)]) == 0
    out = tmp_path / "nonchars.svg"
    assert main(["export", str(source), "-o", str(out), "--actor", "a"]) == 0
    raw = out.read_bytes()
    assert "\ufffe".encode() not in raw
    assert "\uffff".encode() not in raw
    texts = " ".join(_texts(out))  # parses: well-formed
    assert "Anruf \\ufffe und \\uffff" in texts  # the event's label
    assert "Anna \\uffff\\ufffe" in texts  # the filter, by the actor's name
