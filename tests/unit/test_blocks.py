"""Questionnaire blocks in content pages: `::: questionnaire id/group` lines, how they are
found, what an author is told when one is wrong, and where the form ends up."""

from __future__ import annotations

import markdown
import pytest
from mentorkit.blocks import Block, check_blocks, fill_blocks, find_blocks, mark_blocks

from tests.build.conftest import make_project
from tests.conftest import mkdocs_build
from tests.unit.helpers import BANDS_SAMPLE, SAMPLE, load_text

PAGE = "content/page.md"


@pytest.fixture(scope="module")
def questionnaires() -> dict:
    return {q.id: q for q in (load_text(SAMPLE), load_text(BANDS_SAMPLE))}


def lines(*texts: str) -> str:
    return "".join(text + "\n" for text in texts)


def found(markdown_text: str) -> list[tuple[int, str, str | None]]:
    return [(b.line, b.questionnaire, b.group) for b in find_blocks(markdown_text)]


# --- finding blocks -------------------------------------------------------------------


def test_blocks_are_found_with_their_line_and_optional_group():
    page = lines("# Listening", "", "::: questionnaire sample/listening", "Some text.", "::: questionnaire readiness")
    assert find_blocks(page) == [
        Block(3, "sample", "listening", "::: questionnaire sample/listening"),
        Block(5, "readiness", None, "::: questionnaire readiness"),
    ]


def test_a_block_must_be_a_line_of_its_own():
    page = lines("See ::: questionnaire sample here.", "    ::: questionnaire sample", "::: questionnaire sample")
    assert found(page) == [(3, "sample", None)]


@pytest.mark.parametrize(
    "page",
    [
        lines("```", "::: questionnaire sample", "```", "::: questionnaire readiness"),
        lines("~~~", "::: questionnaire sample", "~~~", "::: questionnaire readiness"),
        lines("```markdown", "::: questionnaire sample", "```", "::: questionnaire readiness"),
        lines("````", "```", "::: questionnaire sample", "```", "````", "::: questionnaire readiness"),
        lines("~~~", "```", "::: questionnaire sample", "~~~", "::: questionnaire readiness"),
        lines("  ```", "::: questionnaire sample", "  ```", "::: questionnaire readiness"),
    ],
    ids=[
        "backticks",
        "tildes",
        "with a language",
        "four backticks around three",
        "tildes around backticks",
        "indented fence",
    ],
)
def test_lines_inside_fenced_code_are_not_blocks(page):
    assert found(page) == [(page.splitlines().index("::: questionnaire readiness") + 1, "readiness", None)]


def test_a_fence_left_open_hides_the_rest_of_the_page():
    assert found(lines("```", "::: questionnaire sample", "::: questionnaire readiness")) == []


def test_a_fence_line_with_an_info_string_does_not_close_the_fence():
    # CommonMark, and Python-Markdown's fenced code: a closing fence has nothing after it,
    # so "```text" inside a code block is code, and so is the block line after it.
    page = lines("```", "```text", "::: questionnaire sample", "```", "::: questionnaire readiness")
    assert found(page) == [(5, "readiness", None)]


# --- checking blocks -----------------------------------------------------------------------


def reported(questionnaires: dict, *page_lines: str) -> list[str]:
    return [str(p) for p in check_blocks(find_blocks(lines(*page_lines)), questionnaires, PAGE)]


def test_blocks_naming_existing_questionnaires_and_groups_are_fine(questionnaires):
    assert (
        reported(
            questionnaires,
            "::: questionnaire sample/listening",
            "::: questionnaire sample/contracting",
            "::: questionnaire readiness",
        )
        == []
    )


def test_an_unknown_questionnaire_lists_the_known_ones(questionnaires):
    assert reported(questionnaires, "# Page", "", "::: questionnaire samples/listening") == [
        f"{PAGE}:3:1: no questionnaire 'samples'; use one of readiness, sample"
    ]


def test_an_unknown_group_lists_the_groups_of_that_questionnaire(questionnaires):
    assert reported(questionnaires, "# Page", "::: questionnaire sample/listen") == [
        f"{PAGE}:2:1: questionnaire 'sample' has no group 'listen'; use one of listening, contracting"
    ]


@pytest.mark.parametrize(
    "line", ["::: questionnaire", "::: questionnaire   ", "::: questionnaire Sample", "::: questionnaire sample/"]
)
def test_a_block_without_a_usable_id_says_how_to_write_one(questionnaires, line):
    assert reported(questionnaires, "# Page", line) == [
        f"{PAGE}:2:1: '{line.strip()}' names no questionnaire; "
        "write '::: questionnaire <id>' or '::: questionnaire <id>/<group id>'"
    ]


@pytest.mark.parametrize(
    "first, second",
    [
        ("::: questionnaire sample/listening", "::: questionnaire sample/listening"),
        ("::: questionnaire sample", "::: questionnaire sample"),
        ("::: questionnaire sample", "::: questionnaire sample/listening"),
        ("::: questionnaire sample/listening", "::: questionnaire sample"),
    ],
    ids=["same group", "whole questionnaire", "group after the whole", "whole after a group"],
)
def test_a_group_may_appear_only_once_on_a_page(questionnaires, first, second):
    assert reported(questionnaires, first, "Text between.", second) == [
        f"{PAGE}:3:1: '{second}' is already on this page; each block may appear once per page"
    ]


def test_every_wrong_block_of_a_page_is_reported(questionnaires):
    assert [
        p.split(": ")[0]
        for p in reported(
            questionnaires, "::: questionnaire nothing", "::: questionnaire sample/none", "::: questionnaire"
        )
    ] == [f"{PAGE}:1:1", f"{PAGE}:2:1", f"{PAGE}:3:1"]


# --- placing the forms ------------------------------------------------------------------------

BEFORE = lines("# Listening", "", "Read this first.")
BETWEEN = lines("Then this.", "")
AFTER = lines("And this last.")
PAGE_WITH_BLOCKS = (
    BEFORE + lines("::: questionnaire sample/listening") + BETWEEN + lines("::: questionnaire readiness") + AFTER
)


def form(block: Block) -> str:
    return f'<div class="form">{block.questionnaire}/{block.group}</div>'


def test_each_form_takes_the_place_of_its_line_and_the_rest_of_the_page_is_unchanged():
    blocks = find_blocks(PAGE_WITH_BLOCKS)
    filled = fill_blocks(mark_blocks(PAGE_WITH_BLOCKS, blocks), blocks, form)
    assert filled == (
        BEFORE
        + "\n"
        + '<div class="form">sample/listening</div>'
        + "\n\n"
        + BETWEEN
        + "\n"
        + '<div class="form">readiness/None</div>'
        + "\n\n"
        + AFTER
    )


def test_each_form_stands_between_the_paragraphs_around_its_line_after_markdown():
    blocks = find_blocks(PAGE_WITH_BLOCKS)
    html = fill_blocks(markdown.markdown(mark_blocks(PAGE_WITH_BLOCKS, blocks)), blocks, form)
    assert [line for line in html.splitlines() if line] == [
        "<h1>Listening</h1>",
        "<p>Read this first.</p>",
        '<div class="form">sample/listening</div>',
        "<p>Then this.</p>",
        '<div class="form">readiness/None</div>',
        "<p>And this last.</p>",
    ]


# --- through the real mkdocs build ---------------------------------------------------------------


def build_with_page(tmp_path, page: str):
    config = make_project(tmp_path)
    (tmp_path / "content" / "listening.md").write_text(page, encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    return result, result.stdout + result.stderr


def test_a_block_naming_a_missing_group_fails_the_build_at_its_line(tmp_path):
    result, output = build_with_page(
        tmp_path, lines("# Listening", "", "How to listen.", "", "::: questionnaire small/speaking", "", "After.")
    )
    assert result.returncode == 1
    assert (
        "content/listening.md:5:1: questionnaire 'small' has no group 'speaking'; use one of listening, asking"
    ) in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    "after",
    [lines("", "After one.", "", "After two.", "", "After three."), ""],
    ids=["text after the block", "block on the last line"],
)
def test_a_block_on_a_page_with_front_matter_is_placed_at_its_line(tmp_path, after):
    page = (
        lines(
            "---",
            "title: Listening well",
            "---",
            "# Listening",
            "",
            "How to listen.",
            "",
            "::: questionnaire small/asking",
        )
        + after
    )
    result, output = build_with_page(tmp_path, page)
    assert result.returncode == 0, output
    assert "Traceback" not in output
    html = (tmp_path / "site" / "listening" / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<h1 id="listening">') : html.index("</article>")]
    assert "::: questionnaire" not in article
    expected = ["How to listen.", 'data-questionnaire="small"'] + [p for p in after.split("\n") if p]
    positions = [article.find(text) for text in expected]
    assert -1 not in positions and positions == sorted(positions), dict(zip(expected, positions))
