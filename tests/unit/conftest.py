from __future__ import annotations

import pytest
from mentorkit.format.model import Questionnaire
from mentorkit.format.validate import load_questionnaire
from mentorkit.site.project import content_pages

from tests.unit.helpers import CONTENT, REAL_QUESTIONNAIRE, SAMPLE, load_text


@pytest.fixture
def sample() -> Questionnaire:
    return load_text(SAMPLE)


@pytest.fixture(scope="session")
def real() -> Questionnaire:
    return load_questionnaire(REAL_QUESTIONNAIRE, pages=content_pages(CONTENT))


@pytest.fixture
def write(tmp_path):
    """Write text (or bytes) to a file in a fresh folder and return its path."""

    def _write(content: str | bytes, name: str = "q.yml"):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
