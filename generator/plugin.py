"""The mkdocs adapter: translates mkdocs events into calls on the core modules.

Nothing here knows how a questionnaire is validated or rendered; a second
adapter (for another site generator) would make the same calls.
"""

from __future__ import annotations

import html
import importlib.resources
import json
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .blocks import check_blocks, fill_blocks, find_blocks, mark_blocks
from .config import MentorkitConfig
from .errors import Problem, QuestionnaireError
from .model import Questionnaire
from .project import display_path, load_site
from .render import render_questionnaire
from .security import mark_page, seal

LOADER = "assets/javascripts/mentorkit.js"  # tiny; fetches the runtime where a page has a questionnaire


class MentorkitPlugin(BasePlugin[MentorkitConfig]):
    def on_config(self, config):
        # A programme's mkdocs.yml names the plugin and nothing more: the theme (templates,
        # runtime, styles) comes from the installed package, after the site's own custom_dir
        # so that a programme can still override any of it.
        theme = str(importlib.resources.files("mentorkit.theme"))
        if theme not in map(str, config.theme.dirs):
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme)
        if not any(str(script) == LOADER for script in config.extra_javascript):
            loader = ExtraScriptValue(LOADER)
            loader.type = "module"
            config.extra_javascript.append(loader)
        self.root = Path(config.config_file_path).parent
        self.language = config.theme.get("language") or "en"  # Material's theme.language
        self.folder = self.root / self.config.questionnaires_dir
        self.questionnaires: dict[str, Questionnaire] = {}
        self.pages: dict[str, Questionnaire] = {}
        self.blocks: dict[str, list] = {}
        return config

    def _page_of(self, q: Questionnaire) -> str:
        return f"{self.config.pages_dir}/{q.id}.md"

    def on_files(self, files: Files, config) -> Files:
        pages = {f.src_uri for f in files.documentation_pages()}
        try:
            site = load_site(self.folder, pages=pages, root=self.root, language=self.language, only=self.config.only)
        except QuestionnaireError as exc:
            raise PluginError(f"{len(exc.problems)} problem(s) in questionnaires:\n{exc}") from None
        self.questionnaires = {q.id: q for _, q in site}
        self._find_blocks(files, config)
        self.pages = {}
        for path, q in site:
            # mkdocs treats page titles as HTML (Material prints them unescaped in the
            # header, the navigation and the <h1>), so a questionnaire's title is escaped here.
            front = {"title": html.escape(q.title, quote=False), "mentorkit": q.id}
            file = File.generated(config, self._page_of(q), content=f"---\n{json.dumps(front)}\n---\n")
            # "Edit this page" opens the YAML: the page has no Markdown source of its own.
            file.edit_uri = Path("..", path.relative_to(self.root)).as_posix() if config.edit_uri else None
            files.append(file)
            self.pages[file.src_uri] = q
        # The checked-in schemas, as they are: generating them from the models took longer
        # than loading every questionnaire. A test keeps the files equal to the models.
        for schema in importlib.resources.files("mentorkit.schemas").iterdir():
            if schema.name.endswith(".schema.json"):
                files.append(
                    File.generated(config, f"schema/{schema.name}", content=schema.read_text(encoding="utf-8"))
                )
        return files

    def _find_blocks(self, files: Files, config) -> None:
        """Check every block in every page before anything is built, and report all problems at once."""
        problems: list[Problem] = []
        self.blocks = {}
        for file in files.documentation_pages():
            if file.generated_by:
                continue
            found = find_blocks(file.content_string)
            if found:
                name = display_path(Path(config.docs_dir) / file.src_uri, self.root)
                problems += check_blocks(found, self.questionnaires, name)
                self.blocks[file.src_uri] = found
        if problems:
            raise PluginError(f"{len(problems)} problem(s) in questionnaire blocks:\n{QuestionnaireError(problems)}")

    def on_page_markdown(self, markdown: str, page, config, files: Files) -> str:
        if page.file.src_uri not in self.blocks:
            return markdown
        # Found again in the Markdown without its front matter, so the lines are this text's own.
        self.blocks[page.file.src_uri] = blocks = find_blocks(markdown)
        return mark_blocks(markdown, blocks)

    def on_page_content(self, html: str, page, config, files: Files) -> str:
        q = self.pages.get(page.file.src_uri)
        if q is not None:
            return html + render_questionnaire(
                q, guidance_urls=self._guidance_urls(q, page, files), language=self.language
            )

        def render(block) -> str:
            q = self.questionnaires[block.questionnaire]
            target = files.get_file_from_path(self._page_of(q))
            return render_questionnaire(
                q,
                guidance_urls=self._guidance_urls(q, page, files),
                only=[block.group] if block.group else [g.id for g in q.groups],
                page_url=target.url_relative_to(page.file) if target else None,
                language=self.language,
            )

        blocks = self.blocks.get(page.file.src_uri)
        return fill_blocks(html, blocks, render) if blocks else html

    @staticmethod
    def _guidance_urls(q: Questionnaire, page, files: Files) -> dict[str, str]:
        urls = {}
        for group in q.groups:
            target = files.get_file_from_path(group.guidance) if group.guidance else None
            if target is not None:
                urls[group.id] = target.url_relative_to(page.file)
        return urls

    def on_post_page(self, output: str, page, config) -> str:
        return mark_page(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return mark_page(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, config) -> None:
        seal(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        server.watch(str(self.folder))
        return server
