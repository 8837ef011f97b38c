"""Every questionnaire can be filled in, and its answers exported, with the keyboard alone:
Tab from the top of the page, Space and the arrow keys for choices, typing for the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.assessment import INSTRUMENTS, answers_on_page, open_questionnaire, sample_answers, saved, statements

FOCUSED = """() => {
    const el = document.activeElement;
    return {tag: el.tagName.toLowerCase(), type: el.type || null, name: el.name || null,
            text: el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60)};
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    # Chromium orders a date field's parts by locale: month, day, year in en-US.
    return {**browser_context_args, "locale": "en-US"}


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page: Page, wanted, limit: int) -> list[dict]:
    """Press Tab until `wanted(focused element)`; what focus passed on the way."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if wanted(now):
            return passed
        passed.append(now)
    seen = ", ".join(f"{p['tag']} {p['name'] or p['text']!r}" for p in passed[-12:])
    raise AssertionError(f"{limit} presses of Tab never reached it; the last places focus went: {seen}")


def typed_answers(qid: str) -> dict:
    """The sample answers, with text answers short enough to type quickly (markup kept as text)."""
    answers = sample_answers(qid)
    for n, item in enumerate(statements(qid)):
        if item.get("type") == "text":
            answers[item["id"]] = f"<b>{n}</b> & kept"
    return answers


def answer_with_keys(page: Page, item: dict, value) -> None:
    """Focus is on the item's field (a group of radios: its first radio)."""
    kind = item.get("type", "scale")
    if kind in ("scale", "choice"):
        values = page.locator(f'[data-item="{item["id"]}"] input[type="radio"]').evaluate_all(
            "radios => radios.map(r => r.value)"
        )
        page.keyboard.press("Space")  # choose the focused, first radio
        for _ in range(values.index(str(value))):
            page.keyboard.press("ArrowRight")  # moves to the next radio and chooses it
    elif kind == "date":
        year, month, day = value.split("-")
        page.keyboard.type(month + day + year)  # each part moves on to the next once full
    else:
        page.keyboard.type(str(value))


@pytest.mark.parametrize("qid", INSTRUMENTS)
def test_every_questionnaire_can_be_completed_and_exported_with_the_keyboard(page: Page, site: str, qid: str):
    open_questionnaire(page, site, qid)
    items = statements(qid)
    wanted = typed_answers(qid)

    # From the top of the page: past the skip link, header and navigation to the first item.
    tab_to(page, lambda now: now["name"] == items[0]["id"], limit=200)
    previous = None
    for item in items:
        if previous:
            passed = tab_to(page, lambda now, wanted=item["id"]: now["name"] == wanted, limit=8)
            # Tab goes from one item to the next; only a link in a group's description, or the
            # calendar button of the date field just typed in, may come between.
            stray = [p for p in passed if p["tag"] != "a" and p["name"] != previous["id"]]
            assert not stray, f"between {previous['id']} and {item['id']}, Tab stopped on {stray}"
        answer_with_keys(page, item, wanted[item["id"]])
        previous = item

    assert answers_on_page(page) == wanted
    expect(page.locator("[data-progress-text]")).to_have_text(f"{len(items)} of {len(items)} answered")

    tab_to(page, lambda now: now["tag"] == "button" and now["text"] == "Export answers to hand in (JSON)", limit=80)
    download = saved(page, lambda: page.keyboard.press("Enter"))
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["questionnaire"] == qid
    assert exported["answers"] == wanted
