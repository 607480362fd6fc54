"""`timeline-viewer diff OLD NEW` on real files: exit codes, text and JSON output,
files that cannot be used, and data that must not reach the terminal raw."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump, strip_isolates
from viewer.cli import main
from viewer.persistence.paths import bundled_timeline

FSI, PDI, RLO = "\u2068", "\u2069", "\u202e"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["diff", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_bytes(dump(data))
    return path


@pytest.fixture
def changed(tmp_path: Path, minimal: dict[str, Any]) -> tuple[Path, Path]:
    """OLD and NEW: an event added, one changed in three fields, a quote changed."""
    old = write(tmp_path / "old.json", minimal)
    e1 = minimal["events"][0]
    e1["title"] = "Anruf am Morgen"
    e1["date"]["start"] = "2025-06-05"
    e1["claims"][0]["text"] = "Es war schlecht."
    minimal["events"].append({"id": "e3", "kind": "talks", "title": "Gespräch", "date": e1["date"]})
    minimal["quotes"][0]["mode"] = "reported"
    return old, write(tmp_path / "new.json", minimal)


def test_the_same_content_is_status_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(bundled_timeline().read_text(encoding="utf-8"))
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(data, indent=1), encoding="utf-8")
    code, out, err = run(capsys, bundled_timeline(), copy)
    assert (code, err) == (0, "")
    events, quotes = len(data["events"]), len(data["quotes"])
    assert out == f"No differences in {events} events and {quotes} quotes\n"
    code, out, _ = run(capsys, bundled_timeline(), copy, "--json")
    assert code == 0
    assert json.loads(out) == {
        "equal": True,
        "events": {"added": [], "removed": [], "changed": []},
        "quotes": {"added": [], "removed": [], "changed": []},
    }


def test_differences_are_status_1_in_text(
    capsys: pytest.CaptureFixture[str], changed: tuple[Path, Path]
) -> None:
    code, out, err = run(capsys, *changed)
    assert (code, err) == (1, "")
    assert strip_isolates(out).splitlines() == [
        "1 event added, 0 removed, 1 changed; 0 quotes added, 0 removed, 1 changed",
        "+ event e3: Gespräch",
        "~ event e1: Anruf am Morgen",
        "  title: Anruf → Anruf am Morgen",
        "  date.start: 2025-06-04 → 2025-06-05",
        "  claims[0].text: Es war gut. → Es war schlecht.",
        "~ quote q1: Ein gutes Gespräch.",
        "  mode: direct → reported",
    ]
    # Every value from the file is isolated: it cannot reorder the line around it.
    assert f"  title: {FSI}Anruf{PDI} → {FSI}Anruf am Morgen{PDI}\n" in out
    # Removed, the other way round.
    code, out, _ = run(capsys, changed[1], changed[0])
    assert code == 1
    assert "- event e3: Gespräch" in strip_isolates(out)
    assert strip_isolates(out).startswith("0 events added, 1 removed, 1 changed;")


def test_json_gives_whole_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal: dict[str, Any]
) -> None:
    old = write(tmp_path / "old.json", minimal)
    long_summary = "Ein langer Bericht. " * 20
    minimal["events"][1]["summary"] = long_summary
    minimal["events"][1]["participants"] = ["b"]
    del minimal["events"][0]["related"]
    new = write(tmp_path / "new.json", minimal)
    code, out, _ = run(capsys, old, new, "--json")
    assert code == 1
    assert json.loads(out) == {
        "equal": False,
        "events": {
            "added": [],
            "removed": [],
            "changed": [
                {
                    "id": "e1",
                    "title": "Anruf",
                    "fields": [{"path": "related", "old": ["e2"], "new": []}],
                },
                {
                    "id": "e2",
                    "title": "Angriff",
                    "fields": [
                        {"path": "participants", "old": [], "new": ["b"]},
                        {"path": "summary", "old": "", "new": long_summary},
                    ],
                },
            ],
        },
        "quotes": {"added": [], "removed": [], "changed": []},
    }
    # The text cuts a long value at 120 characters.
    code, out, _ = run(capsys, old, new)
    (line,) = [x for x in strip_isolates(out).splitlines() if x.startswith("  summary:")]
    assert line == f'  summary: "" → {long_summary[:119]}…'


def test_added_and_removed_quotes_in_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal: dict[str, Any]
) -> None:
    old = write(tmp_path / "old.json", minimal)
    minimal["quotes"][0]["id"] = "q2"
    new = write(tmp_path / "new.json", minimal)
    code, out, _ = run(capsys, old, new, "--json")
    assert code == 1
    assert json.loads(out)["quotes"] == {
        "added": [{"id": "q2", "text": "Ein gutes Gespräch."}],
        "removed": [{"id": "q1", "text": "Ein gutes Gespräch."}],
        "changed": [],
    }


def test_a_file_that_cannot_be_used_is_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal: dict[str, Any]
) -> None:
    good = write(tmp_path / "good.json", minimal)
    minimal["events"][0]["participants"] = ["nobody"]
    minimal["events"][1]["date"]["start"] = "2025-13"
    broken = write(tmp_path / "broken.json", minimal)
    missing = tmp_path / "missing.json"
    not_json = tmp_path / "not.json"
    not_json.write_text("{", encoding="utf-8")

    code, out, err = run(capsys, good, missing)
    assert (code, out) == (2, "")
    assert err == f"{missing}: no such file\n"

    code, out, err = run(capsys, broken, good, "--json")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines
    assert all(line.startswith(f"{broken}: events[1].date") for line in lines)

    # Both files' problems are said at once.
    code, out, err = run(capsys, not_json, tmp_path)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{not_json}: ")
    assert lines[1] == f"{tmp_path}: is a folder, not a model file"


def test_hostile_titles_never_reach_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal: dict[str, Any]
) -> None:
    old = write(tmp_path / "old.json", minimal)
    # A right-to-left override is text a file may hold: it stays inside its isolate.
    minimal["events"][0]["title"] = f"{RLO}Anruf"
    new = write(tmp_path / "new.json", minimal)
    code, out, _ = run(capsys, old, new)
    assert code == 1
    assert f"~ event e1: {FSI}{RLO}Anruf{PDI}\n" in out
    assert f"  title: {FSI}Anruf{PDI} → {FSI}{RLO}Anruf{PDI}\n" in out
    code, out, _ = run(capsys, old, new, "--json")
    assert code == 1
    assert RLO not in out
    assert "\\u202e" in out
    assert json.loads(out)["events"]["changed"][0]["title"] == f"{RLO}Anruf"

    # A control character is not: the file is refused, and so is its escape sequence.
    minimal["events"][0]["title"] = "Anruf \x1b[31mrot\x1b[0m \x07\x9b"
    hostile = write(tmp_path / "hostile.json", minimal)
    for args in ((old, hostile), (old, hostile, "--json")):
        code, out, err = run(capsys, *args)
        assert (code, out) == (2, "")
        assert "\x1b" not in err
        assert "\x07" not in err
        assert "\x9b" not in err
        assert f"{hostile}: events[0].title: holds a control character (U+001B)" in err


def test_long_values_alike_at_first_show_where_they_part(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal: dict[str, Any]
) -> None:
    before = "Am Anfang stand ein langer Satz, der sich nicht ändert. " * 4
    minimal["events"][0]["summary"] = before + "Das Ende war offen."
    old = write(tmp_path / "old.json", minimal)
    minimal["events"][0]["summary"] = before + "Das Ende war gewiss."
    new = write(tmp_path / "new.json", minimal)
    status, out, _ = run(capsys, old, new)
    assert status == 1
    [line] = [line for line in strip_isolates(out).splitlines() if "summary:" in line]
    assert "Das Ende war offen." in line
    assert "Das Ende war gewiss." in line
