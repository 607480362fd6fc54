"""ACLED's API answer, read as its CSV export is (Qt-free).

The API (``acleddata.com/api/acled/read``) answers with JSON:
``{"status": 200, "success": true, "count": N, "data": [{"event_id_cnty": "…",
…}, …]}``, every value a string, the keys the CSV's column names. Its records
are written as a CSV beside the model file being made and imported the one way
there is; a problem's place is then told as the record's (``data[3]``), not as
a line of that CSV.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import msgspec

from viewer.domain.words import translate
from viewer.importers.common import ImportFailed, ImportProblem, ImportReport


class _Answer(msgspec.Struct):
    data: list[dict[str, Any]] | None = None
    success: bool = True
    error: Any = None


_DECODE = msgspec.json.Decoder(_Answer)
# The number at the end of a problem's place ("line 12", "Zeile 12").
_LINE_NUMBER = re.compile(r"(\d+)$")


def is_api_answer(src: Path) -> bool:
    """Whether ``src`` starts as JSON does (an ACLED export is a CSV)."""
    with src.open("rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def api_csv(src: Path, folder: Path) -> Path:
    """Write the records of the API answer ``src`` as a CSV in ``folder`` (its
    columns: the first record's keys, then any other key as it first comes);
    the CSV's path. Raises ImportFailed for JSON that is not an API answer."""
    data = src.read_bytes()
    try:
        answer = _DECODE.decode(data)
    except msgspec.ValidationError as exc:
        said = translate("importers", "not an answer of ACLED's API: {0}").format(exc)
        raise ImportFailed(said) from None
    except msgspec.DecodeError as exc:
        said = translate("importers", "not valid JSON: {0}").format(exc)
        raise ImportFailed(said, unreadable=True) from None
    if not answer.success:
        said = translate("importers", "ACLED's API answered with an error: {0}")
        raise ImportFailed(said.format(str(answer.error)[:300]))
    if answer.data is None:
        if b'"start_date"' in data or b'"startDate"' in data:  # another format, named
            said = translate(
                "importers", "is a TimelineJS timeline, not an ACLED export: import it as such"
            )
            raise ImportFailed(said)
        said = translate("importers", "not an answer of ACLED's API: {0}")
        raise ImportFailed(said.format('no "data"'))
    columns: dict[str, None] = {}
    for record in answer.data:
        columns.update(dict.fromkeys(record))
    out = folder / f".{src.stem}.api.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(list(columns))
        for record in answer.data:
            writer.writerow(["" if (v := record.get(c)) is None else str(v) for c in columns])
    return out


def records_not_lines(report: ImportReport) -> None:
    """Tell each problem's place as the API record it is in (``data[3]``), not as
    the line of the CSV it was written to (line 5: the header is line 1)."""
    for number, problem in enumerate(report.problems):
        found = _LINE_NUMBER.search(problem.where)
        if found is not None:
            where = f"data[{int(found.group(1)) - 2}]"
            report.problems[number] = ImportProblem(where, problem.message)
