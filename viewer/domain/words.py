"""The words the core shows people, in the reader's language (Qt-free).

The core writes English. The interface installs a translator here (Qt's, which
reads ``resources/i18n/*.qm``); the command line installs none and stays
English. Words are marked for ``pyside6-lupdate`` where they are written:
``translate("context", "text")`` for words used at once, and
``QT_TRANSLATE_NOOP("context", "text")`` for words kept in a table and
translated when shown (lupdate knows both names, whatever module defines them).
"""

from __future__ import annotations

from collections.abc import Callable

# (context, English text) -> the text in the reader's language.
Translator = Callable[[str, str], str]
# A whole number as the reader's language groups its digits.
NumberFormat = Callable[[int], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; it is translated when shown."""
    del context
    return text


def _english_number(number: int) -> str:
    return f"{number:,}"


_translator: Translator = QT_TRANSLATE_NOOP
_number: NumberFormat = _english_number


def use(translator: Translator | None, number: NumberFormat | None = None) -> None:
    """Show the core's words through ``translator`` and numbers through
    ``number`` from now on; None: English again."""
    global _translator, _number
    _translator = translator or QT_TRANSLATE_NOOP
    _number = number or _english_number


def translate(context: str, text: str) -> str:
    """``text`` (English, marked in ``context``) in the reader's language."""
    return _translator(context, text)


def number(value: int) -> str:
    """``value`` with its digits grouped as the reader's language does (1,234 or 1.234)."""
    return _number(value)
