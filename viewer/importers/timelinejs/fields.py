"""The fields of a TimelineJS object, read as the type they should be (Qt-free).

A field of another type is left out with a problem at its JSON path; what
cannot be read at all raises :class:`Bad`, and the slide or era is left out.
"""

from __future__ import annotations

from typing import Any

from viewer.domain.words import translate
from viewer.importers.common import ImportReport


class Bad(Exception):
    """Something at ``where`` that cannot be read."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def object_in(
    container: dict[str, Any], key: str, here: str, report: ImportReport
) -> dict[str, Any]:
    """``container[key]`` when it is an object; {} when it is missing, or (with a
    problem) of another type."""
    value = container.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        report.problem(
            f"{here}.{key}",
            translate("importers", "expected an object, found {0}; left out").format(
                kind_of(value)
            ),
        )
        return {}
    return value


def text_in(container: dict[str, Any], key: str, here: str, report: ImportReport) -> str:
    """``container[key]`` as text: "" when it is missing; a number is written out;
    a list of texts (R's jsonlite writes every value as one, ``["Title"]``) is
    its texts one after another, a space between two; anything else is left out
    with a problem."""
    value = container.get(key)
    if value is None:
        return ""
    if isinstance(value, list) and all(_scalar(item) or item is None for item in value):
        return " ".join(str(item) for item in value if item is not None and str(item).strip())
    if _scalar(value):
        return str(value)
    report.problem(
        f"{here}.{key}",
        translate("importers", "expected text, found {0}; left out").format(kind_of(value)),
    )
    return ""


def _scalar(value: Any) -> bool:
    """Whether ``value`` is text or a number (not true or false)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def kind_of(value: Any) -> str:
    """What ``value`` is, as a problem says it (in the reader's language)."""
    if value is None:
        return "null"  # JSON's own word
    if isinstance(value, bool):
        return translate("importers", "true or false")
    if isinstance(value, dict):
        return translate("importers", "an object")
    if isinstance(value, list):
        return translate("importers", "a list")
    if isinstance(value, str):
        return translate("importers", "a string")
    if isinstance(value, int | float):
        return translate("importers", "a number")
    return type(value).__name__
