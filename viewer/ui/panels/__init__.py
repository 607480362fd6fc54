"""The panels and dialogs a reader sees: details, quotes, events table, notes, find, filters,
layers.
"""
