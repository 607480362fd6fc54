"""Qt-free: model files, the annotation store, application paths."""
