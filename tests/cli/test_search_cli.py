"""`timeline-viewer search` on real files: matches, notes, JSON, exit codes, safe output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump, strip_isolates
from viewer.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_the_matching_events_with_what_matched_where(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "SELENSKYJ istanbul")
    assert code == 0
    out = strip_isolates(out)
    assert out.startswith("1 event matches “SELENSKYJ istanbul” in Trump, Putin")
    assert (
        "from 9 June 2025 on  Vorgeschlagener Gipfel der Staatschefs  [leaders-summit-proposed]"
        in out
    )
    assert "    place: Istanbul" in out
    assert "    translation (Wolodymyr Selenskyj): …" in out


def test_json_and_the_readers_notes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "add", "q-wadephul-1", "Quelle nachprüfen", "--tag", "Prüfen"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "zermurbung nachprufen", "--json")
    assert code == 0
    result = json.loads(out)
    (event,) = result["events"]
    assert event["event"] == "press-conference-berlin-2025-06-04"
    assert event["date"] == "4 June 2025"
    wheres = [match["where"] for match in event["matches"]]
    assert wheres == ["summary", "quote", "my note"]
    assert event["matches"][1] == {
        "where": "quote",
        "text": 'Kreml-Chef Wladimir Putin setze im Ukraine-Krieg auf "Zermürbung".',
        "by": "Johann Wadephul",
        "id": "q-wadephul-1",
    }


def test_no_match_is_status_1_and_no_words_is_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "qqqq")
    assert code == 1
    assert strip_isolates(out).startswith("No events match “qqqq”")
    code, _, err = run(capsys, "  ")
    assert code == 2
    assert "the query has no words" in err


def test_a_file_that_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "x", str(tmp_path / "missing.json"))
    assert code == 2
    assert "no such file" in err


def test_control_characters_never_reach_the_terminal(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    minimal["events"][0]["title"] = "Anruf \x1b[31mrot\x1b[0m \x07"
    path = tmp_path / "hostile.json"
    path.write_bytes(dump(minimal))
    # A model file's text holds no control character: the file is refused, and
    # the refusal reaches the terminal without one.
    for args in (["rot", str(path)], ["rot", str(path), "--json"]):
        code, out, err = run(capsys, *args)
        assert code == 1
        assert "\x1b" not in out + err
        assert "\x07" not in out + err
        assert "events[0].title: holds a control character (U+001B)" in err


def test_searching_makes_no_notes_database(capsys: pytest.CaptureFixture[str]) -> None:
    from viewer.persistence.notes_store import database_path
    from viewer.persistence.paths import AppPaths

    assert run(capsys, "putin")[0] == 0
    assert not database_path(AppPaths.from_environment().data_dir, "trump-putin-2025-06").exists()
