"""The window's controllers, driven without a window: real files, the real clipboard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.cli.test_import_cli import HOUSTON
from tests.persistence.test_notes_store import full_disk
from viewer.domain.cite import cite_event, cite_quote
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.persistence.paths import bundled_timeline
from viewer.ui.controllers.citations import MARKDOWN, Citations
from viewer.ui.controllers.exports import Exports
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.controllers.imports import Imports
from viewer.ui.controllers.notes_control import NotesController
from viewer.ui.controllers.rescue import Rescue
from viewer.ui.document.document import Document
from viewer.ui.document.selection import Selection
from viewer.ui.timeline.view import TimelineView

#: An event of the bundled timeline.
CALL = "call-2025-06-04"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def document(settings: QSettings) -> Iterator[Document]:
    """The bundled timeline, open."""
    document = Document(settings)
    assert document.open(bundled_timeline())
    yield document
    document.shutdown()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """What dialogs open over, as the window would be."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def notes(document: Document, parent: QWidget, tmp_path: Path) -> Iterator[NotesController]:
    """The notes of the open timeline, in a folder of the test's own."""
    notes = NotesController(tmp_path / "data", parent, retry_ms=60_000)
    assert document.timeline is not None
    assert notes.open_for(document.timeline) == []
    yield notes
    notes.shutdown()


def note_on_the_call(notes: NotesController, text: str) -> None:
    assert notes.add(NoteTarget(kind=TargetKind.EVENT, id=CALL), text) is not None


def messages(controller: Citations | Exports | Imports) -> list[str]:
    """What ``controller`` says in the status bar from now on."""
    said: list[str] = []
    controller.said.connect(lambda text, _ms: said.append(text))
    return said


def clipboard() -> tuple[str, str]:
    data = QGuiApplication.clipboard().mimeData()
    return data.text(), bytes(data.data(MARKDOWN).data()).decode("utf-8")


# -- citations ------------------------------------------------------------------


def citations(document: Document, selection: Selection, parent: QWidget) -> Citations:
    return Citations(document, selection, lambda: None, parent)


def test_citations_copy_the_selected_event_plain_and_as_markdown(
    document: Document, selection: Selection, parent: QWidget
) -> None:
    copier = citations(document, selection, parent)
    said = messages(copier)
    timeline = document.timeline
    assert timeline is not None
    selection.select(CALL)
    expected = cite_event(timeline, timeline.events_by_id[CALL])
    assert copier.copy_current_citation()
    assert clipboard() == (expected.plain, expected.markdown)
    assert copier.copy_current_citation(as_markdown=True)
    assert clipboard() == (expected.markdown, expected.markdown)
    assert said[0].startswith("Copied the citation of")
    assert said[1].endswith("as Markdown.")


def test_citations_copy_a_quote_by_its_id(
    document: Document, selection: Selection, parent: QWidget
) -> None:
    copier = citations(document, selection, parent)
    timeline = document.timeline
    assert timeline is not None
    quote = timeline.quotes[0]
    assert copier.copy_citation(quote_id=quote.id)
    assert clipboard()[0] == cite_quote(timeline, quote).plain


def test_citations_say_what_to_do_when_nothing_is_selected(
    document: Document, selection: Selection, parent: QWidget
) -> None:
    copier = citations(document, selection, parent)
    said = messages(copier)
    QGuiApplication.clipboard().setText("before")
    assert not copier.copy_current_citation()
    assert not copier.copy_citation(event_id="no-such-event")
    assert said == ["Select an event or a quote to copy its citation."] * 2
    assert QGuiApplication.clipboard().text() == "before"


# -- exports --------------------------------------------------------------------


def exports(
    document: Document,
    notes: NotesController,
    selection: Selection,
    parent: QWidget,
    settings: QSettings,
) -> Exports:
    view = TimelineView(selection, parent)
    QVBoxLayout(parent).addWidget(view)
    parent.resize(900, 300)
    parent.show()  # laid out: the export is as wide as the view shows
    view.set_timeline(document.timeline)
    filters = FilterState(settings, notes, parent)
    filters.set_timeline(document.timeline)
    return Exports(document, notes, view, selection, filters, parent)


def test_exports_write_the_timeline_as_an_image(
    document: Document,
    notes: NotesController,
    selection: Selection,
    parent: QWidget,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    exporter = exports(document, notes, selection, parent, settings)
    said = messages(exporter)
    out = tmp_path / "timeline.png"
    exporter.export_to(out)
    assert out.read_bytes().startswith(b"\x89PNG\r\n")
    assert said == ["Exported the timeline to timeline.png."]


def test_exports_write_the_notes_as_markdown(
    document: Document,
    notes: NotesController,
    selection: Selection,
    parent: QWidget,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    exporter = exports(document, notes, selection, parent, settings)
    said = messages(exporter)
    note_on_the_call(notes, "eine Notiz zum Telefonat")
    out = tmp_path / "notes.md"
    exporter.export_notes_to(out)
    assert "eine Notiz zum Telefonat" in out.read_text(encoding="utf-8")
    assert said == ["Exported 1 note to notes.md."]


def test_exports_refuse_a_folder_and_say_so_in_a_box(
    document: Document,
    notes: NotesController,
    selection: Selection,
    parent: QWidget,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    exporter = exports(document, notes, selection, parent, settings)
    said = messages(exporter)
    seen: list[str] = []

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.close()

    QTimer.singleShot(0, close_the_box)
    exporter.export_notes_to(tmp_path)
    assert len(seen) == 1
    assert seen[0].startswith(f"Cannot write {tmp_path}")
    assert said == []


# -- rescuing notes at quit ---------------------------------------------------------


def test_rescue_lets_quit_at_once_when_every_note_is_saved(
    document: Document, notes: NotesController, parent: QWidget
) -> None:
    rescue = Rescue(notes, document, parent)
    note_on_the_call(notes, "gespeichert")
    assert rescue.may_quit()
    assert rescue.unsaved_box is None


def unsaved_note(notes: NotesController, monkeypatch: pytest.MonkeyPatch) -> None:
    """A note the full disk keeps in memory only."""
    assert notes.store is not None
    full_disk(monkeypatch, notes.store)
    note_on_the_call(notes, "gerettet " + "x" * 50_000)
    assert notes.unsaved == 1


def answer(rescue: Rescue, button: str) -> None:
    """Click ``button`` of the question once it is asked."""

    def click() -> None:
        box = rescue.unsaved_box
        assert box is not None
        assert "1 change to your notes could not be saved" in box.text()
        [chosen] = [b for b in box.buttons() if b.text() == button]
        chosen.click()

    QTimer.singleShot(0, click)


def test_rescue_keeps_the_app_open_when_cancelled_and_saves_to_a_file(
    document: Document,
    notes: NotesController,
    parent: QWidget,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    rescue = Rescue(notes, document, parent)
    unsaved_note(notes, monkeypatch)
    answer(rescue, "Cancel")
    assert not rescue.may_quit()
    out = tmp_path / "rescued.jsonld"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    answer(rescue, "Save to File…")
    assert rescue.may_quit()
    [item] = json.loads(out.read_text(encoding="utf-8"))["first"]["items"]
    assert item["body"][0]["value"].startswith("gerettet ")


def test_rescue_quits_without_the_notes_when_told_to(
    document: Document,
    notes: NotesController,
    parent: QWidget,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    rescue = Rescue(notes, document, parent)
    unsaved_note(notes, monkeypatch)
    asked: list[bool] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (asked.append(True), ("", ""))[1]
    )
    answer(rescue, "Quit Without Saving")
    assert rescue.may_quit()
    assert asked == []  # no file asked for
    assert list(tmp_path.glob("*.jsonld")) == []


# -- imports ----------------------------------------------------------------------


def test_imports_convert_a_timelinejs_file_open_it_and_say_so(
    document: Document, parent: QWidget, qtbot: QtBot, tmp_path: Path
) -> None:
    importer = Imports(document, tmp_path / "imports", parent)
    said = messages(importer)
    with qtbot.waitSignal(document.opened, timeout=20_000):
        out = importer.import_file("timelinejs", HOUSTON)
    assert out.parent == tmp_path / "imports"
    assert out.is_file()
    assert document.path == out
    assert said[-1].startswith("Imported ")
    assert said[-1].endswith(f" events from {HOUSTON.name}.")


def test_imports_refuse_a_missing_file_with_a_notice(
    document: Document, parent: QWidget, tmp_path: Path
) -> None:
    importer = Imports(document, tmp_path / "imports", parent)
    told: list[tuple[str, str]] = []
    importer.informed.connect(lambda title, text: told.append((title, text)))
    missing = tmp_path / "missing.json"
    importer.import_file("timelinejs", missing)
    assert told == [("Import failed", f"Cannot read {missing}: no such file")]
    assert not (tmp_path / "imports").exists()
    assert document.path == bundled_timeline()
