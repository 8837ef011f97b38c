"""A new programme owner's first day, in a temporary folder, with the commands the owners' page
*Your own repository* gives: install the package from its wheel, `mentorkit new`, edit, validate,
build both languages with one command, six people answer in Chromium and export their answers,
a report, and two cohorts compared (issue 16)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.assessment import saved
from tests.build.conftest import (
    PROGRAMME_CONFIG,
    PROGRAMME_ENGLISH_CONFIG,
    PROGRAMME_FRENCH_CONFIG,
    PROGRAMME_SHARED,
    write_bilingual_config,
)
from tests.conftest import ROOT, listening

OWNERS_PAGE = ROOT / "content" / "programme" / "your-own-repository.md"

ABOUT_YOU = """\
groups:
  - id: about-you
    title: About you
    scored: false
    items:
      - id: role
        type: choice
        text: Which role do you hold in the programme?
        options:
          - value: mentor
            label: Mentor
          - value: mentee
            label: Mentee
"""

OWN_WORDS = 'selfRating: "A self-rating for our engineering programme, not a performance review."\n'

# The commands of the first day as the owners' page gives them, in order (the test checks the page
# holds each one): what an owner types.
FIRST_DAY = [
    'mentorkit new levels our-skills --title "Our skills"',
    "mentorkit validate",
    "mentorkit build",
    "mentorkit report questionnaires/our-skills.yml handed-in/ --output ../reports/spring",
    "mentorkit report questionnaires/our-skills.yml handed-in/ handed-in-autumn/ --output ../reports/autumn",
]


def typed(command: str, cwd: Path, installed: Path, env: dict | None = None) -> str:
    """Run a command as the owner types it in a shell; its output, after checking it succeeded."""
    result = subprocess.run(
        command,
        shell=True,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={
            **os.environ,
            **(env or {}),
            "PATH": f"{installed / 'bin'}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": str(installed),
        },
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
    return result.stdout + result.stderr


def test_the_owners_page_gives_the_first_days_commands():
    page = OWNERS_PAGE.read_text(encoding="utf-8")
    for command in FIRST_DAY:
        assert command in page, command
    assert PROGRAMME_CONFIG in page  # the same minimal mkdocs.yml as the README
    for config in (PROGRAMME_SHARED, PROGRAMME_ENGLISH_CONFIG, PROGRAMME_FRENCH_CONFIG):
        assert config in page  # and the three files of a second language, as the tests build them
    commands = [
        line.split("#")[0].strip()
        for block in re.findall(r"```sh\n(.*?)```", page, re.DOTALL)
        for line in block.splitlines()
    ]
    for command in commands:  # none of a fork's commands: no make targets, no test tooling
        assert not command.startswith("make") and ".venv/bin/mentorkit" not in command and "tests." not in command, (
            command
        )
    known = set(
        re.findall(
            r"^    (\w+) ",
            subprocess.run(
                [sys.executable, "-m", "mentorkit.commands.cli", "--help"], capture_output=True, text=True, check=True
            ).stdout,
            re.MULTILINE,
        )
    )
    used = {word for command in commands for word in re.findall(r"\bmentorkit (\w+)", command)}
    assert used and used <= known, used - known  # every mentorkit command the page gives exists


def answer_and_export(page: Page, url: str, answers: dict, role: str, folder: Path, name: str) -> None:
    page.goto(url)
    expect(page.locator("[data-questionnaire][data-enhanced]")).to_have_count(1)
    page.get_by_role("group", name="Which role do you hold in the programme?").get_by_role(
        "radio", name=role, exact=True
    ).check()
    for text, label in answers.items():
        page.get_by_role("group", name=text).get_by_role("radio", name=label, exact=True).check()
    expect(page.get_by_text("A self-rating for our engineering programme, not a performance review.")).to_be_visible()
    results = page.get_by_role("table", name="Your results for each of the areas")
    expect(results).to_contain_text("Agreeing goals")
    expect(results).not_to_contain_text("About you")  # shown and exported, never scored
    download = saved(page, lambda: page.get_by_role("button", name="Export answers to hand in (JSON)").click())
    download.save_as(folder / name)


STATEMENTS = [
    "I let the other person finish before I speak.",
    "I summarise what I heard before I offer a view.",
    "I notice what the other person leaves unsaid and ask about it.",
    "I agree with my mentee what they want from our meetings.",
    "I review our goals with my mentee when their situation changes.",
]
LABELS = ["Not yet", "Sometimes", "Mostly", "Consistently"]


def test_a_new_owners_first_day_from_install_to_two_cohorts_compared(page: Page, tmp_path: Path, installed_package):
    installed = installed_package
    programme = tmp_path / "programme"
    (programme / "content").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=programme, check=True)
    write_bilingual_config(programme)
    (programme / "content" / "index.md").write_text("# Our programme\n", encoding="utf-8")
    (programme / "content-fr" / "assessments").mkdir(parents=True)
    (programme / "content-fr" / "index.md").write_text("# Notre programme\n", encoding="utf-8")

    # mentorkit new, then the owner's edits: an About you group, and a sentence of their own.
    typed(FIRST_DAY[0], programme, installed)
    questionnaire = programme / "questionnaires" / "our-skills.yml"
    assert questionnaire.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/")
    assert (programme / "schema" / "questionnaire.schema.json").is_file()  # the $schema line's target
    text = questionnaire.read_text(encoding="utf-8")
    questionnaire.write_text(text.replace("groups:\n", ABOUT_YOU, 1), encoding="utf-8")
    (programme / "content-fr" / "assessments" / "our-skills.md").write_text(
        "# Nos compétences\n\n::: questionnaire our-skills\n", encoding="utf-8"
    )
    (programme / "messages").mkdir()
    (programme / "messages" / "en.yml").write_text(OWN_WORDS, encoding="utf-8")

    assert "ok  our-skills: 6 items in 2 areas and 1 outside the scoring" in typed(FIRST_DAY[1], programme, installed)
    site = programme / "site"
    server, base = listening(site)
    typed(FIRST_DAY[2], programme, installed, env={"SITE_URL": base})
    assert (site / "fr" / "assessments" / "our-skills" / "index.html").is_file()
    try:
        page.goto(base + "fr/assessments/our-skills/")
        expect(
            page.get_by_role("button", name="Exporter les réponses à remettre (JSON)")
        ).to_be_visible()  # French around it
        spring, autumn = programme / "handed-in", programme / "handed-in-autumn"
        spring.mkdir()
        autumn.mkdir()
        for person in range(6):  # six people, each in a browser of their own
            context = page.context.browser.new_context()
            reader = context.new_page()
            answers = {text: LABELS[(person + i) % 3] for i, text in enumerate(STATEMENTS)}
            role = "Mentee" if person == 5 else "Mentor"
            answer_and_export(reader, base + "assessments/our-skills/", answers, role, spring, f"person-{person}.json")
            later = {text: LABELS[min(3, (person + i) % 3 + 1)] for i, text in enumerate(STATEMENTS)}
            answer_and_export(reader, base + "assessments/our-skills/", later, role, autumn, f"person-{person}.json")
            context.close()
    finally:
        server.shutdown()
    exported = json.loads((spring / "person-5.json").read_text(encoding="utf-8"))
    assert exported["answers"]["role"] == "mentee"  # About you is exported...
    about = next(group for group in exported["results"]["groups"] if group["id"] == "about-you")
    assert about["level"] is None and about["evidence"] is None  # ...and never scored

    typed(FIRST_DAY[3], programme, installed)
    report = (tmp_path / "reports" / "spring" / "report.html").read_text(encoding="utf-8")
    assert "A programme" in report  # the programme's title, from site_name
    assert re.search(r"6 people", report)
    assert "Which role do you hold in the programme?" in report and "Mentor" in report
    typed(FIRST_DAY[4], programme, installed)
    compared = (tmp_path / "reports" / "autumn" / "report.html").read_text(encoding="utf-8")
    assert "handed-in: 6 people; handed-in-autumn: 6 people." in compared
    assert list((tmp_path / "reports" / "autumn").glob("*.svg"))  # the charts, as files too
