"""A cohort summary a programme can publish with its site: per group, how many people reached
each level (or band), and nothing about any one of them.

``mentorkit report QUESTIONNAIRE FOLDER --aggregate cohort.json`` writes it from the answers
files readers handed in (read and scored by report.py, as the report is). Readers' pages
fetch it from the site and show, on the reader's device, where their own results sit.

What keeps anyone from being picked out:
- no summary at all from fewer than MINIMUM usable files;
- a group (or the overall result) is summarised only when at least MINIMUM people have a
  result there (the others left it incomplete, or with too little evidence);
- every cell holds at least MINIMUM people, or none: neighbouring rungs of the ladder are
  merged, lowest first, until each span holds that many (the last few join the span below
  them; rungs no one reached at the top stay a span of their own, of no one), so a count
  of one, two, three or four never appears;
- counts only: no file names, no dates of answering, no answer, no row per person.

The same checks read a summary back (``read_aggregate``): the build refuses a declared file
that fails them, and the runtime (theme/.../mentorkit/growth/cohort.js) ignores one, with a
notice, so a summary edited to show small cells is never shown.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..format.file_formats import CohortSummary, Counts, first_problem
from ..format.files import InputError, read_json
from .compare import _rank, rungs
from .result_types import Result
from .scoring import Spec

FORMAT = "mentorkit-cohort"
FORMAT_VERSION = 1
MINIMUM = 5  # people behind any published count, and usable files behind any summary
MAX_BYTES = 256 * 1024  # the runtime refuses a larger file before reading it


class CohortError(ValueError):
    """Why a summary could not be written or read, in one line."""


def boundaries(*series: list[int]) -> list[tuple[int, int]] | None:
    """The rungs merged into spans, lowest first, in which every series (one cohort's counts per
    rung; two when cohorts are compared) holds at least MINIMUM people or none; None when some
    series has fewer than MINIMUM people in all. A rung no one reached stays a span of its own
    unless it lies between rungs that must merge, so as few rungs as possible lose their count."""
    if any(0 < sum(counts) < MINIMUM for counts in series) or not any(map(sum, series)):
        return None

    def fits(start: int, end: int) -> bool:
        held = [sum(counts[start : end + 1]) for counts in series]
        return all(h == 0 or h >= MINIMUM for h in held)

    found: list[tuple[int, int]] = []
    start = 0
    for rung in range(len(series[0])):
        if fits(start, rung):
            found.append((start, rung))
            start = rung + 1
    if start < len(series[0]):  # the top rungs held too few: they join the spans below them
        while not fits(start, len(series[0]) - 1):
            start = found.pop()[0]
        found.append((start, len(series[0]) - 1))
    return found


def spans(counts: list[int]) -> list[dict[str, Any]] | None:
    """The rungs' counts merged into spans of at least MINIMUM people, lowest first; None when
    fewer than MINIMUM people have a result at all."""
    found = boundaries(counts)
    if found is None:
        return None
    return [{"from": a, "to": b, "people": sum(counts[a : b + 1])} for a, b in found]


def _summary(ranks: list[int | None], ladder: int) -> dict[str, Any]:
    counts = [0] * ladder
    for rank in ranks:
        if rank is not None:
            counts[rank] += 1
    found = spans(counts)
    return {"people": sum(counts), "spans": found} if found else {"spans": None}


def aggregate(spec: Spec, results: list[Result], today: datetime.date | None = None) -> dict[str, Any]:
    """The summary of these scored results (one per usable answers file)."""
    if len(results) < MINIMUM:
        raise CohortError(
            f"only {len(results)} usable answers file(s): a cohort summary needs at least {MINIMUM}, "
            "so that no one can be picked out; none written"
        )
    ladder = rungs(spec)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "questionnaire": spec["id"],
        "version": spec["version"],
        "method": spec["scoring"]["method"],
        "written": (today or datetime.date.today()).isoformat(),
        "files": len(results),
        "rungs": ladder,
        "groups": [
            # A group outside the scoring (an "About you") has no level: no counts, as for too few people.
            {"id": group["id"], "spans": None}
            if group.get("scored") is False
            else {"id": group["id"], **_summary([_rank(spec, r["groups"][n]) for r in results], len(ladder))}
            for n, group in enumerate(spec["groups"])
        ],
        "overall": _summary([_rank(spec, r["overall"]) for r in results], len(ladder)),
    }


def write_aggregate(spec: Spec, results: list[Result], path: Path) -> dict[str, Any]:
    """Write the summary as JSON; raises CohortError (nothing written) when it cannot be."""
    summary = aggregate(spec, results)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise CohortError(f"cannot write {path}: {exc.strerror or exc}") from None
    return summary


# --- reading one back -----------------------------------------------------------------------


def _check_counts(counts: Counts, ladder: int, files: int, where: str) -> None:
    found = counts.spans
    if found is None:
        if "people" in counts.model_fields_set:
            raise CohortError(f"{where} gives a number of people but no counts")
        return
    people = counts.people
    if people is None or not MINIMUM <= people <= files:
        raise CohortError(f"{where} must rest on {MINIMUM} to {files} people")
    if not found:
        raise CohortError(f"{where} has no counts")
    expected, total = 0, 0
    for span in found:
        if span.start != expected or span.to < span.start or span.to >= ladder:
            raise CohortError(f"{where} does not cover each level once, lowest first")
        if 0 < span.people < MINIMUM:
            raise CohortError(f"{where} shows a count of fewer than {MINIMUM} people")
        expected, total = span.to + 1, total + span.people
    if expected != ladder or total != people:
        raise CohortError(f"{where} does not add up")


def check_aggregate(data: object, spec: Spec) -> dict[str, Any]:
    """The summary, if it is one of this questionnaire's that keeps every rule above; else
    CohortError. A summary of an earlier version of the questionnaire is accepted (the runtime
    says so): its groups and levels must still be this version's."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CohortError("not a cohort summary written by mentorkit report --aggregate")
    try:
        summary = CohortSummary.model_validate(data)
    except ValidationError as error:
        raise CohortError(f"not a cohort summary's fields: {first_problem(error)}") from None
    if summary.format_version != FORMAT_VERSION:
        raise CohortError("written in a format version this toolkit does not read")
    if summary.questionnaire != spec["id"]:
        raise CohortError(f"a summary of another questionnaire ({summary.questionnaire[:80]!r})")
    if summary.method != spec["scoring"]["method"] or summary.rungs != rungs(spec):
        raise CohortError("its levels or bands are not this questionnaire's")
    if summary.files < MINIMUM:
        raise CohortError(f"it must rest on at least {MINIMUM} answers files")
    if [group.id for group in summary.groups] != [group["id"] for group in spec["groups"]]:
        raise CohortError("its groups are not this questionnaire's, in its order")
    ladder = len(summary.rungs)
    for group in summary.groups:
        _check_counts(group, ladder, summary.files, f"group '{group.id}'")
    _check_counts(summary.overall, ladder, summary.files, "the overall result")
    return data


def read_aggregate(path: Path, spec: Spec) -> dict[str, Any]:
    """The summary in a file, checked (``check_aggregate``)."""
    try:
        data = read_json(path, MAX_BYTES)
    except InputError as exc:
        raise CohortError(str(exc)) from None
    return check_aggregate(data, spec)
