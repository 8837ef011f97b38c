"""Checks of a questionnaire against the site it is published in, beyond its own file: the
cohort summary it declares, read from the content folder as the page will show it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..scoring.cohort import CohortError, read_aggregate
from ..format.errors import Problem
from ..format.loader import Document
from ..format.model import Questionnaire
from .spec import runtime_spec


def cohort_file_problems(q: Questionnaire, doc: Document, cohorts_dir: Path) -> Iterable[Problem]:
    """A declared cohort file that is missing from the content folder, or that readers could not be shown."""
    if q.cohort is not None and q.scoring.method in ("levels", "bands"):
        path = Path(cohorts_dir) / q.cohort
        if not path.is_file():
            yield doc.problem(
                ("cohort",),
                f"no file '{q.cohort}' in the content folder; write it there with "
                f"`mentorkit report <questionnaire> <answers folder> --aggregate <content folder>/{q.cohort}`, "
                "or remove 'cohort' until the programme has one", code="MK610",
            )
            return
        try:
            read_aggregate(path, runtime_spec(q))
        except CohortError as exc:
            yield doc.problem(("cohort",), f"'{q.cohort}' cannot be shown to readers: {exc}", code="MK611")
