"""Problems found in an author's file, reported as ``file:line:col: path: message``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A report is one line per problem: a line break or control character an author typed
# (inside a key, say) is shown escaped rather than breaking the line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _one_line(text: str) -> str:
    return _CONTROL.sub(
        lambda m: {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(m.group(), f"\\x{ord(m.group()):02x}"), text
    )


Path = tuple  # a location inside the document: ("groups", 2, "items", 0, "level")


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

    def __post_init__(self):
        object.__setattr__(self, "message", _one_line(self.message))

    def __str__(self) -> str:
        where = format_path(self.path)
        prefix = f"{self.file}:{self.line}:{self.column}: "
        return _one_line(prefix + (f"{where}: {self.message}" if where else self.message))


class QuestionnaireError(Exception):
    """One or more problems in questionnaire files, all reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
