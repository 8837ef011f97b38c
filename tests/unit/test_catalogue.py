"""Every language says everything English says, with the same places to fill."""

import re

import pytest
from mentorkit.catalogue import BASE, catalogue, languages, translate

PLACE = re.compile(r"\{(\w+)")


@pytest.mark.parametrize("language", [lang for lang in languages() if lang != BASE])
def test_each_language_has_every_sentence_with_the_same_places(language):
    english, other = catalogue(BASE), catalogue(language)
    assert set(other) == set(english)
    from mentorkit.catalogue import _read

    assert set(_read(language)) == set(english), "a sentence is missing, so English would show through"
    for key in english:
        assert set(PLACE.findall(other[key])) == set(PLACE.findall(english[key])), key


@pytest.mark.parametrize("language", languages())
def test_plural_forms_hold_no_placeholder_the_runtime_could_not_read(language):
    for key, sentence in catalogue(language).items():
        for form in re.findall(r"\{\w+:([^}]*)\}", sentence):
            assert "{" not in form, key


def test_a_regional_language_falls_back_to_its_main_language_then_english():
    assert catalogue("fr-CA")["print"] == catalogue("fr")["print"] == "Imprimer"
    assert catalogue("xx")["print"] == "Print"
    assert translate(catalogue("fr"), "aboutLevels", count=4) == "Les 4 niveaux"
