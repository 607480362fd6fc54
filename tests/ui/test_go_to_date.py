"""Go > Go to Date (Ctrl+G): a day typed is the middle of the view, at the same zoom."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.conftest import REPO
from tests.ui.test_language import german  # noqa: F401 (a fixture)
from tests.ui.windows import make_window
from viewer.domain.calendar import Day, day_of, seconds_of
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.go_to_date import GoToDateDialog

MIN_DAY = Day(-9999, 1, 1)
NOON_2_JUNE = datetime(2025, 6, 2, 12, tzinfo=UTC).timestamp()


def middle(window: MainWindow) -> float:
    """The time in the middle of the timeline's view, by the view's own mapping."""
    view = window.timeline_view
    return view.t_of(view.gutter + view.time_area_width() / 2)


def open_dialog(qtbot: QtBot, window: MainWindow) -> GoToDateDialog:
    qtbot.keySequence(window.timeline_view, QKeySequence("Ctrl+G"))
    dialog = window.findChild(GoToDateDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.date_edit.hasFocus)
    return dialog


def type_day(qtbot: QtBot, dialog: GoToDateDialog, day: str) -> None:
    """Type ``day`` as the dialog opened, as a reader would: straight over the day shown."""
    qtbot.keyClicks(dialog.date_edit, day)


def test_ctrl_g_puts_the_day_typed_in_the_middle_at_the_same_zoom(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    view.zoom(3)
    spp = view.seconds_per_px
    dialog = open_dialog(qtbot, window)
    # It starts at the day in the middle of the view.
    shown = day_of(middle(window))
    assert dialog.day() == shown
    type_day(qtbot, dialog, "2 June 2025")
    assert dialog.date_edit.text() == "2 June 2025"
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert abs(view.x_of(NOON_2_JUNE) - (view.gutter + view.time_area_width() / 2)) <= 1
    assert abs(middle(window) - NOON_2_JUNE) <= spp
    assert view.seconds_per_px == spp
    assert window.statusBar().currentMessage() == "Showing 2 June 2025"


def test_a_day_outside_the_timeline_is_shown_too(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    dialog = open_dialog(qtbot, window)
    type_day(qtbot, dialog, "1 January 1990")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Enter)
    noon = datetime(1990, 1, 1, 12, tzinfo=UTC).timestamp()
    assert abs(middle(window) - noon) <= window.timeline_view.seconds_per_px


def test_escape_leaves_the_view_where_it_was(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    before = (view.t0, view.seconds_per_px)
    dialog = open_dialog(qtbot, window)
    type_day(qtbot, dialog, "2 June 2024")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Escape)
    assert (view.t0, view.seconds_per_px) == before
    assert window.statusBar().currentMessage() == ""


def test_the_go_menu_lists_it_with_its_key_in_english_and_german(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.menus["go_to_date"].text() == "Go to &Date…"
    assert ("Go to Date…", "Ctrl+G") in window.menus.shortcut_rows()


def test_in_german_its_mnemonic_is_its_own(qtbot: QtBot, german: None) -> None:  # noqa: F811
    window = make_window(qtbot)
    go = [window.menus[name].text() for name in ("back", "forward", "go_to_date")]
    assert go[2] == "Zu &Datum gehen…"
    keys = [text[text.index("&") + 1].lower() for text in go]
    assert len(set(keys)) == len(keys)


def test_a_day_typed_with_a_two_digit_day_keeps_its_month(qtbot: QtBot) -> None:
    # A field of sections jumped to the month after "15" and skipped it at the space.
    window = make_window(qtbot)
    written = ("15 March 1999", "15 march 1999", "March 15, 1999", "1999-03-15", "15/3/1999")
    for text in written:
        dialog = open_dialog(qtbot, window)
        type_day(qtbot, dialog, text)
        assert dialog.day() == Day(1999, 3, 15), text
        with qtbot.waitSignal(dialog.finished):
            qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
        assert window.statusBar().currentMessage() == "Showing 15 March 1999"
        qtbot.waitUntil(lambda: window.findChild(GoToDateDialog) is None)  # closed, deleted
        window.activateWindow()  # the keys go to the window again
        qtbot.waitUntil(window.isActiveWindow)


def test_in_german_a_day_is_typed_as_germans_write_it(qtbot: QtBot, german: None) -> None:  # noqa: F811
    window = make_window(qtbot)
    for text in ("15.3.1999", "15. März 1999", "15 March 1999"):
        dialog = open_dialog(qtbot, window)
        if text.isascii():
            type_day(qtbot, dialog, text)
        else:  # QTest types no "ä": pasted over the day shown, as a reader may
            dialog.date_edit.insert(text)
        assert dialog.day() == Day(1999, 3, 15), text
        with qtbot.waitSignal(dialog.finished):
            qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
        assert window.statusBar().currentMessage() == "Angezeigt: 15. März 1999"
        qtbot.waitUntil(lambda: window.findChild(GoToDateDialog) is None)  # closed, deleted
        window.activateWindow()  # the keys go to the window again
        qtbot.waitUntil(window.isActiveWindow)


def test_a_text_that_names_no_day_is_said_and_the_dialog_stays(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    view = window.timeline_view
    before = view.t0
    dialog = open_dialog(qtbot, window)
    type_day(qtbot, dialog, "next Tuesday")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "Type a day, such as 2 June 2025 or 2025-06-02."
    assert view.t0 == before
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Escape)


def test_a_day_before_the_common_era_is_gone_to(qtbot: QtBot) -> None:
    """Typed as the app writes it, or in ISO 8601's astronomical years; and the
    day the dialog starts at reads back, BC too."""
    window = make_window(qtbot, REPO / "tests" / "data" / "model" / "caesar-44bc.json")
    view = window.timeline_view
    spp = view.seconds_per_px
    ides_noon = seconds_of(-43, 3, 15, 12)
    for text in ("15 March 44 BC", "-0043-03-15", "15 march 44 bc", "15/3/44 BC"):
        dialog = open_dialog(qtbot, window)
        type_day(qtbot, dialog, text)
        assert dialog.day() == Day(-43, 3, 15), text
        with qtbot.waitSignal(dialog.finished):
            qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
        assert abs(middle(window) - ides_noon) <= spp, text
        assert view.seconds_per_px == spp
        assert window.statusBar().currentMessage() == "Showing 15 March 44 BC"
        qtbot.waitUntil(lambda: window.findChild(GoToDateDialog) is None)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    dialog = open_dialog(qtbot, window)
    assert dialog.date_edit.text() == "15 March 44 BC"  # where the view is
    span = dialog.findChild(QLabel, "goToDateSpan")
    assert span is not None
    assert span.text() == "The timeline runs from 1 January 49 BC to 1 January AD 15."
    for text, day in (
        ("29 February 1 BC", Day(0, 2, 29)),
        ("1 January 10000 BC", Day(-9999, 1, 1)),
    ):
        dialog.date_edit.setText(text)
        assert dialog.day() == day, text
    for wrong in ("29 February 2 BC", "1 January 10001 BC", "1 January 0", "-10000-01-01"):
        dialog.date_edit.setText(wrong)
        assert dialog.day() is None, wrong
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Escape)
