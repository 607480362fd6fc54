"""Whole-file checks that field validation cannot make.

Each problem names the JSON path it is about, so an author can go straight to
it. All problems are collected; none stops the others from being found.
"""

from collections.abc import Container, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # not imported to run: ``validate`` reports problems without pydantic
    from viewer.domain.model import FuzzyDate, TimelineModel


class Problem(NamedTuple):
    """One thing wrong with a model file, as one line for its author."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


# A name in a path longer than this is cut: an unknown field's name may be megabytes.
_PATH_NAME = 60


def json_path(loc: Iterable[str | int]) -> str:
    """``('events', 3, 'participants', 1)`` -> ``events[3].participants[1]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if len(part) <= _PATH_NAME else part[: _PATH_NAME - 3] + "..."
            out += f".{name}" if out else name
    return out


def _duplicates(collection: str, ids: Sequence[str]) -> Iterator[Problem]:
    first_seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first_seen:
            yield Problem(
                f"{collection}[{index}].id",
                f"duplicate id {item_id!r}, already used by {collection}[{first_seen[item_id]}]",
            )
        else:
            first_seen[item_id] = index


def _dangling(path: str, target: str, ref: str, known: Container[str]) -> Iterator[Problem]:
    if ref not in known:
        yield Problem(path, f"refers to no {target}: found {ref!r}")


def check_timeline(timeline: "TimelineModel") -> list[Problem]:
    """Every problem in a field-valid timeline, in document order."""
    problems: list[Problem] = []
    for collection, items in (
        ("sources", timeline.sources),
        ("actors", timeline.actors),
        ("events", timeline.events),
        ("quotes", timeline.quotes),
    ):
        problems.extend(_duplicates(collection, [item.id for item in items]))

    actors = timeline.actors_by_id
    events = timeline.events_by_id
    sources = timeline.sources_by_id

    for i, source in enumerate(timeline.sources):
        if source.published is not None:
            problems.extend(_date(f"sources[{i}].published", source.published, sources))

    claims = _claim_ids(timeline, problems)

    for i, event in enumerate(timeline.events):
        here = f"events[{i}]"
        problems.extend(_date(f"{here}.date", event.date, sources))
        if event.first_reported is not None:
            problems.extend(_date(f"{here}.first_reported", event.first_reported, sources))
        for j, actor_id in enumerate(event.participants):
            problems.extend(_dangling(f"{here}.participants[{j}]", "actor", actor_id, actors))
        for j, source_id in enumerate(event.sources):
            problems.extend(_dangling(f"{here}.sources[{j}]", "source", source_id, sources))
        for j, related_id in enumerate(event.related):
            if related_id == event.id:
                problems.append(
                    Problem(f"{here}.related[{j}]", "an event cannot be related to itself")
                )
            else:
                problems.extend(_dangling(f"{here}.related[{j}]", "event", related_id, events))
        for j, claim in enumerate(event.claims):
            problems.extend(_dangling(f"{here}.claims[{j}].by", "actor", claim.by, actors))
            if claim.via is not None:
                problems.extend(_dangling(f"{here}.claims[{j}].via", "actor", claim.via, actors))
            if claim.source is not None:
                problems.extend(
                    _dangling(f"{here}.claims[{j}].source", "source", claim.source, sources)
                )
            for k, disputed in enumerate(claim.disputes):
                path = f"{here}.claims[{j}].disputes[{k}]"
                if disputed == claim.id:
                    problems.append(Problem(path, "a claim cannot dispute itself"))
                else:
                    problems.extend(_dangling(path, "claim", disputed, claims))

    for i, era in enumerate(timeline.eras):
        problems.extend(_date(f"eras[{i}].date", era.date, sources))

    for i, quote in enumerate(timeline.quotes):
        here = f"quotes[{i}]"
        problems.extend(_dangling(f"{here}.speaker", "actor", quote.speaker, actors))
        problems.extend(_dangling(f"{here}.event", "event", quote.event, events))
        if quote.source is not None:
            problems.extend(_dangling(f"{here}.source", "source", quote.source, sources))
    return problems


def _claim_ids(timeline: "TimelineModel", problems: list[Problem]) -> set[str]:
    """The ids of the timeline's claims (of every event); one used twice is a
    problem, added to ``problems`` where it is used again."""
    first_seen: dict[str, str] = {}
    for i, event in enumerate(timeline.events):
        for j, claim in enumerate(event.claims):
            if claim.id is None:
                continue
            path = f"events[{i}].claims[{j}].id"
            if claim.id in first_seen:
                said = f"duplicate claim id {claim.id!r}, already used by {first_seen[claim.id]}"
                problems.append(Problem(path, said))
            else:
                first_seen[claim.id] = path.removesuffix(".id")
    return set(first_seen)


def _date(path: str, date: "FuzzyDate", sources: Container[str]) -> Iterator[Problem]:
    """A date's problems: an end before its start, a source that is none."""
    yield from _end_before_start(path, date)
    if date.source is not None:
        yield from _dangling(f"{path}.source", "source", date.source, sources)


def _end_before_start(path: str, date: "FuzzyDate") -> Iterator[Problem]:
    # Both points are whole units of the same precision, so "the end's unit
    # is over before the start's begins" is exactly "end before start".
    if date.closed_end is not None and date.latest <= date.earliest:
        yield Problem(
            f"{path}.end",
            f"ends before it starts: start {date.start!r}, found end {date.end!r}",
        )
