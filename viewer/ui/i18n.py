"""The interface's language: English or German, through Qt's translation system.

The translations' sources are ``resources/i18n/timeline-viewer_<lang>.ts``
(made with ``pyside6-lupdate`` from the code), compiled to ``.qm`` beside them
with ``pyside6-lrelease``; the wheel ships both, and a test compiles the
sources again and fails if what is shipped differs (so they cannot drift).
The language is, in order: ``--lang``, the one chosen in View > Language,
the system's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from viewer.domain import words
from viewer.persistence.paths import resources_dir


def sources() -> list[str]:
    """The code whose words are translated (what ``pyside6-lupdate`` reads), from the
    repository's root: every module of the package, so a module that moves or
    is new is read without a word here (lupdate finds nothing in the others)."""
    package = Path(__file__).resolve().parents[1]
    return sorted(str(path.relative_to(package.parent)) for path in package.rglob("*.py"))


# The languages the interface speaks, each named in itself.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}
SETTING = "language"
LOCALES: dict[str, QLocale] = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "de": QLocale(QLocale.Language.German, QLocale.Country.Germany),
}


def system_language() -> str:
    """The system's language if the interface speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def chosen_language(settings: QSettings, asked: str | None = None) -> str:
    """``asked`` (the command line's), else the reader's choice, else the system's."""
    if asked in LANGUAGES:
        return str(asked)
    saved = settings.value(SETTING, "")
    if isinstance(saved, str) and saved in LANGUAGES:
        return saved
    return system_language()


def translation_file(language: str) -> str:
    return str(resources_dir() / "i18n" / f"timeline-viewer_{language}.qm")


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's translation for ``language`` (and Qt's own, for its
    dialogs' buttons); English needs none. Returns what was installed."""
    installed: list[QTranslator] = []
    # Numbers and dates follow the interface's language, not the system's.
    QLocale.setDefault(LOCALES.get(language, LOCALES["en"]))
    # The core's words (dates, kinds, filter chips) through the same translation.
    words.use(QCoreApplication.translate, lambda value: QLocale().toString(value))
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(translation_file(language)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", folder):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def uninstall(app: QCoreApplication, installed: list[QTranslator]) -> None:
    """Take back what :func:`install` did: English words, English numbers."""
    for translator in installed:
        app.removeTranslator(translator)
    words.use(None)
    QLocale.setDefault(LOCALES["en"])
