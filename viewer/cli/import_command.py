"""``timeline-viewer import timelinejs|acled SRC -o OUT``: a timeline written
elsewhere, as a model file that ``validate`` accepts (Qt-free)."""

from __future__ import annotations

import argparse
import re
import sys

from viewer.cli.arguments import TYPE_CHECKING, ArgumentParser, file_path
from viewer.cli.exit_codes import ExitCode
from viewer.domain.terms import LANGUAGE_TAG_PATTERN, MAX_LANGUAGE_TAG

if TYPE_CHECKING:
    from pathlib import Path

    from viewer.importers.common import ImportProblem

# The formats that can be imported: viewer.importers.formats.FORMATS, which is
# not imported here, so that every command's start does not pay for it (a test
# keeps the two the same).
FORMATS = ("timelinejs", "acled")
# At most this many problems are printed; the rest are counted.
SHOWN_PROBLEMS = 20


def add_parser(commands: argparse._SubParsersAction[ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import",
        help="turn a TimelineJS JSON or sheet or an ACLED CSV export into a model file",
        description="Read SRC (TimelineJS JSON, its Google Sheets template as CSV or XLSX, "
        "or an ACLED CSV export) and write the "
        "timeline it holds as a model file OUT, checked as `validate` checks it. Rows or "
        "slides that cannot be read are left out and listed; the rest is imported.",
    )
    importing.add_argument("format", choices=FORMATS, metavar="FORMAT", help="timelinejs or acled")
    importing.add_argument("source", type=file_path, metavar="SRC", help="the file to import")
    importing.add_argument(
        "-o",
        "--output",
        type=file_path,
        required=True,
        metavar="OUT",
        help="the model file to write",
    )
    importing.add_argument("--id", dest="timeline_id", metavar="ID", help="the timeline's id")
    importing.add_argument("--title", metavar="TITLE", help="the timeline's title")
    importing.add_argument(
        "--language",
        metavar="TAG",
        help="the timeline's language, a BCP 47 tag such as de or en-GB "
        "(default: ACLED's English; for TimelineJS, which names none, und: undetermined)",
    )


def run(args: argparse.Namespace) -> int:
    # Here, not at the top: every command's start would pay for the importers.
    from viewer.domain.text import terminal_safe
    from viewer.importers.common import ImportFailed
    from viewer.importers.formats import run_import
    from viewer.persistence.paths import not_a_file

    source: Path = args.source
    output: Path = args.output
    odd = not_a_file(source) or (None if source.exists() else "no such file")
    if odd is not None:
        return _usage(f"{source}: cannot be read ({odd})")
    if args.format == "timelinejs":  # too large: refused unread (exit 2)
        from viewer.importers.timelinejs.json_file import too_large

        big = too_large(source)
        if big is not None:
            return _usage(f"{source}: {big}")
    language: str | None = args.language
    if language is not None and not (
        len(language) <= MAX_LANGUAGE_TAG and re.fullmatch(LANGUAGE_TAG_PATTERN, language)
    ):
        return _usage(f"--language {language!r}: not a language tag such as de or en-GB")
    if output.exists() and output.samefile(source):
        return _usage(f"{output}: is the file to import; write elsewhere")
    odd = not_a_file(output)
    if odd is not None:
        return _usage(f"{output}: cannot be written ({odd})")
    try:
        report = run_import(
            args.format,
            source,
            output,
            timeline_id=args.timeline_id,
            title=args.title,
            language=language,
        )
    except ImportFailed as failed:
        _list(f"{source}: ", failed.problems, len(failed.problems))
        print(terminal_safe(f"{source}: nothing was imported"), file=sys.stderr)
        # A file not even its format's text cannot be read (2), as a missing one.
        return ExitCode.USAGE if failed.unreadable else ExitCode.FAILED
    except (OSError, ValueError) as err:  # a write that failed, text no codec takes
        print(terminal_safe(f"{source}: cannot be imported ({err})"), file=sys.stderr)
        return ExitCode.FAILED
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
        _list("  ", report.problems, report.skipped)
    # Not loaded again to be checked: it was checked as it was written (ModelWriter).
    return ExitCode.OK


def _usage(message: str) -> int:
    from viewer.domain.text import terminal_safe

    print(terminal_safe(message), file=sys.stderr)
    return ExitCode.USAGE


def _list(prefix: str, problems: list[ImportProblem], total: int) -> None:
    """The first SHOWN_PROBLEMS problems, then how many more there are."""
    from viewer.domain.text import terminal_safe

    for problem in problems[:SHOWN_PROBLEMS]:
        print(terminal_safe(f"{prefix}{problem}"), file=sys.stderr)
    if total > SHOWN_PROBLEMS:
        print(terminal_safe(f"{prefix}… and {total - SHOWN_PROBLEMS:,} more"), file=sys.stderr)
