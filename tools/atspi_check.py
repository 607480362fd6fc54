"""Walk the running app through AT-SPI as a screen reader does; exit 1 on a fault.

Run by ``tools/atspi-check`` with the system's Python (it has ``pyatspi``).
Prints the timeline's part of the tree, then checks that:
the timeline is a list named "Timeline" whose items are the events drawn
(each named by its title and described by date, kind and status); pressing an
item selects its event (the timeline's description and the item's "selected"
state follow); the selected item takes the focus event; a status-bar message
is announced. Then walks the keyboard journey (``atspi_journey``): Tab stays out
of panels behind a tab, find / filter / quote filter results are announced, the
details are a document whose links act, Shift+F10 opens context menus, names
carry what a reader needs and no bidi isolates, and the timeline list is in time
order with a working Selection.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import atspi_journey
import pyatspi  # type: ignore[import-not-found]
from atspi_journey import FOCUS, SHOWN, Node, find, kids, role
from gi.repository import GLib  # type: ignore[import-not-found]

faults: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAULT ") + what)
    if not ok:
        faults.append(what)


# How keys reach the app: XTEST, through xdotool (pyatspi's generateKeyboardEvent
# ends there too). There is no window manager under bare Xvfb, so nothing gives
# the window the X input focus: keys sent without it are lost. Each step of the
# journey sets it itself (``xdotool windowfocus --sync`` on the main window, the
# only visible window named "… — timeline-viewer"); the dialogs and popup menus
# the app opens take the focus themselves. No window manager is needed.


class Keyboard:
    """Sends keys to the app and hears what AT-SPI tells of them."""

    def __init__(self, app: Node) -> None:
        self.app = app
        self.frame = next(k for k in kids(app) if role(k) == "frame")
        self.heard: list[tuple[str, Node, int, str]] = []  # type, source, detail1, any_data
        pyatspi.Registry.registerEventListener(self._on, FOCUS, SHOWN, "object:announcement")

    def _on(self, event: Any) -> None:
        self.heard.append((event.type, event.source, event.detail1, str(event.any_data or "")))

    def pump(self, seconds: float) -> None:
        """Let AT-SPI's events in for ``seconds``."""
        context, end = GLib.MainContext.default(), time.monotonic() + seconds
        while time.monotonic() < end:
            while context.iteration(False):
                pass
            time.sleep(0.02)

    def wait(self, found: Callable[[], Any], timeout: float = 3.0) -> Any:
        """Pump events until ``found()`` is truthy (its value) or ``timeout`` passes."""
        end = time.monotonic() + timeout
        while True:
            self.pump(0.05)
            value = found()
            if value or time.monotonic() > end:
                return value

    def mark(self) -> int:
        return len(self.heard)

    def since(self, mark: int, kind: str, turned_on: bool = True) -> list[tuple[Node, str]]:
        """The sources and data of the ``kind`` events since ``mark``."""
        return [
            (source, data)
            for type_, source, detail, data in self.heard[mark:]
            if type_ == kind and (detail == 1 or not turned_on)
        ]

    def await_event(self, mark: int, kind: str, test: Callable[[Node], bool]) -> list[Node]:
        """Wait for a ``kind`` event since ``mark`` from a node ``test`` likes: those nodes."""

        def found() -> list[Node]:
            return [source for source, _ in self.since(mark, kind) if test(source)]

        return list(self.wait(found) or [])

    def focus(self, mark: int = 0) -> Node | None:
        """What took the focus last (since ``mark``)."""
        focused = [source for source, _ in self.since(mark, FOCUS)]
        return focused[-1] if focused else None

    def xdotool(self, *args: str, settle: float = 0.4) -> None:
        subprocess.run(["xdotool", *args], check=False, timeout=10)
        self.pump(settle)

    def raise_window(self) -> None:
        """Give the main window the X input focus (no window manager does), and
        close what may be open (a menu, a dialog, the find bar)."""
        window = ("search", "--onlyvisible", "--name", " — timeline-viewer$")
        self.xdotool(*window, "windowfocus", "--sync")
        self.key("Escape")

    def key(self, *keys: str, settle: float = 0.4) -> None:
        self.xdotool("key", "--delay", "60", *keys, settle=settle)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "60", text)

    def press_until(self, key: str, wanted: Callable[[Node], bool], most: int = 40) -> Node | None:
        """Press ``key`` until the focus is on something ``wanted``; that, or None."""
        for _ in range(most + 1):
            focus = self.focus()
            if focus is not None and wanted(focus):
                return focus
            mark = self.mark()
            self.key(key, settle=0.05)
            self.wait(lambda m=mark: self.focus(m), 0.6)  # type: ignore[misc]
        return None

    def announced(self, mark: int, pattern: str) -> list[str]:
        """What was announced since ``mark``, once something matching ``pattern`` was."""

        def texts() -> list[str]:
            return [text for _, text in self.since(mark, "object:announcement", False)]

        self.wait(lambda: any(re.search(pattern, t) for t in texts()))
        return texts()


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [a for a in desktop if a is not None and "timeline" in (a.name or "").lower()]
    check(len(apps) == 1, "the app is on the accessibility bus")
    if not apps:
        return 1
    timeline = find(apps[0], "list", "Timeline")
    check(timeline is not None, "the timeline is a list named 'Timeline'")
    if timeline is None:
        return 1
    print(f"{timeline.getRoleName()}: {timeline.name!r} — {timeline.description!r}")
    items = [timeline.getChildAtIndex(i) for i in range(timeline.childCount)]
    for item in items:
        print(f"  {item.getRoleName()}: {item.name!r} — {item.description!r}")
    check(len(items) >= 5, f"it holds the events drawn ({len(items)} items)")
    check(all(i.getRoleName() == "list item" for i in items), "each is a list item")
    check(
        all(i.name and i.description.count(". ") >= 1 for i in items),
        "each has a name and a description",
    )
    heard: list[tuple[str, str]] = []

    def on_event(event) -> None:  # type: ignore[no-untyped-def]
        # An announcement's words are its data (the source is the status bar).
        if event.type == "object:announcement":
            heard.append((event.type, str(event.any_data or "")))
        else:
            heard.append((event.type, event.source.name if event.source else ""))

    pyatspi.Registry.registerEventListener(
        on_event, "object:announcement", "object:state-changed:focused"
    )
    target = items[len(items) // 2]

    def act() -> bool:
        action = target.queryAction()
        check(
            [action.getName(i) for i in range(action.nActions)] == ["Press"], "its action is Press"
        )
        action.doAction(0)
        # A status-bar message: Ctrl+C copies the selected event's citation.
        subprocess.run(
            "w=$(xdotool search --onlyvisible --name timeline-viewer | tail -1);"
            " xdotool windowfocus $w; sleep 0.3; xdotool key F6 F6 F6; sleep 0.3;"
            " xdotool key ctrl+c",
            shell=True,
            check=False,
        )
        return False

    def stop() -> bool:
        pyatspi.Registry.stop()
        return False

    GLib.timeout_add(300, act)
    GLib.timeout_add(3000, stop)
    pyatspi.Registry.start()
    check(timeline.description.startswith(target.name + ". "), "pressing an item selects its event")
    selected = [i.name for i in items if i.getState().contains(pyatspi.STATE_SELECTED)]
    check(selected == [target.name], "the item pressed is the one selected")
    focused = [name for kind, name in heard if kind.startswith("object:state-changed:focused")]
    check(target.name in focused, "the selected item takes the focus")
    said = [name for kind, name in heard if kind == "object:announcement"]
    check(
        any(s.startswith("Copied the citation") for s in said), f"the status bar is read out {said}"
    )
    print("The keyboard journey:")
    atspi_journey.walk(Keyboard(apps[0]), check)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
