"""A programme's own sentences, in messages/<language>.yml in its repository: over the package's
in the build and in the runtime (the catalogue travels in the page), a new language added, and
every mistake at file:line:col (issue 16, point 5)."""

from __future__ import annotations

import json
import re

import pytest

from tests.build.conftest import make_project
from tests.conftest import build

OWN_ENGLISH = """\
scaleHint: "For each statement, choose how far you agree: {labels}."
planTop: "You reached the highest level here. Keep practising with your peers."
"""


def messages_in(page: str) -> dict:
    found = re.search(r"<template[^>]*data-messages[^>]*>(.*?)</template>", page, re.DOTALL)
    return json.loads(found.group(1))["messages"]


def test_a_programmes_own_sentences_replace_ours_in_the_page_and_the_runtime(project, generator):
    (project.parent / "messages").mkdir()
    (project.parent / "messages" / "en.yml").write_text(OWN_ENGLISH, encoding="utf-8")
    result, site = build(generator, project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "choose how far you agree: Never, Sometimes, Always." in page  # written by the build
    assert "choose the answer that fits best" not in page
    runtime = messages_in(page)  # what the runtime shows
    assert runtime["planTop"] == "You reached the highest level here. Keep practising with your peers."
    assert runtime["print"] == "Print"  # every other sentence is ours


def test_a_language_we_do_not_ship_is_added_by_its_own_file(tmp_path, generator):
    config = make_project(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  language: de\n"))
    (tmp_path / "messages").mkdir()
    (tmp_path / "messages" / "de.yml").write_text('resultsTitle: "Deine Ergebnisse"\nprint: "Drucken"\n')
    result, site = build(generator, config)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "assessments" / "small" / "index.html").read_text(encoding="utf-8")
    assert "Deine Ergebnisse" in page and 'lang="de"' in page
    runtime = messages_in(page)
    assert runtime["print"] == "Drucken" and runtime["reset"] == "Start again"  # English where it has none


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'resultTitle: "Results"\n',
            "messages/en.yml:1:1: resultTitle: unknown key 'resultTitle': did you mean 'resultsTitle'?",
        ),
        (
            'print: "Print"\nprogress: "{answered} answered"\n',
            "messages/en.yml:2:11: progress: {total} is missing: this sentence is shown with {answered}, {total} "
            "filled in",
        ),
        (
            'progress: "{answered} of {count} answered"\n',
            "messages/en.yml:1:11: progress: {count} is not filled in for this sentence: it has {answered}, {total}",
        ),
        (
            'imported: "{incoming:one=One answer|many=Answers} imported."\n',
            "messages/en.yml:1:11: imported: {incoming:…} needs an other=… form",
        ),
        ("print: [Print]\n", "messages/en.yml:1:8: print: a sentence is text; found list"),
    ],
    ids=["unknown-key", "missing-place", "unknown-place", "no-other-form", "not-text"],
)
def test_a_mistake_in_a_messages_file_fails_the_build_at_its_place(project, generator, text, expected):
    (project.parent / "messages").mkdir()
    (project.parent / "messages" / "en.yml").write_text(text, encoding="utf-8")
    result, _ = build(generator, project)
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr
