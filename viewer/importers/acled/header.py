"""An ACLED export's header: its columns, found by name in any case (Qt-free).

The current layout (31 columns, lower case) and the older one (upper case, no
``disorder_type``, with ``GWNO`` or ``EVENT_ID_NO_CNTY`` in some versions) are
both read; the report says when the older one was. A file without the
:data:`REQUIRED` columns is refused, naming the ones missing and the ones found.
"""

from __future__ import annotations

from viewer.domain.words import translate
from viewer.importers.common import ImportFailed, ImportReport, plain

# The columns an event cannot be made without: its id, its date and how
# precise it is, its kind and title, who took part and where.
REQUIRED = ("event_id_cnty", "event_date", "time_precision", "event_type", "actor1", "location")
# ACLED's coding of a row, read by acled.coding.coding_of, in its order.
CODING = (
    "inter1",
    "inter2",
    "civilian_targeting",
    "tags",
    "geo_precision",
    "source_scale",
)
# The columns used when they are there.
OPTIONAL = (
    "disorder_type",
    "sub_event_type",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "region",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
    *CODING,
    "timestamp",
)


def column_index(header: list[str], report: ImportReport) -> dict[str, int]:
    """Where each column of ``header`` is, by its name in lower case (the first of
    two with one name); raises :class:`~viewer.importers.common.ImportFailed`
    when a required one is missing. The older layout is noted in ``report``."""
    names = [column.strip().lower() for column in header]
    index: dict[str, int] = {}
    for i, column in enumerate(names):
        index.setdefault(column, i)
    missing = [column for column in REQUIRED if column not in index]
    if missing:
        empty = translate("importers", "(empty)")
        shown = ", ".join(plain(column, 40) or empty for column in header[:12])
        if len(header) > 12:
            shown = translate("importers", "{0}, ... ({1} columns)").format(shown, len(header))
        raise ImportFailed(
            translate("importers", "not an ACLED export: missing columns {0} (found: {1})").format(
                ", ".join(missing), shown
            ),
        )
    for older, current in (
        ("ally_actor_1", "assoc_actor_1"),
        ("ally_actor_2", "assoc_actor_2"),
    ):
        if current not in index and older in index:  # the older layout's name for them
            index[current] = index[older]
    originals = [header[index[column]].strip() for column in REQUIRED]
    if all(original.isupper() for original in originals):
        report.notes.append(
            translate("importers", "read the older ACLED layout (column names in capitals)")
            if "disorder_type" in index
            else translate(
                "importers",
                "read the older ACLED layout (column names in capitals, no disorder_type)",
            )
        )
    return index
