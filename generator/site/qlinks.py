"""Links in a questionnaire's text, resolved like links in a content page.

A questionnaire's Markdown (its intro, descriptions, hints, level descriptors, next steps,
results note) lands on the pages whose block lines place it, so a link in it is read the
way MkDocs reads a link in that page: relative to the page's Markdown file
(``../guidance/pairing.md#first-meeting``), or to the docs folder when it starts with ``/``.
Every link is checked against the site's pages and their headings; a link to a page or
a heading that does not exist is a problem at the questionnaire's file, line and column.
Links with a scheme (https:, mailto:) are left as written.

The same resolution writes the link into the page: the published URL under MkDocs, which
leaves an extension's HTML alone, and the link between Markdown files under Zensical,
which rewrites every link of the page itself (links.py).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown

from ..format.errors import Problem
from .links import link, page_url, source_link
from ..format.loader import Document
from .markup import render_markdown
from ..format.model import Questionnaire
from ..format.validate import read_document

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    path: tuple  # where it is in the questionnaire file
    translated: tuple  # where a translation file gives it
    text: str
    group: str | None  # shown with this group's block too (hints); None: on the whole questionnaire's page only


def fields(q: Questionnaire) -> Iterator[Field]:
    """Every Markdown text of a questionnaire, with where it is written."""
    yield Field(("intro",), ("intro",), q.intro, None)
    yield Field(("results_note",), ("results_note",), q.results_note, None)
    for n, level in enumerate(getattr(q.scoring, "levels", [])):
        yield Field(("scoring", "levels", n, "descriptor"), ("levels", level.id, "descriptor"), level.descriptor, None)
        yield Field(("scoring", "levels", n, "next_steps"), ("levels", level.id, "next_steps"), level.next_steps, None)
    if q.scoring.method == "levels" and q.scoring.first_steps:
        yield Field(("scoring", "first_steps"), ("first_steps",), q.scoring.first_steps, None)
    for g, group in enumerate(q.groups):
        yield Field(("groups", g, "description"), ("groups", group.id, "description"), group.description, None)
        yield Field(("groups", g, "next_step"), ("groups", group.id, "next_step"), group.next_step, None)
        for i, item in enumerate(group.items):
            yield Field(("groups", g, "items", i, "hint"), ("items", item.id, "hint"), item.hint, group.id)


def targets(text: str) -> list[str]:
    """The link targets (href and src) in a Markdown text, as written."""
    found: list[str] = []

    def note(url: str) -> str:
        found.append(url)
        return url

    if "](" in text or "]:" in text or "<" in text:
        render_markdown(text, note)
    return found


@dataclass(frozen=True)
class Target:
    page: str | None  # the Markdown page it names, or None for a file
    path: str  # inside the docs folder
    anchor: str  # without '#'; "" for none


class Unresolved(ValueError):
    """Why a link names nothing in the site, as a phrase."""


def resolve(href: str, page: str, pages: AbstractSet[str], docs_dir: Path | None) -> Target | None:
    """What ``href``, written in a text placed on ``page``, names in the site; None for a link
    to another site (a scheme). Raises Unresolved."""
    if _SCHEME.match(href):
        return None
    path, _, anchor = href.partition("#")
    path = path.split("?", 1)[0]
    if not path:
        return Target(page, page, anchor)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(joined)
    if target.startswith("../") or target == "..":
        raise Unresolved(f"'{href}' leads out of the docs folder")
    if target in pages:
        return Target(target, target, anchor)
    index = posixpath.join(target, "index.md") if target != "." else "index.md"
    if (path.endswith("/") or target == ".") and index in pages:
        return Target(index, index, anchor)
    if not target.endswith(".md") and docs_dir is not None and (docs_dir / target).is_file():
        return Target(None, target, "")
    close = difflib.get_close_matches(target, sorted(pages), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else "; link to a Markdown page of the docs folder, as in a page"
    raise Unresolved(f"'{href}' names no page from {page}: there is no '{target}'{hint}")


@lru_cache(maxsize=512)
def _headings(path: Path, stamp: tuple) -> frozenset[str]:
    md = markdown.Markdown(extensions=["toc", "attr_list", "admonition", "tables"])
    md.convert(path.read_text(encoding="utf-8-sig"))
    ids: set[str] = set()

    def walk(tokens):
        for token in tokens:
            ids.add(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)  # type: ignore[attr-defined]  # added by the toc extension
    return frozenset(ids)


def anchors(docs_dir: Path, page: str, extra: Iterable[str] = ()) -> set[str]:
    """The heading ids of a page, as the toc extension gives them, and those its questionnaires add."""
    path = docs_dir / page
    stat = path.stat()
    return set(_headings(path, (stat.st_mtime_ns, stat.st_size))) | set(extra)


def href_for(target: Target, page: str, directory_urls: bool, source_links: bool) -> str:
    """The link written into ``page``'s HTML for a resolved target."""
    fragment = f"#{target.anchor}" if target.anchor else ""
    if target.page == page:
        return fragment or "./"
    if source_links:
        return source_link(page, target.path) + fragment
    if target.page is None:  # a file of the docs folder, published where it is
        here = page_url(page, directory_urls)
        folder = here if here.endswith("/") else posixpath.dirname(here)
        return posixpath.relpath(target.path, folder or ".")
    return link(page, target.page, directory_urls) + fragment


def rewriter(page: str, pages: AbstractSet[str], docs_dir: Path | None, directory_urls: bool, source_links: bool):
    """The function render_markdown calls on each link of a text placed on ``page``."""

    def write(href: str) -> str:
        try:
            target = resolve(href, page, pages, docs_dir)
        except Unresolved:
            return href  # reported by check(); left as written
        return href if target is None else href_for(target, page, directory_urls, source_links)

    return write


class Source:
    """Where a questionnaire's text was written: its file, and the translation file in use, read
    again only to place a problem (the library keeps the questionnaires, not their documents)."""

    def __init__(self, path: Path, display: str, translation: Path | None = None, translated: str = ""):
        self.files = [(path, display), (translation, translated)]
        self._docs: list[Document | None] | None = None

    def _read(self) -> list[Document | None]:
        if self._docs is None:
            self._docs = [read_document(path, display) if path is not None else None for path, display in self.files]
        return self._docs

    @property
    def doc(self) -> Document:
        own = self._read()[0]
        assert own is not None  # the questionnaire's own file always has a path
        return own

    def problem(self, f: Field, message: str, *, code: str) -> Problem:
        translation = self._read()[1]
        if translation is not None and f.translated in translation.values:
            return translation.problem(f.translated, message, code=code)
        return self.doc.problem(f.path, message, code=code)


def check(
    q: Questionnaire,
    source: Source,
    placed: dict[str, list[str | None]],
    pages: AbstractSet[str],
    docs_dir: Path,
    page_anchors,
) -> list[Problem]:
    """Every link of ``q``'s text on every page that places it (``placed``: page -> the groups
    placed there, None for the whole), and its guidance anchors. ``page_anchors(page)`` gives a
    page's heading ids."""
    problems: list[Problem] = []
    seen: set[tuple] = set()
    texts = [f for f in fields(q) if f.text]
    for page, groups in sorted(placed.items()):
        for f in texts:
            if None not in groups and f.group not in groups:
                continue  # not shown on this page
            for href in targets(f.text):
                message = _check_one(href, page, pages, docs_dir, page_anchors)
                if message and (f.path, message) not in seen:
                    seen.add((f.path, message))
                    problems.append(source.problem(f, message, code="MK606"))
    for g, group in enumerate(q.groups):
        if group.guidance and "#" in group.guidance:
            target, _, anchor = group.guidance.partition("#")
            if target in pages and anchor not in page_anchors(target):
                found = sorted(page_anchors(target))
                problems.append(
                    source.doc.problem(("groups", g, "guidance"), _no_heading(anchor, target, found), code="MK607"),
                )
    return problems


def _no_heading(anchor: str, page: str, found: list[str]) -> str:
    close = difflib.get_close_matches(anchor, found, n=1)
    hint = f"did you mean '#{close[0]}'?" if close else f"its headings: {', '.join(found[:8]) or 'none'}"
    return f"no heading '#{anchor}' in {page}; {hint}"


def _check_one(href: str, page: str, pages: AbstractSet[str], docs_dir: Path, page_anchors) -> str | None:
    try:
        target = resolve(href, page, pages, docs_dir)
    except Unresolved as exc:
        return f"a link in this text: {exc}"
    if target is None or not target.anchor or target.page is None:
        return None
    found = page_anchors(target.page)
    if target.anchor not in found:
        return f"a link in this text: '{href}': {_no_heading(target.anchor, target.page, sorted(found))}"
    return None


def heading_ids(q: Questionnaire) -> list[str]:
    """The ids a whole questionnaire's page gains (render.questionnaire_headings)."""
    return [f"{q.id}-group--{g.id}" for g in q.groups] + [f"{q.id}-results-title"]


def check_site(
    loaded: list[tuple[Path, Questionnaire]],
    by_page: dict[str, dict[str, list[str | None]]],
    pages: AbstractSet[str],
    docs_dir: Path,
    root: Path,
    language: str,
) -> list[Problem]:
    """The links of every questionnaire a site shows, on every page that places it."""
    from .project import BASE_LANGUAGE, display_path, translation_files

    whole: dict[str, list[str]] = {}
    questionnaires = {q.id: q for _, q in loaded}
    for page, placed in by_page.items():
        whole[page] = [i for qid, groups in placed.items() if None in groups for i in heading_ids(questionnaires[qid])]

    def page_anchors(page: str) -> set[str]:
        return anchors(docs_dir, page, whole.get(page, ()))

    problems: list[Problem] = []
    for path, q in loaded:
        placed = {page: found[q.id] for page, found in by_page.items() if q.id in found}
        if not placed or not (
            any(targets(f.text) for f in fields(q) if f.text) or any("#" in (g.guidance or "") for g in q.groups)
        ):
            continue
        translated = translation_files(path).get(language) if language != BASE_LANGUAGE else None
        source = Source(
            path,
            display_path(path, root),
            translated,
            display_path(translated, root) if translated is not None else "",
        )
        problems += check(q, source, placed, pages, docs_dir, page_anchors)
    return problems
