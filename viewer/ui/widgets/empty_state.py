"""What an empty list or table says: a line of text over its viewport, while the
view has no rows, which a screen reader reads as the view's description."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel
from shiboken6 import isValid

# Room between the viewport's edges and the text, in pixels.
MARGIN = 12


class EmptyState(QObject):
    """Shows ``why()`` over ``view`` while its model has no rows (``why()`` may say
    nothing: then nothing shows). Asked again whenever the model's rows change."""

    def __init__(self, view: QAbstractItemView, why: Callable[[], str]) -> None:
        super().__init__(view)
        self._view, self._why = view, why
        self._viewport = view.viewport()
        self._description = view.accessibleDescription()
        self.label = QLabel(self._viewport)
        self.label.setObjectName(f"{view.objectName()}Empty")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Clicks and the context menu still reach the view below.
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        self._viewport.installEventFilter(self)
        model = view.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        """What the view says now ("" while it has rows)."""
        return self.label.text()

    def refresh(self) -> None:
        if not isValid(self._view):  # a view that owns its model (QTreeWidget) is
            return  # gone before the model says its last rows went with it
        text = self._why() if self._view.model().rowCount() == 0 else ""
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self._place()
        self._view.setAccessibleDescription(text or self._description)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Nothing but a resize is asked of the view (it may be on its way out).
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self._place()
        return False

    def _place(self) -> None:
        self.label.setGeometry(self._viewport.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))
