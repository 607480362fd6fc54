"""What a TimelineJS import says besides its problems: the notes on what it
changed or could not hold, counted as the slides are read (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from viewer.domain.words import QT_TRANSLATE_NOOP, number, translate
from viewer.importers.common import ImportReport, plain

# TimelineJS has no language field: unless the import is told one, a timeline's
# language is "und" (BCP 47's "undetermined"), never claimed to be English.
UNDETERMINED = "und"


@dataclass(slots=True)
class Tally:
    """What the notes count."""

    minutes: int = 0
    seconds: int = 0
    gaps: int = 0
    mixed: int = 0
    from_text: int = 0
    untitled: int = 0
    html_media: int = 0
    groups: dict[str, None] = field(default_factory=dict)


def add_notes(
    report: ImportReport, tally: Tally, document: dict[str, Any], language: str | None
) -> None:
    notes = report.notes
    notes.append(
        translate("importers", 'TimelineJS has no kinds of event: every event is filed as "other".')
    )
    if language is None:
        notes.append(
            translate(
                "importers",
                'TimelineJS has no language field: the timeline\'s language is "{0}" '
                "(undetermined); import --language sets it.",
            ).format(UNDETERMINED)
        )
    if tally.groups:
        listed = plain(", ".join(tally.groups), 300)
        notes.append(
            translate(
                "importers",
                "TimelineJS groups became tags, one lane each in View > Lanes > By Tag: {0}.",
            ).format(listed)
        )
    if tally.minutes:
        notes.append(
            _many(
                tally.minutes,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date gives a time of day: TimelineJS times have no time zone, so they "
                    "were written as UTC.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates give a time of day: TimelineJS times have no time zone, so they "
                    "were written as UTC.",
                ),
            )
        )
    if tally.seconds:
        notes.append(
            _many(
                tally.seconds,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date gives seconds or milliseconds: dropped, as the model's finest "
                    "precision is the minute.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates give seconds or milliseconds: dropped, as the model's finest "
                    "precision is the minute.",
                ),
            )
        )
    if tally.gaps:
        notes.append(
            _many(
                tally.gaps,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date gives a finer part without a coarser one (a day without a month): "
                    "read only as far as its parts run on from the year.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates give a finer part without a coarser one (a day without a month): "
                    "read only as far as its parts run on from the year.",
                ),
            )
        )
    if tally.mixed:
        notes.append(
            _many(
                tally.mixed,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} date starts and ends at different precisions: written at the finer "
                    "one, the other from the start or to the end of its year, month or day, "
                    "as its note says.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} dates start and end at different precisions: written at the finer "
                    "one, the other from the start or to the end of its year, month or day, "
                    "as their notes say.",
                ),
            )
        )
    if tally.from_text:
        notes.append(
            _many(
                tally.from_text,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} event has no headline: titled with the first words of the text.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} events have no headline: titled with the first words of the text.",
                ),
            )
        )
    if tally.untitled:
        notes.append(
            _many(
                tally.untitled,
                QT_TRANSLATE_NOOP(
                    "importers",
                    '{0} event has neither headline nor text: titled "Untitled event N", N '
                    "being the slide's place in the file.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    '{0} events have neither headline nor text: titled "Untitled event N", N '
                    "being the slide's place in the file.",
                ),
            )
        )
    if tally.html_media:
        notes.append(
            _many(
                tally.html_media,
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} event shows HTML as its media (a quote, an embed): its text was added "
                    "to the summary.",
                ),
                QT_TRANSLATE_NOOP(
                    "importers",
                    "{0} events show HTML as their media (a quote, an embed): its text was added "
                    "to the summary.",
                ),
            )
        )
    if document.get("scale") == "cosmological":
        notes.append(
            translate(
                "importers",
                'The timeline is on the "cosmological" scale: years before 10000 BC '
                "cannot be held, and their slides were left out.",
            )
        )


def _many(count: int, one: str, more: str) -> str:
    """The note ``one`` (for one item) or ``more``, in the reader's language, with ``count``."""
    return translate("importers", one if count == 1 else more).format(number(count))
