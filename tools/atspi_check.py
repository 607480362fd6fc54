"""Walk the running app through AT-SPI as a screen reader does; exit 1 on a fault.

Run by ``tools/atspi-check`` with the system's Python (it has ``pyatspi``).
Prints the timeline's part of the tree, then checks that:
the timeline is a list named "Timeline" whose items are the events drawn
(each named by its title and described by date, kind and status); pressing an
item selects its event (the timeline's description and the item's "selected"
state follow); the selected item takes the focus event; a status-bar message
is announced.
"""

from __future__ import annotations

import subprocess
import sys

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

faults: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAULT ") + what)
    if not ok:
        faults.append(what)


def find(node, role: str, name: str):  # type: ignore[no-untyped-def]
    try:
        if node.getRoleName() == role and node.name == name:
            return node
        for i in range(node.childCount):
            found = find(node.getChildAtIndex(i), role, name)
            if found is not None:
                return found
    except Exception:
        return None
    return None


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
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
