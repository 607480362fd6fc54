"""The desktop files agree with the app and with each other, and install as said."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import DATA, REPO
from viewer.importers.formats import run_import
from viewer.persistence.paths import APP_ID, app_icon, bundled_timeline

LINUX = REPO / "packaging" / "linux"
MIME = "application/vnd.timeline-viewer+json"
SMI = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_starts_the_app_with_the_file_and_names_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "timeline-viewer %f"
    assert entry["TryExec"] == "timeline-viewer"
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == "timeline-viewer"  # as the window's WM_CLASS reads
    assert entry["MimeType"].split(";") == [MIME, ""]


def test_the_appstream_file_names_the_entry_and_the_file_type() -> None:
    component = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/mediatype") == MIME
    assert component.findtext("provides/binary") == "timeline-viewer"


def test_every_model_file_is_of_the_type_by_its_first_bytes(tmp_path: Path) -> None:
    """The magic of the shared-mime-info type finds the bundled timeline and an import."""
    mime = ET.parse(LINUX / f"{APP_ID}.xml").getroot().find(f"{SMI}mime-type")
    assert mime is not None
    assert mime.get("type") == MIME
    match = mime.find(f"{SMI}magic/{SMI}match")
    assert match is not None
    value = match.get("value", "").encode()
    first, last = (int(n) for n in match.get("offset", "").split(":"))
    imported = tmp_path / "imported.json"
    run_import("acled", DATA / "acled" / "argentina_2022-06_sample.csv", imported)
    for model in (bundled_timeline(), imported):
        head = model.read_bytes()[: last + len(value)]
        assert value in head[first:], model


def test_the_app_wears_its_icon_and_desktop_id(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from viewer.ui.app import brand

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    brand(app)
    assert app.desktopFileName() == APP_ID
    pixmap = app.windowIcon().pixmap(48, 48)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    colours = {image.pixel(x, y) for y in range(0, 48, 3) for x in range(0, 48, 3)}
    assert len(colours) > 5  # drawn, not blank
    assert app_icon().read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_install_desktop_installs_and_removes_for_a_user(tmp_path: Path) -> None:
    share = tmp_path / "share"
    program = tmp_path / "my apps & more" / "timeline-viewer"
    program.parent.mkdir()
    shutil.copy("/bin/true", program)
    env = {**os.environ, "XDG_DATA_HOME": str(share)}
    script = REPO / "packaging" / "install-desktop"
    subprocess.run([str(script), "--exec", str(program)], check=True, env=env, capture_output=True)
    desktop = share / "applications" / f"{APP_ID}.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in text
    assert f"TryExec={program}\n" in text
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert icon.read_bytes() == app_icon().read_bytes()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    subprocess.run([str(script), "--uninstall"], check=True, env=env, capture_output=True)
    assert not desktop.exists()
    assert not icon.exists()


def test_install_desktop_refuses_what_would_make_a_broken_entry(tmp_path: Path) -> None:
    script = REPO / "packaging" / "install-desktop"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "PATH": "/usr/bin:/bin"}

    def refused(*args: str) -> str:
        run = subprocess.run([str(script), *args], env=env, capture_output=True, text=True)
        assert run.returncode == 2, run
        return run.stderr

    assert "timeline-viewer is not on PATH" in refused()  # no entry that starts nothing
    assert "is not a program that can be run" in refused("--exec", str(tmp_path / "none"))
    assert "needs the program" in refused("--exec")
    odd = tmp_path / "$HOME" / "timeline-viewer"
    odd.parent.mkdir()
    shutil.copy("/bin/true", odd)
    assert "move the program to a plainer path" in refused("--exec", str(odd))
    assert not (tmp_path / "share" / "applications").exists()
    # Removing what was never installed is no error.
    subprocess.run([str(script), "--uninstall"], env=env, check=True, capture_output=True)
