"""The whole guidance site, as built: complete navigation, no broken links, blocks in place."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mentorkit.site.blocks import find_blocks

from tests.build.test_build import Elements
from tests.conftest import ROOT, copy_repository, mkdocs_build, zensical_build


def test_the_strict_build_has_no_warning_and_every_page_is_in_the_navigation(tmp_path):
    # Built as published, with its address: without one, the build says what that costs (test_owner.py).
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site", site_url="https://mentoring.example.org/")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "WARNING" not in output
    assert 'not included in the "nav"' not in output


def test_zensical_builds_the_same_configuration_without_an_issue(tmp_path):
    project = copy_repository(tmp_path)
    for config in ("mkdocs.yml", "mkdocs.fr.yml"):
        result = zensical_build(project / config)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No issues found" in result.stdout + result.stderr


def _pages(site: Path):
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue
        yield html, "/" + html.relative_to(site).as_posix()


def test_every_internal_link_and_anchor_resolves(each_site):
    site = each_site["dir"]
    ids: dict[str, set[str]] = {}
    for html, url in _pages(site):
        ids[url] = {a["id"] for tag, a, _ in Elements(html.read_text(encoding="utf-8")).found if "id" in a}
    broken = []
    for html, url in _pages(site):
        for tag, attrs, _ in Elements(html.read_text(encoding="utf-8")).found:
            href = attrs.get("href") if tag == "a" else None
            if not href or href.startswith(each_site["url"]):
                href = "/" + href[len(each_site["url"]) :] if href else None
            if not href or re.match(r"^[a-z]+:", href):
                continue
            parts = urlsplit(href)
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(url), unquote(parts.path))) if parts.path else url
            )
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


def _blocks_in_content() -> dict[Path, list]:
    blocks = {}
    for md in (ROOT / "content").rglob("*.md"):
        for block in find_blocks(md.read_text(encoding="utf-8")):  # as the build reads them: not in code
            blocks.setdefault(md.relative_to(ROOT / "content"), []).append(block)
    return blocks


def test_every_questionnaire_has_its_own_page_holding_its_block(each_site):
    whole = {
        b.questionnaire: source for source, found in _blocks_in_content().items() for b in found if b.group is None
    }
    assert sorted(whole) == sorted(p.stem for p in (ROOT / "questionnaires").glob("*.yml"))
    for qid, source in whole.items():
        folder = source.parent if source.stem == "index" else source.with_suffix("")  # a section's index.md
        html = (each_site["dir"] / folder / "index.html").read_text(encoding="utf-8")
        assert f'data-questionnaire="{qid}" data-method=' in html and "data-block" not in html, source
        if 'data-method="journal"' in html:  # entries and what the reader takes away, no results
            assert "data-list" in html and "data-actions" in html and 'data-runtime="journal"' in html, source
        elif 'data-method="prompts"' in html:  # every answer is a journal entry: no results of its own
            # its own bundle, not the journal page's: each page loads only its own code
            assert "data-results" not in html and 'data-runtime="prompts"' in html, source
        else:
            assert "data-results" in html and "data-actions" in html, source


def test_questions_to_consider_are_expanded_where_the_markdown_places_them(each_site):
    site = each_site["dir"]
    blocks = {source: found for source, found in _blocks_in_content().items() if found[0].group is not None}
    assert len(blocks) >= 10
    for source, found in blocks.items():
        folder = source.parent if source.stem == "index" else source.with_suffix("")  # a section's index.md
        page = site / folder / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "::: questionnaire" not in html, source
        for block in found:
            assert f'data-group="{block.group}"' in html, (source, block.group)
        assert 'href="' + posixpath.relpath("assessments/questions-to-consider/", folder.as_posix()) + '/"' in html
    # the heading above each block says what it is
    assert "Questions to consider" in (site / "about" / "what-is-mentoring" / "index.html").read_text(encoding="utf-8")


def test_no_sentence_leaves_a_place_unfilled_in_either_language(built_site):
    """A "{n:one|other}" the build did not fill would show as it is (it once did in French)."""
    unfilled = re.compile(r"\{\w+(?::[^|}]*\|[^}]*)?\}")
    found = []
    for html, url in _pages(built_site["dir"]):
        # The catalogue's sentences and the spec's calendar events ("Mentoring with {with}") are
        # filled in by the runtime when shown (tested where they are: test_journal.py).
        text = re.sub(
            r"<template data-(?:messages|spec).*?</template>", "", html.read_text(encoding="utf-8"), flags=re.DOTALL
        )
        text = re.sub(r"<code.*?</code>", "", text, flags=re.DOTALL)  # owners' pages show places as examples
        found += [
            (url, m.group()) for m in unfilled.finditer(re.sub(r"<script.*?</script>", "", text, flags=re.DOTALL))
        ]
    assert found == []


def test_the_theme_speaks_the_page_s_language_in_its_footer_and_its_404(each_site):
    """The footer's "Made with", the title of the mark beside each heading and the page for an
    unknown address, in English and in French, under both generators, the 404 with the way home."""
    site = Path(each_site["dir"])
    for folder, made, missing, home, mark in (
        ("", "Made with", "Page not found", "Go to the home page", "Permanent link"),
        ("fr", "Réalisé avec", "Page introuvable", "Aller à la page d’accueil", "Lien vers cette section"),
    ):
        guidance = (site / folder / "competences" / "index.html").read_text(encoding="utf-8")
        marks = set(re.findall(r'<a class="headerlink" href="#[^"]+" title="([^"]+)"', guidance))
        assert marks == {mark}, marks
        page = (site / folder / "index.html").read_text(encoding="utf-8")
        footer = re.sub(r"\s+", " ", re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>', page, re.DOTALL)[1])
        assert f"{made} <a" in footer, footer
        if folder:
            assert "Made with" not in page
        lost = (site / folder / "404.html").read_text(encoding="utf-8")
        assert f"<h1>{missing}</h1>" in lost and f">{home}</a>" in lost
        assert "404 - Not found" not in lost
