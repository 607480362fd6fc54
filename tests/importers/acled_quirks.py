"""An ACLED export with every quirk the importer reads, made from the fixture's
rows: what pins the import's output byte for byte (test_acled_pinned.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.importers.test_acled import fixture_rows

# A value put into a column every so many rows (the row's number modulo the
# first, equal to the second), in this order.
_QUIRKS: list[tuple[int, int, str, str]] = [
    (7, 1, "actor2", "NA"),
    (7, 1, "admin2", "NA"),
    (9, 2, "notes", "NA"),
    (11, 2, "event_date", "30.06.2022"),
    (13, 3, "time_precision", "2"),
    (17, 4, "time_precision", "3"),
    (19, 5, "time_precision", "9"),
    (29, 7, "fatalities", "x"),
    (29, 8, "fatalities", "-1"),
    (31, 9, "fatalities", "12"),
    (37, 8, "latitude", ""),
    (37, 9, "latitude", "91"),
    (37, 10, "longitude", "abc"),
    (41, 9, "timestamp", "not a number"),
    (41, 10, "timestamp", "1656950186.5"),
    (41, 11, "timestamp", "1656950186.0"),
    (43, 10, "tags", "crowd size=no report; armed presence;a=;;"),
    (47, 11, "geo_precision", "2"),
    (47, 12, "geo_precision", "3"),
    (47, 13, "geo_precision", "7"),
    (53, 12, "inter1", "State forces"),
    (53, 13, "inter1", "9"),
    (53, 14, "inter2", "2.0"),
    (53, 15, "civilian_targeting", "Civilian targeting"),
    (59, 13, "notes", "Line one\r\nline two\x07 and a bell\tand a tab " + "long " * 4500),
    (61, 14, "event_id_cnty", "\u00c5RG 1/2"),
    (61, 15, "event_id_cnty", "-lead"),
    (67, 15, "event_type", ""),
    (67, 16, "location", " "),
    (73, 17, "event_date", "04 June 2022"),
    (73, 18, "event_date", "4-Jun-22"),
    (73, 19, "event_date", "18/04/2001"),
    (73, 20, "event_date", "2022-06-04 00:00:00"),
    (79, 18, "event_type", "Weird stuff"),
    (79, 19, "event_type", "Strategic developments"),
    (79, 19, "sub_event_type", "Agreement"),
    (83, 20, "location", "Very long place " * 40),
    (89, 21, "source", "Clarin; La Nacion;Clarin; ;Pagina 12"),
    (97, 22, "assoc_actor_1", "Government of Argentina (1989-); NA; Teachers (Argentina)"),
    (101, 23, "actor1", "Military Forces of Argentina (2019-2023)"),
    (103, 24, "notes", "Control \x1b[31m red \x85 next line"),
]


def quirky_rows(rows: int = 1_500) -> tuple[list[str], list[list[str]]]:
    """The header and ``rows`` rows: the fixture's over and over, each with its
    own id, quirks as above, a repeated id and a row of too few fields."""
    header, base = fixture_rows()
    column = {name: i for i, name in enumerate(header)}
    made: list[list[str]] = []
    for i in range(rows):
        row = list(base[i % len(base)])
        row[column["event_id_cnty"]] = f"ARG{100_000 + i}"
        for every, at, name, value in _QUIRKS:
            if i % every == at:
                row[column[name]] = value
        if i % 23 == 6 and made:  # the id of the row before
            row[column["event_id_cnty"]] = made[-1][column["event_id_cnty"]]
        if i % 71 == 16:
            row = row[:5]
        made.append(row)
    return header, made


def write_quirky_csv(path: Path, rows: int = 1_500) -> Path:
    header, made = quirky_rows(rows)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows([header, *made])
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def write_quirky_api(path: Path, rows: int = 1_500) -> Path:
    """The same rows as ACLED's API answers them (the short row left out)."""
    header, made = quirky_rows(rows)
    records = [dict(zip(header, row, strict=True)) for row in made if len(row) == len(header)]
    body = {"status": 200, "success": True, "count": len(records), "data": records}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path
