"""Reading the files the command line is given: regular files only, of a bounded size.

A FIFO would block the command forever and /dev/zero would fill memory, so a path that
is not a regular file is refused before anything is read from it; opened without
blocking, a FIFO with no writer cannot hold the command up either.
"""

from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import NoReturn

MAX_JSON_DEPTH = 100  # an answers file nests three levels; the page refuses the same depth


class InputError(ValueError):
    """Why a file cannot be used, as a phrase for the person who gave it: "larger than 1 MB"; and
    which of the reasons below it is (``kind``), for a report to say it in its own language."""

    def __init__(self, message: str, kind: str = "unreadable"):
        super().__init__(message)
        self.kind = kind  # unreadable (the system's reason), folder, special, too-large, encoding, depth, json


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, or InputError if it is not a regular file or is larger than ``limit``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("not a file (a folder)", "folder")
        if not stat.S_ISREG(mode):
            raise InputError("not a regular file (a pipe, a device or a socket)", "special")
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(limit + 1)  # one byte more: a file that grew since it was checked
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"larger than {_size(limit)}", "too-large")
    return data


_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str) -> bool:
    """More than MAX_JSON_DEPTH arrays and objects inside each other. Python's parser
    recurses (a RecursionError); the page's does not, but refuses the same files."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return True
        elif bracket in "]}":
            depth -= 1
    return False


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")  # Python reads NaN and Infinity; JSON and the page do not


def read_json(path: Path, limit: int) -> object:
    """A JSON file read as the page reads an import: UTF-8 with or without a byte order mark,
    strict JSON, at most ``limit`` bytes and MAX_JSON_DEPTH levels. InputError says why not."""
    data = read_limited(path, limit)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", "encoding") from None
    if _too_deep(text):
        raise InputError(f"nested more than {MAX_JSON_DEPTH} levels deep", "depth")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except ValueError:
        raise InputError("not JSON", "json") from None


def file_slug(label: str) -> str:
    """A label as part of a file name: accents dropped, lowercase letters and digits joined by
    single hyphens, at most 40 characters; "" when nothing of it is left. The runtime's fileSlug
    (format.js) is the same rule, proven on the same labels in tests/unit/test_formats.py."""
    apart = unicodedata.normalize("NFKD", label)  # "É" becomes "E" and its accent, a mark, dropped
    folded = "".join(c for c in apart if not unicodedata.category(c).startswith("M")).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded)[:40].strip("-")
