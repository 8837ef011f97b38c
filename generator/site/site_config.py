"""What a site's configuration files tell the toolkit: the languages the site is built in
(``extra.alternate``, one ``mkdocs.<language>.yml`` each, as ``mentorkit build`` finds them with
build.languages) and,
for each, the questionnaires, pages and options the Markdown extension loads there. ``mentorkit
validate`` checks every language with these, as each language's build would (library.load_library).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .build import BuildError, Language, read_config
from .context import main_site_of
from ..format.errors import Problem, QuestionnaireError
from .extension_options import EXTENSIONS, NAMES, entry
from .library import Site, load_library


def extension_options(data: dict) -> dict | None:
    """The extension's options in a configuration's markdown_extensions (a list of names and
    one-entry mappings, or a mapping); None when the configuration does not use it. They are
    checked (extension_options.check) before a site is made from them."""
    found = entry(data, EXTENSIONS, NAMES)
    if found is None:
        return None
    return found[2] if isinstance(found[2], dict) else {}


MAIN = "mkdocs.yml"  # the main language's configuration, beside every other language's (build.py)


def main_content(root: Path) -> Path | None:
    """The main language's content folder, seen from a language's configuration in ``root``: where
    every language's pages read a cohort summary from, so that it is published once. None without
    a main configuration there."""
    config = root / MAIN
    try:
        changed = config.stat().st_mtime_ns
    except OSError:
        return None
    return _docs_dir(config, changed)


@lru_cache(maxsize=8)  # read once per page otherwise; a change of the file is a new key
def _docs_dir(config: Path, changed: int) -> Path | None:
    try:
        data = read_config(config)
    except BuildError:
        return None  # the build of the main language says what is wrong with it
    return config.parent / str(data.get("docs_dir") or "docs")


def language_site(language: Language, root: Path, cohorts: Path | None = None) -> Site | None:
    """The site one language's configuration builds, as its extension would load it; None when it
    does not use the extension. Paths are shown relative to ``root``; ``cohorts`` is the main
    language's content folder, where its cohort summaries are."""
    data = read_config(language.config)
    options = extension_options(data)
    if options is None:
        return None
    folder = language.config.parent
    theme = data.get("theme")
    spoken = options.get("language") or (theme.get("language") if isinstance(theme, dict) else None) or "en"
    return Site(
        root=root,
        questionnaires=folder / str(options.get("questionnaires_dir") or "questionnaires"),
        docs_dir=folder / str(data.get("docs_dir") or "docs"),
        language=str(spoken),
        only=tuple(str(name) for name in options.get("only") or ()),
        messages=folder / str(options.get("messages_dir") or "messages"),
        cohorts=cohorts,
        elsewhere=main.pages if (main := main_site_of(data)) is not None else frozenset(),
    )


def other_sites(found: list[Language], root: Path) -> list[tuple[Language, Site]]:
    """Each language of ``found`` (build.languages) but the main one, first, with the site its
    configuration builds; a language whose configuration does not use the extension has none."""
    if not found:
        return []
    main = language_site(found[0], root)
    cohorts = main.docs_dir if main is not None else None
    sites = [(language, language_site(language, root, cohorts)) for language in found[1:]]
    return [(language, site) for language, site in sites if site is not None]


def site_problems(site: Site) -> list[Problem]:
    """What the build of this site would stop at (none: it loads)."""
    try:
        load_library(site)
    except QuestionnaireError as exc:
        return exc.problems
    return []
