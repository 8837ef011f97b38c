"""A prospective mentor takes the self-assessment in a real Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mentorkit.scoring.scoring import score
from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    PATH,
    answer,
    answer_all,
    answers_on_page,
    expect_questionnaire_shown,
    expected_level_cells,
    level_cells,
    mentor_spec,
    open_assessment,
    progress_text,
    reload,
    saved,
    statements,
)
from tests.browser.reader import as_a_reader, in_palette

LEVEL_INDEX = {lv["id"]: n for n, lv in enumerate(mentor_spec()["scoring"]["levels"])}


def varied_answers() -> dict[str, int]:
    """Each category answered at a different height, so the results are not all alike."""
    answers = {}
    for c, group in enumerate(mentor_spec()["groups"]):
        for item in group["items"]:
            answers[item["id"]] = 3 if LEVEL_INDEX[item["level"]] < c % 5 else (0 if c % 2 else 1)
    return answers


def test_the_page_shows_every_statement_under_its_category(page: Page, site: str):
    open_assessment(page, site)
    spec = mentor_spec()
    assert len(statements()) >= 96
    for group in spec["groups"]:
        category = page.get_by_role("group", name=group["title"], exact=True)
        expect(category).to_be_visible()
        for item in group["items"]:
            radios = category.get_by_role("group", name=item["text"]).get_by_role("radio")
            expect(radios).to_have_count(len(spec["scale"]) + bool(item.get("not_applicable")))


def test_reload_keeps_every_answer(page: Page, site: str):
    open_assessment(page, site)
    wanted = varied_answers()
    answer_all(page, wanted)
    reload(page)
    assert answers_on_page(page) == wanted
    assert level_cells(page) == expected_level_cells(wanted)


def test_closing_the_tab_keeps_answers(page: Page, site: str):
    open_assessment(page, site)
    first = statements()[:5]
    for item in first:
        answer(page, item, 2)
    context = page.context
    page.close()
    again = context.new_page()
    open_assessment(again, site)
    assert answers_on_page(again) == {item["id"]: 2 for item in first}
    assert progress_text(again).startswith("5 of")


def test_instant_navigation_away_and_back_keeps_answers(page: Page, site: str):
    open_assessment(page, site)
    wanted = {item["id"]: 3 for item in statements()[:8]}
    answer_all(page, wanted)
    page.evaluate("window.__stillTheSamePage = true")  # survives only if no full reload happens
    page.get_by_role("link", name="Guidance on Understanding Self").click()
    expect(page).to_have_url(site + "competences/understanding-self/")
    expect(page).to_have_title(re.compile("^Understanding Self"))
    page.get_by_role("link", name="Back to the mentor self-assessment").click()
    expect(page).to_have_url(site + PATH)
    expect_questionnaire_shown(page)
    assert page.evaluate("window.__stillTheSamePage === true"), "navigation was a full page load, not instant"
    assert answers_on_page(page) == wanted
    page.go_back()
    expect(page).to_have_url(site + "competences/understanding-self/")
    expect(page).to_have_title(re.compile("^Understanding Self"))
    page.go_forward()
    expect_questionnaire_shown(page)
    assert answers_on_page(page) == wanted
    assert page.evaluate("window.__stillTheSamePage === true")


def test_an_unanswered_category_says_incomplete_never_a_level(page: Page, site: str):
    open_assessment(page, site)
    wanted = varied_answers()
    missing = mentor_spec()["groups"][2]["items"][3]["id"]
    wanted.pop(missing)
    answer_all(page, wanted)
    cells = level_cells(page)
    assert cells["Managing the Contract"] == "Incomplete"
    assert cells == expected_level_cells(wanted)
    expect(page.locator(".mk-overall__level")).to_contain_text("1 still to go")
    plan = page.locator('[data-plan-group="managing-the-contract"]')
    expect(plan).to_contain_text("Incomplete: answer the remaining 1 statement here to get a plan.")


def test_results_give_the_overall_rule_descriptor_and_a_development_plan(page: Page, site: str):
    open_assessment(page, site)
    spec = mentor_spec()
    # Foundation everywhere, every statement above it "Sometimes": overall Foundation.
    wanted = {item["id"]: (3 if item["level"] == "foundation" else 1) for item in statements()}
    answer_all(page, wanted)
    expect(page.locator(".mk-overall__level")).to_have_text("Your overall level: Foundation")
    expect(page.locator(".mk-overall__rule").last).to_have_text(
        "Your overall level is the highest level you reached in at least 6 of the 8 categories."
    )
    expect(page.locator(".mk-overall__descriptor").first).to_contain_text("Where you are: Foundation")
    expect(page.locator(".mk-overall__descriptor").last).to_contain_text("Your next level: Practitioner")
    expect(page.get_by_role("img", name="Level reached in each of the categories")).to_be_visible()
    result = score(spec, wanted)
    per_level = sum(1 for i in spec["groups"][0]["items"] if i["level"] == "practitioner")
    needed = -(-per_level // 2)
    plan = page.locator("[data-plan]")
    plan.locator("details.mk-more > summary").click()  # the categories after the first three are folded
    for group, scored in zip(spec["groups"], result["groups"]):
        part = page.locator(f'[data-plan-group="{group["id"]}"]')
        expect(part.get_by_role("heading")).to_have_text(group["title"])
        statement_word = "statement" if needed == 1 else "statements"
        expect(part).to_contain_text(f"Meet {needed} more Practitioner {statement_word} to reach Practitioner here:")
        texts = {i["id"]: i["text"] for i in group["items"]}
        level_of = {i["id"]: i["level"] for i in group["items"]}
        practitioner = [i for i in scored["plan"] if level_of[i] == "practitioner"]
        expect(part.locator("> ul > li")).to_have_text([texts[i] for i in practitioner])
        link = part.get_by_role("link", name=f"Guidance on {group['title']}")
        assert link.get_attribute("href").endswith(f"competences/{group['id']}/")


def test_start_again_clears_answers_only_after_confirmation(page: Page, site: str):
    open_assessment(page, site)
    wanted = {item["id"]: 1 for item in statements()[:6]}
    answer_all(page, wanted)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Start again").click()
    assert answers_on_page(page) == wanted
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start again").click()
    assert answers_on_page(page) == {}
    assert progress_text(page).startswith("0 of")
    reload(page)
    assert answers_on_page(page) == {}


def test_export_then_import_brings_the_answers_back(page: Page, site: str, tmp_path):
    open_assessment(page, site)
    spec = mentor_spec()
    wanted = varied_answers()
    answer_all(page, wanted)
    download = saved(page, lambda: page.get_by_role("button", name="Export answers").click())
    assert download.suggested_filename.startswith("mentor-competence-answers-")
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["questionnaire"] == "mentor-competence"
    assert exported["answers"] == wanted
    assert exported["results"] == score(spec, wanted)  # the browser's results are the reference's

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start again").click()
    assert answers_on_page(page) == {}
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(exported), encoding="utf-8")
    page.get_by_label("Import answers").set_input_files(file)
    expect(page.get_by_role("status")).to_have_text(f"Imported {len(wanted)} answers.")
    assert answers_on_page(page) == wanted
    reload(page)
    assert answers_on_page(page) == wanted


def test_import_over_existing_answers_asks_first(page: Page, site: str, tmp_path):
    open_assessment(page, site)
    answer(page, statements()[0], 0)
    file = tmp_path / "answers.json"
    file.write_text(
        json.dumps(
            {"format": "mentorkit-answers", "questionnaire": "mentor-competence", "answers": {statements()[1]["id"]: 3}}
        ),
        encoding="utf-8",
    )
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_label("Import answers").set_input_files(file)
    expect(page.get_by_role("status")).to_have_text("Import cancelled. Your answers are unchanged.")
    assert answers_on_page(page) == {statements()[0]["id"]: 0}


def test_the_chart_is_readable_in_light_dark_and_print(page: Page, site: str):
    for scheme in ("light", "dark"):
        as_a_reader(page, site, palette=scheme)
        open_assessment(page, site)
        in_palette(page, scheme)
        answer_all(page, varied_answers())
        ratio = page.evaluate("""() => {
            const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
            const text = lum(rgb(getComputedStyle(document.querySelector(".mk-chart__label")).fill));
            const bg = lum(rgb(getComputedStyle(document.querySelector(".md-main")).backgroundColor === "rgba(0, 0, 0, 0)"
                ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.querySelector(".md-main")).backgroundColor));
            return (Math.max(text, bg) + 0.05) / (Math.min(text, bg) + 0.05);
        }""")
        assert ratio >= 4.5, f"chart labels in the {scheme} palette have contrast {ratio:.2f}"
        if scheme == "light":
            page.emulate_media(media="print")
            expect(page.get_by_role("button", name="Export answers")).to_be_hidden()
            expect(page.locator(".mk-chart--wide")).to_be_visible()
            assert page.evaluate("getComputedStyle(document.querySelector('.mk-chart__bar')).fill") == "rgb(85, 85, 85)"
            page.emulate_media(media="screen")
