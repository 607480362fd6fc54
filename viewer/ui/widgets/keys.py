"""Keys named as the platform and the reader's language name them."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def key_names(keys: str) -> str:
    """``keys`` ("Shift+Left, Shift+Right", Qt's portable names) as shown to the
    reader: "Umschalt+Links, Umschalt+Rechts" in German. Text written in a
    tooltip by hand drifts from what the shortcuts list and the menus show."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(QKeySequence(key).toString(native) or key for key in keys.split(", "))
