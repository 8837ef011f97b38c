"""The theme writes the policy placeholder that the sealer fills in (and mkdocs serve removes)."""

from __future__ import annotations

from mentorkit.site.security import PLACEHOLDER, REFERRER

from tests.conftest import ROOT


def test_the_theme_writes_the_placeholder_the_sealer_looks_for():
    theme = (ROOT / "theme" / "main.html").read_text(encoding="utf-8")
    assert PLACEHOLDER in theme and REFERRER in theme


def test_the_themes_own_sentences_exist_in_every_language_the_catalogue_has():
    from mentorkit.site.catalogue import languages

    partial = (ROOT / "theme" / "partials" / "mentorkit" / "languages.html").read_text(encoding="utf-8")
    for language in languages():
        assert f'"{language}": {{"untranslated": "' in partial, language
