"""``timeline-viewer validate [FILE ...] [--json]``: check model files and say exactly
what is wrong (Qt-free).

A valid file is vouched for by :func:`viewer.domain.file_check.summary`, which
needs neither numpy nor pydantic; whatever that cannot vouch for is loaded as
the app loads it (:func:`~viewer.persistence.model_file.parse_timeline`), which
names the JSON path of every problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer.cli.exit_codes import ExitCode
from viewer.domain import lean_msgspec  # noqa: F401  # first: msgspec without typing_extensions
from viewer.domain.file_check import FileSummary, summary
from viewer.domain.text import terminal_safe, terminal_safe_json
from viewer.persistence.model_file import ModelFileError, parse_timeline, read_model_bytes
from viewer.persistence.paths import bundled_timeline


def run_validate(files: Sequence[Path], as_json: bool) -> int:
    """Check each file (none: the bundled timeline), say what is wrong; the exit status."""
    results: list[dict[str, Any]] = []
    status = ExitCode.OK
    for path in files or [bundled_timeline()]:
        result: dict[str, Any] = {"file": str(path)}
        try:
            found = checked(path)
        except ModelFileError as err:
            result.update(
                ok=False,
                unreadable=err.unreadable,
                problems=[{"path": p.path, "message": p.message} for p in err.problems],
            )
            status = max(status, ExitCode.USAGE if err.unreadable else ExitCode.FAILED)
            if not as_json:
                for problem in err.problems:
                    print(terminal_safe(f"{path}: {problem}"))
        else:
            counts = {"events": found.events, "quotes": found.quotes, "actors": found.actors}
            result.update(ok=True, id=found.id, **counts, problems=[])
            if not as_json:
                print(
                    terminal_safe(
                        f"OK {path}: {counts['events']} events, {counts['quotes']} quotes, "
                        f"{counts['actors']} actors"
                    )
                )
        results.append(result)
    if as_json:
        import json

        print(terminal_safe_json(json.dumps({"files": results}, indent=2, ensure_ascii=False)))
    return status


def checked(path: Path) -> FileSummary:
    """What the model file ``path`` holds, or a :class:`ModelFileError` saying
    every problem, as :func:`~viewer.persistence.model_file.load_timeline` says it."""
    data = read_model_bytes(path)
    fast = summary(data)
    if fast is not None:
        return fast
    timeline = parse_timeline(data)
    return FileSummary(
        timeline.id,
        len(timeline.events),
        len(timeline.quotes),
        len(timeline.actors),
        frozenset(actor.id for actor in timeline.actors),
        frozenset(source.id for source in timeline.sources),
    )
