"""`timeline-viewer notes ...` on real files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump, strip_isolates
from viewer.cli import main
from viewer.domain.notes import MAX_NOTE_LENGTH
from viewer.persistence.notes_store import NoteStore
from viewer.persistence.paths import AppPaths, bundled_timeline


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
    out = strip_isolates(out)
    assert "event drone-strike-2025-06-01: Drohnenangriff des SBU" in out
    assert "    Zahlen prüfen" in out
    assert "#SBU #Drohnen" in out
    assert "quote q-wadephul-3: Johann Wadephul: „Eine Bereitschaft zum Dialog" in out


def test_add_to_an_unknown_id_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add", "no-such-event", "x")
    assert code == 1
    assert "no event, quote, source or claim with id 'no-such-event'" in err


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
    out = strip_isolates(out)
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
    assert "event e2 (detached): \u2068Angriff\u2069" in out


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


# -- hostile imports: the whole file is checked, one bad thing refuses it all ----------------

TIMELINE_URN = "urn:timeline-viewer:timeline:trump-putin-2025-06"


def annotation(number: int = 1, **changes: Any) -> dict[str, Any]:
    """A good annotation on the bundled timeline, with ``changes`` applied."""
    item: dict[str, Any] = {
        "id": f"urn:uuid:{number:032x}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": "2025-06-04T10:00:00Z",
        "modified": "2025-06-04T10:00:00Z",
        "body": [
            {
                "type": "TextualBody",
                "value": f"Notiz {number}",
                "format": "text/plain",
                "purpose": "commenting",
            },
            {"type": "TextualBody", "value": "Telefonat", "purpose": "tagging"},
        ],
        "target": {
            "type": "SpecificResource",
            "source": TIMELINE_URN,
            "selector": {"type": "FragmentSelector", "value": "event=call-2025-06-04"},
        },
    }
    item.update(changes)
    return item


def collection(items: Any) -> dict[str, Any]:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": items},
    }


def with_body(**changes: Any) -> dict[str, Any]:
    item = annotation()
    item["body"][0].update(changes)
    return item


def with_target(**changes: Any) -> dict[str, Any]:
    item = annotation()
    item["target"].update(changes)
    return item


def notes_now() -> list[Any]:
    with NoteStore(AppPaths.from_environment().data_dir, "trump-putin-2025-06") as store:
        store.open()
        return sorted(store.notes(), key=lambda n: n.id)


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


_TAG_TOO_LONG = "x" * 101
HOSTILE_IMPORTS: list[tuple[str, Any, str]] = [
    (
        "items-a-number",
        collection(5),
        "first: items: must be a list of annotations, found the number 5",
    ),
    (
        "annotation-a-string",
        collection(["<script>"]),
        "annotation 1: must be an Annotation (a JSON object), found '<script>'",
    ),
    (
        "target-a-list",
        collection([annotation(target=[])]),
        "annotation 1: target: must be a SpecificResource object, found a list",
    ),
    (
        "selector-a-string",
        collection([with_target(selector="x")]),
        "annotation 1: target: selector: must be a FragmentSelector object, found 'x'",
    ),
    (
        "value-a-number",
        collection([with_body(value=5)]),
        "annotation 1: body 1: value: must be text, found the number 5",
    ),
    (
        "body-a-string",
        collection([annotation(body="Notiz")]),
        "annotation 1: body: must be a TextualBody or a list of them, found 'Notiz'",
    ),
    (
        "created-without-zone",
        collection([annotation(created="2025-06-04T10:00:00")]),
        "annotation 1: created: a time needs its time zone, found '2025-06-04T10:00:00'",
    ),
    (
        "modified-without-zone",
        collection([annotation(modified="2025-06-04T10:00:00")]),
        "annotation 1: modified: a time needs its time zone, found '2025-06-04T10:00:00'",
    ),
    (
        "created-not-a-time",
        collection([annotation(created="gestern")]),
        "annotation 1: created: not a date and time like '2025-06-04T10:00:00Z', found 'gestern'",
    ),
    (
        "created-out-of-range",
        collection([annotation(created="0001-01-01T00:00:00+05:00")]),
        "annotation 1: created: out of range (years 2 to 9998 in UTC)",
    ),
    (
        "javascript-id",
        collection([annotation(id="javascript:alert(1)")]),
        "annotation 1: id: must be up to 200 letters, digits, '.', '_' or '-' (after an "
        "optional 'urn:uuid:'), found 'javascript:alert(1)'",
    ),
    (
        "id-a-number",
        collection([annotation(id=7)]),
        "annotation 1: id: must be text, found the number 7",
    ),
    (
        "target-id-javascript",
        collection([with_target(selector={"value": "event=javascript%3Aalert(1)"})]),
        "annotation 1: target: selector: value: not an event, quote, source or claim id, "
        "found 'javascript:alert(1)'",
    ),
    (
        "target-kind-unknown",
        collection([with_target(selector={"value": "actor=trump"})]),
        "annotation 1: target: selector: value: must be 'event=ID', 'quote=ID', 'source=ID' "
        "or 'claim=ID', found 'actor=trump'",
    ),
    (
        "another-timeline",
        collection([with_target(source="urn:timeline-viewer:timeline:other")]),
        "annotation 1: target: source: it is about 'urn:timeline-viewer:timeline:other', "
        "not this timeline",
    ),
    (
        "text-too-long",
        collection([with_body(value="x" * (MAX_NOTE_LENGTH + 1))]),
        "annotation 1: body 1: value: longer than the 100,000 characters allowed (100,001)",
    ),
    (
        "tag-too-long",
        collection(
            [
                annotation(
                    body=[annotation()["body"][0], {"value": _TAG_TOO_LONG, "purpose": "tagging"}]
                )
            ]
        ),
        "annotation 1: body 2: value: longer than the 100 characters allowed (101)",
    ),
    (
        "label-too-long",
        collection([with_target(label="x" * 2001)]),
        "annotation 1: target: label: longer than the 2,000 characters allowed (2,001)",
    ),
    (
        "no-text",
        collection([annotation(body=[{"value": "tag", "purpose": "tagging"}])]),
        "annotation 1: body: needs exactly one TextualBody with the purpose 'commenting'",
    ),
    (
        "same-id-twice",
        collection([annotation(1), annotation(1)]),
        "annotation 2: id: '00000000000000000000000000000001' is also the id of annotation 1",
    ),
    (
        "one-bad-among-good",
        collection([annotation(1), annotation(2), annotation(3, created="2025-06-04T10:00:00")]),
        "annotation 3: created: a time needs its time zone, found '2025-06-04T10:00:00'",
    ),
]
RAW_HOSTILE_IMPORTS: list[tuple[str, bytes, str]] = [
    ("deep-nesting", nested(100_000), "not a notes file: its JSON is nested too deeply"),
    (
        "a-million-annotations",
        json.dumps(collection([0] * 1_000_000)).encode(),
        "the file has more than 200,000 annotations; at most 200,000 can be imported at once",
    ),
    ("not-json", b"{", "not a JSON file: Expecting property name enclosed in double quotes"),
    ("not-utf8", b"\xff\xfe{}", "not a UTF-8 text file"),
    ("nan", b'{"type": NaN}', "not a JSON file: NaN is not a JSON value"),
    (
        "lone-surrogate",
        json.dumps(collection([with_body(value="\ud800")])).encode(),
        "annotation 1: body 1: value: contains a broken character (a lone UTF-16 surrogate)",
    ),
]


def _check_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    run(capsys, "add", "drone-strike-2025-06-01", "schon da")
    before = notes_now()
    source = tmp_path / "hostile.jsonld"
    source.write_bytes(data)
    code, out, err = run(capsys, "import", str(source))
    assert code == 1
    assert out == ""
    assert message in err
    assert f"{source}: nothing was imported" in err
    assert "Traceback" not in err
    assert notes_now() == before  # nothing was written
    # and the notes still list and export
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "schon da" in out
    for fmt in ("markdown", "w3c"):
        code, out, _ = run(capsys, "export", "--format", fmt)
        assert code == 0
        assert "schon da" in out


@pytest.mark.parametrize(
    ("document", "message"),
    [pytest.param(doc, msg, id=name) for name, doc, msg in HOSTILE_IMPORTS],
)
def test_a_hostile_import_is_refused_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any, message: str
) -> None:
    _check_refused(tmp_path, capsys, dump(document), message)


@pytest.mark.parametrize(
    ("data", "message"),
    [pytest.param(data, msg, id=name) for name, data, msg in RAW_HOSTILE_IMPORTS],
)
def test_a_hostile_file_is_refused_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    _check_refused(tmp_path, capsys, data, message)


def test_every_problem_is_listed_up_to_twenty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = [annotation(n, created="2025-06-04T10:00:00") for n in range(1, 31)]
    source = tmp_path / "many.jsonld"
    source.write_bytes(dump(collection(items)))
    code, _, err = run(capsys, "import", str(source))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 20 + 2
    assert lines[0].endswith(
        "annotation 1: created: a time needs its time zone, found '2025-06-04T10:00:00'"
    )
    assert lines[19].endswith(
        "annotation 20: created: a time needs its time zone, found '2025-06-04T10:00:00'"
    )
    assert lines[20].endswith("… and 10 more")
    assert lines[21].endswith("nothing was imported (30 problems)")
    assert notes_now() == []


def test_a_file_over_the_size_limit_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import viewer.cli.notes_command

    monkeypatch.setattr(viewer.cli.notes_command, "MAX_IMPORT_BYTES", 2**20)
    parsed: list[bytes] = []
    monkeypatch.setattr(viewer.cli.notes_command, "from_w3c", lambda data, _t: parsed.append(data))
    source = tmp_path / "big.jsonld"
    source.write_bytes(b" " * (2**20 + 1))
    code, _, err = run(capsys, "import", str(source))
    assert code == 1
    assert "the file is 1.0 MiB; at most 1 MiB of notes can be imported at once" in err
    assert "nothing was imported" in err
    assert parsed == []  # refused by its size alone
    assert notes_now() == []


def test_notes_on_an_unknown_event_are_imported_as_detached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A well-formed id that is not in the timeline is a detached note, as after an edit."""
    item = with_target(selector={"value": "event=removed-event"}, label="Ein alter Titel")
    source = tmp_path / "detached.jsonld"
    source.write_bytes(dump(collection([item])))
    code, out, _ = run(capsys, "import", str(source))
    assert code == 0
    assert out.strip() == "imported 1 new, 0 updated, 0 unchanged notes"
    code, out, _ = run(capsys, "list")
    assert "event removed-event (detached): \u2068Ein alter Titel\u2069" in out


def test_our_own_urn_uuid_ids_and_single_bodies_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = annotation(
        id="urn:uuid:123e4567-e89b-12d3-a456-426614174000",
        body={"type": "TextualBody", "value": "ein Körper"},  # one body, no purpose
    )
    del item["modified"]  # optional: the creation time
    source = tmp_path / "one.jsonld"
    source.write_bytes(dump(collection([item])))
    code, _, _ = run(capsys, "import", str(source))
    assert code == 0
    [note] = notes_now()
    assert note.id == "123e4567-e89b-12d3-a456-426614174000"
    assert note.text == "ein Körper"
    assert note.modified == note.created


# -- what reaches the terminal --------------------------------------------------------------


ESCAPES = ["\x1b[31mred\x1b[0m", "\x1b]8;;http://evil\x07link\x1b]8;;\x07", "a\rb\x08\x9b2J"]


def test_notes_list_prints_no_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "add", "call-2025-06-04", "\n".join(ESCAPES), "--tag", "\x1b[5mblink")
    assert code == 0
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\r" not in out
    assert not any(0x80 <= ord(c) <= 0x9F for c in out)
    # Shown, not acted on: each escape is visible, each line of the note on its own line.
    assert "    \u2068\\x1b[31mred\\x1b[0m\u2069\n" in out
    assert "    \u2068\\x1b]8;;http://evil\\x07link\\x1b]8;;\\x07\u2069\n" in out
    assert "    \u2068a\u2069\n    \u2068b\\x08\\x9b2J\u2069\n" in out  # CR: a line break
    assert "#\u2068\\x1b[5mblink\u2069" in out
    for fmt in ("markdown", "w3c"):
        code, out, _ = run(capsys, "export", "--format", fmt)
        assert code == 0
        assert "\x1b" not in out
        assert "\x9b" not in out
    document = json.loads(out)  # the W3C export to a terminal is still the same JSON
    assert document["first"]["items"][0]["body"][0]["value"] == "\n".join(ESCAPES)


def test_titles_are_isolated_in_notes_list(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    minimal["events"][1]["title"] = "\u202eAngriff"
    model = tmp_path / "m.json"
    model.write_bytes(dump(minimal))
    run(capsys, "add", "e2", "x \u202e y", "--model", str(model))
    code, out, _ = run(capsys, "list", str(model))
    assert code == 0
    assert "event e2: \u2068\u202eAngriff\u2069\n" in out
    assert "    \u2068x \u202e y\u2069\n" in out


def test_problems_of_the_model_file_reach_the_terminal_inert(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    minimal["quotes"][0]["event"] = "\x1b[2Jnope"
    model = tmp_path / "m\x1b[31m.json"
    model.write_bytes(dump(minimal))
    code, _, err = run(capsys, "list", str(model))
    assert code == 1
    assert "\x1b" not in err
    assert "m\\x1b[31m.json: quotes[0].event: " in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kaputt \udcff", "unicode string"),  # invalid UTF-8 on the command line
        ("x" * 100_001, "at most 100000 characters"),
    ],
)
def test_a_note_that_cannot_be_kept_is_refused_with_a_message(
    capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    code, out, err = run(capsys, "add", "call-2025-06-04", text)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "list")
    assert (code, out.startswith("No notes")) == (0, True)


def test_notes_list_takes_model_like_the_others(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "m.json"
    model.write_bytes(dump(minimal))
    assert run(capsys, "add", "e1", "am Modell", "--model", str(model))[0] == 0
    code, out, _ = run(capsys, "list", "--model", str(model))
    assert code == 0
    assert "am Modell" in out
    assert run(capsys, "list", str(model))[1] == out
    code, _, err = run(capsys, "list", str(model), "--model", str(bundled_timeline()))
    assert code == 2
    assert "once" in err
