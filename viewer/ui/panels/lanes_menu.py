"""View ▸ Lanes: what the timeline's lanes are (kind, actor, tag, timeline,
place), how they are sorted, which are folded, and the reader's own order.

The facet and the order are kept in the settings (a reader who reads by actor
does so in the next timeline too); the folded lanes and the order dragged
into place last until the facet or the order changes (another timeline's
lanes of the same keys keep them, others ignore them).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from viewer.domain import words
from viewer.domain.words import QT_TRANSLATE_NOOP
from viewer.timeline.lanes import LaneChoice, LaneFacet, LaneOrder
from viewer.ui.timeline.view import TimelineView

FACET_SETTING = "timeline/lanes"
# The most lanes the Fold menu lists at once; the rest are in "More".
FOLD_MENU_LIMIT = 30
ORDER_SETTING = "timeline/lane_order"

# The menu's words for each facet, in the order it lists them.
FACET_WORDS: dict[LaneFacet, str] = {
    LaneFacet.KIND: QT_TRANSLATE_NOOP("LanesMenu", "By &Kind"),
    LaneFacet.ACTOR: QT_TRANSLATE_NOOP("LanesMenu", "By &Actor"),
    LaneFacet.TAG: QT_TRANSLATE_NOOP("LanesMenu", "By &Tag"),
    LaneFacet.TIMELINE: QT_TRANSLATE_NOOP("LanesMenu", "By Time&line"),
    LaneFacet.PLACE: QT_TRANSLATE_NOOP("LanesMenu", "By &Place"),
}
# The sort orders; None is each facet's own (kinds as the legend lists them,
# actors as the file lists them, tags by name, places and timelines as they
# come).
ORDER_WORDS: dict[LaneOrder | None, str] = {
    None: QT_TRANSLATE_NOOP("LanesMenu", "&Usual Order"),
    LaneOrder.COUNT: QT_TRANSLATE_NOOP("LanesMenu", "&Most Events First"),
    LaneOrder.NAME: QT_TRANSLATE_NOOP("LanesMenu", "By &Name"),
    LaneOrder.FIRST: QT_TRANSLATE_NOOP("LanesMenu", "By &First Event"),
}


class LanesMenu(QMenu):
    """View ▸ Lanes for ``view``, remembered in ``settings``."""

    def __init__(self, view: TimelineView, settings: QSettings, parent: QWidget) -> None:
        super().__init__(self.tr("La&nes"), parent)
        self.setObjectName("lanesMenu")
        self._view = view
        self._settings = settings
        self.facets = QActionGroup(self)
        self.facet_actions: dict[LaneFacet, QAction] = {}
        for facet, text in FACET_WORDS.items():
            action = self._checkable(self.tr(text), self.facets)
            action.setData(facet.value)
            action.triggered.connect(lambda _c=False, f=facet: self.choose(f, self._order()))
            self.facet_actions[facet] = action
        self.addSeparator()
        self.orders = QActionGroup(self)
        self.order_actions: dict[LaneOrder | None, QAction] = {}
        for order, text in ORDER_WORDS.items():
            action = self._checkable(self.tr(text), self.orders)
            action.triggered.connect(lambda _c=False, o=order: self.choose(self._facet(), o))
            self.order_actions[order] = action
        self.addSeparator()
        #: A lane of the ones shown, folded to its strip when checked.
        self.fold_menu = self.addMenu(self.tr("Fol&d"))
        self.fold_menu.setObjectName("foldLanes")
        self.fold_menu.aboutToShow.connect(self._fill_fold_menu)
        self.unfold_all = self.addAction(self.tr("Open All Lan&es"))
        self.unfold_all.triggered.connect(self._open_all)
        self.reset_order = self.addAction(self.tr("&Reset Lane Order"))
        self.reset_order.triggered.connect(self._reset_order)
        self.aboutToShow.connect(self._follow)
        saved_facet = str(settings.value(FACET_SETTING, LaneFacet.KIND.value))
        saved_order = str(settings.value(ORDER_SETTING, ""))
        facet = LaneFacet(saved_facet) if saved_facet in set(LaneFacet) else LaneFacet.KIND
        order = LaneOrder(saved_order) if saved_order in set(LaneOrder) else None
        self.choose(facet, order, save=False)

    def _checkable(self, text: str, group: QActionGroup) -> QAction:
        action = self.addAction(text)
        action.setCheckable(True)
        group.addAction(action)
        return action

    def _facet(self) -> LaneFacet:
        return self._view.renderer.lanes.facet

    def _order(self) -> LaneOrder | None:
        return self._view.renderer.lanes.order

    def choose(self, facet: LaneFacet, order: LaneOrder | None, save: bool = True) -> None:
        """Lanes by ``facet`` sorted by ``order``; folds and moves start afresh
        (they were of other lanes)."""
        lanes = self._view.renderer.lanes
        if (facet, order) != (lanes.facet, lanes.order):
            # The first lanes by actor or tag of a large timeline take a moment
            # (two seconds at a million events): say so with the cursor.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._view.set_lanes(LaneChoice(facet, order))
            finally:
                QApplication.restoreOverrideCursor()
        if save:
            self._settings.setValue(FACET_SETTING, facet.value)
            self._settings.setValue(ORDER_SETTING, order.value if order is not None else "")
        self._follow()

    def _follow(self) -> None:
        """The checks and what is offered, as the view is now: by timeline only
        with several shown (or while chosen)."""
        renderer = self._view.renderer
        lanes = renderer.lanes
        self.facet_actions[lanes.facet].setChecked(True)
        self.order_actions[lanes.order].setChecked(True)
        timeline = renderer.timeline
        several = timeline is not None and len(timeline.layers) > 1
        self.facet_actions[LaneFacet.TIMELINE].setEnabled(
            several or lanes.facet is LaneFacet.TIMELINE
        )
        self.fold_menu.setEnabled(bool(renderer.index.lanes))
        self.unfold_all.setEnabled(bool(lanes.collapsed))
        self.reset_order.setEnabled(bool(lanes.moved))

    def _fill_fold_menu(self) -> None:
        self.fold_menu.clear()
        all_lanes = self.fold_menu.addAction(self.tr("Fold All Lanes"))
        all_lanes.setObjectName("foldAllLanes")
        all_lanes.triggered.connect(self._fold_all)
        self.fold_menu.addSeparator()
        self._list_lanes(self.fold_menu, 0)

    def _list_lanes(self, menu: QMenu, first: int) -> None:
        """The lanes from ``first`` on, FOLD_MENU_LIMIT of them; the rest in a
        "More" submenu filled when it opens (a menu of hundreds of places
        would run off the screen)."""
        renderer = self._view.renderer
        shown = renderer.index.lanes[first : first + FOLD_MENU_LIMIT]
        for lane in shown:
            action = menu.addAction(lane.title.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(lane.key in renderer.lanes.collapsed)
            action.setData(lane.key)
            action.triggered.connect(lambda _c=False, k=lane.key: self._view.fold_lane(k))
        rest = first + FOLD_MENU_LIMIT
        if rest < len(renderer.index.lanes):
            #: A submenu of the lanes left out above; {0} is how many.
            more = menu.addMenu(
                self.tr("{0} More").format(words.number(len(renderer.index.lanes) - rest))
            )
            more.setObjectName("moreLanes")

            def fill() -> None:
                if more.isEmpty():
                    self._list_lanes(more, rest)

            more.aboutToShow.connect(fill)

    def _fold_all(self) -> None:
        renderer = self._view.renderer
        keys = frozenset(lane.key for lane in renderer.index.lanes)
        self._view.set_lanes(replace(renderer.lanes, collapsed=keys))

    def _open_all(self) -> None:
        self._view.set_lanes(replace(self._view.renderer.lanes, collapsed=frozenset()))

    def _reset_order(self) -> None:
        self._view.set_lanes(replace(self._view.renderer.lanes, moved=()))
