"""The Qt item models: Qt's model checks, contents, sort keys, marking, plain text."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtGui import Qt as QtGuiNamespace
from pytestqt.modeltest import ModelTester

from tests.conftest import strip_isolates
from viewer.domain.describe import describe_date
from viewer.domain.model import QuoteMode
from viewer.domain.timeline import Timeline
from viewer.ui.models.events import EventTableModel
from viewer.ui.models.quotes import ALL_SPEAKERS, QuoteListModel
from viewer.ui.models.roles import ItemRole
from viewer.ui.models.speakers import ActorListModel

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FONT = Qt.ItemDataRole.FontRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole

EMPTY = Timeline.validate(
    {"schema_version": 1, "id": "empty", "title": "Nothing yet", "language": "en"}
)

HOSTILE_BOLD = "<b>bold</b>"
HOSTILE_IMG = "<img src=x>"
#: The isolates around text from data (FSI, PDI).
F, P = "\u2068", "\u2069"
HOSTILE = Timeline.validate(
    {
        "schema_version": 1,
        "id": "hostile",
        "title": "Hostile",
        "language": "de",
        "sources": [{"id": "s", "title": f"{HOSTILE_BOLD} source"}],
        "actors": [
            {
                "id": "a",
                "kind": "person",
                "name": HOSTILE_BOLD,
                "role": HOSTILE_IMG,
                "affiliation": HOSTILE_BOLD,
            },
            {"id": "b", "kind": "state", "name": f"&lt;{HOSTILE_IMG}"},
        ],
        "events": [
            {
                "id": "e",
                "kind": "statement",
                "title": f"{HOSTILE_BOLD} {HOSTILE_IMG}",
                "date": {"precision": "day", "start": "2025-06-04", "note": HOSTILE_IMG},
                "participants": ["a", "b"],
                "summary": HOSTILE_IMG,
            }
        ],
        "quotes": [
            {
                "id": "q",
                "speaker": "a",
                "event": "e",
                "text": HOSTILE_BOLD,
                "language": "de",
                "mode": "reported",
                "translation": {"language": "en", "text": HOSTILE_IMG},
                "source": "s",
            }
        ],
    }
)


def column(model: QAbstractItemModel, role: int, col: int = 0) -> list[Any]:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


# -- Qt's own model checks -----------------------------------------------------


@pytest.mark.parametrize("timeline_name", ["bundled", "empty", "none"])
def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, bundled: Timeline, timeline_name: str
) -> None:
    timeline = {"bundled": bundled, "empty": EMPTY, "none": None}[timeline_name]
    actors = ActorListModel()
    actors.set_timeline(timeline)
    qtmodeltester.check(actors)

    quotes = QuoteListModel()
    quotes.set_timeline(timeline)
    quotes.set_actor("trump")
    quotes.set_marked_event("call-2025-06-04")
    qtmodeltester.check(quotes)

    events = EventTableModel()
    events.set_timeline(timeline)
    qtmodeltester.check(events)

    # "All speakers", then the speakers: an actor without quotes has nothing to list.
    speakers = 0 if timeline is None else len(set(timeline.quotes_by_speaker))
    assert actors.rowCount() == (speakers + 1 if speakers else 0)
    assert events.rowCount() == (0 if timeline is None else len(timeline.events))
    assert quotes.rowCount() == (5 if timeline is bundled else 0)


def test_models_pass_the_model_tester_while_changing(
    qtmodeltester: ModelTester, bundled: Timeline
) -> None:
    quotes = QuoteListModel()
    quotes.set_timeline(bundled)
    qtmodeltester.check(quotes)
    quotes.set_actor("selenskyj")
    quotes.set_marked_event("ceasefire-proposal-2025-06-04")
    quotes.set_marked_event(None)
    quotes.set_actor(None)
    quotes.set_timeline(None)
    assert quotes.rowCount() == 0

    actors = ActorListModel()
    qtmodeltester.check(actors)
    actors.set_timeline(bundled)
    actors.set_timeline(EMPTY)
    assert actors.rowCount() == 0

    events = EventTableModel()
    qtmodeltester.check(events)
    events.set_timeline(bundled)
    assert events.rowCount() == len(bundled.events)


# -- ActorListModel ------------------------------------------------------------


def test_actors_sorted_by_quote_count_then_name(bundled: Timeline) -> None:
    model = ActorListModel()
    model.set_timeline(bundled)
    everyone, *ids = column(model, ItemRole.ACTOR_ID)
    assert everyone == ALL_SPEAKERS
    assert model.index(0, 0).data(DISPLAY) == f"All speakers ({len(bundled.quotes)} quotes)"
    # The actors who are quoted, each once; Polen (no quotes) is not listed.
    assert sorted(ids) == sorted(a.id for a in bundled.actors if a.id in bundled.quotes_by_speaker)
    assert "poland" not in ids
    counts = [len(bundled.quotes_by_speaker.get(actor_id, ())) for actor_id in ids]
    assert counts == sorted(counts, reverse=True)
    assert ids[:5] == ["selenskyj", "trump", "wadephul", "uschakow", "putin"]
    names = [bundled.actors_by_id[actor_id].name.casefold() for actor_id in ids]
    for first, second, count_first, count_second in zip(
        names, names[1:], counts, counts[1:], strict=False
    ):
        if count_first == count_second:
            assert first <= second
    assert model.row_of("putin") == 5
    assert model.row_of(ALL_SPEAKERS) == 0
    assert model.most_quoted_row() == 1
    assert model.row_of("nobody") == -1


def test_actor_display_and_tooltip(bundled: Timeline) -> None:
    model = ActorListModel()
    model.set_timeline(bundled)
    first = model.index(1, 0)
    assert first.data(DISPLAY) == (
        "\u2068Wolodymyr Selenskyj\u2069 \u2014 \u2068Präsident der Ukraine\u2069 (6 quotes)"
    )
    assert strip_isolates(first.data(TOOLTIP)).splitlines() == [
        "Person",
        "Wolodymyr Selenskyj",
        "Präsident der Ukraine",
        "6 quotes",
    ]
    kreml = model.index(model.row_of("kremlin"), 0)
    assert strip_isolates(kreml.data(DISPLAY)) == "Kreml \u2014 Russische Staatsführung (1 quote)"
    assert kreml.data(TOOLTIP).splitlines()[0] == "Organisation"
    assert model.row_of("poland") == -1  # no quotes: not a speaker


# -- QuoteListModel ------------------------------------------------------------


def test_quotes_of_one_actor_sorted_by_event_date(bundled: Timeline) -> None:
    model = QuoteListModel()
    model.set_timeline(bundled)
    assert model.rowCount() == 0
    model.set_actor("wadephul")
    ids = column(model, ItemRole.QUOTE_ID)
    expected = [quote.id for quote in bundled.quotes_by_speaker["wadephul"]]
    assert sorted(ids) == sorted(expected)
    starts = [
        bundled.events_by_id[event_id].date.earliest
        for event_id in column(model, ItemRole.EVENT_ID)
    ]
    assert starts == sorted(starts)
    assert ids
    for quote_id, event_id in zip(ids, column(model, ItemRole.EVENT_ID), strict=True):
        quote = next(q for q in bundled.quotes if q.id == quote_id)
        assert quote.speaker == "wadephul"
        assert quote.event == event_id
    model.set_actor(None)
    assert model.rowCount() == 0


def test_quote_display_lines(bundled: Timeline) -> None:
    model = QuoteListModel()
    model.set_show_translations(True)
    model.set_timeline(bundled)
    model.set_actor("trump")
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        quote = next(q for q in bundled.quotes if q.id == index.data(ItemRole.QUOTE_ID))
        event = bundled.events_by_id[quote.event]
        lines = strip_isolates(index.data(DISPLAY)).split("\n")
        assert lines[0] == f"{describe_date(event.date)} \u2014 {event.title}"
        marker = " (reported)" if quote.mode is QuoteMode.REPORTED else ""
        assert lines[1] == f"\u201e{quote.text}\u201c{marker}"
        assert quote.translation is not None
        assert lines[2] == quote.translation.text
        assert len(lines) == 3
        assert quote.text in index.data(ItemRole.SEARCH_TEXT)
        assert event.title in index.data(ItemRole.SEARCH_TEXT)
    direct = model.index(column(model, ItemRole.QUOTE_ID).index("q-trump-1"), 0)
    reported = model.index(column(model, ItemRole.QUOTE_ID).index("q-trump-2"), 0)
    assert direct.data(DISPLAY).split("\n")[1] == (
        "\u201e\u2068Kein Gespräch, das zu einem sofortigen Frieden führen wird\u2069\u201c"
    )
    assert reported.data(DISPLAY).split("\n")[1].endswith("\u201c (reported)")
    assert direct.data(TOOLTIP).splitlines()[0] == "Direct quote"
    assert reported.data(TOOLTIP).splitlines()[0] == "Reported speech"


def test_marking_an_event_updates_only_its_rows(bundled: Timeline) -> None:
    model = QuoteListModel()
    model.set_timeline(bundled)
    model.set_actor("selenskyj")
    events = column(model, ItemRole.EVENT_ID)
    assert len(set(events)) > 1, "the test needs an actor quoted at several events"
    target = events[-1]
    changes: list[tuple[int, int, list[int]]] = []

    def record(top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        changes.append((top.row(), bottom.row(), list(roles)))

    model.dataChanged.connect(record)
    model.set_marked_event(target)
    changed_rows = {row for top, bottom, _ in changes for row in range(top, bottom + 1)}
    assert changed_rows == {row for row, event in enumerate(events) if event == target}
    assert all(set(roles) == {FONT, BACKGROUND} for _, _, roles in changes)
    for row, event in enumerate(events):
        font = model.index(row, 0).data(FONT)
        background = model.index(row, 0).data(BACKGROUND)
        if event == target:
            assert isinstance(font, QFont)
            assert font.bold()
            assert isinstance(background, QBrush)
            assert background.color().alpha() < 255
        else:
            assert font is None
            assert background is None

    # Moving the mark touches the old and the new event's rows, nothing else.
    other = events[0]
    changes.clear()
    model.set_marked_event(other)
    changed_rows = {row for top, bottom, _ in changes for row in range(top, bottom + 1)}
    assert changed_rows == {row for row, event in enumerate(events) if event in {target, other}}

    # Marking the same event again, or an event the actor has no quote of, changes nothing.
    changes.clear()
    model.set_marked_event(other)
    assert changes == []
    model.set_marked_event("sanctions-18-demanded")
    assert "sanctions-18-demanded" not in events
    assert {row for top, bottom, _ in changes for row in range(top, bottom + 1)} == {
        row for row, event in enumerate(events) if event == other
    }
    assert all(model.index(row, 0).data(FONT) is None for row in range(model.rowCount()))


def test_mark_survives_choosing_another_actor(bundled: Timeline) -> None:
    model = QuoteListModel()
    model.set_timeline(bundled)
    model.set_marked_event("call-2025-06-04")
    model.set_actor("trump")
    marked = [model.index(row, 0).data(FONT) is not None for row in range(model.rowCount())]
    expected = [event == "call-2025-06-04" for event in column(model, ItemRole.EVENT_ID)]
    assert marked == expected
    assert any(marked)


# -- EventTableModel -----------------------------------------------------------


def test_event_table_contents(bundled: Timeline) -> None:
    model = EventTableModel()
    model.set_timeline(bundled)
    assert model.columnCount() == 6
    headers = [
        model.headerData(section, Qt.Orientation.Horizontal, DISPLAY) for section in range(5)
    ]
    assert headers == ["Date", "Kind", "Title", "Participants", "Status"]
    row = model.row_of("press-conference-berlin-2025-06-04")
    event = bundled.events_by_id["press-conference-berlin-2025-06-04"]
    texts = [model.index(row, col).data(DISPLAY) for col in range(5)]
    assert texts == [
        describe_date(event.date),
        "Meeting",
        f"\u2068{event.title}\u2069",
        "\u2068Radoslaw Sikorski\u2069, \u2068Johann Wadephul\u2069, \u2068Polen\u2069, "
        "\u2068Deutschland\u2069",
        "Occurred",
    ]
    assert all(model.index(row, col).data(ItemRole.EVENT_ID) == event.id for col in range(5))
    proposed = model.row_of("leaders-summit-proposed")
    assert model.index(proposed, EventTableModel.STATUS).data(DISPLAY) == "Proposed"
    assert model.index(row, 2).data(TOOLTIP).splitlines()[0] == "Meeting \u00b7 Occurred"


def test_event_table_sort_keys(bundled: Timeline) -> None:
    model = EventTableModel()
    model.set_timeline(bundled)
    dates = column(model, ItemRole.SORT_KEY, EventTableModel.DATE)
    assert all(isinstance(key, float) for key in dates)
    assert dates == sorted(dates)
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        event = bundled.events_by_id[model.index(row, 0).data(ItemRole.EVENT_ID)]
        assert model.index(row, 0).data(ItemRole.SORT_KEY) == event.date.earliest
        assert model.index(row, 2).data(ItemRole.SORT_KEY) == event.title.casefold()
        for col in range(1, 5):
            key = model.index(row, col).data(ItemRole.SORT_KEY)
            # The keys are the data as it is; only what is shown is isolated.
            assert key == strip_isolates(model.index(row, col).data(DISPLAY)).casefold()


# -- plain text ------------------------------------------------------------------


def test_model_texts_are_returned_literally() -> None:
    actors = ActorListModel()
    actors.set_timeline(HOSTILE)
    quotes = QuoteListModel()
    quotes.set_show_translations(True)
    quotes.set_timeline(HOSTILE)
    quotes.set_actor("a")
    events = EventTableModel()
    events.set_timeline(HOSTILE)

    actor = actors.index(actors.row_of("a"), 0)
    assert actor.data(DISPLAY) == f"{F}{HOSTILE_BOLD}{P} \u2014 {F}{HOSTILE_IMG}{P} (1 quote)"
    quote = quotes.index(0, 0)
    assert quote.data(DISPLAY).split("\n") == [
        f"4 June 2025 \u2014 {F}{HOSTILE_BOLD} {HOSTILE_IMG}{P}",
        f"\u201e{F}{HOSTILE_BOLD}{P}\u201c (reported)",
        f"{F}{HOSTILE_IMG}{P}",
    ]
    assert events.index(0, EventTableModel.TITLE).data(DISPLAY) == (
        f"{F}{HOSTILE_BOLD} {HOSTILE_IMG}{P}"
    )
    assert events.index(0, EventTableModel.PARTICIPANTS).data(DISPLAY) == (
        f"{F}{HOSTILE_BOLD}{P}, {F}&lt;{HOSTILE_IMG}{P}"
    )

    # Tooltips are guessed as rich text from their first line: keep it plain.
    tooltips = [
        *column(actors, TOOLTIP),
        *column(quotes, TOOLTIP),
        *(events.index(0, col).data(TOOLTIP) for col in range(5)),
    ]
    # "All speakers" and one speaker (the other actor is not quoted), one quote
    assert len(tooltips) == 3 + 5
    for tooltip in tooltips:
        assert not QtGuiNamespace.mightBeRichText(tooltip), tooltip
    assert HOSTILE_BOLD in column(actors, TOOLTIP)[1]  # [0]: "All speakers"
    assert HOSTILE_IMG in events.index(0, 0).data(TOOLTIP)
    # The guess itself is what the fixed first line protects against.
    assert QtGuiNamespace.mightBeRichText(HOSTILE_BOLD)


def test_event_table_sorts_itself_and_keeps_persistent_indexes(
    qtmodeltester: ModelTester, bundled: Timeline
) -> None:
    model = EventTableModel()
    model.set_timeline(bundled)
    held = QPersistentModelIndex(model.index(model.row_of("drone-strike-2025-06-01"), 2))
    model.sort(EventTableModel.TITLE, Qt.SortOrder.DescendingOrder)
    titles = [model.index(r, EventTableModel.TITLE).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold, reverse=True)
    assert held.row() == model.row_of("drone-strike-2025-06-01")
    assert held.data() == model.index(held.row(), 2).data()
    model.sort(EventTableModel.DATE)
    assert model.event_at(0) is not None
    assert model.event_at(0).id == "talks-istanbul-2025-05-16"  # type: ignore[union-attr]
    qtmodeltester.check(model)


def test_tooltips_keep_every_wrapped_line_isolated(bundled_data: dict[str, Any]) -> None:
    data = bundled_data
    event = next(e for e in data["events"] if e["id"] == "call-2025-06-04")
    event["summary"] = "\u202e" + "lang " * 60
    model = EventTableModel()
    model.set_timeline(Timeline.validate(data))
    tooltip = model.index(model.row_of("call-2025-06-04"), 0).data(TOOLTIP)
    lines = tooltip.splitlines()
    assert lines[1] == f"{F}Telefonat zwischen Trump und Putin{P}"
    wrapped = [line for line in lines if "lang" in line]
    assert len(wrapped) > 2
    assert all(line.startswith(F) and line.endswith(P) for line in wrapped)
    assert wrapped[0].startswith(f"{F}\u202elang")


def test_typing_a_name_finds_it_despite_the_isolates(bundled: Timeline) -> None:
    actors = ActorListModel()
    actors.set_timeline(bundled)
    [found] = actors.match(actors.index(0, 0), DISPLAY, "Johann W", 1, Qt.MatchFlag.MatchStartsWith)
    assert found.data(ItemRole.ACTOR_ID) == "wadephul"
    events = EventTableModel()
    events.set_timeline(bundled)
    start = events.index(0, EventTableModel.TITLE)
    [found] = events.match(start, DISPLAY, "telefonat zwischen", 1, Qt.MatchFlag.MatchStartsWith)
    assert found.data(ItemRole.EVENT_ID) == "call-2025-06-04"
