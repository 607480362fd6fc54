"""``timeline-viewer import timelinejs|acled SRC -o OUT``: a timeline written
elsewhere, as a model file that ``validate`` accepts (Qt-free)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.cli.exit_codes import ExitCode
from viewer.domain.text import terminal_safe
from viewer.importers.common import ImportFailed, ImportReport
from viewer.importers.formats import FORMATS, run_import
from viewer.persistence.model_file import ModelFileError, load_timeline
from viewer.persistence.paths import not_a_file

#: At most this many problems are printed; the rest are counted.
SHOWN_PROBLEMS = 20


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import",
        help="turn a TimelineJS JSON or an ACLED CSV export into a model file",
        description="Read SRC (TimelineJS JSON, or an ACLED CSV export) and write the "
        "timeline it holds as a model file OUT, checked as `validate` checks it. Rows or "
        "slides that cannot be read are left out and listed; the rest is imported.",
    )
    importing.add_argument("format", choices=FORMATS, metavar="FORMAT", help="timelinejs or acled")
    importing.add_argument("source", type=Path, metavar="SRC", help="the file to import")
    importing.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="the model file to write"
    )
    importing.add_argument("--id", dest="timeline_id", metavar="ID", help="the timeline's id")
    importing.add_argument("--title", metavar="TITLE", help="the timeline's title")


def run(args: argparse.Namespace) -> int:
    source: Path = args.source
    output: Path = args.output
    odd = not_a_file(source)
    if odd is not None or not source.exists():
        print(terminal_safe(f"{source}: cannot be read ({odd or 'no such file'})"), file=sys.stderr)
        return ExitCode.USAGE
    if output.exists() and output.samefile(source):
        print(terminal_safe(f"{output}: is the file to import; write elsewhere"), file=sys.stderr)
        return ExitCode.USAGE
    if output.exists() and not_a_file(output) is not None:
        print(terminal_safe(f"{output}: cannot be written ({not_a_file(output)})"), file=sys.stderr)
        return ExitCode.USAGE
    try:
        report = run_import(
            args.format, source, output, timeline_id=args.timeline_id, title=args.title
        )
    except ImportFailed as failed:
        for problem in failed.problems[:SHOWN_PROBLEMS]:
            print(terminal_safe(f"{source}: {problem}"), file=sys.stderr)
        if len(failed.problems) > SHOWN_PROBLEMS:
            more = len(failed.problems) - SHOWN_PROBLEMS
            print(terminal_safe(f"{source}: … and {more:,} more"), file=sys.stderr)
        print(terminal_safe(f"{source}: nothing was imported"), file=sys.stderr)
        return ExitCode.FAILED
    except (OSError, ValueError) as err:  # a write that failed, text no codec takes
        print(terminal_safe(f"{source}: cannot be imported ({err})"), file=sys.stderr)
        return ExitCode.FAILED
    _print_report(source, output, report)
    try:
        load_timeline(output)
    except ModelFileError as err:  # an importer's mistake: say so, plainly
        for wrong in err.problems[:SHOWN_PROBLEMS]:
            print(terminal_safe(f"{output}: {wrong}"), file=sys.stderr)
        print(terminal_safe(f"{output}: written, but it does not validate"), file=sys.stderr)
        return ExitCode.FAILED
    return ExitCode.OK


def _print_report(source: Path, output: Path, report: ImportReport) -> None:
    print(
        terminal_safe(
            f"Imported {report.events:,} events, {report.actors:,} actors, "
            f"{report.sources:,} sources and {report.eras:,} eras from {source} into {output}."
        )
    )
    for note in report.notes:
        print(terminal_safe(f"  {note}"))
    if report.skipped:
        print(terminal_safe(f"Left out or changed: {report.skipped:,}"), file=sys.stderr)
        for problem in report.problems[:SHOWN_PROBLEMS]:
            print(terminal_safe(f"  {problem}"), file=sys.stderr)
        if report.skipped > SHOWN_PROBLEMS:
            more = report.skipped - SHOWN_PROBLEMS
            print(terminal_safe(f"  … and {more:,} more"), file=sys.stderr)
