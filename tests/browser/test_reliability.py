"""A reader's answers survive what browsers and programme owners do to them."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    MENTOR,
    answer,
    answer_all,
    answers_on_page,
    mentor_spec,
    open_assessment,
    reload,
    statements,
)
from tests.build.conftest import SMALL, make_project
from tests.conftest import CHROMIUM_ARGS, free_port, mkdocs_build, serve

STATUS = "[data-questionnaire] [data-status]"


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


def test_corrupt_saved_answers_are_set_aside_with_a_notice(page: Page, site: str):
    open_assessment(page, site)
    key = page.evaluate("Object.keys(localStorage).find(k => k.startsWith('mentorkit:mentor-competence:'))")
    answer(page, statements()[0], 1)
    key = page.evaluate("Object.keys(localStorage).find(k => k.startsWith('mentorkit:mentor-competence:'))")
    page.evaluate("key => localStorage.setItem(key, '{\"answers\": [not json')", key)
    reload(page)
    expect(page.locator(STATUS)).to_contain_text("could not be read and were set aside")
    assert answers_on_page(page) == {}
    answer(page, statements()[1], 2)
    reload(page)
    assert answers_on_page(page) == {statements()[1]["id"]: 2}


@pytest.fixture
def small_site(tmp_path):
    """A programme's own small site whose questionnaire can be edited and rebuilt at the same address."""
    project = make_project(tmp_path)
    port = free_port()
    out = tmp_path / "site"
    url = f"http://127.0.0.1:{port}/"
    assert mkdocs_build(project, out, site_url=url).returncode == 0
    server = serve(out, port)

    def rebuild(text: str) -> None:
        (tmp_path / "questionnaires" / "small.yml").write_text(text, encoding="utf-8")
        result = mkdocs_build(project, out, site_url=url)
        assert result.returncode == 0, result.stderr

    yield url + "assessments/small/", rebuild
    server.shutdown()


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
