"""The window's dialogs and message boxes: the keys, About, a notice, a file that
would not open. Each shows plain text: a file name may hold "<b>"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.domain import words
from viewer.domain.text import isolate


class ShortcutsDialog(QDialog):
    """Every key of the app in one table (plain text)."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for row, (action, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(action))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        # The keys whole; the actions take the rest of the width and wrap (German
        # names are long): nothing is cut off and nothing scrolls sideways.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(True)
        self._keys_width = 0
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(self._wanted_size(rows))

    def _wanted_size(self, rows: list[tuple[str, str]]) -> QSize:
        """Wide enough for every action and its keys on one line in this font (a
        large font, German words), but never wider or taller than the screen:
        there the actions wrap."""
        metrics = self.table.fontMetrics()
        pad = 3 * metrics.averageCharWidth()
        actions = max((metrics.horizontalAdvance(a) for a, _k in rows), default=0) + pad
        keys = max((metrics.horizontalAdvance(k) for _a, k in rows), default=0) + pad
        self._keys_width = keys
        chrome = 4 * metrics.averageCharWidth() + self.table.verticalScrollBar().sizeHint().width()
        width, height = max(560, actions + keys + chrome), max(520, 26 * metrics.height())
        screen = self.screen().availableGeometry()
        return QSize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._share_columns()

    def _share_columns(self) -> None:
        """The keys whole if they take at most 40 % of the width (else wrapped
        there); the actions the rest."""
        room = self.table.viewport().width()
        keys = min(self._keys_width, room * 2 // 5)
        self.table.setColumnWidth(1, keys)
        self.table.setColumnWidth(0, max(room - keys, 0))

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]


class AboutBox(QMessageBox):
    """Help > About: the app's name, version and what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About timeline-viewer"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            f"timeline-viewer {__version__}\n\n"
            + self.tr(
                "Events, claims with their sources and verification, quotes per actor, "
                "and dates with their honest uncertainty."
            )
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


class NoticeBox(QMessageBox):
    """A warning the reader reads and closes (about their notes, an import)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        self.setObjectName("notesMessageBox")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


# A load error box lists this many of a file's problems; Details has them all.
SHOWN_LINES = 20


class LoadErrorBox(QMessageBox):
    """A file that could not be opened, imported (``importing``) or shown over the
    timeline titled ``over``, with what was wrong (the first 20 lines; all of them
    under Details when there are more). ``still_showing`` names the file still open, if one is."""

    def __init__(
        self,
        path: Path,
        lines: list[str],
        *,
        importing: bool = False,
        over: str | None = None,
        still_showing: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loadErrorBox")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Could not open timeline"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        more = self.tr("… and {0} more").format(words.number(len(lines) - SHOWN_LINES))
        shown = lines[:SHOWN_LINES] + ([more] if len(lines) > SHOWN_LINES else [])
        if importing:
            self.setWindowTitle(self.tr("Could not import"))
            self.setText(self.tr("Nothing could be imported from {0}:").format(path))
        elif over is not None:
            self.setWindowTitle(self.tr("Could not add timeline"))
            said = self.tr("{0} cannot be shown over “{1}”:")
            self.setText(said.format(path, isolate(over)))
        elif still_showing:
            text = self.tr("{0} is not a timeline this app can open:\n\nStill showing: {1}")
            self.setText(text.format(path, still_showing))
        else:
            self.setText(self.tr("{0} is not a timeline this app can open:").format(path))
        self.setInformativeText("\n".join(shown))
        if len(lines) > SHOWN_LINES:  # some left out above: all of them here
            self.setDetailedText("\n".join(lines))
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
