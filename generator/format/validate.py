"""Turn a questionnaire file into a Questionnaire, or into problems an author can act on: read
(files.py, loader.py), checked field by field against the model (wording.py says pydantic's errors
in the author's words) and across fields (checks.py)."""

from __future__ import annotations

from pathlib import Path as FsPath

from .checks import check_growth, cross_check
from .errors import Problem, QuestionnaireError
from .files import InputError, read_limited
from .loader import Document, load_yaml
from .model import Questionnaire
from .wording import validate_model

# A questionnaire of 10,000 statements is about 1 MB; the loader stops at MAX_NODES values anyway.
MAX_FILE_BYTES = 10 * 1024 * 1024


def load_questionnaire(path: FsPath, *, display: str | None = None, pages: set[str] | None = None) -> Questionnaire:
    """Read, parse and check one questionnaire file. ``pages`` are the content pages (paths inside
    the docs folder) that ``guidance`` may link to; None skips that check."""
    return parse(read_document(path, display or str(path)), pages=pages)


def read_document(path: FsPath, display: str) -> Document:
    try:
        raw = read_limited(FsPath(path), MAX_FILE_BYTES)
    except InputError as exc:
        raise QuestionnaireError([Problem(display, 1, 1, (), f"cannot read this file: {exc}", code="MK116")]) from None
    return load_yaml(raw, display)


def parse(doc: Document, *, pages: set[str] | None = None) -> Questionnaire:
    questionnaire = validate_model(Questionnaire, doc)
    problems = doc.problems + list(cross_check(questionnaire, doc, pages)) + list(check_growth(questionnaire, doc))
    if problems:
        raise QuestionnaireError(problems)
    return questionnaire
