"""Children a widget's accessible interface makes up for what it draws (a link
of the details document, an event on the timeline): no QObject of their own,
no children, one Press action.

Qt's cache owns such an interface once it has been handed out, and deletes it
when told to; Python must keep it alive until then (one freed behind Qt's back
is a crash), so every leaf is kept in :data:`_ALIVE` until :func:`delete_leaves`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
    QWindow,
)
from shiboken6 import VoidPtr, getCppPointer

# Every leaf made and not yet deleted, kept from Python's collector.
_ALIVE: dict[int, LeafAccessible] = {}


class LeafAccessible(QAccessibleInterface):
    """A childless interface under ``parent_interface``; subclasses give its role,
    texts, rect and state, :meth:`press` and :meth:`forget`."""

    def __init__(self, parent_interface: QAccessibleInterface) -> None:
        super().__init__()
        self._parent_interface = parent_interface
        self._action = _Press(self)
        _ALIVE[id(self)] = self

    def press(self) -> None:
        """What Press does (as a click or Enter on it does)."""

    def forget(self) -> None:
        """Let go of what it stands for: it is being deleted."""

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self._parent_interface.window()

    def parent(self) -> QAccessibleInterface:
        return self._parent_interface

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def relations(
        self, match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations
    ) -> list:  # type: ignore[type-arg]
        return []

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        return None

    def interface_cast(self, kind: QAccessible.InterfaceType) -> VoidPtr:  # type: ignore[override]
        # Qt wants the C++ address of the interface asked for, not a wrapper.
        if kind == QAccessible.InterfaceType.ActionInterface:
            return VoidPtr(getCppPointer(self._action)[0])
        return VoidPtr(0)  # (None would be the address of Python's None)


class _Press(QAccessibleActionInterface):
    """Press: the leaf's :meth:`~LeafAccessible.press`."""

    def __init__(self, leaf: LeafAccessible) -> None:
        super().__init__()
        self.leaf = leaf

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self.leaf.press()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


def delete_leaves(leaves: Iterable[LeafAccessible]) -> None:
    """Have Qt's cache delete ``leaves`` (it owns what it was given); each is
    left standing for nothing, and safe to drop."""
    for leaf in leaves:
        leaf.forget()
        if _ALIVE.pop(id(leaf), None) is not None:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(leaf))


# The factories installed in this process.
_installed: set[Callable[[str, QObject], QAccessibleInterface | None]] = set()


def install_factory(factory: Callable[[str, QObject], QAccessibleInterface | None]) -> None:
    """Let Qt ask ``factory`` for objects' interfaces (once per process)."""
    if factory not in _installed:
        QAccessible.installFactory(factory)
        _installed.add(factory)
