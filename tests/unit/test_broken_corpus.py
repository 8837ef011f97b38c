"""A corpus of broken questionnaires, each with exactly what its author must be told.

Every file in tests/fixtures/broken/ is a small questionnaire with one kind of
mistake (or, for the "pile-up" cases, several at once). Its first lines say what
the author must be told, one line per problem, in the order reported:

    # expect: <line>:<col>: <path>: <message>

that is ``str(problem)`` without the ``file:`` prefix (no path part when the
problem has none). A file whose comment cannot be read (UTF-16, or a bomb written
before this convention) has its expectation in ``NOT_READABLE`` below instead.

Cases written when the package let a Python exception through (yaml-impossible-date,
yaml-bad-explicit-int, yaml-control-character, yaml-duplicate-anchor and
encoding-utf16-without-bom) pass since the hardening: their messages are the ones the
package gives, at the line, column and path the author needs.
"""

from __future__ import annotations

import time

import pytest
from mentorkit.format.errors import QuestionnaireError
from mentorkit.format.loader import MAX_NODES
from mentorkit.format.validate import load_questionnaire

from tests.unit.helpers import BROKEN

PAGES = {"guide.md"}
EXPECT = "# expect: "
SECONDS = 5

TOO_BIG = f"the document expands to more than {MAX_NODES:,} values (too large, or aliases nested too deep); simplify it"
UNREADABLE_BY_UTF8 = "the file is not UTF-8 text (byte 0xff); save it with UTF-8 encoding"

# Files that cannot carry a readable "# expect:" comment.
NOT_READABLE = {
    # The two bombs predate the corpus convention: they stop where the count runs out.
    "billion-laughs.yml": ["2:4: " + TOO_BIG],
    "merge-key-bomb.yml": ["6:4: " + TOO_BIG],
    # UTF-16 with a byte order mark: the first byte is 0xff.
    "encoding-utf16.yml": ["1:1: " + UNREADABLE_BY_UTF8],
    # UTF-16 LE without a byte order mark decodes as "UTF-8" full of NUL characters,
    # which YAML refuses; the message is a proposal (today PyYAML's ReaderError escapes).
    "encoding-utf16-without-bom.yml": [
        "1:2: the file contains the control character U+0000, which YAML does not allow; remove it"
    ],
}

FILES = sorted(BROKEN.glob("*.yml"))


def expectations(path) -> list[str]:
    if path.name in NOT_READABLE:
        return NOT_READABLE[path.name]
    lines = path.read_bytes().decode("utf-8-sig", errors="replace").splitlines()
    expected = []
    for line in lines:
        if not line.startswith("#"):
            break
        if line.startswith(EXPECT):
            expected.append(line[len(EXPECT) :])
    return expected


def test_the_corpus_has_at_least_50_files():
    assert len(FILES) >= 50


def test_every_file_says_what_to_expect():
    assert [f.name for f in FILES if not expectations(f)] == []


def test_the_unreadable_list_names_only_files_that_exist():
    assert set(NOT_READABLE) <= {f.name for f in FILES}


def test_expectations_are_written_in_the_order_problems_are_reported():
    unsorted = []
    for path in FILES:
        positions = [tuple(int(n) for n in line.split(":", 2)[:2]) for line in expectations(path)]
        if positions != sorted(positions):
            unsorted.append(path.name)
    assert unsorted == []


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_a_broken_file_tells_the_author_exactly_what_is_wrong(path):
    expected = expectations(path)
    started = time.monotonic()
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path, display=path.name, pages=PAGES)
    elapsed = time.monotonic() - started
    prefix = f"{path.name}:"
    assert all(p.file == path.name for p in caught.value.problems)
    reported = [str(p).removeprefix(prefix) for p in caught.value.problems]
    assert reported == expected
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"
