"""The runtime's declaration of the spec (types/spec.d.ts, which tsc holds the runtime's modules
to) is what the TypedDicts of generator/site/spec_types.py and generator/scoring/result_types.py
declare, written by ``python -m mentorkit.site.spec_dts``; and it matches the spec the build writes
(runtime_spec), for every questionnaire in both languages and the test samples of every method: a
property written but not declared, declared but never written, missing where it is required, or of
another type, fails here. mypy holds spec.py to the same TypedDicts; this holds what it really
writes, pydantic's values included. The three cannot drift."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from mentorkit.format.loader import load_yaml
from mentorkit.format.validate import load_questionnaire, parse
from mentorkit.site.spec import Guidance, runtime_spec
from mentorkit.site.spec_dts import spec_dts, typescript

from tests.conftest import ROOT
from tests.unit import helpers

DECLARATIONS = ROOT / "types" / "spec.d.ts"
INTERFACE = re.compile(r"^interface (\w+) \{\n(.*?)^\}", re.M | re.S)
PROPERTY = re.compile(r"^  (\w+)(\??): ([^;]+);", re.M)
UNION = re.compile(r"^type (\w+) = ([\w |]+);", re.M)


def declarations(text: str) -> tuple[dict[str, dict[str, tuple[bool, str]]], dict[str, list[str]]]:
    """({interface: {property: (optional, type)}}, {union type: [its interfaces]}) of the file."""
    interfaces = {
        name: {prop: (bool(optional), kind.strip()) for prop, optional, kind in PROPERTY.findall(body)}
        for name, body in INTERFACE.findall(text)
    }
    unions = {name: [part.strip() for part in body.split("|")] for name, body in UNION.findall(text)}
    return interfaces, unions


def fits(value: Any, kind: str, interfaces: dict, unions: dict) -> str | None:
    """The interface ``value`` is to be checked against next ("" for none), or None when it does not
    fit ``kind`` at all (a primitive of another type, a string outside a union of literals)."""
    options = [option.strip() for option in kind.split("|")]
    if value is None:
        return "" if "null" in options else None
    for option in options:
        element = option.removesuffix("[]")
        if option.endswith("[]"):
            if isinstance(value, list):
                return element if element in interfaces or element in unions else ""
            continue
        if option in interfaces or option in unions:
            if isinstance(value, dict):
                return option
            continue
        if option == "string" and isinstance(value, str):
            return ""
        if option == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return ""
        if (
            option in ("true", "false", "boolean")
            and isinstance(value, bool)
            and option in ("boolean", str(value).lower())
        ):
            return ""
        if option.startswith('"') and value == option.strip('"'):
            return ""
    return None


def check(value: Any, name: str, where: str, interfaces: dict, unions: dict, written: set, problems: list) -> None:
    """``value`` against the interface or union ``name``; properties seen are added to ``written``."""
    if isinstance(value, list):
        for n, element in enumerate(value):
            check(element, name, f"{where}[{n}]", interfaces, unions, written, problems)
        return
    if name in unions:
        # The member whose literal "method" (or "type") is the value's.
        members = [
            m
            for m in unions[name]
            if fits(value.get("method"), interfaces[m]["method"][1], interfaces, unions) is not None
        ]
        if len(members) != 1:
            problems.append(f"{where}: no single member of {name} fits method {value.get('method')!r}")
            return
        name = members[0]
    declared = interfaces[name]
    for prop, (optional, _kind) in declared.items():
        if prop not in value and not optional:
            problems.append(f"{where}: {name}.{prop} is required but not written")
    for prop, inner in value.items():
        if prop not in declared:
            problems.append(f"{where}.{prop}: written but {name} does not declare it")
            continue
        written.add((name, prop))
        nested = fits(inner, declared[prop][1], interfaces, unions)
        if nested is None:
            problems.append(f"{where}.{prop}: {inner!r} is not {declared[prop][1]} ({name}.{prop})")
        elif nested:
            check(inner, nested, f"{where}.{prop}", interfaces, unions, written, problems)


def every_spec() -> list[tuple[str, dict]]:
    """The spec of every questionnaire the repository ships, in each language, and of the unit
    samples of the scoring methods; a cohort address where one is declared."""
    specs = []
    for path in sorted((ROOT / "questionnaires").rglob("*.yml")):
        if path.parent.name != "questionnaires":
            continue  # a translation is checked through its questionnaire's shape
        q = load_questionnaire(path)
        specs.append((path.name, runtime_spec(q, cohort_url="../cohorts/x.json" if q.cohort else None)))
    for name in dir(helpers):
        text = getattr(helpers, name)
        if name.endswith("SAMPLE") and isinstance(text, str):
            specs.append((name, runtime_spec(parse(load_yaml(text, name)), cohort_url="x.json")))
    # What no shipped questionnaire declares: a group outside the scoring ("About you"), a cohort.
    about = helpers.SAMPLE + ABOUT_YOU + "cohort: cohorts/sample.json\n"
    specs.append(("about you and a cohort", runtime_spec(parse(load_yaml(about, "q.yml")), cohort_url="x.json")))
    # Guidance as a language's site links it: its own page, and one only the main language's site has.
    q = parse(load_yaml(helpers.SAMPLE, "q.yml"))
    first, second = q.groups[0].id, q.groups[1].id
    guidance = {first: Guidance("../../first/"), second: Guidance("../../../second/", "en")}
    specs.append(("guidance here and on the main site", runtime_spec(q, guidance)))
    return specs


ABOUT_YOU = """\
  - id: about
    title: About you
    scored: false
    items:
      - id: role
        type: text
        text: Your role
"""


def test_the_declarations_are_written_from_the_typed_dicts():
    assert DECLARATIONS.read_text(encoding="utf-8") == spec_dts(), (
        "types/spec.d.ts is not what spec_types.py and result_types.py declare: "
        "run `make regen` (or `python -m mentorkit.site.spec_dts`), never edit it by hand"
    )


def test_a_fields_comment_and_optionality_reach_the_declarations():
    written = spec_dts()
    assert "  version: string; // changes when saved answers may no longer fit\n" in written  # Doc(...)
    assert "  attempts?: SpecAttempts; // kept attempts" in written  # NotRequired
    assert "/** How a journal's date goes into a calendar" in written  # the docstring above its interface
    assert "type SpecScoring = LevelsScoring | BandsScoring | ProfileScoring | NoScoring" in written
    with pytest.raises(TypeError, match="no TypeScript type"):
        typescript(set[str])


def test_the_declared_spec_is_the_spec_the_build_writes():
    interfaces, unions = declarations(DECLARATIONS.read_text(encoding="utf-8"))
    assert {"Spec", "SpecGroup", "SpecItem"} <= set(interfaces) and "SpecScoring" in unions
    problems: list[str] = []
    written: set[tuple[str, str]] = set()
    specs = every_spec()
    assert len(specs) >= 10
    for name, spec in specs:
        check(spec, "Spec", name, interfaces, unions, written, problems)
    reached = {name for name, _ in written}
    never = [
        f"{name}.{prop}"
        for name, props in interfaces.items()
        if name in reached
        for prop in props
        if (name, prop) not in written
    ]
    assert not problems, "types/spec.d.ts and runtime_spec differ:\n" + "\n".join(problems[:40])
    assert not never, f"declared in types/spec.d.ts but written by no questionnaire or sample: {never}"


@pytest.mark.parametrize(
    "change, wanted",
    [
        (lambda s: s.update(colour="red"), "written but Spec does not declare it"),
        (lambda s: s.pop("title"), "Spec.title is required but not written"),
        (lambda s: s["groups"][0].update(title=3), "is not string"),
        (lambda s: s["scoring"].update(method="astrology"), "no single member of SpecScoring"),
    ],
)
def test_the_check_finds_a_spec_that_differs(change, wanted):
    interfaces, unions = declarations(DECLARATIONS.read_text(encoding="utf-8"))
    spec = runtime_spec(parse(load_yaml(helpers.SAMPLE, "q.yml")))
    change(spec)
    problems: list[str] = []
    check(spec, "Spec", "sample", interfaces, unions, set(), problems)
    assert any(wanted in problem for problem in problems), problems


def test_the_runtimes_modules_are_held_to_these_declarations():
    config = (ROOT / "tsconfig.json").read_text(encoding="utf-8")
    assert '"types/*.d.ts"' in config and '"checkJs": true' in config
    assert Path(DECLARATIONS).is_file()
