"""What imported timelines carry, shown: an event's fatalities, tags and
coordinates in the details, and eras as bands behind the events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from tests.conftest import dump, strip_isolates
from tests.domain.test_schema3 import imported
from tests.ui.test_timeline_view import show_view
from viewer.persistence.model_file import parse_timeline
from viewer.ui.document.selection import Selection
from viewer.ui.panels.details import DetailsPanel


def test_the_details_show_fatalities_tags_and_coordinates(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    timeline = parse_timeline(dump(imported(minimal)))
    panel = DetailsPanel(selection)
    qtbot.addWidget(panel)
    panel.set_timeline(timeline)
    selection.select("e2")
    text = strip_isolates(panel.plain_text())
    assert "Fatalities: 3" in text
    assert "Tags: Battles, Armed clash" in text
    assert "Coordinates: 48.0159, 37.8028" in text
    html = panel.browser.toHtml()
    assert "openstreetmap.org/?mlat=48.01590&amp;mlon=37.80280" in html
    selection.select("e1")  # an event without them shows none of it
    assert "Fatalities" not in panel.plain_text()


def test_an_era_is_a_band_behind_the_events_with_its_title(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    data = imported(minimal)
    data["eras"][0]["date"] = {"precision": "day", "start": "2025-05-28", "end": "2025-06-02"}
    timeline = parse_timeline(dump(data))
    view = show_view(qtbot, selection, timeline, (900, 400))
    [era] = timeline.eras
    start, end = era.date.earliest, era.date.latest
    view.zoom_to(start - 10 * 86400, end + 10 * 86400)
    palette = view.palette()
    image = view.viewport().grab().toImage()
    inside = round(view.x_of((start + end) / 2))
    outside = round(view.x_of(end + 5 * 86400))
    y = view.viewport().height() // 2 + 40  # below the lanes: only bands there
    base = palette.color(QPalette.ColorRole.Base)
    assert QColor(image.pixel(QPoint(outside, y))) == base
    assert QColor(image.pixel(QPoint(inside, y))) != base
    # The title stands at the foot of the band.
    foot = [
        QColor(image.pixel(QPoint(x, view.viewport().height() - 8)))
        for x in range(inside - 30, inside + 30)
    ]
    text = palette.color(QPalette.ColorRole.Text)
    assert any(
        abs(c.lightness() - text.lightness()) < 60 and c != QColor(image.pixel(QPoint(inside, y)))
        for c in foot
    )
