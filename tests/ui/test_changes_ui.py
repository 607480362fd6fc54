"""What changed since the reader last looked: the first look is the baseline; a
file changed on disk and read again, or opened again, lists its new, changed
and removed events in the Changes panel, until Mark All as Seen."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from tests.cli.test_import_cli import ACLED
from tests.conftest import dump, strip_isolates
from tests.ui.windows import active_window
from viewer.ui.main_window import MainWindow
from viewer.ui.models.roles import ItemRole
from viewer.ui.timeline.palette import changed_color


def settled(qtbot: QtBot, window: MainWindow) -> None:
    """The comparison in its thread done, and its result shown."""
    window.changes.wait()
    qtbot.waitUntil(lambda: window.changes.settled)


def listed(window: MainWindow) -> list[str]:
    tree = window.changes_panel.tree
    lines = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        lines.append(strip_isolates(item.text(0)))
        lines += ["  " + strip_isolates(item.child(j).text(0)) for j in range(item.childCount())]
    return lines


def edited(minimal: dict[str, Any]) -> dict[str, Any]:
    """``minimal`` a week later: e1 retitled, e2 gone, e3 new."""
    data = copy.deepcopy(minimal)
    data["events"][0]["title"] = "Anruf am Morgen"
    data["events"][0]["related"] = []
    del data["events"][1]
    data["events"].append(
        {"id": "e3", "kind": "talks", "title": "Gespräch", "date": minimal["events"][0]["date"]}
    )
    return data


def first_look(qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]) -> tuple[MainWindow, Path]:
    """A window that opened ``minimal`` for the first time (its baseline)."""
    path = tmp_path / "t.json"
    path.write_bytes(dump(minimal))
    window = active_window(qtbot, path)
    settled(qtbot, window)
    assert window.changes.count == 0  # the first look is the baseline
    return window, path


def changed_since(qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]) -> tuple[MainWindow, Path]:
    """A window that saw ``minimal``, then opened it again :func:`edited`."""
    window, path = first_look(qtbot, tmp_path, minimal)
    path.write_bytes(dump(edited(minimal)))
    assert window.open_file(path)
    settled(qtbot, window)
    return window, path


def test_the_first_look_is_the_baseline_and_a_change_is_listed(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window, path = first_look(qtbot, tmp_path, minimal)
    assert window.changes_panel.empty.text() == "No changes since you last looked."
    path.write_bytes(dump(edited(minimal)))
    assert window.open_file(path)  # opened again (as after a change on disk)
    settled(qtbot, window)
    assert window.changes.count == 3
    assert listed(window) == [
        "New: Gespräch",
        "Changed: Anruf am Morgen",
        "  title: Anruf → Anruf am Morgen",
        '  related: ["e2"] → []',
        "Removed: Angriff",
    ]
    assert strip_isolates(window.changes_panel.summary.text()) == (
        "1 new, 1 changed, 1 removed events; 0 quotes changed"
    )
    assert "3 events changed since you last looked" in window.statusBar().currentMessage()
    tree = window.changes_panel.tree
    removed = tree.topLevelItem(2)
    assert removed.foreground(0).color() != tree.topLevelItem(0).foreground(0).color()
    # Enter on a change goes to its event; on a removed one, nowhere.
    activate(qtbot, window, tree.topLevelItem(1))
    assert window.selection.event_id == "e1"
    activate(qtbot, window, removed)
    assert window.selection.event_id == "e1"


def activate(qtbot: QtBot, window: MainWindow, item: QTreeWidgetItem) -> None:
    tree = window.changes_panel.tree
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_mark_all_as_seen_is_kept_for_the_next_time(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window, path = changed_since(qtbot, tmp_path, minimal)
    assert window.changes_panel.mark_button.isEnabled()
    qtbot.mouseClick(window.changes_panel.mark_button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)
    assert window.changes.count == 0
    assert listed(window) == []
    assert not window.changes_panel.mark_button.isEnabled()
    assert window.open_file(path)  # the next look: what was marked seen stays seen
    settled(qtbot, window)
    assert window.changes.count == 0


def test_a_filter_shows_only_what_changed(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window, _path = changed_since(qtbot, tmp_path, minimal)
    window.filters.toggle("changed", "")
    assert window.filters.shown() == 2  # e3 new and e1 changed; e2 is gone
    assert [strip_isolates(c.text()) for c in window.filter_bar.chips] == [
        "Changed since I last looked  \u2715"
    ]
    mask = window.filters.mask
    assert mask is not None
    timeline = window.document.timeline
    assert timeline is not None
    kept = [timeline.events.ids[row] for row in range(len(mask)) if mask[row]]
    assert sorted(kept) == ["e1", "e3"]
    qtbot.mouseClick(window.changes_panel.mark_button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)
    assert window.filters.shown() == 0  # nothing changed since now: none kept


def test_what_changed_is_marked_on_the_timeline_and_in_the_table(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window, _path = changed_since(qtbot, tmp_path, minimal)
    view = window.timeline_view
    assert view.renderer.changed is not None
    assert len(view.renderer.changed) == 2  # e1 and e3, both drawn
    amber = changed_color(view.palette())
    image = view.viewport().grab().toImage()
    scale = image.devicePixelRatio()

    def ringed(event_id: str) -> bool:
        pos = view.event_pos(event_id)
        assert pos is not None
        near = [
            QColor(image.pixel(int((pos.x() + dx) * scale), int((pos.y() + dy) * scale)))
            for dx in range(-14, 15)
            for dy in range(-14, 15)
        ]
        return any(abs(c.red() - amber.red()) + abs(c.green() - amber.green()) < 40 for c in near)

    assert ringed("e1")
    assert ringed("e3")
    assert window.legend.changed
    model = window.events_table.model
    rows = {model.index(r, model.TITLE).data(ItemRole.EVENT_ID): r for r in range(2)}
    title = model.index(rows["e1"], model.TITLE)
    assert title.data(Qt.ItemDataRole.DecorationRole) == amber
    said = title.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert said == "new or changed since you last looked"
    qtbot.mouseClick(window.changes_panel.mark_button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)
    assert view.renderer.changed is None
    assert not window.legend.changed
    assert title.data(Qt.ItemDataRole.DecorationRole) is None


def test_a_file_changed_on_disk_is_read_again_with_its_changes(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window, path = first_look(qtbot, tmp_path, minimal)
    with qtbot.waitSignal(window.document.reloadedFromDisk, timeout=5000):
        path.write_bytes(dump(edited(minimal)))  # no Open: the watcher reads it again
    settled(qtbot, window)
    assert window.changes.count == 3


def test_an_updated_export_imported_again_lists_what_changed(qtbot: QtBot, tmp_path: Path) -> None:
    window = active_window(qtbot)
    rows = ACLED.read_text(encoding="utf-8").splitlines()
    export = tmp_path / "acled.csv"
    export.write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")  # all but the last
    imported = window.imports.import_file("acled", export)
    qtbot.waitUntil(lambda: window.document.path == imported, timeout=20_000)
    settled(qtbot, window)
    assert window.changes.count == 0  # the first import is the baseline
    header, first, *rest = rows
    first = first.replace("2022,1,Demostrations", "2022,2,Demostrations", 1)  # re-coded
    export.write_text("\n".join([header, first, *rest]) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.document.opened, timeout=20_000):
        window.imports.import_file("acled", export)  # the weekly update, imported again
    settled(qtbot, window)
    events = window.changes.events
    assert len(events.added) == 1  # the last row, new this week
    assert len(events.changed) == 1
    assert events.removed == ()


def test_the_comparison_after_an_open_waits_for_the_timeline_painted(
    qtbot: QtBot, tmp_path: Path, minimal: dict[str, Any]
) -> None:
    window, path = first_look(qtbot, tmp_path, minimal)
    path.write_bytes(dump(edited(minimal)))
    view = window.timeline_view.viewport()
    painted: list[bool] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(window.changes.settled)
            return False

    paints = Paints(view)
    view.installEventFilter(paints)
    assert window.open_file(path)
    assert not window.changes.settled
    qtbot.waitUntil(lambda: window.changes.settled)  # no wait(): the paint lets it go on
    assert painted
    assert painted[0] is False  # the timeline was painted before the comparison ended
    assert window.changes.count == 3
