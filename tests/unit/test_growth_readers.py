"""Growth's readers in the runtime (growth/cohort.js, kept.js, growth/link.js, run in
Node) are fed hostile data: they never throw, a cohort summary is accepted exactly when
``mentorkit report``'s own check (cohort.check_aggregate) accepts it, and a view or attempt they
accept holds only answers that fit the questionnaire; names and labels, from a file or storage,
come out readable (no format character)."""

from __future__ import annotations

import base64
import copy
import json
import unicodedata
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mentorkit.scoring.cohort import CohortError, aggregate, check_aggregate
from mentorkit.scoring.scoring import score, valid_answers

from tests.unit.helpers import ROOT, node_driver
from tests.unit.test_cli_report import COMPETENCE, scale_answers, spec_of

MENTOR = spec_of(COMPETENCE)
SUMMARY = aggregate(MENTOR, [score(MENTOR, scale_answers(MENTOR, seed=n)) for n in range(12)])
SCALE = [item["id"] for group in MENTOR["groups"] for item in group["items"] if item.get("type", "scale") == "scale"]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def node():
    with node_driver(["node", "growth_readers.mjs"], cwd=ROOT / "tests" / "node") as ask:
        yield ask


# Values of every JSON type. 5.0 reads as a float in Python and as 5 in JavaScript: one rule for
# whole numbers (file_formats.Count) makes the two agree on it.
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 20)
    | st.sampled_from([5.0, 12.0, 2.5, -0.0, 1e300])
    | st.text(max_size=6)
    | st.sampled_from(["from", "to", "people", "spans"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["from", "to", "people", "spans", "id", "__proto__"]), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from paths(value, (*prefix, n))


PATHS = [p for p in paths(SUMMARY) if p]


@st.composite
def tampered(draw):
    summary = copy.deepcopy(SUMMARY)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent = summary
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(values | st.integers(0, 12))
        except (KeyError, IndexError, TypeError):
            continue
    return summary


def python_accepts(data) -> bool:
    try:
        check_aggregate(json.loads(json.dumps(data)), MENTOR)
    except (CohortError, KeyError, TypeError, AttributeError):
        return False
    return True


def test_the_summary_report_writes_is_accepted_and_a_small_count_is_not(node):
    assert node({"kind": "cohort", "spec": MENTOR, "data": SUMMARY})["accepted"]
    small = copy.deepcopy(SUMMARY)
    spans = next(g for g in small["groups"] if g["spans"])["spans"]
    spans[0]["people"] -= 3
    spans.insert(0, {"from": 0, "to": 0, "people": 3})
    assert not node({"kind": "cohort", "spec": MENTOR, "data": small})["accepted"]


@FUZZ
@given(data=tampered() | values)
def test_a_tampered_cohort_summary_is_accepted_exactly_when_report_accepts_it(node, data):
    assert node({"kind": "cohort", "spec": MENTOR, "data": data})["accepted"] == python_accepts(data)


# The whole-number rule, in every place a count is read: the count the summary holds, written
# another way. Only the same number, with or without ".0", is still that count.
WRITTEN = {
    "as written": (lambda n: n, True),
    "with .0": (float, True),
    "plus a half": (lambda n: n + 0.5, False),
    "as true": (lambda n: True, False),
    "as text": (str, False),
    "negative": (lambda n: -n, False),
    "as null": (lambda n: None, False),
}
HELD = next(n for n, span in enumerate(SUMMARY["overall"]["spans"]) if span["people"])  # a span of people
COUNTED = [("format_version",), ("files",), ("overall", "people"), ("overall", "spans", HELD, "people")]


@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("where", COUNTED, ids=lambda path: ".".join(map(str, path)))
def test_a_whole_number_is_one_by_the_same_rule_on_both_sides(node, where, written):
    rewrite, still_accepted = WRITTEN[written]
    data = copy.deepcopy(SUMMARY)
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = rewrite(parent[where[-1]])
    accepted = node({"kind": "cohort", "spec": MENTOR, "data": data})["accepted"]
    assert (accepted, python_accepts(data)) == (still_accepted, still_accepted)


GOOD_VIEW = {
    "id": "v1", "at": "2026-11-01T10:00:00.000Z", "version": MENTOR["version"], "role": "mentee", "name": "Alex",
    "answers": {item: 2 for item in SCALE},
}  # fmt: skip


@st.composite
def views(draw):
    item = dict(GOOD_VIEW)
    for key in draw(st.lists(st.sampled_from([*GOOD_VIEW, "__proto__", "extra"]), max_size=3, unique=True)):
        if draw(st.booleans()):
            item.pop(key, None)
        elif key == "answers":
            item[key] = {
                **GOOD_VIEW["answers"],
                **draw(st.dictionaries(st.sampled_from([*SCALE[:3], "__proto__", "x"]), values, max_size=3)),
            }
        else:
            item[key] = draw(values)
    return item


@FUZZ
@given(item=views())
def test_a_view_is_kept_only_when_its_answers_fit_the_questionnaire(node, item):
    problem = node({"kind": "view", "spec": MENTOR, "item": item, "arriving": True})["problem"]
    assert problem == "" or problem.startswith("refuse")
    if problem == "":
        assert set(item) == set(GOOD_VIEW)
        assert valid_answers(MENTOR, item["answers"]) == item["answers"]
        assert all(key in SCALE for key in item["answers"])


@FUZZ
@given(text=st.text(max_size=80) | st.text(alphabet=".ABCDEFGHabcdefgh0123456789-_", max_size=200))
def test_any_link_text_unpacks_to_something_or_nothing_without_an_error(node, text):
    node({"kind": "unpack", "text": text})


def test_a_link_carries_its_data_both_ways_and_a_bomb_is_refused(node):
    assert node({"kind": "roundTrip", "value": GOOD_VIEW})["value"] == GOOD_VIEW
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = squeeze.compress(b"[" + b"0," * 1_000_000 + b"0]") + squeeze.flush()
    text = base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    assert len(text) < 60000
    assert node({"kind": "unpack", "text": text})["value"] is None


def test_a_browser_without_compression_writes_links_every_browser_reads_and_knows_which_it_cannot(node):
    compressed = node({"kind": "roundTrip", "value": GOOD_VIEW})
    made = node({"kind": "withoutCompression", "value": GOOD_VIEW, "compressed": "S0ssSgEA"})
    assert made["text"].startswith(".") and made["value"] == GOOD_VIEW
    assert compressed["value"] == GOOD_VIEW  # and with compression, as before
    assert made["readsCompressed"] is False
    # What a browser without compression wrote, read by one with it: plain JSON in base64url after "."
    plain = "." + base64.urlsafe_b64encode(json.dumps(GOOD_VIEW).encode()).decode().rstrip("=")
    assert node({"kind": "unpack", "text": plain})["value"] == GOOD_VIEW
    too_long = "." + base64.urlsafe_b64encode(b'"' + b"x" * 450_000 + b'"').decode().rstrip("=")
    assert node({"kind": "unpack", "text": too_long})["value"] is None


# Names and labels arrive readable: every format character (Unicode category Cf: zero-width
# spaces and joiners, direction marks, embeddings and isolates, the byte order mark, the soft
# hyphen, tags) is removed, wherever the text comes from, and what remains is checked as before.
FORMAT_CHARACTERS = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2064\u2066\u2067\u2068\u2069\u206f\ufeff\ufff9\ufffb\U000110bd\U000e0001\U000e007f"
)


def test_the_characters_named_here_are_all_format_characters():
    assert {unicodedata.category(c) for c in FORMAT_CHARACTERS} == {"Cf"}


def test_a_name_loses_its_format_characters_and_keeps_every_other_character(node):
    kept = "Zoë Ñ 李 محمد 😀 a\u00a0b\u2028"  # a no-break space and a line separator are not format characters
    mixed = "".join(f"{c}{FORMAT_CHARACTERS[n % len(FORMAT_CHARACTERS)]}" for n, c in enumerate(kept))
    assert node({"kind": "readable", "text": FORMAT_CHARACTERS + mixed})["text"] == kept
    assert node({"kind": "readable", "text": 7})["text"] == 7  # anything but text: left for the checks


# Characters assigned in this Python's Unicode: Node's may be newer, and give a category to more.
@FUZZ
@given(text=st.text(st.characters(exclude_categories=["Cs", "Cn"]), max_size=40))
def test_the_runtime_removes_exactly_what_unicode_calls_a_format_character(node, text):
    readable = "".join(c for c in text if unicodedata.category(c) != "Cf")
    assert node({"kind": "readable", "text": text})["text"] == readable


ATTEMPT = {
    "id": "a1", "at": "2026-11-01T09:00:00.000Z", "label": "\u200fbefore\u200b the programme\ufeff",
    "version": MENTOR["version"], "answers": {item: 1 for item in SCALE},
}  # fmt: skip
HOSTILE_NAME = "\u200fevil\u202e (1)\u2066 admin\u200b"


def answers_file(**lists) -> dict:
    return {
        "format": "mentorkit-answers", "format_version": 2, "questionnaire": MENTOR["id"],
        "version": MENTOR["version"], "answers": {}, "lists": lists,
    }  # fmt: skip


def test_an_imported_file_brings_its_labels_and_names_readable(node):
    record = answers_file(attempts=[ATTEMPT], views=[{**GOOD_VIEW, "name": HOSTILE_NAME}])
    read = node({"kind": "file", "spec": MENTOR, "record": record})
    assert "error" not in read
    assert [a["label"] for a in read["lists"]["attempts"]] == ["before the programme"]
    assert [v["name"] for v in read["lists"]["views"]] == ["evil (1) admin"]
    # Nothing else of the items changes.
    assert {**read["lists"]["attempts"][0], "label": ATTEMPT["label"]} == ATTEMPT


def test_a_label_of_format_characters_only_is_an_empty_label_and_markup_is_still_refused(node):
    nothing = answers_file(attempts=[{**ATTEMPT, "label": "\u200b\u200f\ufeff"}])
    assert node({"kind": "file", "spec": MENTOR, "record": nothing})["lists"]["attempts"][0]["label"] == ""
    markup = answers_file(views=[{**GOOD_VIEW, "name": "\u200b<b>Alex</b>"}])
    assert node({"kind": "file", "spec": MENTOR, "record": markup}) == {"ok": True, "error": "refuseLabel"}
    long = answers_file(attempts=[{**ATTEMPT, "label": "x" * 80 + "\u200b" * 20}])  # 80 once readable
    assert node({"kind": "file", "spec": MENTOR, "record": long})["lists"]["attempts"][0]["label"] == "x" * 80


def test_views_and_attempts_kept_before_are_shown_with_readable_names(node):
    views = node({"kind": "kept", "spec": MENTOR, "name": "views", "items": [{**GOOD_VIEW, "name": HOSTILE_NAME}]})
    assert (views["unreadable"], [v["name"] for v in views["items"]]) == (0, ["evil (1) admin"])
    attempts = node({"kind": "kept", "spec": MENTOR, "name": "attempts", "items": [ATTEMPT]})
    assert [a["label"] for a in attempts["items"]] == ["before the programme"]
