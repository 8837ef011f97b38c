"""The mkdocs adapter: translates mkdocs events into calls on the core modules.

Nothing here knows how a questionnaire is validated or rendered; a second
adapter (for another site generator) would make the same calls.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .config import MentorkitConfig
from .errors import QuestionnaireError
from .model import Questionnaire
from .project import load_all, questionnaire_files
from .render import render_questionnaire
from .schema import SCHEMA_PATH, schema_json


class MentorkitPlugin(BasePlugin[MentorkitConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.root = root
        self.folder = root / self.config.questionnaires_dir
        self.pages: dict[str, Questionnaire] = {}
        return config

    def on_files(self, files: Files, config) -> Files:
        sources = questionnaire_files(self.folder)
        pages = {f.src_uri for f in files.documentation_pages()}
        try:
            questionnaires = load_all(sources, pages=pages, root=self.root)
        except QuestionnaireError as exc:
            raise PluginError(f"{len(exc.problems)} problem(s) in questionnaires:\n{exc}") from None
        self.pages = {}
        for path, q in zip(sources, questionnaires):
            src_uri = f"{self.config.pages_dir}/{q.id}.md"
            front = {"title": q.title, "mentorkit": q.id}
            file = File.generated(config, src_uri, content=f"---\n{json.dumps(front)}\n---\n")
            # "Edit this page" opens the YAML: the page has no Markdown source of its own.
            file.edit_uri = Path("..", path.relative_to(self.root)).as_posix() if config.edit_uri else None
            files.append(file)
            self.pages[src_uri] = q
        files.append(File.generated(config, SCHEMA_PATH, content=schema_json()))
        return files

    def on_page_content(self, html: str, page, config, files: Files) -> str:
        q = self.pages.get(page.file.src_uri)
        if q is None:
            return html
        urls = {}
        for group in q.groups:
            target = files.get_file_from_path(group.guidance) if group.guidance else None
            if target is not None:
                urls[group.id] = target.url_relative_to(page.file)
        return html + render_questionnaire(q, guidance_urls=urls)

    def on_serve(self, server, config, builder):
        server.watch(str(self.folder))
        return server
