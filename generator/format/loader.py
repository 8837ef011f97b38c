"""Read a YAML file into plain Python data, keeping where every node was written.

PyYAML's composed node tree still knows line and column; the constructed
objects do not. We walk the tree ourselves so that every later error, from
pydantic or from a cross-check, can point at the exact place in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import Path, Problem, QuestionnaireError

# A document that expands to more nodes than this (through nested aliases, the
# "billion laughs" bomb, or sheer size) is refused instead of eating memory.
MAX_NODES = 200_000
# Real questionnaires nest six or seven levels deep. libyaml's composer recurses in C and
# crashes the process on absurd depths, so depth is measured first, from its flat events.
MAX_DEPTH = 100
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
# Characters YAML does not allow in a stream (its "printable" set, inverted).
_FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_NUMBERS = (_TAG + "int", _TAG + "float")


class _Detailed(yaml.SafeLoader):
    """PyYAML's pure-Python parser: slower, but its error messages say more."""


# libyaml's safe loader where PyYAML was built with it: about fifteen times faster.
FAST_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Fast(FAST_SAFE_LOADER):  # type: ignore[valid-type,misc]  # one class or the other, chosen at import
    """libyaml, used whenever the file is well formed."""


for _loader in (_Detailed, _Fast):
    # YAML 1.1 reads a lone "=" as a "value" tag with no constructor; to an author it is text.
    _loader.add_constructor(_TAG + "value", yaml.constructor.SafeConstructor.construct_yaml_str)  # type: ignore[type-var]


@dataclass
class Document:
    """Data as loaded, with the position of each value and of each mapping key."""

    file: str
    data: object
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # Problems that do not stop validation (a duplicate key keeps its first value),
    # so the author sees them together with everything else wrong in the file.
    problems: list[Problem] = field(default_factory=list)
    # Where YAML 1.1 would have read a number in base 60 (1:30 as 90): kept as written, text.
    base60: dict[Path, object] = field(default_factory=dict)
    # Keys with no value inside { }, after a comma ({label: Go, Java}): the key written before it,
    # and that key's value. The author almost always meant one text holding a comma.
    after_comma: dict[Path, tuple[str, str]] = field(default_factory=dict)

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The closest known position for ``path``: its key, its value or a parent."""
        path = tuple(path)
        while True:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def problem(self, path: Path, message: str, *, key: bool = False, code: str) -> Problem:
        line, column = self.position(path, key=key)
        return Problem(self.file, line, column, tuple(path), message, code)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Fatal(Exception):
    """A problem after which the rest of the file cannot be read."""

    def __init__(self, problem: Problem):
        self.problem = problem


_KIND = {"int": "a number", "float": "a number", "bool": "true or false", "timestamp": "a date", "null": "nothing"}


class _Walker:
    def __init__(self, doc: Document, constructor: yaml.SafeLoader):
        self.doc = doc
        self.constructor = constructor
        self.count = 0

    def _spend(self, node: yaml.Node, amount: int = 1) -> None:
        self.count += amount
        if self.count > MAX_NODES:
            line, col = _mark(node)
            raise _Fatal(
                Problem(
                    self.doc.file,
                    line,
                    col,
                    (),
                    f"the document expands to more than {MAX_NODES:,} values "
                    "(too large, or aliases nested too deep); simplify it",
                    code="MK101",
                )
            )

    def walk(self, node: yaml.Node, path: Path) -> object:
        self._spend(node)
        self.doc.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, path + (i,)) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only these three kinds
        return self._scalar(node, path)

    def _scalar(self, node: yaml.ScalarNode, path: Path, *, key: bool = False) -> object:
        if node.tag == _STR:
            if node.style == '"':  # only a double-quoted scalar has escapes ("\0", "\e") that make characters
                return self._no_control_characters(node, path)
            return node.value  # what PyYAML's constructor returns too, without its dispatch: most scalars are text
        try:
            value = self.constructor.construct_object(node, deep=True)
            if node.tag in _NUMBERS and ":" in node.value:
                # YAML 1.1 reads 1:30 as 90 (base 60), which no author means: it stays text as written,
                # so a text field keeps it and a number field says what it found.
                if not key:
                    self.doc.base60[path] = value
                return node.value
            return value
        except yaml.constructor.ConstructorError:
            raise  # an unknown tag: reported as YAML syntax by load_yaml
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError):
            line, col = _mark(node)
            short = node.tag.removeprefix(_TAG)
            if node.tag == _TAG + "timestamp" and not node.style:  # read as a date because of how it looks
                message = f"{node.value} is read as a date but is not a real one; put it in quotes if it is text"
            else:
                message = f"{node.value!r} is not a valid !!{short} value; remove the tag or write {_KIND.get(short, 'a value of that kind')}"
            raise _Fatal(Problem(self.doc.file, line, col, path, message, code="MK102")) from None

    def _no_control_characters(self, node: yaml.ScalarNode, path: Path) -> str:
        """The text, with a problem for the first character YAML would not allow written as it is;
        every such character is replaced, so that nothing else reports it again."""
        forbidden = _FORBIDDEN.search(node.value)
        if forbidden is None:
            return str(node.value)
        line, col = _mark(node)
        self.doc.problems.append(
            Problem(
                self.doc.file,
                line,
                col,
                path,
                f"the text contains the control character U+{ord(forbidden.group()):04X}, written as an escape, "
                "which YAML does not allow; remove it",
                code="MK103",
            )
        )
        return _FORBIDDEN.sub("\ufffd", node.value)

    def _pairs(self, node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node, bool]]:
        """Key/value pairs with "<<" merges expanded: the mapping's own pairs first,
        then merged ones in order, so that the first of each key wins, as YAML says.
        Every pair is counted, so a bomb of merges stops at MAX_NODES (PyYAML's own
        flatten_mapping would expand it in full first)."""
        own: list[tuple[yaml.Node, yaml.Node, bool]] = []
        merged: list[tuple[yaml.Node, yaml.Node, bool]] = []
        for key, value in node.value:
            if key.tag != _TAG + "merge":
                own.append((key, value, True))
                continue
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in sources:
                if isinstance(source, yaml.MappingNode):
                    merged.extend((k, v, False) for k, v, _ in self._pairs(source))
                else:
                    line, col = _mark(source)
                    self.doc.problems.append(
                        Problem(self.doc.file, line, col, (), "'<<' can only merge mappings", code="MK104")
                    )
        self._spend(node, len(own) + len(merged))
        return own + merged

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[object, object]:
        result: dict[object, object] = {}
        previous: tuple[str, str] | None = None  # the key before, and its value as written
        for key_node, value_node, is_own in self._pairs(node):
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _mark(key_node)
                self.doc.problems.append(
                    Problem(
                        self.doc.file, line, col, path, "a key must be plain text, not a list or mapping", code="MK105"
                    )
                )
                continue
            key = self._scalar(key_node, path, key=True)
            if not isinstance(key, str):
                key = key_node.value  # as written: "on" and "~" are keys, not True and None
            child = path + (key,)
            if key in result:
                if is_own:
                    line, col = _mark(key_node)
                    first_line, _ = self.doc.keys[child]
                    self.doc.problems.append(
                        Problem(
                            self.doc.file,
                            line,
                            col,
                            child,
                            f"duplicate key '{key}' (first given on line {first_line}); keep one of them",
                            code="MK106",
                        )
                    )
                continue
            self.doc.keys[child] = _mark(key_node)
            result[key] = self.walk(value_node, child)
            if node.flow_style and previous is not None and _empty(value_node) and not key_node.style:
                self.doc.after_comma[child] = previous
            previous = (key, value_node.value) if isinstance(value_node, yaml.ScalarNode) else None
        return result


def _empty(node: yaml.Node) -> bool:
    """A value left out ({a: 1, b}), not one written as null or ~."""
    return isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null" and node.value == "" and not node.style


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _structure_problem(text: str, file: str, parser_class: type = _Fast) -> Problem | None:
    """From libyaml's flat events (no recursion, so no crash): a document nested deeper
    than MAX_DEPTH, or an alias used inside the very collection it names."""
    depth, open_anchors = 0, []
    parser = parser_class(text)
    try:
        while (event := parser.get_event()) is not None:  # not yaml.parse: a generator costs a fifth more
            kind = type(event)
            if kind is yaml.ScalarEvent:  # most events: nothing to check
                continue
            if kind in _OPENS:
                depth += 1
                open_anchors.append(event.anchor)
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return Problem(
                        file,
                        mark.line + 1,
                        mark.column + 1,
                        (),
                        f"the document nests too deeply (more than {MAX_DEPTH} levels); simplify it",
                        code="MK107",
                    )
            elif kind in _CLOSES:
                depth -= 1
                open_anchors.pop()
            elif kind is yaml.AliasEvent and event.anchor in open_anchors:
                mark = event.start_mark
                return Problem(
                    file,
                    mark.line + 1,
                    mark.column + 1,
                    (),
                    "the document nests too deeply (or an alias refers to itself); simplify it",
                    code="MK108",
                )
    except yaml.MarkedYAMLError as exc:
        # libyaml 0.2.6 refuses 1,000 levels itself, while scanning ahead of the events, so
        # its error can come before the level-101 event; PyYAML's own parser (flat too,
        # slower) then finds the same place as with earlier versions.
        if parser_class is _Fast and "nesting depth" in str(exc.problem):
            return _structure_problem(text, file, _Detailed)
        raise
    finally:
        parser.dispose()
    return None


def load_yaml(text: str | bytes, file: str) -> Document:
    """Parse one YAML document, or raise QuestionnaireError naming file:line:col.

    Problems that leave the data usable (duplicate keys) are kept in
    ``Document.problems`` for validation to report with its own.
    """
    if isinstance(text, bytes):
        text = _decode(text, file)
    forbidden = _FORBIDDEN.search(text)
    if forbidden:
        line, col = _position(text, forbidden.start())
        raise QuestionnaireError(
            [
                Problem(
                    file,
                    line,
                    col,
                    (),
                    f"the file contains the control character "
                    f"U+{ord(forbidden.group()):04X}, which YAML does not allow; remove it",
                    code="MK109",
                )
            ]
        )
    try:
        problem = _structure_problem(text, file)
    except yaml.YAMLError:
        return _load(text, file, _Detailed)  # a syntax error: described by the detailed parser
    if problem:
        raise QuestionnaireError([problem])
    try:
        return _load(text, file, _Fast)
    except _SyntaxError:
        return _load(text, file, _Detailed)  # e.g. an undefined alias: libyaml does not name it


class _SyntaxError(Exception):
    pass


def _load(text: str, file: str, parser: type) -> Document:
    loader = parser(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            if parser is _Fast:
                raise _SyntaxError from None
            if not isinstance(exc, yaml.MarkedYAMLError):  # control characters are refused before parsing
                raise
            raise QuestionnaireError([_syntax_problem(exc, file, text)]) from None
        if root is None:
            raise QuestionnaireError(
                [
                    Problem(
                        file,
                        1,
                        1,
                        (),
                        "the file is empty; a questionnaire needs at least id, title, scale, scoring and groups",
                        code="MK110",
                    )
                ]
            )
        doc = Document(file, None)
        try:
            doc.data = _Walker(doc, loader).walk(root, ())
        except _Fatal as exc:
            raise QuestionnaireError([exc.problem]) from None
        except yaml.constructor.ConstructorError as exc:
            raise QuestionnaireError([_syntax_problem(exc, file, text)]) from None
        except RecursionError:
            raise QuestionnaireError(
                [
                    Problem(
                        file,
                        1,
                        1,
                        (),
                        "the document nests too deeply (or an alias refers to itself); simplify it",
                        code="MK111",
                    )
                ]
            ) from None
        return doc
    finally:
        loader.dispose()


class _AnyTags(_Detailed):
    """A site's configuration: its tags (``!ENV``, ``!!python/name:...``) mean something to the
    generator alone, and are read as nothing here, where only positions are wanted."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def load_configuration(text: str, file: str) -> Document:
    """A site's configuration (mkdocs.yml) read for where each setting is written, whatever tags it
    uses (``!ENV``: read as nothing); QuestionnaireError for a file YAML cannot read."""
    return _load(text, file, _AnyTags)


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        start = before.rfind(b"\n") + 1
        column = len(before[start:].decode("utf-8", errors="replace")) + 1  # characters, as editors count
        raise QuestionnaireError(
            [
                Problem(
                    file,
                    line,
                    column,
                    (),
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it with UTF-8 encoding",
                    code="MK112",
                )
            ]
        ) from None


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    mark, context = exc.problem_mark, exc.context_mark
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    if mark is None or (mark.line + 1 > last_line and context is not None):
        mark = context or mark  # "found end of stream": point where the quote or bracket opened
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if line > max(last_line, 1):
        line, col = max(last_line, 1), 1
    anchor = re.search(r"anchor '?([^';]+)", exc.context or "")
    if exc.problem == "second occurrence" and exc.context and "duplicate anchor" in exc.context and anchor:
        name = anchor.group(1)
        return Problem(
            file,
            line,
            col,
            (),
            f"YAML syntax error: duplicate anchor '{name}' "
            f"(first given on line {exc.context_mark.line + 1 if exc.context_mark else line}); give each anchor its own name",
            code="MK113",
        )
    said = _in_words(exc, text, line, col)
    if said:
        return Problem(file, line, col, (), f"YAML syntax error: {said}", code="MK114")
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{exc.context}, {what}"
    return Problem(file, line, col, (), f"YAML syntax error: {what}", code="MK115")


def _in_words(exc: yaml.MarkedYAMLError, text: str, line: int, col: int) -> str | None:
    """The common mistakes, said the way an author fixes them (PyYAML describes its parser's state:
    "while parsing a block collection, expected <block end>"); None for the rarer ones."""
    problem, context = exc.problem or "", exc.context or ""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "found character '\\t' that cannot start any token" in problem:
        return "a tab indents this line, and YAML allows only spaces there; replace the tab with spaces"
    if problem == "mapping values are not allowed here":
        before = here[: col - 1]
        if ": " in before:
            key, _, value = here.strip().lstrip("-").strip().partition(": ")
            value = value.strip().replace('"', '\\"')
            shown = value if len(value) <= 50 else value[:47] + "..."
            return (
                "a second ': ' on one line: a text that holds a colon followed by a space must be in quotes, "
                f'e.g. {key}: "{shown}"'
            )
        return (
            "this line is indented further than the line above expects: YAML reads what belongs together "
            "from the indentation; indent it exactly like the other keys of its mapping"
        )
    if problem.startswith("expected <block end>") and context.startswith("while parsing a block"):
        start = exc.context_mark
        started = f" (the one that starts on line {start.line + 1}, at column {start.column + 1})" if start else ""
        return (
            "this line is not indented like the entries around it: YAML reads what belongs together from the "
            f"indentation; line it up with the other entries of its list or mapping{started}"
        )
    if context == "while scanning a quoted scalar" and "end of stream" in problem:
        return "a quote opened here is never closed; close it with the same quote mark"
    return None
