"""types/spec.d.ts, written from the TypedDicts that declare the spec (spec_types.py) and the
answers and results of scoring (scoring/result_types.py), so that the runtime's types and the
build's cannot drift: ``python -m mentorkit.site.spec_dts`` (``make regen``) writes it, and a test
fails while the committed file differs.

Each TypedDict becomes an interface of the same name, one property per line, and each
``TypeAliasType`` a type of that name; an alias without a name (a plain ``Literal``) is written
out where it is used. A class's docstring goes above its interface, a field's ``Doc(...)`` after
its property, so that what sits beside a field in Python sits beside it in the declarations.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal, Union

from typing_extensions import (
    Doc,
    NotRequired,
    Required,
    TypeAliasType,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

from ..scoring import result_types
from . import spec_types

SOURCES = (spec_types, result_types)
TARGET = "types/spec.d.ts"
WIDTH = 100  # of a docstring's lines
LONGEST = 120  # a property's line with its comment; a longer comment goes above the property

_NAMES = {str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}

HEADER = """\
// Written by `python -m mentorkit.site.spec_dts` (make regen) from the TypedDicts of
{sources}// Change those and write it again, never this file (tests/unit/test_spec_types.py fails while
// the two differ).
//
// The data the runtime works on: the spec the build writes into each questionnaire page
// (generator/site/spec.py, runtime_spec) and the result scoring.js computes from it (the same
// fields as generator/scoring/scoring.py's). Global, for the JSDoc of the runtime's modules;
// checked by `tsc` (tsconfig.json), never shipped. The record the browser keeps, which Python never
// writes, is declared by hand in types/record.d.ts.
"""


def source_path(module: types.ModuleType) -> str:
    """Where the module's source is in the repository (the package ``mentorkit`` is ``generator/``)."""
    return "generator/" + module.__name__.split(".", 1)[1].replace(".", "/") + ".py"


def _unwrapped(hint: object) -> tuple[object, list[str]]:
    """The type under ``Annotated``, ``NotRequired`` and ``Required``, and the ``Doc`` texts found on the way."""
    docs: list[str] = []
    while True:
        origin = get_origin(hint)
        if origin is Annotated:
            docs += [extra.documentation for extra in getattr(hint, "__metadata__", ()) if isinstance(extra, Doc)]
            hint = get_args(hint)[0]
        elif origin in (NotRequired, Required):
            hint = get_args(hint)[0]
        else:
            return hint, docs


def typescript(hint: object) -> str:
    """The TypeScript type of a Python one."""
    hint, _ = _unwrapped(hint)
    if isinstance(hint, TypeAliasType):
        return hint.__name__
    if isinstance(hint, type):
        if is_typeddict(hint):
            return hint.__name__
        if hint in _NAMES:
            return _NAMES[hint]
    if hint is None:
        return "null"
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        return " | ".join(json.dumps(value) for value in args)  # "a", true, false: JSON's own spelling
    if origin in (Union, types.UnionType):
        return " | ".join(dict.fromkeys(typescript(arg) for arg in args))  # int | float: number, once
    if origin is list:
        element = typescript(args[0])
        return f"({element})[]" if " | " in element else f"{element}[]"
    if origin is dict:
        return f"Record<{typescript(args[0])}, {typescript(args[1])}>"
    raise TypeError(f"no TypeScript type for {hint!r}: declare it with the types spec_dts.py knows")


def _above(doc: str | None, indent: str = "") -> str:
    """A docstring, or a comment too long to follow its property, as the comment above it."""
    if not doc:
        return ""
    text = " ".join(doc.split())
    lines = textwrap.fill(text, WIDTH - len(" */"), initial_indent=f"{indent}/** ", subsequent_indent=f"{indent} * ")
    return lines + " */\n"


def _property(name: str, hint: object, optional: bool) -> str:
    _, docs = _unwrapped(hint)
    line = f"  {name}{'?' if optional else ''}: {typescript(hint)};"
    if not docs:
        return line + "\n"
    beside = f"{line} // {'; '.join(docs)}"
    return beside + "\n" if len(beside) <= LONGEST else _above("; ".join(docs), "  ") + line + "\n"


def _interface(declared: type) -> str:
    optional: frozenset[str] = getattr(declared, "__optional_keys__", frozenset())
    hints = get_type_hints(declared, include_extras=True)
    body = "".join(_property(name, hint, name in optional) for name, hint in hints.items())
    return f"{_above(declared.__doc__)}interface {declared.__name__} {{\n{body}}}\n"


def _alias(alias: TypeAliasType) -> str:
    _, docs = _unwrapped(alias.__value__)
    comment = f" // {'; '.join(docs)}" if docs else ""
    return f"type {alias.__name__} = {typescript(alias.__value__)};{comment}\n"


def declarations(module: types.ModuleType) -> Iterator[str]:
    """The module's own TypedDicts and named aliases, in the order it defines them."""
    for name, value in vars(module).items():
        if getattr(value, "__module__", None) != module.__name__:
            continue  # imported, not declared here
        if isinstance(value, TypeAliasType):
            yield _alias(value)
        elif is_typeddict(value) and isinstance(value, type) and value.__name__ == name:
            yield _interface(value)


def spec_dts() -> str:
    """The text of types/spec.d.ts."""
    parts = [HEADER.format(sources="".join(f"//   {source_path(module)}\n" for module in SOURCES))]
    for module in SOURCES:
        parts.append(f"// From {source_path(module)}.\n\n" + "\n".join(declarations(module)))
    return "\n".join(parts)


def write(path: Path) -> bool:
    """``path`` as spec_dts() writes it; whether it changed."""
    text = spec_dts()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mentorkit.site.spec_dts", description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=TARGET, help=f"where to write it (default: {TARGET})")
    path = Path(parser.parse_args(argv).path)
    print(f"{path}: {'written' if write(path) else 'already current'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
