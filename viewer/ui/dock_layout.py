"""The window's size and its panels' shares of it: restored at start, kept as the
window is resized, saved at quit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QDockWidget, QMainWindow, QWidget

from viewer.ui.widgets.access_leaf import install_factory

# The panels' shares of the window: kept as the window is resized, so the
# details and the table grow with a large window (not the timeline alone);
# dragging a panel's edge sets its share anew.
_SIDE_SHARE = 0.2
_BOTTOM_SHARE = 0.25


def first_size(wanted: QSize, screen: QSize) -> QSize:
    """The window's size at its first start on a ``screen`` of that free size:
    most of a large screen (up to 2400x1500), ``wanted`` on a smaller one, but
    never more than the screen (a scale factor of 2 makes a 1280x800 window
    twice a 1280x800 screen)."""
    width = max(wanted.width(), min(screen.width() * 4 // 5, 2400))
    height = max(wanted.height(), min(screen.height() * 4 // 5, 1500))
    return QSize(min(width, screen.width()), min(height, screen.height()))


def hide_behind_tabs(dock: QDockWidget) -> None:
    """Hide what ``dock`` holds while the dock is out of sight (a tab behind
    another, or closed), and show it again when it comes forward.

    Qt counts a dock behind another's tab as visible, so Tab would walk into
    its fields (what is typed there is lost to the eye), its buttons' Alt keys
    would fire, and a screen reader would call it showing.
    """
    install_factory(_accessible)
    contents = dock.widget()
    if contents is not None:
        # Hidden, it still counts in its dock's size: a group of tabs whose hidden
        # panel counted as empty kept a sliver of the window, whatever it was given.
        policy = contents.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        contents.setSizePolicy(policy)
        dock.visibilityChanged.connect(contents.setVisible)


def fill_dock(dock: QDockWidget, panel: QWidget) -> None:
    """``panel`` in ``dock`` in place of what it held (made before the panel, for
    the window's first frame), hidden as that was (behind another dock's tab)."""
    held = dock.widget()
    hidden = held is not None and held.isHidden()
    dock.setWidget(panel)
    if held is not None:
        held.deleteLater()
    panel.setVisible(not hidden)
    hide_behind_tabs(dock)


class DockAccessible(QAccessibleWidget):
    """A dock as a screen reader finds it: not showing while its panel is hidden
    behind another dock's tab (Qt's own calls it showing, as it is visible)."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock, QAccessible.Role.Pane, dock.windowTitle())  # as Qt names docks
        self._dock = dock

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._dock.windowTitle()
        return super().text(kind)

    def _hidden(self) -> bool:
        contents = self._dock.widget()
        return contents is not None and contents.isHidden()

    def state(self) -> QAccessible.State:
        state = super().state()
        if self._hidden():
            state.invisible = True
        return state

    # Hidden, it has nothing to offer: not even its title bar's buttons, which Qt
    # keeps visible behind the tab.
    def childCount(self) -> int:
        return 0 if self._hidden() else super().childCount()

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None if self._hidden() else super().child(index)


def _accessible(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks this for every object's interface: a dock's tells when it is hidden."""
    return DockAccessible(obj) if type(obj) is QDockWidget else None


def bring_forward(dock: QDockWidget, focus: QWidget | None = None) -> None:
    """Show ``dock`` and raise it over the docks it shares tabs with, its
    contents shown at once; ``focus`` (in it) takes the focus before the dock
    in front is hidden, so the focus never passes through another panel (a
    screen reader would read that one out on the way)."""
    dock.show()
    contents = dock.widget()
    if contents is not None:
        contents.show()
    if focus is not None:
        focus.setFocus(Qt.FocusReason.ShortcutFocusReason)
    dock.raise_()


def focus_panel(panels: Sequence[tuple[QWidget, QWidget]], panel: QWidget) -> None:
    """Bring ``panel`` forward (a tab behind another) and give the focus to what
    takes it in there; ``panels``: each panel F6 visits, with what takes its focus."""
    for candidate, target in panels:
        if candidate is panel:
            if isinstance(panel, QDockWidget):
                bring_forward(panel, target)
            else:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return


def next_panel(
    panels: Sequence[tuple[QWidget, QWidget]], step: int, focus: QWidget | None
) -> QWidget:
    """F6 / Shift+F6: of ``panels`` (in F6's order, with what takes each one's
    focus) the open one ``step`` after the one that holds ``focus`` (from the
    first or the last when none does)."""
    shown = [
        panel
        for panel, _target in panels
        if not isinstance(panel, QDockWidget) or not panel.isHidden()
    ]
    at = next(
        (
            i
            for i, panel in enumerate(shown)
            if focus is not None and (focus is panel or panel.isAncestorOf(focus))
        ),
        -1 if step > 0 else 0,
    )
    return shown[(at + step) % len(shown)]


class DockLayout(QObject):
    """Watches ``window`` and its docks (``side`` ones beside the timeline, ``bottom``
    ones under it) to keep each dock's share of the window as it is resized.

    Made once the docks are in place: it restores the window's size and layout
    from ``settings`` at once.
    """

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        side: Sequence[QDockWidget],
        bottom: Sequence[QDockWidget],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._side = list(side)
        self._bottom = list(bottom)
        self._shares: dict[QObject, float] = {d: _SIDE_SHARE for d in side}
        self._shares.update({d: _BOTTOM_SHARE for d in bottom})
        self._shares_set = False
        self._applying = False
        self._sized = window.size()
        for dock in (*side, *bottom):
            dock.installEventFilter(self)
        window.installEventFilter(self)
        self._restored = self._restore()

    def _restore(self) -> bool:
        """The window's size and docks as they were left; True if the docks were."""
        window = self._window
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        else:
            window.resize(first_size(window.size(), window.screen().availableGeometry().size()))
        state = self._settings.value("window/state")
        return isinstance(state, QByteArray) and window.restoreState(state)

    def save(self) -> None:
        """Remember the window's size and docks for the next start."""
        self._settings.setValue("window/geometry", self._window.saveGeometry())
        self._settings.setValue("window/state", self._window.saveState())
        self._settings.sync()

    def _apply_shares(self) -> None:
        window = self._window
        applying, self._applying = self._applying, True
        try:
            shown = self._placed(self._side)
            if shown:
                widths = [max(160, round(self._shares[d] * window.width())) for d in shown]
                window.resizeDocks(shown, widths, Qt.Orientation.Horizontal)
            shown = self._placed(self._bottom)
            if shown:
                heights = [max(100, round(self._shares[d] * window.height())) for d in shown]
                window.resizeDocks(shown, heights, Qt.Orientation.Vertical)
        finally:
            self._applying = applying

    def _placed(self, docks: Sequence[QDockWidget]) -> list[QDockWidget]:
        """The docks of ``docks`` shown in the window, one of each group of tabs:
        given two docks that share tabs, ``resizeDocks`` shrinks their area to
        a sliver (the quotes and notes took 120 of 1,536 pixels)."""
        placed: list[QDockWidget] = []
        for dock in docks:
            if not dock.isVisible() or dock.isFloating():
                continue
            if not any(other in placed for other in self._window.tabifiedDockWidgets(dock)):
                placed.append(dock)
        return placed

    def _take_shares(self) -> None:
        """The panels' shares as they are now (a restored layout, an edge dragged)."""
        width, height = self._window.width(), self._window.height()
        if width <= 0 or height <= 0:
            return
        for dock in self._side:
            if dock.isVisible() and not dock.isFloating():
                self._shares[dock] = dock.width() / width
        for dock in self._bottom:
            if dock.isVisible() and not dock.isFloating():
                self._shares[dock] = dock.height() / height

    def _shown(self) -> None:
        if not self._shares_set:
            self._shares_set = True
            if self._restored:
                self._take_shares()
            else:
                self._apply_shares()
            self._sized = self._window.size()

    def _resized(self) -> None:
        window = self._window
        if self._shares_set and window.isVisible() and window.size() != self._sized:
            self._sized = window.size()
            # The docks are laid out after this event, by posted layout requests:
            # until those are done, a dock's resize is the window's, not the reader's.
            self._applying = True
            self._apply_shares()
            self._applying = True
            QTimer.singleShot(0, self._settled)

    def _settled(self) -> None:
        self._applying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window:
            if kind == QEvent.Type.Show:
                self._shown()
            elif kind == QEvent.Type.Resize:
                self._resized()
        # A panel resized while the window kept its size: the reader dragged its edge.
        elif (
            kind == QEvent.Type.Resize
            and self._shares_set
            and not self._applying
            and self._window.size() == self._sized
            and watched in self._shares
        ):
            self._take_shares()
        return False
