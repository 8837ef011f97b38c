"""The lent tab made a particular reader's before they open the site: the palette their system
asks for, their screen, the answers they already gave. Cheaper than a new browser context (a new
renderer process), and put back by the ``page`` fixture when the test ends."""

from __future__ import annotations

from playwright.sync_api import Page, expect

SCHEMES = {"light": "default", "dark": "slate"}  # Material's name for each palette


def as_a_reader(
    page: Page, site: str, *, palette: str | None = None, screen: dict | None = None, answers: list | None = None
) -> Page:
    """The tab as a reader's own before they open the site: the palette their system asks for,
    their screen, and the answers they gave (stored on the site's origin, as the form stores them).
    The tab's fixture puts palette and screen back when the test ends, and empties storage."""
    if screen:
        page.set_viewport_size(screen)
    if palette:
        page.emulate_media(color_scheme=palette)
    if palette or answers:
        page.goto(site)
        # Material stores the palette it shows when the system's preference changes under an open
        # page, and keeps it: a reader who never chose one has none stored.
        page.evaluate("() => localStorage.clear()")
    if answers:
        page.evaluate("items => { for (const {name, value} of items) localStorage.setItem(name, value); }", answers)
    return page


def in_palette(page: Page, palette: str) -> None:
    """The page is drawn in this palette, light or dark: the one the reader's system asks for or
    the one they chose (a check in the wrong one would check nothing new)."""
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[palette])


# The header's toggle goes from the system's setting to light, to dark, and back: the title it
# shows once each is chosen.
_TOGGLE_AFTER = {"light": "Switch to dark mode", "dark": "Follow the system's light or dark setting"}


def palette_toggle(page: Page):
    """The header's palette toggle, as shown (one of its three labels at a time)."""
    return page.locator("form[data-md-component=palette] label:visible")


def choose_palette(page: Page, palette: str) -> None:
    """The reader chooses light or dark with the header's toggle, as many presses as it takes."""
    toggle = palette_toggle(page)
    for _ in range(3):
        if toggle.get_attribute("title") == _TOGGLE_AFTER[palette]:
            return
        toggle.click()
    raise AssertionError(f"the toggle never offered what follows {palette}")
