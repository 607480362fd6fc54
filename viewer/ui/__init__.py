"""Everything that imports PySide6."""

from viewer.ui.pyside_import import read_sources_plainly

# Before any of the window's modules, so PySide6 looks at each of them cheaply.
read_sources_plainly()
