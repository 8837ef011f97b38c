"""Questionnaire blocks in content pages: `::: questionnaire id/group` lines, how they are
found, what an author is told when one is wrong, and where the form ends up: through
Python-Markdown alone, and through a real build by each generator."""

from __future__ import annotations

import markdown
import pytest
from mentorkit.site.blocks import Block, check_blocks, find_blocks
from mentorkit.site.extension import BlockError, makeExtension

from tests.build.conftest import PROGRAMME_CONFIG, make_project
from tests.conftest import build
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


# --- placing the forms, with Python-Markdown alone ---------------------------------------------


@pytest.fixture
def folder(tmp_path):
    """A questionnaires folder, and the pages its guidance links point to."""
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "sample.yml").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "questionnaires" / "readiness.yml").write_text(BANDS_SAMPLE, encoding="utf-8")
    return tmp_path / "questionnaires"


def convert(folder, text: str, *extensions) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=[makeExtension(questionnaires_dir=str(folder)), *extensions])
    return md.convert(text), md


BEFORE = lines("# Listening", "", "Read this first.", "")
BETWEEN = lines("", "Then this.", "")
AFTER = lines("", "And this last.")
PAGE_WITH_BLOCKS = (
    BEFORE + lines("::: questionnaire sample/listening") + BETWEEN + lines("::: questionnaire readiness") + AFTER
)


def test_each_form_stands_between_the_paragraphs_around_its_line(folder):
    html, _ = convert(folder, PAGE_WITH_BLOCKS)
    texts = (
        "Read this first.",
        'data-group="listening"',
        "Then this.",
        'data-questionnaire="readiness"',
        "And this last.",
    )
    positions = [html.index(text) for text in texts]
    assert positions == sorted(positions)
    group, whole = html.split("Then this.")
    assert "data-block" in group and "data-results" not in group  # one group, inside a page
    assert "data-block" not in whole and "data-results" in whole  # without a group: the whole, results and all


def test_a_block_line_right_under_a_paragraph_or_a_list_is_still_a_form(folder):
    html, _ = convert(
        folder, lines("Some text", "::: questionnaire sample/listening", "- a list", "::: questionnaire readiness")
    )
    assert html.startswith("<p>Some text</p>")
    assert html.count('<div class="mk-questionnaire') == 2 and "<li>a list</li>" in html
    assert ":::" not in html


@pytest.mark.parametrize(
    "extensions", [(), ("fenced_code",), ("pymdownx.superfences",)], ids=["plain", "fenced_code", "superfences"]
)
def test_a_block_line_inside_fenced_code_stays_code_whichever_fences_are_on(folder, extensions):
    html, _ = convert(
        folder,
        lines("```text", "::: questionnaire nowhere", "```", "", "::: questionnaire sample/listening"),
        *extensions,
    )
    assert "::: questionnaire nowhere" in html
    assert html.count('<div class="mk-questionnaire') == 1


def test_a_whole_questionnaire_gives_the_table_of_contents_its_groups_and_results(folder):
    html, md = convert(folder, lines("# Sample", "", "::: questionnaire sample", "", "## After"), "toc")
    (page,) = md.toc_tokens
    assert [(t["id"], t["name"]) for t in page["children"]] == [
        ("sample-group--listening", "Listening"),
        ("sample-group--contracting", "Contracting"),
        ("sample-results-title", "Your results"),
        ("after", "After"),
    ]
    assert html.count("<h2") == 4  # the copies toc read are gone: the form's own headings and "After"
    assert 'id="sample-group--listening"' in html and 'id="sample-results-title"' in html


def test_a_group_placed_on_a_page_adds_no_heading_to_its_table_of_contents(folder):
    _, md = convert(
        folder, lines("# Page", "", "## Questions to consider", "", "::: questionnaire sample/listening"), "toc"
    )
    assert [t["name"] for t in md.toc_tokens[0]["children"]] == ["Questions to consider"]


def test_a_group_title_is_listed_as_written_never_as_markup(folder):
    hostile = SAMPLE.replace("title: Listening", "title: '<img src=x onerror=alert(1)> *Listening*'")
    (folder / "sample.yml").write_text(hostile, encoding="utf-8")
    html, md = convert(folder, lines("::: questionnaire sample"), "toc")
    assert md.toc_tokens[0]["name"] == "&lt;img src=x onerror=alert(1)&gt; *Listening*"
    assert "<img" not in html and "<em>" not in html


def test_without_a_generator_the_form_has_no_links_to_other_pages(folder):
    html, _ = convert(folder, lines("::: questionnaire sample/listening"))
    assert "mk-block-note" in html and "<a href" not in html.split("mk-block-note")[1].split("</p>")[0]


def test_a_block_naming_an_unknown_group_is_reported_at_its_line(folder):
    with pytest.raises(BlockError) as caught:
        convert(folder, lines("# Page", "", "::: questionnaire sample/speaking"))
    assert [str(p) for p in caught.value.problems] == [
        "<markdown>:3:1: questionnaire 'sample' has no group 'speaking'; use one of listening, contracting"
    ]


def test_every_problem_of_every_questionnaire_is_reported_at_once(folder):
    (folder / "sample.yml").write_text(SAMPLE.replace("title: Listening", "titel: Listening"), encoding="utf-8")
    (folder / "readiness.yml").write_text(BANDS_SAMPLE.replace("id: readiness", "id: Readiness!"), encoding="utf-8")
    with pytest.raises(BlockError) as caught:
        convert(folder, lines("::: questionnaire sample"))
    assert sorted({p.file.rsplit("/", 1)[-1] for p in caught.value.problems}) == ["readiness.yml", "sample.yml"]
    assert str(caught.value).startswith(f"{len(caught.value.problems)} problem(s) in questionnaires and their blocks:")


def test_a_changed_questionnaire_is_read_again(folder):
    first, _ = convert(folder, lines("::: questionnaire sample/listening"))
    (folder / "sample.yml").write_text(
        SAMPLE.replace("I summarise what I heard.", "I say back what I heard."), encoding="utf-8"
    )
    second, _ = convert(folder, lines("::: questionnaire sample/listening"))
    assert "I summarise what I heard." in first and "I say back what I heard." in second


# --- through each generator's real build ---------------------------------------------------------


def build_with_page(tmp_path, page: str, generator: str):
    config = make_project(tmp_path)
    (tmp_path / "content" / "listening.md").write_text(page, encoding="utf-8")
    result, site = build(generator, config)
    return result, result.stdout + result.stderr, site


def test_a_block_naming_a_missing_group_fails_the_build_at_its_line(tmp_path, generator):
    result, output, _ = build_with_page(
        tmp_path,
        lines("# Listening", "", "How to listen.", "", "::: questionnaire small/speaking", "", "After."),
        generator,
    )
    assert result.returncode == 1
    assert (
        "content/listening.md:5:1: questionnaire 'small' has no group 'speaking'; use one of listening, asking"
    ) in output
    if generator == "mkdocs":  # Zensical wraps it in a traceback (tests/build/test_zensical.py)
        assert "Traceback" not in output


@pytest.mark.parametrize(
    "after",
    [lines("", "After one.", "", "After two.", "", "After three."), ""],
    ids=["text after the block", "block on the last line"],
)
def test_a_block_on_a_page_with_front_matter_is_placed_at_its_line(tmp_path, after, generator):
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
    result, output, site = build_with_page(tmp_path, page, generator)
    assert result.returncode == 0, output
    html = (site / "listening" / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<h1 id="listening">') : html.index("</article>")]
    assert "::: questionnaire" not in article
    expected = ["How to listen.", 'data-questionnaire="small"'] + [p for p in after.split("\n") if p]
    positions = [article.find(text) for text in expected]
    assert -1 not in positions and positions == sorted(positions), dict(zip(expected, positions))


def test_the_extension_alone_builds_the_site_under_mkdocs_and_reports_mistakes_without_a_traceback(tmp_path):
    """The plugin is a convenience: without it, the forms are there and a mistake still reads as one."""
    config = make_project(tmp_path)
    config.write_text(PROGRAMME_CONFIG.replace("  - mentorkit\nmarkdown", "markdown"), encoding="utf-8")
    assert "plugins:\n  - material/search\nmarkdown_extensions" in config.read_text(encoding="utf-8")
    result, site = build("mkdocs", config)
    assert result.returncode == 0, result.stderr
    page = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "I ask open questions." in page and '"guidance":"../../listening/"' in page
    (tmp_path / "content" / "listening.md").write_text(
        lines("# Listening", "", "::: questionnaire small/speaking"), encoding="utf-8"
    )
    result, _ = build("mkdocs", config)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "content/listening.md:3:1: questionnaire 'small' has no group 'speaking'" in output
    assert "Traceback" not in output
