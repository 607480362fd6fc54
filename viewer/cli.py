"""Command line: ``timeline-viewer [FILE]`` opens the app; subcommands do the rest."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer import __version__
from viewer.domain.model import json_schema_text
from viewer.persistence.model_file import ModelFileError, load_timeline
from viewer.persistence.paths import bundled_timeline

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-viewer",
        description="Read a timeline of events, claims and quotes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check model files and say exactly what is wrong"
    )
    validate.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="model files (default: the bundled timeline)",
    )
    validate.add_argument("--json", action="store_true", help="machine-readable output")

    commands.add_parser("schema", help="print the JSON Schema of model files")
    return parser


def _validate(files: Sequence[Path], as_json: bool) -> int:
    results: list[dict[str, Any]] = []
    status = EXIT_OK
    for path in files or [bundled_timeline()]:
        result: dict[str, Any] = {"file": str(path)}
        try:
            timeline = load_timeline(path)
        except ModelFileError as err:
            result.update(
                ok=False,
                unreadable=err.unreadable,
                problems=[{"path": p.path, "message": p.message} for p in err.problems],
            )
            status = max(status, EXIT_USAGE if err.unreadable else EXIT_INVALID)
            if not as_json:
                for problem in err.problems:
                    print(f"{path}: {problem}")
        else:
            counts = {
                "events": len(timeline.events),
                "quotes": len(timeline.quotes),
                "actors": len(timeline.actors),
            }
            result.update(ok=True, id=timeline.id, **counts, problems=[])
            if not as_json:
                print(
                    f"OK {path}: {counts['events']} events, {counts['quotes']} quotes, "
                    f"{counts['actors']} actors"
                )
        results.append(result)
    if as_json:
        print(json.dumps({"files": results}, indent=2, ensure_ascii=False))
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "validate":
        return _validate(args.files, args.json)
    if args.command == "schema":
        sys.stdout.write(json_schema_text())
        return EXIT_OK
    parser.print_usage(sys.stderr)
    return EXIT_USAGE
