"""The questionnaires a site shows and the pages that hold them.

Both generators make a new Markdown converter, and so a new extension, for every
page: what the extension needs from the whole site is loaded here once, and again
only when a questionnaire or a page has changed on disk (``mkdocs serve`` and
``zensical serve`` rebuild in the same process). Loading checks every file at
once: every problem of every questionnaire, then of every block line in every
page, each at its file, line and column.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import check_blocks, find_blocks
from ..format.errors import Problem, QuestionnaireError
from ..format.model import Questionnaire
from .programme_messages import message_files, read_messages
from .project import SUFFIXES, content_pages, display_path, load_site
from .qlinks import check_site

Fingerprint = tuple[tuple[str, int, int], ...]  # (path, time of change in ns, size) per file


@dataclass(frozen=True)
class Library:
    questionnaires: dict[str, Questionnaire]  # by id
    sources: dict[str, Path]  # each questionnaire's YAML file, by id
    homes: dict[str, str]  # the page holding each whole questionnaire, by id (docs path)
    pages: frozenset[str] = frozenset()  # the docs folder's Markdown pages, which questionnaire links may name
    own: dict[str, dict[str, str]] = field(default_factory=dict)  # the programme's own sentences, by language


@dataclass(frozen=True)
class Site:
    """Where a site keeps its questionnaires and pages, and which of them it shows."""

    root: Path  # paths are shown to authors relative to this folder
    questionnaires: Path
    docs_dir: Path | None  # None: no pages to check links and blocks against
    language: str
    only: tuple[str, ...] = ()  # file names without .yml; empty: all
    messages: Path | None = None  # the programme's own sentences (programme_messages.py), if it has any
    # Where a questionnaire's cohort summary is read from: the main language's content folder, for
    # every language (published once); None: this site's own docs_dir.
    cohorts: Path | None = None
    # Pages the main language's site has and this one has not translated: a group's guidance may
    # name one (its link leads there).
    elsewhere: frozenset[str] = frozenset()

    @property
    def cohorts_dir(self) -> Path | None:
        return self.cohorts or self.docs_dir

    def fingerprint(self) -> Fingerprint:
        """Every file the library is made from, with its size and time of change."""
        files = [p for p in self.questionnaires.rglob("*") if p.suffix in SUFFIXES]
        if self.messages is not None:
            files += message_files(self.messages)
        if self.docs_dir is not None:
            files += self.docs_dir.rglob("*.md")
        if self.cohorts_dir is not None:
            files += self.cohorts_dir.rglob("*.json")  # cohort files a questionnaire may declare
        return tuple(sorted((str(p), s.st_mtime_ns, s.st_size) for p in files if (s := p.stat())))


class NoFolder(Exception):
    """The questionnaires folder the configuration names does not exist."""


_loaded: dict[Site, tuple[Fingerprint, Library | QuestionnaireError]] = {}
_lock = threading.Lock()  # a generator may render pages on several threads


def library(site: Site) -> Library:
    """The site's library, loaded again only if a file changed; raises QuestionnaireError."""
    if not site.questionnaires.is_dir():
        raise NoFolder(
            f"no folder {display_path(site.questionnaires, site.root)}: questionnaires_dir, an option of the "
            "mentorkit Markdown extension, names the questionnaires' folder, relative to the configuration file"
        )
    fingerprint = site.fingerprint()
    with _lock:
        known = _loaded.get(site)
        if known is None or known[0] != fingerprint:
            try:
                result: Library | QuestionnaireError = load_library(site)
            except QuestionnaireError as exc:
                result = exc
            known = _loaded[site] = (fingerprint, result)
    if isinstance(known[1], QuestionnaireError):
        raise known[1]
    return known[1]


@dataclass(frozen=True)
class Placements:
    """Where a docs folder's pages place questionnaires, and what is wrong with their block lines."""

    homes: dict[str, str]  # the page holding each whole questionnaire, by id (its first, in path order)
    problems: list[Problem]
    blocks: int  # block lines found
    pages: int  # pages holding at least one
    # page -> questionnaire id -> the groups placed there (None: the whole questionnaire)
    by_page: dict[str, dict[str, list[str | None]]] = field(default_factory=dict)


def placements(docs_dir: Path, pages: set[str], questionnaires: dict[str, Questionnaire], root: Path) -> Placements:
    homes: dict[str, str] = {}
    by_page: dict[str, dict[str, list[str | None]]] = {}
    problems: list[Problem] = []
    blocks = holding = 0
    for page in sorted(pages):
        path = docs_dir / page
        found = find_blocks(path.read_text(encoding="utf-8-sig"))
        problems += check_blocks(found, questionnaires, display_path(path, root))
        blocks, holding = blocks + len(found), holding + bool(found)
        for block in found:
            if block.group is None and block.questionnaire in questionnaires:
                homes.setdefault(block.questionnaire, page)
            if block.questionnaire in questionnaires:
                by_page.setdefault(page, {}).setdefault(block.questionnaire, []).append(block.group)
    return Placements(homes, problems, blocks, holding, by_page)


def load_library(site: Site) -> Library:
    """Every questionnaire of the site checked (translated into its language), then every block
    line of its pages, then the links in the questionnaires' text: QuestionnaireError at the first
    of these that has problems, with all of its problems."""
    pages = content_pages(site.docs_dir) if site.docs_dir is not None else None
    loaded = load_site(
        site.questionnaires,
        pages=pages | site.elsewhere if pages is not None else None,
        root=site.root,
        language=site.language,
        only=list(site.only),
        cohorts_dir=site.cohorts_dir,
    )
    questionnaires = {q.id: q for _, q in loaded}
    placed = (
        placements(site.docs_dir, pages, questionnaires, site.root) if site.docs_dir and pages is not None else None
    )
    if placed is not None and placed.problems:
        raise QuestionnaireError(placed.problems)
    if (
        placed is not None and site.docs_dir is not None and pages is not None
    ):  # links in the questionnaires' text, as read from the pages that place them
        problems = check_site(loaded, placed.by_page, pages, site.docs_dir, site.root, site.language)
        if problems:
            raise QuestionnaireError(problems)
    own = read_messages(site.messages, site.root) if site.messages is not None else {}
    return Library(
        questionnaires,
        {q.id: path for path, q in loaded},
        placed.homes if placed else {},
        frozenset(pages or ()),
        own,
    )
