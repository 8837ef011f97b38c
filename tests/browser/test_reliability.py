"""A reader's answers survive what browsers and programme owners do to them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    MENTOR,
    answer,
    answer_all,
    answers_on_page,
    log_status,
    mentor_spec,
    open_assessment,
    open_questionnaire,
    reload,
    saved,
    statements,
    status_log,
)
from tests.build.conftest import SMALL, make_project
from tests.conftest import CHROMIUM_ARGS, listening, mkdocs_build

STATUS = "[data-questionnaire] [data-status]"
SAVED = f"mentorkit:/{MENTOR}:"  # the site is served at /, the key's scope


def test_answers_survive_a_browser_restart(playwright, site: str, tmp_path):
    profile = tmp_path / "profile"
    wanted = {item["id"]: 2 for item in statements()[:6]}
    for round_ in range(2):
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = context.new_page()
        open_assessment(page, site)
        if round_ == 0:
            answer_all(page, wanted)
        else:
            assert answers_on_page(page) == wanted
        context.close()


def test_two_tabs_see_each_others_answers_and_overwrite_nothing(browser, site: str):
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    open_assessment(first, site)
    open_assessment(second, site)
    one, two = statements()[0], statements()[1]
    answer(first, one, 3)
    expect(second.locator(STATUS)).to_contain_text("changed in another tab")
    answer(second, two, 1)  # the second tab still knew nothing of `one` when it opened
    expect(first.locator(STATUS)).to_contain_text("changed in another tab")
    assert answers_on_page(first) == {one["id"]: 3, two["id"]: 1}
    assert answers_on_page(second) == {one["id"]: 3, two["id"]: 1}
    third = context.new_page()
    open_assessment(third, site)
    assert answers_on_page(third) == {one["id"]: 3, two["id"]: 1}
    context.close()


# Material's own palette script reads localStorage without a guard; our runtime must not.
@pytest.mark.expected_page_errors("blocked")
def test_without_storage_the_page_works_in_memory_and_says_so(page: Page, site: str):
    page.add_init_script("""Object.defineProperty(window, "localStorage", {
        get() { throw new DOMException("blocked", "SecurityError"); } });""")
    open_assessment(page, site)
    expect(page.locator(STATUS)).to_contain_text("answers last only until you leave this page")
    wanted = {item["id"]: 3 for item in mentor_spec()["groups"][0]["items"]}
    answer_all(page, wanted)
    assert answers_on_page(page) == wanted
    expect(page.locator('[data-group-result="understanding-self"] td').first).to_have_text("Master Practitioner")


def test_when_storage_is_full_the_reader_is_told_and_nothing_typed_is_lost(page: Page, site: str):
    page.add_init_script("""const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key.startsWith("mentorkit:") && key !== "mentorkit:probe") throw new DOMException("full", "QuotaExceededError");
            return setItem.call(this, key, value);
        };""")
    open_assessment(page, site)
    first, second = statements()[0], statements()[1]
    answer(page, first, 2)
    expect(page.locator(STATUS)).to_contain_text("could not be saved")
    answer(page, second, 3)
    assert answers_on_page(page) == {first["id"]: 2, second["id"]: 3}
    expect(page.locator("[data-progress-text]")).to_have_text(f"2 of {len(statements())} answered")


def test_results_whose_code_cannot_load_say_so_and_come_at_the_next_answer(page: Page, site: str):
    # The connection drops between the page and the code of its results (or, in WebKit, the page
    # is left while that code loads): said in a sentence, and tried again at the next answer.
    down = {"now": True}
    page.route(
        "**/mentorkit-runtime/results-levels.js", lambda route: route.abort() if down["now"] else route.fallback()
    )
    open_assessment(page, site)
    first, second = statements()[0], statements()[1]
    answer(page, first, 2)
    expect(page.locator(STATUS)).to_contain_text("Part of this page could not be loaded")
    down["now"] = False
    answer(page, second, 3)
    expect(page.locator("[data-results] table").first).to_be_visible()
    assert answers_on_page(page) == {first["id"]: 2, second["id"]: 3}


def test_a_storage_event_that_changes_nothing_shown_is_not_announced(page: Page, site: str):
    """Chromium can deliver the event of this tab's own write after a reload: the page must not
    then tell the reader their answers changed in another tab."""
    open_assessment(page, site)
    answer(page, statements()[0], 1)
    key = page.evaluate(f"Object.keys(localStorage).find(k => k.startsWith('{SAVED}'))")
    expect(page.locator(STATUS)).to_be_empty()
    page.evaluate("key => window.dispatchEvent(new StorageEvent('storage', {key, storageArea: localStorage}))", key)
    page.evaluate(
        "key => window.dispatchEvent(new StorageEvent('storage', {key: null, storageArea: localStorage}))", key
    )
    expect(page.locator(STATUS)).to_be_empty()
    assert answers_on_page(page) == {statements()[0]["id"]: 1}


def test_corrupt_saved_answers_are_set_aside_with_a_notice(page: Page, site: str):
    open_assessment(page, site)
    answer(page, statements()[0], 1)
    key = page.evaluate(f"Object.keys(localStorage).find(k => k.startsWith('{SAVED}'))")
    page.evaluate("key => localStorage.setItem(key, '{\"answers\": [not json')", key)
    log_status(page)  # a failure says what the page said instead (seen once in a full run)
    reload(page)
    try:
        expect(page.locator(STATUS)).to_contain_text("could not be read and were set aside")
    except AssertionError as failure:
        raise AssertionError(f"{failure}\nwhat the page said, in order:\n{status_log(page)}") from None
    assert answers_on_page(page) == {}
    answer(page, statements()[1], 2)
    reload(page)
    assert answers_on_page(page) == {statements()[1]["id"]: 2}


def test_an_edited_questionnaire_keeps_the_answers_that_still_fit_and_says_what_changed(page: Page, small_site):
    url, rebuild = small_site
    page.goto(url)
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    for statement, label in [
        ("I let the other person finish.", "Sometimes"),
        ("I notice what is left unsaid.", "Sometimes"),
        ("I ask open questions.", "Always"),
        ("I ask the question that changes the conversation.", "Never"),
    ]:
        page.get_by_role("group", name=statement).get_by_role("radio", name=label, exact=True).check()
    # The owner replaces one statement and shortens the scale: "Always" (2) no longer exists.
    edited = (
        SMALL.replace(
            "      - {id: listen-a1, level: advanced, text: I notice what is left unsaid.}\n",
            "      - {id: listen-a2, level: advanced, text: I hear the feeling behind the words.}\n",
        )
        .replace("  - {value: 2, label: Always}\n", "")
        .replace("      meets: 2\n", "      meets: 1\n")
    )
    rebuild(edited)
    page.reload()
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    expect(page.locator("[data-status]")).to_have_text(
        "This questionnaire has changed since you last answered it. 2 of your answers still apply and were kept; "
        "2 no longer fit (a question was removed or changed) and were dropped."
    )
    assert answers_on_page(page) == {"listen-b1": 1, "ask-a1": 0}  # nothing outside the new scale survives
    expect(page.locator('[data-group-result="listening"] td').first).to_have_text("Incomplete")
    page.reload()
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    expect(page.locator("[data-status]")).to_be_hidden()  # said once; the new version is now the saved one
    assert answers_on_page(page) == {"listen-b1": 1, "ask-a1": 0}


IMPORTS = {
    "not JSON at all": (b"this is not json {", "could not be read as JSON"),
    "JSON of another kind": (json.dumps({"hello": "world"}).encode(), "not an answers file from this site"),
    "answers as a list": (
        json.dumps({"format": "mentorkit-answers", "questionnaire": MENTOR, "answers": [1, 2]}).encode(),
        "not an answers file from this site",
    ),
    "another questionnaire": (
        json.dumps(
            {"format": "mentorkit-answers", "questionnaire": "mentee-readiness", "answers": {"purpose-1": 2}}
        ).encode(),
        "answers to another questionnaire",
    ),
    "oversized": (b'{"format": "mentorkit-answers", "pad": "' + b"x" * (1024 * 1024 + 10) + b'"}', "too large"),
    "hostile strings only": (
        json.dumps(
            {
                "format": "mentorkit-answers",
                "questionnaire": MENTOR,
                "answers": {
                    "self-f2": "<img src=x onerror=window.__hacked=1>",
                    "__proto__": {"polluted": True},
                    "constructor": {"prototype": {"polluted": True}},
                    "no-such-statement": 3,
                },
            }
        ).encode(),
        "no answers that fit this questionnaire",
    ),
    # What mentorkit report refuses, the page refuses too.
    "a format of a newer toolkit": (
        json.dumps(
            {"format": "mentorkit-answers", "format_version": 999, "questionnaire": MENTOR, "answers": {"self-f1": 2}}
        ).encode(),
        "a format this site cannot read",
    ),
    "nested too deep": (
        b'{"format": "mentorkit-answers", "questionnaire": "mentor-competence", "answers": {"self-f1": 2}, "pad": '
        + b"[" * 101
        + b"]" * 101
        + b"}",
        "not an answers file from this site",
    ),
    "not UTF-8": (
        b'{"format": "mentorkit-answers", "questionnaire": "mentor-competence", "answers": {"self-f1": 2}, "note": "caf\xe9"}',
        "could not be read",
    ),
    # An uncaught TypeError once: String() of an object whose toString is not a function.
    "a questionnaire that is not text": (
        json.dumps(
            {"format": "mentorkit-answers", "questionnaire": {"toString": 1}, "answers": {"self-f1": 2}}
        ).encode(),
        "not an answers file from this site",
    ),
}


@pytest.mark.parametrize("case", IMPORTS)
def test_a_bad_import_is_refused_with_a_message_and_changes_nothing(page: Page, site: str, tmp_path, case: str):
    content, message = IMPORTS[case]
    open_assessment(page, site)
    mine = {statements()[0]["id"]: 1, statements()[5]["id"]: 3}
    answer_all(page, mine)
    page.on("dialog", lambda dialog: pytest.fail(f"asked to confirm a bad import: {dialog.message}"))
    file = tmp_path / "answers.json"
    file.write_bytes(content)
    page.get_by_label("Import answers").set_input_files(file)
    expect(page.locator(STATUS)).to_contain_text(message)
    expect(page.locator(STATUS)).to_contain_text("Nothing was changed.")
    assert answers_on_page(page) == mine
    reload(page)
    assert answers_on_page(page) == mine
    assert page.evaluate(
        "window.__hacked === undefined && ({}).polluted === undefined && Object.prototype.polluted === undefined"
    )


def test_an_import_mixing_good_and_hostile_entries_keeps_only_what_fits(page: Page, site: str, tmp_path):
    open_assessment(page, site)
    good = {item["id"]: 2 for item in statements()[:4]}
    hostile = {"__proto__": {"polluted": True}, "self-f2": "<script>window.__hacked=1</script>", "zzz": 1}
    file = tmp_path / "answers.json"
    # written by hand so that "__proto__" is a real key in the file, as an attacker would write it
    body = json.dumps(good)[:-1] + ', "__proto__": {"polluted": true}, "zzz": 1}'
    file.write_text(
        f'{{"format": "mentorkit-answers", "questionnaire": "{MENTOR}", "answers": {body}}}', encoding="utf-8"
    )
    page.get_by_label("Import answers").set_input_files(file)
    expect(page.locator(STATUS)).to_have_text(
        f"Imported {len(good)} answers. 2 entries in the file did not fit this questionnaire and were ignored."
    )
    assert answers_on_page(page) == good
    assert page.evaluate("({}).polluted === undefined && window.__hacked === undefined")
    assert hostile  # the hostile entries above are what the file carried


def test_a_file_with_a_byte_order_mark_is_imported_as_mentorkit_report_reads_it(page: Page, site: str, tmp_path):
    open_assessment(page, site)
    good = {item["id"]: 1 for item in statements()[:3]}
    file = tmp_path / "answers.json"
    record = {"format": "mentorkit-answers", "format_version": 1, "questionnaire": MENTOR, "answers": good}
    file.write_bytes(b"\xef\xbb\xbf" + json.dumps(record).encode())
    page.get_by_label("Import answers").set_input_files(file)
    expect(page.locator(STATUS)).to_have_text("Imported 3 answers.")
    assert answers_on_page(page) == good


def saved_keys(page: Page) -> dict[str, list[str]]:
    """The keys of this questionnaire's answers in each storage, scoped or from before keys named a site."""
    return page.evaluate(f"""() => Object.fromEntries(["localStorage", "sessionStorage"].map((kind) =>
        [kind, Object.keys(window[kind]).filter((k) => k.startsWith("{SAVED}") || k.startsWith("mentorkit:{MENTOR}:"))]))""")


FILL_STORAGE = """() => {
    let size = 1 << 20, n = 0;
    while (size >= 1) {
        try { localStorage.setItem(`filler:${n++}`, "x".repeat(size)); } catch { size = Math.floor(size / 2); }
    }
}"""


def test_with_storage_full_every_notice_is_true_and_start_again_really_clears(page: Page, site: str, tmp_path):
    """Storage filled to its quota, as a browser full of other sites' data leaves it."""
    page.on("dialog", lambda dialog: dialog.accept())
    open_assessment(page, site)
    earlier = {item["id"]: 2 for item in statements()[:3]}
    page.evaluate(  # answers saved by an earlier version of the questionnaire, to be carried over
        "([key, answers]) => localStorage.setItem(key, JSON.stringify({version: 'old', saved: '2026-01-01', answers}))",
        [SAVED + "0ld", earlier],
    )
    page.evaluate(FILL_STORAGE)
    unsaved = (
        "could not be saved in this browser: its storage is full or blocked. They are kept only until you close "
        "this tab. Export them to keep a copy."
    )

    reload(page)  # migration: the carried-over answers cannot be written
    expect(page.locator(STATUS)).to_contain_text("This questionnaire has changed since you last answered it. 3 of")
    expect(page.locator(STATUS)).to_contain_text("Your answers " + unsaved)
    assert answers_on_page(page) == earlier

    told = page.locator(STATUS).inner_text()
    answer(page, statements()[3], 1)  # told once, not at every answer
    expect(page.locator(STATUS)).to_have_text(told)
    download = saved(
        page, lambda: page.locator(STATUS).get_by_role("button", name="Export a full backup (JSON)").click()
    )
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["answers"] == {**earlier, statements()[3]["id"]: 1}

    reload(page)  # what this tab could not save, it still has: the notice said "until you close this tab"
    assert answers_on_page(page) == {**earlier, statements()[3]["id"]: 1}
    expect(page.locator(STATUS)).to_have_text("Your answers " + unsaved + " Export a full backup (JSON)")

    imported = {item["id"]: 3 for item in statements()[10:15]}
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"format": "mentorkit-answers", "questionnaire": MENTOR, "answers": imported}))
    page.get_by_label("Import answers").set_input_files(file)
    expect(page.locator(STATUS)).to_have_text(
        "The 5 answers in the file are shown here but " + unsaved + " Export a full backup (JSON)"
    )
    assert answers_on_page(page) == imported

    page.get_by_role("button", name="Start again").click()
    expect(page.locator(STATUS)).to_have_text("All answers cleared.")
    assert saved_keys(page) == {"localStorage": [], "sessionStorage": []}  # nothing left to come back on reload
    reload(page)
    assert answers_on_page(page) == {}
    expect(page.locator(STATUS)).to_be_hidden()


def test_start_again_says_so_when_the_saved_answers_cannot_be_removed(page: Page, site: str):
    page.add_init_script("""const removeItem = Storage.prototype.removeItem;
        Storage.prototype.removeItem = function (key) {
            if (key.startsWith("mentorkit:")) throw new DOMException("denied", "SecurityError");
            return removeItem.call(this, key);
        };""")
    page.on("dialog", lambda dialog: dialog.accept())
    open_assessment(page, site)
    answer(page, statements()[0], 2)
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(STATUS)).to_have_text(
        "Your answers are cleared from this page, but this browser's storage could not be reached to remove the "
        "saved copy. To be sure, clear this site's data in your browser's settings."
    )
    assert answers_on_page(page) == {}


def test_a_saved_record_holding_anything_never_stops_the_page(page: Page, site: str):
    open_assessment(page, site)
    first = statements()[0]["id"]
    for key, record in [  # older versions, one of them hostile: sorting them by date once threw on every visit
        (SAVED + "v1", {"saved": {"toString": 1}, "answers": {first: 2, "__proto__": {"polluted": True}}}),
        (SAVED + "v2", {"saved": "2026-01-01", "answers": {first: 1}}),
        (SAVED + "v3", {"saved": ["x"], "answers": [1, 2]}),
        (SAVED + "v4", "not a record"),
    ]:
        page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [key, record])
    reload(page)
    expect(page.locator(STATUS)).to_contain_text("This questionnaire has changed since you last answered it.")
    assert answers_on_page(page) == {first: 1}  # the newest that is a record
    assert page.evaluate("({}).polluted === undefined")


def test_another_tabs_save_leaves_a_number_being_typed_here_alone(browser, site: str):
    qid = "mentoring-agreement"
    context = browser.new_context()
    here, there = context.new_page(), context.new_page()
    open_questionnaire(here, site, qid)
    open_questionnaire(there, site, qid)
    typing = here.get_by_label("How long will a typical meeting last?", exact=True)
    typing.fill("500")  # above the maximum: not saved until it fits
    expect(here.locator("[data-item=duration-minutes] .mk-item__error")).to_contain_text(
        "Enter a number from 15 to 240"
    )
    there.get_by_label("How long do we expect the relationship to run?", exact=True).fill("12")
    expect(here.locator(STATUS)).to_contain_text("changed in another tab")
    expect(here.get_by_label("How long do we expect the relationship to run?", exact=True)).to_have_value("12")
    expect(typing).to_have_value("500")
    expect(here.locator("[data-item=duration-minutes] .mk-item__error")).to_contain_text(
        "Enter a number from 15 to 240"
    )
    context.close()


def test_two_sites_on_one_origin_keep_their_own_answers(browser, tmp_path):
    """Two programmes published under /a/ and /b/ of one host, as two project sites of a GitHub Pages organisation."""
    server, base = listening(tmp_path / "out")
    project = make_project(tmp_path)
    for path in ("a", "b"):
        result = mkdocs_build(project, tmp_path / "out" / path, site_url=f"{base}{path}/")
        assert result.returncode == 0, result.stderr
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}a/assessments/small/")
        expect(page.locator("[data-enhanced]")).to_have_count(1)
        version = page.evaluate("JSON.parse(document.querySelector('template[data-spec]').content.textContent).version")
        # Saved before keys named a site: it cannot say which site wrote it, so the first to open it claims it.
        page.evaluate(
            "key => localStorage.setItem(key, JSON.stringify({saved: '2026-01-01', answers: {'listen-b1': 2}}))",
            f"mentorkit:small:{version}",
        )
        page.reload()
        expect(page.locator("[data-enhanced]")).to_have_count(1)
        assert answers_on_page(page) == {"listen-b1": 2}
        page.get_by_role("group", name="I ask open questions.").get_by_role("radio", name="Always").check()

        page.goto(f"{base}b/assessments/small/")
        expect(page.locator("[data-enhanced]")).to_have_count(1)
        assert answers_on_page(page) == {}  # a's answers are not b's
        page.get_by_role("group", name="I ask open questions.").get_by_role("radio", name="Never").check()

        page.goto(f"{base}a/assessments/small/")
        expect(page.locator("[data-enhanced]")).to_have_count(1)
        assert answers_on_page(page) == {"listen-b1": 2, "ask-b1": 2}
        page.goto(f"{base}b/assessments/small/")
        expect(page.locator("[data-enhanced]")).to_have_count(1)
        assert answers_on_page(page) == {"ask-b1": 0}
        assert sorted(page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('mentorkit:'))")) == [
            f"mentorkit:/a/small:{version}",
            f"mentorkit:/b/small:{version}",
        ]
    finally:
        context.close()
        server.shutdown()


def test_the_export_code_starts_loading_as_the_reader_points_at_or_tabs_to_its_button(page: Page, site: str):
    """The export and import code loads on demand, from the moment the reader shows intent: by the
    click it has usually arrived, and the download keeps the click's user activation."""
    open_assessment(page, site)
    export = page.get_by_role("button", name="Export answers to hand in (JSON)")
    with page.expect_request("**/mentorkit-runtime/transfer.js"):
        export.hover()
    reload(page)
    with page.expect_request("**/mentorkit-runtime/transfer.js"):
        export.focus()


# Every file the page saves by itself, with whether the reader's click still stood behind it; and
# a word in the console when a file is offered instead, which the test can wait for without
# evaluating anything in the page (Playwright's evaluate counts as a user gesture).
WATCH_SAVES = """
    window.__saves = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
        if (this.download) window.__saves.push({ name: this.download, active: navigator.userActivation.isActive });
        return click.call(this);
    };
    new MutationObserver(() => {
        if (document.querySelector("[data-status] a[download]")) console.info("offered a file");
    }).observe(document, { childList: true, subtree: true });
"""


def test_an_export_whose_code_arrives_after_the_click_has_lapsed_is_offered_not_dropped(page: Page, site: str):
    """On a slow connection the code arrives after the browser has stopped counting the click as
    the reader's (Chromium keeps a click's user activation for 5 s), and a download started then
    may be refused without a word: the file is offered as a link to save instead, in focus, where
    the notices are read."""
    page.add_init_script(WATCH_SAVES)
    held = []
    page.route("**/mentorkit-runtime/transfer.js", lambda route: held.append(route))  # waits until let go
    open_assessment(page, site)
    wanted = {item["id"]: 2 for item in statements()[:5]}
    answer_all(page, wanted)
    page.get_by_role("button", name="Export answers to hand in (JSON)").click()
    # The module held back 6.5 s, the page left alone: past the 5 s Chromium keeps an activation (were
    # it still standing, the file would be saved at once and never offered, and this test would fail).
    page.wait_for_timeout(6_500)
    assert len(held) == 1
    with page.expect_console_message(lambda message: message.text == "offered a file", timeout=30_000):
        held[0].continue_()
    offered = page.locator(STATUS).get_by_role(
        "link", name=re.compile(r"^Your file is ready: save mentor-competence-answers-\d{4}-\d\d-\d\d\.json$")
    )
    expect(offered).to_be_focused()
    with page.expect_download() as download:
        offered.click()
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["answers"] == wanted
    expect(offered).to_have_count(0)  # one file, saved once
    # No file was started on the strength of a click the browser no longer counted.
    assert [s for s in page.evaluate("window.__saves") if not s["active"]] == []
