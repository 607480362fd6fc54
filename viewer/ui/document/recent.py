"""What is remembered between runs in QSettings: the recent files, where File > Open starts,
the last view of each timeline and the timelines shown over it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

import viewer
from viewer.persistence.paths import resources_dir

MAX_RECENT = 10


class Remembered:
    """The settings of what the reader opened and how it was shown."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def recent_files(self) -> list[Path]:
        return _paths(self._settings.value("recent", []))

    def recent_titles(self) -> dict[str, str]:
        """The title each recent file had when it was last opened, by path."""
        value = self._settings.value("recent_titles", "")
        try:
            titles = json.loads(value) if isinstance(value, str) and value else {}
        except ValueError:
            return {}
        if not isinstance(titles, dict):
            return {}
        return {k: v for k, v in titles.items() if isinstance(k, str) and isinstance(v, str)}

    def opened(self, path: Path, title: str) -> None:
        """``path``, whose timeline is called ``title``, was opened: first of the recent files."""
        resolved = str(path.resolve())
        recent = [str(p) for p in self.recent_files() if str(p) != resolved]
        kept = [resolved, *recent][:MAX_RECENT]
        self._settings.setValue("recent", kept)
        titles = self.recent_titles()
        titles[resolved] = title
        self._settings.setValue(
            "recent_titles", json.dumps({p: titles[p] for p in kept if p in titles})
        )
        if not _inside_the_app(path):
            self._settings.setValue("last_folder", str(path.resolve().parent))

    def start_folder(self) -> Path:
        """Where File > Open starts: the folder of the last file opened (never one
        inside the installed app), else the home folder."""
        value = self._settings.value("last_folder", "")
        folder = Path(value) if isinstance(value, str) and value else None
        if folder is not None and folder.is_dir() and not _inside_the_app(folder):
            return folder
        return Path.home()

    def saved_view(self, timeline_id: str) -> tuple[float, float] | None:
        """The left edge and zoom the reader last had on this timeline."""
        saved = self._settings.value(f"view/{timeline_id}")
        if isinstance(saved, list) and len(saved) == 2:
            try:
                return float(saved[0]), float(saved[1])
            except (TypeError, ValueError):
                return None
        return None

    def remember_view(self, timeline_id: str, t0: float, seconds_per_px: float) -> None:
        self._settings.setValue(f"view/{timeline_id}", [t0, seconds_per_px])

    def forget_view(self, timeline_id: str) -> None:
        self._settings.remove(f"view/{timeline_id}")

    def layers(self, timeline_id: str) -> list[Path]:
        """The files that were shown over the timeline ``timeline_id`` when it was last open."""
        return _paths(self._settings.value(f"layers/{timeline_id}", []))

    def remember_layers(self, timeline_id: str, files: list[Path]) -> None:
        """Remember ``files`` as shown over the timeline ``timeline_id``, each once."""
        kept = dict.fromkeys(str(p.resolve()) for p in files)
        self._settings.setValue(f"layers/{timeline_id}", list(kept))


def _paths(value: object) -> list[Path]:
    """The paths of a list setting (an INI file gives back one string for a list of one)."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [Path(item) for item in items if isinstance(item, str) and item]


def _inside_the_app(path: Path) -> bool:
    """Whether ``path`` lies in the installed app (its bundled timeline's folder, its code)."""
    resolved = path.resolve()
    roots = (resources_dir().resolve(), Path(viewer.__file__).resolve().parent)
    return any(resolved == root or root in resolved.parents for root in roots)
