"""Command line: ``timeline-viewer [FILE]`` opens the app; subcommands do the rest."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence

from viewer import __version__
from viewer.cli.arguments import TYPE_CHECKING, ArgumentParser, file_path
from viewer.cli.exit_codes import ExitCode
from viewer.domain.terms import EventKind, EventStatus, Verification

if TYPE_CHECKING:
    from pathlib import Path

    from viewer.domain.timeline import Timeline
    from viewer.timeline.filters import EventFilter

    Commands = argparse._SubParsersAction[ArgumentParser]

# What a command needs (numpy, pydantic, msgspec, the timeline and its files) is
# imported by the command as it runs: ``--version`` and every ``--help`` need
# none of it, and a process that imports it takes ten times as long to start.

# export --format: a TimelineJS3 file (viewer.importers.timelinejs.write), no Qt needed.
TIMELINEJS = "timelinejs"
# export's picture formats (viewer.ui.timeline.export draws them).
_PICTURES = (".png", ".svg", ".pdf")


def _file_argument(parser: argparse.ArgumentParser, name: str, nargs: str, help_: str) -> None:
    parser.add_argument(name, nargs=nargs, type=file_path, metavar="FILE", help=help_)


def _build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, the parser of that command alone
    (none for ``""``). Each command's parser is a dozen argparse objects: one
    command needs only its own, and ``--version`` none, to parse the same way."""
    parser = ArgumentParser(
        prog="timeline-viewer",
        description="Read a timeline of events, claims and quotes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add_parser in _COMMAND_PARSERS.items():
        if only is None or only == name:
            add_parser(commands)
    return parser


def _add_validate(commands: Commands) -> None:
    """``validate``: check model files."""
    validate = commands.add_parser(
        "validate", help="check model files and say exactly what is wrong"
    )
    _file_argument(validate, "files", "*", "model files (default: the bundled timeline)")
    validate.add_argument("--json", action="store_true", help="machine-readable output")


def _add_schema(commands: Commands) -> None:
    """``schema``: print the JSON Schema."""
    commands.add_parser("schema", help="print the JSON Schema of model files")


def _add_open(commands: Commands) -> None:
    """``open``: the window (the default command)."""
    open_ = commands.add_parser("open", help="open the app (the default command)")
    _file_argument(open_, "file", "?", "a model file (default: the bundled timeline)")
    open_.add_argument(
        "--lang",
        choices=("en", "de"),
        help="the interface's language (default: as chosen in View > Language, else the system's)",
    )


def _add_export(commands: Commands) -> None:
    """``export``: a picture or TimelineJS JSON, without a window."""
    from viewer.timeline.lane_terms import LaneFacet, LaneOrder

    export = commands.add_parser(
        "export",
        help="render a timeline to PNG, SVG or PDF without a window, or write it as "
        "TimelineJS JSON",
    )
    _file_argument(export, "file", "?", "a model file (default: the bundled timeline)")
    _add_argument(export)
    export.add_argument(
        "-o",
        "--output",
        type=file_path,
        required=True,
        metavar="OUT",
        help="the file to write: a picture (.png, .svg or .pdf) or TimelineJS JSON (.json)",
    )
    export.add_argument(
        "--format",
        choices=("png", "svg", "pdf", TIMELINEJS),
        help="what to write (default: as OUT's suffix says; .json is timelinejs): "
        "timelinejs writes a TimelineJS3 file to publish, its groups the lanes "
        "(--lanes), with the events the filters keep",
    )
    export.add_argument(
        "--from",
        dest="start",
        type=_instant,
        metavar="DATE",
        help="left edge, e.g. 2025-05-15 or 2025-05-31T18:00; before year 1 as model "
        "files write it, after an equals sign: --from=-0043-03-15 is 15 March 44 BC",
    )
    export.add_argument(
        "--to",
        dest="end",
        type=_instant_end,
        metavar="DATE",
        help="right edge: a day (YYYY-MM-DD) is included whole, as the window's 'Until'",
    )
    export.add_argument(
        "--width", type=int, default=1600, metavar="PX", help="width in pixels (default 1600)"
    )
    export.add_argument(
        "--height",
        type=int,
        metavar="PX",
        help="height in pixels: the lanes share the rows it leaves, as in the window "
        "(default: as tall as each lane's first three rows need)",
    )
    export.add_argument(
        "--lanes",
        choices=[f.value for f in LaneFacet],
        default=LaneFacet.KIND.value,
        help="a lane per kind (the default), actor, tag, timeline or place, as View > Lanes "
        "has them: an event stands in the lane of each of its actors, tags or places",
    )
    export.add_argument(
        "--lane-order",
        choices=[o.value for o in LaneOrder],
        help="lanes with the most events first, by name, or by their first event (default: "
        "kinds as the legend lists them, actors and places as the file does, tags by name)",
    )
    shown = export.add_argument_group(
        "filters",
        "draw only some events, as the window's filters do (repeat an option for "
        "any of several values; different options must all hold)",
    )
    shown.add_argument("--kind", action="append", default=[], choices=[k.value for k in EventKind])
    shown.add_argument(
        "--status", action="append", default=[], choices=[s.value for s in EventStatus]
    )
    shown.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="ACTOR",
        help="an actor's id or name: events they take part in, are quoted on or claim about",
    )
    shown.add_argument(
        "--claim",
        action="append",
        default=[],
        choices=[v.value for v in Verification],
        help="events with a claim of this verification",
    )
    shown.add_argument("--tag", action="append", default=[], metavar="TAG", help="one of your tags")
    shown.add_argument("--has-notes", action="store_true", help="events with your notes")


def _add_search(commands: Commands) -> None:
    """``search``: find events."""
    search = commands.add_parser(
        "search",
        help="find events by their texts, quotes, actors and your notes",
        description="List the events that hold every word of QUERY (case and accents "
        "do not matter) in time order, with what matched where. Exit status 1: none.",
    )
    search.add_argument("query", metavar="QUERY", help='words, e.g. "selenskyj istanbul"')
    _file_argument(search, "file", "?", "a model file (default: the bundled timeline)")
    _add_argument(search)
    search.add_argument("--json", action="store_true", help="machine-readable output")


def _add_notes(commands: Commands) -> None:
    """``notes``: the reader's notes."""
    notes = commands.add_parser("notes", help="list, add, grade, export and import your notes")
    note_commands = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    model_help = "the timeline the notes are on (default: the bundled timeline)"
    listing = note_commands.add_parser("list", help="list the notes on a timeline")
    listing.add_argument("file", nargs="?", type=file_path, metavar="FILE", help=model_help)
    listing.add_argument("--model", type=file_path, metavar="FILE", help=model_help)
    add = note_commands.add_parser("add", help="add a note to an event, quote, source or claim")
    add.add_argument(
        "target", metavar="EVENT_ID", help="an event id (or a quote, source or claim id)"
    )
    add.add_argument("text", metavar="TEXT")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    add.add_argument("--model", type=file_path, metavar="FILE", help=model_help)
    grade = note_commands.add_parser(
        "grade", help="grade a source, a claim or an event on the Admiralty scale (a note)"
    )
    grade.add_argument("target", metavar="TARGET", help="a source, claim or event id")
    grade.add_argument(
        "grade", metavar="CODE", help="A-F (the source's reliability) and 1-6 (the information's)"
    )
    grade.add_argument("text", metavar="TEXT", nargs="?", default=None, help="why (optional)")
    grade.add_argument("--model", type=file_path, metavar="FILE", help=model_help)
    export_notes = note_commands.add_parser("export", help="write the notes as Markdown or W3C")
    export_notes.add_argument("--format", choices=("markdown", "w3c"), default="markdown")
    export_notes.add_argument(
        "-o",
        "--output",
        type=file_path,
        metavar="OUT",
        help="file to write (default: standard output)",
    )
    export_notes.add_argument("--model", type=file_path, metavar="FILE", help=model_help)
    import_notes = note_commands.add_parser("import", help="add the notes of a W3C export")
    import_notes.add_argument("source", type=file_path, metavar="W3C_FILE")
    import_notes.add_argument("--model", type=file_path, metavar="FILE", help=model_help)


def _add_import(commands: Commands) -> None:
    """``import``: a timeline written elsewhere, as a model file."""
    from viewer.cli import import_command

    import_command.add_parser(commands)


def _add_diff(commands: Commands) -> None:
    """``diff``: what differs between two model files."""
    from viewer.cli import diff_command

    diff_command.add_parser(commands)


# Every command's parser, in the order ``--help`` lists them; a command's
# module is imported when its parser is built.
_COMMAND_PARSERS: dict[str, Callable[[Commands], None]] = {
    "validate": _add_validate,
    "schema": _add_schema,
    "open": _add_open,
    "export": _add_export,
    "search": _add_search,
    "notes": _add_notes,
    "import": _add_import,
    "diff": _add_diff,
}
COMMANDS = set(_COMMAND_PARSERS)


def _instant(text: str) -> float:
    """A date or date-time on the command line, read as UTC unless it names an offset.

    A year before 1 is written as model files write it, astronomically
    (``-0043-03-15`` is 15 March 44 BC, ``0000`` is 1 BC); those are read by
    the model's calendar, as Python's holds years 1 to 9999 only."""
    if text.startswith(("-", "0000")):
        return _early_instant(text)
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _early_instant(text: str) -> float:
    """A day (``-0043-03-15``) or a minute (``-0043-03-15T12:00``, UTC unless an
    offset is given) before year 1."""
    from viewer.domain.dates import Precision, parse_point

    precision = Precision.MINUTE if "T" in text else Precision.DAY
    written = text
    if precision is Precision.MINUTE and not _OFFSET_AT_END.search(text):
        written += "Z"
    try:
        return parse_point(written, precision)[0]
    except ValueError as problem:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM; {problem})"
        ) from None


_OFFSET_AT_END = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


def _instant_end(text: str) -> float:
    """The end of a range: a bare day means the end of that day (its events included)."""
    moment = _instant(text)
    if "T" not in text and " " not in text.strip():
        moment += 86400.0
    return moment


def _add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--add",
        action="append",
        default=[],
        type=file_path,
        metavar="FILE",
        help="another model file shown over FILE, as File > Add Timeline… shows it (repeatable)",
    )


def _export(args: argparse.Namespace) -> int:
    from viewer.cli.loading import load_shown, read_shown_notes
    from viewer.domain.text import terminal_safe
    from viewer.persistence.paths import AppPaths, bundled_timeline
    from viewer.timeline.filters import DATE_FACETS, event_mask
    from viewer.timeline.lane_terms import LaneFacet, LaneOrder
    from viewer.timeline.lanes import LaneChoice

    suffix = args.output.suffix.lower()
    timelinejs = args.format == TIMELINEJS or (args.format is None and suffix == ".json")
    if args.format not in (None, TIMELINEJS) and suffix != f".{args.format}":
        problem = f"--format {args.format} writes a .{args.format} file, not {args.output.name!r}"
        print(terminal_safe(f"timeline-viewer export: {problem}"), file=sys.stderr)
        return ExitCode.USAGE
    if not timelinejs and suffix not in _PICTURES:
        asked = suffix or "a file without suffix"
        problem = (
            f"cannot export to {asked}: use .png, .svg or .pdf for a picture, "
            "or .json (or --format timelinejs) for TimelineJS"
        )
        print(terminal_safe(f"timeline-viewer export: {problem}"), file=sys.stderr)
        return ExitCode.USAGE
    if not timelinejs:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    timeline = load_shown(args.file or bundled_timeline(), args.add)
    if isinstance(timeline, ExitCode):
        return timeline
    chosen, problem = _filter_of(timeline, args)
    if problem:
        print(terminal_safe(f"timeline-viewer export: {problem}"), file=sys.stderr)
        return ExitCode.USAGE
    data_dir = AppPaths.from_environment().data_dir
    notes = read_shown_notes(data_dir, timeline, "export") if chosen.uses_notes else []
    mask = None if chosen.empty else event_mask(timeline, chosen, notes)
    names = {actor.id: actor.name for actor in timeline.actors}
    # The range is the picture's span already: the filter line names the rest.
    described = [c.label for c in chosen.chips(names) if c.facet not in DATE_FACETS]
    lanes = LaneChoice(
        LaneFacet(args.lanes), None if args.lane_order is None else LaneOrder(args.lane_order)
    )
    if timelinejs:
        from viewer.cli.export_command import write_timelinejs_file

        return write_timelinejs_file(timeline, args.output, lanes, mask)
    from viewer.ui.app import make_application
    from viewer.ui.timeline.export import ExportError, export_timeline

    make_application()
    try:
        left_out: list[str] = []
        size = export_timeline(
            timeline,
            args.output,
            width=args.width,
            height=args.height,
            start=args.start,
            end=args.end,
            mask=mask,
            filter_words=", ".join(described),
            lanes=lanes,
            left_out=left_out,
        )
    except ExportError as err:
        print(terminal_safe(f"timeline-viewer export: {err}"), file=sys.stderr)
        return ExitCode.USAGE
    print(terminal_safe(f"wrote {args.output} ({size.width()}×{size.height()})"))
    if left_out:
        named = ", ".join(left_out[:5]) + (", …" if len(left_out) > 5 else "")
        print(
            terminal_safe(
                f"timeline-viewer export: {len(left_out)} lanes did not fit "
                f"{args.height} pixels and were left out ({named}); a larger --height, "
                "fewer lanes (--lanes) or a filter shows them"
            ),
            file=sys.stderr,
        )
    return ExitCode.OK


def _filter_of(timeline: Timeline, args: argparse.Namespace) -> tuple[EventFilter, str]:
    """The filter the export's options ask for, or a problem to report."""
    from viewer.timeline.filters import EventFilter, find_actor

    actors = set()
    for text in args.actor:
        actor = find_actor(timeline, text)
        if actor is None:
            return EventFilter(), f"no actor {text!r} in {timeline.title!r}"
        actors.add(actor)
    chosen = EventFilter(
        kinds=frozenset(EventKind(k) for k in args.kind),
        statuses=frozenset(EventStatus(s) for s in args.status),
        actors=frozenset(actors),
        verifications=frozenset(Verification(v) for v in args.claim),
        tags=frozenset(args.tag),
        has_notes=args.has_notes,
        start=args.start,
        end=args.end,
    )
    return chosen, ""


def _open(file: Path | None, language: str | None = None) -> int:
    from viewer.persistence.paths import AppPaths
    from viewer.ui.app import run

    return run(AppPaths.from_environment(), file, language)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` (default: this process's arguments); its exit status."""
    try:
        code = _main(argv)
        if sys.stdout is not None:  # None: a gui-script on Windows has no console
            sys.stdout.flush()  # here, where a closed pipe can still be caught
    except BrokenPipeError:
        _stdout_nowhere()
        return ExitCode.CLOSED_PIPE
    return code


def _stdout_nowhere() -> None:
    """Standard output to the null device, as the Python documentation says to
    (signal, "Note on SIGPIPE"): what is still buffered goes nowhere, so the
    interpreter's last flush cannot fail again and print a traceback."""
    try:
        stdout = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # none, or no file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stdout)
    os.close(devnull)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list = ["open", *args_list]
    first = args_list[0]
    parser = _build_parser(first if first in COMMANDS else "" if first == "--version" else None)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "validate":
        from viewer.cli.validate_command import run_validate

        return run_validate(args.files, args.json)
    if args.command == "schema":
        from viewer.domain.model import json_schema_text

        sys.stdout.write(json_schema_text())
        return ExitCode.OK
    if args.command == "notes":
        from viewer.cli.notes_command import run_notes
        from viewer.persistence.paths import AppPaths

        return run_notes(args, AppPaths.from_environment())
    if args.command == "import":
        from viewer.cli import import_command

        return import_command.run(args)
    if args.command == "diff":
        from viewer.cli import diff_command

        return diff_command.run(args)
    if args.command == "search":
        from viewer.cli.search_command import run_search
        from viewer.persistence.paths import AppPaths

        return run_search(args.query, args.file, args.json, AppPaths.from_environment(), args.add)
    if args.command == "export":
        return _export(args)
    return _open(args.file, args.lang)
