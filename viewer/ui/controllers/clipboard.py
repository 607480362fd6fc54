"""Citations on the clipboard: plain text for any program, Markdown for those that take it."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from viewer.domain.cite import Citation

MARKDOWN = "text/markdown"


def put_citation(citation: Citation, as_markdown: bool = False) -> None:
    """Put ``citation`` on the clipboard: as ``text/markdown`` always, and as plain
    text either its plain form or (``as_markdown``) its Markdown."""
    data = QMimeData()
    data.setText(citation.markdown if as_markdown else citation.plain)
    data.setData(MARKDOWN, citation.markdown.encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(data)
