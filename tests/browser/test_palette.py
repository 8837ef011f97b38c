"""Light or dark as the reader's system is set, followed while they read, until they choose
one with the header's toggle; the toggle's names in the page's language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.reader import choose_palette, in_palette, palette_toggle


@pytest.mark.parametrize("generator", ["mkdocs", "zensical"])
def test_the_palette_follows_the_system_until_the_reader_chooses_one(page: Page, request, generator: str):
    site = request.getfixturevalue("built_site" if generator == "mkdocs" else "zensical_site")["url"]
    page.goto(site + "about/benefits/")
    in_palette(page, "light")
    page.emulate_media(color_scheme="dark")  # the system turns dark in the evening
    in_palette(page, "dark")  # on the page being read
    page.goto(site + "assessments/mentor-competence/")
    in_palette(page, "dark")  # and on the next

    choose_palette(page, "light")
    in_palette(page, "light")
    page.reload()
    in_palette(page, "light")  # the reader's choice outlasts the system's setting
    choose_palette(page, "dark")
    in_palette(page, "dark")
    page.emulate_media(color_scheme="light")
    page.goto(site + "about/benefits/")
    in_palette(page, "dark")

    expect(palette_toggle(page)).to_have_attribute("title", "Follow the system's light or dark setting")
    palette_toggle(page).click()  # back to the system's setting, light now
    in_palette(page, "light")
    page.emulate_media(color_scheme="dark")
    in_palette(page, "dark")


def test_the_french_site_names_the_palette_toggle_in_french(page: Page, site: str):
    page.goto(site + "fr/")
    names = page.locator("form[data-md-component=palette] input").evaluate_all(
        "inputs => inputs.map(i => i.getAttribute('aria-label'))"
    )
    assert names == ["Passer en mode clair", "Passer en mode sombre", "Suivre le réglage clair ou sombre du système"]
    expect(palette_toggle(page)).to_have_attribute("title", "Passer en mode clair")
