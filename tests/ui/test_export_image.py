"""File > Export Image asks for the picture's format, width and span, and draws
what ``timeline-viewer export`` draws: no selection unless asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QRadioButton
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window, settle
from viewer.timeline.lanes import LaneChoice, LaneFacet, LaneOrder
from viewer.timeline.layout import Layout
from viewer.ui.controllers.exports import ImageChoice, ImageRange
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.export_image import ExportImageDialog
from viewer.ui.timeline.export import ExportError, export_timeline
from viewer.ui.timeline.render import TimelineRenderer

CALL = "call-2025-06-04"


def export(window: MainWindow, out: Path, **choice: object) -> Path:
    window.exports.export_to(out, ImageChoice(**choice))  # type: ignore[arg-type]
    return out


def test_the_picture_is_as_wide_as_asked_and_marks_the_selection_only_when_asked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    plain = QImage(str(export(window, tmp_path / "plain.png", width=1000)))
    assert plain.width() == 1000
    window.selection.select(CALL)
    unmarked = QImage(str(export(window, tmp_path / "unmarked.png", width=1000)))
    marked = QImage(str(export(window, tmp_path / "marked.png", width=1000, mark_selected=True)))
    assert unmarked == plain  # what the reader clicked last is not in the picture
    assert marked != plain
    assert marked.size() == plain.size()


def test_all_events_leaves_the_filter_out_and_the_filtered_span_keeps_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    window.filters.toggle("kinds", "attack")
    everything = export(window, tmp_path / "all.svg", range=ImageRange.ALL).read_text("utf-8")
    assert "Sikorski in Berlin" in everything
    assert "Filter:" not in everything
    kept = export(window, tmp_path / "kept.svg", range=ImageRange.FILTERED).read_text("utf-8")
    assert "Drohnenangriff des SBU" in kept
    assert "Sikorski in Berlin" not in kept
    assert "Filter: Kind: Attacks" in kept


def test_the_dialog_offers_only_what_makes_sense(qtbot: QtBot) -> None:
    last = ImageChoice(width=50, range=ImageRange.FILTERED, mark_selected=True, suffix=".svg")
    dialog = ExportImageDialog(last, filtered=False, selected=False)
    qtbot.addWidget(dialog)
    filtered = dialog.findChild(QRadioButton, "exportRange-filtered")
    assert filtered is not None
    assert not filtered.isEnabled()  # no filter: the same as all events
    assert not dialog.mark_selected.isEnabled()  # nothing selected
    assert dialog.choice() == ImageChoice(
        width=400, range=ImageRange.ALL, mark_selected=False, suffix=".svg"
    )


def test_ctrl_e_asks_what_to_draw_then_where_and_writes_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot)
    out = tmp_path / "chosen.svg"
    asked: list[str] = []

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[3]))  # the file types offered, the chosen one first
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    chose: list[bool] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportImageDialog)
        dialog.format.setCurrentIndex(dialog.format.findData(".svg"))
        dialog.width_box.selectAll()
        qtbot.keyClicks(dialog.width_box, "900")
        qtbot.keyClick(dialog.width_box, Qt.Key.Key_Return)  # the default button: Export
        chose.append(True)

    QTimer.singleShot(0, choose)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert chose == [True]
    assert asked
    assert asked[0].startswith("SVG")
    assert 'width="900' in out.read_text("utf-8")
    assert window.exports.last_choice.width == 900
    assert window.statusBar().currentMessage() == "Exported the timeline to chosen.svg."


def test_the_filtered_span_of_no_event_is_refused_with_a_word(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window(qtbot)
    window.filters.toggle("has_notes", "")  # no notes yet: no event kept
    told: list[str] = []
    monkeypatch.setattr(
        "viewer.ui.controllers.exports.warn", lambda _parent, _title, text: told.append(text)
    )
    out = tmp_path / "none.png"
    window.exports.export_to(out, ImageChoice(range=ImageRange.FILTERED))
    assert told == ["The filter keeps no event: there is nothing to draw."]
    assert not out.exists()
    window.exports.export_to(out, ImageChoice(range=ImageRange.SHOWN))  # the time shown: drawn
    assert out.exists()


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt says so itself, then we do
def test_a_pdf_that_cannot_be_written_is_an_error_not_a_success(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    timeline = window.document.timeline
    assert timeline is not None
    taken = tmp_path / "a folder.pdf"
    taken.mkdir()  # exists, so "the file is there" said nothing
    with pytest.raises(ExportError, match="could not write"):
        export_timeline(timeline, taken)


def test_the_picture_and_the_pages_draw_the_lanes_the_window_shows(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    window = active_window(qtbot)
    view = window.timeline_view
    drawn: list[Layout] = []
    paint = TimelineRenderer.paint

    def recording(renderer: TimelineRenderer, painter: Any, layout: Layout, *rest: Any) -> None:
        if renderer is not view.renderer:  # the picture's or the page's, not the window's
            drawn.append(layout)
        paint(renderer, painter, layout, *rest)

    monkeypatch.setattr(TimelineRenderer, "paint", recording)
    kinds = export(window, tmp_path / "kinds.svg", range=ImageRange.ALL).read_text("utf-8")
    assert len(drawn) == 1
    assert [lane.key for lane in drawn[0].lanes][:2] == ["call", "attack"]

    view.set_lanes(LaneChoice(LaneFacet.ACTOR, LaneOrder.NAME, ("putin",), frozenset({"trump"})))
    shown = [lane.key for lane in view.renderer.index.lanes]
    assert shown[0] == "putin"
    drawn.clear()
    picture = export(window, tmp_path / "actors.svg", range=ImageRange.ALL)
    assert len(drawn) == 1
    assert [lane.key for lane in drawn[0].lanes] == shown
    assert {lane.key for lane in drawn[0].lanes if lane.collapsed} == {"trump"}
    assert ">Donald Trump<" in picture.read_text("utf-8")  # a lane's name
    assert ">Donald Trump<" not in kinds

    drawn.clear()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert window.exports.print_to(printer) >= 1
    assert drawn
    assert [lane.key for lane in drawn[0].lanes] == shown
