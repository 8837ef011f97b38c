"""What the journal's page shows of its entries (journal/showing.js, run in Node by
tests/node/journal_showing.mjs): how far down the list goes as the reader asks for more, filters,
or is brought to an entry; what is still to do, its first few or all of it; the cards kept open;
and what a saved entry keeps of what was stored (journal/entries.js, savedOver)."""

from __future__ import annotations

import copy
import datetime
import json
import shutil

import pytest
from mentorkit.site.project import load_all
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import ROOT, node_driver

(JOURNAL,) = load_all([ROOT / "questionnaires" / "journal.yml"], pages=None)
# What a site adds to the journal's spec (site/journal.py): a tag and a question to answer.
SPEC = copy.deepcopy(runtime_spec(JOURNAL))
SPEC["scoring"]["tags"] = [{"id": "listening", "title": "Listening"}]
SPEC["scoring"]["prompts"] = [
    {
        "id": "questions",
        "groups": [{"id": "g", "items": [{"id": "q1", "text": "What?"}]}],
        "scoring": {"kind": "reflection"},
    }
]
FIRST, PAGE = 10, 25  # the list's first entries, and how many "Show more" adds


@pytest.fixture(scope="module")
def node(tmp_path_factory):
    folder = tmp_path_factory.mktemp("showing")
    (folder / "spec.json").write_text(json.dumps(SPEC), encoding="utf-8")
    script = ROOT / "tests" / "node" / "journal_showing.mjs"
    with node_driver([shutil.which("node") or "node", str(script), str(folder / "spec.json")]) as ask:
        yield lambda call, **given: ask({"call": call, **given})["value"]


def entry(n: int, kind: str = "meeting", tags: tuple[str, ...] = (), **fields) -> dict:
    """An entry of `kind` dated n days after 1 January 2026: its id, the kind's first letter and n."""
    date = {"meeting": "met-on", "goal": "set-on", "action": "agreed-on", "reflection": "written-on"}[kind]
    day = (datetime.date(2026, 1, 1) + datetime.timedelta(days=n)).isoformat()
    stamp = f"{day}T09:00:00.000Z"
    return {
        "id": f"{kind[0]}{n}",
        "kind": kind,
        "fields": {date: day, **fields},
        "tags": list(tags),
        "created": stamp,
        "updated": stamp,
    }


MEETINGS = [entry(n) for n in range(30)]
NEWEST_FIRST = [f"m{n}" for n in reversed(range(30))]
NO_FILTERS = {"kind": "", "tag": "", "search": ""}


def test_each_move_changes_only_what_it_says(node):
    moves = [
        ["moreAsked"],
        ["moreAsked"],
        ["filtersChosen"],
        ["entryReached", 40],
        ["entryReached", 3],
        ["entryReached", FIRST],
        ["allToDoAsked"],
        ["cardToggled", "entry-a", True],
        ["cardToggled", "todo-entry-a", True],
        ["cardToggled", "entry-a", False],
        ["cardToggled", "entry-x", False],
        ["filtersChosen"],
    ]
    after = node("moves", moves=moves)
    assert after == [
        {"shown": FIRST, "todoAll": False, "open": []},  # as a page begins
        {"shown": FIRST + PAGE, "todoAll": False, "open": []},
        {"shown": FIRST + 2 * PAGE, "todoAll": False, "open": []},
        {"shown": FIRST, "todoAll": False, "open": []},  # other filters: back to the first entries
        {"shown": 41, "todoAll": False, "open": []},  # down to the 41st entry, which ends the list
        {"shown": FIRST, "todoAll": False, "open": []},  # an entry among the first: the first are shown
        {"shown": FIRST + 1, "todoAll": False, "open": []},
        {"shown": FIRST + 1, "todoAll": True, "open": []},
        {"shown": FIRST + 1, "todoAll": True, "open": ["entry-a"]},
        {"shown": FIRST + 1, "todoAll": True, "open": ["entry-a", "todo-entry-a"]},
        {"shown": FIRST + 1, "todoAll": True, "open": ["todo-entry-a"]},  # each list's card apart
        {"shown": FIRST + 1, "todoAll": True, "open": ["todo-entry-a"]},
        {"shown": FIRST, "todoAll": True, "open": ["todo-entry-a"]},  # filters keep all to do, and open cards
    ]


def test_the_list_goes_as_far_down_as_the_state_says_newest_first(node):
    first = node("listing", entries=MEETINGS, filters=NO_FILTERS, state={"shown": FIRST})
    assert first == {"rows": NEWEST_FIRST[:FIRST], "found": 30, "count": 30, "more": True}
    assert node("listing", entries=MEETINGS, filters=NO_FILTERS, state={"shown": 30}) == {
        "rows": NEWEST_FIRST,
        "found": 30,
        "count": 30,
        "more": False,  # every entry found is shown: "Show more" has nothing more
    }
    assert node("listing", entries=MEETINGS, filters=NO_FILTERS, state={"shown": 29})["more"] is True
    assert node("listing", entries=[], filters=NO_FILTERS, state={"shown": FIRST}) == {
        "rows": [],
        "found": 0,
        "count": 0,
        "more": False,
    }


def test_the_filters_find_among_every_entry_and_the_count_keeps_them_all(node):
    entries = [*MEETINGS, entry(40, "goal", ("listening",), what="Listen"), entry(41, "goal", what="Plan")]
    assert node("listing", entries=entries, filters={**NO_FILTERS, "kind": "goal"}, state={"shown": FIRST}) == {
        "rows": ["g41", "g40"],
        "found": 2,
        "count": 32,
        "more": False,
    }
    tagged = node("listing", entries=entries, filters={**NO_FILTERS, "tag": "listening"}, state={"shown": FIRST})
    assert tagged["rows"] == ["g40"] and tagged["count"] == 32
    searched = node("listing", entries=entries, filters={**NO_FILTERS, "search": "plan"}, state={"shown": FIRST})
    assert searched["rows"] == ["g41"]


def action(n: int, status: str, due: str | None = None) -> dict:
    return entry(n, "action", status=status, **({"due": due} if due else {}))


TO_DO = [
    action(1, "open", "2026-02-01"),  # overdue on 1 March
    action(2, "open", "2026-04-01"),
    action(3, "open"),  # no due date: last
    action(4, "done", "2026-01-01"),  # done: not to do
    action(5, "open", "2026-03-15"),
    action(6, "open", "2026-02-15"),  # overdue
    action(7, "dropped", "2026-03-02"),  # neither open nor done: not to do
]


def test_what_is_still_to_do_shows_its_first_few_then_all_once_asked(node):
    day = "2026-03-01"
    assert node("toDo", entries=TO_DO, day=day, state={"todoAll": False}) == {
        "rows": ["a1", "a6", "a5"],
        "none": False,
        "more": True,
    }
    assert node("toDo", entries=TO_DO, day=day, state={"todoAll": True}) == {
        "rows": ["a1", "a6", "a5", "a2", "a3"],
        "none": False,
        "more": False,
    }
    three = [e for e in TO_DO if e["id"] in {"a1", "a2", "a3"}]
    assert node("toDo", entries=three, day=day, state={"todoAll": False})["more"] is False  # all of it shown already
    assert node("toDo", entries=MEETINGS, day=day, state={"todoAll": False}) == {
        "rows": [],
        "none": True,
        "more": False,
    }
    many = [action(n, "open") for n in range(60)]
    assert len(node("toDo", entries=many, day=day, state={"todoAll": True})["rows"]) == 2 * PAGE  # what a page holds


def test_an_entry_is_found_at_its_place_newest_first(node):
    assert node("placeOf", entries=MEETINGS, id="m29") == 0
    assert node("placeOf", entries=MEETINGS, id="m0") == 29
    assert node("placeOf", entries=MEETINGS, id="m12") == 17
    assert node("placeOf", entries=MEETINGS, id="gone") == -1


def test_the_address_asks_for_a_tag_the_journal_has(node):
    assert node("tagAsked", hash="#tag=listening") == "listening"
    assert node("tagAsked", hash="#from=plan&tag=listening") == "listening"
    assert node("tagAsked", hash="#tag=unknown") == ""
    assert node("tagAsked", hash="#tag=") == ""
    assert node("tagAsked", hash="") == ""


def test_a_saved_entry_keeps_what_this_journal_no_longer_shows_as_it_was_stored(node):
    made = entry(50, "reflection", ("listening",), reflection="Now")
    before = {
        **entry(50, "reflection", ("listening",), reflection="Then"),
        "fields": {"written-on": "2026-01-01", "reflection": "Then", "removed-item": "kept"},
        "tags": ["listening", "gone-tag", 5],
        "prompt": "other-questions/q9",  # a question this site does not offer
    }
    assert node("savedOver", entry=made, before=before) == {
        **made,
        "fields": {**made["fields"], "removed-item": "kept"},  # the reader's fields, and the one no longer shown
        "tags": ["listening", "gone-tag"],  # the tag this journal has not, as stored; what is not a tag, not
        "prompt": "other-questions/q9",
    }
    # A question offered here is the reader's to unlink: saved without it, the entry answers none.
    assert "prompt" not in node("savedOver", entry=made, before={**before, "prompt": "questions/q1"})
    answering = {**made, "prompt": "questions/q1"}
    assert node("savedOver", entry=answering, before=before)["prompt"] == "questions/q1"
    assert node("savedOver", entry=made, before={"id": made["id"], "tags": "not a list"})["tags"] == ["listening"]
    # A field this journal shows, emptied in the form, is gone: only what it no longer shows is kept.
    met = entry(51, **{"key-points": "Now"})
    stored = {**met, "fields": {**met["fields"], "learned": "Then", "removed-item": "kept"}}
    assert node("savedOver", entry=met, before=stored)["fields"] == {**met["fields"], "removed-item": "kept"}
