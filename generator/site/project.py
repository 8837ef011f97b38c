"""A programme's questionnaires folder, loaded as a whole."""

from __future__ import annotations

import os
from pathlib import Path

from .catalogue import BASE as BASE_LANGUAGE
from ..format.errors import Problem, QuestionnaireError
from ..format.loader import Document
from ..format.model import Questionnaire
from ..format.references import check_references
from .site_checks import cohort_file_problems
from ..format.validate import parse, read_document

SUFFIXES = (".yml", ".yaml")


def questionnaire_files(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def content_pages(docs_dir: Path) -> set[str]:
    """Markdown pages in the docs folder, as the paths that ``guidance`` uses."""
    docs_dir = Path(docs_dir)
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


def display_path(path: Path, root: Path | None = None) -> str:
    """The path an author recognises: relative to the project when it is inside it."""
    relative = os.path.relpath(Path(path).resolve(), Path(root or Path.cwd()).resolve())
    return str(path) if relative.startswith("..") else relative


def load_all(
    files: list[Path],
    *,
    pages: set[str] | None,
    root: Path | None = None,
    cohorts_dir: Path | None = None,
    references: bool = False,
) -> list[Questionnaire]:
    """Load every file, reporting the problems of all of them at once (``cohorts_dir``: where
    declared cohort files are checked; None skips that). With ``references``, the files are a
    site's questionnaires: what one names of another must be among them."""
    loaded: list[Questionnaire] = []
    documents: list[tuple[Document, Questionnaire]] = []
    problems: list[Problem] = []
    first_use: dict[str, str] = {}
    for path in files:
        name = display_path(path, root)
        try:
            doc = read_document(path, name)
            q = parse(doc, pages=pages)
        except QuestionnaireError as exc:
            problems.extend(exc.problems)
            continue
        if cohorts_dir is not None:
            beyond = list(cohort_file_problems(q, doc, cohorts_dir))
            if beyond:
                problems.extend(beyond)
                continue
        if q.id in first_use:
            problems.append(
                doc.problem(
                    ("id",),
                    f"questionnaire id '{q.id}' is already used by {first_use[q.id]}; "
                    "every questionnaire needs its own id", code="MK608",
                )
            )
        first_use.setdefault(q.id, name)
        loaded.append(q)
        documents.append((doc, q))
    if references and not problems:  # a file that did not load would be reported missing as well
        problems += check_references(documents)
    if problems:
        raise QuestionnaireError(problems)
    return loaded


def orphan_translations(folder: Path) -> list[Problem]:
    """Translations (questionnaires/<language>/<file>) of a questionnaire the folder does not hold: a
    renamed or removed questionnaire, or a misspelt file name, whose text no page would ever show."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    names = {path.name for path in questionnaire_files(folder)}
    return [
        Problem(
            str(translated),
            1,
            1,
            (),
            f"a translation of {folder / translated.name}, which does not exist; rename it after its questionnaire's "
            "file, or remove it", code="MK609",
        )
        for language in sorted(p for p in folder.iterdir() if p.is_dir())
        for translated in questionnaire_files(language)
        if translated.name not in names
    ]


def translation_files(path: Path) -> dict[str, Path]:
    """The translations of one questionnaire file: {language: questionnaires/<language>/<file>}."""
    return {
        folder.name: folder / path.name
        for folder in sorted(Path(path).parent.iterdir())
        if folder.is_dir() and (folder / path.name).is_file()
    }


def load_site(
    folder: Path,
    *,
    pages: set[str] | None,
    root: Path | None = None,
    language: str = BASE_LANGUAGE,
    only: list[str] | None = None,
    cohorts_dir: Path | None = None,
) -> list[tuple[Path, Questionnaire]]:
    """The questionnaires a site shows (those named in ``only``, by file name, or all),
    in ``language`` where a translation exists, with every problem of all files at once."""
    files = [f for f in questionnaire_files(folder) if not only or f.stem in only]
    loaded = load_all(files, pages=pages, root=root, cohorts_dir=cohorts_dir, references=True)
    problems: list[Problem] = []
    site = []
    for path, q in zip(files, loaded):
        try:
            q = in_language(path, q, language, root) or q
        except QuestionnaireError as exc:
            problems.extend(exc.problems)
        site.append((path, q))
    if problems:
        raise QuestionnaireError(problems)
    return site


def in_language(path: Path, q: Questionnaire, language: str, root: Path | None = None) -> Questionnaire | None:
    """``q`` (loaded from ``path``) with the text of its translation into ``language``
    (questionnaires/<language>/<file>), as a site in that language shows it; None where it has
    none. QuestionnaireError for a translation with problems."""
    translated = translation_files(path).get(language)
    if translated is None or language == BASE_LANGUAGE:
        return None
    from ..format.translation import load_translation, translate  # its models: only when translating

    return translate(q, load_translation(translated, q, display=display_path(translated, root)))


def check_translations(files: list[Path], loaded: list[Questionnaire], root: Path | None = None) -> int:
    """Check every translation of the given questionnaires; the number checked."""
    from ..format.translation import load_translation  # its models: only when translating

    problems: list[Problem] = []
    count = 0
    for path, q in zip(files, loaded):
        for translated in translation_files(path).values():
            count += 1
            try:
                load_translation(translated, q, display=display_path(translated, root))
            except QuestionnaireError as exc:
                problems.extend(exc.problems)
    if problems:
        raise QuestionnaireError(problems)
    return count
