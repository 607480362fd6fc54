"""``timeline-viewer notes ...``: the reader's notes from the command line (Qt-free)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from viewer.cli.exit_codes import ExitCode
from viewer.cli.loading import load_for_command
from viewer.domain.notes import (
    GRADE_PATTERN,
    Note,
    TargetKind,
    find_target,
    is_blank,
    newest_first,
    target_title,
)
from viewer.domain.text import isolate, terminal_safe, terminal_safe_json
from viewer.domain.timeline import Timeline
from viewer.persistence.atomic import atomic_write_bytes
from viewer.persistence.notes_export import (
    MAX_IMPORT_BYTES,
    NotesImportError,
    file_too_big,
    from_w3c,
    notes_text,
)
from viewer.persistence.notes_json import LegacyNotesError, from_notes_file, is_notes_file
from viewer.persistence.notes_store import NotesError, NoteStore
from viewer.persistence.paths import AppPaths, bundled_timeline, not_a_file


def _fail(message: str, code: int = ExitCode.FAILED) -> int:
    print(terminal_safe(f"timeline-viewer notes: {message}"), file=sys.stderr)
    return code


def run_notes(args: argparse.Namespace, paths: AppPaths) -> int:
    given = [p for p in (getattr(args, "file", None), getattr(args, "model", None)) if p]
    if len(given) == 2 and given[0] != given[1]:
        return _fail("give the model file once: as FILE or as --model", ExitCode.USAGE)
    model_path: Path = given[0] if given else bundled_timeline()
    timeline = load_for_command(model_path)
    if isinstance(timeline, ExitCode):
        return timeline
    store = NoteStore(paths.data_dir, timeline.id)
    action = args.notes_command
    report = store.open(load=action != "add")  # adding one needs none of the others
    for message in report.messages:
        print(terminal_safe(message), file=sys.stderr)
    if action in ("list", "export", "import") and not store.readable:
        store.close()
        return _fail(f"your notes cannot be read: {store.problem}")
    try:
        if action == "list":
            return _list(store, timeline)
        if action == "add":
            return _add(store, timeline, args.target, args.text, args.tag)
        if action == "grade":
            return _grade(store, timeline, args.target, args.grade, args.text)
        if action == "export":
            return _export(store, timeline, args.format, args.output)
        return _import(store, timeline, args.source)
    finally:
        store.close()


def _list(store: NoteStore, timeline: Timeline) -> int:
    notes = newest_first(store.notes())
    if not notes and store.elsewhere:
        # Never "no notes" while notes wait on disk outside the database.
        kept = ", ".join(str(path) for path in store.elsewhere)
        return _fail(
            f"no notes in the database on {isolate(timeline.title)} yet; notes kept in {kept}"
        )
    if not notes:
        print(terminal_safe(f"No notes on {isolate(timeline.title)}."))
    for note in notes:
        title = target_title(timeline, note.target)
        state = "" if title is not None else " (detached)"
        tags = "  " + " ".join(f"#{isolate(t)}" for t in note.tags) if note.tags else ""
        grade = f"  [{note.grade}]" if note.grade else ""
        print(
            terminal_safe(
                f"{note.id[:8]}  {note.target.kind.value} {note.target.id}{state}: "
                f"{isolate(title or note.target_title)}{grade}"
            )
        )
        for line in note.text.splitlines() or [""]:
            print(terminal_safe(f"    {isolate(line)}"))
        if tags:
            print(terminal_safe(f"   {tags}"))
    return ExitCode.OK


def _add(store: NoteStore, timeline: Timeline, target_id: str, text: str, tags: list[str]) -> int:
    target = find_target(timeline, target_id)
    if target is None:
        return _fail(
            f"no event, quote, source or claim with id {target_id!r} in {timeline.title!r}"
        )
    if is_blank(text):
        return _fail("the note's text is empty", ExitCode.USAGE)
    try:
        note = Note.new(target, text, tags, target_title(timeline, target) or "")
    except ValidationError as err:
        problem = err.errors(include_url=False)[0]
        where = ".".join(str(part) for part in problem["loc"])
        return _fail(f"the note cannot be kept: {where}: {problem['msg']}", ExitCode.USAGE)
    failed = _put(store, note, "the note")
    if failed is not None:
        return failed
    print(terminal_safe(f"added note {note.id[:8]} to {isolate(note.target_title)}"))
    return ExitCode.OK


def _put(store: NoteStore, note: Note, what: str) -> int | None:
    """Keep ``note``; None when it is saved, else the exit code, once said why."""
    try:
        store.put(note)
    except NotesError as err:
        return _fail(str(err))
    if store.unsaved:
        return _fail(f"{what} was not saved: {store.problem}")
    return None


def _grade(
    store: NoteStore, timeline: Timeline, target_id: str, grade: str, text: str | None
) -> int:
    """The reader's grade of a source, claim or event: their grade note on it
    changed (its text too, if given), or a new one."""
    target = find_target(timeline, target_id)
    if target is None or target.kind is TargetKind.QUOTE:
        return _fail(f"no source, claim or event with id {target_id!r} in {timeline.title!r}")
    code = grade.strip().upper()
    if re.fullmatch(GRADE_PATTERN, code) is None:
        return _fail(
            f"{grade!r} is no Admiralty code: a letter A-F and a digit 1-6, such as B2",
            ExitCode.USAGE,
        )
    mine = [note for note in store.notes() if note.target == target and note.grade]
    try:
        if mine:
            old = newest_first(mine)[0]
            note = old.edited(old.text if text is None else text, old.tags, grade=code)
        else:
            title = target_title(timeline, target) or ""
            note = Note.new(target, text or "", target_title=title, grade=code)
    except ValidationError as err:
        problem = err.errors(include_url=False)[0]
        return _fail(f"the grade cannot be kept: {problem['msg']}", ExitCode.USAGE)
    failed = _put(store, note, "the grade")
    if failed is not None:
        return failed
    said = "changed your grade of" if mine else "graded"
    print(terminal_safe(f"{said} {target.kind.value} {isolate(note.target_title)}: {code}"))
    return ExitCode.OK


def _export(store: NoteStore, timeline: Timeline, fmt: str, output: Path | None) -> int:
    notes = store.notes()
    text = notes_text(timeline, notes, w3c=fmt == "w3c")
    if output is None:  # to a terminal, perhaps: nothing in it may act on the terminal
        safe = terminal_safe_json(text) if fmt == "w3c" else terminal_safe(text, multiline=True)
        sys.stdout.write(safe)
        return ExitCode.OK
    odd = not_a_file(output)
    if odd is not None:
        return _fail(f"cannot write {output}: {odd}", ExitCode.USAGE)
    try:
        atomic_write_bytes(output, text.encode("utf-8"))
    except OSError as exc:
        return _fail(f"could not write {output}: {exc.strerror or exc}")
    print(terminal_safe(f"wrote {len(notes)} notes to {output}"), file=sys.stderr)
    return ExitCode.OK


def _import(store: NoteStore, timeline: Timeline, source: Path) -> int:
    """Add the notes of a W3C file, or of a notes file of earlier versions (such
    as the notes that could not be carried over, once fixed): all of them, or
    none when anything in it is wrong.

    The whole file is checked first (see :func:`from_w3c`); each problem is told
    on its own line and nothing is written. A file over MAX_IMPORT_BYTES is
    refused before it is read.
    """
    odd = not_a_file(source)
    if odd is not None:
        return _fail(f"cannot read {source}: {odd}", ExitCode.USAGE)
    try:
        size = source.stat().st_size
        if size > MAX_IMPORT_BYTES:
            return _refused(source, NotesImportError(file_too_big(size, MAX_IMPORT_BYTES)))
        with source.open("rb") as stream:
            data = stream.read(MAX_IMPORT_BYTES + 1)  # it may have grown since
        if is_notes_file(data):
            incoming = from_notes_file(data, timeline.id)
        else:
            incoming = from_w3c(data, timeline)
    except OSError as exc:
        return _fail(f"cannot read {source}: {exc.strerror or exc}", ExitCode.USAGE)
    except NotesImportError as err:
        return _refused(source, err)
    except LegacyNotesError as err:
        return _refused(source, NotesImportError(err.problems))
    added = updated = 0
    taken = []
    for note in incoming:
        existing = store.get(note.id)
        if existing is None:
            added += 1
        elif note.modified > existing.modified:
            updated += 1
        else:
            continue  # ours is as new or newer: keep it
        taken.append(note)
    try:
        store.put_many(taken)
    except NotesError as err:
        return _fail(str(err))
    if store.unsaved:
        return _fail(f"nothing was imported: {store.problem}")
    unchanged = len(incoming) - added - updated
    print(f"imported {added} new, {updated} updated, {unchanged} unchanged notes")
    return ExitCode.OK


def _refused(source: Path, err: NotesImportError) -> int:
    for line in err.shown():
        _fail(f"{source}: {line}")
    count = len(err.problems)
    return _fail(f"{source}: nothing was imported ({count:,} problem{'s' if count != 1 else ''})")
