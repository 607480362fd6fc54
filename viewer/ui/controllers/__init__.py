"""What the window does that is not a widget: notes with undo, finding, filters, citations,
exports, imports, rescuing notes at quit.
"""
