"""The timeline widget: its view and what it offers (tooltips, a cluster's menu, the
zoom that reaches events), its painting shared with export (the renderer, backdrop,
palette, glyphs, legend, and fitting to a font), and what a screen reader finds in it.
"""
