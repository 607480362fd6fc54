"""Small view helpers shared by the panels: list delegates that fit a row to the
list's width or keep a count whole while they elide the rest, a clear button named
for screen readers, and a warning box that shows its text as text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex


class FitWidthDelegate(QStyledItemDelegate):
    """Rows as wide as the list, their lines elided at its edge: a long line never
    makes the list scroll sideways."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        hint.setWidth(1)
        return hint


class CountDelegate(QStyledItemDelegate):
    """Draws a row's ``name_role`` elided on the left and its ``count_role`` whole on
    the right: a long role never cuts off how many quotes a speaker has."""

    def __init__(self, name_role: int, count_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name_role, self._count_role = name_role, count_role

    @staticmethod
    def texts(name: str, count: str, width: int, metrics: QFontMetrics) -> tuple[str, str]:
        """What a row of ``width`` shows: the name elided to what the whole count leaves."""
        shown = f"({count})"
        room = max(width - metrics.horizontalAdvance(shown) - metrics.horizontalAdvance(" "), 0)
        return metrics.elidedText(name, Qt.TextElideMode.ElideRight, room), shown

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        count = index.data(self._count_role)
        if not isinstance(count, str):
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        focused = bool(options.state & QStyle.StateFlag.State_HasFocus)
        options.state &= ~QStyle.StateFlag.State_HasFocus  # drawn over the texts, below
        widget = options.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, options, widget)
        metrics = options.fontMetrics
        name, shown = self.texts(
            str(index.data(self._name_role) or ""), count, text_rect.width(), metrics
        )
        count_width = metrics.horizontalAdvance(shown)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(options.font)
        painter.setPen(options.palette.color(role))
        align = Qt.AlignmentFlag.AlignVCenter
        top, height = text_rect.top(), text_rect.height()
        right = QRect(text_rect.right() - count_width, top, count_width, height)
        painter.drawText(right, align | Qt.AlignmentFlag.AlignRight, shown)
        left = QRect(text_rect.left(), top, max(text_rect.width() - count_width, 0), height)
        painter.drawText(left, align | Qt.AlignmentFlag.AlignLeft, name)
        painter.restore()
        if focused:  # the focus frame last, as Qt's own items have it: no letter covers it
            frame = QStyleOptionFocusRect()
            frame.rect = style.subElementRect(
                QStyle.SubElement.SE_ItemViewItemFocusRect, options, widget
            )
            frame.state = options.state | QStyle.StateFlag.State_HasFocus
            frame.state |= QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
            frame.palette = options.palette
            selected_role = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Window
            frame.backgroundColor = options.palette.color(selected_role)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """As tall as a row, and only as wide as the count: the name is elided to the
        view's width, so the list never needs to scroll sideways."""
        hint = super().sizeHint(option, index)
        count = index.data(self._count_role)
        if isinstance(count, str):
            hint.setWidth(option.fontMetrics.horizontalAdvance(f"({count})") + 24)
        return hint


def clear_button(edit: QLineEdit, name: str) -> None:
    """Give ``edit`` its clear button, named for screen readers ("Clear the filter")."""
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


def warn(parent: QWidget, title: str, text: str) -> None:
    """``QMessageBox.warning``, but ``text`` is plain text whatever it holds: a
    file name or an error may hold ``<b>`` or ``<img src=…>``, which Qt's own
    box would guess to be HTML."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
