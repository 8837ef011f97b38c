"""What a reader does on a questionnaire page, in the words of the page."""

from __future__ import annotations

from functools import cache

from playwright.sync_api import Page, expect

from generator.project import load_all
from generator.scoring import score
from generator.spec import runtime_spec
from tests.conftest import ROOT

PATH = "assessments/mentor-competence/"


@cache
def mentor_spec() -> dict:
    (q,) = load_all([ROOT / "questionnaires" / "mentor-competence.yml"], pages=None)
    return runtime_spec(q)


def statements() -> list[dict]:
    return [item for group in mentor_spec()["groups"] for item in group["items"]]


def label_of(value: int) -> str:
    return next(p["label"] for p in mentor_spec()["scale"] if p["value"] == value)


def open_assessment(page: Page, site: str) -> None:
    page.goto(site + PATH)
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)


def reload(page: Page) -> None:
    page.reload()
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)


def statement(page: Page, item: dict):
    return page.get_by_role("group", name=item["text"])


def answer(page: Page, item: dict, value: int) -> None:
    statement(page, item).get_by_role("radio", name=label_of(value), exact=True).check()


def answers_on_page(page: Page) -> dict[str, int]:
    """The answers the form shows as chosen, read from the radio buttons."""
    return page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('[data-form] input[type=radio]:checked')].map(i => [i.name, Number(i.value)]))""")


def progress_text(page: Page) -> str:
    return page.locator("[data-progress-text]").inner_text()


def level_cells(page: Page) -> dict[str, str]:
    """Category title -> the level shown in the results table."""
    rows = page.get_by_role("table").get_by_role("row").all()[1:]
    return {row.get_by_role("rowheader").inner_text(): row.get_by_role("cell").first.inner_text() for row in rows}


def expected_level_cells(answers: dict) -> dict[str, str]:
    """The same table, computed with the reference scoring."""
    spec = mentor_spec()
    names = {lv["id"]: lv["name"] for lv in spec["scoring"]["levels"]}
    first = spec["scoring"]["levels"][0]["name"]
    result = score(spec, answers)
    cells = {}
    for group, scored in zip(spec["groups"], result["groups"]):
        if scored["status"] != "complete":
            cells[group["title"]] = "Incomplete"
        else:
            cells[group["title"]] = names[scored["level"]] if scored["level"] else f"Not yet {first}"
    return cells


def expected_overall(answers: dict) -> str:
    spec = mentor_spec()
    overall = score(spec, answers)["overall"]
    names = {lv["id"]: lv["name"] for lv in spec["scoring"]["levels"]}
    if overall["status"] != "complete":
        return "Answer every statement"
    return f"Your overall level: {names[overall['level']]}" if overall["level"] else \
        f"Your overall level: not yet {spec['scoring']['levels'][0]['name']}"
