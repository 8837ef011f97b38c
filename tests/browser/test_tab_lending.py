"""The suite's own promise about the tab it hands from test to test (conftest.py, ``page``): the
next test starts with a page load and empty storage, exactly as in a new context, or gets a new
tab. If this failed, a test could pass or fail because of the one that ran before it."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.conftest import _Tab
from tests.conftest import listening

SAVE = "() => { localStorage.setItem('mentorkit:x', '1'); sessionStorage.setItem('y', '2'); }"
STORED = "() => [Object.keys(localStorage), Object.keys(sessionStorage)]"
# What a page sees of its tab that a test may have changed: scripts run before it, media, screen.
AS_NEW = """() => [typeof window.fromTheLastTest, innerWidth, innerHeight,
    ...['print', '(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)'].map(q => matchMedia(q).matches)]"""


def fresh_state(browser: Browser, url: str) -> list:
    """AS_NEW in a new context's tab."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        return page.evaluate(AS_NEW)
    finally:
        context.close()


def test_a_tab_is_lent_again_only_emptied_and_put_back_and_only_when_nothing_outlasts_the_test(
    browser: Browser, site: str, built_site
):
    tab = _Tab(browser, {})
    try:
        page = tab.lend()
        page.goto(site)
        page.evaluate(SAVE)
        page.goto(site + "assessments/mentor-competence/")  # more pages of the same site
        assert tab.take_back()

        page = tab.lend()
        page.goto(site)
        fresh = browser.new_context()
        new_tab = fresh.new_page()
        new_tab.goto(site)
        # what the last test saved is gone: the storage is what a new context's is after one page
        # load (Material's palette alone)
        assert page.evaluate(STORED) == new_tab.evaluate(STORED) == [["/.__palette"], []]
        fresh.close()

        # what a test changed that can be put back is put back: the next test sees none of it
        handled = []
        page = tab.lend()
        page.goto(site)
        page.on("dialog", lambda dialog: (handled.append(dialog.message), dialog.accept()))
        page.once("dialog", lambda dialog: handled.append("once, run"))
        page.once("console", lambda message: handled.append("once, never run"))
        page.add_init_script("window.fromTheLastTest = 1")
        page.emulate_media(media="print", color_scheme="dark", reduced_motion="reduce")
        page.set_viewport_size({"width": 360, "height": 740})
        assert page.evaluate("confirm('yes?')") is True and handled == ["yes?", "once, run"]
        assert tab.take_back()
        page = tab.lend()
        page.goto(site)
        assert page.evaluate(AS_NEW) == fresh_state(browser, site)
        assert page.evaluate("confirm('again?')") is False and len(handled) == 2  # dismissed, as by default
        page.evaluate("console.log('nobody listens')")
        assert tab.take_back() and handled == ["yes?", "once, run"]

        for lasting in (
            lambda p: p.route("**/*.json", lambda r: r.abort()),
            lambda p: p.context.new_page(),
            lambda p: p.context.grant_permissions(["clipboard-read"]),
        ):
            page = tab.lend()
            page.goto(site)
            lasting(page)
            assert not tab.take_back()
            tab.lasting.clear()
            for other in tab.context.pages[1:]:
                other.close()
            page.unroute_all()
            tab.context.clear_permissions()

        # a page of another origin (another site on this machine) leaves storage there: not lent
        server, other = listening(built_site["dir"])
        try:
            page = tab.lend()
            page.goto(other)
            page.evaluate(SAVE)
            page.goto(site)
            assert not tab.take_back()
        finally:
            server.shutdown()
    finally:
        tab.context.close()
