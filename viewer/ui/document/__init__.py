"""What is open: the timeline and its layers, how it is loaded, watched and remembered, and
where the reader is in it.
"""
