"""The sentences questionnaire pages show, by language (generator/messages/<language>.yml).

One catalogue serves both sides: the build's templates read it, and it travels in
the page as JSON for the browser runtime, so a sentence is written, and
translated, once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import cast

import yaml

from ..format.loader import FAST_SAFE_LOADER
from .notices import warn_once

FOLDER = Path(__file__).parent.parent / "messages"  # the package's own sentences, beside the wings
BASE = "en"
CODE = re.compile(r"[a-z]{2,3}")  # a language's code, as its catalogue is named: never a path


def languages() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.yml"))


@cache
def _read(language: str) -> dict[str, str]:
    if not CODE.fullmatch(language):
        return {}  # no file of ours is named so, and nothing outside FOLDER is read
    path = FOLDER / f"{language}.yml"
    # Our own files, read on every build: libyaml, without the author-facing positions.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_SAFE_LOADER) if path.exists() else {}


def shipped(language: str) -> dict[str, str]:
    """The sentences this package ships in ``language`` (its main part), none where it ships none."""
    return _read(main_language(language))


def main_language(language: str | None) -> str:
    """'fr' for 'fr-CA': catalogues are by main language."""
    return (language or BASE).split("-")[0].lower()


UNKNOWN_REGION = (
    "WARNING -  mentorkit: region {region!r} is not a region code that dates and numbers can follow (use two "
    "letters, such as GB, FR or CA, or three digits, such as 419); the pages write them as {language!r} does "
    "without a region."
)


@cache
def locale_tag(language: str | None, region: str | None = None) -> str:
    """The locale the runtime writes dates, times and numbers in: the language, with the region
    a site sets ("en" and "GB": "en-GB"). An unknown region is left out, with a warning once: a
    reader's browser then writes them as the language does, never fails."""
    main = main_language(language)
    if not region:
        return main
    from babel import Locale  # only where a site sets a region

    code = region.strip().upper()
    if code not in Locale.parse(BASE).territories:
        warn_once(UNKNOWN_REGION.format(region=region, language=main))
        return main
    return f"{main}-{code}"


def catalogue(language: str, own: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, str]:
    """The sentences in ``language`` (its main part: 'fr' for 'fr-CA'), English where it has none;
    ``own``: a programme's own sentences by language (programme_messages.py), each over ours, its
    English over our English wherever its language has no sentence of its own."""
    main, own = main_language(language), own or {}
    return {**_read(BASE), **own.get(BASE, {}), **_read(main), **own.get(main, {})}


# The board report's sentences (``mentorkit report``, report_words.py): only the command reads them,
# so the pages, which carry their catalogue to the browser, leave them out.
REPORT = "report"


def page_catalogue(language: str, own: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, str]:
    """The sentences a page carries: the catalogue without the report's."""
    return {key: text for key, text in catalogue(language, own).items() if not key.startswith(REPORT)}


# {name}; {name:one|other}: the word that agrees with the number, chosen by CLDR's plural rules for
# the language, as the runtime's Intl.PluralRules does (tests/fixtures/plurals.json holds the cases
# both must agree on); {name:one=…|few=…|other=…}: one form per CLDR category, for languages with
# more than two. {noun:masculine=…|feminine=…|other=…}: the form that agrees with the gender of the
# questionnaire's group noun (its group_noun.gender), chosen when the page is built.
PLACE = re.compile(r"\{(\w+)(?::([^}]*))?\}")
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
GENDERS = ("masculine", "feminine", "neuter")
_KEYED = re.compile(rf"^({'|'.join(PLURAL_CATEGORIES + GENDERS)})=", re.DOTALL)
GENDERED = "noun"  # the one value whose gender sentences may agree with


def plural_form(language: str, number: float) -> str:
    """CLDR's plural category of ``number`` in ``language``: 'one', 'few', 'other'..."""
    from babel import Locale  # only where a sentence needs it

    try:
        locale = Locale.parse((language or BASE).replace("-", "_"))
    except (ValueError, LookupError):  # an unknown language: English rules
        locale = Locale.parse(BASE)
    return locale.plural_form(abs(number))


def forms(text: str) -> dict[str, str] | None:
    """The forms of a keyed choice ("one=…|other=…") by category or gender; None for "a|b". The
    first option decides, as in messages.js."""
    options = text.split("|")
    if not _KEYED.match(options[0]):
        return None
    return {key: form for key, _, form in (option.partition("=") for option in options)}


def _choose(choice: str, category: str) -> str:
    keyed = forms(choice)
    if keyed is None:
        options = choice.split("|")
        return options[0] if category == "one" else (options[1] if len(options) > 1 else "")
    return keyed.get(category, keyed.get("other", ""))


def format_message(template: str, language: str, **values: object) -> str:
    """A sentence with its places filled, as messages.js ``format`` fills them in the browser."""

    def fill(match: re.Match[str]) -> str:
        name, choice = match.groups()
        if name not in values:
            return match.group(0)
        if choice is None:
            return str(values[name])
        if name == GENDERED:  # a gender no page settled (agree): the form for any noun
            return _choose(choice, "other")
        return _choose(choice, plural_form(language, cast(float, values[name])))  # a count, by the sentence

    return PLACE.sub(fill, template)


def agree(messages: dict[str, str], gender: str | None) -> dict[str, str]:
    """The sentences with every {noun:masculine=…|other=…} choice made for a noun of ``gender``:
    the gender is the questionnaire's, known when its page is built, so the page carries plain
    sentences and the runtime never needs to know it."""

    def choose(match: re.Match[str]) -> str:
        name, choice = match.groups()
        keyed = forms(choice) if name == GENDERED and choice else None
        if keyed is None:
            return match.group(0)
        return keyed.get(gender or "other", keyed.get("other", ""))

    return {key: PLACE.sub(choose, text) if "{noun:" in text else text for key, text in messages.items()}


# A sentence worded for statements about the relationship between two people (a questionnaire's
# observer.about: relationship) has the key of its plain twin with this at its end.
ABOUT_RELATIONSHIP = "Relationship"


def worded_about(messages: dict[str, str], about: str) -> dict[str, str]:
    """The sentences of a page whose statements are about ``about`` ('person' or 'relationship'):
    chosen when the page is built, as agree() chooses a gender, so that the page carries one form of
    each sentence and the runtime never needs to know which."""
    plain = {key: text for key, text in messages.items() if not key.endswith(ABOUT_RELATIONSHIP)}
    if about != "relationship":
        return plain
    end = len(ABOUT_RELATIONSHIP)
    return plain | {key[:-end]: text for key, text in messages.items() if key.endswith(ABOUT_RELATIONSHIP)}


def translate(messages: dict[str, str], key: str, language: str = BASE, **values: object) -> str:
    """The sentence ``key`` in ``language`` with its places filled."""
    return format_message(messages[key], language, **values)
