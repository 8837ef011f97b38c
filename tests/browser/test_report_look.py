"""The board report as the board reads it: on a phone, on a desktop and on paper (print styles at
the width of a portrait A4 page less Chromium's default margins), in Chromium, in English and in
French (longer words, the French questionnaire's text). Held to the rules of what a person sees
(look.js: nothing scrolls sideways or is cut off, nothing covers text) and to axe-core; `make look`
keeps the same views as pictures."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from mentorkit.commands.cli import main
from playwright.sync_api import Page

from tests.browser.journeys import follow_rules
from tests.browser.test_accessibility import violations
from tests.unit.test_cli_report import COMPETENCE, spec_of, write_files

# The report's ways of being read: (width, height, media).
READINGS = {"phone": (360, 740, "screen"), "desktop": (1280, 800, "screen"), "paper": (718, 1000, "print")}


def write_cohorts(folder: Path, language: str = "en") -> Path:
    """Two cohorts as a programme hands them in (24 people, then 20 a year on, most of them near
    the middle of the scale), reported on in ``language``; the report's file."""
    spec = spec_of(COMPETENCE)
    items = [i["id"] for g in spec["groups"] for i in g["items"] if i["type"] == "scale"]

    def person(seed: int, skill: float) -> dict:
        draw = random.Random(seed)
        return {item: min(3, max(0, round(draw.gauss(skill, 0.6)))) for item in items}

    write_files(folder / "before", spec, [person(n, 1.8) for n in range(24)])
    write_files(folder / "after", spec, [person(100 + n, 2.3) for n in range(20)])
    names = ["--name", "Spring 2026", "--name", "Spring 2027"]
    argv = ["report", str(COMPETENCE), str(folder / "before"), str(folder / "after"), "--output", str(folder / "out")]
    assert main([*argv, *names, "--language", language]) == 0
    return folder / "out" / "report.html"


@pytest.fixture(scope="module", params=["en", "fr"])
def report_url(tmp_path_factory, request) -> str:
    return write_cohorts(tmp_path_factory.mktemp("report"), request.param).as_uri()


@pytest.mark.parametrize("reading", READINGS)
def test_the_board_report_reads_on_a_phone_a_desktop_and_paper(page: Page, report_url: str, reading: str):
    width, height, media = READINGS[reading]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(media=media)
    page.goto(report_url)
    assert page.locator("table").count() >= 8  # the whole report is there, not an error page
    problems = follow_rules(page) + violations(page, f"the report on {reading}")
    assert not problems, "\n".join(problems)
