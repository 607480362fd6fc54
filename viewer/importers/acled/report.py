"""What an ACLED import says besides its events: where a problem is, and the
notes on what was imported (Qt-free).

The model file's header is written before the first row is read, so the
countries and the span of dates, known only at the end, go into the notes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from viewer.domain.dates import quoted
from viewer.domain.words import number, translate
from viewer.importers.common import ImportReport, plain


@dataclass(slots=True)
class Seen:
    """What the notes tell of the events imported."""

    # The countries, in the order met (at most 1000 are kept).
    countries: dict[str, None] = field(default_factory=dict)
    # The first and last day ACLED coded (ISO).
    first_day: str = ""
    last_day: str = ""
    # Events by ``time_precision``, and by the event types ACLED does not list.
    precisions: Counter[str] = field(default_factory=Counter)
    unknown_types: Counter[str] = field(default_factory=Counter)


def line(at: int) -> str:
    """Where a problem is: the line of the file, in the reader's language."""
    return translate("importers", "line {0}").format(at)


def add_notes(report: ImportReport, seen: Seen) -> None:
    """Add to ``report`` what ``seen`` tells: where and when, how precise, what kinds."""
    notes = report.notes
    countries = [country for country in (plain(c, 100) for c in seen.countries) if country]
    shown = ", ".join(countries[:8])
    if len(countries) > 8:
        shown = translate("importers", "{0} and {1} more").format(shown, len(countries) - 8)
    if shown:
        notes.append(
            translate("importers", "events in {0}, from {1} to {2}").format(
                shown, seen.first_day, seen.last_day
            )
        )
    else:
        notes.append(
            translate("importers", "events, from {0} to {1}").format(seen.first_day, seen.last_day)
        )
    counts = seen.precisions
    notes.append(
        translate(
            "importers",
            "dates: {0} to the day, {1} to the week (the ISO week that holds ACLED's coded "
            "day), {2} to the month",
        ).format(number(counts["1"]), number(counts["2"]), number(counts["3"]))
    )
    unknown = seen.unknown_types
    if unknown:
        listed = ", ".join(
            f"{quoted(kind)} ({number(count)})" for kind, count in unknown.most_common(10)
        )
        if len(unknown) > 10:
            listed = translate("importers", "{0} and {1} more").format(listed, len(unknown) - 10)
        notes.append(
            translate(
                "importers",
                "{0} events of types ACLED does not list were imported as 'other': {1}",
            ).format(number(sum(unknown.values())), listed)
        )
