"""What the timeline's tooltips say: a lane's name whole, an event's title, date,
kind and status, a group's first titles, and which timelines they are of.

Titles come from files, so a tooltip shows them as plain text (:func:`rich_plain`),
never as HTML. The texts are the timeline view's, and keep its translation context.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from viewer.domain import words
from viewer.domain.describe import describe_date, precision_words
from viewer.domain.names import kind_name, kind_plural, status_name
from viewer.domain.text import isolate
from viewer.timeline.layout import LANE_GAP, Layout, Placed
from viewer.ui.timeline.render import TimelineRenderer


def rich_plain(text: str) -> str:
    """Plain text as explicit rich text, so a tooltip never interprets it as HTML."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def lane_tip(layout: Layout, y: float) -> str:
    """The name of the lane at ``y`` (in the layout's units), whole; "" between lanes."""
    for lane in layout.lanes:
        if lane.top - LANE_GAP / 2 <= y < lane.top + lane.height + LANE_GAP / 2:
            return kind_plural(lane.kind)
    return ""


def item_tip(renderer: TimelineRenderer, item: Placed) -> str:
    """An event's title, date, kind and status; a group's count and first titles."""
    index = renderer.index
    if item.is_cluster:
        titles = [isolate(index.title(p)) for p in item.positions[:8]]
        more = "" if item.count <= len(titles) else "\n…"
        count = words.number(item.count)
        translate = QCoreApplication.translate
        if item.bucket:
            return translate("TimelineView", "{0} events start here; click to zoom in").format(
                count
            )
        chooser = translate("TimelineView", "{0} more events here; click to choose one").format(
            count
        )
        return chooser + "\n" + "\n".join(titles) + more + _from_timelines(renderer, item)
    event = index.events[item.positions[0]]
    return (
        f"{isolate(event.title)}\n{describe_date(event.date)} ({precision_words(event.date)})\n"
        f"{kind_name(event.kind)} \u00b7 {status_name(event.status)}"
    ) + _from_timelines(renderer, item)


def _from_timelines(renderer: TimelineRenderer, item: Placed) -> str:
    """With several timelines shown: a line naming those ``item``'s events are
    of ("" with one)."""
    codes = renderer.layers_by_position
    timeline = renderer.timeline
    if codes is None or timeline is None:
        return ""
    found = sorted(set(codes[item.positions].tolist()))
    titles = ", ".join(isolate(timeline.layers[code].title) for code in found)
    if len(found) == 1:
        #: In an event's tooltip, with several timelines shown: which it is of.
        return "\n" + QCoreApplication.translate("TimelineView", "Timeline: {0}").format(titles)
    #: In a "+N" group's tooltip: the timelines its events are of.
    return "\n" + QCoreApplication.translate("TimelineView", "Timelines: {0}").format(titles)
