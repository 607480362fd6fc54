"""The repository stands alone: nothing in it reads or links outside it."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO

#: Folders that tools make inside a checkout; none of them is the project's.
_TOOL_DIRS = {".git", ".venv", "build", "dist", "__pycache__"}
#: A path that climbs out of the checkout to the developers' sibling folder.
_OUTSIDE = re.compile(r"\.\./" + "shared" + r"\b|parent\s*/\s*[\"']" + "shared")


def _project_files() -> list[Path]:
    found = []
    for root, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in _TOOL_DIRS and not d.endswith("_cache")]
        found.extend(Path(root) / name for name in files)
    return found


def test_no_file_points_outside_the_repository() -> None:
    offenders = []
    for path in _project_files():
        if path.suffix in {".png", ".qm", ".pyc"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if _OUTSIDE.search(text):
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_no_link_leaves_the_repository() -> None:
    links = [path for path in _project_files() if path.is_symlink()]
    for root, dirs, _files in os.walk(REPO):  # a linked folder is listed, not entered
        dirs[:] = [d for d in dirs if d not in _TOOL_DIRS and not d.endswith("_cache")]
        links.extend(Path(root) / d for d in dirs if (Path(root) / d).is_symlink())
    outside = [str(p) for p in links if not p.resolve().is_relative_to(REPO)]
    assert outside == []


#: The copies are verbatim: the importers are tested against files no one here wrote.
_CHECKSUMS = {
    "seed/article-de.txt": "53b09ffbd769c16a89fa90db80d5a87fe62273f4055bd97fe9b7b0f69329a13a",
    "seed/FACTS.md": "f27c48b09b57287c43eea0d93502bd64c38314980b0230946bdbf47210b4f760",
    "timelinejs/houston.json": "80deac7e4724e18b075512a5e5a7bacd4ea6edf7f5b62d8e7600f7c0adc02260",
    "timelinejs/women_in_computing.csv": (
        "f86e8c5293f601dd53b5b870ea916f1316c6459cc0bcc64076809512f6d1b4cd"
    ),
    "timelinejs/women_in_computing.json": (
        "7620f490c8ea82cdaa8b22d0bb19a9b3587a3e8b3827357809d373e52531f98a"
    ),
    "acled/argentina_2022-06_sample.csv": (
        "b04d75375479fa0e23f0789c8c9c51cd66fe360cafddbe1b44fbe142d4e0cf30"
    ),
}


@pytest.mark.parametrize(("name", "sha256"), sorted(_CHECKSUMS.items()))
def test_test_data_is_unchanged_and_says_where_it_came_from(name: str, sha256: str) -> None:
    path = DATA / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    assert f"`{name}`" in (DATA / "README.md").read_text(encoding="utf-8")
