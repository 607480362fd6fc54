"""The dialog in which a reader grades a source, a claim or an event on the
Admiralty scale: how reliable the source is (A–F), how credible the information
(1–6), and why, in a few words. The grade is kept as a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.model import Reliability
from viewer.domain.names import CREDIBILITY_NAME, credibility_name, reliability_name
from viewer.domain.notes import MAX_NOTE_LENGTH, Note


class GradeDialog(QDialog):
    """Choose a grade for ``target_label`` (the one in ``note``, if graded before).
    ``removed`` after it closes: the reader chose to take the grade away."""

    def __init__(self, target_label: str, note: Note | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradeDialog")
        self.setWindowTitle(self.tr("Grade"))
        self.removed = False
        about = QLabel(target_label, self)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        self.reliability = QComboBox(self)
        self.reliability.setObjectName("gradeReliability")
        for reliability in Reliability:
            self.reliability.addItem(reliability_name(reliability), reliability.value)
        self.credibility = QComboBox(self)
        self.credibility.setObjectName("gradeCredibility")
        for digit in CREDIBILITY_NAME:
            self.credibility.addItem(credibility_name(digit), str(digit))
        self.why = QLineEdit(self)
        self.why.setObjectName("gradeWhy")
        self.why.setMaxLength(MAX_NOTE_LENGTH)
        self.why.setPlaceholderText(self.tr("optional"))
        graded = note.grade if note is not None else None
        # Unjudged until the reader says otherwise: F and 6 mean "cannot be judged".
        code = graded or "F6"
        self.reliability.setCurrentIndex(self.reliability.findData(code[0]))
        self.credibility.setCurrentIndex(self.credibility.findData(code[1]))
        if note is not None:
            self.why.setText(note.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        if graded:
            remove = self.buttons.addButton(
                self.tr("&Remove My Grade"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            remove.setObjectName("gradeRemove")
            remove.clicked.connect(self._remove)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Source:"), self.reliability)
        form.addRow(self.tr("&Information:"), self.credibility)
        form.addRow(self.tr("&Why:"), self.why)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def grade(self) -> str:
        """The code chosen ("B2")."""
        return f"{self.reliability.currentData()}{self.credibility.currentData()}"

    def text(self) -> str:
        return self.why.text().strip()

    def _remove(self) -> None:
        self.removed = True
        self.accept()
