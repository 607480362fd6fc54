"""`--add FILE`: the command line reads several timelines as one, as the window shows them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, strip_isolates
from viewer.cli import main
from viewer.importers.formats import run_import
from viewer.persistence.notes_store import NoteStore
from viewer.persistence.paths import AppPaths, bundled_timeline

ALLENDE = "argentina_2022-06_sample:ARG10342"


@pytest.fixture
def acled(tmp_path: Path) -> Path:
    out = tmp_path / "acled.json"
    run_import("acled", DATA / "acled" / "argentina_2022-06_sample.csv", out)
    return out


def test_search_covers_the_added_timeline_and_its_own_notes(
    acled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A note kept by the ACLED timeline itself, under its own id.
    assert main(["notes", "add", "ARG10342", "Nachfragen beim Büro", "--model", str(acled)]) == 0
    capsys.readouterr()
    assert main(["search", "allende nachfragen", "--add", str(acled), "--json"]) == 0
    (event,) = json.loads(capsys.readouterr().out)["events"]
    assert event["event"] == ALLENDE
    assert [m["where"] for m in event["matches"]][-1] == "my note"
    # The report's events are found as before; without --add, ACLED's are not.
    assert main(["search", "putin telefonat", "--add", str(acled)]) == 0
    assert "call-2025-06-04" in capsys.readouterr().out
    assert main(["search", "allende"]) == 1
    store = NoteStore(AppPaths.from_environment().data_dir, "argentina_2022-06_sample")
    store.open()
    assert [n.target.id for n in store.notes()] == ["ARG10342"]  # read, not rewritten
    store.close()


def test_export_draws_the_added_timeline_and_names_it(
    acled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "both.svg"
    assert main(["export", "--add", str(acled), "-o", str(out), "--width", "1400"]) == 0
    assert "wrote" in capsys.readouterr().out
    svg = strip_isolates(out.read_text(encoding="utf-8"))
    # The legend names each timeline's colour.
    assert "ACLED events from argentina_2022" in svg  # elided to fit
    assert "Trump, Putin und der Ukraine-Krieg" in svg


def test_a_file_that_cannot_be_added_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twin = tmp_path / "twin.json"
    twin.write_bytes(bundled_timeline().read_bytes())
    assert main(["search", "putin", "--add", str(twin)]) == 2
    err = capsys.readouterr().err
    assert f"{twin}: A timeline with the id trump-putin-2025-06 is shown already." in err
    assert main(["export", "-o", str(tmp_path / "x.png"), "--add", str(tmp_path / "no")]) == 2
