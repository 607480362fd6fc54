"""``timeline-viewer export --format timelinejs``: the timeline as a TimelineJS3
file, without Qt (the picture formats are drawn by the window's painting,
:mod:`viewer.ui.timeline.export`)."""

from __future__ import annotations

import sys
from pathlib import Path

from viewer.cli.exit_codes import ExitCode
from viewer.domain.text import terminal_safe
from viewer.domain.timeline import Timeline
from viewer.importers.timelinejs.write import NoEventToWrite, write_timelinejs
from viewer.timeline.filters import Mask
from viewer.timeline.lanes import LaneChoice


def write_timelinejs_file(
    timeline: Timeline, out: Path, lanes: LaneChoice, mask: Mask | None
) -> int:
    """Write the events ``mask`` keeps to ``out``, grouped by ``lanes``; the exit code.

    Filters that keep no event write nothing (TimelineJS needs one) and are a
    usage error; a file that cannot be written is one too, and leaves ``out``
    as it was.
    """
    try:
        written = write_timelinejs(timeline, out, lanes=lanes, mask=mask)
    except NoEventToWrite as nothing:
        print(terminal_safe(f"timeline-viewer export: {nothing}"), file=sys.stderr)
        return ExitCode.USAGE
    except OSError as err:
        problem = f"timeline-viewer export: cannot write {out}: {err.strerror or err}"
        print(terminal_safe(problem), file=sys.stderr)
        return ExitCode.USAGE
    print(terminal_safe(f"wrote {out} (TimelineJS, {written} events)"))
    return ExitCode.OK
