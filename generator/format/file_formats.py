"""The two JSON files that travel between readers and owners, declared once: the answers file a
reader exports (its envelope: what report.py and the runtime's import read before the answers
themselves) and the cohort summary ``mentorkit report --aggregate`` writes. Their JSON Schemas
are published beside the questionnaire's (schema.py).

The models hold the shape; the rules that need the questionnaire (its id, its groups, its levels)
and the rule that no count is of fewer than five people stay in cohort.py and report.py.

One rule for whole numbers on both sides: a JSON number that equals a whole number, so 5 and 5.0
are the same count (JavaScript cannot tell them apart, and JSON Schema's "integer" agrees), and
true, 2.5 and "5" are not. growth/cohort.js uses Number.isInteger, which is this rule.
"""

from __future__ import annotations

from typing import Annotated, Literal

import annotated_types
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, JsonValue, ValidationError


def _whole_number(value: object) -> object:
    return int(value) if isinstance(value, float) and value.is_integer() else value


Count = Annotated[
    int,
    Field(strict=True, description="A whole number of 0 or more (5 and 5.0 are the same)."),
    annotated_types.Ge(0),
    BeforeValidator(_whole_number),
]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


# --- the cohort summary -----------------------------------------------------------------------


class Span(_Closed):
    """Neighbouring rungs of the ladder merged so that the count holds five people or none."""

    start: Count = Field(alias="from", description="The lowest rung of the span (0 is the first level).")
    to: Count = Field(description="The highest rung of the span.")
    people: Count = Field(description="People whose result is in the span: 0, or 5 or more.")


class Counts(_Closed):
    """One group's counts (or the whole result's); spans is null where too few had a result."""

    people: Count | None = Field(None, description="People with a result here; absent when spans is null.")
    spans: list[Span] | None = Field(description="The counts, lowest first, covering every rung once.")


class GroupCounts(Counts):
    id: str = Field(description="The group's id, in the questionnaire's order.")


class CohortSummary(_Closed):
    """What ``mentorkit report --aggregate`` writes: counts only, never a row per person."""

    model_config = ConfigDict(title="Mentoring toolkit cohort summary")
    format: Literal["mentorkit-cohort"] = Field(description="Always mentorkit-cohort.")
    format_version: Count = Field(description="1 (the only version so far).")
    questionnaire: str = Field(description="The questionnaire's id.")
    version: str = Field(description="The questionnaire's version the answers were scored with.")
    method: str = Field(description="The scoring method: levels, bands, profile or none.")
    written: str = Field(max_length=40, description="The day it was written (YYYY-MM-DD).")
    files: Count = Field(description="Usable answers files behind it: 5 or more.")
    rungs: list[str] = Field(description="The levels' (or bands') ids, lowest first.")
    groups: list[GroupCounts] = Field(description="Each group's counts, in the questionnaire's order.")
    overall: Counts = Field(description="The counts of the whole result.")


# --- the answers file -------------------------------------------------------------------------


class AnswersFile(BaseModel):
    """The envelope of an answers file as the page's export writes it (transfer.js exportRecord).
    Only what both readers rely on is held to a type: a file whose other fields were edited still
    imports on the page, so it is still counted by the report (a test holds the two to one rule)."""

    model_config = ConfigDict(extra="allow", strict=True, frozen=True, title="Mentoring toolkit answers file")
    format: Literal["mentorkit-answers"] = Field(description="Always mentorkit-answers.")
    format_version: Annotated[int, Field(strict=True, ge=1, le=2), BeforeValidator(_whole_number)] = Field(
        1, description="1 or 2; 2 when kept lists travel beside the answers."
    )
    questionnaire: str = Field(description="The questionnaire's id.")
    answers: dict[str, JsonValue] = Field(description="Item id to answer; answers that do not fit are not read.")
    version: JsonValue = Field(None, description="The questionnaire's version when exported (text).")
    exported_at: JsonValue = Field(None, description="When it was exported (an ISO 8601 moment, as text).")
    lists: JsonValue = Field(
        None,
        description="Version 2: kept attempts, other people's views, journal entries and the journal's"
        " choices (the targets shown, the portfolio's name and role), by name.",
    )


def first_problem(error: ValidationError) -> str:
    """One line for the first thing a file got wrong: where, and what."""
    found = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in found["loc"]) or "the file"
    if found["type"] == "extra_forbidden":
        return f"{where}: a field that is not one of this format's fields"
    if found["type"] == "missing":
        return f"{where}: missing"
    return f"{where}: {found['msg'][0].lower()}{found['msg'][1:]}"
