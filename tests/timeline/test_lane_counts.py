"""A lane's density strip counts: each way of counting (exact, per event, off the
grid) agrees with bisecting every column edge."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.timeline.index import GRID_FINER, GRID_LEAST, Lane


def _lane(starts: np.ndarray) -> Lane:
    starts = np.sort(starts.astype(np.float64))
    positions = np.arange(len(starts), dtype=np.int64)
    return Lane("k", "K", positions, starts, starts + 60.0)


def _exact(lane: Lane, t0: float, width: float, columns: int) -> np.ndarray:
    edges = t0 + width * np.arange(columns + 1)
    return np.diff(np.searchsorted(lane.starts, edges))


def _bursty(n: int, seed: int) -> np.ndarray:
    """Starts over ten years, half of them in a few bursts of a day."""
    rng = np.random.default_rng(seed)
    spread = rng.uniform(0, 3.15e8, n // 2)
    bursts = rng.choice(rng.uniform(0, 3.15e8, 5), n - n // 2) + rng.uniform(0, 86400, n - n // 2)
    return 1.5e9 + np.concatenate([spread, bursts])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_far_out_the_grid_counts_each_event_within_an_eighth_of_its_column(seed: int) -> None:
    lane = _lane(_bursty(50_000, seed))
    grid = lane._grid()
    assert grid is not None  # a lane this big has one
    first, last = float(lane.starts[0]), float(lane.starts[-1])
    rng = np.random.default_rng(seed)
    for columns, zoom in [(1800, 1.0), (1800, 3.0), (900, 1.3), (1, 1.0)]:
        width = (last - first) * 1.2 / columns / zoom
        t0 = first - (last - first) * 0.1 + rng.uniform(0, 1) * width
        assert grid[1] * GRID_FINER <= width  # the grid is read, not the events
        counts = lane.starting_per_column(t0, width, columns)
        exact = _exact(lane, t0, width, columns)
        assert counts.dtype == np.int32
        assert len(counts) == columns
        edges = t0 + width * np.arange(columns + 1)
        # Each edge moves by an eighth of a column at most: a column differs from
        # the exact count only by events that close to its edges.
        near_edge = np.searchsorted(lane.starts, edges + width / 8) - np.searchsorted(
            lane.starts, edges - width / 8
        )
        assert np.all(np.abs(counts - exact) <= near_edge[:-1] + near_edge[1:])
        # Events wholly inside the span are each counted once.
        inside = int(np.searchsorted(lane.starts, edges[-1]) - np.searchsorted(lane.starts, t0))
        assert abs(int(counts.sum()) - inside) <= int(near_edge[0] + near_edge[-1])


@pytest.mark.parametrize("zoom", [100.0, 1000.0, 30000.0])
def test_nearer_the_counts_are_exact(zoom: float) -> None:
    lane = _lane(_bursty(50_000, 7))
    first, last = float(lane.starts[0]), float(lane.starts[-1])
    columns = 1500
    width = (last - first) / columns / zoom
    grid = lane._grid()
    assert grid is not None
    assert grid[1] * GRID_FINER > width
    for t0 in (first + 1e7, float(lane.starts[30_000]) - 5 * width, last - 3 * width):
        counts = lane.starting_per_column(t0, width, columns)
        assert np.array_equal(counts, _exact(lane, t0, width, columns))


def test_a_small_lane_counts_each_event_and_has_no_grid() -> None:
    lane = _lane(_bursty(GRID_LEAST - 1, 4))
    assert lane._grid() is None
    first, last = float(lane.starts[0]), float(lane.starts[-1])
    width = (last - first) / 1000
    counts = lane.starting_per_column(first - width / 3, width, 1001)
    assert np.array_equal(counts, _exact(lane, first - width / 3, width, 1001))
    assert lane.starting_per_column(first, width, 0).shape == (0,)


def test_a_lane_whose_events_all_start_at_once_is_counted_exactly() -> None:
    lane = _lane(np.full(GRID_LEAST * 2, 1.6e9))
    assert lane._grid() is None
    counts = lane.starting_per_column(1.6e9 - 500.0, 100.0, 10)
    assert counts.tolist() == [0, 0, 0, 0, 0, GRID_LEAST * 2, 0, 0, 0, 0]


def test_a_burst_too_dense_for_the_grid_is_bisected_exactly() -> None:
    rng = np.random.default_rng(9)
    hour = 1.7e9 + rng.uniform(0, 3600, 40_000)
    lane = _lane(np.concatenate([1.5e9 + rng.uniform(0, 3.15e8, 10_000), hour]))
    grid = lane._grid()
    assert grid is not None
    assert grid[1] * GRID_FINER > 36.0
    counts = lane.starting_per_column(1.7e9 - 1.0, 36.0, 100)
    assert counts.sum() > 4 * 100  # more events than the per-event count takes
    assert np.array_equal(counts, _exact(lane, 1.7e9 - 1.0, 36.0, 100))
