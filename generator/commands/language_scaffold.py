"""``mentorkit new language CODE``: one more language for a site, in the layout the owners' page
documents. What every language shares is in ``mkdocs.shared.yml``; each language has its own file
(``mkdocs.yml`` for the main one, ``mkdocs.<code>.yml`` for the others) that inherits it and holds
its own switcher (``extra.alternate``), whose links start from that language's folder.

A configuration is the owner's own text, comments and all, so it is cut and moved, never written
anew: a top-level setting moves whole, and of ``theme`` only the settings that are a language's
own words (its language, the palette toggle's names) stay behind. The result is read back as
MkDocs reads it and compared with what the owner had: a cut that would change any setting is
refused before anything is written.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..format.errors import QuestionnaireError
from ..format.validate import read_document
from ..site.build import BuildError, folder_of, read_config
from ..site.programme_messages import add_untranslated, language_code, language_name, read_messages, untranslated
from ..site.project import questionnaire_files
from ..site.site_config import extension_options

SHARED = "mkdocs.shared.yml"
LANGUAGE = "language"  # `mentorkit new language CODE`, beside the scoring methods
# Settings that differ from one language's site to the next; every other one is shared.
OWN_SETTINGS = {
    "INHERIT",
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "docs_dir",
    "site_dir",
    "nav",
    "not_in_nav",
    "exclude_docs",
    "draft_docs",
    "extra",
}
WRITTEN = {"INHERIT", "site_name", "site_url", "docs_dir", "site_dir"}  # a language's file says these its own way
OWN_THEME = {"language", "palette"}  # the palette toggle's names are words in the page's language


class LanguageError(Exception):
    """Why the language was not added, in one line; nothing was written."""


# --- a configuration's text, cut into its settings --------------------------------------------


@dataclass
class Setting:
    key: str | None  # None: what comes before the first setting (the file's own heading comments)
    text: str  # its lines, with the comment lines just above it


_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:(\s|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def settings(text: str, indent: int = 0) -> list[Setting]:
    """The settings of a block mapping whose keys sit at ``indent``, in order."""
    found: list[Setting] = []
    pending = ""  # blank and comment lines: they belong to the next setting, unless the mapping ends
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            pending += line
            continue
        key = _KEY.match(line, indent) if _indent(line) == indent else None
        if key is not None:
            found.append(Setting(key.group(1), pending + line))
        elif found:
            found[-1].text += pending + line
        else:
            found.append(Setting(None, pending + line))
        pending = ""
    if pending:
        if found:
            found[-1].text += pending
        else:
            found.append(Setting(None, pending))
    return found


def _key_indent(setting: Setting) -> int:
    return next(
        _indent(line) for line in setting.text.splitlines() if line.strip() and not line.strip().startswith("#")
    )


def _children(setting: Setting) -> tuple[str, list[Setting]] | None:
    """A block mapping setting's own line (and the comments above it) and its settings; None
    when its value is written on its own line (flow style, or a scalar)."""
    lines = setting.text.splitlines(keepends=True)
    head = next(n for n, line in enumerate(lines) if _KEY.match(line.lstrip(" ")) and not line.lstrip().startswith("#"))
    if lines[head].split(":", 1)[1].split("#", 1)[0].strip():
        return None
    body = "".join(lines[head + 1 :])
    inner = [line for line in lines[head + 1 :] if line.strip() and not line.strip().startswith("#")]
    return "".join(lines[: head + 1]), settings(body, _indent(inner[0])) if inner else []


def split(text: str, where: Path) -> tuple[str, str]:
    """A one-language configuration as (what every language shares, the main language's own)."""
    shared, own = "", ""
    for setting in settings(text):
        if setting.key is None or setting.key in OWN_SETTINGS:
            own += setting.text
        elif setting.key == "theme":
            parts = _children(setting)
            if parts is None:
                raise LanguageError(
                    f"{where}: write 'theme' as one setting a line (name: ..., language: ...), so that its "
                    "language can stay in this file while the rest is shared"
                )
            head, inner = parts
            common = "".join(s.text for s in inner if s.key not in OWN_THEME)
            mine = "".join(s.text for s in inner if s.key in OWN_THEME)
            shared += head + common if common else ""
            own += "theme:\n" + mine if mine else ""
        elif setting.key == "markdown_extensions":
            shared += _as_mapping(setting.text)
        else:
            shared += setting.text
    return shared, own


_ITEM = re.compile(r"( *)- ([\w.-]+)( *:.*)?( +#.*)?$")


def _as_mapping(text: str) -> str:
    """markdown_extensions written as a list, rewritten as a mapping, so that a language's file can
    add options to one extension (its region) without replacing the others. Only the simple forms
    (``- name``, ``- name:`` with options below, ``- name: {...}``); anything else stays a list."""
    lines = text.splitlines(keepends=True)
    items = [line for line in lines if line.lstrip(" ").startswith("- ")]
    if not items:
        return text
    column = min(_indent(line) for line in items)
    out = []
    for line in lines:
        if _indent(line) == column and line.lstrip(" ").startswith("- "):
            match = _ITEM.match(line.rstrip("\n"))
            if match is None:
                return text
            spaces, name, value, comment = match.groups()
            # A key takes the place of "- " (two spaces in from the setting's own column at least).
            out.append(f"{spaces or '  '}{name}{value if value else ': {}'}{comment or ''}\n")
        else:
            out.append(line)
    return "".join(out)


# --- the switcher --------------------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # as the switcher shows it, in the language itself
    folder: str  # "" for the main language
    config: Path


def name_of(code: str) -> str:
    """The language's name in itself, as a switcher shows it: "Deutsch", "Français"."""
    from babel import Locale

    own = str(Locale.parse(code).get_display_name(code))
    return own[:1].upper() + own[1:]


def _link(here: str, there: str) -> str:
    """The switcher's link from one language's site to another's, as the reader's browser follows it."""
    return posixpath.relpath(there or ".", here or ".") + "/" if there != here else "./"


def _scalar(text: str) -> str:
    return (
        text
        if re.fullmatch(r"[\w][\w .'-]*", text) and not text.endswith(" ")
        else json.dumps(text, ensure_ascii=False)
    )


def alternate(languages: list[Language], here: str, indent: str) -> str:
    entries = "".join(
        f"{indent}  - {{name: {_scalar(lang.name)}, link: {_link(here, lang.folder)}, lang: {lang.code}}}\n"
        for lang in languages
    )
    return f"{indent}alternate:\n{entries}"


def with_switcher(text: str, languages: list[Language], here: str, where: Path) -> str:
    """``text`` with its ``extra.alternate`` written for ``languages``, as seen from ``here``."""
    found = settings(text)
    extra = next((s for s in found if s.key == "extra"), None)
    if extra is None:
        return text.rstrip("\n") + "\nextra:\n" + alternate(languages, here, "  ")
    parts = _children(extra)
    if parts is None:
        raise LanguageError(f"{where}: write 'extra' as one setting a line, so that its switcher can be added to")
    head, inner = parts
    indent = " " * (_key_indent(inner[0]) if inner else 2)
    extra.text = head + "".join(s.text for s in inner if s.key != "alternate") + alternate(languages, here, indent)
    return "".join(s.text for s in found)


def _listed(data: dict, main: str, config: Path) -> list[Language]:
    """The languages the main configuration's switcher lists, the main one first."""
    entries = (data.get("extra") or {}).get("alternate") if isinstance(data.get("extra"), dict) else None
    names = {
        str(e["lang"]): str(e.get("name") or e["lang"]) for e in entries or [] if isinstance(e, dict) and e.get("lang")
    }
    found = [Language(main, names.get(main) or name_of(main), "", config)]
    for entry in entries or []:
        if isinstance(entry, dict) and entry.get("lang") and str(entry["lang"]) != main:
            code = str(entry["lang"])
            other = config.with_name(f"{config.stem}.{code}{config.suffix}")
            found.append(Language(code, names[code], folder_of(entry.get("link"), config), other))
    return found


# --- adding a language ------------------------------------------------------------------------


@dataclass
class Plan:
    """What adding the language writes: each file's new text, and the pages to copy."""

    files: dict[Path, str]
    pages: list[tuple[Path, Path]]  # (from, to)
    content: Path
    language: Language
    rewritten: list[Path]
    messages: Path  # the programme's sentences folder


def _extensions(found: object) -> object:
    """markdown_extensions as a mapping, whichever way it is written."""
    if not isinstance(found, list):
        return found
    pairs = [next(iter(e.items())) if isinstance(e, dict) else (e, {}) for e in found]
    return {name: options or {} for name, options in pairs}


def _same_settings(before: dict, after: dict) -> bool:
    """Whether two configurations say the same, but for the switcher and how they are put together."""

    def plain(data: dict) -> dict:
        data = {key: value for key, value in data.items() if key != "INHERIT"}
        if isinstance(data.get("extra"), dict):
            data["extra"] = {key: value for key, value in data["extra"].items() if key != "alternate"}
        if "markdown_extensions" in data:
            data["markdown_extensions"] = _extensions(data["markdown_extensions"])
        return {key: value for key, value in data.items() if value != {} or key != "extra"}

    return plain(before) == plain(after)


def _read_back(files: dict[Path, str], config: Path) -> dict:
    """``config`` as MkDocs would read it once ``files`` are written: in a copy of their folder."""
    with tempfile.TemporaryDirectory() as scratch:
        for path in [*config.parent.glob("*.yml"), *config.parent.glob("*.yaml")]:
            shutil.copy(path, Path(scratch) / path.name)
        for path, text in files.items():
            (Path(scratch) / path.name).write_text(text, encoding="utf-8")
        return read_config(Path(scratch) / config.name)


def plan(code: str, config: Path, *, name: str | None = None, force: bool = False) -> Plan:
    if not language_code(code):
        raise LanguageError(f"'{code}' is not a language's code: give two or three letters, e.g. de, es, nl")
    if not config.is_file():
        raise LanguageError(f"there is no {config} here: run the command in the folder of the site's configuration")
    try:
        data = read_config(config)
    except BuildError as exc:
        raise LanguageError(str(exc)) from None
    theme = data.get("theme")
    main = str((theme.get("language") if isinstance(theme, dict) else None) or "en")
    if code == main:
        raise LanguageError(f"{config} is the site in '{code}' already: name another language")
    try:
        languages = _listed(data, main, config)
    except BuildError as exc:
        raise LanguageError(str(exc)) from None
    target = config.with_name(f"{config.stem}.{code}{config.suffix}")
    if target.exists() and not force:
        raise LanguageError(f"{target} exists already; add --force to write it again (its pages are kept)")
    for lang in languages[1:]:
        if lang.code != code and not lang.config.is_file():
            raise LanguageError(
                f"{config}: extra.alternate lists the language '{lang.code}', but there is no {lang.config.name} "
                "beside it; write it, or remove the entry, before adding another language"
            )
    new = Language(code, name or name_of(code), code, target)
    languages = [lang for lang in languages if lang.code != code] + [new]

    text = config.read_text(encoding="utf-8")
    files: dict[Path, str] = {}
    inherited = re.search(r"^INHERIT\s*:\s*['\"]?([^'\"\s#]+)", text, re.M)
    if inherited:  # the layout is there already: the new language inherits the same file
        shared_name, own = inherited.group(1), text
    else:
        shared_name = SHARED
        if (config.parent / SHARED).exists() and not force:
            raise LanguageError(
                f"{config.parent / SHARED} exists, but {config.name} does not inherit it; add --force to write it "
                f"again from {config.name}"
            )
        shared, own = split(text, config)
        files[config.parent / SHARED] = (
            "# What every language's site shares; each language's file inherits it.\n" + shared
        )
        lines = own.splitlines(keepends=True)
        start = next((n for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), 0)
        own = "".join(lines[:start]) + f"INHERIT: {SHARED}\n" + "".join(lines[start:])  # after its opening comments
    files[config] = with_switcher(own, languages, "", config)
    for lang in languages[1:-1]:
        files[lang.config] = with_switcher(lang.config.read_text(encoding="utf-8"), languages, lang.folder, lang.config)
    files[target] = with_switcher(_language_file(new, data, text, shared_name), languages, new.folder, target)

    if not _same_settings(data, _read_back(files, config)):
        raise LanguageError(
            f"{config} could not be divided without changing a setting; write the files by hand as the owners' page "
            "'Your own repository' shows (A second language)"
        )
    options = extension_options(data) or {}
    messages = config.parent / str(options.get("messages_dir") or "messages")
    shared_path = config.parent / shared_name
    if shared_path.is_file() or shared_path in files:  # the new language's sentences are a file there
        watched = _watching(files.get(shared_path) or shared_path.read_text(encoding="utf-8"), messages.name)
        if watched is not None:
            files[shared_path] = watched
    docs = config.parent / str(data.get("docs_dir") or "docs")
    content = config.parent / f"{docs.name}-{code}"
    pages = _pages_to_copy(docs, content, _cohorts(config, options))
    return Plan(files, pages, content, new, [path for path in files if path.exists()], messages)


def _watching(text: str, folder: str) -> str | None:
    """``text`` with ``folder`` added to its block list of ``watch``; None when it has none, or
    lists it already."""
    found = settings(text)
    watch = next((s for s in found if s.key == "watch"), None)
    items = [line for line in (watch.text.splitlines() if watch else []) if line.lstrip().startswith("- ")]
    if watch is None or not items or any(line.strip()[2:].strip(" '\"/") == folder for line in items):
        return None
    lines = watch.text.splitlines(keepends=True)
    last = max(n for n, line in enumerate(lines) if line.lstrip().startswith("- "))
    lines[last] = lines[last].rstrip("\n") + "\n"
    lines.insert(last + 1, " " * _indent(lines[last]) + f"- {folder}\n")
    watch.text = "".join(lines)
    return "".join(s.text for s in found)


def _language_file(lang: Language, data: dict, main_text: str, shared: str) -> str:
    """The new language's configuration: the main one's own settings, in that language's folders."""
    docs = str(data.get("docs_dir") or "docs")
    lines = [
        f"# {lang.config.name}: the site in {language_name(lang.code)}; its switcher's links start from {lang.folder}/",
        f"INHERIT: {shared}",
        f"site_name: {json.dumps(str(data.get('site_name') or ''), ensure_ascii=False)}  # in {language_name(lang.code)}",
        f'site_url: !ENV [SITE_URL_{lang.code.upper()}, ""]',
        f"docs_dir: {docs}-{lang.code}",
        "theme:",
        f"  language: {lang.code}",
    ]
    text = "\n".join(lines) + "\n"
    for setting in settings(main_text):
        if setting.key == "theme" and (parts := _children(setting)):
            text += "".join(s.text for s in parts[1] if s.key == "palette")  # to name the toggle in this language
    for setting in settings(main_text):  # the same navigation, footer and extras: the pages are copies
        if setting.key in OWN_SETTINGS - WRITTEN:
            text += setting.text
    return text


def _cohorts(config: Path, options: dict) -> set[str]:
    """The cohort summaries the questionnaires declare: every language reads the main one's."""
    folder = config.parent / str(options.get("questionnaires_dir") or "questionnaires")
    declared = set()
    for path in questionnaire_files(folder) if folder.is_dir() else []:
        try:
            found = read_document(path, str(path)).data
        except QuestionnaireError:
            continue
        if isinstance(found, dict) and isinstance(found.get("cohort"), str):
            declared.add(found["cohort"])
    return declared


def _pages_to_copy(docs: Path, content: Path, cohorts: set[str]) -> list[tuple[Path, Path]]:
    """Every file of the main language's pages that the new folder lacks: a page already there is
    the owner's translation, and is kept."""
    if not docs.is_dir():
        return []
    return [
        (path, content / path.relative_to(docs))
        for path in sorted(docs.rglob("*"))
        if path.is_file()
        and path.relative_to(docs).as_posix() not in cohorts
        and not (content / path.relative_to(docs)).exists()
    ]


def write(plan: Plan) -> list[str]:
    """Write what ``plan`` says; what was done, a line each."""
    done = []
    for path, text in plan.files.items():
        verb = "rewrote" if path in plan.rewritten else "wrote"
        path.write_text(text, encoding="utf-8")
        done.append(f"{verb} {path.name}")
    for source, target in plan.pages:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    plan.content.mkdir(exist_ok=True)
    done.append(f"copied {len(plan.pages)} file(s) into {plan.content.name}/, to translate")
    code = plan.language.code
    missing = untranslated(code, read_messages(plan.messages))
    if missing:
        added, _ = add_untranslated(plan.messages, code, missing)
        if added:
            done.append(f"wrote {added} sentence(s) into {plan.messages.name}/{code}.yml as comments, to translate")
    return done
