"""Citations of events and quotes on the clipboard: plain text for any program,
Markdown for those that take it.

Nothing put on the clipboard here holds a bidi isolate (U+2066–U+2069): they keep
painted text in order, but pasted they stay in the text, unseen, and a braille
display shows them (see :func:`~viewer.domain.text.without_isolates`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QTextEdit

from viewer.domain.cite import Citation, cite_event, cite_quote
from viewer.domain.text import isolate, without_isolates
from viewer.ui.document.document import Document
from viewer.ui.document.selection import Selection

MARKDOWN = "text/markdown"


def put_citation(citation: Citation, as_markdown: bool = False) -> None:
    """Put ``citation`` on the clipboard: as ``text/markdown`` always, and as plain
    text either its plain form or (``as_markdown``) its Markdown."""
    markdown = without_isolates(citation.markdown)  # (a citation holds none: in case)
    data = QMimeData()
    data.setText(markdown if as_markdown else without_isolates(citation.plain))
    data.setData(MARKDOWN, markdown.encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(data)


def copy_selected_text(edit: QTextEdit) -> None:
    """Put the text selected in ``edit`` on the clipboard, as plain text and HTML, as
    ``QTextEdit.copy()`` does but without the isolates around the data in it (the
    details isolate every piece of data they show)."""
    selected = edit.textCursor().selection()
    data = QMimeData()
    data.setHtml(without_isolates(selected.toHtml()))
    data.setText(without_isolates(selected.toPlainText()))
    QGuiApplication.clipboard().setMimeData(data)


class Citations(QObject):
    """Copies the citation of an event or a quote of the open timeline, and says so.

    ``focused_quote`` gives the id of the quote chosen in the quotes list while
    that list has the focus (else None): that quote is what Ctrl+C cites. A
    function, not the list, so citing knows no view.
    """

    # A message for the status bar, and for how many ms it shows.
    said = Signal(str, int)

    def __init__(
        self,
        document: Document,
        selection: Selection,
        focused_quote: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._focused_quote = focused_quote

    def copy_citation(
        self,
        *,
        event_id: str | None = None,
        quote_id: str | None = None,
        as_markdown: bool = False,
    ) -> bool:
        """Copy the citation of a quote or an event; say so in the status bar."""
        timeline = self._document.timeline
        if timeline is None:
            return False
        if quote_id is not None and quote_id in timeline.quotes_by_id:
            quote = timeline.quotes_by_id[quote_id]
            citation = cite_quote(timeline, quote)
            speaker = timeline.actors_by_id.get(quote.speaker)
            who = speaker.name if speaker else quote.speaker
            what = self.tr("the quote of {0}").format(who)
        elif event_id is not None and event_id in timeline.events_by_id:
            event = timeline.events_by_id[event_id]
            citation = cite_event(timeline, event)
            #: An event's title, in quotation marks, in "Copied the citation of {0}."
            what = self.tr("“{0}”").format(event.title)
        else:
            self.said.emit(self.tr("Select an event or a quote to copy its citation."), 5000)
            return False
        put_citation(citation, as_markdown)
        said = (
            self.tr("Copied the citation of {0} as Markdown.")
            if as_markdown
            else self.tr("Copied the citation of {0}.")
        )
        self.said.emit(said.format(isolate(what)), 5000)
        return True

    def copy_current_citation(self, as_markdown: bool = False) -> bool:
        """Ctrl+C: selected text where the focus is (the details, a field) is copied
        as such; else the quote chosen in the quotes list when it has the focus,
        else the selected event's citation."""
        focus = QApplication.focusWidget()
        if not as_markdown and isinstance(focus, QLineEdit) and focus.hasSelectedText():
            focus.copy()
            return True
        if not as_markdown and isinstance(focus, QTextEdit) and focus.textCursor().hasSelection():
            copy_selected_text(focus)
            return True
        return self.copy_citation(
            event_id=self._selection.event_id,
            quote_id=self._focused_quote(),
            as_markdown=as_markdown,
        )
