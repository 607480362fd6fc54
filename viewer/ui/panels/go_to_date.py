"""Go > Go to Date: a day the reader names, in the middle of the timeline.

The view stays at its zoom and scrolls so the chosen day's middle is in the
middle of the view; a day outside the timeline's span is allowed (the view
goes there). The field starts at the day in the middle of the view, so Enter
alone changes nothing but says where the view is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from viewer.domain.dates import clamp_time
from viewer.domain.describe import day_words
from viewer.ui.timeline.view import TimelineView

# How long the status bar says where the view went (ms).
SAID_FOR = 6000


def day_at(t: float) -> date:
    """The day (UTC, as the axis shows it) that the time ``t`` falls in."""
    return datetime.fromtimestamp(clamp_time(t), UTC).date()


def middle_of(day: date) -> float:
    """The middle of ``day`` (UTC noon), in POSIX seconds."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()


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
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("goToDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31))
        # The days as the reader's language writes them (Qt's date format).
        self.date_edit.setDisplayFormat(self.tr("d MMMM yyyy"))
        shown = day_at(view.t_of(view.gutter + view.time_area_width() / 2))
        self.date_edit.setDate(QDate(shown.year, shown.month, shown.day))
        form = QFormLayout(self)
        form.addRow(self.tr("&Date:"), self.date_edit)
        extent = view.renderer.index.extent()
        if extent is not None:
            first, last = (day_words(day_at(t)) for t in extent)
            span = QLabel(self.tr("The timeline runs from {0} to {1}.").format(first, last))
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
        # The first part of the day (the day's number in English) takes what is typed:
        # "2 June 2025" typed at once is that day.
        self.date_edit.setSelectedSection(self.date_edit.sectionAt(0))

    def day(self) -> date:
        """The day chosen."""
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def accept(self) -> None:
        day = self.day()
        self._view.center_on(middle_of(day))
        self._say(self.tr("Showing {0}").format(day_words(day)), SAID_FOR)
        super().accept()


def go_to_date(view: TimelineView, say: Callable[[str, int], None]) -> GoToDateDialog:
    """Go > Go to Date: ask for a day (window-modal), and show it if the reader goes."""
    dialog = GoToDateDialog(view, say, view.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
