"""The XLSX sheet the TimelineJS tests read, built here: run as a script, it
writes tests/data/timelinejs/hearings.xlsx (``python -m tests.importers.sheet_fixture``).

TimelineJS's Google Sheets template as a newsroom keeps it, with what such
sheets hold: the headers in another order, case and spacing, a column of the
newsroom's own, a year as 1963.0, a date typed into Year, times as a
workbook's times and as "4:30 PM", a title row, an era, groups, a row whose
month is no month, and a blank row with a forgotten row under it.
"""

from __future__ import annotations

import sys
from datetime import datetime, time
from pathlib import Path

import openpyxl

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "timelinejs" / "hearings.xlsx"

HEADER = [
    "Headline",
    "  year ",
    "MONTH",
    "Day",
    "Time",
    "End Year",
    "End month",
    "EndDay",
    "End Time",
    "Display Date",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Alt Text",
    "Type",
    "Group",
    "Desk notes",
]
# Each row's cells by header (the template's names, as HEADER spells them).
ROWS: list[dict[str, object]] = [
    {
        "Headline": "The <b>hearings</b> of 2024",
        "Text": "<p>Kept in a workbook.</p>",
        "Type": "Title",
        "Media": "https://example.org/cover.jpg",
        "Media Caption": "Cover",
    },
    {
        "Headline": "Committee formed",
        "  year ": 2023.0,
        "MONTH": 11,
        "Day": 2,
        "Group": "Politics",
        "Desk notes": "check the date",
    },
    {
        "Headline": "First hearing",
        "  year ": datetime(2024, 1, 15),
        "Time": time(9, 30),
        "Text": "Opened at half past nine.",
        "Group": "Politics",
    },
    {
        "Headline": "Evening session",
        "  year ": "2024",
        "MONTH": "1",
        "Day": "15",
        "Time": "4:30 PM",
        "End Year": 2024,
        "End month": 1,
        "EndDay": 15,
        "End Time": "2300",
        "Media": "https://example.org/session.jpg",
        "Media Credit": "www.example.org/photos",
        "Alt Text": "The committee room",
        "Group": "Politics",
    },
    {"Headline": "Not a month", "  year ": 2024, "MONTH": 13, "Day": 1},
    {
        "Headline": "Hearing season",
        "  year ": 2024,
        "MONTH": 1,
        "End Year": 2024,
        "End month": 3,
        "Type": "era",
    },
    {
        "Headline": "Report due",
        "  year ": 2024,
        "MONTH": 3,
        "Day": 29,
        "End Year": 2024,
        "End month": 3,
        "EndDay": 31,
        "End Time": time(23, 59),
        "Display Date": "By 31 March",
        "Group": "Report",
    },
    {},
    {"Headline": "Forgotten under the blank row", "  year ": 2025},
]


def write_workbook(path: Path) -> Path:
    """The sheet as an XLSX workbook at ``path`` (its first worksheet; a second
    one that is not read)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Timeline"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([row.get(column) for column in HEADER])
    workbook.create_sheet("Sources").append(["Year", "Headline"])
    workbook.save(path)
    return path


if __name__ == "__main__":
    print(write_workbook(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURE))
