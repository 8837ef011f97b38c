"""Items other than scale statements (text, choice, number, date): how they are
checked in the YAML, which answers fit them, and the form controls a reader gets."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from mentorkit.scoring.scoring import score, valid_answers
from mentorkit.site.render import render_questionnaire
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import (
    ALL_TYPES_ANSWERS,
    ALL_TYPES_SAMPLE,
    at,
    load_text,
    mutate,
    only_problem,
    problem_at,
    problems_in,
)

OPTIONS = "          - {value: in-person, label: In person}\n          - {value: online, label: Online}\n"


# --- checks on the YAML ----------------------------------------------------------------


def test_an_unknown_item_type_points_at_the_type_and_lists_the_types():
    text = mutate("type: date", "type: slider", ALL_TYPES_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "slider")
    assert problem.path == ("groups", 0, "items", 4, "type")
    assert problem.message == "'slider' is not an item type; use one of scale, text, choice, number, date, link"


def test_a_choice_needs_at_least_two_options():
    text = mutate(OPTIONS, "          - {value: online, label: Online}\n", ALL_TYPES_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "- {value: online")
    assert problem.path == ("groups", 0, "items", 2, "options")
    assert problem.message == "needs at least 2 entries, found 1"


def test_duplicate_option_values_name_the_first_line():
    text = mutate("{value: online,", "{value: in-person,", ALL_TYPES_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "in-person, label: Online")
    assert problem.path == ("groups", 0, "items", 2, "options", 1, "value")
    first_line = at(text, "in-person, label: In person")[0]
    assert problem.message == (
        f"duplicate option value 'in-person' (also on line {first_line}); every option value must be unique"
    )


def test_a_number_whose_max_is_below_its_min_is_refused_at_the_max():
    text = mutate("max: 24", "max: 0.5", ALL_TYPES_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "0.5")
    assert problem.path == ("groups", 0, "items", 3, "max")
    assert problem.message == "max 0.5 is below min 1"


def test_a_number_may_allow_exactly_one_value():
    item = load_text(mutate("max: 24", "max: 1", ALL_TYPES_SAMPLE)).groups[0].items[3]
    assert (item.min, item.max) == (1, 1)


def test_a_text_box_needs_at_least_one_line():
    text = mutate("lines: 3", "lines: 0", ALL_TYPES_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "0\n        max_length: 200")
    assert problem.path == ("groups", 0, "items", 0, "lines")
    assert problem.message == "must be at least 1, found 0 (a number)"


TEXT_FIELDS = "id, text, hint, type, lines, max_length"


@pytest.mark.parametrize(
    "old, typo, item, suggestion, allowed",
    [
        ("hint: A sentence or two.", "hnt: A sentence or two.", 0, "hint", TEXT_FIELDS),
        ("max_length: 200", "max_lenght: 200", 0, "max_length", TEXT_FIELDS),
        ("options:\n", "option:\n", 2, "options", "id, text, hint, type, options"),
        ("unit: months", "units: months", 3, "unit", "id, text, hint, type, min, max, unit, unit_one"),
    ],
    ids=["text hint", "text max_length", "choice options", "number unit"],
)
def test_a_misspelt_field_suggests_a_field_of_that_item_type(old, typo, item, suggestion, allowed):
    text = mutate(old, typo, ALL_TYPES_SAMPLE)
    key = typo.split(":")[0]
    problem = problem_at(problems_in(text), ("groups", 0, "items", item, key))
    assert (problem.line, problem.column) == at(text, typo)
    assert problem.message == f"unknown field '{key}'; did you mean '{suggestion}'? allowed here: {allowed}"


def test_options_on_a_text_item_are_an_unknown_field():
    text = mutate("        lines: 1\n", "        lines: 1\n        options: [a, b]\n", ALL_TYPES_SAMPLE)
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "options: [a, b]")
    assert problem.path == ("groups", 0, "items", 1, "options")
    assert problem.message == f"unknown field 'options'; allowed here: {TEXT_FIELDS}"


# --- which answers fit ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def spec() -> dict:
    return runtime_spec(load_text(ALL_TYPES_SAMPLE))


def fits(spec: dict, item_id: str, value) -> bool:
    return valid_answers(spec, {item_id: value}) == {item_id: value}


def check_answers(spec: dict, item_id: str, good: list, bad: list) -> None:
    assert [v for v in good if not fits(spec, item_id, v)] == []
    assert [v for v in bad if fits(spec, item_id, v)] == []


def test_text_that_is_blank_or_only_whitespace_is_missing(spec):
    check_answers(
        spec,
        "goals",
        good=["Meet monthly", " x "],
        bad=["", " ", "\t\n", "\u00a0", "\u3000\u2028", "\ufeff", None, 5, ["Meet monthly"]],
    )


def test_text_fits_up_to_max_length_counted_in_utf16_units_as_javascript_does(spec):
    # nickname has max_length 5; an emoji outside the BMP is two UTF-16 units.
    check_answers(
        spec,
        "nickname",
        good=["abcde", "abc\U0001f600", "\u00e9\u00e9\u00e9\u00e9\u00e9"],
        bad=["abcdef", "abcd\U0001f600", "\U0001f600\U0001f600\U0001f600"],
    )


def test_a_choice_answer_must_be_one_of_the_option_values(spec):
    check_answers(
        spec, "place", good=["in-person", "online"], bad=["Online", "In person", "elsewhere", "", 0, None, ["online"]]
    )


def test_a_number_fits_within_min_and_max_inclusive_and_must_be_a_real_number(spec):
    # min 1, max 24: True would be 1 and "12" would be 12 if they were taken as numbers.
    check_answers(
        spec,
        "months",
        good=[1, 24, 12, 12.5, 1.0],
        bad=[0.99, 24.01, 0, -3, True, False, "12", None, float("nan"), float("inf"), [12]],
    )


def test_a_number_without_bounds_takes_any_finite_number():
    text = mutate("        min: 1\n        max: 24\n", "", ALL_TYPES_SAMPLE)
    check_answers(runtime_spec(load_text(text)), "months", good=[-1e9, 0, 1e9], bad=[float("-inf"), "0"])


def test_a_date_must_be_a_real_date_written_yyyy_mm_dd(spec):
    check_answers(
        spec,
        "start",
        good=["2024-02-29", "2026-12-31", "1999-01-01"],
        bad=[
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-1-1",
            "26-01-01",
            "20260101",
            "2026-01-01T09:00",
            " 2026-01-01",
            "2026-01-01\n",
            "0999-01-01",
            "",
            20260101,
            None,
        ],
    )


def test_answers_to_unknown_items_and_object_keys_are_ignored(spec):
    given = {"goals": "Meet monthly", "retired-item": "x", "__proto__": {"goals": "x"}, "constructor": 1, "basics": "x"}
    assert valid_answers(spec, given) == {"goals": "Meet monthly"}


@pytest.mark.parametrize(
    "item_id, bad",
    [
        ("goals", "   "),
        ("nickname", "abcdef"),
        ("place", "Online"),
        ("months", 25),
        ("start", "2026-02-30"),
        ("agreed", 2),
    ],
)
def test_an_answer_that_does_not_fit_counts_as_unanswered(spec, item_id, bad):
    result = score(spec, {**ALL_TYPES_ANSWERS, item_id: bad})
    assert (result["answered"], result["total"]) == (5, 6)
    assert result["overall"] == {"status": "incomplete"}


# --- the form ---------------------------------------------------------------------------------


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict
    ancestors: list
    text: str = ""


class Page(HTMLParser):
    """The elements of an HTML fragment, each knowing its ancestors and its text."""

    VOID = frozenset({"input", "br", "hr", "img", "meta", "link", "source"})

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), list(self.stack))
        self.elements.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        for element in self.stack:
            element.text += data

    def find(self, tag: str, within: Element | None = None, **attrs) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag
            and (within is None or within in e.ancestors)
            and all(e.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag: str, within: Element | None = None, **attrs) -> Element:
        (found,) = self.find(tag, within, **attrs)
        return found

    def label_of(self, control: Element) -> str:
        return self.one("label", for_=control.attrs["id"]).text.strip()


def rendered(text: str = ALL_TYPES_SAMPLE) -> Page:
    return Page(render_questionnaire(load_text(text)))


@pytest.fixture(scope="module")
def page() -> Page:
    return rendered()


def test_a_text_item_of_several_lines_is_a_labelled_textarea_with_its_max_length(page):
    box = page.one("textarea", name="goals")
    assert (box.attrs["id"], box.attrs["rows"], box.attrs["maxlength"]) == ("agreement--goals", "3", "200")
    assert page.label_of(box) == "What we want to achieve"


def test_a_text_item_of_one_line_is_a_labelled_text_input(page):
    single = page.one("input", name="nickname")
    assert (single.attrs["type"], single.attrs["id"], single.attrs["maxlength"]) == ("text", "agreement--nickname", "5")
    assert page.label_of(single) == "What my mentee likes to be called"
    assert page.find("textarea", name="nickname") == []


def test_a_number_item_is_a_decimal_text_field_with_its_unit(page):
    """A text field with a phone's number keypad, read by the runtime as the page's language writes
    numbers (answers.js; Chromium's number field reads "1,5" as 15): its bounds are the spec's,
    checked there (test_instruments), not attributes a text field would ignore."""
    number = page.one("input", name="months")
    assert (number.attrs["type"], number.attrs["inputmode"], number.attrs["autocomplete"]) == ("text", "decimal", "off")
    assert "min" not in number.attrs and "max" not in number.attrs
    assert page.label_of(number) == "How many months we meet for"
    container = page.one("div", data_item="months")
    assert re.sub(r"\s+", " ", container.text).strip() == "How many months we meet for months"


def test_a_date_item_is_a_labelled_date_input(page):
    date = page.one("input", name="start")
    assert (date.attrs["type"], date.attrs["id"]) == ("date", "agreement--start")
    assert page.label_of(date) == "When we start"


def test_a_choice_is_a_fieldset_with_a_legend_and_one_labelled_radio_per_option(page):
    choice = page.one("fieldset", data_item="place")
    assert page.one("legend", choice).text.strip() == "Where we meet"
    radios = page.find("input", choice)
    assert [(r.attrs["type"], r.attrs["name"], r.attrs["value"]) for r in radios] == [
        ("radio", "place", "in-person"),
        ("radio", "place", "online"),
    ]
    labels = [[a for a in r.ancestors if a.tag == "label"] for r in radios]
    assert [[label.text.strip() for label in found] for found in labels] == [["In person"], ["Online"]]


@pytest.mark.parametrize(
    "anchor, item_id, control",
    [
        ("        lines: 1\n", "nickname", ("input", {"name": "nickname"})),
        ("        text: Where we meet\n", "place", ("fieldset", {"data_item": "place"})),
        ("        unit: months\n", "months", ("input", {"name": "months"})),
        ("        text: When we start\n", "start", ("input", {"name": "start"})),
    ],
)
def test_a_hint_is_tied_to_its_item_by_aria_describedby(anchor, item_id, control):
    page = rendered(mutate(anchor, anchor + "        hint: Ask if unsure.\n", ALL_TYPES_SAMPLE))
    tag, attrs = control
    described = page.one(tag, **attrs).attrs["aria-describedby"]
    assert page.one("p", id=described).text == "Ask if unsure."
    assert described.startswith(f"agreement--{item_id}")


def test_items_without_a_hint_are_described_by_nothing(page):
    described = [
        e.attrs.get("name") or e.attrs.get("data-item") for e in page.elements if "aria-describedby" in e.attrs
    ]
    assert described == ["goals"]
    assert page.one("p", id=page.one("textarea").attrs["aria-describedby"]).text == "A sentence or two."


def all_ids(page: Page) -> list[str]:
    return [e.attrs["id"] for e in page.elements if "id" in e.attrs]


def test_ids_are_prefixed_by_the_questionnaire_id_so_two_questionnaires_can_share_a_page():
    other = mutate("id: agreement", "id: agreement-review", ALL_TYPES_SAMPLE)
    page = Page(render_questionnaire(load_text(ALL_TYPES_SAMPLE)) + render_questionnaire(load_text(other)))
    ids = all_ids(page)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert {"agreement--goals", "agreement-review--goals"} <= set(ids)
    for label in page.find("label"):
        if "for" in label.attrs:
            assert label.attrs["for"] in ids


def test_ids_stay_unique_when_a_group_and_an_item_share_an_id():
    # Group ids and item ids are checked separately, so a group 'goals' holding an item 'goals' is valid.
    page = rendered(mutate("id: basics", "id: goals", ALL_TYPES_SAMPLE))
    assert [i for i, n in Counter(all_ids(page)).items() if n > 1] == []
    label = page.one("label", for_=page.one("textarea").attrs["id"])
    assert [e.tag for e in page.elements if e.attrs.get("id") == label.attrs["for"]] == ["textarea"]


def test_raw_html_in_titles_prompts_and_hints_is_shown_as_text():
    text = mutate("title: Mentoring agreement", "title: Our <script>alert(1)</script> agreement", ALL_TYPES_SAMPLE)
    text = mutate("title: The basics", "title: The <i>basics</i>", text)
    text = mutate("text: What we want to achieve", "text: What we <b>want</b> to achieve", text)
    text = mutate("hint: A sentence or two.", "hint: <img src=x onerror=alert(1)>", text)
    page = rendered(text)
    assert [e.tag for e in page.elements if e.tag in ("script", "i", "b", "img")] == []
    assert page.one("form").attrs["aria-label"] == "Our <script>alert(1)</script> agreement"
    assert page.one("h2", class_="mk-group__title").text == "The <i>basics</i>"
    assert page.label_of(page.one("textarea")) == "What we <b>want</b> to achieve"
    assert page.one("p", class_="mk-item__hint").text == "<img src=x onerror=alert(1)>"
