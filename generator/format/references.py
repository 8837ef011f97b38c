"""References from one questionnaire to another, checked once all of a site's are loaded.

A journal may tag its entries with the groups of another questionnaire (the mentor
self-assessment's competence categories), and prompts name the journal their answers
become entries of. Each reference is checked against the questionnaires loaded together,
and a problem points at the place in the referring file.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import Problem
from .loader import Document
from .model import Questionnaire

UNREFERENCEABLE = ("journal", "prompts")  # their groups are entry kinds and prompts, not what entries are tagged with


def check_references(loaded: list[tuple[Document, Questionnaire]]) -> list[Problem]:
    by_id = {q.id: q for _, q in loaded}
    problems: list[Problem] = []
    for doc, q in loaded:
        problems += list(_references(doc, q, by_id))
    return problems


def _references(doc: Document, q: Questionnaire, by_id: dict[str, Questionnaire]) -> Iterable[Problem]:
    scoring = q.scoring
    if scoring.method == "journal" and scoring.tags is not None:
        tagged = by_id.get(scoring.tags)
        if tagged is None:
            yield doc.problem(
                ("scoring", "tags"),
                f"no questionnaire '{scoring.tags}' is loaded with this journal; use the id of one: {', '.join(sorted(by_id))}",
                code="MK501",
            )
        elif tagged.scoring.method in UNREFERENCEABLE:
            yield doc.problem(
                ("scoring", "tags"),
                f"'{tagged.id}' is a {tagged.scoring.method} questionnaire; entries are tagged with the groups of a "
                "questionnaire of statements, such as a self-assessment",
                code="MK502",
            )
    if scoring.method != "prompts":
        return
    journal = by_id.get(scoring.journal)
    journals = sorted(other.id for other in by_id.values() if other.scoring.method == "journal")
    if journal is None or journal.scoring.method != "journal":
        found = "is not a journal" if journal is not None else "is not loaded with these prompts"
        yield doc.problem(
            ("scoring", "journal"),
            f"'{scoring.journal}' {found}; use the id of a journal: {', '.join(journals) or 'there is none'}",
            code="MK503",
        )
        return
    kinds = {group.id: group for group in journal.groups}
    if scoring.kind not in kinds:
        yield doc.problem(
            ("scoring", "kind"),
            f"journal '{journal.id}' has no entry kind '{scoring.kind}'; use one of {', '.join(kinds)}",
            code="MK504",
        )
        return
    items = {item.id: item for item in kinds[scoring.kind].items}
    texts = [i for i, item in items.items() if item.type == "text"]
    if items.get(scoring.answer) is None or items[scoring.answer].type != "text":
        yield doc.problem(
            ("scoring", "answer"),
            f"'{scoring.answer}' is not a text item of '{journal.id}' kind '{scoring.kind}'; use one of "
            f"{', '.join(texts) or 'none: give that kind a text item'}",
            code="MK505",
        )
