"""The sentences questionnaire pages show, by language (generator/messages/<language>.yml).

One catalogue serves both sides: the build's templates read it, and it travels in
the page as JSON for the browser runtime, so a sentence is written, and
translated, once.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from .loader import FAST_SAFE_LOADER

FOLDER = Path(__file__).parent / "messages"
BASE = "en"


def languages() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.yml"))


@cache
def _read(language: str) -> dict[str, str]:
    path = FOLDER / f"{language}.yml"
    # Our own files, read on every build: libyaml, without the author-facing positions.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_SAFE_LOADER) if path.exists() else {}


def catalogue(language: str) -> dict[str, str]:
    """The sentences in ``language`` (its main part: 'fr' for 'fr-CA'), English where it has none."""
    main = (language or BASE).split("-")[0].lower()
    return {**_read(BASE), **_read(main)}


def translate(messages: dict[str, str], key: str, **values) -> str:
    """A sentence with its {name} places filled (build-time sentences need no plural forms)."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), messages[key])
