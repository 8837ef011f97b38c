"""The sentences questionnaire pages show, by language (generator/messages/<language>.yml).

One catalogue serves both sides: the build's templates read it, and it travels in
the page as JSON for the browser runtime, so a sentence is written, and
translated, once.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from .loader import FAST_SAFE_LOADER

FOLDER = Path(__file__).parent / "messages"
BASE = "en"


def languages() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.yml"))


@cache
def _read(language: str) -> dict[str, str]:
    path = FOLDER / f"{language}.yml"
    # Our own files, read on every build: libyaml, without the author-facing positions.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_SAFE_LOADER) if path.exists() else {}


def catalogue(language: str) -> dict[str, str]:
    """The sentences in ``language`` (its main part: 'fr' for 'fr-CA'), English where it has none."""
    main = (language or BASE).split("-")[0].lower()
    return {**_read(BASE), **_read(main)}


# {name}, or {name:one|other}: the word that agrees with the number, chosen by CLDR's plural
# rules for the language, as the runtime's Intl.PluralRules does (tests/fixtures/plurals.json
# holds the cases both must agree on).
_PLACE = re.compile(r"\{(\w+)(?::([^|}]*)\|([^}]*))?\}")


def plural_form(language: str, number: float) -> str:
    """CLDR's plural category of ``number`` in ``language``: 'one', 'few', 'other'..."""
    from babel import Locale  # only where a sentence needs it

    try:
        locale = Locale.parse((language or BASE).replace("-", "_"))
    except (ValueError, LookupError):  # an unknown language: English rules
        locale = Locale.parse(BASE)
    return locale.plural_form(abs(number))


def format_message(template: str, language: str, **values) -> str:
    """A sentence with its places filled, as messages.js ``format`` fills them in the browser."""

    def fill(match: re.Match) -> str:
        name, one, other = match.groups()
        if name not in values:
            return match.group(0)
        if one is None:
            return str(values[name])
        return one if plural_form(language, values[name]) == "one" else other

    return _PLACE.sub(fill, template)


def translate(messages: dict[str, str], key: str, language: str = BASE, **values) -> str:
    """The sentence ``key`` in ``language`` with its places filled."""
    return format_message(messages[key], language, **values)
