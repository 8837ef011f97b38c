"""The Python-Markdown extension: ``::: questionnaire <id>[/<group>]`` lines become forms.

Every generator we target runs the extensions listed under ``markdown_extensions``
with their options (MkDocs, and Zensical, which runs no MkDocs plugins), so this is
where questionnaires enter a site:

    markdown_extensions:
      - mentorkit:
          questionnaires_dir: questionnaires   # relative to the configuration file
          only: [mentor-competence]            # default: every questionnaire
          language: fr                         # default: the theme's language
          region: FR                           # dates and numbers as written there; default: the language's
          messages_dir: messages               # the programme's own sentences, <language>.yml each

They are checked before anything is read with them (extension_options.py): a mistake stops the
build at its place in the configuration.

The shape follows mkdocstrings' ``:::`` blocks: the form is rendered with Jinja and
kept in ``md.htmlStash``, so that no later Markdown pass touches it; copies of its
headings are put in the tree for the ``toc`` extension to list, and taken out right
after it.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .blocks import Block, check_blocks, find_blocks
from .catalogue import BASE
from .context import MainSite, Rendering, rendering, under_zensical
from ..format.errors import Problem, QuestionnaireError
from .extension_options import check, configuration_of, located, stop_sentence
from .journal import Related, related
from .library import Library, NoFolder, Site, library
from .links import file_link, link, main_site_link, source_link
from ..format.model import Questionnaire
from .notices import NO_SITE_URL, warn_once
from .project import display_path
from .qlinks import rewriter
from .render import questionnaire_headings, render_questionnaire
from .spec import Guidance
from .site_config import main_content

try:
    # Both generators' command lines are click programs, and click shows a ClickException
    # as its message, without a traceback. MkDocs lets it through (Zensical, today, wraps
    # every Python error in its own traceback: tests/build/test_zensical.py records it).
    from click import ClickException as _ShownToAuthor
except ImportError:  # plain Python-Markdown, no command line around it
    _ShownToAuthor = Exception  # type: ignore[assignment,misc]


class BlockError(_ShownToAuthor):
    """Problems in questionnaires or block lines, one ``file:line:col: ...`` line each, or
    the folder they should be in missing."""

    def __init__(self, error: QuestionnaireError | NoFolder):
        if isinstance(error, NoFolder):
            super().__init__(str(error))
            self.problems = []
        else:
            super().__init__(f"{len(error.problems)} problem(s) in questionnaires and their blocks:\n{error}")
            self.problems = error.problems


class OptionsError(_ShownToAuthor):
    """Mistakes in the extension's options, one ``file:line:col: ...`` line each."""

    def __init__(self, problems: list[Problem]):
        super().__init__(stop_sentence(problems))
        self.problems = problems


# A block line, once found outside fenced code, is replaced by this marker, which no author
# writes: the block processor then finds exactly the lines found here, fences or not.
_MARKER = "\x02mentorkit-block:{}\x03"
_MARKED = re.compile("^\x02mentorkit-block:(\\d+)\x03$", re.MULTILINE)
_CONTAINER = "mentorkit-block"  # the element that carries a form's heading copies until toc has run


class _BlockLines(Preprocessor):
    """Find the block lines of a page, check them, and mark them for the block processor."""

    def __init__(self, md: Markdown, extension: QuestionnaireExtension):
        super().__init__(md)
        self.extension = extension
        self.blocks: list[Block] = []
        self.context: Rendering | None = None
        self.library: Library | None = None

    def run(self, lines: list[str]) -> list[str]:
        self.blocks = find_blocks("\n".join(lines))
        if not self.blocks:
            return lines  # nothing to load for a page without blocks
        self.context = rendering(self.md)
        self.extension.check_options(self.md, self.context)
        if self.context.site_url == "":
            warn_once(NO_SITE_URL)
        try:
            self.library = library(self.extension.site(self.context))
            # The library checked every page on disk; this checks the text as the generator
            # hands it over (another plugin may have made or changed it).
            problems = check_blocks(self.blocks, self.library.questionnaires, self._page_name())
            if problems:
                raise QuestionnaireError(problems)
        except (QuestionnaireError, NoFolder) as exc:
            raise BlockError(exc) from None
        lines = list(lines)
        for index, block in enumerate(self.blocks):
            lines[block.line - 1] = _MARKER.format(index)
        return lines

    @property
    def loaded(self) -> tuple[Library, Rendering]:
        """The library and the page of this conversion: set by run() before any form is placed."""
        assert self.library is not None and self.context is not None
        return self.library, self.context

    def _page_name(self) -> str:
        context = self.context
        if context is None or context.page is None or context.docs_dir is None:
            return "<markdown>"
        return display_path(context.docs_dir / context.page, context.root)


class _Forms(BlockProcessor):
    """Put the rendered form where its marker stands, as stashed HTML with heading copies beside it."""

    def __init__(self, md: Markdown, lines: _BlockLines):
        super().__init__(md.parser)
        self.md = md
        self.lines = lines

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_MARKED.search(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        marker = _MARKED.search(block)
        assert marker is not None  # test() found it
        before, after = block[: marker.start()], block[marker.end() :]
        if before.strip():  # a block line written straight under a paragraph or a list
            self.parser.parseBlocks(parent, [before.rstrip("\n")])
        found = self.lines.blocks[int(marker.group(1))]
        container = etree.SubElement(parent, "div", {"class": _CONTAINER})
        container.text = self.md.htmlStash.store(self._render(found))
        for anchor, title in self._headings(found):
            heading = etree.SubElement(container, "h2", {"id": anchor})
            heading.text = AtomicString(title)  # shown as written, as in the form
        if after.strip():
            blocks.insert(0, after.lstrip("\n"))

    def _render(self, block: Block) -> str:
        library, context = self.lines.loaded
        q = library.questionnaires[block.questionnaire]
        home = library.homes.get(q.id)
        page = context.page  # None: no generator said which page this is, so no links
        # The runtime follows guidance links as they are: published URLs. A link in the HTML is
        # written the way the generator reads links in a page's HTML (links.py).
        guidance = {g.id: _guidance(page, g.guidance, context) for g in q.groups if g.guidance and page}
        links = (
            rewriter(page, library.pages, context.docs_dir, context.directory_urls, context.source_links)
            if page
            else None
        )
        whole = written(page, home, context) if home is not None and page is not None else None
        return render_questionnaire(
            q,
            guidance_urls=guidance,
            only=[block.group] if block.group else None,
            page_url=whole,
            language=self.lines.extension.language(context),
            region=self.lines.extension.getConfig("region") or None,
            links=links,
            own=library.own,
            cohort_url=(
                file_link(
                    page, posixpath.join(self.lines.extension.cohorts(context)[1], q.cohort), context.directory_urls
                )
                if q.cohort and page
                else None
            ),
            related=self._related(q),
        )

    def _related(self, q: Questionnaire) -> Related | None:
        """What the page needs of the questionnaires ``q`` is related to (a journal, its prompts)."""
        library, context = self.lines.loaded
        page = context.page
        if page is None:
            return None
        return related(
            q,
            library,
            lambda target: published(page, target, context),
            lambda target: written(page, target, context),
        )

    def _headings(self, block: Block) -> list[tuple[str, str]]:
        if block.group is not None:
            return []  # a group inside a guidance page sits under that page's own heading
        library, context = self.lines.loaded
        q = library.questionnaires[block.questionnaire]
        language = self.lines.extension.language(context)
        return questionnaire_headings(q, language=language, own=library.own, related=self._related(q))


def _guidance(page: str, guidance: str, context: Rendering) -> Guidance:
    target, _, anchor = guidance.partition("#")
    main = _main_site_for(target, context)
    return Guidance(published(page, target, context) + (f"#{anchor}" if anchor else ""), main.language if main else None)


def _main_site_for(target: str, context: Rendering) -> MainSite | None:
    """The main language's site, when ``target`` is one of its pages that this site has not translated."""
    main = context.main_site
    return main if main is not None and target in main.pages else None


def published(page: str, target: str, context: Rendering) -> str:
    """The link from ``page`` to the page made from ``target``, as the runtime follows it: on the
    main language's site when this site has not translated that page."""
    main = _main_site_for(target, context)
    if main is not None:
        return main_site_link(page, target, main.link, context.directory_urls)
    return link(page, target, context.directory_urls)


def written(page: str, target: str, context: Rendering) -> str:
    """The same link as the page's HTML must hold it for its generator to read it (links.py); to a
    page of the main language's site, the published one (no generator checks or rewrites it)."""
    if context.source_links and _main_site_for(target, context) is None:
        return source_link(page, target)
    return published(page, target, context)


class _DropHeadingCopies(Treeprocessor):
    """After toc has listed them, take the heading copies out and keep the stashed form in their place."""

    def run(self, root: etree.Element) -> None:
        self._drop(root)

    def _drop(self, parent: etree.Element) -> None:
        carried = ""
        for element in reversed(parent):  # backwards, to remove while going through
            if element.tag == "div" and element.get("class") == _CONTAINER:
                carried = (element.text or "") + (element.tail or "") + carried
                parent.remove(element)
                continue
            if carried:
                element.tail = (element.tail or "") + carried
                carried = ""
            self._drop(element)
        if carried:
            parent.text = (parent.text or "") + carried


class QuestionnaireExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "questionnaires_dir": [
                "questionnaires",
                "Folder of questionnaire YAML files, relative to the site's configuration file",
            ],
            "only": [[], "Show only these questionnaires (file names without .yml); empty: every one"],
            "language": ["", "Language of the sentences around the questions; empty: the theme's language"],
            "region": [
                "",
                "Region whose ways of writing dates, times and numbers the pages follow, with the language "
                "(GB: en-GB, 12 January 2027, 14:00); empty: the language's own (en: January 12, 2027, 2:00 PM)",
            ],
            "messages_dir": [
                "messages",
                "Folder of the programme's own sentences (<language>.yml, over the package's), relative to the "
                "site's configuration file; none there: the package's sentences",
            ],
        }
        self.options = dict(kwargs)  # as written: checked (check_options) before any of them is used
        # An unknown option is a mistake to report at its place, not a KeyError from Python-Markdown.
        super().__init__(**{name: value for name, value in kwargs.items() if name in self.config})

    def check_options(self, md: Markdown, context: Rendering) -> None:
        """Stop at a mistake in the options, before anything is read with them: MkDocs' plugin has
        stopped at them already (on_config); Zensical runs none, so this is where it stops."""
        found = check(self.options, context.root)
        if not found:
            return
        config = context.config_file or configuration_of(context.root, self.options, context.language)
        error = OptionsError(located(found, config, context.root))
        if under_zensical(md):
            # Zensical shows any error of an extension inside a Python traceback (test_zensical.py):
            # a mistake in its configuration ends the build as a configuration error does, alone.
            sys.stdout.flush()
            print(f"Error: {error}", file=sys.stderr, flush=True)
            os._exit(1)
        raise error

    def site(self, context: Rendering) -> Site:
        return Site(
            root=context.root,
            questionnaires=context.root / self.getConfig("questionnaires_dir"),
            docs_dir=context.docs_dir,
            language=self.language(context),
            only=tuple(self.getConfig("only") or ()),
            messages=context.root / self.getConfig("messages_dir"),
            cohorts=self.cohorts(context)[0],
            elsewhere=context.main_site.pages if context.main_site else frozenset(),
        )

    def cohorts(self, context: Rendering) -> tuple[Path | None, str]:
        """Where this site reads cohort summaries from, and their addresses' start from its root:
        on a language's site beside a main one, the main language's (one file for all languages)."""
        main = main_content(context.root) if context.main_site else None
        return (main, context.main_site.link) if main is not None and context.main_site else (None, "")

    def language(self, context: Rendering) -> str:
        return self.getConfig("language") or context.language or BASE

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        lines = _BlockLines(md, self)
        # After whitespace is normalised (30), before fenced code is taken out (25): block
        # lines are found by our own reading of fences, whichever fence extension is on.
        md.preprocessors.register(lines, "mentorkit_blocks", 29)
        # Before headings (70), lists and paragraphs, as mkdocstrings' ::: blocks.
        md.parser.blockprocessors.register(_Forms(md, lines), "mentorkit_forms", 75)
        # Right after toc (5) and mkdocs' anchor collection (5), which both need the copies.
        md.treeprocessors.register(_DropHeadingCopies(md), "mentorkit_heading_copies", 4)


def makeExtension(**kwargs: Any) -> QuestionnaireExtension:  # Python-Markdown loads an extension by this name
    return QuestionnaireExtension(**kwargs)
