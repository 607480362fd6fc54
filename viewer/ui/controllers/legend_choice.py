"""Whether the legend shows under the timeline: the reader's choice (View ▸
Legend), kept for the next start; until there is one, hidden where it would
crowd out the timeline (a small screen, large text)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from viewer.ui.timeline.legend import LegendBar

# Whether the legend shows (View > Legend), once the reader chose.
LEGEND_SETTING = "view/legend"


class LegendChoice(QObject):
    """Shows or hides ``legend`` as the reader chose (in ``settings``)."""

    # The legend shown (True) or hidden: View > Legend's check follows.
    shownChanged = Signal(bool)
    # A message for the status bar, and for how many ms it shows.
    said = Signal(str, int)

    def __init__(
        self, legend: LegendBar, settings: QSettings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._legend = legend
        self._settings = settings

    def restore(self) -> None:
        """As the reader left it (shown, until they chose)."""
        self.show(bool(self._settings.value(LEGEND_SETTING, True, type=bool)), remember=False)

    def show(self, shown: bool, remember: bool = True) -> None:
        """Show the legend (or not); ``remember``: the reader's choice, kept."""
        if remember:
            self._settings.setValue(LEGEND_SETTING, shown)
        self._legend.setVisible(shown)
        self.shownChanged.emit(shown)

    def fit(self, room: int) -> None:
        """Until the reader chose, a legend taller than a quarter of ``room`` (the
        timeline's column, in pixels) is hidden, and the reader told so."""
        legend = self._legend
        if self._settings.contains(LEGEND_SETTING) or not legend.isVisible():
            return
        if legend.height_for(legend.width()) * 4 > room:
            self.show(False, remember=False)
            said = self.tr(
                "The legend is hidden to give the timeline room: View ▸ Legend shows it."
            )
            self.said.emit(said, 10000)
