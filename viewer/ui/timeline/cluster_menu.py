"""The menu of a "+N" cluster: its events to choose from.

Zooming cannot separate events that share a day (or a minute), so a cluster
lists its events; choosing one selects it, and a selected event always gets a
row of its own. "Zoom In on These Events" is there when zooming can spread
them out. The menu opens with its first event active, so arrows and Enter
act at once and a screen reader reads it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget

from viewer.domain import words
from viewer.domain.describe import describe_date
from viewer.timeline.index import EventIndex
from viewer.timeline.layout import Placed
from viewer.ui.document.selection import Selection
from viewer.ui.timeline.tooltips import rich_plain
from viewer.ui.widgets.keyboard_menu import FirstItemMenu

# A "+N" cluster's menu lists at most this many events.
CLUSTER_MENU_LIMIT = 30


class ClusterMenu(FirstItemMenu):
    """The events of ``cluster``; choosing one selects it in ``selection``, and
    "Zoom In on These Events" calls ``expand`` with the cluster. It deletes
    itself when closed."""

    def __init__(
        self,
        cluster: Placed,
        index: EventIndex,
        selection: Selection,
        expand: Callable[[Placed], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clusterMenu")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._index = index
        self._selection = selection
        self._list_events(self, cluster.positions, 0)
        starts = {index.starts[p] for p in cluster.positions}
        if len(starts) > 1:
            self.addSeparator()
            zoom = self.addAction(self.tr("Zoom In on These Events"))
            zoom.setObjectName("zoomToCluster")
            zoom.triggered.connect(lambda: expand(cluster))

    def _list_events(self, menu: QMenu, positions: list[int], first: int) -> None:
        """Up to CLUSTER_MENU_LIMIT events from ``first`` on; the rest in a "More" submenu,
        filled when it opens, so a cluster of thousands costs no more than one of ten.
        """
        index = self._index
        menu.setToolTipsVisible(True)
        metrics = menu.fontMetrics()
        for position in positions[first : first + CLUSTER_MENU_LIMIT]:
            event = index.events[position]
            title = metrics.elidedText(event.title, Qt.TextElideMode.ElideRight, 420)
            # "&" would be read as a shortcut marker: the title is plain text.
            text = f"{title}  \u2014  {describe_date(event.date)}".replace("&", "&&")
            action = menu.addAction(text)
            action.setData(event.id)
            action.setToolTip(rich_plain(event.title))  # never read as HTML: <img> loads files
            action.triggered.connect(
                lambda _checked=False, event_id=event.id: self._selection.select(event_id)
            )
        rest = first + CLUSTER_MENU_LIMIT
        if rest < len(positions):
            #: A submenu listing the events left out above; {0} is how many.
            more = menu.addMenu(self.tr("{0} More").format(words.number(len(positions) - rest)))
            more.setObjectName("moreEvents")

            def fill() -> None:
                if more.isEmpty():
                    self._list_events(more, positions, rest)

            more.aboutToShow.connect(fill)
