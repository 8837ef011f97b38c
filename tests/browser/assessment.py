"""What a reader does on a questionnaire page, in the words of the page."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from mentorkit.scoring.scoring import score
from mentorkit.site.project import load_all, questionnaire_files
from mentorkit.site.spec import runtime_spec
from playwright.sync_api import Download, Page, expect

from tests.conftest import ROOT

MENTOR = "mentor-competence"
PATH = f"assessments/{MENTOR}/"


@cache
def spec_of(qid: str) -> dict:
    (q,) = load_all([ROOT / "questionnaires" / f"{qid}.yml"], pages=None)
    return runtime_spec(q)


# The questionnaires answered as one form, with results or a summary, at assessments/<id>/. A journal
# (entries added many times) and its prompts (answers that become entries) are tested in test_journal.py.
INSTRUMENTS = [
    qid
    for qid in (p.stem for p in questionnaire_files(ROOT / "questionnaires"))
    if spec_of(qid)["scoring"]["method"] not in ("journal", "prompts")
]


def mentor_spec() -> dict:
    return spec_of(MENTOR)


def statements(qid: str = MENTOR) -> list[dict]:
    return [item for group in spec_of(qid)["groups"] for item in group["items"]]


def label_of(value: int | str, qid: str = MENTOR) -> str:
    """The label of a scale answer, or of "not applicable" ("na")."""
    if value == "na":
        return spec_of(qid)["not_applicable"] or "Not applicable"
    return next(p["label"] for p in spec_of(qid)["scale"] if p["value"] == value)


def open_questionnaire(page: Page, site: str, qid: str = MENTOR) -> None:
    page.goto(f"{site}assessments/{qid}/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)


def expect_questionnaire_shown(page: Page, qid: str = MENTOR) -> None:
    """After instant navigation: the questionnaire's own page is in place (Material swaps the
    title with the content) and enhanced. The URL alone changes first, while the page
    before is still shown, and that page may be an earlier copy of this questionnaire."""
    expect(page).to_have_title(re.compile("^" + re.escape(spec_of(qid)["title"])))
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)


def expect_page_heading(page: Page, title: str) -> None:
    """The page's one heading says ``title`` (the permalink after it, "¶", aside)."""
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^" + re.escape(title) + "¶?$"))


def open_assessment(page: Page, site: str) -> None:
    open_questionnaire(page, site, MENTOR)


def reload(page: Page) -> None:
    page.reload()
    expect(page.locator("[data-questionnaire][data-enhanced]").first).to_be_attached()


def statement(page: Page, item: dict):
    return page.get_by_role("group", name=item["text"])


def answer(page: Page, item: dict, value, qid: str = MENTOR) -> None:
    """Answer one item as a reader would: a radio by its label, or typing into the labelled field."""
    kind = item.get("type", "scale")
    if kind == "scale":
        statement(page, item).get_by_role("radio", name=label_of(value, qid), exact=True).check()
    elif kind == "choice":
        label = next(o["label"] for o in item["options"] if o["value"] == value)
        statement(page, item).get_by_role("radio", name=label, exact=True).check()
    else:
        page.get_by_label(item["text"], exact=True).fill(str(value))


def sample_answers(qid: str) -> dict:
    """A full set of answers that fit, varied so that results differ between groups."""
    spec = spec_of(qid)
    values = sorted(p["value"] for p in spec["scale"])
    answers = {}
    for g, group in enumerate(spec["groups"]):
        for i, item in enumerate(group["items"]):
            kind = item.get("type", "scale")
            if kind == "scale":
                answers[item["id"]] = values[(g + i // 2) % len(values)]
            elif kind == "choice":
                answers[item["id"]] = item["options"][(g + i) % len(item["options"])]["value"]
            elif kind == "number":
                answers[item["id"]] = int(item["min"] if item["min"] is not None else 3)
            elif kind == "date":
                answers[item["id"]] = "2026-12-01"
            else:
                answers[item["id"]] = f"My answer to {item['id']}: <b>not bold</b> & kept as typed."
    return answers


def click_every_answer(page: Page, answers: dict, qid: str = MENTOR) -> None:
    """Every answer in turn as a reader gives it, with the mouse on a radio's label or typing in
    a field: Playwright scrolls to each control and waits for it to be still (about 50 ms of
    rendering each). The tests whose subject is answering by hand use this."""
    for item in statements(qid):
        if item["id"] in answers:
            answer(page, item, answers[item["id"]], qid)


# A radio clicked (click, input, change) or a field typed in (input, change): the events a reader's
# click or typing sends the form, without Playwright's scrolling and waiting for each control.
# The results are drawn off the answers' path (results-drawing.js), and the attempts and views after
# them (growth.js): settled when no result is busy and every growth part is drawn (10 s at most).
_SETTLED = """async () => {
    const drawing = () => document.querySelector('[data-results][aria-busy], [data-growth]:empty');
    for (let frame = 0; frame < 600 && drawing(); frame++) await new Promise(requestAnimationFrame);
}"""

_ANSWER_THROUGH_THE_FORM = """async answers => {
    for (const [id, value] of answers) {
        const item = document.querySelector(`[data-form] [data-item="${CSS.escape(id)}"]`);
        if (!item || item.closest('[hidden]')) throw new Error(`no statement ${id} a reader could answer`);
        const radio = item.querySelector(`input[type="radio"][value="${CSS.escape(String(value))}"]`);
        if (radio) { radio.click(); continue; }
        const field = item.querySelector('input:not([type="radio"]), textarea');
        if (!field) throw new Error(`${id} has no answer ${value}`);
        field.value = String(value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await settled();
}""".replace("settled()", f"({_SETTLED})()")


def answer_all(page: Page, answers: dict, qid: str = MENTOR) -> None:
    """Many answers, in the form's order, through the form's own controls and the events a
    reader's clicks and typing send: in a tenth of the time of clicking each one, for tests
    whose subject is what follows, and the results drawn before it returns. (Answering by hand
    is tested by click_every_answer's and the keyboard's tests.)"""
    page.evaluate(
        _ANSWER_THROUGH_THE_FORM,
        [[item["id"], answers[item["id"]]] for item in statements(qid) if item["id"] in answers],
    )


def split_first_category(answers: dict, qid: str = MENTOR) -> tuple[dict, dict]:
    """The answers to the first category, to give by hand, and the rest, to give with answer_all."""
    first = {item["id"] for item in spec_of(qid)["groups"][0]["items"]}
    return {k: v for k, v in answers.items() if k in first}, {k: v for k, v in answers.items() if k not in first}


def statement_wordings(page: Page) -> list[str]:
    """Every statement's wording as the form shows it, in order, drawn yet or not (one read)."""
    shown = page.locator("[data-form] legend.mk-item__text").all_text_contents()
    return [" ".join(text.split()) for text in shown]


def answers_on_page(page: Page) -> dict:
    """The answers the form shows, read from its inputs."""
    return page.evaluate("""() => {
        const found = {};
        for (const input of document.querySelectorAll('[data-form] input, [data-form] textarea')) {
            if (input.type === 'radio') { if (input.checked) found[input.name] = /^-?\\d+$/.test(input.value) ? Number(input.value) : input.value; }
            else if (input.value !== '') found[input.name] = input.inputMode === 'decimal' ? Number(input.value.replace(',', '.')) : input.value;
        }
        return found;
    }""")


def progress_text(page: Page) -> str:
    return page.locator("[data-progress-text]").inner_text()


def settled(page: Page) -> None:
    """The results are drawn for the answers given, and the attempts and views below them: what a
    reader sees a moment after answering, before they reach for the buttons underneath."""
    page.evaluate(_SETTLED)


def level_cells(page: Page) -> dict[str, str]:
    """Group title -> the first result column of the results table."""
    settled(page)
    rows = page.locator("[data-results]").get_by_role("table").get_by_role("row").all()[1:]
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
        elif not scored["evidence"]:
            cells[group["title"]] = "Too little evidence"
        else:
            cells[group["title"]] = names[scored["level"]] if scored["level"] else f"Not yet {first}"
    return cells


def expected_overall(answers: dict) -> str:
    spec = mentor_spec()
    overall = score(spec, answers)["overall"]
    names = {lv["id"]: lv["name"] for lv in spec["scoring"]["levels"]}
    if overall["status"] != "complete":
        return "Answer every statement"
    if not overall["evidence"]:
        return "Too little evidence for an overall level yet"
    return (
        f"Your overall level: {names[overall['level']]}"
        if overall["level"]
        else f"Your overall level: not yet {spec['scoring']['levels'][0]['name']}"
    )


def saved(page: Page, act: Callable[[], None]) -> Download:
    """The file a questionnaire's export saves once ``act`` has pressed its button: at once, or,
    where its code arrived after the browser had stopped counting the press as the reader's (a
    busy machine; transfer.js), from the link the page offers in its place, as a reader would."""
    settled(page)  # the buttons where the reader sees them
    downloads: list[Download] = []

    def arrived(download: Download) -> None:
        downloads.append(download)

    page.on("download", arrived)
    try:
        act()
        offered = page.locator("[data-questionnaire] [data-status] a[download]")
        for _ in range(300):
            if downloads:
                return downloads[0]
            if offered.count():
                with page.expect_download() as download:
                    offered.click()
                return download.value
            page.wait_for_timeout(100)
        raise AssertionError("the export saved no file and offered none in 30 s")
    finally:
        page.remove_listener("download", arrived)


def log_status(page: Page) -> None:
    """From the next page load on, what the status line says and each storage event, in order, and
    what storage held as the page opened: for a failure to say what the reader was told instead."""
    page.add_init_script(
        """(() => { const log = window.__statusLog = [];
          const say = (m) => log.push(performance.now().toFixed(0) + " ms " + m);
          say("opened with " + Object.entries(localStorage).map(([k, v]) => k + "=" + v.slice(0, 40)).join(", "));
          addEventListener("storage", (e) => say("storage event " + e.key + "=" + String(e.newValue).slice(0, 40)));
          new MutationObserver(() => { const s = document.querySelector("[data-status]"); if (s) say("status: " + s.textContent.slice(0, 80)); })
            .observe(document, { subtree: true, childList: true, characterData: true }); })()"""
    )


def status_log(page: Page) -> str:
    return "\n".join(page.evaluate("() => window.__statusLog || []"))
