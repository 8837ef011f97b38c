"""A small valid questionnaire, and ways to break it one change at a time.

Every broken input in the unit tests is this text with one or two edits, so a
test shows exactly what an author got wrong and where the error should point.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mentorkit.format.errors import Problem, QuestionnaireError
from mentorkit.format.loader import load_yaml
from mentorkit.format.model import Questionnaire
from mentorkit.format.validate import parse

ROOT = Path(__file__).resolve().parents[2]
REAL_QUESTIONNAIRE = ROOT / "questionnaires" / "mentor-competence.yml"
CONTENT = ROOT / "content"
BROKEN = ROOT / "tests" / "fixtures" / "broken"

# The pages that `guidance` may link to in the sample.
PAGES = {"index.md", "competences/listening.md", "competences/contracting.md"}

# 2 groups x 2 levels, scale 0..3, overall: the level reached in both groups.
SAMPLE = """\
id: sample
title: Sample questionnaire
scale:
  - {value: 0, label: Not yet}
  - {value: 1, label: Sometimes}
  - {value: 2, label: Mostly}
  - {value: 3, label: Consistently}
scoring:
  method: levels
  meets: 2
  overall:
    at_least: 2
  levels:
    - id: foundation
      name: Foundation
    - id: practitioner
      name: Practitioner
      meets: 3
groups:
  - id: listening
    title: Listening
    guidance: competences/listening.md
    items:
      - id: listen-f1
        text: I let my mentee finish before I speak.
        level: foundation
      - id: listen-f2
        text: I summarise what I heard.
        level: foundation
      - id: listen-p1
        text: I notice what my mentee leaves unsaid.
        level: practitioner
  - id: contracting
    title: Contracting
    guidance: competences/contracting.md
    items:
      - id: contract-f1
        text: I agree with my mentee how often we meet.
        level: foundation
      - id: contract-p1
        text: I review our agreement with my mentee.
        level: practitioner
"""


def mutate(old: str, new: str, text: str = SAMPLE) -> str:
    """``text`` with its one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} must occur exactly once in the text to mutate"
    return text.replace(old, new)


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the one occurrence of ``needle`` in ``text``."""
    assert text.count(needle) == 1, f"{needle!r} must occur exactly once"
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def load_text(text: str | bytes, *, pages: set[str] | None = PAGES, file: str = "q.yml") -> Questionnaire:
    return parse(load_yaml(text, file), pages=pages)


def problems_in(text: str | bytes, *, pages: set[str] | None = PAGES, file: str = "q.yml") -> list[Problem]:
    """The problems reported for ``text``; fails the test if it loads."""
    with pytest.raises(QuestionnaireError) as caught:
        load_text(text, pages=pages, file=file)
    return caught.value.problems


def only_problem(text: str | bytes, **kwargs) -> Problem:
    problems = problems_in(text, **kwargs)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]


# --- samples for the other scoring methods and item types -------------------------

# Bands on a 0..3 scale; three groups of 1, 3 and 2 statements, so that the mean of
# the group means and the mean of all answers differ.
BANDS_SAMPLE = """\
id: readiness
title: Readiness check
scale:
  - {value: 0, label: Not yet}
  - {value: 1, label: Sometimes}
  - {value: 2, label: Mostly}
  - {value: 3, label: Consistently}
scoring:
  method: bands
  bands:
    - id: not-yet
      name: Not ready yet
      from: 0
    - id: developing
      name: Getting there
      from: 1.5
    - id: ready
      name: Ready
      from: 2.25
  focus_below: ready
groups:
  - id: purpose
    title: Purpose
    items:
      - id: purpose-1
        text: I can say why I want a mentor.
  - id: expectations
    title: Expectations
    items:
      - id: expectations-1
        text: I know what the programme expects of me.
      - id: expectations-2
        text: I know what I expect of my mentor.
      - id: expectations-3
        text: I have told my manager about the programme.
  - id: time
    title: Time
    items:
      - id: time-1
        text: I have set aside time for mentoring.
      - id: time-2
        text: I protect that time when work gets busy.
"""


def with_scoring(scoring: str, text: str = BANDS_SAMPLE) -> str:
    """``text`` (the bands sample by default) scored another way, e.g. 'method: profile\\n  focus: 2'."""
    old = text[text.index("scoring:\n") : text.index("groups:\n")]
    return mutate(old, f"scoring:\n  {scoring}\n", text)


# Not scored, one item of each type (text twice: a box and a single line).
ALL_TYPES_SAMPLE = """\
id: agreement
title: Mentoring agreement
scale:
  - {value: 0, label: Not yet}
  - {value: 1, label: Agreed}
scoring:
  method: none
groups:
  - id: basics
    title: The basics
    items:
      - id: goals
        type: text
        text: What we want to achieve
        hint: A sentence or two.
        lines: 3
        max_length: 200
      - id: nickname
        type: text
        text: What my mentee likes to be called
        lines: 1
        max_length: 5
      - id: place
        type: choice
        text: Where we meet
        options:
          - {value: in-person, label: In person}
          - {value: online, label: Online}
      - id: months
        type: number
        text: How many months we meet for
        min: 1
        max: 24
        unit: months
      - id: start
        type: date
        text: When we start
      - id: agreed
        text: We have agreed how we keep things confidential.
"""

# An answer that fits every item of ALL_TYPES_SAMPLE.
ALL_TYPES_ANSWERS = {
    "goals": "Meet monthly",
    "nickname": "Sam",
    "place": "online",
    "months": 6,
    "start": "2026-03-02",
    "agreed": 1,
}


def problem_at(problems: list[Problem], path: tuple) -> Problem:
    """The one problem reported for ``path`` among several."""
    matching = [p for p in problems if p.path == path]
    assert len(matching) == 1, "\n".join(str(p) for p in problems)
    return matching[0]


def node_output(script: str, *args: str, env: dict[str, str] | None = None) -> Any:
    """What a Node script of tests/node writes to its output, run once with ``args``, read as JSON."""
    out = subprocess.run(
        [shutil.which("node") or "node", str(ROOT / "tests" / "node" / script), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=env,
    )
    return json.loads(out.stdout)


@contextlib.contextmanager
def node_driver(
    argv: list[str], cwd: Path | None = None, *, never_throws: bool = True
) -> Iterator[Callable[[dict], dict]]:
    """A Node script of tests/node that reads one JSON case a line and answers one JSON outcome a
    line, kept running while the cases last; ``never_throws``: every outcome must say ok."""
    process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(case: dict) -> dict:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(case) + "\n")
        process.stdin.flush()
        outcome = json.loads(process.stdout.readline())
        if never_throws:
            assert outcome["ok"], outcome["error"]  # nothing the data holds may throw
        return outcome

    try:
        yield ask
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)
