"""The status bar's progress of a file opening in the background, with Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from viewer.ui.document.document import Document


class LoadProgress(QWidget):
    """A large file opens in the background: its progress and Cancel sit in the
    status bar, and the open timeline stays usable until the new one is ready.
    Shown while ``document`` loads a file in the background."""

    # A message for the status bar, and for how many ms it shows.
    said = Signal(str, int)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setObjectName("loadProgress")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(200)
        self.bar.setAccessibleName(self.tr("Opening progress"))
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setToolTip(self.tr("Stop opening this file; the open timeline stays as it is"))
        self.cancel.clicked.connect(self._cancel)
        for part in (self.label, self.bar, self.cancel):
            row.addWidget(part)
        self.hide()
        document.loadStarted.connect(self._started)
        document.loadProgress.connect(self._progressed)
        document.loadEnded.connect(self.hide)

    def _started(self, path: Path) -> None:
        if self._document.importing is not None:
            self.label.setText(self.tr("Importing {0}\u2026").format(path.name))
        else:
            self.label.setText(self.tr("Opening {0}\u2026").format(path.name))
        self.bar.setValue(0)
        self.show()

    def _progressed(self, done: float) -> None:
        """The bar shows ``done``, painted with the window's next paint: QProgressBar
        repaints at once, on this thread and while the load's thread waits for it
        (some 50 times an open, about a millisecond each)."""
        bar = self.bar
        bar.setUpdatesEnabled(False)
        bar.setValue(round(done * 1000))
        bar.setUpdatesEnabled(True)  # asks for the paint

    def _cancel(self) -> None:
        document = self._document
        path = document.loading
        importing = document.importing
        if document.cancel_load(requeue=False) and path is not None:
            if importing is not None:  # the partial file is gone with the import
                self.said.emit(self.tr("Stopped importing {0}.").format(importing.name), 8000)
            else:
                self.said.emit(self.tr("Stopped opening {0}.").format(path.name), 8000)
