"""The dialog that writes or edits a note: its text and its tags, and no more than a
note can hold."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.domain import words
from viewer.domain.notes import MAX_NOTE_LENGTH, Note, parse_tags
from viewer.ui.widgets.keys import key_names


class NoteDialog(QDialog):
    """Write or edit a note: its text and its tags."""

    def __init__(self, target_label: str, note: Note | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Edit Note") if note else self.tr("Add Note"))
        self.too_long_box: QMessageBox | None = None
        about = QLabel(target_label, self)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("noteText")
        self.text_edit.setAccessibleName(self.tr("Note"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.installEventFilter(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("noteTags")
        self.tags_edit.setPlaceholderText(self.tr("e.g. Istanbul, sanctions"))
        if note is not None:
            self.text_edit.setPlainText(note.text)
            self.tags_edit.setText(", ".join(note.tags))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            self.tr("Keep the note ({0})").format(key_names("Ctrl+Enter"))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Note:"), self.text_edit)
        form.addRow(self.tr("&Tags:"), self.tags_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, 280)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the text Enter starts a new line; Ctrl+Enter keeps the note, as OK does."""
        if (
            watched is self.text_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def values(self) -> tuple[str, tuple[str, ...]]:
        return self.text_edit.toPlainText().strip(), parse_tags(self.tags_edit.text())

    def accept(self) -> None:
        """Close only with a note the app can keep: a longer one stays here to be cut."""
        length = len(self.values()[0])
        if length > MAX_NOTE_LENGTH:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Note too long"),
                self.tr(
                    "A note holds at most {0} characters; this one has {1}. "
                    "Shorten it (or keep the rest in a file) and try again."
                ).format(words.number(MAX_NOTE_LENGTH), words.number(length)),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("noteTooLongBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.too_long_box = box
            box.open()
            return
        super().accept()
