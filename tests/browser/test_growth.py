"""Growth, as a reader meets it: attempts kept and compared over time, candidates side by side,
another person's view asked for and sent back by link between two browsers, hostile links
refused, a cohort summary written by `mentorkit report` and shown on the results."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import unicodedata
import zlib
from pathlib import Path

import pytest
from mentorkit.scoring.compare import change, gaps, standing
from mentorkit.scoring.scoring import score
from playwright.sync_api import Page, expect

from tests.browser.assessment import (
    MENTOR,
    answer_all,
    open_questionnaire,
    reload,
    saved,
    spec_of,
    split_first_category,
    statement_wordings,
    statements,
)
from tests.browser.reader import as_a_reader
from tests.conftest import copy_repository, listening, mkdocs_build, seal

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
    """The growth part, brought into view. Scrolled by a script, at once: a page that has just taken
    in a view may be shown afresh (see the observer round trip), and the locator finds it again."""
    part = page.locator("[data-growth]")
    expect(part).to_be_attached()
    part.evaluate("part => part.scrollIntoView()")
    return part


def kept_then_answered_again(page: Page, site: str):
    """A mentor keeps "Sometimes" everywhere as an attempt labelled "before", then answers again
    with higher answers in half the categories; the growth part, brought into view."""
    open_questionnaire(page, site)
    answer_all(page, uniform(MENTOR, 1))
    keep(page, "before")
    answer_all(page, graded(MENTOR, 1, 3))
    return growth(page)


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
    reload(page)  # the comparison chosen is the reader's place: a reload keeps it
    part = growth(page)
    expect(part.get_by_label("Compare your results now with")).to_have_value(
        part.locator("[data-attempt]").first.get_attribute("data-attempt")
    )
    expect(part.locator("[data-growth-moved] li")).to_have_text(expected)
    # The chart draws the earlier attempt as outlines; the table gives the change per group.
    expect(part.locator(".mk-chart--wide .mk-chart__bar--earlier")).not_to_have_count(0)
    table = part.get_by_role("table", name=re.compile("then and now"))
    for n, group in enumerate(spec["groups"]):
        row = table.get_by_role("row", name=re.compile("^" + re.escape(group["title"])))
        step = moved["groups"][n]["change"]
        expect(row).to_contain_text("no change" if step == 0 else f"+{step} level")

    # The Markdown export carries the comparison on screen.
    download = saved(page, lambda: page.get_by_role("button", name="Export as Markdown").click())
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "What changed since before the programme" in text and expected[0] in text

    # Rename, then delete with confirmation.
    part.get_by_role("button", name=re.compile("^Rename before the programme")).click()
    expect(part.locator("[data-attempt]")).to_contain_text("start of year")
    part.get_by_role("button", name=re.compile("^Delete start of year")).click()
    expect(part.locator("[data-attempt]")).to_have_count(0)
    expect(part).to_contain_text("No attempt kept yet.")


def test_a_mentee_compares_three_candidates_side_by_side(page: Page, site: str):
    spec = spec_of(MENTOR_CHOICE)
    asked = accept_dialogs(page)
    open_questionnaire(page, site, MENTOR_CHOICE)
    expect(growth(page)).to_contain_text("No candidate kept yet")
    candidates = {
        "Ana": uniform(MENTOR_CHOICE, 3),
        "Ben": graded(MENTOR_CHOICE, 0, 2),
        "Chloé": uniform(MENTOR_CHOICE, 1),
    }
    showing = page.locator("[data-growth-showing]")
    for n, (name, answers) in enumerate(candidates.items()):
        if n:
            # The next candidate: the form cleared, its first statement in focus, and said so.
            growth(page).get_by_role("button", name="Rate the next candidate").click()
            expect(page.locator("[data-status]")).to_have_text(
                "The form is cleared: rate the next candidate from the first statement."
            )
            expect(page.locator("[data-form] [data-item]").first.locator("input").first).to_be_focused()
            assert asked[-1].startswith("Clear the form to rate the next candidate?")
        answer_all(page, answers, MENTOR_CHOICE)
        expect(showing).to_have_text("These results are for the candidate you are rating now, not kept yet.")
        keep(page, name, "Keep this candidate")
        expect(showing).to_have_text(f"These results are for {name}.")  # the name as given, no date
        expect(growth(page).get_by_role("heading", level=4)).to_have_text(f"{n + 1} candidate{'s' if n else ''} kept")
    part = growth(page)
    expect(part.get_by_role("heading", name="Your candidates")).to_be_visible()
    expect(part).not_to_contain_text("attempt")
    expect(part.get_by_role("button", name="Answer again from the last attempt")).to_have_count(0)
    table = part.get_by_role("table", name=re.compile("candidates side by side"))
    expect(table.get_by_role("columnheader")).to_have_count(4)
    results = [score(spec, answers) for answers in candidates.values()]
    for n, group in enumerate(spec["groups"]):
        row = table.get_by_role("row", name=re.compile("^" + re.escape(group["title"])))
        cells = [name_of(spec, standing(spec, r)["groups"][n]) for r in results]
        expect(row.get_by_role("cell")).to_have_text([re.compile("^" + re.escape(c)) for c in cells])
    expect(table.get_by_role("row", name=re.compile("^Overall")).get_by_role("cell").first).to_contain_text(
        "(strongest)"
    )
    expect(part.locator("[data-growth-strongest]")).to_have_text("Strongest overall: Ana.")
    # On a phone the table fits: each category a block, each candidate's standing under their name.
    page.set_viewport_size({"width": 360, "height": 800})
    region = part.locator(".mk-table--stack")
    expect(region.get_by_role("cell").first).to_be_visible()
    assert region.evaluate("r => r.scrollWidth <= r.clientWidth"), "the candidates' table scrolls sideways at 360 px"
    cell = region.get_by_role("cell").first
    assert cell.evaluate("c => getComputedStyle(c, '::before').content") == '"Ana"'
    # Each candidate exports to a file named after them.
    download = saved(page, lambda: part.get_by_role("button", name=re.compile("^Export Chloé")).click())
    assert download.suggested_filename.startswith(f"{MENTOR_CHOICE}-chloe-")
    record = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert record["format_version"] == 2 and record["lists"]["attempts"][0]["label"] == "Chloé"


def link_part(value: dict) -> str:
    """What this site writes after #mk-...=: JSON, deflate-raw, base64url."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = squeeze.compress(json.dumps(value).encode()) + squeeze.flush()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def watch_requests(page: Page, site: str) -> list[str]:
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((site, "data:", "blob:")) else outside.append(r.url))
    return outside


def copied(page: Page, part, link: str) -> None:
    """Copy puts the link on the clipboard, and says so; Share is offered only where the browser has
    a share sheet (headless Chromium has none)."""
    expect(part.get_by_role("button", name="Copy link")).to_be_focused()  # the next step, one key away
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    part.get_by_role("button", name="Copy link").click()
    expect(part.locator(".mk-handover__status")).to_have_text("Link copied: paste it into an e-mail or a chat message.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    has_share = page.evaluate("typeof navigator.share === 'function'")
    expect(part.get_by_role("button", name="Share link")).to_have_count(1 if has_share else 0)


def test_an_observer_link_goes_there_and_back_between_two_browsers_and_nothing_leaves_the_site(
    browser, page: Page, site: str
):
    spec = spec_of(MENTOR)
    own = graded(MENTOR, 1, 3)
    outside = watch_requests(page, site)
    open_questionnaire(page, site)
    answer_all(page, own)
    part = growth(page)
    part.get_by_label("Who you are asking").select_option("mentee")
    part.get_by_label(re.compile("^Your name")).fill("Sam")
    part.get_by_role("button", name="Make a link to ask for their view").click()
    ask = part.get_by_label("Link to send").input_value()
    assert "#mk-ask=" in ask and ask.startswith(site)
    expect(part).to_contain_text("browsers never send that part of a link to any server")
    # Worded for the one who asks, not for the observer ("their mentee").
    expect(part).to_contain_text(
        "Send this link yourself, by e-mail or chat, to the person you are asking (Your mentee)."
    )
    copied(page, part, ask)

    # The observer, on a phone, opening the link from an e-mail.
    other = browser.new_context(
        viewport={"width": 390, "height": 800}, permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        observer = other.new_page()
        errors: list[str] = []
        observer.on("pageerror", lambda e: errors.append(str(e)))
        outside_observer = watch_requests(observer, site)
        observer.goto(ask)
        # A page of their own: what they are doing, who asked and what is sent, on the first screen;
        # nothing written for a person rating themselves, and no way to results they are not shown.
        expect(observer.locator("h1")).to_have_text("You are giving your view")
        assert observer.title().startswith("You are giving your view")
        intro = observer.locator("[data-observer]")
        expect(intro).to_contain_text("Sam asked for your view")
        expect(intro).to_contain_text("You answer as their mentee")
        expect(observer.locator("[data-observer-consent]").first).to_contain_text("this site sends nothing")
        assert intro.bounding_box()["y"] < 800
        expect(observer.locator(".mk-intro")).to_be_hidden()
        expect(observer.get_by_text("This self-assessment helps you see")).to_be_hidden()
        expect(observer.locator(".md-nav--secondary").get_by_role("link", name="Your results")).to_have_count(0)
        theirs = uniform(MENTOR, 1)
        for item in spec["groups"][1]["items"][-3:]:  # no chance to see the second category's top level
            theirs[item["id"]] = "na"
        # Every statement in its wording for an observer; the first category answered by hand,
        # each found by that wording, the rest through the form.
        assert statement_wordings(observer) == [item["observer"] for item in statements(MENTOR)]
        by_hand, rest = split_first_category(theirs)
        for item in spec["groups"][0]["items"]:
            group = observer.get_by_role("group", name=item["observer"], exact=True)
            group.get_by_role("radio", name={1: "Sometimes"}[by_hand[item["id"]]], exact=True).check()
        answer_all(observer, rest)
        expect(observer.locator("[data-results]")).to_be_hidden()
        # The last answer leads to sending the view back, which takes the focus.
        observer.locator(".mk-done").get_by_role("link", name="Send your view back").click()
        expect(observer.get_by_role("heading", name="Send your view back")).to_be_focused()
        observer.get_by_label("Your name (optional)").fill("Alex")
        observer.get_by_role("button", name="Make a link to send back").click()
        back = observer.get_by_label("Link to send back").input_value()
        assert "#mk-view=" in back
        copied(observer, observer.locator("[data-observer-send]"), back)
        # The observer's answers are kept apart from any of their own to this questionnaire.
        observer.goto(site + f"assessments/{MENTOR}/")
        expect(observer.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
        expect(observer.locator("[data-progress-text]")).to_contain_text("0 of")
        assert errors == [] and outside_observer == []
    finally:
        other.close()

    page.goto(back)
    expect(page.locator("[data-status]")).to_contain_text("Added: the view of Your mentee (Alex)")
    assert "#" not in page.url  # the view is taken out of the address once kept
    part = growth(page)
    found = gaps(spec, score(spec, own), score(spec, theirs))
    names = {g["id"]: g["title"] for g in spec["groups"]}
    first = next(g for g in found["groups"] if g["id"] == found["largest"][0])
    n = abs(first["gap"])
    expect(part.locator("[data-growth-gaps] li").first).to_have_text(
        f"You rate yourself {n} level{'s' if n != 1 else ''} {'above' if first['gap'] > 0 else 'below'} "
        f"your mentee's view on {names[first['id']]}."
    )
    # Where they had no chance to see, the gap is missing evidence, not disagreement.
    unseen = spec["groups"][1]
    assert found["unseen_gaps"] == [unseen["id"]] and unseen["id"] not in found["largest"]
    expect(part.locator("[data-growth-gaps] li").last).to_have_text(
        f"On {unseen['title']}, your mentee's view rests on {len(unseen['items']) - 3} of {len(unseen['items'])} statements: "
        "they had no chance to see the rest. A gap there is missing evidence, not disagreement."
    )
    # A chart of both views side by side in every category: a bar each, never one averaged bar.
    chart = part.locator("svg.mk-chart--wide").filter(has_text="Your view and each other person's, side by side")
    expect(chart).to_be_visible()
    labels = chart.locator("text.mk-chart__label").all_text_contents()
    assert sorted(labels) == sorted(name for g in spec["groups"] for name in (g["title"], "You", "Your mentee (Alex)"))
    table = part.get_by_role("table", name=re.compile("Your view and other people's"))
    expect(table.get_by_role("columnheader").nth(2)).to_contain_text("Your mentee (Alex)")
    # The Markdown export is the reader's own record: nothing of the observer's goes with it.
    markdown = saved(page, lambda: page.get_by_role("button", name="Export as Markdown").click())
    text = Path(markdown.path()).read_text(encoding="utf-8")
    assert "Alex" not in text and "your mentee's view" not in text and "Other people's views" not in text
    reload(page)  # as the reload a paste into the address bar may bring: the notice stays
    expect(page.locator("[data-status]")).to_contain_text("Added: the view of Your mentee (Alex)")
    expect(growth(page).get_by_role("table", name=re.compile("Your view and other people's"))).to_be_visible()
    assert outside == []


HOSTILE = {
    "another questionnaire": ({"questionnaire": "choosing-a-mentor"}, "another questionnaire"),
    "another version": ({"version": "0123456789ab"}, "another version"),
    "out of range": ({"answers": {"self-f1b": 7}}, "do not fit"),
    "crafted keys": ({"answers": json.loads('{"__proto__": {"polluted": 1}}')}, "not one this site writes"),
    "markup in the name": ({"name": "<img src=x onerror=alert(1)>"}, "no markup"),
    "an unknown role": ({"role": "boss"}, "does not ask"),
    "a date to come": ({"at": "2099-01-01T00:00:00.000Z"}, "date that cannot be right"),
}


def test_hostile_view_links_are_refused_with_a_sentence_and_change_nothing(page: Page, site: str):
    spec = spec_of(MENTOR)
    accept_dialogs(page)
    open_questionnaire(page, site)
    good = {
        "format": "mentorkit-view", "questionnaire": MENTOR, "version": spec["version"], "role": "mentee",
        "name": "", "at": "2026-11-01T10:00:00.000Z", "answers": uniform(MENTOR, 2),
    }  # fmt: skip
    part = growth(page)
    paste = part.get_by_label("Paste the link they sent back")
    cases = [(f"{site}#mk-view={link_part({**good, **change})}", said) for change, said in HOSTILE.values()]
    cases += [
        (f"{site}#mk-view=" + "A" * 70000, "does not hold a view"),
        (f"{site}#mk-view=<b>x</b>", "does not hold a view"),
    ]
    huge = {**good, "answers": {f"x{n}": 1 for n in range(30000)}}
    cases.append((f"{site}#mk-view={link_part(huge)}", "does not hold a view|too large|do not fit"))
    for link, said in cases:
        paste.fill(link)
        part.get_by_role("button", name="Add their view").click()
        expect(page.locator("[data-status]")).to_have_text(re.compile(f"({said}).*Nothing was changed"))
        expect(part.locator("[data-growth-views]")).to_contain_text("No other view yet.")
        page.locator("[data-status]").evaluate("s => s.textContent = ''")
    assert page.evaluate("({}).polluted") is None
    paste.fill(f"{site}#mk-view={link_part(good)}")
    part.get_by_role("button", name="Add their view").click()
    expect(page.locator("[data-status]")).to_contain_text("Added: the view of Your mentee")


def link_data(link: str, prefix: str) -> dict:
    """What a link of this site holds after #mk-...=."""
    text = link.split(f"#{prefix}", 1)[1]
    return json.loads(zlib.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), -15))


def kept_lists(page: Page, folder: Path) -> dict:
    """The lists this browser keeps, as the page's full backup writes them."""
    download = saved(page, lambda: page.get_by_role("button", name="Export a full backup (JSON)").click())
    download.save_as(folder / "kept.json")
    return json.loads((folder / "kept.json").read_text(encoding="utf-8"))["lists"]


def readable(text: str) -> bool:
    return not any(unicodedata.category(c) == "Cf" for c in text)


# Zero-width space, right-to-left mark, byte order mark: they show nothing, or turn what follows around.
INVISIBLE = "\u200f\u200b\ufeff"


def test_names_in_links_arrive_without_invisible_characters(page: Page, site: str, tmp_path):
    spec = spec_of(MENTOR)
    # A request whose name holds them: the observer reads the name alone.
    ask = {"format": "mentorkit-ask", "questionnaire": MENTOR, "version": spec["version"], "role": "mentee"}
    page.goto(f"{site}assessments/{MENTOR}/#mk-ask={link_part({**ask, 'name': f'{INVISIBLE}Sam{INVISIBLE}'})}")
    about = page.locator("[data-observer] p").first
    expect(about).to_contain_text("asked for your view")
    assert about.evaluate("p => p.textContent").startswith("Sam asked for your view")

    def said(sentence: str) -> None:  # as it is, character for character (expect drops U+200B)
        page.wait_for_function("s => document.querySelector('[data-status]')?.textContent.includes(s)", arg=sentence)

    # A view whose name holds them: shown and kept without them.
    page.goto("about:blank")
    open_questionnaire(page, site)
    answer_all(page, uniform(MENTOR, 2))
    view = {
        "format": "mentorkit-view", "questionnaire": MENTOR, "version": spec["version"], "role": "mentee",
        "name": f"{INVISIBLE}evil{INVISIBLE} (1) admin", "at": "2026-11-01T10:00:00.000Z", "answers": uniform(MENTOR, 1),
    }  # fmt: skip
    page.goto(f"{site}assessments/{MENTOR}/#mk-view={link_part(view)}")
    said("Added: the view of Your mentee (evil (1) admin).")
    table = growth(page).get_by_role("table", name=re.compile("Your view and other people's"))
    theirs = table.get_by_role("columnheader").nth(2).evaluate("th => th.textContent")
    assert theirs.startswith("Your mentee (evil (1) admin),")
    assert [v["name"] for v in kept_lists(page, tmp_path)["views"]] == ["evil (1) admin"]


def test_an_imported_attempt_arrives_with_its_label_readable(page: Page, site: str, tmp_path):
    spec = spec_of(MENTOR)
    open_questionnaire(page, site)
    answer_all(page, uniform(MENTOR, 2))
    attempt = {
        "id": "from-a-file", "at": "2026-11-01T10:00:00.000Z", "label": f"{INVISIBLE}before{INVISIBLE} (1)",
        "version": spec["version"], "answers": uniform(MENTOR, 1),
    }  # fmt: skip
    record = {
        "format": "mentorkit-answers", "format_version": 2, "questionnaire": MENTOR, "version": spec["version"],
        "answers": {}, "lists": {"attempts": [attempt]},
    }  # fmt: skip
    (tmp_path / "attempt.json").write_text(json.dumps(record), encoding="utf-8")
    page.locator('[data-action="import"]').set_input_files(tmp_path / "attempt.json")
    expect(page.locator("[data-status]")).to_contain_text("Added from the file: 1 attempt.")
    shown = growth(page).locator("[data-attempt] span").first
    expect(shown).to_contain_text("before (1)")
    assert readable(shown.evaluate("s => s.textContent"))
    assert [a["label"] for a in kept_lists(page, tmp_path)["attempts"]] == ["before (1)"]


def test_the_same_return_link_opened_twice_keeps_one_view_and_says_so(browser, page: Page, site: str, tmp_path):
    open_questionnaire(page, site)
    answer_all(page, graded(MENTOR, 1, 3))
    part = growth(page)
    part.get_by_role("button", name="Make a link to ask for their view").click()
    ask = part.get_by_label("Link to send").input_value()
    request = link_data(ask, "mk-ask=")
    assert re.fullmatch(r"[\w-]{1,64}", request["id"])
    other = browser.new_context()
    try:
        observer = other.new_page()
        observer.goto(ask)
        expect(observer.get_by_role("heading", name="You are giving your view")).to_be_visible()
        answer_all(observer, uniform(MENTOR, 1))
        observer.get_by_label("Your name (optional)").fill(f"Al{INVISIBLE}ex")
        observer.get_by_role("button", name="Make a link to send back").click()
        back = observer.get_by_label("Link to send back").input_value()
    finally:
        other.close()
    sent = link_data(back, "mk-view=")
    assert (sent["id"], sent["name"]) == (request["id"], "Alex")  # the request's id comes back with the view

    # Pasted into the address bar of the page it opens, the link changes the fragment only, and
    # Material's instant navigation draws the page afresh at it just after: still one view.
    page.locator("[data-questionnaire]").evaluate("root => { root.dataset.before = '' }")
    page.goto(back)
    expect(page.locator("[data-questionnaire][data-enhanced]:not([data-before])")).to_have_count(1)
    expect(page.locator("[data-status]")).to_have_text("Added: the view of Your mentee (Alex).")
    table = growth(page).get_by_role("table", name=re.compile("Your view and other people's"))
    expect(table.get_by_role("columnheader")).to_have_count(3)  # the statements' groups, you, one view
    # Reloaded at once with the link back in its address, as the observer's page reloads into the
    # results (at times twice): the view just added, said so again, and still one.
    with page.expect_navigation():
        page.evaluate("link => { history.replaceState(history.state, '', link); location.reload(); }", back)
    expect(page).to_have_url(re.compile(r"^[^#]*$"))  # the link taken in, and out of the address
    expect(page.locator("[data-status]")).to_have_text("Added: the view of Your mentee (Alex).")
    expect(
        growth(page).get_by_role("table", name=re.compile("Your view and other people's")).get_by_role("columnheader")
    ).to_have_count(3)
    # Opened again, in a new page: kept already, said so, and not added.
    page.goto("about:blank")
    page.goto(back)
    expect(page.locator("[data-status]")).to_contain_text(
        "Already kept: the view of Your mentee (Alex), from this link. Nothing was added."
    )
    table = growth(page).get_by_role("table", name=re.compile("Your view and other people's"))
    expect(table.get_by_role("columnheader")).to_have_count(3)  # the statements' groups, you, one view
    assert [v["id"] for v in kept_lists(page, tmp_path)["views"]] == [request["id"]]


def test_storage_full_while_keeping_an_attempt_says_so_and_loses_none_and_two_tabs_agree(page: Page, site: str):
    open_questionnaire(page, site)
    answer_all(page, uniform(MENTOR, 2))
    keep(page, "first")
    second = page.context.new_page()
    open_questionnaire(second, site)
    expect(growth(second).locator("[data-attempt]")).to_have_count(1)
    # Fill the storage, then try to keep another attempt.
    page.evaluate("""() => { const block = 'x'.repeat(1 << 20); let n = 0;
        try { for (;;) localStorage.setItem('filler-' + n++, block); } catch {}
        let small = 'x'.repeat(1 << 10);
        try { for (;;) localStorage.setItem('filler-small-' + n++, small); } catch {} }""")
    part = growth(page)
    part.get_by_role("textbox", name=re.compile("Label")).fill("second")
    part.get_by_role("button", name="Keep as an attempt").click()
    expect(page.locator("[data-status]")).to_contain_text("could not be kept: this browser's storage is full")
    expect(part.locator("[data-attempt]")).to_have_count(1)
    page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k))"
    )
    keep(page, "second")
    # The other tab shows the new attempt without a reload.
    expect(growth(second).locator("[data-attempt]")).to_have_count(2)
    reload(page)
    expect(growth(page).locator("[data-attempt]")).to_have_text([re.compile("^first"), re.compile("^second")])


@pytest.fixture(scope="module")
def cohort_site(tmp_path_factory):
    """This repository with a cohort summary written by `mentorkit report --aggregate` from 6
    exported files, declared in the mentor self-assessment's YAML and published with the site."""
    folder = tmp_path_factory.mktemp("cohort")
    project = copy_repository(folder / "project")
    spec = spec_of(MENTOR)
    answers_folder = folder / "handed-in"
    answers_folder.mkdir()
    for n, value in enumerate([0, 1, 1, 2, 2, 3]):
        answers = graded(MENTOR, value, min(3, value + 1))
        answers[statements(MENTOR)[-1]["id"]] = n % 4  # six different people, none a copy of another
        record = {
            "format": "mentorkit-answers", "format_version": 2, "questionnaire": MENTOR, "version": spec["version"],
            "title": spec["title"], "exported_at": "2026-11-20T10:00:00.000Z", "answers": answers,
            "results": score(spec, answers), "lists": {},
        }  # fmt: skip
        (answers_folder / f"reader-{n}.json").write_text(json.dumps(record), encoding="utf-8")
    written = subprocess.run(
        [sys.executable, "-m", "mentorkit.commands.cli", "report", f"questionnaires/{MENTOR}.yml", str(answers_folder),
         "--output", str(folder / "report"),
         "--aggregate", f"content/cohorts/{MENTOR}.json"],
        capture_output=True, text=True, cwd=project,
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    yml = project / "questionnaires" / f"{MENTOR}.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + f"cohort: cohorts/{MENTOR}.json\n", encoding="utf-8")
    server, url = listening(folder / "site")
    built = mkdocs_build(project / "mkdocs.yml", folder / "site", site_url=url)
    assert built.returncode == 0, built.stderr
    seal(folder / "site")
    yield {
        "url": url,
        "dir": folder / "site",
        "summary": json.loads((project / "content" / "cohorts" / f"{MENTOR}.json").read_text()),
    }
    server.shutdown()


def test_a_cohort_file_from_six_exported_files_is_shown_on_the_results_computed_locally(page: Page, cohort_site):
    site = cohort_site["url"]
    outside = watch_requests(page, site)
    open_questionnaire(page, site)
    answer_all(page, graded(MENTOR, 1, 2))
    part = growth(page)
    expect(part.locator("[data-growth-cohort-note]")).to_contain_text(
        "Compared in your browser with a summary of 6 people's results"
    )
    expect(part.locator("[data-growth-cohort-note]")).to_contain_text("Your answers were not sent anywhere.")
    table = part.get_by_role("table", name=re.compile("Where your results sit in the cohort"))
    expect(table.get_by_role("row")).to_have_count(len(spec_of(MENTOR)["groups"]) + 2)
    summary = cohort_site["summary"]
    overall = table.get_by_role("row", name=re.compile("^Overall"))
    if summary["overall"]["spans"]:
        expect(overall.get_by_role("cell").nth(1)).to_have_text(str(summary["overall"]["people"]))
    assert outside == []
    # A tampered summary (a count of 2 people) is ignored, with a notice.
    path = cohort_site["dir"] / "cohorts" / f"{MENTOR}.json"
    tampered = json.loads(path.read_text())
    group = next(g for g in tampered["groups"] if g["spans"])
    group["spans"][0]["people"] -= 3
    group["spans"].insert(0, {"from": 0, "to": 0, "people": 3})
    path.write_text(json.dumps(tampered))
    reload(page)
    expect(growth(page).locator("[data-growth-cohort-notice]")).to_contain_text("could not be used")


def test_growth_parts_and_the_observer_page_pass_axe_at_360_px_and_work_by_keyboard(page: Page, site: str):
    from tests.browser.test_accessibility import render_everything, violations

    as_a_reader(page, site, screen={"width": 360, "height": 740})
    accept_dialogs(page)
    part = kept_then_answered_again(page, site)
    # By keyboard alone: the comparison is chosen with the arrow keys of its list.
    part.get_by_label("Compare your results now with").focus()
    page.keyboard.press("ArrowDown")
    expect(part.locator("[data-growth-moved] li")).not_to_have_count(0)
    part.get_by_role("button", name="Make a link to ask for their view").focus()
    page.keyboard.press("Enter")
    ask = part.get_by_label("Link to send").input_value()
    # axe in the parts this feature draws only: the rest of the page has tests of its own
    assert violations(page, "growth parts", within="[data-growth]") == []
    page.goto(ask)
    expect(page.locator("[data-observer]")).to_be_visible()
    render_everything(page)  # off-screen groups skip layout: their boxes would overlap for axe
    assert violations(page, "observer page", within="[data-questionnaire]") == []


def test_everything_travels_an_observer_file_imports_and_a_new_browser_gets_attempts_and_views(
    browser, page: Page, site: str, tmp_path
):
    accept_dialogs(page)
    open_questionnaire(page, site)
    own = graded(MENTOR, 1, 3)
    answer_all(page, own)
    part = growth(page)
    part.get_by_role("button", name="Make a link to ask for their view").click()
    ask = part.get_by_label("Link to send").input_value()
    keep(page, "before the programme")

    # The observer sends a file back this time.
    other = browser.new_context()
    try:
        observer = other.new_page()
        observer.goto(ask)
        expect(observer.locator("[data-observer]")).to_contain_text("Someone asked for your view")
        for item in statements(MENTOR)[:10]:
            observer.get_by_role("group", name=item["observer"], exact=True).get_by_role(
                "radio", name="Mostly", exact=True
            ).check()
        with observer.expect_download() as download:
            observer.get_by_role("button", name="Download as a file").click()
        view_file = tmp_path / download.value.suggested_filename
        download.value.save_as(view_file)
        assert download.value.suggested_filename.startswith(f"{MENTOR}-view-mentee-")
    finally:
        other.close()
    page.locator('[data-action="import"]').set_input_files(view_file)
    expect(page.locator("[data-status]")).to_contain_text("Added from the file: 1 other person's view.")
    expect(growth(page).get_by_role("table", name=re.compile("Your view and other people's"))).to_be_visible()
    answers_before = page.evaluate(
        f"Object.keys(JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.includes('{MENTOR}:')))).answers).length"
    )
    assert answers_before == len(own)  # a file of a view only leaves the reader's own answers as they are

    # The answers to hand in hold nothing of anyone else's: no attempt, no view, no name.
    handed = saved(page, lambda: page.get_by_role("button", name="Export answers to hand in (JSON)").click())
    handed_in = json.loads(Path(handed.path()).read_text(encoding="utf-8"))
    assert handed.suggested_filename.startswith(f"{MENTOR}-answers-") and handed_in["lists"] == {}
    assert handed_in["answers"] == own and "Alex" not in json.dumps(handed_in)
    expect(page.locator("[data-actions]")).to_contain_text("do not hand it in")

    # A full backup, imported into another browser: attempts, labels and views come along.
    download = saved(page, lambda: page.get_by_role("button", name="Export a full backup (JSON)").click())
    record_file = tmp_path / "record.json"
    download.save_as(record_file)
    record = json.loads(record_file.read_text(encoding="utf-8"))
    assert record["format_version"] == 2
    assert [a["label"] for a in record["lists"]["attempts"]] == ["before the programme"]
    assert len(record["lists"]["views"]) == 1
    fresh = browser.new_context()
    try:
        elsewhere = fresh.new_page()
        open_questionnaire(elsewhere, site)
        elsewhere.locator('[data-action="import"]').set_input_files(record_file)
        expect(elsewhere.locator("[data-status]")).to_contain_text(
            "Added from the file: 1 attempt and 1 other person's view."
        )
        part = growth(elsewhere)
        expect(part.locator("[data-attempt]")).to_contain_text("before the programme")
        expect(part.get_by_role("table", name=re.compile("Your view and other people's"))).to_be_visible()

        # A crafted file (markup in a label) is refused with a sentence, and changes nothing.
        bad = json.loads(record_file.read_text(encoding="utf-8"))
        bad["lists"]["attempts"][0] = {
            **bad["lists"]["attempts"][0],
            "id": "crafted",
            "label": "<img src=x onerror=alert(1)>",
        }
        (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
        elsewhere.locator('[data-action="import"]').set_input_files(tmp_path / "bad.json")
        expect(elsewhere.locator("[data-status]")).to_contain_text("no markup")
        expect(part.locator("[data-attempt]")).to_have_count(1)
    finally:
        fresh.close()


def test_the_print_view_keeps_the_comparison_on_screen_without_its_controls(page: Page, site: str):
    accept_dialogs(page)
    part = kept_then_answered_again(page, site)
    part.get_by_label("Compare your results now with").select_option(index=1)
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print results only").click()
    page.emulate_media(media="print")
    expect(part.locator("[data-growth-moved]")).to_be_visible()
    expect(part.get_by_role("table", name=re.compile("then and now"))).to_be_visible()
    expect(part.get_by_role("button", name="Keep as an attempt")).to_be_hidden()
    page.emulate_media(media="screen")


def test_the_french_observer_page_words_every_statement_for_an_observer(browser, page: Page, site: str):
    page.goto(site + f"fr/assessments/{MENTOR}/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    answer_all(page, uniform(MENTOR, 2))  # by value: the French page's statements have French names
    part = growth(page)
    expect(part.get_by_role("heading", name="Vos points d’étape")).to_be_visible()
    part.get_by_role("button", name="Créer un lien pour demander son avis").click()
    ask = part.get_by_label("Lien à envoyer").input_value()
    other = browser.new_context()
    try:
        observer = other.new_page()
        observer.goto(ask)
        expect(observer.get_by_role("heading", name="Vous donnez votre avis")).to_be_visible()
        expect(observer.locator("[data-observer]")).to_contain_text("Vous répondez en tant que sa personne mentorée")
        expect(observer.locator("legend.mk-item__text").first).to_have_text(
            "Cette personne signale à la personne mentorée quand elle a un intérêt personnel dans un sujet abordé."
        )
    finally:
        other.close()


def test_the_relationship_health_check_asks_for_a_view_and_names_the_gaps_in_bands(page: Page, site: str):
    qid = "relationship-health"
    spec = spec_of(qid)
    own = uniform(qid, max(p["value"] for p in spec["scale"]))
    open_questionnaire(page, site, qid)
    answer_all(page, own, qid)
    part = growth(page)
    # Its statements are about the relationship, not about the reader's work: both sides are told so.
    expect(part).to_contain_text("Ask the other person in this relationship to answer the same statements about it")
    part.get_by_label("Who you are asking").select_option("mentor")
    part.get_by_role("button", name="Make a link to ask for their view").click()
    ask = part.get_by_label("Link to send").input_value()
    # The observer, here in the same browser: their answers are kept apart from the reader's.
    page.goto(ask)
    told = page.locator("[data-observer]")
    expect(told).to_contain_text("Someone asked for your view of your relationship with them.")
    expect(told).to_contain_text("You answer as their mentor: each statement is about your relationship with them.")
    expect(told).not_to_contain_text("their work")
    lowest = min(p["value"] for p in spec["scale"])
    label = next(p["label"] for p in spec["scale"] if p["value"] == lowest)
    for item in statements(qid):
        if item.get("type", "scale") == "scale":
            page.get_by_role("group", name=item["observer"], exact=True).get_by_role(
                "radio", name=label, exact=True
            ).check()
    page.get_by_role("button", name="Make a link to send back").click()
    back = page.get_by_label("Link to send back").input_value()
    page.goto(back)  # in the same tab: only the fragment changes, and the page reads it afresh
    expect(page.locator("[data-status]")).to_contain_text("Added: the view of Your mentor")
    part = growth(page)
    expect(part.locator("[data-growth-gaps] li").first).to_contain_text(
        re.compile(r"You rate the relationship \d bands? above your mentor's view on ")
    )
    # The reader's own answers were not touched by the observer's.
    expect(page.locator("[data-progress-text]")).to_contain_text(f"{len(own)} of")


def test_attempts_are_kept_and_compared_on_both_generators(page: Page, each_site):
    site = each_site["url"]
    open_questionnaire(page, site)
    answer_all(page, uniform(MENTOR, 1))
    keep(page, f"first on {each_site['generator']}")
    answer_all(page, graded(MENTOR, 1, 3))
    part = growth(page)
    part.get_by_label("Compare your results now with").select_option(index=1)
    expect(part.locator("[data-growth-moved] li")).not_to_have_count(0)
    expect(part.get_by_role("table", name=re.compile("then and now"))).to_be_visible()


def test_a_hostile_request_link_is_refused_with_a_sentence_and_keeps_nothing(page: Page, site: str):
    spec = spec_of(MENTOR)
    good = {
        "format": "mentorkit-ask",
        "questionnaire": MENTOR,
        "version": spec["version"],
        "role": "mentee",
        "name": "",
    }
    cases = {
        "garbage": ("not base64 <b>", "does not hold a request"),
        "another questionnaire": (link_part({**good, "questionnaire": MENTOR_CHOICE}), "another questionnaire"),
        "another version": (link_part({**good, "version": "0123456789ab"}), "has changed since the link was made"),
        "markup in the name": (link_part({**good, "name": "<script>alert(1)</script>"}), "does not hold a request"),
        "an unknown role": (link_part({**good, "role": "__proto__"}), "does not hold a request"),
    }
    for text, said in cases.values():
        page.goto("about:blank")
        page.goto(f"{site}assessments/{MENTOR}/#mk-ask={text}")
        expect(page.locator(".mk-observer__notice")).to_contain_text(said)
        expect(page.locator("[data-observer]")).to_have_count(0)
        expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(0)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('#observer/')).length") == 0


def test_growth_and_the_observer_page_need_nothing_the_security_policy_forbids(page: Page, site: str):
    from tests.browser.test_security import WATCH_CSP

    page.add_init_script(WATCH_CSP)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    outside = watch_requests(page, site)
    part = kept_then_answered_again(page, site)
    part.get_by_label("Compare your results now with").select_option(index=1)
    expect(part.locator(".mk-chart__bar--earlier").first).to_be_attached()
    part.get_by_role("button", name="Make a link to ask for their view").click()
    ask = part.get_by_label("Link to send").input_value()
    assert page.evaluate("window.__csp") == []
    page.goto(ask)
    expect(page.locator("[data-observer]")).to_be_visible()
    page.get_by_role("button", name="Make a link to send back").click()
    expect(page.locator("[data-status]")).to_contain_text("Answer at least one statement")
    assert page.evaluate("window.__csp") == [] and console == [] and outside == []
