"""French text follows French typography: a no-break space before ':' and inside « », a narrow
no-break space before ';', '?' and '!' (a plain space there lets a line break strand the mark),
and the typographic apostrophe (U+2019) in words such as « l\u2019équipe », never the typewriter one (').
Checked over the catalogue, the French questionnaires and the French pages."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.unit.helpers import ROOT

FILES = [ROOT / "generator" / "messages" / "fr.yml", *sorted((ROOT / "questionnaires" / "fr").glob("*.yml"))]
PAGES = sorted((ROOT / "content-fr").rglob("*.md"))
# A typewriter apostrophe between two letters: "l'équipe" where French writes "l\u2019équipe".
STRAIGHT = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
# A plain space (or none after a word) where French wants a no-break one.
WRONG = re.compile(r" [:;?!»]|« |\w[;?!»]|«\w|\w :")


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_french_text_keeps_its_no_break_spaces(path):
    text = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for value in strings(text):
        prose = re.sub(r"\{[^}]*\}|\]\([^)]*\)|https?://\S+", "", value)  # placeholders and link targets
        found += [f"{value[:60]!r}: {m.group()!r}" for m in WRONG.finditer(prose)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", FILES + PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_french_text_takes_the_typographic_apostrophe(path):
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"`[^`]*`|\]\([^)]*\)|https?://\S+", "", text)  # code and link targets are not prose
    found = [text[max(0, m.start() - 20) : m.end() + 20] for m in STRAIGHT.finditer(text)]
    assert not found, f"{len(found)} typewriter apostrophe(s): " + " | ".join(found[:10])
