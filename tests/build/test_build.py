"""Real builds, by mkdocs and by Zensical, inspected as HTML."""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mentorkit.format.schema import schema_json
from mentorkit.site.project import load_all
from mentorkit.site.spec import runtime_spec

from tests.build.conftest import PROGRAMME_CONFIG, SMALL, make_project
from tests.conftest import GENERATORS, ROOT, build, mkdocs_build

PAGE = Path("assessments/mentor-competence/index.html")
CATEGORIES = [
    "Understanding Self",
    "Commitment to Self-Development",
    "Managing the Contract",
    "Building the Relationship",
    "Enabling Insight and Learning",
    "Outcome and Action Orientation",
    "Use of Models and Techniques",
    "Evaluation",
]


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
        return [
            (a, "".join(t).strip())
            for name, a, t in self.found
            if name == tag
            and all(
                a.get(k.replace("_", "-")) == v or (v is True and k.replace("_", "-") in a) for k, v in attrs.items()
            )
        ]


def html_of(site: Path, page: Path = PAGE) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_each_category_is_a_fieldset_of_labelled_radio_groups(each_site):
    page = Elements(html_of(each_site["dir"]))
    groups = page.all("fieldset", data_group=True)
    assert [a["data-group"] for a, _ in groups] == [
        "understanding-self",
        "commitment-to-self-development",
        "managing-the-contract",
        "building-the-relationship",
        "enabling-insight-and-learning",
        "outcome-and-action-orientation",
        "use-of-models-and-techniques",
        "evaluation",
    ]
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
    assert "mk-item__level" not in html_of(each_site["dir"]) and "Master Practitioner" not in " ".join(
        t for _, t in items
    )


def test_the_scoring_rules_travel_as_inert_json(each_site):
    page = Elements(html_of(each_site["dir"]))
    (spec_text,) = [text for _, text in page.all("template", data_spec=True)]
    (q,) = load_all([ROOT / "questionnaires" / "mentor-competence.yml"], pages=None)
    spec = json.loads(spec_text)
    assert {k: v for k, v in spec.items() if k not in ("groups", "journal")} == {
        k: v for k, v in runtime_spec(q).items() if k != "groups"
    }
    # The site's journal takes its categories as tags: the development plan links to it.
    assert spec["journal"] == "../../journal/"
    assert [g["guidance"] for g in spec["groups"]] == [f"../../competences/{g.id}/" for g in q.groups]
    # The questionnaire carries no script of its own: the runtime comes from files.
    html = html_of(each_site["dir"])
    questionnaire = html[html.index('<div class="mk-questionnaire"') : html.index("</template>")]
    assert "<script" not in questionnaire


def test_without_javascript_every_statement_is_readable_and_the_page_says_scoring_needs_it(each_site):
    html = html_of(each_site["dir"])
    assert "<noscript>" in html and "need JavaScript" in html
    (q,) = load_all([ROOT / "questionnaires" / "mentor-competence.yml"], pages=None)
    texts = [text for _, text in Elements(html).all("legend") if text]
    for item in [item for _, item in q.items()]:
        assert any(t.startswith(item.text) for t in texts), item.text


def test_no_page_asks_anything_of_another_origin(each_site):
    site = each_site["dir"]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for attrs, _ in Elements(html).all(tag):
                url = attrs.get(attribute) or ""
                assert not re.match(r"^(https?:)?//", url) or url.startswith(each_site["url"]), (page, url)


def test_the_runtime_styles_load_only_on_pages_that_hold_a_questionnaire(each_site):
    site = each_site["dir"]
    assert "data-mentorkit-styles" in html_of(site)
    assert "data-mentorkit-styles" in html_of(site, Path("about/what-is-mentoring/index.html"))  # a group block
    assert "data-mentorkit-styles" not in html_of(site, Path("competences/evaluation/index.html"))
    assert "data-mentorkit-styles" not in html_of(site, Path("index.html"))


def toc_of(html: str) -> list[tuple[str, str]]:
    """The page's table of contents, as the theme shows it: (link, text) of each entry."""
    toc = html[html.index('data-md-type="toc"') :]
    toc = toc[: toc.index("</nav>")]
    return [(a["href"], text) for a, text in Elements(toc).all("a") if a.get("href", "").startswith("#")]


def test_the_table_of_contents_lists_every_group_of_a_questionnaire_and_its_results(each_site):
    entries = toc_of(html_of(each_site["dir"]))
    assert [text for _, text in entries] == [*CATEGORIES, "Your results"]
    ids = {a["id"] for _, a, _ in Elements(html_of(each_site["dir"])).found if "id" in a}
    assert all(href[1:] in ids for href, _ in entries)  # each entry leads to its group on the page


def test_a_group_placed_in_a_guidance_page_adds_nothing_to_its_table_of_contents(each_site):
    page = ROOT / "content" / "about" / "what-is-mentoring.md"
    headings = [
        line.lstrip("#").strip() for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("##")
    ]
    entries = toc_of(html_of(each_site["dir"], Path("about/what-is-mentoring/index.html")))
    assert [text for _, text in entries] == headings  # its own headings, the blocks' "Questions to consider" among them


def test_nothing_of_ours_blocks_the_first_paint(each_site):
    """The theme fixes are inline, and Material's bundle is deferred, on every page."""
    site = each_site["dir"]
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
    # The mkdocs plugin adds the files; Zensical runs no plugin (test_zensical.py records it).
    assert (built_site["dir"] / "schema" / "questionnaire.schema.json").read_text(encoding="utf-8") == schema_json()


def test_edit_this_page_opens_the_questionnaire_yaml(tmp_path):
    result = mkdocs_build(
        ROOT / "mkdocs.yml",
        tmp_path / "site",
        env={"REPO_URL": "https://git.example.org/programme/site", "EDIT_URI": "edit/main/content/"},
    )
    assert result.returncode == 0, result.stderr
    links = [
        a["href"]
        for a, _ in Elements(html_of(tmp_path / "site")).all("a")
        if "md-content__button" in a.get("class", "")
    ]
    assert links == ["https://git.example.org/programme/site/edit/main/questionnaires/mentor-competence.yml"]
    guidance = Elements(html_of(tmp_path / "site", Path("about/what-is-mentoring/index.html")))
    assert [a["href"] for a, _ in guidance.all("a") if "md-content__button" in a.get("class", "")] == [
        "https://git.example.org/programme/site/edit/main/content/about/what-is-mentoring.md"
    ]  # a page that only places a group is edited as Markdown


def output_of(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def test_a_programmes_own_repository_builds_and_nothing_is_written_into_content(project, generator):
    before = sorted(p.name for p in (project.parent / "content").rglob("*"))
    result, site = build(generator, project)
    assert result.returncode == 0, output_of(result)
    assert sorted(p.name for p in (project.parent / "content").rglob("*")) == before
    html = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "I notice what is left unsaid." in html
    assert '"guidance":"../../listening/"' in html


def test_the_plugin_switched_off_leaves_the_site_to_the_extension(tmp_path):
    project = make_project(tmp_path)
    project.write_text(
        PROGRAMME_CONFIG.replace("  - mentorkit\n", "  - mentorkit:\n      enabled: false\n", 1), encoding="utf-8"
    )
    result, site = build("mkdocs", project)
    assert result.returncode == 0, output_of(result)
    page = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "I ask open questions." in page
    assert '<meta http-equiv="Content-Security-Policy" content="mentorkit-policy">' in page  # for mentorkit policy
    assert not (site / "schema").exists() and not (site / "_headers").exists()


def test_the_plugin_asks_for_the_extension_without_which_zensical_would_show_no_questionnaire(tmp_path):
    project = make_project(tmp_path)
    project.write_text(PROGRAMME_CONFIG.replace("markdown_extensions:\n  - mentorkit\n", ""), encoding="utf-8")
    result, _ = build("mkdocs", project)
    assert result.returncode == 1
    assert "the mentorkit plugin needs the mentorkit Markdown extension" in output_of(result)
    assert "Traceback" not in output_of(result)


def test_the_plugin_warns_when_the_theme_that_scores_the_questionnaires_is_not_in_use(tmp_path):
    project = make_project(tmp_path)
    project.write_text(PROGRAMME_CONFIG.replace("name: mentorkit", "name: material"), encoding="utf-8")
    result, _ = build("mkdocs", project)
    assert result.returncode == 1  # --strict
    assert "the toolkit's theme is not in use, so questionnaires are shown but never scored" in output_of(result)


def test_a_broken_questionnaire_fails_the_build_with_file_line_and_column(tmp_path, generator):
    project = make_project(
        tmp_path, SMALL.replace("    items:\n      - {id: listen-b1", "    itmes:\n      - {id: listen-b1")
    )
    result, _ = build(generator, project)
    assert result.returncode == 1
    assert "questionnaires/small.yml:22:5: groups[0].itmes: unknown field 'itmes'; did you mean 'items'?" in output_of(
        result
    )
    if generator == "mkdocs":  # Zensical shows it inside a traceback (test_zensical.py records it)
        assert "Traceback" not in output_of(result)


def test_a_misnamed_questionnaires_folder_is_named_in_the_error(tmp_path, generator):
    project = make_project(tmp_path)
    project.write_text(
        PROGRAMME_CONFIG.replace(
            "  - mentorkit\nwatch", "  - mentorkit:\n      questionnaires_dir: questionaires\nwatch"
        ),
        encoding="utf-8",
    )
    result, _ = build(generator, project)
    assert result.returncode == 1
    assert (
        "mkdocs.yml:12:27: markdown_extensions.mentorkit.questionnaires_dir: no folder 'questionaires' next to the "
        "configuration file" in output_of(result)
    )


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


def test_a_guidance_link_to_a_missing_page_fails_the_build(tmp_path, generator):
    project = make_project(tmp_path, SMALL.replace("guidance: listening.md", "guidance: listen.md"))
    result, _ = build(generator, project)
    assert result.returncode == 1
    assert (
        "questionnaires/small.yml:21:15: groups[0].guidance: no page 'listen.md' in the site; did you mean 'listening.md'?"
        in output_of(result)
    )
    if generator == "mkdocs":
        assert "Traceback" not in output_of(result)


UNICODE_TITLE = "🌱 Grow — été ✓ 日本語 « <b> & » *"


def test_a_title_keeps_every_character_in_the_page_title_heading_and_navigation(tmp_path, generator):
    """Issue 11, defect 6 (the generated page's front matter lost an emoji): now the title is the
    page's own Markdown heading, and every character survives on both generators."""
    questionnaire = SMALL.replace("title: Small check", f"title: {json.dumps(UNICODE_TITLE, ensure_ascii=False)}")
    result, site = build(generator, make_project(tmp_path, questionnaire, title=UNICODE_TITLE))
    assert result.returncode == 0, output_of(result)
    for page in ("assessments/small/index.html", "index.html"):
        elements = Elements(html_of(site, Path(page)))
        nav = [text for a, text in elements.all("a") if "md-nav__link" in a.get("class", "")]
        assert UNICODE_TITLE in nav, (page, nav)
    html = html_of(site, Path("assessments/small/index.html"))
    title = htmllib.unescape(re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1))  # as a browser reads it
    assert title.startswith(UNICODE_TITLE + " - "), title
    ((_, heading),) = Elements(html).all("h1")
    assert heading == UNICODE_TITLE


def _policies(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        meta = re.search(r'<head[^>]*>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta, f"{page}: the policy must be the first element of <head>"
        found.add(meta.group(1))
    return found


def test_every_page_of_both_languages_carries_one_policy_and_a_headers_file_is_written(each_site):
    site = each_site["dir"]
    policies = _policies(site)
    assert len(policies) == 1  # instant navigation keeps the first page's policy, hosts read one _headers: all agree
    (policy,) = policies
    assert "script-src 'self' 'sha256-" in policy and "unsafe-eval" not in policy
    if each_site["generator"] == "mkdocs":  # Zensical: see test_zensical.py
        assert "style-src 'self' 'sha256-" in policy and "unsafe" not in policy
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {policy}; frame-ancestors 'none'" in headers
    assert all(
        page.read_text(encoding="utf-8").count('<meta name="referrer" content="no-referrer">') == 1
        for page in site.rglob("*.html")
    )


def search_entries(site: dict, language: str = "") -> list[dict]:
    """What the site's search can list, for the language published in ``language`` ("" or "fr/"):
    Material's index, or Zensical's."""
    if site["generator"] == "mkdocs":
        index = site["dir"] / language / "search" / "search_index.json"
        return json.loads(index.read_text(encoding="utf-8"))["docs"]
    return json.loads((site["dir"] / language / "search.json").read_text(encoding="utf-8"))["items"]


def search_text(site: dict, page: str) -> str:
    """What the site's search finds on a page."""
    return " ".join(e["text"] for e in search_entries(site) if e["location"].startswith(page))


@pytest.mark.parametrize("language", ["", "fr/"])
def test_search_lists_each_page_once_and_each_section_under_its_own_heading(each_site, language):
    """A heading the runtime fills in or shows later (a questionnaire's results, the journal's parts
    and its entry forms) is left out of the index: before, each made an entry titled as its page,
    and a search for "journal" listed the journal fourteen times."""
    entries = search_entries(each_site, language)
    pages = {e["location"]: e["title"] for e in entries if "#" not in e["location"]}
    again = [
        e["location"] for e in entries if "#" in e["location"] and e["title"] == pages.get(e["location"].split("#")[0])
    ]
    assert again == []
    assert all(e["title"].strip() for e in entries)
    assert len(entries) == len({e["location"] for e in entries})


def test_search_finds_statements_but_not_the_machinery_around_them(each_site):
    page = search_text(each_site, "assessments/mentor-competence/")
    assert "I agree with my mentee" in page or "confidential" in page  # the statements are searchable
    assert '"version"' not in page and "group_noun" not in page  # the scoring JSON is not
    assert page.count("Consistently") <= 2  # nor the radio labels of every statement


@pytest.mark.parametrize("generator", GENERATORS)
def test_a_programmes_own_repository_builds_with_the_toolkit_from_its_wheel(tmp_path, installed_package, generator):
    """The package alone carries extension, theme, runtime and sentences (and, for mkdocs, the plugin)."""
    (tmp_path / "programme").mkdir()
    project = make_project(tmp_path / "programme")
    result, site = build(generator, project, env={"PYTHONPATH": str(installed_package)})
    assert result.returncode == 0, output_of(result)
    page = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "I ask open questions." in page and "data-messages" in page
    for shipped in (
        "assets/javascripts/mentorkit.js",
        "assets/javascripts/mentorkit-runtime/levels.js",
        "assets/stylesheets/mentorkit.min.css",
        "assets/stylesheets/mentorkit-print.min.css",
        "assets/stylesheets/theme.min.css",
    ):
        assert (site / shipped).is_file(), shipped
    assert 'mentorkit-print.min.css" media="print"' in page  # paper's rules hold back no paint
    assert "data-mentorkit-styles" in page  # the theme's main.html override came too
    assert 'src="./assets/javascripts/mentorkit.js"' in page or 'src="../../assets/javascripts/mentorkit.js"' in page
    probe = subprocess.run(
        [sys.executable, "-c", "import mentorkit; print(mentorkit.__file__)"],
        env={**os.environ, "PYTHONPATH": str(installed_package)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.startswith(str(installed_package))  # built from the wheel, not from this checkout


# What pages load is built (scripts/bundle) into theme/assets; its sources stay in theme-src/.
SOURCES = ROOT / "theme-src"


def sources_under(assets: Path) -> list[str]:
    """The runtime's and the stylesheets' sources (theme-src/'s entries) found under ``assets``."""
    names = [entry.relative_to(SOURCES).as_posix() for kind in SOURCES.iterdir() for entry in kind.iterdir()]
    assert "javascripts/mentorkit" in names and "stylesheets/mentorkit.css" in names
    return sorted(name for name in names if (assets / name).exists())


def test_neither_the_wheel_nor_a_built_site_carries_the_runtimes_sources(installed_package, each_site):
    """The runtime's 400 KB of modules and the stylesheets' sources are the repository's, not the
    readers': the installed theme and the published site hold the bundles alone."""
    theme_assets = installed_package / "mentorkit" / "theme" / "assets"
    assert (theme_assets / "javascripts" / "mentorkit-runtime" / "levels.js").is_file()
    assert not sources_under(theme_assets), sources_under(theme_assets)
    site_assets = each_site["dir"] / "assets"
    assert (site_assets / "javascripts" / "mentorkit.js").is_file()
    assert (site_assets / "stylesheets" / "mentorkit.min.css").is_file()
    assert not sources_under(site_assets), sources_under(site_assets)


def test_the_installed_package_carries_its_licence(installed_package):
    """MIT asks that the notice travel with every copy: a programme that installs the package
    has the licence's text beside it, and its metadata names it."""
    (info,) = installed_package.glob("mentorkit-*.dist-info")
    metadata = (info / "METADATA").read_text(encoding="utf-8").splitlines()
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    text = (info / "licenses" / "LICENSE").read_text(encoding="utf-8")
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8") and text.startswith("MIT License")


def test_each_site_names_the_locale_its_pages_write_dates_and_numbers_in(each_site):
    """English as written in Britain, French as in France (mkdocs.yml, mkdocs.fr.yml: region), on
    both generators: the runtime formats every date and number of a page in its locale."""
    site = Path(each_site["dir"])
    assert '"locale":"en-GB"' in html_of(site)
    assert '"locale":"fr-FR"' in html_of(site, Path("fr") / PAGE)


def test_an_unknown_region_leaves_the_language_alone_with_a_warning_not_an_error(tmp_path):
    project = make_project(tmp_path)
    project.write_text(
        PROGRAMME_CONFIG.replace(
            "markdown_extensions:\n  - mentorkit\n", "markdown_extensions:\n  - mentorkit:\n      region: Britain\n"
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, output_of(result)  # a strict build: a preview is not refused for it
    assert "mentorkit: region 'Britain' is not a region code" in result.stderr
    assert '"locale":"en"' in (tmp_path / "site" / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
