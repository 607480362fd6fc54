"""UI fixtures: the bundled timeline and a fresh Selection."""

from __future__ import annotations

import pytest

from viewer.domain.model import Timeline
from viewer.persistence.model_file import load_timeline
from viewer.persistence.paths import bundled_timeline
from viewer.ui.selection import Selection


@pytest.fixture(scope="session")
def bundled() -> Timeline:
    return load_timeline(bundled_timeline())


@pytest.fixture
def selection() -> Selection:
    return Selection()
