"""What an author sees when a questionnaire file is wrong: file:line:col, the field, and what to do."""

from __future__ import annotations

import time

import pytest
from mentorkit.errors import QuestionnaireError
from mentorkit.loader import MAX_NODES, load_yaml
from mentorkit.markup import render_markdown
from mentorkit.project import content_pages, load_all
from mentorkit.translation import load_translation
from mentorkit.validate import load_questionnaire

from tests.unit.helpers import (
    BROKEN,
    CONTENT,
    PAGES,
    REAL_QUESTIONNAIRE,
    SAMPLE,
    at,
    load_text,
    mutate,
    only_problem,
    problems_in,
)

LAST_ITEM = """I review our agreement with my mentee.
        level: practitioner"""


def with_last_item_level(level: str) -> str:
    return mutate(LAST_ITEM, f"I review our agreement with my mentee.\n        level: {level}")


def test_the_sample_questionnaire_is_valid(sample):
    assert sample.id == "sample"
    assert [g.id for g in sample.groups] == ["listening", "contracting"]


# --- YAML syntax ---------------------------------------------------------------


def test_unclosed_flow_mapping_is_a_syntax_error_where_the_parser_gave_up():
    text = mutate("{value: 1, label: Sometimes}", "{value: 1, label: Sometimes")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "{value: 2")
    assert "YAML syntax error" in problem.message
    assert "flow mapping" in problem.message and "expected ',' or '}'" in problem.message


def test_bad_indentation_is_a_syntax_error_at_the_misplaced_colon():
    text = mutate("    title: Listening", "     title: Listening")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, ": Listening")
    assert problem.message == (
        "YAML syntax error: this line is indented further than the line above expects: YAML reads what belongs "
        "together from the indentation; indent it exactly like the other keys of its mapping"
    )


def test_a_tab_used_for_indentation_is_a_syntax_error_on_its_line():
    text = mutate("title: Sample questionnaire", "title: Sample questionnaire\n\tintro: x")
    problem = only_problem(text)
    assert problem.line == at(text, "\tintro")[0]
    assert problem.message == (
        "YAML syntax error: a tab indents this line, and YAML allows only spaces there; replace the tab with spaces"
    )


def test_errors_are_formatted_file_line_column_field_message():
    text = mutate("{value: 2,", "{value: high,")
    line, column = at(text, "high")
    assert str(only_problem(text, file="questionnaires/q.yml")) == (
        f"questionnaires/q.yml:{line}:{column}: scale[2].value: expected a whole number, found 'high'"
    )


# --- structure of the file -----------------------------------------------------


def test_duplicate_key_names_the_key_and_the_line_it_was_first_given():
    text = mutate("    title: Contracting\n", "    title: Contracting\n    title: Contracts\n")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "title: Contracts")
    assert problem.path == ("groups", 1, "title")
    first_line = at(text, "title: Contracting")[0]
    assert f"duplicate key 'title' (first given on line {first_line})" in problem.message


def test_unknown_key_without_a_close_field_gets_no_suggestion():
    text = mutate("title: Sample questionnaire", "title: Sample questionnaire\nsurprise: 1")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "surprise")
    assert "did you mean" not in problem.message
    assert (
        "allowed here: id, title, group_noun, intro, results_title, results_note, not_applicable, scale_hint, scale, scoring, groups, attempts, observer, cohort"
        in problem.message
    )


# --- types and values ----------------------------------------------------------


def test_a_word_where_the_scale_needs_a_number_is_shown_with_what_is_expected():
    text = mutate("{value: 2,", "{value: high,")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "high")
    assert problem.path == ("scale", 2, "value")
    assert problem.message == "expected a whole number, found 'high'"


def test_a_quoted_number_is_not_silently_taken_as_a_number():
    text = mutate("{value: 2,", "{value: '2',")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "'2'")
    assert problem.message == "expected a whole number, found '2'"


def test_a_scoring_method_that_does_not_exist_lists_the_allowed_one():
    text = mutate("method: levels", "method: points")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "points")
    assert (
        problem.message == "'points' is not a scoring method; use one of levels, bands, profile, none, journal, prompts"
    )


def test_empty_statement_text_is_refused():
    text = mutate("text: I summarise what I heard.", "text: ''")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "''")
    assert problem.message == "must not be empty"


def test_an_id_with_capitals_and_spaces_is_refused_with_an_example_of_a_good_one():
    text = mutate("id: listening", "id: Understanding Self")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "Understanding Self")
    assert problem.path == ("groups", 0, "id")
    assert "'Understanding Self' is not a valid id" in problem.message
    assert "lowercase letters, digits and single hyphens, e.g. 'understanding-self'" in problem.message


def test_a_statement_without_a_level_is_asked_for_one():
    text = mutate("        level: practitioner\n  - id: contracting", "  - id: contracting")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "id: listen-p1")
    assert problem.message == "required field 'level' is missing; use one of foundation, practitioner"


def test_overall_rule_cannot_ask_for_more_groups_than_there_are():
    text = mutate("at_least: 2", "at_least: 3")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "3\n  levels")
    assert problem.message == "asks for 3 groups but the questionnaire has 2 scored groups; use a number from 1 to 2"


# --- checks across fields ------------------------------------------------------


def test_duplicate_statement_id_across_two_groups_names_the_first_line():
    text = mutate("id: contract-f1", "id: listen-f1")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "listen-f1\n        text: I agree")
    assert problem.path == ("groups", 1, "items", 0, "id")
    first_line = at(text, "listen-f1\n        text: I let")[0]
    assert problem.message == (
        f"duplicate item id 'listen-f1' (also on line {first_line}); every item id must be unique"
    )


def test_duplicate_group_id_is_refused():
    text = mutate("id: contracting", "id: listening")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "listening\n    title: Contracting")
    assert "duplicate group id 'listening'" in problem.message


def test_duplicate_scale_value_is_refused():
    text = mutate("{value: 2,", "{value: 1,")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "1, label: Mostly")
    assert "duplicate scale value '1'" in problem.message


def test_a_level_that_does_not_exist_lists_the_allowed_levels():
    text = with_last_item_level("expert")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "expert")
    assert problem.path == ("groups", 1, "items", 1, "level")
    assert problem.message == "'expert' is not a level; use one of foundation, practitioner"


def test_a_group_without_statements_at_a_level_names_the_level():
    text = with_last_item_level("foundation")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "- id: contract-f1")
    assert problem.path == ("groups", 1, "items")
    assert "no statement at level 'practitioner'" in problem.message
    assert "every group needs at least one statement at each level" in problem.message


def test_meets_above_the_scale_gives_the_range_of_the_scale():
    text = mutate("  meets: 2\n", "  meets: 5\n")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "5")
    assert problem.path == ("scoring", "meets")
    assert problem.message == "meets 5 is outside the scale; use a number from 0 to 3"


def test_a_levels_meets_below_the_scale_gives_the_range_of_the_scale():
    text = mutate("      name: Foundation", "      name: Foundation\n      meets: -1")
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, "-1")
    assert problem.path == ("scoring", "levels", 0, "meets")
    assert problem.message == "meets -1 is outside the scale; use a number from 0 to 3"


def test_guidance_to_a_missing_page_suggests_the_closest_page():
    text = mutate("guidance: competences/contracting.md", "guidance: competences/contractin.md")
    problem = only_problem(text, pages=PAGES)
    assert (problem.line, problem.column) == at(text, "competences/contractin.md")
    assert problem.path == ("groups", 1, "guidance")
    assert problem.message == (
        "no page 'competences/contractin.md' in the site; did you mean 'competences/contracting.md'?"
    )


def test_guidance_to_an_unrelated_missing_page_says_what_guidance_must_be():
    text = mutate("guidance: competences/contracting.md", "guidance: zzz")
    problem = only_problem(text, pages=PAGES)
    assert "no page 'zzz' in the site" in problem.message
    assert "path of a Markdown file inside the content folder" in problem.message


def test_guidance_is_not_checked_when_no_pages_are_given():
    text = mutate("guidance: competences/contracting.md", "guidance: zzz")
    assert load_text(text, pages=None).groups[1].guidance == "zzz"


# --- several problems ----------------------------------------------------------


def test_several_type_problems_in_one_file_are_all_reported_sorted_by_line():
    text = mutate("text: I summarise what I heard.", "text: ''")
    text = mutate("id: listening", "id: Listening", text)
    text = mutate("{value: 2,", "{value: high,", text)
    problems = problems_in(text)
    assert [(p.line, p.column) for p in problems] == [
        at(text, "high"),
        at(text, "Listening\n    title"),
        at(text, "''"),
    ]


def test_several_cross_field_problems_in_one_file_are_all_reported_sorted_by_line():
    text = with_last_item_level("expert")
    text = mutate("id: contract-f1", "id: listen-f1", text)
    text = mutate("guidance: competences/listening.md", "guidance: nowhere.md", text)
    problems = problems_in(text)
    assert [(p.line, p.column) for p in problems] == [
        at(text, "nowhere.md"),
        at(text, "listen-f1\n        text: I agree"),
        at(text, "expert"),
    ]
    assert str(QuestionnaireError(list(reversed(problems)))).splitlines() == [str(p) for p in problems]


# --- the file itself -----------------------------------------------------------


def test_a_file_that_is_not_utf8_names_the_line_column_and_byte(write):
    path = write(SAMPLE.replace("Sample questionnaire", "Caf\xe9 questionnaire").encode("latin-1"))
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path, display="q.yml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("q.yml", 2, 11)
    assert "not UTF-8" in problem.message and "0xe9" in problem.message


def test_a_utf8_file_with_a_byte_order_mark_loads(write):
    path = write(b"\xef\xbb\xbf" + SAMPLE.encode())
    assert load_questionnaire(path, pages=PAGES).id == "sample"


@pytest.mark.parametrize("content", ["", "\n\n", "# nothing yet\n"])
def test_an_empty_file_says_what_a_questionnaire_needs(content):
    problem = only_problem(content)
    assert (problem.line, problem.column) == (1, 1)
    assert "the file is empty" in problem.message
    assert "id, title, scale, scoring and groups" in problem.message


def test_a_list_instead_of_a_questionnaire_is_refused():
    problem = only_problem("- id: sample\n- title: Sample\n")
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message == "expected a mapping of fields, found a list"


def test_two_files_with_the_same_questionnaire_id_point_at_the_second_files_id(tmp_path):
    first, second = tmp_path / "a.yml", tmp_path / "b.yml"
    first.write_text(SAMPLE, encoding="utf-8")
    second.write_text("# a copy\n" + SAMPLE.replace("title: Sample", "title: Copied"), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_all([first, second], pages=PAGES, root=tmp_path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("b.yml", 2, 5)
    assert problem.message == (
        "questionnaire id 'sample' is already used by a.yml; every questionnaire needs its own id"
    )


def test_problems_of_several_files_are_reported_together(tmp_path):
    first, second = tmp_path / "a.yml", tmp_path / "b.yml"
    first.write_text(mutate("  meets: 2\n", "  meets: 5\n"), encoding="utf-8")
    second.write_text(with_last_item_level("expert"), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_all([first, second], pages=PAGES, root=tmp_path)
    assert [p.file for p in caught.value.problems] == ["a.yml", "b.yml"]


# --- hostile input -------------------------------------------------------------


def test_billion_laughs_alias_bomb_is_refused_quickly_with_one_clear_problem():
    started = time.monotonic()
    with pytest.raises(QuestionnaireError) as caught:
        load_yaml((BROKEN / "billion-laughs.yml").read_bytes(), "bomb.yml")
    assert time.monotonic() - started < 5
    (problem,) = caught.value.problems
    assert f"expands to more than {MAX_NODES:,} values" in problem.message
    assert "aliases nested too deep" in problem.message


def test_merge_key_alias_bomb_is_refused_with_a_short_report():
    # Eight lines of merges expand to billions of values: refused quickly, in one line.
    started = time.monotonic()
    with pytest.raises(QuestionnaireError) as caught:
        load_yaml((BROKEN / "merge-key-bomb.yml").read_bytes(), "bomb.yml")
    assert time.monotonic() - started < 5
    (problem,) = caught.value.problems
    assert f"expands to more than {MAX_NODES:,} values" in problem.message


def test_an_alias_that_contains_itself_is_refused_with_a_clear_message():
    problem = only_problem("id: &loop [*loop]\n")
    assert "an alias refers to itself" in problem.message


def test_a_deeply_nested_document_is_refused_with_a_clear_message():
    # PyYAML's composer recurses once per level: too deep must be a message, not a RecursionError.
    depth = 2000
    problem = only_problem("id: " + "[" * depth + "]" * depth + "\n")
    assert "nests too deeply" in problem.message


def test_a_merge_key_may_be_overridden_as_yaml_allows():
    # YAML lets a mapping's own keys override the ones it merges in.
    text = mutate(
        "      - id: listen-f2\n        text: I summarise what I heard.\n        level: foundation\n",
        "      - <<: *first\n        id: listen-f2\n        text: I summarise what I heard.\n",
    )
    text = mutate("      - id: listen-f1", "      - &first\n        id: listen-f1", text)
    statement = load_text(text).groups[0].items[1]
    assert (statement.id, statement.level) == ("listen-f2", "foundation")


# --- the real questionnaire ------------------------------------------------------


def test_the_real_questionnaire_loads_cleanly_with_the_sites_pages():
    q = load_questionnaire(REAL_QUESTIONNAIRE, pages=content_pages(CONTENT))
    assert q.id == "mentor-competence"
    assert len(list(q.items())) == 96
    assert len(q.groups) == 8
    for group in q.groups:
        levels = [item.level for item in group.items]
        assert {level: levels.count(level) for level in levels} == {lv.id: 3 for lv in q.scoring.levels}, group.id


# --- what a value may hold, however it is written ---------------------------------------


@pytest.mark.parametrize(
    "escape, code", [("\\0", "0000"), ("\\e]0;owned\\a", "001B"), ("\\x9b", "009B"), ("\\ud800", "D800")]
)
def test_a_control_character_written_as_an_escape_is_refused_like_a_literal_one(escape, code):
    text = mutate("title: Sample questionnaire", f'title: "Sample {escape} questionnaire"')
    problem = only_problem(text)
    assert (problem.line, problem.column) == at(text, '"Sample')
    assert str(problem).endswith(
        f"title: the text contains the control character U+{code}, written as an escape, which YAML does not allow; "
        "remove it"
    )


def test_escapes_of_characters_yaml_allows_are_kept():
    q = load_text(mutate("title: Sample questionnaire", 'title: "Tab\\there, \\u00e9, \\U0001F600 and \\u202e"'))
    assert q.title == "Tab\there, é, 😀 and \u202e"


@pytest.mark.parametrize("key", ["on", "off", "yes", "~", "Null", "0x1F"])
def test_a_key_yaml_1_1_reads_as_another_type_is_reported_as_written(key):
    text = mutate("title: Sample questionnaire", f"title: Sample questionnaire\n{key}: 1")
    problem = only_problem(text)
    assert problem.path == (key,)
    assert problem.message.startswith(f"unknown field '{key}'; ")


def test_a_time_like_1_30_is_text_where_text_is_expected():
    q = load_text(mutate("{value: 1, label: Sometimes}", "{value: 1, label: 1:30}"))
    assert q.scale[1].label == "1:30"


@pytest.mark.parametrize(
    "old, new, path, shown",
    [
        ("  meets: 2\n", "  meets: .nan\n", ("scoring", "meets"), ".nan"),
        ("  meets: 2\n", "  meets: -.inf\n", ("scoring", "meets"), "-.inf"),
        (
            "      name: Foundation\n",
            "      name: Foundation\n      meets: .inf\n",
            ("scoring", "levels", 0, "meets"),
            ".inf",
        ),
    ],
)
def test_nan_and_infinity_are_not_numbers_a_questionnaire_can_use(old, new, path, shown):
    problem = only_problem(mutate(old, new))
    assert problem.path == path
    assert problem.message == f"expected a finite number, found {shown}; write a number such as 2 or 2.5"


def test_nan_and_infinity_are_refused_as_bounds_of_a_number_item(write):
    text = mutate(
        "      - id: contract-p1\n",
        "      - {id: months, type: number, text: How long?, min: .nan, max: .inf}\n      - id: contract-p1\n",
    )
    assert [(p.path[-1], p.message.split(";")[0]) for p in problems_in(text)] == [
        ("min", "expected a finite number, found .nan"),
        ("max", "expected a finite number, found .inf"),
    ]


# --- Markdown that would not build, or not in good time ------------------------------------


@pytest.mark.parametrize(
    "markdown, found",
    [
        (
            "- " * 1000 + "x",
            "lists or block quotes nested 1,000 deep (line 1 of the Markdown); at most 20 levels are allowed",
        ),
        (
            "> " * 30 + "x",
            "lists or block quotes nested 30 deep (line 1 of the Markdown); at most 20 levels are allowed",
        ),
        (
            "ok\\n" + "".join("    " * n + "- x\\n" for n in range(25)),
            "lists or block quotes nested 21 deep (line 22 of the Markdown); at most 20 levels are allowed",
        ),
        (
            "[" * 19000,
            "19,000 brackets '[' or '(' open at once, nested or never closed (line 1 of the Markdown); at most 20 are allowed: close them, or write \\[ for a bracket that is text",
        ),
        (
            "a\\n\\n" + "[x\\n" * 30,
            "30 brackets '[' or '(' open at once, nested or never closed (line 23 of the Markdown); at most 20 are allowed: close them, or write \\[ for a bracket that is text",
        ),
        (
            "[](" * 5000,
            "5,000 brackets '[' or '(' open at once, nested or never closed (line 1 of the Markdown); at most 20 are allowed: close them, or write \\[ for a bracket that is text",
        ),
    ],
    ids=["list markers", "quotes", "indented lists", "brackets", "brackets over lines", "links left open"],
)
def test_markdown_that_would_not_build_in_good_time_is_refused_where_it_is_written(markdown, found):
    text = mutate("title: Sample questionnaire", f'title: Sample questionnaire\nintro: "{markdown}"')
    problem = only_problem(text)
    assert (problem.line, problem.column) == (at(text, "intro:")[0], 8)
    assert problem.message == found
    assert problem.path == ("intro",)


@pytest.mark.parametrize("field", ["description", "next_step"])
def test_every_markdown_field_has_the_same_limits(field):
    text = mutate("    title: Contracting\n", f"    title: Contracting\n    {field}: '{'[' * 50}'\n")
    assert only_problem(text).path == ("groups", 1, field)


def test_markdown_within_the_limits_still_renders_as_before():
    text = mutate(
        "title: Sample questionnaire",
        "title: Sample questionnaire\nintro: |\n  - a\n      - b\n          > c [link](http://x.example/(a)) \\[not a link\n",
    )
    assert "[not a link" in render_markdown(load_text(text).intro)


def test_a_translation_is_held_to_the_same_rules_as_its_questionnaire(write, sample):
    path = write('title: "Questionnaire \\e]0;x\\a"\ntitle: Encore\n', "fr.yml")
    with pytest.raises(QuestionnaireError) as caught:
        load_translation(path, sample, display="fr.yml")
    assert [str(p) for p in caught.value.problems] == [
        "fr.yml:1:1: not translated: item 'listen-f1', item 'listen-f2', item 'listen-p1', item 'contract-f1', "
        "item 'contract-p1', group 'listening' and 5 more",
        "fr.yml:1:8: title: the text contains the control character U+001B, written as an escape, which YAML does "
        "not allow; remove it",
        "fr.yml:2:1: title: duplicate key 'title' (first given on line 1); keep one of them",
    ]
    path.write_text('intro: "' + "[" * 50 + '"\n', encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_translation(path, sample, display="fr.yml")
    assert str(caught.value) == (
        "fr.yml:1:8: intro: 50 brackets '[' or '(' open at once, nested or never closed (line 1 of the Markdown); "
        "at most 20 are allowed: close them, or write \\[ for a bracket that is text"
    )
