"""Say something to the reader's screen reader without moving the focus."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from viewer.domain.text import without_isolates


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have assistive technology read ``text`` out, as coming from ``widget``:
    politely (after what it is reading) or, when ``urgent``, at once.

    The bidi isolates around data in a message (kept for the status bar, where
    it is painted) are taken out: a braille display would show them."""
    text = without_isolates(text)
    if not text.strip():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
