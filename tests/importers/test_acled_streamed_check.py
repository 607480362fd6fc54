"""An import's model file is checked as it is written, never loaded back whole (issue 21)."""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import viewer.cli.loading
import viewer.domain.fast_load
import viewer.persistence.model_file
from tests.importers.test_acled import FIXTURE, ROWS, fixture_rows, set_field, write_csv
from viewer.cli import main
from viewer.cli.exit_codes import ExitCode
from viewer.importers import output_check
from viewer.importers.acled import convert
from viewer.importers.common import ImportFailed, ModelWriter
from viewer.importers.output_check import IdSet, OutputCheck
from viewer.persistence.model_file import load_timeline

Change = Callable[[dict[str, Any]], None]


@pytest.fixture
def no_whole_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading or loading a whole model file fails the test."""

    def whole_file(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the whole model file was read")

    for module, function in (
        (viewer.persistence.model_file, "read_model_bytes"),
        (viewer.persistence.model_file, "parse_timeline"),
        (viewer.persistence.model_file, "load_timeline"),
        (viewer.cli.loading, "load_timeline"),
        (viewer.domain.fast_load, "build"),
    ):
        monkeypatch.setattr(module, function, whole_file)


def import_acled(src: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["import", "acled", str(src), "-o", str(out)])
    return code, capsys.readouterr().err


def test_the_import_never_loads_its_output_and_it_validates(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_whole_file: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(output_check, "CHECK_BATCH", 50)  # several batches, and a last one
    out = tmp_path / "argentina.json"
    code, err = import_acled(FIXTURE, out, capsys)
    assert code == ExitCode.OK, err
    monkeypatch.undo()
    assert len(load_timeline(out).events) == ROWS


def _at(n: int, change: Change) -> Callable[..., None]:
    """ModelWriter.events_of, with the ``n``-th event changed before it is
    written: as the dict its pieces make, through ModelWriter.event, between
    the events before it and after it, written as they come."""
    original = ModelWriter.events_of
    seen: list[str] = []

    def events_of(
        self: ModelWriter,
        ids: list[str],
        head: list[list[bytes]],
        summaries: list[str],
        tail: list[list[bytes]],
    ) -> None:
        before = len(seen)
        seen.extend(ids)
        if not before <= n < len(seen):
            original(self, ids, head, summaries, tail)
            return
        k = n - before
        original(self, ids[:k], [c[:k] for c in head], summaries[:k], [c[:k] for c in tail])
        fields = b"".join(c[k] for c in (*head, *tail))[1:]  # each piece begins with a comma
        made: dict[str, Any] = {"id": ids[k], **json.loads(b"{" + fields + b"}")}
        if summaries[k]:
            made["summary"] = summaries[k]
        made["first_id"] = seen[0]
        change(made)
        made.pop("first_id", None)
        self.event(made)
        rest = slice(k + 1, None)
        original(self, ids[rest], [c[rest] for c in head], summaries[rest], [c[rest] for c in tail])

    return events_of


def _set(field: str, value: Any) -> Change:
    return lambda event: event.__setitem__(field, value)


def _same_id_as_the_first(event: dict[str, Any]) -> None:
    event["id"] = event["first_id"]


def _related_to_itself(event: dict[str, Any]) -> None:
    event["related"] = [event["id"]]


WRONG_EVENTS: dict[str, tuple[Change, str]] = {
    "a title too long": (_set("title", "x" * 600), "events[100].title"),
    "an end before the start": (
        _set("date", {"precision": "day", "start": "2022-06-04", "end": "2022-06-01"}),
        "events[100].date.end",
    ),
    "a date not as its precision": (
        _set("date", {"precision": "week", "start": "2022-06-04"}),
        "events[100].date",
    ),
    "an id that is not one": (_set("id", "-not an id"), "events[100].id"),
    "a repeated id": (_same_id_as_the_first, "events[100].id: duplicate id"),
    "a field the format has not": (_set("colour", "red"), "events[100].colour"),
    "an unknown kind": (_set("kind", "war"), "events[100].kind"),
    "negative fatalities": (_set("fatalities", -1), "events[100].fatalities"),
    "a participant who is no actor": (
        _set("participants", ["actor-nobody"]),
        "refers to no actor: found 'actor-nobody'",
    ),
    "a source that is none": (_set("sources", ["source-none"]), "refers to no source"),
    "a related event that is none": (_set("related", ["ARG0"]), "refers to no event"),
    "related to itself": (_related_to_itself, "events[100].related"),
    "a control character in a title": (_set("title", "Protest \x1b[31m"), "events[100].title"),
    "a line break in a place": (_set("places", ["Buenos\nAires"]), "events[100].places[0]"),
    "a bell in a summary": (_set("summary", "ding \x07"), "events[100].summary"),
    "a DEL in a summary": (_set("summary", "rubout \x7f"), "events[100].summary"),
    "a C1 control in a place": (_set("places", ["Next\x85Line"]), "events[100].places[0]"),
    "a tab in a tag": (_set("tags", ["a\tb"]), "events[100].tags[0]"),
}


@pytest.mark.parametrize("wrong", WRONG_EVENTS, ids=list(WRONG_EVENTS))
@pytest.mark.parametrize("batch", [50, 4096])
def test_an_event_that_would_not_validate_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_whole_file: None,
    capsys: pytest.CaptureFixture[str],
    wrong: str,
    batch: int,
) -> None:
    change, said = WRONG_EVENTS[wrong]
    monkeypatch.setattr(output_check, "CHECK_BATCH", batch)
    monkeypatch.setattr(ModelWriter, "events_of", _at(100, change))
    out = tmp_path / "argentina.json"
    out.write_text("earlier", encoding="utf-8")
    code, err = import_acled(FIXTURE, out, capsys)
    assert code == ExitCode.FAILED
    assert "would not validate, so it is not written" in err
    assert said in err
    assert "nothing was imported" in err
    assert out.read_text(encoding="utf-8") == "earlier"  # left as it was
    assert sorted(tmp_path.iterdir()) == [out]  # no partial file left behind


def test_a_backslash_that_looks_like_an_escape_is_no_control_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bytes' search takes C:\\users for an escape; the exact check of its
    batch finds nothing, and the event is written as it was."""
    said = "Seen in C:\\users\\bob and \\b\\f \u00e9"
    monkeypatch.setattr(output_check, "CHECK_BATCH", 50)
    monkeypatch.setattr(ModelWriter, "events_of", _at(100, _set("summary", said)))
    out = tmp_path / "argentina.json"
    code, err = import_acled(FIXTURE, out, capsys)
    assert code == ExitCode.OK, err
    monkeypatch.undo()
    assert load_timeline(out).events[100].summary == said


def test_actors_that_would_not_validate_are_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_whole_file: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    original = ModelWriter.finish

    def finish(self: ModelWriter, actors: Any = (), *rest: Any) -> None:
        actors = [dict(actor, kind="army") for actor in actors]
        original(self, actors, *rest)

    monkeypatch.setattr(ModelWriter, "finish", finish)
    out = tmp_path / "argentina.json"
    code, err = import_acled(FIXTURE, out, capsys)
    assert code == ExitCode.FAILED
    assert "actors[0].kind" in err
    assert not out.exists()


def test_an_output_too_large_to_open_is_refused_as_it_grows(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_whole_file: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    whole = tmp_path / "whole.json"
    assert import_acled(FIXTURE, whole, capsys)[0] == ExitCode.OK
    # The event that takes the file over 100,000 bytes (an event a line).
    lines = whole.read_bytes().split(b"\n")
    size, over = len(lines[0]) + len(lines[1]) + 2, 0  # the header, "events":[
    for n, line in enumerate(lines[2:], 1):
        size += len(line) + 1  # its comma is on the line, before the break
        if size > 100_000:
            over = n
            break
    monkeypatch.setattr(OutputCheck.__init__, "__kwdefaults__", {"limit": 100_000})
    written: list[int] = []
    original = ModelWriter.events_of

    def events_of(self: ModelWriter, ids: list[str], *rest: Any) -> None:
        written.extend(range(len(ids)))
        original(self, ids, *rest)

    monkeypatch.setattr(ModelWriter, "events_of", events_of)
    out = tmp_path / "argentina.json"
    code, err = import_acled(FIXTURE, out, capsys)
    assert code == ExitCode.FAILED
    assert "model files are at most" in err
    assert f"at event {over:,}:" in err  # named, not its batch's first
    assert 1 < over < len(written) < ROWS  # stopped there, not at the end
    assert not out.exists()


def _plain_event(event_id: str) -> dict[str, Any]:
    return {
        "id": event_id,
        "kind": "other",
        "title": "A protest",
        "date": {"precision": "day", "start": "2022-06-04"},
    }


def test_an_id_taken_through_the_writer_is_unique_for_one_event(tmp_path: Path) -> None:
    """An id made unique by the writer is not looked up again for the event
    that has it; any other event with it is a duplicate."""
    out = tmp_path / "taken.json"
    with ModelWriter(out, timeline_id="t", title_="Taken", language="en") as writer:
        first = writer.unique_id("ARG1")
        writer.event(_plain_event(first))
        second = writer.unique_id("ARG1")
        assert (first, second) == ("ARG1", "ARG1-2")
        writer.event(_plain_event(second))
        writer.event(_plain_event("ARG1"))  # not taken: a duplicate
        with pytest.raises(ImportFailed, match=r"events\[2\]\.id: duplicate id 'ARG1'"):
            writer.finish()
    assert not out.exists()


def test_the_id_set_holds_each_id_once() -> None:
    ids = IdSet()
    taken = ["ARG1", "ARG10607", "arg1", "ARG01", "X", "acled:ARG1", "ARG9999999", "ARG10000000"]
    assert all(ids.add(item) for item in taken)
    assert not any(ids.add(item) for item in taken)
    assert all(item in ids for item in taken)
    assert "ARG2" not in ids
    assert "ARG10608" not in ids
    assert "ARG" not in ids


def _export(path: Path, rows: int) -> Path:
    header, base = fixture_rows()
    made = [
        set_field(base[i % len(base)], header, "event_id_cnty", f"ARG{i + 1}") for i in range(rows)
    ]
    return write_csv(path, header, made)


def _traced_peak(src: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> int:
    """The peak of Python's allocations while ``src`` is imported into ``out``."""
    gc.collect()
    tracemalloc.start()
    try:
        code, err = import_acled(src, out, capsys)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == ExitCode.OK, err
    return peak


@pytest.mark.slow
def test_the_import_commands_memory_does_not_grow_with_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python's allocations while importing 3,000 and three times as many rows:
    counted, not timed, so the same on any machine. Loading the output back
    takes more than its size (and reading it took a buffer of the largest
    size a model file may have, 512 MiB, every time)."""
    monkeypatch.setattr(output_check, "CHECK_BATCH", 256)  # both imports are many batches
    monkeypatch.setattr(convert, "BATCH", 256)
    small = _export(tmp_path / "small.csv", 3_000)
    large = _export(tmp_path / "large.csv", 9_000)
    out = tmp_path / "out.json"
    import_acled(small, out, capsys)  # the modules imported, their caches made
    peaks = [_traced_peak(src, out, capsys) for src in (small, large)]
    size = out.stat().st_size
    assert size > 6_000_000
    assert peaks[1] < 1.5 * peaks[0], peaks
    assert peaks[1] < size, (peaks, size)  # reading it back would take more
