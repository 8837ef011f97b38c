"""What growth's part knows and how it changes (growth/state.js, run in Node by
tests/node/growth_state.mjs): the attempt the results are compared with is forgotten once it is
no longer kept, and only then; which kept candidate the answers on the page are; and what a
label the reader types, the answers they keep and a view a link brings become."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime

import pytest
from mentorkit.scoring.scoring import score, valid_answers

from tests.unit.helpers import ROOT, node_driver
from tests.unit.test_cli_report import COMPETENCE, scale_answers, spec_of

MENTOR = spec_of(COMPETENCE)  # attempts over time, and other people's views
ID = re.compile(r"^[\w-]{1,64}$")  # lists.js newId, as kept.js idFits checks it


@pytest.fixture(scope="module")
def node():
    with node_driver(["node", "growth_state.mjs"], cwd=ROOT / "tests" / "node") as ask:
        yield ask


def test_the_attempt_compared_with_is_forgotten_once_no_longer_kept(node):
    result = score(MENTOR, scale_answers(MENTOR, seed=1))
    happenings = [
        {"result": result},  # the page drew results
        {"kept": ["a1", "b2"]},  # the attempts read as the part draws: a1 is still kept
        {"chosen": "b2"},  # the reader picked another
        {"kept": ["a1"]},  # b2 deleted (here, or in another tab)
        {"chosen": "c3"},
        {"kept": []},  # nothing kept: no choice to check, c3 waits
        {"cohort": "bad"},
    ]
    steps = node({"kind": "known", "place": {"compare": "a1"}, "happenings": happenings})["steps"]
    assert [step["chosen"] for step in steps] == ["a1", "a1", "a1", "b2", "", "c3", "c3", "c3"]
    assert [step["result"] is not None for step in steps] == [False] + [True] * 7  # kept once drawn
    assert steps[-1] == {"result": result, "chosen": "c3", "cohort": "bad"}
    # Whatever the tab holds is checked: only an id is a choice.
    assert node({"kind": "known", "place": {"compare": 7}, "happenings": []})["steps"] == [
        {"result": None, "chosen": "", "cohort": None}
    ]


def test_a_label_is_kept_readable_and_short_or_not_at_all(node):
    def label(text: str):
        return node({"kind": "label", "text": text})["label"]

    assert label("  before the programme\u200b ") == "before the programme"  # a zero-width space shows nothing
    assert label("x" * 80) == "x" * 80
    assert label("x" * 81) is None
    assert label("<b>me</b>") is None
    assert label("one\nline") is None


def test_the_answers_kept_as_an_attempt_are_those_that_fit(node):
    answers = {**scale_answers(MENTOR, seed=2), "not-an-item": 3}
    item = node({"kind": "attempt", "spec": MENTOR, "label": "before", "answers": answers})["item"]
    assert set(item) == {"id", "at", "label", "version", "answers"}
    assert ID.match(item["id"]) and item["label"] == "before" and item["version"] == MENTOR["version"]
    assert item["answers"] == valid_answers(MENTOR, answers)
    # A questionnaire that keeps no attempts keeps none.
    unkept = {**copy.deepcopy(MENTOR), "attempts": None}
    assert node({"kind": "attempt", "spec": unkept, "label": "before", "answers": answers})["item"] is None


def test_the_candidate_shown_is_the_last_kept_with_the_answers_on_the_page(node):
    first, second, third = (scale_answers(MENTOR, seed=n) for n in (3, 4, 5))
    items = [
        {"id": "a1", "answers": first},
        {"id": "a2", "answers": second},
        {"id": "a3", "answers": first},
        {"id": "a4", "answers": {**second, "not-an-item": 2}},  # the same answers, once they fit
    ]

    def shown(answers: dict):
        return node({"kind": "showing", "spec": MENTOR, "items": items, "answers": answers})["shown"]

    assert shown(first) == "a3"
    assert shown(second) == "a4"
    assert shown(third) == "new"  # a candidate being rated now
    assert shown({}) is None  # nothing answered: nothing to say


def test_a_view_a_link_brings_is_kept_under_its_requests_id_or_refused(node):
    role = MENTOR["observer"]["roles"][0]["id"]
    at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    answers = scale_answers(MENTOR, seed=6)
    data = {
        "format": "mentorkit-view",
        "questionnaire": MENTOR["id"],
        "id": "k1-abc",
        "at": at,
        "version": MENTOR["version"],
        "role": role,
        "name": "Sam\u200b",
        "answers": answers,
    }

    def view(changes: dict):
        return node({"kind": "view", "spec": MENTOR, "data": {**data, **changes}})["view"]

    kept = view({})
    assert kept == {
        "id": "k1-abc",
        "at": at,
        "version": MENTOR["version"],
        "role": role,
        "name": "Sam",
        "answers": answers,
    }
    # A view answering a request made before requests had ids gets one of its own.
    for unnamed in ({"id": None}, {"id": "not an id!"}):
        made = view(unnamed)
        assert ID.match(made["id"]) and made["id"] != "k1-abc" and made["name"] == "Sam"
    for data_of_another, refusal in [
        ({"format": "mentorkit-ask"}, "refuseLink"),
        ({"questionnaire": "another"}, "refuseQuestionnaire"),
        ({"version": "0123456789ab"}, "refuseVersion"),
        ({"role": "nobody"}, "refuseRole"),
        ({"answers": {}}, "refuseAnswers"),
    ]:
        assert view(data_of_another) == refusal
    for not_a_view in (None, [], "mentorkit-view", 3):
        assert node({"kind": "view", "spec": MENTOR, "data": not_a_view})["view"] == "refuseLink"
