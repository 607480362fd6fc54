"""Labels that can be read: as wide as their room, pinned at the left edge, apart."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPalette
from pytestqt.qtbot import QtBot

from tests.conftest import dump
from tests.ui.test_timeline_view import show_view
from tests.ui.windows import make_window, settle
from viewer.domain.describe import describe_date
from viewer.domain.model import EventKind
from viewer.domain.names import kind_plural
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import parse_timeline
from viewer.timeline.labels import LEADER_GAP, LEAST_LABEL
from viewer.timeline.layout import (
    GLYPH,
    GUTTER,
    ITEM_GAP,
    ROW_HEIGHT,
    LaneLayout,
    Placed,
    Rect,
)
from viewer.ui.document.selection import Selection
from viewer.ui.timeline.fit import BASE_TEXT_HEIGHT
from viewer.ui.timeline.label_paint import whole_title_lines
from viewer.ui.timeline.view import TimelineView

ELLIPSIS = "\u2026"
BRJANSK = "bridge-bryansk-2025-05-31"
KURSK = "bridge-kursk-2025-06-01"
MAY_CALL = "call-2025-05-19"


def rows(lane: LaneLayout) -> dict[float, list[Placed]]:
    """The labelled items of a lane by row, left to right."""
    by_row: dict[float, list[Placed]] = {}
    for item in lane.items:
        if not item.is_cluster:
            by_row.setdefault(item.glyph.y(), []).append(item)
    return {y: sorted(items, key=lambda i: i.hit.left()) for y, items in by_row.items()}


def footprint(item: Placed) -> Rect:
    """The mark and the band of an item (what no other label may cover)."""
    mark = Rect(item.glyph.x() - GLYPH, item.glyph.y() - GLYPH, 2 * GLYPH, 2 * GLYPH)
    return mark if item.band is None else mark.united(item.band)


def check_readable(view: TimelineView) -> None:
    layout = view.current_layout()
    width = view.viewport().width()
    assert layout.lanes
    for lane in layout.lanes:
        for row in rows(lane).values():
            for i, item in enumerate(row):
                assert item.label is not None
                title = view.renderer.index.events[item.positions[0]].title
                assert item.label.left() >= GUTTER, title  # never clipped at the left
                assert item.label.right() <= width, title
                others = [other for other in row if other is not item]
                for other in others:
                    assert other.label is not None
                    assert not item.label.intersects(other.label), (title, other.text)
                    assert not item.label.intersects(footprint(other)), (title, other.text)
                check_cut(item.text, title)
                if item.label.right() <= item.glyph.x() and item.text:
                    # Left of its mark: joined to it by a leader line.
                    assert item.leader is not None, title
                    assert item.leader[0] == pytest.approx(item.label.right()), title
                    assert item.leader[1] == pytest.approx(item.glyph.x() - GLYPH - 1), title
                    continue
                if item.text == title or item.glyph.x() < GUTTER or not item.text:
                    continue  # whole, pinned at the left edge (cut where it would end), hidden
                # Cut only where the room ends (at the next mark or the edge), at a word's end.
                else:
                    limit = row[i + 1].hit.left() if i + 1 < len(row) else width
                    assert item.label.right() + ITEM_GAP + 8 >= min(limit, width - 2), title


def check_cut(text: str, title: str) -> None:
    """``text`` is ``title`` whole, hidden, or cut after its second word or later."""
    if text in ("", title):
        return
    assert text.endswith(ELLIPSIS), (text, title)
    shown = text.removesuffix(ELLIPSIS)
    assert title.startswith(shown), (text, title)
    assert title[len(shown)] in " ,;:/-\u2013\u2014", (text, title)  # at a word's end
    assert len(shown.split()) >= 2, (text, title)


SIZES = [(1024, 700), (1280, 800), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_bundled_timeline_reads_at_the_default_zoom(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = make_window(qtbot)
    window.resize(*size)
    settle(qtbot)
    view = window.timeline_view
    view.fit_all()
    check_readable(view)
    brjansk, kursk = view.placed(BRJANSK), view.placed(KURSK)
    assert brjansk is not None
    assert kursk is not None
    # Titles that begin alike are cut at a word's end like any other (never in
    # the middle); the place names show where there is room, and on hover.
    if size[0] >= 1280:
        assert "Brjansk" in brjansk.text
        assert "Kursk" in kursk.text


def test_a_label_takes_the_room_up_to_the_next_mark(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    long_title = "Ein sehr langer Titel, " * 5 + "mit Ende"
    minimal["events"] = [
        {
            "id": "long",
            "kind": "call",
            "title": long_title,
            "date": {"precision": "day", "start": "2025-06-01"},
        },
        {
            "id": "later",
            "kind": "call",
            "title": "Später",
            "date": {"precision": "day", "start": "2025-06-20"},
        },
    ]
    minimal["quotes"] = []
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)), (1600, 400))
    item = view.placed("long")
    assert item is not None
    assert item.label is not None
    assert item.text == long_title  # 600 px of title, and the room for it
    assert item.label.width() > 600
    check_readable(view)


def test_a_label_left_of_the_plot_is_pinned_to_its_edge(
    qtbot: QtBot, bundled: Timeline, selection: Selection
) -> None:
    view = show_view(qtbot, selection, bundled, (1200, 520))
    item = view.placed(MAY_CALL)
    assert item is not None
    # Move the view until the call's mark sits 20 px left of the plot.
    view.pan_pixels(item.glyph.x() - (GUTTER - 20))
    item = view.placed(MAY_CALL)
    assert item is not None
    assert item.label is not None
    assert item.glyph.x() < GUTTER
    # Near the plot's edge, a leader line joining it to the edge its mark is past.
    assert item.label.left() == pytest.approx(GUTTER + LEADER_GAP)
    assert item.leader == (GUTTER, item.label.left())
    title = bundled.events_by_id[MAY_CALL].title
    # It keeps the room the whole label reached into the plot: shown from its
    # start ("Vorheriges …", never "rump …"), cut at a word's end.
    assert item.text.endswith(ELLIPSIS)
    check_cut(item.text, title)
    whole = view.renderer.label_width(view.renderer.index.position[MAY_CALL])
    assert item.label.right() == pytest.approx(item.glyph.x() + GLYPH + 4 + whole, abs=1)
    view.pan_pixels(item.label.width() - 10)  # almost all of it has left the plot
    item = view.placed(MAY_CALL)
    assert item is None or not item.text  # a sliver is not drawn
    check_readable(view)


def test_the_selected_label_is_not_shorter(
    qtbot: QtBot, bundled: Timeline, selection: Selection
) -> None:
    view = show_view(qtbot, selection, bundled, (1000, 520))
    before = {
        view.renderer.index.events[i.positions[0]].id: (i.text, i.label)
        for i in view.current_layout().items()
    }
    assert before
    for event_id, (text, label) in before.items():
        selection.select(event_id)
        item = view.placed(event_id)
        assert item is not None
        assert (item.text, item.label) == (text, label), event_id


def test_two_titles_that_begin_alike_are_cut_at_a_word_end(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection
) -> None:
    minimal["events"] = [
        {
            "id": place,
            "kind": "other",
            "title": f"Explosion an einer Brücke in der Region {place}",
            "date": {"precision": "day", "start": f"2025-06-0{day}"},
        }
        for day, place in ((1, "Brjansk"), (2, "Kursk"), (3, "Tula"))
    ]
    minimal["quotes"] = []
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)), (430, 400))
    texts = {
        view.renderer.index.events[i.positions[0]].id: i.text for i in view.current_layout().items()
    }
    cut = [text for text in texts.values() if ELLIPSIS in text]
    assert cut
    for place, text in texts.items():
        check_cut(text, f"Explosion an einer Brücke in der Region {place}")
        assert ELLIPSIS not in text[:-1]  # never in the middle


def test_labels_sit_on_a_plate_over_the_publication_line(
    qtbot: QtBot, bundled: Timeline, selection: Selection
) -> None:
    view = show_view(qtbot, selection, bundled, (1600, 520))
    published = bundled.sources_by_id["article"].published
    assert published is not None
    line_x = view.x_of(published.earliest)
    crossing = [
        item
        for item in view.current_layout().items()
        if item.label is not None
        and item.text
        and item.label.left() + 4 < line_x < item.label.right() - 4
    ]
    assert crossing, "some label runs across the publication line"
    image = view.grab().toImage()
    link = view.palette().color(QPalette.ColorRole.Link)

    def bluish(x: int, y: int) -> bool:
        pixel = QColor(image.pixel(x, y))
        return abs(pixel.hue() - link.hue()) < 20 and pixel.saturation() > 90

    for item in crossing:
        assert item.label is not None
        y0 = round(item.label.center().y() - 5 - view.verticalScrollBar().value())
        column = [bluish(round(line_x), y) for y in range(y0, y0 + 10)]
        assert not any(column), item.text
    # And where there is no label, the line is there to be seen.
    assert any(bluish(round(line_x), y) for y in range(60, image.height() - 30))


def test_an_open_end_is_a_band_that_fades_out_to_the_right(
    qtbot: QtBot, bundled: Timeline, selection: Selection
) -> None:
    view = show_view(qtbot, selection, bundled, (1600, 520))
    summit = view.placed("leaders-summit-proposed")
    assert summit is not None
    assert summit.band is not None
    day_width = 86400 / view.seconds_per_px
    assert summit.band.width() > day_width + 60  # runs on past its first day
    image = view.grab().toImage()
    base = view.palette().color(QPalette.ColorRole.Base)
    y = round(summit.band.top() + 3 - view.verticalScrollBar().value())

    def strength(x: float) -> int:
        pixel = QColor(image.pixel(round(x), y))
        return sum(abs(a - b) for a, b in zip(pixel.getRgb()[:3], base.getRgb()[:3], strict=True))

    # The label sits left of the mark, leaving the right to the band.
    assert summit.label is not None
    assert summit.label.right() < summit.glyph.x()
    left, right = summit.glyph.x() + GLYPH + 2, summit.band.right() - 3
    samples = [strength(left + (right - left) * k / 4) for k in range(5)]
    assert samples[0] > 40  # coloured where it starts
    assert samples == sorted(samples, reverse=True)  # fading out to the right
    assert samples[-1] < samples[0] / 3
    assert describe_date(bundled.events_by_id["leaders-summit-proposed"].date) == (
        "from 9 June 2025 on"
    )
    assert "from 9 June 2025 on" in view.tooltip_text(
        QPointF(view.event_pos("leaders-summit-proposed"))
    )


def test_the_month_above_the_ticks_is_drawn_in_the_text_colour(
    qtbot: QtBot, bundled: Timeline, selection: Selection
) -> None:
    view = show_view(qtbot, selection, bundled, (1200, 520))
    _ticks, context = view.renderer.axis_labels(view.current_layout())
    x = round(context[-1][0])
    image = view.grab().toImage().copy(x, 0, 60, 20)
    text = view.palette().color(QPalette.ColorRole.WindowText)
    darkest = min(
        QColor(image.pixel(i, j)).lightness() for i in range(image.width()) for j in range(20)
    )
    assert darkest <= text.lightness() + 40


@pytest.mark.parametrize("seed", range(12))
def test_labels_stay_readable_on_random_timelines(
    qtbot: QtBot, minimal: dict[str, Any], selection: Selection, seed: int
) -> None:
    """Random days, durations and open ends, titles that begin alike; zoom, pan, select."""
    rng = random.Random(seed)
    events = []
    for i in range(rng.randrange(1, 60)):
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(200))
        when: dict[str, Any] = {"precision": "day", "start": day.isoformat()}
        if rng.random() < 0.2:
            when["end"] = (day + timedelta(days=rng.randrange(1, 40))).isoformat()
        elif rng.random() < 0.15:
            when["end"] = ".."
        stem = rng.choice(["Explosion an einer Brücke in der Region ", "Telefonat ", "X"])
        events.append(
            {
                "id": f"e{i}",
                "kind": rng.choice(["call", "attack"]),
                "title": stem + str(i) * rng.randrange(1, 8),
                "date": when,
                "status": rng.choice(["occurred", "announced"]),
            }
        )
    minimal["events"], minimal["quotes"] = events, []
    size = (rng.choice([400, 800, 1300]), 400)
    view = show_view(qtbot, selection, parse_timeline(dump(minimal)), size)
    check_readable(view)
    for _ in range(4):
        view.zoom(rng.choice([1, 2, 4, 0.5]), rng.uniform(0, size[0]))
        view.pan_pixels(rng.uniform(-500, 500))
        if rng.random() < 0.5:
            chosen = rng.choice(events)["id"]
            selection.clear()  # selecting the selected one again does nothing
            selection.select(chosen)
            item = view.placed(chosen)
            assert item is not None
            assert item.label is not None
            whole = view.renderer.label_width(view.renderer.index.position[chosen])
            assert item.label.width() + 1 >= min(whole, LEAST_LABEL), "selected, readable"
        check_readable(view)


def test_a_large_font_scales_the_whole_timeline_and_clicks_still_find_events(
    qtbot: QtBot, bundled: Timeline, selection: Selection
) -> None:
    view = show_view(qtbot, selection, bundled, (1000, 600))
    assert view.scale == 1.0  # the default font: the geometry as made
    small = view.event_pos("call-2025-06-04")
    font = view.font()
    font.setPointSizeF(22)
    view.setFont(font)
    line = QFontMetricsF(font).height()
    assert view.scale == round(line / BASE_TEXT_HEIGHT * 4) / 4  # in quarter steps
    # Rows, gutter and axis grow with the font: a row holds a line of it, and
    # every lane's name fits the gutter.
    assert ROW_HEIGHT * view.scale >= line
    measured = QFontMetricsF(view.renderer.font)
    for kind in EventKind:
        assert measured.horizontalAdvance(kind_plural(kind)) <= GUTTER - 28, kind
    pos = view.event_pos("call-2025-06-04")
    assert pos is not None
    assert small is not None
    assert pos.y() > small.y()  # the lanes above it are taller now
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert selection.event_id == "call-2025-06-04"
    statements = next(la for la in view.current_layout().lanes if la.kind is EventKind.STATEMENT)
    y = view.to_view(0, statements.top + ROW_HEIGHT / 2).y()
    assert view.tooltip_text(QPointF(40 * view.scale, y)).splitlines()[0] == "Statements"
    assert view.item_at(QPointF(view.gutter - 2, y)) is None  # the gutter holds no events


def test_the_hovered_and_the_selected_event_show_their_whole_title(
    qtbot: QtBot, bundled: Timeline, selection: Selection
) -> None:
    view = show_view(qtbot, selection, bundled, (1024, 520))
    cut = [
        item
        for item in view.current_layout().items()
        if item.label is not None and item.text.endswith(ELLIPSIS)
    ]
    assert cut, "some labels are cut at this width"
    offset = view.verticalScrollBar().value()

    def strip(image: QImage, item: Placed, left: float, lines: list[str]) -> list[int]:
        """The pixels along the last line of the whole title, where it would be painted."""
        assert item.label is not None
        metrics = QFontMetricsF(view.renderer.label_font(item.positions[0]))
        step = max(metrics.height(), 16)
        y = round(item.label.center().y() + (len(lines) - 1) * step - offset)
        right = left + max(metrics.horizontalAdvance(line) for line in lines)
        xs = range(round(left), round(right), 3)
        return [image.pixel(x, y + dy) for x in xs for dy in (-3, 0, 3)]

    for item in cut[:2]:
        event_id = view.renderer.index.id_of(item.positions[0])
        title = bundled.events_by_id[event_id].title
        metrics = QFontMetricsF(view.renderer.label_font(item.positions[0]))
        left, lines = whole_title_lines(item, title, metrics, view.viewport().width())
        assert " ".join(lines) == title  # whole, on one line or two
        assert left >= GUTTER
        plain = view.grab().toImage()
        pos = view.event_pos(event_id)
        assert pos is not None
        qtbot.mouseMove(view.viewport(), pos)
        qtbot.waitUntil(lambda event_id=event_id: view.renderer.hovered == event_id)
        before = strip(plain, item, left, lines)
        assert strip(view.grab().toImage(), item, left, lines) != before, title
        qtbot.mouseMove(view.viewport(), QPoint(8, view.viewport().height() - 8))
        qtbot.waitUntil(lambda: view.renderer.hovered is None)
        assert strip(view.grab().toImage(), item, left, lines) == before
        selection.select(event_id)
        assert strip(view.grab().toImage(), item, left, lines) != before, title
        selection.clear()
