"""Everything about the selected event, in one read-only scrolling pane.

The pane is a :class:`~viewer.ui.panels.details_browser.DetailsBrowser` (a
read-only text browser that a screen reader finds as a document with links)
showing HTML built here. Text from a model
file is data, never markup: every string from the model goes through
:func:`html.escape` before it joins the HTML, so ``<b>`` in a title shows as
``<b>``; it is also isolated (:func:`~viewer.domain.text.isolate`, FSI … PDI),
so a right-to-left override in a title cannot reorder the pane's own words.
Links are handled here, not by the browser: ``event:<id>`` selects that event,
``http``/``https`` opens in the desktop's browser, anything else
(``javascript:``, ``file:``, ``data:``) is ignored.

Colours come from the palette (the document sets none), except the claim
badges, which set both their text and background colour so they read the same
in light and dark themes; each badge also says its state in words.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from urllib.parse import quote, unquote

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from viewer.domain.cite import web_url
from viewer.domain.describe import clock_words, describe_date, precision_words
from viewer.domain.model import (
    Coordinates,
    Event,
    EventStatus,
    Quote,
    QuoteMode,
    Source,
)
from viewer.domain.names import kind_name, status_name
from viewer.domain.notes import NoteTarget, TargetKind, target_title
from viewer.domain.text import isolate
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP, number
from viewer.timeline.filters import Mask
from viewer.timeline.search import match_spans
from viewer.ui.controllers.notes_control import NotesController, first_line
from viewer.ui.document.selection import Selection
from viewer.ui.panels.details_browser import DetailsBrowser
from viewer.ui.panels.details_claims import (
    EVENT_SCHEME,
    GRADE_ACTION_SCHEME,
    GRADE_SCHEME,
    MY_GRADE_SCHEME,
    ClaimHtml,
    MyGrade,
    event_url,
    grade_link,
    grade_words,
    my_grade_words,
)
from viewer.ui.panels.note_actions import NoteActions

#: Shown in the details pane while no event is selected.
PLACEHOLDER = QT_TRANSLATE_NOOP("DetailsPanel", "Select an event on the timeline or in the table.")

NOTE_SCHEMES = frozenset({"note-add", "note-edit", "note-delete", GRADE_ACTION_SCHEME})
# The link under a quote whose translation is hidden: show translations.
TRANSLATIONS_URL = "show-translations:all"
WEB_SCHEMES = frozenset({"http", "https"})

# How a quote was given; translated (context "details") when shown.
_MODE_WORDS: dict[QuoteMode, str] = {
    #: A quote in the speaker's own words.
    QuoteMode.DIRECT: QT_TRANSLATE_NOOP("details", "direct speech"),
    #: A quote paraphrased by the source (indirect speech).
    QuoteMode.REPORTED: QT_TRANSLATE_NOOP("details", "reported speech"),
}

# Statuses of what has not happened (yet): said so beside the status's name.
_NOT_YET = frozenset({EventStatus.ANNOUNCED, EventStatus.PROPOSED, EventStatus.DEMANDED})


def _e(text: str) -> str:
    """Escape the app's own text (or an address) for HTML, quotes included."""
    return html.escape(text, quote=True)


# The app's own words are escaped too where they go into HTML: a translation
# may hold "&" or "<" ("Fragen & Antworten").


def _d(text: str) -> str:
    """Text from data (the model file, the notes) for HTML: isolated, then escaped."""
    return html.escape(isolate(text), quote=True)


def quote_anchor(quote_id: str) -> str:
    """The name of the place in the pane where a quote is shown."""
    return f"quote-{quote_id}"


class DetailsPanel(QWidget):
    """Shows the event that ``selection`` names, or a placeholder."""

    # The reader asked to see quotes' translations (a link under a quote).
    translationsRequested = Signal()

    def __init__(
        self,
        selection: Selection,
        parent: QWidget | None = None,
        notes: NoteActions | None = None,
    ) -> None:
        super().__init__(parent)
        self._selection = selection
        # The reader's notes, shown with the event and added from here.
        self._notes = notes
        self._timeline: Timeline | None = None
        self._event: Event | None = None
        # The words of the find bar's query, marked wherever the pane shows them.
        self._highlight: list[str] = []
        # Quotes show their translations (View > Quote Translations).
        self.show_translations = False
        # Opens a web link; replace it to intercept (tests do).
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl

        # A document whose links Tab reaches and a screen reader finds.
        self.browser = DetailsBrowser(self.describe_link, self)
        self.browser.setObjectName("detailsBrowser")
        self.browser.setAccessibleName(self.tr("Event details"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

        selection.changed.connect(self._on_selection_changed)
        if notes is not None:
            notes.controller.changed.connect(self._refresh)
        self._refresh()

    # -- public API ------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Show events of ``timeline`` (``None``: nothing is open)."""
        self._timeline = timeline
        self._refresh()

    def show_only(self, mask: Mask | None) -> None:
        """A filter (``mask``, by table row) that hides the selected event clears the
        selection: no view draws the event any more, and Add Note or Copy Citation
        would act on what the reader cannot see. Back returns to it."""
        event_id, timeline = self._selection.event_id, self._timeline
        if mask is None or timeline is None or not event_id:
            return
        row = timeline.events.row_of(event_id)
        if row is not None and not mask[row]:
            self._selection.clear()

    def set_highlight(self, words: list[str]) -> None:
        """Mark ``words`` (folded, as :func:`~viewer.timeline.search.query_words` gives
        them) in what the pane shows; ``[]`` marks nothing."""
        if words != self._highlight:
            self._highlight = list(words)
            self._mark_words()

    def set_show_translations(self, shown: bool) -> None:
        """Show each quote's translation beside it, or a link that shows them."""
        if shown != self.show_translations:
            self.show_translations = shown
            self._refresh()

    def show_quote(self, quote_id: str) -> None:
        """Scroll to where the quote is shown (its event is the one shown)."""
        self.browser.scrollToAnchor(quote_anchor(quote_id))

    def highlighted(self) -> list[str]:
        """The marked stretches of text, as shown (for tests and screen readers)."""
        return [s.cursor.selectedText() for s in self.browser.extraSelections()]

    @property
    def current_event_id(self) -> str | None:
        """The id of the event shown, or ``None`` for the placeholder."""
        return self._event.id if self._event is not None else None

    def plain_text(self) -> str:
        """What the reader sees, as plain text."""
        return self.browser.toPlainText()

    # -- updating ----------------------------------------------------------------

    def _on_selection_changed(self, _event_id: str) -> None:
        self._refresh()

    def _refresh(self) -> None:
        event_id = self._selection.event_id
        timeline = self._timeline
        event = None
        if timeline is not None and event_id:
            event = timeline.events_by_id.get(event_id)
        self._event = event
        if timeline is None or event is None:
            placeholder = QCoreApplication.translate("DetailsPanel", PLACEHOLDER)
            self.browser.show_html(f"<p><i>{_e(placeholder)}</i></p>")
        else:
            notes = self._notes.controller if self._notes is not None else None
            scroll = self.browser.verticalScrollBar().value()
            same = self.browser.property("shownEvent") == event.id
            html = _event_html(timeline, event, notes, self.show_translations)
            # A note changed or translations shown: the keys stay where they were.
            self.browser.show_html(html, keep_place=same)
            self.browser.setProperty("shownEvent", event.id)
            if same:  # a note changed: keep the reader's place
                self.browser.verticalScrollBar().setValue(scroll)
        self._mark_words()

    def _mark_words(self) -> None:
        """Mark the find bar's words on the pane's plain text: the document's
        characters get a format, no markup is made from the data."""
        selections: list[QTextEdit.ExtraSelection] = []
        document = self.browser.document()
        if self._highlight and self._event is not None:
            mark = QTextCharFormat()
            # Fixed colours, both: the mark reads the same on light and dark windows.
            mark.setBackground(QColor("#ffd54f"))
            mark.setForeground(QColor("#000000"))
            block = document.begin()
            while block.isValid():
                for start, end in match_spans(block.text(), self._highlight):
                    cursor = QTextCursor(document)
                    cursor.setPosition(block.position() + start)
                    cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor  # type: ignore[attr-defined]
                    selection.format = mark  # type: ignore[attr-defined]
                    selections.append(selection)
                block = block.next()
        self.browser.setExtraSelections(selections)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == EVENT_SCHEME:
            event_id = unquote(url.path(QUrl.ComponentFormattingOption.FullyEncoded))
            if self._timeline is not None and event_id in self._timeline.events_by_id:
                self._selection.select(event_id)
        elif scheme in NOTE_SCHEMES and self._notes is not None:
            self._note_action(
                scheme, unquote(url.path(QUrl.ComponentFormattingOption.FullyEncoded))
            )
        elif not scheme and url.hasFragment() and not url.path():  # a source's number
            self.browser.scrollToAnchor(url.fragment())
        elif url.toString() == TRANSLATIONS_URL:
            self.translationsRequested.emit()
        elif scheme in WEB_SCHEMES and url.isValid() and url.host():
            self.open_url(url)
        # Any other scheme (javascript:, file:, data:, ...) is ignored.

    def _note_action(self, scheme: str, argument: str) -> None:
        assert self._notes is not None
        if scheme == "note-add":
            kind, _, target_id = argument.partition(":")
            if kind in (TargetKind.EVENT.value, TargetKind.QUOTE.value) and target_id:
                self._notes.add(NoteTarget(kind=TargetKind(kind), id=target_id))
        elif scheme == "note-edit":
            self._notes.edit(argument)
        elif scheme == "note-delete":
            self._notes.delete(argument)
        elif scheme == GRADE_ACTION_SCHEME:
            kind, _, target_id = argument.partition(":")
            if kind in (TargetKind.SOURCE.value, TargetKind.CLAIM.value, TargetKind.EVENT.value):
                self._notes.grade(NoteTarget(kind=TargetKind(kind), id=target_id))

    def _source_title(self, anchor: str) -> str:
        """The title of the source a "[n]" in the pane stands for."""
        timeline, event = self._timeline, self._event
        if timeline is None or event is None:
            return ""
        numbers = _source_numbers(event, timeline.quotes_by_event.get(event.id, ()))
        for source_id, n in numbers.items():
            if source_anchor(n) == anchor:
                source = timeline.sources_by_id.get(source_id)
                return source.title if source is not None else source_id
        return ""

    def describe_link(self, href: str) -> str:
        """What a link's words leave unsaid, for a screen reader and a tooltip:
        which note "edit" and "delete" act on, which quote an "Add Note…" is
        for, which source a "[2]" is, what a grade "B3" means."""
        url = QUrl(href)
        scheme = url.scheme().lower()
        argument = unquote(url.path(QUrl.ComponentFormattingOption.FullyEncoded))
        if not scheme and url.fragment().startswith("source-") and self._event is not None:
            return self._source_title(url.fragment())
        if scheme == GRADE_SCHEME:
            return grade_words(argument)
        if scheme == MY_GRADE_SCHEME:
            return my_grade_words(argument)
        if self._notes is None or scheme not in NOTE_SCHEMES:
            return ""
        translate = QCoreApplication.translate
        notes = self._notes.controller
        if scheme == "note-add":
            kind, _, target_id = argument.partition(":")
            if kind != TargetKind.QUOTE.value or notes.timeline is None:
                return ""  # the event's: the pane is about it
            title = target_title(notes.timeline, NoteTarget(kind=TargetKind.QUOTE, id=target_id))
            return translate("NoteActions", "Note on {0}").format(title) if title else ""
        if scheme == GRADE_ACTION_SCHEME:
            kind, _, target_id = argument.partition(":")
            if kind not in {k.value for k in TargetKind} or notes.timeline is None:
                return ""
            title = target_title(notes.timeline, NoteTarget(kind=TargetKind(kind), id=target_id))
            #: A link's description: {0} is what the reader grades (a source, a claim, an event).
            return translate("NoteActions", "Grade {0}").format(title) if title else ""
        note = notes.get(argument)
        if note is None:
            return ""
        if scheme == "note-edit":
            return translate("NoteActions", "Edit Note “{0}”…").format(first_line(note.text, 40))
        return translate("NoteActions", "Delete Note “{0}”").format(first_line(note.text, 40))


# -- HTML ----------------------------------------------------------------------


def _section(title: str, items: Iterable[str]) -> str:
    rows = [f"<li>{item}</li>" for item in items]
    if not rows:
        return ""
    return f"<h3>{_e(title)}</h3><ul>{''.join(rows)}</ul>"


def _actor_name(timeline: Timeline, actor_id: str) -> str:
    actor = timeline.actors_by_id.get(actor_id)
    return actor.name if actor is not None else actor_id


def _participant(timeline: Timeline, actor_id: str) -> str:
    actor = timeline.actors_by_id.get(actor_id)
    if actor is None:
        return _d(actor_id)
    text = f"<b>{_d(actor.name)}</b>"
    extra = [part for part in (actor.role, actor.affiliation) if part]
    if extra:
        text += f" ({', '.join(_d(part) for part in extra)})"
    return text


def source_anchor(number: int) -> str:
    """The name of the place in the pane where source ``number`` is listed."""
    return f"source-{number}"


def _cited(numbers: dict[str, int], source_id: str | None) -> str:
    """A link to the source's number in the Sources list ("[2]"), or nothing."""
    if source_id is None or source_id not in numbers:
        return ""
    n = numbers[source_id]
    return f' <small><a href="#{source_anchor(n)}">[{n}]</a></small>'


def _source_numbers(event: Event, quotes: Iterable[Quote]) -> dict[str, int]:
    """Each source of the event, and each its claims and quotes cite, numbered once:
    the event's own first, then the others in the order they are cited."""
    dates = [event.date, *([event.first_reported] if event.first_reported else [])]
    cited = [
        *event.sources,
        *(c.source for c in event.claims),
        *(q.source for q in quotes),
        *(date.source for date in dates),
    ]
    numbers: dict[str, int] = {}
    for source_id in cited:
        if source_id is not None and source_id not in numbers:
            numbers[source_id] = len(numbers) + 1
    return numbers


def _related(timeline: Timeline, event_id: str) -> str:
    related = timeline.events_by_id.get(event_id)
    if related is None:
        #: After the id of a related event the open timeline does not hold.
        missing = _e(QCoreApplication.translate("details", "(not in this timeline)"))
        return f"{_d(event_id)} <i>{missing}</i>"
    link = f'<a href="{_e(event_url(event_id))}">{_d(related.title)}</a>'
    return f"{link} <small>({_e(describe_date(related.date))})</small>"


def _source(timeline: Timeline, source_id: str) -> str:
    source: Source | None = timeline.sources_by_id.get(source_id)
    if source is None:
        return _d(source_id)
    url = web_url(source.url)
    text = _d(source.title) if url is None else f'<a href="{_e(url)}">{_d(source.title)}</a>'
    text += grade_link(source.reliability, None)
    details = []
    if source.publisher:
        details.append(_d(source.publisher))
    if source.published is not None:
        #: A source's publication date, e.g. "published 4 June 2025".
        published = _e(QCoreApplication.translate("details", "published {0}"))
        details.append(published.format(_e(describe_date(source.published))))
    if details:
        text += f" <small>\u2014 {', '.join(details)}</small>"
    return text


def _note_url(scheme: str, argument: str) -> str:
    return f"{scheme}:{quote(argument, safe=':')}"


def _notes_html(notes: NotesController, event: Event) -> str:
    items = []
    for note in notes.notes_for_event(event.id):
        text = _d(note.text).replace("\n", "<br>")  # isolate() isolates each line
        about = ""
        if note.target.kind is TargetKind.QUOTE:
            title, _detached = notes.title_of(note)
            #: Above a note: the quote it is about.
            on_quote = _e(QCoreApplication.translate("details", "on the quote {0}"))
            about = f"<small>{on_quote.format(_d(title))}</small><br>"
        tags = " ".join(f"#{_d(tag)}" for tag in note.tags)
        links = ""
        if not notes.read_only:
            #: Link under a note of the reader's: edit the note.
            edit = _e(QCoreApplication.translate("details", "edit"))
            #: Link under a note of the reader's: delete the note.
            delete = _e(QCoreApplication.translate("details", "delete"))
            links = (
                f' <small><a href="{_note_url("note-edit", note.id)}">{edit}</a> · '
                f'<a href="{_note_url("note-delete", note.id)}">{delete}</a></small>'
            )
        written = clock_words(note.modified.astimezone())
        line = f"{tags} · {_e(written)}" if tags else _e(written)
        items.append(f"{about}{text}<br><small>{line}</small>{links}")
    add = ""
    if not notes.read_only:
        add_note = _e(QCoreApplication.translate("details", "Add Note…"))
        add = f'<p><a href="{_note_url("note-add", "event:" + event.id)}">\u270e {add_note}</a></p>'
    if not items and not add:
        return ""
    #: Heading of the reader's own notes on the event.
    mine = QCoreApplication.translate("details", "My notes")
    return _section(mine, items) + add if items else f"<h3>{_e(mine)}</h3>{add}"


def _quote(
    timeline: Timeline,
    quote_: Quote,
    numbers: dict[str, int],
    notes: NotesController | None = None,
    translations: bool = True,
) -> str:
    speaker = _d(_actor_name(timeline, quote_.speaker))
    # Direct speech in quotation marks; reported speech is the source's paraphrase.
    words = _d(quote_.text)
    if quote_.mode is QuoteMode.DIRECT:
        words = f"\u201c{words}\u201d"
    mode = QCoreApplication.translate("details", _MODE_WORDS[quote_.mode])
    text = (
        f'<a name="{_e(quote_anchor(quote_.id))}"></a>'
        f"<b>{speaker}</b> <small>({_e(mode)}, "
        f"{_d(quote_.language)})</small><br>{words}{_cited(numbers, quote_.source)}"
    )
    if quote_.translation is not None and translations:
        #: A quote's translation: {0} is the language's code (e.g. "en"), {1} the text.
        translation = _e(QCoreApplication.translate("details", "Translation ({0}): {1}"))
        shown = translation.format(_d(quote_.translation.language), _d(quote_.translation.text))
        text += f"<br><i>{shown}</i>"
    elif quote_.translation is not None:
        #: A link under a quote: show the translations ({0}: their language's code).
        ask = _e(QCoreApplication.translate("details", "Show translation ({0})"))
        ask = ask.format(_d(quote_.translation.language))
        text += f'<br><small><a href="{TRANSLATIONS_URL}">{ask}</a></small>'
    if notes is not None and not notes.read_only:
        link = _note_url("note-add", "quote:" + quote_.id)
        add_note = _e(QCoreApplication.translate("details", "Add Note…"))
        text += f'<br><small><a href="{link}">{add_note}</a></small>'
    return text


def _coordinates(where: Coordinates) -> str:
    """Latitude and longitude, linked to the place on OpenStreetMap."""
    lat, lon = where.latitude, where.longitude
    #: Label before an event's latitude and longitude.
    label = _e(QCoreApplication.translate("details", "Coordinates:"))
    shown = f"{lat:.4f}, {lon:.4f}"
    link = (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=10/{lat:.5f}/{lon:.5f}"
    )
    return f'<b>{label}</b> <a href="{_e(link)}">{_e(shown)}</a>'


def _my_grades(notes: NotesController | None) -> MyGrade | None:
    """The reader's grade of a target, read from their notes (None: no notes)."""
    if notes is None:
        return None

    def mine(kind: TargetKind, item_id: str) -> str | None:
        note = notes.grade_of(NoteTarget(kind=kind, id=item_id))
        return note.grade if note is not None else None

    return mine


def _event_html(
    timeline: Timeline,
    event: Event,
    notes: NotesController | None = None,
    translations: bool = True,
) -> str:
    date = event.date
    parts = [f"<h2>{_d(event.title)}</h2>"]
    #: Label before an event's date.
    when_label = _e(QCoreApplication.translate("details", "When:"))
    when = (
        f"<b>{when_label}</b> {_e(describe_date(date))} "
        f"<small>({_e(precision_words(date))})</small>"
    )
    if date.note:
        #: Label before the date as the source worded it (quoted, in its language).
        wording = _e(QCoreApplication.translate("details", "Source's wording:"))
        #: The date as the source worded it, in quotation marks, after "Source's wording:".
        worded = QCoreApplication.translate("details", "“{0}”")
        when += f"<br><b>{wording}</b> " + _e(worded).format(_d(date.note))
    event_quotes = timeline.quotes_by_event.get(event.id, ())
    numbers = _source_numbers(event, event_quotes)
    analyst = ClaimHtml(
        timeline, _d, lambda source_id: _cited(numbers, source_id), _my_grades(notes)
    )
    when += analyst.date_source(date) + analyst.first_reported(event)
    parts.append(f"<p>{when}</p>")

    status = status_name(event.status)
    if event.status in _NOT_YET:
        #: {0} is a status such as "Proposed": the event has not happened (yet).
        not_yet = _e(QCoreApplication.translate("details", "{0}, not yet happened"))
        status_html = f"<b>\u26a0 {not_yet.format(_e(status))}</b>"
    else:
        status_html = _e(status)
    kind = _e(kind_name(event.kind))
    #: Label before an event's kind (Call, Meeting, …).
    kind_label = _e(QCoreApplication.translate("details", "Kind:"))
    #: Label before an event's status (Occurred, Announced, …).
    status_label = _e(QCoreApplication.translate("details", "Status:"))
    facts = [f"<b>{kind_label}</b> {kind}", f"<b>{status_label}</b> {status_html}"]
    graded = analyst.my_grade(TargetKind.EVENT, event.id)
    if graded:
        #: Label before the reader's own grade of the event, and the link that grades it.
        label = _e(QCoreApplication.translate("details", "My grade:"))
        facts.append(f"<b>{label}</b>{graded}")
    if len(timeline.layers) > 1:  # several shown together: which one this is from
        #: Label before the title of the timeline an event comes from (several shown).
        label = _e(QCoreApplication.translate("details", "Timeline:"))
        facts.insert(0, f"<b>{label}</b> {_d(timeline.layer_of_id(event.id).title)}")
    if event.fatalities is not None:
        #: Label before how many people were killed, as reported (imported records).
        label = _e(QCoreApplication.translate("details", "Fatalities:"))
        facts.append(f"<b>{label}</b> {_e(number(event.fatalities))}")
    if event.tags:
        #: Label before the words an event is filed under (a group, a type of event).
        label = _e(QCoreApplication.translate("details", "Tags:"))
        facts.append(f"<b>{label}</b> {', '.join(_d(tag) for tag in event.tags)}")
    if event.coordinates is not None:
        facts.append(_coordinates(event.coordinates))
    parts.append(f"<p>{'<br>'.join(facts)}</p>")

    if event.summary:
        parts.append(f"<p>{_d(event.summary)}</p>")
    if notes is not None:
        parts.append(_notes_html(notes, event))
    participants = (_participant(timeline, a) for a in event.participants)
    parts.append(_section(QCoreApplication.translate("details", "Participants"), participants))
    places = (_d(place) for place in event.places)
    parts.append(_section(QCoreApplication.translate("details", "Places"), places))
    parts.append(_section(QCoreApplication.translate("details", "Claims"), analyst.items(event)))
    quotes = (_quote(timeline, q, numbers, notes, translations) for q in event_quotes)
    parts.append(_section(QCoreApplication.translate("details", "Quotes"), quotes))
    related = (_related(timeline, r) for r in event.related)
    parts.append(_section(QCoreApplication.translate("details", "Related events"), related))
    sources = (
        f'<a name="{source_anchor(n)}"></a>[{n}] {_source(timeline, s)}'
        + analyst.my_grade(TargetKind.SOURCE, s)
        for s, n in numbers.items()
    )
    parts.append(_section(QCoreApplication.translate("details", "Sources"), sources))
    return "".join(parts)
