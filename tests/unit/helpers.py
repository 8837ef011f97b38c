"""A small valid questionnaire, and ways to break it one change at a time.

Every broken input in the unit tests is this text with one or two edits, so a
test shows exactly what an author got wrong and where the error should point.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Problem, QuestionnaireError
from generator.loader import load_yaml
from generator.model import Questionnaire
from generator.validate import parse

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
  threshold: 2
  overall:
    at_least: 2
  levels:
    - id: foundation
      name: Foundation
    - id: practitioner
      name: Practitioner
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
