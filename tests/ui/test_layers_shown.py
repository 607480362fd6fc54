"""Several timelines shown together: each in its own colour, each can be hidden."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from pytestqt.qtbot import QtBot

from tests.conftest import DATA, dump, strip_isolates
from tests.timeline.test_stacking import _stacked
from tests.ui.windows import active_window
from viewer.domain.model import EventKind
from viewer.importers.formats import run_import
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.glyphs import RING_RADIUS
from viewer.ui.timeline.legend import drawn_samples, paint_legend
from viewer.ui.timeline.palette import layer_color
from viewer.ui.timeline.render import TimelineRenderer

BASE = "test-timeline"
#: The added timeline's title: from a file, so shown as text, never as HTML.
OTHER_TITLE = "Other <b>timeline</b> & more"


def _models(folder: Path, minimal: dict[str, Any]) -> tuple[Path, Path]:
    """The minimal timeline, and another with a call four days later (its own row)."""
    base = folder / "base.json"
    base.write_bytes(dump(minimal))
    data = copy.deepcopy(minimal)
    data.update(id="other", title=OTHER_TITLE)
    data["events"][0]["date"] = {"precision": "day", "start": "2025-06-08"}
    other = folder / "other.json"
    other.write_bytes(dump(data))
    return base, other


def _shown(qtbot: QtBot, base: Path, other: Path) -> MainWindow:
    window = active_window(qtbot, base)
    assert window.document.add(other)
    timeline = window.document.timeline
    assert timeline is not None
    assert [layer.id for layer in timeline.layers] == [BASE, "other"]
    return window


def _mark(window: MainWindow, event_id: str) -> QPoint | None:
    view = window.timeline_view
    view.ensure_visible(event_id)
    return view.event_pos(event_id)


def _click(qtbot: QtBot, window: MainWindow, pos: QPoint) -> None:
    qtbot.mouseClick(window.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _chips(window: MainWindow) -> list[str]:
    return [strip_isolates(chip.text()) for chip in window.filter_bar.chips if chip.isVisible()]


def _entries(window: MainWindow) -> dict[str, tuple[bool, bool]]:
    """View > Timelines: (checked, enabled) of each entry, by timeline id."""
    return {
        action.data(): (action.isChecked(), action.isEnabled())
        for action in window.menus.timelines_menu.actions()
    }


def _boxes(window: MainWindow) -> dict[str, tuple[bool, bool]]:
    return {
        layer_id: (box.isChecked(), box.isEnabled())
        for layer_id, box in window.layer_bar.boxes.items()
    }


def test_hiding_a_timeline_leaves_its_events_out_of_every_view(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    base, other = _models(tmp_path, minimal)
    window = active_window(qtbot, base)
    # One timeline: no row of timelines, no menu, nothing ringed.
    assert not window.layer_bar.isVisible()
    assert not window.menus.timelines_menu.menuAction().isVisible()
    assert window.timeline_view.renderer.layers_by_position is None
    assert window.document.add(other)
    bar = window.layer_bar
    assert bar.isVisible()
    assert window.menus.timelines_menu.menuAction().isVisible()
    assert list(bar.boxes) == [BASE, "other"]
    box = bar.boxes["other"]
    # The title as text: "&" shown (not a shortcut), "<b>" shown (not bold).
    assert box.text() == OTHER_TITLE.replace("&", "&&")
    assert box.accessibleName() == OTHER_TITLE
    assert box.toolTip().endswith("\n" + OTHER_TITLE)
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert _boxes(window) == _entries(window) == {BASE: (True, True), "other": (True, True)}
    where = _mark(window, "other:e1")
    assert where is not None
    _click(qtbot, window, where)
    assert window.selection.event_id == "other:e1"
    window.selection.clear()

    # Hidden from the keyboard: its events leave the timeline, the table, find and the count.
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    assert window.filters.hidden == {"other"}
    assert _entries(window) == _boxes(window) == {BASE: (True, False), "other": (False, True)}
    assert not window.filters.set_layer_shown(BASE, False)  # the last one shown stays
    assert window.timeline_view.event_pos("other:e1") is None
    _click(qtbot, window, where)
    assert window.selection.event_id is None
    drawn = window.timeline_view.renderer.index
    assert {drawn.id_of(p) for p in range(len(drawn))} == {"e1", "e2"}
    assert window.events_table.model.rowCount() == 2
    assert window.filters.shown() == 2
    assert window.filter_bar.count.text() == "Showing 2 of 4 events"
    assert _chips(window) == [f"Hidden: {OTHER_TITLE.replace('&', '&&')}  \u2715"]
    window.finder.set_query("Anruf")  # both timelines have a call titled so
    window.finder.finish()
    timeline = window.document.timeline
    assert timeline is not None
    assert [timeline.events.ids[int(r)] for r in window.finder.rows] == ["e1"]
    # A filter on top: both apply.
    window.filters.toggle("kinds", "attack")
    assert window.events_table.model.rowCount() == 1
    assert window.filter_bar.count.text() == "Showing 1 of 4 events"
    window.filters.toggle("kinds", "attack")

    # The chip's cross shows it again, everywhere.
    chip = next(c for c in window.filter_bar.chips if c.objectName() == "hiddenLayerChip")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    assert window.filters.mask is None
    assert window.events_table.model.rowCount() == 4
    assert window.filter_bar.count.text() == ""
    assert _chips(window) == []
    assert _entries(window) == {BASE: (True, True), "other": (True, True)}
    where = _mark(window, "other:e1")
    assert where is not None
    _click(qtbot, window, where)
    assert window.selection.event_id == "other:e1"

    # The menu's entry and the box are one switch.
    entry = next(a for a in window.menus.timelines_menu.actions() if a.data() == BASE)
    entry.trigger()
    assert not bar.boxes[BASE].isChecked()
    assert window.events_table.model.rowCount() == 2
    assert window.selection.event_id == "other:e1"  # its timeline is still shown
    qtbot.mouseClick(bar.boxes[BASE], Qt.MouseButton.LeftButton)
    assert entry.isChecked()
    assert window.events_table.model.rowCount() == 4


def test_hidden_timelines_are_remembered_until_taken_away(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    base, other = _models(tmp_path, minimal)
    window = _shown(qtbot, base, other)
    window.layer_bar.boxes["other"].setChecked(False)
    assert window.settings.value(f"hidden_layers/{BASE}") == '["other"]'
    window.close()
    # Opened again: the added timeline comes back, hidden.
    again = active_window(qtbot, base)
    qtbot.waitUntil(
        lambda: again.document.timeline is not None and len(again.document.timeline.layers) == 2
    )
    assert again.filters.hidden == {"other"}
    assert _boxes(again) == {BASE: (True, False), "other": (False, True)}
    assert again.events_table.model.rowCount() == 2
    assert again.filter_bar.count.text() == "Showing 2 of 4 events"
    # Another timeline opened alone hides nothing, and forgets nothing.
    alone = tmp_path / "alone.json"
    alone.write_bytes(dump({**minimal, "id": "alone"}))
    assert again.open_file(alone)
    assert again.filters.hidden == frozenset()
    assert again.filters.mask is None
    assert again.settings.value(f"hidden_layers/{BASE}") == '["other"]'
    assert again.open_file(base)
    qtbot.waitUntil(lambda: again.filters.hidden == {"other"})
    # Taken away, it is forgotten: added again, it shows.
    assert again.document.remove_layer("other")
    assert not again.layer_bar.isVisible()
    assert again.filters.hidden == frozenset()
    assert again.filter_bar.count.text() == ""
    assert again.settings.value(f"hidden_layers/{BASE}") is None
    assert again.document.add(other)
    assert again.filters.hidden == frozenset()
    assert _boxes(again) == {BASE: (True, True), "other": (True, True)}


def _closest(image: QImage, at: QPoint, color: QColor, reach: int = 1) -> int:
    """How near (largest channel difference) the pixel nearest ``color`` around ``at`` is."""
    best = 255 * 3
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            pixel = image.pixelColor(at.x() + dx, at.y() + dy)
            best = min(
                best,
                max(
                    abs(pixel.red() - color.red()),
                    abs(pixel.green() - color.green()),
                    abs(pixel.blue() - color.blue()),
                ),
            )
    return best


def _ring_top(window: MainWindow, event_id: str) -> QPoint:
    view = window.timeline_view
    placed = view.placed(event_id)
    assert placed is not None
    return view.to_view(placed.glyph.x(), placed.glyph.y() - RING_RADIUS).toPoint()


def test_each_timelines_marks_wear_its_colour(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    base, other = _models(tmp_path, minimal)
    window = active_window(qtbot, base)
    palette = window.timeline_view.palette()
    first, added = layer_color(0, palette), layer_color(1, palette)
    assert max(abs(a - b) for a, b in zip(first.getRgb(), added.getRgb(), strict=True)) > 100
    assert _mark(window, "e1") is not None
    image = window.timeline_view.viewport().grab().toImage()
    assert _closest(image, _ring_top(window, "e1"), first) > 60  # alone: no ring
    assert window.document.add(other)
    assert _mark(window, "other:e1") is not None
    assert _mark(window, "e1") is not None
    image = window.timeline_view.viewport().grab().toImage()
    assert _closest(image, _ring_top(window, "e1"), first) < 40
    assert _closest(image, _ring_top(window, "e1"), added) > 60
    assert _closest(image, _ring_top(window, "other:e1"), added) < 40
    assert _closest(image, _ring_top(window, "other:e1"), first) > 60
    # The row of timelines shows the same colours.
    swatch = window.layer_bar.boxes["other"].icon().pixmap(20, 20).toImage()
    assert _closest(swatch, QPoint(10, 10 - round(RING_RADIUS - 1)), added, 1) < 40


def test_far_out_a_count_wears_the_colour_of_its_timeline(tmp_path: Path) -> None:
    out = tmp_path / "acled.json"
    run_import("acled", DATA / "acled" / "argentina_2022-06_sample.csv", out)
    report = load_timeline(bundled_timeline())
    shown = _stacked(report, load_timeline(out))
    renderer = TimelineRenderer(shown)
    start, end = renderer.index.extent() or (0.0, 1.0)
    width = 1200
    layout = renderer.layout(start - 86400, (end - start + 2 * 86400) / (width - 200), width)
    other = next(lane for lane in layout.lanes if lane.kind is EventKind.OTHER)
    assert other.bucketed  # ACLED's 326 protests, and the report's two "other" events
    palette = QPalette()
    image = QImage(width, int(layout.height) + 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        renderer.paint(painter, layout, palette, None, QRectF(0, 0, image.width(), image.height()))
    finally:
        painter.end()
    acled, reports = layer_color(1, palette), layer_color(0, palette)
    # ACLED's events are years before the report's: no count holds both.
    counts = [item for item in other.items if item.bucket]
    assert {renderer.layer_at(item.positions[0]) for item in counts} == {0, 1}
    top = next(item for item in counts if renderer.layer_at(item.positions[0]) == 1).hit
    edge = QPoint(round(top.center().x()), round(top.top()))
    assert _closest(image, edge, acled, 1) < 40
    assert _closest(image, edge, reports, 1) > 60
    # An exported legend names each timeline drawn.
    samples = drawn_samples(renderer, layout)
    assert {"layer:0", "layer:1"} <= samples
    titles = [layer.title for layer in shown.layers]

    def legend(names: list[str]) -> QImage:
        image = QImage(width, 200, QImage.Format.Format_ARGB32)
        image.fill(palette.color(QPalette.ColorRole.Window))
        painter = QPainter(image)
        try:
            paint_legend(painter, QRectF(0, 0, width, 200), palette, QFont(), samples, names)
        finally:
            painter.end()
        return image

    def wearing(image: QImage, color: QColor) -> int:
        """How many pixels of ``image`` are ``color`` (within a little)."""
        return sum(
            _closest(image, QPoint(x, y), color, 0) < 12
            for y in range(image.height())
            for x in range(image.width())
        )

    # The ACLED timeline's ring in the legend (the attacks' red is near it: more, not any).
    assert wearing(legend(titles), acled) > wearing(legend([]), acled) + 5
