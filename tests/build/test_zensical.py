"""What Zensical (the pinned release, see pyproject.toml) cannot do yet, or does differently.

Each test asserts today's limitation and is named after it: when a release lifts it, the
test fails, and the README's list of limitations, and the workaround, can change with it.
Everything else is tested on both generators alike (the each_site and generator fixtures).
"""

from __future__ import annotations

import json
import os
import py_compile
import subprocess
import sys
from pathlib import Path

from tests.build.conftest import PROGRAMME_CONFIG, SMALL, make_project
from tests.build.test_build import Elements, html_of
from tests.build.test_owner import mentorkit
from tests.conftest import ROOT, copy_repository, mkdocs_build, zensical_build


def output_of(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def edit_links(site: Path, page: str) -> list[str]:
    html = html_of(site, Path(page))
    return [a["href"] for a, _ in Elements(html).all("a") if "md-content__button" in a.get("class", "")]


def test_zensical_runs_no_mkdocs_plugin_so_edit_links_open_the_markdown_page_not_the_yaml(tmp_path):
    project = copy_repository(tmp_path)
    env = {"REPO_URL": "https://git.example.org/programme/site", "EDIT_URI": "edit/main/content/"}
    result = zensical_build(project / "mkdocs.yml", env=env)
    assert result.returncode == 0, output_of(result)
    assert edit_links(project / "site", "assessments/mentor-competence/index.html") == [
        "https://git.example.org/programme/site/edit/main/content/assessments/mentor-competence.md"
    ]  # mkdocs, with the plugin: .../edit/main/questionnaires/mentor-competence.yml


def test_zensical_runs_no_mkdocs_plugin_so_the_json_schemas_are_not_published(zensical_site):
    assert not (zensical_site["dir"] / "schema").exists()  # mkdocs: schema/*.schema.json


def test_zensical_search_styles_itself_inline_so_its_sites_allow_inline_styles(zensical_site):
    """Its bundle puts a <style> element of its own into the search's shadow root: no page holds
    its text to hash, so the policy allows styles inline there (never scripts)."""
    (policy,) = {
        line
        for line in (zensical_site["dir"] / "_headers").read_text().splitlines()
        if "Content-Security-Policy:" in line
    }
    assert "style-src 'self' 'unsafe-inline';" in policy
    assert "script-src 'self' 'sha256-" in policy and "script-src 'self' 'unsafe" not in policy


class Author:
    """Edits a questionnaire of a project, then runs `zensical build` as an author does (the
    zensical_build helper adds --clean, which empties the cache this is about). Each save
    is stamped with the time given, in seconds, so that the tests do not depend on how fast
    the machine is."""

    def __init__(self, project: Path):
        self.project = project
        self.yml = project.parent / "questionnaires" / "small.yml"
        self.page = project.parent / "site" / "assessments" / "small" / "index.html"
        self.clock = 1_900_000_000.0

    def save(self, old: str, new: str, *, after: float) -> None:
        self.yml.write_text(self.yml.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        self.clock += after
        os.utime(self.yml, (self.clock, self.clock))

    def build(self) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "-f", str(self.project)],
            cwd=self.project.parent,
            capture_output=True,
        )
        assert result.returncode == 0, result.stderr
        return self.page.read_text(encoding="utf-8")


def test_zensical_renders_a_page_again_only_when_its_markdown_or_a_watched_file_changed(tmp_path):
    """Zensical keeps each page's HTML in .cache/ between builds, keyed by the page's
    Markdown, the configuration and the files listed under `watch`: an extension's other
    inputs (the questionnaire YAML) are unknown to it. The README says to watch the folder."""
    author = Author(make_project(tmp_path))
    author.project.write_text(PROGRAMME_CONFIG.replace("watch:\n  - questionnaires\n", ""), encoding="utf-8")
    assert "I ask open questions." in author.build()
    author.save("I ask open questions.", "I ask good questions.", after=10)
    assert "I ask good questions." not in author.build()  # the page from .cache/, as it was
    author.project.write_text(PROGRAMME_CONFIG, encoding="utf-8")  # now watching the folder
    assert "I ask good questions." in author.build()
    author.save("I ask good questions.", "I ask better questions.", after=10)
    assert "I ask better questions." in author.build()


def test_zensical_misses_a_second_save_of_a_watched_file_within_the_same_second(tmp_path):
    """Zensical knows a watched file by its time of change in whole seconds."""
    author = Author(make_project(tmp_path))
    author.save("", "", after=0.1)
    assert "I ask open questions." in author.build()
    author.save("I ask open questions.", "I ask good questions.", after=0.5)
    assert "I ask good questions." not in author.build()  # the page from .cache/, as it was
    author.save("", "", after=1)
    assert "I ask good questions." in author.build()


def test_zensical_appends_to_an_inherited_list_where_mkdocs_replaces_it(tmp_path):
    """Why mkdocs.shared.yml holds no list that a site's own file sets again."""
    make_project(tmp_path)
    (tmp_path / "base.yml").write_text(PROGRAMME_CONFIG + "nav:\n  - index.md\n  - listening.md\n", encoding="utf-8")
    (tmp_path / "child.yml").write_text("INHERIT: base.yml\nnav:\n  - listening.md\n", encoding="utf-8")
    assert mkdocs_build(tmp_path / "child.yml", tmp_path / "mkdocs-site").returncode == 0
    assert zensical_build(tmp_path / "child.yml").returncode == 0

    def nav(site: Path) -> list[str]:
        html = html_of(site, Path("listening/index.html"))
        primary = html[html.index('data-md-type="navigation"') : html.index('data-md-type="toc"')]
        return [text for a, text in Elements(primary).all("a") if "md-nav__link" in a.get("class", "") and text]

    assert nav(tmp_path / "mkdocs-site") == ["Listening"]
    assert nav(tmp_path / "site") == ["Home", "Listening", "Listening"]


def test_zensical_shows_an_authors_mistake_inside_a_python_traceback(tmp_path):
    project = make_project(tmp_path)
    (tmp_path / "content" / "listening.md").write_text(
        "# Listening\n\n::: questionnaire small/speaking\n", encoding="utf-8"
    )
    result = zensical_build(project)
    assert result.returncode == 1
    assert "content/listening.md:3:1: questionnaire 'small' has no group 'speaking'" in output_of(result)
    assert "Traceback (most recent call last)" in output_of(result)  # mkdocs: the message alone


def test_zensical_ends_a_strict_build_that_found_issues_with_a_python_traceback(tmp_path):
    project = make_project(tmp_path)
    project.write_text(PROGRAMME_CONFIG + "strict: true\n", encoding="utf-8")
    (tmp_path / "content" / "listening.md").write_text("# Listening\n\n[Gone](gone.md)\n", encoding="utf-8")
    result = zensical_build(project)
    assert result.returncode == 1
    assert "page does not exist" in output_of(result)
    assert "RuntimeError: Aborted because --strict flag is set" in output_of(result)
    assert "Traceback (most recent call last)" in output_of(result)


def test_zensical_shows_an_edit_button_to_another_host_when_repo_url_is_an_empty_string(tmp_path):
    """Why mkdocs.shared.yml leaves repo_url unset, not empty, without REPO_URL."""
    project = make_project(tmp_path)
    config = PROGRAMME_CONFIG.replace("  font: false\n", "  font: false\n  features: [content.action.edit]\n")
    project.write_text(config + 'repo_url: ""\nedit_uri: ""\n', encoding="utf-8")
    assert zensical_build(project).returncode == 0
    assert edit_links(tmp_path / "site", "index.html") == ["//index.md"]  # mkdocs: no button


def test_zensical_copies_the_theme_folders_python_and_configuration_files(tmp_path):
    """The theme folder is also the package mentorkit.theme; mkdocs leaves out *.py, __pycache__ and
    mkdocs_theme.yml. Zensical copies them all, and `mentorkit policy` takes them out again."""
    project = copy_repository(tmp_path)
    py_compile.compile(str(project / "theme" / "__init__.py"), doraise=True)  # as an import leaves it
    result = zensical_build(project / "mkdocs.yml")
    assert result.returncode == 0, output_of(result)
    site = project / "site"
    copied = ["__init__.py", "mkdocs_theme.yml", "__pycache__"]
    assert [name for name in copied if (site / name).exists()] == copied
    policy = mentorkit("policy", str(site), cwd=ROOT)
    assert policy.returncode == 0, policy.stderr
    assert "copied of the theme's Python package: __init__.py, __pycache__, mkdocs_theme.yml" in policy.stdout
    assert [name for name in copied if (site / name).exists()] == []
    assert (site / "assessments" / "mentor-competence" / "index.html").is_file()


def test_zensical_indexes_the_noscript_notice_as_markup(zensical_site):
    items = json.loads((zensical_site["dir"] / "search.json").read_text(encoding="utf-8"))["items"]
    (page,) = [i["text"] for i in items if i["location"] == "assessments/mentor-competence/"]
    assert '&lt;p class="mk-notice" data-search-exclude&gt;' in page  # Material leaves it out of its index


def test_zensical_builds_only_inside_the_project_folder(tmp_path):
    """No --site-dir option, and site_dir may not leave the project: the tests copy it."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", SMALL)
    project.write_text(PROGRAMME_CONFIG + f"site_dir: {tmp_path / 'elsewhere'}\n", encoding="utf-8")
    result = zensical_build(project)
    assert result.returncode == 1
    assert "site_dir must be within project root" in output_of(result)
    assert (
        "--site-dir"
        not in subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--help"], capture_output=True, text=True, cwd=ROOT
        ).stdout
    )
