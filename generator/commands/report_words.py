"""The board report's sentences and figures in one language (``mentorkit report --language``).

Its sentences are the catalogue's ``report…`` keys (generator/messages/<language>.yml, with a
programme's own messages/<language>.yml over them), in agreement with the gender of the
questionnaire's group noun as a page's are; its figures are written as the language writes them
(numbers.py). Pages never carry these sentences (catalogue.page_catalogue).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup, escape

from ..site.catalogue import BASE, REPORT, agree, catalogue, format_message
from . import numbers


class _Count(int):
    """A count in a sentence: its plural form is chosen by its value, and it is written as the
    sentence's language writes it (1,234; 1 234)."""

    language: str

    def __str__(self) -> str:
        return numbers.figure(int(self), self.language)


@dataclass(frozen=True)
class Words:
    language: str  # a language tag, as given: "en", "fr", "fr-CA"
    messages: Mapping[str, str]

    def __call__(self, key: str, **values: object) -> str:
        """The sentence ``key`` with its places filled: counts and means written in the language."""
        return format_message(self.messages[key], self.language, **{k: self._shown(v) for k, v in values.items()})

    def html(self, key: str, **values: object) -> Markup:
        """The sentence as HTML: its text escaped, and its values too unless they are Markup
        already (a file's name in <code>)."""
        text = format_message(
            str(escape(self.messages[key])),
            self.language,
            **{k: self._shown(v if isinstance(v, (int, float)) else escape(v)) for k, v in values.items()},
        )
        return Markup(text)

    def _shown(self, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            count = _Count(value)
            count.language = self.language
            return count
        return self.figure(value) if isinstance(value, float) else value

    def figure(self, value: object) -> str:
        return numbers.figure(value, self.language)

    def change(self, value: float) -> str:
        return numbers.change(value, self.language)

    def share(self, value: float) -> str:
        return numbers.share(value, self.language)

    def date(self, value: datetime.date) -> str:
        return numbers.date(value, self.language)


def capital(text: str) -> str:
    """The text with its first letter a capital, for a heading that starts with a noun or a place
    ("categories most in need of development")."""
    return text[:1].upper() + text[1:]


def report_words(
    language: str = BASE, own: Mapping[str, Mapping[str, str]] | None = None, gender: str | None = None
) -> Words:
    """The report's sentences in ``language`` (the programme's ``own`` over the package's, English
    where neither has one), agreeing with a group noun of ``gender``."""
    messages = catalogue(language, own)
    return Words(language, agree({k: v for k, v in messages.items() if k.startswith(REPORT)}, gender))


@cache
def english() -> Words:
    """The package's English: the reasons a file is skipped, as the command line prints them."""
    return report_words()


_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def language_tag(code: str) -> str | None:
    """``code`` written as a language tag ("fr", "fr-CA", "pt-BR") when CLDR knows it, so that the
    report's plural forms, numbers and dates are that language's own; None when it does not (an
    unknown code would silently get English ones)."""
    from babel import Locale, UnknownLocaleError  # only where a report is written

    if not _TAG.match(code):
        return None
    try:
        locale = Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        return None
    return "-".join(part for part in (locale.language, locale.script, locale.territory) if part)
