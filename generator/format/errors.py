"""Problems found in an author's file, reported as ``file:line:col: path: message``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A report is one line per problem, printed to a terminal: what came from a file is shown
# escaped where a terminal would act on it instead of showing it. Line breaks would break the
# line; C0 and C1 controls start ANSI and OSC sequences (ESC, CSI) that recolour the screen or
# retitle the window; bidi controls reorder what is shown, so a message could say the opposite
# of what the file holds; line and paragraph separators break lines in some terminals.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(lambda m: _NAMED.get(m.group()) or ascii(m.group())[1:-1], text)


Path = tuple[str | int, ...]  # a location inside the document: ("groups", 2, "items", 0, "level")


def format_path(path: Path) -> str:
    """``("groups", 2, "items", 0)`` -> ``groups[2].items[0]``, the way authors read it."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 1-based, as editors count
    column: int  # 1-based
    path: Path
    message: str
    # Stable, one per kind of mistake (MK1xx reading, MK2xx a field, MK3xx across fields, MK4xx a
    # translation, MK5xx references, MK6xx pages and links, MK7xx configuration and sentences):
    # what a program reading `mentorkit validate --json` matches on, where the wording may change.
    code: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", one_line(self.message))

    def as_json(self) -> dict[str, object]:
        """The problem for `mentorkit validate --json`: its place, path as authors read it, code and message."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": format_path(self.path),
            "code": self.code,
            "message": self.message,
        }

    def __str__(self) -> str:
        where = format_path(self.path)
        prefix = f"{self.file}:{self.line}:{self.column}: "
        return one_line(prefix + (f"{where}: {self.message}" if where else self.message))


class QuestionnaireError(Exception):
    """One or more problems in questionnaire files, all reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
