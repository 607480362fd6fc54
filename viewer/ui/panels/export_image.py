"""File > Export Image: the reader chooses the picture's format, width and span,
and whether it marks the selected event, before choosing where it goes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.controllers.exports import IMAGE_SUFFIXES, Exports, ImageChoice, ImageRange

# The narrowest and widest picture (the narrowest is what the export can lay out).
MIN_WIDTH, MAX_WIDTH = 400, 20_000


class ExportImageDialog(QDialog):
    """The picture's format, width and span, and whether the selection is marked.

    ``filtered``: a filter hides some events (else "the filtered events" is
    the same as "all" and is not offered); ``selected``: an event is selected
    (else there is nothing to mark)."""

    def __init__(
        self,
        last: ImageChoice,
        *,
        filtered: bool,
        selected: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportImageDialog")
        self.setWindowTitle(self.tr("Export Image"))
        form = QFormLayout()

        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for suffix, name in zip(
            IMAGE_SUFFIXES,
            (self.tr("PNG picture"), self.tr("SVG drawing"), self.tr("PDF document")),
            strict=True,
        ):
            self.format.addItem(name, suffix)
        self.format.setCurrentIndex(max(self.format.findData(last.suffix), 0))
        form.addRow(self.tr("&Format:"), self.format)

        self.width_box = QSpinBox()
        self.width_box.setObjectName("exportWidth")
        self.width_box.setRange(MIN_WIDTH, MAX_WIDTH)
        self.width_box.setSingleStep(100)
        self.width_box.setSuffix(self.tr(" px"))
        self.width_box.setValue(min(max(last.width, MIN_WIDTH), MAX_WIDTH))
        form.addRow(self.tr("&Width:"), self.width_box)

        spans = QWidget()
        column = QVBoxLayout(spans)
        column.setContentsMargins(0, 0, 0, 0)
        self.ranges = QButtonGroup(self)
        self._range_buttons: dict[ImageRange, QRadioButton] = {}
        for number, (span, text) in enumerate(
            (
                (ImageRange.SHOWN, self.tr("The time &shown now")),
                (ImageRange.FILTERED, self.tr("All events the filter &keeps")),
                (ImageRange.ALL, self.tr("&All events")),
            )
        ):
            button = QRadioButton(text)
            button.setObjectName(f"exportRange-{span.value}")
            self.ranges.addButton(button, number)
            self._range_buttons[span] = button
            column.addWidget(button)
        self._range_buttons[ImageRange.FILTERED].setEnabled(filtered)
        shown = last.range if filtered or last.range is not ImageRange.FILTERED else ImageRange.ALL
        self._range_buttons[shown].setChecked(True)
        form.addRow(self.tr("Span:"), spans)

        self.mark_selected = QCheckBox(self.tr("&Mark the selected event"))
        self.mark_selected.setObjectName("exportMarkSelected")
        self.mark_selected.setChecked(last.mark_selected and selected)
        self.mark_selected.setEnabled(selected)
        form.addRow("", self.mark_selected)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("E&xport…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format.setFocus()

    def choice(self) -> ImageChoice:
        """What the reader chose."""
        span = next(s for s, b in self._range_buttons.items() if b.isChecked())
        return ImageChoice(
            width=self.width_box.value(),
            range=span,
            mark_selected=self.mark_selected.isChecked(),
            suffix=str(self.format.currentData()),
        )


def export_image(exports: Exports, *, filtered: bool, selected: bool, parent: QWidget) -> None:
    """File > Export Image: ask what to draw, then where, and write it."""
    dialog = ExportImageDialog(
        exports.last_choice, filtered=filtered, selected=selected, parent=parent
    )
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            exports.choose_export(dialog.choice())
    finally:
        dialog.deleteLater()
