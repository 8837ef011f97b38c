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
# A typewriter apostrophe between two letters, or before a link's text: "l'équipe", "l'[outil]",
# where French writes "l\u2019équipe".
STRAIGHT = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_]|\[)")
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


# One name for the EMCC's framework in French, « le référentiel de compétences de l\u2019EMCC »: « cadre »
# keeps its other senses (the frame of a relationship, the frameworks a mentor uses) and never
# names it, and « référentiels » in the plural would give generic models the framework's word.
FRAMEWORK_AS_SOMETHING_ELSE = re.compile(r"\bcadre (?:de compétences|de l’EMCC|EMCC)|\bréférentiels\b", re.IGNORECASE)
# The EMCC's levels, by their French names, and the English names the EMCC accredits under.
LEVELS = {
    "Fondation": "Foundation",
    "Praticien": "Practitioner",
    "Praticien confirmé": "Senior Practitioner",
    "Praticien expert": "Master Practitioner",
}


@pytest.mark.parametrize("path", [*FILES, *PAGES, ROOT / "mkdocs.fr.yml"], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_emcc_framework_has_one_name_in_french(path):
    text = path.read_text(encoding="utf-8")
    found = [text[max(0, m.start() - 30) : m.end() + 10] for m in FRAMEWORK_AS_SOMETHING_ELSE.finditer(text)]
    assert not found, "the framework is « le référentiel de compétences »: " + " | ".join(found)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_french_page_gives_a_level_s_emcc_name_in_english_where_it_first_names_it(path):
    text = path.read_text(encoding="utf-8")
    for french, english in LEVELS.items():
        first = re.search(rf"\b{french}\b(?! confirmé| expert)", text)
        if first:
            after = text[first.end() : first.end() + 40]
            assert after.startswith(f" ({english})"), f"{french} first named without « ({english}) »: …{after}"


# One word for a mentoring meeting in French, « séance », from the guidance pages to the journal a
# reader keeps after them. « Rencontre » keeps its other senses, which its neighbours tell apart:
# meeting people (« faire des rencontres »), going to meet someone (« aller à la rencontre de »),
# and the verb (« les difficultés que la personne rencontre »).
SESSION_DETERMINER = (
    r"(?:(?<!à )la|une|d’une|chaque|quelle|prochaine|premières?|dernière"
    r"|nos|vos|ces|les|aux|(?<!faire )des|quelques|plusieurs|deux|trois)"
)
MEETING_AS_RENCONTRE = re.compile(
    rf"(?i:\b{SESSION_DETERMINER}\s+rencontres?\b|\bà la rencontre\b(?!\s+d))|\bRencontres?\b"
)


@pytest.mark.parametrize("path", [*FILES, *PAGES], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_mentoring_meeting_is_a_seance_in_french(path):
    text = path.read_text(encoding="utf-8")
    found = [text[max(0, m.start() - 30) : m.end() + 10] for m in MEETING_AS_RENCONTRE.finditer(text)]
    assert not found, "a mentoring meeting is « une séance »: " + " | ".join(found)
