"""Finding the way through the 96-statement self-assessment: where am I, what is missing, how
do I get to the results, at my own pace, on a desk or a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.assessment import answer, answer_all, mentor_spec, open_assessment, reload, statements
from tests.browser.reader import as_a_reader

DESK = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def focused_statement(page: Page) -> str | None:
    return page.evaluate("document.activeElement.closest('[data-item]')?.dataset.item ?? null")


@pytest.mark.parametrize("screen", [DESK, PHONE], ids=["desk", "phone"])
def test_two_keystrokes_from_page_load_to_the_first_statement(page: Page, site: str, screen: dict):
    as_a_reader(page, site, screen=screen)
    open_assessment(page, site)
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to the first statement")
    page.keyboard.press("Enter")
    assert focused_statement(page) == statements()[0]["id"]


def test_the_sticky_bar_names_the_category_in_view_with_its_count(page: Page, site: str):
    open_assessment(page, site)
    spec = mentor_spec()
    bar = page.locator("[data-where]")
    expect(bar).to_have_text(f"{spec['groups'][0]['title']} · 0 of {len(spec['groups'][0]['items'])}")
    third = spec["groups"][2]
    answer(page, third["items"][0], 2)
    page.locator(f'[data-item="{third["items"][1]["id"]}"]').scroll_into_view_if_needed()
    page.mouse.wheel(0, 200)
    expect(bar).to_have_text(f"{third['title']} · 1 of {len(third['items'])}")


def test_next_unanswered_takes_focus_to_what_was_left_out_and_marks_it(page: Page, site: str):
    open_assessment(page, site)
    ids = [item["id"] for item in statements()]
    skipped = [ids[10], ids[50]]
    answer_all(page, dict.fromkeys([i for i in ids if i not in skipped], 2))
    expect(page.locator("[data-unanswered]")).to_have_count(0)  # nothing marked until the reader asks
    page.locator("[data-progress]").get_by_role("button", name="Next unanswered").click()
    assert focused_statement(page) == skipped[0]
    expect(page.locator("[data-unanswered]")).to_have_count(2)
    expect(page.locator(f'[data-item="{skipped[0]}"]')).to_contain_text("Not answered yet")
    page.locator("[data-progress]").get_by_role("button", name="Next unanswered").click()
    assert focused_statement(page) == skipped[1]
    # The results say what is missing, with the same way to it.
    results = page.locator("[data-results]")
    expect(results.locator(".mk-overall__level")).to_contain_text("2 still to go")
    results.get_by_role("button", name="Next unanswered").click()
    assert focused_statement(page) == skipped[0]
    answer(page, statements()[10], 2)
    expect(page.locator("[data-unanswered]")).to_have_count(1)


def test_two_keystrokes_from_the_last_answer_to_the_results(page: Page, site: str):
    open_assessment(page, site)
    ids = [item["id"] for item in statements()]
    answer_all(page, dict.fromkeys(ids[:-1], 2))
    expect(page.locator("[data-progress]").get_by_role("link", name="See your results")).to_be_hidden()
    last = page.locator(f'[data-item="{ids[-1]}"]').get_by_role("radio").first
    last.focus()
    page.keyboard.press("Space")  # the last answer
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("See your results")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your results")).to_be_focused()
    expect(page.locator("[data-progress]").get_by_role("link", name="See your results")).to_be_visible()


def test_start_again_takes_the_reader_back_to_the_first_statement_and_says_so(page: Page, site: str):
    open_assessment(page, site)
    ids = [item["id"] for item in statements()]
    answer_all(page, dict.fromkeys(ids[:20], 2))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start again").click()
    # The click returns while the confirmation is still being answered: wait for the focus to move.
    expect(page.locator(f'[data-item="{ids[0]}"] input').first).to_be_focused()
    status = page.get_by_role("status").filter(has_text="All answers cleared.")
    expect(status).to_be_in_viewport()


def test_a_later_visit_offers_to_continue_where_the_reader_left_off(page: Page, site: str):
    open_assessment(page, site)
    ids = [item["id"] for item in statements()]
    answer_all(page, dict.fromkeys(ids[:5], 2))
    reload(page)
    page.get_by_role("button", name="Continue where you left off").click()
    assert focused_statement(page) == ids[5]
    # The skip link says the same, one keystroke from the top.
    page.keyboard.press("Shift+Tab")
    expect(page.locator(".md-skip")).to_have_text("Continue where you left off")


def test_one_category_at_a_time_with_the_same_answers_and_the_choice_remembered(page: Page, site: str):
    open_assessment(page, site)
    spec = mentor_spec()
    first, second = spec["groups"][0], spec["groups"][1]
    answer(page, first["items"][0], 3)
    page.get_by_role("radio", name=f"One {spec['group_noun']['singular']} at a time").check()
    steps = page.get_by_role("navigation", name="Steps")
    expect(steps).to_contain_text(f"Step 1 of 8: {first['title']}")
    expect(page.get_by_role("group", name=second["title"], exact=True)).to_be_hidden()
    expect(steps.get_by_role("button", name="Previous")).to_be_disabled()
    steps.get_by_role("button", name="Next").click()
    expect(page.locator("[data-form]").get_by_role("heading", name=second["title"])).to_be_focused()
    expect(steps).to_contain_text(f"Step 2 of 8: {second['title']}")
    expect(page.get_by_role("group", name=first["title"], exact=True)).to_be_hidden()
    reload(page)
    expect(page.get_by_role("radio", name="One category at a time")).to_be_checked()
    expect(page.get_by_role("group", name=second["title"], exact=True)).to_be_hidden()
    page.get_by_role("radio", name="All on one page").check()
    expect(page.get_by_role("group", name=second["title"], exact=True)).to_be_visible()
    expect(
        page.get_by_role("group", name=first["items"][0]["text"]).get_by_role("radio", name="Consistently")
    ).to_be_checked()


def test_the_last_step_leads_to_the_results(page: Page, site: str):
    open_assessment(page, site)
    page.get_by_role("radio", name="One category at a time").check()
    steps = page.get_by_role("navigation", name="Steps")
    for _ in range(7):
        steps.get_by_role("button", name="Next").click()
    expect(steps).to_contain_text("Step 8 of 8")
    steps.get_by_role("button", name="See your results").click()
    expect(page.get_by_role("heading", name="Your results")).to_be_focused()


def test_what_the_levels_mean_can_be_read_before_answering(page: Page, site: str):
    open_assessment(page, site)
    overview = page.locator("details[data-levels]")
    assert page.evaluate(
        "document.querySelector('details[data-levels]').compareDocumentPosition(document.querySelector('[data-form]'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    expect(overview).not_to_have_attribute("open", re.compile(".*"))
    overview.get_by_text("About the 4 levels").click()
    expect(overview.get_by_role("heading", name="Master Practitioner")).to_be_visible()


def test_on_a_phone_answers_sit_in_an_even_grid_of_large_targets(browser: Browser, site: str):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    open_assessment(page, site)
    options = page.locator(f'[data-item="{statements()[0]["id"]}"] .mk-scale__option')
    boxes = [options.nth(n).bounding_box() for n in range(options.count())]
    assert all(box["height"] >= 44 for box in boxes), boxes
    # Two columns of equal width, "not applicable" across both.
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[2]["y"] == boxes[3]["y"] > boxes[0]["y"]
    assert abs(boxes[0]["width"] - boxes[1]["width"]) < 1 and boxes[4]["width"] > boxes[0]["width"] * 1.5
    # Nothing of the first option's focus ring is cut off at the left.
    first = page.locator(f'[data-item="{statements()[0]["id"]}"] input').first
    first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    ring = first.evaluate(
        "e => e.getBoundingClientRect().left - parseFloat(getComputedStyle(e).outlineOffset) - parseFloat(getComputedStyle(e).outlineWidth)"
    )
    clip = first.evaluate("e => e.closest('.md-content').getBoundingClientRect().left")
    assert ring >= clip, (ring, clip)
    context.close()


def test_on_a_phone_the_chart_text_stays_readable(browser: Browser, site: str):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    open_assessment(page, site)
    answer_all(page, dict.fromkeys([item["id"] for item in statements()], 2))
    chart = page.get_by_role("img", name="Level reached in each of the categories")
    chart.scroll_into_view_if_needed()
    smallest = chart.evaluate(
        """svg => Math.min(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height))"""
    )
    assert smallest >= 12, smallest
    context.close()


def test_once_every_statement_is_answered_the_bar_stops_following_and_leads_to_the_results(page: Page, site: str):
    """A phone reader reading results keeps the whole window: the bar stays where it is in the page."""
    as_a_reader(page, site, screen=PHONE)
    open_assessment(page, site)
    *most, last = statements()
    answer_all(page, {item["id"]: 2 for item in most})
    bar = page.locator("[data-progress]")
    expect(bar.get_by_role("button", name="Next unanswered")).to_be_visible()
    answer(page, last, 2)
    expect(bar.get_by_role("button", name="Next unanswered")).to_be_hidden()
    expect(bar.get_by_role("link", name="See your results")).to_be_visible()
    page.locator("[data-results] h2").scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box["y"] + box["height"] <= 0, box  # scrolled away with the form, not held under the header
    # From the top, the bar's link brings the results' heading up to the header, with no room kept
    # for a bar that no longer follows (it left the line above the heading half under the header).
    page.evaluate("window.scrollTo(0, 0)")
    bar.get_by_role("link", name="See your results").click()
    expect(page.get_by_role("heading", name="Your results")).to_be_focused()
    page.wait_for_function(  # the heading's gap under the header, once the scroll has settled
        """() => {
            const gap = document.querySelector("[data-results] h2").getBoundingClientRect().top
                - document.querySelector("header.md-header").getBoundingClientRect().bottom;
            return gap >= 0 && gap <= 16;
        }""",
        timeout=5000,
    )


def test_on_a_phone_the_stepper_keeps_previous_and_next_on_one_row(page: Page, site: str):
    as_a_reader(page, site, screen=PHONE)
    open_assessment(page, site)
    page.get_by_role("radio", name="One category at a time").check()
    steps = page.get_by_role("navigation", name="Steps")
    steps.get_by_role("button", name="Next").click()
    where = steps.locator("[data-step]").bounding_box()
    previous = steps.get_by_role("button", name="Previous").bounding_box()
    following = steps.get_by_role("button", name="Next").bounding_box()
    assert abs(previous["y"] - following["y"]) < 1, (previous, following)
    assert where["y"] + where["height"] <= previous["y"], (where, previous)
    assert previous["x"] < following["x"]


def test_on_a_desk_not_applicable_has_a_line_of_its_own_under_the_scale(page: Page, site: str):
    as_a_reader(page, site, screen=DESK)
    open_assessment(page, site)
    options = page.locator(f'[data-item="{statements()[0]["id"]}"] .mk-scale__option')
    *scale, not_applicable = [options.nth(n).bounding_box() for n in range(options.count())]
    assert len({box["y"] for box in scale}) == 1, scale  # the scale on one line
    assert not_applicable["y"] >= scale[0]["y"] + scale[0]["height"], (not_applicable, scale[0])
    assert abs(not_applicable["x"] - scale[0]["x"]) < 1  # under the first answer, not wrapped at random
    rule = options.last.evaluate("e => getComputedStyle(e).borderLeftWidth")
    assert rule == "0px", rule  # no line left standing beside it


def test_on_a_phone_the_chart_names_the_level_of_each_grid_line(page: Page, site: str):
    as_a_reader(page, site, screen=PHONE)
    open_assessment(page, site)
    answer_all(page, dict.fromkeys([item["id"] for item in statements()], 2))
    chart = page.locator("svg.mk-chart--narrow")
    chart.scroll_into_view_if_needed()
    expect(chart).to_be_visible()
    names = chart.locator(".mk-chart__axis").evaluate_all(
        "ts => ts.map(t => [...t.children].map(s => s.textContent).join(' '))"
    )
    assert names == [level["name"] for level in mentor_spec()["scoring"]["levels"]]


def test_a_refused_answer_does_not_hide_what_another_tab_answers_meanwhile(browser: Browser, site: str):
    """A value refused beside its field is not saved; what another tab saves after it is marked as
    answered here too: "Next unanswered" and the marks of what is missing go by those marks."""
    from tests.browser.assessment import open_questionnaire

    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        open_questionnaire(page, site, "mentoring-agreement")
    first.get_by_label("How long will a typical meeting last?").fill("999")  # refused: 15 to 240
    expect(first.locator("[data-item='duration-minutes'] .mk-item__error")).to_be_visible()
    second.get_by_role("radio", name="Weekly").check()
    often = first.locator("[data-item='frequency']")
    expect(often.get_by_role("radio", name="Weekly")).to_be_checked()  # heard from the other tab
    expect(often).to_have_attribute("data-answered", "")
    context.close()
