"""Switching language keeps the reader on the same page, in the same palette, both ways, with or
without site_url; a page with no translation says so on the page the reader lands on."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.reader import choose_palette, in_palette, palette_toggle
from tests.conftest import copy_repository, listening, mkdocs_build, seal

# A page this site's French leaves out, as a programme that has not translated every page does.
UNTRANSLATED = "about/benefits"


@pytest.fixture(scope="module")
def site_without_site_url(tmp_path_factory):
    """The same site built with site_url empty (no sitemap: every click is a full page load), from
    a copy whose French site has not translated one page (UNTRANSLATED) and says so."""
    project = copy_repository(tmp_path_factory.mktemp("no-site-url") / "project")
    (project / "content-fr" / f"{UNTRANSLATED}.md").unlink()
    french = project / "mkdocs.fr.yml"
    config = french.read_text(encoding="utf-8")
    assert f"      - {UNTRANSLATED}.md\n" in config and "  untranslated: []\n" in config
    config = config.replace(f"      - {UNTRANSLATED}.md\n", "", 1)
    french.write_text(
        config.replace("  untranslated: []\n", f"  untranslated:\n    - {UNTRANSLATED}.md\n", 1), encoding="utf-8"
    )
    out = project / "site"
    server, url = listening(out)
    for config_name, folder in (("mkdocs.yml", out), ("mkdocs.fr.yml", out / "fr")):
        result = mkdocs_build(project / config_name, folder, env={"SITE_URL": "", "SITE_URL_FR": ""})
        assert result.returncode == 0, result.stderr
    seal(out)
    yield url
    server.shutdown()


def switch_to(page: Page, language: str) -> None:
    page.get_by_role("button", name=re.compile("^(Select language|Sélectionner la langue)$")).hover()
    page.get_by_role("link", name=language, exact=True).click()


@pytest.mark.parametrize("built", ["mkdocs", "zensical", "mkdocs without site_url"])
def test_switching_language_stays_on_the_page_in_the_same_palette_both_ways(page: Page, request, built: str):
    fixture = {"mkdocs": "built_site", "zensical": "zensical_site"}.get(built, "site_without_site_url")
    found = request.getfixturevalue(fixture)
    base = found["url"] if isinstance(found, dict) else found
    page.goto(base + "assessments/mentor-competence/")
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    choose_palette(page, "dark")
    in_palette(page, "dark")
    switch_to(page, "Français")
    expect(page).to_have_url(base + "fr/assessments/mentor-competence/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Auto-évaluation")
    in_palette(page, "dark")
    expect(palette_toggle(page)).to_have_attribute("title", "Suivre le réglage clair ou sombre du système")
    switch_to(page, "English")
    expect(page).to_have_url(base + "assessments/mentor-competence/")
    in_palette(page, "dark")


def test_a_page_with_no_translation_leads_to_the_home_page_which_says_so(page: Page, site_without_site_url: str):
    site = site_without_site_url
    page.goto(f"{site}{UNTRANSLATED}/")
    switch_to(page, "Français")
    expect(page).to_have_url(site + "fr/")
    notice = page.get_by_role("status")
    expect(notice).to_have_text(
        "La page d’où vous venez n’existe pas encore dans cette langue\u00a0: voici la page d’accueil. "
        "Revenir à la page que vous lisiez"
    )
    from tests.browser.test_accessibility import violations

    assert not violations(page, "the French home, reached from a page it has no version of")
    # and the way back, in the reader's new language, to the very page they were on
    notice.get_by_role("link", name="Revenir à la page que vous lisiez").click()
    expect(page).to_have_url(f"{site}{UNTRANSLATED}/")


def test_the_way_back_from_an_untranslated_page_never_leads_off_the_site(page: Page, site: str):
    for hostile in ("%2F%2Fexample.org%2F", "javascript%3Aalert(1)", "https%3A%2F%2Fexample.org%2F", "%E0%A4%A"):
        page.goto(f"{site}fr/#mentorkit-untranslated={hostile}")
        notice = page.get_by_role("status")
        expect(notice).to_contain_text("voici la page d’accueil")
        expect(notice.get_by_role("link")).to_have_count(0)
