"""A real mkdocs build, inspected as HTML."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from mentorkit.project import load_all
from mentorkit.schema import schema_json
from mentorkit.spec import runtime_spec
from tests.build.conftest import SMALL, make_project
from tests.conftest import ROOT, free_port, mkdocs_build

PAGE = Path("assessments/mentor-competence/index.html")
CATEGORIES = ["Understanding Self", "Commitment to Self-Development", "Managing the Contract",
              "Building the Relationship", "Enabling Insight and Learning", "Outcome and Action Orientation",
              "Use of Models and Techniques", "Evaluation"]


class Elements(HTMLParser):
    """Every element with its attributes and the text directly inside it."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict, list[str]]] = []
        self.open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        entry = (tag, dict(attrs), [])
        self.found.append(entry)
        if tag not in ("input", "link", "meta", "img", "br", "hr", "source"):
            self.open.append(entry[2])

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        for texts in self.open:
            texts.append(data)

    def all(self, tag, **attrs):
        return [(a, "".join(t).strip()) for name, a, t in self.found
                if name == tag and all(a.get(k.replace("_", "-")) == v or (v is True and k.replace("_", "-") in a)
                                       for k, v in attrs.items())]


def html_of(site: Path, page: Path = PAGE) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_each_category_is_a_fieldset_of_labelled_radio_groups(built_site):
    page = Elements(html_of(built_site["dir"]))
    groups = page.all("fieldset", data_group=True)
    assert [a["data-group"] for a, _ in groups] == [
        "understanding-self", "commitment-to-self-development", "managing-the-contract", "building-the-relationship",
        "enabling-insight-and-learning", "outcome-and-action-orientation", "use-of-models-and-techniques", "evaluation"]
    legends = [text for a, text in page.all("h2") if "mk-group__title" in a.get("class", "")]
    assert legends == CATEGORIES
    items = page.all("fieldset", data_item=True)
    assert len(items) >= 96
    item_ids = {a["data-item"] for a, _ in items}
    radios = [a for a, _ in page.all("input", type="radio") if a.get("name") in item_ids]
    # The four answers of the scale, then "not applicable" apart from them, and no level badge
    # (it would invite answering upwards).
    assert len(radios) == 5 * len(items)
    assert [a["value"] for a in radios[:5]] == ["0", "1", "2", "3", "na"]
    labels = [text for a, text in page.all("label") if "mk-scale__option" in a.get("class", "")]
    assert labels[:5] == ["Not yet", "Sometimes", "Mostly", "Consistently", "Not applicable / no chance yet"]
    assert len(labels) == len(radios)  # every radio sits inside its own label
    assert "mk-item__level" not in html_of(built_site["dir"]) and "Master Practitioner" not in " ".join(t for _, t in items)


def test_the_scoring_rules_travel_as_inert_json(built_site):
    page = Elements(html_of(built_site["dir"]))
    (spec_text,) = [text for _, text in page.all("template", data_spec=True)]
    (q,) = load_all([ROOT / "questionnaires" / "mentor-competence.yml"], pages=None)
    spec = json.loads(spec_text)
    assert {k: v for k, v in spec.items() if k != "groups"} == {k: v for k, v in runtime_spec(q).items() if k != "groups"}
    assert [g["guidance"] for g in spec["groups"]] == [f"../../competences/{g.id}/" for g in q.groups]
    # The questionnaire carries no script of its own: the runtime comes from files.
    html = html_of(built_site["dir"])
    questionnaire = html[html.index('<div class="mk-questionnaire"'):html.index("</template>")]
    assert "<script" not in questionnaire


def test_without_javascript_every_statement_is_readable_and_the_page_says_scoring_needs_it(built_site):
    html = html_of(built_site["dir"])
    assert "<noscript>" in html and "need JavaScript" in html
    (q,) = load_all([ROOT / "questionnaires" / "mentor-competence.yml"], pages=None)
    texts = [text for _, text in Elements(html).all("legend") if text]
    for _, item in q.items():
        assert any(t.startswith(item.text) for t in texts), item.text


def test_no_page_asks_anything_of_another_origin(built_site):
    site = built_site["dir"]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for attrs, _ in Elements(html).all(tag):
                url = attrs.get(attribute) or ""
                assert not re.match(r"^(https?:)?//", url) or url.startswith(built_site["url"]), (page, url)


def test_the_runtime_styles_load_only_on_questionnaire_pages(built_site):
    site = built_site["dir"]
    assert 'data-mentorkit-styles' in html_of(site)
    assert 'data-mentorkit-styles' not in html_of(site, Path("competences/evaluation/index.html"))
    assert 'data-mentorkit-styles' not in html_of(site, Path("index.html"))


def test_nothing_of_ours_blocks_the_first_paint(built_site):
    """The theme fixes are inline, and Material's bundle is deferred, on every page."""
    site = built_site["dir"]
    fixes = (ROOT / "theme" / "assets" / "stylesheets" / "theme.min.css").read_text(encoding="utf-8").strip()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<head" not in html:
            continue  # a redirect stub
        assert f"<style data-mentorkit-theme>{fixes}</style>" in html, page
        assert "theme.min.css" not in html, page
        scripts = [attrs for attrs, _ in Elements(html).all("script") if "src" in attrs]
        bundle = [attrs for attrs in scripts if re.search(r"/javascripts/bundle\.\w+\.min\.js$", "/" + attrs["src"])]
        assert len(bundle) == 1 and "defer" in bundle[0], (page, scripts)
        assert all("defer" in attrs or attrs.get("type") == "module" for attrs in scripts), (page, scripts)


def test_the_json_schema_is_published_with_the_site(built_site):
    assert (built_site["dir"] / "schema" / "questionnaire.schema.json").read_text(encoding="utf-8") == schema_json()


def test_edit_this_page_opens_the_questionnaire_yaml(tmp_path):
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site", env={
        "REPO_URL": "https://git.example.org/programme/site", "EDIT_URI": "edit/main/content/"})
    assert result.returncode == 0, result.stderr
    links = [a["href"] for a, _ in Elements(html_of(tmp_path / "site")).all("a") if "md-content__button" in a.get("class", "")]
    assert links == ["https://git.example.org/programme/site/edit/main/questionnaires/mentor-competence.yml"]


def test_a_separate_project_builds_with_the_plugin_and_nothing_is_written_into_content(project):
    before = sorted(p.name for p in (project.parent / "content").rglob("*"))
    result = mkdocs_build(project, project.parent / "site")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project.parent / "content").rglob("*")) == before
    html = (project.parent / "site" / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "I notice what is left unsaid." in html
    assert 'href="../../listening/"' in html.replace("\\u0026", "&") or '"guidance":"../../listening/"' in html


def test_a_broken_questionnaire_fails_the_build_with_file_line_and_column(tmp_path):
    project = make_project(tmp_path, SMALL.replace("    items:\n      - {id: listen-b1", "    itmes:\n      - {id: listen-b1"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "questionnaires/small.yml:22:5: groups[0].itmes: unknown field 'itmes'; did you mean 'items'?" in output
    assert "Traceback" not in output


def test_markdown_the_build_could_not_render_in_good_time_fails_it_where_it_is_written(tmp_path):
    # Validation once accepted these; the build then died in a RecursionError or took minutes.
    nested = SMALL.replace("title: Small check\n", "title: Small check\nintro: |\n  " + "- " * 1000 + "x\n")
    brackets = SMALL.replace("title: Small check\n", "title: Small check\nintro: '" + "[" * 19000 + "'\n")
    for text, message in [
        (nested, "3:8: intro: lists or block quotes nested 1,000 deep (line 1 of the Markdown); at most 20 levels"),
        (brackets, "3:8: intro: 19,000 brackets '[' or '(' open at once, nested or never closed (line 1 of the"),
    ]:
        (tmp_path / str(len(text))).mkdir()
        project = make_project(tmp_path / str(len(text)), text)
        started = time.monotonic()
        result = mkdocs_build(project, tmp_path / "site")
        assert time.monotonic() - started < 30
        assert result.returncode == 1
        output = result.stdout + result.stderr
        assert f"questionnaires/small.yml:{message}" in output
        assert "Traceback" not in output


def test_a_guidance_link_to_a_missing_page_fails_the_build(tmp_path):
    project = make_project(tmp_path, SMALL.replace("guidance: listening.md", "guidance: listen.md"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "questionnaires/small.yml:21:15: groups[0].guidance: no page 'listen.md' in the site; did you mean 'listening.md'?" in output
    assert "Traceback" not in output


def test_mkdocs_serve_rebuilds_when_a_questionnaire_changes(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project)],
        cwd=project.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/assessments/small/"

    def page_text() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            return ""

    def wait_for(text: str) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if text in page_text():
                return True
            time.sleep(0.5)
        return False

    try:
        assert wait_for("I ask open questions."), "mkdocs serve never served the questionnaire"
        yml = project.parent / "questionnaires" / "small.yml"
        yml.write_text(yml.read_text().replace("I ask open questions.", "I ask questions that open things up."))
        assert wait_for("I ask questions that open things up."), "the page was not rebuilt after the YAML changed"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _policies(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        meta = re.search(r'<head[^>]*><meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta, f"{page}: the policy must be the first element of <head>"
        found.add(meta.group(1))
    return found


def test_every_page_of_both_languages_carries_one_policy_and_a_headers_file_is_written(built_site):
    site = built_site["dir"]
    policies = _policies(site)
    assert len(policies) == 1  # instant navigation keeps the first page's policy, hosts read one _headers: all agree
    (policy,) = policies
    assert "script-src 'self' 'sha256-" in policy and "style-src 'self' 'sha256-" in policy and "unsafe" not in policy
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {policy}; frame-ancestors 'none'" in headers
    assert all(page.read_text(encoding="utf-8").count('<meta name="referrer" content="no-referrer">') == 1 for page in site.rglob("*.html"))


def test_search_finds_statements_but_not_the_machinery_around_them(built_site):
    index = json.loads((built_site["dir"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    page = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("assessments/mentor-competence/"))
    assert "I agree with my mentee" in page or "confidential" in page  # the statements are searchable
    assert '"version"' not in page and "group_noun" not in page  # the scoring JSON is not
    assert page.count("Consistently") <= 2  # nor the radio labels of every statement


def test_a_programmes_own_repository_builds_with_the_toolkit_from_its_wheel(tmp_path):
    """The package alone (no checkout of this repository) carries plugin, theme, runtime and sentences."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("mentorkit-*.whl")
    installed = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", str(wheel), "--no-deps", "-q", "--target", str(installed)],
                   check=True, capture_output=True, timeout=300)
    (tmp_path / "programme").mkdir()
    project = make_project(tmp_path / "programme")
    result = mkdocs_build(project, tmp_path / "site", env={"PYTHONPATH": str(installed)})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    page = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "I ask open questions." in page and "data-messages" in page
    for shipped in ("assets/javascripts/mentorkit.js", "assets/javascripts/mentorkit-runtime/levels.js",
                    "assets/stylesheets/mentorkit.min.css", "assets/stylesheets/theme.min.css",
                    "schema/questionnaire.schema.json"):
        assert (site / shipped).is_file(), shipped
    assert "data-mentorkit-styles" in page  # the theme's main.html override came too
    probe = subprocess.run([sys.executable, "-c", "import mentorkit; print(mentorkit.__file__)"],
                           env={**os.environ, "PYTHONPATH": str(installed)}, cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert probe.stdout.startswith(str(installed))  # built from the wheel, not from this checkout
