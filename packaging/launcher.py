"""The bundle's entry point: the same program as the installed ``timeline-viewer``."""

import sys

from viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
