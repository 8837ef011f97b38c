"""The runtime spec (``spec.runtime_spec``), declared once: the JSON each questionnaire page carries.

spec.py's functions return these, so mypy holds what they write to the keys and types declared
here; the runtime's JSDoc is held to the same by tsc, through the TypeScript declarations
written from these (types/spec.d.ts, ``python -m mentorkit.site.spec_dts``), and
tests/unit/test_spec_types.py holds every questionnaire's spec to them, both ways. Each class is
an interface of its own there, under the same name; a class's docstring goes above it and a
field's ``Doc(...)`` beside the field. ``NotRequired``: a key written only where it applies.
"""

from typing import Annotated, Literal

from typing_extensions import Doc, NotRequired, TypeAliasType, TypedDict


class ScalePoint(TypedDict):
    value: int
    label: str


class ChoiceOption(TypedDict):
    value: str
    label: str


class CalendarSpec(TypedDict):
    """How a journal's date goes into a calendar, as the YAML words it."""

    button: Annotated[NotRequired[str], Doc("the button's words")]
    event: Annotated[NotRequired[str], Doc("the event's title, {item-id} put in from the entry's answers")]
    remind: Annotated[NotRequired[int], Doc("minutes before the event that its alarm rings")]


class SpecItem(TypedDict):
    id: str
    type: Literal["scale", "text", "choice", "number", "date", "link"]
    text: str
    level: Annotated[NotRequired[str], Doc("scale statements of a levels questionnaire")]
    not_applicable: Annotated[NotRequired[Literal[True]], Doc('offers "not applicable"')]
    scored: Annotated[NotRequired[Literal[False]], Doc("a scale statement answered and exported, outside the scoring")]
    critical: Annotated[NotRequired[Literal[True]], Doc("bands: a warning sign, whose lowest answer caps its band")]
    observer: Annotated[NotRequired[str | None], Doc("the statement worded for someone giving their view")]
    options: NotRequired[list[ChoiceOption]]
    min: NotRequired[float | None]
    max: NotRequired[float | None]
    unit: NotRequired[str | None]
    unit_one: Annotated[NotRequired[str], Doc("the unit's singular, where the page's language takes it")]
    max_length: NotRequired[int]
    time: Annotated[NotRequired[Literal[True]], Doc("a date with a time of day")]
    calendar: Annotated[NotRequired[Literal[True] | CalendarSpec], Doc("a date offered as a calendar event")]
    kinds: Annotated[NotRequired[list[str]], Doc("a link: the entry kinds it may point to")]


class EntryStatus(TypedDict):
    item: str
    open: list[str]
    done: list[str]


class SpecEntry(TypedDict):
    """A kind of entry of a journal: which of its items are its date, title, due date and status."""

    date: str
    title: str | None
    due: str | None
    status: EntryStatus | None
    agenda: list[str]


class SpecGroup(TypedDict):
    id: str
    title: str
    guidance: str | None
    guidanceLanguage: Annotated[
        NotRequired[str], Doc("the guidance page's language, when it is the main site's page, not this site's")
    ]
    scored: Annotated[NotRequired[Literal[False]], Doc('an "About you": outside the scoring')]
    items: list[SpecItem]
    entry: Annotated[NotRequired[SpecEntry], Doc("a journal's kind of entry")]
    roles: Annotated[NotRequired[list[str]], Doc("prompts: who the questions are for")]


class SpecLevel(TypedDict):
    id: str
    name: str
    summary: str
    meets: float
    share: float


# "from" is a keyword in Python: a key of that name is declared in the functional form.
SpecBand = TypedDict("SpecBand", {"id": str, "name": str, "from": float, "summary": str})


class OverallRule(TypedDict):
    at_least: int


class LevelsScoring(TypedDict):
    method: Literal["levels"]
    evidence: float
    overall: OverallRule
    levels: list[SpecLevel]


class BandsScoring(TypedDict):
    method: Literal["bands"]
    focus_below: str
    bands: list[SpecBand]


class ProfileScoring(TypedDict):
    method: Literal["profile"]
    focus: int


class DocumentParty(TypedDict):
    item: str
    label: str


class SpecDocument(TypedDict):
    title: str
    parties: list[DocumentParty]


class NoScoring(TypedDict):
    method: Literal["none"]
    document: Annotated[
        NotRequired[SpecDocument], Doc("a printed document: its title and the parties who sign it")
    ]


class EvidenceTarget(TypedDict):
    id: str
    title: str
    kind: str
    sum: str | None
    at_least: float
    per: str


class JournalScoring(TypedDict):
    method: Literal["journal"]
    targets: list[EvidenceTarget]


class PromptRole(TypedDict):
    id: str
    label: str


class PromptsScoring(TypedDict):
    method: Literal["prompts"]
    journal: str
    kind: str
    answer: str
    roles: list[PromptRole]


SpecScoring = TypeAliasType(
    "SpecScoring", LevelsScoring | BandsScoring | ProfileScoring | NoScoring | JournalScoring | PromptsScoring
)


class GroupNoun(TypedDict):
    singular: str
    plural: str


class SpecAttempts(TypedDict):
    compare: Literal["over-time", "side-by-side"]
    title: str | None
    label: str | None


class ObserverRole(TypedDict):
    id: str
    name: str
    view: str
    who: str


class SpecObserver(TypedDict):
    roles: list[ObserverRole]
    intro: str
    scale_hint: str
    about: Annotated[
        Literal["person", "relationship"], Doc("what the statements are about: the reader, or the two of them")
    ]


class Spec(TypedDict):
    id: str
    version: Annotated[str, Doc("changes when saved answers may no longer fit")]
    title: str
    group_noun: GroupNoun
    scale: list[ScalePoint]
    not_applicable: str | None
    scoring: SpecScoring
    groups: list[SpecGroup]
    attempts: Annotated[NotRequired[SpecAttempts], Doc("kept attempts, compared over time or side by side")]
    observer: Annotated[NotRequired[SpecObserver], Doc("another person's view, asked for by link")]
    cohort: Annotated[NotRequired[str], Doc("the address of the published cohort summary, relative to the page")]
