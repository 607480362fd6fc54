"""German and English through Qt's translation system: the real translator, no drift."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.conftest import REPO, strip_isolates
from tests.ui.windows import active_window
from viewer.cli.main import _build_parser
from viewer.domain.calendar import Day
from viewer.domain.cite import cite_quote
from viewer.domain.describe import describe_date, precision_words
from viewer.domain.model import EventKind, FuzzyDate
from viewer.domain.names import kind_name, kind_plural
from viewer.persistence.paths import AppPaths
from viewer.timeline.axis import STEPS, TickUnit, tick_label
from viewer.ui import i18n
from viewer.ui.app import open_settings
from viewer.ui.models.roles import ItemRole
from viewer.ui.widgets.days import read_day

TS = REPO / "resources" / "i18n" / "timeline-viewer_de.ts"
QM = REPO / "resources" / "i18n" / "timeline-viewer_de.qm"


def tool(name: str) -> str:
    """A PySide6 tool of this environment (beside its Python, or on the path)."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is part of PySide6-Essentials: it should be installed"
    return found


@pytest.fixture
def german(qapp: QCoreApplication) -> Iterator[None]:
    before = QLocale()
    installed = i18n.install(qapp, "de")
    try:
        assert QLocale().toString(1234567) == "1.234.567"  # German digits grouping
        assert installed, "the German translation did not load"
        yield
    finally:  # English again for the tests after, whatever happened
        i18n.uninstall(qapp, installed)
        QLocale.setDefault(before)


def test_the_german_ui_shows_german_menus(qtbot: QtBot, german: None) -> None:
    window = active_window(qtbot)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Gehe zu", "&Hilfe"]
    assert window.menus["find"].text() == "&Suchen…"
    assert window.events_dock.windowTitle() == "Ereignisse"
    assert window.menus["back"].text() == "&Zurück"
    # The panels' own words too: the find bar, the filters, the quotes.
    window.open_find()
    assert window.find_bar.edit.placeholderText().startswith("In Ereignissen, Zitaten")
    qtbot.keyClicks(window.find_bar.edit, "zermurbung")
    window.finder.finish()
    assert window.find_bar.status.text() == "1 von 1"
    window.filters.toggle("kinds", "meeting")
    assert window.filter_bar.count.text() == "1 von 14 Ereignissen angezeigt"
    assert window.quotes.filter_edit.placeholderText() == "Zitate filtern…"


def test_english_is_the_words_of_the_code(qtbot: QtBot) -> None:
    window = active_window(qtbot)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Go", "&Help"]


def test_the_shipped_translation_is_its_source_compiled(tmp_path: Path) -> None:
    out = tmp_path / "de.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == QM.read_bytes(), (
        "the .qm is stale: run pyside6-lrelease resources/i18n/timeline-viewer_de.ts "
        "-qm resources/i18n/timeline-viewer_de.qm"
    )


def test_every_word_of_the_code_is_in_the_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "de.ts"
    shutil.copy(TS, fresh)
    sources = [str(REPO / source) for source in i18n.sources()]
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    text = fresh.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "words of the code without German"
    assert 'type="vanished"' not in text
    assert 'type="obsolete"' not in text


def test_the_language_chosen(qtbot: QtBot) -> None:
    settings = open_settings(AppPaths.from_environment())
    assert i18n.chosen_language(settings, "de") == "de"
    settings.setValue(i18n.SETTING, "de")
    assert i18n.chosen_language(settings) == "de"
    assert i18n.chosen_language(settings, "en") == "en"
    settings.setValue(i18n.SETTING, "xx")
    assert i18n.chosen_language(settings) == i18n.system_language()
    args = _build_parser().parse_args(["open", "--lang", "de"])
    assert args.lang == "de"
    window = active_window(qtbot)
    deutsch = next(a for a in window.menus.language_actions.actions() if a.data() == "de")
    deutsch.trigger()
    assert window.settings.value(i18n.SETTING) == "de"
    assert "next starts" in window.statusBar().currentMessage()


def test_years_before_the_common_era_read_in_german(qtbot: QtBot, german: None) -> None:
    """15 March 44 BC is "15. März 44 v. Chr.", in the table too, and reads back in Go to Date."""
    ides = FuzzyDate.model_validate({"precision": "day", "start": "-0043-03-15"})
    assert describe_date(ides) == "15. M\u00e4rz 44 v. Chr."
    reign = FuzzyDate.model_validate({"precision": "year", "start": "-0026", "end": "0014"})
    assert describe_date(reign) == "27 v. Chr. \u2013 14 n. Chr."
    window = active_window(qtbot, REPO / "tests" / "data" / "model" / "caesar-44bc.json")
    model = window.events_table.view.model()
    cells = {
        model.index(row, 0).data(ItemRole.EVENT_ID): model.index(row, 0).data()
        for row in range(model.rowCount())
    }
    assert cells["ides"] == "15. M\u00e4rz 44 v. Chr."
    assert read_day("15. M\u00e4rz 44 v. Chr.") == Day(-43, 3, 15)


def test_dates_names_and_numbers_read_in_german(qtbot: QtBot, german: None) -> None:

    day = FuzzyDate.model_validate({"precision": "day", "start": "2025-06-04"})
    two = FuzzyDate.model_validate(
        {"precision": "day", "start": "2025-06-04", "end": "2025-06-05", "approximate": True}
    )
    open_end = FuzzyDate.model_validate({"precision": "day", "start": "2025-06-09", "end": ".."})
    assert describe_date(day) == "4. Juni 2025"
    assert describe_date(two) == "ca. 4.\u20135. Juni 2025"
    assert describe_date(open_end) == "ab 9. Juni 2025"
    assert precision_words(day) == "auf den Tag genau"
    assert (kind_name(EventKind.CALL), kind_plural(EventKind.CALL)) == ("Telefonat", "Telefonate")

    step = next(s for s in STEPS if s.unit is TickUnit.DAY)
    assert tick_label(datetime(2025, 3, 19, tzinfo=UTC), step) == "19. März"
    # In the window: the table's cells, the timeline's description, a filter chip.
    window = active_window(qtbot)
    window.selection.select("call-2025-06-04")
    description = window.timeline_view.accessibleDescription()
    said = "Telefonat zwischen Trump und Putin. 4. Juni 2025. Telefonat, Stattgefunden."
    assert description == said
    window.filters.toggle("kinds", "call")
    assert [chip.text() for chip in window.filter_bar.chips] == ["Art: Telefonate  \u2715"]


def test_english_again_after_german(qtbot: QtBot) -> None:

    day = FuzzyDate.model_validate({"precision": "day", "start": "2025-06-04"})
    assert describe_date(day) == "4 June 2025"


def test_the_shortcuts_read_in_german_keys_and_all(qtbot: QtBot, german: None) -> None:
    window = active_window(qtbot)
    window.show_shortcuts()
    box = window.shortcuts_box
    assert box is not None
    rows = dict(box.rows())
    assert rows["Zeitleiste: verschieben"] == "Umschalt+Links, Umschalt+Rechts"
    assert rows["Zeitleiste: erstes / letztes Ereignis"] == "Pos1, Ende"
    assert rows["Zitatübersetzungen"] == "Strg+Umschalt+T"
    # Every key is shown whole: the keys' column is as wide as its longest entry.
    table = box.table
    widest = max(table.fontMetrics().horizontalAdvance(keys) for keys in rows.values())
    assert table.columnWidth(1) >= widest
    box.close()


def test_an_import_says_what_it_left_out_in_german(german: None, tmp_path: Path) -> None:
    from viewer.importers.acled.convert import import_acled

    lines = (REPO / "tests/data/acled/argentina_2022-06_sample.csv").read_text(encoding="utf-8")
    header, first, *_rest = lines.splitlines()
    source = tmp_path / "short.csv"
    source.write_text(f"{header}\n{first}\nnur,drei,Felder\n", encoding="utf-8")
    report = import_acled(source, tmp_path / "out.json")
    [problem] = report.problems
    assert problem.where == "Zeile 3"
    assert problem.message == "hat 3 Felder, die Kopfzeile hat 31"
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert document["title"] == "ACLED-Ereignisse aus short.csv"  # made up: in the reader's words


def test_a_model_file_s_problems_are_said_in_german(
    qtbot: QtBot, german: None, tmp_path: Path
) -> None:
    window = active_window(qtbot)
    empty = tmp_path / "leer.json"
    empty.write_bytes(b"")
    bad = tmp_path / "falsch.json"
    bad.write_text('{"schema_version": 1, "id": "x", "title": "x", "typo": 1}', encoding="utf-8")
    assert not window.open_file(empty)
    assert window.error_box is not None
    assert window.error_box.informativeText() == "die Datei ist leer"
    assert window.error_box.detailedText() == ""  # nothing more to show
    window.error_box.close()
    assert not window.open_file(bad)
    said = window.error_box.informativeText().splitlines()
    assert "typo: ist kein Feld dieses Formats (ein Tippfehler?); gefunden: 1" in said
    assert "language: ist erforderlich, fehlt aber" in said
    window.error_box.close()


def _german_texts() -> list[str]:
    """Every German translation in the shipped .ts, plural forms one by one."""
    root = ElementTree.parse(TS).getroot()
    texts = []
    for translation in root.iter("translation"):
        forms = [form.text or "" for form in translation.iter("numerusform")]
        texts += forms or [translation.text or ""]
    return texts


def test_german_writes_one_ellipsis_and_its_own_quotation_marks() -> None:
    texts = _german_texts()
    assert len(texts) > 500
    # Qt's German convention: "Öffnen…", never "Öffnen …" or "Öffnen...".
    assert [t for t in texts if t.endswith(" …") or "..." in t] == []
    # „…“ around quoted words, never the English “…”.
    assert [t for t in texts if "”" in t or ("“" in t and "„" not in t)] == []


def test_citations_and_the_sources_wording_are_german(qtbot: QtBot, german: None) -> None:
    window = active_window(qtbot)
    window.selection.select("call-2025-06-04")
    window.timeline_view.setFocus()
    window.menus["copy_citation"].trigger()
    said = strip_isolates(window.statusBar().currentMessage())
    assert said == "Quellenangabe für „Telefonat zwischen Trump und Putin“ kopiert."
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[-1].startswith("Quelle: ")
    details = strip_isolates(window.details.browser.toPlainText())
    assert "Wortlaut der Quelle: „erneuten Telefonat“" in details
    timeline = window.document.timeline
    assert timeline is not None
    reported = cite_quote(timeline, timeline.quotes_by_id["q-trump-2"]).plain
    assert "Trump (indirekte Rede), 4. Juni 2025" in reported


def test_one_event_is_one_in_german(qtbot: QtBot, german: None, tmp_path: Path) -> None:
    window = active_window(qtbot)
    single = tmp_path / "eins.json"
    slide = {"start_date": {"year": "2025", "month": "6"}, "text": {"headline": "Eins"}}
    single.write_text(json.dumps({"events": [slide]}), encoding="utf-8")
    said: list[str] = []
    window.imports.said.connect(lambda text, _ms: said.append(strip_isolates(text)))
    window.imports.open_path(single, add=True)
    qtbot.waitUntil(lambda: len(said) == 2, timeout=20_000)
    assert said[0] == "1 Ereignis aus eins.json importiert."
    assert said[1].startswith("„eins“ hinzugefügt: 1 Ereignis.")  # titled by its file


def test_the_filter_menu_names_claims_as_german_does(qtbot: QtBot, german: None) -> None:
    window = active_window(qtbot)
    menu = window.filter_bar.menu
    menu.aboutToShow.emit()  # filled when it opens
    claims = next(a.menu() for a in menu.actions() if a.text() == "&Behauptung")
    assert [a.text() for a in claims.actions()] == [
        "Bestätigte Behauptungen",
        "Unbestätigte Behauptungen",
        "Umstrittene Behauptungen",
    ]


def test_tooltips_name_keys_as_the_shortcuts_list_does(qtbot: QtBot, german: None) -> None:
    window = active_window(qtbot)
    bar = window.find_bar
    assert bar.previous.toolTip() == "Vorheriger Treffer (Umschalt+F3)"
    assert bar.close_button.toolTip() == "Suchleiste schließen (Esc)"
    how = bar.edit.toolTip().splitlines()[1]
    assert how == "Enter: nächster Treffer, Umschalt+Enter: vorheriger, Esc: schließen"
