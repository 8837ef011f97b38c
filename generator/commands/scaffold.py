"""``mentorkit new``: a small questionnaire of each scoring method that is valid as written,
and the Markdown page that shows it.

A programme owner learns the format fastest by editing a working file, so each
starter is complete (scale, scoring, two groups) and commented section by
section. It has no guidance links: they would point at pages the site may not have.
The page is an ordinary Markdown page: its heading and one block line, which the
owner may move, retitle and introduce like any other page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pydantic
import yaml

from ..format.errors import QuestionnaireError
from ..format.loader import load_yaml
from ..format.model import Slug, Text
from ..format.schema import write_schemas
from ..format.validate import parse, read_document
from ..format.wording import SLUG_HINT
from ..site.project import questionnaire_files

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/questionnaire.schema.json"
PAGES = "assessments"  # where, inside the content folder, a new questionnaire's page goes

_SCALE = """
# The answers every scale statement offers, in the order shown. The value is
# what an answer counts for in the scoring. One key a line, so that a label may
# hold a comma ("Often, not always"): inside { } a comma starts a new key.
scale:
  - value: 0
    label: Not yet
  - value: 1
    label: Sometimes
  - value: 2
    label: Mostly
  - value: 3
    label: Consistently
"""

_GROUPS_COMMENT = """\
# The groups, each shown as a fieldset. An item's id is where a reader's answer
# is kept: change it once the questionnaire is in use and that answer is lost.
"""

_LEVELS = (
    """\
group_noun:
  singular: area
  plural: areas
intro: |
  Rate how often each statement describes what you do today. The result shows
  the level you have reached in each area and what the next level asks of you.
"""
    + _SCALE
    + """
# Levels scoring: a statement is met by an answer of at least 'meets'; a level
# counts in an area when at least 'share' of its statements are met, and an
# area's level is the number of levels that count.
scoring:
  method: levels
  meets: 2
  share: 0.5
  # The overall level is the highest level reached in at least this many areas.
  overall:
    at_least: 2
  # The levels, lowest first. Every area needs a statement at each level.
  levels:
    - id: foundation
      name: Foundation
      summary: You use the core skills well in familiar situations.
    - id: practitioner
      name: Practitioner
      summary: You adapt your approach to each person and situation.
      # The top level needs the top answer, so that "Mostly" everywhere does not reach it.
      meets: 3

"""
    + _GROUPS_COMMENT
    + """\
groups:
  - id: listening
    title: Listening
    description: Hearing what the other person says, and what they leave unsaid.
    items:
      - id: listening-1
        text: I let the other person finish before I speak.
        level: foundation
      - id: listening-2
        text: I summarise what I heard before I offer a view.
        level: foundation
      - id: listening-3
        text: I notice what the other person leaves unsaid and ask about it.
        level: practitioner
  - id: agreeing-goals
    title: Agreeing goals
    description: Setting out together what the mentoring is for.
    items:
      - id: goals-1
        text: I agree with my mentee what they want from our meetings.
        level: foundation
      - id: goals-2
        text: I review our goals with my mentee when their situation changes.
        level: practitioner
"""
)

_BANDS = (
    """\
group_noun:
  singular: area
  plural: areas
intro: |
  Rate how often each statement describes you today. Each area gets a band,
  and the areas below "Ready" come with a next step.
"""
    + _SCALE
    + """
# Bands scoring: the mean of each area, and of all areas, falls in the highest
# band whose "from" it reaches. The first band starts at the lowest scale value.
scoring:
  method: bands
  bands:
    - id: not-yet
      name: Not ready yet
      from: 0
      summary: Some groundwork here will pay off.
    - id: developing
      name: Getting there
      from: 1.5
      summary: Much of this is in place already.
    - id: ready
      name: Ready
      from: 2.25
      summary: This is a settled habit.
  # Areas in a band below this one show their next step.
  focus_below: ready

"""
    + _GROUPS_COMMENT
    + """\
groups:
  - id: purpose
    title: Purpose
    description: Knowing why you want a mentor.
    next_step: Write two sentences on what you hope will change through mentoring.
    items:
      - id: purpose-1
        text: I can say in a sentence why I want a mentor.
      - id: purpose-2
        text: I know what the programme is trying to achieve.
  - id: time
    title: Time
    description: Making room for mentoring in a busy week.
    next_step: Book the time for your first three meetings now.
    items:
      - id: time-1
        text: I have set aside time for mentoring.
      - id: time-2
        text: I protect that time when work gets busy.
"""
)

_PROFILE = (
    """\
group_noun:
  singular: style
  plural: styles
intro: |
  Rate how often you do each of these. The result ranks the styles from the
  one you use most to the one you use least; no style is better than another.
"""
    + _SCALE
    + """
# Profile scoring: the mean of each style, ranked highest first.
scoring:
  method: profile
  # How many of the least-used styles show their next step.
  focus: 1

"""
    + _GROUPS_COMMENT
    + """\
groups:
  - id: guiding
    title: Guiding
    description: Sharing your experience and pointing the way.
    next_step: In your next meeting, offer one story from your own experience.
    items:
      - id: guiding-1
        text: I share how I handled a similar situation.
      - id: guiding-2
        text: I suggest people my mentee could learn from.
  - id: challenging
    title: Challenging
    description: Questioning assumptions so that your mentee thinks again.
    next_step: In your next meeting, ask "What else could be true?" at least once.
    items:
      - id: challenging-1
        text: I question my mentee's assumptions.
      - id: challenging-2
        text: I ask my mentee what they would do differently next time.
"""
)

_NONE = (
    """\
group_noun:
  singular: section
  plural: sections
intro: |
  Fill this in after each meeting. Nothing is scored: print the answers or
  export them to keep a record.

# Not scored: the results are a summary of the answers. With no scale
# statements, no scale is needed.
scoring:
  method: none

"""
    + _GROUPS_COMMENT
    + """\
groups:
  - id: this-meeting
    title: This meeting
    items:
      # A calendar date.
      - id: meeting-date
        type: date
        text: When did we meet?
      # A number, with optional bounds and a unit shown after the field.
      - id: duration
        type: number
        text: How long did we meet?
        min: 5
        max: 240
        unit: minutes
  - id: next-steps
    title: Next steps
    items:
      # Free text: lines sets the height of the box.
      - id: agreed-actions
        type: text
        text: What did we agree to do before the next meeting?
        lines: 3
      # One answer chosen from the options; the value is what is saved.
      - id: next-meeting
        type: choice
        text: When do we meet next?
        options:
          - value: one-week
            label: In a week
          - value: two-weeks
            label: In two weeks
          - value: one-month
            label: In a month, or later
"""
)

BODIES = {"levels": _LEVELS, "bands": _BANDS, "profile": _PROFILE, "none": _NONE}
KINDS = tuple(BODIES)


class ScaffoldError(ValueError):
    """A reason not to write the file, in one line for the author."""


def _yaml_string(text: str) -> str:
    """``text`` as a YAML string: plain when YAML reads it back unchanged, else quoted
    (an id such as '123' or 'yes', a title such as 'Part 1: goals')."""
    try:
        plain = yaml.safe_load(text) == text
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def questionnaire_text(kind: str, qid: str, title: str) -> str:
    """The YAML of a new questionnaire; the id and title must already be checked."""
    header = (
        f"{SCHEMA_LINE}\n"
        f"# A new questionnaire (scoring: {kind}) made by `mentorkit new`. Replace the\n"
        "# example groups and items with your own, then run `mentorkit validate`.\n"
        "\n"
        f"# The id names the questionnaire in its page's block line (::: questionnaire {qid})\n"
        "# and the answers readers save in their browsers: keep it once it is in use.\n"
        f"id: {_yaml_string(qid)}\n"
        f"title: {_yaml_string(title)}\n"
        "# What the groups are called on the results page, and the Markdown shown\n"
        "# above the questions.\n"
    )
    return header + BODIES[kind]


def _fits(annotation, value: str) -> bool:
    """Whether ``value`` passes the model's own rule for that field."""
    try:
        pydantic.TypeAdapter(annotation).validate_python(value)
    except pydantic.ValidationError:
        return False
    return True


def _check(kind: str, qid: str, title: str) -> None:
    if kind not in BODIES:
        raise ScaffoldError(f"'{kind}' is not a scoring method; use one of {', '.join(KINDS)}")
    if not _fits(Slug, qid):
        raise ScaffoldError(f"{qid!r} is not a valid id; {SLUG_HINT}")
    if not (_fits(Text, title) and title.isprintable() and title.strip()):
        raise ScaffoldError("the title must be one line of text, 1 to 2000 characters")


def _ids_in(folder: Path) -> dict[str, Path]:
    """The ids of the questionnaires already in the folder, by reading each file's ``id``
    (a file with problems of its own still claims its id)."""
    ids: dict[str, Path] = {}
    for path in questionnaire_files(folder):
        try:
            data = read_document(path, str(path)).data
        except QuestionnaireError:  # not even YAML: it claims no id, and validate reports it
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.setdefault(data["id"], path)
    return ids


def default_title(qid: str) -> str:
    return qid.replace("-", " ").capitalize()


# Characters that would make Markdown read a heading as something else: emphasis, code,
# links, attribute lists, closing hashes (backslash-escaped, as Markdown allows), and the
# start of an HTML tag or entity (written as entities).
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]{}#!]")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SYNTAX.sub(lambda m: "\\" + m.group(), text)


def page_text(qid: str, title: str) -> str:
    """The Markdown page of a questionnaire: its title as the heading, then its block line."""
    return f"# {markdown_text(title)}\n\n::: questionnaire {qid}\n"


def page_path(content: Path, qid: str) -> Path:
    return Path(content) / PAGES / f"{qid}.md"


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
            file.write(text)
    except OSError as exc:
        raise ScaffoldError(f"cannot write {path}: {exc.strerror or exc}") from None


def create(kind: str, qid: str, title: str | None, folder: Path, content: Path) -> tuple[Path, Path]:
    """Write ``<folder>/<qid>.yml`` and its page ``<content>/assessments/<qid>.md``, and return
    both paths; refuse, before writing either, rather than overwrite or clash. The JSON Schemas
    its first line points editors at are written beside the folder (``schema/``) when missing."""
    title = default_title(qid) if title is None else title
    _check(kind, qid, title)
    path, page = Path(folder) / f"{qid}.yml", page_path(content, qid)
    if path.exists():
        raise ScaffoldError(f"{path} already exists; choose another id or edit that file")
    taken = _ids_in(Path(folder)).get(qid)
    if taken is not None:
        raise ScaffoldError(f"the id '{qid}' is already used by {taken}; every questionnaire needs its own id")
    if page.exists():
        raise ScaffoldError(f"{page} already exists; choose another id or edit that file")
    text = questionnaire_text(kind, qid, title)
    parse(load_yaml(text, str(path)), pages=None)  # valid as written, or a bug here, never in the author's file
    _write(path, text)
    _write(page, page_text(qid, title))
    try:
        write_schemas(Path(folder).parent / "schema")  # SCHEMA_LINE's target, from the installed package
    except OSError as exc:
        raise ScaffoldError(f"cannot write the JSON Schemas for editors: {exc.strerror or exc}") from None
    return path, page


def next_steps(path: Path, page: Path, content: Path) -> str:
    return (
        f"wrote {path}\n"
        f"wrote {page}\n"
        "next steps:\n"
        f"  1. replace the example groups and items in {path} with your own\n"
        f"  2. add the page to nav in mkdocs.yml:  - {page.relative_to(content).as_posix()}\n"
        f"  3. run: mentorkit validate\n"
    )
