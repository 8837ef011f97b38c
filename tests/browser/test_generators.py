"""The same reader's journey on the site as each generator builds it: mkdocs and Zensical.

The other browser tests run on the mkdocs build; this one proves the Zensical build works
as a site, not only as HTML: forms, scoring, saving, export, instant navigation, and
the Content-Security-Policy, with nothing asked of another origin.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    MENTOR,
    answer,
    answer_all,
    answers_on_page,
    click_every_answer,
    expect_page_heading,
    expected_level_cells,
    expected_overall,
    level_cells,
    mentor_spec,
    open_assessment,
    reload,
    sample_answers,
    saved,
    split_first_category,
)
from tests.browser.test_security import WATCH_CSP


def test_a_mentor_takes_the_self_assessment_reloads_and_keeps_the_results_under_the_policy(page: Page, each_site):
    site = each_site["url"]
    page.add_init_script(WATCH_CSP)
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith((site, "data:", "blob:")) else outside.append(r.url))

    open_assessment(page, site)
    expect_page_heading(page, mentor_spec()["title"])
    wanted = sample_answers(MENTOR)
    # The first category by hand, on both builds; the rest through the form's controls (that every
    # control can be reached and clicked is checked at phone width and 200 % zoom, and by keyboard).
    by_hand, rest = split_first_category(wanted)
    click_every_answer(page, by_hand)
    answer_all(page, rest)
    reload(page)
    assert answers_on_page(page) == wanted
    assert level_cells(page) == expected_level_cells(wanted)
    expect(page.locator(".mk-overall__level")).to_contain_text(expected_overall(wanted))

    download = saved(page, lambda: page.get_by_role("button", name="Export answers to hand in (JSON)").click())
    exported = json.loads(download.path().read_text(encoding="utf-8"))
    assert exported["answers"] == wanted

    # The first guidance link the plan shows (weakest category first; the rest folded).
    link = page.locator("[data-plan]").get_by_role("link", name=re.compile("^Guidance on ")).first
    first = link.inner_text().removeprefix("Guidance on ")
    page.evaluate("window.__stillTheSamePage = true")  # survives only if no full reload happens
    link.click()
    expect(page).to_have_title(re.compile("^" + re.escape(first)))
    page.go_back()
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    assert answers_on_page(page) == wanted
    assert page.evaluate("window.__stillTheSamePage === true"), "navigation was a full page load, not instant"

    assert page.evaluate("window.__csp") == []
    assert errors == [] and outside == []


def test_the_table_of_contents_leads_to_each_group_of_the_questionnaire(page: Page, each_site):
    open_assessment(page, each_site["url"])
    last = mentor_spec()["groups"][-1]
    toc = page.get_by_role(
        "navigation", name=re.compile("^(Table of contents|On this page)$")
    )  # Material's, Zensical's
    # Each entry says how much of its group is answered, kept current as the reader answers.
    entry = toc.get_by_role("link", name=re.compile("^" + re.escape(last["title"]) + " ")).filter(visible=True).first
    total = len(last["items"])
    expect(entry).to_have_accessible_name(f"{last['title']} 0 of {total} answered")
    expect(entry).to_contain_text(f"0/{total}")
    entry.click()
    expect(page).to_have_url(re.compile(f"#{MENTOR}-group--{last['id']}$"))
    expect(page.get_by_role("group", name=last["title"], exact=True)).to_be_in_viewport()
    answer(page, last["items"][0], 2)
    expect(entry).to_contain_text(f"1/{total}")
    expect(toc.get_by_role("link", name=re.compile("^Your results"))).to_have_count(1)
