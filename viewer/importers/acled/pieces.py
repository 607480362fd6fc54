"""A row's values that repeat, written once as the pieces the model file
holds them in (Qt-free).

The importer keeps each distinct value of a row's repeating fields (its date,
kind and tags, fatalities, coordinates; see :mod:`~viewer.importers.acled.values`)
as the writer's piece of it (:meth:`~viewer.importers.common.ModelWriter.piece`:
checked once, then joined into every event that holds it), or as what is
wrong with its text, for the report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from viewer.domain.dates import quoted
from viewer.domain.words import translate
from viewer.importers.acled.values import coordinates_of, count

# Writes a field's value as a piece (ModelWriter.piece).
Piece = Callable[[str, Any], bytes]


def when_piece(made: tuple[dict[str, Any], str] | str, piece: Piece) -> tuple[bytes, str] | str:
    """The date of :func:`~viewer.importers.acled.values.date_of` written, with
    its day; or why it is left out."""
    return made if isinstance(made, str) else (piece("date", made[0]), made[1])


def kind_pieces(
    made: tuple[str, list[str], str, str | None, str, list[str]],
    piece: Piece,
) -> tuple[bytes, bytes, str, str | None, str, list[str]]:
    """The kind and tags of
    :func:`~viewer.importers.acled.coding.kind_and_coding` written; the rest as it is."""
    kind_name, tags, label, unknown, lines, unread = made
    return piece("kind", kind_name), piece("tags", tags), label, unknown, lines, unread


def dead_piece(text: str, piece: Piece) -> bytes | str:
    """``fatalities`` written (none when empty), or what is wrong with it."""
    if not text:
        return piece("fatalities", None)
    dead = count(text)
    if dead is None:
        return translate(
            "importers", "fatalities {0} is not a whole number from 0: left out"
        ).format(quoted(text))
    return piece("fatalities", dead)


def where_piece(key: tuple[str, str], piece: Piece) -> bytes | str:
    """The coordinates of ``latitude`` and ``longitude`` written (none when
    neither is given), or what is wrong with them."""
    where = coordinates_of(key)
    if isinstance(where, dict):
        return piece("coordinates", where)
    return where if where else piece("coordinates", None)
