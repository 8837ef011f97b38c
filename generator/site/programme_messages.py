"""A programme's own sentences: ``messages/<language>.yml`` in its repository.

Each file maps keys of the package's catalogue (generator/messages/en.yml) to the programme's
wording, in one language: ``en.yml`` rewords our English, ``fr.yml`` our French, and a file for a
language we do not ship adds that language (English, the programme's then ours, wherever it has
no sentence). The build writes them into the page with ours, so the runtime shows them too.

A sentence is shown with its places filled in, so an override must keep every place the
package's sentence has, and may use no other: both are problems at file:line:col.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .catalogue import BASE, CODE, GENDERED, GENDERS, PLACE, PLURAL_CATEGORIES, catalogue, forms, shipped
from ..format.errors import Problem, QuestionnaireError
from ..format.loader import Document
from .project import SUFFIXES, display_path
from ..format.validate import read_document
from ..format.wording import did_you_mean

FOLDER = "messages"  # the default folder, beside questionnaires/


def known_language(code: str) -> bool:
    """A language CLDR knows (Babel's Locale.parse): its plural rules are the ones its sentences
    are chosen by; an unknown code would silently get English ones."""
    from babel import Locale, UnknownLocaleError  # only where a programme has messages files

    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True


def language_code(code: str) -> bool:
    """A language's own code, as files and options name it: two or three lowercase letters, never a
    path nor a region, of a language CLDR knows."""
    return bool(CODE.fullmatch(code)) and known_language(code)


def message_files(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def read_messages(folder: Path, root: Path | None = None) -> dict[str, dict[str, str]]:
    """The programme's sentences by language; every problem of every file at once."""
    return read_messages_files(message_files(folder), root)


def read_messages_files(files: list[Path], root: Path | None = None) -> dict[str, dict[str, str]]:
    own: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for path in files:
        if _only_comments(path):  # nothing reworded yet (as `mentorkit messages --write` starts one)
            problems += check_messages(Document(display_path(path, root), None), path.stem)
            continue
        try:
            doc = read_document(path, display_path(path, root))
        except QuestionnaireError as exc:
            problems += exc.problems
            continue
        found = check_messages(doc, path.stem)
        problems += doc.problems + found
        if not found and isinstance(doc.data, dict):
            own[path.stem] = {str(k): v for k, v in doc.data.items()}
    if problems:
        raise QuestionnaireError(problems)
    return own


def _only_comments(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False  # read_document says why
    return not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def check_messages(doc: Document, language: str) -> list[Problem]:
    if not language_code(language):
        return [
            doc.problem(
                (),
                f"'{language}' is not a language: name a messages file by its language's code, "
                "e.g. en.yml, fr.yml, de.yml", code="MK703",
            )
        ]
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict):
        return [doc.problem((), "a messages file maps sentence keys to sentences, e.g. resultsTitle: Your results", code="MK704")]
    ours = catalogue(BASE)
    problems = []
    for key, text in doc.data.items():
        where = (key,)
        if key not in ours:
            problems.append(
                doc.problem(
                    where,
                    f"unknown key '{key}': {did_you_mean(str(key), ours)}the sentences a programme may reword are the keys of "
                    "mentorkit's own messages/en.yml",
                    key=True, code="MK705",
                )
            )
        elif not isinstance(text, str):
            problems.append(doc.problem(where, f"a sentence is text; found {type(text).__name__}", code="MK706"))
        else:
            problems += [doc.problem(where, m, code="MK707") for m in _place_problems(text, ours[key])]
    return problems


def _place_problems(text: str, ours: str) -> list[str]:
    wanted = {name for name, _ in PLACE.findall(ours)}
    used = {name for name, _ in PLACE.findall(text)}
    shown = ", ".join(f"{{{n}}}" for n in sorted(wanted)) or "no places"
    problems = [
        f"{{{name}}} is missing: this sentence is shown with {shown} filled in, and keeps every one"
        for name in sorted(wanted - used)
    ]
    problems += [f"{{{name}}} is not filled in for this sentence: it has {shown}" for name in sorted(used - wanted)]
    for name, choice in PLACE.findall(text):
        keyed = forms(choice) if choice else None
        if keyed is None:
            continue
        allowed = GENDERS + ("other",) if name == GENDERED else PLURAL_CATEGORIES
        for form in keyed:
            if form not in allowed:
                problems.append(f"{{{name}:{form}=…}}: '{form}' is not one of {', '.join(allowed)}")
        if "other" not in keyed:
            problems.append(f"{{{name}:…}} needs an other=… form, used when no other form fits")
    return problems


def language_name(code: str) -> str:
    """The language's name in English ("German" for de), for sentences to the programme owner."""
    from babel import Locale

    return str(Locale.parse(code).get_display_name(BASE))


def untranslated(language: str, own: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """The sentences pages in ``language`` still show in English: neither the package nor the
    programme has them in that language. (key, English sentence), in the catalogue's order."""
    english = catalogue(BASE, own)
    have = {**shipped(language), **own.get(language, {})} if language != BASE else english
    return [(key, text) for key, text in english.items() if key not in have]


def starter_text(language: str, missing: list[tuple[str, str]], *, new: bool) -> str:
    """What ``mentorkit messages LANG --write`` adds to messages/LANG.yml: each missing sentence as
    a comment, in English, to translate and uncomment. Nothing is shown differently until then."""
    lines = []
    if new:
        lines += [
            f"# The sentences {language_name(language)} pages show, in your words. Each line below is one",
            "# still shown in English: remove the '# ', write it in your language and keep every {place}.",
            "# `mentorkit validate` checks each sentence you write.",
        ]
    else:
        lines += ["", f"# Still shown in English ({len(missing)}), added by `mentorkit messages {language} --write`:"]
    lines += [f"# {key}: {json.dumps(text, ensure_ascii=False)}" for key, text in missing]
    return "\n".join(lines) + "\n"


def add_untranslated(folder: Path, language: str, missing: list[tuple[str, str]]) -> tuple[int, bool]:
    """Add to ``<folder>/<language>.yml``, as comments to translate, the sentences of ``missing`` it
    does not hold yet (an earlier run's comments count): never a line rewritten. How many were
    added, and whether the file is new; OSError when it cannot be written."""
    target = Path(folder) / f"{language}.yml"
    new = not target.exists()
    # Sentences the file already holds as comments, from an earlier run, are not added twice.
    waiting = set() if new else set(re.findall(r"^# (\w+): ", target.read_text(encoding="utf-8"), re.M))
    missing = [(key, text) for key, text in missing if key not in waiting]
    if missing:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as file:  # added to, never overwritten
            file.write(starter_text(language, missing, new=new))
    return len(missing), new
