"""A TimelineJS file as a whole: read, refused when too large or no timeline,
and its list of slides (Qt-free)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from viewer.domain.words import number, translate
from viewer.importers.common import ImportFailed, ImportProblem
from viewer.importers.timelinejs.fields import kind_of
from viewer.persistence.paths import not_a_file

# Larger TimelineJS files are refused before they are read, as model files are.
# TimelineJS shows every slide in a browser: its timelines are kilobytes to a few
# megabytes, and 64 MiB is 140,000 slides like Houston's (10 s to import). The
# document is parsed whole, several times its size in memory: gigabytes beyond.
# ("#", not "#:": lupdate would take it for a note to the translators.)
MAX_TIMELINEJS_BYTES = 64 * 1024 * 1024
_MIB = 1024 * 1024


def read_json(src: Path) -> dict[str, Any]:
    """The JSON object ``src`` holds; raises :class:`~viewer.importers.common.ImportFailed`
    when it is too large, not JSON, or not an object."""
    data = read_bytes(src)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            translate("importers", "not valid JSON: not UTF-8 text (at byte {0})").format(
                number(exc.start)
            ),
            unreadable=True,
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            translate("importers", "not valid JSON: {0} at line {1}, column {2}").format(
                exc.msg, exc.lineno, exc.colno
            ),
            unreadable=True,
        ) from None
    except ValueError as exc:  # a number of thousands of digits, and the like
        raise ImportFailed(
            translate("importers", "not a JSON this app can read: {0}").format(exc),
            unreadable=True,
        ) from None
    except RecursionError:
        said = translate("importers", "not valid JSON: nested too deeply")
        raise ImportFailed(said, unreadable=True) from None
    if not isinstance(document, dict):
        raise ImportFailed(
            translate(
                "importers",
                "not a TimelineJS timeline: expected an object ({0}) at the top, found {1}",
            ).format('{"events": [...]}', kind_of(document)),
        )
    return document


def read_bytes(src: Path) -> bytes:
    """What ``src`` holds; raises :class:`~viewer.importers.common.ImportFailed`
    when it cannot be read, is too large or is empty."""
    odd = not_a_file(src)
    if odd is not None:  # a pipe would hang reading it
        raise ImportFailed(translate("importers", "cannot be read: {0}").format(odd))
    try:
        with src.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(MAX_TIMELINEJS_BYTES + 1) if size <= MAX_TIMELINEJS_BYTES else b""
    except OSError as exc:
        raise ImportFailed(
            translate("importers", "cannot be read: {0}").format(exc.strerror or exc)
        ) from None
    if max(size, len(data)) > MAX_TIMELINEJS_BYTES:  # refused unread (or it grew meanwhile)
        raise ImportFailed(_over_the_limit(max(size, len(data))))
    if not data.strip():
        raise ImportFailed(translate("importers", "the file is empty"), unreadable=True)
    return data


def too_large(src: Path) -> str | None:
    """Why ``src`` is too large to import (its size and the limit), or None."""
    try:
        size = src.stat().st_size
    except OSError:
        return None  # said when it is read
    return _over_the_limit(size) if size > MAX_TIMELINEJS_BYTES else None


def _over_the_limit(size: int) -> str:
    return translate(
        "importers", "is {0} MiB ({1} bytes), over the {2} MiB limit for TimelineJS files"
    ).format(number(-(-size // _MIB)), number(size), number(MAX_TIMELINEJS_BYTES // _MIB))


def slides_of(document: dict[str, Any]) -> list[Any]:
    """The slides of ``document``; raises :class:`~viewer.importers.common.ImportFailed`
    when it has none."""
    if "events" not in document:
        raise ImportFailed(
            [
                ImportProblem(
                    "events",
                    translate(
                        "importers",
                        'missing: a TimelineJS timeline lists its slides under "events"',
                    ),
                )
            ]
        )
    slides = document["events"]
    if not isinstance(slides, list):
        raise ImportFailed(
            [
                ImportProblem(
                    "events",
                    translate("importers", "expected a list of slides, found {0}").format(
                        kind_of(slides)
                    ),
                )
            ]
        )
    if not slides:
        raise ImportFailed(
            [ImportProblem("events", translate("importers", "the file has no events"))]
        )
    return slides
