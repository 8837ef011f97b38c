"""Read a YAML file into plain Python data, keeping where every node was written.

PyYAML's composed node tree still knows line and column; the constructed
objects do not. We walk the tree ourselves so that every later error, from
pydantic or from a cross-check, can point at the exact place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .errors import Path, Problem, QuestionnaireError

# A document that expands to more nodes than this (through nested aliases, the
# "billion laughs" bomb, or sheer size) is refused instead of eating memory.
MAX_NODES = 200_000
# Real questionnaires nest six or seven levels deep. libyaml's composer recurses in C and
# crashes the process on absurd depths, so depth is measured first, from its flat events.
MAX_DEPTH = 100
# libyaml parses about fifteen times faster than PyYAML's pure-Python parser; the pure
# parser is kept for describing errors, which it does in more detail.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


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

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(path, key=key)
        return Problem(self.file, line, column, tuple(path), message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    def __init__(self, doc: Document, constructor: yaml.SafeLoader):
        self.doc = doc
        self.constructor = constructor
        self.count = 0

    def _spend(self, node: yaml.Node, amount: int = 1) -> None:
        self.count += amount
        if self.count > MAX_NODES:
            raise _TooBig(node)

    def walk(self, node: yaml.Node, path: Path) -> object:
        self._spend(node)
        self.doc.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, path + (i,)) for i, child in enumerate(node.value)]
        return self.constructor.construct_object(node, deep=True)

    def _pairs(self, node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node, bool]]:
        """Key/value pairs with "<<" merges expanded: the mapping's own pairs first,
        then merged ones in order, so that the first of each key wins, as YAML says.
        Every pair is counted, so a bomb of merges stops at MAX_NODES (PyYAML's own
        flatten_mapping would expand it in full first)."""
        own, merged = [], []
        for key, value in node.value:
            if key.tag != "tag:yaml.org,2002:merge":
                own.append((key, value, True))
                continue
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in sources:
                if isinstance(source, yaml.MappingNode):
                    merged.extend((k, v, False) for k, v, _ in self._pairs(source))
                else:
                    line, col = _mark(source)
                    self.doc.problems.append(Problem(self.doc.file, line, col, (), "'<<' can only merge mappings"))
        self._spend(node, len(own) + len(merged))
        return own + merged

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        result: dict = {}
        for key_node, value_node, is_own in self._pairs(node):
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _mark(key_node)
                self.doc.problems.append(
                    Problem(self.doc.file, line, col, path, "a key must be plain text, not a list or mapping"))
                continue
            key = self.constructor.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            child = path + (key,)
            if key in result:
                if is_own:
                    line, col = _mark(key_node)
                    first_line, _ = self.doc.keys[child]
                    self.doc.problems.append(
                        Problem(self.doc.file, line, col, child,
                                f"duplicate key '{key}' (first given on line {first_line}); keep one of them"))
                continue
            self.doc.keys[child] = _mark(key_node)
            result[key] = self.walk(value_node, child)
        return result


class _TooBig(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def _too_deep(text: str, file: str) -> Problem | None:
    """A problem at the first place the document nests deeper than MAX_DEPTH, if it does."""
    depth = 0
    for event in yaml.parse(text, Loader=_FAST):
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return Problem(file, mark.line + 1, mark.column + 1, (),
                               f"the document nests too deeply (more than {MAX_DEPTH} levels); simplify it")
        elif isinstance(event, _CLOSES):
            depth -= 1
    return None


def load_yaml(text: str | bytes, file: str) -> Document:
    """Parse one YAML document, or raise QuestionnaireError naming file:line:col.

    Problems that leave the data usable (duplicate keys) are kept in
    ``Document.problems`` for validation to report with its own.
    """
    if isinstance(text, bytes):
        text = _decode(text, file)
    try:
        deep = _too_deep(text, file)
    except yaml.YAMLError:
        return _load(text, file, yaml.SafeLoader)  # a syntax error: described by the detailed parser
    if deep:
        raise QuestionnaireError([deep])
    return _load(text, file, _FAST)


def _load(text: str, file: str, parser: type) -> Document:
    loader = parser(text)
    try:
        try:
            root = loader.get_single_node()
        except RecursionError:
            raise QuestionnaireError([Problem(file, 1, 1, (), "the document nests too deeply; simplify it")]) from None
        except yaml.MarkedYAMLError as exc:
            raise QuestionnaireError([_syntax_problem(exc, file)]) from None
        except yaml.YAMLError as exc:  # e.g. a second document in the stream
            raise QuestionnaireError([Problem(file, 1, 1, (), f"YAML error: {exc}")]) from None
        doc = Document(file, None)
        if root is None:
            raise QuestionnaireError([Problem(file, 1, 1, (), "the file is empty; a questionnaire needs at least id, title, scale, scoring and groups")])
        walker = _Walker(doc, loader)
        try:
            doc.data = walker.walk(root, ())
        except _TooBig as exc:
            line, col = _mark(exc.node)
            raise QuestionnaireError([Problem(file, line, col, (), f"the document expands to more than {MAX_NODES:,} values (too large, or aliases nested too deep); simplify it")]) from None
        except yaml.constructor.ConstructorError as exc:
            raise QuestionnaireError([_syntax_problem(exc, file)]) from None
        except RecursionError:
            raise QuestionnaireError([Problem(file, 1, 1, (), "the document nests too deeply (or an alias refers to itself); simplify it")]) from None
        return doc
    finally:
        loader.dispose()


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise QuestionnaireError([Problem(file, line, column, (), f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it with UTF-8 encoding")]) from None


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{exc.context}, {what}"
    return Problem(file, line, col, (), f"YAML syntax error: {what}")
