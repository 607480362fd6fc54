"""The notes files of earlier versions (one JSON file per timeline), read once to
carry them into the database (:mod:`viewer.persistence.notes`). Qt-free.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from viewer.domain.notes import Note

#: The only JSON notes format there was.
JSON_FORMAT = 1


class _NotesFile(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format_version: int = Field(ge=1)
    timeline_id: str
    notes: tuple[Note, ...] = ()


class LegacyNotesError(Exception):
    """The JSON file could not be carried over; the message says why."""


def json_path(folder: Path, stem: str) -> Path:
    return folder / f"{stem}.notes.json"


def read_legacy(path: Path, timeline_id: str) -> list[Note]:
    """The notes of an old JSON file. Raises :class:`LegacyNotesError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LegacyNotesError(f"it cannot be read ({exc.strerror or exc})") from exc
    try:
        parsed = _NotesFile.model_validate_json(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        raise LegacyNotesError(f"{where}: {error['msg']}" if where else error["msg"]) from exc
    if parsed.format_version > JSON_FORMAT:
        raise LegacyNotesError(f"it has format {parsed.format_version}, newer than this app")
    if parsed.timeline_id != timeline_id:
        raise LegacyNotesError(f"it belongs to timeline {parsed.timeline_id!r}")
    return list(parsed.notes)
