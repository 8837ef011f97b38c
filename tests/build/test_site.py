"""The whole guidance site, as built: complete navigation, no broken links, blocks in place."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mentorkit.blocks import find_blocks
from tests.build.test_build import Elements
from tests.conftest import ROOT, mkdocs_build


def test_the_strict_build_has_no_warning_and_every_page_is_in_the_navigation(tmp_path):
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "WARNING" not in output
    assert "not included in the \"nav\"" not in output


def _pages(site: Path):
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue
        yield html, "/" + html.relative_to(site).as_posix()


def test_every_internal_link_and_anchor_resolves(built_site):
    site = built_site["dir"]
    ids: dict[str, set[str]] = {}
    for html, url in _pages(site):
        ids[url] = {a["id"] for tag, a, _ in Elements(html.read_text(encoding="utf-8")).found if "id" in a}
    broken = []
    for html, url in _pages(site):
        for tag, attrs, _ in Elements(html.read_text(encoding="utf-8")).found:
            href = attrs.get("href") if tag == "a" else None
            if not href or href.startswith(built_site["url"]):
                href = "/" + href[len(built_site["url"]):] if href else None
            if not href or re.match(r"^[a-z]+:", href):
                continue
            parts = urlsplit(href)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(url), unquote(parts.path))) if parts.path else url
            if parts.path.endswith("/") or (parts.path and not posixpath.splitext(target)[1]):
                target = target.rstrip("/") + "/index.html"
            if target.endswith((".json", ".xml", ".css", ".js", ".svg", ".png", ".ico")):
                if not (site / target.lstrip("/")).exists():
                    broken.append((url, href))
                continue
            if target not in ids:
                broken.append((url, href))
            elif parts.fragment and parts.fragment not in ids[target]:
                broken.append((url, href + " (no such anchor)"))
    assert broken == []


def test_questions_to_consider_are_expanded_where_the_markdown_places_them(built_site):
    site = built_site["dir"]
    blocks = {}
    for md in (ROOT / "content").rglob("*.md"):
        for block in find_blocks(md.read_text(encoding="utf-8")):  # as the build reads them: not in code
            blocks.setdefault(md.relative_to(ROOT / "content"), []).append(block.group)
    assert len(blocks) >= 10
    for source, groups in blocks.items():
        folder = source.parent if source.stem == "index" else source.with_suffix("")  # a section's index.md
        page = site / folder / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "::: questionnaire" not in html, source
        for group in groups:
            assert f'data-group="{group}"' in html, (source, group)
        assert 'href="' + posixpath.relpath("assessments/questions-to-consider/", folder.as_posix()) + '/"' in html
    # the heading above each block says what it is
    assert "Questions to consider" in (site / "about" / "what-is-mentoring" / "index.html").read_text(encoding="utf-8")


def test_no_sentence_leaves_a_place_unfilled_in_either_language(built_site):
    """A "{n:one|other}" the build did not fill would show as it is (it once did in French)."""
    unfilled = re.compile(r"\{\w+(?::[^|}]*\|[^}]*)?\}")
    found = []
    for html, url in _pages(built_site["dir"]):
        text = re.sub(r"<template data-messages.*?</template>", "", html.read_text(encoding="utf-8"), flags=re.DOTALL)
        found += [(url, m.group()) for m in unfilled.finditer(re.sub(r"<script.*?</script>", "", text, flags=re.DOTALL))]
    assert found == []
