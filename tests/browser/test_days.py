"""The reader's own day, wherever a day is written: file names, the date an export carries, the date
an attempt is kept under. Tried in Auckland and California, either side of UTC midnight, with the
browser's clock set to the moment (issue 31: these once wrote the UTC day)."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.assessment import MENTOR, answer_all, open_assessment, saved, statements

MOMENTS = {
    # 09:30 on 3 March in Auckland: still 2 March in UTC.
    "Pacific/Auckland": (
        datetime.datetime(2027, 3, 2, 20, 30, tzinfo=datetime.timezone.utc),
        "2027-03-03",
        "3 March 2027",
    ),
    # 16:30 on 2 March in California: already 3 March in UTC.
    "America/Los_Angeles": (
        datetime.datetime(2027, 3, 3, 0, 30, tzinfo=datetime.timezone.utc),
        "2027-03-02",
        "2 March 2027",
    ),
}


@contextlib.contextmanager
def reader_in(browser: Browser, zone: str) -> Iterator[Page]:
    """A page in a browser set to ``zone``, its clock fixed at that zone's moment."""
    context = browser.new_context(timezone_id=zone)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(MOMENTS[zone][0])
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("zone", MOMENTS)
def test_every_day_written_is_the_readers_own(browser: Browser, site: str, zone: str):
    _, day, written = MOMENTS[zone]
    with reader_in(browser, zone) as page:
        open_assessment(page, site)
        answer_all(page, {item["id"]: 2 for item in statements()})
        exported = saved(page, lambda: page.get_by_role("button", name="Export answers to hand in (JSON)").click())
        assert exported.suggested_filename == f"{MENTOR}-answers-{day}.json"
        markdown = saved(page, lambda: page.get_by_role("button", name="Export as Markdown").click())
        assert markdown.suggested_filename == f"{MENTOR}-{day}.md"
        assert f"Exported on {written}" in Path(markdown.path()).read_text(encoding="utf-8")
        growth = page.locator("[data-growth]")
        growth.get_by_label("Label (optional)", exact=False).fill("Before the programme")
        growth.get_by_role("button", name="Keep as an attempt").click()
        expect(growth.locator("[data-attempt]")).to_contain_text(f"Before the programme ({written})")


@pytest.mark.parametrize("zone", MOMENTS)
def test_a_new_journal_entry_and_the_journals_export_carry_the_readers_own_day(browser: Browser, site: str, zone: str):
    _, day, written = MOMENTS[zone]
    with reader_in(browser, zone) as page:
        page.goto(f"{site}journal/")
        expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
        page.locator("[data-add]").get_by_text("Reflection", exact=True).click()
        form = page.locator("[data-entry-form]")
        expect(form.get_by_label("Date", exact=True)).to_have_value(day)  # the day the entry is written
        form.get_by_label("My reflection", exact=True).fill("Listening first.")
        form.get_by_role("button", name="Save entry").click()
        expect(page.locator("[data-list] > li")).to_have_count(1)
        page.get_by_role("button", name="Take it with you").click()  # folded under its heading
        exported = saved(page, lambda: page.get_by_role("button", name="Export as Markdown").click())
        assert exported.suggested_filename == f"journal-{day}.md"
        assert f"Exported on {written}" in Path(exported.path()).read_text(encoding="utf-8")
