from __future__ import annotations

from pathlib import Path

import pytest
from mentorkit.commands.scaffold import page_text

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

# A site in two languages, as the owners' page *Your own repository* sets it up: what the languages
# share in a file each inherits (Zensical adds an inherited list to a file's own: a language file
# inheriting mkdocs.yml would get both languages' switcher entries), and each language's own view
# of the addresses in its switcher.
PROGRAMME_SHARED = """\
# mkdocs.shared.yml: what every language's site shares
theme:
  name: mentorkit
  font: false
plugins:
  - material/search
  - mentorkit
markdown_extensions:
  mentorkit: {}  # a mapping, which a language file's options are merged into
watch:
  - questionnaires
"""
PROGRAMME_ENGLISH_CONFIG = """\
# mkdocs.yml: the main language, and the languages of the site
INHERIT: mkdocs.shared.yml
site_name: A programme
site_url: !ENV [SITE_URL, ""]
docs_dir: content
extra:
  alternate:
    - {name: English, link: ./, lang: en}
    - {name: Français, link: fr/, lang: fr}
"""
PROGRAMME_FRENCH_CONFIG = """\
# mkdocs.fr.yml: the French site; its switcher's links start from fr/
INHERIT: mkdocs.shared.yml
site_name: Notre programme
site_url: !ENV [SITE_URL_FR, ""]
docs_dir: content-fr
theme:
  language: fr
extra:
  alternate:
    - {name: English, link: ../, lang: en}
    - {name: Français, link: ./, lang: fr}
"""


def write_bilingual_config(folder: Path) -> Path:
    """The three configuration files of a site in English and French; the main one's path."""
    (folder / "mkdocs.shared.yml").write_text(PROGRAMME_SHARED, encoding="utf-8")
    (folder / "mkdocs.fr.yml").write_text(PROGRAMME_FRENCH_CONFIG, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(PROGRAMME_ENGLISH_CONFIG, encoding="utf-8")
    return folder / "mkdocs.yml"


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
