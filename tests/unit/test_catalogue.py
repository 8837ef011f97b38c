"""Every language says everything English says, with the same places to fill."""

import json
import re

import pytest
from mentorkit.site.catalogue import BASE, catalogue, format_message, languages, plural_form, translate

from tests.conftest import ROOT
from tests.unit.helpers import node_output

PLACE = re.compile(r"\{(\w+)")


@pytest.mark.parametrize("language", [lang for lang in languages() if lang != BASE])
def test_each_language_has_every_sentence_with_the_same_places(language):
    english, other = catalogue(BASE), catalogue(language)
    assert set(other) == set(english)
    from mentorkit.site.catalogue import _read

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


PLURALS = ROOT / "tests" / "fixtures" / "plurals.json"


def plural_cases() -> list:
    return json.loads(PLURALS.read_text(encoding="utf-8"))["cases"]


def test_the_build_picks_the_cldr_plural_form_of_each_language():
    for language, number, form in plural_cases():
        assert plural_form(language, number) == form, (language, number)


def test_build_and_runtime_pick_the_same_word_for_every_number_and_language():
    built = [format_message("{n:one|other}", language, n=number) for language, number, _ in plural_cases()]
    assert node_output("plurals.mjs", str(PLURALS)) == built
    assert built.count("one") > 10 and built.count("other") > 10


KEYED = "{n:zero=zero|one=one|two=two|few=few|many=many|other=other}"


def test_build_and_runtime_pick_the_same_form_by_cldr_category_in_every_language():
    built = [format_message(KEYED, language, n=number) for language, number, _ in plural_cases()]
    assert node_output("plurals.mjs", str(PLURALS), KEYED) == built == [form for _, _, form in plural_cases()]


def test_sentences_written_at_build_time_agree_with_their_number():
    french = catalogue("fr")
    assert translate(french, "progress", "fr", answered=0, total=96) == "0 réponse sur 96"
    assert translate(french, "progress", "fr", answered=2, total=96) == "2 réponses sur 96"
    assert translate(catalogue("en"), "progress", "en", answered=1, total=96) == "1 of 96 answered"


def test_french_sentences_agree_with_the_gender_of_the_group_noun():
    from mentorkit.site.catalogue import agree

    french = catalogue("fr")
    masculine, feminine, unset = (agree(french, gender) for gender in ("masculine", "feminine", None))
    assert translate(masculine, "tableCaption", "fr", noun="domaines") == "Vos résultats pour chacun des domaines"
    assert translate(feminine, "tableCaption", "fr", noun="catégories") == "Vos résultats pour chacune des catégories"
    assert translate(masculine, "profileRule", "fr", noun="domaines").startswith("Les domaines sont classés")
    assert translate(feminine, "profileRule", "fr", noun="catégories").startswith("Les catégories sont classées")
    assert translate(masculine, "paceStep", "fr", noun="domaine") == "Un domaine à la fois"
    assert unset["paceStep"] == "Une {noun} à la fois"  # unset: the default form
    assert not any("{noun:" in sentence for sentence in masculine.values())  # the page carries plain sentences


def test_a_messages_file_named_for_no_language_is_refused_at_its_place(tmp_path):
    """xx.yml looks like a language's code but names none: its sentences would silently be chosen by
    English plural rules. A language CLDR knows (de) is taken."""
    from mentorkit.format.errors import QuestionnaireError
    from mentorkit.site.programme_messages import read_messages

    (tmp_path / "xx.yml").write_text('print: "Drucken"\n', encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        read_messages(tmp_path, tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "xx.yml:1:1: 'xx' is not a language: name a messages file by its language's code, e.g. en.yml, fr.yml, de.yml"
    ]
    (tmp_path / "xx.yml").rename(tmp_path / "de.yml")
    assert read_messages(tmp_path, tmp_path)["de"]["print"] == "Drucken"


def test_a_page_about_a_relationship_carries_the_sentences_worded_for_it_and_one_form_of_each():
    """observer.about chooses, when the page is built, between a sentence and its twin worded for
    statements about the relationship between two people: the page carries one of them."""
    from mentorkit.site.catalogue import ABOUT_RELATIONSHIP, worded_about

    for language in ("en", "fr"):
        sentences = catalogue(language)
        twins = [key[: -len(ABOUT_RELATIONSHIP)] for key in sentences if key.endswith(ABOUT_RELATIONSHIP)]
        assert {"observerAbout", "observerRole", "viewsIntro", "gapAbove", "gapBelow"} <= set(twins)
        person, relationship = worded_about(sentences, "person"), worded_about(sentences, "relationship")
        assert set(person) == set(relationship) and not any(key.endswith(ABOUT_RELATIONSHIP) for key in person)
        for key in twins:
            assert person[key] == sentences[key]
            assert relationship[key] == sentences[key + ABOUT_RELATIONSHIP] != sentences[key]
    assert worded_about(catalogue("en"), "relationship")["observerRole"] == (
        "You answer as {who}: each statement is about your relationship with them."
    )


def test_a_journals_sentences_agree_with_the_noun_of_what_its_entries_are_tagged_with():
    """A journal's « Toutes » (its filter's first option) is said of the tagged questionnaire's
    categories, not of the journal's own kinds of entry: the words of a 360 px wide select."""
    from mentorkit.format.validate import load_questionnaire
    from mentorkit.site.journal import Related
    from mentorkit.site.render import sentences

    journal = load_questionnaire(ROOT / "questionnaires" / "journal.yml")

    def first_option(gender: str) -> str:
        tagged = Related(tag_noun={"singular": "x", "plural": "xs", "gender": gender})
        return translate(sentences(journal, "fr", related=tagged), "filterAllTags", "fr", noun="xs")

    assert (first_option("feminine"), first_option("masculine")) == ("Toutes", "Tous")
    assert translate(sentences(journal, "en"), "filterAllTags", "en", noun="categories") == "All categories"
