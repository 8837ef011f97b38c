"""The mkdocs plugin: conveniences only mkdocs offers, around the Markdown extension.

Questionnaires enter a site through the Markdown extension (extension.py), which
MkDocs and Zensical both run; a site builds without this plugin. Under mkdocs it adds:

- every mistake in the extension's options, then every problem of every questionnaire and
  block line, reported before the build starts, the way mkdocs reports a plugin's error
  (without a traceback);
- the questionnaires folder watched by ``mkdocs serve``, and the theme's templates kept
  compiled from one of its rebuilds to the next;
- on a page that holds a whole questionnaire, "edit this page" opens its YAML file;
- the JSON Schemas of the questionnaire files published with the site;
- the Content-Security-Policy sealed once every other plugin has written its files.

Nothing here knows how a questionnaire is validated or rendered.
"""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from .config import MentorkitConfig
from .context import Rendering, main_site_of
from ..format.errors import QuestionnaireError
from .extension import QuestionnaireExtension
from .extension_options import NAMES, check, located, stop_sentence
from .library import NoFolder, Site, library
from .security import PLACEHOLDER, seal

log = get_plugin_logger(__name__)
RUNTIME = "assets/javascripts/mentorkit.js"  # the theme's loader of the questionnaires' runtime


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled, kept in memory from one rebuild of mkdocs serve to the
    next: mkdocs makes a new Jinja environment for every build, so it compiled Material's
    templates again on every rebuild. Jinja checks each template's source against what was
    compiled, so an edited template is compiled again."""

    compiled: dict[str, bytes] = {}  # noqa: RUF012 (shared by the rebuilds of one serve process)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class MentorkitPlugin(BasePlugin[MentorkitConfig]):
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        if not self.config.enabled:
            return config
        name = next((n for n in NAMES if n in config.markdown_extensions), None)
        if name is None:
            raise PluginError(
                "the mentorkit plugin needs the mentorkit Markdown extension, which places the questionnaires "
                "(and is all Zensical reads): add '- mentorkit' under markdown_extensions in "
                f"{config.config_file_path}"
            )
        if not any((Path(folder) / RUNTIME).is_file() for folder in config.theme.dirs):
            log.warning(
                "the toolkit's theme is not in use, so questionnaires are shown but never scored or saved: "
                "set 'theme: name: mentorkit' (or this package's theme folder as custom_dir)"
            )
        if config.theme.name == "mentorkit" and "search" in config.plugins:
            # mkdocs names a theme's own plugins after the theme: under `mentorkit`, "search" is
            # mkdocs' own search plugin, whose index Material's search box cannot read.
            log.warning(
                "with theme 'mentorkit', write 'material/search' under plugins: with 'search', the site has no search box"
            )
        options = config.mdx_configs.get(name) or {}
        written = Path(config.config_file_path)
        found = check(options, written.parent)
        if found:
            raise PluginError(stop_sentence(located(found, written, written.parent, name=name)))
        self.site: Site = QuestionnaireExtension(**options).site(
            Rendering(
                root=Path(config.config_file_path).parent,
                docs_dir=Path(config.docs_dir),
                page=None,
                directory_urls=config.use_directory_urls,
                language=config.theme.get("language"),
                main_site=main_site_of(config),
            )
        )
        return config

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        try:  # the extension finds this loaded, unless a file changes meanwhile
            found = library(self.site)
        except QuestionnaireError as exc:
            raise PluginError(f"{len(exc.problems)} problem(s) in questionnaires and their blocks:\n{exc}") from None
        except NoFolder as exc:
            raise PluginError(str(exc)) from None
        # The JSON Schemas of questionnaire files, published with the site for editors (as
        # checked in: a test keeps them equal to the models).
        for schema in importlib.resources.files("mentorkit.schemas").iterdir():
            if schema.name.endswith(".schema.json"):
                files.append(
                    File.generated(config, f"schema/{schema.name}", content=schema.read_text(encoding="utf-8"))
                )
        if config.edit_uri:
            # The YAML is what there is to edit on a questionnaire's own page: its Markdown
            # is a heading and a block line.
            for qid, page in found.homes.items():
                file = files.get_file_from_path(page)
                if file is not None:
                    file.edit_uri = Path(os.path.relpath(found.sources[qid], config.docs_dir)).as_posix()
        return files

    def on_env(self, env: jinja2.Environment, config, files: Files) -> jinja2.Environment:
        if self.config.enabled and self.serving:
            env.bytecode_cache = _CompiledTemplates()
        return env

    def on_serve(self, server, config, builder):
        if self.config.enabled:
            server.watch(str(self.site.questionnaires))
            if self.site.messages is not None and self.site.messages.is_dir():  # the programme's own sentences
                server.watch(str(self.site.messages))
        return server

    def on_post_page(self, output: str, page, config) -> str:
        # mkdocs serve adds an inline live-reload script to every page it serves, different
        # on every request (it carries a request id), so no policy could allow it by its
        # hash: served for authoring, pages carry no policy at all. Published, they all do.
        if self.config.enabled and self.serving:
            return output.replace(PLACEHOLDER, "", 1)
        return output

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return self.on_post_page(output_content, None, config)  # 404.html, served the same way

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config) -> None:
        if self.config.enabled and not self.serving:
            seal(Path(config.site_dir))
