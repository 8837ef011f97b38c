from __future__ import annotations

from pathlib import Path

import pytest
from mentorkit.scaffold import page_text

from tests.conftest import ROOT

SMALL = (ROOT / "tests" / "fixtures" / "small.yml").read_text(encoding="utf-8")

# A programme's own mkdocs.yml with the package installed, as the README gives it: the same
# file for mkdocs and Zensical.
PROGRAMME_CONFIG = """\
site_name: A programme
site_url: !ENV [SITE_URL, ""]
docs_dir: content
theme:
  name: mentorkit
  font: false
plugins:
  - material/search
  - mentorkit
markdown_extensions:
  - mentorkit
watch:
  - questionnaires
"""

# Its mkdocs.fr.yml, as the owners' page *Your own repository* gives it.
PROGRAMME_FRENCH_CONFIG = """\
INHERIT: mkdocs.yml
site_name: Notre programme
site_url: !ENV [SITE_URL_FR, ""]
docs_dir: content-fr
theme:
  language: fr
"""


def make_project(folder: Path, questionnaire: str = SMALL, title: str = "Small check") -> Path:
    """A programme's own repository: content (with the questionnaire's page, as `mentorkit new`
    writes it), questionnaires and mkdocs.yml, using our theme, extension and plugin."""
    (folder / "content" / "assessments").mkdir(parents=True)
    (folder / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    (folder / "content" / "listening.md").write_text("# Listening\n\nHow to listen.\n", encoding="utf-8")
    (folder / "content" / "assessments" / "small.md").write_text(page_text("small", title), encoding="utf-8")
    (folder / "questionnaires").mkdir()
    (folder / "questionnaires" / "small.yml").write_text(questionnaire, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(PROGRAMME_CONFIG, encoding="utf-8")
    return folder / "mkdocs.yml"


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path)
