"""Fails unless a PNG shows something: of a fair size, and not one flat colour.

python packaging/check_png.py FILE
"""

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage


def main() -> int:
    path = Path(sys.argv[1])
    app = QGuiApplication(["check_png", "-platform", "offscreen"])  # noqa: F841 - QImage needs it
    image = QImage(str(path))
    if image.isNull():
        print(f"{path}: not a picture", file=sys.stderr)
        return 1
    width, height = image.width(), image.height()
    colours = {image.pixel(x, y) for y in range(0, height, 4) for x in range(0, width, 4)}
    size = path.stat().st_size
    print(f"{path.name}: {width}×{height}, {len(colours)} colours, {size:,} bytes")
    if width < 400 or height < 200 or len(colours) < 16:
        print(f"{path}: empty or too small", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
