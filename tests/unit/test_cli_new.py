"""``mentorkit new``: a starter questionnaire of each scoring method, valid as written, and its page."""

from __future__ import annotations

import html as htmllib
from pathlib import Path

import markdown
import pytest
from mentorkit.commands.cli import main
from mentorkit.commands.scaffold import KINDS, SCHEMA_LINE
from mentorkit.site.project import load_all
from mentorkit.site.render import render_questionnaire

ITEM_TYPES = {"text", "choice", "number", "date"}


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "questionnaires"


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_a_valid_questionnaire_that_renders(capsys, folder, kind):
    code, _, err = run(capsys, "new", kind, "peer-check", "--folder", folder, "--content", folder.parent / "content")
    assert code == 0, err
    path = folder / "peer-check.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "guidance:" not in text  # it would point at a page the site may not have

    (q,) = load_all([path], pages=set())  # guidance checked against an empty site: nothing to point at
    assert (q.id, q.title, q.scoring.method) == ("peer-check", "Peer check", kind)
    assert len(q.groups) == 2
    html = render_questionnaire(q)
    assert "Peer check" in html and all(group.title in html for group in q.groups)

    assert run(capsys, "validate", path)[:2] == (
        0,
        f"ok  peer-check: {sum(1 for _ in q.items())} items in 2 {q.group_noun.plural}\n",
    )


@pytest.mark.parametrize("kind", KINDS)
def test_every_section_is_explained_by_a_comment(capsys, folder, kind):
    run(capsys, "new", kind, "peer-check", "--folder", folder, "--content", folder.parent / "content")
    lines = (folder / "peer-check.yml").read_text(encoding="utf-8").splitlines()
    for key in ("id:", "scoring:", "groups:") + (("scale:",) if kind != "none" else ()):
        line = next(n for n, text in enumerate(lines) if text.startswith(key))
        assert lines[line - 1].startswith("#"), f"no comment above {key}"


def test_none_has_one_item_of_each_non_scale_type(capsys, folder):
    run(capsys, "new", "none", "meeting-notes", "--folder", folder, "--content", folder.parent / "content")
    (q,) = load_all([folder / "meeting-notes.yml"], pages=None)
    assert sorted(item.type for _, item in q.items()) == sorted(ITEM_TYPES)
    assert q.scale is None


def test_levels_has_two_levels_with_a_statement_at_each_in_every_group(capsys, folder):
    run(capsys, "new", "levels", "skills", "--folder", folder, "--content", folder.parent / "content")
    (q,) = load_all([folder / "skills.yml"], pages=None)
    levels = [level.id for level in q.scoring.levels]
    assert len(levels) == 2
    for group in q.groups:
        assert {item.level for item in group.items} == set(levels)


@pytest.mark.parametrize("title", ['Part 1: "goals" #2', "yes", "Écoute & retour", "- a list?"])
def test_a_title_yaml_would_misread_is_written_so_it_reads_back_the_same(capsys, folder, title):
    code, _, err = run(
        capsys, "new", "bands", "check", "--folder", folder, "--content", folder.parent / "content", "--title", title
    )
    assert code == 0, err
    (q,) = load_all([folder / "check.yml"], pages=None)
    assert q.title == title


@pytest.mark.parametrize("qid", ["123", "yes", "null", "0x1f"])
def test_an_id_yaml_would_read_as_a_number_or_boolean_stays_text(capsys, folder, qid):
    code, _, err = run(capsys, "new", "profile", qid, "--folder", folder, "--content", folder.parent / "content")
    assert code == 0, err
    (q,) = load_all([folder / f"{qid}.yml"], pages=None)
    assert q.id == qid


def test_prints_the_path_and_the_next_steps(capsys, folder):
    code, out, err = run(
        capsys, "new", "bands", "peer-check", "--folder", folder, "--content", folder.parent / "content"
    )
    path = folder / "peer-check.yml"
    assert code == 0
    assert err == ""
    page = folder.parent / "content" / "assessments" / "peer-check.md"
    assert out == (
        f"wrote {path}\n"
        f"wrote {page}\n"
        "next steps:\n"
        f"  1. replace the example groups and items in {path} with your own\n"
        "  2. add the page to nav in mkdocs.yml:  - assessments/peer-check.md\n"
        "  3. run: mentorkit validate\n"
    )


def test_writes_the_page_that_shows_it_a_heading_and_a_block_line(capsys, folder):
    code, _, err = run(
        capsys, "new", "levels", "peer-check", "--folder", folder, "--content", folder.parent / "content"
    )
    assert code == 0, err
    page = folder.parent / "content" / "assessments" / "peer-check.md"
    assert page.read_text(encoding="utf-8") == "# Peer check\n\n::: questionnaire peer-check\n"


@pytest.mark.parametrize(
    "title", ["🌱 Growth check", "Écoute & retour", "Check <b>this</b> *now* _or_ `later` [x](y) {#id} #2"]
)
def test_the_page_heading_shows_the_title_exactly_whatever_it_holds(capsys, folder, title):
    run(capsys, "new", "bands", "check", "--folder", folder, "--content", folder.parent / "content", "--title", title)
    heading = (folder.parent / "content" / "assessments" / "check.md").read_text(encoding="utf-8").splitlines()[0]
    html = markdown.markdown(heading)
    assert html.startswith("<h1>") and htmllib.unescape(html.removeprefix("<h1>").removesuffix("</h1>")) == title


def test_refuses_to_overwrite_an_existing_page_and_writes_nothing(capsys, folder):
    page = folder.parent / "content" / "assessments" / "peer-check.md"
    page.parent.mkdir(parents=True)
    page.write_text("# My own page\n", encoding="utf-8")
    code, _, err = run(
        capsys, "new", "levels", "peer-check", "--folder", folder, "--content", folder.parent / "content"
    )
    assert code == 1
    assert err == f"{page} already exists; choose another id or edit that file\n"
    assert page.read_text(encoding="utf-8") == "# My own page\n"
    assert not (folder / "peer-check.yml").exists()


def test_refuses_to_overwrite_an_existing_file(capsys, folder):
    folder.mkdir()
    path = folder / "peer-check.yml"
    path.write_text("# my own work\n", encoding="utf-8")
    code, out, err = run(
        capsys, "new", "levels", "peer-check", "--folder", folder, "--content", folder.parent / "content"
    )
    assert code == 1
    assert out == ""
    assert err == f"{path} already exists; choose another id or edit that file\n"
    assert path.read_text(encoding="utf-8") == "# my own work\n"


@pytest.mark.parametrize("qid", ["Peer-Check", "peer--check", "peer_check", "peer-", "a" * 81])
def test_refuses_an_id_that_is_not_valid(capsys, folder, qid):
    code, out, err = run(capsys, "new", "bands", qid, "--folder", folder, "--content", folder.parent / "content")
    assert code == 1
    assert out == ""
    assert (
        err
        == f"{qid!r} is not a valid id; use lowercase letters, digits and single hyphens, e.g. 'understanding-self'\n"
    )
    assert not folder.exists()


@pytest.mark.parametrize(
    "existing",
    [
        None,  # a complete questionnaire made by `new`, then renamed
        "id: peer-check\ntitle: Half written\n",  # a file with problems of its own still claims its id
    ],
    ids=["valid file", "file with problems"],
)
def test_refuses_an_id_another_file_in_the_folder_already_uses(capsys, folder, existing):
    other = folder / "older-name.yml"
    if existing is None:
        run(capsys, "new", "bands", "peer-check", "--folder", folder, "--content", folder.parent / "content")
        (folder / "peer-check.yml").rename(other)
    else:
        folder.mkdir()
        other.write_text(existing, encoding="utf-8")
    before = other.read_text(encoding="utf-8")
    code, out, err = run(
        capsys, "new", "levels", "peer-check", "--folder", folder, "--content", folder.parent / "content"
    )
    assert code == 1
    assert out == ""
    assert err == f"the id 'peer-check' is already used by {other}; every questionnaire needs its own id\n"
    assert not (folder / "peer-check.yml").exists()
    assert other.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("title", ["", "   ", "two\nlines", "x" * 2001])
def test_refuses_a_title_that_is_not_one_line_of_text(capsys, folder, title):
    code, _, err = run(
        capsys,
        "new",
        "bands",
        "peer-check",
        "--folder",
        folder,
        "--content",
        folder.parent / "content",
        "--title",
        title,
    )
    assert code == 1
    assert err == "the title must be one line of text, 1 to 2000 characters\n"
    assert not folder.exists()


def test_an_unknown_kind_is_a_usage_error(capsys, folder):
    with pytest.raises(SystemExit) as caught:
        main(["new", "stars", "peer-check", "--folder", str(folder), "--content", str(folder.parent / "content")])
    assert caught.value.code == 2
    assert "invalid choice: 'stars' (choose from" in capsys.readouterr().err
    assert not folder.exists()
