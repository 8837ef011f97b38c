"""What a questionnaire's page knows as the reader answers (answering.js, run in Node by
tests/node/answering.mjs): where the answers are is said when it changes and only then, a record
set aside is said once, another tab's changes are read and named, and an import says what it did,
in the page's own sentences."""

from __future__ import annotations

import json

import pytest
from mentorkit.site.catalogue import format_message, page_catalogue

from tests.unit.helpers import node_output

EN = page_catalogue("en")


def say(key: str, **values: object) -> str:
    return format_message(EN[key], "en", **values)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    messages = tmp_path_factory.mktemp("answering") / "messages.json"
    messages.write_text(json.dumps({"language": "en", "locale": "en", "messages": EN}), encoding="utf-8")
    return node_output("answering.mjs", str(messages))


def test_where_the_answers_are_is_said_when_it_changes_and_a_record_set_aside_once(run):
    steps = {step["name"]: step for step in run["steps"]}
    assert steps["saved"] == {
        "name": "saved",
        "said": None,
        "kept": "local",
        "answers": {"q1": 1},
        "told": None,
        "reads": 1,
    }
    full = steps["saved in the tab"]
    assert full["said"] == ["", say("storageFull"), say("keptTab")]
    assert (full["kept"], full["answers"]) == ("tab", {"q1": 2})
    assert steps["saved in the tab again"]["said"] is None  # told once, not at every change
    assert steps["saved in the tab again"]["answers"] == {"q1": 3}
    assert steps["saved back"]["said"] == ["", say("storageBack"), ""]
    assert steps["saved back"]["kept"] == "local"
    aside = steps["set aside on a save"]
    assert (aside["said"], aside["told"]) == ([say("storageCorruptLater")], "k1")
    assert steps["saved, the same set aside"]["said"] is None
    again = steps["set aside again, lost storage"]
    assert again["said"] == [say("storageCorruptLater"), say("storageFull"), say("keptPage")]
    assert (again["kept"], again["told"]) == ("page", "k2")


def test_the_notice_offers_a_backup_of_answers_not_saved_and_a_record_set_aside(run):
    steps = {step["name"]: step for step in run["steps"]}
    assert steps["offers in the tab"]["said"] == ["export-backup"]
    assert steps["offers with one set aside"]["said"] == ["download-unreadable"]
    assert steps["offers with no answers"]["said"] == ["download-unreadable"]  # no answers: nothing to back up
    assert steps["offers, nothing to offer"]["said"] == []


def test_another_tabs_write_is_read_and_named_only_when_it_changed_the_answers(run):
    steps = {step["name"]: step for step in run["steps"]}
    quiet = steps["synced, nothing changed"]
    assert (quiet["said"], quiet["reads"]) == (None, 0)  # the answers shown stay: nothing is read
    assert quiet["answers"] == {"q1": 3} and quiet["kept"] == "page"
    back = steps["synced, storage back"]
    assert (back["said"], back["kept"], back["reads"]) == (["", say("storageBack")], "local", 0)
    changed = steps["synced, changed"]
    assert changed["said"] == ["", "", say("changedElsewhere"), say("replacedElsewhere", text="I ask")]
    assert (changed["answers"], changed["reads"]) == ({"q1": 4, "q2": 0}, 1)
    aside = steps["synced, changed, set aside"]
    assert aside["said"] == [say("storageCorruptLater"), "", say("changedElsewhere")]
    assert aside["told"] == "k3"
    assert steps["read again"] | {"said": None} == {
        "name": "read again",
        "said": None,
        "kept": "tab",
        "answers": {"q2": 1},
        "told": "k3",
        "reads": 1,
    }


def test_an_import_says_what_came_in_where_it_is_kept_and_what_was_left_out(run):
    answers, lists_too, lists_only = run["imports"]
    assert answers == [say("imported", incoming=2), "", ""]
    assert lists_too == [
        say("importedUnsaved", incoming=1),
        say("importedLists", what="2 attempts"),
        say("importIgnored", ignored=1),
        say("importRefusedLists", refused=3),
        say("keptTab"),
    ]
    assert lists_only == [say("importedListsUnsaved", what="1 view"), "", ""]
