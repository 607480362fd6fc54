"""timeline-viewer: read fast-moving news as a timeline of events, claims and quotes."""

__version__ = "0.1.0"
