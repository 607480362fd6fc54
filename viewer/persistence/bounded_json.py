"""JSON read a piece at a time, with limits on its structure (Qt-free).

``json.loads`` builds the whole document before anyone can look at it: a file of
fifteen million ``{}`` is fifteen million dictionaries (1.2 GB) before it can be
refused for holding too many. :class:`JsonReader` reads the same JSON (the same
grammar and messages as :mod:`json`, without NaN and Infinity) but lets the
caller walk an object's members and an array's elements one by one
(:meth:`~JsonReader.members`, :meth:`~JsonReader.elements`), build only the
values it wants (:meth:`~JsonReader.value`, counted against a
:class:`Budget`), and stop at any point. Nesting is limited for every value
read: it is counted as the text is read, never by recursion.
"""

from __future__ import annotations

import json.decoder
import re
from collections.abc import Callable, Iterator
from json import JSONDecodeError
from typing import Any

# :mod:`json`'s own reader of a string (in C): the text, the index after the
# opening quote, strict (no raw control characters) -> the string, the index
# after its closing quote. Raises JSONDecodeError as :func:`json.loads` does.
scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

_SPACE = re.compile(r"[ \t\n\r]*")
# Most strings and keys are plain (no escape): one match reads them, and a key's
# colon, or the comma before it, with the white space around.
_PLAIN = re.compile(r'[ \t\n\r]*"([^"\\\x00-\x1f]*)"')
_KEY = re.compile(r'[ \t\n\r]*"([^"\\\x00-\x1f]*)"[ \t\n\r]*:')
_NEXT_KEY = re.compile(r'[ \t\n\r]*,[ \t\n\r]*"([^"\\\x00-\x1f]*)"[ \t\n\r]*:')
_NUMBER = re.compile(r"(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS: tuple[tuple[str, Any], ...] = (("true", True), ("false", False), ("null", None))
_NOT_JSON = ("NaN", "Infinity", "-Infinity")


class JsonReadError(ValueError):
    """The text cannot be read: :attr:`message` says why, for a user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class JsonSyntaxError(JsonReadError):
    """Not JSON: ``message (line L, column C)``, in :mod:`json`'s words."""

    def __init__(self, reason: str, text: str, pos: int) -> None:
        where = JSONDecodeError(reason, text, pos)
        super().__init__(f"{reason} (line {where.lineno:,}, column {where.colno:,})")


class JsonTooDeep(JsonReadError):
    """Containers nested more than the reader's ``max_depth``."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"nested more than {limit:,} levels deep")
        self.limit = limit


class JsonTooMany(JsonReadError):
    """A strict :class:`Budget` ran out: more values than its limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit:,} values")
        self.limit = limit


class Budget:
    """How many values (each object, array, string, number, true, false or null)
    :meth:`JsonReader.value` may build.

    A ``strict`` budget raises :class:`JsonTooMany` on the first value over
    ``limit``. Otherwise :attr:`over` is set, the value being read is read to its
    end without being kept (:meth:`JsonReader.value` gives ``None``), and so is
    every later one. :attr:`duplicate` is the first key found twice in one object.
    """

    def __init__(self, limit: int, *, strict: bool = False) -> None:
        self.limit = limit
        self.strict = strict
        self.used = 0
        self.over = False
        self.duplicate: str | None = None

    def take(self) -> bool:
        """Count one value; False once there are more than :attr:`limit`."""
        self.used += 1
        if self.used > self.limit:
            if self.strict:
                raise JsonTooMany(self.limit)
            self.over = True
        return not self.over


class JsonReader:
    """One JSON text, read from the start, nested at most ``max_depth`` deep.

    Each value is read exactly once, by one of :meth:`value`, :meth:`members`
    or :meth:`elements`; :meth:`finish` checks that nothing but white space
    follows. Errors are :class:`JsonReadError`.
    """

    def __init__(self, text: str, *, max_depth: int) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0
        self.max_depth = max_depth

    def next_char(self) -> str:
        """The first character of the next value ("" at the end of the text)."""
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
        return self.text[self.pos : self.pos + 1]

    def finish(self) -> None:
        if self.next_char():
            raise JsonSyntaxError("Extra data", self.text, self.pos)

    def members(self) -> Iterator[str]:
        """The keys of the object that comes next. After each key, the caller
        reads its value (with :meth:`value`, :meth:`members` or :meth:`elements`)
        before asking for the next key."""
        if self.next_char() != "{":
            raise JsonSyntaxError("Expecting value", self.text, self.pos)
        self._enter()
        if self._after(self.pos + 1) == "}":
            self._leave(self.pos + 1)
            return
        while True:
            yield self._key()
            char = self.next_char()
            if char == "}":
                self._leave(self.pos + 1)
                return
            if char != ",":
                raise JsonSyntaxError("Expecting ',' delimiter", self.text, self.pos)
            self.pos += 1

    def elements(self) -> Iterator[int]:
        """The positions (0, 1, ...) of the elements of the array that comes next;
        the caller reads each element before asking for the next."""
        if self.next_char() != "[":
            raise JsonSyntaxError("Expecting value", self.text, self.pos)
        self._enter()
        if self._after(self.pos + 1) == "]":
            self._leave(self.pos + 1)
            return
        index = 0
        while True:
            yield index
            index += 1
            char = self.next_char()
            if char == "]":
                self._leave(self.pos + 1)
                return
            if char != ",":
                raise JsonSyntaxError("Expecting ',' delimiter", self.text, self.pos)
            self.pos += 1

    def value(self, budget: Budget) -> Any:
        """The value that comes next, built whole if ``budget`` allows it (else
        read to its end and ``None``: see :class:`Budget`). Iterative: nesting
        costs no recursion."""
        text = self.text
        keep = not budget.over
        # Open containers, each with the key its next member goes to (None in an array).
        stack: list[tuple[Any, str | None]] = []
        item: Any
        while True:
            if budget.used < budget.limit:  # budget.take(), inline: this is the hot loop
                budget.used += 1
            else:
                keep = budget.take() and keep
            plain = _PLAIN.match(text, self.pos)
            if plain is not None:
                item = plain.group(1)
                self.pos = plain.end()
                char = ""
            else:
                char = self.next_char()
            pos = self.pos
            if plain is not None:
                pass
            elif char == "{" or char == "[":
                self._enter()
                close = "}" if char == "{" else "]"
                if self._after(pos + 1) == close:
                    self._leave(self.pos + 1)
                    item = ({} if char == "{" else []) if keep else None
                else:
                    container: Any = {} if char == "{" else []
                    stack.append((container, self._key() if char == "{" else None))
                    continue
            elif char == '"':
                try:
                    item, self.pos = scanstring(text, pos + 1, True)
                except JSONDecodeError as exc:
                    raise JsonSyntaxError(exc.msg, text, exc.pos) from None
            else:
                item = self._scalar()
            # Put the value in its container; close each container that ends here.
            while stack:
                container, key = stack[-1]
                if keep and key is None:
                    container.append(item)
                elif keep and key is not None:
                    if key in container and budget.duplicate is None:
                        budget.duplicate = key
                    container[key] = item
                if key is not None:
                    after = _NEXT_KEY.match(text, self.pos)
                    if after is not None:
                        self.pos = after.end()
                        stack[-1] = (container, after.group(1))
                        break
                char = self.next_char()
                if char == ",":
                    self.pos += 1
                    if key is not None:
                        stack[-1] = (container, self._key())
                    break
                if char != ("]" if key is None else "}"):
                    raise JsonSyntaxError("Expecting ',' delimiter", text, self.pos)
                self._leave(self.pos + 1)
                stack.pop()
                item = container if keep else None
            else:
                return item if keep else None

    # -- pieces -------------------------------------------------------------------------

    def _after(self, pos: int) -> str:
        self.pos = pos
        return self.next_char()

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise JsonTooDeep(self.max_depth)

    def _leave(self, pos: int) -> None:
        self.depth -= 1
        self.pos = pos

    def _key(self) -> str:
        """A member's key and its colon; the reader is left at its value."""
        text = self.text
        plain = _KEY.match(text, self.pos)
        if plain is not None:
            self.pos = plain.end()
            return plain.group(1)
        if self.next_char() != '"':
            raise JsonSyntaxError(
                "Expecting property name enclosed in double quotes", text, self.pos
            )
        try:
            key, self.pos = scanstring(text, self.pos + 1, True)
        except JSONDecodeError as exc:
            raise JsonSyntaxError(exc.msg, text, exc.pos) from None
        if self.next_char() != ":":
            raise JsonSyntaxError("Expecting ':' delimiter", text, self.pos)
        self.pos += 1
        return str(key)

    def _scalar(self) -> Any:
        text, pos = self.text, self.pos
        number = _NUMBER.match(text, pos)
        if number is not None:
            self.pos = number.end()
            integer, fraction, exponent = number.groups()
            try:
                if fraction or exponent:
                    return float(number.group())
                return int(integer)
            except ValueError as exc:  # more digits than int() converts
                raise JsonSyntaxError(str(exc), text, pos) from None
        for word, value in _WORDS:
            if text.startswith(word, pos):
                self.pos = pos + len(word)
                return value
        for word in _NOT_JSON:
            if text.startswith(word, pos):
                raise JsonSyntaxError(f"{word} is not a JSON value", text, pos)
        raise JsonSyntaxError("Expecting value", text, pos)
