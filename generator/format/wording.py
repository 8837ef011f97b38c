"""An author's mistake in words: pydantic's errors about a file's fields, said as the author would
say them (the field, what was found, what is allowed, a close name when there is one)."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterable, Mapping
from typing import Any

import pydantic
from pydantic import BaseModel

from .errors import Problem, QuestionnaireError
from .loader import Document
from .model import (
    ITEM_TYPES,
    SCORING_METHODS,
    Calendar,
    Questionnaire,
)

M = typing.TypeVar("M", bound=BaseModel)  # the model asked for is the model returned

SLUG_HINT = "use lowercase letters, digits and single hyphens, e.g. 'understanding-self'"


def validate_model(model: type[M], doc: Document) -> M:
    """The document as ``model``, or every problem of its fields in the author's words."""
    try:
        return model.model_validate(doc.data)
    except pydantic.ValidationError as exc:
        errors = exc.errors()
        # A field of an earlier version of the format is reported with what replaced it; the
        # replacement is then not reported missing as well.
        replaced = {
            tuple(e["loc"][:-1]) for e in errors if e["type"] == "extra_forbidden" and e["loc"][-1] in _REPLACED
        }
        errors = [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"][:-1]) in replaced)]
        raise QuestionnaireError(doc.problems + [_describe(doc, error, model) for error in errors]) from None


def did_you_mean(found: str, allowed: Iterable[str]) -> str:
    """The words "did you mean 'x'? " for the one of ``allowed`` closest to ``found``, if one is close; else none."""
    close = difflib.get_close_matches(found, list(allowed), n=1)
    return f"did you mean '{close[0]}'? " if close else ""


def show(value: object) -> str:
    """A value found in an author's file, as a message names it: 'text', 42 (a number), a list."""
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
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "bool_type": "true or false",
    "model_attributes_type": "a mapping of fields",
}


# Fields of earlier versions of the format, and what replaced them.
_REPLACED = {
    "threshold": "'threshold' (the mean a level's statements had to reach) is no longer used: a statement is met "
    "by an answer at or above 'meets', and a level counts when a 'share' of its statements is met; "
    "e.g. 'meets: 2' and 'share: 0.5' under scoring, and 'meets: 3' on the top level",
}


# Where pydantic puts a union's tag into an error's location: ("scoring", "bands", ...)
# and ("groups", 0, "items", 3, "text", ...). Authors never wrote those tags.
def _is_union_point(loc: tuple[Any, ...]) -> str | None:
    if loc == ("scoring",):
        return "scoring"
    if len(loc) == 4 and loc[0] == "groups" and loc[2] == "items" and isinstance(loc[3], int):
        return "item"
    if len(loc) == 5 and loc[0] == "groups" and loc[2] == "items" and loc[4] == "calendar":
        return "calendar"  # true, or the words of a calendar event (model.CalendarChoice)
    return None


def _split_tags(loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], dict[tuple[Any, ...], str]]:
    """The location as written in the YAML, and the union member chosen at each union point."""
    clean: list[Any] = []
    chosen: dict[tuple[Any, ...], str] = {}
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        clean.append(part)
        if _is_union_point(tuple(clean)) and parts:
            chosen[tuple(clean)] = parts.pop(0)
    return tuple(clean), chosen


_UNIONS: dict[str, Mapping[str, type[BaseModel]]] = {
    "scoring": SCORING_METHODS,
    "item": ITEM_TYPES,
    "calendar": {"words": Calendar},
}


def _fields_at(loc: tuple[Any, ...], chosen: dict[tuple[Any, ...], str], root: type[BaseModel]) -> list[str]:
    """The field names allowed in the mapping at ``loc``."""
    model: type[BaseModel] | None = root
    mapping_key = False  # the next part is a key of a dict field (e.g. an item id), not a field
    for n, part in enumerate(loc):
        if model is None:
            return []
        if mapping_key:
            mapping_key = False
        elif not isinstance(part, int):
            field = model.model_fields.get(part)
            if field is None:
                return []
            model = _model_in(field.annotation)
            mapping_key = _is_dict(field.annotation)
        point = _is_union_point(loc[: n + 1])
        if point:  # the member the tag chose, e.g. a text item rather than a scale item
            model = _UNIONS[point].get(chosen.get(loc[: n + 1], ""), model)
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _is_dict(annotation: Any) -> bool:
    return typing.get_origin(annotation) is dict or any(
        typing.get_origin(a) is dict for a in typing.get_args(annotation)
    )


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None


def _describe(doc: Document, error: Mapping[str, Any], root: type[BaseModel] = Questionnaire) -> Problem:
    loc, chosen = _split_tags(tuple(error["loc"]))
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        point = _is_union_point(loc)
        key, names = ("method", SCORING_METHODS) if point == "scoring" else ("type", ITEM_TYPES)
        written = value.get(key) if isinstance(value, dict) else None
        found = "nothing" if written is None else ctx.get("tag", written)
        what = "a scoring method" if key == "method" else "an item type"
        return doc.problem(loc + (key,), f"'{found}' is not {what}; use one of {', '.join(names)}", code="MK201")
    if kind == "extra_forbidden" and loc[:1] == ("scoring",) and loc[-1] in _REPLACED:
        return doc.problem(loc, _REPLACED[loc[-1]], key=True, code="MK202")
    if kind == "extra_forbidden" and loc[-1] == "not_applicable" and _is_union_point(loc[:-1]) == "item":
        return doc.problem(
            loc,
            "only scale statements offer 'not applicable'; an item of another type can be left unanswered",
            key=True,
            code="MK203",
        )
    if kind == "extra_forbidden" and loc[-1] == "scored" and _is_union_point(loc[:-1]) == "item":
        return doc.problem(
            loc,
            "only scale statements are scored; an item of another type never is, so remove 'scored'",
            key=True,
            code="MK204",
        )
    if kind == "extra_forbidden" and loc in doc.after_comma:
        before, written = doc.after_comma[loc]
        whole = f"{written}, {loc[-1]}".replace('"', '\\"')
        return doc.problem(
            loc,
            f"'{loc[-1]}' follows a comma inside {{ }}, where a comma separates fields, so it is read as a field "
            f'of its own; if it belongs to {before}, put that text in quotes: {before}: "{whole}"',
            key=True,
            code="MK205",
        )
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _fields_at(loc[:-1], chosen, root)
        message = f"unknown field '{key}'; {did_you_mean(str(key), allowed)}allowed here: {', '.join(allowed)}"
        return doc.problem(loc, message, key=True, code="MK206")
    if kind == "missing":
        return doc.problem(loc, f"required field '{loc[-1]}' is missing", code="MK207")
    code = "MK216"  # a value pydantic refused for a reason said in its own words
    if kind in ("markdown_limit", "site_file"):
        message, code = error["msg"], "MK208"
    elif kind == "calendar_remind":
        message, code = error["msg"], "MK217"
    elif kind == "finite_number":
        code = "MK209"
        written = ".nan" if value != value else ("-.inf" if (value or 0) < 0 else ".inf")
        message = f"expected a finite number, found {written}; write a number such as 2 or 2.5"
    elif kind in _EXPECTED:
        code = "MK210"
        message = f"expected {_EXPECTED[kind]}, found {show(value)}"
        if loc in doc.base60:
            message += f" (YAML 1.1 would read it as {doc.base60[loc]:g}, in base 60); write the number you mean"
    elif kind == "literal_error":
        code = "MK211"
        message = f"{show(value)} is not allowed; use {ctx.get('expected')}"
    elif kind == "string_pattern_mismatch":
        code = "MK212"
        message = f"{show(value)} is not a valid id; {SLUG_HINT}"
    elif kind in ("too_short", "string_too_short"):
        code = "MK213"
        least = ctx.get("min_length")
        message = (
            "must not be empty"
            if kind == "string_too_short"
            else f"needs at least {least} {'entry' if least == 1 else 'entries'}, found {ctx.get('actual_length')}"
        )
    elif kind in ("too_long", "string_too_long"):
        code = "MK214"
        message = f"is too long: at most {ctx.get('max_length')} " + (
            "characters" if kind == "string_too_long" else "entries"
        )
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        limit = next(iter(ctx.values()), "")
        code = "MK215"
        message = f"must be {bound} {limit}, found {show(value)}"
    else:
        message = f"{error['msg']}, found {show(value)}"
    return doc.problem(loc, message, code=code)
