"""``mentorkit build``: every language of a site into one folder, then one policy for all of it.

A site in several languages is several builds: the main configuration (``mkdocs.yml``) and
one per other language, named after it (``mkdocs.fr.yml``), each listed in the main
configuration's ``extra.alternate`` (Material's language switcher) with the folder it is
published in (``link: fr/``). Built by hand, the order matters (MkDocs empties its output
folder first, so the main site built last removes the others) and the policy must be sealed
after the last build. Here each language is built into a folder of its own, whatever the
order, then the site is put together and sealed: the same with MkDocs and with Zensical,
which can only build into the configuration's own ``site_dir`` inside the project.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..format.schema import write_schemas
from .security import seal
from .theme_packaging import leave_out_theme_packaging

GENERATORS = ("mkdocs", "zensical")


class BuildError(Exception):
    """Why the site was not built, in one line for the programme owner."""


@dataclass(frozen=True)
class Language:
    code: str  # "fr"
    config: Path  # the configuration file that builds it
    folder: str  # where it is published inside the site: "" for the main language, else "fr"


def read_config(config: Path) -> dict:
    """A configuration as both generators read it (INHERIT and !ENV); BuildError in one line."""
    from mkdocs.utils.yaml import yaml_load  # INHERIT and !ENV, as both generators read them

    try:
        with config.open(encoding="utf-8") as file:
            data = yaml_load(file)
    except OSError as exc:
        raise BuildError(f"cannot read {config}: {exc.strerror or exc}") from None
    except Exception as exc:  # PyYAML's and MkDocs' own errors: one line, no traceback
        raise BuildError(f"{config} is not a configuration mkdocs can read: {exc}") from None
    if not isinstance(data, dict):
        raise BuildError(f"{config} is not a configuration mkdocs can read: it holds no mapping of settings")
    return data


def folder_of(link: object, config: Path) -> str:
    """The folder an ``extra.alternate`` link names, relative to the main site: "fr/" is "fr"."""
    text = str(link or "").strip()
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if "://" in text or ".." in parts or not parts:
        raise BuildError(
            f"{config}: extra.alternate link {text!r} is not a folder of this site; write it relative to the "
            "main site, e.g. link: fr/"
        )
    return "/".join(parts)


def languages(config: Path) -> list[Language]:
    """The main language first, then one per other entry of ``extra.alternate``."""
    data = read_config(config)
    theme = data.get("theme")
    main = str((theme.get("language") if isinstance(theme, dict) else None) or "en")
    found = [Language(main, config, "")]
    alternates = (data.get("extra") or {}).get("alternate") if isinstance(data.get("extra"), dict) else None
    for entry in alternates or []:
        if not isinstance(entry, dict) or entry.get("lang") in (None, main):
            continue
        code = str(entry["lang"])
        other = config.with_name(f"{config.stem}.{code}{config.suffix}")
        if not other.is_file():
            raise BuildError(
                f"{config}: extra.alternate lists the language '{code}', but there is no {other.name} beside it to "
                f"build it from; write one (INHERIT: {config.name}, theme.language: {code}, its own docs_dir and nav), "
                "or remove the entry"
            )
        found.append(Language(code, other, folder_of(entry.get("link"), config)))
    return found


def site_name(config: Path) -> str:
    return str(read_config(config).get("site_name") or "")


def _site_dir(config: Path) -> Path:
    return (config.parent / str(read_config(config).get("site_dir") or "site")).resolve()


def _environment(main: Language, language: Language) -> dict[str, str]:
    """SITE_URL_<LANGUAGE> from SITE_URL and the language's folder, unless it is set already: the
    configurations of this toolkit read their address from it (site_url: !ENV [SITE_URL_FR, ""])."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    name = f"SITE_URL_{language.code.upper().replace('-', '_')}"
    base = environment.get("SITE_URL", "")
    if language.folder and base and not environment.get(name):
        environment[name] = base.rstrip("/") + "/" + language.folder + "/"
    return environment


def _run(command: list[str], language: Language, environment: dict) -> None:
    print(f"building '{language.code}' from {language.config.name}: {' '.join(command[2:])}", flush=True)
    done = subprocess.run(command, cwd=language.config.parent, env=environment)
    if done.returncode != 0:
        raise BuildError(f"the '{language.code}' site ({language.config.name}) did not build: see the messages above")


def _generate(generator: str, main: Language, language: Language, into: Path) -> None:
    environment = _environment(main, language)
    config = str(language.config)
    if generator == "mkdocs":
        _run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(into)], language, environment
        )
        return
    # Zensical builds into the configuration's own site_dir, inside the project, with no option for another
    # folder: that folder is moved aside at once, so the next language's build cannot remove it.
    built = _site_dir(language.config)
    _run([sys.executable, "-m", "zensical", "build", "--clean", "-f", config], language, environment)
    if not built.is_dir():
        raise BuildError(f"the '{language.code}' site was to be built into {built}, but that folder is not there")
    shutil.move(str(built), str(into))


def _check_output(out: Path, found: list[Language]) -> None:
    for language in found:
        project = language.config.parent.resolve()
        docs = (project / str(read_config(language.config).get("docs_dir") or "docs")).resolve()
        # The folder is emptied first: never one that holds the project or its pages.
        if out in (project, docs) or out in project.parents or out in docs.parents or docs in out.parents:
            raise BuildError(f"{out} holds the project's own files; give the site a folder of its own, e.g. site")


def build(config: Path, generator: str = "mkdocs", out: Path | None = None) -> Path:
    """Build every language of the site configured by ``config`` into ``out`` (default: its site_dir)
    and seal the policy; the folder built. Raises BuildError."""
    if generator not in GENERATORS:
        raise BuildError(f"'{generator}' is not a generator; use one of {', '.join(GENERATORS)}")
    if generator == "zensical" and shutil.which("zensical") is None and not _importable("zensical"):
        raise BuildError("Zensical is not installed: pip install 'mentorkit[zensical]'")
    config = Path(config).resolve()
    if not config.is_file():
        raise BuildError(f"no configuration file {config}; give it with --config")
    found = languages(config)
    out = (Path(out) if out is not None else _site_dir(config)).resolve()
    _check_output(out, found)
    with tempfile.TemporaryDirectory(prefix="mentorkit-build-") as scratch:
        parts = {language: Path(scratch) / (language.code or "main") for language in found}
        for language, folder in parts.items():
            _generate(generator, found[0], language, folder)
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(parts[found[0]]), str(out))
        for language in found[1:]:
            target = out / language.folder
            if target.exists():
                raise BuildError(f"the '{language.code}' site's folder {target} is also a page folder of the main site")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(parts[language]), str(target))
    leave_out_theme_packaging(out)  # what Zensical copied of the theme's package
    write_schemas(out / "schema")  # for editors, published with every site (Zensical runs no plugin to add them)
    seal(out)
    return out


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
