"""A widget holding others one above the other, edge to edge (the window's
central column: find bar, filter chips, timeline, overview, layers, legend)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


def column(*parts: QWidget, stretch: QWidget | None = None) -> QWidget:
    """``parts`` one above the other without margins or gaps; ``stretch`` (one of
    them) takes the height the others leave."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for part in parts:
        layout.addWidget(part, 1 if part is stretch else 0)
    return holder
