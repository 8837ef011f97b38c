from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

SMALL = (ROOT / "tests" / "fixtures" / "small.yml").read_text(encoding="utf-8")


def make_project(folder: Path, questionnaire: str = SMALL) -> Path:
    """A programme's own repository: content, questionnaires and mkdocs.yml, using our plugin and theme."""
    (folder / "content").mkdir()
    (folder / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    (folder / "content" / "listening.md").write_text("# Listening\n\nHow to listen.\n", encoding="utf-8")
    (folder / "questionnaires").mkdir()
    (folder / "questionnaires" / "small.yml").write_text(questionnaire, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: A programme\n"
        "docs_dir: content\n"
        "theme:\n  name: material\n  font: false\n"  # the plugin brings its own theme
        "plugins:\n  - mentorkit\n",
        encoding="utf-8")
    return folder / "mkdocs.yml"


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path)
