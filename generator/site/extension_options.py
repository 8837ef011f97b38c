"""The options of the mentorkit Markdown extension, and of the mkdocs plugin, checked before
anything is read with them:

    markdown_extensions:
      - mentorkit:
          questionnaires_dir: questionnaires   # text: a folder, relative to the configuration, holding questionnaires
          only: [mentor-competence]            # a list of that folder's file names, without .yml
          language: fr                         # a language's code: two or three lowercase letters Babel knows
          region: FR                           # text (a region dates cannot follow: a warning at build)
          messages_dir: messages               # text: a folder, relative to the configuration (optional)
    plugins:
      - mentorkit:
          enabled: true                        # true or false

A mistake is reported where it is written, in the configuration or in the file it INHERITs:
``mkdocs.yml:12:17: markdown_extensions.mentorkit.language: '../x' is not a language's code; ...``.
``mentorkit validate`` reports them for every language's configuration; a build stops at them
before anything is read: the plugin's on_config under MkDocs, the extension itself under Zensical.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .build import BuildError, Language, read_config
from .catalogue import CODE
from ..format.errors import Path as Where
from ..format.errors import Problem, QuestionnaireError
from ..format.loader import Document, load_configuration
from .programme_messages import known_language
from .project import display_path, questionnaire_files
from ..format.wording import did_you_mean, show

EXTENSIONS = "markdown_extensions"
PLUGINS = "plugins"
NAMES = ("mentorkit", "mentorkit.extension")  # the extension's names: its entry point, its module (extension.py)
PLUGIN = "mentorkit"
OPTIONS = ("questionnaires_dir", "only", "language", "region", "messages_dir")
PLUGIN_OPTIONS = ("enabled",)  # config.MentorkitConfig's
LANGUAGE_HINT = "write two or three lowercase letters that name a language, e.g. en, fr, de"


@dataclass(frozen=True)
class Found:
    """A mistake in the options: where inside them (``("only", 1)``; ``()``: the entry itself), and what."""

    where: Where
    message: str
    key: bool = False  # at the option's name (an unknown option), not at its value


def entry(data: object, section: str, names: Iterable[str]) -> tuple[Where, str, object] | None:
    """Where a configuration lists one of ``names`` under ``section`` (a list of names and one-entry
    mappings, or a mapping): the path to its options, its name as written, and its options as
    written (None: none); None when it is not listed."""
    listed = data.get(section) if isinstance(data, Mapping) else None
    names = tuple(names)
    if isinstance(listed, Mapping):
        for name in names:
            if name in listed:
                return (section, name), name, listed[name]
    elif isinstance(listed, list):
        for index, item in enumerate(listed):
            if isinstance(item, str) and item in names:
                return (section, index), item, None
            if isinstance(item, Mapping) and len(item) == 1:
                name, options = next(iter(item.items()))
                if name in names:
                    return (section, index, name), name, options
    return None


def check(options: object, folder: Path) -> list[Found]:
    """The mistakes in the extension's options as written (None: none given); relative folders
    start from ``folder``, the configuration's."""
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        return [
            Found(
                (),
                f"expected the extension's options as a mapping, found {show(options)}; e.g. mentorkit: {{language: fr}}",
            )
        ]
    found = _unknown(options, OPTIONS)
    questionnaires = _folder(options, "questionnaires_dir", folder, "questionnaires", "the questionnaires", found)
    if questionnaires is not None and not questionnaire_files(questionnaires):
        value = options.get("questionnaires_dir", "questionnaires")
        found.append(
            Found(
                ("questionnaires_dir",) if "questionnaires_dir" in options else (),
                f"the folder '{value}' holds no questionnaire (no .yml file in it); give the folder that holds "
                "them as questionnaires_dir, or write one there with `mentorkit new`",
            )
        )
        questionnaires = None
    found += _only(options.get("only"), questionnaires, options.get("questionnaires_dir", "questionnaires"))
    found += _language(options.get("language"))
    found += _region(options.get("region"))
    if "messages_dir" in options:  # optional: without it, messages/ is read where there is one
        _folder(options, "messages_dir", folder, "messages", "the programme's own sentences", found)
    return found


def check_plugin(options: object) -> list[Found]:
    """The mistakes in the plugin's options as written (MkDocs checks them too, in its own words)."""
    if options is None:
        return []
    if not isinstance(options, Mapping):
        return [
            Found(
                (),
                f"expected the plugin's options as a mapping, found {show(options)}; e.g. mentorkit: {{enabled: true}}",
            )
        ]
    found = _unknown(options, PLUGIN_OPTIONS)
    enabled = options.get("enabled", True)
    if not isinstance(enabled, bool):
        found.append(Found(("enabled",), f"expected true or false, found {show(enabled)}"))
    return found


def _unknown(options: Mapping, allowed: tuple[str, ...]) -> list[Found]:
    return [
        Found(
            (str(name),),
            f"unknown option '{name}'; {did_you_mean(str(name), allowed)}allowed: {', '.join(allowed)}",
            key=True,
        )
        for name in options
        if name not in allowed
    ]


def _folder(options: Mapping, name: str, folder: Path, default: str, holding: str, found: list[Found]) -> Path | None:
    """The folder option ``name`` names, if it is one; else a mistake added to ``found``."""
    value = options.get(name, default)
    if not isinstance(value, str) or not value.strip():
        found.append(
            Found(
                (name,),
                f"expected a folder's path as text, found {show(value)}; give the folder that holds {holding}, "
                f"relative to the configuration file, e.g. {name}: {default}",
            )
        )
        return None
    path = folder / value
    if path.is_dir():
        return path
    if name in options:
        message = (
            f"no folder '{value}' next to the configuration file; give the folder that holds {holding}, relative "
            "to the configuration file"
        )
    else:
        message = (
            f"no folder '{value}' next to the configuration file, where {holding} are read from when {name} is "
            f"not set; make it, or give their folder as {name}"
        )
    found.append(Found((name,) if name in options else (), message))
    return None


def _only(value: object, questionnaires: Path | None, written: object) -> list[Found]:
    if value is None:
        return []
    if not isinstance(value, list):
        example = f"only: [{value}]" if isinstance(value, str) and value else "only: [mentor-competence]"
        return [
            Found(
                ("only",),
                f"expected a list of questionnaires' file names (without .yml), found {show(value)}; e.g. {example}",
            )
        ]
    names = sorted(path.stem for path in questionnaire_files(questionnaires)) if questionnaires is not None else []
    found = []
    for index, name in enumerate(value):
        if not isinstance(name, str) or not name:
            found.append(
                Found(("only", index), f"expected a questionnaire's file name (without .yml), found {show(name)}")
            )
        elif names and name not in names:
            found.append(
                Found(
                    ("only", index),
                    f"no questionnaire '{name}' in {written}/; {did_you_mean(name, names)}use one of "
                    f"{', '.join(names)} (file names without .yml)",
                )
            )
    return found


def _language(value: object) -> list[Found]:
    """A language's code, before any file is named after it: never a path, never an alias that
    would silently be read as no language at all ('fre' for 'fr')."""
    if value is None or value == "":
        return []  # the theme's language
    if not isinstance(value, str):
        return [Found(("language",), f"expected a language's code as text, found {show(value)}; {LANGUAGE_HINT}")]
    main, dash, region = value.replace("_", "-").partition("-")
    if dash and CODE.fullmatch(main) and region.isalnum() and _canonical(main) == main:
        return [
            Found(
                ("language",),
                f"'{value}' is a language with a region; write language: {main}, and region: {region.upper()}",
            )
        ]
    canonical = _canonical(value) if CODE.fullmatch(value) else None
    if canonical is None:
        return [Found(("language",), f"{show(value)} is not a language's code; {LANGUAGE_HINT}")]
    if canonical != value:
        return [
            Found(
                ("language",),
                f"'{value}' is another code for '{canonical}', the one sentences are kept under; write language: "
                f"{canonical}",
            )
        ]
    return []


@functools.cache
def _canonical(code: str) -> str | None:
    """The code Babel (CLDR) writes the language ``code`` names with ('fr' for 'fre'); None: no language."""
    if not known_language(code):
        return None
    from babel import Locale  # known_language has loaded it

    return Locale.parse(code).language


def _region(value: object) -> list[Found]:
    """Text, as the runtime reads it; an unknown region is warned about when the page is built."""
    if value is None or isinstance(value, str):
        return []
    number = isinstance(value, int) and not isinstance(value, bool)
    hint = (
        f"write it in quotes, region: '{value}'" if number else "write two letters or three digits, e.g. GB, FR, '419'"
    )
    return [Found(("region",), f"expected a region's code as text, found {show(value)}; {hint}")]


# --- where the mistakes are written ---------------------------------------------------------------


def located(
    found: list[Found],
    config: Path | None,
    root: Path,
    *,
    name: str = NAMES[0],
    section: str = EXTENSIONS,
    names: Iterable[str] = NAMES,
) -> list[Problem]:
    """``found`` (mistakes in the options listed under ``section`` as ``name``) at their places: in
    ``config`` or the file it INHERITs, whichever writes them (the file alone where no place is
    found); files are shown relative to ``root``."""
    chain = _chain(config, root) if config is not None and found else []
    names = tuple(names)
    problems = []
    for mistake in found:
        shown = (section, name, *mistake.where)
        problems.append(
            _at(chain, mistake, shown, section, names)
            or Problem(display_path(config, root) if config else "<configuration>", 1, 1, shown, mistake.message, code="MK701")
        )
    return sorted(problems, key=_place)


def _place(problem: Problem) -> tuple[str, int, int]:
    return problem.file, problem.line, problem.column


def _chain(config: Path, root: Path) -> list[Document]:
    """The configuration and each file it INHERITs (as mkdocs follows them), nearest first."""
    chain: list[Document] = []
    seen: set[Path] = set()
    path: Path | None = config
    while path is not None and path.resolve() not in seen:
        seen.add(path.resolve())
        try:
            doc = load_configuration(path.read_text(encoding="utf-8-sig"), display_path(path, root))
        except (OSError, UnicodeDecodeError, QuestionnaireError):
            break  # read by mkdocs' loader all the same: its own errors say what is wrong
        chain.append(doc)
        parent = doc.data.get("INHERIT") if isinstance(doc.data, dict) else None
        path = path.parent / parent if isinstance(parent, str) else None
    return chain


def _at(chain: list[Document], mistake: Found, shown: Where, section: str, names: tuple[str, ...]) -> Problem | None:
    for doc in chain:
        listed = entry(doc.data, section, names)
        if listed is None:
            continue
        options = listed[0]
        if mistake.where and options + mistake.where[:1] not in doc.keys:
            continue  # this option is written in a file further up
        line, column = doc.position(options + mistake.where, key=mistake.key or not mistake.where)
        return Problem(doc.file, line, column, shown, mistake.message, code="MK702")
    return None


def configuration_problems(config: Path, root: Path) -> list[Problem]:
    """Every mistake in the options of the extension and of the plugin that ``config`` gives them
    (with what it INHERITs), at its place; BuildError for a configuration mkdocs cannot read."""
    data = read_config(config)
    problems = []
    listed = entry(data, EXTENSIONS, NAMES)
    if listed is not None:
        problems += located(check(listed[2], config.parent), config, root, name=listed[1])
    plugin = entry(data, PLUGINS, (PLUGIN,))
    if plugin is not None:
        problems += located(check_plugin(plugin[2]), config, root, name=PLUGIN, section=PLUGINS, names=(PLUGIN,))
    return problems


def option_problems(found: list[Language], root: Path) -> list[Problem]:
    """The mistakes in the options of every language's configuration (build.languages), each once
    (a file that several INHERIT holds them for all)."""
    found_once = {problem for language in found for problem in configuration_problems(language.config, root)}
    return sorted(found_once, key=_place)


def configuration_of(root: Path, options: object, language: str | None) -> Path | None:
    """The configuration file in ``root`` that gives the extension ``options`` (the one in
    ``language`` where several do): Zensical does not tell an extension which one it builds."""
    candidates = sorted(root.glob("mkdocs*.y*ml"), key=lambda path: (path.stem != "mkdocs", path.name))
    matching = []
    for index, path in enumerate(candidates):
        try:
            data = read_config(path)
        except BuildError:
            continue
        listed = entry(data, EXTENSIONS, NAMES)
        if listed is not None and (listed[2] or {}) == (options or {}):
            theme = data.get("theme")
            spoken = theme.get("language") if isinstance(theme, dict) else None
            matching.append((spoken != language, index, path))
    return min(matching)[2] if matching else None


def stop_sentence(problems: list[Problem]) -> str:
    """What a build says when it stops at mistakes in the extension's options."""
    return f"{len(problems)} problem(s) in the options of the mentorkit Markdown extension:\n" + "\n".join(
        str(problem) for problem in problems
    )
