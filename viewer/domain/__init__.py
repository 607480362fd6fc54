"""Qt-free domain model of a timeline."""
