"""``python -m viewer``: the same as the ``timeline-viewer`` command."""

import sys

from viewer.cli import main

sys.exit(main())
