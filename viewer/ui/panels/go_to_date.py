"""Go > Go to Date: a day the reader names, in the middle of the timeline.

The view stays at its zoom and scrolls so the chosen day's middle is in the
middle of the view; a day outside the timeline's span is allowed (the view
goes there). The field starts at the day in the middle of the view, so Enter
alone changes nothing but says where the view is. Days before the common era
are typed as the app writes them (``15 March 44 BC``) or in ISO 8601's
astronomical years (``-0043-03-15``); see :mod:`viewer.ui.widgets.days`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from viewer.domain.calendar import Day, day_of, seconds_of_day
from viewer.domain.dates import clamp_time
from viewer.domain.describe import day_words
from viewer.ui.timeline.view import TimelineView
from viewer.ui.widgets.days import read_day

# How long the status bar says where the view went (ms).
SAID_FOR = 6000


def day_at(t: float) -> Day:
    """The day (UTC, as the axis shows it) that the time ``t`` falls in."""
    return day_of(clamp_time(t))


def middle_of(day: Day) -> float:
    """The middle of ``day`` (UTC noon), in POSIX seconds."""
    return seconds_of_day(day) + 12 * 3600


class GoToDateDialog(QDialog):
    """A day to show: Enter goes there (the view scrolls, the status bar says so),
    Escape leaves the view where it was."""

    def __init__(
        self,
        view: TimelineView,
        say: Callable[[str, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goToDateDialog")
        self.setWindowTitle(self.tr("Go to Date"))
        self._view = view
        self._say = say
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("goToDateEdit")
        shown = day_at(view.t_of(view.gutter + view.time_area_width() / 2))
        self.date_edit.setText(day_words(shown))
        self.date_edit.selectAll()  # typing replaces it
        self.problem = QLabel(self)
        self.problem.setObjectName("goToDateProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.problem)
        extent = view.renderer.index.extent()
        if extent is not None:
            first, last = (day_at(t) for t in extent)
            era = first.year <= 0 < last.year  # "AD" after a day BC
            runs = self.tr("The timeline runs from {0} to {1}.")
            span = QLabel(runs.format(day_words(first), day_words(last, era)))
            span.setObjectName("goToDateSpan")
            span.setTextFormat(Qt.TextFormat.PlainText)
            span.setWordWrap(True)
            form.addRow(span)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Go"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.date_edit.setFocus()

    def day(self) -> Day | None:
        """The day typed; None if the text names none."""
        return read_day(self.date_edit.text())

    def accept(self) -> None:
        day = self.day()
        if day is None:
            #: {0} is an example of a day as the app writes it.
            said = self.tr("Type a day, such as {0} or 2025-06-02.")
            self.problem.setText(said.format(day_words(Day(2025, 6, 2))))
            self.problem.show()
            self.date_edit.setFocus()
            self.date_edit.selectAll()
            return
        self._view.center_on(middle_of(day))
        self._say(self.tr("Showing {0}").format(day_words(day)), SAID_FOR)
        super().accept()


def go_to_date(view: TimelineView, say: Callable[[str, int], None]) -> GoToDateDialog:
    """Go > Go to Date: ask for a day (window-modal), and show it if the reader goes."""
    dialog = GoToDateDialog(view, say, view.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
