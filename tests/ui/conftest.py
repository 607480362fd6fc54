"""UI fixtures: the bundled timeline and a fresh Selection."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.ui.document.selection import Selection
from viewer.ui.widgets import focus_style


@pytest.fixture
def bundled_data() -> dict[str, Any]:
    """The bundled timeline as the JSON data of its file, to change and validate."""
    data: dict[str, Any] = json.loads(bundled_timeline().read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def bundled() -> Timeline:
    return load_timeline(bundled_timeline())


@pytest.fixture(autouse=True)
def _focus_style(qapp: QApplication) -> None:
    """The style the app runs with (``make_application`` installs it; pytest-qt's
    ``qapp`` does not): its focus ring, its metrics. Again for each test, as the
    style's own tests put back the one it wraps."""
    focus_style.install(qapp)


@pytest.fixture(autouse=True, scope="session")
def _english_numbers() -> None:
    """Numbers and dates as the English interface shows them, whatever the machine's locale."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture(autouse=True)
def _empty_clipboard() -> Iterator[None]:
    """Leave the clipboard empty after each test.

    Qt's offscreen platform crashes the process at exit (after every test has
    passed) when the clipboard still holds data made in Python
    (``setMimeData``); the desktop platforms do not. Emptying it keeps the
    test run's exit status honest.
    """
    yield
    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture
def selection() -> Selection:
    return Selection()
