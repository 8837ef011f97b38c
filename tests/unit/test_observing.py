"""What the page opened from a link asking for a view knows and makes (observing.js, run in Node
by tests/node/observing.mjs): a request is answered only when it is readable and names a role of
this very questionnaire and version, each refusal in its own sentence; the view is sent under a
name that can be kept, with the request's id when it has one; and what the observer sends, by
link or by file, is what the reader's page keeps."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from mentorkit.format.file_formats import AnswersFile

from tests.unit.helpers import ROOT, node_driver
from tests.unit.test_cli_report import COMPETENCE, READINESS, scale_answers, spec_of

MENTOR = spec_of(COMPETENCE)  # asks for other people's views
ID = re.compile(r"^[\w-]{1,64}$")  # lists.js newId, as kept.js idFits checks it
AT = "2026-03-01T10:00:00.000Z"


def ask(**change: object) -> dict:
    """A request as growth/drawing.js makes it, changed as given."""
    return {
        "format": "mentorkit-ask",
        "questionnaire": MENTOR["id"],
        "version": MENTOR["version"],
        "role": "supervisor",
        "name": "Alex",
        "id": "m1x2y3-abc123",
    } | change


@pytest.fixture(scope="module")
def node():
    with node_driver(["node", "observing.mjs"], cwd=ROOT / "tests" / "node") as run:
        yield run


def test_a_request_names_a_role_of_this_questionnaire_and_version_or_is_refused_in_words(node):
    def asked(held: object, spec: dict = MENTOR) -> object:
        return node({"kind": "asked", "spec": spec, "held": held})["asked"]

    answerable = asked(ask(name="Al\u200bex"))  # a zero-width space shows nothing: it is not kept
    supervisor = next(role for role in MENTOR["observer"]["roles"] if role["id"] == "supervisor")
    assert answerable == {"ask": ask(), "role": supervisor, "observer": MENTOR["observer"]}
    assert asked(None) == "linkNeedsNewerBrowser"
    assert asked(ask(), spec_of(READINESS)) == "askNotOffered"
    for unreadable in (
        {},
        7,
        [],
        "Alex",
        ask(format="mentorkit-view"),
        ask(name=3),
        ask(name="x" * 81),
        ask(name="<b>Al</b>"),
    ):
        assert asked(unreadable) == "askUnreadable"
    assert asked(ask(role="boss")) == "askUnreadable"
    assert asked(ask(questionnaire="mentee-readiness", version="0")) == "askOther"  # the questionnaire first
    assert asked(ask(version="0")) == "askVersion"


def test_the_view_goes_under_a_name_that_can_be_kept_with_the_requests_id(node):
    answers = scale_answers(MENTOR, seed=3)

    def view(typed: str, given: dict = answers, **change: object) -> dict:
        return node(
            {
                "kind": "view",
                "spec": MENTOR,
                "held": ask(**change),
                "given": {"typed": typed, "answers": given, "at": AT},
            }
        )

    sent = view("  Sam\u200b ")
    assert sent["view"] == {
        "format": "mentorkit-view",
        "questionnaire": MENTOR["id"],
        "version": MENTOR["version"],
        "role": "supervisor",
        "name": "Sam",
        "at": AT,
        "answers": answers,
        "id": "m1x2y3-abc123",
    }
    # The link's text: the same view, the same link.
    assert list(sent["view"]) == ["format", "questionnaire", "version", "role", "name", "at", "answers", "id"]
    # The reader's page keeps it as sent, under the request's id (growth/state.js viewFrom).
    assert sent["kept"] == {key: sent["view"][key] for key in ("id", "at", "version", "role", "name", "answers")}
    assert view("")["view"]["name"] == ""  # no name: the reader's page names the role
    for unfit in ("x" * 81, "<b>Sam</b>", "one\nline"):
        assert view(unfit) == {"ok": True, "view": "refuseLabel", "kept": None}
        assert view(unfit, {})["view"] == "refuseLabel"  # the name is checked first
    assert view("Sam", {})["view"] == "observerNothing"
    # A request made before requests had ids, or whose id is not one: the view goes without, and
    # the reader's page gives it one.
    for held in ({"id": None}, {"id": "not an id!"}, {"id": 7}):
        without = view("Sam", **held)
        assert "id" not in without["view"]
        assert ID.match(without["kept"]["id"])


def test_the_file_of_a_view_holds_it_alone_and_imports_as_a_link_would(node):
    answers = scale_answers(MENTOR, seed=4)
    before = date.today()
    given = {"typed": "Sam", "answers": answers, "at": AT}
    file = node({"kind": "file", "spec": MENTOR, "held": ask(), "given": given})
    record = file["file"]["record"]
    assert record == {
        "format": "mentorkit-answers",
        "format_version": 2,
        "questionnaire": MENTOR["id"],
        "version": MENTOR["version"],
        "title": MENTOR["title"],
        "exported_at": AT,
        "answers": {},  # none of the observer's own
        "lists": {
            "views": [
                {
                    "id": "m1x2y3-abc123",
                    "at": AT,
                    "version": MENTOR["version"],
                    "role": "supervisor",
                    "name": "Sam",
                    "answers": answers,
                }
            ]
        },
    }
    assert file["problem"] == ""  # the reader's import takes it in (kept.js arrivingProblem)
    AnswersFile.model_validate(record)  # and so does a board report's
    days = {(before + timedelta(days=n)).isoformat() for n in (0, 1)}  # run across midnight, either
    assert file["file"]["name"] in {f"{MENTOR['id']}-view-supervisor-{day}.json" for day in days}
    # A request without an id: the view in the file gets one of its own.
    (item,) = node({"kind": "file", "spec": MENTOR, "held": ask(id=None), "given": given})["file"]["record"]["lists"][
        "views"
    ]
    assert ID.match(item["id"]) and item["id"] != "m1x2y3-abc123"
