"""``timeline-viewer notes grade``: the reader's own Admiralty grade of a source,
a claim or an event, kept as a note, exported as an assessment and read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump, strip_isolates
from tests.domain.test_schema4 import analysed
from viewer.cli import main
from viewer.persistence.notes_store import NoteStore
from viewer.persistence.paths import AppPaths


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, strip_isolates(out), strip_isolates(err)


@pytest.fixture
def model(tmp_path: Path, minimal: dict[str, Any]) -> str:
    path = tmp_path / "analysed.json"
    path.write_bytes(dump(analysed(minimal)))
    return str(path)


def stored() -> NoteStore:
    store = NoteStore(AppPaths.from_environment().data_dir, "test-timeline")
    store.open()
    return store


def test_a_grade_is_a_note_changed_when_given_again(
    capsys: pytest.CaptureFixture[str], model: str
) -> None:
    code, out, _ = run(capsys, "notes", "grade", "tass", "D3", "--model", model)
    assert (code, out) == (0, "graded source TASS: D3\n")
    code, out, _ = run(capsys, "notes", "grade", "tass", "c4", "amtlich", "--model", model)
    assert (code, out) == (0, "changed your grade of source TASS: C4\n")
    code, out, _ = run(capsys, "notes", "grade", "c-bland", "E5", "--model", model)
    assert (code, out) == (0, "graded claim Bland: „Es war nichts.“: E5\n")
    store = stored()
    grades = {note.target.id: (note.grade, note.text) for note in store.notes()}
    store.close()
    assert grades == {"tass": ("C4", "amtlich"), "c-bland": ("E5", "")}
    code, out, _ = run(capsys, "notes", "list", "--model", model)
    assert "source tass: TASS  [C4]" in out
    assert "claim c-bland: Bland: „Es war nichts.“  [E5]" in out


@pytest.mark.parametrize(
    ("target", "grade", "code", "said"),
    [
        ("tass", "G1", 2, "'G1' is no Admiralty code"),
        ("tass", "B", 2, "'B' is no Admiralty code"),
        ("q1", "B2", 1, "no source, claim or event with id 'q1'"),  # a quote is not graded
        ("nobody", "B2", 1, "no source, claim or event with id 'nobody'"),
    ],
)
def test_what_cannot_be_graded_is_said(
    capsys: pytest.CaptureFixture[str], model: str, target: str, grade: str, code: int, said: str
) -> None:
    status, _, err = run(capsys, "notes", "grade", target, grade, "--model", model)
    assert status == code
    assert said in err


def test_a_grade_goes_out_as_an_assessment_and_comes_back(
    capsys: pytest.CaptureFixture[str], model: str, tmp_path: Path
) -> None:
    assert run(capsys, "notes", "grade", "e1", "B2", "--model", model)[0] == 0
    out_file = tmp_path / "notes.jsonld"
    assert (
        run(capsys, "notes", "export", "--format", "w3c", "-o", str(out_file), "--model", model)[0]
        == 0
    )
    document = json.loads(out_file.read_text(encoding="utf-8"))
    [item] = document["first"]["items"]
    assert item["motivation"] == "assessing"
    assert item["body"] == [{"type": "TextualBody", "value": "B2", "purpose": "assessing"}]
    assert item["target"]["selector"]["value"] == "event=e1"
    store = stored()
    [note] = store.notes()
    store.remove(note.id)
    store.close()
    code, out, _ = run(capsys, "notes", "import", str(out_file), "--model", model)
    assert (code, out) == (0, "imported 1 new, 0 updated, 0 unchanged notes\n")
    store = stored()
    [back] = store.notes()
    store.close()
    assert (back.id, back.grade, back.text) == (note.id, "B2", "")


def test_the_markdown_digest_shows_grades_and_sources_notes(
    capsys: pytest.CaptureFixture[str], model: str
) -> None:
    assert run(capsys, "notes", "grade", "tass", "D3", "staatlich", "--model", model)[0] == 0
    assert run(capsys, "notes", "grade", "c-bland", "E5", "--model", model)[0] == 0
    code, out, _ = run(capsys, "notes", "export", "--model", model)
    assert code == 0
    sources = out.index("## Sources")
    assert "> TASS\n\n**My grade: D3**\n\nstaatlich\n" in out[sources:]
    assert "> Bland: „Es war nichts.“\n\n**My grade: E5**\n" in out[:sources]  # under its event
    assert "Detached" not in out
