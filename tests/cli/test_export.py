"""`timeline-viewer export`: the widget's painting, to a file, without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QImage

from viewer.cli import main
from viewer.timeline.layout import LaneLayout, Layout

if TYPE_CHECKING:
    from viewer.ui.timeline.render import TimelineRenderer


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_writes_each_format(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"timeline{suffix}"
    assert main(["export", "-o", str(out), "--width", "1200"]) == 0
    data = out.read_bytes()
    assert len(data) > 2000
    magic = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix]
    assert data.startswith(magic)


def test_png_has_the_asked_width_and_paints_the_lanes(tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    assert main(["export", "-o", str(out), "--width", "1000"]) == 0
    image = QImage(str(out))
    assert image.width() == 1000
    assert image.height() > 300
    # The call lane's glyph colour (#0072B2) is painted somewhere.
    colours = {
        image.pixelColor(x, y).name() for x in range(0, 1000, 2) for y in range(image.height())
    }
    assert "#0072b2" in colours


def test_range_limits_what_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "range.svg"
    assert main(["export", "-o", str(out), "--from", "2025-06-03", "--to", "2025-06-06"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "Telefonat zwischen Trump und Putin" in svg
    assert "Erste Runde" not in svg  # 16 May is outside the range


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.gif"], "cannot export to .gif"),
        (["-o", "x.timelinejs"], "or .json (or --format timelinejs) for TimelineJS"),
        (["-o", "x"], "cannot export to a file without suffix: use .png, .svg or .pdf"),
        (
            ["-o", "x.png", "--from", "2025-06-05", "--to", "2025-06-01"],
            "must come after its start",
        ),
        (["-o", "x.png", "--width", "50"], "at least 400 pixels"),
    ],
)
def test_bad_export_arguments(
    tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    assert main(["export", *args]) == 2
    assert message in capsys.readouterr().err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", "x.png", "--from", "Mitte Mai"]) == 2
    assert "not a date: 'Mitte Mai'" in capsys.readouterr().err


def test_export_needs_no_display(tmp_path: Path) -> None:
    out = tmp_path / "headless.png"
    env = {
        k: v for k, v in __import__("os").environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")
    }
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "export", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1600


def svg_texts(path: Path) -> str:
    """The SVG's text, without its markup (QSvgGenerator writes each run as a <text>)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_the_picture_names_its_timeline_span_and_sources(tmp_path: Path) -> None:
    out = tmp_path / "all.svg"
    assert main(["export", "-o", str(out), "--from", "2025-05-15", "--to", "2025-06-15"]) == 0
    text = " ".join(svg_texts(out).split())
    assert "Trump, Putin und der Ukraine-Krieg" in text
    assert "Shown: 15 May 2025 – 15 June 2025" in text
    assert "Sources:" in text
    assert "Deutschsprachiger Nachrichtenbericht vom Juni 2025" in text
    assert "Filter:" not in text


def test_filters_choose_what_is_drawn_and_the_legend_follows(tmp_path: Path) -> None:
    out = tmp_path / "talks.svg"
    assert main(["export", "-o", str(out), "--kind", "talks", "--status", "occurred"]) == 0
    text = " ".join(svg_texts(out).split())
    assert "Erste Runde direkter Gespräche" in text
    assert "Vorheriges Telefonat zwischen Trump und Putin" not in text  # a call
    assert "Vorgeschlagener Gipfel" not in text  # proposed, not occurred
    assert "Filter: Kind: Talks, Status: Occurred" in text
    # The legend lists only what is drawn: the talks lane, events that happened.
    assert "Talks" in text
    assert "Calls" not in text
    assert "Attacks" not in text
    assert "announced / proposed / demanded" not in text
    assert "happened" in text


def test_actor_by_name_tags_from_notes_and_an_unknown_actor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "actor.svg"
    assert main(["export", "-o", str(out), "--actor", "johann wadephul"]) == 0
    text = " ".join(svg_texts(out).split())
    assert "Sikorski in Berlin" in text
    assert "Drohnenangriff des SBU" not in text
    assert "Filter: Actor: Johann Wadephul" in text
    assert main(["notes", "add", "drone-strike-2025-06-01", "prüfen", "--tag", "SBU"]) == 0
    assert main(["export", "-o", str(out), "--tag", "sbu"]) == 0
    text = " ".join(svg_texts(out).split())
    assert "Drohnenangriff des SBU" in text
    assert "Sikorski in Berlin" not in text
    capsys.readouterr()
    assert main(["export", "-o", str(out), "--actor", "Nobody"]) == 2
    assert "no actor 'Nobody'" in capsys.readouterr().err


def test_texts_in_the_picture_are_never_markup(tmp_path: Path, minimal: dict[str, object]) -> None:
    from tests.conftest import dump

    minimal["title"] = "<script>alert(1)</script>"
    minimal["sources"] = [{"id": "src", "title": "<b>Quelle</b>", "url": "javascript:alert(1)"}]
    model = tmp_path / "hostile.json"
    model.write_bytes(dump(minimal))
    out = tmp_path / "hostile.svg"
    assert main(["export", str(model), "-o", str(out)]) == 0
    raw = out.read_text(encoding="utf-8")
    assert "<script" not in raw
    assert "<b>" not in raw
    assert "&lt;script&gt;" in raw
    assert "javascript:" not in raw  # only http and https addresses are shown


def test_to_a_day_includes_that_day(tmp_path: Path) -> None:
    out = tmp_path / "day.svg"
    assert main(["export", "-o", str(out), "--from", "2025-06-01", "--to", "2025-06-04"]) == 0
    text = " ".join(svg_texts(out).split())
    assert "Shown: 1 June 2025 – 4 June 2025" in text
    assert "Telefonat zwischen Trump und Putin" in text  # on 4 June


def test_a_picture_reaching_the_end_of_the_calendar(
    tmp_path: Path, minimal: dict[str, object]
) -> None:
    from tests.conftest import dump

    events = minimal["events"]
    assert isinstance(events, list)
    events[0]["date"] = {"precision": "year", "start": "9999"}
    model = tmp_path / "late.json"
    model.write_bytes(dump(minimal))
    assert main(["export", str(model), "-o", str(tmp_path / "late.png")]) == 0


@pytest.fixture(scope="module")
def acled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ACLED sample as a model file (its tags: ACLED's event and sub-event types)."""
    from tests.conftest import DATA
    from viewer.importers.acled.convert import import_acled

    out = tmp_path_factory.mktemp("acled") / "acled.json"
    import_acled(DATA / "acled" / "argentina_2022-06_sample.csv", out)
    return out


Painted = list[tuple["TimelineRenderer", "Layout"]]


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> Painted:
    """Each renderer that paints a plot, with the layout it paints."""
    from viewer.ui.timeline.render import TimelineRenderer

    seen: Painted = []
    paint = TimelineRenderer.paint

    def recording(renderer: TimelineRenderer, painter: Any, layout: Layout, *rest: Any) -> None:
        seen.append((renderer, layout))
        paint(renderer, painter, layout, *rest)

    monkeypatch.setattr(TimelineRenderer, "paint", recording)
    return seen


def drawn(layout: Layout) -> dict[str, LaneLayout]:
    return {lane.title: lane for lane in layout.lanes}


def test_lanes_by_tag_are_acleds_event_types_with_titles_drawn(
    tmp_path: Path, acled: Path, painted: Painted
) -> None:
    out = tmp_path / "tags.svg"
    assert main(["export", str(acled), "-o", str(out), "--lanes", "tag", "--width", "1920"]) == 0
    assert len(painted) == 1
    lanes = drawn(painted[0][1])
    assert {"Protests", "Riots", "Strategic developments", "Peaceful protest"} <= set(lanes)
    assert "Other" not in lanes  # the kind, which every ACLED event has here
    riots = lanes["Riots"]
    titles = [item.text for item in riots.items if item.label is not None and not item.bucket]
    assert titles  # events with their titles, not only counts
    text = " ".join(svg_texts(out).split())
    assert "Mob violence in Formosa" in text
    assert "Riots" in text


def test_a_height_is_the_pictures_and_its_lanes_share_the_rows(
    tmp_path: Path, acled: Path, painted: Painted
) -> None:
    common = [str(acled), "--lanes", "tag", "--width", "1920"]
    assert main(["export", *common, "-o", str(tmp_path / "usual.png")]) == 0
    assert main(["export", *common, "-o", str(tmp_path / "tall.png"), "--height", "2160"]) == 0
    usual, tall = (QImage(str(tmp_path / name)) for name in ("usual.png", "tall.png"))
    assert usual.height() < 2160
    assert (tall.width(), tall.height()) == (1920, 2160)
    assert len(painted) == 2
    before, after = (drawn(layout) for _renderer, layout in painted)
    assert list(before) == list(after)  # the same lanes, in the same order
    assert max(lane.rows for lane in before.values()) == 3  # the default's most
    assert sum(lane.rows for lane in after.values()) > sum(lane.rows for lane in before.values())
    assert after["Riots"].rows > before["Riots"].rows
    assert 0 < after["Riots"].hidden < before["Riots"].hidden
    hidden = sum(lane.hidden for lane in after.values())
    assert hidden < sum(lane.hidden for lane in before.values())


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_the_vector_pictures_are_as_tall_as_asked(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"tall{suffix}"
    assert main(["export", "-o", str(out), "--width", "1200", "--height", "1111"]) == 0
    assert "(1200×1111)" in capsys.readouterr().out
    data = out.read_bytes()
    size = b'viewBox="0 0 1200 1111"' if suffix == ".svg" else b"MediaBox [0 0 1200.000000 1111"
    assert size in data


def test_a_height_too_small_for_a_lane_says_how_tall_the_least_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    out = tmp_path / "short.png"
    assert main(["export", "-o", str(out), "--height", "200"]) == 2
    said = capsys.readouterr().err
    assert "the height must be at least" in said
    assert not out.exists()
    found = re.search(r"at least (\d+) pixels", said)
    assert found is not None
    least = int(found.group(1))
    assert 200 < least < 2000
    assert main(["export", "-o", str(out), "--height", str(least)]) == 0
    assert QImage(str(out)).height() == least
    capsys.readouterr()
    assert main(["export", "-o", str(out), "--height", str(least - 1)]) == 2
    assert "the height must be at least" in capsys.readouterr().err


def test_lanes_a_height_has_no_room_for_are_named(
    tmp_path: Path, acled: Path, painted: Painted, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "places.png"
    args = [str(acled), "-o", str(out), "--lanes", "place", "--height", "1080"]
    assert main(["export", *args]) == 0
    said = capsys.readouterr()
    assert "(1600×1080)" in said.out
    [(renderer, layout)] = painted
    missing = len(renderer.index.lanes) - len(layout.lanes)
    assert missing > 100  # ACLED's places: far more lanes than 1080 pixels hold
    assert f"{missing} lanes did not fit 1080 pixels and were left out" in said.err
    first_missing = renderer.index.lanes[len(layout.lanes)].title
    assert first_missing in said.err
    # Room for every lane: nothing is said.
    assert main(["export", str(acled), "-o", str(out), "--lanes", "tag", "--height", "2000"]) == 0
    assert "left out" not in capsys.readouterr().err


def test_lanes_by_actor_draw_a_call_in_each_callers_lane(tmp_path: Path, painted: Painted) -> None:
    out = tmp_path / "actors.svg"
    assert main(["export", "-o", str(out), "--lanes", "actor"]) == 0
    assert len(painted) == 1
    renderer, layout = painted[0]
    call = renderer.index.position["call-2025-06-04"]
    holding = {lane.title for lane in layout.lanes if any(call in i.positions for i in lane.items)}
    assert {"Donald Trump", "Wladimir Putin"} <= holding  # one event, drawn in both lanes
    assert "Wolodymyr Selenskyj" not in holding
    assert "Donald Trump" in svg_texts(out)


def test_lane_order_sorts_the_lanes(tmp_path: Path, painted: Painted) -> None:
    out = tmp_path / "named.png"
    assert main(["export", "-o", str(out), "--lanes", "actor", "--lane-order", "name"]) == 0
    titles = [lane.title for lane in painted[0][1].lanes]
    assert titles[-1] == "No actor"  # the events without one, last whatever the order
    assert titles[:-1] == sorted(titles[:-1], key=str.casefold)
    assert len(titles) > 3
    painted.clear()
    assert main(["export", "-o", str(out), "--lanes", "kind", "--lane-order", "count"]) == 0
    counts = [lane.count for lane in painted[0][1].lanes]
    assert len(counts) > 3
    assert counts == sorted(counts, reverse=True)


def test_bad_lanes_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", "x.png", "--lanes", "colour"]) == 2
    assert "'colour'" in capsys.readouterr().err  # argparse's words, whatever their language


def test_an_export_draws_a_lane_whole_rows_or_names_it_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.persistence.model_file import load_timeline
    from viewer.persistence.paths import bundled_timeline
    from viewer.timeline.lanes import LaneChoice, LaneFacet
    from viewer.timeline.layout import ROW_HEIGHT
    from viewer.ui.app import make_application
    from viewer.ui.timeline import export

    make_application()
    timeline = load_timeline(bundled_timeline())
    seen: dict[str, Any] = {}
    plot_of = export._plot_of

    def recording(*args: Any) -> Any:
        layout, only, legend = plot_of(*args)
        seen["layout"], seen["plot"] = layout, args[2] - args[3] - legend
        return layout, only, legend

    monkeypatch.setattr(export, "_plot_of", recording)
    tried = 0
    for height in range(330, 700, 9):
        left_out: list[str] = []
        try:
            export.export_timeline(
                timeline,
                tmp_path / "h.png",
                width=1000,
                height=height,
                lanes=LaneChoice(LaneFacet.ACTOR),
                left_out=left_out,
            )
        except export.ExportError:
            continue
        tried += 1
        lanes = seen["layout"].lanes
        assert all(lane.top + ROW_HEIGHT <= seen["plot"] for lane in lanes), height
        drawn = [lane.title for lane in lanes]
        assert len(drawn) + len(left_out) == len(seen["layout"].index.lanes)
        assert not set(drawn) & set(left_out)
    assert tried > 10


CAESAR = Path(__file__).resolve().parents[1] / "data" / "model" / "caesar-44bc.json"


def test_a_picture_of_days_before_the_common_era(tmp_path: Path) -> None:
    """The axis and the span read BC; --from and --to take the model's astronomical years."""
    out = tmp_path / "ides.svg"
    span = ["--from=-0043-03-10", "--to=-0043-03-20"]
    assert main(["export", str(CAESAR), "-o", str(out), *span]) == 0
    text = " ".join(svg_texts(out).split())
    assert "Shown: 10 March 44 BC \u2013 20 March 44 BC" in text
    assert "March 44 BC" in text  # the axis's month above its days
    assert "15 March" in text
    assert "Caesar is killed in the Theatre of Pompey" in text
    assert "Caesar crosses the Rubicon" not in text  # 49 BC
    whole = tmp_path / "all.svg"
    assert main(["export", str(CAESAR), "-o", str(whole)]) == 0
    axis = " ".join(svg_texts(whole).split())
    assert "10 BC" in axis
    assert "AD 1" in axis
    assert " 0 " not in axis  # no year 0


def test_a_wrong_day_before_the_common_era_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", str(CAESAR), "-o", "x.png", "--from=-0043-02-30"]) == 2
    assert "not a date: '-0043-02-30'" in capsys.readouterr().err
