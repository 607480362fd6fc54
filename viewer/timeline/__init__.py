"""The Qt-free view logic over a timeline (above :mod:`viewer.domain`, below the
persistence, importers, command line and window): the columnar index, the
axis' ticks, the layout, search, filters, and timelines stacked over one
another. Nothing here imports PySide6."""
