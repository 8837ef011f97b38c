"""A reader of the French site sees French throughout: theme, statements, results and export."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import yaml
from babel.dates import format_date
from mentorkit.scoring.scoring import score
from mentorkit.site.catalogue import catalogue
from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    answer_all,
    expect_page_heading,
    mentor_spec,
    saved,
    split_first_category,
    statement_wordings,
    statements,
)
from tests.conftest import ROOT

FRENCH = yaml.safe_load((ROOT / "questionnaires" / "fr" / "mentor-competence.yml").read_text(encoding="utf-8"))
ENGLISH_ONLY = [
    sentence for key, sentence in catalogue("en").items() if "{" not in sentence and sentence != catalogue("fr")[key]
]


def french_text(item: dict) -> str:
    return FRENCH["items"][item["id"]]["text"]


def test_the_french_home_page_is_in_french_and_leads_to_the_self_assessment(page: Page, site: str):
    page.goto(site + "fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page).to_have_title(re.compile("^Boîte à outils du mentorat"))
    expect(page.get_by_role("search").get_by_role("textbox")).to_have_attribute("placeholder", "Rechercher")
    page.get_by_role("link", name="Faire l’auto-évaluation").click()
    expect(page).to_have_url(site + "fr/assessments/mentor-competence/")
    expect_page_heading(page, FRENCH["title"])


def test_the_self_assessment_speaks_french_from_statements_to_results_and_export(page: Page, site: str):
    page.goto(site + "fr/assessments/mentor-competence/")
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    expect(page.locator("[data-progress-text]")).to_have_text(f"0 réponse sur {len(statements())}")
    labels = {int(k): v for k, v in FRENCH["scale"].items()}
    # Every statement in French; the first category answered by hand, each statement found by its
    # French wording and its answer by its French label, the rest through the form.
    assert statement_wordings(page) == [french_text(item) for item in statements()]
    wanted = {item["id"]: 3 if item["level"] == "foundation" else 1 for item in statements()}
    by_hand, rest = split_first_category(wanted)
    for item in mentor_spec()["groups"][0]["items"]:
        page.get_by_role("group", name=french_text(item)).get_by_role(
            "radio", name=labels[by_hand[item["id"]]], exact=True
        ).check()
    answer_all(page, rest)
    expect(page.locator("[data-progress-text]")).to_have_text(f"{len(statements())} réponses sur {len(statements())}")
    foundation = FRENCH["levels"]["foundation"]["name"]
    expect(page.locator(".mk-overall__level")).to_have_text(f"Votre niveau global\u00a0: {foundation}")
    expect(page.get_by_role("img", name="Niveau atteint dans chacune des catégories")).to_be_visible()
    expect(page.get_by_role("heading", name="Votre plan de développement")).to_be_visible()
    first = mentor_spec()["groups"][0]
    link = page.get_by_role("link", name=f"Conseils\u00a0: {FRENCH['groups'][first['id']]['title']}")
    assert link.get_attribute("href").endswith(f"competences/{first['id']}/")
    results = page.locator("[data-questionnaire]").inner_text()
    assert [s for s in ENGLISH_ONLY if re.search(rf"\b{re.escape(s)}\b", results)] == []
    for item in statements()[:3]:
        assert item["text"] not in results  # the English statements are nowhere
    download = saved(page, lambda: page.get_by_role("button", name="Exporter les réponses à remettre (JSON)").click())
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["answers"] == wanted and exported["results"] == score(mentor_spec(), wanted)
    download = saved(page, lambda: page.get_by_role("button", name="Exporter en Markdown").click())
    markdown = Path(download.path()).read_text(encoding="utf-8")
    assert markdown.startswith(f"# {FRENCH['title']}") and "Exporté le" in markdown
    assert french_text(statements()[0]) in markdown


def test_saved_answers_are_shared_by_both_languages(page: Page, site: str):
    """The same questionnaire in two languages is one set of answers: ids, not words, are kept."""
    page.goto(site + "assessments/mentor-competence/")
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    first = statements()[0]
    page.get_by_role("group", name=first["text"]).get_by_role("radio", name="Mostly", exact=True).check()
    page.get_by_role("link", name="Français").first.evaluate("a => a.click()")
    expect(page).to_have_url(re.compile(r"/fr/"))
    page.goto(site + "fr/assessments/mentor-competence/")
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    radio = page.get_by_role("group", name=french_text(first)).get_by_role("radio", name=FRENCH["scale"][2], exact=True)
    expect(radio).to_be_checked()


def test_an_attempt_is_named_with_its_date_as_the_french_site_writes_dates(page: Page, site: str):
    """'Avant la formation (4 décembre 2026) : Fondation', not '(2026-12-04): Fondation'."""
    page.goto(site + "fr/assessments/mentor-competence/")
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    answer_all(page, {item["id"]: 3 if item["level"] == "foundation" else 1 for item in statements()})
    growth = page.locator("[data-growth]")
    growth.scroll_into_view_if_needed()
    growth.get_by_label(re.compile("^Libellé")).fill("Avant la formation")
    growth.get_by_role("button", name="Garder comme point d’étape").click()
    today = format_date(datetime.date.today(), "long", locale="fr_FR")
    foundation = FRENCH["levels"]["foundation"]["name"]
    expect(growth.locator("[data-attempt]")).to_contain_text(f"Avant la formation ({today})\u00a0: {foundation}")


def test_the_french_journal_writes_its_entries_in_french_and_keeps_them_for_both_languages(page: Page, site: str):
    """An entry added on the French journal: its kinds, its notice and its totals as French writes
    them (a space before the colon, a decimal comma), and the same entry in the English journal."""
    from tests.browser.test_journal import add, entries, unfold

    page.goto(f"{site}fr/journal/")
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mon journal de mentorat")
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    add(
        page,
        "Séance",
        {"Date de la séance": yesterday, "Avec qui": "Camille", "Durée": "1.5"},
        save="Enregistrer l’entrée",
    )
    expect(page.get_by_role("status")).to_have_text("Enregistré\u00a0: Séance\u00a0: Camille.")
    expect(entries(page).first).to_contain_text("Séance")
    unfold(page, "Synthèse des éléments")
    kinds = page.locator("[data-summary]").get_by_role("table").first
    expect(kinds.get_by_role("row").filter(has_text="Séance")).to_contain_text("Durée\u00a0: 1,5\u00a0h")
    expect(page.locator("[data-summary]")).to_contain_text("Entrées de la période par catégorie")

    page.goto(f"{site}journal/")  # the same journal, in English
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    expect(entries(page).first).to_contain_text("Meeting")
    expect(entries(page).first).to_contain_text("Camille")
