"""``timeline-viewer search QUERY [FILE] [--json]``: find events from the command line (Qt-free)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer.cli.exit_codes import ExitCode
from viewer.cli.loading import load_shown, read_shown_notes
from viewer.domain.describe import describe_date
from viewer.domain.notes import Note, event_of
from viewer.domain.text import isolate, terminal_safe, terminal_safe_json
from viewer.domain.timeline import Timeline
from viewer.persistence.paths import AppPaths, bundled_timeline
from viewer.timeline.search import (
    NotesText,
    TextIndex,
    found_in,
    query_words,
    search_all,
    snippet,
)


def run_search(
    query: str, file: Path | None, as_json: bool, paths: AppPaths, added: Sequence[Path] = ()
) -> int:
    """Print the events that match ``query``, in time order, with what matched where
    (in ``file`` and the files ``added`` over it).

    Exit status: 0 with matches, 1 with none (as ``grep``), 2 when the file
    cannot be read or the query has no words.
    """
    words = query_words(query)
    if not words:
        print("timeline-viewer search: the query has no words", file=sys.stderr)
        return ExitCode.USAGE
    timeline = load_shown(file or bundled_timeline(), added)
    if isinstance(timeline, ExitCode):
        return timeline
    notes = read_shown_notes(paths.data_dir, timeline, "search")
    rows = search_all(TextIndex(timeline), words, NotesText(timeline, notes))
    notes_by_event: dict[str, list[Note]] = {}
    for note in notes:
        event_id = event_of(timeline, note.target)
        if event_id is not None:
            notes_by_event.setdefault(event_id, []).append(note)
    results: list[dict[str, Any]] = []
    for row in rows.tolist():
        event = timeline.events[row]
        found = found_in(timeline, row, words, notes_by_event.get(event.id, ()))
        results.append(
            {
                "event": event.id,
                "date": describe_date(event.date),
                "title": event.title,
                "matches": [
                    {"where": f.where.value, "text": f.text}
                    | ({"by": f.by} if f.by else {})
                    | ({"id": f.owner} if f.owner else {})
                    for f in found
                ],
            }
        )
    if as_json:
        text = json.dumps({"query": query, "events": results}, indent=2, ensure_ascii=False)
        print(terminal_safe_json(text))
    else:
        _print(timeline, query, words, results)
    return ExitCode.OK if results else ExitCode.FAILED


def _print(timeline: Timeline, query: str, words: list[str], results: list[dict[str, Any]]) -> None:
    count = len(results)
    events = {0: "No events match", 1: "1 event matches"}.get(count, f"{count:,} events match")
    shown = " + ".join(isolate(layer.title) for layer in timeline.layers)
    print(terminal_safe(f"{events} “{isolate(query.strip())}” in {shown}"))
    for result in results:
        print()
        print(terminal_safe(f"{result['date']}  {isolate(result['title'])}  [{result['event']}]"))
        for match in result["matches"]:
            where = match["where"] + (f" ({isolate(match['by'])})" if "by" in match else "")
            print(terminal_safe(f"    {where}: {isolate(snippet(match['text'], words))}"))
