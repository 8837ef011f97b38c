"""The questionnaire format, declared once.

These models validate the YAML and, through ``model_json_schema()``, produce the
JSON Schema that editors use for completion: the field descriptions below are
the tooltips a programme owner sees.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="An identifier: lowercase letters, digits and single hyphens, e.g. 'understanding-self'."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Markdown = Annotated[str, StringConstraints(max_length=20000)]


class Strict(BaseModel):
    # strict: a quoted "2" is not silently the number 2; extra: a typo is an error.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ScalePoint(Strict):
    value: int = Field(description="The score this answer counts for, e.g. 0 for 'Not yet'.", ge=-1000, le=1000)
    label: Text = Field(description="What the reader sees next to the radio button.")


class Level(Strict):
    id: Slug = Field(description="The level's identifier, used by each statement's `level`.")
    name: Text = Field(description="The level's name as readers see it, e.g. 'Senior Practitioner'.")
    summary: Annotated[str, StringConstraints(max_length=500)] = Field(
        "", description="One sentence shown with the result.")
    descriptor: Markdown = Field("", description="Markdown describing a mentor at this level, shown with the overall result.")
    threshold: float | None = Field(
        None, description="Overrides scoring.threshold for this level: the mean its statements must reach.")


class OverallRule(Strict):
    at_least: int = Field(
        ge=1,
        description="The overall level is the highest level reached in at least this many groups.",
    )


class LevelsScoring(Strict):
    """Cumulative levels per group, as in the EMCC mentor competence framework."""

    method: Literal["levels"] = Field(description="How answers are turned into results.")
    threshold: float = Field(
        description="A group reaches a level when the mean of that level's statements is at least this "
        "and the level below is reached. Must lie within the scale.")
    overall: OverallRule = Field(description="The rule that gives one overall level from the group levels.")
    levels: list[Level] = Field(min_length=1, max_length=20, description="The levels, lowest first.")


class Item(Strict):
    id: Slug = Field(description="Unique in the questionnaire. Saved answers are kept by this id: "
                     "change it and readers lose their answer to this statement.")
    text: Text = Field(description="The statement, first person, e.g. 'I agree with my mentee how often we meet.'")
    level: Slug | None = Field(None, description="For levels scoring: the level this statement is evidence for.")


class Group(Strict):
    id: Slug = Field(description="Unique in the questionnaire.")
    title: Text = Field(description="The group's heading, e.g. a competence category.")
    description: Markdown = Field("", description="Markdown shown under the heading.")
    guidance: str | None = Field(
        None, description="A page of the site (path inside content/, e.g. 'competences/evaluation.md') "
        "that the development plan links to.")
    items: list[Item] = Field(min_length=1, max_length=5000, description="The statements of this group.")


class GroupNoun(Strict):
    singular: Annotated[str, StringConstraints(min_length=1, max_length=40)] = Field("group", description="e.g. 'category'")
    plural: Annotated[str, StringConstraints(min_length=1, max_length=40)] = Field("groups", description="e.g. 'categories'")


class Questionnaire(Strict):
    """A questionnaire of the mentoring toolkit: one YAML file in questionnaires/."""

    model_config = ConfigDict(title="Mentoring toolkit questionnaire")

    id: Slug = Field(description="Unique across the site; names the page and the saved answers.")
    title: Text = Field(description="The page title.")
    intro: Markdown = Field("", description="Markdown shown above the questions.")
    group_noun: GroupNoun = Field(
        GroupNoun(), description="What the groups are called on the results page, e.g. category / categories.")
    scale: list[ScalePoint] = Field(
        min_length=2, max_length=11, description="The answers every statement offers, in the order shown.")
    scoring: LevelsScoring = Field(description="How answers are scored.")
    groups: list[Group] = Field(min_length=1, max_length=200, description="Groups of statements, each a fieldset.")

    def items(self):
        """Every statement with its group, in page order."""
        for group in self.groups:
            for item in group.items:
                yield group, item
