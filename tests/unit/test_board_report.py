"""``mentorkit report`` for a board, and ``mentorkit score`` for a person (issue 16, points 6 and 8)."""

from __future__ import annotations

import csv
import json
import re
import subprocess

from mentorkit.commands.cli import main

from tests.unit.helpers import ROOT
from tests.unit.test_cli_report import COMPETENCE, READINESS, record, scale_answers, spec_of, tables, write_files

ABOUT_YOU = ROOT / "tests" / "fixtures" / "about-you.yml"


def report(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def about_you_answers(n: int) -> dict:
    """A reader of the About you fixture: statements by turns, a team, years, an unscored statement."""
    return {
        "years": 2 + n,
        "team": "engineering" if n < 6 else "sales",
        "confident": n % 3,
        "listen-b1": 1,
        "listen-a1": 2 if n % 2 else 1,
        "listen-feel": 2,
        "ask-b1": 2,
        "ask-a1": n % 3,
    }


def test_the_report_leads_with_one_line_then_the_mean_answer_of_each_group(capsys, tmp_path):
    spec = spec_of(READINESS)
    write_files(tmp_path / "q3", spec, [scale_answers(spec, seed) for seed in range(6)])
    code, out, err = report(capsys, str(READINESS), str(tmp_path / "q3"), "--output", str(tmp_path / "out"))
    assert code == 0, err
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    body = html.split("<main>", 1)[1]
    assert body.lstrip().startswith('<p class="summary" id="summary">6 people handed in their answers')
    assert out.splitlines()[0] in html  # the same line on the terminal
    means = tables(html)["Mean answer in each characteristic"]
    assert means[0] == ["Characteristic", "Mean answer", "People counted"]
    assert len(means) == 1 + len(spec["groups"])
    svg = (tmp_path / "out" / "means.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "<title" in svg and "<script" not in svg
    assert svg.strip() in html  # the chart in the page is the file for slides
    # One figure, written one way (numbers.py): the table's mean is the chart's, to two decimals.
    for row in means[1:]:
        assert re.fullmatch(r"\d\.\d\d", row[1]) and f">{row[1]}</text>" in svg, row


def test_a_figure_is_written_one_way_and_kept_as_a_number_in_the_csv():
    from mentorkit.commands.numbers import change, csv_figure, figure, share

    assert [figure(2.5), figure(2), figure(None), change(0.25), change(-1.0), share(0.4)] == [
        "2.50", "2", "–", "+0.25", "-1.00", "40%",
    ]  # fmt: skip
    assert [csv_figure(2.456), csv_figure(3), csv_figure(None)] == [2.46, 3, ""]  # a plain decimal point


def test_two_folders_are_compared_group_by_group_with_the_change(capsys, tmp_path):
    spec = spec_of(READINESS)
    before = [{k: 1 for k in scale_answers(spec, seed)} for seed in range(5)]
    after = [{k: 2 for k in scale_answers(spec, seed)} for seed in range(6)]
    write_files(tmp_path / "before", spec, before)
    write_files(tmp_path / "after", spec, after)
    code, out, err = report(
        capsys, str(READINESS), str(tmp_path / "before"), str(tmp_path / "after"), "--output", str(tmp_path / "out")
    )
    assert code == 0, err
    assert out.splitlines()[0].startswith("before: 5 people; after: 6 people. The largest change in mean answer: ")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    compared = tables(html)["Mean answer in each characteristic: before and after"]
    assert compared[0] == ["Characteristic", "before", "after", "Change"]
    assert all(row[1:] == ["1.00", "2.00", "+1.00"] for row in compared[1:])  # a change has its sign
    with (tmp_path / "out" / "comparison.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["id", "characteristic", "before", "after", "Change"] and len(rows) == 1 + len(spec["groups"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "comparison.csv",
        "means.svg",
        "report-after.csv",
        "report-before.csv",
        "report.html",
    ]
    assert "before" in (tmp_path / "out" / "means.svg").read_text(encoding="utf-8")  # a legend names each cohort


def test_the_report_is_not_written_inside_a_git_work_tree_unless_told(capsys, tmp_path):
    spec = spec_of(READINESS)
    write_files(tmp_path / "handed-in", spec, [scale_answers(spec, seed) for seed in range(5)])
    subprocess.run(["git", "init", "-q", str(tmp_path / "site-repo")], check=True)
    inside = tmp_path / "site-repo" / "reports"
    code, _, err = report(capsys, str(READINESS), str(tmp_path / "handed-in"), "--output", str(inside))
    assert code == 1
    assert f"{inside} is inside the Git work tree {tmp_path / 'site-repo'}: the report holds a cohort's figures" in err
    assert "add --inside-work-tree" in err
    assert not inside.exists()
    code, _, err = report(
        capsys, str(READINESS), str(tmp_path / "handed-in"), "--output", str(inside), "--inside-work-tree"
    )
    assert code == 0, err
    assert (inside / "report.html").is_file()


def test_the_report_carries_the_programmes_title(capsys, tmp_path, monkeypatch):
    spec = spec_of(READINESS)
    write_files(tmp_path / "handed-in", spec, [scale_answers(spec, seed) for seed in range(5)])
    (tmp_path / "mkdocs.yml").write_text('site_name: Acme mentoring\nsite_url: !ENV [SITE_URL, ""]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert report(capsys, str(READINESS), "handed-in", "--output", str(tmp_path / "a"))[0] == 0
    assert (
        "<h1>Acme mentoring: Mentee readiness check, cohort report</h1>" in (tmp_path / "a" / "report.html").read_text()
    )
    assert report(capsys, str(READINESS), "handed-in", "--output", str(tmp_path / "b"), "--title", "Pilot 2027")[0] == 0
    assert "<h1>Pilot 2027: Mentee readiness check" in (tmp_path / "b" / "report.html").read_text(encoding="utf-8")


def test_an_about_you_is_totalled_never_scored_and_no_count_under_five_is_shown(capsys, tmp_path):
    spec = spec_of(ABOUT_YOU)
    write_files(tmp_path / "handed-in", spec, [about_you_answers(n) for n in range(8)])
    code, _, err = report(capsys, str(ABOUT_YOU), str(tmp_path / "handed-in"), "--output", str(tmp_path / "out"))
    assert code == 0, err
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    found = tables(html)
    assert [row[0] for row in found["Level reached in each group"][1:]] == ["Listening", "Asking"]  # no About you
    assert found["Which team are you in?"][1:] == [
        ["Engineering", "6"],
        ["Sales, marketing or support", "fewer than 5"],  # two people: not shown
    ]
    years = found["For how many years have you mentored?"]
    assert years[1] == ["Everyone who answered", "8", "5.50", "5.50"]
    assert [row[0] for row in found["I feel ready to mentor."][1:]] == ["Never", "Sometimes", "Always", "No chance yet"]
    assert found["I enjoy listening."][1] == ["Never", "0"]


def test_score_prints_a_table_a_person_reads_and_json_on_request(capsys, tmp_path):
    spec = spec_of(ABOUT_YOU)
    answers = tmp_path / "mine.json"
    answers.write_text(json.dumps(record(spec, about_you_answers(1))), encoding="utf-8")
    assert main(["score", str(ABOUT_YOU), str(answers)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:6] == [
        "Listening with an About you: 8 of 8 answered",
        "",
        "Group      Result    Answered",
        "---------  --------  --------",
        "Listening  Advanced  3 of 3",
        "Asking     Basic     2 of 2",
    ]
    assert out.splitlines()[-1] == "Overall level: Basic"
    assert main(["score", str(ABOUT_YOU), str(answers), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["level"] == "basic"


def test_score_refuses_a_file_for_another_questionnaire(capsys, tmp_path):
    answers = tmp_path / "mine.json"
    answers.write_text(json.dumps(record(spec_of(READINESS), {"purpose-1": 2})), encoding="utf-8")
    assert main(["score", str(COMPETENCE), str(answers)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{answers}: these are answers to 'mentee-readiness', not to 'mentor-competence' ({COMPETENCE}); "
        "give the questionnaire they were exported from\n"
    )


def test_the_report_says_its_line_once_and_what_each_column_means(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    write_files(tmp_path / "in", spec, [scale_answers(spec, seed) for seed in range(6)])
    code, out, err = report(capsys, str(COMPETENCE), str(tmp_path / "in"), "--output", str(tmp_path / "out"))
    assert code == 0, err
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert html.count(out.splitlines()[0]) == 1  # the first line of a board paper, not repeated below it
    assert "with a plain decimal point (2.5) that a spreadsheet in any language reads" in html  # the CSV says how
    meanings = re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html)
    levels = spec["scoring"]["levels"]
    assert [name for name, _ in meanings] == ["Incomplete", "Too little evidence", "Not yet Foundation"] + [
        level["name"] for level in levels
    ]
    assert dict(meanings)["Foundation"] == levels[0]["summary"]


def test_cohorts_are_named_as_the_owner_names_them(capsys, tmp_path):
    spec = spec_of(READINESS)
    write_files(tmp_path / "q1", spec, [scale_answers(spec, seed) for seed in range(5)])
    write_files(tmp_path / "q2", spec, [scale_answers(spec, seed + 10) for seed in range(5)])
    folders = [str(tmp_path / "q1"), str(tmp_path / "q2")]
    named = ["--name", "Spring 2026", "--name", "Été 2026"]
    code, out, err = report(capsys, str(READINESS), *folders, "--output", str(tmp_path / "out"), *named)
    assert code == 0, err
    assert out.startswith("Spring 2026: 5 people; Été 2026: 5 people.")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Spring 2026 and Été 2026 compared" in html
    assert {p.name for p in (tmp_path / "out").glob("report-*.csv")} == {
        "report-spring-2026.csv",
        "report-ete-2026.csv",
    }
    code, _, err = report(capsys, str(READINESS), folders[0], "--output", str(tmp_path / "o2"), *named)
    assert code == 1 and "2 --name given for 1 folder(s)" in err
