"""TimelineJS JSON as a timeline, one event per slide (Qt-free).

:mod:`~viewer.importers.timelinejs.convert` writes the model file;
:mod:`~viewer.importers.timelinejs.json_file` reads the file and refuses one
too large, :mod:`~viewer.importers.timelinejs.slides` makes events and eras
from slides, with their dates (:mod:`~viewer.importers.timelinejs.slide_dates`) and
sources (:mod:`~viewer.importers.timelinejs.sources`), the fields read by
:mod:`~viewer.importers.timelinejs.fields`;
:mod:`~viewer.importers.timelinejs.report` adds the notes;
:mod:`~viewer.importers.timelinejs.version2` reads a TimelineJS2 file as a TimelineJS3 one,
:mod:`~viewer.importers.timelinejs.sheet_file` a spreadsheet (CSV, XLSX; its columns by
:mod:`~viewer.importers.timelinejs.sheet_header`) whose rows
:mod:`~viewer.importers.timelinejs.sheet_rows` makes TimelineJS3 slides.
"""
