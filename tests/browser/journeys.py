"""Every view a reader meets, one of each kind, brought about as a reader would bring it about:
what `make look` photographs (tests/look.py) and what the rules of what a person sees are held to
in the suite (test_look.py). A view is a page kind in a state: as loaded, while answering, with
results, with attempts and other views kept, with candidates side by side, as an observer sees it,
a journal with entries, a document on paper.

Kept items (attempts, views, journal entries) are put in the browser's storage as the runtime
keeps them, which is quicker than keeping each through the page; the answers go through the
form's own controls (answer_all)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.assessment import INSTRUMENTS, MENTOR, answer_all, open_questionnaire, sample_answers, spec_of

LOOK = (Path(__file__).parent / "look.js").read_text(encoding="utf-8")
SCOPE = "/"  # the test sites are served at the root of their origin


@dataclass(frozen=True)
class View:
    name: str  # what a reader is looking at, e.g. "levels: results"
    path: str  # below the site's address
    prepare: Callable[[Page, str], None] | None = None  # brings the opened page into the view's state
    spot: str | None = None  # what the reader is looking at on a long page: scrolled into view
    media: str = "screen"


def follow_rules(page: Page) -> list[str]:
    """What the rules of what a person sees find on the page as it is now (look.js)."""
    return page.evaluate(LOOK)


def look_at(page: Page, view: View) -> None:
    """Scroll to what the reader is looking at in this view, and let the page settle there."""
    page.emulate_media(media=view.media)
    if view.spot:
        spot = page.locator(view.spot).first
        spot.scroll_into_view_if_needed()
        spot.evaluate("e => e.scrollIntoView({block: 'start'})")
    else:
        page.evaluate("window.scrollTo(0, 0)")
    # Two frames: the scroll's layout and what the page draws in answer to it (sticky bars, Material's header).
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def open_view(page: Page, site: str, view: View) -> None:
    """The view, from a fresh page load, as a reader new to the site sees it (nothing kept from the
    view before: its storage is emptied)."""
    if page.url.startswith(site):
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    if view.path.endswith("#ask"):
        link = ask_link(page, site)
        page.goto(site)  # a new page load: the link is opened as the observer opens it
        page.goto(site + link)
    else:
        page.goto(site + view.path)
    if page.locator("[data-questionnaire]").count():
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-questionnaire]')].every(q => q.dataset.enhanced)"
        )
    if view.prepare:
        view.prepare(page, site)
    look_at(page, view)


# --- what readers keep, as the runtime keeps it ----------------------------------------------------

MOMENT = "2026-09-14T08:30:00.000Z"
LATER = "2026-11-20T17:45:00.000Z"


def _key(qid: str) -> str:
    return f"mentorkit:{SCOPE}{qid}:{spec_of(qid)['version']}"


def _shifted(qid: str, step: int) -> dict:
    """The sample answers with the scale answers of every other group moved ``step`` down the
    scale and of the rest ``step`` up (an earlier attempt, another person's view): some results
    then stand above the reader's own, some below."""
    values = sorted(p["value"] for p in spec_of(qid)["scale"])
    group = {item["id"]: n for n, g in enumerate(spec_of(qid)["groups"]) for item in g["items"]}

    def moved(key, value):
        if not isinstance(value, int) or value not in values:
            return value
        to = values.index(value) + (step if group[key] % 2 else -step)
        return values[min(max(to, 0), len(values) - 1)]

    return {key: moved(key, value) for key, value in sample_answers(qid).items()}


def kept(qid: str, lists: dict) -> tuple[str, dict]:
    """Lists kept beside the questionnaire's answers (attempts, views, entries): the storage key the
    runtime reads, and the record it finds there."""
    return _key(qid), {"version": spec_of(qid)["version"], "saved": LATER, "answers": {}, "lists": lists}


def keep(page: Page, qid: str, lists: dict) -> None:
    """The lists written where the runtime reads them; the page is reloaded to show them."""
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", list(kept(qid, lists)))


def attempt(qid: str, n: int, label: str, at: str, step: int = 0) -> dict:
    version = spec_of(qid)["version"]
    return {"id": f"a{n}", "at": at, "label": label, "version": version, "answers": _shifted(qid, step)}


def _answered(page: Page, site: str, qid: str, lists: dict | None = None) -> None:
    if lists:
        keep(page, qid, lists)
        open_questionnaire(page, site, qid)
    answer_all(page, sample_answers(qid), qid)


def growth_lists() -> dict:
    """An earlier attempt and a supervisor's view of the mentor self-assessment."""
    view = {
        "id": "v1",
        "at": LATER,
        "version": spec_of(MENTOR)["version"],
        "role": "supervisor",
        "name": "Dana Okafor",
        "answers": _shifted(MENTOR, 1),
    }
    return {"attempts": [attempt(MENTOR, 1, "Before the programme", MOMENT, 1)], "views": [view]}


def _attempts_and_views(page: Page, site: str) -> None:
    _answered(page, site, MENTOR, growth_lists())
    growth = page.locator("[data-growth]")
    growth.scroll_into_view_if_needed()
    growth.get_by_label("Compare your results now with").select_option(value="a1")  # the earlier attempt
    expect(growth.locator("[data-growth-moved]")).to_be_visible()


def _candidates(page: Page, site: str) -> None:
    qid = "choosing-a-mentor"
    names = [("Ana Ruiz", 0), ("Ben Osei", 1), ("Chris Lindqvist", 2)]
    _answered(
        page, site, qid, {"attempts": [attempt(qid, n, name, MOMENT, step) for n, (name, step) in enumerate(names)]}
    )
    page.locator("[data-growth]").scroll_into_view_if_needed()  # its code loads as the reader nears it
    expect(page.locator("[data-growth-strongest]")).to_be_visible()


def ask_link(page: Page, site: str) -> str:
    """The link a mentor sends to ask a supervisor's view, made on their own results page."""
    open_questionnaire(page, site, MENTOR)
    answer_all(page, sample_answers(MENTOR))
    growth = page.locator("[data-growth]")
    growth.scroll_into_view_if_needed()
    growth.get_by_label("Who you are asking").select_option(label="Your supervisor")
    growth.get_by_label("Your name, as they know you (optional)").fill("Sam Lee")
    growth.get_by_role("button", name="Make a link to ask for their view").click()
    link = page.locator("[data-growth-link]").input_value()
    page.evaluate("() => localStorage.clear()")  # the observer is someone else, on another device
    return link.removeprefix(site)


def journal_entries() -> list[dict]:
    """A mentor's journal a month in: a goal, a meeting, an overdue action, a reflection, supervision."""
    today = datetime.date.today()
    day = lambda offset: (today + datetime.timedelta(days=offset)).isoformat()  # noqa: E731
    entries = [
        {"id": "g1", "kind": "goal", "tags": ["building-the-relationship"], "fields": {
            "set-on": day(-30), "what": "Speak up in leadership meetings",
            "why": "My mentee's ideas reach the room through me, and I hold them back.", "by-when": day(60)}},
        {"id": "m1", "kind": "meeting", "tags": ["enabling-insight-and-learning"], "fields": {
            "met-on": day(-7), "with": "Priya", "duration": 1.5,
            "key-points": "Her first month as a team lead.\nWhat she wants from our sessions.",
            "next-meeting": f"{day(14)}T10:00"}},
        {"id": "x1", "kind": "action", "tags": [], "fields": {
            "agreed-on": day(-7), "action": "Send Priya the article on delegating", "due": day(-2),
            "status": "open", "goal": "g1", "meeting": "m1"}},
        {"id": "r1", "kind": "reflection", "tags": ["understanding-self"], "fields": {
            "written-on": day(-6), "reflection": "I talked more than I listened. Next time: fewer stories of my own."}},
        {"id": "s1", "kind": "supervision", "tags": [], "fields": {
            "held-on": day(-3), "supervision-hours": 1, "supervisor": "Dana", "themes": "Holding back advice"}},
    ]  # fmt: skip
    return entries


def _entries(page: Page, site: str) -> None:
    entries = journal_entries()
    keep(page, "journal", {"entries": entries})
    page.reload()
    expect(page.locator("[data-list] > li")).to_have_count(len(entries))


def engine_views(kinds: dict[str, str]) -> list[dict]:
    """What `make look` photographs in every engine (tests/engines/photograph.mjs): each page kind
    as loaded, then the views where engines differ most (charts, tables, the sticky bar, lists of
    kept items, the journal's rows and badges), their kept items written into storage as the
    runtime keeps them: {kind, path, storage: {key: text}, answer: whether every statement is
    answered in the page, spot: what is scrolled to}."""

    def stored(qid: str, lists: dict) -> dict[str, str]:
        key, record = kept(qid, lists)
        return {key: json.dumps(record)}

    mentor = f"assessments/{MENTOR}/"
    journal = stored("journal", {"entries": journal_entries()})  # one journal, read by both languages
    return [{"kind": kind, "path": path} for kind, path in kinds.items()] + [
        {"kind": "self-assessment, with results", "path": mentor, "answer": True, "spot": "[data-results]"},
        {"kind": "self-assessment, attempts and another's view", "path": mentor,
         "storage": stored(MENTOR, growth_lists()), "answer": True, "spot": "[data-growth]"},
        {"kind": "journal, with entries", "path": "journal/", "storage": journal, "spot": "[data-list]"},
        {"kind": "fr journal, with entries", "path": "fr/journal/", "storage": journal, "spot": "[data-list]"},
    ]  # fmt: skip


def _half_answered(qid: str):
    def prepare(page: Page, site: str) -> None:
        answers = sample_answers(qid)
        answer_all(page, dict(list(answers.items())[: len(answers) // 2]), qid)

    return prepare


def _answered_all(qid: str):
    return lambda page, site: _answered(page, site, qid)


def _one_group_at_a_time(page: Page, site: str) -> None:
    page.get_by_role("radio", name="One category at a time").check()
    expect(page.locator("[data-stepper] [data-step]")).not_to_be_empty()


def _agreement_on_paper(page: Page, site: str) -> None:
    _answered(page, site, "mentoring-agreement")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


def views(kinds: dict[str, str], instruments: list[str] = INSTRUMENTS) -> list[View]:
    """Every view a reader meets; ``kinds``: a page of each kind as loaded (pages.one_of_each_kind);
    ``instruments``: the questionnaires seen while answering and with their results."""
    found = [View(f"{kind}: as loaded", path) for kind, path in kinds.items()]
    for qid in instruments:
        path = f"assessments/{qid}/"
        method = spec_of(qid)["scoring"]["method"]
        name = qid if method == "none" else f"{qid} ({method})"
        found.append(View(f"{name}: half answered", path, _half_answered(qid), "[data-item]:not([data-answered])"))
        found.append(View(f"{name}: all answered", path, _answered_all(qid), "[data-results]"))
    found += [
        View(f"{MENTOR}: one category at a time", f"assessments/{MENTOR}/", _one_group_at_a_time, "[data-stepper]"),
        View(f"{MENTOR}: attempts and another's view", f"assessments/{MENTOR}/", _attempts_and_views, "[data-growth]"),
        View(
            "choosing-a-mentor: candidates side by side", "assessments/choosing-a-mentor/", _candidates, "[data-growth]"
        ),
        View(f"{MENTOR}: as the observer sees it", f"assessments/{MENTOR}/#ask", None, "[data-observer]"),
        View("journal: with entries", "journal/", _entries, "[data-list]"),
        # French words run longer: its filters and buttons are where a phone's width runs out first.
        View("fr journal: with entries", "fr/journal/", _entries, "[data-list]"),
        View("mentoring-agreement: on paper", "assessments/mentoring-agreement/", _agreement_on_paper, None, "print"),
    ]
    return found
