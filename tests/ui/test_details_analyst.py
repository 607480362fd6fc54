"""The details of schema 4's fields: a claim beside its counterclaim, grades
whose meaning shows on hover and to a screen reader, figures, and where a date
comes from."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.domain.test_schema4 import analysed
from tests.ui.test_translations import link_position
from tests.ui.windows import active_window
from viewer.ui.main_window import MainWindow


def opened(qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]) -> MainWindow:
    path = tmp_path / "analysed.json"
    path.write_bytes(dump(analysed(minimal)))
    return active_window(qtbot, path)


def shown(window: MainWindow) -> str:
    """The pane's text as read, its badges' no-break spaces as one space each."""
    text = strip_isolates(window.details.browser.toPlainText()).replace("\xa0", " ")
    return re.sub(" +", " ", text)


def test_a_claim_stands_beside_its_counterclaim_with_grade_and_figure(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = opened(qtbot, tmp_path, minimal)
    window.selection.select("e1")
    text = shown(window)
    # Anna's claim (source "src", graded B; credibility 3), beside Bland's counterclaim.
    assert "Anna: Es war gut. (at least 41 aircraft) ? unverified B3 [1]" in text
    assert "Counterclaim:" in text
    assert "Bland: Es war nichts. (0–2 aircraft) ✗ disputed D" in text
    assert "(on Angriff)" in text  # the counterclaim is about the other event
    document = window.details.browser.document()
    assert document.toHtml().count("<table") == 1  # side by side: one row, two cells
    # From the other event, the pair reads the other way round.
    window.selection.select("e2")
    text = shown(window)
    assert text.index("Bland: Es war nichts.") < text.index("Anna: Es war gut.")
    assert "(on Anruf)" in text


def test_where_the_date_comes_from_and_when_it_was_first_reported(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = opened(qtbot, tmp_path, minimal)
    window.selection.select("e1")
    text = shown(window)
    assert "Date from: Quelle [1]" in text
    assert "First reported: 5 June 2025 (from TASS [2])" in text
    assert "[1] Quelle B" in text  # the source's own grade in the list
    assert "[2] TASS D" in text


def test_a_grade_says_what_it_means_on_hover_and_to_a_screen_reader(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = opened(qtbot, tmp_path, minimal)
    window.selection.select("e1")
    browser = window.details.browser
    meaning = "source B, usually reliable; information 3, possibly true"
    assert browser.describe("grade:B3") == meaning
    [link] = [link for link in browser.links() if link.href == "grade:B3"]
    assert link.text == "B3"
    where = link_position(window.details, "grade:B3")
    hover = QHelpEvent(
        QEvent.Type.ToolTip, browser.viewport().mapTo(browser, where), browser.mapToGlobal(where)
    )
    QApplication.sendEvent(browser, hover)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == meaning
    nowhere = QPoint(2, 2)  # on no link: no tooltip
    QApplication.sendEvent(browser, QHelpEvent(QEvent.Type.ToolTip, nowhere, nowhere))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_a_pair_within_one_event_is_shown_once(qtbot: QtBot) -> None:
    window = active_window(qtbot)  # the bundled timeline: SBU against the Russian military
    window.selection.select("drone-strike-2025-06-01")
    text = shown(window)
    assert text.count("Counterclaim:") == 1
    assert text.index("SBU: Insgesamt") < text.index("Counterclaim:")
    assert text.index("Counterclaim:") < text.index("Russisches Militär: Es habe sich")
    assert window.details.browser.document().toHtml().count("<table") == 1
