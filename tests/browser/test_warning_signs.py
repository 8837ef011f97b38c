"""Warning signs (issue 26, point 1): a critical statement answered at the lowest keeps its group and
the overall result below the top band, whatever the other answers, and the results say which
statement did, on the page and in the Markdown export."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.assessment import answer_all, open_questionnaire, saved, spec_of, statements

HEALTH = "relationship-health"


def test_not_at_all_on_confidentiality_is_never_averaged_into_healthy(page: Page, site: str):
    spec = spec_of(HEALTH)
    values = sorted(p["value"] for p in spec["scale"])
    lowest_label = next(p["label"] for p in spec["scale"] if p["value"] == values[0])
    confidential = next(i for i in statements(HEALTH) if i.get("critical") and "stays between us" in i["text"])
    # Everything at the top but one warning sign at the lowest: the mean alone would read Healthy.
    answers = {i["id"]: values[-1] for i in statements(HEALTH) if i.get("type", "scale") == "scale"}
    answers[confidential["id"]] = values[0]
    open_questionnaire(page, site, HEALTH)
    answer_all(page, answers, HEALTH)
    results = page.locator("[data-results]")
    top, below = spec["scoring"]["bands"][-1], spec["scoring"]["bands"][-2]
    expect(results.locator("[data-overall-level]")).to_have_attribute("data-overall-level", below["id"])
    expect(results.locator("[data-warnings] li").first).to_have_text(
        f"Warning sign: “{confidential['text']}” was answered “{lowest_label}”."
    )
    expect(results.locator(".mk-overall")).to_contain_text(f"below {top['name']}, whatever the other answers")
    group = next(g for g in spec["groups"] if confidential["id"] in {i["id"] for i in g["items"]})
    row = results.get_by_role("table").first.get_by_role("row", name=group["title"])
    expect(row).to_contain_text(below["name"])
    # And the record a reader keeps says the same.
    download = saved(page, lambda: page.get_by_role("button", name="Export as Markdown").click())
    text = Path(download.path()).read_text(encoding="utf-8")
    assert f"Warning sign: “{confidential['text']}”" in text
