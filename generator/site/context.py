"""What the site generator tells a Markdown extension about the page it is rendering.

Python-Markdown gives an extension the text and nothing else; each generator leaves
its own trace on the converter, read here and nowhere else:

- Zensical registers a preprocessor named ``rendering_context`` that holds the page
  (its source ``path``) and the project's configuration (as mkdocstrings and
  Zensical's own extensions read it).
- MkDocs registers the tree processor that makes links relative, ``relpath``, after
  the configured extensions: it holds the page's ``file`` and the ``config``. It is
  read at conversion time, when it exists, never when the extension is set up.

Neither is imported: an extension that imports a generator could not run under the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown


@dataclass(frozen=True)
class MainSite:
    """The main language's site, as a site in another language beside it sees it."""

    link: str  # from this site's root, e.g. "../"
    language: str | None  # its language, e.g. "en", as its switcher entry says
    # Its pages this site has not translated (this site's extra.untranslated): a link to one of them
    # leads to the main site's page, not to a page this site does not have.
    pages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rendering:
    root: Path  # the folder of the site's configuration file
    docs_dir: Path | None  # the Markdown pages' folder; None when no generator said
    page: str | None  # the page's source path inside docs_dir, e.g. "about/benefits.md"
    directory_urls: bool
    language: str | None  # the theme's language, when the generator has one
    source_links: bool = False  # the generator rewrites links in the page's HTML from sources to URLs (links.py)
    site_url: str | None = None  # where the site is published; None: the generator did not say
    main_site: MainSite | None = None  # None: this is the main language's site, or it has no switcher
    config_file: Path | None = None  # the configuration file built; None when the generator does not say


def main_site_of(config: Mapping[str, Any]) -> MainSite | None:
    """The main language's site, by this site's switcher (``extra.alternate``): the one entry that
    leads only up ("../"), since every other language is published in a folder of the main site
    (build.py). None on the main site itself, or without a switcher."""
    extra = config.get("extra")
    extra = extra if isinstance(extra, Mapping) else {}
    entries = extra.get("alternate")
    for entry in entries if isinstance(entries, list) else []:
        link = str(entry.get("link") or "") if isinstance(entry, Mapping) else ""
        parts = [part for part in link.split("/") if part not in ("", ".")]
        if parts and all(part == ".." for part in parts):
            untranslated = extra.get("untranslated")
            pages = frozenset(str(page) for page in untranslated) if isinstance(untranslated, list) else frozenset()
            language = entry.get("lang")
            return MainSite("/".join(parts) + "/", str(language) if language else None, pages)
    return None


def _zensical(md: markdown.Markdown) -> Rendering | None:
    if not under_zensical(md):
        return None
    context = md.preprocessors["rendering_context"]
    config = getattr(context, "config", None) or {}
    root = Path(config.get("root_dir") or Path.cwd())
    theme = config.get("theme") or {}
    return Rendering(
        root=root,
        docs_dir=root / config.get("docs_dir", "docs"),
        page=getattr(getattr(context, "page", None), "path", None),
        directory_urls=config.get("use_directory_urls", True),
        language=theme.get("language") if isinstance(theme, dict) else None,
        source_links=True,
        site_url=config.get("site_url") or "",
        main_site=main_site_of(config),
    )


def _mkdocs(md: markdown.Markdown) -> Rendering | None:
    if "relpath" not in md.treeprocessors:
        return None
    relpath = md.treeprocessors["relpath"]
    file, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
    if file is None or config is None:
        return None
    return Rendering(
        root=Path(config["config_file_path"]).parent,
        docs_dir=Path(config["docs_dir"]),
        page=file.src_uri,
        directory_urls=config["use_directory_urls"],
        language=config["theme"].get("language"),
        site_url=config.get("site_url") or "",
        main_site=main_site_of(config),
        config_file=Path(config["config_file_path"]),
    )


def under_zensical(md: markdown.Markdown) -> bool:
    """Whether Zensical is converting with ``md``."""
    return "rendering_context" in md.preprocessors


def rendering(md: markdown.Markdown) -> Rendering:
    """The page being converted by ``md``, as far as its generator tells; plain
    Python-Markdown tells nothing, and the working folder stands for the project."""
    return _zensical(md) or _mkdocs(md) or Rendering(Path.cwd(), None, None, True, None)
