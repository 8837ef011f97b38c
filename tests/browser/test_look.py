"""What a person sees, held to rules a machine can check (tests/browser/look.js), in every view a
reader meets (tests/browser/journeys.py): on a desktop, and on a phone in both palettes. No text
clipped or running off the page and no sideways scroll at 360 px (a wide table scrolls in its own
region); no screen-reader text on screen; every field's boundary at least 3:1; every table styled
by the theme; nothing covering text, in the page or in a chart; fixed bars leaving at least 75% of
a phone's window. `make look` photographs the same views for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.assessment import INSTRUMENTS, spec_of
from tests.browser.journeys import View, follow_rules, look_at, open_view, views
from tests.browser.pages import one_of_each_kind
from tests.browser.reader import in_palette

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# Seen while answering and with results: one questionnaire of each scoring method (the others
# come from the same templates and code; `make look` shows them all), the first of each.
REPRESENTATIVE = list({spec_of(qid)["scoring"]["method"]: qid for qid in reversed(INSTRUMENTS)}.values())
# Fields a reader types in or picks from, whose boundaries the dark palette is checked for too.
FIELDS = "[data-questionnaire] :is(textarea, select, input:not([type=radio], [type=checkbox], [type=file]))"
# The views by what the reader is doing; each family is one test, so that the suite's workers share them.
FAMILIES = {
    "as loaded": lambda view: view.name.endswith(": as loaded"),
    "half answered": lambda view: view.name.endswith(": half answered"),
    "all answered": lambda view: view.name.endswith(": all answered"),
    "kept, shared and printed": lambda view: (
        not view.name.endswith((": as loaded", ": half answered", ": all answered"))
    ),
}


def check(page: Page, site: str, view: View) -> list[str]:
    """The view on a desktop, then on a phone in the light palette, then in the dark one. (Loaded at
    the desktop's width: Material's search panel, laid out for a phone and then widened, reaches past
    a desktop's window for a moment, which no reader loading a page sees.)"""
    page.set_viewport_size(DESKTOP)
    page.emulate_media(color_scheme="light")
    open_view(page, site, view)
    found = [f"{view.name}, desktop: {problem}" for problem in follow_rules(page)]
    page.set_viewport_size(PHONE)
    look_at(page, view)
    found += [f"{view.name}, phone, light: {problem}" for problem in follow_rules(page)]
    if page.locator(FIELDS).count():  # the rest of the rules see the same in either palette
        page.emulate_media(color_scheme="dark")
        in_palette(page, "dark")
        look_at(page, view)
        found += [f"{view.name}, phone, dark: {problem}" for problem in follow_rules(page)]
    return found


@pytest.mark.parametrize("family", FAMILIES)
def test_every_view_follows_the_rules_of_what_a_person_sees(page: Page, built_site, family: str):
    chosen = [view for view in views(one_of_each_kind(built_site), REPRESENTATIVE) if FAMILIES[family](view)]
    assert chosen, family
    problems = []
    for view in chosen:
        problems += check(page, built_site["url"], view)
    assert problems == [], f"{len(problems)} problem(s) of what a person sees:\n" + "\n".join(problems)
