"""What a screen reader finds inside the timeline: the events drawn now.

The timeline paints its events itself, so without help assistive technology
sees one empty picture. :class:`TimelineAccessible` tells it the timeline is a
list whose items are the marks and "+N" groups on screen, in time order, each
named by its title (or its count) and described by its date, kind and status,
without the bidi isolates that keep painted text in order (a braille display
would show them); an item can be selected (and a group opened) through its
default action. Which item is selected the list answers through Qt's selection
interface (AT-SPI's Selection: the selected event's item, while it is drawn), as
its focus child, and in the item's Selected state; a change of it is told. Items
are virtual (they have no widget), so each keeps one interface for as long as
it is shown, and Qt's accessibility cache owns it (as Qt's own item views do).

The view imports this module and hands itself in (:class:`TimelineWidget` is
what is asked of it), so this module never imports the view.

(PySide's stubs say these methods never return None; Qt's API returns null
for "no such child", hence the ``type: ignore[override]``.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleSelectionInterface,
)
from PySide6.QtWidgets import QAccessibleWidget, QScrollBar, QWidget
from shiboken6 import VoidPtr, getCppPointer

from viewer.domain import words
from viewer.domain.describe import event_facts
from viewer.domain.text import without_isolates
from viewer.domain.timeline import Timeline
from viewer.timeline.axis import span_words
from viewer.timeline.layout import AXIS_HEIGHT, GUTTER, Layout, Placed
from viewer.ui.document.selection import Selection
from viewer.ui.timeline.glyphs import qrect
from viewer.ui.timeline.render import TimelineRenderer
from viewer.ui.widgets.access_leaf import LeafAccessible, delete_leaves

# At most this many items are offered at once (a far zoom draws counts, not
# thousands of marks, so this only ever trims a crowded, wide screen).
MOST_ITEMS = 500


# What an item is, across layouts of one index: ("event", its id), or
# ("group", the id of its first event, how many it holds).
Key = tuple[str, str, int]


class TimelineWidget(Protocol):
    """What the list asks of the timeline widget: what it draws and where, the
    selection, and what a press on an item does."""

    @property
    def renderer(self) -> TimelineRenderer: ...

    @property
    def selection(self) -> Selection: ...

    def current_layout(self) -> Layout: ...

    def shown_area(self) -> QRectF: ...

    def item_at(self, pos: QPointF) -> Placed | None: ...

    def to_view(self, x: float, y: float) -> QPointF: ...

    def activate(self, item: Placed) -> None: ...

    # Of the scroll area it is: where it draws, and how far it is scrolled.
    def viewport(self) -> QWidget: ...

    def verticalScrollBar(self) -> QScrollBar: ...

    def hasFocus(self) -> bool: ...


def item_key(view: TimelineWidget, item: Placed) -> Key:
    event_id = view.renderer.index.id_of(item.positions[0])
    return ("group", event_id, item.count) if item.is_cluster else ("event", event_id, 1)


class TimelineAccessible(QAccessibleWidget):
    """The timeline as a list of the events (and groups) drawn in it now.

    Asking (a child, a count, a state) only matches the items to what is drawn:
    an item gone from view turns invalid but lives on until the next explicit
    update (:func:`children_changed`, after a new layout or a scroll), which
    says it went and has Qt delete it. So nothing is deleted while assistive
    technology is in the middle of a call on it.

    ``widget`` is the view as Qt's widget, ``view`` the same object as what the
    list asks of it.
    """

    def __init__(self, widget: QWidget, view: TimelineWidget) -> None:
        super().__init__(widget, QAccessible.Role.List, "")
        self.view = view
        # One interface per item shown, kept while it is shown.
        self._items: dict[Key, EventItemAccessible] = {}
        self._order: list[Key] = []
        # Where each item stands in the list (by the interface's identity).
        self._where: dict[int, int] = {}
        # Items no longer shown, and items newly shown, not yet told.
        self._gone: list[EventItemAccessible] = []
        self._came: list[EventItemAccessible] = []
        self._deleting = False
        self._stamp: tuple[object, ...] = ()
        self._layout: Layout | None = None
        self._selection = _ListSelection(self)
        # The item last said to be selected (see :meth:`tell_selection`).
        self._said_selected: EventItemAccessible | None = None
        # The view's end is the items' end: Qt's cache would keep them (and,
        # through them, the view's timeline) for the rest of the run.
        items, gone = self._items, self._gone
        widget.destroyed.connect(lambda: _delete_all(items, gone))

    # The list's items are the ones on screen; the scroll bars are left out
    # (the keys pan and zoom, and a screen reader reads the events).
    def visible(self) -> list[Placed]:
        view = self.view
        if view.renderer.timeline is None:
            return []
        shown = view.shown_area()
        # Below the axis and right of the lane names: where events are drawn.
        events = shown.adjusted(GUTTER, AXIS_HEIGHT, 0, 0)
        items = [
            item
            for item in view.current_layout().items()
            if item.positions and events.intersects(qrect(item.hit))
        ]
        # In time order (for a group, its first event's): by start, then end (a
        # mark stands in the middle of its date's unit, a day or a week, so its
        # place on the axis is not when it starts), one time's from the top down.
        index = view.renderer.index
        starts, ends = index.starts, index.ends
        items.sort(
            key=lambda item: (
                float(starts[item.positions[0]]),
                float(ends[item.positions[0]]),
                item.glyph.y(),
            )
        )
        # An event in several lanes (of several actors, tags, places) is one
        # item of the list: read once, where it is drawn first.
        seen: set[Key] = set()
        once = []
        for item in items:
            key = item_key(view, item)
            if key not in seen:
                seen.add(key)
                once.append(item)
        return once[:MOST_ITEMS]

    def refresh(self, *, tell: bool = False) -> None:
        """Match the items to what is drawn now. With ``tell`` (an update, never
        a question), say which came and went, and have the gone ones deleted."""
        view = self.view
        layout = view.current_layout()
        before = self._layout
        stamp = (view.verticalScrollBar().value(), view.viewport().size())
        if stamp != self._stamp or layout is not before:
            if before is None or layout.index is not before.index:  # another file or filter
                self._forget(list(self._items))
            self._stamp, self._layout = stamp, layout
            shown = self.visible()
            keys = [item_key(view, item) for item in shown]
            for key, item in zip(keys, shown, strict=True):
                known = self._items.get(key)
                if known is None:
                    known = self._items[key] = EventItemAccessible(self, item, key[1])
                    self._came.append(known)
                else:
                    known.placed = item
            self._forget(set(self._items) - set(keys))
            self._order = keys
            self._where = {id(self._items[key]): n for n, key in enumerate(keys)}
        if self._gone and not self._deleting:
            # Deleted from the event loop: never inside a call that asked.
            self._deleting = True
            QTimer.singleShot(0, self.widget(), self._delete_gone)
        if tell:
            came = list(self._came)
            self._came.clear()
            for interface in came:
                if interface.placed is not None:
                    QAccessible.updateAccessibility(
                        QAccessibleEvent(interface, QAccessible.Event.ObjectCreated)
                    )

    def _delete_gone(self) -> None:
        """Say which items went, and have Qt delete them."""
        self._deleting = False
        gone = list(self._gone)
        self._gone.clear()
        if QAccessible.isActive():
            for interface in gone:
                QAccessible.updateAccessibility(
                    QAccessibleEvent(interface, QAccessible.Event.ObjectDestroyed)
                )
        delete_leaves(gone)

    def _forget(self, keys: Iterable[Key]) -> None:
        for key in keys:
            interface = self._items.pop(key)
            interface.placed = None
            self._gone.append(interface)

    def childCount(self) -> int:
        self.refresh()
        return len(self._order)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        self.refresh()
        if 0 <= index < len(self._order):
            return self._items[self._order[index]]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return self._where.get(id(child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        point = self.view.viewport().mapFromGlobal(QPoint(x, y))
        found = self.view.item_at(point.toPointF())
        if found is None:
            return None
        self.refresh()
        return self._items.get(item_key(self.view, found))

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.selected_item()

    def selected_item(self) -> EventItemAccessible | None:
        """The selected event's item, while it is drawn."""
        event_id = self.view.selection.event_id
        if not event_id:
            return None
        self.refresh()
        return self._items.get(("event", event_id, 1))

    def interface_cast(self, kind: QAccessible.InterfaceType) -> VoidPtr:  # type: ignore[override]
        if kind == QAccessible.InterfaceType.SelectionInterface:
            return VoidPtr(getCppPointer(self._selection)[0])
        return VoidPtr(super().interface_cast(kind))

    def tell_selection(self) -> None:
        """Say the selected item changed: the one selected before is no longer, and
        the selected event's item (if drawn) is (AT-SPI's "selection-changed")."""
        before, now = self._said_selected, self.selected_item()
        if before is now:
            return
        self._said_selected = now
        if before is not None and before.placed is not None:
            event = QAccessibleEvent(before, QAccessible.Event.SelectionRemove)
            QAccessible.updateAccessibility(event)
        if now is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(now, QAccessible.Event.Selection))


def _delete_all(items: dict[Key, EventItemAccessible], gone: list[EventItemAccessible]) -> None:
    delete_leaves([*items.values(), *gone])
    items.clear()
    gone.clear()


class EventItemAccessible(LeafAccessible):
    """One event (or "+N" group) drawn in the timeline, as a list item."""

    def __init__(self, owner: TimelineAccessible, placed: Placed, event_id: str) -> None:
        super().__init__(owner)
        self.owner = owner
        # Where it is drawn now; None once it is no longer shown.
        self.placed: Placed | None = placed
        # The event (for a group, its first event).
        self.event_id = event_id

    def press(self) -> None:
        placed = self.now()
        if placed is not None:
            self.owner.view.activate(placed)  # as a click on it does

    def forget(self) -> None:
        self.placed = None

    def now(self) -> Placed | None:
        """Where it is drawn now (the view may have moved since it was asked)."""
        if self.placed is not None:
            self.owner.refresh()
        return self.placed

    def isValid(self) -> bool:
        return self.now() is not None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        placed = self.now()
        if placed is None:
            return ""
        if kind == QAccessible.Text.Name:
            return item_name(self.owner.view, placed)
        if kind == QAccessible.Text.Description:
            return item_description(self.owner.view, placed)
        return ""

    def rect(self) -> QRect:
        placed = self.now()
        if placed is None:
            return QRect()
        view = self.owner.view
        hit = qrect(placed.hit)
        area = QRectF(view.to_view(hit.left(), hit.top()), view.to_view(hit.right(), hit.bottom()))
        area = area.intersected(QRectF(view.viewport().rect()))
        top_left = view.viewport().mapToGlobal(area.topLeft().toPoint())
        return QRect(top_left, area.size().toSize())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = True
        state.focusable = True
        placed = self.now()
        if placed is None:
            state.invisible = True
            return state
        selected = not placed.is_cluster and self.owner.view.selection.event_id == self.event_id
        state.selected = selected
        state.focused = selected and self.owner.view.hasFocus()
        return state


class _ListSelection(QAccessibleSelectionInterface):
    """Which item of the list is selected: the selected event's, while it is drawn
    (one at most; a group is never selected, it is opened). Selecting an event's
    item selects the event, as pressing it does."""

    def __init__(self, owner: TimelineAccessible) -> None:
        super().__init__()
        self.owner = owner

    def selectedItemCount(self) -> int:
        return 1 if self.owner.selected_item() is not None else 0

    def selectedItems(self) -> list[QAccessibleInterface]:
        item = self.owner.selected_item()
        return [] if item is None else [item]

    def selectedItem(self, selectionIndex: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.owner.selected_item() if selectionIndex == 0 else None

    def isSelected(self, childItem: QAccessibleInterface) -> bool:
        item = self.owner.selected_item()
        return item is not None and childItem is item

    def select(self, childItem: QAccessibleInterface) -> bool:
        item = self._event_item(childItem)
        if item is None:
            return False
        self.owner.view.selection.select(item.event_id)
        return True

    def unselect(self, childItem: QAccessibleInterface) -> bool:
        if not self.isSelected(childItem):
            return False
        self.owner.view.selection.clear()
        return True

    def selectAll(self) -> bool:
        return False  # one event at a time

    def clear(self) -> bool:
        self.owner.view.selection.clear()
        return True

    def _event_item(self, child: QAccessibleInterface) -> EventItemAccessible | None:
        """``child`` if it is an event's item (not a group's) of this list, drawn now."""
        if not isinstance(child, EventItemAccessible) or child.owner is not self.owner:
            return None
        placed = child.now()
        return child if placed is not None and not placed.is_cluster else None


def item_name(view: TimelineWidget, item: Placed) -> str:
    index = view.renderer.index
    if item.is_cluster:
        #: A group of events drawn as one mark ("+N" or a count), named for a screen reader.
        return QCoreApplication.translate("TimelineAccessible", "{0} events").format(
            words.number(item.count)
        )
    return without_isolates(index.title(item.positions[0]))


def item_description(view: TimelineWidget, item: Placed) -> str:
    index = view.renderer.index
    if item.is_cluster:
        translate = QCoreApplication.translate
        if item.bucket:
            #: A count of events far out, for a screen reader; {0} is the time it spans.
            what = translate("TimelineAccessible", "{0}. Press to zoom in.")
        else:
            #: A group of events, for a screen reader; {0} is the time it spans.
            what = translate("TimelineAccessible", "{0}. Press to choose one.")
        return what.format(span_words(*item.span))
    return without_isolates(event_facts(index.events[item.positions[0]], view.renderer.timeline))


def describe_selection(view: QWidget, timeline: Timeline | None, event_id: str) -> None:
    """Tell assistive technology which event is selected: its title, date,
    kind and status, as the timeline's description, with the event that says
    the description changed."""
    event = timeline.events_by_id.get(event_id) if timeline and event_id else None
    if event is None:
        #: The timeline's description for a screen reader while no event is selected.
        text = QCoreApplication.translate(
            "TimelineAccessible",
            "No event selected. Left and Right arrows select events in time order.",
        )
    else:
        text = without_isolates(f"{event.title}. {event_facts(event, timeline)}")
    if text != view.accessibleDescription():
        view.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(view, QAccessible.Event.DescriptionChanged)
        )
    announce_selection(view)


def children_changed(view: QWidget) -> None:
    """Tell assistive technology the items drawn changed (a pan, a zoom, a filter)."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(view)
    if isinstance(interface, TimelineAccessible):
        interface.refresh(tell=True)


def announce_selection(view: QWidget) -> None:
    """Tell assistive technology the selected event's item has the focus."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(view)
    if not isinstance(interface, TimelineAccessible):
        return
    interface.tell_selection()
    item = interface.selected_item()
    # Only while the timeline has the keys: a selection made in the table or
    # the find results must not pull the screen reader's focus away.
    if item is not None and view.hasFocus():
        QAccessible.updateAccessibility(QAccessibleEvent(item, QAccessible.Event.Focus))
