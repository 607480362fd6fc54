"""Guards against a known-bad PySide6 release.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to ``None`` on
every Qt call that returns nothing; after a few thousand painted items the
process dies with ``Fatal Python error: none_dealloc``. pyproject.toml pins
``<6.12``; this test fails if an upgrade brings the leak back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF


def test_void_qt_calls_keep_the_refcount_of_none() -> None:
    rect = QRectF(0.0, 0.0, 10.0, 10.0)
    rect.moveTo(1.0, 1.0)  # warm up any one-time caches
    before = sys.getrefcount(None)
    for i in range(1000):
        rect.moveTo(float(i), 2.0)
    after = sys.getrefcount(None)
    # A sound binding leaves the count alone (give or take a few references
    # the interpreter itself takes meanwhile); the broken one loses 1,000.
    assert before - after < 50, f"None lost {before - after} references over 1,000 calls"
    assert rect.x() == 999.0
