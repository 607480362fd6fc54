"""Filters in the window: the menu, the chips, and every view showing the same events."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.conftest import REPO, dump
from tests.ui.windows import active_window, make_window
from viewer.domain.model import EventKind
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.persistence.paths import bundled_timeline
from viewer.ui import i18n
from viewer.ui.main_window import MainWindow
from viewer.ui.models.roles import ItemRole


def menu_action(window: MainWindow, *path: str) -> QAction:
    """The Filter menu's entry at ``path`` (its texts without "&"), as the menu shows it."""
    menu: QMenu = window.filter_bar.menu
    menu.aboutToShow.emit()  # the menu is filled when it opens
    for part in path:
        action = next(a for a in menu.actions() if a.text().replace("&", "") == part)
        if action.menu() is None:
            return action
        menu = action.menu()
    raise AssertionError(f"{path} is a submenu")


def drawn_ids(window: MainWindow) -> set[str]:
    index = window.timeline_view.renderer.index
    return {index.id_of(p) for p in range(len(index))}


def table_ids(window: MainWindow) -> set[str]:
    model = window.events_table.model
    return {model.index(row, 0).data(ItemRole.EVENT_ID) for row in range(model.rowCount())}


def quoted_event_ids(window: MainWindow) -> set[str]:
    """The events of every quote the quotes panel lists, speaker by speaker."""
    panel = window.quotes
    found = set()
    for row in range(panel.actor_model.rowCount()):
        panel.choose_actor_row(row)
        proxy = panel.quote_model
        found |= {proxy.index(r, 0).data(ItemRole.EVENT_ID) for r in range(proxy.rowCount())}
    return found


def chip_texts(window: MainWindow) -> list[str]:
    return [chip.text() for chip in window.filter_bar.chips if chip.isVisible()]


def test_a_kind_filter_changes_the_timeline_the_table_and_the_quotes(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    everything = drawn_ids(window)
    assert table_ids(window) == everything
    all_quoted = quoted_event_ids(window)
    menu_action(window, "Kind", "Talks").trigger()
    talks = {e.id for e in window.document.timeline.events if e.kind is EventKind.TALKS}
    assert drawn_ids(window) == talks
    assert table_ids(window) == talks
    assert quoted_event_ids(window) == all_quoted & talks
    lanes = {lane.kind for lane in window.timeline_view.current_layout().lanes}
    assert lanes == {EventKind.TALKS}
    assert chip_texts(window) == ["Kind: Talks  \u2715"]
    assert window.filter_bar.count.text() == f"Showing {len(talks)} of {len(everything)} events"
    assert menu_action(window, "Kind", "Talks").isChecked()
    # The chip's cross takes the filter away again.
    qtbot.mouseClick(window.filter_bar.chips[0], Qt.MouseButton.LeftButton)
    assert drawn_ids(window) == everything
    assert table_ids(window) == everything
    assert chip_texts(window) == []
    assert not window.filter_bar.clear_button.isVisible()


def test_an_actor_filter_keeps_who_takes_part_or_is_quoted(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    menu_action(window, "Actor (taking part or quoted)", "Johann Wadephul").trigger()
    timeline = window.document.timeline
    expected = {
        e.id
        for e in timeline.events
        if "wadephul" in e.participants
        or any(q.speaker == "wadephul" for q in timeline.quotes_by_event.get(e.id, ()))
        or any(c.by == "wadephul" or c.via == "wadephul" for c in e.claims)
    }
    assert drawn_ids(window) == expected
    assert table_ids(window) == expected
    # Speakers are listed with the quotes they have among the kept events.
    speakers = window.quotes.actor_model
    ids = [speakers.index(r, 0).data(ItemRole.ACTOR_ID) for r in range(speakers.rowCount())]
    assert "wadephul" in ids
    assert chip_texts(window) == ["Actor: Johann Wadephul  \u2715"]


def test_kinds_combine_with_status_and_clear_filters(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    menu_action(window, "Kind", "Talks").trigger()
    menu_action(window, "Status", "Proposed").trigger()
    assert drawn_ids(window) == {"leaders-summit-proposed"}
    assert len(chip_texts(window)) == 2
    qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert len(drawn_ids(window)) == len(window.document.timeline.events)


def test_has_my_notes_and_tags_follow_the_notes(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    menu_action(window, "Has My Notes").trigger()
    assert drawn_ids(window) == set()
    assert table_ids(window) == set()
    target = NoteTarget(kind=TargetKind.EVENT, id="drone-strike-2025-06-01")
    window.notes.add(target, "Zahlen prüfen", ("Drohnen",))
    assert drawn_ids(window) == {"drone-strike-2025-06-01"}
    menu_action(window, "Has My Notes").trigger()
    menu_action(window, "Tag", "#Drohnen").trigger()
    assert table_ids(window) == {"drone-strike-2025-06-01"}
    assert chip_texts(window) == ["Tag: #Drohnen  \u2715"]


def test_a_date_range_from_the_dialog(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    menu_action(window, "Date Range…").trigger()
    dialog = window.filter_bar.date_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.first.setDate(QDate(2025, 6, 4))
    dialog.last.setDate(QDate(2025, 6, 4))
    dialog.accept()
    assert chip_texts(window) == ["4 June 2025  \u2715"]
    shown = drawn_ids(window)
    assert "call-2025-06-04" in shown
    assert "talks-istanbul-2025-05-16" not in shown
    qtbot.mouseClick(window.filter_bar.chips[0], Qt.MouseButton.LeftButton)  # the whole range
    assert chip_texts(window) == []
    assert "talks-istanbul-2025-05-16" in drawn_ids(window)


def test_a_date_range_before_the_common_era_from_the_dialog(qtbot: QtBot) -> None:
    """Qt's fields write 44 BC as -0044 (a QDate has no year 0): the app's words stand below."""
    window = active_window(qtbot, REPO / "tests" / "data" / "model" / "caesar-44bc.json")
    menu_action(window, "Date Range…").trigger()
    dialog = window.filter_bar.date_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    # It starts at the timeline's span: from 1 January 49 BC.
    assert dialog.first.date() == QDate(-49, 1, 1)
    assert dialog.said[0].text() == "1 January 49 BC"
    dialog.first.setDate(QDate(-44, 3, 15))
    dialog.last.setDate(QDate(-44, 3, 15))
    assert [said.text() for said in dialog.said] == ["15 March 44 BC", "15 March 44 BC"]
    dialog.accept()
    assert chip_texts(window) == ["15 March 44 BC  \u2715"]
    assert table_ids(window) == {"ides", "senate", "civil-war"}
    assert drawn_ids(window) == {"ides", "senate", "civil-war"}


def test_each_timeline_remembers_its_filter(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window = active_window(qtbot)
    menu_action(window, "Kind", "Calls").trigger()
    other = tmp_path / "other.json"
    other.write_bytes(dump(minimal))
    assert window.open_file(other)
    assert chip_texts(window) == []
    assert drawn_ids(window) == {"e1", "e2"}
    assert window.open_file(bundled_timeline())
    assert chip_texts(window) == ["Kind: Calls  \u2715"]
    window.close()
    # And after a restart.
    again = active_window(qtbot)
    assert chip_texts(again) == ["Kind: Calls  \u2715"]
    assert all(
        again.document.timeline.events_by_id[i].kind is EventKind.CALL for i in drawn_ids(again)
    )


def test_find_looks_among_the_filtered_events(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    menu_action(window, "Kind", "Statements").trigger()
    window.open_find()
    qtbot.keyClicks(window.find_bar.edit, "selenskyj")
    window.finder.finish()
    timeline = window.document.timeline
    found = {timeline.events.ids[int(row)] for row in window.finder.rows}
    assert found == {"selenskyj-statement-2025-06-04"}


def test_the_exported_picture_shows_the_filtered_events(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    menu_action(window, "Kind", "Attacks").trigger()
    out = tmp_path / "attacks.svg"
    window.exports.export_to(out)
    raw = out.read_text(encoding="utf-8")
    assert "Drohnenangriff des SBU" in raw
    assert "Sikorski in Berlin" not in raw
    assert "Filter: Kind: Attacks" in raw


def test_a_filter_in_the_settings_that_makes_no_sense_is_left_out(qtbot: QtBot) -> None:
    from viewer.persistence.paths import AppPaths
    from viewer.ui.app import open_settings

    settings = open_settings(AppPaths.from_environment())
    settings.setValue("filter/trump-putin-2025-06", '{"start": 5e11, "kinds": ["call", 7]}')
    settings.sync()
    window = active_window(qtbot)
    assert chip_texts(window) == ["Kind: Calls  \u2715"]


def test_chips_wrap_onto_more_lines_and_each_stays_whole(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    for kind in ("call", "attack", "statement", "proposal", "sanctions"):
        window.filters.toggle("kinds", kind)
    bar = window.filter_bar
    assert bar.heightForWidth(300) > bar.heightForWidth(3000)  # more lines when narrow
    window.resize(900, 700)
    qtbot.waitUntil(lambda: bar.width() < 700)
    QApplication.processEvents()
    parts = [bar.menu_button, *bar.chips, bar.clear_button, bar.count]
    for part in parts:  # inside the bar, none on top of another
        assert bar.rect().contains(part.geometry()), part.text()
    for a, b in itertools.combinations(parts, 2):
        assert not a.geometry().intersects(b.geometry())
    # Reading order: line by line, left to right.
    order = sorted(parts, key=lambda p: (p.geometry().center().y() // 10, p.geometry().x()))
    assert order == parts
    assert len({p.geometry().top() // 10 for p in parts}) > 1  # it did wrap


def test_a_short_window_never_cuts_chips_off(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    for kind in ("call", "attack", "statement", "proposal", "sanctions", "meeting", "talks"):
        window.filters.toggle("kinds", kind)
    for status in ("occurred", "announced", "proposed", "demanded"):
        window.filters.toggle("statuses", status)
    font = window.font()
    font.setPointSizeF(20)
    window.setFont(font)
    window.resize(1000, 500)
    bar = window.filter_bar
    qtbot.waitUntil(lambda: bar.height() >= bar.heightForWidth(bar.width()))
    assert bar.chips
    for chip in bar.chips:
        assert bar.rect().contains(chip.geometry()), chip.text()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_kind_menu_names_each_kind_as_its_lane_does(
    qtbot: QtBot, qapp: QApplication, language: str
) -> None:
    before = QLocale()
    installed = i18n.install(qapp, language) if language != "en" else []
    try:
        window = active_window(qtbot)
        view = window.timeline_view
        layout = view.current_layout()
        headers: dict[EventKind, str] = {}
        for lane in layout.lanes:  # the name the gutter shows for the lane
            at = view.to_view(0, lane.top + lane.height / 2)
            assert lane.kind is not None
            headers[lane.kind] = view.tooltip_text(QPointF(10, at.y())).splitlines()[0]
        assert len(headers) >= 4
        menu = window.filter_bar.menu
        menu.aboutToShow.emit()  # the menu is filled when it opens
        kinds = menu.actions()[0].menu()  # Filter > Kind
        assert kinds is not None
        entries = dict(zip(EventKind, (a.text() for a in kinds.actions()), strict=True))
        assert {kind: entries[kind] for kind in headers} == headers
        if language == "de":
            assert headers[EventKind.CALL] == "Telefonate"
        else:
            assert headers[EventKind.CALL] == "Calls"
    finally:  # English again for the tests after
        i18n.uninstall(qapp, installed)
        QLocale.setDefault(before)


def test_removing_a_chip_by_keys_leaves_the_keys_on_the_next_one(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.filters.toggle("kinds", "call")
    window.filters.toggle("kinds", "talks")
    bar = window.filter_bar
    first = bar.chips[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Space)  # removes its filter
    assert len(bar.chips) == 1
    assert bar.chips[0].hasFocus()  # the chip now in its place
    qtbot.keyClick(bar.chips[0], Qt.Key.Key_Space)
    assert bar.chips == []
    assert bar.menu_button.hasFocus()  # none left: back to Filter
