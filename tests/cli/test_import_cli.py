"""``timeline-viewer import``: the fixtures in, model files out that validate."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from viewer.cli import main
from viewer.persistence.model_file import load_timeline

DATA = REPO / "tests" / "data"
ACLED = DATA / "acled" / "argentina_2022-06_sample.csv"
HOUSTON = DATA / "timelinejs" / "houston.json"


@pytest.mark.parametrize(("kind", "source"), [("acled", ACLED), ("timelinejs", HOUSTON)])
def test_an_import_writes_a_model_that_validates(
    kind: str, source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert main(["import", kind, str(source), "-o", str(out), "--id", "mine"]) == 0
    said = capsys.readouterr().out
    timeline = load_timeline(out)
    assert said.startswith(f"Imported {len(timeline.events):,} events")
    assert timeline.id == "mine"
    assert len(timeline.events) > 10
    assert main(["validate", str(out)]) == 0


def test_a_title_can_be_given(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["import", "acled", str(ACLED), "-o", str(out), "--title", "Argentinien"]) == 0
    assert load_timeline(out).title == "Argentinien"


def test_a_file_that_is_not_the_format_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [', encoding="utf-8")
    out = tmp_path / "out.json"
    # Not even JSON: cannot be read (2), as a missing file (README, exit codes).
    assert main(["import", "timelinejs", str(broken), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "nothing was imported" in err
    assert not out.exists()
    # An ACLED import of the TimelineJS file: recognised and named.
    assert main(["import", "acled", str(HOUSTON), "-o", str(out)]) == 1
    assert "is a TimelineJS timeline, not an ACLED export" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("importer", ["timelinejs", "acled"])
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "the file is empty"),
        ("<!DOCTYPE html><html><body>Login</body></html>\n", ""),
    ],
)
def test_an_empty_file_or_a_web_page_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], importer: str, text: str, said: str
) -> None:
    source = tmp_path / "export.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["import", importer, str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert said in err
    assert "nothing was imported" in err
    assert not out.exists()


def test_a_missing_file_or_a_pipe_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert main(["import", "acled", str(tmp_path / "nope.csv"), "-o", str(out)]) == 2
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert main(["import", "acled", str(fifo), "-o", str(out)]) == 2  # never read: it would hang
    assert "cannot be read" in capsys.readouterr().err
    assert not out.exists()


def test_the_source_is_never_written_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "events.csv"
    source.write_bytes(ACLED.read_bytes())
    assert main(["import", "acled", str(source), "-o", str(source)]) == 2
    assert "is the file to import" in capsys.readouterr().err
    assert source.read_bytes() == ACLED.read_bytes()


def test_odd_text_in_a_file_imports_as_text(tmp_path: Path) -> None:
    source = tmp_path / "odd.json"
    source.write_text(
        '{"title": {"text": {"headline": "A \\ud800 b"}}, "events": [{"start_date": '
        '{"year": "2001"}, "text": {"headline": '
        '"<a href=\\"http://[oops/x\\">link</a> \\ud800"}}]}',
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    assert main(["import", "timelinejs", str(source), "-o", str(out)]) == 0
    [event] = load_timeline(out).events_by_id.values()
    assert event.title == "link \ufffd"
    huge = tmp_path / "huge.json"
    huge.write_text("1" * 10_000, encoding="utf-8")
    # A number of 10,000 digits: said (not a traceback), as JSON this app cannot read.
    assert main(["import", "timelinejs", str(huge), "-o", str(out)]) == 2


def test_the_language_is_the_one_given_never_claimed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert main(["import", "timelinejs", str(HOUSTON), "-o", str(out)]) == 0
    assert load_timeline(out).language == "und"  # TimelineJS names none
    assert "import --language sets it" in capsys.readouterr().out
    given = ["import", "timelinejs", str(HOUSTON), "-o", str(out), "--language", "en-US"]
    assert main(given) == 0
    assert load_timeline(out).language == "en-US"
    assert "--language" not in capsys.readouterr().out  # said only when none was given
    assert main(["import", "acled", str(ACLED), "-o", str(out)]) == 0
    assert load_timeline(out).language == "en"  # ACLED writes English
    assert main(["import", "acled", str(ACLED), "-o", str(out), "--language", "es"]) == 0
    assert load_timeline(out).language == "es"
    capsys.readouterr()
    assert main(["import", "acled", str(ACLED), "-o", str(out), "--language", "Spanish!"]) == 2
    assert "not a language tag" in capsys.readouterr().err
