"""The mentoring journal, as a reader uses it: entries, goals and actions, calendar files, tags,
the evidence summary, prompts, taking it away and bringing it back, and the agreement on paper."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import icalendar
import ics
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.assessment import spec_of

JOURNAL = "journal/"
KEY = "mentorkit:/journal:" + spec_of("journal")["version"]
TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def today():
    """The day each test begins, as the page's day is read when the test loads it: a suite that
    runs past midnight would otherwise expect the day it started on ("3 days overdue" against 4)."""
    global TODAY
    TODAY = datetime.date.today()


def open_journal(page: Page, site: str, fragment: str = "") -> None:
    page.goto(f"{site}{JOURNAL}{fragment}")
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)


def add(
    page: Page,
    kind: str,
    fields: dict[str, str],
    *,
    tags: tuple[str, ...] = (),
    status: str = "",
    save: str = "Save entry",
) -> None:
    """Add an entry of ``kind`` (its button's name), filling fields by their labels; ``save``: the
    button's name in the page's language."""
    page.locator("[data-add]").get_by_text(kind, exact=True).click()
    form = page.locator("[data-entry-form]")
    expect(form).to_be_visible()
    for label, value in fields.items():
        control = form.get_by_label(label, exact=True)
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill(value)
    for tag in tags:
        form.get_by_label(tag, exact=True).check()
    if status:
        form.get_by_label(status, exact=True).check()
    form.get_by_role("button", name=save).click()
    expect(page.locator("[data-entry-form]")).to_have_count(0)


def entries(page: Page):
    return page.locator("[data-list] > li")


def act(entry: Locator, name: str) -> None:
    """Press one of an entry's buttons as a reader does: the row opened first (a tap on it), and
    the card's "More" menu when the button is in it."""
    toggle = entry.locator("[data-toggle]")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
    button = entry.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        entry.get_by_role("button", name="More", exact=True).click()
    button.click()


def unfold(page: Page, name: str) -> None:
    """Open a section folded under its heading ("Evidence summary", "Take it with you"), as a
    reader taps its heading; left open when it is."""
    heading = page.get_by_role("button", name=name, exact=True)
    if heading.get_attribute("aria-expanded") != "true":
        heading.click()
    expect(heading).to_have_attribute("aria-expanded", "true")


def stored_entries(page: Page) -> list[dict]:
    return page.evaluate("key => JSON.parse(localStorage.getItem(key) || '{}').lists?.entries || []", KEY)


def day(offset: int) -> str:
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


def short_day(offset: int) -> str:
    """A day as a row writes it in British English: "2 Dec 2026" (and September as "Sept")."""
    date = TODAY + datetime.timedelta(days=offset)
    return f"{date.day} {'Sept' if date.month == 9 else date.strftime('%b')} {date.year}"


def test_entries_are_added_listed_newest_first_edited_filtered_searched_and_deleted(page: Page, site: str):
    open_journal(page, site)
    expect(page.locator("[data-count]")).to_have_text(re.compile("no entries yet"))
    add(page, "Meeting", {"Date of the meeting": day(-14), "Who I met": "Sam", "Key points": "Delegation"})
    add(page, "Reflection", {"Date": day(-2), "My reflection": "I listen better when I take notes."})
    add(page, "Supervision", {"Date of the session": day(-7), "How long it lasted": "1.5", "Themes": "Boundaries"})
    expect(page.get_by_role("status")).to_have_text("Saved: Supervision: Boundaries.")
    titles = entries(page).locator(".mk-entry__title")
    expect(titles).to_have_count(3)
    expect(titles.nth(0)).to_contain_text("Reflection")
    expect(titles.nth(1)).to_contain_text("Supervision")
    expect(titles.nth(2)).to_contain_text("Meeting")

    # Edit: the form opens filled in, and the card shows what was changed.
    act(entries(page).nth(2), "Edit")
    expect(page.get_by_label("Who I met", exact=True)).to_have_value("Sam")
    page.get_by_label("Who I met", exact=True).fill("Sam Lee")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("status")).to_have_text("Updated: Meeting: Sam Lee.")
    expect(entries(page).nth(2)).to_contain_text("Sam Lee")

    # Filter by kind, then search by a word in any field.
    page.get_by_label("Kind", exact=True).select_option(label="Meeting")
    expect(entries(page)).to_have_count(1)
    page.get_by_label("Kind", exact=True).select_option(label="All kinds")
    page.get_by_role("searchbox", name="Search").fill("notes")
    expect(entries(page)).to_have_count(1)
    expect(entries(page).first).to_contain_text("I listen better")
    page.get_by_role("searchbox", name="Search").fill("")
    expect(entries(page)).to_have_count(3)

    # Delete asks first: dismissed, nothing goes; accepted, the entry goes and stays gone.
    page.once("dialog", lambda dialog: dialog.dismiss())
    act(entries(page).first, "Delete")
    expect(entries(page)).to_have_count(3)
    page.once("dialog", lambda dialog: dialog.accept())
    act(entries(page).first, "Delete")
    expect(page.get_by_role("status")).to_have_text(re.compile("^Deleted: Reflection"))
    expect(entries(page)).to_have_count(2)
    page.reload()
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    expect(entries(page)).to_have_count(2)


def test_goals_show_their_actions_and_progress_and_overdue_actions_come_first(page: Page, site: str):
    open_journal(page, site)
    about = page.locator("[data-about]")  # a journal with no entries yet says what it is for
    expect(about.get_by_text("A dated record of your mentoring")).to_be_visible()
    add(page, "Goal", {"Date set": day(-30), "What I want to achieve": "Lead the team meeting", "By when": day(60)})
    add(page, "Action", {"Date agreed": day(-20), "What I will do": "Ask for the agenda slot", "Due by": day(10)})
    add(page, "Action", {"Date agreed": day(-20), "What I will do": "Draft the slides", "Due by": day(-3)})
    todo = page.locator("[data-todo] > li")
    expect(todo).to_have_count(2)
    expect(todo.first).to_contain_text("Draft the slides")
    expect(todo.first.locator("[data-overdue]")).to_have_text("3 days overdue")
    expect(todo.first).to_contain_text(f"Due {short_day(-3)}")

    # Actions added from the goal are linked to it; the goal counts those done.
    goal = entries(page).filter(has_text="Lead the team meeting").first
    act(goal, "Add an action")
    page.get_by_label("What I will do", exact=True).fill("Rehearse with my mentor")
    page.get_by_role("button", name="Save entry").click()
    goal = entries(page).filter(has=page.locator("[data-kind='goal']"))
    expect(goal.locator("[data-progress]")).to_have_text(re.compile("0 of 1 done"))
    action = entries(page).filter(has_text="Rehearse with my mentor")
    action.get_by_role("button", name="Mark as done").click()  # on the row, closed as it is
    expect(page.get_by_role("status")).to_contain_text("is now Done")
    expect(goal.locator("[data-progress]")).to_have_text(re.compile("1 of 1 done"))
    expect(todo).to_have_count(2)  # the done one left what is still to do


def test_calendar_events_carry_the_words_a_person_would_use_and_an_alarm_two_parsers_read(
    page: Page, site: str, tmp_path: Path
):
    """The buttons and events as the journal's YAML words them (calendar: button, event, remind):
    "Mentoring with <who>", an hour's alarm before a meeting, a day's before an action, in a file
    named from the event; read by icalendar and by ics, a second reader with a parser of its own."""
    open_journal(page, site)
    who = "Jordan; budget, and a \\ back-slash " + "Ünïcödé " * 8
    add(page, "Meeting", {"Date of the meeting": day(0), "Who I met": who.strip(), "Next meeting": f"{day(14)}T09:30"})
    add(page, "Action", {"Date agreed": day(0), "What I will do": "Book the room, then tell Sam", "Due by": day(7)})
    found = {}
    for kind, name in (
        ("Meeting", "Add our next meeting to my calendar"),
        ("Action", "Add this action's due date to my calendar"),
    ):
        entry = entries(page).filter(has=page.locator(f"[data-kind='{kind.lower()}']")).first
        with page.expect_download() as download:
            act(entry, name)
        raw = Path(download.value.path()).read_bytes()
        assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
        (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        assert event["UID"] and event["DTSTAMP"]
        (again,) = ics.Calendar(raw.decode("utf-8")).events
        found[kind] = (event, again, download.value.suggested_filename)

    meeting, meeting_read, meeting_file = found["Meeting"]
    assert str(meeting["SUMMARY"]) == f"Mentoring with {who.strip()}"  # ; , and \\ escaped, read back
    assert meeting.decoded("DTSTART") == datetime.datetime.combine(
        TODAY + datetime.timedelta(days=14), datetime.time(9, 30)
    )
    (alarm,) = meeting.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -datetime.timedelta(hours=1) and str(alarm["ACTION"]) == "DISPLAY"
    assert [a.trigger for a in meeting_read.alarms] == [-datetime.timedelta(hours=1)]
    assert meeting_read.name == f"Mentoring with {who.strip()}"
    assert meeting_file == f"mentoring-with-jordan-budget-and-a-back-slash-unicode-{day(14)}.ics"  # cut between words

    action, action_read, action_file = found["Action"]
    assert str(action["SUMMARY"]) == "To do: Book the room, then tell Sam"
    assert action.decoded("DTSTART") == TODAY + datetime.timedelta(days=7)  # all day: a date
    assert action.decoded("DTEND") == TODAY + datetime.timedelta(days=8)
    assert [a.decoded("TRIGGER") for a in action.walk("VALARM")] == [-datetime.timedelta(days=1)]
    assert [a.trigger for a in action_read.alarms] == [-datetime.timedelta(days=1)]
    assert action_file == f"to-do-book-the-room-then-tell-sam-{day(7)}.ics"


def test_the_development_plan_links_into_the_journal_with_the_category_preset(page: Page, site: str):
    from tests.browser.assessment import MENTOR, PATH, sample_answers

    record = {"version": spec_of(MENTOR)["version"], "answers": sample_answers(MENTOR)}
    page.goto(site)
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
        [f"mentorkit:/{MENTOR}:{record['version']}", record],
    )
    page.goto(f"{site}{PATH}")
    link = page.get_by_role("link", name=re.compile("^Log evidence for .* in your journal$")).first
    expect(link).to_be_visible()
    tag = link.get_attribute("href").split("#tag=")[1]
    title = next(g["title"] for g in spec_of(MENTOR)["groups"] if g["id"] == tag)
    link.click()
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text(f"tagged “{title}”")
    expect(page.get_by_label("Category", exact=True)).to_have_value(tag)
    add(page, "Reflection", {"My reflection": "Agreed ground rules at the first meeting."})
    expect(entries(page).first).to_contain_text(f"Evidence for: {title}")
    page.get_by_label("Category", exact=True).select_option("")  # all, and an entry of no category
    add(page, "Reflection", {"My reflection": "Untagged."})
    expect(entries(page)).to_have_count(2)
    row = page.locator("[data-by-tag]").get_by_role("row", name=re.compile(f"^{re.escape(title)} "))
    # Open at a glance: the count and the hours; the count lists those entries, one tap away.
    count = row.get_by_role("button", name=f"Show the 1 entry for {title}")
    expect(count).to_have_text("1")
    count.click()
    expect(page.get_by_label("Category", exact=True)).to_have_value(tag)
    expect(entries(page)).to_have_count(1)
    expect(entries(page).first).to_contain_text("Agreed ground rules")
    expect(page.get_by_role("heading", name="Your entries")).to_be_focused()
    expect(page.locator("[data-count]")).to_have_text("Showing 1 of 1 entry (2 in your journal).")


def test_feedback_received_is_an_entry_of_its_own_kept_and_counted(page: Page, site: str):
    open_journal(page, site)
    add(
        page,
        "Feedback received",
        {
            "Date": day(-2),
            "From whom": "My mentee",
            "What they said": "The summaries at the end help; I sometimes talk too long.",
            "What I make of it, and what I will do": "Ask a question instead of telling a story.",
        },
    )
    first = entries(page).first
    expect(first).to_contain_text("Feedback received")
    expect(first).to_contain_text("My mentee")
    page.reload()
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    expect(entries(page).first).to_contain_text("I sometimes talk too long")
    [stored] = stored_entries(page)
    assert stored["kind"] == "feedback" and stored["fields"]["from"] == "My mentee"
    unfold(page, "Evidence summary")
    kinds = page.locator("[data-summary]").get_by_role("table").first
    expect(kinds.get_by_role("row", name=re.compile("^Feedback received"))).to_contain_text("1")


def test_the_evidence_summary_counts_a_period_and_shows_progress_towards_targets(page: Page, site: str):
    open_journal(page, site)
    quarter_start = datetime.date(TODAY.year, 3 * ((TODAY.month - 1) // 3) + 1, 1)
    target = next(t for t in spec_of("journal")["scoring"]["targets"] if t["id"] == "supervision-hours")["at_least"]
    half = target / 2  # this quarter, half the programme's target
    add(
        page,
        "Supervision",
        {"Date of the session": quarter_start.isoformat(), "How long it lasted": f"{half:g}", "Themes": "A"},
    )
    add(
        page,
        "Supervision",
        {
            "Date of the session": (quarter_start - datetime.timedelta(days=40)).isoformat(),
            "How long it lasted": "5",
            "Themes": "B",
        },
    )
    unfold(page, "Evidence summary")
    page.get_by_label("From", exact=True).fill(quarter_start.isoformat())
    page.get_by_label("From", exact=True).dispatch_event("change")
    summary = page.locator("[data-summary]")
    kinds = summary.get_by_role("table").first
    expect(kinds.get_by_role("row", name=re.compile("^Supervision"))).to_contain_text(f"How long it lasted: {half:g} h")
    label = f"Q{(quarter_start.month + 2) // 3} {quarter_start.year}"
    targets = summary.get_by_role("table", name="Progress towards the evidence targets")
    # The targets are for mentors: shown once the reader says this is a mentor's journal, and kept so.
    expect(targets).to_have_count(0)
    expect(page.get_by_role("link", name="EMCC Global accreditation")).to_be_hidden()
    page.get_by_label("I keep this journal as a mentor: show the programme's evidence targets").check()
    expect(targets).to_have_count(1)
    page.reload()
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    unfold(page, "Evidence summary")
    page.get_by_label("From", exact=True).fill(quarter_start.isoformat())
    page.get_by_label("From", exact=True).dispatch_event("change")
    expect(page.get_by_label("I keep this journal as a mentor: show the programme's evidence targets")).to_be_checked()
    row = targets.get_by_role("row").filter(has_text="Hours of supervision").filter(has_text=label)
    expect(row).to_contain_text(f"{half:g} h of {target:g} h")
    expect(row).to_contain_text("Not yet")
    expect(page.get_by_role("link", name="EMCC Global accreditation")).to_have_attribute(
        "href", "https://www.emccglobal.org/accreditation/"
    )


def test_a_prompt_answered_on_a_guidance_page_becomes_a_reflection_and_roles_filter_prompts(page: Page, site: str):
    page.goto(f"{site}relationship/stages/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    box = page.locator("[data-questionnaire] textarea").first
    box.fill("We have moved from rapport to real goals.")
    expect(page.locator("[data-prompt-note]").first).to_contain_text("In your journal, dated")
    expect(page.get_by_text(re.compile(r"\d+ of \d+ answered"))).to_have_count(0)
    open_journal(page, site)
    card = entries(page).first
    expect(card).to_contain_text("Reflection")
    expect(card).to_contain_text("Answering:")
    expect(card).to_contain_text("We have moved from rapport to real goals.")

    page.goto(f"{site}assessments/questions-to-consider/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    groups = page.locator("[data-group]")
    everyone = groups.count()
    page.get_by_role("radio", name=re.compile("mentees", re.I)).check()
    visible = page.locator("[data-group]:visible")
    expect(visible).not_to_have_count(everyone)
    assert 0 < visible.count() < everyone


def test_an_edit_keeps_the_question_an_entry_answers_unless_the_reader_unlinks_it(page: Page, site: str):
    """A reflection answering a question this site no longer asks (or a site in another language
    without the questions) keeps that link, and its tags, through an edit; the reader's own "no
    question" removes it."""
    prompts = spec_of("questions-to-consider")
    asked = f"questions-to-consider/{prompts['groups'][0]['items'][0]['id']}"
    gone = "questions-to-consider/a-question-since-taken-out"
    kept = [
        {
            "id": "e1",
            "kind": "reflection",
            "tags": ["a-category-since-taken-out"],
            "prompt": gone,
            "fields": {"written-on": day(-3), "reflection": "One."},
        },
        {
            "id": "e2",
            "kind": "reflection",
            "tags": [],
            "prompt": asked,
            "fields": {"written-on": day(-4), "reflection": "Two."},
        },
    ]
    page.goto(site)
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
        [KEY, {"version": spec_of("journal")["version"], "answers": {}, "lists": {"entries": kept}}],
    )
    open_journal(page, site)
    for n, words in enumerate(["One, edited.", "Two, edited."]):
        act(entries(page).nth(n), "Edit")
        if n == 1:  # offered, and chosen away by the reader
            page.get_by_label("Answering a question to consider (optional)").select_option(index=0)
        page.get_by_label("My reflection", exact=True).fill(words)
        page.get_by_role("button", name="Save entry").click()
        expect(page.locator("[data-entry-form]")).to_have_count(0)
    found = {entry["id"]: entry for entry in stored_entries(page)}
    assert (found["e1"]["fields"]["reflection"], found["e1"].get("prompt")) == ("One, edited.", gone)
    assert found["e1"]["tags"] == ["a-category-since-taken-out"]  # a tag it no longer has, kept as well
    assert (found["e2"]["fields"]["reflection"], found["e2"].get("prompt")) == ("Two, edited.", None)


def test_my_reflections_as_saved_today_migrate_into_reflection_entries(page: Page, site: str):
    prompts = spec_of("questions-to-consider")
    old = f"mentorkit:/questions-to-consider:{prompts['version']}"
    first, second = prompts["groups"][0]["items"][:2]
    record = {
        "version": prompts["version"],
        "saved": "2026-03-02T10:15:00.000Z",
        "answers": {first["id"]: "Mentoring is a partnership.", second["id"]: "Listening, mostly."},
    }
    page.goto(site)
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [old, record])
    open_journal(page, site)
    expect(page.get_by_role("status")).to_contain_text("Your 2 answers from “My reflections” are now reflections")
    expect(entries(page)).to_have_count(2)
    expect(page.locator("[data-list]")).to_contain_text("Mentoring is a partnership.")
    expect(page.locator("[data-list]")).to_contain_text(first["text"])
    expect(page.locator("[data-list] time").first).to_have_attribute("datetime", "2026-03-02")
    page.reload()  # a second opening adds nothing twice
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    expect(entries(page)).to_have_count(2)
    assert page.evaluate("key => JSON.parse(localStorage.getItem(key) || 'null')?.answers", old) in (None, {})


def test_export_markdown_json_agenda_and_import_merges_without_duplicates(page: Page, site: str, tmp_path: Path):
    open_journal(page, site)
    add(
        page,
        "Meeting",
        {
            "Date of the meeting": day(-1),
            "Key points": "Feedback <b>culture</b>",
            "Questions to raise at our next meeting": "How do I say no?",
        },
    )
    add(page, "Action", {"Date agreed": day(-1), "What I will do": "Write the proposal", "Due by": day(5)})
    long_title = "Next time I want to hold back on advice and " + "wait for the answer " * 8
    reflection = f"{long_title.strip()}\nThen ask one more question.\n\nJordan found their own answer."
    add(page, "Reflection", {"Date": day(-1), "My reflection": reflection})
    unfold(page, "Take it with you")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Feedback <b>culture</b>" in markdown and "Write the proposal" in markdown
    assert "Not answered" not in markdown
    # The writing as it was written: the title whole, a line break kept as one, paragraphs apart.
    assert f"Reflection: {long_title.strip()}\n" in markdown and "…" not in markdown
    assert f"{long_title.strip()}\\\nThen ask one more question.\n\nJordan found their own answer." in markdown
    with page.expect_download() as download:
        page.get_by_role("button", name="Agenda for our next meeting").click()
    agenda = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Write the proposal: Due in 5 days (" in agenda and "How do I say no?" in agenda
    with page.expect_download() as download:
        page.get_by_role("button", name="Export entries (JSON)").click()
    exported = Path(download.value.path())
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format_version"] == 2 and len(data["lists"]["entries"]) == 3
    assert data["lists"]["choices"] == []  # none made yet
    # The reader's choices travel with the entries: a mentor's journal, and the portfolio's front page.
    unfold(page, "Evidence summary")
    page.get_by_label("I keep this journal as a mentor", exact=False).check()
    page.locator("[data-who]").get_by_label("Your name").fill("Alex Martin")
    page.locator("[data-who]").get_by_label("Your name").press("Tab")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export entries (JSON)").click()
    exported = Path(download.value.path())
    choices = json.loads(exported.read_text(encoding="utf-8"))["lists"]["choices"]
    assert sorted(c["id"] for c in choices) == ["portfolio", "targets"]
    assert next(c for c in choices if c["id"] == "portfolio")["name"] == "Alex Martin"

    # Another device: one entry of its own, then the file: the two are added, once only.
    page.evaluate("key => localStorage.removeItem(key)", KEY)
    page.reload()
    expect(page.locator("[data-enhanced]")).to_have_count(1)
    add(page, "Reflection", {"My reflection": "On the train home."})
    page.locator('[data-action="import"]').set_input_files(exported)
    expect(page.get_by_role("status")).to_contain_text("3 entries were added; 0 were already in your journal.")
    unfold(page, "Evidence summary")
    expect(page.get_by_label("I keep this journal as a mentor", exact=False)).to_be_checked()
    unfold(page, "Take it with you")
    expect(page.locator("[data-who]").get_by_label("Your name")).to_have_value("Alex Martin")
    page.locator('[data-action="import"]').set_input_files(exported)
    expect(page.get_by_role("status")).to_contain_text("0 entries were added; 3 were already in your journal.")
    expect(entries(page)).to_have_count(4)
    # Text that looks like HTML is shown as text.
    expect(page.locator("[data-list] b")).to_have_count(0)
    expect(page.locator("[data-list]")).to_contain_text("Feedback <b>culture</b>")


def test_a_period_chosen_for_the_summary_is_what_the_exports_take(page: Page, site: str):
    open_journal(page, site)
    add(page, "Reflection", {"Date": day(-40), "My reflection": "Before the period."})
    add(page, "Reflection", {"Date": day(-3), "My reflection": "Inside the period."})
    unfold(page, "Evidence summary")
    unfold(page, "Take it with you")
    period = page.locator("[data-period]")
    period.get_by_label("From", exact=True).fill(day(-10))
    period.get_by_label("From", exact=True).dispatch_event("change")
    expect(page.locator("[data-summary]")).to_contain_text("From ")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Inside the period." in markdown and "Before the period." not in markdown
    with page.expect_download() as download:
        page.get_by_role("button", name="Export entries (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    (kept,) = data["lists"]["entries"]
    assert "Inside the period." in json.dumps(kept) and data["period"]["from"] == day(-10)


def _entry(**changes) -> dict:
    entry = {"id": "e1", "kind": "reflection", "fields": {"written-on": "2026-03-02", "reflection": "Hi"}}
    return {**entry, **changes}


def _file(entries: list) -> dict:
    return {
        "format": "mentorkit-answers",
        "format_version": 2,
        "questionnaire": "journal",
        "answers": {},
        "lists": {"entries": entries},
    }


HOSTILE = {
    "not-a-journal.json": ({"hello": "world"}, "is not a journal's export"),
    "other.json": ({**_file([_entry()]), "questionnaire": "mentor-competence"}, "another questionnaire"),
    "duplicates.json": (_file([_entry(), _entry()]), "two entries with the id “e1”"),
    "impossible-date.json": (_file([_entry(fields={"written-on": "2026-02-30", "reflection": "x"})]), "2026-02-30"),
    "unknown-kind.json": (_file([_entry(kind="<script>")]), "is not one of this journal's"),
    "unknown-field.json": (_file([_entry(fields={"written-on": "2026-03-02", "onclick": "x"})]), "“onclick”"),
}


def test_a_file_s_choices_are_kept_in_their_own_shape_and_never_over_the_reader_s(
    page: Page, site: str, tmp_path: Path
):
    """Choices from a file: only the kinds a journal keeps, as text of the fields' length, and added
    only where the reader has made none of that kind, as entries merge."""
    open_journal(page, site)
    unfold(page, "Take it with you")
    page.locator("[data-who]").get_by_label("Your role").fill("Team lead")
    page.locator("[data-who]").get_by_label("Your role").press("Tab")
    data = _file([_entry()])
    data["lists"]["choices"] = [
        {"id": "portfolio", "name": "<img src=x onerror=alert(1)>" + "x" * 500, "role": 5, "extra": "y"},
        {"id": "targets", "on": "<script>"},
        {"id": "<b>other</b>"},
        "not a choice",
    ]
    path = tmp_path / "choices.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    page.locator('[data-action="import"]').set_input_files(path)
    expect(page.get_by_role("status")).to_contain_text("1 entry was added")
    kept = page.evaluate("key => JSON.parse(localStorage.getItem(key)).lists.choices", KEY)
    assert sorted(kept, key=lambda c: c["id"]) == [
        {"id": "portfolio", "name": "", "role": "Team lead"},
        {"id": "targets"},
    ]
    expect(page.locator("[data-who]").get_by_label("Your role")).to_have_value("Team lead")
    unfold(page, "Evidence summary")
    expect(page.get_by_label("I keep this journal as a mentor", exact=False)).to_be_checked()


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_import_changes_nothing_and_says_why(page: Page, site: str, tmp_path: Path, name: str):
    open_journal(page, site)
    add(page, "Reflection", {"My reflection": "Kept as it is."})
    before = stored_entries(page)
    data, reason = HOSTILE[name]
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    page.locator('[data-action="import"]').set_input_files(path)
    expect(page.get_by_role("status")).to_contain_text(reason)
    expect(page.get_by_role("status")).to_contain_text("Nothing was changed.")
    assert stored_entries(page) == before


def test_an_oversized_import_changes_nothing(page: Page, site: str, tmp_path: Path):
    open_journal(page, site)
    path = tmp_path / "big.json"
    path.write_text(" " * (5 * 1024 * 1024 + 1), encoding="utf-8")
    page.locator('[data-action="import"]').set_input_files(path)
    expect(page.get_by_role("status")).to_contain_text("too large")
    assert stored_entries(page) == []


def test_a_thousand_entries_load_filter_and_search(page: Page, site: str):
    kinds = ["meeting", "reflection", "supervision", "development"]
    dates = {"meeting": "met-on", "reflection": "written-on", "supervision": "held-on", "development": "done-on"}
    text = {
        "meeting": "key-points",
        "reflection": "reflection",
        "supervision": "themes",
        "development": "development-learned",
    }
    entries_ = []
    for n in range(1000):
        kind = kinds[n % 4]
        when = (TODAY - datetime.timedelta(days=n)).isoformat()
        entries_.append(
            {
                "id": f"b{n}",
                "kind": kind,
                "tags": [],
                "fields": {dates[kind]: when, text[kind]: f"Entry {n} " + "lorem ipsum dolor " * 50},
            }
        )
    record = {"version": spec_of("journal")["version"], "answers": {}, "lists": {"entries": entries_}}
    page.goto(site)
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [KEY, record])
    assert page.evaluate("key => localStorage.getItem(key).length", KEY) > 900_000
    open_journal(page, site)
    expect(page.locator("[data-count]")).to_have_text(
        re.compile(r"Showing 10 of 1000 entries \(1000 in your journal\)")
    )
    page.get_by_role("searchbox", name="Search").fill("Entry 999")
    expect(entries(page)).to_have_count(1)
    # How quickly is measured in `make bench` (section "journal"), never timed in a test.
    page.get_by_role("button", name="Show more entries").wait_for(state="hidden")


def test_two_tabs_never_overwrite_each_other_s_entries(page: Page, site: str):
    open_journal(page, site)
    other = page.context.new_page()
    open_journal(other, site)
    add(page, "Reflection", {"My reflection": "From the first tab."})
    add(other, "Reflection", {"My reflection": "From the second tab."})
    expect(page.locator("[data-list]")).to_contain_text("From the second tab.")
    texts = sorted(e["fields"]["reflection"] for e in stored_entries(page))
    assert texts == ["From the first tab.", "From the second tab."]
    other.close()


def test_storage_full_says_so_and_keeps_what_was_saved(page: Page, site: str):
    open_journal(page, site)
    add(page, "Reflection", {"My reflection": "Saved before."})
    page.evaluate("""() => { const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key.startsWith("mentorkit:/journal:")) throw new DOMException("full", "QuotaExceededError");
          return set.call(this, key, value); }; }""")
    page.locator("[data-add]").get_by_text("Reflection", exact=True).click()
    page.get_by_label("My reflection", exact=True).fill("Not saved.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("alert")).to_contain_text("could not be saved in this browser")
    expect(page.get_by_label("My reflection", exact=True)).to_have_value("Not saved.")
    assert [e["fields"]["reflection"] for e in stored_entries(page)] == ["Saved before."]


def test_the_journal_prints_as_a_portfolio_worth_handing_over(page: Page, site: str, tmp_path: Path):
    """Chromium's print to PDF, its text read back: a front page (who, role, programme, period,
    entries and hours by kind and category), then every entry in date order, one table each, not
    a page per kind; links written as addresses."""
    from pypdf import PdfReader

    open_journal(page, site)
    add(page, "Development", {"Date": day(-3), "Activity": "Coaching skills workshop", "Hours": "6"})
    add(page, "Meeting", {"Date of the meeting": day(-20), "Who I met": "Jordan", "How long it lasted": "1.5"})
    add(page, "Goal", {"Date set": day(-20), "What I want to achieve": "Lead the quarterly review"})
    add(page, "Reflection", {"Date": day(-10), "My reflection": "Hold back on advice.\nAsk one more question."})
    add(page, "Supervision", {"Date of the session": day(-7), "How long it lasted": "1", "Themes": "Boundaries"})
    unfold(page, "Take it with you")
    who = page.locator("[data-who]")
    who.get_by_label("Your name").fill("Alex Martin")
    who.get_by_label("Your role").fill("Mentor, Finance team")
    who.get_by_label("Your role").press("Tab")  # kept on change, with the entries
    page.reload()
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    expect(page.locator("[data-who]").get_by_label("Your name")).to_have_value("Alex Martin")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # as window.print() does
    pdf = tmp_path / "portfolio.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
    front = pages[0]
    for words in (
        "Portfolio of evidence",
        "Alex Martin",
        "Mentor, Finance team",
        "Programme",
        "Period",
        "The whole journal",
    ):
        assert words in front, (words, front)
    assert "5 entries; 8.5 h in all" in front  # 6 + 1.5 + 1 hours
    assert "Meeting 1" in front and "Development 1" in front  # counts by kind, in its table
    assert "Understanding Self" in front  # and by category
    rest = " ".join(pages[1:])
    assert "Coaching skills workshop" not in front and "Coaching skills workshop" in rest  # entries after the front
    order = [
        rest.index(words)
        for words in ("Jordan", "Lead the quarterly review", "Hold back on advice", "Boundaries", "Coaching")
    ]
    assert order == sorted(order), "the entries in date order, every kind together"
    assert len(pages) <= 3, f"{len(pages)} pages for five entries: a page per kind again?"
    assert "Add an entry" not in " ".join(pages) and "Save entry" not in " ".join(pages)


def test_the_mentoring_agreement_prints_as_an_agreement(page: Page, site: str):
    page.goto(f"{site}assessments/mentoring-agreement/")
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    page.get_by_label("Mentor's name", exact=True).fill("Alex Martin")
    page.get_by_label("Mentee's name", exact=True).fill("Sam Lee")
    page.get_by_label("Date of our first meeting", exact=True).fill("2026-03-02")
    length = page.get_by_label("How long do we expect the relationship to run?", exact=True)
    length.fill("1")
    length.press("Tab")
    expect(page.locator("[data-results-body]")).to_contain_text("1 month")  # the unit's singular (unit_one)
    expect(page.locator("[data-results-body]")).not_to_contain_text("1 months")
    length.fill("6")
    length.press("Tab")
    expect(page.locator("[data-results-body]")).to_contain_text("6 months")
    page.emulate_media(media="print")
    expect(page.get_by_text("Our mentoring agreement", exact=True)).to_be_visible()
    top = page.locator(".mk-document__parties")
    expect(top).to_contain_text("Mentor: Alex Martin")
    expect(top).to_contain_text("Mentee: Sam Lee")
    expect(page.locator("[data-results-body]")).to_contain_text("2 March 2026")  # as a British site writes it
    expect(page.locator("[data-results-body]")).not_to_contain_text("2026-03-02")
    expect(page.locator(".mk-signature")).to_have_count(2)
    expect(page.locator(".mk-signature").first).to_contain_text("Signature")
    expect(page.locator(".mk-intro")).to_be_hidden()
    expect(page.locator(".mk-form")).to_be_hidden()
    for link in page.locator("[data-results-body] a").all():
        expect(link).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.get_by_text("Our mentoring agreement", exact=True)).to_be_hidden()


def test_the_journal_works_by_keyboard_passes_axe_and_fits_a_phone(page: Page, site: str):
    from tests.browser.test_accessibility import NO_TRANSITIONS, add_style, violations

    page.set_viewport_size({"width": 360, "height": 740})
    open_journal(page, site)
    add_style(page, NO_TRANSITIONS)  # axe sees colours as they end, not halfway through a fade
    add(page, "Goal", {"What I want to achieve": "Speak up in meetings", "By when": day(-1)})
    add(page, "Meeting", {"Key points": "A long " + "word" * 40 + " that must wrap", "Next meeting": f"{day(7)}T10:00"})
    # Keyboard alone: focus the first "add" button, open its form, type, save with Enter on the button.
    page.locator("[data-add]").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-form-title]")).to_be_focused()
    for _ in range(20):  # through the date's parts and "Who I met" to the key points
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "key-points":
            break
    page.keyboard.type("Prepared the agenda together")
    assert not violations(page, "journal with a form open")
    page.get_by_role("button", name="Save entry").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Saved: Meeting.")
    # The saved entry's row is focused, its card open in place; Enter closes and opens it again.
    first = page.locator("[data-list] > li").first
    toggle = first.locator("[data-toggle]")
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first.get_by_text("Prepared the agenda together")).to_be_visible()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first.get_by_text("Prepared the agenda together")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(first.get_by_text("Prepared the agenda together")).to_be_visible()
    # One row of actions on a phone: Edit and a menu, which opens by keyboard, in place.
    edit, more = first.get_by_role("button", name="Edit", exact=True), first.get_by_role("button", name="More")
    assert edit.bounding_box()["y"] == more.bounding_box()["y"]
    more.focus()
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("aria-expanded", "true")
    expect(first.get_by_role("button", name="Delete")).to_be_visible()
    assert not violations(page, "journal with entries, a card and its menu open")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] + 1, width
    # Every control the runtime made has a name.
    unnamed = page.evaluate("""() => [...document.querySelectorAll('.mk-journal button, .mk-journal select, .mk-journal input')]
        .filter((c) => c.offsetParent && !(c.labels?.length || c.getAttribute('aria-label') || c.textContent.trim()))
        .map((c) => c.outerHTML.slice(0, 80))""")
    assert unnamed == []


def test_a_journal_kept_by_an_earlier_version_of_the_site_opens_with_every_entry_and_says_so(page: Page, site: str):
    """The programme changed the journal's questions since the reader last came: the entries are
    all there, the reader is told once, and the earlier copy is moved, not left behind."""
    earlier = "mentorkit:/journal:0123456789ab"
    kept = [
        {"id": "e1", "kind": "reflection", "tags": [], "fields": {"written-on": day(-3), "reflection": "Kept one."}},
        {"id": "e2", "kind": "meeting", "tags": [], "fields": {"met-on": day(-9), "key-points": "Kept two."}},
    ]
    page.goto(site)
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
        [earlier, {"version": "0123456789ab", "answers": {}, "lists": {"entries": kept}}],
    )
    open_journal(page, site)
    notice = "This journal has changed since you last used it; all your entries were kept."
    expect(page.get_by_text(notice)).to_be_visible()
    expect(entries(page)).to_have_count(2)
    expect(page.locator("[data-list]")).to_contain_text("Kept one.")
    expect(page.locator("[data-list]")).to_contain_text("Kept two.")
    assert sorted(e["id"] for e in stored_entries(page)) == ["e1", "e2"]
    # The earlier version's record stays as it was: a tab still open there may write to it again,
    # and what it writes is taken in (store.js); nothing is deleted to move on.
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", earlier))["lists"]["entries"]
    page.reload()
    expect(page.locator("[data-questionnaire='journal'][data-enhanced]")).to_have_count(1)
    expect(entries(page)).to_have_count(2)
    expect(page.get_by_text(notice)).to_have_count(0)  # told once


def test_entries_as_the_released_version_kept_them_show_in_the_list_unchanged(page: Page, site: str):
    """A record of v0.3.0's shape (the lists with the moment each item changed, the reader's
    choices beside the entries): every entry is a row, as it was written, and opening the page
    writes nothing."""
    stamp = "2026-11-02T10:00:00.000Z"
    kept = [
        {"id": "m1", "kind": "meeting", "tags": [], "created": stamp, "updated": stamp,
         "fields": {"met-on": day(-20), "with": "Jordan", "key-points": "Line one.\nLine two."}},
        {"id": "g1", "kind": "goal", "tags": [], "created": stamp, "updated": stamp,
         "fields": {"set-on": day(-20), "what": "Lead the quarterly review", "by-when": day(40)}},
        {"id": "a1", "kind": "action", "tags": [], "created": stamp, "updated": stamp,
         "fields": {"agreed-on": day(-19), "action": "Draft the agenda", "due": day(-2), "status": "open", "goal": "g1"}},
    ]  # fmt: skip
    record = {
        "version": spec_of("journal")["version"],
        "answers": {},
        "lists": {"entries": kept, "choices": [{"id": "targets"}]},
        "times": {"lists": {"entries": {e["id"]: stamp for e in kept}, "choices": {"targets": stamp}}},
    }
    page.goto(site)
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [KEY, record])
    before = page.evaluate("key => localStorage.getItem(key)", KEY)
    open_journal(page, site)
    expect(entries(page)).to_have_count(3)
    titles = entries(page).locator("[data-toggle]")
    expect(titles.nth(0)).to_contain_text("Action · Draft the agenda")
    expect(titles.nth(1)).to_contain_text("Meeting · Jordan")
    expect(titles.nth(2)).to_contain_text("Goal · Lead the quarterly review")
    action = entries(page).nth(0)
    expect(action.locator("[data-overdue]")).to_have_text("2 days overdue")
    expect(action).to_contain_text(f"Due {short_day(-2)}")
    expect(action.get_by_role("button", name="Mark as done")).to_be_visible()
    act(entries(page).nth(1), "Edit")  # the card opens, and its form, as for an entry written today
    expect(page.get_by_label("Key points", exact=True)).to_have_value("Line one.\nLine two.")
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_label("I keep this journal as a mentor", exact=False)).to_be_checked()
    assert page.evaluate("key => localStorage.getItem(key)", KEY) == before


def fifty_entries() -> list[dict]:
    """Six months of a mentor's journal: each month a meeting, a goal and three actions agreed
    at the meeting (one open, one done, one overdue), two reflections and a supervision, each
    tagged with a category of the competence framework."""
    tags = [g["id"] for g in spec_of("mentor-competence")["groups"]]
    kept = []
    for m in range(7):
        start = -30 * m

        def tag(n: int, m: int = m) -> list[str]:
            return [tags[(m + n) % len(tags)]]

        kept += [
            {
                "id": f"m{m}",
                "kind": "meeting",
                "tags": tag(0),
                "fields": {
                    "met-on": day(start - 2),
                    "with": "Jordan",
                    "duration": 1.5,
                    "key-points": "Listening.\nGoals.",
                },
            },
            {
                "id": f"g{m}",
                "kind": "goal",
                "tags": tag(1),
                "fields": {"set-on": day(start - 3), "what": "Ask more open questions in our meetings"},
            },
            {
                "id": f"a{m}",
                "kind": "action",
                "tags": tag(1),
                "fields": {
                    "agreed-on": day(start - 2),
                    "action": "Read the chapter on listening",
                    "due": day(start + 5),
                    "status": "open",
                    "goal": f"g{m}",
                    "meeting": f"m{m}",
                },
            },
            {
                "id": f"b{m}",
                "kind": "action",
                "tags": tag(2),
                "fields": {
                    "agreed-on": day(start - 2),
                    "action": "Book the next session",
                    "due": day(start + 9),
                    "status": "done",
                },
            },
            {
                "id": f"c{m}",
                "kind": "action",
                "tags": tag(2),
                "fields": {
                    "agreed-on": day(start - 2),
                    "action": "Write up what I noticed",
                    "due": day(start - 1),
                    "status": "open",
                },
            },
            {
                "id": f"r{m}",
                "kind": "reflection",
                "tags": tag(3),
                "fields": {"written-on": day(start - 1), "reflection": "Next time I will let the silence last longer."},
            },
            {
                "id": f"q{m}",
                "kind": "reflection",
                "tags": tag(4),
                "fields": {"written-on": day(start - 5), "reflection": "I asked two open questions and waited."},
            },
            {
                "id": f"s{m}",
                "kind": "supervision",
                "tags": tag(0),
                "fields": {
                    "held-on": day(start - 10),
                    "supervision-hours": 1,
                    "supervisor": "Sam",
                    "themes": "Boundaries",
                },
            },
        ]
    return kept[:50]


def test_fifty_entries_are_a_journal_to_scan_on_a_phone(page: Page, site: str):
    """Fifty entries on a phone: the newest ten as closed rows (no field of a card shown), the
    three most urgent things to do, the evidence by category open, the summary and taking away
    folded under their headings; more of each one tap away."""
    fifty = fifty_entries()
    still_open = sum(e["fields"].get("status") == "open" for e in fifty)
    record = {"version": spec_of("journal")["version"], "answers": {}, "lists": {"entries": fifty}}
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site)
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [KEY, record])
    open_journal(page, site)
    expect(page.locator("[data-count]")).to_have_text(re.compile("^Showing 10 of 50 entries"))
    expect(entries(page)).to_have_count(10)
    expect(page.locator("[data-list] .mk-entry__body:visible")).to_have_count(0)
    section = page.locator("[data-list]").locator("xpath=ancestor::section[1]")
    height = section.evaluate("s => s.getBoundingClientRect().height")
    assert height < 2 * 740, f"the list of entries is {height:.0f} px tall: {height / 740:.1f} phone screens"
    # What the journal is for, folded once it has entries: the page starts with the week's work.
    expect(page.locator("[data-about]")).not_to_have_attribute("open", re.compile(".*"))
    expect(page.get_by_text("A dated record of your mentoring")).to_be_hidden()
    whole = page.evaluate("document.documentElement.scrollHeight")
    # Before rows and folds (issue 28), this journal was 18.8 phone screens: measured, not hoped.
    assert whole < 4 * 740, f"the journal is {whole} px tall: {whole / 740:.1f} phone screens"
    # What is still to do: the three most urgent, overdue first, then all of it on request.
    todo = page.locator("[data-todo] > li")
    expect(todo).to_have_count(3)
    expect(todo.first.locator("[data-overdue]")).to_have_text(re.compile(r"^\d+ days? overdue$"))
    every = page.get_by_role("button", name="Show all that is still to do")
    every.click()
    expect(todo).to_have_count(still_open)
    expect(todo.nth(3).locator("[data-toggle]")).to_be_focused()
    expect(every).to_be_hidden()
    # Folded, by keyboard: the heading is the button; Enter opens and closes it in place.
    for name, inside in (("Evidence summary", "From"), ("Take it with you", "Your name")):
        heading = page.get_by_role("button", name=name, exact=True)
        expect(heading).to_have_attribute("aria-expanded", "false")
        expect(page.get_by_label(inside, exact=True)).to_be_hidden()
        heading.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_label(inside, exact=True)).to_be_visible()
        page.keyboard.press("Enter")
        expect(page.get_by_label(inside, exact=True)).to_be_hidden()
    every_row = page.locator("[data-by-tag] tbody tr")
    expect(every_row).to_have_count(len(spec_of("mentor-competence")["groups"]))


@pytest.mark.parametrize("language", ["", "fr/"])
def test_each_filter_shows_whatever_is_chosen_whole_on_a_phone(page: Page, site: str, language: str):
    """A closed select cuts its choice at the arrow, with no ellipsis: at 360 px, every kind and
    every category, once chosen, is shown whole (the rules of what a person sees, look.js), in
    each language (French names run longer)."""
    from tests.browser.journeys import follow_rules

    page.set_viewport_size({"width": 360, "height": 740})
    open_journal(page, site + language)
    cut = []
    for name in ("kind", "tag"):
        select = page.locator(f"[data-filters] select[name={name}]")
        for value in select.locator("option").evaluate_all("options => options.map(o => o.value)"):
            select.select_option(value)
            cut += [problem for problem in follow_rules(page) if "select shows its choice cut off" in problem]
    assert not cut, "\n".join(cut)
