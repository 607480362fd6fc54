"""What ACLED says of how it coded a row, in its event (Qt-free): the actors'
types, civilian targeting, ACLED's own tags, how precise the place is, the
sources' scale and when ACLED last changed the row.

Tags are what a reader groups by (View > Lanes > By Tag) and sees among the
event's facts: the few values each of these columns takes. What is a sentence
about the record rather than a group goes into the summary, after ACLED's
notes and a blank line, one ``Label: value`` line each, in the language ACLED
writes (English), as the notes are.

=======================  =====================================================
column                   becomes
=======================  =====================================================
``inter1``, ``inter2``   tags: the actors' types by ACLED's codes (1 State
                         forces, 2 Rebel groups, 3 Political militias,
                         4 Identity militias, 5 Rioters, 6 Protesters,
                         7 Civilians, 8 External/Other forces; 0, no second
                         actor, none); a newer export writes the name
                         (``State forces``, ``Rebel group``): one of these,
                         in any case or number, is the tag as above, so old
                         and new exports share their tags; another name is
                         the tag as written
``interaction``          nothing more: it is the pair of ``inter1`` and
                         ``inter2``, which the tags carry
``civilian_targeting``   the tag ``Civilian targeting`` when ACLED says so
``tags``                 split at ";": a flag (``armed presence``) is a tag as
                         written; a ``name=value`` (``crowd size=no report``)
                         is a summary line, ``Crowd size: no report``
``geo_precision``        2 and 3, a summary line: "Place: near the location
                         named, or in a part of the region around it" (2),
                         "Place: only the region is known; the location named
                         stands for it" (3); 1 (the town itself) says nothing
``source_scale``         a summary line, ``Sources' scale: National``: it is
                         the row's, over all its sources (``Subnational-
                         National``), and the model's sources are shared by
                         every row that cites them, so it cannot be a
                         source's own
``timestamp``            the last summary line, ``ACLED last changed the row:
                         2022-07-05 17:16:26 UTC``: a newer export of a row
                         ACLED changed differs in it, so the row shows as
                         changed since the reader last looked, whatever
                         column ACLED changed (an event's sources are ids of
                         the timeline's shared sources, so a date on a source
                         would not mark the event)
=======================  =====================================================

A value that cannot be read (an inter code that is not 0 to 8, a
``geo_precision`` that is not 1, 2 or 3, a timestamp that is not a whole
number of seconds) is left out of its event, and reported.
"""

from __future__ import annotations

from datetime import UTC, datetime

from viewer.domain.dates import quoted
from viewer.domain.terms import MAX_ITEMS, MAX_LONG_TEXT
from viewer.domain.words import translate
from viewer.importers.acled.header import CODING
from viewer.importers.acled.values import kind_of
from viewer.importers.common import long_text, plain, tag

# ACLED's actor types by their codes in ``inter1`` and ``inter2`` (0: no actor).
ACTOR_TYPES = {
    "1": "State forces",
    "2": "Rebel groups",
    "3": "Political militias",
    "4": "Identity militias",
    "5": "Rioters",
    "6": "Protesters",
    "7": "Civilians",
    "8": "External/Other forces",
}
# The types by their names without case or a plural "s" ("rebel group").
_NAMED = {name.casefold().rstrip("s"): name for name in ACTOR_TYPES.values()}
_PLACE_LINES = {
    "2": "Place: near the location named, or in a part of the region around it",
    "3": "Place: only the region is known; the location named stands for it",
}
# The longest line a ``name=value`` of ACLED's tags, or the sources' scale, makes.
_MOST_LINE = 300
# The most the summary lines may take of a summary; the most ACLED's tags'
# lines may take of them, so the lines after them are always kept.
_MOST_TAIL = 5_000
_MOST_TAG_LINES = 4_000
# Seconds since 1970 a datetime holds (up to 9999-12-31).
_MOST_SECONDS = 253_402_300_799


def coding_of(
    key: tuple[str, str, str, str, str, str],
) -> tuple[list[str], list[str], list[str]]:
    """From ``inter1``, ``inter2``, ``civilian_targeting``, ``tags``,
    ``geo_precision`` and ``source_scale``: the event's tags, its summary
    lines, and what could not be read (for the report)."""
    inter1, inter2, civilians, acled_tags, geo, scale = key
    tags: list[str] = []
    lines: list[str] = []
    problems: list[str] = []
    for column, code in (("inter1", inter1), ("inter2", inter2)):
        text = code.strip()
        if text.endswith(".0") and text[:-2].isdigit():  # as a spreadsheet saves a number
            text = text[:-2]
        if not text or text.strip("0") == "":
            continue
        if text.isdigit():
            name = ACTOR_TYPES.get(text.lstrip("0"))
            if name is None:
                problems.append(
                    #: A problem of an ACLED row: {0} is the column (inter1, inter2), {1} its
                    #: value in quotation marks.
                    translate(
                        "importers", "{0} {1} is not one of ACLED's actor types (0 to 8): left out"
                    ).format(column, quoted(text))
                )
                continue
        else:  # a newer export's name: the codebook's spelling, whatever the number
            name = _NAMED.get(text.casefold().rstrip("s")) or tag(text)
        if name not in tags:
            tags.append(name)
    targeted = tag(civilians)
    if targeted and targeted not in tags:
        tags.append(targeted)
    room = _MOST_TAG_LINES
    for part in acled_tags.split(";"):
        name, equals, value = part.partition("=")
        if equals:
            label, said = plain(name, 100), plain(value, _MOST_LINE)
            if label and said and room > 0:  # "a=" says nothing
                made = f"{label[:1].upper()}{label[1:]}: {said}"
                room -= len(made) + 1
                lines.append(made if room >= 0 else "\u2026")
            continue
        flag = tag(part)
        if flag and flag not in tags:
            tags.append(flag)
    precision = geo.strip()
    if precision in _PLACE_LINES:
        lines.append(_PLACE_LINES[precision])
    elif precision and precision != "1":
        problems.append(
            #: A problem of an ACLED row: {0} is the value of its column geo_precision, quoted.
            translate("importers", "geo_precision {0} is not 1, 2 or 3: left out").format(
                quoted(precision)
            )
        )
    scale_text = plain(scale, _MOST_LINE)
    if scale_text:
        lines.append(f"Sources' scale: {scale_text}")
    return tags, lines, problems


def changed_line(text: str) -> str | tuple[str]:
    """The summary line of ``timestamp`` (seconds since 1970, UTC), "" for none,
    or (in a tuple) why it is left out."""
    seconds = text.strip()
    if not seconds:
        return ""
    try:
        number = float(seconds) if not seconds.isdigit() else int(seconds)
    except ValueError:
        number = -1.0
    if isinstance(number, float) and not number.is_integer():
        number = -1.0
    if not 0 <= number <= _MOST_SECONDS:
        return (
            #: A problem of an ACLED row: {0} is the value of its column timestamp, quoted.
            translate(
                "importers", "timestamp {0} is not a whole number of seconds since 1970: left out"
            ).format(quoted(seconds)),
        )
    moment = datetime.fromtimestamp(int(number), UTC)
    return f"ACLED last changed the row: {moment:%Y-%m-%d %H:%M:%S} UTC"


# The columns of kind_and_coding's key, in its order.
KIND_COLUMNS = ("event_type", "sub_event_type", "disorder_type", *CODING)


def kind_and_coding(
    key: tuple[str, str, str, str, str, str, str, str, str],
) -> tuple[str, list[str], str, str | None, str, list[str]]:
    """What :func:`~viewer.importers.acled.values.kind_of` makes of ``event_type``,
    ``sub_event_type`` and ``disorder_type`` (the kind, the tags, the title's
    label, a type ACLED does not list), with :func:`coding_of`'s tags added to
    the tags, its lines joined as one text, and what could not be read. One
    cache of them, one look-up a row."""
    kind, tags, label, unknown = kind_of(key[:3])
    more, lines, problems = coding_of(key[3:])
    tags += [one for one in more if one not in tags]
    del tags[MAX_ITEMS:]  # the most an event holds, the first kept (as its actors)
    return kind, tags, label, unknown, "\n".join(lines), problems


def with_lines(summary: str, tail: str, changed: str) -> str:
    """``summary`` (ACLED's notes, made plain) and, after a blank line, the
    lines of ``tail`` and the ``changed`` line; cut to the model's limit from
    the notes' end, so the lines are kept."""
    if changed:
        tail = f"{tail}\n{changed}" if tail else changed
    if not tail:
        return summary
    if len(tail) > _MOST_TAIL:  # plain lines already: cut, not cleaned
        tail = long_text(tail, _MOST_TAIL)
    if not summary:
        return tail
    room = MAX_LONG_TEXT - len(tail) - 2
    if len(summary) > room:
        summary = long_text(summary, room)
    return f"{summary}\n\n{tail}"
