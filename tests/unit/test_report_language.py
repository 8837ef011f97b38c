"""``mentorkit report --language``: the board report in the site's language, from its first line
to its CSV headings, with the questionnaire's own translation and numbers written the French way."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from mentorkit.commands.cli import main
from mentorkit.site.build import site_name
from mentorkit.site.catalogue import BASE, catalogue

from tests.unit.helpers import ROOT
from tests.unit.test_cli_report import COMPETENCE, READINESS, bad_files, scale_answers, spec_of, tables, write_files

FRENCH = yaml.safe_load((COMPETENCE.parent / "fr" / COMPETENCE.name).read_text(encoding="utf-8"))
NB, NNB = "\u00a0", "\u202f"  # French typography: before ':' and '%'; before ';'


def report(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def outputs(folder: Path) -> tuple[str, list[list[str]]]:
    html = (folder / "report.html").read_text(encoding="utf-8")
    with (folder / "report.csv").open(encoding="utf-8", newline="") as file:
        return html, list(csv.reader(file))


@pytest.fixture
def cohort(tmp_path) -> Path:
    """Seven mentors' answers to the self-assessment, one exported from an older version, and a
    file that is not JSON."""
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    paths = write_files(folder, spec, [scale_answers(spec, seed) for seed in range(7)])
    older = json.loads(paths[0].read_text(encoding="utf-8")) | {"version": "0123456789ab"}
    paths[0].write_text(json.dumps(older), encoding="utf-8")
    (folder / "notes.json").write_text("{not json", encoding="utf-8")
    return folder


def test_a_french_report_speaks_french_from_its_first_line_to_its_csv(capsys, tmp_path, cohort, monkeypatch):
    monkeypatch.chdir(ROOT)  # this repository, whose French site is mkdocs.fr.yml: its name heads the report
    code, out, err = report(capsys, str(COMPETENCE), str(cohort), "--output", str(tmp_path / "fr"), "--language", "fr")
    assert code == 0, err
    assert "warning" not in err  # the questionnaire has its French translation, the toolkit its sentences
    html, rows = outputs(tmp_path / "fr")
    assert html.startswith('<!doctype html>\n<html lang="fr">')

    summary = out.splitlines()[0]
    assert summary.startswith(f"7 personnes ont remis leurs réponses{NNB}; ")
    assert f"catégorie à développer en priorité{NB}: " in summary and summary in html
    programme = site_name(ROOT / "mkdocs.fr.yml")
    assert f"<h1>{programme}{NB}: {FRENCH['title']}, rapport de cohorte</h1>" in html
    assert '<h2 id="c1-heading">7 personnes</h2>' in html
    assert "Parmi ces fichiers, 1 a été exporté depuis une version antérieure du questionnaire." in html
    # The sentence agrees with the feminine "catégorie" of the French questionnaire.
    assert "une catégorie contenant une affirmation absente de ces fichiers compte comme incomplète." in html
    assert f"<li><code>notes.json</code>{NB}: pas du JSON</li>" in html

    levels = [FRENCH["levels"][level["id"]]["name"] for level in spec_of(COMPETENCE)["scoring"]["levels"]]
    columns = ["Incomplet", "Pas assez d’éléments", f"Pas encore au niveau {levels[0]}", *levels]
    titles = [FRENCH["groups"][group["id"]]["title"] for group in spec_of(COMPETENCE)["groups"]]
    heat = tables(html)["Niveau atteint dans chaque catégorie"]
    assert heat[0] == ["Catégorie", *columns]
    assert [row[0] for row in heat[1:]] == titles
    meanings = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html))
    assert meanings[levels[0]] == FRENCH["levels"]["foundation"]["summary"]

    # The same figures as the English report, written the French way: a decimal comma, "40 %".
    assert report(capsys, str(COMPETENCE), str(cohort), "--output", str(tmp_path / "en"), "--language", "en")[0] == 0
    english, english_rows = outputs(tmp_path / "en")
    means = tables(html)["Réponse moyenne dans chaque catégorie"]
    assert means[0] == ["Catégorie", "Réponse moyenne", "Personnes comptées"]
    figures = [row[1:] for row in tables(english)["Mean answer in each category"][1:]]
    assert [row[1:] for row in means[1:]] == [[mean.replace(".", ","), n] for mean, n in figures]
    assert all(re.fullmatch(r"\d,\d\d", row[1]) for row in means[1:])
    overall = tables(html)["Niveau global, sur 7 personnes"]
    assert overall[0] == ["Résultat", "Personnes", "Part"]
    shares = [row[2] for row in tables(english)["Overall level of the 7 people"][1:]]
    assert [row[2] for row in overall[1:]] == [share.replace("%", " %") for share in shares]  # cell text, spaces folded
    assert f'<td class="share">{shares[0].replace("%", NB + "%")}<span' in html  # a no-break space before %
    assert f"{FRENCH['groups']['understanding-self']['title']}" in (tmp_path / "fr" / "means.svg").read_text()

    # The CSV: French headings and words, the same numbers with a plain decimal point.
    assert rows[0] == ["group_id", "catégorie", *columns]
    assert [row[1] for row in rows[1:-1]] == titles
    assert rows[-1][:2] == ["overall", "Niveau global"]
    assert [cell.startswith("avec ") for row in rows for cell in row] == [
        cell.startswith("with ") for row in english_rows for cell in row
    ]
    numbers = lambda table: [[c for c in row[2:] if not c.startswith(("with", "avec"))] for row in table[1:]]  # noqa: E731
    assert numbers(rows) == numbers(english_rows)

    # No sentence of the English report is left in it.
    english_only = [
        text
        for key, text in catalogue(BASE).items()
        if key.startswith("report") and "{" not in text and text != catalogue("fr")[key]
    ]
    assert [text for text in english_only if re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", html)] == []


def readiness_report(capsys, tmp_path, language: str, questionnaire: Path = READINESS) -> tuple[int, str]:
    """The report of five readiness files in ``language``, into tmp_path/out: its exit code and stderr."""
    spec = spec_of(questionnaire)
    write_files(tmp_path / "answers", spec, [scale_answers(spec, seed) for seed in range(5)])
    code, _, err = report(
        capsys, str(questionnaire), str(tmp_path / "answers"), "--output", str(tmp_path / "out"), "--language", language
    )
    return code, err


def test_without_a_translation_of_the_questionnaire_the_report_says_so_and_shows_its_own_text(capsys, tmp_path):
    alone = tmp_path / "questionnaires" / READINESS.name  # a copy without the French translation beside it
    alone.parent.mkdir()
    shutil.copy(READINESS, alone)
    code, err = readiness_report(capsys, tmp_path, "fr", alone)
    assert code == 0, err
    overlay = alone.parent / "fr" / alone.name
    assert err.splitlines() == [
        f"warning: {alone} has no French translation ({overlay}): the report shows the questionnaire's own text"
    ]
    html, rows = outputs(tmp_path / "out")
    assert 'lang="fr"' in html
    heat = tables(html)["Palier de chaque characteristic"]  # the questionnaire's own noun, in a French sentence
    assert [row[0] for row in heat[1:]] == [group["title"] for group in spec_of(READINESS)["groups"]]
    assert rows[0][:3] == ["group_id", "characteristic", "Incomplet"]


def test_a_code_that_is_no_language_is_refused_in_one_line_and_nothing_is_written(capsys, tmp_path, monkeypatch):
    spec = spec_of(READINESS)
    write_files(tmp_path / "answers", spec, [scale_answers(spec, seed) for seed in range(5)])
    argv = [str(READINESS), str(tmp_path / "answers"), "--output", str(tmp_path / "out")]
    code, out, err = report(capsys, *argv, "--language", "xx")
    assert (code, out) == (1, "")
    assert err == (
        "'xx' is not a language's code: give --language two or three letters, e.g. de, fr, es, "
        "or with a region, e.g. fr-CA\n"
    )
    assert not (tmp_path / "out").exists()

    # Without --language: the site's own language, from the mkdocs.yml where the command runs.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Acme\ntheme:\n  name: material\n  language: zz\n", "utf-8")
    code, _, err = report(capsys, *argv)
    assert code == 1 and err.startswith("'zz' (theme.language in mkdocs.yml) is not a language's code")
    (tmp_path / "mkdocs.yml").write_text("site_name: Acme\ntheme:\n  name: material\n  language: fr\n", "utf-8")
    assert report(capsys, *argv)[0] == 0
    assert '<html lang="fr">' in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_a_region_follows_the_language_and_the_programmes_own_sentences_reword_the_report(capsys, tmp_path):
    spec = spec_of(COMPETENCE)
    folder = tmp_path / "answers"
    write_files(folder, spec, [scale_answers(spec, seed) for seed in range(5)])
    bad_files(folder, spec, scale_answers(spec, 1))
    messages = tmp_path / "messages"
    messages.mkdir()
    (messages / "fr.yml").write_text('reportSkippedTitle: "Fichiers écartés"\n', encoding="utf-8")
    code, _, err = report(
        capsys, str(COMPETENCE), str(folder), "--output", str(tmp_path / "out"), "--language", "fr-ca",
        "--messages", str(messages),
    )  # fmt: skip
    assert code == 0, err
    html, _ = outputs(tmp_path / "out")
    assert '<html lang="fr-CA">' in html
    assert '<h3 id="c1-skipped-heading">Fichiers écartés</h3>' in html
    assert f"<li><code>oversized.json</code>{NB}: plus de 1{NB}Mo</li>" in html

    (messages / "fr.yml").write_text('reportSkippedTitle: "Fichiers écartés {n}"\n', encoding="utf-8")
    code, _, err = report(
        capsys, str(COMPETENCE), str(folder), "--output", str(tmp_path / "again"), "--language", "fr",
        "--messages", str(messages),
    )  # fmt: skip
    assert code == 1 and "reportSkippedTitle: {n} is not filled in for this sentence" in err


def test_a_language_the_toolkit_does_not_speak_says_how_much_is_still_in_english(capsys, tmp_path):
    code, err = readiness_report(capsys, tmp_path, "de")
    assert code == 0, err
    total = sum(1 for key in catalogue(BASE) if key.startswith("report"))
    assert f"warning: {total} of the report's {total} sentences have no German wording" in err
    html, _ = outputs(tmp_path / "out")
    assert '<html lang="de">' in html and "Each file was scored again" in html


def test_figures_and_dates_are_written_as_the_language_writes_them():
    import datetime

    from mentorkit.commands.numbers import change, date, figure, share

    assert [figure(2.5, "fr"), figure(1234, "fr"), change(-0.25, "fr"), share(0.4, "fr")] == [
        "2,50", f"1{NNB}234", "-0,25", f"40{NB}%",
    ]  # fmt: skip
    assert [figure(2.345), figure(2.345, "de")] == ["2.35", "2,35"]  # rounded once, the same for every language
    assert date(datetime.date(2026, 3, 2), "fr") == "2 mars 2026"
    assert date(datetime.date(2026, 3, 2)) == "March 2, 2026"


def test_pages_do_not_carry_the_reports_sentences():
    from mentorkit.site.project import load_all
    from mentorkit.site.render import render_questionnaire

    (q,) = load_all([COMPETENCE], pages=None)
    page = render_questionnaire(q, language="fr")
    shipped = json.loads(re.search(r"<template data-messages[^>]*>(.*?)</template>", page, re.S).group(1))
    assert shipped["messages"] and not [key for key in shipped["messages"] if key.startswith("report")]
    assert "reportTitle" in catalogue("fr")  # the report reads them from the same catalogue
