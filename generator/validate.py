"""Turn a loaded Document into a Questionnaire, or into problems an author can act on."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path as FsPath

import pydantic
from pydantic import BaseModel

from .errors import Problem, QuestionnaireError
from .loader import Document, load_yaml
from .model import Questionnaire

SLUG_HINT = "use lowercase letters, digits and single hyphens, e.g. 'understanding-self'"


def load_questionnaire(path: FsPath, *, display: str | None = None, pages: set[str] | None = None) -> Questionnaire:
    """Read, parse and check one questionnaire file.

    ``pages`` are the content pages (paths inside the docs folder) that
    ``guidance`` may link to; None skips that check.
    """
    return parse(read_document(path, display or str(path)), pages=pages)


def read_document(path: FsPath, display: str) -> Document:
    try:
        raw = FsPath(path).read_bytes()
    except OSError as exc:
        raise QuestionnaireError([Problem(display, 1, 1, (), f"cannot read this file: {exc.strerror or exc}")]) from None
    return load_yaml(raw, display)


def parse(doc: Document, *, pages: set[str] | None = None) -> Questionnaire:
    try:
        questionnaire = Questionnaire.model_validate(doc.data)
    except pydantic.ValidationError as exc:
        raise QuestionnaireError(doc.problems + [_describe(doc, error) for error in exc.errors()]) from None
    problems = doc.problems + list(cross_check(questionnaire, doc, pages))
    if problems:
        raise QuestionnaireError(problems)
    return questionnaire


# --- pydantic errors, in words -------------------------------------------------

def _show(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"{value} (a number)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown) if value else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{value} ({type(value).__name__})"


_EXPECTED = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number",
    "list_type": "a list", "model_type": "a mapping of fields", "dict_type": "a mapping of fields",
    "bool_type": "true or false", "model_attributes_type": "a mapping of fields",
}


def _fields_at(loc: tuple) -> list[str]:
    """The field names allowed at ``loc`` (the mapping that holds the bad key)."""
    model: type[BaseModel] | None = Questionnaire
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        model = _model_in(field.annotation)
    return list(model.model_fields) if model else []


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None


def _describe(doc: Document, error: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _fields_at(loc[:-1])
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        message = f"unknown field '{key}'; {hint}allowed here: {', '.join(allowed)}"
        return doc.problem(loc, message, key=True)
    if kind == "missing":
        return doc.problem(loc, f"required field '{loc[-1]}' is missing")
    if kind in _EXPECTED:
        message = f"expected {_EXPECTED[kind]}, found {_show(value)}"
    elif kind == "literal_error":
        message = f"{_show(value)} is not allowed; use {ctx.get('expected')}"
    elif kind == "string_pattern_mismatch":
        message = f"{_show(value)} is not a valid id; {SLUG_HINT}"
    elif kind in ("too_short", "string_too_short"):
        message = f"must not be empty" if kind == "string_too_short" else \
            f"needs at least {ctx.get('min_length')} entries, found {ctx.get('actual_length')}"
    elif kind in ("too_long", "string_too_long"):
        message = f"is too long: at most {ctx.get('max_length')} " + ("characters" if kind == "string_too_long" else "entries")
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": "at least", "less_than_equal": "at most",
                 "greater_than": "more than", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "")
        message = f"must be {bound} {limit}, found {_show(value)}"
    else:
        message = f"{error['msg']}, found {_show(value)}"
    return doc.problem(loc, message)


# --- checks across fields -----------------------------------------------------

def _duplicates(ids: Iterable[tuple[tuple, str]], what: str, doc: Document) -> Iterable[Problem]:
    seen: dict[str, tuple] = {}
    for path, value in ids:
        if value in seen:
            line, _ = doc.position(seen[value])
            yield doc.problem(path, f"duplicate {what} '{value}' (also on line {line}); every {what} must be unique")
        else:
            seen[value] = path


def cross_check(q: Questionnaire, doc: Document, pages: set[str] | None) -> Iterable[Problem]:
    yield from _duplicates(((("groups", g, "id"), group.id) for g, group in enumerate(q.groups)), "group id", doc)
    yield from _duplicates(
        ((("groups", g, "items", i, "id"), item.id)
         for g, group in enumerate(q.groups) for i, item in enumerate(group.items)),
        "statement id", doc)
    yield from _duplicates(((("scale", s, "value"), str(p.value)) for s, p in enumerate(q.scale)), "scale value", doc)

    low, high = min(p.value for p in q.scale), max(p.value for p in q.scale)
    scoring = q.scoring
    yield from _within_scale(doc, ("scoring", "threshold"), scoring.threshold, low, high)
    yield from _duplicates(((("scoring", "levels", n, "id"), lv.id) for n, lv in enumerate(scoring.levels)), "level id", doc)
    for n, level in enumerate(scoring.levels):
        if level.threshold is not None:
            yield from _within_scale(doc, ("scoring", "levels", n, "threshold"), level.threshold, low, high)
    if scoring.overall.at_least > len(q.groups):
        yield doc.problem(("scoring", "overall", "at_least"),
                          f"asks for {scoring.overall.at_least} groups but the questionnaire has {len(q.groups)}; "
                          f"use a number from 1 to {len(q.groups)}")

    level_ids = [lv.id for lv in scoring.levels]
    for g, group in enumerate(q.groups):
        counts = dict.fromkeys(level_ids, 0)
        for i, item in enumerate(group.items):
            if item.level is None:
                yield doc.problem(("groups", g, "items", i),
                                  f"required field 'level' is missing; use one of {', '.join(level_ids)}")
            elif item.level not in counts:
                yield doc.problem(("groups", g, "items", i, "level"),
                                  f"'{item.level}' is not a level; use one of {', '.join(level_ids)}")
            else:
                counts[item.level] += 1
        empty = [lv for lv, n in counts.items() if n == 0]
        if empty and all(item.level in counts for item in group.items):
            yield doc.problem(("groups", g, "items"),
                              f"no statement at level {', '.join(repr(e) for e in empty)}; "
                              "every group needs at least one statement at each level")
        if pages is not None and group.guidance is not None and group.guidance not in pages:
            close = difflib.get_close_matches(group.guidance, sorted(pages), n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else "give the path of a Markdown file inside the content folder"
            yield doc.problem(("groups", g, "guidance"), f"no page '{group.guidance}' in the site; {hint}")


def _within_scale(doc: Document, path: tuple, value: float, low: int, high: int) -> Iterable[Problem]:
    if not low <= value <= high:
        yield doc.problem(path, f"threshold {value:g} is outside the scale; use a number from {low} to {high}")
