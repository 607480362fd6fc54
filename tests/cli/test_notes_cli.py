"""`timeline-viewer notes ...` on real files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump
from viewer.cli import main
from viewer.persistence.notes import NoteStore
from viewer.persistence.paths import AppPaths


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["notes", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_tags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "add",
        "drone-strike-2025-06-01",
        "Zahlen prüfen",
        "--tag",
        "SBU",
        "--tag",
        "#Drohnen",
    )
    assert code == 0
    assert out.startswith("added note ")
    code, out, _ = run(capsys, "add", "q-wadephul-3", "Schöner Satz")
    assert code == 0
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "event drone-strike-2025-06-01: Drohnenangriff des SBU" in out
    assert "    Zahlen prüfen" in out
    assert "#SBU #Drohnen" in out
    assert "quote q-wadephul-3: Johann Wadephul: „Eine Bereitschaft zum Dialog" in out


def test_add_to_an_unknown_id_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add", "no-such-event", "x")
    assert code == 1
    assert "no event or quote with id 'no-such-event'" in err


def test_w3c_export_then_import_gives_back_the_same_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "call-2025-06-04", "Erste\nzweite Zeile", "--tag", "Telefonat")
    run(capsys, "add", "q-trump-1", "Zitat merken")
    out_file = tmp_path / "notes.jsonld"
    code, _, _ = run(capsys, "export", "--format", "w3c", "-o", str(out_file))
    assert code == 0
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    assert document["total"] == 2
    items = document["first"]["items"]
    assert {item["type"] for item in items} == {"Annotation"}
    first = next(i for i in items if i["target"]["selector"]["value"] == "event=call-2025-06-04")
    assert first["body"][0] == {
        "type": "TextualBody",
        "value": "Erste\nzweite Zeile",
        "format": "text/plain",
        "purpose": "commenting",
    }
    assert first["body"][1] == {"type": "TextualBody", "value": "Telefonat", "purpose": "tagging"}
    assert first["target"]["source"] == "urn:timeline-viewer:timeline:trump-putin-2025-06"
    assert first["created"].endswith("Z")
    assert first["modified"].endswith("Z")

    data_dir = AppPaths.from_environment().data_dir
    with NoteStore(data_dir, "trump-putin-2025-06") as store:
        store.open()
        before = sorted(store.notes(), key=lambda n: n.id)
    for leftover in (data_dir / "notes").glob("trump-putin-2025-06.notes.sqlite3*"):
        leftover.unlink()
    code, out, _ = run(capsys, "import", str(out_file))
    assert code == 0
    assert out.strip() == "imported 2 new, 0 updated, 0 unchanged notes"
    with NoteStore(data_dir, "trump-putin-2025-06") as store:
        store.open()
        assert sorted(store.notes(), key=lambda n: n.id) == before
    code, out, _ = run(capsys, "import", str(out_file))
    assert out.strip() == "imported 0 new, 0 updated, 2 unchanged notes"


def test_markdown_export(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "sanctions-18-demanded", "Wann kam es?", "--tag", "EU")
    code, out, _ = run(capsys, "export")
    assert code == 0
    assert out.startswith("# Notes on Trump, Putin")
    assert "## Forderung nach dem 18. EU-Sanktionspaket gegen Russland" in out
    assert "*4 June 2025*" in out
    assert "Wann kam es?" in out
    assert "#EU · created " in out


def test_import_refuses_a_file_that_is_not_w3c(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "Something"}', encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1
    assert "not a W3C AnnotationCollection" in err


def test_import_refuses_notes_on_another_timeline(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "call-2025-06-04", "hier")
    export = tmp_path / "n.json"
    run(capsys, "export", "--format", "w3c", "-o", str(export))
    other = tmp_path / "other.json"
    other.write_bytes(dump(minimal))
    code, _, err = run(capsys, "import", str(export), "--model", str(other))
    assert code == 1
    assert "not this timeline" in err


def test_notes_of_a_changed_model_are_listed_as_detached(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "m.json"
    model.write_bytes(dump(minimal))
    run(capsys, "add", "e2", "zum Angriff", "--model", str(model))
    minimal["events"] = minimal["events"][:1]
    minimal["events"][0]["related"] = []
    model.write_bytes(dump(minimal))
    code, out, _ = run(capsys, "list", str(model))
    assert code == 0
    assert "event e2 (detached): Angriff" in out


def test_the_cli_writes_while_the_app_holds_the_notes(capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = AppPaths.from_environment().data_dir
    with NoteStore(data_dir, "trump-putin-2025-06") as app_store:
        assert not app_store.open().read_only
        code, out, err = run(capsys, "add", "call-2025-06-04", "von der Kommandozeile")
        assert (code, err) == (0, "")
        assert out.startswith("added note")
        assert app_store.changed_elsewhere()  # the window sees it
        assert [n.text for n in app_store.notes()] == ["von der Kommandozeile"]


def test_notes_that_cannot_be_read_are_never_listed_as_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = AppPaths.from_environment().data_dir
    path = data_dir / "notes" / "trump-putin-2025-06.notes.sqlite3"
    path.mkdir(parents=True)  # a folder where the database should be
    code, out, err = run(capsys, "list")
    assert code == 1
    assert "No notes" not in out
    assert "cannot be read" in err
    output = tmp_path / "export.md"
    code, _, err = run(capsys, "export", "-o", str(output))
    assert code == 1
    assert not output.exists()  # no empty export that looks like "no notes"
    code, out, err = run(capsys, "add", "call-2025-06-04", "geht nicht")
    assert code == 1
    assert "not saved" in err
    assert "it is a folder" in err


def test_a_pipe_is_never_read_nor_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "import", str(pipe))
    assert code == 2
    assert "it is a pipe" in err
    code, _, err = run(capsys, "export", "-o", str(pipe))
    assert code == 2
    assert "it is a pipe" in err
