"""Both languages hold the same pages: a page one site has and the other lacks is declared, in
the other's configuration (`extra.untranslated`), as not translated yet; anything else is a page
forgotten, or a declaration left behind after its page was translated."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.fr.yml as data: its !ENV tags are MkDocs's, and their values are not needed here."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


def pages(folder: str) -> set[str]:
    return {path.relative_to(ROOT / folder).as_posix() for path in (ROOT / folder).rglob("*.md")}


def test_every_page_exists_in_both_languages_or_is_declared_not_translated():
    english, french = pages("content"), pages("content-fr")
    config = yaml.load((ROOT / "mkdocs.fr.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    declared = set(config["extra"].get("untranslated", []))
    assert english - french - declared == set(), "English pages with no French page, not declared untranslated"
    assert declared - english == set(), "declared untranslated, but there is no such English page"
    assert declared & french == set(), "declared untranslated, but the French site has these pages now"
    assert french - english == set(), "French pages with no English page"
