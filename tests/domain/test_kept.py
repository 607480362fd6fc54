"""Values kept by key: made once, bounded, and never all made again at once."""

from __future__ import annotations

from viewer.domain.perf import Kept


def test_a_value_is_made_once_and_the_store_stays_bounded() -> None:
    made: list[int] = []

    def square(n: int) -> int:
        made.append(n)
        return n * n

    kept = Kept(square, limit=4)
    assert [kept[n] for n in (1, 2, 1, 2)] == [1, 4, 1, 4]
    assert made == [1, 2]
    for n in range(100):
        assert kept[n] == n * n
    assert len(kept) <= 2 * 4


def test_what_is_in_use_outlives_a_turn_and_the_rest_is_dropped() -> None:
    made: list[str] = []
    kept: Kept[str, str] = Kept(lambda key: made.append(key) or key.upper(), limit=3)
    for key in "abc":
        kept[key]
    kept["d"]  # a turn: a, b and c are the old ones now
    assert kept["a"] == "A"  # asked again: kept again, not made again
    assert made == list("abcd")
    for key in "efg":  # another turn: b and c, not asked, are dropped
        kept[key]
    kept["b"]
    assert made == [*"abcdefg", "b"]
    kept.clear()
    kept["a"]
    assert made[-1] == "a"
    assert len(kept) == 1


def test_get_finds_what_is_kept_and_makes_nothing() -> None:
    made: list[int] = []
    kept: Kept[int, int] = Kept(lambda n: made.append(n) or n + 1, limit=2)
    assert kept.get(1) is None
    assert kept[1] == 2
    kept[2]
    kept[3]  # a turn: 1 and 2 are the old ones
    assert kept.get(1) == 2  # found among the old, and kept again
    assert made == [1, 2, 3]
