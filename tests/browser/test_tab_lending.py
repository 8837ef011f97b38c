"""The suite's own promise about the tab it hands from test to test (conftest.py, ``page``): the
next test starts with a page load and empty storage, exactly as in a new context, or gets a new
tab. If this failed, a test could pass or fail because of the one that ran before it."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.conftest import _Tab
from tests.conftest import free_port, serve

SAVE = "() => { localStorage.setItem('mentorkit:x', '1'); sessionStorage.setItem('y', '2'); }"
STORED = "() => [Object.keys(localStorage), Object.keys(sessionStorage)]"


def test_a_tab_is_lent_again_only_emptied_and_only_when_nothing_outlasts_the_test(
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

        for lasting in (
            lambda p: p.on("dialog", lambda d: d.dismiss()),
            lambda p: p.route("**/*.json", lambda r: r.abort()),
            lambda p: p.add_init_script("window.x = 1"),
            lambda p: p.emulate_media(media="print"),
            lambda p: p.context.new_page(),
        ):
            page = tab.lend()
            page.goto(site)
            lasting(page)
            assert not tab.take_back()
            tab.lasting.clear()
            for other in tab.context.pages[1:]:
                other.close()
            page.unroute_all()
            page.emulate_media(media="screen")

        # a page of another origin (another site on this machine) leaves storage there: not lent
        port = free_port()
        server = serve(built_site["dir"], port)
        try:
            page = tab.lend()
            page.goto(f"http://127.0.0.1:{port}/")
            page.evaluate(SAVE)
            page.goto(site)
            assert not tab.take_back()
        finally:
            server.shutdown()
    finally:
        tab.context.close()
