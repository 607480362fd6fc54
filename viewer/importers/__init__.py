"""Timelines written elsewhere, turned into model files (Qt-free).

:mod:`viewer.importers.timelinejs` reads TimelineJS JSON, and
:mod:`viewer.importers.acled` ACLED's CSV exports. Each writes a model file
through :class:`~viewer.importers.common.ModelWriter` (streamed, and checked as
it is written: an export never needs its size in memory) and says what it
could not take, by row or JSON path, in an :class:`~viewer.importers.common.ImportReport`.
"""
