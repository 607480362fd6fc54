"""The timeline widget: its view, painting (shared with export), palette, glyphs, legend, and
what a screen reader finds in it.
"""
