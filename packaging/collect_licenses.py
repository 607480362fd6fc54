"""Puts into FOLDER the licence of every part of the bundle, and a list of them.

    python packaging/collect_licenses.py FOLDER [LIBRARIES]

Run by ``packaging/build-bundle`` with the build environment's Python: the
parts are timeline-viewer and what it needs (its requirements, theirs, ...),
each with the licence files its distribution carries; Python's own licence;
and for Qt for Python, whose wheels carry none, the LGPL 3.0 and GPL 3.0
texts in ``packaging/licenses/``. With LIBRARIES (the bundle's folder of
shared libraries), each library copied from the build machine gets its
Debian package's copyright file (where ``dpkg-query`` knows it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Parts whose wheels carry no licence text: the texts of their licence.
TEXTS = {
    "pyside6-essentials": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "shiboken6": ["LGPL-3.0.txt", "GPL-3.0.txt"],
}


def _name(requirement: str) -> str:
    return re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _parts(root: str) -> list[metadata.Distribution]:
    """``root`` and everything it needs, each once (extras and markers aside)."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                todo.append(_name(requirement))
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _system_libraries(folder: Path, out: Path) -> list[str]:
    """The Debian copyright file of each shared library at the top of ``folder``
    (those PyInstaller copied from the system), by package."""
    if shutil.which("dpkg-query") is None:
        return []
    packages: dict[str, list[str]] = {}
    for library in sorted(folder.glob("lib*.so*")):
        if library.is_symlink():
            continue
        found = subprocess.run(
            ["dpkg-query", "-S", f"*/{library.name}"], capture_output=True, text=True, check=False
        )
        if found.returncode == 0:
            package = found.stdout.split(":", 1)[0].strip()
            packages.setdefault(package, []).append(library.name)
    lines = []
    for package, libraries in sorted(packages.items()):
        copyright = Path("/usr/share/doc") / package / "copyright"
        if copyright.is_file():
            out.mkdir(parents=True, exist_ok=True)
            shutil.copy(copyright, out / f"{package}.copyright")
        lines.append(f"{', '.join(libraries)}: Debian package {package} (see system-libraries/)")
    return lines


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    lines = ["The parts of this bundle and their licences (each one's texts in its folder).", ""]
    for dist in _parts("timeline-viewer"):
        name, version = dist.metadata["Name"], dist.version
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or "?"
        folder = out / name
        folder.mkdir(exist_ok=True)
        copied = 0
        for file in dist.files or []:
            if re.search(r"(^|/)(licen[cs]es?|copying|notice)", str(file), re.IGNORECASE):
                source = Path(str(dist.locate_file(file)))
                if source.is_file():
                    # numpy carries several LICENSE.txt (its vendored parts'): kept apart
                    inside = str(file).split(".dist-info/", 1)[-1].removeprefix("licenses/")
                    shutil.copy(source, folder / inside.replace("/", "_"))
                    copied += 1
        for text in TEXTS.get(name.lower().replace("_", "-"), []):
            shutil.copy(HERE / "licenses" / text, folder / text)
            copied += 1
        if name.lower() == "timeline-viewer" and not copied:
            shutil.copy(HERE.parent / "LICENSE", folder / "LICENSE")
            copied += 1
        lines.append(f"{name} {version}: {licence.splitlines()[0]}")
        if not copied:
            print(f"note: {name} carries no licence file", file=sys.stderr)
    python = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python.is_file():
        (out / "Python").mkdir(exist_ok=True)
        shutil.copy(python, out / "Python" / "LICENSE.txt")
        lines.append(f"Python {sys.version.split()[0]}: PSF-2.0")
    if len(sys.argv) > 2:
        lines += _system_libraries(Path(sys.argv[2]), out / "system-libraries")
    (out / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"licences of {len(lines) - 2} parts in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
