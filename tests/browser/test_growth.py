"""Growth, as a reader meets it: attempts kept and compared over time, candidates side by side,
another person's view asked for and sent back by link between two browsers, hostile links
refused, a cohort summary written by `mentorkit report` and shown on the results."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import zlib

import pytest
from mentorkit.compare import change, gaps, standing
from mentorkit.scoring import score
from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    MENTOR,
    answer,
    answer_all,
    open_questionnaire,
    reload,
    spec_of,
    statements,
)
from tests.conftest import ROOT, copy_repository, free_port, mkdocs_build, seal, serve

MENTOR_CHOICE = "choosing-a-mentor"


def name_of(spec: dict, place: dict) -> str:
    """A standing's name as the page writes it (levels and bands)."""
    if place["rank"] is None:
        return "Incomplete"
    if spec["scoring"]["method"] == "bands":
        return spec["scoring"]["bands"][place["rank"]]["name"]
    levels = spec["scoring"]["levels"]
    return levels[place["rank"] - 1]["name"] if place["rank"] else f"Not yet {levels[0]['name']}"


def uniform(qid: str, value) -> dict:
    return {item["id"]: value for item in statements(qid) if item.get("type", "scale") == "scale"}


def graded(qid: str, low, high) -> dict:
    """`high` in the first half of the groups, `low` after: results that differ by group."""
    groups = spec_of(qid)["groups"]
    return {
        item["id"]: (high if g < len(groups) // 2 else low)
        for g, group in enumerate(groups)
        for item in group["items"]
        if item.get("type", "scale") == "scale"
    }


def growth(page: Page):
    part = page.locator("[data-growth]")
    part.scroll_into_view_if_needed()
    return part


def accept_dialogs(page: Page, answer_text: str | None = None) -> list[str]:
    seen: list[str] = []

    def on_dialog(dialog):
        seen.append(dialog.message)
        dialog.accept(answer_text) if answer_text is not None and dialog.type == "prompt" else dialog.accept()

    page.on("dialog", on_dialog)
    return seen


def keep(page: Page, label: str, button: str = "Keep as an attempt") -> None:
    part = growth(page)
    part.get_by_role("textbox", name=re.compile("Label|Candidate")).fill(label)
    part.get_by_role("button", name=button).click()
    expect(page.locator("[data-status]")).to_contain_text(label)


def test_a_mentor_takes_the_assessment_twice_and_sees_what_moved(page: Page, site: str):
    spec = spec_of(MENTOR)
    before, after = uniform(MENTOR, 1), graded(MENTOR, 1, 3)
    accept_dialogs(page, "start of year")
    open_questionnaire(page, site)
    answer_all(page, before)
    keep(page, "before the programme")
    part = growth(page)
    expect(part.locator("[data-attempt]")).to_have_count(1)
    expect(part.locator("[data-attempt]")).to_contain_text("before the programme")
    expect(part.locator("[data-attempt]")).to_contain_text(
        name_of(spec, standing(spec, score(spec, before))["overall"])
    )

    # Answer again from the last attempt: the answers come back, then change some of them.
    part.get_by_role("button", name="Answer again from the last attempt").click()
    expect(page.locator("[data-status]")).to_contain_text("start from your last attempt")
    answer_all(page, {k: v for k, v in after.items() if v != before[k]})
    reload(page)  # the attempt survives a reload
    part = growth(page)
    expect(part.locator("[data-attempt]")).to_have_count(1)
    part.get_by_label("Compare your results now with").select_option(index=1)

    moved = change(spec, score(spec, before), score(spec, after))
    b, a = standing(spec, score(spec, before)), standing(spec, score(spec, after))
    expected = [
        f"{group['title']}: {name_of(spec, b['groups'][n])} → {name_of(spec, a['groups'][n])}"
        for n, group in enumerate(spec["groups"])
        if group["id"] in moved["moved"]
    ]
    assert expected, "the two attempts must differ for this test to mean anything"
    expect(part.locator("[data-growth-moved] li")).to_have_text(expected)
    # The chart draws the earlier attempt as outlines; the table gives the change per group.
    expect(part.locator(".mk-chart--wide .mk-chart__bar--earlier")).not_to_have_count(0)
    table = part.get_by_role("table", name=re.compile("then and now"))
    for n, group in enumerate(spec["groups"]):
        row = table.get_by_role("row", name=re.compile("^" + re.escape(group["title"])))
        step = moved["groups"][n]["change"]
        expect(row).to_contain_text("no change" if step == 0 else f"+{step} level")

    # The Markdown export carries the comparison on screen.
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert "What changed since before the programme" in text and expected[0] in text

    # Rename, then delete with confirmation.
    part.get_by_role("button", name=re.compile("^Rename before the programme")).click()
    expect(part.locator("[data-attempt]")).to_contain_text("start of year")
    part.get_by_role("button", name=re.compile("^Delete start of year")).click()
    expect(part.locator("[data-attempt]")).to_have_count(0)
    expect(part).to_contain_text("No attempt kept yet.")
