"""What an author sees when a questionnaire file is wrong: what the broken-file corpus cannot say.

"This broken file gives these problems, at these places" lives in one corpus:
tests/fixtures/broken/*.yml, checked by test_broken_corpus.py. Each file carries one
kind of mistake and, in its first lines, the exact ``line:col: path: message`` of every
problem, in the order reported. A new mistake to pin down gets a file there, not a test
here.

What stays here is what a corpus file cannot express:

- how a problem is shown with its file (``file:line:col: path: message``; the corpus
  strips the file), and that ``QuestionnaireError`` sorts the problems it is given;
- inputs that load, or load under other options: the sample, a byte order mark, guidance
  unchecked without pages, merge keys overriding, escapes YAML allows, a time-like text,
  Markdown within the limits, the real questionnaire;
- several files at once (``load_all``: a questionnaire id used twice, problems of two
  files together) and translations (``load_translation``);
- tables of many inputs with one rule, where a file per row would be noise: empty files
  (an empty file cannot carry an ``# expect:`` line), keys YAML 1.1 reads as other types,
  and the Markdown limits with the counts and Markdown line numbers they report. A row
  that shows a new kind of mistake belongs in the corpus instead.

Timing limits for whole files live in the corpus too: every file must be refused within
its SECONDS.
"""

from __future__ import annotations

import pytest
from mentorkit.format.errors import QuestionnaireError
from mentorkit.format.translation import load_translation
from mentorkit.format.validate import load_questionnaire
from mentorkit.site.markup import render_markdown
from mentorkit.site.project import content_pages, load_all

from tests.unit.helpers import (
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


# --- how a problem is shown ----------------------------------------------------


def test_errors_are_formatted_file_line_column_field_message():
    text = mutate("{value: 2,", "{value: high,")
    line, column = at(text, "high")
    assert str(only_problem(text, file="questionnaires/q.yml")) == (
        f"questionnaires/q.yml:{line}:{column}: scale[2].value: expected a whole number, found 'high'"
    )


# --- checks across fields ------------------------------------------------------


def test_guidance_is_not_checked_when_no_pages_are_given():
    text = mutate("guidance: competences/contracting.md", "guidance: zzz")
    assert load_text(text, pages=None).groups[1].guidance == "zzz"


# --- several problems ----------------------------------------------------------


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
    # A page that is not in the site, a duplicate id, a level the scoring does not declare.
    assert [p.code for p in problems] == ["MK304", "MK301", "MK321"]
    assert str(QuestionnaireError(list(reversed(problems)))).splitlines() == [str(p) for p in problems]


# --- the file itself -----------------------------------------------------------


def test_a_utf8_file_with_a_byte_order_mark_loads(write):
    path = write(b"\xef\xbb\xbf" + SAMPLE.encode())
    assert load_questionnaire(path, pages=PAGES).id == "sample"


@pytest.mark.parametrize("content", ["", "\n\n", "# nothing yet\n"])
def test_an_empty_file_says_what_a_questionnaire_needs(content):
    problem = only_problem(content)
    assert (problem.line, problem.column) == (1, 1)
    assert "the file is empty" in problem.message
    assert "id, title, scale, scoring and groups" in problem.message


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


# --- merge keys ----------------------------------------------------------------


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


def test_escapes_of_characters_yaml_allows_are_kept():
    q = load_text(mutate("title: Sample questionnaire", 'title: "Tab\\there, \\u00e9, \\U0001F600 and \\u202e"'))
    assert q.title == "Tab\there, é, 😀 and \u202e"


@pytest.mark.parametrize("key", ["on", "off", "yes", "~", "Null", "0x1F"])
def test_a_key_yaml_1_1_reads_as_another_type_is_reported_as_written(key):
    text = mutate("title: Sample questionnaire", f"title: Sample questionnaire\n{key}: 1")
    problem = only_problem(text)
    assert problem.path == (key,) and problem.code == "MK206"  # an unknown field,
    assert f"'{key}'" in problem.message  # named as written


def test_a_time_like_1_30_is_text_where_text_is_expected():
    q = load_text(mutate("{value: 1, label: Sometimes}", "{value: 1, label: 1:30}"))
    assert q.scale[1].label == "1:30"


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
    problems = caught.value.problems
    assert [str(p) for p in problems if p.code != "MK407"] == [
        "fr.yml:1:8: title: the text contains the control character U+001B, written as an escape, which YAML does "
        "not allow; remove it",
        "fr.yml:2:1: title: duplicate key 'title' (first given on line 1); keep one of them",
    ]
    # Every sentence left in English is listed, each where it belongs, with the English to start from.
    untranslated = [str(p) for p in problems if p.code == "MK407"]
    assert "fr.yml:1:1: items.listen-f2.text: not translated; in English: \u201cI summarise what I heard.\u201d" in (
        untranslated
    )
    assert {f"items.{item.id}.text" for _, item in sample.items()} | {
        f"groups.{g.id}.title" for g in sample.groups
    } <= {p.path and ".".join(p.path) for p in problems if p.code == "MK407"}
    path.write_text('intro: "' + "[" * 50 + '"\n', encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_translation(path, sample, display="fr.yml")
    assert str(caught.value) == (
        "fr.yml:1:8: intro: 50 brackets '[' or '(' open at once, nested or never closed (line 1 of the Markdown); "
        "at most 20 are allowed: close them, or write \\[ for a bracket that is text"
    )
