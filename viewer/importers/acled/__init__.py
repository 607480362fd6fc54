"""ACLED's CSV exports as a timeline, one event per row (Qt-free).

:mod:`~viewer.importers.acled.convert` reads the file as a stream and writes
the model file; :mod:`~viewer.importers.acled.header` finds the columns by
name, :mod:`~viewer.importers.acled.values` makes an event's date, kind,
title, places and coordinates from a row's text,
:mod:`~viewer.importers.acled.actors` keeps the actors and sources once per
name, and :mod:`~viewer.importers.acled.report` says what was imported.
"""
