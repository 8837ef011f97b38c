"""Questionnaire blocks inside Markdown pages.

A line of its own in Markdown,

    ::: questionnaire mentor-competence

places the whole questionnaire (its form, results and actions) at that point of
the page, and

    ::: questionnaire questions-to-consider/what-is-mentoring

only that group of it, linking to the page that holds the whole. Lines inside
fenced code blocks are left alone, so the syntax can be documented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..format.errors import Problem
from ..format.model import Questionnaire

_LINE = re.compile(r"^::: *questionnaire\b(.*)$")
_TARGET = re.compile(r"^ +([a-z0-9]+(?:-[a-z0-9]+)*)(?:/([a-z0-9]+(?:-[a-z0-9]+)*))? *$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_PLACEHOLDER = '<div data-mentorkit-block="{}"></div>'


@dataclass(frozen=True)
class Block:
    line: int  # 1-based, in the Markdown source
    questionnaire: str
    group: str | None
    text: str  # the line as written


def find_blocks(markdown: str) -> list[Block]:
    blocks, fence = [], None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opening = _FENCE.match(line)
        if opening:
            mark, rest = opening.groups()
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence) and not rest.strip():
                fence = None  # only a bare fence closes: "```text" inside code is code
            continue
        placed = _LINE.match(line) if fence is None else None
        if placed:
            target = _TARGET.match(placed.group(1))
            blocks.append(Block(number, target.group(1) if target else "", target.group(2) if target else None, line))
    return blocks


def check_blocks(blocks: list[Block], questionnaires: dict[str, Questionnaire], file: str) -> list[Problem]:
    """Every block must name an existing questionnaire and group, and a group may appear once per page."""
    problems: list[Problem] = []
    seen: set[tuple[str, str | None]] = set()
    for block in blocks:

        def problem(message: str, code: str, line: int = block.line) -> None:
            problems.append(Problem(file, line, 1, (), message, code))

        q = questionnaires.get(block.questionnaire)
        if not block.questionnaire:
            problem(
                f"'{block.text.strip()}' names no questionnaire; write '::: questionnaire <id>' or "
                "'::: questionnaire <id>/<group id>'", "MK601"
            )
        elif q is None and not questionnaires:
            problem(
                f"no questionnaire '{block.questionnaire}': the site has none; the folder questionnaires_dir (an "
                "option of the mentorkit Markdown extension) names holds no questionnaire at all", "MK602"
            )
        elif q is None:
            problem(f"no questionnaire '{block.questionnaire}'; use one of {', '.join(sorted(questionnaires))}", "MK603")
        elif block.group is not None and block.group not in {g.id for g in q.groups}:
            problem(
                f"questionnaire '{q.id}' has no group '{block.group}'; use one of {', '.join(g.id for g in q.groups)}", "MK604"
            )
        elif (
            (block.questionnaire, block.group) in seen
            or (block.questionnaire, None) in seen
            or (block.group is None and any(qid == block.questionnaire for qid, _ in seen))
        ):
            problem(f"'{block.text.strip()}' is already on this page; each block may appear once per page", "MK605")
        seen.add((block.questionnaire, block.group))
    return problems
