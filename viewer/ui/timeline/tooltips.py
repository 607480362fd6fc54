"""What the timeline's tooltips say: a lane's name whole, an event's title, date,
kind and status, a group's first titles, and which timelines they are of.

Titles come from files, so a tooltip shows them as plain text (:func:`rich_plain`),
never as HTML. The texts are the timeline view's, and keep its translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viewer.domain import words
from viewer.domain.calendar import day_of
from viewer.domain.dates import clamp_time
from viewer.domain.describe import day_range_words, day_words, describe_date, precision_words
from viewer.domain.names import kind_name, status_name
from viewer.domain.text import isolate
from viewer.timeline.layout import GUTTER, Layout, Placed
from viewer.ui.timeline.render import TimelineRenderer


def rich_plain(text: str) -> str:
    """Plain text as explicit rich text, so a tooltip never interprets it as HTML."""
    import html  # as the first tooltip shows: html.entities' table is not in the first frame

    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def lane_tip(layout: Layout, y: float) -> str:
    """The lane at ``y``: its name whole, how many events it holds and how many
    of those in view it does not draw one by one; "" between lanes."""
    lane = layout.lane_at(y)
    if lane is None:
        return ""
    translate = QCoreApplication.translate
    #: A lane's tooltip: how many events stand in it.
    count = translate("TimelineView", "Events: {0}").format(words.number(lane.count))
    lines = [lane.title, count]  # each on its own line: no isolates needed
    if lane.collapsed:  # its strip shows them all: nothing more is hidden
        #: A folded lane's tooltip, over its name.
        lines.append(translate("TimelineView", "Folded: click to open it, drag to move it"))
        return "\n".join(lines)
    #: An open lane's tooltip, over its name.
    lines.append(translate("TimelineView", "Click to fold it, drag to move it"))
    if lane.bucketed:
        #: A lane with too many events in view to draw: they are counted instead.
        lines.append(
            translate("TimelineView", "In view, drawn as counts: {0}").format(
                words.number(lane.hidden)
            )
        )
    elif lane.hidden:
        #: Events of a lane that no row could take, in its "+N" badges.
        lines.append(
            translate("TimelineView", "In view, in “+N” badges: {0}").format(
                words.number(lane.hidden)
            )
        )
    return "\n".join(lines)


def strip_tip(layout: Layout, x: float, y: float) -> str:
    """Over a lane drawn as a density strip: how many events start within two
    pixels of ``x``, and when; "" elsewhere."""
    lane = layout.lane_at(y)
    if lane is None or lane.density is None or not len(lane.density):
        return ""
    column = int(x - GUTTER)
    lo, hi = max(column - 2, 0), min(column + 3, len(lane.density))
    if hi <= lo:
        return ""
    start = layout.t0 + lo * layout.seconds_per_px
    end = layout.t0 + hi * layout.seconds_per_px
    count = lane.lane.count_starting(start, end)  # each event counted, not the strip's
    first, last = day_of(clamp_time(start)), day_of(clamp_time(max(end - 1, start)))
    when = day_words(first) if first == last else day_range_words(first, last)
    #: Over a lane's density strip: how many events start under the pointer, and when.
    text = QCoreApplication.translate("TimelineView", "Events starting here: {0}").format(
        words.number(count)
    )
    return f"{lane.title}\n{when}\n{text}"


def item_tip(renderer: TimelineRenderer, item: Placed) -> str:
    """An event's title, date, kind and status; a group's count and first titles."""
    index = renderer.index
    if item.is_cluster:
        titles = [isolate(index.title(p)) for p in item.positions[:8]]
        more = "" if item.count <= len(titles) else "\n…"
        count = words.number(item.count)
        translate = QCoreApplication.translate
        if item.bucket and item.count == 1:
            return translate("TimelineView", "1 event starts here; click to zoom in")
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
