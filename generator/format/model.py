"""The questionnaire format, declared once.

These models validate the YAML and, through ``model_json_schema()``, produce the
JSON Schema that editors use for completion: the field descriptions below are
the tooltips a programme owner sees.

Every instrument is one of these: statements answered on a scale, free text,
choices, numbers and dates, grouped, and scored by one of the methods at the
bottom. No instrument has code of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag
from pydantic_core import PydanticCustomError

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="An identifier: lowercase letters, digits and single hyphens, e.g. 'understanding-self'."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=80)]

# Python-Markdown recurses once for each list or block quote inside another (a RecursionError
# at a few hundred), and looks for the closing bracket from every '[' and '(' left open (19,000
# of them took a build 100 s). What validation accepts must build, quickly: no real text comes
# near these limits.
MAX_MARKDOWN_NESTING = 20
MAX_OPEN_BRACKETS = 20
_CONTAINER = re.compile(r"([ \t]*)(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))")
_BRACKET = re.compile(r"\\.|[\[\]()]")  # an escaped bracket is text


def _indent(blank: str) -> int:
    return len(blank.expandtabs(4)) // 4  # Python-Markdown nests a list 4 columns further in


def _nesting(line: str) -> int:
    """Lists and block quotes this line is inside, at least: its markers, each with its indent."""
    depth = position = 0
    while marker := _CONTAINER.match(line, position):
        depth += 1 + _indent(marker.group(1))
        position = marker.end()
    rest = line[position:]
    return depth + _indent(rest[: len(rest) - len(rest.lstrip(" \t"))])


def _too_deep(depth: int, line: int) -> PydanticCustomError:
    return PydanticCustomError(
        "markdown_limit",
        "lists or block quotes nested {depth} deep (line {line} of the Markdown); at most {limit} levels are allowed",
        {"depth": f"{depth:,}", "line": line, "limit": MAX_MARKDOWN_NESTING},
    )


def _too_many_open(most: int, line: int) -> PydanticCustomError:
    return PydanticCustomError(
        "markdown_limit",
        "{most} brackets '[' or '(' open at once, nested or never closed (line {line} of the Markdown); "
        "at most {limit} are allowed: close them, or write \\[ for a bracket that is text",
        {"most": f"{most:,}", "line": line, "limit": MAX_OPEN_BRACKETS},
    )


def _markdown_limits(text: str) -> str:
    """``text``, or the first place it passes a limit above."""
    brackets, most, first = {"[": 0, "(": 0}, 0, 0  # in this paragraph: open now, most at once, where too many
    for number, line in enumerate([*text.splitlines(), ""], 1):
        if not line.strip():  # a paragraph ends: Python-Markdown reads links within one
            if first:
                raise _too_many_open(most, first)
            brackets, most = {"[": 0, "(": 0}, 0
            continue
        if (depth := _nesting(line)) > MAX_MARKDOWN_NESTING:
            raise _too_deep(depth, number)
        for match in _BRACKET.finditer(line):
            mark = match.group()
            if mark in brackets:
                brackets[mark] += 1
                most = max(most, brackets[mark])
                first = first or (number if most > MAX_OPEN_BRACKETS else 0)
            elif len(mark) == 1:  # a closing one; an escape (two characters) is text
                opening = "[" if mark == "]" else "("
                brackets[opening] = max(0, brackets[opening] - 1)
    return text


Markdown = Annotated[str, StringConstraints(max_length=20000), AfterValidator(_markdown_limits)]


class Strict(BaseModel):
    # strict: a quoted "2" is not silently the number 2; extra: a typo is an error.
    # allow_inf_nan: .nan and .inf are numbers to YAML, but no threshold or bound, and JSON has no such values.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class ScalePoint(Strict):
    value: int = Field(description="The score this answer counts for, e.g. 0 for 'Not yet'.", ge=-1000, le=1000)
    label: Text = Field(description="What the reader sees next to the radio button.")


# --- items ---------------------------------------------------------------------


class ItemBase(Strict):
    id: Slug = Field(
        description="Unique in the questionnaire. Saved answers are kept by this id: "
        "change it and readers lose their answer to this item."
    )
    text: Text = Field(description="The statement or question, e.g. 'I agree with my mentee how often we meet.'")
    hint: Annotated[str, StringConstraints(max_length=500)] = Field(
        "", description="A line of help under the question."
    )


class ScaleItem(ItemBase):
    """A statement answered on the questionnaire's scale; the only kind that is scored."""

    type: Literal["scale"] = Field("scale", description="Answered on the scale (the default).")
    level: Slug | None = Field(None, description="For levels scoring: the level this statement is evidence for.")
    not_applicable: bool | None = Field(
        None,
        description="Whether this statement offers a 'not applicable' answer (left out of the scoring, never "
        "counted as zero). Default: offered when the questionnaire sets `not_applicable`.",
    )
    scored: bool = Field(
        True,
        description="false: the statement is answered, shown and exported, but left out of the scoring "
        "(e.g. 'I feel ready to start'); it then takes no `level`.",
    )
    observer: Text | None = Field(
        None,
        description="The statement worded for someone giving their view of the reader, e.g. 'They agree with their "
        "mentee what stays confidential.' Needed on every scale statement when the questionnaire declares `observer`.",
    )
    critical: bool = Field(
        False,
        description="For bands scoring: a warning sign no average may hide, e.g. 'I can speak without fear'. Its "
        "lowest answer keeps its group, and the overall result, below the top band whatever the other answers, and "
        "the results say which statement did.",
    )


class TextItem(ItemBase):
    type: Literal["text"] = Field(description="Free text, never scored.")
    lines: int = Field(4, ge=1, le=30, description="Height of the text box in lines; 1 gives a single-line field.")
    max_length: int = Field(10000, ge=1, le=100000, description="The most characters an answer may hold.")


class Option(Strict):
    value: Slug = Field(description="Saved as the answer: keep it stable.")
    label: Text = Field(description="What the reader sees.")


class ChoiceItem(ItemBase):
    type: Literal["choice"] = Field(description="One answer chosen from the options.")
    options: list[Option] = Field(min_length=2, max_length=30, description="The answers to choose from, in order.")


class NumberItem(ItemBase):
    type: Literal["number"] = Field(description="A number, such as a count of months.")
    min: float | None = Field(None, description="The smallest number allowed.")
    max: float | None = Field(None, description="The largest number allowed.")
    unit: Annotated[str, StringConstraints(max_length=40)] = Field(
        "", description="Shown after the field, e.g. 'months'."
    )
    unit_one: Annotated[str, StringConstraints(max_length=40)] = Field(
        "",
        description="The unit's singular where it differs, e.g. 'month': shown where the page's language "
        "takes the singular (1 month; in French 0 and 1).",
    )


# How long before an event its calendar alarm rings: words an owner writes ("1 hour", "2 days").
_REMIND = re.compile(r"(\d{1,4}) (minute|hour|day|week)s?")
_REMIND_MINUTES = {"minute": 1, "hour": 60, "day": 24 * 60, "week": 7 * 24 * 60}
MOST_REMIND_MINUTES = 4 * 7 * 24 * 60  # four weeks: further ahead, an alarm reminds of nothing


def remind_minutes(text: str) -> int:
    """The minutes before an event that ``text`` ("1 hour", "2 days") means."""
    match = _REMIND.fullmatch(text)
    assert match, text  # checked by _remind when the file was read
    return int(match.group(1)) * _REMIND_MINUTES[match.group(2)]


def _remind(text: str) -> str:
    if not _REMIND.fullmatch(text) or remind_minutes(text) > MOST_REMIND_MINUTES:
        raise PydanticCustomError(
            "calendar_remind",
            "{found} is not a time before the event; write a number and minutes, hours, days or weeks, "
            "such as '1 hour' or '2 days', up to 4 weeks",
            {"found": repr(text[:80])},
        )
    return text


Remind = Annotated[str, StringConstraints(max_length=40), AfterValidator(_remind)]


class Calendar(Strict):
    """How a journal's date goes into the reader's calendar, in words the reader would use."""

    button: Short | None = Field(
        None,
        description="The button's words, e.g. 'Add our next meeting to my calendar'. "
        "By default: Add “<the entry's title>” to my calendar.",
    )
    event: Short | None = Field(
        None,
        description="The event's title in the calendar; {item-id} puts in that answer of the entry, "
        "e.g. 'Mentoring with {with}'. By default the entry's kind and title.",
    )
    remind: Remind | None = Field(
        None,
        description="An alarm this long before the event: a number and minutes, hours, days or weeks, "
        "up to 4 weeks, e.g. '1 hour' or '1 day'. None by default.",
    )


def _calendar_form(value: object) -> str:
    """`calendar: true`, or a mapping of the button's words, the event's title and the alarm: one is
    read, and a mistake is told in the terms of what was written."""
    return "words" if isinstance(value, (dict, Calendar)) else "switch"


CalendarChoice = Annotated[
    Union[Annotated[bool, Tag("switch")], Annotated[Calendar, Tag("words")]],  # noqa: UP007 (tagged members)
    Discriminator(_calendar_form),
]


class DateItem(ItemBase):
    type: Literal["date"] = Field(description="A calendar date.")
    time: bool = Field(False, description="Asks for a time of day as well, e.g. for a meeting: 'YYYY-MM-DDTHH:MM'.")
    calendar: CalendarChoice = Field(
        False,
        description="Journals only: offers 'Add to calendar' for this date, as an .ics file the reader's calendar "
        "imports (an all-day event, or a timed one with `time`); `true`, or the button's words, the event's "
        "title and an alarm.",
    )


class LinkItem(ItemBase):
    """Journals only: another entry of the same journal, such as the goal an action serves."""

    type: Literal["link"] = Field(description="A link to another entry of this journal.")
    kinds: list[Slug] = Field(
        min_length=1, max_length=20, description="The entry kinds (group ids of this journal) it may link to."
    )


def _item_type(value: object) -> str:
    """The tag that picks an item's model: its ``type``, "scale" when it has none."""
    kind = value.get("type", "scale") if isinstance(value, dict) else getattr(value, "type", "scale")
    return str(kind)


ITEM_TYPES: dict[str, type[ItemBase]] = {
    "scale": ScaleItem,
    "text": TextItem,
    "choice": ChoiceItem,
    "number": NumberItem,
    "date": DateItem,
    "link": LinkItem,
}
if TYPE_CHECKING:  # the same union, spelt out for the type checker (which cannot read one built from a table)
    Item = ScaleItem | TextItem | ChoiceItem | NumberItem | DateItem | LinkItem
else:
    Item = Annotated[
        Union[tuple(Annotated[model, Tag(name)] for name, model in ITEM_TYPES.items())],  # noqa: UP007 (built from the table)
        Discriminator(_item_type),
    ]


class GroupNoun(Strict):
    singular: Short = Field("group", description="e.g. 'category'")
    plural: Short = Field("groups", description="e.g. 'categories'")
    gender: Literal["masculine", "feminine", "neuter"] | None = Field(
        None,
        description="The noun's grammatical gender, for languages whose sentences agree with it (French: "
        "'chacun des domaines', 'chacune des catégories'). Unset: the sentences' default form.",
    )


class EntryStatus(Strict):
    item: Slug = Field(description="A choice item of the kind that holds the status, e.g. 'status'.")
    open: list[Slug] = Field(
        min_length=1, max_length=20, description="Option values of an entry still to do, e.g. [open]."
    )
    done: list[Slug] = Field(
        min_length=1,
        max_length=20,
        description="Option values of an entry done, e.g. [done]. Other values (e.g. 'dropped') count neither way.",
    )


class EntryKind(Strict):
    """A group of a journal answered many times: each answer is an entry with an id and a date."""

    date: Slug = Field(
        description="The date item that dates each entry (today's date when an entry is added); "
        "entries are listed by it, newest first."
    )
    title: Slug | None = Field(
        None, description="The text item whose answer names an entry in lists and exports, e.g. a goal's 'what'."
    )
    due: Slug | None = Field(
        None, description="A date item: the date the entry is due by. With a status, open entries past it are overdue."
    )
    status: EntryStatus | None = Field(
        None,
        description="Entries to do (e.g. actions): open ones past their due date are shown first, and done ones "
        "count as progress of the entries they link to.",
    )
    agenda: list[Slug] = Field(
        [],
        max_length=20,
        description="Text items whose answer in the latest entry of this kind goes into 'Agenda for our next "
        "meeting', with the open entries, e.g. the questions to raise next time.",
    )


class Group(Strict):
    id: Slug = Field(description="Unique in the questionnaire.")
    title: Text = Field(description="The group's heading, e.g. a competence category.")
    description: Markdown = Field("", description="Markdown shown under the heading.")
    guidance: str | None = Field(
        None,
        description="A page of the site (path inside content/, e.g. 'competences/evaluation.md') "
        "that the results link to.",
    )
    next_step: Markdown = Field(
        "", description="Markdown shown in the results when this group needs attention (bands and profile scoring)."
    )
    scored: bool = Field(
        True,
        description="false: an 'About you' group, shown and exported like any other, but outside the scoring "
        "(no level, band or rank; not counted in the overall result). Its items take no `level`.",
    )
    items: list[Item] = Field(min_length=1, max_length=5000, description="The items of this group.")
    entry: EntryKind | None = Field(
        None,
        description="Journals only, and there required: makes this group an entry kind, answered many times, "
        "each answer a dated entry.",
    )
    roles: list[Slug] = Field(
        [],
        max_length=20,
        description="Prompts only: the roles (ids from scoring.roles) this group's questions are for; empty: everyone.",
    )


# --- scoring methods -------------------------------------------------------------


class Level(Strict):
    id: Slug = Field(description="The level's identifier, used by each statement's `level`.")
    name: Text = Field(description="The level's name as readers see it, e.g. 'Senior Practitioner'.")
    summary: Annotated[str, StringConstraints(max_length=500)] = Field(
        "", description="One sentence shown with the result."
    )
    descriptor: Markdown = Field(
        "", description="Markdown describing a mentor at this level, shown with the overall result."
    )
    next_steps: Markdown = Field(
        "",
        description="Markdown, best a list: concrete things to do next for a reader at this level overall (find "
        "a supervisor, start a journal, take it again in three months), with links. The first is offered as "
        "the next step beside the result; all of them open the development plan.",
    )
    meets: float | None = Field(
        None,
        description="Overrides scoring.meets for this level: the lowest answer that meets one of its statements. "
        "The top level usually needs the top answer.",
    )
    share: float | None = Field(
        None, gt=0, le=1, description="Overrides scoring.share for this level: the share of its statements to meet."
    )


class OverallRule(Strict):
    at_least: int = Field(
        ge=1, description="The overall level is the highest level reached in at least this many groups."
    )


class LevelsScoring(Strict):
    """Levels per group, as in the EMCC mentor competence framework: a group's level is the
    number of levels whose statements it meets."""

    method: Literal["levels"] = Field(description="How answers are turned into results.")
    meets: float = Field(
        description="The lowest answer that meets a statement, e.g. 2 for 'Mostly' on a 0 to 3 scale. "
        "Must lie within the scale; a level may raise it."
    )
    share: float = Field(
        0.5,
        gt=0,
        le=1,
        description="A level counts in a group when at least this share of its applicable statements is met "
        "(rounded up): 0.5 is 2 of 3. A group's level is the number of levels that count.",
    )
    evidence: float = Field(
        0.5,
        ge=0,
        le=1,
        description="A group gets a level only when at least this share of its statements apply to the reader "
        "(are not answered 'not applicable'); below it, the results say the evidence is too little.",
    )
    overall: OverallRule = Field(description="The rule that gives one overall level from the group levels.")
    levels: list[Level] = Field(min_length=1, max_length=20, description="The levels, lowest first.")
    first_steps: Markdown = Field(
        "",
        description="Markdown, best a list: what to do next for a reader who has no overall level yet (too "
        "little evidence, or not yet at the first level), as a level's next_steps are for a reader at that level.",
    )


class Band(Strict):
    id: Slug
    name: Text = Field(description="The band's name as readers see it, e.g. 'Getting there'.")
    from_: float = Field(alias="from", description="A mean at or above this falls in this band (or a higher one).")
    summary: Annotated[str, StringConstraints(max_length=500)] = Field(
        "", description="One sentence shown with the band."
    )


class BandsScoring(Strict):
    """The mean of each group, and of all groups, mapped to named bands."""

    method: Literal["bands"] = Field(description="How answers are turned into results.")
    bands: list[Band] = Field(
        min_length=2, max_length=10, description="The bands, lowest first; the first starts at the lowest scale value."
    )
    focus_below: Slug = Field(description="Groups below this band show their next step and guidance.")


class ProfileScoring(Strict):
    """A ranked profile of group means: no judgement, most used first."""

    method: Literal["profile"] = Field(description="How answers are turned into results.")
    focus: int = Field(2, ge=0, le=50, description="How many of the least-scored groups show their next step.")


class Party(Strict):
    item: Slug = Field(description="A text item holding this party's name, e.g. 'mentor-name'.")
    label: Short = Field(description="Who they are, e.g. 'Mentor': shown with the name and the signature line.")


class PrintedDocument(Strict):
    """How an unscored questionnaire prints: as a document to sign rather than as a form."""

    title: Text = Field(description="The printed heading, e.g. 'Our mentoring agreement'.")
    parties: list[Party] = Field(
        min_length=1,
        max_length=6,
        description="The people it is between: their names at the top, and a signature and date line for each.",
    )


class NoScoring(Strict):
    """Not scored: the results are a summary of the answers, to print or export."""

    method: Literal["none"] = Field(description="How answers are turned into results.")
    document: PrintedDocument | None = Field(
        None,
        description="Prints as a document (e.g. an agreement): its title, the parties' names at the top, "
        "signature and date lines, and neither hints nor guidance links.",
    )


class Target(Strict):
    id: Slug = Field(description="Unique among the targets.")
    title: Text = Field(description="What is counted, as readers see it, e.g. 'Supervision'.")
    kind: Slug = Field(description="The entry kind (a group id of this journal) whose entries count.")
    sum: Slug | None = Field(
        None, description="A number item of that kind to add up, e.g. 'hours'; without it, entries are counted."
    )
    at_least: float = Field(gt=0, description="The amount to reach in each period, e.g. 3 (hours).")
    per: Literal["month", "quarter", "year"] = Field(description="The period the amount is for.")


class JournalScoring(Strict):
    """A journal: groups are entry kinds, answered many times; the results are an evidence summary."""

    method: Literal["journal"] = Field(description="How answers are turned into results.")
    tags: Slug | None = Field(
        None,
        description="The id of a questionnaire whose groups entries can be tagged with, e.g. the mentor "
        "self-assessment's competence categories; its development plan then links to this journal.",
    )
    targets: list[Target] = Field([], max_length=50, description="Evidence targets the summary shows progress towards.")
    targets_note: Markdown = Field(
        "", description="Markdown shown with the targets, e.g. where a professional body's own requirements are."
    )


class Role(Strict):
    id: Slug = Field(description="Named by the groups' `roles`.")
    label: Short = Field(description="What the filter shows, e.g. 'For mentors'.")


class PromptsScoring(Strict):
    """Questions to reflect on: each answer becomes a dated entry of a journal, tied to its question."""

    method: Literal["prompts"] = Field(description="How answers are turned into results.")
    journal: Slug = Field(description="The id of the journal whose entries the answers become.")
    kind: Slug = Field(description="The journal's entry kind the answers become, e.g. 'reflection'.")
    answer: Slug = Field(description="The text item of that kind that holds the answer.")
    roles: list[Role] = Field(
        [], max_length=20, description="Roles the questions can be filtered by; each group names its own."
    )


SCORING_METHODS: dict[str, type[Strict]] = {
    "levels": LevelsScoring,
    "bands": BandsScoring,
    "profile": ProfileScoring,
    "none": NoScoring,
    "journal": JournalScoring,
    "prompts": PromptsScoring,
}
Scoring = Annotated[
    LevelsScoring | BandsScoring | ProfileScoring | NoScoring | JournalScoring | PromptsScoring,
    Field(discriminator="method"),
]


# --- growth: attempts, another's view, a cohort ------------------------------------


class Attempts(Strict):
    """Completed answers kept as dated attempts in the reader's browser, and compared."""

    compare: Literal["over-time", "side-by-side"] = Field(
        "over-time",
        description="over-time: each attempt is the reader at one time, compared with an earlier one (the chart draws "
        "both, the table shows the change in each group). side-by-side: each attempt is one option, such as a "
        "candidate mentor, and all are shown side by side with the strongest in each group marked.",
    )
    title: Short | None = Field(
        None,
        description="Heading of the kept attempts, e.g. 'Your candidates'. Default: 'Your attempts' or 'Side by side'.",
    )
    label: Short | None = Field(
        None,
        description="What an attempt's label is called where the reader types it, e.g. \"Candidate's name\". "
        "Default: 'Label (optional)'.",
    )


class ObserverRole(Strict):
    id: Slug = Field(description="Unique among the roles; travels with a view, e.g. 'mentee'.")
    name: Short = Field(description="Who this is to the reader, as a column heading, e.g. 'Your mentee'.")
    view: Short = Field(
        description="Their view as a sentence names it, e.g. \"your mentee's view\", in 'You rate yourself "
        "2 levels above your mentee's view on Evaluation.'"
    )
    who: Short = Field(
        description="Who the observer is, as the page tells them, e.g. 'their mentee', in 'You answer as their mentee.'"
    )


class Observer(Strict):
    """Another person's view: someone who sees the reader at work answers the same statements, each worded for an
    observer (`observer` on every scale statement), and sends their answers back in a link or a file."""

    roles: list[ObserverRole] = Field(
        min_length=1, max_length=10, description="Who the reader may ask, e.g. mentee, supervisor, peer."
    )
    intro: Annotated[str, StringConstraints(max_length=2000)] = Field(
        "", description="Plain text shown to the observer above the statements, e.g. what to base their answers on."
    )
    scale_hint: Annotated[str, StringConstraints(max_length=300)] = Field(
        "",
        description="How to answer, for the observer. Default: a neutral sentence listing the answers.",
    )
    about: Literal["person", "relationship"] = Field(
        "person",
        description="What the statements are about: the reader, as the observer sees them ('person', e.g. a "
        "self-assessment), or the relationship between the two of them ('relationship', e.g. a health check). "
        "The page's sentences to both say so.",
    )


# A file of the site, as a path inside the docs folder: no way out of it, no address elsewhere.
_SITE_FILE = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*\.json$")


def _site_file(path: str) -> str:
    if not _SITE_FILE.match(path) or "//" in path:
        raise PydanticCustomError(
            "site_file",
            "{path} is not a JSON file of the site; give its path inside the content folder, such as "
            "'cohorts/mentor-competence.json' (letters, digits, '_', '-', '.' and '/', ending in .json)",
            {"path": repr(path[:80])},
        )
    return path


SiteFile = Annotated[str, StringConstraints(max_length=200), AfterValidator(_site_file)]


class Questionnaire(Strict):
    """A questionnaire of the mentoring toolkit: one YAML file in questionnaires/."""

    model_config = ConfigDict(title="Mentoring toolkit questionnaire")

    id: Slug = Field(description="Unique across the site; names the page and the saved answers.")
    title: Text = Field(description="The page title.")
    group_noun: GroupNoun = Field(
        GroupNoun(), description="What the groups are called on the results page, e.g. category / categories."
    )
    intro: Markdown = Field("", description="Markdown shown above the questions.")
    results_title: Annotated[str, StringConstraints(max_length=120)] = Field(
        "",
        description="Heading of the results, e.g. 'Your mentoring agreement'. "
        "Default: 'Your results', or 'Your answers' when not scored.",
    )
    results_note: Markdown = Field(
        "",
        description="Markdown shown at the top of the results, e.g. that a self-rating is not an accreditation. "
        "Levels questionnaires show a short default when this is empty.",
    )
    not_applicable: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = Field(
        None,
        description="Offers this answer, e.g. 'Not applicable / no chance yet', on every scale statement "
        "(a statement may set `not_applicable: false`). It is left out of the scoring, never counted as zero.",
    )
    scale_hint: Annotated[str, StringConstraints(max_length=300)] = Field(
        "",
        description="How to answer the scale, shown above the statements, e.g. 'For each statement, choose how "
        "often it is true of your practice.' Default: a neutral sentence listing the answers.",
    )
    scale: list[ScalePoint] | None = Field(
        None,
        min_length=2,
        max_length=11,
        description="The answers every scale statement offers, in the order shown. Needed when there are scale statements.",
    )
    scoring: Scoring = Field(
        description="How answers are scored: levels, bands, profile or none; or a journal of entries, or prompts "
        "whose answers become journal entries."
    )
    groups: list[Group] = Field(min_length=1, max_length=200, description="Groups of items, each a fieldset.")
    attempts: Attempts | None = Field(
        None, description="Let readers keep completed answers as dated attempts and compare them (scored only)."
    )
    observer: Observer | None = Field(
        None,
        description="Let readers ask someone else for their view, answered on the same statements worded for an "
        "observer; shown beside the reader's own, never averaged (scored only).",
    )
    cohort: SiteFile | None = Field(
        None,
        description="A cohort summary written by `mentorkit report --aggregate`, published with the site: its path "
        "inside the content folder, e.g. 'cohorts/mentor-competence.json'. Readers then see where their results sit "
        "against the cohort, computed in their browser (levels and bands scoring).",
    )

    def items(self) -> Iterator[tuple[Group, Item]]:
        """Every item with its group, in page order."""
        for group in self.groups:
            for item in group.items:
                yield group, item

    def scored_groups(self) -> list[Group]:
        """The groups the scoring looks at: all but those marked ``scored: false``."""
        return [group for group in self.groups if group.scored]

    @staticmethod
    def statements(group: Group) -> list[ScaleItem]:
        """The statements of ``group`` that count in the scoring: none in an unscored group."""
        return [item for item in group.items if isinstance(item, ScaleItem) and item.scored] if group.scored else []

    def offers_not_applicable(self, item: ItemBase) -> bool:
        """Whether a scale statement offers "not applicable": its own choice, else the questionnaire's."""
        if not isinstance(item, ScaleItem):
            return False
        return item.not_applicable if item.not_applicable is not None else self.not_applicable is not None
