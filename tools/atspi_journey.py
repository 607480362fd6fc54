"""The keyboard journey, walked through AT-SPI as Orca sees it (run by atspi_check.py).

Six steps, each on its own (one that fails leaves the next meaningful): Tab
stays out of docks behind a tab; find, filter and quote filter results are
announced; the details are a document whose links act; Shift+F10 opens the
views' context menus; names carry what a reader needs and no bidi isolates; the
timeline list is in time order with a working Selection. Keys go through
:class:`atspi_check.Keyboard`; what the app does is read only from AT-SPI: its
focus, "showing" and announcement events, and the tree.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyatspi  # type: ignore[import-not-found]

if TYPE_CHECKING:
    from atspi_check import Keyboard

Check = Callable[[bool, str], None]
Node = Any  # an Atspi.Accessible
HERE = Path(__file__).resolve().parent.parent
TIMELINE = json.loads(
    (HERE / "resources" / "timelines" / "trump-putin-2025-06.json").read_text("utf-8")
)
ISOLATES = ("\u2068", "\u2069")
FOCUS, SHOWN = "object:state-changed:focused", "object:state-changed:showing"
MONTHS = "January February March April May June July August September October November December"
DATE = re.compile(r"(\d{1,2})(?:–\d{1,2})? (" + MONTHS.replace(" ", "|") + r") (\d{4})")


def safe(get: Callable[[], Any], default: Any) -> Any:
    """``get()``, or ``default`` when the object is gone (a menu deleted on close)."""
    try:
        return get()
    except Exception:
        return default


def role(node: Node) -> str:
    return str(safe(node.getRoleName, "(gone)"))


def name(node: Node) -> str:
    return str(safe(lambda: node.name or "", ""))


def showing(node: Node) -> bool:
    return bool(safe(lambda: node.getState().contains(pyatspi.STATE_SHOWING), False))


def kids(node: Node) -> list[Node]:
    return list(safe(lambda: [node.getChildAtIndex(i) for i in range(node.childCount)], []))


def parent(node: Node) -> Node | None:
    return safe(lambda: node.parent, None)


def ancestors(node: Node) -> Iterator[Node]:
    up = parent(node)
    while up is not None and role(up) != "application":
        yield up
        up = parent(up)


def descendants(node: Node) -> Iterator[Node]:
    for child in kids(node):
        if child is not None:
            yield child
            yield from descendants(child)


def on(view: str) -> Callable[[Node], bool]:
    """Whether a node is the list (or table) ``view`` or one of its items."""
    return lambda node: view in (name(node), name(parent(node)))


def inside(panel: str) -> Callable[[Node], bool]:
    """Whether a node is inside the panel ``panel``."""
    return lambda node: any(name(a) == panel for a in ancestors(node))


def is_(text: str) -> Callable[[Node], bool]:
    """Whether a node is ``text`` as :func:`said` says it ("push button 'Filter'")."""
    return lambda node: said(node) == text


def in_dialog(node: Node) -> bool:
    """Whether ``node`` is a text field in a dialog (a note's editor)."""
    return role(node) == "text" and any(role(a) == "dialog" for a in ancestors(node))


def said(node: Node) -> str:
    return f"{role(node)} {name(node)[:60]!r}"


def find(root: Node, role_: str, name_: str) -> Node | None:
    return next((n for n in descendants(root) if role(n) == role_ and name(n) == name_), None)


def event_title(quote: dict[str, Any]) -> str:
    return next(e["title"] for e in TIMELINE["events"] if e["id"] == quote["event"])


# -- 1. Tab never enters a hidden panel -------------------------------------------------


def behind_tabs(kb: Keyboard) -> list[str]:
    """The docks behind another's tab: the tabs not selected in each tab bar."""
    return [
        name(tab)
        for bar in kids(kb.frame)
        if role(bar) == "page tab list"
        for tab in kids(bar)
        if role(tab) == "page tab" and not tab.getState().contains(pyatspi.STATE_SELECTED)
    ]


def tab_walk(kb: Keyboard, check: Check) -> None:
    """Tab 40 times: each focus shows, inside showing panels, none behind a tab;
    the docks behind a tab, and all inside them, do not report showing."""
    kb.raise_window()
    behind, mark = behind_tabs(kb), kb.mark()
    for _ in range(40):
        kb.key("Tab", settle=0.12)
    kb.pump(0.5)
    focused = [source for source, _ in kb.since(mark, FOCUS)]
    print(
        f"      {behind} behind a tab; Tab x40 visits: "
        + "; ".join(dict.fromkeys(map(said, focused)))
    )
    hidden = [
        said(f)
        for f in focused
        if not showing(f)
        or not all(showing(a) for a in ancestors(f))
        or any(role(a) == "panel" and name(a) in behind for a in ancestors(f))
    ]
    check(
        len(focused) >= 5 and not hidden, f"1 Tab: all {len(focused)} focuses show {hidden or ''}"
    )
    check(bool(behind), "1 a dock is tabified behind another")
    for tab in behind:
        docks = [p for p in kids(kb.frame) if role(p) == "panel" and name(p) == tab]
        contents = [d for p in docks for k in kids(p)[:1] for d in [k, *descendants(k)]]
        shown = Counter(role(d) for d in contents if showing(d))
        check(bool(docks) and not shown, f"1 nothing in {tab!r} shows {dict(shown) or ''}")
        check(not any(map(showing, docks)), f"1 the dock {tab!r} does not report showing")


def step_tab(kb: Keyboard, check: Check) -> None:
    """The Tab walk with the tabbed docks as they are, then with the one behind in front."""
    tab_walk(kb, check)
    behind = behind_tabs(kb)
    if behind:
        kb.press_until("F6", inside(behind[0]), 8)  # F6 brings it forward
        tab_walk(kb, check)


# -- 2. Announcements -------------------------------------------------------------------


def step_announce(kb: Keyboard, check: Check) -> None:
    kb.raise_window()
    mark = kb.mark()
    kb.key("ctrl+f")
    check(bool(kb.await_event(mark, FOCUS, is_("text 'Find'"))), "2 Ctrl+F focuses the find field")
    mark = kb.mark()
    kb.type("Putin")
    heard = kb.announced(mark, r"^\d+ of \d+$")
    check(any(re.fullmatch(r"\d+ of \d+", t) for t in heard), f"2 'Putin' announces {heard}")

    kb.raise_window()  # Escape: closes the find bar
    button = kb.press_until("Tab", is_("push button 'Filter'"))
    check(button is not None, "2 Tab reaches the Filter button")
    if button is not None:
        mark = kb.mark()
        kb.key("space", "Right", "Return")  # the menu opens on "Kind"; Right: its first kind
        heard = kb.announced(mark, r"^Showing \d+ of \d+ events")
        check(any(t.startswith("Showing ") for t in heard), f"2 a filter announces {heard}")
        clear = kb.press_until("Tab", is_("push button 'Clear Filters'"), 10)
        mark = kb.mark()
        kb.key("space")
        heard = kb.announced(mark, r"^Showing all \d+ events")
        check(clear is not None and bool(heard), f"2 Clear Filters announces {heard}")

    kb.raise_window()
    kb.press_until("F6", inside("Quotes by actor"), 8)
    field = kb.press_until("Tab", is_("text 'Filter quotes'"), 10)
    check(field is not None, "2 the keys reach the quote filter")
    if field is not None:
        mark = kb.mark()
        kb.type("zzqx")
        heard = kb.announced(mark, "^No quotes match")
        check(any(t.startswith("No quotes match") for t in heard), f"2 no quote announces {heard}")
        kb.key("ctrl+a", "BackSpace")


# -- 3. The details: a document with links -----------------------------------------------


def select_event(kb: Keyboard, title: str) -> Node | None:
    """Select the event ``title`` on the timeline with the keys; its item, focused."""
    kb.raise_window()
    if kb.press_until("F6", on("Timeline"), 8) is None:
        return None
    kb.key("Home")
    return kb.press_until("Right", lambda n: role(n) == "list item" and name(n) == title, 20)


def add_note(kb: Keyboard, mark: int) -> bool:
    """Type a note in the editor that took the focus since ``mark``, and keep it."""
    if not kb.await_event(mark, FOCUS, in_dialog):
        return False
    kb.type("Checked through AT-SPI")
    kb.key("ctrl+Return")
    return True


def step_details(kb: Keyboard, check: Check) -> None:
    title = event_title(next(q for q in TIMELINE["quotes"] if q.get("translation")))
    check(select_event(kb, title) is not None, f"3 Right arrows select {title!r}")
    mark = kb.mark()
    kb.key("Return")
    doc = kb.await_event(mark, FOCUS, lambda n: role(n).startswith("document"))
    check(bool(doc), f"3 Enter focuses the details, a document: {said(doc[0]) if doc else ''}")
    links = [k for k in kids(doc[0]) if role(k) == "link"] if doc else []
    names = " | ".join(map(name, links))
    check(
        "Add Note…" in names and "Show translation" in names,
        f"3 its {len(links)} links include Add Note… and Show translation",
    )
    check(all(k.queryAction().nActions > 0 for k in links), "3 each link has an action")
    add = next((k for k in links if "Add Note…" in name(k)), None)
    mark = kb.mark()
    if add is not None:
        add.queryAction().doAction(0)
    check(add_note(kb, mark), "3 invoking Add Note… focuses a note editor")  # kept for step 4


# -- 4. Shift+F10 opens a context menu ---------------------------------------------------


def context_menu(kb: Keyboard, check: Check, view: str, reach: Callable[[], Node | None]) -> None:
    kb.raise_window()
    at = reach()
    check(at is not None, f"4 the keys reach the {view}")
    if at is None:
        return
    kb.key("Down", "Up")  # a current item
    mark = kb.mark()
    kb.key("shift+F10")
    menus = kb.await_event(mark, SHOWN, lambda n: role(n) == "popup menu")
    items = [k for k in kids(menus[-1]) if role(k) == "menu item"] if menus else []
    first = name(items[0]) if items else ""
    check(bool(first), f"4 Shift+F10 in the {view} opens a popup menu, first {first!r}")
    if not menus:
        return
    if kb.focus(mark) is None or role(kb.focus(mark)) != "menu item":
        kb.key("Down")  # a QMenu opens with no item active: the arrow takes the first
    active = kb.focus(mark)
    check(name(active) == first, f"4 the keys are on its first item: {said(active)}")
    kb.key("Escape")
    check(kb.wait(lambda: not showing(menus[-1])) is True, f"4 Escape closes the {view}'s menu")


def step_menus(kb: Keyboard, check: Check) -> None:
    def table() -> Node | None:
        return kb.press_until("F6", inside("Events"), 8)

    def quotes() -> Node | None:
        kb.press_until("F6", inside("Quotes by actor"), 8)
        return kb.press_until("Tab", on("Quotes of the chosen speaker"), 10)

    def notes() -> Node | None:
        notes = find(kb.frame, "list", "Notes, newest first")
        if notes is not None and notes.childCount == 0:  # none kept by step 3: Ctrl+N adds one
            select_event(kb, TIMELINE["events"][0]["title"])
            mark = kb.mark()
            kb.key("ctrl+n")
            add_note(kb, mark)
        return kb.press_until("F6", on("Notes, newest first"), 8)

    for view, reach in (("events table", table), ("quotes list", quotes), ("notes list", notes)):
        context_menu(kb, check, view, reach)


# -- 5. Names ----------------------------------------------------------------------------


def step_names(kb: Keyboard, check: Check) -> None:
    kb.raise_window()  # the quotes' tab forward: behind another, its lists are not there
    kb.press_until("F6", on("Speakers"), 8)
    speakers = find(kb.frame, "list", "Speakers")
    quotes = find(kb.frame, "list", "Quotes of the chosen speaker")
    timeline = find(kb.frame, "list", "Timeline")
    if speakers is None or quotes is None or timeline is None:
        check(False, "5 the speakers, quotes and timeline lists are there")
        return
    counted = [name(k) for k in kids(speakers)]
    check(
        bool(counted) and all(re.search(r", \d+ quotes?$", n) for n in counted),
        f"5 each speaker's name has its quote count ({counted[1:2]}…)",
    )
    kb.raise_window()
    kb.press_until("F6", on("Speakers"), 8)
    kb.key("Home")  # All speakers: every quote listed
    kb.wait(lambda: len(kids(quotes)) == len(TIMELINE["quotes"]))
    when = {name(i): i.description.split(". ")[0] for i in kids(timeline)}
    actors = {a["id"]: a["name"] for a in TIMELINE["actors"]}
    names, wrong = [name(k) for k in kids(quotes)], []
    for quote in TIMELINE["quotes"]:
        words = " ".join(quote["text"].split())[:30]
        row = next((n for n in names if words in n), "(not listed)")
        who = f"{actors.get(quote['speaker'], '?')}, {when.get(event_title(quote), '?')}: "
        if not row.startswith(who) or row.endswith(" (reported)") != (quote["mode"] == "reported"):
            wrong.append(f"{quote['id']}: {row[:70]!r}")
    check(
        len(names) == len(TIMELINE["quotes"]) and not wrong,
        f"5 each of {len(names)} quotes is named: speaker, date, '(reported)' {wrong[:3] or ''}",
    )
    isolated: dict[str, None] = {}  # in the tree's order, once each
    for node in descendants(kb.app):
        texts = [name(node), node.description or ""]
        if role(node) == "table cell" and "Text" in pyatspi.utils.listInterfaces(node):
            texts.append(node.queryText().getText(0, -1))
        marked = [t for t in texts if any(mark in t for mark in ISOLATES)]
        if marked:
            isolated[f"{role(node)} {marked[0][:50]!r}"] = None
    check(not isolated, f"5 no name, description or cell holds U+2068/U+2069 ({len(isolated)} do)")
    for offender in isolated:
        print(f"      {offender}")


# -- 6. The timeline list ---------------------------------------------------------------


def step_timeline(kb: Keyboard, check: Check) -> None:
    timeline = find(kb.frame, "list", "Timeline")
    items = kids(timeline) if timeline is not None else []
    dates = []
    for item in items:
        found = DATE.search(item.description or "")
        if found:
            day, month, year = found.groups()
            dates.append((int(year), MONTHS.split().index(month), int(day)))
    check(
        len(dates) == len(items) > 1 and dates == sorted(dates),
        f"6 the timeline's {len(items)} items are in time order (by their descriptions' dates)",
    )
    title = name(items[len(items) // 3]) if items else ""
    item = select_event(kb, title)
    chosen = timeline.querySelection() if timeline is not None else None
    picked = (
        [name(chosen.getSelectedChild(i)) for i in range(chosen.nSelectedChildren)]
        if chosen
        else []
    )
    check(
        item is not None and picked == [title], f"6 its Selection gives the one selected: {picked}"
    )


STEPS = (step_tab, step_announce, step_details, step_menus, step_names, step_timeline)


def walk(kb: Keyboard, check: Check) -> None:
    """Each step of the journey on its own: one that fails does not stop the next."""
    for step in STEPS:
        try:
            step(kb, check)
        except Exception as error:  # a step that broke is a fault; the next one starts anew
            check(False, f"{step.__name__} broke: {error!r}")
    kb.raise_window()
