"""The answers scoring reads and the results it gives (``scoring.score``), declared once.

scoring.js computes the same results in the browser: the TypeScript declarations its JSDoc is
checked against (types/spec.d.ts) are written from these (``python -m mentorkit.site.spec_dts``),
so mypy holds scoring.py to them and tsc holds the runtime. A comment on a field is its
``Doc(...)``; it goes into the declarations beside the property.
"""

from typing import Annotated, Literal

from typing_extensions import Doc, NotRequired, TypeAliasType, TypedDict

Answer = TypeAliasType(
    "Answer", Annotated[float | str, Doc('a scale value, "na", a choice\'s value, a number, a text or a date')]
)
Answers = TypeAliasType("Answers", dict[str, Answer])

Status = Literal["complete", "incomplete"]
Flags = Annotated[
    list[str], Doc("bands: the critical statements answered at the scale's lowest (a warning sign), which cap the band")
]


class LevelDetail(TypedDict):
    met: int
    applicable: int
    needed: int
    counts: bool


class GroupResult(TypedDict):
    id: str
    answered: int
    total: int
    missing: Annotated[int, Doc("scale statements not answered")]
    not_applicable: int
    status: Status
    levels: Annotated[NotRequired[dict[str, LevelDetail]], Doc("levels: each level's statements, by its id")]
    level: Annotated[NotRequired[str | None], Doc("levels: the level reached; null while incomplete")]
    next_level: NotRequired[str | None]
    evidence: Annotated[NotRequired[bool | None], Doc("levels: whether enough of its statements apply")]
    plan: Annotated[NotRequired[list[str]], Doc("levels: the statements that would move it up, lowest level first")]
    mean: Annotated[NotRequired[float | None], Doc("bands and profile: the mean of its applicable answers")]
    band: NotRequired[str | None]
    flags: NotRequired[Flags]


class OverallResult(TypedDict):
    status: Status
    level: Annotated[NotRequired[str | None], Doc("levels: the highest level reached in enough groups")]
    next_level: NotRequired[str | None]
    evidence: NotRequired[bool]
    short: Annotated[NotRequired[int | None], Doc("groups missing to reach next_level")]
    mean: Annotated[NotRequired[float | None], Doc("bands: the mean of the group means")]
    band: NotRequired[str | None]
    flags: NotRequired[Flags]


class Result(TypedDict):
    answered: int
    total: int
    not_applicable: int
    groups: list[GroupResult]
    overall: NotRequired[OverallResult]
    focus: Annotated[NotRequired[list[str]], Doc("bands and profile: the groups to work on")]
    ranking: Annotated[NotRequired[list[str]], Doc("profile: the groups, most used first")]
