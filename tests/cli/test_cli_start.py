"""The command line starts light: what only parses arguments imports nothing heavy."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import REPO
from viewer.cli import import_command
from viewer.cli.arguments import HelpFormatter
from viewer.cli.main import COMMANDS, _build_parser
from viewer.domain import model
from viewer.importers import formats
from viewer.timeline import lanes

# What a command imports when it runs, never to parse its arguments.
HEAVY = ("numpy", "pydantic", "msgspec", "PySide6")

# Run in a fresh interpreter: the command line's arguments, then the heavy
# modules it left in sys.modules (main() itself catches argparse's SystemExit).
_PROBE = """
import json, sys
from viewer.cli import main
try:
    code = main(json.loads(sys.argv[1]))
except SystemExit as exit_:
    code = exit_.code
heavy = sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def _run(probe: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``probe`` run as ``python -c`` in the repository, with ``args``; it must exit 0."""
    result = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def _probe(argv: list[str], watched: Sequence[str] = HEAVY) -> tuple[dict[str, object], str]:
    result = _run(_PROBE, json.dumps(argv), json.dumps(list(watched)))
    said: dict[str, object] = json.loads(result.stderr.strip().splitlines()[-1])
    return said, result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["--help"],
        ["validate", "--help"],
        ["schema", "--help"],
        ["open", "--help"],
        ["export", "--help"],
        ["search", "--help"],
        ["notes", "--help"],
        ["notes", "list", "--help"],
        ["notes", "add", "--help"],
        ["notes", "grade", "--help"],
        ["notes", "export", "--help"],
        ["notes", "import", "--help"],
        ["import", "--help"],
        ["diff", "--help"],
    ],
)
def test_version_and_help_import_nothing_heavy(argv: list[str]) -> None:
    said, printed = _probe(argv)
    assert said == {"code": 0, "heavy": []}
    assert printed.startswith(("timeline-viewer", "usage: timeline-viewer"))


def test_a_wrong_command_line_imports_nothing_heavy() -> None:
    said, _ = _probe(["export", "--kind", "nonsense", "-o", "out.png"])
    assert said == {"code": 2, "heavy": []}


def _choices(argv: list[str], option: str) -> list[str]:
    """The choices the parser of ``argv``'s command offers for ``option``."""
    parser = _build_parser()
    for name in argv:
        [commands] = [a for a in parser._actions if a.dest in ("command", "notes_command")]
        assert isinstance(commands.choices, dict)
        parser = commands.choices[name]
    [action] = [a for a in parser._actions if option in a.option_strings or a.dest == option]
    assert action.choices is not None
    return list(action.choices)


def test_the_choices_are_the_models_own() -> None:
    assert _choices(["export"], "--kind") == [k.value for k in model.EventKind]
    assert _choices(["export"], "--status") == [s.value for s in model.EventStatus]
    assert _choices(["export"], "--claim") == [v.value for v in model.Verification]
    assert _choices(["export"], "--lanes") == [f.value for f in lanes.LaneFacet]
    assert _choices(["export"], "--lane-order") == [o.value for o in lanes.LaneOrder]
    assert _choices(["import"], "format") == list(formats.FORMATS)
    assert import_command.FORMATS == formats.FORMATS


@pytest.mark.parametrize(
    "argv",
    [["validate"], ["validate", "--json", "tests/data/model/caesar-44bc.json"]],
    ids=["bundled", "json"],
)
def test_validate_checks_a_valid_file_without_pydantic_or_numpy(argv: list[str]) -> None:
    said, printed = _probe(argv)
    assert said == {"code": 0, "heavy": ["msgspec"]}
    assert printed.startswith(("OK ", "{"))


def test_validate_imports_msgspec_without_typing_extensions() -> None:
    # typing_extensions brings inspect, ast, dis and tokenize; dataclasses brings
    # inspect: a seventh of validate's start (viewer/domain/lean_msgspec.py).
    said, printed = _probe(["validate"], ("typing_extensions", "inspect", "dataclasses"))
    assert said == {"code": 0, "heavy": []}
    assert printed.startswith("OK ")


def test_validate_of_a_broken_file_says_what_the_exact_way_says(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1, "id": "x", "title": "", "language": "de"}')
    said, printed = _probe(["validate", str(broken)])
    assert said["code"] == 1
    assert printed == f"{broken}: title: string should have at least 1 character; found ''\n"


def _command_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    [commands] = [a for a in parser._actions if a.dest == "command"]
    assert isinstance(commands.choices, dict)
    chosen: argparse.ArgumentParser = commands.choices[name]
    return chosen


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_commands_parser_alone_parses_as_among_all(command: str) -> None:
    """A command is parsed by a parser holding its own alone (the others are not
    built): its help and what it parses are as with all of them."""
    alone, among = _build_parser(command), _build_parser()
    assert _command_parser(alone, command).format_help() == (
        _command_parser(among, command).format_help()
    )
    argv = {
        "search": ["search", "words"],
        "diff": ["diff", "a", "b"],
        "notes": ["notes", "list"],
        "import": ["import", "acled", "x.csv", "-o", "y.json"],
        "export": ["export", "-o", "a"],
    }
    args = argv.get(command, [command])
    assert alone.parse_args(args) == among.parse_args(args)


def test_validate_asks_no_terminal_width() -> None:
    # argparse asks shutil for the width as it makes each formatter; only help
    # and error messages need it (viewer/cli/arguments.py's HelpFormatter).
    said, printed = _probe(["validate"], ("shutil",))
    assert said == {"code": 0, "heavy": []}
    assert printed.startswith("OK ")


def _argparse_help(parser: argparse.ArgumentParser) -> list[str]:
    """The help of ``parser`` and of each of its commands (and theirs)."""
    helps = [parser.format_help(), parser.format_usage()]
    for action in parser._actions:
        if isinstance(action.choices, dict):
            for command in action.choices.values():
                helps += _argparse_help(command)
    return helps


def _with_formatter(
    parser: argparse.ArgumentParser, formatter: type[argparse.HelpFormatter]
) -> argparse.ArgumentParser:
    parser.formatter_class = formatter
    for action in parser._actions:
        if isinstance(action.choices, dict):
            for command in action.choices.values():
                _with_formatter(command, formatter)
    return parser


@pytest.mark.parametrize("columns", ["20", "52", "80", "200"])
def test_help_is_laid_out_as_argparse_lays_it_out(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    ours = _build_parser()
    assert ours.formatter_class is HelpFormatter
    assert _argparse_help(ours) == _argparse_help(
        _with_formatter(_build_parser(), argparse.HelpFormatter)
    )
    assert HelpFormatter("x", width=50)._width == argparse.HelpFormatter("x", width=50)._width


_NO_COMPILE_PROBE = """
import builtins, sys
compiled = []
_compile = builtins.compile
def _watched(source, filename, *args, **kwargs):
    # A module read from its source (no bytecode yet: a fresh clone) is
    # compiled by the import system, as always; any other compile is counted.
    if not str(filename).endswith(".py"):
        compiled.append(source)
    return _compile(source, filename, *args, **kwargs)
builtins.compile = _watched
from viewer.cli import main
code = main(sys.argv[1:])
print(repr(compiled), file=sys.stderr)
"""


def test_validate_compiles_no_python_source() -> None:
    # A process's first compile() builds the ast module's classes: 10.5 million
    # instructions, a twentieth of validate. typing.NamedTuple compiles each
    # field's annotation when it is a string (``from __future__ import
    # annotations``), and msgspec's import makes a ForwardRef
    # (viewer/domain/lean_msgspec.py).
    result = _run(_NO_COMPILE_PROBE, "validate")
    assert result.stdout.startswith("OK ")
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_validate_of_a_plain_file_imports_no_threading() -> None:
    # Only a gzip file is unpacked on a thread (viewer/persistence/model_file.py).
    said, printed = _probe(["validate"], ("threading", "queue"))
    assert said == {"code": 0, "heavy": []}
    assert printed.startswith("OK ")


def test_validate_imports_no_other_commands_modules() -> None:
    # Each command's module and what only its options need (the lanes of
    # export) are imported when its parser is built (viewer/cli/main.py).
    watched = ("viewer.cli.import_command", "viewer.cli.diff_command", "viewer.timeline.lane_terms")
    said, printed = _probe(["validate"], watched)
    assert said == {"code": 0, "heavy": []}
    assert printed.startswith("OK ")
