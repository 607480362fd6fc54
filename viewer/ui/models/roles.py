"""The item roles of every model in the window, in one enum.

Qt leaves the numbers from ``UserRole`` up to each app; here each meaning has
one role, whichever model hands it out, so a view or a proxy asks every list
for an event's id the same way.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_FIRST = int(Qt.ItemDataRole.UserRole)


class ItemRole(IntEnum):
    """What a model's ``data()`` gives beyond Qt's own roles."""

    # The actor's id (``str``) on a row of the speakers list.
    ACTOR_ID = _FIRST
    # The quote's id (``str``) on a row of the quotes list.
    QUOTE_ID = _FIRST + 1
    # The id (``str``) of the event a row is about: an event, a quote's event,
    # a note's event ("" when it has none), a search result.
    EVENT_ID = _FIRST + 2
    # The note's id (``str``) on a row of the notes list.
    NOTE_ID = _FIRST + 3
    # A sortable key in the events table: ``float`` for dates, ``int`` for note
    # counts, casefolded ``str`` otherwise.
    SORT_KEY = _FIRST + 4
    # What a filter of the list matches, one text per line: a quote's text,
    # speaker, translation and event title; a note's text, title and tags.
    SEARCH_TEXT = _FIRST + 5
    # What ``DisplayRole`` shows, without the isolates around data: what typing a
    # name's first letters in a view looks for (``match()`` uses it for ``DisplayRole``).
    PLAIN_DISPLAY = _FIRST + 6
    # A speaker row's name and role (isolated), without the count: the delegate elides it.
    NAME = _FIRST + 7
    # A speaker row's quote count in words ("6 quotes"): always shown whole.
    COUNT = _FIRST + 8
