"""What a person sees, held to rules a machine can check (tests/browser/look.js), in every view a
reader meets (tests/browser/journeys.py): on a desktop, and on a phone in both palettes. (Every page
kind as loaded on a desktop, and every questionnaire completed, on a desktop in both palettes and on
a phone, are held to them in test_accessibility.py, where axe opens them in those states.) No text
clipped or running off the page and no sideways scroll at 360 px (a wide table scrolls in its own
region); no screen-reader text on screen; every field's boundary at least 3:1; every table styled
by the theme; nothing covering text, in the page or in a chart; fixed bars leaving at least 75% of
a phone's window. `make look` photographs the same views for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.journeys import View, follow_rules, look_at, open_view, views
from tests.browser.pages import one_of_each_kind
from tests.browser.reader import in_palette

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# Seen while answering: the self-assessment and the agreement, whose fields are typed in (the others
# come from the same templates and code; `make look` shows them all).
REPRESENTATIVE = ["mentor-competence", "mentoring-agreement"]
# Fields a reader types in or picks from, whose boundaries the dark palette is checked for too.
FIELDS = "[data-questionnaire] :is(textarea, select, input:not([type=radio], [type=checkbox], [type=file]))"
# The views by what the reader is doing, each family one test (the suite's workers share them), and
# whether it is looked at on a desktop here (every page kind as loaded is, in test_accessibility.py).
FAMILIES = {
    "as loaded": (lambda view: view.name.endswith(": as loaded"), False),
    "answering, kept, shared and printed": (
        lambda view: not view.name.endswith((": as loaded", ": all answered")),
        True,
    ),
}


def check(page: Page, site: str, view: View, desktop: bool) -> list[str]:
    """The view on a desktop, then on a phone in the light palette, then in the dark one where it has
    fields. (Loaded at the desktop's width: Material's search panel, laid out for a phone and then
    widened, reaches past a desktop's window for a moment, which no reader loading a page sees.)"""
    found = []
    page.emulate_media(color_scheme="light")
    if desktop:
        page.set_viewport_size(DESKTOP)
        open_view(page, site, view)
        found += [f"{view.name}, desktop: {problem}" for problem in follow_rules(page)]
        page.set_viewport_size(PHONE)
        look_at(page, view)
    else:
        page.set_viewport_size(PHONE)
        open_view(page, site, view)
    found += [f"{view.name}, phone, light: {problem}" for problem in follow_rules(page)]
    if page.locator(FIELDS).count():  # the rest of the rules see the same in either palette
        page.emulate_media(color_scheme="dark")
        in_palette(page, "dark")
        look_at(page, view)
        found += [f"{view.name}, phone, dark: {problem}" for problem in follow_rules(page)]
    return found


@pytest.mark.parametrize("family", FAMILIES)
def test_every_view_follows_the_rules_of_what_a_person_sees(page: Page, built_site, family: str):
    wanted, desktop = FAMILIES[family]
    chosen = [view for view in views(one_of_each_kind(built_site), REPRESENTATIVE) if wanted(view)]
    assert chosen, family
    problems = []
    for view in chosen:
        problems += check(page, built_site["url"], view, desktop)
    assert problems == [], f"{len(problems)} problem(s) of what a person sees:\n" + "\n".join(problems)


def test_a_site_built_by_zensical_follows_the_same_rules(page: Page, zensical_site):
    """The theme and runtime are the same under Zensical, its templates are its own: a guidance page,
    and the self-assessment as loaded and with its results, on a phone in both palettes."""
    kinds = one_of_each_kind(zensical_site)
    chosen = [
        View("guidance: as loaded", kinds["guidance"]),
        *[
            view
            for view in views({}, ["mentor-competence"])
            if view.name.endswith((": all answered", ": half answered"))
        ],
    ]
    problems = []
    for view in chosen:
        problems += [f"zensical, {line}" for line in check(page, zensical_site["url"], view, False)]
    assert problems == [], f"{len(problems)} problem(s) of what a person sees:\n" + "\n".join(problems)
