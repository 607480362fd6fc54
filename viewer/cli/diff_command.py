"""``timeline-viewer diff OLD NEW [--json]``: the events and quotes added, removed
and changed between two model files (Qt-free)."""

from __future__ import annotations

import argparse

from viewer.cli.arguments import TYPE_CHECKING, ArgumentParser, file_path
from viewer.cli.exit_codes import ExitCode

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from viewer.domain.changes import FieldChange, ItemsDiff, TimelineDiff
    from viewer.domain.timeline import Timeline

# A value longer than this (in characters) is cut with "…" in the text output.
SHOWN_CHARS = 120


def add_parser(commands: argparse._SubParsersAction[ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff",
        help="list the events and quotes added, removed and changed between two model files",
        description="Compare the events and quotes of two model files by their ids: what "
        "NEW adds, what it removes and what it changes, field by field. Exit status: 0 "
        "when they are the same, 1 when they differ (as diff), 2 when a file cannot be "
        "read or is not a valid model file.",
    )
    diff.add_argument("old", type=file_path, metavar="OLD", help="the model file before")
    diff.add_argument("new", type=file_path, metavar="NEW", help="the model file after")
    diff.add_argument(
        "--json", action="store_true", help="machine-readable output, with whole values"
    )


def run(args: argparse.Namespace) -> int:
    return run_diff(args.old, args.new, args.json)


def run_diff(old_path: Path, new_path: Path, as_json: bool) -> int:
    """Print what changed from ``old_path`` to ``new_path``; the exit status."""
    # Here, not at the top: every command's start would pay for loading timelines.
    from viewer.cli.loading import load_for_command
    from viewer.domain.changes import diff_timelines

    # Both are read, so the problems of both are said at once.
    old, new = load_for_command(old_path), load_for_command(new_path)
    if isinstance(old, ExitCode) or isinstance(new, ExitCode):
        return ExitCode.USAGE  # 1 says "they differ": a file that is no model file is 2
    diff = diff_timelines(old, new)
    if as_json:
        import json

        from viewer.domain.text import terminal_safe_json

        text = json.dumps(_as_json(diff, old, new), indent=2, ensure_ascii=False)
        print(terminal_safe_json(text))
    else:
        _print(diff, old, new)
    return ExitCode.OK if diff.equal else ExitCode.FAILED


# -- JSON ------------------------------------------------------------------------------------


def _as_json(diff: TimelineDiff, old: Timeline, new: Timeline) -> dict[str, Any]:
    return {
        "equal": diff.equal,
        "events": _items_json(diff.events, old, new, quotes=False),
        "quotes": _items_json(diff.quotes, old, new, quotes=True),
    }


def _items_json(items: ItemsDiff, old: Timeline, new: Timeline, *, quotes: bool) -> dict[str, Any]:
    label = "text" if quotes else "title"
    return {
        "added": [{"id": i, label: _label(new, i, quotes)} for i in items.added],
        "removed": [{"id": i, label: _label(old, i, quotes)} for i in items.removed],
        "changed": [
            {
                "id": change.id,
                label: _label(new, change.id, quotes),
                "fields": [{"path": f.path, "old": f.old, "new": f.new} for f in change.fields],
            }
            for change in items.changed
        ],
    }


def _label(timeline: Timeline, item_id: str, quote: bool) -> str:
    """An event's title, or a quote's text."""
    if quote:
        row = timeline.quotes.row_of(item_id)
        assert row is not None
        text: str = timeline.quotes.record(row)["text"]
        return text
    row = timeline.events.row_of(item_id)
    assert row is not None
    return timeline.events.title(row)


# -- text ------------------------------------------------------------------------------------


def _print(diff: TimelineDiff, old: Timeline, new: Timeline) -> None:
    if diff.equal:
        print(
            f"No differences in {_count(len(new.events), 'event')} "
            f"and {_count(len(new.quotes), 'quote')}"
        )
        return
    print(f"{_summary(diff.events, 'event')}; {_summary(diff.quotes, 'quote')}")
    for items, what in ((diff.events, "event"), (diff.quotes, "quote")):
        quotes = what == "quote"
        for item_id in items.added:
            _line(f"+ {what} {item_id}: {_shown(_label(new, item_id, quotes))}")
        for item_id in items.removed:
            _line(f"- {what} {item_id}: {_shown(_label(old, item_id, quotes))}")
        for change in items.changed:
            _line(f"~ {what} {change.id}: {_shown(_label(new, change.id, quotes))}")
            for field in change.fields:
                _line(_field_line(field))


def _count(number: int, what: str) -> str:
    return f"{number:,} {what}" + ("" if number == 1 else "s")


def _summary(items: ItemsDiff, what: str) -> str:
    return (
        f"{_count(len(items.added), what)} added, {len(items.removed):,} removed, "
        f"{len(items.changed):,} changed"
    )


def _shown(text: str) -> str:
    """A title from a model file, cut at :data:`SHOWN_CHARS`, isolated so that it
    cannot reorder the line around it."""
    from viewer.domain.text import isolate

    return isolate(text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…")


def _field_line(field: FieldChange) -> str:
    from viewer.domain.changes import values_apart
    from viewer.domain.text import isolate

    old, new = values_apart(field, SHOWN_CHARS)
    return f"  {field.path}: {isolate(old)} → {isolate(new)}"


def _line(text: str) -> None:
    """A line of output, every control character in it made visible (``\\x1b``)."""
    from viewer.domain.text import terminal_safe

    print(terminal_safe(text))
