"""A TimelineJS2 ("storyjs") file read as a TimelineJS3 one (Qt-free).

TimelineJS2 keeps its timeline under ``"timeline"``: the object's own
``headline``, ``text`` and ``asset`` are the title slide, its ``date`` list the
slides and its ``era`` list the eras. A slide or era dates itself with
``startDate`` and ``endDate``, written ``"YYYY,MM,DD"`` (month, day and a time
``HH,MM``, seconds and milliseconds optional: the parts of a TimelineJS3 date,
in order); its ``headline`` and ``text`` are TimelineJS3's ``text``, its
``asset`` (``media``, ``credit``, ``caption``, ``thumbnail``) the ``media``,
its ``tag`` the ``group``. ``type``, ``classname`` and an era's ``tag`` have no
place in the model and are not read.

Each slide is put into TimelineJS3's shape and the TimelineJS3 conversion
reads it, so every check and every note applies the same; the JSON paths its
problems name are put back into TimelineJS2's (:func:`v2_path`).
"""

from __future__ import annotations

import re
from typing import Any

from viewer.domain.words import translate

# The parts of a TimelineJS2 date, in the order it writes them, as TimelineJS3 names them.
_DATE_PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")
# A TimelineJS2 asset's fields, as TimelineJS3 media names them.
_ASSET = (
    ("media", "url"),
    ("caption", "caption"),
    ("credit", "credit"),
    ("thumbnail", "thumbnail"),
)
# Where a TimelineJS3 path's head is in a TimelineJS2 file.
_PLACES = {"events": "timeline.date", "eras": "timeline.era", "title": "timeline"}
_HEAD = re.compile(r"(events|eras|title)(\[\d+\])?")
# A TimelineJS3 field's path in a slide, its TimelineJS2 path, and whether what
# follows is kept (a date is one string in TimelineJS2: no path goes into it).
_FIELDS: tuple[tuple[str, str, bool], ...] = (
    (".start_date", ".startDate", False),
    (".end_date", ".endDate", False),
    (".text.headline", ".headline", True),
    (".text.text", ".text", True),
    (".text", "", True),
    (".media.url", ".asset.media", True),
    (".media", ".asset", True),
    (".group", ".tag", True),
)


def is_version2(document: dict[str, Any]) -> bool:
    """Whether ``document`` is a TimelineJS2 timeline: a ``"timeline"`` object
    holding a ``"date"`` list (and no TimelineJS3 ``"events"``)."""
    timeline = document.get("timeline")
    return (
        "events" not in document
        and isinstance(timeline, dict)
        and isinstance(timeline.get("date"), list)
    )


def as_version3(document: dict[str, Any]) -> dict[str, Any]:
    """The TimelineJS2 ``document`` (see :func:`is_version2`) as a TimelineJS3 one."""
    timeline: dict[str, Any] = document["timeline"]
    shaped: dict[str, Any] = {"events": [_slide(slide) for slide in timeline["date"]]}
    title = _slide(timeline, dated=False)
    if title:
        shaped["title"] = title
    if "era" in timeline:
        eras = timeline["era"]
        shaped["eras"] = [_slide(era) for era in eras] if isinstance(eras, list) else eras
    return shaped


def v2_path(where: str) -> str:
    """The TimelineJS2 path of what the TimelineJS3 path ``where`` names
    (``events[2].start_date.year`` is ``timeline.date[2].startDate``)."""
    head = _HEAD.match(where)
    if head is None:
        return where
    rest = where[head.end() :]
    if rest[:1] not in ("", ".", "["):
        return where
    place = _PLACES[head[1]] + (head[2] or "")
    for old, new, kept in _FIELDS:
        if rest == old or rest.startswith((old + ".", old + "[")):
            return place + new + (rest[len(old) :] if kept else "")
    return place + rest


def version2_note() -> str:
    """The import report's note that the file was read as TimelineJS2."""
    return translate(
        "importers",
        "The file is a TimelineJS2 timeline: its dates were read as TimelineJS3 slides, "
        "its tags as groups and its assets as media.",
    )


def _slide(slide: Any, *, dated: bool = True) -> Any:
    """A TimelineJS2 slide or era in TimelineJS3's shape (what is not an object
    stays as it is, for the conversion to say so)."""
    if not isinstance(slide, dict):
        return slide
    shaped: dict[str, Any] = {}
    if dated:
        for old, new in (("startDate", "start_date"), ("endDate", "end_date")):
            if slide.get(old) is not None:
                shaped[new] = _date(slide[old])
    text = {key: slide[key] for key in ("headline", "text") if slide.get(key) is not None}
    if text:
        shaped["text"] = text
    if slide.get("asset") is not None:
        shaped["media"] = _media(slide["asset"])
    if dated and slide.get("tag") is not None:
        shaped["group"] = slide["tag"]
    return shaped


def _date(value: Any) -> dict[str, Any]:
    """A TimelineJS2 date (``"1963,8,9"``) as a TimelineJS3 date object. What is
    no such date (a list, ``"9/8/1963"``, more parts than a date has) is given as
    the year, which the conversion then says is no whole number."""
    if isinstance(value, str):
        parts = value.split(",")
        if len(parts) <= len(_DATE_PARTS):
            return dict(zip(_DATE_PARTS, parts, strict=False))
    return {"year": value}


def _media(asset: Any) -> Any:
    """A TimelineJS2 asset as TimelineJS3 media: its ``media`` is the address."""
    if not isinstance(asset, dict):
        return asset
    return {new: asset[old] for old, new in _ASSET if old in asset}
