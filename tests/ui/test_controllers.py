"""The window's controllers, driven without a window: real files, the real clipboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListView, QWidget
from pytestqt.qtbot import QtBot

from viewer.domain.cite import cite_event, cite_quote
from viewer.persistence.paths import bundled_timeline
from viewer.ui.controllers.citations import MARKDOWN, Citations
from viewer.ui.document.document import Document
from viewer.ui.document.selection import Selection


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


def messages(controller: Citations) -> list[str]:
    """What ``controller`` says in the status bar from now on."""
    said: list[str] = []
    controller.said.connect(lambda text, _ms: said.append(text))
    return said


def clipboard() -> tuple[str, str]:
    data = QGuiApplication.clipboard().mimeData()
    return data.text(), bytes(data.data(MARKDOWN).data()).decode("utf-8")


# -- citations ------------------------------------------------------------------


def citations(document: Document, selection: Selection, parent: QWidget) -> Citations:
    return Citations(document, selection, QListView(parent), parent)


def test_citations_copy_the_selected_event_plain_and_as_markdown(
    document: Document, selection: Selection, parent: QWidget
) -> None:
    copier = citations(document, selection, parent)
    said = messages(copier)
    timeline = document.timeline
    assert timeline is not None
    selection.select("call-2025-06-04")
    expected = cite_event(timeline, timeline.events_by_id["call-2025-06-04"])
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
