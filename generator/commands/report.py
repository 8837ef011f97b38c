"""``mentorkit report``: what a cohort's exported answers say, without saying anything about one person.

Readers choose to export their answers and hand the files in. Each file is scored
again with the reference scoring (its saved "results" may be stale or edited), and
only counts and means per group leave this module: no names, no names of the
files used, no row per person and never the text of an answer. Its sentences are in the
report's language (report_words.py); the CSV's figures are the same in every language.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import json
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from markupsafe import Markup
from pydantic import ValidationError

from ..format.errors import one_line
from ..format.file_formats import AnswersFile, first_problem
from ..format.files import MAX_JSON_DEPTH, InputError, file_slug, read_json
from ..scoring.cohort import boundaries
from ..scoring.result_types import GroupResult, Result
from ..scoring.scoring import NOT_APPLICABLE, Spec, score, scored_part, statements, valid_answers
from ..site.render import TEMPLATES
from .charts import bar_chart
from .numbers import csv_figure
from .report_words import Words, capital, english

FORMAT = "mentorkit-answers"  # as written by transfer.js exportRecord
MAX_BYTES = 1024 * 1024  # the limit the page itself applies when importing
SMALL_COHORT = 5  # below this, a count can point at a person


# Autoescaped like the questionnaire pages: group titles and item texts come from YAML.


class ReportError(ValueError):
    """A reason no report could be written, in one line for the programme owner."""


class _Unusable(Exception):
    """Why one answers file is left out of the report: a sentence of the catalogue (its key and
    values), in English as the command line prints it, and in the report's language in the report."""

    def __init__(self, key: str, **values: object):
        super().__init__(english()(key, **values))
        self.key, self.values = key, values


# The reasons files.py gives for a file it cannot read, by kind, as the report says them.
_INPUT_REASONS = {
    "unreadable": "reportSkippedUnreadable",
    "folder": "reportSkippedFolder",
    "special": "reportSkippedSpecial",
    "too-large": "reportSkippedTooLarge",
    "encoding": "reportSkippedEncoding",
    "depth": "reportSkippedDepth",
    "json": "reportSkippedJson",
}


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str  # in English, for the command line
    key: str = "reportSkippedUnreadable"  # the reason in the catalogue, for the report
    values: dict = field(default_factory=dict)


@dataclass
class Cohort:
    """The usable files, already reduced to scored results and answer counts."""

    results: list[Result] = field(default_factory=list)
    answered: Counter = field(default_factory=Counter)  # item id -> people who answered it
    older: int = 0  # files exported from another version of the questionnaire
    backups: int = 0  # files that also held kept attempts, other people's views or entries: not read
    skipped: list[Skipped] = field(default_factory=list)
    # Totals of the answers that may be counted: choices and unscored statements (item id -> answer
    # -> people), numbers (item id -> the numbers given). Never free text, dates or anyone's file.
    chosen: dict[str, Counter] = field(default_factory=dict)
    numbers: dict[str, list] = field(default_factory=dict)
    means: dict[str, list] = field(default_factory=dict)  # group id -> each person's mean answer there


def _usable_answers(path: Path, spec: Spec) -> tuple[dict, dict]:
    """The record in one file and its answers that fit the questionnaire; raises _Unusable."""
    try:
        record = read_json(path, MAX_BYTES)
    except InputError as exc:
        values = {"detail": str(exc), "size": MAX_BYTES // (1024 * 1024), "depth": MAX_JSON_DEPTH}
        raise _Unusable(_INPUT_REASONS[exc.kind], **values) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise _Unusable("reportSkippedNotAnswers")
    try:
        envelope = AnswersFile.model_validate(record)
    except ValidationError as error:
        if error.errors()[0]["loc"] == ("format_version",):
            shown = one_line(str(record["format_version"])[:20])
            raise _Unusable("reportSkippedFormatVersion", version=shown) from None
        raise _Unusable("reportSkippedNotAnswersBecause", problem=first_problem(error)) from None
    if envelope.questionnaire != spec["id"]:
        raise _Unusable("reportSkippedOtherQuestionnaire", other=one_line(envelope.questionnaire[:80]))
    answers = valid_answers(spec, record["answers"])
    if not answers:
        raise _Unusable("reportSkippedNoAnswers")
    return record, answers


def read_cohort(spec: Spec, folder: Path) -> Cohort:
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
                raise _Unusable("reportSkippedCopy")
        except _Unusable as reason:
            cohort.skipped.append(Skipped(one_line(path.name), str(reason), reason.key, reason.values))
            continue
        seen.add(export)
        cohort.results.append(score(spec, answers))
        cohort.answered.update(answers.keys())
        cohort.older += record.get("version") != spec["version"]
        # A full backup handed in by mistake: its answers count, what it kept besides is never read.
        cohort.backups += isinstance(record.get("lists"), dict) and any(record["lists"].values())
        _count_answers(spec, answers, cohort)
    return cohort


def _counted(group: dict, item: dict) -> str | None:
    """How an item's answers are totalled: "choice" (per option or scale answer), "number", or not at all."""
    kind = item.get("type", "scale")
    if kind == "choice" or (kind == "scale" and item not in statements(group)):
        return "choice"
    return "number" if kind == "number" else None


def _count_answers(spec: Spec, answers: dict, cohort: Cohort) -> None:
    for group in spec["groups"]:
        for item in group["items"]:
            how, value = _counted(group, item), answers.get(item["id"])
            if value is None or how is None:
                continue
            if how == "choice":
                cohort.chosen.setdefault(item["id"], Counter())[value] += 1
            else:
                cohort.numbers.setdefault(item["id"], []).append(value)
        given = [answers.get(i["id"]) for i in statements(group)]
        applicable = [v for v in given if v is not None and v != NOT_APPLICABLE]
        if given and None not in given and applicable:  # complete, with evidence: as the group means of bands
            cohort.means.setdefault(group["id"], []).append(sum(applicable) / len(applicable))


# --- aggregates ----------------------------------------------------------------------
# Every sentence below comes from the catalogue (report_words.py), in the report's language.


@dataclass(frozen=True)
class Cell:
    value: int | float | str | None
    share: float | None = None  # of the people in the report: the cell's shade and percentage
    span: int = 1  # columns it covers: more than one where neighbours were merged; 0 for one covered
    signed: bool = False  # a change, written with its sign (+0.54)


def _merged_note(words: Words) -> str:
    return words("reportMerged", most=SMALL_COHORT - 1)


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
    backups: int
    groups: Table  # one row per group: the heat map, and the rows of the CSV
    overall: list[Cell]  # the CSV's last row, in the same columns as ``groups``
    overall_caption: str
    overall_counts: list[int] = field(default_factory=list)  # before merging: to merge two cohorts alike
    extra: Table | None = None
    means: Table | None = None  # the mean answer of each scored group (not for unscored questionnaires)
    answers: list[Table] = field(default_factory=list)  # totals of choices and numbers, never free text
    meanings: list[tuple[str, str]] = field(default_factory=list)  # each column of the heat map, in a sentence
    summary: str = ""  # the report in one line
    words: Words = field(default_factory=english, repr=False)  # its language

    @property
    def small(self) -> bool:
        return self.people < SMALL_COHORT

    @property
    def distribution(self) -> list[tuple[str, Cell]]:
        """The overall counts, for the table with bars: a merged count named by the columns it covers."""
        columns = self.groups.columns
        return [
            (_span(self.words, columns, n, n + cell.span - 1), cell)
            for n, cell in enumerate(self.overall)
            if cell.share is not None
        ]


def _span(words: Words, columns: list[str], start: int, end: int) -> str:
    """The columns a merged count covers: "Foundation to Practitioner"."""
    return columns[start] if start == end else words("reportSpan", first=columns[start], last=columns[end])


def _mean_of(row: Row) -> float | None:
    """A row's mean answer (its first cell), None where there is none."""
    value = row.cells[0].value
    return value if isinstance(value, (int, float)) else None


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def _tally(entries: list, columns: int, column_of) -> list[int]:
    counted = Counter(column_of(entry) for entry in entries)
    return [counted[n] for n in range(columns)]


def _merged(counts: list[int], words: Words) -> list[Cell]:
    """People per column, the columns a ladder from lowest to highest: neighbours merged, lowest
    first, until each count holds at least SMALL_COHORT people or none (cohort.boundaries, the rule
    of the published cohort summary)."""
    found = boundaries(counts)
    if found is None:  # too few people in all: one count, not shown
        few = words("reportFewer", n=SMALL_COHORT)
        return [Cell(few, span=len(counts)), *[Cell(None, span=0)] * (len(counts) - 1)]
    cells = []
    for start, end in found:
        people = sum(counts[start : end + 1])
        cells += [Cell(people, people / sum(counts), span=end - start + 1), *[Cell(None, span=0)] * (end - start)]
    return cells


def _count_table(
    spec: Spec, results: list[Result], caption: str, columns: list[str], column_of, overall_of, words: Words
):
    """The heat map: people per column in each group, and overall."""
    rows = [
        Row(
            group["id"],
            group["title"],
            _merged(_tally([r["groups"][g] for r in results], len(columns), column_of), words),
        )
        for g, group in enumerate(spec["groups"])
    ]
    table = Table(
        caption,
        capital(spec["group_noun"]["singular"]),
        columns,
        rows,
        note=f"{words('reportCountNote', people=len(results))} {_merged_note(words)}",
    )
    overall = _tally(results, len(columns), overall_of)
    return table, _merged(overall, words), overall


def _complete(results: list[Result], g: int) -> list[GroupResult]:
    return [r["groups"][g] for r in results if r["groups"][g]["status"] == "complete"]


def _levels(spec: Spec, cohort: Cohort, words: Words) -> dict:
    levels = spec["scoring"]["levels"]
    noun = spec["group_noun"]
    rank = {level["id"]: n + 1 for n, level in enumerate(levels)}  # 0: not yet the first level
    # Lowest first, no level at all below the first level, so that a merge joins like with like.
    columns = [
        words("reportIncomplete"),
        words("reportTooLittle"),
        words("reportNotYet", first=levels[0]["name"]),
        *(lv["name"] for lv in levels),
    ]

    def column(entry: dict) -> int:
        if entry["status"] != "complete":
            return 0
        return 1 if entry["evidence"] is False else 2 + rank.get(entry["level"], 0)

    groups, overall, counts = _count_table(
        spec,
        cohort.results,
        words("reportLevelsCaption", noun=noun["singular"]),
        columns,
        column,
        lambda r: column(r["overall"]),
        words,
    )
    reached = [
        [rank.get(entry["level"], 0) for entry in _complete(cohort.results, g) if entry["evidence"]]
        for g in range(len(spec["groups"]))
    ]
    order = sorted(range(len(spec["groups"])), key=lambda g: (len(reached[g]) < SMALL_COHORT, _mean(reached[g]) or 0))
    scale = ", ".join(f"{words.figure(n)} {name}" for n, name in enumerate(columns[2:]))
    extra = Table(
        capital(words("reportLevelsRanking", noun=noun["plural"])),
        capital(noun["singular"]),
        [words("reportMeanLevel"), words("reportPeopleCounted")],
        [Row(spec["groups"][g]["id"], spec["groups"][g]["title"], _mean_of_people(reached[g], words)) for g in order],
        note=words("reportLevelsRankingNote", scale=scale, noun=noun["singular"], fewest=SMALL_COHORT),
    )
    meanings = [
        _incomplete(noun, words),
        (columns[1], words("reportTooLittleMeaning")),
        (columns[2], words("reportNotYetMeaning", first=levels[0]["name"])),
        *((level["name"], level["summary"]) for level in levels if level.get("summary")),
    ]
    return dict(
        groups=groups,
        overall=overall,
        overall_counts=counts,
        overall_caption=words("reportOverallLevel"),
        extra=extra,
        meanings=meanings,
    )


def _incomplete(noun: dict, words: Words) -> tuple[str, str]:
    """What the column of people who left a group unfinished means, for levels and bands alike."""
    return (words("reportIncomplete"), words("reportIncompleteMeaning", noun=noun["singular"]))


def _bands(spec: Spec, cohort: Cohort, words: Words) -> dict:
    bands = spec["scoring"]["bands"]
    noun = spec["group_noun"]
    rank = {band["id"]: n for n, band in enumerate(bands)}
    columns = [words("reportIncomplete"), *(band["name"] for band in bands)]  # lowest first, as the levels

    def column(entry: dict) -> int:
        return 0 if entry["status"] != "complete" else 1 + rank[entry["band"]]

    groups, overall, counts = _count_table(
        spec,
        cohort.results,
        words("reportBandsCaption", noun=noun["singular"]),
        columns,
        column,
        lambda r: column(r["overall"]),
        words,
    )
    people = len(cohort.results)
    focus = Counter(group_id for r in cohort.results for group_id in r["focus"])
    order = sorted(spec["groups"], key=lambda group: -focus[group["id"]])
    threshold = bands[rank[spec["scoring"]["focus_below"]]]["name"]
    extra = Table(
        capital(words("reportBandsRanking", noun=noun["plural"])),
        capital(noun["singular"]),
        [words("reportPeopleColumn")],
        [Row(group["id"], group["title"], [_share_or_few(focus[group["id"]], people, words)]) for group in order],
        note=words("reportBandsRankingNote", noun=noun["singular"], threshold=threshold),
    )
    meanings = [
        _incomplete(noun, words),
        *((band["name"], band["summary"]) for band in bands if band.get("summary")),
    ]
    return dict(
        groups=groups,
        overall=overall,
        overall_counts=counts,
        overall_caption=words("reportOverallBand"),
        extra=extra,
        meanings=meanings,
    )


def _profile(spec: Spec, cohort: Cohort, words: Words) -> dict:
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
                    _share_or_few(len(complete), people, words),
                    _share_or_few(people - len(complete), people, words),
                    Cell(_mean([entry["mean"] for entry in complete]) if len(complete) >= SMALL_COHORT else None),
                    _share_or_few(least[group["id"]], people, words),
                ],
            )
        )
    finished = sum(1 for r in results if r["overall"]["status"] == "complete")
    groups = Table(
        words("reportProfileCaption", noun=noun["singular"]),
        capital(noun["singular"]),
        [words("reportComplete"), words("reportIncomplete"), words("reportMeanOfMeans"), words("reportLeastUsed")],
        rows,
        note=words("reportProfileNote", noun=noun["singular"], focus=spec["scoring"]["focus"]),
    )
    overall = [
        _share_or_few(finished, people, words),
        _share_or_few(people - finished, people, words),
        Cell(None),
        Cell(None),
    ]
    return dict(groups=groups, overall=overall, overall_caption=words("reportAnsweredEvery"))


def _none(spec: Spec, cohort: Cohort, words: Words) -> dict:
    noun = spec["group_noun"]
    people = len(cohort.results)
    # lowest first, as the levels
    columns = [words("reportAnsweredNone"), words("reportAnsweredSome"), words("reportAnsweredAll")]

    def column(entry: dict) -> int:  # a group's counts, or the whole result's
        return 2 if entry["answered"] == entry["total"] else 0 if entry["answered"] == 0 else 1

    groups, overall, counts = _count_table(
        spec, cohort.results, words("reportNoneCaption", noun=noun["singular"]), columns, column, column, words
    )
    extra = Table(
        words("reportItemsAnswered"),
        words("reportItem"),
        [capital(noun["singular"]), words("reportPeopleColumn")],
        [
            Row(
                item["id"],
                item["text"],
                [Cell(group["title"]), _share_or_few(cohort.answered[item["id"]], people, words)],
            )
            for group in spec["groups"]
            for item in group["items"]
        ],
        note=words("reportNoneNote"),
    )
    return dict(
        groups=groups,
        overall=overall,
        overall_counts=counts,
        overall_caption=words("reportItemsAnsweredOverall"),
        extra=extra,
    )


_METHODS = {"levels": _levels, "bands": _bands, "profile": _profile, "none": _none}


def summarise(spec: Spec, cohort: Cohort, words: Words | None = None) -> Report:
    """The cohort's report, in the language of ``words`` (English by default)."""
    words = words or english()
    if not cohort.results:
        raise ReportError(
            f"no usable answers files for '{spec['id']}' ({len(cohort.skipped)} skipped); no report written"
        )
    method = spec["scoring"]["method"]
    # The tables by group look at the scored groups only: an "About you" has no level or band.
    pairs = [scored_part(spec, result) for result in cohort.results]
    scored_spec = pairs[0][0]
    scored = Cohort(
        results=[result for _, result in pairs],
        answered=cohort.answered,
        older=cohort.older,
        skipped=cohort.skipped,
        backups=cohort.backups,
    )
    tables = _METHODS[method](scored_spec if method != "none" else spec, scored if method != "none" else cohort, words)
    report = Report(
        title=spec["title"],
        method=method,
        people=len(cohort.results),
        older=cohort.older,
        skipped=cohort.skipped,
        backups=cohort.backups,
        means=_means(scored_spec, cohort, words) if method != "none" else None,
        answers=_answer_tables(spec, cohort, words),
        words=words,
        **tables,
    )
    return dataclasses.replace(report, summary=_summary(spec, report))


def _means(spec: Spec, cohort: Cohort, words: Words) -> Table:
    """The mean answer of each scored group, besides its levels or bands."""
    values = [p["value"] for p in spec["scale"]]
    noun = spec["group_noun"]
    rows = [Row(g["id"], g["title"], _mean_of_people(cohort.means.get(g["id"], []), words)) for g in spec["groups"]]
    return Table(
        words("reportMeansCaption", noun=noun["singular"]),
        capital(noun["singular"]),
        [words("reportMeanAnswer"), words("reportPeopleCounted")],
        rows,
        note=words(
            "reportMeansNote",
            noun=noun["singular"],
            low=min(values),
            lowLabel=spec["scale"][0]["label"],
            high=max(values),
            highLabel=spec["scale"][-1]["label"],
        ),
    )


def _mean_of_people(values: list, words: Words) -> list[Cell]:
    """A mean and how many people it is of, or neither where so few could be recognised."""
    if len(values) < SMALL_COHORT:
        return [Cell(None), Cell(words("reportFewer", n=SMALL_COHORT))]
    return [Cell(_mean(values)), Cell(len(values))]


def _share_or_few(count: int, total: int, words: Words) -> Cell:
    """A count of people, or "fewer than 5" where so few could be recognised."""
    if 0 < count < SMALL_COHORT:
        return Cell(words("reportFewer", n=SMALL_COHORT))
    return Cell(count, count / total if total else None)


def _answer_tables(spec: Spec, cohort: Cohort, words: Words) -> list[Table]:
    """Totals of the choices, unscored statements and numbers: the answers of an "About you"."""
    scale = {p["value"]: p["label"] for p in spec["scale"]}
    tables = []
    for group in spec["groups"]:
        for item in group["items"]:
            how = _counted(group, item)
            if how == "choice":
                given = cohort.chosen.get(item["id"], Counter())
                total = sum(given.values())
                labels = (
                    [(o["value"], o["label"]) for o in item["options"]]
                    if item.get("type") == "choice"
                    else [*scale.items()]
                    + (
                        [(NOT_APPLICABLE, spec["not_applicable"] or words("reportNotApplicable"))]
                        if item.get("not_applicable")
                        else []
                    )
                )
                rows = [Row(str(value), label, [_share_or_few(given[value], total, words)]) for value, label in labels]
                note = words("reportAnswered", total=total, most=SMALL_COHORT - 1)
                if total < SMALL_COHORT:
                    rows = [Row("", words("reportAllAnswers"), [Cell(words("reportFewAnswered", fewest=SMALL_COHORT))])]
                    note = words("reportFewAnsweredNote", fewest=SMALL_COHORT)
                tables.append(
                    Table(item["text"], words("reportAnswer"), [words("reportPeopleColumn")], rows, note=note)
                )
            elif how == "number":
                numbers = cohort.numbers.get(item["id"], [])
                unit = item.get("unit")
                if len(numbers) < SMALL_COHORT:
                    cells = [Cell(words("reportFewer", n=SMALL_COHORT)), Cell(None), Cell(None)]
                else:
                    cells = [Cell(len(numbers)), Cell(_mean(numbers)), Cell(statistics.median(numbers))]
                tables.append(
                    Table(
                        item["text"],
                        words("reportAnswer"),
                        [
                            words("reportPeopleColumn"),
                            words("reportMeanUnit", unit=unit) if unit else words("reportMean"),
                            words("reportMedianUnit", unit=unit) if unit else words("reportMedian"),
                        ],
                        [Row(item["id"], words("reportEveryone"), cells)],
                        note=words("reportNumbersNote", fewest=SMALL_COHORT),
                    )
                )
    return tables


def _summary(spec: Spec, report: Report) -> str:
    """The report in one line, for the first line of a board paper. "Weakest" means one thing in
    it and in the tables: the first row of the ranking below the heat map (the lowest mean level,
    or the band most often below the threshold), which says by what rule it ranks."""
    words = report.words
    parts = [words("reportSummaryPeople", n=report.people)]
    # The distribution holds counts of 5 or more only (merged below that): by share is by count.
    common = max(report.distribution, key=lambda pair: pair[1].share or 0, default=None)
    held = [cell for _, cell in report.distribution if cell.value]
    if common is not None and len(held) > 1:  # "most often" says something only beside another count
        parts.append(words("reportSummaryCommon", result=common[0], n=common[1].value, people=report.people))
    first = report.extra.rows[0] if report.extra is not None and report.extra.rows else None
    noun = spec["group_noun"]["singular"]
    if report.method == "levels" and first is not None and isinstance(first.cells[0].value, (int, float)):
        parts.append(words("reportSummaryLevels", noun=noun, title=first.label, mean=float(first.cells[0].value)))
    elif (
        report.method == "bands"
        and first is not None
        and isinstance(first.cells[0].value, int)
        and first.cells[0].value
    ):
        parts.append(words("reportSummaryBands", noun=noun, title=first.label, n=first.cells[0].value))
    line = parts[0]
    for part in parts[1:]:
        line = words("reportSummaryMore", summary=line, part=part)
    return words("reportSummaryEnd", summary=line)


# --- output -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cohorts:
    """One report, or two compared (before and after, this quarter and last), with their charts."""

    programme: str  # the programme's title, on the report's first line
    labels: list[str]  # one per report: the folder names
    reports: list[Report]
    comparison: Table | None = None  # per group: the mean answer of each cohort and the change
    overall: Table | None = None  # per overall result: the people of each cohort
    summary: str = ""
    words: Words = field(default_factory=english, repr=False)  # the reports' language

    def heading(self, caption: str) -> str:
        """A caption of the two cohorts side by side: "Overall level: Spring 2026 and Spring 2027"."""
        return self.words("reportTwoCohorts", caption=caption, first=self.labels[0], second=self.labels[1])


def _scale_range(spec: Spec) -> tuple[float, float]:
    values = [p["value"] for p in spec["scale"]] or [0, 1]
    return min(values), max(values)


def compare(spec: Spec, programme: str, labels: list[str], reports: list[Report]) -> Cohorts:
    """The cohorts side by side; with one report, just that report (in the reports' language)."""
    words = reports[0].words
    if len(reports) == 1:
        return Cohorts(programme, labels, reports, summary=reports[0].summary, words=words)
    first, second = reports
    noun = spec["group_noun"]
    both = Cohorts(programme, labels, reports, words=words)
    comparison = None
    summary = words(
        "reportCompareSummary", first=labels[0], firstPeople=first.people, second=labels[1], secondPeople=second.people
    )
    if first.means is not None and second.means is not None:
        rows, changes = [], []
        for a, b in zip(first.means.rows, second.means.rows):
            before, after = _mean_of(a), _mean_of(b)
            change = after - before if before is not None and after is not None else None
            rows.append(Row(a.key, a.label, [Cell(before), Cell(after), Cell(change, signed=True)]))
            if change is not None:
                changes.append((abs(change), change, a.label))
        comparison = Table(
            both.heading(first.means.caption),
            capital(noun["singular"]),
            [labels[0], labels[1], words("reportChange")],
            rows,
            note=words("reportComparisonNote", noun=noun["singular"]),
        )
        if changes:
            _, change, label = max(changes)
            summary += " " + words("reportLargestChange", title=label, change=words.change(change))
    overall = Table(
        both.heading(first.overall_caption),
        words("reportResult"),
        [labels[0], labels[1]],
        _overall_rows(first, second),
        note=f"{words('reportCohortShareNote')} {_merged_note(words)}",
    )
    return dataclasses.replace(both, comparison=comparison, overall=overall, summary=summary)


def _overall_rows(first: Report, second: Report) -> list[Row]:
    """The two cohorts' overall results side by side, merged alike so that both keep the rule."""
    columns, words = first.groups.columns, first.words
    if not (first.overall_counts and second.overall_counts):  # not a ladder: each column as it is
        return [Row(c, c, [first.overall[n], second.overall[n]]) for n, c in enumerate(columns)]
    found = boundaries(first.overall_counts, second.overall_counts) or [(0, len(columns) - 1)]
    rows = []
    for start, end in found:
        label = _span(words, columns, start, end)
        cells = [_share_or_few(sum(r.overall_counts[start : end + 1]), r.people, words) for r in (first, second)]
        rows.append(Row(label, label, cells))
    return rows


def charts(spec: Spec, cohorts: Cohorts) -> dict[str, Markup]:
    """The report's SVG charts by file name: the mean answer of each group, per cohort."""
    tables = [report.means for report in cohorts.reports]
    if any(table is None for table in tables):
        return {}
    means = cast(list[Table], tables)
    low, high = _scale_range(spec)
    rows = [(row.label, [_mean_of(table.rows[n]) for table in means]) for n, row in enumerate(means[0].rows)]
    title = cohorts.heading(means[0].caption) if len(cohorts.reports) > 1 else means[0].caption
    words = cohorts.words
    drawn = bar_chart(
        "means-chart", title, rows, cohorts.labels, low, high, write=words.figure, nobody=words("reportNoOneCounted")
    )
    return {"means.svg": drawn}


def render_html(report: Report | Cohorts, spec: Spec, drawn: dict[str, Markup] | None = None) -> str:
    cohorts = report if isinstance(report, Cohorts) else compare(spec, spec["title"], [""], [report])
    words = cohorts.words
    return TEMPLATES.get_template("report.html.j2").render(
        cohorts=cohorts,
        spec=spec,
        noun=spec["group_noun"],
        words=words,
        number=words.figure,
        signed=words.change,
        percent=words.share,
        charts=drawn if drawn is not None else charts(spec, cohorts),
        today=words.date(datetime.date.today()),
        shade=lambda share: Markup(f"background-color: rgba(63, 81, 181, {0.6 * share:.2f})"),
        code=lambda text: Markup("<code>{}</code>").format(text),
        fewest=SMALL_COHORT,
    )


def _inert(value):
    """A cell a spreadsheet shows as written: text it would read as a formula ("=HYPERLINK(...)",
    "+1", "@SUM", or after a tab or carriage return) starts with an apostrophe, as OWASP advises."""
    return "'" + value if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def csv_rows(report: Report) -> list[list]:
    """The heat map's rows with a last 'overall' row: aggregates only. Titles and names come
    from the questionnaire's YAML, so every cell is made inert for spreadsheets. The first column
    and the last row's key are ids ("group_id", "overall"), the same in every language."""

    columns = report.groups.columns

    def values(cells: list[Cell]) -> list:
        # A merged count stands in the first of its columns; the columns it covers say so, as text
        # that a spreadsheet's sums leave out.
        written, start = [], 0
        for n, cell in enumerate(cells):
            start = n if cell.span else start
            written.append(
                csv_figure(cell.value) if cell.span else report.words("reportCsvWith", column=columns[start])
            )
        return written

    header = ["group_id", report.groups.corner.lower(), *columns]
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


def write_files(report: Report, spec: Spec, html_path: Path, csv_path: Path) -> None:
    html = render_html(report, spec)
    _write(html_path, lambda file: file.write(html))
    _write(csv_path, lambda file: csv.writer(file).writerows(csv_rows(report)))


def _table_rows(table: Table) -> list[list]:
    rows: list[list] = [["id", table.corner.lower(), *table.columns]]
    rows += [[r.key, r.label, *(csv_figure(cell.value) for cell in r.cells)] for r in table.rows]
    return [[_inert(cell) for cell in row] for row in rows]


def write_folder(cohorts: Cohorts, spec: Spec, folder: Path) -> list[Path]:
    """report.html, report.csv (one per cohort when two), comparison.csv and the charts as .svg files."""
    drawn = charts(spec, cohorts)
    html = render_html(cohorts, spec, drawn)
    written = [folder / "report.html"]
    _write(written[0], lambda file: file.write(html))
    names: set[str] = set()
    for n, (label, report) in enumerate(zip(cohorts.labels, cohorts.reports)):
        name = "report" if len(cohorts.reports) == 1 else f"report-{file_slug(label) or 'cohort'}"
        name += f"-{n + 1}" if name in names else ""  # two labels may make one name
        names.add(name)
        path = folder / f"{name}.csv"
        _write(path, lambda file, report=report: csv.writer(file).writerows(csv_rows(report)))
        written.append(path)
    if cohorts.comparison is not None:
        path = folder / "comparison.csv"
        _write(path, lambda file: csv.writer(file).writerows(_table_rows(cohorts.comparison)))
        written.append(path)
    for name, svg in drawn.items():
        _write(folder / name, lambda file, svg=svg: file.write(str(svg) + "\n"))
        written.append(folder / name)
    return written


def work_tree_of(folder: Path) -> Path | None:
    """The Git work tree ``folder`` is (or would be) inside, if any."""
    here = Path(folder).resolve()
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
