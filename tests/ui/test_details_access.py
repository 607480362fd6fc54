"""The details pane as a screen reader and the keys find it: a document whose
links Tab reaches, Enter follows and assistive technology sees and presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import strip_isolates
from tests.ui.test_details import HOSTILE_TEXT, _hostile_timeline
from tests.ui.test_notes_ui import fill_dialog
from tests.ui.windows import make_window
from viewer.domain.notes import NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.ui.document.selection import Selection
from viewer.ui.main_window import MainWindow
from viewer.ui.panels.details import DetailsPanel
from viewer.ui.panels.details_browser import DetailsAccessible, DetailsBrowser
from viewer.ui.panels.note_dialog import NoteDialog

CALL = "call-2025-06-04"


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def document_of(browser: DetailsBrowser) -> DetailsAccessible:
    interface = QAccessible.queryAccessibleInterface(browser)
    assert isinstance(interface, DetailsAccessible)
    return interface


def links_of(browser: DetailsBrowser) -> list[QAccessibleInterface]:
    document = document_of(browser)
    links = [document.child(n) for n in range(document.childCount())]
    assert links
    assert all(link is not None for link in links)
    return [link for link in links if link is not None]


def name(interface: QAccessibleInterface) -> str:
    return strip_isolates(interface.text(QAccessible.Text.Name))


def tab_to(qtbot: QtBot, browser: DetailsBrowser, words: str, *, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) in the pane until the keys are on the link ``words``."""
    key = Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab
    for _ in range(60):
        index = browser.current_link()
        if index is not None and strip_isolates(browser.links()[index].text) == words:
            return
        assert focused() is browser, f"Tab left the pane before {words!r}"
        qtbot.keyClick(browser, key)
    pytest.fail(f"Tab never reached {words!r}")


@pytest.fixture
def framed(qtbot: QtBot, selection: Selection, bundled: Timeline) -> tuple[QWidget, DetailsPanel]:
    """The pane between two line edits, in an active window, with the call selected."""
    window = QWidget()
    layout = QVBoxLayout(window)
    # Made in the order Tab visits them.
    before = QLineEdit(window)
    panel = DetailsPanel(selection, window)
    after = QLineEdit(window)
    before.setObjectName("before")
    after.setObjectName("after")
    layout.addWidget(before)
    layout.addWidget(panel)
    layout.addWidget(after)
    window.resize(700, 900)
    qtbot.addWidget(window)
    panel.set_timeline(bundled)
    selection.select(CALL)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, panel


def test_a_screen_reader_finds_a_document_of_links(
    framed: tuple[QWidget, DetailsPanel],
) -> None:
    _window, panel = framed
    document = document_of(panel.browser)
    assert document.role() == QAccessible.Role.Document  # not a label
    assert document.text(QAccessible.Text.Name) == "Event details"
    assert document.state().readOnly
    assert document.state().focusable
    text = document.textInterface()
    assert text is not None
    assert text.characterCount() == len(panel.plain_text())
    assert strip_isolates(text.text(0, 35)).startswith("Telefonat zwischen Trump und Putin")
    links = links_of(panel.browser)
    assert {link.role() for link in links} == {QAccessible.Role.Link}
    names = [name(link) for link in links]
    assert "Show translation (en)" in names
    assert "[1]" in names
    assert "Vorheriges Telefonat zwischen Trump und Putin" in names  # a related event
    for link in links:
        assert document.indexOfChild(link) == links.index(link)
        assert link.parent() is document
        assert link.state().linked
        action = link.actionInterface()
        assert action is not None
        assert action.actionNames() == ["Press"]
    source = links[names.index("[1]")]
    cited = strip_isolates(source.text(QAccessible.Text.Description))
    assert cited  # the title of the source it cites, as listed under Sources
    assert f"[1] {cited}" in strip_isolates(panel.plain_text()).split("Sources", 1)[1]


def test_tab_reaches_the_links_and_enter_follows_them(
    qtbot: QtBot, framed: tuple[QWidget, DetailsPanel]
) -> None:
    window, panel = framed
    browser = panel.browser
    before = window.findChild(QLineEdit, "before")
    after = window.findChild(QLineEdit, "after")
    assert before is not None
    assert after is not None
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert focused() is browser  # the pane takes the keys, on no link yet
    assert browser.current_link() is None
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert browser.current_link() == 0  # the first link
    document = document_of(browser)
    first = document.focusChild()
    assert first is not None
    assert first.state().focused
    assert name(first) == strip_isolates(browser.links()[0].text)
    tab_to(qtbot, browser, "Show translation (en)")
    link = document.focusChild()
    assert link is not None
    assert name(link) == "Show translation (en)"
    assert link.state().focused
    assert not first.state().focused
    with qtbot.waitSignal(panel.translationsRequested):
        qtbot.keyClick(browser, Qt.Key.Key_Return)
    # Past the last link Tab leaves the pane; Shift+Tab comes back to it, then its last link.
    for _ in range(60):
        if focused() is not browser:
            break
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert focused() is after
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert focused() is browser
    qtbot.keyClick(browser, Qt.Key.Key_Backtab)
    assert browser.current_link() == len(browser.links()) - 1


def test_the_press_action_follows_a_link(
    qtbot: QtBot, framed: tuple[QWidget, DetailsPanel]
) -> None:
    _window, panel = framed
    links = links_of(panel.browser)
    shown = [link for link in links if name(link) == "Show translation (en)"]
    assert shown
    action = shown[0].actionInterface()
    assert action is not None
    with qtbot.waitSignal(panel.translationsRequested):
        action.doAction("Press")
    related = [link for link in links if name(link).startswith("Vorheriges Telefonat")]
    assert related
    action = related[0].actionInterface()
    assert action is not None
    action.doAction("Press")
    assert panel.current_event_id != CALL  # the related event is selected


def test_the_keys_add_edit_and_delete_notes_from_the_pane(qtbot: QtBot) -> None:
    window: MainWindow = make_window(qtbot)
    window.selection.select(CALL)
    browser = window.details.browser
    browser.setFocus()
    tab_to(qtbot, browser, "\u270e Add Note…")
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    fill_dialog(qtbot, window, "Notiz per Tastatur")
    assert [n.text for n in window.notes.notes()] == ["Notiz per Tastatur"]
    qtbot.waitUntil(lambda: focused() is browser)  # back from the dialog
    # The pane shows the note now; the keys are still on the link they followed.
    index = browser.current_link()
    assert index is not None
    assert strip_isolates(browser.links()[index].text) == "\u270e Add Note…"

    # "edit" and "delete" say which note they act on.
    edit_link = [link for link in links_of(browser) if name(link) == "edit"]
    assert len(edit_link) == 1
    assert "Notiz per Tastatur" in edit_link[0].text(QAccessible.Text.Description)
    tab_to(qtbot, browser, "edit", back=True)
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    fill_dialog(qtbot, window, "geaendert")
    assert [n.text for n in window.notes.notes()] == ["geaendert"]

    qtbot.waitUntil(lambda: focused() is browser)
    tab_to(qtbot, browser, "delete")
    with qtbot.waitSignal(window.notes.confirmed) as said:
        qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert "deleted" in said.args[0]
    assert window.notes.notes() == []
    assert "geaendert" not in window.details.plain_text()
    # Nothing of the note is left to follow; the keys stay in the pane, on a link.
    assert focused() is browser
    assert browser.current_link() is not None


def test_a_quote_note_through_the_press_action(qtbot: QtBot) -> None:
    window: MainWindow = make_window(qtbot)
    window.selection.select(CALL)
    window.notes.add(NoteTarget(kind=TargetKind.EVENT, id=CALL), "schon da")
    links = links_of(window.details.browser)
    adds = [link for link in links if name(link) == "Add Note…"]
    assert adds  # one under each quote
    description = adds[0].text(QAccessible.Text.Description)
    assert description.startswith("Note on ")  # which quote it is for
    action = adds[0].actionInterface()
    assert action is not None
    action.doAction("Press")
    dialog = window.note_actions.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.waitUntil(dialog.isVisible)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert [n.text for n in window.notes.notes()] == ["schon da"]


def _has_colour(image: QImage, colour: QColor, xs: range, ys: range) -> bool:
    return any(QColor(image.pixel(x, y)) == colour for x in xs for y in ys)


def test_the_focus_and_the_link_the_keys_are_on_are_visible(
    qtbot: QtBot, framed: tuple[QWidget, DetailsPanel]
) -> None:
    window, panel = framed
    browser = panel.browser
    highlight = browser.palette().color(QPalette.ColorRole.Highlight)
    before = window.findChild(QLineEdit, "before")
    assert before is not None
    before.setFocus()
    image = browser.viewport().grab().toImage()
    middle = image.height() // 2
    assert QColor(image.pixel(1, middle)) != highlight
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    image = browser.viewport().grab().toImage()
    assert QColor(image.pixel(1, middle)) == highlight  # a frame round the pane
    tab_to(qtbot, browser, "Show translation (en)")
    index = browser.current_link()
    assert index is not None
    rects = browser.link_rects(browser.links()[index])
    assert rects
    image = browser.viewport().grab().toImage()
    rect = rects[0]
    # A frame round the link: the highlight just left of its words.
    left_of_words = range(rect.left() - 3, rect.left())
    assert _has_colour(image, highlight, left_of_words, range(rect.top(), rect.bottom() + 1))


def test_link_names_from_the_data_are_plain_text(qtbot: QtBot, selection: Selection) -> None:
    panel = DetailsPanel(selection)
    qtbot.addWidget(panel)
    panel.set_timeline(_hostile_timeline())
    selection.select("e")
    names = [name(link) for link in links_of(panel.browser)]
    assert f"related {HOSTILE_TEXT}" in names
    assert "z" not in names  # "<a href=http://evil>z</a>" in the data is no link
