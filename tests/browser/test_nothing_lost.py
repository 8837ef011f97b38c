"""Nothing lost, round three (issue 30): a stored record is never deleted to recover from it, writes
merge, and imports keep only what a page shows. Each test reproduces a defect that lost what a
reader kept, in Chromium, as a reader meets it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    MENTOR,
    answer,
    answers_on_page,
    log_status,
    open_assessment,
    reload,
    saved,
    statements,
    status_log,
)
from tests.browser.test_journal import KEY as JOURNAL_KEY
from tests.browser.test_journal import add, day, entries, open_journal, stored_entries
from tests.browser.test_reliability import SAVED, STATUS

JOURNAL_STATUS = "[data-questionnaire='journal'] [data-status]"


def key_of(page: Page, prefix: str) -> str:
    return page.evaluate(
        f"Object.keys(localStorage).find(k => k.startsWith({json.dumps(prefix)}) && !k.includes(':unreadable'))"
    )


def test_a_journal_record_with_answers_of_the_wrong_type_keeps_every_entry(page: Page, site: str):
    open_journal(page, site)
    add(page, "Reflection", {"Date": day(-2), "My reflection": "I listen better when I take notes."})
    page.evaluate(  # the record as an older or foreign writer left it: answers an array
        "key => { const r = JSON.parse(localStorage.getItem(key)); r.answers = [1, 2]; localStorage.setItem(key, JSON.stringify(r)); }",
        JOURNAL_KEY,
    )
    page.reload()
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    expect(entries(page)).to_have_count(1)  # the entry is still there, shown
    expect(page.locator(JOURNAL_STATUS)).not_to_contain_text("answers")  # a journal speaks of entries
    add(page, "Reflection", {"Date": day(-1), "My reflection": "Silence helps."})
    assert len(stored_entries(page)) == 2


def test_a_journal_that_cannot_be_read_is_set_aside_offered_and_never_deleted(page: Page, site: str, tmp_path):
    open_journal(page, site)
    add(page, "Reflection", {"Date": day(-2), "My reflection": "I listen better when I take notes."})
    truncated = page.evaluate("key => localStorage.getItem(key)", JOURNAL_KEY)[:-9]
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [JOURNAL_KEY, truncated])
    page.reload()
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    status = page.locator(JOURNAL_STATUS)
    expect(status).to_contain_text("Your saved journal could not be read and was set aside, unchanged")
    aside = page.evaluate(
        "key => Object.keys(localStorage).filter(k => k.startsWith(key + ':unreadable:'))", JOURNAL_KEY
    )
    assert len(aside) == 1 and page.evaluate("k => localStorage.getItem(k)", aside[0]) == truncated
    download = saved(page, lambda: status.get_by_role("button", name="Download what could not be read").click())
    assert Path(download.path()).read_text(encoding="utf-8") == truncated
    add(page, "Reflection", {"Date": day(-1), "My reflection": "Silence helps."})  # the journal goes on
    assert len(stored_entries(page)) == 1
    assert page.evaluate("k => localStorage.getItem(k)", aside[0]) == truncated  # still there, untouched


def test_saved_answers_that_cannot_be_read_are_moved_aside_and_offered(page: Page, site: str):
    open_assessment(page, site)
    answer(page, statements()[0], 1)
    key = key_of(page, SAVED)
    page.evaluate("key => localStorage.setItem(key, '{\"answers\": [not json')", key)
    log_status(page)  # a failure says what the page said instead (seen once in a full run)
    reload(page)
    try:
        expect(page.locator(STATUS)).to_contain_text("could not be read and were set aside, unchanged")
    except AssertionError as failure:
        raise AssertionError(f"{failure}\nwhat the page said, in order:\n{status_log(page)}") from None
    download = saved(
        page, lambda: page.locator(STATUS).get_by_role("button", name="Download what could not be read").click()
    )
    assert Path(download.path()).read_text(encoding="utf-8") == '{"answers": [not json'
    assert answers_on_page(page) == {}


def test_an_unreadable_record_found_by_a_later_save_is_set_aside_said_and_offered(page: Page, site: str):
    open_assessment(page, site)
    answer(page, statements()[0], 1)
    key = key_of(page, SAVED)
    page.evaluate("key => localStorage.setItem(key, '{\"answers\": [not json')", key)  # by something else, meanwhile
    answer(page, statements()[1], 2)
    expect(page.locator(STATUS)).to_contain_text("were found unreadable and set aside, unchanged")
    download = saved(
        page, lambda: page.locator(STATUS).get_by_role("button", name="Download what could not be read").click()
    )
    assert Path(download.path()).read_text(encoding="utf-8") == '{"answers": [not json'
    reload(page)
    assert answers_on_page(page) == {statements()[0]["id"]: 1, statements()[1]["id"]: 2}


def test_an_earlier_versions_record_written_after_the_change_is_merged_not_deleted(browser, small_site):
    url, rebuild = small_site
    context = browser.new_context()
    old = context.new_page()  # a tab left open across the programme's new version
    old.goto(url)
    expect(old.locator("[data-enhanced]")).to_have_count(1)
    old.get_by_role("group", name="I let the other person finish.").get_by_role("radio", name="Sometimes").check()
    from tests.build.conftest import SMALL

    rebuild(SMALL.replace("{id: ask-a1,", "{id: ask-a2,"))  # a statement replaced: a new version
    new = context.new_page()
    new.goto(url)
    expect(new.locator("[data-enhanced]")).to_have_count(1)
    expect(new.locator("[data-status]")).to_contain_text("This questionnaire has changed since you last answered it.")
    expect(
        new.get_by_role("group", name="I let the other person finish.").get_by_role("radio", name="Sometimes")
    ).to_be_checked()
    # The old tab keeps writing its version's record; the new one takes it in, and says so.
    old.get_by_role("group", name="I notice what is left unsaid.").get_by_role("radio", name="Always").check()
    expect(new.locator("[data-status]")).to_contain_text(
        "1 answer and 0 kept items from an earlier version of this page"
    )
    group = new.get_by_role("group", name="I notice what is left unsaid.")
    expect(group.get_by_role("radio", name="Always")).to_be_checked()
    new.get_by_role("group", name="I ask open questions.").get_by_role("radio", name="Never").check()
    new.reload()
    expect(new.locator("[data-enhanced]")).to_have_count(1)
    for statement, label in [
        ("I let the other person finish.", "Sometimes"),
        ("I notice what is left unsaid.", "Always"),
        ("I ask open questions.", "Never"),
    ]:
        expect(new.get_by_role("group", name=statement).get_by_role("radio", name=label)).to_be_checked()
    context.close()


# Storage that is full for this page's writes until freed (a real quota fills at megabyte
# granularity, too coarsely for one answer): setItem refuses as a full browser does.
FULL = """window.__full = false;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
        if (window.__full && this === window.localStorage && key.startsWith("mentorkit:")) {
            throw new DOMException("full", "QuotaExceededError");
        }
        return setItem.call(this, key, value);
    };"""


def test_answers_kept_in_the_tab_while_storage_was_full_merge_with_newer_saved_ones(browser, site: str):
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    first.add_init_script(FULL)
    open_assessment(first, site)
    open_assessment(second, site)
    one, two, three = statements()[0], statements()[1], statements()[2]
    first.evaluate("() => { window.__full = true; }")
    answer(first, one, 2)
    expect(first.locator(STATUS)).to_contain_text("could not be saved")
    first.evaluate("() => { window.__full = false; }")
    answer(second, two, 3)  # saved: storage has room again
    expect(first.locator(STATUS)).to_contain_text("Your answers are saved in this browser again.")
    answer(first, three, 1)
    wanted = {one["id"]: 2, two["id"]: 3, three["id"]: 1}
    assert answers_on_page(first) == wanted
    expect(second.locator(STATUS)).to_contain_text("changed in another tab")
    assert answers_on_page(second) == wanted
    reload(first)
    assert answers_on_page(first) == wanted
    context.close()


# Both tabs answer their half of the statements from the same moment on: each change is one
# write, scheduled at the same millisecond in the two pages.
AT_ONCE = """([ids, at]) => new Promise((done) => setTimeout(() => {
    for (const id of ids) {
      const radio = document.querySelector(`input[type=radio][name="${id}"][value="2"]`);
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    }
    done();
}, at - Date.now()))"""


# Runs of two tabs answering at once. The store's rules are explored in Node against a model
# (tests/unit/test_tabs.py); here Chromium's own storage events must bear them out, in six runs in
# the suite (about 3 s each); set TWO_TAB_RUNS=50 to look harder.
RUNS = int(os.environ.get("TWO_TAB_RUNS", "6"))


def test_two_tabs_answering_at_the_same_moment_keep_every_answer(browser, site: str):
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    first.on("dialog", lambda dialog: dialog.accept())
    open_assessment(first, site)
    open_assessment(second, site)
    ids = [item["id"] for item in statements()]
    halves = ids[0::2], ids[1::2]
    stored = "key => Object.keys(JSON.parse(localStorage.getItem(key) || '{}').answers || {}).length"
    shown = "() => document.querySelectorAll('[data-form] input[type=radio]:checked').length"
    lost = []
    for run in range(RUNS):
        if run:  # Start again in one tab: the other hears of it and empties its form too
            first.get_by_role("button", name="Start again").click()
            for page in (first, second):
                page.wait_for_function(f"() => ({shown})() === 0")
        at = first.evaluate("() => Date.now() + 150")
        answering = first.evaluate_handle(AT_ONCE, [halves[0], at])
        second.evaluate(AT_ONCE, [halves[1], at])
        answering.evaluate("promise => promise")
        key = key_of(first, SAVED)
        # Each tab writes back what the other's write lost, on the other's storage event.
        for page in (first, second):
            page.wait_for_function(f"([key, n]) => ({stored})(key) === n", arg=[key, len(ids)], timeout=10_000)
            page.wait_for_function(f"n => ({shown})() === n", arg=len(ids), timeout=10_000)
        lost.append(len(ids) - first.evaluate(stored, key))
    assert lost == [0] * RUNS, f"answers lost in each run, of {len(ids)}: {lost}"
    context.close()


# Material's own palette script reads localStorage without a guard; our runtime must not.
@pytest.mark.expected_page_errors("blocked")
def test_with_storage_blocked_the_journal_says_entries_are_not_kept_and_offers_each_as_a_file(page: Page, site: str):
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('blocked', 'SecurityError'); } });""")
    open_journal(page, site)
    expect(page.locator(JOURNAL_STATUS)).to_contain_text("the entries you write here are not kept")
    page.locator("[data-add]").get_by_text("Reflection", exact=True).click()
    form = page.locator("[data-entry-form]")
    form.get_by_label("Date", exact=True).fill(day(-1))
    form.get_by_label("My reflection", exact=True).fill("Silence helps.")
    form.get_by_role("button", name="Save entry").click()
    expect(form).to_contain_text("This entry could not be saved in this browser")
    download = saved(page, lambda: form.get_by_role("button", name="Download this entry").click())
    kept = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert "Silence helps." in json.dumps(kept["lists"]["entries"])  # the journal's own file: imported again later


def test_entries_in_a_file_imported_on_a_questionnaire_page_are_refused_and_counted(page: Page, site: str, tmp_path):
    open_assessment(page, site)
    file = tmp_path / "answers.json"
    record = {
        "format": "mentorkit-answers",
        "format_version": 2,
        "questionnaire": MENTOR,
        "answers": {statements()[0]["id"]: 2},
        "lists": {
            "entries": [
                {"id": "e1", "kind": "reflection", "fields": {}},
                {"id": "e2", "kind": "reflection", "fields": {}},
            ]
        },
    }
    file.write_text(json.dumps(record), encoding="utf-8")
    page.get_by_label("Import answers").set_input_files(file)
    expect(page.locator(STATUS)).to_contain_text(
        "2 kept items in the file (journal entries, attempts or other views) are not kept on this page and were left out."
    )
    stored = page.evaluate("key => JSON.parse(localStorage.getItem(key))", key_of(page, SAVED))
    assert "entries" not in (stored.get("lists") or {})
    assert stored["answers"] == {statements()[0]["id"]: 2}


def test_the_same_statement_answered_in_two_tabs_keeps_the_later_and_says_which(browser, site: str):
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    open_assessment(first, site)
    open_assessment(second, site)
    statement = statements()[0]
    answer(first, statement, 1)
    expect(second.locator(STATUS)).to_contain_text("changed in another tab")
    answer(second, statement, 3)  # later: it stands, in both tabs
    expect(first.locator(STATUS)).to_contain_text(
        f"Your answer to “{statement['text']}” was replaced by a later one given in another tab."
    )
    assert answers_on_page(first) == answers_on_page(second) == {statement["id"]: 3}
    context.close()
