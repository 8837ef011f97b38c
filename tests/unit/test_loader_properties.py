"""Properties of loading: whatever the input, the author gets a questionnaire or problems.

The only allowed outcomes of ``load_yaml`` + ``parse`` are a Questionnaire or a
QuestionnaireError whose every problem names the file, a line and a column (1-based),
and a one-line message. Any other exception is a bug: the author would see a Python
traceback instead of ``file:line:col: path: message``.

Inputs are random data dumped as YAML, random text and bytes, YAML-like token soup,
and random edits of the real questionnaires in questionnaires/*.yml.
"""

from __future__ import annotations

import math
import re
from functools import cache

import pytest
import yaml
from hypothesis import HealthCheck, Phase, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from mentorkit.format.errors import QuestionnaireError, format_path
from mentorkit.format.loader import load_yaml
from mentorkit.format.model import (
    ITEM_TYPES,
    SCORING_METHODS,
    Band,
    Group,
    GroupNoun,
    Level,
    Option,
    OverallRule,
    Questionnaire,
    ScalePoint,
)
from mentorkit.format.validate import parse
from mentorkit.site.project import content_pages

from tests.unit.helpers import CONTENT, ROOT

REAL_FILES = sorted((ROOT / "questionnaires").glob("*.yml"))
REAL = {path.name: path.read_text(encoding="utf-8") for path in REAL_FILES}
NAMES = sorted(REAL)
PAGES = content_pages(CONTENT)
FILE = "q.yml"


def _settings(examples: int, deadline_ms: int = 2000):
    # derandomize: every run tries the same inputs, so CI is repeatable; no example
    # database, so that running the tests writes nothing into the repository.
    return settings(
        max_examples=examples,
        deadline=deadline_ms,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- the allowed outcomes ----------------------------------------------------------

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """The lines of ``text`` as YAML counts them (\\r\\n, \\r, \\n, NEL, LS and PS end a line)."""
    lines = _BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the break at the end of the last line does not start another one
    return lines


def outcome(source: str | bytes, *, pages: set[str] | None = None, exact: bool = False, file: str = FILE):
    """Load ``source``; return the Questionnaire or the QuestionnaireError, checked.

    Any other exception propagates and fails the test. With ``exact`` every problem
    must also point at a line that exists in the text, and at most one column past
    its end (for text sources).
    """
    try:
        loaded = parse(load_yaml(source, file), pages=pages)
    except QuestionnaireError as exc:
        if currently_in_test_context():
            event("problems")  # shown by pytest --hypothesis-show-statistics
        assert exc.problems, "a QuestionnaireError with no problems"
        lines = yaml_lines(source) if exact and isinstance(source, str) else None
        for problem in exc.problems:
            shown = str(problem)
            assert problem.file == file, shown
            assert isinstance(problem.line, int) and problem.line >= 1, shown
            assert isinstance(problem.column, int) and problem.column >= 1, shown
            assert problem.message and "\n" not in problem.message, f"not a one-line message: {shown!r}"
            assert not _TERMINAL.search(shown), f"a terminal would act on this message: {shown!r}"
            assert shown.startswith(f"{file}:{problem.line}:{problem.column}: "), shown
            if lines is not None:
                assert problem.line <= max(len(lines), 1), f"line {problem.line} of {len(lines)}: {shown}"
                if problem.line <= len(lines):
                    assert problem.column <= len(lines[problem.line - 1]) + 1, shown
        return exc
    if currently_in_test_context():
        event("loaded")
    for value in _leaves(loaded.model_dump()):
        assert not (isinstance(value, str) and _NOT_IN_YAML.search(value)), (
            f"a control character got through: {value!r}"
        )
        assert not (isinstance(value, float) and not math.isfinite(value)), f"a non-finite number got through: {value}"
    return loaded


# What YAML does not allow in a stream, however it is written (a literal character or an escape).
_NOT_IN_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What a terminal acts on instead of showing: controls (ANSI and OSC sequences), bidi controls, separators.
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _leaves(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _leaves(value)
    elif isinstance(data, list):
        for value in data:
            yield from _leaves(value)
    else:
        yield data


# --- random data, dumped as YAML ------------------------------------------------------


def _field_names() -> list[str]:
    models = [
        Questionnaire,
        Group,
        GroupNoun,
        Level,
        Band,
        Option,
        OverallRule,
        ScalePoint,
        *ITEM_TYPES.values(),
        *SCORING_METHODS.values(),
    ]
    return sorted({field.alias or name for model in models for name, field in model.model_fields.items()})


FIELDS = _field_names()
WORDS = [
    "levels",
    "bands",
    "profile",
    "none",
    *ITEM_TYPES,
    "guide.md",
    "foundation",
    "ready",
    "not-yet",
    "Not yet",
    "I listen.",
    "",
    "yes",
    "no",
    "~",
    "2024-02-30",
    "1.5",
    "-1",
    "<<",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-1, 4),
    st.text(max_size=30),
    st.sampled_from(WORDS),
    st.dates(),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=12), st.integers(-3, 3), st.none(), st.booleans())
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=25,
)


def _maybe(draw, value, wrong=anything):
    """``value`` most of the time, something random now and then."""
    return draw(st.one_of(st.just(value), st.just(value), st.just(value), wrong))


@st.composite
def questionnaire_like(draw):
    """Data shaped like a questionnaire, with random values and fields here and there,
    so that validation gets past the first pydantic error into the cross-checks."""
    slugs = st.sampled_from(["a", "b", "c", "listen", "not-yet", "ready", "foundation", "practitioner"])
    scale = draw(
        st.lists(
            st.builds(
                lambda v, label: {"value": v, "label": label},
                st.integers(-2, 5),
                st.sampled_from(["Never", "Often", ""]),
            ),
            max_size=6,
        )
    )
    levels = draw(
        st.lists(
            st.fixed_dictionaries(
                {"id": slugs, "name": st.just("Level")},
                optional={"meets": st.floats(-1, 6), "share": st.floats(0, 1.5)},
            ),
            max_size=3,
        )
    )
    bands = draw(
        st.lists(st.fixed_dictionaries({"id": slugs, "name": st.just("Band"), "from": st.floats(-1, 6)}), max_size=4)
    )
    scoring = draw(
        st.sampled_from(
            [
                {
                    "method": "levels",
                    "meets": draw(st.floats(-1, 6)),
                    "overall": {"at_least": draw(st.integers(0, 4))},
                    "levels": levels,
                },
                {"method": "bands", "bands": bands, "focus_below": draw(slugs)},
                {"method": "profile", "focus": draw(st.integers(-1, 4))},
                {"method": "none"},
            ]
        )
    )

    def item(draw_):
        kind = draw_(st.sampled_from([None, *ITEM_TYPES]))
        data = {"id": draw_(slugs), "text": draw_(st.sampled_from(["A statement.", "", "x" * 2001]))}
        if kind:
            data["type"] = kind
        if kind in (None, "scale") and draw_(st.booleans()):
            data["level"] = draw_(slugs)
        if kind == "choice":
            option = st.fixed_dictionaries({"value": slugs, "label": st.just("O")})
            data["options"] = draw_(st.lists(option, max_size=3))
        if kind == "number":
            data.update(
                draw_(
                    st.fixed_dictionaries(
                        {}, optional={"min": st.floats(allow_nan=True), "max": st.floats(allow_nan=True)}
                    )
                )
            )
        if kind == "text":
            data.update(draw_(st.fixed_dictionaries({}, optional={"lines": st.integers(-1, 40)})))
        return data

    groups = draw(st.lists(st.builds(dict), max_size=3))
    for group in groups:
        group.update(
            {"id": draw(slugs), "title": "Group", "items": [item(draw) for _ in range(draw(st.integers(0, 4)))]}
        )
        if draw(st.booleans()):
            group["guidance"] = draw(st.sampled_from(["guide.md", "gide.md", "other/page.md"]))
    data = {"id": "q", "title": "Q", "scale": scale, "scoring": scoring, "groups": groups}
    for key in draw(st.lists(st.sampled_from(sorted(data)), max_size=2, unique=True)):
        data[key] = _maybe(draw, data[key])
    if draw(st.integers(0, 4)) == 0:
        data[draw(keys)] = draw(anything)
    return data


# How the data is written: block style, flow style or mixed, with or without raw Unicode.
styles = st.tuples(st.sampled_from([False, None, True]), st.booleans())


def dump(data, style) -> str:
    flow, unicode = style
    return yaml.safe_dump(data, sort_keys=False, default_flow_style=flow, allow_unicode=unicode)


@_settings(300)
@given(st.one_of(anything, st.dictionaries(st.sampled_from(FIELDS), anything, min_size=1)), styles)
def test_random_data_dumped_as_yaml_gives_a_questionnaire_or_problems(value, style):
    outcome(dump(value, style), pages={"guide.md"})


@_settings(300)
@given(questionnaire_like(), styles)
def test_random_questionnaire_shaped_data_gives_a_questionnaire_or_problems(value, style):
    outcome(dump(value, style), pages={"guide.md"})


@pytest.mark.parametrize(
    "text",
    [
        '"\\n": 1\n',
        "id: q\ntitle: Q\nscoring: {method: none}\ngroups:\n"
        '  - {id: g, title: G, guidance: "guide.md\\n", items: [{id: i, text: T}]}\n',
    ],
    ids=["key", "value"],
)
def test_a_line_break_inside_a_key_or_value_does_not_split_the_report(text):
    # Bug: keys and values are put into messages and paths as they are, so a key or
    # value holding a line break (a quoted "\n", or a folded ">" scalar's last line
    # break) splits one problem over two lines of output:
    #   q.yml:1:1: <line break>: unknown field '<line break>'; allowed here: ...
    outcome(text, pages={"guide.md"})


# --- random text and bytes ------------------------------------------------------------


@_settings(400)
@given(st.text(max_size=400))
def test_random_text_gives_a_questionnaire_or_problems(text):
    # Exposes a bug: a control character (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F,
    # U+007F-U+009F except U+0085, U+FFFE, U+FFFF) anywhere in the file escapes as
    # yaml.reader.ReaderError. The depth check's ReaderError is caught, but then
    # loader._load builds yaml.SafeLoader(text), which checks the whole text in its
    # constructor, before _load's try block.
    outcome(text)


@_settings(200)
@given(st.binary(max_size=400))
def test_random_bytes_give_a_questionnaire_or_problems(raw):
    # Fails for the same bug: b"\x00" is valid UTF-8 for a control character.
    outcome(raw)


# Pieces of YAML, so that random text is mostly YAML-shaped: indicators, anchors,
# aliases, tags, merges, directives, and scalars that resolve to other types.
TOKENS = [
    "\n",
    "\n",
    "\n",
    " ",
    "  ",
    "    ",
    "\t",
    "- ",
    ": ",
    ":",
    ", ",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "#",
    "? ",
    "|\n",
    ">-\n",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "!local ",
    "!!str ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!null ",
    "!!binary ",
    "!!timestamp ",
    "!!set ",
    "!!omap ",
    "0x1F",
    "0o17",
    "1_000",
    "1e5",
    "1.5",
    ".nan",
    "-.inf",
    "~",
    "yes",
    "no",
    "=",
    "2024-01-31",
    "2024-02-30",
    "2001-12-14 21:59:43.10 -5",
    *FIELDS,
    *SCORING_METHODS,
    *ITEM_TYPES,
    "word",
    "é",
    "\u2028",
    "\ufeff",
    "\u202e",
    '"\\0"',
    '"\\e]0;title\\a"',
    '"a\\x9b31m"',
    '"\\ud800"',
    ".inf",
    "1:30",
    "-2:05.5",
    "on",
    "off",
]


@_settings(600)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_yaml_like_token_soup_gives_a_questionnaire_or_problems(text):
    # Exposes bugs: explicit tags on values they cannot construct ("!!int x",
    # "!!bool x", "!!timestamp x") and implicit dates that do not exist
    # ("2024-02-30") escape as ValueError, KeyError or AttributeError from PyYAML's
    # constructors, which load_yaml does not catch.
    outcome(text)


# --- random edits of the real questionnaires ----------------------------------------

# Values that are the wrong type for any scalar field of the format.
WRONG_VALUES = ["[1, 2]", "{a: 1}", "[]", "{}"]
# Any YAML value at all.
SOME_VALUES = WRONG_VALUES + [
    "42",
    "-1.5",
    "true",
    "~",
    "''",
    '"text"',
    "2024-01-01",
    "levels",
    "guide.md",
    "|\n  block",
    "&x 1",
    "*x",
]
# Printable characters only: control characters are the random-text test's business.
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
SCALAR_LINE = re.compile(r"^(?P<lead>\s*(?:- )?)(?P<key>[A-Za-z_][\w-]*): (?P<value>[^|>{\[&*!#\s].*)$")


def _index(draw, lines: list[str]) -> int:
    return draw(st.integers(0, max(len(lines) - 1, 0)))


# Each mutation edits the lines in place and says what it did, 1-based, for the report.


def delete_line(draw, lines):
    i = _index(draw, lines)
    del lines[i]
    return f"deleted line {i + 1}"


def duplicate_line(draw, lines):
    i = _index(draw, lines)
    lines.insert(i, lines[i])
    return f"duplicated line {i + 1}"


def swap_lines(draw, lines):
    i, j = _index(draw, lines), _index(draw, lines)
    lines[i], lines[j] = lines[j], lines[i]
    return f"swapped lines {i + 1} and {j + 1}"


def reindent_line(draw, lines):
    i = _index(draw, lines)
    delta = draw(st.sampled_from([-4, -2, -1, 1, 2, 4, "tab"]))
    if delta == "tab":
        lines[i] = "\t" + lines[i]
    elif delta > 0:
        lines[i] = " " * delta + lines[i]
    else:
        strip = min(-delta, len(lines[i]) - len(lines[i].lstrip(" ")))
        lines[i] = lines[i][strip:]
    return f"indented line {i + 1} by {delta}"


def replace_scalar(draw, lines):
    candidates = [i for i, line in enumerate(lines) if SCALAR_LINE.match(line)]
    if not candidates:
        return "no scalar to replace"
    i = draw(st.sampled_from(candidates))
    match = SCALAR_LINE.match(lines[i])
    lines[i] = f"{match['lead']}{match['key']}: {draw(st.sampled_from(SOME_VALUES))}"
    return f"line {i + 1} is now {lines[i]!r}"


def insert_key(draw, lines):
    i = _index(draw, lines)
    indent = re.match(r"\s*(?:- )?", lines[i]).end()
    key = draw(st.one_of(st.sampled_from(FIELDS), st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)))
    lines.insert(i, " " * indent + f"{key}: {draw(st.sampled_from(SOME_VALUES))}")
    return f"inserted {lines[i]!r} as line {i + 1}"


def truncate(draw, lines):
    text = "\n".join(lines)
    cut = draw(st.integers(0, len(text)))
    lines[:] = text[:cut].split("\n")
    return f"truncated after {text[max(cut - 20, 0) : cut]!r} (line {len(lines)})"


def replace_character(draw, lines):
    text = "\n".join(lines)
    if not text:
        return "nothing left to replace"
    at = draw(st.integers(0, len(text) - 1))
    new = draw(st.one_of(PRINTABLE, st.sampled_from(list(" \t\n:-#'\"[]{}&*!|>,?%@`"))))
    lines[:] = (text[:at] + new + text[at + 1 :]).split("\n")
    line = text[:at].count("\n") + 1
    return f"replaced {text[at]!r} with {new!r} on line {line}"


MUTATIONS = [
    delete_line,
    duplicate_line,
    swap_lines,
    reindent_line,
    replace_scalar,
    insert_key,
    truncate,
    replace_character,
]


class Mutated:
    """A real questionnaire after some edits; shown in reports by what was done to it."""

    def __init__(self, name: str, text: str, edits: list[str]):
        self.name, self.text, self.edits = name, text, edits

    def __repr__(self) -> str:
        return f"<{self.name}: {'; '.join(self.edits)}>"


@st.composite
def mutated_real_questionnaire(draw, kinds=tuple(MUTATIONS), most=3):
    name = draw(st.sampled_from(NAMES))
    lines = REAL[name].split("\n")
    edits = []
    for mutation in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=most)):
        edits.append(mutation(draw, lines))
        lines[:] = lines or [""]  # an empty file is still one (empty) line
    return Mutated(name, "\n".join(lines), edits)


def test_the_real_questionnaires_load_with_the_sites_pages():
    assert len(REAL) >= 8
    for name, text in REAL.items():
        assert isinstance(outcome(text, pages=PAGES, file=name), Questionnaire), name


# Shrinking a failing edit of a 300-line file costs a minute; the report says what was
# edited instead.
NO_SHRINK = (Phase.explicit, Phase.generate)


@settings(_settings(400), phases=NO_SHRINK)
@given(mutated_real_questionnaire())
def test_a_mutated_real_questionnaire_gives_a_questionnaire_or_problems_on_real_lines(case):
    outcome(case.text, pages=PAGES, exact=True, file=case.name)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.__name__ for m in MUTATIONS])
def test_each_kind_of_mutation_alone_gives_a_questionnaire_or_problems_on_real_lines(mutation):
    @settings(_settings(50), phases=NO_SHRINK)
    @given(mutated_real_questionnaire(kinds=(mutation,), most=1))
    def check(case):
        outcome(case.text, pages=PAGES, exact=True, file=case.name)

    check()


@pytest.mark.parametrize("opening", ['"', "'", "[", "{"])
def test_a_syntax_error_at_the_end_of_the_file_points_at_a_line_of_the_file(opening):
    # Bug: when the parser gives up at the end of the file (a quote, bracket or brace
    # that never closes), the problem is reported on the line after the last one, e.g.
    # mentor-roles.yml:124:1 for a file of 123 lines; where it opened is the place to fix.
    text = REAL["mentor-roles.yml"]  # no double quote in it, so the one added never closes
    at = text.rindex("text: ") + len("text: ")
    broken = text[:at] + opening + text[at:]
    problem = outcome(broken, pages=PAGES, file="mentor-roles.yml").problems[0]
    opened = (broken[:at].count("\n") + 1, at - broken.rindex("\n", 0, at))
    assert (problem.line, problem.column) == opened, str(problem)


# --- edits that only change a statement's text must keep the file loading ---------------------

TEXT_LINE = re.compile(r"^(?P<lead>\s*(?:- )?text: )(?P<value>.*)$")
ITEM_ID = re.compile(r"^\s*(?:- )?id: (?P<id>\S+)$")
VOCABULARY = sorted({word for text in REAL.values() for word in re.findall(r"[A-Za-z][A-Za-z']*", text)})
NOT_TEXT = {"tag:yaml.org,2002:" + t for t in ("bool", "null", "int", "float", "timestamp")}


def _text_lines(name: str) -> list[int]:
    """0-based lines holding a statement's text as a one-line plain scalar, after ``groups:``."""
    lines = REAL[name].split("\n")
    start = lines.index("groups:")
    return [
        i
        for i, line in enumerate(lines)
        if i > start and (m := TEXT_LINE.match(line)) and m["value"][:1] not in ("|", ">", "'", '"', "")
    ]


TEXT_LINES = [(name, index) for name in NAMES for index in _text_lines(name)]


def _with_text(name: str, index: int, value: str) -> str:
    lines = REAL[name].split("\n")
    lines[index] = TEXT_LINE.match(lines[index])["lead"] + value
    return "\n".join(lines)


def _item_id(name: str, index: int) -> str:
    """The id of the item whose ``text:`` is on line ``index``: the nearest ``id:`` above it."""
    lines = REAL[name].split("\n")
    return next(m["id"] for line in reversed(lines[:index]) if (m := ITEM_ID.match(line)))


def _text_of(q: Questionnaire, item_id: str) -> str:
    (text,) = [item.text for _, item in q.items() if item.id == item_id]
    return text


def test_there_are_statements_to_rewrite():
    assert len(TEXT_LINES) > 100


@_settings(150)
@given(st.sampled_from(TEXT_LINES), st.text(PRINTABLE, min_size=1, max_size=2000))
def test_a_statement_may_say_anything_when_quoted(where, new_text):
    name, index = where
    quoted = yaml.safe_dump(new_text, default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n")
    q = outcome(_with_text(name, index, quoted), pages=PAGES, exact=True, file=name)
    assert isinstance(q, Questionnaire), f"text: {quoted}\n{q}"
    assert _text_of(q, _item_id(name, index)) == new_text


@_settings(200)
@given(st.sampled_from(TEXT_LINES), st.lists(st.sampled_from(VOCABULARY + ["="]), min_size=1, max_size=30))
def test_a_statement_may_be_rewritten_in_plain_words(where, words):
    name, index = where
    plain = " ".join(words)
    # Plain words that YAML reads as another type (yes, no, null, 12) are not text.
    if yaml.resolver.Resolver().resolve(yaml.ScalarNode, plain, (True, False)) in NOT_TEXT:
        return
    q = outcome(_with_text(name, index, plain), pages=PAGES, exact=True, file=name)
    assert isinstance(q, Questionnaire), f"text: {plain}\n{q}"
    assert _text_of(q, _item_id(name, index)) == plain


def test_a_statement_that_is_a_lone_equals_sign_still_loads():
    # Bug (unclear message): a lone "=" is plain text to an author, but PyYAML resolves it
    # to the YAML 1.1 "value" tag, which SafeLoader cannot construct. The file stops
    # loading with "YAML syntax error: could not determine a constructor for the tag
    # 'tag:yaml.org,2002:value'".
    name, index = TEXT_LINES[0]
    q = outcome(_with_text(name, index, "="), pages=PAGES, exact=True, file=name)
    assert isinstance(q, Questionnaire), str(q)
    assert _text_of(q, _item_id(name, index)) == "="


# --- positions are right -------------------------------------------------------------------

FLOW_PAIR = re.compile(r"(?P<key>[A-Za-z_]\w*): (?P<value>[^,{}\[\]]+?)(?=,|})")


@cache
def scalar_fields() -> list[tuple[str, int, int, int, str]]:
    """Every scalar field written on one line in the real questionnaires:
    (file, 0-based line, start and end of the value on that line, key)."""
    found = []
    for name, text in REAL.items():
        block = None  # the indentation of a key whose value is a block scalar (| or >)
        for i, line in enumerate(text.split("\n")):
            indent = len(line) - len(line.lstrip(" "))
            if block is not None and (indent > block or not line.strip()):
                continue
            block = indent if re.search(r": [|>][-+]?$", line) else None
            if line.lstrip().startswith("#"):
                continue
            if (m := SCALAR_LINE.match(line)) and "{" not in line:
                found.append((name, i, m.start("value"), len(line), m["key"]))
            elif "{" in line:
                for m in FLOW_PAIR.finditer(line):
                    found.append((name, i, m.start("value"), m.end("value"), m["key"]))
    return found


def test_there_are_scalar_fields_to_replace():
    keys = {key for *_, key in scalar_fields()}
    assert {"id", "title", "text", "value", "label", "method", "from", "level", "guidance"} <= keys


@_settings(200)
@given(st.sampled_from(scalar_fields()), st.sampled_from(WRONG_VALUES))
def test_a_field_of_the_wrong_type_is_reported_on_its_own_line_and_column(field, wrong):
    name, index, start, end, key = field
    lines = REAL[name].split("\n")
    lines[index] = lines[index][:start] + wrong + lines[index][end:]
    result = outcome("\n".join(lines), pages=PAGES, exact=True, file=name)
    assert isinstance(result, QuestionnaireError), f"{name}:{index + 1}: {key}: {wrong} was accepted"
    assert len(result.problems) == 1, str(result)
    (problem,) = result.problems
    assert (problem.line, problem.column) == (index + 1, start + 1), str(problem)
    assert format_path(problem.path).endswith(key), str(problem)
