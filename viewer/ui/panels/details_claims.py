"""The analyst's part of the details pane: claims with their grades and figures,
each claim beside the claims that dispute it, and where a date comes from.

HTML for :mod:`viewer.ui.panels.details`, built the same way: text from the
model is escaped and isolated (``data``), the app's words are translated in the
"details" context and escaped (``words``). A grade is a link (``grade:B3``):
Tab reaches it, and its description (a tooltip, a screen reader's description)
says what the letter and the digit mean.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QLocale

from viewer.domain.describe import describe_date
from viewer.domain.model import Claim, Event, Figure, FuzzyDate, Reliability, Verification
from viewer.domain.names import CREDIBILITY_NAME, credibility_name, reliability_name
from viewer.domain.notes import TargetKind
from viewer.domain.timeline import Timeline
from viewer.domain.words import QT_TRANSLATE_NOOP, number
from viewer.timeline.facets import facets_of

GRADE_SCHEME = "grade"
# The reader's own grade ("my-grade:C4"), and the link that grades ("note-grade:claim:ID").
MY_GRADE_SCHEME = "my-grade"
GRADE_ACTION_SCHEME = "note-grade"
# The reader's grade of a target (its kind and id), if they gave one.
MyGrade = Callable[[TargetKind, str], str | None]
translate = QCoreApplication.translate
EVENT_SCHEME = "event"


def event_url(event_id: str) -> str:
    """The anchor that selects ``event_id`` when clicked."""
    return f"{EVENT_SCHEME}:{quote(event_id, safe='')}"


# Text, foreground and background of each verification badge. Both colours
# are fixed so the badge reads the same on a light or a dark window.
_BADGES: dict[Verification, tuple[str, str, str]] = {
    #: Badge after a claim that has been verified.
    Verification.CONFIRMED: (
        QT_TRANSLATE_NOOP("details", "\u2713 confirmed"),
        "#ffffff",
        "#2e7d32",
    ),
    #: Badge after a claim nobody has verified yet.
    Verification.UNVERIFIED: (QT_TRANSLATE_NOOP("details", "? unverified"), "#000000", "#ffd54f"),
    #: Badge after a claim that others contradict.
    Verification.DISPUTED: (QT_TRANSLATE_NOOP("details", "\u2717 disputed"), "#ffffff", "#c62828"),
}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _badge(verification: Verification) -> str:
    text, fg, bg = _BADGES[verification]
    return (
        f'<span style="color:{fg}; background-color:{bg}; font-weight:bold">'
        f"&nbsp;{_e(translate('details', text))}&nbsp;</span>"
    )


def grade_link(reliability: Reliability | None, credibility: int | None) -> str:
    """The Admiralty grade as a compact link ("B3", "B", "3"), or nothing."""
    code = f"{reliability.value if reliability else ''}{credibility or ''}"
    if not code:
        return ""
    return f' <a href="{GRADE_SCHEME}:{code}"><b>{code}</b></a>'


def my_grade_words(code: str) -> str:
    """What the reader's own grade means, for its tooltip and a screen reader."""
    #: The reader's own grade, described: {0} is what it means ("source C, …").
    return translate("details", "your grade: {0}").format(grade_words(code))


def grade_words(code: str) -> str:
    """What a grade ("B3") means, in words, for its tooltip and a screen reader."""
    letter = code[:1] if code[:1] in Reliability.__members__ else ""
    digits = code[len(letter) :]
    parts = []
    if letter:
        #: An Admiralty grade's letter and its meaning: {0} is "B, usually reliable".
        said = translate("details", "source {0}")
        parts.append(said.format(reliability_name(Reliability(letter))))
    if digits.isdigit() and int(digits) in CREDIBILITY_NAME:
        #: An Admiralty grade's digit and its meaning: {0} is "3, possibly true".
        said = translate("details", "information {0}")
        parts.append(said.format(credibility_name(int(digits))))
    return "; ".join(parts)


def _amount(value: float) -> str:
    if value.is_integer():
        return number(int(value))
    return QLocale().toString(value, "g", 12)


def figure_words(figure: Figure) -> str:
    """A claim's figure as a reader says it: "at least 41 aircraft"."""
    low, high, unit = figure.low, figure.high, figure.unit
    translate = QCoreApplication.translate
    if low is not None and high is not None and low == high:
        #: A claim's figure: {0} the number, {1} what is counted ("41 aircraft").
        said = translate("details", "{0} {1}").format(_amount(low), unit)
    elif low is not None and high is not None:
        #: A claim's figure as a range: {0} to {1} of what {2} names ("20–40 aircraft").
        said = translate("details", "{0}\u2013{1} {2}").format(_amount(low), _amount(high), unit)
    elif low is not None:
        #: A claim's figure with no upper bound ("more than 40" is at least 41).
        said = translate("details", "at least {0} {1}").format(_amount(low), unit)
    else:
        assert high is not None
        #: A claim's figure with no lower bound ("up to 2,000").
        said = translate("details", "at most {0} {1}").format(_amount(high), unit)
    return said


class ClaimHtml:
    """Builds the claims of one event: ``data`` escapes and isolates text from
    the model; ``cited`` gives a source's "[n]" link (or nothing)."""

    def __init__(
        self,
        timeline: Timeline,
        data: Callable[[str], str],
        cited: Callable[[str | None], str],
        mine: MyGrade | None = None,
    ) -> None:
        self._timeline = timeline
        self._data = data
        self._cited = cited
        self._mine = mine

    def my_grade(self, kind: TargetKind, item_id: str | None) -> str:
        """The reader's grade of an item ("yours: C4") and the link that grades it,
        or nothing where the reader cannot grade (no notes, no id)."""
        if self._mine is None or item_id is None:
            return ""
        grade = self._mine(kind, item_id)
        shown = ""
        if grade:
            #: The reader's own grade, after the model's: {0} is the code ("C4").
            yours = _e(translate("details", "yours: {0}")).format(grade)
            shown = f' <a href="{MY_GRADE_SCHEME}:{grade}">{yours}</a>'
        href = _e(f"{GRADE_ACTION_SCHEME}:{kind.value}:{quote(item_id, safe=':')}")
        #: A link beside a source, a claim or an event: give it your own grade.
        action = _e(translate("details", "Grade…"))
        return f'{shown} <small><a href="{href}">{action}</a></small>'

    def _actor(self, actor_id: str) -> str:
        actor = self._timeline.actors_by_id.get(actor_id)
        return self._data(actor.name if actor is not None else actor_id)

    def claim(self, claim: Claim) -> str:
        """Who claims what (relayed by whom), its figure, verification, grade, source."""
        author = f"<b>{self._actor(claim.by)}</b>"
        if claim.via is not None:
            #: After a claim's author: who passed the claim on.
            relayed = _e(translate("details", "(relayed by {0})"))
            author += " " + relayed.format(self._actor(claim.via))
        text = f"{author}: {self._data(claim.text)}"
        if claim.figure is not None:
            text += f" <i>({self._data(figure_words(claim.figure))})</i>"
        source = self._timeline.sources_by_id.get(claim.source or "")
        grade = grade_link(source.reliability if source else None, claim.credibility)
        # The source by its number in the list below: cited once there, not under each claim.
        cited = self._cited(claim.source)
        mine = self.my_grade(TargetKind.CLAIM, claim.id)
        return f"{text} {_badge(claim.verification)}{grade}{cited}{mine}"

    def items(self, event: Event) -> list[str]:
        """Each claim of ``event`` as a list item's HTML: a claim in a dispute
        beside the claims it disputes or that dispute it (of any event)."""
        facets = facets_of(self._timeline) if any(c.id for c in event.claims) else None
        found = []
        beside: set[str] = set()  # the claims shown already, in a table
        for claim in event.claims:
            against = facets.counterclaims(claim.id) if facets and claim.id else []
            if not against:
                found.append(self.claim(claim))
                continue
            if claim.id in beside and beside.issuperset(against):
                continue  # this pair is shown already, the other way round
            beside.update([claim.id or "", *against])
            others = "<br>".join(self._counterclaim(claim_id, event) for claim_id in against)
            #: Above the claims that dispute a claim (or that it disputes), beside it.
            counter = _e(translate("details", "Counterclaim:"))
            found.append(
                '<table width="100%" border="1" cellspacing="0" cellpadding="4"><tr>'
                f'<td width="50%" valign="top">{self.claim(claim)}</td>'
                f'<td width="50%" valign="top"><small>{counter}</small><br>'
                f"{others}</td></tr></table>"
            )
        return found

    def _source_title(self, source_id: str) -> str:
        source = self._timeline.sources_by_id.get(source_id)
        return self._data(source.title if source is not None else source_id)

    def date_source(self, date: FuzzyDate) -> str:
        """ "Date from: CBS News [2]" (a line) when the date names its source, else nothing."""
        if date.source is None:
            return ""
        #: Label before the source an event's date comes from.
        label = _e(translate("details", "Date from:"))
        return f"<br><b>{label}</b> {self._source_title(date.source)}{self._cited(date.source)}"

    def first_reported(self, event: Event) -> str:
        """ "First reported: 5 June 2025 (from TASS [3])" (a line), or nothing."""
        reported = event.first_reported
        if reported is None:
            return ""
        #: Label before when an event was first reported (often later than it happened).
        label = _e(translate("details", "First reported:"))
        line = f"<br><b>{label}</b> {_e(describe_date(reported))}"
        if reported.source is not None:
            source = self._source_title(reported.source) + self._cited(reported.source)
            #: After when an event was first reported: {0} is the source that reported it.
            line += " " + _e(translate("details", "(from {0})")).format(source)
        return line

    def _counterclaim(self, claim_id: str, event: Event) -> str:
        where = facets_of(self._timeline).claims.get(claim_id)
        if where is None:
            return self._data(claim_id)
        other = self._timeline.events[where[0]]
        said = self.claim(other.claims[where[1]])
        if other.id != event.id:
            link = (
                f'<a href="event:{html.escape(other.id, quote=True)}">{self._data(other.title)}</a>'
            )
            #: After a counterclaim made about another event: {0} is that event (a link).
            on = _e(translate("details", "(on {0})"))
            said += f" <small>{on.format(link)}</small>"
        return said
