"""File > Print: the events the filter keeps, on pages that split their span at
the zoom shown, each page with its axis; a preview first."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.windows import active_window, settle
from viewer.timeline.index import event_index
from viewer.timeline.layout import GUTTER
from viewer.ui.timeline.printing import MAX_PAGES, PAGE_WIDTH, page_spans

DAY = 86400.0


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


def test_the_pages_cut_the_span_in_slices_end_to_end() -> None:
    start, end = 0.0, 30 * DAY
    per_page = (PAGE_WIDTH - GUTTER) * 3600.0  # an hour a pixel
    spans = page_spans(start, end, 3600.0)
    assert len(spans) == -(-30 * DAY // per_page)
    assert spans[0][0] == start
    assert spans[-1][1] == end
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert len(page_spans(start, end, 1.0)) == MAX_PAGES  # never hundreds of pages
    assert len(page_spans(start, start, 3600.0)) == 1


def test_printing_writes_a_page_for_each_slice_of_the_filtered_events(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    timeline = window.document.timeline
    assert timeline is not None
    extent = event_index(timeline).extent()
    assert extent is not None
    # Zoomed so that the events' span (and a little room around it) takes three pages.
    window.timeline_view.set_view(
        extent[0], (extent[1] - extent[0]) / (2.5 * (PAGE_WIDTH - GUTTER))
    )
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    pages = window.exports.print_to(printer)
    assert pages == 3
    assert pdf_pages(out) == pages
    # A filter that keeps the events of one day leaves one page.
    window.filters.toggle("kinds", "sanctions")
    one = tmp_path / "one.pdf"
    printer.setOutputFileName(str(one))
    assert window.exports.print_to(printer) == 1
    assert pdf_pages(one) == 1


def test_ctrl_p_shows_a_preview_of_the_pages(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    seen: list[int] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        seen.append(preview.pageCount())
        dialog.reject()

    QTimer.singleShot(0, look)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert len(seen) == 1
    assert seen[0] >= 1


def test_a_filter_that_keeps_nothing_is_said_instead_of_a_blank_page(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    window.filters.toggle("has_notes", "")  # no notes yet: no event kept
    assert window.filters.mask is not None
    assert not window.filters.mask.any()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert QApplication.activeModalWidget() is None  # no preview of a 1970 page
    assert window.statusBar().currentMessage() == (
        "The filter keeps no event: there is nothing to draw."
    )
