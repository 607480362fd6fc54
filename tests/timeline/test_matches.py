"""Where a search's matches fall on the time axis, without a window."""

from __future__ import annotations

import numpy as np

from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.timeline.index import event_index
from viewer.timeline.matches import Matches


def test_a_match_marks_the_column_it_starts_in_and_only_in_view() -> None:
    index = event_index(load_timeline(bundled_timeline()))
    lane = max(index.lanes, key=len)
    first, second = (int(p) for p in lane.positions[:2])
    rows = index.order[[first, second]]
    matches = Matches(index, rows)
    assert len(matches) == 2
    assert matches.any([first])
    assert matches.any([0, second])
    others = [p for p in range(len(index)) if p not in (first, second)]
    assert others
    assert not matches.any(others)
    assert not matches.any([])
    start = float(index.starts[first])
    # One column a second, from the first match's start: it is column 0.
    columns = matches.columns(lane.kind, start, 1.0, 50)
    assert columns[0]
    assert int(np.count_nonzero(columns)) == 1 + (index.starts[second] < start + 50)
    # A view after both: nothing marked; a lane with no match: nothing either.
    assert not matches.columns(lane.kind, float(index.starts[second]) + 1, 1.0, 50).any()
    other = next(la for la in index.lanes if la.kind is not lane.kind)
    assert not matches.columns(other.kind, start - 1e9, 1e7, 200).any()


def test_matches_not_drawn_are_not_marked() -> None:
    index = event_index(load_timeline(bundled_timeline()))
    keep = np.ones(len(index.table), np.bool_)
    hidden = int(index.order[0])
    keep[hidden] = False
    shown = index.subset(keep)
    matches = Matches(shown, np.array([hidden, int(index.order[1])], np.int64))
    assert len(matches) == 1
    assert matches.any([int(shown.position_of_row[int(index.order[1])])])
