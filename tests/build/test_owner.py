"""A programme owner's site, set up from the README: the address, every language built by one
command, in any order, sealed (issue 16, points 2 and 7)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
import yaml
from mentorkit.site.catalogue import catalogue

from tests.build.conftest import PROGRAMME_CONFIG, PROGRAMME_ENGLISH_CONFIG, SMALL, make_project, write_bilingual_config
from tests.conftest import ROOT, build

WARNING = "mentorkit: site_url is not set, so sitemap.xml lists no page"


def output_of(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def test_the_readmes_minimal_configuration_is_the_one_the_tests_build():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert PROGRAMME_CONFIG in readme  # the README's mkdocs.yml, word for word, is what these tests build


def test_a_build_without_site_url_warns_once_what_it_costs_and_still_builds(project, generator):
    result, _site = build(generator, project)
    assert result.returncode == 0, output_of(result)  # strict, and still built: a preview needs no address
    assert output_of(result).count(WARNING) == 1
    assert "instant navigation" in output_of(result)


def test_with_the_address_from_the_environment_the_sitemap_lists_every_page(project, generator):
    result, site = build(generator, project, site_url="https://mentoring.example.org/")
    assert result.returncode == 0, output_of(result)
    assert WARNING not in output_of(result)
    listed = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert "https://mentoring.example.org/assessments/small/" in listed
    assert len(listed) == 3


def bilingual(folder: Path, *, french_first: bool = False) -> Path:
    """A programme's repository in English and French, as the owners' page on languages sets it up."""
    make_project(folder)
    config = write_bilingual_config(folder)
    if french_first:
        english, french = "    - {name: English, link: ./, lang: en}\n", "    - {name: Français, link: fr/, lang: fr}\n"
        config.write_text(PROGRAMME_ENGLISH_CONFIG.replace(english + french, french + english), encoding="utf-8")
    (folder / "content-fr" / "assessments").mkdir(parents=True)
    (folder / "content-fr" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (folder / "content-fr" / "listening.md").write_text("# Écouter\n", encoding="utf-8")
    (folder / "content-fr" / "assessments" / "small.md").write_text(
        "# Petit questionnaire\n\n::: questionnaire small\n", encoding="utf-8"
    )
    return config


# What the theme's folder holds only to be a Python package and a MkDocs theme.
PACKAGING = {"__init__.py", "__pycache__", "mkdocs_theme.yml"}


def mentorkit(*argv: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mentorkit.commands.cli", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.mark.parametrize("french_first", [False, True], ids=["english-first", "french-first"])
def test_one_command_builds_every_language_into_one_sealed_folder_in_any_order(tmp_path, generator, french_first):
    bilingual(tmp_path, french_first=french_first)
    with (tmp_path / "mkdocs.fr.yml").open("a", encoding="utf-8") as french_config:  # the region, as documented
        french_config.write("markdown_extensions:\n  mentorkit:\n    region: CA\n")
    (tmp_path / "site" / "stale").mkdir(parents=True)  # what an earlier build left is not kept
    result = mentorkit("build", "--generator", generator, cwd=tmp_path, env={"SITE_URL": "https://example.org/p/"})
    assert result.returncode == 0, output_of(result)
    site = tmp_path / "site"
    assert not (site / "stale").exists()
    english = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    french = (site / "fr" / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in english and 'lang="fr"' in french
    assert '"locale":"fr-CA"' in french and '"locale":"en"' in english  # merged into the shared options
    assert "Vos résultats" in french  # the sentences around the questions, in French
    policies = {
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text(encoding="utf-8")).group(1)
        for page in site.rglob("*.html")
    }
    assert len(policies) == 1 and "mentorkit-policy" not in policies  # one policy, sealed after both
    assert (site / "schema" / "questionnaire.schema.json").is_file()  # published with the site, by either generator
    # Nothing of the theme's Python package is published (Zensical copies it: theme_packaging.py).
    assert [str(p.relative_to(site)) for p in site.rglob("*") if p.name in PACKAGING] == []
    french_sitemap = (site / "fr" / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/p/fr/assessments/small/" in french_sitemap  # SITE_URL_FR from SITE_URL
    # The language switcher leads each way, once per language, as the owners' page sets it up.
    homes = {"en": "https://example.org/p/", "fr": "https://example.org/p/fr/"}
    assert switcher(english, "https://example.org/p/assessments/small/") == homes
    assert switcher(french, "https://example.org/p/fr/assessments/small/") == homes


GERMAN = """\
title: Kurzer Test
scale: {0: Nie, 1: Manchmal, 2: Immer}
levels:
  basic: {name: Grundlagen}
  advanced: {name: Fortgeschritten}
groups:
  listening: {title: Zuhören}
  asking: {title: Fragen}
items:
  listen-b1: {text: Ich lasse die andere Person ausreden.}
  listen-a1: {text: "Ich bemerke, was ungesagt bleibt."}
  ask-b1: {text: Ich stelle offene Fragen.}
  ask-a1: {text: "Ich stelle die Frage, die das Gespräch verändert."}
"""


def test_a_language_the_package_does_not_ship_added_by_one_command_builds_both_ways(tmp_path, generator):
    """The owners' commands, as typed: a site from `mentorkit new`, then German beside English."""
    make_project(tmp_path)
    added = mentorkit("new", "language", "de", cwd=tmp_path)
    assert added.returncode == 0, output_of(added)
    # The owner translates: one sentence around the questions, the questionnaire's title, a page.
    sentences = tmp_path / "messages" / "de.yml"
    sentences.write_text(sentences.read_text(encoding="utf-8").replace('# print: "Print"', 'print: "Drucken"'))
    (tmp_path / "questionnaires" / "de").mkdir()
    (tmp_path / "questionnaires" / "de" / "small.yml").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "content-de" / "index.md").write_text("# Startseite\n", encoding="utf-8")
    checked = mentorkit("validate", cwd=tmp_path)
    assert checked.returncode == 0 and "ok  de: mkdocs.de.yml" in checked.stdout, output_of(checked)
    result = mentorkit("build", "--generator", generator, cwd=tmp_path, env={"SITE_URL": "https://example.org/p/"})
    assert result.returncode == 0, output_of(result)
    total = len(catalogue("en"))  # one of the page's sentences translated, the rest said to be English
    assert f"German (de): {total - 1} of {total} sentences of the pages are shown in English" in result.stdout
    site = tmp_path / "site"
    english = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    german = (site / "de" / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in german and "Kurzer Test" in german and '"print":"Drucken"' in german.replace(": ", ":")
    assert "Startseite" in (site / "de" / "index.html").read_text(encoding="utf-8")
    homes = {"en": "https://example.org/p/", "de": "https://example.org/p/de/"}
    assert switcher(english, "https://example.org/p/assessments/small/") == homes
    assert switcher(german, "https://example.org/p/de/assessments/small/") == homes


def test_one_cohort_summary_is_read_by_every_languages_page(tmp_path, generator):
    """Published once, in the main language's content folder: the French page reads the same file."""
    from mentorkit.scoring.cohort import write_aggregate
    from mentorkit.scoring.scoring import score
    from mentorkit.site.project import load_all
    from mentorkit.site.spec import runtime_spec

    from tests.build.test_hooks import TRANSLATION

    bilingual(tmp_path)
    (tmp_path / "questionnaires" / "fr").mkdir()
    (tmp_path / "questionnaires" / "fr" / "small.yml").write_text(TRANSLATION.replace("titel", "title"))
    questionnaire = tmp_path / "questionnaires" / "small.yml"
    questionnaire.write_text(SMALL + "cohort: cohorts/small.json\n", encoding="utf-8")
    spec = runtime_spec(load_all([questionnaire], pages=None)[0])
    answers = [{item["id"]: n % 3 for group in spec["groups"] for item in group["items"]} for n in range(6)]
    write_aggregate(spec, [score(spec, a) for a in answers], tmp_path / "content" / "cohorts" / "small.json")
    checked = mentorkit("validate", cwd=tmp_path)
    assert checked.returncode == 0 and "ok  fr: mkdocs.fr.yml" in checked.stdout, output_of(checked)
    result = mentorkit("build", "--generator", generator, cwd=tmp_path)
    assert result.returncode == 0, output_of(result)
    assert "French (fr): every sentence of the pages is in French" in result.stdout
    site = tmp_path / "site"
    assert not (site / "fr" / "cohorts").exists()  # one copy, the main language's
    for page, address in [
        ("assessments/small/index.html", "https://x.org/assessments/small/"),
        ("fr/assessments/small/index.html", "https://x.org/fr/assessments/small/"),
    ]:
        html = (site / page).read_text(encoding="utf-8")
        cohort = re.search(r'"cohort":\s*"([^"]+)"', html).group(1)
        assert urllib.parse.urljoin(address, cohort) == "https://x.org/cohorts/small.json", page
    assert (site / "cohorts" / "small.json").is_file()
    # Removed from the main language's folder, the summary is missed by every language's check.
    (tmp_path / "content" / "cohorts" / "small.json").unlink()
    checked = mentorkit("validate", cwd=tmp_path)
    assert checked.returncode == 1 and "no file 'cohorts/small.json' in the content folder" in checked.stderr


def test_guidance_a_language_has_not_translated_leads_to_the_main_language_s_page(tmp_path, generator):
    """A group's guidance page that the French site lists as not translated: the French results
    lead to the English page, and say in which language it is; not listed, the French site's
    check names the page it does not have."""
    from tests.build.test_hooks import TRANSLATION

    bilingual(tmp_path)
    (tmp_path / "questionnaires" / "fr").mkdir()
    (tmp_path / "questionnaires" / "fr" / "small.yml").write_text(TRANSLATION.replace("titel", "title"))
    (tmp_path / "content-fr" / "listening.md").unlink()
    checked = mentorkit("validate", cwd=tmp_path)
    assert checked.returncode == 1 and "no page 'listening.md' in the site" in checked.stderr, output_of(checked)
    french = tmp_path / "mkdocs.fr.yml"
    french.write_text(french.read_text(encoding="utf-8") + "  untranslated:\n    - listening.md\n", encoding="utf-8")
    checked = mentorkit("validate", cwd=tmp_path)
    assert checked.returncode == 0, output_of(checked)
    result = mentorkit("build", "--generator", generator, cwd=tmp_path)
    assert result.returncode == 0, output_of(result)
    site = tmp_path / "site"
    for page, language in [("assessments/small", None), ("fr/assessments/small", "en")]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        spec = json.loads(re.search(r"<template data-spec[^>]*>(.*?)</template>", html, re.S)[1])
        (listening,) = [group for group in spec["groups"] if group["id"] == "listening"]
        assert (site / page / listening["guidance"]).resolve() == (site / "listening").resolve(), listening
        assert listening.get("guidanceLanguage") == language


def switcher(page: str, address: str) -> dict[str, str]:
    """The language switcher's entries on a built page: language -> the address it leads to."""
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', page)
    found = {language: urllib.parse.urljoin(address, href) for href, language in links}
    assert len(found) == len(links), f"a language listed twice: {links}"
    return found


def test_a_language_without_its_configuration_is_named_before_anything_is_built(tmp_path):
    bilingual(tmp_path)
    (tmp_path / "mkdocs.fr.yml").unlink()
    result = mentorkit("build", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "mkdocs.yml: extra.alternate lists the language 'fr', but there is no mkdocs.fr.yml beside it" in result.stderr
    )
    assert "Traceback" not in output_of(result)
    assert not (tmp_path / "site").exists()


def test_a_build_into_the_project_folder_itself_is_refused(tmp_path):
    bilingual(tmp_path)
    result = mentorkit("build", "--site-dir", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert "holds the project's own files; give the site a folder of its own" in result.stderr
    assert (tmp_path / "content" / "index.md").is_file()


@pytest.mark.parametrize("name", ["github-pages.yml", "gitlab-ci.yml"])
def test_the_ci_examples_build_with_the_one_command_from_a_pinned_release(name):
    text = (ROOT / "examples" / "ci" / name).read_text(encoding="utf-8")
    yaml.safe_load(text)
    assert "mentorkit build" in text and "mkdocs build" not in text.replace("# ", "")


# --- point 1: links in a questionnaire's text -----------------------------------------------

LINKED = (
    SMALL.replace(
        "title: Small check\n",
        "title: Small check\nintro: Read [how to listen](../listening.md#pairing-sessions) first.\n",
    )
    .replace(
        "guidance: listening.md",
        "guidance: listening.md#pairing-sessions",
    )
    .replace(
        "{id: ask-b1, level: basic, text: I ask open questions.}",
        "{id: ask-b1, level: basic, text: I ask open questions., hint: 'See [the home page](/index.md).'}",
    )
)


def linked_project(folder: Path, questionnaire: str = LINKED) -> Path:
    config = make_project(folder, questionnaire)
    (folder / "content" / "listening.md").write_text(
        "# Listening\n\nHow to listen.\n\n## Pairing sessions\n\nTwo people, one hour.\n", encoding="utf-8"
    )
    return config


def hrefs(html: str, text: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"[^>]*>' + re.escape(text) + "</a>", html)


def test_links_in_a_questionnaire_lead_where_they_would_from_its_page(tmp_path, generator):
    result, site = build(generator, linked_project(tmp_path))
    assert result.returncode == 0, output_of(result)
    html = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert hrefs(html, "how to listen") == ["../../listening/#pairing-sessions"]
    assert hrefs(html, "the home page") == ["../../"]
    assert '"guidance":"../../listening/#pairing-sessions"' in html  # the results follow it as it is


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        (
            "../listening.md#pairing-sessions) first",
            "../listen.md) first",
            "3:8: intro",
            "a link in this text: '../listen.md' names no page from assessments/small.md: there is no 'listen.md'; "
            "did you mean 'listening.md'?",
        ),
        (
            "../listening.md#pairing-sessions) first",
            "../listening.md#pairing) first",
            "3:8: intro",
            "a link in this text: '../listening.md#pairing': no heading '#pairing' in listening.md; "
            "did you mean '#pairing-sessions'?",
        ),
        (
            "guidance: listening.md#pairing-sessions",
            "guidance: listening.md#sessions",
            "22:15: groups[0].guidance",
            "no heading '#sessions' in listening.md; did you mean '#pairing-sessions'?",
        ),
    ],
    ids=["missing-page", "missing-anchor", "guidance-anchor"],
)
def test_a_link_to_a_missing_page_or_heading_fails_the_build_at_its_place(
    tmp_path, generator, old, new, where, message
):
    result, _ = build(generator, linked_project(tmp_path, LINKED.replace(old, new)))
    assert result.returncode == 1
    assert f"questionnaires/small.yml:{where}: {message}" in output_of(result)


@pytest.mark.parametrize("name", ["github-pages.yml", "gitlab-ci.yml", "release-tag.gitlab-ci.yml"])
def test_the_examples_readme_describes_what_each_ci_example_runs(name):
    """Every command the README names for a file is one the file runs (it once described an mkdocs
    build the workflow no longer ran)."""
    readme = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## ci/{name}\n", 1)[1].split("\n## ", 1)[0]
    text = (ROOT / "examples" / "ci" / name).read_text(encoding="utf-8")
    named = re.findall(r"`((?:mentorkit|mkdocs|zensical|scripts/)[^`]*)`", section)
    assert named, f"the README names no command for {name}"
    for command in named:
        assert command in text, f"examples/README.md says {name} runs `{command}`; it does not"


def test_validate_checks_every_language_the_site_lists_as_its_build_would(tmp_path):
    """A broken block line in the second language's pages, then a broken link in a translation's
    intro: `mentorkit validate` said ok to both, and the second language's build then failed."""
    from tests.build.test_hooks import TRANSLATION

    bilingual(tmp_path)
    (tmp_path / "questionnaires" / "fr").mkdir()
    translation = tmp_path / "questionnaires" / "fr" / "small.yml"
    translation.write_text(TRANSLATION.replace("titel", "title"), encoding="utf-8")
    listening = tmp_path / "content-fr" / "listening.md"
    listening.write_text("# Écouter\n\n::: questionnaire smal\n", encoding="utf-8")
    result = mentorkit("validate", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert "content-fr/listening.md:3:" in result.stderr and "smal" in result.stderr
    assert "Traceback" not in output_of(result)

    listening.write_text("# Écouter\n", encoding="utf-8")
    translation.write_text(
        "intro: Lisez [comment écouter](../absent.md) d'abord.\n" + TRANSLATION.replace("titel", "title"),
        encoding="utf-8",
    )
    result = mentorkit("validate", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert "questionnaires/fr/small.yml:1:" in result.stderr and "absent.md" in result.stderr

    translation.write_text(TRANSLATION.replace("titel", "title"), encoding="utf-8")
    result = mentorkit("validate", cwd=tmp_path)
    assert result.returncode == 0, output_of(result)
    assert "ok  fr: mkdocs.fr.yml, its questionnaires and the pages of content-fr/" in result.stdout


def test_validate_of_one_file_checks_the_links_in_its_intro(tmp_path):
    make_project(tmp_path, SMALL.replace("title: Small check\n", "title: Small check\nintro: See [x](gone.md).\n"))
    result = mentorkit("validate", "questionnaires/small.yml", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert "questionnaires/small.yml:" in result.stderr and "gone.md" in result.stderr


def test_validate_names_a_translation_of_no_questionnaire_and_sentences_for_a_language_not_built(tmp_path):
    from tests.build.test_hooks import TRANSLATION

    bilingual(tmp_path)
    (tmp_path / "questionnaires" / "fr").mkdir()
    (tmp_path / "questionnaires" / "fr" / "smal.yml").write_text(TRANSLATION, encoding="utf-8")
    result = mentorkit("validate", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert (
        "questionnaires/fr/smal.yml:1:1: a translation of questionnaires/smal.yml, which does not exist; "
        "rename it after its questionnaire's file, or remove it"
    ) in result.stderr

    (tmp_path / "questionnaires" / "fr" / "smal.yml").unlink()
    (tmp_path / "messages").mkdir()
    (tmp_path / "messages" / "de.yml").write_text('print: "Drucken"\n', encoding="utf-8")
    result = mentorkit("validate", cwd=tmp_path)
    assert result.returncode == 0, output_of(result)
    assert (
        "note: messages/de.yml holds sentences in German, which no language of the site is built in (en, fr): "
        "list it in extra.alternate, or remove the file"
    ) in result.stderr
