"""Results a mentor can trust and act on: calibrated, explained, honest about evidence and
about what a self-rating is, and useful even to someone who has not mentored yet."""

from __future__ import annotations

import math
import re
from pathlib import Path

from mentorkit.scoring.scoring import NOT_APPLICABLE
from mentorkit.site.project import load_all
from playwright.sync_api import Page, expect

from tests.browser.assessment import MENTOR, answer_all, mentor_spec, open_assessment, saved, statements
from tests.conftest import ROOT

EMCC_ACCREDITATION = "https://www.emccglobal.org/accreditation/"


def answer_everything(page: Page, value) -> None:
    answer_all(page, {item["id"]: value for item in statements()})


def first_next_step(level: str | None) -> str:
    """The first of the next steps the questionnaire declares for a reader at ``level`` overall
    (None: no level yet), as its Markdown reads once rendered: one line, links as their words."""
    (q,) = load_all([ROOT / "questionnaires" / f"{MENTOR}.yml"], pages=None)
    scoring = q.scoring
    text = scoring.first_steps if level is None else next(lv.next_steps for lv in scoring.levels if lv.id == level)
    first = text.split("\n- ")[0].removeprefix("- ")
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(first.split()))


def test_mostly_everywhere_opens_with_where_the_mentor_stands_and_one_next_step(page: Page, site: str):
    open_assessment(page, site)
    answer_everything(page, 2)
    results = page.locator("[data-results]")
    senior = next(lv for lv in mentor_spec()["scoring"]["levels"] if lv["id"] == "senior-practitioner")
    expect(results.locator(".mk-overall__level")).to_have_text("Your overall level: Senior Practitioner")
    expect(results.locator("[data-lead]")).to_have_text(senior["summary"])
    expect(results.locator("[data-next-step]")).to_have_text("Next step: " + first_next_step("senior-practitioner"))
    # One plan: the level's next steps open it, the categories follow.
    steps = results.locator("[data-plan] [data-next-steps]")
    expect(steps.get_by_role("heading")).to_have_text("What to do next")
    expect(steps.get_by_role("listitem").first).to_have_text(first_next_step("senior-practitioner"))
    expect(results.get_by_role("heading", name="First steps")).to_have_count(0)
    # The rule and the evidence counts wait in a fold below the plan.
    how = results.locator("details[data-how]")
    expect(how.locator("> summary")).to_have_text("How this is worked out")
    near = how.locator("[data-near]")
    expect(near).to_be_hidden()
    how.locator("> summary").click()
    expect(near).to_have_text(
        "6 more categories at Master Practitioner would make Master Practitioner your overall level."
    )
    per_level = sum(1 for i in mentor_spec()["groups"][0]["items"] if i["level"] == "foundation")
    share = mentor_spec()["scoring"]["levels"][0]["share"]
    needed = math.ceil(share * per_level - 1e-9)
    expect(how.locator(".mk-overall__rule").first).to_have_text(
        "A statement counts as met when you answer Mostly or Consistently; at Master Practitioner, only "
        "Consistently. Your level in each category is the number of levels whose statements you meet: a level "
        f"counts when you meet at least {share:.0%} of its statements that apply to you ({needed} of {per_level})."
    )
    # A cell says what it means.
    expect(results.get_by_role("row", name=re.compile("^Evaluation"))).to_contain_text(
        f"{needed} more Master Practitioner statements met would make it Master Practitioner"
    )


def test_every_result_says_it_is_a_self_rating_and_not_an_accreditation(page: Page, site: str):
    open_assessment(page, site)
    answer_everything(page, 3)
    note = page.locator("[data-results-note]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("self-rating")
    expect(note).to_contain_text("not an EMCC accreditation")
    expect(note.get_by_role("link", name="accreditation process")).to_have_attribute("href", EMCC_ACCREDITATION)
    expect(page.locator(".mk-overall__level")).to_have_text("Your overall level: Master Practitioner")


def test_the_level_a_statement_counts_for_is_not_shown_while_answering(page: Page, site: str):
    open_assessment(page, site)
    form = page.locator("[data-form]")
    for level in mentor_spec()["scoring"]["levels"]:
        expect(form).not_to_contain_text(level["name"])


def test_a_newcomer_answering_not_applicable_hears_it_is_usual_and_gets_a_place_to_start(page: Page, site: str):
    """Someone who has never mentored: "not applicable" nearly everywhere, and a couple of
    statements already true of how they work with colleagues."""
    open_assessment(page, site)
    firsts = [group["items"][0] for group in mentor_spec()["groups"][:2]]
    answer_all(page, {item["id"]: 2 if item in firsts else NOT_APPLICABLE for item in statements()})
    results = page.locator("[data-results]")
    expect(results.locator(".mk-overall__level")).to_have_text(
        "Most people starting out see this: too few of the statements apply to you yet to give you an overall level."
    )
    expect(results.locator("[data-next-step]")).to_have_text("Next step: " + first_next_step(None))
    plan = results.locator("[data-plan]")
    expect(plan.get_by_role("heading", name="What you already do")).to_be_visible()
    expect(plan.locator("[data-done]")).to_have_text([item["text"] for item in firsts])
    # The same sentence is not said eight times: once, with the guidance on every category.
    expect(plan.locator(".mk-plan__group")).to_have_count(0)
    first_group = mentor_spec()["groups"][0]
    expect(plan.get_by_role("link", name=f"Guidance on {first_group['title']}")).to_be_visible()
    # The counts behind it, and what the first level looks like, are folded below.
    how = results.locator("details[data-how]")
    how.locator("> summary").click()
    expect(how.locator("[data-near]")).to_have_text(
        "Too little evidence for an overall level yet: 0 of the 8 categories have enough statements that apply to "
        "you, and the overall level looks at 6."
    )
    left_out = len(statements()) - len(firsts)
    expect(how.locator(".mk-overall__rule").last).to_contain_text(
        f"{left_out} answers of “Not applicable / no chance yet” were left out, never counted against you."
    )
    looks = results.locator("details[data-levels-look]")
    looks.locator("> summary").click()
    expect(looks.get_by_role("heading", name="What Foundation looks like")).to_be_visible()
    # Never an empty chart: the plan stands where the chart would.
    expect(results.get_by_role("img")).to_have_count(0)
    expect(results.get_by_role("row", name=re.compile("^Understanding Self"))).to_contain_text("Too little evidence")


def test_a_higher_level_met_while_a_lower_one_is_not_is_named_and_worth_talking_through(page: Page, site: str):
    open_assessment(page, site)
    spec = mentor_spec()

    def answers(odd: list) -> dict:
        """The groups in ``odd`` meet Practitioner and Senior Practitioner, not Foundation; the rest
        meet the first two levels."""
        return {
            item["id"]: (0 if item["level"] in ("foundation", "master-practitioner") else 3) if group in odd
            else (3 if item["level"] in ("foundation", "practitioner") else 1)
            for group in spec["groups"] for item in group["items"]
        }  # fmt: skip

    odd = spec["groups"][0]
    answer_all(page, answers([odd]))
    results = page.locator("[data-results]")
    expect(results.get_by_role("row", name=re.compile("^" + odd["title"]))).to_contain_text("Practitioner")
    expect(results.locator("[data-uneven]")).to_have_text(
        f"In {odd['title']}, you meet statements of a higher level while some of a lower one are still to come: "
        "your level counts every level you meet, so an uneven picture like this is worth talking through with a supervisor."
    )
    # More than two: counted, not listed.
    answer_all(page, answers(spec["groups"][:3]))
    expect(results.locator("[data-uneven]")).to_have_text(re.compile(r"^In 3 of the 8 categories, you meet statements"))


def test_a_plan_names_no_guidance_where_a_questionnaire_gives_none(page: Page, site: str):
    """A programme's questionnaire whose groups name no guidance page: the plan says nothing of
    it (it once printed "null" under every group)."""

    def without_guidance(route):
        response = route.fetch()
        route.fulfill(response=response, body=re.sub(r',"guidance":"[^"]*"', "", response.text()))

    page.route(re.compile(r"/assessments/mentor-competence/$"), without_guidance)
    open_assessment(page, site)
    answer_everything(page, 1)
    plan = page.locator("[data-plan]")
    expect(plan.locator(".mk-plan__group").first).to_be_visible()
    expect(plan).not_to_contain_text("null")
    expect(plan.get_by_role("link", name=re.compile("^Guidance on"))).to_have_count(0)


def test_where_to_start_lists_the_weakest_category_first_and_folds_all_but_three(page: Page, site: str):
    open_assessment(page, site)
    spec = mentor_spec()
    levels = [lv["id"] for lv in spec["scoring"]["levels"]]
    weakest = spec["groups"][5]  # met nothing; every other category meets up to Practitioner
    answer_all(
        page,
        {
            item["id"]: 0 if group is weakest or levels.index(item["level"]) > 1 else 3
            for group in spec["groups"]
            for item in group["items"]
        },
    )
    parts = page.locator("[data-plan] > .mk-plan__group")
    expect(parts).to_have_count(3)
    expect(parts.first.get_by_role("heading")).to_have_text(weakest["title"])
    folded = page.locator("[data-plan] > details.mk-more")
    expect(folded.locator("> summary")).to_have_text("5 more categories")
    expect(folded.locator(".mk-plan__group").first).not_to_be_visible()
    folded.locator("> summary").click()
    expect(folded.locator("> .mk-plan__group")).to_have_count(5)


def test_the_markdown_export_carries_the_rule_and_the_development_plan(page: Page, site: str):
    open_assessment(page, site)
    answer_everything(page, 2)
    download = saved(page, lambda: page.get_by_role("button", name="Export as Markdown").click())
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "It is not an EMCC accreditation" in text
    assert "Your overall level: Senior Practitioner" in text
    assert "A statement counts as met when you answer Mostly or Consistently" in text
    assert "### Your development plan" in text
    top = next(i for i in statements() if i["level"] == "master-practitioner")
    assert f"- {top['text']}" in text


def test_print_puts_the_results_first_with_link_addresses(page: Page, site: str):
    open_assessment(page, site)
    answer_everything(page, 2)
    page.evaluate("window.print = () => {}")  # the dialog cannot be driven; the print stylesheet can
    page.get_by_role("button", name="Print results only").click()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    results_top = page.locator("[data-results]").bounding_box()["y"]
    assert results_top < 200, results_top
    expect(page.locator("[data-form]")).to_be_hidden()
    link = page.locator("[data-results-note] a")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert EMCC_ACCREDITATION in after
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    expect(page.locator("[data-form]")).to_be_visible()
