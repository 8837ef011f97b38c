"""Every instrument, as mentors and mentees use it: reach it, answer it, keep it, export it, print it."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from mentorkit.scoring.scoring import score
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.assessment import (
    INSTRUMENTS,
    answer_all,
    answers_on_page,
    expect_page_heading,
    expect_questionnaire_shown,
    open_questionnaire,
    reload,
    sample_answers,
    saved,
    spec_of,
    statements,
)
from tests.browser.reader import as_a_reader

ENTRY_POINTS = {  # landing page -> the instruments it offers
    "mentors/": [
        "mentor-competence",
        "mentor-roles",
        "choosing-a-mentee",
        "mentoring-agreement",
        "relationship-health",
        "questions-to-consider",
    ],
    "mentees/": [
        "mentee-readiness",
        "choosing-a-mentor",
        "mentoring-agreement",
        "relationship-health",
        "questions-to-consider",
    ],
}
HOME_ENTRIES = {"I want to mentor": "mentors/", "I am a mentee": "mentees/", "I run a programme": "programme/"}


def test_the_home_page_has_three_entry_points(page: Page, site: str):
    for heading, target in HOME_ENTRIES.items():
        page.goto(site)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        section = page.locator(f"h2:has-text('{heading}') ~ p a.md-button").first
        section.click()
        expect(page).to_have_url(site + target)


@pytest.mark.parametrize("landing", ENTRY_POINTS)
def test_each_entry_point_leads_to_its_instruments(page: Page, site: str, landing: str):
    for qid in ENTRY_POINTS[landing]:
        page.goto(site + landing)
        page.locator(f'article a[href$="assessments/{qid}/"]').first.click()
        expect(page).to_have_url(f"{site}assessments/{qid}/")
        expect_page_heading(page, spec_of(qid)["title"])
        expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)


def test_every_instrument_is_in_the_navigation(page: Page, site: str):
    page.goto(site)
    links = page.locator("nav.md-nav--primary a").evaluate_all("links => links.map(a => a.href)")
    for qid in INSTRUMENTS:
        assert f"{site}assessments/{qid}/" in links, qid
    # the journal, and the questions to consider whose answers become its reflections
    assert f"{site}journal/" in links and f"{site}assessments/questions-to-consider/" in links


@pytest.mark.parametrize("qid", INSTRUMENTS)
def test_answers_survive_reload_and_instant_navigation(page: Page, site: str, qid: str):
    open_questionnaire(page, site, qid)
    wanted = sample_answers(qid)
    answer_all(page, wanted, qid)
    assert answers_on_page(page) == wanted
    reload(page)
    assert answers_on_page(page) == wanted
    page.evaluate("window.__stillTheSamePage = true")
    page.locator("a.md-header__button.md-logo, a.md-nav__button.md-logo").first.click()  # the site's home
    expect(page).to_have_url(site)
    expect(page.locator("[data-questionnaire]")).to_have_count(0)  # the home page is shown
    page.go_back()
    expect(page).to_have_url(f"{site}assessments/{qid}/")
    expect_questionnaire_shown(page, qid)
    assert page.evaluate("window.__stillTheSamePage === true"), "navigation was a full page load, not instant"
    assert answers_on_page(page) == wanted


@pytest.mark.parametrize("qid", INSTRUMENTS)
def test_export_gives_json_with_reference_results_and_readable_markdown(page: Page, site: str, qid: str):
    open_questionnaire(page, site, qid)
    spec = spec_of(qid)
    wanted = sample_answers(qid)
    answer_all(page, wanted, qid)
    download = saved(page, lambda: page.get_by_role("button", name="Export answers to hand in (JSON)").click())
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["answers"] == wanted
    assert exported["results"] == score(spec, wanted)
    download = saved(page, lambda: page.get_by_role("button", name="Export as Markdown").click())
    assert download.suggested_filename.endswith(".md")
    markdown = Path(download.path()).read_text(encoding="utf-8")
    assert markdown.startswith(f"# {spec['title']}\n")
    for group in spec["groups"]:
        assert f"\n## {group['title']}\n" in markdown
        for item in group["items"]:
            assert f"**{item['text']}**" in markdown
    for value in wanted.values():
        if isinstance(value, str) and value.startswith("My answer"):
            assert value in markdown


@pytest.mark.parametrize("qid", INSTRUMENTS)
def test_the_print_view_shows_results_without_buttons(page: Page, site: str, qid: str):
    open_questionnaire(page, site, qid)
    answer_all(page, sample_answers(qid), qid)
    page.emulate_media(media="print")
    expect(page.locator("[data-actions]")).to_be_hidden()
    expect(page.locator("[data-results]")).to_be_visible()
    if spec_of(qid)["scoring"]["method"] == "none":
        expect(page.locator("[data-form]")).to_be_hidden()  # a document, not a form
        for item in statements(qid)[:3]:
            expect(page.locator("[data-results]")).to_contain_text(item["text"])


def test_the_agreement_prints_on_two_a4_pages_with_no_question_parted_from_its_answer(page: Page, site: str):
    qid = "mentoring-agreement"
    open_questionnaire(page, site, qid)
    # Answers of the length a pair writes: a sentence or two each, the names on one line.
    wanted = sample_answers(qid)
    for item in statements(qid):
        if item.get("type") == "text":
            wanted[item["id"]] = (
                "Ana Ruiz"
                if item["id"].endswith("-name")
                else f"About {item['id']}: we agree to keep this short and practical, to say so at once if it stops "
                "working for either of us, and to look at it again at our first review."
            )
    answer_all(page, wanted, qid)
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    pages = [" ".join(p.extract_text().split()) for p in pdf.pages]
    assert len(pages) <= 2, f"the agreement prints on {len(pages)} A4 pages"
    for item in statements(qid):
        answer = wanted[item["id"]]
        if item.get("type") != "text" or item["id"].endswith("-name"):
            continue
        question = " ".join(item["text"].split())
        on = [n for n, text in enumerate(pages) if question in text and answer in text]
        assert on, f"{item['id']}: its question and its answer are not on the same page"
    assert "Either of us may end the mentoring at any time" in " ".join(pages)


def test_readiness_check_names_the_overall_band_and_where_to_start(page: Page, site: str):
    qid = "mentee-readiness"
    open_questionnaire(page, site, qid)
    spec = spec_of(qid)
    wanted = sample_answers(qid)
    answer_all(page, wanted, qid)
    result = score(spec, wanted)
    bands = {b["id"]: b["name"] for b in spec["scoring"]["bands"]}
    expect(page.locator(".mk-overall__level")).to_have_text(f"Overall: {bands[result['overall']['band']]}")
    assert result["focus"], "the sample answers should leave something to work on"
    # Where to start, weakest first: the lowest mean (page order among equals).
    means = {g["id"]: g["mean"] for g in result["groups"]}
    weakest_first = sorted(result["focus"], key=lambda group: means[group])
    shown = page.locator("[data-plan-group]").evaluate_all("parts => parts.map(p => p.dataset.planGroup)")
    assert shown == weakest_first
    first = spec["groups"][[g["id"] for g in spec["groups"]].index(weakest_first[0])]
    part = page.locator(f'[data-plan-group="{first["id"]}"]')
    expect(part.locator(".mk-next-step")).not_to_be_empty()
    expect(part.get_by_role("link", name=f"Guidance on {first['title']}")).to_be_visible()


def test_roles_profile_ranks_roles_as_the_reference_does(page: Page, site: str):
    qid = "mentor-roles"
    open_questionnaire(page, site, qid)
    spec = spec_of(qid)
    wanted = sample_answers(qid)
    answer_all(page, wanted, qid)
    result = score(spec, wanted)
    titles = {g["id"]: g["title"] for g in spec["groups"]}
    labels = page.locator(".mk-chart--wide .mk-chart__label").all_text_contents()
    assert labels == [titles[g] for g in result["ranking"]]
    least = [titles[g] for g in result["focus"]]  # named as a British sentence does: "A, B and C"
    expect(page.locator(".mk-overall")).to_contain_text(
        "Used least: " + " and ".join([", ".join(least[:-1]), least[-1]] if len(least) > 1 else least)
    )


def test_agreement_refuses_a_number_out_of_range_and_says_why(page: Page, site: str):
    qid = "mentoring-agreement"
    open_questionnaire(page, site, qid)
    item = next(i for i in statements(qid) if i["type"] == "number" and i["min"] is not None)
    field = page.get_by_label(item["text"], exact=True)
    field.fill(str(int(item["min"]) - 1))
    expect(field).to_have_attribute("aria-invalid", "")
    expect(page.locator(f'[data-item="{item["id"]}"] .mk-item__error')).to_contain_text("not saved")
    reload(page)
    assert item["id"] not in answers_on_page(page)
    page.get_by_label(item["text"], exact=True).fill(str(int(item["min"])))
    reload(page)
    assert answers_on_page(page)[item["id"]] == int(item["min"])


@pytest.mark.parametrize(
    ("language", "typed", "kept", "shown"),
    [
        # Chromium's own number field read "1,5" as 15 on the French page, whatever the reader's locale.
        ("fr/", "1,5", 1.5, "1,5"),
        ("fr/", " 2.5 ", 2.5, "2,5"),  # a point is read as a decimal point too, and written as the page writes it
        ("", "2.5", 2.5, "2.5"),
        ("", "1,5", None, ""),  # not a number in English: refused, not read as 15
        ("fr/", "deux", None, ""),
    ],
)
def test_a_number_is_read_as_the_pages_language_writes_it(page: Page, site: str, language, typed, kept, shown):
    qid = "mentoring-agreement"
    item = next(i for i in statements(qid) if i["type"] == "number" and i["min"] is not None and i["min"] < 2)
    page.goto(f"{site}{language}assessments/{qid}/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    field = page.locator(f"#{qid}--{item['id']}")
    field.fill(typed)
    if kept is None:
        expect(field).to_have_attribute("aria-invalid", "")
        expect(page.locator(f'[data-item="{item["id"]}"] .mk-item__error')).to_contain_text(
            "nombre entre 1 et 36" if language else "number from 1 to 36"
        )
    else:
        expect(field).not_to_have_attribute("aria-invalid", "")
    reload(page)
    stored = page.evaluate(
        """(id) => {
            for (const key of Object.keys(localStorage).filter((k) => k.startsWith("mentorkit:"))) {
                const record = JSON.parse(localStorage.getItem(key));
                if (record?.answers && id in record.answers) return record.answers[id];
            }
            return null;
        }""",
        item["id"],
    )
    assert stored == kept
    expect(page.locator(f"#{qid}--{item['id']}")).to_have_value(shown)


def test_reflections_from_guidance_pages_are_gathered_with_the_questions_and_in_the_journal(page: Page, site: str):
    qid = "questions-to-consider"
    by_group = {g["id"]: g for g in spec_of(qid)["groups"]}
    first = by_group["what-is-mentoring"]["items"][0]
    second = by_group["mentor-roles"]["items"][0]
    page.goto(site + "about/what-is-mentoring/")
    block = page.locator('[data-questionnaire="questions-to-consider"][data-enhanced]').first
    expect(block).to_be_visible()
    page.get_by_label(first["text"], exact=True).fill("Seeing my work from outside.")
    page.goto(site + "mentors/roles/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    page.get_by_label(second["text"], exact=True).fill("I am mostly a guide.")
    page.get_by_role("link", name="See all the questions to consider").click()
    expect(page).to_have_url(f"{site}assessments/{qid}/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    expect(page.get_by_label(first["text"], exact=True)).to_have_value("Seeing my work from outside.")
    expect(page.get_by_label(second["text"], exact=True)).to_have_value("I am mostly a guide.")
    page.get_by_role("link", name="Open your journal").first.click()
    journal = page.locator("[data-list]")
    expect(journal).to_contain_text("Seeing my work from outside.")
    expect(journal).to_contain_text("I am mostly a guide.")
    expect(journal).to_contain_text(first["text"])
    # and back on the guidance page, the block shows what was written
    page.goto(site + "about/what-is-mentoring/")
    expect(page.get_by_label(first["text"], exact=True)).to_have_value("Seeing my work from outside.")


def test_typed_text_is_shown_as_text_never_as_markup(page: Page, site: str):
    qid = "questions-to-consider"
    page.goto(f"{site}assessments/{qid}/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    item = statements(qid)[0]
    hostile = '<img src=x onerror="window.__hacked = true"><script>window.__hacked = true</script>'
    page.get_by_label(item["text"], exact=True).fill(hostile)
    reload(page)
    expect(page.get_by_label(item["text"], exact=True)).to_have_value(hostile)
    page.goto(f"{site}journal/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    expect(page.locator("[data-list] [data-field='reflection']").first).to_have_text(hostile)
    assert page.evaluate("window.__hacked === undefined")
    assert re.search("<img", page.locator("[data-list]").inner_html()) is None


LAYOUT_SHIFT = """() => new Promise((done) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => done(total), 1000);
})"""


@pytest.mark.parametrize("qid", INSTRUMENTS)
def test_a_questionnaire_page_does_not_jump_about_while_it_loads(page: Page, site: str, qid: str):
    """Cumulative layout shift on a phone-sized screen, as Lighthouse measures it: what is
    read or tapped must not move when the runtime sets up the page."""
    as_a_reader(page, site, screen={"width": 412, "height": 823})
    open_questionnaire(page, site, qid)
    assert page.evaluate(LAYOUT_SHIFT) < 0.05
