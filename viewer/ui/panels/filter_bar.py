"""The filter bar: "Filter" with its menu, the chosen values as removable chips, how
many events show, and the dialog that asks for a date range.

What is chosen lives in :class:`~viewer.ui.controllers.filter_state.FilterState`;
the bar shows it and changes it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)

from viewer.domain.calendar import MAX_YEAR, MIN_YEAR, Day, day_of, seconds_of_day
from viewer.domain.dates import clamp_time
from viewer.domain.describe import day_words
from viewer.domain.model import EventKind, EventStatus, Reliability, Verification
from viewer.domain.names import kind_plural, reliability_name, status_name, verification_plural
from viewer.domain.text import isolate, one_line, without_isolates
from viewer.domain.timeline import Layer, Timeline
from viewer.timeline.filters import Chip, EventFilter
from viewer.timeline.index import event_index
from viewer.ui.controllers.filter_state import FilterState
from viewer.ui.widgets.announce import announce
from viewer.ui.widgets.days import day_of_qdate, qdate_of
from viewer.ui.widgets.flow import FlowBar
from viewer.ui.widgets.keyboard_menu import FirstItemMenu

# Actors listed in the Filter menu itself; with more, "Other Actor…" asks for one.
MENU_ACTORS = 25
# The widest a hidden timeline's title is shown on its chip (the rest elided).
CHIP_TITLE = 240


class DateRangeDialog(QDialog):
    """Two days: the first and the last a reader wants to see events of.

    Qt's fields write a year before the common era as a negative number
    (``15 March -0044`` is 44 BC: ``QDate`` has no year 0), so under a field
    with such a day the app's own words for it stand (``15 March 44 BC``)."""

    def __init__(self, first: Day | None, last: Day | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateRangeDialog")
        self.setWindowTitle(self.tr("Filter by Date"))
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        form = QFormLayout(self)
        self.said: list[QLabel] = []
        for edit, day, label in (
            (self.first, first, self.tr("&From:")),
            (self.last, last, self.tr("&Until:")),
        ):
            edit.setCalendarPopup(True)
            edit.setDateRange(qdate_of(Day(MIN_YEAR, 1, 1)), qdate_of(Day(MAX_YEAR, 12, 31)))
            # The days as the reader's language writes them (Qt's date format).
            edit.setDisplayFormat(self.tr("d MMMM yyyy"))
            edit.setDate(qdate_of(day) if day else QDate(2025, 1, 1))
            said = QLabel(self)
            said.setTextFormat(Qt.TextFormat.PlainText)
            edit.dateChanged.connect(lambda _day, e=edit, s=said: self._say(e, s))
            self._say(edit, said)
            self.said.append(said)
            form.addRow(label, edit)
            form.addRow("", said)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _say(edit: QDateEdit, said: QLabel) -> None:
        """The day in the app's words under ``edit``, for a day before the common era."""
        day = day_of_qdate(edit.date())
        said.setText(day_words(day) if day.year <= 0 else "")
        said.setVisible(day.year <= 0)

    def bounds(self) -> tuple[float, float]:
        """UTC seconds: the start of the first day, and the end of the last."""
        first, last = sorted((self.first.date(), self.last.date()))
        return seconds_of_day(day_of_qdate(first)), seconds_of_day(day_of_qdate(last)) + 86400.0


class FilterBar(FlowBar):
    """ "Filter" with its menu, the chosen values as removable chips, and how many show."""

    def __init__(self, state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName(self.tr("Filters"))
        self._state = state
        self.menu_button = QToolButton(self)
        self.menu_button.setObjectName("filterMenuButton")
        self.menu_button.setText(self.tr("Filter"))
        self.menu_button.setToolTip(
            self.tr("Show only some events: by kind, actor, status, claim, tag, date")
        )
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = FirstItemMenu(self)  # opens with "Kind" active, for the keys
        self.menu.setObjectName("filterMenu")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu_button.setMenu(self.menu)
        self.chips: list[QToolButton] = []
        # The date range dialog while it is open.
        self.date_dialog: DateRangeDialog | None = None
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setText(self.tr("Clear Filters"))
        self.clear_button.clicked.connect(lambda: state.set_filter(EventFilter()))
        self.count = QLabel(self)
        self.count.setObjectName("filterCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        # One flow: "Filter", the chips, "Clear Filters" and the count wrap onto
        # more lines when they outgrow the bar (a long German name, a large font,
        # a narrow window); every chip stays whole and in view, and the bar never
        # makes the window wider than the screen.
        for part in (self.menu_button, self.clear_button, self.count):
            self.row.addWidget(part)
        # The timeline the count was last shown for: a count changed on it is read out.
        self._counted: Timeline | None = None
        state.changed.connect(self._show)
        self._show()

    # -- the chips ------------------------------------------------------------------

    def _show(self) -> None:
        # The chip with the keys (the one removed, say): the keys go to the chip in
        # its place, or back to Filter, not lost with the chip.
        focused = next((i for i, chip in enumerate(self.chips) if chip.hasFocus()), None)
        for old in self.chips:
            self.row.removeWidget(old)
            old.hide()  # at once, not when the event loop deletes it
            old.deleteLater()
        self.chips = []
        timeline = self._state.timeline
        names = self._state.actor_names()
        chosen = self._state.filter
        for chip in chosen.chips(names):
            button = QToolButton(self)
            button.setObjectName("filterChip")
            # Plain text: "&" in a name is shown, not taken for a shortcut.
            button.setText(f"{chip.label.replace('&', '&&')}  \u2715")
            # The data on the second line: a fixed first one is never taken for rich text.
            button.setToolTip(self.tr("Remove this filter:") + f"\n{isolate(chip.label)}")
            button.setAccessibleDescription(without_isolates(button.toolTip()))
            button.setAccessibleName(
                without_isolates(self.tr("Remove filter {0}").format(chip.label))
            )
            button.clicked.connect(lambda _c=False, c=chip: self._remove(c))
            self.row.insert_widget(len(self.chips) + 1, button)  # after "Filter"
            button.show()
            self.chips.append(button)
        for layer in self._state.layers:
            if not self._state.layer_shown(layer.id):
                self._add_hidden_chip(layer)
        self.clear_button.setVisible(not chosen.empty)
        if focused is not None:
            after = self.chips[min(focused, len(self.chips) - 1)] if self.chips else None
            (after or self.menu_button).setFocus(Qt.FocusReason.OtherFocusReason)
        total = len(timeline.events) if timeline is not None else 0
        shown = self._state.shown()
        locale = QLocale()
        showing = self.tr("Showing {0} of {1} events")
        unfiltered = chosen.empty and not self._state.hidden
        before = self.count.text()
        self.count.setText(
            "" if unfiltered else showing.format(locale.toString(shown), locale.toString(total))
        )
        self.keep_lines()
        self._announce_count(timeline, before, total)

    def _announce_count(self, timeline: Timeline | None, before: str, total: int) -> None:
        """Have a screen reader read how many events show now, once: when the
        reader changed the filter (or the notes a filter uses) on the same
        timeline, not when another one opened with its own."""
        same, self._counted = timeline is not None and timeline is self._counted, timeline
        now = self.count.text()
        if not same or now == before:
            return
        if not now:  # filtered before, all shown now: say so rather than nothing
            now = self.tr("Showing all {0} events").format(QLocale().toString(total))
        announce(self.count, now)

    def _add_hidden_chip(self, layer: Layer) -> None:
        """A chip for a hidden timeline: "Hidden: its title"; its cross shows it again."""
        title = one_line(layer.title)
        short = self.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, CHIP_TITLE)
        button = QToolButton(self)
        button.setObjectName("hiddenLayerChip")
        #: A chip for a timeline the reader hid; {0} is its title.
        label = self.tr("Hidden: {0}").format(isolate(short))
        button.setText(f"{label.replace('&', '&&')}  \u2715")
        button.setToolTip(self.tr("Show this timeline again:") + f"\n{isolate(title)}")
        button.setAccessibleDescription(without_isolates(button.toolTip()))
        button.setAccessibleName(
            without_isolates(self.tr("Show the timeline {0} again").format(title))
        )
        button.clicked.connect(lambda _c=False, i=layer.id: self._state.set_layer_shown(i, True))
        self.row.insert_widget(len(self.chips) + 1, button)
        button.show()
        self.chips.append(button)

    def _remove(self, chip: Chip) -> None:
        self._state.set_filter(self._state.filter.without(chip))

    # -- the menu ---------------------------------------------------------------------

    def _check(
        self, menu: QMenu, text: str, facet: str, value: str, *, data: bool = True
    ) -> QAction:
        """A checkable entry that adds ``value`` of ``facet`` to the filter, or takes
        it away. ``text`` from ``data`` shows its "&"; the app's own has an Alt key."""
        action = menu.addAction(text.replace("&", "&&") if data else text)
        action.setCheckable(True)
        chosen = self._state.filter
        flags = {"has_notes": chosen.has_notes, "changed": chosen.changed}
        action.setChecked(flags[facet] if facet in flags else chosen.holds(facet, value))
        action.triggered.connect(partial(self._state.toggle, facet, value))
        return action

    def _fill_menu(self) -> None:
        menu, state = self.menu, self._state
        menu.clear()
        timeline = state.timeline
        kinds = menu.addMenu(self.tr("&Kind"))
        for kind in EventKind:
            self._check(kinds, kind_plural(kind), "kinds", kind.value)
        statuses = menu.addMenu(self.tr("&Status"))
        for status in EventStatus:
            self._check(statuses, status_name(status), "statuses", status.value)
        actors = menu.addMenu(self.tr("&Actor (taking part or quoted)"))
        listed = sorted(timeline.actors, key=lambda a: a.name.casefold()) if timeline else []
        for actor in listed[:MENU_ACTORS]:
            self._check(actors, actor.name, "actors", actor.id)
        if len(listed) > MENU_ACTORS:
            actors.addSeparator()
            actors.addAction(self.tr("Other Actor…"), self._choose_actor)
        actors.setEnabled(bool(listed))
        claims = menu.addMenu(self.tr("&Claim"))
        for verification in Verification:
            self._check(
                claims, verification_plural(verification), "verifications", verification.value
            )
        reliabilities = menu.addMenu(self.tr("Source &Reliability"))
        for reliability in Reliability:
            name = reliability_name(reliability)
            self._check(reliabilities, name, "reliabilities", reliability.value)
        tags = menu.addMenu(self.tr("&Tag"))
        known = sorted({t for note in state.notes() for t in note.tags}, key=str.casefold)
        for tag in known:
            self._check(tags, f"#{tag}", "tags", tag)
        tags.setEnabled(bool(known))
        self._check(menu, self.tr("Has &My Notes"), "has_notes", "", data=False)
        changed = self.tr("C&hanged Since I Last Looked")
        self._check(menu, changed, "changed", "", data=False)
        menu.addAction(self.tr("&Date Range…"), self._choose_dates)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear &Filters"), lambda: state.set_filter(EventFilter()))
        clear.setEnabled(not state.filter.empty)

    def _choose_actor(self) -> None:
        timeline = self._state.timeline
        if timeline is None:
            return
        actors = sorted(timeline.actors, key=lambda a: a.name.casefold())
        names = [f"{a.name} ({a.id})" for a in actors]
        name, ok = QInputDialog.getItem(
            self, self.tr("Filter by Actor"), self.tr("Actor:"), names, 0, True
        )
        if ok and name in names:
            self._state.toggle("actors", actors[names.index(name)].id)

    def _choose_dates(self) -> None:
        chosen = self._state.filter
        first = day_of(clamp_time(chosen.start)) if chosen.start is not None else None
        last = day_of(clamp_time(chosen.end - 1)) if chosen.end is not None else None
        if first is None or last is None:
            timeline = self._state.timeline
            extent = event_index(timeline).extent() if timeline is not None else None
            if extent is not None:
                first = first or day_of(clamp_time(extent[0]))
                last = last or day_of(clamp_time(extent[1] - 1))
        dialog = DateRangeDialog(first, last, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.date_dialog = dialog

        def accepted() -> None:
            start, end = dialog.bounds()
            self._state.set_filter(replace(self._state.filter, start=start, end=end))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "date_dialog", None))
        dialog.open()
