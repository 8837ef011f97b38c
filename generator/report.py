"""``mentorkit report``: what a cohort's exported answers say, without saying anything about one person.

Readers choose to export their answers and hand the files in. Each file is scored
again with the reference scoring (its saved "results" may be stale or edited), and
only counts and means per group leave this module: no names, no names of the
files used, no row per person and never the text of an answer.
"""

from __future__ import annotations

import csv
import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from .errors import one_line
from .files import InputError, read_json
from .render import TEMPLATES
from .scoring import score, valid_answers

FORMAT = "mentorkit-answers"  # as written by transfer.js exportRecord
FORMAT_VERSIONS = (1, 2)  # 2: kept lists (attempts, views, entries) travel beside the answers
MAX_BYTES = 1024 * 1024  # the limit the page itself applies when importing
SMALL_COHORT = 5  # below this, a count can point at a person


# Autoescaped like the questionnaire pages: group titles and item texts come from YAML.


class ReportError(ValueError):
    """A reason no report could be written, in one line for the programme owner."""


class _Unusable(Exception):
    """Why one answers file is left out of the report."""


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str


@dataclass
class Cohort:
    """The usable files, already reduced to scored results and answer counts."""

    results: list[dict] = field(default_factory=list)
    answered: Counter = field(default_factory=Counter)  # item id -> people who answered it
    older: int = 0  # files exported from another version of the questionnaire
    skipped: list[Skipped] = field(default_factory=list)


def _usable_answers(path: Path, spec: dict) -> tuple[dict, dict]:
    """The record in one file and its answers that fit the questionnaire; raises _Unusable."""
    try:
        record = read_json(path, MAX_BYTES)
    except InputError as exc:
        raise _Unusable(str(exc)) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT or not isinstance(record.get("answers"), dict):
        raise _Unusable("not a mentorkit answers file")
    version = record.get("format_version", 1)
    if isinstance(version, bool) or version not in FORMAT_VERSIONS:  # true == 1 in Python, not on the page
        raise _Unusable(f"format version {one_line(str(record['format_version'])[:20])} is not one this toolkit reads")
    if record.get("questionnaire") != spec["id"]:
        raise _Unusable(f"answers to another questionnaire ({one_line(str(record.get('questionnaire'))[:80])})")
    answers = valid_answers(spec, record["answers"])
    if not answers:
        raise _Unusable("no answers that fit this questionnaire")
    return record, answers


def read_cohort(spec: dict, folder: Path) -> Cohort:
    """Every *.json file in ``folder`` (not below it), scored, or skipped with a reason."""
    if not folder.is_dir():
        raise ReportError(f"{folder}: not a folder of answers files")
    cohort = Cohort()
    seen: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        try:
            record, answers = _usable_answers(path, spec)
            export = json.dumps([record.get("exported_at"), answers], sort_keys=True)
            if export in seen:  # the same export handed in twice would count one person twice
                raise _Unusable("a copy of another file's export")
        except _Unusable as reason:
            cohort.skipped.append(Skipped(one_line(path.name), str(reason)))
            continue
        seen.add(export)
        cohort.results.append(score(spec, answers))
        cohort.answered.update(answers.keys())
        cohort.older += record.get("version") != spec["version"]
    return cohort


# --- aggregates ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    value: int | float | str | None
    share: float | None = None  # of the people in the report: the cell's shade and percentage


@dataclass(frozen=True)
class Row:
    key: str  # the group's (or item's) id, for the CSV
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class Table:
    caption: str
    corner: str  # heading of the column of row headings
    columns: list[str]
    rows: list[Row]
    note: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    method: str
    people: int
    older: int
    skipped: list[Skipped]
    groups: Table  # one row per group: the heat map, and the rows of the CSV
    overall: list[Cell]  # the CSV's last row, in the same columns as ``groups``
    overall_caption: str
    extra: Table | None = None

    @property
    def small(self) -> bool:
        return self.people < SMALL_COHORT

    @property
    def distribution(self) -> list[tuple[str, Cell]]:
        """The overall counts, for the table with bars."""
        return [(label, cell) for label, cell in zip(self.groups.columns, self.overall) if cell.share is not None]


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def _counts(entries: list, columns: int, column_of) -> list[Cell]:
    counted = Counter(column_of(entry) for entry in entries)
    return [Cell(counted[n], counted[n] / len(entries)) for n in range(columns)]


def _count_table(spec: dict, results: list[dict], caption: str, columns: list[str], column_of, overall_of):
    """The heat map: people per column in each group, and overall."""
    rows = [
        Row(group["id"], group["title"], _counts([r["groups"][g] for r in results], len(columns), column_of))
        for g, group in enumerate(spec["groups"])
    ]
    table = Table(
        caption,
        spec["group_noun"]["singular"].capitalize(),
        columns,
        rows,
        note=f"Each cell is a number of people; the shade shows their share of all {len(results)}.",
    )
    return table, _counts(results, len(columns), overall_of)


def _complete(results: list[dict], g: int) -> list[dict]:
    return [r["groups"][g] for r in results if r["groups"][g]["status"] == "complete"]


def _levels(spec: dict, cohort: Cohort) -> dict:
    levels = spec["scoring"]["levels"]
    noun = spec["group_noun"]
    rank = {level["id"]: n + 1 for n, level in enumerate(levels)}  # 0: not yet the first level
    columns = [
        f"Not yet {levels[0]['name']}",
        *(level["name"] for level in levels),
        "Too little evidence",
        "Incomplete",
    ]

    def column(entry: dict) -> int:
        if entry["status"] != "complete":
            return len(columns) - 1
        return len(columns) - 2 if entry["evidence"] is False else rank.get(entry["level"], 0)

    groups, overall = _count_table(
        spec,
        cohort.results,
        f"Level reached in each {noun['singular']}",
        columns,
        column,
        lambda r: column(r["overall"]),
    )
    reached = [
        [rank.get(entry["level"], 0) for entry in _complete(cohort.results, g) if entry["evidence"]]
        for g in range(len(spec["groups"]))
    ]
    order = sorted(range(len(spec["groups"])), key=lambda g: (not reached[g], _mean(reached[g]) or 0))
    scale = ", ".join(f"{n} {name}" for n, name in enumerate(columns[:-2]))
    extra = Table(
        f"{noun['plural'].capitalize()} most in need of development",
        noun["singular"].capitalize(),
        ["Mean level", "People counted"],
        [
            Row(spec["groups"][g]["id"], spec["groups"][g]["title"], [Cell(_mean(reached[g])), Cell(len(reached[g]))])
            for g in order
        ],
        note=f"Ranked by the mean level reached, lowest first ({scale}). "
        f"People who left a {noun['singular']} incomplete, or with too little evidence, are not counted in it.",
    )
    return dict(groups=groups, overall=overall, overall_caption="Overall level", extra=extra)


def _bands(spec: dict, cohort: Cohort) -> dict:
    bands = spec["scoring"]["bands"]
    noun = spec["group_noun"]
    rank = {band["id"]: n for n, band in enumerate(bands)}
    columns = [*(band["name"] for band in bands), "Incomplete"]

    def column(entry: dict) -> int:
        return len(bands) if entry["status"] != "complete" else rank[entry["band"]]

    groups, overall = _count_table(
        spec, cohort.results, f"Band of each {noun['singular']}", columns, column, lambda r: column(r["overall"])
    )
    people = len(cohort.results)
    focus = Counter(group_id for r in cohort.results for group_id in r["focus"])
    order = sorted(spec["groups"], key=lambda group: -focus[group["id"]])
    threshold = bands[rank[spec["scoring"]["focus_below"]]]["name"]
    extra = Table(
        f"{noun['plural'].capitalize()} most often to work on",
        noun["singular"].capitalize(),
        ["People"],
        [Row(group["id"], group["title"], [Cell(focus[group["id"]], focus[group["id"]] / people)]) for group in order],
        note=f"How many people had each {noun['singular']} below the band '{threshold}', most first.",
    )
    return dict(groups=groups, overall=overall, overall_caption="Overall band", extra=extra)


def _profile(spec: dict, cohort: Cohort) -> dict:
    noun = spec["group_noun"]
    results = cohort.results
    people = len(results)
    least = Counter(group_id for r in results for group_id in r["focus"])
    rows = []
    for g, group in enumerate(spec["groups"]):
        complete = _complete(results, g)
        rows.append(
            Row(
                group["id"],
                group["title"],
                [
                    Cell(len(complete), len(complete) / people),
                    Cell(people - len(complete), (people - len(complete)) / people),
                    Cell(_mean([entry["mean"] for entry in complete])),
                    Cell(least[group["id"]], least[group["id"]] / people),
                ],
            )
        )
    finished = sum(1 for r in results if r["overall"]["status"] == "complete")
    groups = Table(
        f"Mean of means of each {noun['singular']}",
        noun["singular"].capitalize(),
        ["Complete", "Incomplete", "Mean of means", "Among the least used"],
        rows,
        note=f"'Mean of means': the mean of the {noun['singular']} means of the people who answered all its "
        f"statements. 'Among the least used': how many people had it among their "
        f"{spec['scoring']['focus']} least used; only people who answered everything have a ranking.",
    )
    overall = [
        Cell(finished, finished / people),
        Cell(people - finished, (people - finished) / people),
        Cell(None),
        Cell(None),
    ]
    return dict(groups=groups, overall=overall, overall_caption="Answered every statement")


def _none(spec: dict, cohort: Cohort) -> dict:
    noun = spec["group_noun"]
    people = len(cohort.results)
    columns = ["Answered all", "Answered some", "Answered none"]

    def column(entry: dict) -> int:  # a group's counts, or the whole result's
        return 0 if entry["answered"] == entry["total"] else 2 if entry["answered"] == 0 else 1

    groups, overall = _count_table(
        spec, cohort.results, f"Items answered in each {noun['singular']}", columns, column, column
    )
    extra = Table(
        "Items answered",
        "Item",
        [noun["singular"].capitalize(), "People"],
        [
            Row(
                item["id"],
                item["text"],
                [Cell(group["title"]), Cell(cohort.answered[item["id"]], cohort.answered[item["id"]] / people)],
            )
            for group in spec["groups"]
            for item in group["items"]
        ],
        note="Only whether an item was answered is counted: answers themselves are personal and never shown.",
    )
    return dict(groups=groups, overall=overall, overall_caption="Items answered overall", extra=extra)


_METHODS = {"levels": _levels, "bands": _bands, "profile": _profile, "none": _none}


def summarise(spec: dict, cohort: Cohort) -> Report:
    if not cohort.results:
        raise ReportError(
            f"no usable answers files for '{spec['id']}' ({len(cohort.skipped)} skipped); no report written"
        )
    method = spec["scoring"]["method"]
    return Report(
        title=spec["title"],
        method=method,
        people=len(cohort.results),
        older=cohort.older,
        skipped=cohort.skipped,
        **_METHODS[method](spec, cohort),
    )


# --- output -----------------------------------------------------------------------------


def _number(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def render_html(report: Report, spec: dict) -> str:
    return TEMPLATES.get_template("report.html.j2").render(
        report=report,
        noun=spec["group_noun"],
        number=_number,
        today=datetime.date.today().isoformat(),
        shade=lambda share: Markup(f"background-color: rgba(63, 81, 181, {0.6 * share:.2f})"),
    )


def _inert(value):
    """A cell a spreadsheet shows as written: text it would read as a formula ("=HYPERLINK(...)",
    "+1", "@SUM", or after a tab or carriage return) starts with an apostrophe, as OWASP advises."""
    return "'" + value if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def csv_rows(report: Report) -> list[list]:
    """The heat map's rows with a last 'overall' row: aggregates only. Titles and names come
    from the questionnaire's YAML, so every cell is made inert for spreadsheets."""

    def values(cells: list[Cell]) -> list:
        return ["" if c.value is None else round(c.value, 2) if isinstance(c.value, float) else c.value for c in cells]

    header = ["group_id", report.groups.corner.lower(), *report.groups.columns]
    rows = [[row.key, row.label, *values(row.cells)] for row in report.groups.rows]
    table = [header, *rows, ["overall", report.overall_caption, *values(report.overall)]]
    return [[_inert(cell) for cell in row] for row in table]


def _write(path: Path, write) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as file:
            write(file)
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}") from None


def write_files(report: Report, spec: dict, html_path: Path, csv_path: Path) -> None:
    html = render_html(report, spec)
    _write(html_path, lambda file: file.write(html))
    _write(csv_path, lambda file: csv.writer(file).writerows(csv_rows(report)))
