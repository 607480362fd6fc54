"""`timeline-viewer notes import` and `export` with hostile files, on real files:
refused by structure as they are read, and written files carry no raw controls."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from viewer.cli import main
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.persistence.model_file import load_timeline
from viewer.persistence.notes_export import MAX_ANNOTATIONS, notes_text
from viewer.persistence.notes_store import NoteStore
from viewer.persistence.paths import AppPaths, bundled_timeline

TIMELINE_ID = "trump-putin-2025-06"
EVENT_ID = "call-2025-06-04"
WHEN = datetime(2025, 6, 4, 10, 0, tzinfo=UTC)
HEAD = (
    b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", '
    b'"first": {"type": "AnnotationPage", "items": ['
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["notes", *args])
    out, err = capsys.readouterr()
    return code, out, err


def notes_now() -> list[Note]:
    with NoteStore(AppPaths.from_environment().data_dir, TIMELINE_ID) as store:
        store.open()
        return sorted(store.notes(), key=lambda n: n.id)


def note(number: int, text: str = "", *tags: str) -> Note:
    return Note(
        id=f"{number:032x}",
        target=NoteTarget(kind=TargetKind.EVENT, id=EVENT_ID),
        text=text or f"Notiz {number}",
        tags=tags,
        created=WHEN,
        modified=WHEN,
    )


def export_file(path: Path, notes: list[Note]) -> Path:
    timeline = load_timeline(bundled_timeline())
    path.write_text(notes_text(timeline, notes, w3c=True), encoding="utf-8")
    return path


def check_refused(capsys: pytest.CaptureFixture[str], source: Path, *messages: str) -> list[str]:
    """``source`` is refused, each of ``messages`` on a line of its own, nothing written."""
    run(capsys, "add", EVENT_ID, "schon da")
    before = notes_now()
    code, out, err = run(capsys, "import", str(source))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert messages
    for message in messages:
        assert f"timeline-viewer notes: {source}: {message}" in lines
    assert lines[-1].startswith(f"timeline-viewer notes: {source}: nothing was imported (")
    assert "Traceback" not in err
    assert notes_now() == before
    return lines


# -- bounded by structure ---------------------------------------------------------------


@pytest.mark.slow
def test_a_large_valid_export_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = [note(n, f"Notiz {n}\nmit zwei Zeilen", "Telefonat") for n in range(20_000)]
    source = export_file(tmp_path / "large.jsonld", notes)
    code, out, err = run(capsys, "import", str(source))
    assert (code, err) == (0, "")
    assert out == "imported 20000 new, 0 updated, 0 unchanged notes\n"
    title = "Telefonat zwischen Trump und Putin"
    assert notes_now() == [n.model_copy(update={"target_title": title}) for n in notes]


def test_a_file_of_empty_objects_is_refused_at_the_first_one_too_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's file, cut short after the cap: the reader stops there, so the
    broken rest is never read (it would be told as not JSON)."""
    source = tmp_path / "empties.jsonld"
    source.write_bytes(HEAD + b",".join([b"{}"] * (MAX_ANNOTATIONS + 1)) + b", {nicht JSON")
    lines = check_refused(
        capsys,
        source,
        f"the file has more than {MAX_ANNOTATIONS:,} annotations; "
        f"at most {MAX_ANNOTATIONS:,} can be imported at once",
    )
    assert len(lines) == 2
    assert lines[-1].endswith("nothing was imported (1 problem)")


def test_deep_nesting_is_refused_with_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "deep.jsonld"
    source.write_bytes(HEAD + b'{"x": ' + b"[" * 100_000)
    check_refused(
        capsys, source, "not a notes file: its JSON is nested too deeply (more than 64 levels)"
    )


def test_a_key_given_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document: dict[str, Any] = json.loads(
        export_file(tmp_path / "one.jsonld", [note(1)]).read_text(encoding="utf-8")
    )
    item = json.dumps(document["first"]["items"][0])
    source = tmp_path / "twice.jsonld"
    source.write_bytes(HEAD + item[:-1].encode() + b', "id": "urn:uuid:2"}]}}')
    check_refused(capsys, source, "annotation 1: the key 'id' is given twice in one object")


# -- an empty note ----------------------------------------------------------------------


def test_an_empty_note_does_not_get_in_through_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "add", EVENT_ID, " ")
    assert code == 2
    assert "the note's text is empty" in err
    document: dict[str, Any] = json.loads(
        export_file(tmp_path / "two.jsonld", [note(1), note(2)]).read_text(encoding="utf-8")
    )
    document["first"]["items"][1]["body"][0]["value"] = " \n "
    source = tmp_path / "empty.jsonld"
    source.write_text(json.dumps(document), encoding="utf-8")
    check_refused(
        capsys, source, "annotation 2: body 1: value: the note's text is empty, found ' \\n '"
    )


# -- control characters in the files written --------------------------------------------

#: ESC (an escape sequence), BEL, CSI as one C1 character, NUL, DEL, a tab (kept).
CONTROLS = "a\x1b[31mb\x07\tc\x9bd\x00e\x7f"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def test_exported_files_carry_controls_escaped_and_import_back_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, _ = run(capsys, "add", EVENT_ID, f"{CONTROLS}\nzweite", "--tag", "t\x9bu")
    assert code == 0
    [kept] = notes_now()
    markdown, w3c = tmp_path / "notes.md", tmp_path / "notes.jsonld"
    for fmt, path in (("markdown", markdown), ("w3c", w3c)):
        code, out, _ = run(capsys, "export", "--format", fmt, "-o", str(path))
        assert (code, out) == (0, "")
        assert not RAW.search(path.read_bytes().decode("utf-8")), fmt
    shown = markdown.read_text(encoding="utf-8")
    assert "a\\x1b\\[31mb\\x07\tc\\x9bd\\x00e\\x7f" in shown
    assert "#\u2068t\\x9bu\u2069" in shown
    assert "\\u001b[31mb\\u0007\\tc\\u009bd\\u0000e\\u007f" in w3c.read_text(encoding="utf-8")
    # read back into notes of their own: the same note, byte for byte
    monkeypatch.setenv("TIMELINE_VIEWER_HOME", str(tmp_path / "elsewhere"))
    code, out, err = run(capsys, "import", str(w3c))
    assert (code, out, err) == (0, "imported 1 new, 0 updated, 0 unchanged notes\n", "")
    assert notes_now() == [kept]


@pytest.mark.parametrize("text", ["\u2066\u2069", "\u200b \u200b", "\ufeff"])
def test_an_invisible_note_is_empty_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Only invisible characters (bidi isolates, zero width spaces, a BOM): a note
    that shows nothing, refused as an empty one, added or imported."""
    code, out, err = run(capsys, "add", EVENT_ID, text)
    assert (code, out) == (2, "")
    assert "the note's text is empty" in err
    assert notes_now() == []
    document: dict[str, Any] = json.loads(
        export_file(tmp_path / "two.jsonld", [note(1), note(2)]).read_text(encoding="utf-8")
    )
    document["first"]["items"][0]["body"][0]["value"] = text
    source = tmp_path / "invisible.jsonld"
    source.write_text(json.dumps(document), encoding="utf-8")
    check_refused(
        capsys, source, f"annotation 1: body 1: value: the note's text is empty, found {text!r}"
    )
